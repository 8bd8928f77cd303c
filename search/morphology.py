"""Azerbaijani inflection, defined once for every engine: one suffix grammar, two runners.

Elasticsearch runs ``SUFFIX_PATTERN`` as stock ``pattern_replace`` token filters (the
``stem`` sub-fields of search/analysis.py); the database backends run the same pattern in
Python, on a stemmed copy of each object's text (``text_stems``) and on the reader's words
(``stem``). Java and Python read this anchored pattern alike (lazy stem, optional groups),
so both engines stem a word to the same string by construction (pinned by
tests/search/test_analysis.py on the real node).

The grammar strips a noun's endings in their order, stem + plural + possessive + case:
the shortest stem of ``MIN_STEM`` letters or more that the rest parses as. It is applied
``PASSES`` times, so that a lemma and its inflected forms meet even where the lemma itself
ends like a suffix (``ailə`` → ``ail`` as if dative, ``ailələrinə`` → ``ailə`` → ``ail``).
Vowel harmony is not checked (a harmony-breaking ending does not occur in real words); which
letter an ending follows is, through lookbehinds, which Java and Python also read alike.
"""

import functools
import re

from wagtail.search import index

from .folding import azerbaijani_lower, fold, transliterate

NARROW = "[ıiuü]"  # the four-way harmony vowel of -ın, -ı, -sı, -ımız, ...
WIDE = "[aə]"  # the two-way one of -lar, -da, -dan, -a, ...
# What the ending follows (a lookbehind): the buffer consonants n, y and s come after vowels.
VOWEL = "(?<=[aeıioöuüə])"
CONSONANT = "(?<=[^aeıioöuüə])"

PLURAL = f"l{WIDE}r"
THIRD_PERSON = f"{CONSONANT}{NARROW}|{VOWEL}s{NARROW}"
# -ı/-sı (his, their), -ımız/-ınız (our, your) and, after a vowel, -n (your): the last one
# also lets "Lənkəran" meet "Lənkəranın", which reads as Lənkəra-nın as much as Lənkəran-ın.
POSSESSIVE = f"{THIRD_PERSON}|{NARROW}?m{NARROW}z|{NARROW}?n{NARROW}z|{VOWEL}n"
# Genitive, dative, accusative, locative, ablative, -dakı, instrumental.
CASE = "|".join(
    (
        f"{CONSONANT}{NARROW}n|{VOWEL}n{NARROW}n",
        f"{CONSONANT}{WIDE}|{VOWEL}y{WIDE}",
        f"{CONSONANT}{NARROW}|{VOWEL}n{NARROW}",
        f"d{WIDE}n?|d{WIDE}k{NARROW}",
        f"{CONSONANT}l{WIDE}|{VOWEL}yl{WIDE}",
    )
)
# After a third-person possessive the case takes the buffer n: ailə-si-nə, çay-ı-nın.
BUFFERED_CASE = f"n(?:{NARROW}n|{WIDE}|{NARROW}|d{WIDE}n?|d{WIDE}k{NARROW})"

MIN_STEM = 3
PASSES = 3
SUFFIX_PATTERN = (
    f"^(.{{{MIN_STEM},}}?)(?:{PLURAL})?"
    f"(?:(?:{THIRD_PERSON}){BUFFERED_CASE}|(?:{POSSESSIVE})?(?:{CASE})?)$"
)
# The same grammar for text already folded (ə→e, ı→i, ü→u, ...) or transliterated
# (a and ə→e, c→j, ...) by search/analysis.py, so "Gence" and "Ganja" find "Gəncədə".
FOLDED = str.maketrans({"ə": "e", "ı": "i", "ü": "u", "ö": "o"})
TRANSLITERATED = str.maketrans({"ə": "e", "a": "e", "ı": "i", "ü": "u", "ö": "o"})

_SUFFIXES = re.compile(SUFFIX_PATTERN)
_FOLDED_SUFFIXES = re.compile(SUFFIX_PATTERN.translate(FOLDED))
_TRANSLITERATED_SUFFIXES = re.compile(SUFFIX_PATTERN.translate(TRANSLITERATED))
# Runs of letters and digits, as Elasticsearch's standard tokenizer splits Azerbaijani text.
WORD = re.compile(r"[^\W_]+")


def _strip(suffixes: re.Pattern, word: str) -> str:
    for _ in range(PASSES):
        word = suffixes.sub(r"\1", word)
    return word


def stem(word: str) -> str:
    """The stem Elasticsearch's ``stem`` sub-field indexes for ``word``."""
    return _strip(_SUFFIXES, azerbaijani_lower(word))


@functools.lru_cache(maxsize=65536)  # highlights and the vocabulary ask again for each word
def search_keys(word: str) -> tuple[str, ...]:
    """What the ``stem``, ``folded_stem`` and ``translit_stem`` sub-fields index for
    ``word``, each once: two words meet on the database backends when they share a key,
    as they meet on Elasticsearch when they share a token of one of those sub-fields."""
    return tuple(
        dict.fromkeys(
            (
                stem(word),
                _strip(_FOLDED_SUFFIXES, fold(word)),
                _strip(_TRANSLITERATED_SUFFIXES, transliterate(word)),
            )
        )
    )


def stems(text: str) -> list[str]:
    """The stems of every word of ``text``, in order."""
    return [stem(word) for word in WORD.findall(text)]


def pattern_replace_filters(table=None) -> list[dict]:
    """``SUFFIX_PATTERN`` (translated by ``table``) as Elasticsearch token filters."""
    pattern = SUFFIX_PATTERN.translate(table) if table else SUFFIX_PATTERN
    return [{"type": "pattern_replace", "pattern": pattern, "replacement": "$1"}] * PASSES


def text_stems(obj) -> str:
    """The search keys of every word of an indexed object's analysed text fields, each once.

    Models declare it as ``search_stems = property(text_stems)`` with ``stems_search_field()``
    in their search_fields: on the model itself, where Wagtail's mapping looks for it.
    """
    words = []
    for search_field in obj.get_search_fields():
        subfields = getattr(search_field, "kwargs", {}).get("es_extra", {}).get("fields")
        if type(search_field) is index.SearchField and subfields:
            value = search_field.get_value(obj)
            if isinstance(value, list | tuple):
                value = " ".join(str(item) for item in value)
            words += WORD.findall(str(value or ""))
    return " ".join(dict.fromkeys(key for word in words for key in search_keys(word)))


def stems_search_field() -> index.SearchField:
    """The stemmed, folded and transliterated copy of a model's text (``text_stems``), for
    the database backends.

    Elasticsearch stems in its own analysis, so there it is neither indexed nor copied into
    ``_all_text``, where the suggester would offer stems as words.
    """
    return index.SearchField("search_stems", es_extra={"include_in_all": False, "index": False})
