"""`python -m reader` runs the `tonle` command."""

from reader.main import main

main()
