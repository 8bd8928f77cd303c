"""A bulk loader of generated press releases, for the search benchmark only.

Wagtail's normal path (``add_child``, ``save_revision``, ``publish``) runs at about 25 pages/s
here: 100,000 releases would take over an hour. This writes the same rows directly, a batch at
a time: treebeard paths computed in Python, then the ``wagtailcore_page`` rows, the
``pressroom_pressreleasepage`` rows, topics and organization links. The pages are live, with
the path, depth, numchild, url_path, locale, translation_key, content type and publication
dates Wagtail would give them, but no revisions (like pages a fixture loads): an editor's
first save creates one. No signals fire, so neither the search outbox nor the reference index
hears of them; the benchmark rebuilds the search indexes afterwards (``indexing``).

The content is ``demo.generator``'s generator: the demo's organizations, cities, topics and
sentences in English and Azerbaijani, a quarter of the English releases with an Azerbaijani
translation, release dates from 2000 to 2025.
"""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page

from demo.generator import CITIES, DONORS, INTERNATIONAL, LOCAL_NGOS, TOPICS, Org, demo_records
from directory.models import Organization
from home.services import site_tree_create
from pressroom.importing.sanitise import body_html_sanitise
from pressroom.models import (
    PressReleaseFunder,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseParticipant,
    PressReleaseTopic,
)

BATCH_SIZE = 1000
EXTERNAL_ID_PREFIX = "bench-"
SLUG_MAX_LENGTH = 80
PUBLISHED_AT = datetime.time(10, 0)


class BenchDataExists(Exception):
    """The database already holds benchmark releases: load into a fresh database."""


@dataclass(frozen=True)
class LoadResult:
    releases: int
    organizations: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.releases / self.seconds if self.seconds else 0.0


def bench_releases_load(
    *, count: int, on_progress: Callable[[int], None] | None = None
) -> LoadResult:
    """Writes ``count`` live releases under each language's press-release index.

    ``on_progress`` is called with the number of releases written by each batch.
    """
    started = timezone.now()
    if PressReleasePage.objects.filter(external_id__startswith=EXTERNAL_ID_PREFIX).exists():
        raise BenchDataExists(
            "This database already holds benchmark releases; run on a fresh one "
            "(make bench-search creates a throwaway PostgreSQL cluster)."
        )
    trees = site_tree_create()
    indexes = {code: tree.releases for code, tree in trees.items()}
    locales = {code: index.locale for code, index in indexes.items()}
    organizations = _organizations_ensure(locales)
    tags = _tags_ensure()
    writer = _ReleaseWriter(indexes=indexes, organizations=organizations, tags=tags)
    records = demo_records(count=count)
    while batch := list(islice(records, BATCH_SIZE)):
        writer.write(batch)
        if on_progress:
            on_progress(len(batch))
    writer.finish()
    seconds = (timezone.now() - started).total_seconds()
    return LoadResult(
        releases=count,
        organizations=sum(len(by_key) for by_key in organizations.values()),
        seconds=seconds,
    )


def _org_key(ref: dict | Org) -> str:
    """How a demo record names an organization: its acronym, else its (untranslated) name."""
    if isinstance(ref, Org):
        return ref.acronym or ref.name
    return ref["acronym"] or ref["name"]


