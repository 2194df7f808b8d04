"""Spaced review: which cards, in what order, scheduled by FSRS (the `fsrs` package).

No Textual here: the review screen and `tonle review` drive a `ReviewSession`.
"""
