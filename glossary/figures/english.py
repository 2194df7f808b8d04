"""The English words figures are written with, as data: number and ordinal words,
scales, months, qualifiers, currencies, units, dimensions and the counted nouns.

A new currency, unit or counted noun is one line here (and, for a counted noun's new
class, a counter in each language's module)."""

from __future__ import annotations

SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUE = {word: n for n, word in enumerate(SMALL)} | {
    word: 10 * n for n, word in enumerate(TENS, 2)
}
ORDINAL_SMALL = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
ORDINAL_VALUE = {word: n for n, word in enumerate(ORDINAL_SMALL)} | {
    word[:-1] + "ieth": 10 * n for n, word in enumerate(TENS, 2)
}
SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

QUALIFIERS = {
    "more than": "more",
    "over": "more",
    "roughly": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "some": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "less than": "less",
    "fewer than": "less",
    "at least": "least",
}
CURRENCIES = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "usdollars": "USD",
    "dollars": "USD",
    "khr": "KHR",
    "៛": "KHR",
    "riel": "KHR",
    "riels": "KHR",
    "krw": "KRW",
    "₩": "KRW",
    "won": "KRW",
}
UNITS = (  # (pattern, CLDR unit)
    (r"sq\.?\s?km\b|square\s+kilomet(?:re|er)s?\b|km²|km2\b", "area-square-kilometer"),
    (r"sq\.?\s?m\b|square\s+met(?:re|er)s?\b|m²", "area-square-meter"),
    (r"hectares?\b|ha\b", "area-hectare"),
    (r"kilomet(?:re|er)s?\b|km\b", "length-kilometer"),
    (r"met(?:re|er)s\b", "length-meter"),
    (r"miles?\b", "length-mile"),
    (r"kilograms?\b|kg\b", "mass-kilogram"),
)
DIMENSIONS = {
    "long": "length",
    "wide": "width",
    "deep": "depth",
    "high": "height",
    "tall": "height",
}
# Words before a digit ordinal that make it a rank ("ranked second"), and words before a
# spelled ordinal that make it a fraction or a unit ("a second", "one third").
RANK_WORDS = ("ranked", "ranks", "rank", "placed", "finished", "came")
NOT_ORDINAL_AFTER = ("a", "an", "one", "per", "split", "two", "three")
VAGUE = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6}

# The counted noun after a number, by the class of counter Korean and Khmer use for it.
NOUNS = {
    "person": (
        "people persons workers students children women men girls boys adults migrants "
        "refugees residents tourists visitors soldiers troops employees staff teachers "
        "doctors nurses patients farmers victims voters members citizens "
        "labourers laborers"
    ),
    "dignitary": "presidents leaders officials ministers ambassadors delegates monks",
    "company": "companies firms enterprises businesses factories",
    "project": "projects",
    "country": "countries nations",
    "couple": "couples",
    "family": "families households",
    "time": "times",
}
NOUN_CLASS = {noun: cls for cls, nouns in NOUNS.items() for noun in nouns.split()}
