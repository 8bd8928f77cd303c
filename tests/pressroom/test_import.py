"""The press-release import: upsert by external_id, drafts or publishing, translations."""

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Revision
from wagtail.search.backends import get_search_backend

from directory.models import Organization
from pressroom.importing.service import Outcome, press_releases_import
from pressroom.models import ImportRun, PressReleasePage

SEED = settings.BASE_DIR.parent / "shared" / "seed" / "isar-2000.jsonl"


def release(**overrides) -> dict:
    data = {
        "external_id": "test-1",
        "locale": "en",
        "title": "Water users meet in Ganja",
        "release_date": "2003-04-05",
        "organization": {"name": "Ganja Water Forum", "acronym": "GWF", "type": "local-ngo"},
        "participants": [{"name": "Oxfam", "type": "international"}],
        "funders": [{"name": "The Eurasia Foundation", "acronym": "EF", "type": "donor"}],
        "city": "Ganja",
        "topics": ["water", "civil society"],
        "summary": "Farmers and NGOs met.",
        "body_html": "<p>Farmers and <b>NGOs</b> met.</p>",
        "contact": {"name": "GWF office", "phones": ["(994-22) 5-55-55"], "email": "a@gwf.az"},
    }
    data.update(overrides)
    return data


def lines_of(*releases: dict) -> list[str]:
    return [json.dumps(item, ensure_ascii=False) + "\n" for item in releases]


