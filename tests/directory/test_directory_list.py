import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from directory.models import OrganizationType
from home.services import site_tree_create
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

EN = ["ISAR", "Oxfam", "USAID"]


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup_of(response).select(".organization-item__title a")]


def options(response, name: str) -> list[tuple[str, str]]:
    select = soup_of(response).select_one(f'select[name="{name}"]')
    return [(o["value"], o.get_text(strip=True)) for o in select.select("option") if o["value"]]


@pytest.fixture(scope="module")
def organizations(django_db_setup, django_db_blocker):
    """Built once per module in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        site_tree_create()
        az = Locale.objects.get(language_code="az")
        en = [
            OrganizationFactory(
                name="ISAR",
                slug="isar",
                city="Baku",
                focus_areas=["civil society", "water"],
                description="<p>Supports <b>civic</b> initiatives across Şəki.</p>",
            ),
            OrganizationFactory(
                name="Oxfam",
                slug="oxfam",
                city="Ganja",
                organization_type=OrganizationType.INTERNATIONAL,
                focus_areas=["water"],
            ),
            OrganizationFactory(
                name="USAID", slug="usaid", city="Bakı", organization_type=OrganizationType.DONOR
            ),
            OrganizationFactory(name="Draft NGO", slug="draft-ngo", live=False),
        ]
        for name, city in [
            ("Şəfqət", "Şəki"),
            ("Zəka", "Baku"),
            ("Sülh", "Sheki"),
            ("Çıraq", "Bakı"),
            ("Cəmiyyət", "Gəncə"),
            ("Əməkdaşlıq", "Bakı"),
            ("İşıq Mərkəzi", "Bakı"),
            ("Women for Peace", "Bakı"),
        ]:
            OrganizationFactory(name=name, city=city, locale=az, acronym="", name_az="")
        yield en
        transaction.set_rollback(True)


def test_directory_lists_live_organizations_of_its_language(client, organizations):
    assert listed(client.get("/en/directory/")) == EN


def test_azerbaijani_directory_sorts_in_the_azerbaijani_alphabet(client, organizations):
    assert listed(client.get("/az/directory/")) == [
        "Cəmiyyət",
        "Çıraq",
        "Əməkdaşlıq",
        "İşıq Mərkəzi",
        "Sülh",
        "Şəfqət",
        "Women for Peace",
        "Zəka",
    ]


def test_azerbaijani_directory_names_cities_in_azerbaijani(client, organizations):
    soup = soup_of(client.get("/az/directory/"))
    meta = [p.get_text(strip=True) for p in soup.select(".organization-item .meta")]

    assert all("Baku" not in text and "Sheki" not in text for text in meta)
    assert options(client.get("/az/directory/"), "city") == [
        ("Bakı", "Bakı (5)"),
        ("Gəncə", "Gəncə (1)"),
        ("Şəki", "Şəki (2)"),
    ]


def test_english_directory_offers_each_city_once_in_english(client, organizations):
    assert options(client.get("/en/directory/"), "city") == [
        ("Bakı", "Baku (2)"),
        ("Gəncə", "Ganja (1)"),
    ]


def test_focus_area_filter_lists_its_values_with_counts(client, organizations):
    assert options(client.get("/en/directory/"), "focus") == [
        ("civil society", "civil society (1)"),
        ("water", "water (2)"),
    ]


def test_type_filter_counts_each_type(client, organizations):
    labels = dict(options(client.get("/en/directory/"), "type"))

    assert labels["local-ngo"] == "Local NGO (1)"
    assert labels["donor"] == "Donor (1)"
    assert labels["media"] == "Media (0)"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "donor"}, ["USAID"]),
        ({"city": "Baku"}, ["ISAR", "USAID"]),
        ({"city": "bakı"}, ["ISAR", "USAID"]),
        ({"focus": "water"}, ["ISAR", "Oxfam"]),
        ({"type": "local-ngo", "city": "Baku", "focus": "civil society"}, ["ISAR"]),
    ],
)
def test_directory_filters_by_type_city_and_focus_area(client, organizations, query, expected):
    assert listed(client.get("/en/directory/", query)) == expected


def test_selected_filters_stay_selected(client, organizations):
    soup = soup_of(client.get("/en/directory/", {"city": "Baku", "focus": "water", "q": "isar"}))

    assert soup.select_one('select[name="city"] option[selected]')["value"] == "Bakı"
    assert soup.select_one('select[name="focus"] option[selected]')["value"] == "water"
    assert soup.select_one('input[name="q"]')["value"] == "isar"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "oxf", ["Oxfam"]),
        ("en", "CIVIC", ["ISAR"]),
        ("en", "şəki civic", ["ISAR"]),
        ("en", "Seki", ["ISAR"]),
        ("en", "nothing like it", []),
        ("az", "şəfqət", ["Şəfqət"]),
        ("az", "ŞƏFQƏT", ["Şəfqət"]),
        ("az", "işiq", ["İşıq Mərkəzi"]),
        ("az", "İŞIQ", ["İşıq Mərkəzi"]),
    ],
)
def test_text_search_matches_names_and_descriptions_whatever_the_case(
    client, organizations, language, text, expected
):
    assert listed(client.get(f"/{language}/directory/", {"q": text})) == expected


@pytest.mark.parametrize("query", ["type=nonsense", "page=abc", "page=999", "city=%00", "q=%00"])
def test_directory_ignores_filter_values_that_cannot_apply(client, organizations, query):
    assert listed(client.get(f"/en/directory/?{query}")) == EN


@pytest.mark.parametrize(
    "query", ["focus=" + "x" * 3000, "city=<script>", "city=Baku%00x", "q=" + "x" * 3000]
)
def test_directory_answers_odd_filter_values_with_an_empty_list(client, organizations, query):
    assert listed(client.get(f"/en/directory/?{query}")) == []


def test_list_links_use_the_profile_url(client, organizations):
    soup = soup_of(client.get("/en/directory/"))

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
        OrganizationFactory(slug=f"extra-{n}", focus_areas=[f"area {n}"])

    assert count_queries() == before
