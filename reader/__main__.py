"""`python -m reader` runs the `tonle` command."""

from reader.cli import main

main()
