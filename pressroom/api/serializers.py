"""The JSON of a press release as partners mirror it, built in a constant number of queries.

``press_release_payloads`` is the one serializer: the list, the detail and the changes feed
all call it, so a release looks the same wherever a partner meets it. Related rows (links to
organizations, topics, translations) are read for the whole batch at once, and only for the
fields asked for, so a sparse ``fields=`` request does less work, not just less output.
"""

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import QuerySet, Value
from wagtail.models import Page

from directory.selectors import directory_pages_by_locale, organization_public_q
from pressroom.models import (
    PressReleaseFunder,
    PressReleasePage,
    PressReleaseParticipant,
    PressReleaseTopic,
)
from pressroom.selectors import public_q

FIELDS = (
    "id",
    "external_id",
    "url",
    "title",
    "slug",
    "lang",
    "release_date",
    "summary",
    "body",
    "organization",
    "participants",
    "funders",
    "city",
    "topics",
    "contact",
    "translations",
    "first_published_at",
    "last_published_at",
)

# Root-relative links and sources in rendered HTML ("/en/...", "/media/..."), not "//host".
# The HTML comes from our own block templates, which quote attributes with double quotes.
_RELATIVE_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def press_release_queryset(
    releases: QuerySet[PressReleasePage], *, fields: Sequence[str] | None = None
) -> QuerySet[PressReleasePage]:
    """``releases`` with the joins the payload needs, and without the body unless asked for."""
    wanted = set(fields or FIELDS)
    releases = releases.select_related("locale")
    if wanted & {"organization", "contact"}:
        releases = releases.select_related("organization")
    if "body" not in wanted:
        releases = releases.defer("body")
    return releases


def press_release_payloads(
    pages: Iterable[PressReleasePage], *, request, fields: Sequence[str] | None = None
) -> list[dict]:
    """One dict per release, in the order given, with only ``fields`` (default: all).

    Pass a queryset to have its joins set up here; a list of pages is used as it is.
    Serializes the pages' own rows (the live content), never a later draft revision.
    """
    wanted = [name for name in FIELDS if name in set(fields or FIELDS)]
    if isinstance(pages, QuerySet):
        pages = press_release_queryset(pages, fields=wanted)
    pages = list(pages)
    if not pages:
        return []
    context = _BatchContext(pages, request=request, wanted=set(wanted))
    return [{name: _FIELD_VALUES[name](page, context) for name in wanted} for page in pages]


class _BatchContext:
    """What several releases of one batch share, each read with one query when needed."""

    def __init__(self, pages: list[PressReleasePage], *, request, wanted: set[str]):
        self.request = request
        ids = [page.pk for page in pages]
        self.links = (
            _organization_links(ids, wanted) if wanted & {"participants", "funders"} else {}
        )
        self.topics = _topics(ids) if "topics" in wanted else {}
        self.translations = _translations(pages, request) if "translations" in wanted else {}
        self._directory_urls: dict[int, str | None] | None = None
        self._url_parts: dict[int, tuple[str, str] | None] = {}

    def url_parts(self, page: Page) -> tuple[str, str] | None:
        """(site root URL, path) of the page's public URL."""
        if page.pk not in self._url_parts:
            parts = page.get_url_parts(self.request)
            self._url_parts[page.pk] = (parts[1], parts[2]) if parts and parts[1] else None
        return self._url_parts[page.pk]

    def organization_url(self, *, locale_id: int, slug: str) -> str | None:
        """The organization's public profile, under its locale's directory page."""
        if self._directory_urls is None:
            self._directory_urls = {
                locale_id: directory.get_full_url(self.request)
                for locale_id, directory in directory_pages_by_locale().items()
            }
        base = self._directory_urls.get(locale_id)
        return f"{base}{slug}/" if base else None

    def organization_ref(
        self, *, id: int, slug: str, name: str, acronym: str, locale_id: int
    ) -> dict:
        return {
            "id": id,
            "slug": slug,
            "name": name,
            "acronym": acronym,
            "url": self.organization_url(locale_id=locale_id, slug=slug),
        }


