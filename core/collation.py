"""Sorting text in the reader's language the same way on every database.

SQLite orders by code point and PostgreSQL by the server's locale, so neither puts "Ş"
after "S" or "Ə" after "E" for an Azerbaijani reader. Lists short enough to sort in Python
use ``collation_key`` instead of ``ORDER BY``.
"""

import unicodedata

# The Azerbaijani alphabet, with the Latin letters it lacks (w) where Latin has them.
AZERBAIJANI_ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvwyz"
_RANK = {letter: rank for rank, letter in enumerate(AZERBAIJANI_ALPHABET)}
# Letters without a decomposition that other languages read as a Latin letter.
_LATIN = str.maketrans({"ə": "e", "ı": "i", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae"})


def azerbaijani_lower(text: str) -> str:
    """Lowercase as Lucene's Turkish lowercase filter does: I→ı and İ→i, then the rest.

    Search's folding (search/folding.py) lowercases with it too.
    """
    return text.replace("I", "ı").replace("İ", "i").lower().replace("i\u0307", "i")


def _base_letter(char: str) -> str:
    """A letter outside the alphabet ("é", "ñ") sorts with its unaccented letter."""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(part for part in decomposed if not unicodedata.combining(part)) or char


def _azerbaijani_key(text: str) -> tuple:
    ranks = []
    for char in azerbaijani_lower(text):
        if char in _RANK:
            ranks.append((2, _RANK[char]))
        elif (base := _base_letter(char)) in _RANK:
            ranks.append((2, _RANK[base]))
        elif char.isdigit():
            ranks.append((1, ord(char)))
        elif char.isalpha():
            ranks.append((3, ord(char)))
        else:
            ranks.append((0, ord(char)))
    return tuple(ranks)


def collation_key(text: str, language: str) -> tuple:
    """A sort key for ``text`` as a reader of ``language`` expects it ordered.

    Azerbaijani: a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z, case
    aside. Other languages: case and accents aside ("Échelle" with "Echo"). The text itself
    breaks ties, so the order is total and stable across databases.
    """
    if language == "az":
        return (_azerbaijani_key(text), text)
    folded = "".join(_base_letter(char) for char in text.casefold().translate(_LATIN))
    return (folded, text)
