"""Contract tests of ``/api/v3/press-releases/``: partner sites mirror releases through it
(docs/api.md), so its shape, filters, errors and visibility rules are pinned here."""

import datetime
from types import SimpleNamespace

import pytest
from wagtail.models import Locale, PageViewRestriction

from tests.factories import OrganizationFactory, PressReleasePageFactory

LIST = "/api/v3/press-releases/"


@pytest.fixture
def content(site_tree):
    """Live releases in two languages, and one of each kind that must never be served."""
    releases = site_tree["en"].releases
    isar = OrganizationFactory(name="Institute", acronym="ISAR", slug="isar", city="Baku")
    undp = OrganizationFactory(name="Programme", acronym="UNDP", slug="undp")
    eu = OrganizationFactory(name="Union", acronym="EU", slug="eu")
    election = PressReleasePageFactory(
        parent=releases,
        title="Election monitoring results",
        organization=isar,
        participants=[undp],
        funders=[eu],
        topics=["elections"],
        city="Ganja",
        release_date=datetime.date(2000, 11, 30),
        external_id="isar-2000-11-30",
    )
    water = PressReleasePageFactory(
        parent=releases,
        title="Clean water for villages",
        organization=undp,
        topics=["water"],
        city="Baku",
        release_date=datetime.date(2003, 5, 1),
    )
    translation = election.copy_for_translation(Locale.objects.get(language_code="az"))
    translation.title = "Seçki monitorinqinin nəticələri"
    translation.save_revision().publish()

    draft = PressReleasePageFactory(parent=releases, title="Draft never published", live=False)
    private = PressReleasePageFactory(parent=releases, title="Private release")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    withdrawn = PressReleasePageFactory(parent=releases, title="Withdrawn release")
    withdrawn.unpublish()
    water.title = "Unpublished new title"
    water.save_revision()
    return SimpleNamespace(
        election=election,
        water=water,
        translation=translation,
        hidden=[draft, private, withdrawn],
    )


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_list_serves_only_live_public_releases(client, content):
    response = client.get(LIST)
    assert ids(response) == {content.election.pk, content.water.pk, content.translation.pk}
    assert response.json()["count"] == 3


def test_drafts_private_and_unpublished_releases_have_no_detail(client, content):
    for page in content.hidden:
        response = client.get(f"{LIST}{page.pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_detail_shows_the_published_state_not_a_later_draft(client, content):
    body = client.get(f"{LIST}{content.water.pk}/").json()
    assert body["title"] == "Clean water for villages"
    titles = {item["title"] for item in client.get(LIST).json()["items"]}
    assert "Unpublished new title" not in titles


def test_detail_has_the_partner_contract_shape(client, content):
    release = client.get(f"{LIST}{content.election.pk}/").json()
    assert release["external_id"] == "isar-2000-11-30"
    assert release["url"] == f"http://localhost/en/press-releases/{content.election.slug}/"
    assert release["organization"]["slug"] == "isar"
    assert release["organization"]["url"] == "http://localhost/en/directory/isar/"
    assert [o["acronym"] for o in release["participants"]] == ["UNDP"]
    assert [o["acronym"] for o in release["funders"]] == ["EU"]
    assert release["topics"] == [{"slug": "elections", "name": "elections"}]
    assert release["translations"] == [
        {
            "lang": "az",
            "id": content.translation.pk,
            "url": f"http://localhost/az/press-releases/{content.translation.slug}/",
        }
    ]
    assert release["release_date"] == "2000-11-30"
    assert "<p>The body of the press release.</p>" in release["body"]["html"]
    assert release["first_published_at"] and release["last_published_at"]


def test_rendered_body_links_are_absolute(client, site_tree):
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        body=[
            ("paragraph", f'<p><a linktype="page" id="{site_tree["en"].directory.pk}">x</a></p>')
        ],
    )
    html = client.get(f"{LIST}{release.pk}/").json()["body"]["html"]
    assert 'href="http://localhost/en/directory/"' in html


# One setup for all cases: building the content is most of each test's time.
FILTER_CASES = [
    ("q=election+monitoring", {"election"}),
    ("organization=isar", {"election", "translation"}),
    ("organization=isar&organization=undp", {"election", "water", "translation"}),
    ("participant=undp", {"election", "translation"}),
    ("city=ganja", {"election", "translation"}),
    ("topic=water", {"water"}),
    ("topic=water&topic=elections", {"election", "water", "translation"}),
    ("lang=az", {"translation"}),
    ("date_from=2001-01-01", {"water"}),
    ("date_to=2001-01-01", {"election", "translation"}),
    ("external_id=isar-2000-11-30", {"election"}),
    ("updated_since=2999-01-01T00:00:00Z", set()),
    ("updated_since=2000-01-01T00:00:00", {"election", "water", "translation"}),
    ("city=ganja&lang=en&topic=elections", {"election"}),
]


def test_each_filter_narrows_the_list(client, content):
    for query, expected in FILTER_CASES:
        wanted = {getattr(content, name).pk for name in expected}
        assert ids(client.get(f"{LIST}?{query}")) == wanted, query


def test_translation_matches_its_title_in_its_own_language(client, content):
    assert ids(client.get(f"{LIST}?q=seçki")) == {content.translation.pk}


def test_each_ordering_sorts_the_list(client, content):
    for ordering, expected in [
        ("release_date", ["election", "translation", "water"]),
        ("-release_date", ["water", "translation", "election"]),
        ("title", ["water", "election", "translation"]),
        ("updated", ["election", "water", "translation"]),
        ("-updated", ["translation", "water", "election"]),
    ]:
        items = client.get(f"{LIST}?ordering={ordering}&fields=id").json()["items"]
        assert [item["id"] for item in items] == [getattr(content, name).pk for name in expected], (
            ordering
        )


def test_limit_and_offset_page_through_the_list(client, content):
    first = client.get(f"{LIST}?limit=2&ordering=title").json()
    rest = client.get(f"{LIST}?limit=2&offset=2&ordering=title").json()
    assert first["count"] == rest["count"] == 3
    assert len(first["items"]) == 2 and len(rest["items"]) == 1
    beyond = client.get(f"{LIST}?offset=10").json()
    assert beyond == {"count": 3, "items": []}


def test_fields_returns_only_the_named_fields(client, content):
    items = client.get(f"{LIST}?fields=title,url,organization").json()["items"]
    assert all(set(item) == {"title", "url", "organization"} for item in items)


BAD_PARAMETERS = [
    ("date_from=2000-13-01", 422, "date_from"),
    ("date_to=yesterday", 422, "date_to"),
    ("updated_since=last+week", 422, "updated_since"),
    ("ordering=colour", 422, "ordering"),
    ("limit=101", 400, "limit"),
    ("limit=0", 422, "limit"),
    ("offset=-1", 422, "offset"),
    ("fields=title,colour", 422, "fields"),
    ("fields=title,,url", 422, "fields"),
    ("organization=nobody", 422, "organization"),
    ("participant=nobody", 422, "participant"),
    ("topic=nothing", 422, "topic"),
    ("lang=fr", 422, "lang"),
]


def test_bad_parameters_are_problems_naming_the_parameter(client, content):
    for query, status, parameter in BAD_PARAMETERS:
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == status, query
        assert response["Content-Type"] == "application/problem+json", query
        problem = response.json()
        assert problem["status"] == status, query
        assert parameter in [error["loc"][-1] for error in problem["errors"]], query


def test_unknown_detail_is_a_problem(client, site_tree):
    response = client.get(f"{LIST}999999/")
    assert response.status_code == 404
    assert response.json()["status"] == 404
