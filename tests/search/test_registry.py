"""Search is a host: a content type registered from outside search/ becomes searchable,
filterable and faceted, on Elasticsearch and on the database, without search/ naming it.

The registered type here is a second view of the directory's Organization ("member", with a
"kind" facet), so no fake app has to join INSTALLED_APPS; what it proves is that the type
filter, the facets and the hits come from the registry alone.
"""

import pytest

from directory.models import Organization, OrganizationType
from directory.selectors import live_organizations, organizations_filter
from search.registry import Facet, FacetSource, Hit, SearchType, registry
from tests.factories import OrganizationFactory


def _summary(organization, *, request, highlights) -> Hit:
    return Hit(
        type="member",
        id=organization.pk,
        external_id=None,
        title=organization.name,
        url=None,
        release_date=None,
        organization=None,
        highlights=highlights,
    )


MEMBERS = SearchType(
    key="member",
    model=Organization,
    label="Member",
    position=30,
    live=live_organizations,
    narrow=organizations_filter,
    summary=_summary,
    texts=lambda organization: (organization.name, [organization.description]),
    title_field="name",
    filters={"organization_type": "organization_type"},
    facets={"kind": FacetSource("organization_type", "organization_type")},
)
KIND = Facet(
    "kind",
    "Kind",
    position=60,
    labels=lambda values, language: {value: value.upper() for value in values},
)


@pytest.fixture
def members_registered():
    registry.type_register(MEMBERS)
    registry.facet_register(KIND)
    yield
    registry.unregister(types=["member"], facets=["kind"])


@pytest.fixture
def members(site_tree):
    return [
        OrganizationFactory(name="Delta Aid", organization_type=OrganizationType.DONOR),
        OrganizationFactory(name="Delta Media", organization_type=OrganizationType.MEDIA),
        OrganizationFactory(name="Delta Media Watch", organization_type=OrganizationType.MEDIA),
    ]


def _search(client, **params) -> dict:
    response = client.get("/en/search/json/", params)
    assert response.status_code == 200, response.content
    return response.json()


def _registered_type_drives_type_filter_facets_and_hits(client) -> None:
    data = _search(client, q="delta", type="member")

    assert data["count"] == 3
    assert {item["type"] for item in data["items"]} == {"member"}
    assert {item["title"] for item in data["items"]} == {
        "Delta Aid",
        "Delta Media",
        "Delta Media Watch",
    }
    kinds = {value["value"]: (value["label"], value["count"]) for value in data["facets"]["kind"]}
    assert kinds == {"media": ("MEDIA", 2), "donor": ("DONOR", 1)}
    assert data["facets"]["topic"] == []  # a facet the type does not have counts nothing

    narrowed = _search(client, q="delta", type="member", organization_type="media")
    assert {item["title"] for item in narrowed["items"]} == {"Delta Media", "Delta Media Watch"}
    # A filter the type does not support rules it out rather than being ignored.
    assert _search(client, q="delta", type="member", city="Baku")["count"] == 0


def test_registered_type_is_searched_filtered_and_faceted_on_elasticsearch(
    client, elasticsearch_backend, members_registered, members
):
    elasticsearch_backend.refresh_indexes()

    _registered_type_drives_type_filter_facets_and_hits(client)


def test_registered_type_is_searched_filtered_and_faceted_on_the_database(
    client, members_registered, members
):
    _registered_type_drives_type_filter_facets_and_hits(client)


def test_an_unregistered_type_is_refused_with_the_registered_ones_listed(client, site_tree):
    response = client.get("/en/search/json/", {"type": "member"})

    assert response.status_code == 400
    keys = ", ".join(registry.type_keys())
    assert response.json()["errors"] == [f"Type must be one of: all, {keys}."]


def test_the_apps_register_their_types_and_facets_in_display_order():
    keys = registry.type_keys()
    assert keys[0] == "press_release" and keys[-1] == "organization"  # content apps between
    names = [facet.name for facet in registry.facets()]
    assert names == ["organization", "organization_type", "city", "topic", "year", "lang"]


def test_a_type_naming_a_filter_the_host_does_not_know_is_refused():
    with pytest.raises(ValueError, match="unknown filters"):
        SearchType(**{**MEMBERS.__dict__, "filters": {"colour": "organization_type"}})


def test_a_key_can_be_registered_once():
    with pytest.raises(ValueError, match="already registered"):
        registry.type_register(SearchType(**{**MEMBERS.__dict__, "key": "organization"}))
