"""What a reader meets when a page is missing or the site fails, and what crawlers are told."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import RequestFactory, override_settings
from django.utils import translation
from django.views.defaults import server_error


@pytest.mark.parametrize(
    ("path", "heading", "search_action"),
    [
        ("/en/no-such-release/", "Page not found", "/en/search/"),
        ("/az/no-such-release/", "Səhifə tapılmadı", "/az/search/"),
    ],
)
@override_settings(DEBUG=False)
def test_a_missing_page_is_a_translated_404_in_the_site_layout_with_a_search_box(
    client, site_tree, path, heading, search_action
):
    response = client.get(path)

    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'class="site-header"' in html
    assert f'action="{search_action}"' in html
    assert 'role="search"' in html


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Sorry, there is a problem with the service"), ("az", "Bağışlayın, xidmətdə problem")],
)
def test_the_500_page_is_translated_and_offers_search_without_needing_the_database(
    language, heading
):
    """Django renders 500.html without a request context; no query may run while it does."""
    with translation.override(language):
        response = server_error(RequestFactory().get(f"/{language}/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert heading in html
    assert f'action="/{language}/search/"' in html
    assert f'lang="{language}"' in html


@override_settings(ALLOWED_HOSTS=["press.example.org"])
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt", HTTP_HOST="press.example.org")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert {"Disallow: /admin/", "Disallow: /en/search/", "Disallow: /az/search/"} <= set(lines)
    assert "Sitemap: http://press.example.org/sitemap.xml" in lines


def test_favicon_ico_leads_to_the_site_icon(client, site_tree):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == static("core/favicon.svg")
    icon = finders.find("core/favicon.svg")
    assert icon is not None
    assert "<svg" in Path(icon).read_text()
    assert f'rel="icon" href="{static("core/favicon.svg")}"' in client.get("/en/").content.decode()
