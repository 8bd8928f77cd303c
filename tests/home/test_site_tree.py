from wagtail.models import Site

from home.models import HomePage
from home.services import site_tree_create


def test_site_tree_has_every_page_type_in_both_languages(site_tree):
    assert set(site_tree) == {"en", "az"}
    for code, tree in site_tree.items():
        for page in (tree.home, tree.releases, tree.directory):
            assert page.live
            assert page.locale.language_code == code
    assert site_tree["az"].home.translation_key == site_tree["en"].home.translation_key


def test_site_root_is_the_english_home(site_tree):
    assert Site.objects.get(is_default_site=True).root_page.specific == site_tree["en"].home


def test_site_tree_create_is_idempotent(site_tree):
    again = site_tree_create()
    assert again["az"].releases.pk == site_tree["az"].releases.pk
    assert HomePage.objects.count() == 2


def test_home_pages_are_served_under_language_prefixes(site_tree, client):
    assert client.get("/en/").status_code == 200
    response = client.get("/az/")
    assert response.status_code == 200
    assert "Press-mərkəz" in response.content.decode()
