"""The search page's one snippet per hit, on Elasticsearch and on the database backend.

A release like the demo's: its summary repeats the body's first paragraph, its paragraphs are
separate blocks, and its text holds markup-like characters that must reach the page escaped.
"""

import re

import pytest

from tests.factories import PressReleasePageFactory

FIRST = "Tədbir Gəncədə keçirildi; yerli təşkilatlar iştirak etdilər."
SECOND = "Məqsəd <b>vətəndaş</b> cəmiyyəti sahəsində təcrübə mübadiləsi idi."


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings):
    """Each test runs on both engines; Elasticsearch is skipped without a node."""
    if request.param == "elasticsearch":
        return request.getfixturevalue("elasticsearch_backend")
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    return None


@pytest.fixture
def release(site_tree, backend):
    release = PressReleasePageFactory(
        parent=site_tree["az"].releases,
        title="Gəncədə yay məktəbi açıldı",
        summary=FIRST,
        body=[
            (
                "paragraph",
                f"<p>{FIRST}</p><p>Məqsəd &lt;b&gt;vətəndaş&lt;/b&gt; cəmiyyəti "
                "sahəsində təcrübə mübadiləsi idi.</p>",
            )
        ],
    )
    if backend is not None:
        backend.refresh_indexes()
    return release


def snippets(client, query: str) -> list[str]:
    html = client.get("/az/search/", {"q": query, "type": "press_release"}).content.decode()
    return re.findall(r'<p class="search-hit__snippet">(.*?)</p>', html, re.DOTALL)


def plain(snippet: str) -> str:
    return re.sub(r"</?mark>", "", snippet)


def test_a_sentence_in_the_summary_and_the_body_is_shown_once(client, release):
    [snippet] = snippets(client, "təşkilatlar")
    assert plain(snippet).count("keçirildi") == 1
    assert "<mark>təşkilatlar</mark>" in snippet


def test_paragraphs_are_separated_and_markup_in_the_text_is_escaped(client, release):
    [snippet] = snippets(client, "mübadiləsi")
    assert "etdilər.Məqsəd" not in plain(snippet)
    assert "<mark>mübadiləsi</mark>" in snippet
    assert "&lt;b&gt;vətəndaş&lt;/b&gt;" in snippet
    assert "<b>" not in snippet
    assert not re.search(r"<(?!/?mark>)", snippet)


def test_a_title_only_match_shows_the_summary(client, release):
    [snippet] = snippets(client, "məktəbi")
    assert snippet == FIRST
