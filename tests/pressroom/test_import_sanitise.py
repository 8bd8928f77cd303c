"""Body HTML from the archive becomes rich text the paragraph block can edit, and no more."""

import json

from pressroom.importing.sanitise import body_html_sanitise
from pressroom.importing.service import press_releases_import
from pressroom.models import PressReleasePage


def test_allowed_markup_survives():
    html = (
        "<h3>Agenda</h3><h4>Morning</h4><p><b>Bold</b> <strong>strong</strong> <i>it</i> "
        '<em>em</em> <a href="https://isar.az/">web</a> <a href="mailto:info@isar.az">mail</a>'
        "</p><ul><li>one</li></ul><ol><li>two</li></ol>"
    )

    assert body_html_sanitise(html) == html


def test_event_handlers_styles_and_scriptable_urls_never_survive():
    html = (
        '<p onclick="steal()" style="color:red" class="x">Hi '
        '<a href="javascript:alert(1)" onmouseover="x()">bad</a> '
        '<a href="data:text/html,boo">data</a> <a href="/relative">rel</a>'
        '<img src="x" onerror="alert(1)"></p>'
    )

    clean = body_html_sanitise(html)

    assert clean == "<p>Hi <a>bad</a> <a>data</a> <a>rel</a></p>"


def test_disallowed_tags_keep_their_text_but_styles_and_frames_lose_everything():
    html = '<div><h1>Title</h1><p><font color="red">text</font></p></div><style>p{}</style><iframe src="https://x">f</iframe>'

    assert body_html_sanitise(html) == "Title<p>text</p>"


def test_plain_text_becomes_escaped_paragraphs():
    assert body_html_sanitise("First & best\n\nSecond") == "<p>First &amp; best</p><p>Second</p>"


def test_the_import_stores_the_sanitised_body_as_a_paragraph_block(site_tree):
    line = json.dumps(
        {
            "external_id": "x-1",
            "locale": "en",
            "title": "Sanitised",
            "release_date": "2001-01-01",
            "organization": {"name": "ISAR", "acronym": "ISAR"},
            "body_html": '<p style="x" onclick="y()">Text <a href="javascript:z()">link</a></p>',
        }
    )

    press_releases_import(lines=[line], publish=True)

    body = PressReleasePage.objects.get(external_id="x-1").body
    assert [(block.block_type, block.value.source) for block in body] == [
        ("paragraph", "<p>Text <a>link</a></p>")
    ]
