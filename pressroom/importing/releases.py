"""Release lines: the import's first line type, registered like any other.

The archive is the source of truth for the releases it lists: a changed line replaces
the release's content with a new revision. Organizations are only matched or created,
never edited, because the directory belongs to its editors.
"""

from collections.abc import Iterable

from django.conf import settings
from wagtail.models import Locale
from wagtail.rich_text import RichText

from search.cities import city_name

from ..filing import release_parent
from ..models import (
    PressReleaseFunder,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseParticipant,
)
from ..selectors import release_index_page
from .pages import PageLines
from .records import OrganizationRef, RecordError, ReleaseRecord, release_record
from .sanitise import body_html_sanitise
from .service import ImportContext, ImportLineType

SCALAR_FIELDS = (
    "title",
    "release_date",
    "organization_id",
    "summary",
    "city",
    "contact_name",
    "contact_address",
    "contact_phones",
    "contact_fax",
    "contact_email",
)
# Body blocks an import leaves alone: the archive format has no pictures.
KEPT = {"image"}


def organization_ids(
    context: ImportContext, refs: Iterable[OrganizationRef], locale: Locale
) -> list[int]:
    """The referenced organizations' ids, in order, each once even if the line repeats it."""
    return list(dict.fromkeys(context.organization(ref, locale).pk for ref in refs))


class ReleaseLines(PageLines):
    """Holds what one run reuses between release lines: the locales' release indexes."""

    model = PressReleasePage
    noun = "release"

    def __init__(self, context: ImportContext):
        super().__init__(context)
        self.indexes: dict[str, PressReleaseIndexPage] = {}
        for locale in Locale.objects.filter(
            language_code__in=[code for code, _name in settings.LANGUAGES]
        ):
            index = release_index_page(locale=locale)
            if index is not None:
                self.indexes[locale.language_code] = index

    def record_parse(self, data: dict) -> ReleaseRecord:
        return release_record(data)

    def locale_get(self, record: ReleaseRecord) -> Locale:
        """Refuses a language whose release index the site tree (home's ``site_tree_create``)
        has not placed: the importer writes content, not the site's structure."""
        if record.locale not in self.indexes:
            raise RecordError(
                f"locale: no press-release index in {record.locale!r}; "
                "build the site tree first (docs/deploy.md)"
            )
        return self.indexes[record.locale].locale

    def values(self, record: ReleaseRecord, locale: Locale) -> dict:
        body = body_html_sanitise(record.body_html)
        return {
            "title": record.title,
            "release_date": record.release_date,
            "organization_id": self.context.organization(record.organization, locale).pk,
            "summary": record.summary,
            "city": city_name(record.city, locale.language_code),
            "contact_name": record.contact.name,
            "contact_address": record.contact.address,
            "contact_phones": list(record.contact.phones),
            "contact_fax": record.contact.fax,
            "contact_email": record.contact.email,
            "body": [("paragraph", body)] if body else [],
            "topics": sorted(record.topics),
            "participants": organization_ids(self.context, record.participants, locale),
            "funders": organization_ids(self.context, record.funders, locale),
        }

    def parent(self, record: ReleaseRecord, locale: Locale, values: dict) -> PressReleaseIndexPage:
        return (
            release_parent(organization_id=values["organization_id"], locale=locale)
            or self.indexes[record.locale]
        )

    def slug_suffix(self, record: ReleaseRecord) -> str:
        return record.release_date.isoformat()

    def values_apply(self, page: PressReleasePage, values: dict) -> None:
        for name in SCALAR_FIELDS:
            setattr(page, name, values[name])
        page.body = body_blocks(page.body, values["body"])
        page.topics.set(values["topics"])
        page.participant_links = [
            PressReleaseParticipant(organization_id=pk, sort_order=position)
            for position, pk in enumerate(values["participants"])
        ]
        page.funder_links = [
            PressReleaseFunder(organization_id=pk, sort_order=position)
            for position, pk in enumerate(values["funders"])
        ]

    def stored_values(self, page: PressReleasePage) -> dict:
        values = {name: getattr(page, name) for name in SCALAR_FIELDS}
        values["contact_phones"] = list(values["contact_phones"] or [])
        values["body"] = body_values(page.body)
        values["topics"] = sorted(tag.name for tag in page.topics.all())
        values["participants"] = [link.organization_id for link in page.participant_links.all()]
        values["funders"] = [link.organization_id for link in page.funder_links.all()]
        return values


def body_blocks(body, imported: list[tuple[str, str]]) -> list:
    """The imported paragraphs after the body's pictures, which the format cannot carry."""
    pictures = [(child.block_type, child.value) for child in body if child.block_type in KEPT]
    return pictures + [(block_type, RichText(html)) for block_type, html in imported]


def body_values(body) -> list[tuple[str, str]]:
    """A stored body as the import compares it: its blocks other than pictures."""
    return [
        (child.block_type, child.block.get_prep_value(child.value))
        for child in body
        if child.block_type not in KEPT
    ]


def release_line_type() -> ImportLineType:
    """Lines without a ``type``, or with ``"type": "release"``."""
    return ImportLineType(name="release", handler=ReleaseLines)
