"""Feeds carry editors' plain text as text: feed readers render HTML, so nothing an editor
types (a release title or summary, an organization's name) may become markup in them."""

import html
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser
import pytest

from tests.factories import OrganizationFactory, PressReleasePageFactory

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> Tom & \"Jerry\" 'Co' </p>"
ATOM = "{http://www.w3.org/2005/Atom}"


class _TagCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        self.tags.append(f"/{tag}")


def as_reader_sees(detail) -> str:
    """The text a feed reader shows for one of feedparser's ``*_detail`` values; fails if
    any of it would be rendered as an element."""
    if detail.type == "text/plain":
        return detail.value
    counter = _TagCounter()
    counter.feed(detail.value)
    assert counter.tags == [], f"{detail.value!r} became markup"
    return html.unescape(detail.value)


@pytest.fixture
def hostile(site_tree):
    organization = OrganizationFactory(name=HOSTILE, slug="hostile")
    return PressReleasePageFactory(
        parent=site_tree["en"].releases, title=HOSTILE, summary=HOSTILE, organization=organization
    )


@pytest.mark.parametrize("url", ["/en/feeds/releases.rss", "/en/feeds/organizations/hostile.rss"])
def test_rss_description_is_escaped_text(client, hostile, url):
    content = client.get(url).content
    channel = ET.fromstring(content).find("channel")  # noqa: S314 - our own response
    item = channel.find("item")

    # RSS has no "this is text" flag and readers render <description> as HTML: it must hold
    # escaped HTML whose rendering is the plain text.
    for description in (item.findtext("description"), channel.findtext("description")):
        assert "<" not in description
    assert html.unescape(item.findtext("description")) == HOSTILE


def test_atom_summary_is_typed_as_text(client, hostile):
    feed = ET.fromstring(client.get("/en/feeds/releases.atom").content)  # noqa: S314 - ours
    entry = feed.find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")

    assert summary.get("type") == "text"
    assert summary.text == HOSTILE


@pytest.mark.parametrize("suffix", ["rss", "atom"])
@pytest.mark.parametrize("feed", ["releases", "organizations/hostile"])
def test_feed_readers_show_hostile_text_as_text(client, hostile, suffix, feed):
    parsed = feedparser.parse(client.get(f"/en/feeds/{feed}.{suffix}").content)
    entry = parsed.entries[0]

    assert not parsed.bozo, parsed.get("bozo_exception")
    assert as_reader_sees(entry.summary_detail) == HOSTILE
    assert as_reader_sees(entry.title_detail) == f"{HOSTILE} ({HOSTILE})"


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_feed_readers_show_a_hostile_organization_name_as_text(client, hostile, suffix):
    feed = feedparser.parse(client.get(f"/en/feeds/organizations/hostile.{suffix}").content).feed

    assert as_reader_sees(feed.title_detail) == f"Press releases of {HOSTILE}"
    assert as_reader_sees(feed.subtitle_detail) == f"Press releases of {HOSTILE}"


def test_json_feed_keeps_the_plain_text(client, hostile):
    item = json.loads(client.get("/en/feeds/releases.json").content)["items"][0]

    assert item["summary"] == item["content_text"] == HOSTILE
    assert item["authors"] == [{"name": HOSTILE}]
    assert "content_html" not in item