def _organizations_ensure(locales: dict[str, Locale]) -> dict[str, dict[str, int]]:
    """The demo's organizations in every language, as translations of each other:
    ``{language: {key: pk}}``. Existing ones (same locale and slug) are reused."""
    az_cities = {city.en: city.az for city in CITIES}
    now = timezone.now()
    result: dict[str, dict[str, int]] = {}
    translation_keys: dict[str, uuid.UUID] = {}
    for code, locale in locales.items():
        existing = dict(Organization.objects.filter(locale=locale).values_list("slug", "pk"))
        new = []
        for org in (*LOCAL_NGOS, *INTERNATIONAL, *DONORS):
            slug = slugify(org.acronym or org.name)[:SLUG_MAX_LENGTH]
            if slug in existing:
                continue
            translation_key = translation_keys.setdefault(_org_key(org), uuid.uuid4())
            in_az = code == "az"
            new.append(
                Organization(
                    locale=locale,
                    translation_key=translation_key,
                    name=org.name_az if in_az and org.name_az else org.name,
                    acronym=org.acronym,
                    name_az=org.name_az,
                    slug=slug,
                    organization_type=org.type,
                    city=az_cities.get(org.city, org.city) if in_az else org.city,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        Organization.objects.bulk_create(new)
        by_slug = dict(Organization.objects.filter(locale=locale).values_list("slug", "pk"))
        result[code] = {
            _org_key(org): by_slug[slugify(org.acronym or org.name)[:SLUG_MAX_LENGTH]]
            for org in (*LOCAL_NGOS, *INTERNATIONAL, *DONORS)
        }
    return result


def _tags_ensure() -> dict[str, int]:
    """Topic tags by name, both languages; taggit's save() gives each its slug."""
    return {name: Tag.objects.get_or_create(name=name)[0].pk for pair in TOPICS for name in pair}


class _ReleaseWriter:
    """Writes batches of demo records as pages; tracks each index's next child position."""

    def __init__(self, *, indexes: dict, organizations: dict, tags: dict):
        self.indexes = indexes
        self.organizations = organizations
        self.tags = tags
        self.content_type = ContentType.objects.get_for_model(PressReleasePage)
        self.next_step = {code: _next_step(index) for code, index in indexes.items()}
        # demo_records puts a translation right after its original: one key carried over.
        self.translation_keys: dict[str, uuid.UUID] = {}

    def write(self, records: list[dict]) -> None:
        with transaction.atomic():
            pages = [self._page(record) for record in records]
            # bulk_create refuses multi-table inheritance (a PressReleasePage is a Page row
            # plus its own row), so the Page rows go first, their ids come back, and the
            # child rows are inserted explicitly with exactly the child table's columns:
            # what Model.save() does per object, in one INSERT per batch.
            Page.objects.bulk_create(pages, batch_size=BATCH_SIZE)
            children = [
                self._release(record, page.pk) for record, page in zip(records, pages, strict=True)
            ]
            PressReleasePage._base_manager._insert(
                children, fields=PressReleasePage._meta.local_concrete_fields
            )
            self._relations(records, pages)

    def finish(self) -> None:
        """Each index's numchild: the children it now has, as treebeard would count them."""
        for index in self.indexes.values():
            PressReleaseIndexPage.objects.filter(pk=index.pk).update(
                numchild=Page.objects.child_of(index).count()
            )

    def _page(self, record: dict) -> Page:
        code = record["locale"]
        index = self.indexes[code]
        step = self.next_step[code]
        self.next_step[code] = step + 1
        number = int(record["external_id"].rsplit("-", 1)[1])
        slug = f"{slugify(record['title'], allow_unicode=True)[:SLUG_MAX_LENGTH]}-{number}"
        original = record.get("translation_of")
        translation_key = self.translation_keys.pop(original, None) if original else None
        translation_key = translation_key or uuid.uuid4()
        self.translation_keys = {record["external_id"]: translation_key}
        published = timezone.make_aware(
            datetime.datetime.combine(
                datetime.date.fromisoformat(record["release_date"]), PUBLISHED_AT
            )
        )
        return Page(
            content_type=self.content_type,
            path=Page._get_path(index.path, index.depth + 1, step),
            depth=index.depth + 1,
            numchild=0,
            title=record["title"],
            draft_title=record["title"],
            slug=slug,
            url_path=f"{index.url_path}{slug}/",
            locale_id=index.locale_id,
            translation_key=translation_key,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
        )

    def _release(self, record: dict, pk: int) -> PressReleasePage:
        contact = record["contact"]
        body = body_html_sanitise(record["body_html"])
        return PressReleasePage(
            page_ptr_id=pk,
            organization_id=self.organizations[record["locale"]][_org_key(record["organization"])],
            release_date=datetime.date.fromisoformat(record["release_date"]),
            summary=record["summary"],
            # Stream data in its stored JSON shape: StreamField stores it as it is.
            body=[{"type": "paragraph", "value": body, "id": str(uuid.uuid4())}],
            city=record["city"],
            contact_name=contact["name"],
            contact_address=contact["address"],
            contact_phones=contact["phones"],
            contact_fax=contact["fax"],
            contact_email=contact["email"],
            external_id=f"{EXTERNAL_ID_PREFIX}{record['external_id'].rsplit('-', 1)[1]}",
        )

    def _relations(self, records: list[dict], pages: list[Page]) -> None:
        topics, participants, funders = [], [], []
        for record, page in zip(records, pages, strict=True):
            orgs = self.organizations[record["locale"]]
            topics += [
                PressReleaseTopic(content_object_id=page.pk, tag_id=self.tags[name])
                for name in dict.fromkeys(record["topics"])
            ]
            participants += [
                PressReleaseParticipant(
                    page_id=page.pk, organization_id=orgs[_org_key(ref)], sort_order=position
                )
                for position, ref in enumerate(record["participants"])
            ]
            funders += [
                PressReleaseFunder(
                    page_id=page.pk, organization_id=orgs[_org_key(ref)], sort_order=position
                )
                for position, ref in enumerate(record["funders"])
            ]
        PressReleaseTopic.objects.bulk_create(topics)
        PressReleaseParticipant.objects.bulk_create(participants)
        PressReleaseFunder.objects.bulk_create(funders)


def _next_step(index: Page) -> int:
    """The treebeard step after the index's last child (1 for an index with none)."""
    last = Page.objects.child_of(index).aggregate(last=Max("path"))["last"]
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1
