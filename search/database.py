"""The fallback on Wagtail's database backend: the same SearchQuery in, the same results out.

Used when Elasticsearch is not configured (``make run`` needs no Java). Matching is what the
database's full-text search does (no Azerbaijani folding or transliteration, no suggestions);
filters and facet counts come from the ORM and highlights are made here, escaped.
"""

import re

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils.html import escape, strip_tags
from wagtail.models import Locale
from wagtail.search.query import Phrase, PlainText

from directory.models import Organization
from pressroom.models import PressReleasePage

from .elasticsearch import FRAGMENTS, RawHit, RawResults
from .query import SearchQuery, Term

FRAGMENT_CHARS = 80


def _locale_ids(languages) -> list[int]:
    return list(Locale.objects.filter(language_code__in=languages).values_list("pk", flat=True))


def _releases(query: SearchQuery, locale_ids):
    releases = PressReleasePage.objects.live().public().filter(locale_id__in=locale_ids)
    if query.organizations:
        releases = releases.filter(organization__slug__in=query.organizations)
    if query.organization_type:
        releases = releases.filter(organization__organization_type=query.organization_type)
    if query.city:
        releases = releases.filter(city=query.city)
    for topic in query.topics:
        releases = releases.filter(topics__slug=topic)
    if query.date_from:
        releases = releases.filter(release_date__gte=query.date_from)
    if query.date_to:
        releases = releases.filter(release_date__lte=query.date_to)
    return releases.distinct()


def _organizations(query: SearchQuery, locale_ids):
    if query.topics or query.date_from or query.date_to:
        return Organization.objects.none()
    organizations = Organization.objects.filter(live=True, locale_id__in=locale_ids)
    if query.organizations:
        organizations = organizations.filter(slug__in=query.organizations)
    if query.organization_type:
        organizations = organizations.filter(organization_type=query.organization_type)
    if query.city:
        organizations = organizations.filter(city=query.city)
    return organizations


def _wagtail_query(term: Term):
    return Phrase(term.text) if term.phrase else PlainText(term.text)


def _matching(backend, queryset, query: SearchQuery) -> list[int]:
    """Primary keys matching the parsed text, most relevant first.

    Each OR group and each exclusion is one database search, combined here with sets:
    the database backends differ in which boolean query classes they support.
    """
    parsed = query.parsed
    if parsed.is_empty:
        return list(queryset.values_list("pk", flat=True))
    allowed = None
    for group in parsed.required:
        pks = set()
        for term in group:
            pks |= {obj.pk for obj in backend.search(_wagtail_query(term), queryset)}
        allowed = pks if allowed is None else allowed & pks
    for term in parsed.excluded:
        allowed -= {obj.pk for obj in backend.search(_wagtail_query(term), queryset)}
    ranked = backend.search(
        PlainText(" ".join(parsed.words()), operator="or"), queryset.filter(pk__in=allowed)
    )
    order = [obj.pk for obj in ranked]
    return order + sorted(allowed - set(order))


def _counts(queryset, expression) -> dict[str, int]:
    rows = (
        queryset.order_by()
        .annotate(value=expression)
        .values("value")
        .annotate(count=Count("pk", distinct=True))
    )
    return {str(row["value"]): row["count"] for row in rows if row["value"] not in (None, "")}


def _merge(*counts: dict[str, int]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for part in counts:
        for value, count in part.items():
            merged[value] = merged.get(value, 0) + count
    return merged


def _facets(releases, organizations) -> dict[str, dict[str, int]]:
    return {
        "organization": _merge(
            _counts(releases, F("organization__slug")), _counts(organizations, F("slug"))
        ),
        "organization_type": _merge(
            _counts(releases, F("organization__organization_type")),
            _counts(organizations, F("organization_type")),
        ),
        "city": _merge(_counts(releases, F("city")), _counts(organizations, F("city"))),
        "topic": _counts(releases, F("topics__slug")),
        "year": _counts(releases, ExtractYear("release_date")),
        "lang": _merge(_counts(releases, F("locale_id")), _counts(organizations, F("locale_id"))),
    }


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
            start = max(0, match.start() - FRAGMENT_CHARS)
            end = min(len(text), match.end() + FRAGMENT_CHARS)
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
        fragments.append("".join(out).strip())
    return fragments


def _highlights(obj, words: list[str]) -> dict:
    if isinstance(obj, PressReleasePage):
        title = obj.title
        texts = [obj.summary, *[strip_tags(str(block.value)) for block in obj.body]]
    else:
        title, texts = obj.name, [strip_tags(obj.description)]
    title_fragments = highlight(title, words, whole=True)
    body = []
    for text in texts:
        body += highlight(" ".join(text.split()), words)
    return {"title": title_fragments[0] if title_fragments else None, "body": body[:FRAGMENTS]}


def search(backend, query: SearchQuery) -> RawResults:
    locale_ids = _locale_ids(query.languages)
    releases = _releases(query, locale_ids) if query.type != "organization" else None
    organizations = _organizations(query, locale_ids) if query.type != "press_release" else None
    release_pks = _matching(backend, releases, query) if releases is not None else []
    organization_pks = _matching(backend, organizations, query) if organizations is not None else []
    release_qs = PressReleasePage.objects.filter(pk__in=release_pks)
    organization_qs = Organization.objects.filter(pk__in=organization_pks)

    ordered = [(PressReleasePage, pk) for pk in release_pks]
    if query.effective_sort != "relevance":
        dates = dict(release_qs.values_list("pk", "release_date"))
        newest = query.effective_sort == "newest"
        ordered.sort(key=lambda item: item[1], reverse=newest)
        ordered.sort(key=lambda item: dates[item[1]], reverse=newest)
    ordered += [(Organization, pk) for pk in organization_pks]
    page = ordered[query.offset : query.offset + query.page_size]

    words = query.parsed.words()
    objects = {
        PressReleasePage: PressReleasePage.objects.in_bulk(
            [pk for model, pk in page if model is PressReleasePage]
        ),
        Organization: Organization.objects.in_bulk(
            [pk for model, pk in page if model is Organization]
        ),
    }
    hits = [
        RawHit(model=model, pk=pk, highlights=_highlights(objects[model][pk], words))
        for model, pk in page
        if pk in objects[model]
    ]
    return RawResults(
        count=len(ordered),
        hits=hits,
        facets=_facets(release_qs, organization_qs),
        suggestion=None,
    )


def autocomplete(backend, *, text: str, languages, limit: int) -> list[RawHit]:
    """Titles and names containing the text; a plain ORM lookup, as the database backends'
    own autocomplete differs between SQLite and PostgreSQL."""
    locale_ids = _locale_ids(languages)
    releases = (
        PressReleasePage.objects.live()
        .public()
        .filter(locale_id__in=locale_ids, title__icontains=text)
        .order_by("-release_date")
        .values_list("pk", flat=True)[:limit]
    )
    organizations = (
        Organization.objects.filter(live=True, locale_id__in=locale_ids)
        .filter(Q(name__icontains=text) | Q(acronym__icontains=text) | Q(name_az__icontains=text))
        .values_list("pk", flat=True)[:limit]
    )
    hits = [RawHit(PressReleasePage, pk) for pk in releases]
    hits += [RawHit(Organization, pk) for pk in organizations]
    return hits[:limit]
