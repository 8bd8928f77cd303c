"""Azerbaijani folding and transliteration, defined once for every engine.

Elasticsearch runs these tables as ``mapping`` char filters followed by lowercase and
``asciifolding`` (search/analysis.py builds its settings from them); the database backends
run the same steps in Python on each object's text at index time and on the reader's words
(``fold``, ``transliterate``), so "Seki", "Sheki" and "Shaki" find "Şəki" on both.
``tests/search/test_analysis.py`` checks on the real node that both give the same tokens.
"""

import re
import unicodedata

from core.collation import azerbaijani_lower

# ə is folded to e, not to a as asciifolding would: "Seki" and "Gence" are the usual spellings.
FOLDING = {"Ə": "e", "ə": "e"}

# Azerbaijani letters to English romanisation, then a → e so that the romanisations of ə
# (Gəncə as "Ganja" or "Gence") meet. c is Azerbaijani for the English j sound; an English
# "ch" must survive as ch, hence the explicit bigrams (the longest match wins).
TRANSLITERATION = {
    "ch": "ch",
    "Ch": "ch",
    "CH": "ch",
    "Ş": "sh",
    "ş": "sh",
    "Ç": "ch",
    "ç": "ch",
    "Ğ": "gh",
    "ğ": "gh",
    "X": "kh",
    "x": "kh",
    "Q": "g",
    "q": "g",
    "C": "j",
    "c": "j",
    "Ə": "e",
    "ə": "e",
    "A": "e",
    "a": "e",
    "İ": "i",
    "I": "i",
    "ı": "i",
    "Ö": "o",
    "ö": "o",
    "Ü": "u",
    "ü": "u",
}

# The letters whose case or accent ASCII-only SQL functions (SQLite's lower()) miss.
AZERBAIJANI_LETTERS = "IİƏəŞşÇçĞğıÖöÜü"

# What asciifolding does beyond dropping accents, for the letters met in our texts.
_ASCII_EXTRA = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae"})


def es_mappings(table: dict[str, str]) -> list[str]:
    """A table as the ``mappings`` of an Elasticsearch ``mapping`` char filter."""
    return [f"{source} => {target}" for source, target in table.items()]


def _mapper(table: dict[str, str]):
    """Longest match first, as Elasticsearch's mapping char filter replaces."""
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(key) for key in keys))
    return lambda text: pattern.sub(lambda match: table[match.group()], text)


_fold_map = _mapper(FOLDING)
_translit_map = _mapper(TRANSLITERATION)


def ascii_fold(text: str) -> str:
    """Accents dropped as Lucene's asciifolding drops them (ş→s, ç→c, ğ→g, ö→o, ü→u, ı→i)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """What the ``folded`` sub-field indexes: "Şəki" → "seki", "Işıq" → "isiq"."""
    return ascii_fold(azerbaijani_lower(_fold_map(text)))


def transliterate(text: str) -> str:
    """What the ``translit`` sub-field indexes: "Şəki", "Sheki", "Shaki" → "sheki"."""
    return ascii_fold(_translit_map(text).lower())
