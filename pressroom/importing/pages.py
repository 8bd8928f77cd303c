"""Upserting one page type by ``external_id``: what every page line type shares.

A line type (``register_import_line_type``) whose lines are pages subclasses ``PageLines``
and says how a record becomes comparable values, how those are applied to a page and read
back, and where a new page goes. The rest is the same for releases and any other page:
one language per ``external_id``, ``translation_of`` linking translations, a new revision
only when the values differ from what an editor sees, drafts unless the run publishes.
"""

import abc
from typing import Any, ClassVar

from django.utils.text import slugify
from wagtail.models import Locale, Page

from .records import RecordError
from .service import ImportContext, Outcome

SLUG_MAX_LENGTH = 80


class PageLines(abc.ABC):
    """The line handler of one page type; subclasses fill in the abstract methods."""

    model: ClassVar[type[Page]]
    noun: ClassVar[str]  # "release", "event": how rejections name the page

    def __init__(self, context: ImportContext):
        self.context = context

    @abc.abstractmethod
    def record_parse(self, data: dict) -> Any:
        """The line's validated record (with ``external_id``, ``locale``, ``title`` and
        ``translation_of``); raises RecordError."""

    @abc.abstractmethod
    def locale_get(self, record: Any) -> Locale:
        """The record's locale, or RecordError when the site has no place for it there."""

    @abc.abstractmethod
    def values(self, record: Any, locale: Locale) -> dict:
        """The page as comparable values, in the shape ``stored_values`` reads back."""

    @abc.abstractmethod
    def stored_values(self, page: Page) -> dict:
        """A page's (or draft's) current values, in the shape ``values`` returns."""

    @abc.abstractmethod
    def values_apply(self, page: Page, values: dict) -> None:
        """Sets ``values`` on the page before it is saved as a revision."""

    @abc.abstractmethod
    def parent(self, record: Any, locale: Locale, values: dict) -> Page:
        """Where a new page goes."""

    @abc.abstractmethod
    def slug_suffix(self, record: Any) -> str:
        """What tells a page from a sibling of the same title (a date)."""

    def upsert(self, record: Any) -> Outcome:
        locale = self.locale_get(record)
        page = (
            self.model.objects.filter(external_id=record.external_id)
            .select_related("locale")
            .first()
        )
        if page is not None and page.locale_id != locale.pk:
            raise RecordError(
                f"locale: {self.noun} {record.external_id!r} exists in "
                f"{page.locale.language_code!r}; a {self.noun} cannot change language"
            )
        translation_key = self._translation_key(record, locale, page)
        values = self.values(record, locale)
        if page is None:
            self._create(record, locale, values, translation_key)
            return Outcome.CREATED
        return self._update(page, values, translation_key)

    def _translation_key(self, record: Any, locale: Locale, page: Page | None):
        """The translation key of the page this one translates, after checking it may."""
        if not record.translation_of:
            return None
        noun = self.noun
        if record.translation_of == record.external_id:
            raise RecordError(f"translation_of: a {noun} cannot translate itself")
        source = (
            self.model.objects.filter(external_id=record.translation_of)
            .values("translation_key", "locale_id")
            .first()
        )
        if source is None:
            raise RecordError(
                f"translation_of: no {noun} {record.translation_of!r} yet; "
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

    def _create(self, record: Any, locale: Locale, values: dict, translation_key) -> Page:
        parent = self.parent(record, locale, values)
        page = self.model(
            locale=locale,
            external_id=record.external_id,
            slug=self._unique_slug(parent, record),
            live=False,
        )
        if translation_key is not None:
            page.translation_key = translation_key
        self.values_apply(page, values)
        parent.add_child(instance=page)
        # add_child has just validated the page (Page.save cleans); no need to do it twice.
        revision = page.save_revision(clean=False)
        if self.context.publish:
            revision.publish()
        self.context.touched.append(page)
        return page

    def _update(self, page: Page, values: dict, translation_key) -> Outcome:
        # Compare with what an editor would see: the latest draft if there is one.
        latest = (
            page.get_latest_revision_as_object()
            if page.has_unpublished_changes or not page.live
            else page
        )
        publish = self.context.publish
        changed = self.stored_values(latest) != values
        relinked = translation_key is not None and translation_key != page.translation_key
        unpublished = publish and (not page.live or page.has_unpublished_changes)
        if not (changed or relinked or unpublished):
            return Outcome.UNCHANGED
        if relinked:
            Page.objects.filter(pk=page.pk).update(translation_key=translation_key)
            latest.translation_key = translation_key
        revision = page.latest_revision
        if changed:
            self.values_apply(latest, values)
            revision = latest.save_revision()
        if publish and (changed or unpublished):
            revision.publish()
        self.context.touched.append(page)
        return Outcome.UPDATED

    def _unique_slug(self, parent: Page, record: Any) -> str:
        """The title's slug; on a clash with a sibling, the suffix and then a number follow."""
        base = slugify(record.title, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-") or self.noun
        suffixed = f"{base}-{self.slug_suffix(record)}"
        candidates = [base, suffixed]
        siblings = Page.objects.child_of(parent)
        number = 2
        while True:
            for candidate in candidates:
                if not siblings.filter(slug=candidate).exists():
                    return candidate
            candidates = [f"{suffixed}-{number}"]
            number += 1
