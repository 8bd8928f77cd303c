"""Events in reader search, on the database backend and on Elasticsearch: the search page
and ``/api/v3/search/`` find them with ``type=event`` and Azerbaijani words, and count them
in the type facet; what the public may not see is never found."""

import pytest

from tests.events.conftest import EventPageFactory, baku
from tests.factories import OrganizationFactory, PressReleasePageFactory


@pytest.fixture(params=["database", "elasticsearch"])
def indexed(request, db, settings, events_index, site_tree):
    if request.param == "elasticsearch":
        backend = request.getfixturevalue("elasticsearch_backend")
    else:
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {"BACKEND": "wagtail.search.backends.database"}
        }
    isar = OrganizationFactory(name="ISAR", slug="isar")
    events = {
        "forum": EventPageFactory(
            parent=events_index["az"],
            title="Mingəçevirdə QHT-lərin regional görüşü",
            summary="Su ehtiyatları haqqında görüş.",
            organization=isar,
            city="Mingəçevir",
            start=baku(2030, 5, 12, 10, 0),
            topics=["su"],
        ),
        "training": EventPageFactory(
            parent=events_index["en"],
            title="Budget training for NGOs",
            organization=isar,
        ),
        "draft": EventPageFactory(
            parent=events_index["az"],
            title="Mingəçevirdə gizli görüş",
            live=False,
        ),
    }
    PressReleasePageFactory(
        parent=site_tree["az"].releases, title="Mingəçevirdə görüş keçirildi", city="Mingəçevir"
    )
    if request.param == "elasticsearch":
        backend.refresh_indexes()
    return events


def test_type_event_finds_events_by_azerbaijani_words_on_the_page_and_the_api(client, indexed):
    page = client.get("/az/search/", {"q": "görüşü Mingəçevir", "type": "event"})
    api = client.get("/api/v3/search/", {"q": "görüş", "type": "event", "lang": "az"})

    assert [hit.id for hit in page.context["results"].hits] == [indexed["forum"].pk]
    items = api.json()["items"]
    assert [(item["id"], item["type"]) for item in items] == [(indexed["forum"].pk, "event")]
    assert items[0]["release_date"] == "2030-05-12"


def test_events_are_a_type_facet_beside_releases_and_filter_like_them(client, indexed):
    api = client.get("/api/v3/search/", {"q": "Mingəçevir", "lang": "az", "city": "Mingachevir"})

    found = {(item["type"], item["title"]) for item in api.json()["items"]}
    assert ("event", "Mingəçevirdə QHT-lərin regional görüşü") in found
    assert ("press_release", "Mingəçevirdə görüş keçirildi") in found
    assert "Mingəçevirdə gizli görüş" not in {title for _type, title in found}
    topic = client.get("/api/v3/search/", {"type": "event", "topic": "su", "lang": "all"})
    assert [item["id"] for item in topic.json()["items"]] == [indexed["forum"].pk]
