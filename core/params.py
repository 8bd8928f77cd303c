"""Reading free-text query parameters of public pages safely."""

import unicodedata

from django.http import QueryDict


def text_param(query: QueryDict, name: str, *, max_length: int) -> str:
    """The parameter trimmed, cut to max_length, with control characters removed.

    PostgreSQL rejects NUL bytes in text and no real value contains control
    characters, so they are dropped rather than sent to the database.
    """
    value = query.get(name, "")
    cleaned = "".join(ch for ch in value if not unicodedata.category(ch).startswith("C"))
    return cleaned.strip()[:max_length]