def run_command(tmp_path, lines: list[str], *, publish: bool = False) -> tuple[str, str]:
    path = tmp_path / "releases.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    stdout, stderr = StringIO(), StringIO()
    args = [str(path), "--publish"] if publish else [str(path)]
    call_command("import_press_releases", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def test_line_in_a_language_without_a_release_index_is_rejected(db):
    summary = press_releases_import(lines=lines_of(release()))

    assert (summary.created, summary.rejected) == (0, 1)
    assert "no press-release index in 'en'" in summary.rejections[0].reason
    assert not Organization.objects.exists()


def test_new_release_is_a_draft_in_its_issuers_english_newsroom(site_tree):
    summary = press_releases_import(lines=lines_of(release()))

    assert (summary.created, summary.rejected) == (1, 0)
    page = PressReleasePage.objects.get(external_id="test-1")
    assert not page.live
    assert page.has_unpublished_changes
    assert page.latest_revision is not None
    newsroom = page.get_parent().specific
    assert newsroom.organization == page.organization
    assert newsroom.live
    assert newsroom.get_parent().specific == site_tree["en"].releases
    assert page.slug == "water-users-meet-in-ganja"


def test_publish_makes_the_release_live_with_every_field(site_tree):
    press_releases_import(lines=lines_of(release()), publish=True)

    page = PressReleasePage.objects.get(external_id="test-1")
    assert page.live and not page.has_unpublished_changes
    assert page.release_date.isoformat() == "2003-04-05"
    assert page.organization.acronym == "GWF"
    assert [org.name for org in page.participants] == ["Oxfam"]
    assert [org.acronym for org in page.funders] == ["EF"]
    assert sorted(page.topics.names()) == ["civil society", "water"]
    assert page.contact_phones == ["(994-22) 5-55-55"]
    assert page.contact_email == "a@gwf.az"
    assert page.body[0].block_type == "paragraph"
    assert page.body[0].value.source == "<p>Farmers and <b>NGOs</b> met.</p>"


def test_second_run_changes_nothing(site_tree):
    lines = lines_of(release(), release(external_id="test-2", title="Second"))
    press_releases_import(lines=lines, publish=True)
    revisions = Revision.objects.count()

    summary = press_releases_import(lines=lines, publish=True)

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    assert Revision.objects.count() == revisions


def test_second_draft_run_changes_nothing(site_tree):
    press_releases_import(lines=lines_of(release()))
    revisions = Revision.objects.count()

    summary = press_releases_import(lines=lines_of(release()))

    assert summary.unchanged == 1
    assert Revision.objects.count() == revisions


def test_changed_line_updates_the_release_with_a_new_revision(site_tree):
    press_releases_import(lines=lines_of(release()), publish=True)
    page = PressReleasePage.objects.get(external_id="test-1")
    revisions = page.revisions.count()

    changed = release(title="Water users meet again", topics=["water"], participants=[])
    summary = press_releases_import(lines=lines_of(changed), publish=True)

    assert summary.updated == 1
    page.refresh_from_db()
    assert page.title == "Water users meet again"
    assert page.slug == "water-users-meet-in-ganja", "the URL stays stable"
    assert list(page.topics.names()) == ["water"]
    assert page.participants == []
    assert page.revisions.count() == revisions + 1


def test_changed_line_without_publish_leaves_the_live_version_alone(site_tree):
    press_releases_import(lines=lines_of(release()), publish=True)

    press_releases_import(lines=lines_of(release(title="Draft title")))

    page = PressReleasePage.objects.get(external_id="test-1")
    assert page.title == "Water users meet in Ganja"
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Draft title"


def test_publishing_a_draft_import_counts_as_an_update(site_tree):
    press_releases_import(lines=lines_of(release()))

    summary = press_releases_import(lines=lines_of(release()), publish=True)

    assert summary.updated == 1
    assert PressReleasePage.objects.get(external_id="test-1").live


def test_organizations_are_matched_by_acronym_then_name_case_insensitively(site_tree):
    press_releases_import(lines=lines_of(release()))
    again = release(
        external_id="test-2",
        organization={"name": "Renamed forum", "acronym": "gwf"},
        participants=[{"name": "OXFAM"}],
        funders=[{"name": "the eurasia foundation"}],
    )

    press_releases_import(lines=lines_of(again))

    assert Organization.objects.count() == 3
    page = PressReleasePage.objects.get(external_id="test-2")
    assert page.organization.name == "Ganja Water Forum"


def test_new_organizations_are_live_with_unique_slugs_per_locale(site_tree):
    same_acronym = release(
        organization={"name": "Ganja Women's Fund", "acronym": "GWF"},
        participants=[{"name": "GWF"}],
        funders=[],
    )
    press_releases_import(lines=lines_of(same_acronym))

    organizations = Organization.objects.order_by("pk")
    assert [org.slug for org in organizations] == ["gwf", "gwf-2"]
    assert all(org.live for org in organizations)


def test_translation_shares_the_key_and_sits_in_the_azerbaijani_newsroom(site_tree):
    english = release()
    azerbaijani = release(
        external_id="test-1-az",
        locale="az",
        title="Gəncədə su istifadəçiləri görüşür",
        city="Gəncə",
        translation_of="test-1",
    )

    summary = press_releases_import(lines=lines_of(english, azerbaijani), publish=True)

    assert summary.created == 2
    en = PressReleasePage.objects.get(external_id="test-1")
    az = PressReleasePage.objects.get(external_id="test-1-az")
    assert az.translation_key == en.translation_key
    assert az.locale.language_code == "az"
    assert az.get_parent().get_parent().specific == site_tree["az"].releases
    assert az.get_parent().translation_key == en.get_parent().translation_key
    assert az.organization.locale.language_code == "az"
    assert az.organization.translation_key == en.organization.translation_key
    assert [org.locale.language_code for org in az.participants] == ["az"]


def test_azerbaijani_release_credits_an_existing_azerbaijani_translation(site_tree):
    press_releases_import(lines=lines_of(release()), publish=True)
    english_org = Organization.objects.get(acronym="GWF")
    translated = english_org.copy_for_translation(site_tree["az"].home.locale)
    translated.name = "Gəncə Su Forumu"
    translated.acronym = "GSF"
    translated.save()

    press_releases_import(lines=lines_of(release(external_id="az-1", locale="az")))

    assert PressReleasePage.objects.get(external_id="az-1").organization == translated


def test_the_import_is_logged(site_tree):
    press_releases_import(
        lines=lines_of(release(), {"title": "no id"}), publish=True, source="batch.jsonl"
    )

    run = ImportRun.objects.get()
    assert (run.source, run.created, run.rejected) == ("batch.jsonl", 1, 1)
    assert run.finished_at is not None
    assert run.rejections.startswith("line 2: ")


def test_command_prints_the_summary(site_tree, tmp_path):
    stdout, stderr = run_command(tmp_path, lines_of(release()), publish=True)

    assert "1 created, 0 updated, 0 unchanged, 0 rejected" in stdout
    assert stderr == ""


def test_blank_lines_are_skipped(site_tree, tmp_path):
    stdout, _ = run_command(tmp_path, ["\n", *lines_of(release()), "   \n"])

    assert "1 created, 0 updated, 0 unchanged, 0 rejected" in stdout


BAD_LINES = {
    "invalid JSON": ('{"external_id": "x",', "invalid JSON"),
    "not an object": ("[1, 2]", "expected a JSON object, got array"),
    "missing title": (json.dumps(release(title=None)), "title: missing or blank"),
    "blank title": (json.dumps(release(title="   ")), "title: missing or blank"),
    "impossible date": (json.dumps(release(release_date="2000-02-30")), "not a real date"),
    "wrong date format": (json.dumps(release(release_date="30.11.2000")), "YYYY-MM-DD"),
    "compact date": (json.dumps(release(release_date="20001130")), "YYYY-MM-DD"),
    "unknown locale": (json.dumps(release(locale="ru")), "locale: unknown language 'ru'"),
    "script in body": (
        json.dumps(release(body_html="<p>Hi</p><SCRIPT>alert(1)</script>")),
        "<script>",
    ),
    "missing original": (
        json.dumps(release(locale="az", translation_of="nowhere")),
        "translation_of: no release 'nowhere'",
    ),
    "title not a string": (json.dumps(release(title=42)), "title: expected a string, got number"),
    "topics not a list": (json.dumps(release(topics="water")), "topics: expected an array"),
    "participant not an object": (
        json.dumps(release(participants=["Oxfam"])),
        "participants[0]: expected an object, got string",
    ),
    "unknown organization type": (
        json.dumps(release(organization={"name": "X", "type": "club"})),
        "organization.type: 'club' is not one of",
    ),
    "phone not a string": (
        json.dumps(release(contact={"phones": [5552525]})),
        "contact.phones[0]: expected a string",
    ),
    "bad email": (
        json.dumps(release(contact={"email": "not-an-email"})),
        "contact.email",
    ),
    "missing organization": (json.dumps(release(organization=None)), "organization: missing"),
}


@pytest.mark.parametrize(("line", "reason"), BAD_LINES.values(), ids=BAD_LINES.keys())
def test_bad_line_is_rejected_with_its_number_and_the_rest_imported(
    site_tree, tmp_path, line, reason
):
    good_before = json.dumps(release(external_id="before"))
    good_after = json.dumps(release(external_id="after", title="After"))
    path = tmp_path / "releases.jsonl"
    path.write_text(f"{good_before}\n{line}\n{good_after}\n", encoding="utf-8")
    stderr = StringIO()

    with pytest.raises(CommandError, match="1 line"):
        call_command("import_press_releases", str(path), stdout=StringIO(), stderr=stderr)

    assert "line 2: " in stderr.getvalue()
    assert reason in stderr.getvalue()
    assert set(PressReleasePage.objects.values_list("external_id", flat=True)) == {
        "before",
        "after",
    }


def test_line_that_is_not_utf8_is_rejected_alone(site_tree, tmp_path):
    path = tmp_path / "releases.jsonl"
    path.write_bytes(b'{"title": "\xff"}\n' + lines_of(release())[0].encode())
    stderr = StringIO()

    with pytest.raises(CommandError):
        call_command("import_press_releases", str(path), stdout=StringIO(), stderr=stderr)

    assert "line 1: not valid UTF-8" in stderr.getvalue()
    assert PressReleasePage.objects.filter(external_id="test-1").exists()


def test_a_release_cannot_change_language(site_tree):
    press_releases_import(lines=lines_of(release()))

    summary = press_releases_import(lines=lines_of(release(locale="az")))

    assert summary.rejected == 1
    assert "cannot change language" in summary.rejections[0].reason


def test_a_release_gets_one_translation_per_language(site_tree):
    lines = lines_of(
        release(),
        release(external_id="az-1", locale="az", translation_of="test-1"),
        release(external_id="az-2", locale="az", title="Other", translation_of="test-1"),
    )

    summary = press_releases_import(lines=lines)

    assert (summary.created, summary.rejected) == (2, 1)
    assert summary.rejections[0].line_number == 3
    assert "already has a 'az' translation" in summary.rejections[0].reason


def test_missing_file_is_a_command_error(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_press_releases", str(tmp_path / "nope.jsonl"))


def test_the_seed_release_imports_cleanly(site_tree, tmp_path):
    if not SEED.exists():
        pytest.skip("the shared seed folder is not beside the repository")
    stdout = StringIO()

    call_command("import_press_releases", str(SEED), "--publish", stdout=stdout)

    assert "1 created, 0 updated, 0 unchanged, 0 rejected" in stdout.getvalue()
    page = PressReleasePage.objects.get(external_id="azerweb-isar-2000-11-30")
    assert page.heading == "ISAR Organizes First Regional NGO Meeting (ISAR)"
    assert len(page.participants) == 5
    assert page.contact_fax == "(994-12) 94-30-84"


def test_outcomes_are_reported_per_line(site_tree):
    seen = []

    press_releases_import(lines=lines_of(release(), {}), on_result=seen.append)

    assert [(r.line_number, r.outcome) for r in seen] == [
        (1, Outcome.CREATED),
        (2, Outcome.REJECTED),
    ]


def test_imported_releases_and_organizations_are_searchable(site_tree):
    press_releases_import(lines=lines_of(release()), publish=True)

    assert [p.external_id for p in PressReleasePage.objects.search("Ganja")] == ["test-1"]
    found = get_search_backend().search("Water Forum", Organization)
    assert [organization.acronym for organization in found] == ["GWF"]


def test_staff_read_the_import_log_but_cannot_change_it(site_tree, client, django_user_model):
    press_releases_import(lines=lines_of(release()), source="batch.jsonl")
    run = ImportRun.objects.get()
    admin = django_user_model.objects.create_superuser(username="boss", password="x" * 12)
    client.force_login(admin)

    listing = client.get("/admin/pressroom/importrun/")
    inspect = client.get(f"/admin/pressroom/importrun/inspect/{run.pk}/")

    assert listing.status_code == 200 and "batch.jsonl" in listing.content.decode()
    assert inspect.status_code == 200
    for denied in (
        client.get("/admin/pressroom/importrun/create/"),
        client.get(f"/admin/pressroom/importrun/edit/{run.pk}/"),
        client.post(f"/admin/pressroom/importrun/delete/{run.pk}/"),
    ):
        assert (denied.status_code, denied.url) == (302, "/admin/"), "Wagtail's permission denied"
    assert ImportRun.objects.filter(pk=run.pk).exists()