def _organization_links(ids: list[int], wanted: set[str]) -> dict[int, dict[str, list[dict]]]:
    """Public participants and funders of every release in one query (a UNION of the two
    link tables)."""
    columns = (
        "page_id",
        "role",
        "sort_order",
        "organization_id",
        "organization__slug",
        "organization__name",
        "organization__acronym",
        "organization__locale_id",
    )
    parts = [
        model.objects.filter(organization_public_q("organization__"), page_id__in=ids)
        .annotate(role=Value(role))
        .values_list(*columns)
        .order_by()
        for model, role in (
            (PressReleaseParticipant, "participants"),
            (PressReleaseFunder, "funders"),
        )
        if role in wanted
    ]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    links: dict[int, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for page_id, role, _sort_order, *organization in sorted(
        rows, key=lambda row: (row[0], row[1], row[2] if row[2] is not None else 0)
    ):
        links[page_id][role].append(tuple(organization))
    return links


def _topics(ids: list[int]) -> dict[int, list[dict]]:
    topics = defaultdict(list)
    rows = (
        PressReleaseTopic.objects.filter(content_object_id__in=ids)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__slug", "tag__name")
    )
    for page_id, slug, name in rows:
        topics[page_id].append({"slug": slug, "name": name})
    return topics


def _translations(pages: list[PressReleasePage], request) -> dict:
    """The live, public translations of each release (other locales, same translation key)."""
    translations = defaultdict(list)
    rows = (
        Page.objects.filter(translation_key__in={page.translation_key for page in pages}, live=True)
        .filter(public_q())
        .select_related("locale")
        .only("id", "translation_key", "url_path", "path", "depth", "locale__language_code")
        .order_by("locale__language_code")
    )
    for translation in rows:
        parts = translation.get_url_parts(request)
        translations[translation.translation_key].append(
            (
                translation.pk,
                {
                    "lang": translation.locale.language_code,
                    "id": translation.pk,
                    "url": parts[1] + parts[2] if parts and parts[1] else None,
                },
            )
        )
    return translations


def _url(page: PressReleasePage, context: _BatchContext) -> str | None:
    parts = context.url_parts(page)
    return parts[0] + parts[1] if parts else None


def _body(page: PressReleasePage, context: _BatchContext) -> dict:
    """The StreamField as Wagtail's API represents it, and as rendered on our site.

    Rendered links and images point at our host even when the HTML is shown elsewhere.
    """
    html = str(page.body.render_as_block(context={"request": context.request, "page": page}))
    parts = context.url_parts(page)
    if parts:
        html = _RELATIVE_ATTRIBUTE.sub(rf"\g<1>{parts[0].rstrip('/')}/", html)
    return {
        "blocks": page.body.stream_block.get_api_representation(
            page.body, context={"request": context.request}
        ),
        "html": html,
    }


def _organization(page: PressReleasePage, context: _BatchContext) -> dict | None:
    organization = page.issuer
    if organization is None:
        return None
    return context.organization_ref(
        id=organization.pk,
        slug=organization.slug,
        name=organization.name,
        acronym=organization.acronym,
        locale_id=organization.locale_id,
    )


def _linked(role: str):
    def value(page: PressReleasePage, context: _BatchContext) -> list[dict]:
        return [
            context.organization_ref(
                id=id, slug=slug, name=name, acronym=acronym, locale_id=locale_id
            )
            for id, slug, name, acronym, locale_id in context.links.get(page.pk, {}).get(role, [])
        ]

    return value


def _iso(value) -> str | None:
    return value.isoformat() if value else None


_FIELD_VALUES = {
    "id": lambda page, context: page.pk,
    "external_id": lambda page, context: page.external_id,
    "url": _url,
    "title": lambda page, context: page.title,
    "slug": lambda page, context: page.slug,
    "lang": lambda page, context: page.locale.language_code,
    "release_date": lambda page, context: _iso(page.release_date),
    "summary": lambda page, context: page.summary,
    "body": _body,
    "organization": _organization,
    "participants": _linked("participants"),
    "funders": _linked("funders"),
    "city": lambda page, context: page.city,
    "topics": lambda page, context: context.topics.get(page.pk, []),
    "contact": lambda page, context: dataclasses.asdict(page.contact),
    "translations": lambda page, context: [
        translation
        for translation_id, translation in context.translations.get(page.translation_key, [])
        if translation_id != page.pk
    ],
    "first_published_at": lambda page, context: _iso(page.first_published_at),
    "last_published_at": lambda page, context: _iso(page.last_published_at),
}
