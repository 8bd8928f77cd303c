"""Reading the query parameters of public pages safely: text without control characters,
whole numbers from ASCII digits only, each within bounds, so no value can overflow a
database column or carry a byte PostgreSQL refuses."""

import re
import unicodedata

from django.http import QueryDict

# Words: runs of letters and digits (Unicode), with inner hyphens and apostrophes kept, so that
# punctuation and search engines' syntax characters never become part of a term.
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
# Words a search reads. Each is a clause for Elasticsearch and a condition for the database
# (whose query builders recurse per word: 300 words overflow Python's stack on PostgreSQL);
# a reader's search has a handful, 32 is a pasted paragraph's first sentences.
MAX_QUERY_WORDS = 32


def printable(value: str) -> str:
    """``value`` trimmed, without control, format or unassigned characters.

    PostgreSQL rejects NUL bytes in text and no real value contains control characters,
    so they are dropped rather than sent to the database.
    """
    return "".join(ch for ch in value if not unicodedata.category(ch).startswith("C")).strip()


def text_param(query: QueryDict, name: str, *, max_length: int) -> str:
    """The parameter printable and cut to ``max_length``; "" when absent."""
    return printable(query.get(name, ""))[:max_length]


def whole_number(value: str, *, minimum: int, maximum: int) -> int | None:
    """``value`` as a number within bounds, else None.

    ASCII digits only: ``str.isdigit`` also accepts '²' and other digits ``int`` refuses, and
    the length check keeps ``int`` from parsing a megabyte of digits.
    """
    value = value.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(maximum)):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def int_param(query: QueryDict, name: str, *, minimum: int, maximum: int) -> int | None:
    """The parameter as a whole number within bounds; None when absent or not one."""
    return whole_number(query.get(name, ""), minimum=minimum, maximum=maximum)
