"""Whether a mention found in the matching key starts and ends at word boundaries of
the text, for the scripts whose words the key cannot see: Khmer (no spaces between
words; `khmer_words`) and Korean (particles attached; `korean_words`). English word
boundaries are checked on the key itself (`linker`)."""

from __future__ import annotations

from glossary import khmer_words, korean_words


def fits_words(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, a mention, may be a link as far as words go."""
    first = text[start]
    if first < "\u1100":  # Latin and everything before Hangul jamo: decided already
        return True
    if "\u1780" <= first <= "\u17ff":
        return khmer_words.fits_words(text, start, end)
    if korean_words.is_hangul(first):
        return korean_words.fits_words(text, start, end)
    return True
