"""Upserts press releases from import lines, one transaction per line.

The archive is the source of truth for the releases it lists: a changed line replaces
the release's content with a new revision. Organizations are only matched or created,
never edited, because the directory belongs to its editors.
"""

import enum
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from directory.models import Organization
from directory.services import organization_get_or_create_by_name
from search.cities import city_name

from ..filing import release_parent
from ..models import (
    ImportRun,
    PressReleaseFunder,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseParticipant,
)
from ..selectors import release_index_page
from .records import OrganizationRef, RecordError, ReleaseRecord, record_parse
from .sanitise import body_html_sanitise

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
SLUG_MAX_LENGTH = 80


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass(frozen=True)
class LineResult:
    line_number: int
    outcome: Outcome
    external_id: str = ""
    reason: str = ""


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    # Only the first rejections are kept so a hopeless file cannot grow memory.
    rejections: list[LineResult] = field(default_factory=list)

    def add(self, result: LineResult) -> None:
        setattr(self, result.outcome.value, getattr(self, result.outcome.value) + 1)
        if (
            result.outcome is Outcome.REJECTED
            and len(self.rejections) < ImportRun.MAX_REJECTIONS_KEPT
        ):
            self.rejections.append(result)

    def __str__(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.rejected} rejected"
        )


def press_releases_import(
    *,
    lines: Iterable[str | bytes],
    publish: bool = False,
    source: str = "",
    on_result: Callable[[LineResult], None] | None = None,
) -> ImportSummary:
    """Imports each line in its own transaction and logs the run as an ImportRun.

    ``lines`` is consumed lazily, so a file object streams; blank lines are skipped.
    ``on_result`` sees every line's result as it happens (progress, stderr).
    """
    importer = ReleaseImporter(publish=publish)
    summary = ImportSummary()
    run = ImportRun.objects.create(source=source[:255], publish=publish)
    for line_number, line in enumerate(lines, start=1):
        result = importer.line_import(line_number=line_number, line=line)
        if result is None:
            continue
        summary.add(result)
        if on_result:
            on_result(result)
    _run_finish(run, summary)
    return summary


def _run_finish(run: ImportRun, summary: ImportSummary) -> None:
    run.finished_at = timezone.now()
    run.created, run.updated = summary.created, summary.updated
    run.unchanged, run.rejected = summary.unchanged, summary.rejected
    run.rejections = "\n".join(f"line {r.line_number}: {r.reason}" for r in summary.rejections)
    run.save()


class OrganizationCache:
    """Organizations already matched or created in this run, least recently used dropped.

    Hand-written rather than functools.lru_cache: entries must be added when an
    organization is created, and the whole cache dropped when a transaction rolls back.
    """

    def __init__(self, maxsize: int = 1024):
        self.maxsize = maxsize
        self._entries: OrderedDict[tuple, Organization] = OrderedDict()

    def get(self, key: tuple) -> Organization | None:
        organization = self._entries.get(key)
        if organization is not None:
            self._entries.move_to_end(key)
        return organization

    def put(self, key: tuple, organization: Organization) -> None:
        self._entries[key] = organization
        self._entries.move_to_end(key)
        while len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()


