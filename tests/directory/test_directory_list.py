import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from directory.models import OrganizationType
from tests.factories import OrganizationFactory


def listed(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".organization-item__title a")]


@pytest.fixture
def organizations(site_tree):
    return [
        OrganizationFactory(name="ISAR", slug="isar", city="Baku", focus_areas=["civil society"]),
        OrganizationFactory(
            name="Oxfam",
            slug="oxfam",
            city="Ganja",
            organization_type=OrganizationType.INTERNATIONAL,
            focus_areas=["water"],
        ),
        OrganizationFactory(
            name="USAID", slug="usaid", city="Baku", organization_type=OrganizationType.DONOR
        ),
        OrganizationFactory(name="Draft NGO", slug="draft-ngo", live=False),
    ]


def test_directory_lists_live_organizations_of_its_language(client, organizations):
    OrganizationFactory(
        name="Yalnız AZ", slug="yalniz", locale=Locale.objects.get(language_code="az")
    )

    assert listed(client.get("/en/directory/")) == ["ISAR", "Oxfam", "USAID"]
    assert listed(client.get("/az/directory/")) == ["Yalnız AZ"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "donor"}, ["USAID"]),
        ({"city": "Baku"}, ["ISAR", "USAID"]),
        ({"focus": "water"}, ["Oxfam"]),
        ({"type": "local-ngo", "city": "Baku", "focus": "civil society"}, ["ISAR"]),
    ],
)
def test_directory_filters_by_type_city_and_focus_area(client, organizations, query, expected):
    assert listed(client.get("/en/directory/", query)) == expected


@pytest.mark.parametrize("query", ["type=nonsense", "page=abc", "page=999", "city=%00"])
def test_directory_ignores_filter_values_that_cannot_apply(client, organizations, query):
    assert listed(client.get(f"/en/directory/?{query}")) == ["ISAR", "Oxfam", "USAID"]


@pytest.mark.parametrize("query", ["focus=" + "x" * 3000, "city=<script>", "city=Baku%00x"])
def test_directory_answers_odd_filter_values_with_an_empty_list(client, organizations, query):
    assert listed(client.get(f"/en/directory/?{query}")) == []


def test_list_links_use_the_profile_url(client, organizations):
    soup = BeautifulSoup(client.get("/en/directory/").content, "html.parser")

    hrefs = [a["href"] for a in soup.select(".organization-item__title a")]

    assert hrefs == [org.get_url() for org in organizations[:3]]


def test_list_links_cost_no_query_per_organization(client, organizations):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/directory/").status_code == 200
        return len(queries)

    count_queries()
    before = count_queries()
    for n in range(10):
        OrganizationFactory(slug=f"extra-{n}")

    assert count_queries() == before
