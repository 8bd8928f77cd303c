"""Imports JSON Lines, one transaction per line, each line upserted by its line type.

A line's ``type`` names its line type (none: ``release``). Apps add line types with the
``register_import_line_type`` Wagtail hook, each returning an ``ImportLineType`` whose
handler validates and upserts that type's lines; the run, the per-line transaction, the
rejections, the ImportRun log and the progress are shared (docs/import-format.md).
"""

import enum
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from directory.models import Organization
from directory.services import organization_get_or_create_by_name
from search.cities import city_name

from ..models import ImportRun
from .records import OrganizationRef, RecordError, line_data, string_value

# What a line without a ``type`` is: the format began with releases only.
DEFAULT_LINE_TYPE = "release"
LINE_TYPE_HOOK = "register_import_line_type"


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
    """Imports each line (a release, or a registered line type) in its own transaction
    and logs the run as an ImportRun.

    ``lines`` is consumed lazily, so a file object streams; blank lines are skipped.
    ``on_result`` sees every line's result as it happens (progress, stderr).
    """
    importer = LineImporter(publish=publish)
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


class LineHandler(Protocol):
    """Validates and upserts the lines of one type; one instance serves a whole run."""

    def record_parse(self, data: dict) -> Any:
        """The line's object as a record with an ``external_id``; raises RecordError."""

    def upsert(self, record: Any) -> "Outcome":
        """Writes the record (inside the line's transaction): created, updated or unchanged.
        Raises RecordError (or ValidationError) to reject the line, rolling it back."""


@dataclass(frozen=True)
class ImportLineType:
    """A kind of import line: the ``type`` it carries and its handler's factory."""

    name: str
    handler: Callable[["ImportContext"], LineHandler]


def import_line_types() -> dict[str, ImportLineType]:
    """Every registered line type by name; two apps claiming one name is a setup error."""
    types: dict[str, ImportLineType] = {}
    for hook in hooks.get_hooks(LINE_TYPE_HOOK):
        line_type = hook()
        if line_type.name in types:
            raise ImproperlyConfigured(
                f"{LINE_TYPE_HOOK}: the import line type {line_type.name!r} is registered twice"
            )
        types[line_type.name] = line_type
    return types


class ImportContext:
    """What every line type's handler shares during one run: whether it publishes, the
    organizations matched or created so far, and the objects a line touched (their
    reference index is refreshed once, at the end of the line)."""

    def __init__(self, *, publish: bool):
        self.publish = publish
        self.organizations = OrganizationCache()
        self.touched: list = []

    def organization(self, ref: OrganizationRef, locale: Locale) -> Organization:
        """The organization a line refers to in ``locale``, matched or created
        (directory's ``organization_get_or_create_by_name``; docs/import-format.md)."""
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


class LineImporter:
    """Reads each line's type and hands it to that type's handler, built at first use."""

    def __init__(self, *, publish: bool):
        self.context = ImportContext(publish=publish)
        self.line_types = import_line_types()
        self.handlers: dict[str, LineHandler] = {}

    def handler(self, data: dict) -> LineHandler:
        name = string_value(data, "type", max_length=32) or DEFAULT_LINE_TYPE
        if name not in self.line_types:
            known = ", ".join(sorted(self.line_types))
            raise RecordError(f"type: unknown line type {name!r}; expected one of {known}")
        if name not in self.handlers:
            self.handlers[name] = self.line_types[name].handler(self.context)
        return self.handlers[name]

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
            data = line_data(line)
            handler = self.handler(data)
            record = handler.record_parse(data)
            external_id = record.external_id
            self.context.touched = []
            # Wagtail refreshes an object's reference index on every save, several times
            # per page here; it is refreshed once per touched object instead. Search
            # index changes go through the search app's outbox, which coalesces them.
            with transaction.atomic(), disable_reference_index_auto_update():
                outcome = handler.upsert(record)
                for instance in self.context.touched:
                    ReferenceIndex.create_or_update_for_object(instance)
        except (RecordError, ValidationError, DatabaseError) as error:
            self.context.organizations.clear()
            return LineResult(line_number, Outcome.REJECTED, external_id, _reason(error))
        return LineResult(line_number, outcome, external_id)


def _reason(error: Exception) -> str:
    """How a rejection reads in the summary, the log and on stderr."""
    if isinstance(error, DatabaseError):
        return f"database refused it: {error}"
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
            )
        return "; ".join(error.messages)
    return str(error)
