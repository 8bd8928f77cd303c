"""The fallback on Wagtail's database backend: the same SearchQuery in, the same results out.

Used when Elasticsearch is not configured (``make run`` needs no Java). Matching is what the
database's full-text search does, with Elasticsearch's Azerbaijani analysis: each word is
also looked for as its stem, folded stem and transliterated stem, which the index holds for
every indexed word (search/morphology.py and search/folding.py, the tables Elasticsearch's
analysis is built from); "did you mean" comes from a vocabulary (search/vocabulary.py);
filters come from each registered type's own selectors (search/registry.py), facet counts
from the ORM, and highlights are made here, escaped.
"""

import re
import time

from django.db.models import Count, F, Q, Value
from django.db.models.functions import Lower, Replace
from django.utils.html import escape
from wagtail.models import Locale
from wagtail.search.query import And, Or, Phrase, PlainText

from .elasticsearch import FRAGMENTS, RawHit, RawResults
from .folding import AZERBAIJANI_LETTERS, fold
from .morphology import WORD, search_keys
from .query import SearchQuery, Term
from .registry import SearchType, active_filters, registry
from .snippets import word_span
from .suggestion import SUGGEST_BELOW, SUGGESTIONS, suggestion_text
from .vocabulary import candidates_for, vocabulary

FRAGMENT_CHARS = 80


class TooSlow(Exception):
    """A bounded search (search/fallback.py) ran past its deadline."""


