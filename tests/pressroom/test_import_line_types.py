"""The importer's extension point: apps add line types with ``register_import_line_type``.

A content app (events) relies on it to import its pages from the same JSON Lines files,
with the same per-line transaction, rejections and import log as releases.
"""

import json
from dataclasses import dataclass

import pytest
from django.core.exceptions import ImproperlyConfigured
from taggit.models import Tag
from wagtail import hooks

from pressroom.importing.records import RecordError, string_value
from pressroom.importing.service import (
    ImportContext,
    ImportLineType,
    Outcome,
    press_releases_import,
)
from pressroom.models import ImportRun, PressReleasePage
from tests.pressroom.test_import import lines_of, release


@dataclass(frozen=True)
class TagRecord:
    external_id: str
    fail: bool


class TagLines:
    """A line type writing a real row (a taggit tag) per line, rejecting on request after
    writing it, so the line's transaction can be seen to roll back."""

    def __init__(self, context: ImportContext):
        self.context = context

    def record_parse(self, data: dict) -> TagRecord:
        return TagRecord(
            external_id=string_value(data, "external_id", required=True),
            fail=bool(data.get("fail")),
        )

    def upsert(self, record: TagRecord) -> Outcome:
        _tag, created = Tag.objects.get_or_create(name=record.external_id)
        if record.fail:
            raise RecordError("tag: refused after writing")
        return Outcome.CREATED if created else Outcome.UNCHANGED


def tag_line_type() -> ImportLineType:
    return ImportLineType(name="tag", handler=TagLines)


@pytest.fixture
def tag_lines():
    with hooks.register_temporarily("register_import_line_type", tag_line_type):
        yield


def test_a_registered_line_type_is_imported_beside_releases_and_logged(site_tree, tag_lines):
    lines = lines_of(
        release(),
        {"type": "tag", "external_id": "drought"},
        release(external_id="test-2", title="Second", type="release"),
        {"type": "tag", "external_id": "drought"},
    )

    summary = press_releases_import(lines=lines, source="mixed.jsonl")

    assert (summary.created, summary.unchanged, summary.rejected) == (3, 1, 0)
    assert Tag.objects.filter(name="drought").exists()
    assert set(PressReleasePage.objects.values_list("external_id", flat=True)) == {
        "test-1",
        "test-2",
    }
    run = ImportRun.objects.get()
    assert (run.source, run.created, run.unchanged) == ("mixed.jsonl", 3, 1)


def test_a_line_its_handler_rejects_is_rolled_back_and_reported(db, tag_lines):
    lines = lines_of(
        {"type": "tag", "external_id": "kept"}, {"type": "tag", "external_id": "gone", "fail": True}
    )

    summary = press_releases_import(lines=lines)

    assert (summary.created, summary.rejected) == (1, 1)
    rejection = summary.rejections[0]
    assert (rejection.line_number, rejection.external_id) == (2, "gone")
    assert rejection.reason == "tag: refused after writing"
    assert list(Tag.objects.values_list("name", flat=True)) == ["kept"]
    assert ImportRun.objects.get().rejections == "line 2: tag: refused after writing"


def test_a_line_of_an_unknown_type_is_rejected_naming_the_known_ones(db, tag_lines):
    summary = press_releases_import(lines=[json.dumps({"type": "recipe", "external_id": "x"})])

    assert summary.rejected == 1
    reason = summary.rejections[0].reason
    assert reason.startswith("type: unknown line type 'recipe'; expected one of ")
    assert {"release", "tag"} <= set(reason.split("expected one of ")[1].split(", "))


def test_a_type_that_is_not_a_string_is_rejected(db):
    summary = press_releases_import(lines=[json.dumps({"type": 7})])

    assert summary.rejections[0].reason == "type: expected a string, got number"


def test_two_apps_claiming_one_line_type_is_a_setup_error(db, tag_lines):
    with (
        hooks.register_temporarily("register_import_line_type", tag_line_type),
        pytest.raises(ImproperlyConfigured, match="'tag' is registered twice"),
    ):
        press_releases_import(lines=[])
