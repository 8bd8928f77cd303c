"""Press releases in reader search: what search/ needs to find, filter and show them."""

from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.signals import published, unpublished

from directory.models import Organization
from directory.search import organization_ref
from directory.selectors import organization_public_value
from search.outbox import index_changes_record, outbox_apply_soon
from search.registry import Facet, FacetSource, Hit, SearchType, registry

from .models import PressReleasePage
from .selectors import live_releases, releases_filter, topic_names_by_slug
from .topics import topic_label


def _summary(release: PressReleasePage, *, request, highlights: dict) -> Hit:
    return Hit(
        type="press_release",
        id=release.pk,
        external_id=release.external_id,
        title=release.title,
        url=release.get_url(request=request),
        release_date=release.release_date,
        organization=organization_ref(release.issuer),
        highlights=highlights,
        summary=release.summary,
    )


def _texts(release: PressReleasePage) -> tuple[str, list[str]]:
    """The texts as the index holds them: paragraphs keep a space between them."""
    body = PressReleasePage._meta.get_field("body").get_searchable_content(release.body)
    return release.title, [release.summary, *body]


RELEASES = SearchType(
    key="press_release",
    model=PressReleasePage,
    label=_("Press release"),
    position=10,
    live=live_releases,
    narrow=releases_filter,
    summary=_summary,
    texts=_texts,
    title_field="title",
    body_fields=("summary", "body"),
    autocomplete_fields=("title",),
    filters={
        "organizations": "organization_slug",
        "organization_type": "organization_type",
        "city": "city_match",
        "topics": "topic_slugs",
        "date_from": "release_date",
        "date_to": "release_date",
    },
    facets={
        "organization": FacetSource(
            "organization_slug", organization_public_value("organization__", "slug")
        ),
        "organization_type": FacetSource(
            "organization_type", organization_public_value("organization__", "organization_type")
        ),
        "city": FacetSource("city", "city"),
        "topic": FacetSource("topic_slugs", "topics__slug"),
        "year": FacetSource("year", ExtractYear("release_date")),
        "lang": FacetSource("locale_id", "locale_id"),
    },
    date_field="release_date",
)

FACETS = (
    Facet(
        "topic",
        _("Topic"),
        position=40,
        query_attribute="topics",
        labels=lambda slugs, language: {
            slug: topic_label(name, language) for slug, name in topic_names_by_slug(slugs).items()
        },
    ),
    Facet("year", _("Year"), position=50, newest_first=True),
)


def organization_releases_reindex(sender, instance: Organization, **kwargs) -> None:
    """A release's document holds its organizations' names and slugs only while they are
    public (``PressReleasePage.issuer``): publishing or unpublishing one changes the
    documents of every release involving it, through the outbox like any other change."""
    releases = PressReleasePage.objects.involving(instance).values_list("pk", flat=True)
    if index_changes_record(model=PressReleasePage, pks=list(releases)):
        outbox_apply_soon()


def search_register() -> None:
    """Registers releases with search, and keeps their documents in step with their
    organizations'."""
    registry.type_register(RELEASES)
    for facet in FACETS:
        registry.facet_register(facet)
    for name, signal in (("published", published), ("unpublished", unpublished)):
        signal.connect(
            organization_releases_reindex,
            sender=Organization,
            dispatch_uid=f"pressroom.search.organization_{name}",
        )
