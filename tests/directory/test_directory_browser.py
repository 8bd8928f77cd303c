import pytest
from wagtail.models import Locale

from directory.models import OrganizationType
from tests.a11y import VIEWPORTS, screenshot, serious_violations
from tests.factories import OrganizationFactory


@pytest.mark.browser
def test_azerbaijani_reader_searches_the_directory_and_opens_a_profile_on_a_phone(
    browser_page, site_tree
):
    az = Locale.objects.get(language_code="az")
    OrganizationFactory(
        name="Şəki Gənclər Mərkəzi",
        acronym="ŞGM",
        slug="sgm",
        locale=az,
        city="Sheki",
        organization_type=OrganizationType.LOCAL_NGO,
        description="<p>Gənclərin təşəbbüslərini dəstəkləyir.</p>",
        focus_areas=["gənclər"],
        phones=["(+994 24) 244-12-34"],
        email="info@sgm.example",
        website="https://sgm.example/",
    )
    OrganizationFactory(name="Çıraq", slug="ciraq", locale=az, city="Baku")
    page = browser_page
    page.set_viewport_size(VIEWPORTS["phone"])

    page.goto("/az/directory/")
    page.locator("#filter-q").fill("gənc")
    page.get_by_label("Fəaliyyət sahəsi").select_option("gənclər")
    page.get_by_role("button", name="Süzgəclə").click()
    screenshot(page, "directory-az-phone")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Şəki Gənclər Mərkəzi").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Şəki Gənclər Mərkəzi"
    assert page.locator('a[href^="tel:"]').get_attribute("href") == "tel:+994242441234"
    screenshot(page, "directory-profile-az-phone")
    assert serious_violations(page) == []
