"""What search engines and link previews (Facebook, X, messengers) read from a release page."""

import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.models import Locale

from tests.factories import PressReleasePageFactory


def head_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(head, **attrs) -> str | None:
    tag = head.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_release_describes_itself_by_its_summary_for_search_and_link_previews(client, site_tree):
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases, slug="meeting", title="First regional NGO meeting"
    )

    head = head_of(client, release.url)

    assert meta(head, name="description") == "A short summary of the release."
    assert meta(head, property="og:description") == "A short summary of the release."
    assert meta(head, property="og:title") == "First regional NGO meeting"
    assert meta(head, property="og:type") == "article"
    assert meta(head, property="og:url") == "http://localhost/en/press-releases/meeting/"
    assert (
        head.find("link", rel="canonical")["href"] == "http://localhost/en/press-releases/meeting/"
    )
    assert meta(head, property="article:published_time") == "2000-11-30"
    assert meta(head, name="twitter:card") == "summary"


def test_release_without_summary_is_described_by_its_first_sentence(client, site_tree):
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        summary="",
        body=[
            ("heading", "Background"),
            (
                "paragraph",
                "<p>ISAR organized a <b>meeting</b> in Mingachevir. It was the first.</p>",
            ),
        ],
    )

    head = head_of(client, release.url)

    assert meta(head, name="description") == "ISAR organized a meeting in Mingachevir."


def test_a_long_description_is_cut_at_a_word_with_an_ellipsis(client, site_tree):
    release = PressReleasePageFactory(parent=site_tree["en"].releases, summary="word " * 100)

    description = meta(head_of(client, release.url), name="description")

    assert len(description) <= 200
    assert description.endswith("word…")


def test_translated_release_links_its_translations_with_hreflang(client, site_tree):
    release = PressReleasePageFactory(parent=site_tree["en"].releases, slug="meeting")
    translation = release.copy_for_translation(Locale.objects.get(language_code="az"))
    translation.save_revision().publish()

    head = head_of(client, "/az/press-releases/meeting/")

    alternates = {link["hreflang"]: link["href"] for link in head.find_all("link", hreflang=True)}
    assert alternates == {
        "en": "http://localhost/en/press-releases/meeting/",
        "az": "http://localhost/az/press-releases/meeting/",
    }
    assert meta(head, property="og:locale") == "az_AZ"


def test_release_with_an_image_shares_it_as_a_large_card(client, site_tree):
    image = wagtail_factories.ImageFactory()
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        body=[("image", {"image": image, "caption": "Participants"})],
    )

    head = head_of(client, release.url)

    assert meta(head, property="og:image").startswith("http://testserver/")
    assert meta(head, name="twitter:card") == "summary_large_image"


def test_description_escapes_what_the_author_typed(client, site_tree):
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases, summary='"><script>alert(1)</script>'
    )

    html = client.get(release.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert meta(head_of(client, release.url), name="description") == '"><script>alert(1)</script>'
