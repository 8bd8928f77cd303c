"""The site footer shows the operator details edited in the admin, in the page's language."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from core.models import SiteFooter


def footer_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").select_one("footer.site-footer")


@pytest.fixture
def operator(site_tree):
    footer = SiteFooter.for_site(Site.objects.get(is_default_site=True))
    footer.operator_name_en = "AzerWeb <Press>"
    footer.operator_name_az = "AzerWeb Mətbuat"
    footer.address_en = "24 J. Jabbarly St.\nBaku"
    footer.address_az = "C. Cabbarlı küç. 24\nBakı"
    footer.phones = ["(+994 12) 495-25-57", "(055) 669 68 89"]
    footer.email = "info@example.org"
    footer.about_page = site_tree["en"].directory
    footer.save()
    return site_tree


def test_footer_shows_the_operator_in_english(client, operator):
    footer = footer_of(client, "/en/")
    address = footer.select_one("address.site-operator")

    assert address.strong.get_text() == "AzerWeb <Press>"
    assert "24 J. Jabbarly St." in address.get_text() and "Baku" in address.get_text()
    assert [a["href"] for a in address.select('a[href^="tel:"]')] == [
        "tel:+994124952557",
        "tel:0556696889",
    ]
    assert address.select_one('a[href^="mailto:"]')["href"] == "mailto:info@example.org"
    assert address.find("a", string="About")["href"] == "/en/directory/"


def test_footer_shows_the_operator_in_azerbaijani_with_the_about_page_translation(client, operator):
    address = footer_of(client, "/az/").select_one("address.site-operator")

    assert address.strong.get_text() == "AzerWeb Mətbuat"
    assert "Bakı" in address.get_text()
    about = address.find("a", href=lambda href: href and not href.startswith(("tel:", "mailto:")))
    assert about["href"] == operator["az"].directory.url


def test_footer_escapes_what_the_editor_typed(client, operator):
    response = client.get("/en/")

    assert b"AzerWeb &lt;Press&gt;" in response.content
    assert b"AzerWeb <Press>" not in response.content


def test_azerbaijani_footer_falls_back_to_the_english_name_when_untranslated(client, operator):
    SiteFooter.objects.update(operator_name_az="")

    assert footer_of(client, "/az/").strong.get_text() == "AzerWeb <Press>"


def test_footer_has_no_operator_block_when_the_setting_is_empty(client, site_tree):
    footer = footer_of(client, "/en/")

    assert footer.select_one("address") is None
    assert footer.select_one('a[type="application/rss+xml"]')


def test_footer_leaves_out_an_unpublished_about_page(client, operator):
    operator["en"].directory.unpublish()

    assert footer_of(client, "/en/").find("a", string="About") is None


def test_footer_edited_in_the_admin_shows_on_the_site(client, site_tree, django_user_model):
    site = Site.objects.get(is_default_site=True)
    client.force_login(django_user_model.objects.create_superuser("ops", "ops@example.org", "pw"))

    response = client.post(
        f"/admin/settings/core/sitefooter/{site.pk}/",
        {
            "operator_name_en": "AzerWeb",
            "operator_name_az": "AzerWeb AZ",
            "address_en": "Baku",
            "address_az": "Bakı",
            "phones": "(055) 669 68 89",
            "email": "info@example.org",
            "about_page": site_tree["en"].directory.pk,
        },
    )

    assert response.status_code == 302
    client.logout()
    address = footer_of(client, "/az/").select_one("address.site-operator")
    assert address.strong.get_text() == "AzerWeb AZ"
    assert address.select_one('a[href^="tel:"]')["href"] == "tel:0556696889"