class ReleaseImporter:
    """Holds what one run reuses between lines: locales, index pages, organizations."""

    def __init__(self, *, publish: bool):
        self.publish = publish
        self.indexes: dict[str, PressReleaseIndexPage] = {}
        for locale in Locale.objects.filter(
            language_code__in=[code for code, _name in settings.LANGUAGES]
        ):
            index = release_index_page(locale=locale)
            if index is not None:
                self.indexes[locale.language_code] = index
        self.locales: dict[str, Locale] = {
            code: index.locale for code, index in self.indexes.items()
        }
        self.organizations = OrganizationCache()
        self.touched: list = []

    def line_import(self, *, line_number: int, line: str | bytes) -> LineResult | None:
        """The result of one line, or None for a blank line."""
        external_id = ""
        try:
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8")
                except UnicodeDecodeError:
                    raise RecordError("not valid UTF-8") from None
            if not line.strip():
                return None
            record = record_parse(line)
            external_id = record.external_id
            self.touched = []
            # Wagtail refreshes an object's reference index on every save, several times
            # per release here; it is refreshed once per touched object instead. Search
            # index changes go through the search app's outbox, which coalesces them.
            with transaction.atomic(), disable_reference_index_auto_update():
                outcome = self.release_upsert(record)
                for instance in self.touched:
                    ReferenceIndex.create_or_update_for_object(instance)
        except RecordError as error:
            self.organizations.clear()
            return LineResult(line_number, Outcome.REJECTED, external_id, str(error))
        except ValidationError as error:
            self.organizations.clear()
            if hasattr(error, "error_dict"):
                reason = "; ".join(
                    f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
                )
            else:
                reason = "; ".join(error.messages)
            return LineResult(line_number, Outcome.REJECTED, external_id, reason)
        except DatabaseError as error:
            self.organizations.clear()
            return LineResult(
                line_number, Outcome.REJECTED, external_id, f"database refused it: {error}"
            )
        return LineResult(line_number, outcome, external_id)

    def release_upsert(self, record: ReleaseRecord) -> Outcome:
        """Refuses a language whose release index the site tree (home's ``site_tree_create``)
        has not placed: the importer writes content, not the site's structure."""
        if record.locale not in self.locales:
            raise RecordError(
                f"locale: no press-release index in {record.locale!r}; "
                "build the site tree first (docs/deploy.md)"
            )
        locale = self.locales[record.locale]
        page = (
            PressReleasePage.objects.filter(external_id=record.external_id)
            .select_related("locale")
            .first()
        )
        if page is not None and page.locale_id != locale.pk:
            raise RecordError(
                f"locale: release {record.external_id!r} exists in "
                f"{page.locale.language_code!r}; a release cannot change language"
            )
        translation_key = self._translation_key(record, locale, page)
        values = self._values(record, locale)
        if page is None:
            self._release_create(record, locale, values, translation_key)
            return Outcome.CREATED
        return self._release_update(page, values, translation_key)

    def _translation_key(self, record: ReleaseRecord, locale: Locale, page: Page | None):
        """The translation key of the release this one translates, after checking it may."""
        if not record.translation_of:
            return None
        if record.translation_of == record.external_id:
            raise RecordError("translation_of: a release cannot translate itself")
        source = (
            PressReleasePage.objects.filter(external_id=record.translation_of)
            .values("translation_key", "locale_id")
            .first()
        )
        if source is None:
            raise RecordError(
                f"translation_of: no release {record.translation_of!r} yet; "
                "the original must come on an earlier line or in an earlier import"
            )
        if source["locale_id"] == locale.pk:
            raise RecordError(f"translation_of: {record.translation_of!r} is in the same language")
        clash = (
            Page.objects.filter(translation_key=source["translation_key"], locale=locale)
            .exclude(pk=page.pk if page else None)
            .first()
        )
        if clash is not None:
            raise RecordError(
                f"translation_of: {record.translation_of!r} already has a "
                f"{record.locale!r} translation ({clash.title!r})"
            )
        return source["translation_key"]

    def _values(self, record: ReleaseRecord, locale: Locale) -> dict:
        """The release as comparable values, in the shape ``_stored_values`` reads back."""
        body = body_html_sanitise(record.body_html)
        return {
            "title": record.title,
            "release_date": record.release_date,
            "organization_id": self._organization(record.organization, locale).pk,
            "summary": record.summary,
            "city": city_name(record.city, locale.language_code),
            "contact_name": record.contact.name,
            "contact_address": record.contact.address,
            "contact_phones": list(record.contact.phones),
            "contact_fax": record.contact.fax,
            "contact_email": record.contact.email,
            "body": [("paragraph", body)] if body else [],
            "topics": sorted(record.topics),
            "participants": self._organization_ids(record.participants, locale),
            "funders": self._organization_ids(record.funders, locale),
        }

    def _organization_ids(self, refs: Iterable[OrganizationRef], locale: Locale) -> list[int]:
        # A release lists an organization once even if the archive repeats it.
        return list(dict.fromkeys(self._organization(ref, locale).pk for ref in refs))

    def _release_create(
        self, record: ReleaseRecord, locale: Locale, values: dict, translation_key
    ) -> PressReleasePage:
        index = (
            release_parent(organization_id=values["organization_id"], locale=locale)
            or self.indexes[record.locale]
        )
        page = PressReleasePage(
            locale=locale,
            external_id=record.external_id,
            slug=self._unique_slug(index, record),
            live=False,
        )
        if translation_key is not None:
            page.translation_key = translation_key
        _values_apply(page, values)
        index.add_child(instance=page)
        # add_child has just validated the page (Page.save cleans); no need to do it twice.
        revision = page.save_revision(clean=False)
        if self.publish:
            revision.publish()
        self.touched.append(page)
        return page

    def _release_update(self, page: PressReleasePage, values: dict, translation_key) -> Outcome:
        # Compare with what an editor would see: the latest draft if there is one.
        latest = (
            page.get_latest_revision_as_object()
            if page.has_unpublished_changes or not page.live
            else page
        )
        changed = _stored_values(latest) != values
        relinked = translation_key is not None and translation_key != page.translation_key
        unpublished = self.publish and (not page.live or page.has_unpublished_changes)
        if not (changed or relinked or unpublished):
            return Outcome.UNCHANGED
        if relinked:
            Page.objects.filter(pk=page.pk).update(translation_key=translation_key)
            latest.translation_key = translation_key
        revision = page.latest_revision
        if changed:
            _values_apply(latest, values)
            revision = latest.save_revision()
        if self.publish and (changed or unpublished):
            revision.publish()
        self.touched.append(page)
        return Outcome.UPDATED

    def _unique_slug(self, index: PressReleaseIndexPage, record: ReleaseRecord) -> str:
        """The title's slug; on a clash with a sibling, the date and then a number follow."""
        base = slugify(record.title, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-") or "release"
        dated = f"{base}-{record.release_date.isoformat()}"
        candidates = [base, dated]
        siblings = Page.objects.child_of(index)
        number = 2
        while True:
            for candidate in candidates:
                if not siblings.filter(slug=candidate).exists():
                    return candidate
            candidates = [f"{dated}-{number}"]
            number += 1

    def _organization(self, ref: OrganizationRef, locale: Locale) -> Organization:
        key = (locale.pk, ref.acronym.casefold(), ref.name.casefold())
        organization = self.organizations.get(key)
        if organization is None:
            organization, created = organization_get_or_create_by_name(
                locale=locale,
                name=ref.name,
                acronym=ref.acronym,
                organization_type=ref.type,
                city=city_name(ref.city, locale.language_code),
            )
            if created:
                self.touched.append(organization)
            self.organizations.put(key, organization)
        return organization


def _values_apply(page: PressReleasePage, values: dict) -> None:
    for name in SCALAR_FIELDS:
        setattr(page, name, values[name])
    pictures = [(child.block_type, child.value) for child in page.body if child.block_type in KEPT]
    page.body = pictures + [(block_type, RichText(html)) for block_type, html in values["body"]]
    page.topics.set(values["topics"])
    page.participant_links = [
        PressReleaseParticipant(organization_id=pk, sort_order=position)
        for position, pk in enumerate(values["participants"])
    ]
    page.funder_links = [
        PressReleaseFunder(organization_id=pk, sort_order=position)
        for position, pk in enumerate(values["funders"])
    ]


def _stored_values(page: PressReleasePage) -> dict:
    values = {name: getattr(page, name) for name in SCALAR_FIELDS}
    values["contact_phones"] = list(values["contact_phones"] or [])
    values["body"] = [
        (child.block_type, child.block.get_prep_value(child.value))
        for child in page.body
        if child.block_type not in KEPT
    ]
    values["topics"] = sorted(tag.name for tag in page.topics.all())
    values["participants"] = [link.organization_id for link in page.participant_links.all()]
    values["funders"] = [link.organization_id for link in page.funder_links.all()]
    return values
