"""The words readers can find on the database backends, for "did you mean".

Elasticsearch's term suggester reads the words of its index; the database backends have no
such list, so this one is read from what every registered type shows readers (its title and
body texts, all languages, as ``_all_text`` holds them) when a search first needs it, and
kept in the cache until an indexed object changes (search/signal_handlers.py) or for
``VOCABULARY_SECONDS``. A word removed since is harmless: every candidate is checked
against the search before it is offered.

Only the newest ``VOCABULARY_DOCUMENTS`` of each type are read: reading all of a 100,000
release archive took longer than gunicorn lets a request run (make load), and the newest
few thousand texts already hold the words readers mistype.
"""

from collections import Counter

from django.core.cache import cache

from .folding import azerbaijani_lower
from .morphology import WORD
from .registry import registry

VOCABULARY_SECONDS = 600
VOCABULARY_DOCUMENTS = 5000
CACHE_KEY = "search:vocabulary"
# As the term suggester's defaults: words of 4 letters or more, up to 2 edits away, the
# first letter as typed.
MIN_WORD_LENGTH = 4
MAX_EDITS = 2


def _vocabulary_build() -> dict[str, int]:
    """Each word of the public texts with the number of documents holding it."""
    counts: Counter = Counter()
    for search_type in registry.types():
        newest = search_type.live().order_by("-pk")[:VOCABULARY_DOCUMENTS]
        for obj in newest.iterator(chunk_size=500):
            title, texts = search_type.texts(obj)
            words = {azerbaijani_lower(word) for word in WORD.findall(" ".join([title, *texts]))}
            counts.update(word for word in words if not word.isdigit())
    return dict(counts)


def vocabulary(*, build: bool = True) -> dict[str, int] | None:
    """The vocabulary, read from the texts if needed; with ``build=False`` only one already
    built (None otherwise), for a search that must answer within a bound."""
    if not build:
        return cache.get(CACHE_KEY)
    return cache.get_or_set(CACHE_KEY, _vocabulary_build, VOCABULARY_SECONDS)


def vocabulary_forget() -> None:
    """Called when an indexed object changes: the next suggestion reads the texts again."""
    cache.delete(CACHE_KEY)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it is known to exceed ``limit``."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def candidates_for(word: str, words: dict[str, int], limit: int) -> list[str]:
    """The closest of ``words`` (a vocabulary) to ``word``, nearest and commonest first; none
    for a word the vocabulary holds, as the term suggester's ``missing`` mode."""
    word = azerbaijani_lower(word)
    if len(word) < MIN_WORD_LENGTH or word in words:
        return []
    scored = []
    for known, count in words.items():
        if known[0] != word[0] or known == word or abs(len(known) - len(word)) > MAX_EDITS:
            continue
        distance = _distance(word, known, MAX_EDITS)
        if distance <= MAX_EDITS:
            scored.append((distance, -count, known))
    return [known for _distance, _count, known in sorted(scored)[:limit]]
