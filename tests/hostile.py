"""Hostile parameter values, one table for every route test: add a value here when a new kind
of input breaks something, and every public page and API operation is tried with it.

Values are written as they travel in a URL (percent-encoded), so that bytes no Python string
holds (invalid UTF-8, a lone surrogate's encoding) can be sent as well.
"""

from collections.abc import Iterator
from urllib.parse import quote


def _encoded(value: str) -> str:
    return quote(value, safe="")


HOSTILE_VALUES: dict[str, str] = {
    "nul": _encoded("a\x00b"),
    "control characters": _encoded("a\x01\x08\x1b\x7f\x9fb"),
    "line breaks": _encoded("a\r\nSet-Cookie: x=1"),
    "superscript digit": _encoded("²"),
    "arabic-indic digits": _encoded("١٢"),
    "fullwidth digits": _encoded("\uff11\uff12"),
    "minus one": "-1",
    "zero": "0",
    "2**63": str(2**63),
    "10**30": str(10**30),
    "1e400": "1e400",
    "nan": "NaN",
    "5,000 characters": "a" * 5000,
    "many words": "+".join(f"word{n}" for n in range(300)),
    "invalid utf-8": "%C3%28%FF%FE",
    "lone surrogate": "%ED%A0%80",
    "right-to-left override": _encoded("\u202egnp.exe"),
    "emoji": _encoded("📰🔥👩‍👩‍👧"),
    "lucene syntax": _encoded('title:(a OR b) AND body:* ~2 ^3 [a TO z] "open \\'),
    "elasticsearch json": _encoded('{"query": {"match_all": {}}}'),
    "sql and html": _encoded("' OR 1=1 -- <script>alert(1)</script>"),
    "date at the end of time": _encoded("9999-12-31T23:59:59-12:00"),
    "date at the start of time": _encoded("0001-01-01T00:00:00"),
    "date past year 9999": "10000-01-01",
    "impossible date": "2024-02-30",
    "empty": "",
    "spaces only": "+++",
}

# How many times a parameter is repeated: twice, and more than any list filter takes.
REPEATS = (2, 50)


def hostile_queries(name: str) -> Iterator[tuple[str, str]]:
    """``(label, query string)`` for each hostile value of ``name``, then repeated ones."""
    key = _encoded(name)
    for label, value in HOSTILE_VALUES.items():
        yield label, f"{key}={value}"
    for times in REPEATS:
        yield f"repeated {times} times", "&".join(f"{key}={n}" for n in range(times))