def _in_time(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TooSlow


# Words of one query that "did you mean" corrects, each costing a few searches.
SUGGESTED_WORDS = 3


def _locale_ids(languages) -> list[int]:
    return list(Locale.objects.filter(language_code__in=languages).values_list("pk", flat=True))


def _public(search_type: SearchType, locale_ids):
    return search_type.live().filter(**{f"{search_type.locale_field}__in": locale_ids})


def _candidates(search_type: SearchType, active: dict, locale_ids, ids=()):
    """What the type's own selectors let through the reader's filters; None if ruled out."""
    if not search_type.supports(active):
        return None
    queryset = _public(search_type, locale_ids)
    if ids:
        queryset = queryset.filter(pk__in=ids)
    return search_type.narrow(queryset, **active)


def _word_query(word: str):
    """A word as typed or any of its keys (``search_stems`` holds those of every word)."""
    return Or([PlainText(text) for text in dict.fromkeys((word, *search_keys(word)))])


def _found(backend, term: Term, queryset, cap: int | None = None) -> set[int]:
    query = Phrase(term.text) if term.phrase else _word_query(term.text)
    results = backend.search(query, queryset)
    return {obj.pk for obj in (results[:cap] if cap else results)}


def _words(parsed) -> list[str]:
    """The reader's words and their keys: what ranks and what is highlighted."""
    words = parsed.words()
    return list(dict.fromkeys([*words, *(key for word in words for key in search_keys(word))]))


def _bounded(
    backend, search_type: SearchType, queryset, query: SearchQuery, limit: int
) -> list[int] | None:
    """At most ``limit`` primary keys in the query's order, each step a LIMITed query; None
    when the query needs the general path (OR groups, phrases, exclusions)."""
    parsed, date_field = query.parsed, search_type.date_field
    ordering = []
    if date_field and query.effective_sort != "relevance":
        sign = "-" if query.effective_sort == "newest" else ""
        # Search backends sort on declared FilterFields only: ``id``, not ``pk``.
        ordering = [f"{sign}{date_field}", f"{sign}id"]
    if parsed.is_empty:
        return list(queryset.order_by(*ordering).values_list("pk", flat=True)[:limit])
    if parsed.excluded or any(len(group) > 1 or group[0].phrase for group in parsed.required):
        return None
    words = dict.fromkeys(group[0].text for group in parsed.required)
    queryset = queryset.model.objects.filter(id__in=queryset.values("pk")).only("pk")
    found = backend.search(
        And([_word_query(word) for word in words]),
        queryset.order_by(*ordering) if ordering else queryset,
        order_by_relevance=not ordering,
    )
    return [obj.pk for obj in found[:limit]]


def _matching(
    backend, queryset, query: SearchQuery, cap: int | None = None
) -> tuple[list[int], bool]:
    """Primary keys matching the parsed text, most relevant first; whether ``cap`` cut any.

    The plain words the reader requires are one search (each word as typed or any of its
    keys, AND): a record holding a word holds its keys in ``search_stems``, so a key finds
    the word's other forms and spellings. Each OR group, each phrase and each exclusion is
    one more search, combined here with sets: the database backends differ in which boolean
    query classes they support. So a long query of words costs two searches, not one per word.
    With ``cap`` (the outage fallback), each search returns at most ``cap`` keys, and every
    search after the first looks only among the keys already allowed: each stays small.
    """
    parsed = query.parsed
    if parsed.is_empty:
        return list(queryset.values_list("pk", flat=True)), False
    # The backend accepts filters on declared FilterFields only, and the selectors filter
    # through relations (organization__slug): hand it the survivors by id instead, a field
    # every searchable model declares (Page does; so does Organization).
    queryset = queryset.model.objects.filter(id__in=queryset.values("pk")).only("pk")
    words = [group[0].text for group in parsed.required if len(group) == 1 and not group[0].phrase]
    allowed, cut = None, False

    def within() -> object:
        return queryset.filter(pk__in=allowed) if cap and allowed is not None else queryset

    if words:
        required = And([_word_query(word) for word in dict.fromkeys(words)])
        results = backend.search(required, queryset)
        allowed = {obj.pk for obj in (results[:cap] if cap else results)}
        cut = bool(cap) and len(allowed) >= cap
    for group in parsed.required:
        if len(group) == 1 and not group[0].phrase:
            continue
        pks, scope = set(), within()
        for term in group:
            found = _found(backend, term, scope, cap)
            cut = cut or (bool(cap) and len(found) >= cap)
            pks |= found
        allowed = pks if allowed is None else allowed & pks
    for term in parsed.excluded:
        allowed -= _found(backend, term, within())
    ranked = backend.search(
        PlainText(" ".join(_words(parsed)), operator="or"), queryset.filter(pk__in=allowed)
    )
    order = [obj.pk for obj in ranked]
    return order + sorted(allowed - set(order)), cut


def _counts(queryset, expression) -> dict[str, int]:
    rows = (
        queryset.order_by()
        .annotate(value=expression)
        .values("value")
        .annotate(count=Count("pk", distinct=True))
    )
    return {str(row["value"]): row["count"] for row in rows if row["value"] not in (None, "")}


def _facets(matched: dict[SearchType, list[int]]) -> dict[str, dict[str, int]]:
    """Counts per facet value over every type's matches, as the engine's aggregations give."""
    facets: dict[str, dict[str, int]] = {facet.name: {} for facet in registry.facets()}
    for search_type, pks in matched.items():
        queryset = search_type.model.objects.filter(pk__in=pks)
        for name, source in search_type.facets.items():
            expression = F(source.orm) if isinstance(source.orm, str) else source.orm
            for value, count in _counts(queryset, expression).items():
                facets[name][value] = facets[name].get(value, 0) + count
    return facets


def highlight(text: str, words: list[str], *, whole: bool = False) -> list[str]:
    """Escaped fragments of ``text`` with the words (and their continuations) in <mark>."""
    if not words or not text:
        return []
    pattern = re.compile(
        r"\b("
        + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
        + r")\w*",
        re.IGNORECASE,
    )
    matches = list(pattern.finditer(text))
    if not matches:
        return []
    spans = [(0, len(text))] if whole else []
    if not whole:
        for match in matches:
            start, end = word_span(
                text, match.start() - FRAGMENT_CHARS, match.end() + FRAGMENT_CHARS
            )
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    fragments = []
    for start, end in spans[:FRAGMENTS]:
        piece, out, last = text[start:end], [], 0
        for match in pattern.finditer(piece):
            out += [escape(piece[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
            last = match.end()
        out.append(escape(piece[last:]))
        # An ellipsis where the text goes on, as Elasticsearch's fragments read.
        cut = ("… " if start else "", " …" if end < len(text) else "")
        fragments.append(cut[0] + "".join(out).strip() + cut[1])
    return fragments


def _spellings(texts: list[str], words: list[str]) -> list[str]:
    """The words of ``texts`` sharing a key with the reader's: "Şəki" for "Sheki"."""
    keys = set(words)
    found = {word for text in texts for word in WORD.findall(text)}
    return [word for word in found if keys.intersection(search_keys(word))]


def _highlights(search_type: SearchType, obj, words: list[str]) -> dict:
    title, texts = search_type.texts(obj)
    words = [*words, *_spellings([title, *texts], words)]
    title_fragments = highlight(title, words, whole=True)
    body = []
    for text in texts:
        body += highlight(" ".join(text.split()), words)
    return {"title": title_fragments[0] if title_fragments else None, "body": body[:FRAGMENTS]}


def _finds(backend, word: str, querysets: list) -> bool:
    query = _word_query(word)
    return any(backend.search(query, queryset)[:1] for queryset in querysets)


def _suggestion(backend, query: SearchQuery, querysets: list, *, bounded: bool) -> str | None:
    """The query with each word that finds nothing here replaced by the closest word of the
    vocabulary that does, with the search's own filters and languages (as on Elasticsearch,
    search/suggestion.py ``_replacements``). A ``bounded`` search (the outage fallback) uses
    the vocabulary only if it is already built: building it reads thousands of texts."""
    querysets = [qs.model.objects.filter(id__in=qs.values("pk")) for qs in querysets]
    words = vocabulary(build=not bounded)
    if words is None:
        return None
    unknown = {
        word: options
        for word in dict.fromkeys(query.parsed.words())
        if (options := candidates_for(word, words, SUGGESTIONS))
    }
    replacements = {}
    for word, options in list(unknown.items())[:SUGGESTED_WORDS]:
        if _finds(backend, word, querysets):  # its inflected forms or other spellings
            continue
        found = next((option for option in options if _finds(backend, option, querysets)), None)
        if found:
            replacements[word.lower()] = found
    return suggestion_text(query, replacements)


def search(
    backend, query: SearchQuery, *, limit: int | None = None, deadline: float | None = None
) -> RawResults:
    """``limit`` caps each type's matches (the count then stops there: ``count_capped``);
    past ``deadline`` (``time.monotonic()``) it raises TooSlow between its steps."""
    locale_ids = _locale_ids(query.filters.languages)
    active = active_filters(query)
    matched, searched, capped = {}, [], False
    for search_type in registry.types(query.type):
        _in_time(deadline)
        candidates = _candidates(search_type, active, locale_ids, query.ids)
        if candidates is None:
            continue
        searched.append(candidates)
        pks = _bounded(backend, search_type, candidates, query, limit) if limit else None
        if pks is None:
            pks, cut = _matching(backend, candidates, query, cap=limit)
            capped = capped or cut
            pks = pks[:limit] if limit else pks
        capped = capped or (limit is not None and len(pks) >= limit)
        matched[search_type] = pks
        _in_time(deadline)

    # Types in their registered order; newest/oldest put the dated ones first, by date (ties
    # by primary key, as the engine breaks them), and the undated after them.
    ordered = [(t, pk) for t, pks in matched.items() for pk in pks]
    if query.effective_sort != "relevance":
        dated = [item for item in ordered if item[0].date_field]
        dates = {}
        for search_type in {t for t, _pk in dated}:
            rows = search_type.model.objects.filter(pk__in=matched[search_type])
            for pk, day in rows.values_list("pk", search_type.date_field):
                dates[(search_type, pk)] = day
        newest = query.effective_sort == "newest"
        dated.sort(key=lambda item: item[1], reverse=newest)
        dated.sort(key=lambda item: dates[item], reverse=newest)
        ordered = dated + [item for item in ordered if not item[0].date_field]
    page = ordered[query.offset : query.offset + query.page_size]

    words = _words(query.parsed)
    objects = {
        search_type: search_type.model.objects.in_bulk([pk for t, pk in page if t is search_type])
        for search_type in matched
    }
    hits = [
        RawHit(search_type=t, pk=pk, highlights=_highlights(t, objects[t][pk], words))
        for t, pk in page
        if pk in objects[t]
    ]
    _in_time(deadline)
    suggestion = None
    if len(ordered) < SUGGEST_BELOW and not query.parsed.is_empty:
        suggestion = _suggestion(backend, query, searched, bounded=deadline is not None)
        _in_time(deadline)
    return RawResults(
        count=len(ordered),
        hits=hits,
        facets=_facets(matched),
        suggestion=suggestion,
        count_capped=capped,
    )


def match(backend, query: SearchQuery) -> set[int]:
    """The primary keys among ``query.ids`` that the search finds: no ranking, facets,
    highlights nor suggestion, which ``search`` spends queries on."""
    locale_ids = _locale_ids(query.filters.languages)
    active = active_filters(query)
    found: set[int] = set()
    for search_type in registry.types(query.type):
        candidates = _candidates(search_type, active, locale_ids, query.ids)
        if candidates is not None:
            found |= set(_matching(backend, candidates, query)[0])
    return found


def _folded(name: str):
    """A column as ``fold`` reads it, in SQL that SQLite and PostgreSQL run alike: each
    Azerbaijani letter replaced by its folded form first (SQLite's lower() knows ASCII only,
    PostgreSQL's lowers I to i, not ı), then lowercased."""
    expression = F(name)
    for letter in AZERBAIJANI_LETTERS:
        expression = Replace(expression, Value(letter), Value(fold(letter)))
    return Lower(expression)


def autocomplete(backend, *, text: str, languages, limit: int) -> list[RawHit]:
    """Titles and names containing the text, folded on both sides as Elasticsearch's
    ``folded`` sub-field is ("şək", "Şək" and "sek" complete "Şəki"); a plain ORM lookup, as
    the database backends' own autocomplete differs between SQLite and PostgreSQL."""
    locale_ids = _locale_ids(languages)
    text = fold(text)
    hits = []
    for search_type in registry.types():
        if not search_type.autocomplete_fields:
            continue
        folded = {f"folded_{name}": _folded(name) for name in search_type.autocomplete_fields}
        contains = Q()
        for alias in folded:
            contains |= Q(**{f"{alias}__contains": text})
        matches = _public(search_type, locale_ids).alias(**folded).filter(contains)
        if search_type.date_field:
            matches = matches.order_by(f"-{search_type.date_field}")
        hits += [RawHit(search_type, pk) for pk in matches.values_list("pk", flat=True)[:limit]]
    return hits[:limit]
