"""The same Azerbaijani searches find the same releases on every engine.

One query table, run on the database backend (SQLite or PostgreSQL per the run) and on
Elasticsearch: folding ("Seki"), English romanisations ("Sheki", "Ganja"), inflected forms and
"did you mean". Both engines read one definition of the folding and transliteration
(search/folding.py), so a row that passes on one and fails on the other is drift.
"""

import pytest

from search.service import search_autocomplete
from tests.search.azerbaijani import found, releases_create, run

TEXTS = {
    "river": "Şəki çayının çirklənməsi araşdırılır",
    "sheki_volunteers": "Şəkidən gələn könüllülər parkı təmizlədi",
    "ganja_inflected": "Mingəçevirdə və Gəncədə aksiyalar keçirildi",
    "ganja_bare": "Gəncə parkında ağaclar əkildi",
    "baku": "Bakıda qadın hüquqları forumu keçirildi",
    "seminars": "Bölgələrdə hüquq seminarları keçiriləcək",
    "ismayilli": "İsmayıllıda Işıqlı Ömür çağırışı",
}
SHEKI = {"river", "sheki_volunteers"}
GANJA = {"ganja_inflected", "ganja_bare"}

# (query, the releases it finds, the suggestion it gets)
QUERY_TABLE = [
    ("Şəki", SHEKI, None),
    ("şəki", SHEKI, None),
    ("ŞƏKİ", SHEKI, None),
    ("Seki", SHEKI, None),
    ("Sheki", SHEKI, None),
    ("Shaki", SHEKI, None),
    ("Gəncə", GANJA, None),
    ("Ganca", GANJA, None),
    ("Gence", GANJA, None),
    ("Ganja", GANJA, None),
    ("Mingechevir", {"ganja_inflected"}, None),
    ("Mingachevir", {"ganja_inflected"}, None),
    ("Bakı", {"baku"}, None),
    ("Baki", {"baku"}, None),
    ("Sheki parkı", {"sheki_volunteers"}, None),
    ("seminar", {"seminars"}, None),
    ("könüllü", {"sheki_volunteers"}, None),
    ("konullu", {"sheki_volunteers"}, None),
    ("seminarlr", set(), "seminarları"),
    ("hüquqlari", {"baku", "seminars"}, None),
    ("Lənkəran", set(), None),
]

# Autocomplete: every Azerbaijani capital meets its small letter, and the folded spelling.
AUTOCOMPLETE_TABLE = [
    (("şək", "Şək", "ŞƏK", "sek"), {"river", "sheki_volunteers"}),
    (("gəncə", "GƏNCƏ", "gence"), {"ganja_inflected", "ganja_bare"}),
    (("ismayıl", "İSMAYIL", "İsmayıl"), {"ismayilli"}),
    (("ışıq", "IŞIQ", "isiq"), {"ismayilli"}),
    (("ömür", "ÖMÜR"), {"ismayilli"}),
    (("çağır", "ÇAĞIR"), {"ismayilli"}),
    (("bakı", "BAKI"), {"baku"}),
]


@pytest.fixture(params=["database", "elasticsearch"])
def releases(request, settings, site_tree):
    """The table's releases, indexed by the engine under test."""
    engine = None
    if request.param == "elasticsearch":
        engine = request.getfixturevalue("elasticsearch_backend")
    else:
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {"BACKEND": "wagtail.search.backends.database"}
        }
    created = releases_create(site_tree, TEXTS)
    if engine is not None:
        engine.refresh_indexes()
    return created


def test_every_engine_finds_the_same_releases_and_suggests_the_same_words(releases):
    """The whole table in one test: each test costs an index."""
    answers = {q: run(q) for q, _found, _suggestion in QUERY_TABLE}

    assert {q: found(answers[q], releases) for q in answers} == {
        q: expected for q, expected, _suggestion in QUERY_TABLE
    }
    assert {q: answers[q].suggestion for q in answers} == {
        q: suggestion for q, _found, suggestion in QUERY_TABLE
    }


def test_a_romanised_spelling_is_highlighted_as_written(releases):
    hit = next(hit for hit in run("Sheki").hits if hit.id == releases["river"].pk)

    assert "<mark>Şəki</mark>" in hit.highlights["title"]


def test_autocomplete_ignores_case_and_accents_of_every_azerbaijani_letter(releases):
    titles = {release.title: key for key, release in releases.items()}
    answers = {
        text: {titles[item["title"]] for item in search_autocomplete(text=text, languages=["az"])}
        for texts, _expected in AUTOCOMPLETE_TABLE
        for text in texts
    }

    assert answers == {text: expected for texts, expected in AUTOCOMPLETE_TABLE for text in texts}


def test_an_empty_result_offers_the_suggestion_other_languages_and_fewer_filters(releases, client):
    typo = client.get("/az/search/", {"q": "seminarlr"}).content.decode()
    filtered = client.get("/az/search/", {"q": "seminar", "city": "Gəncə"}).content.decode()

    assert 'href="?q=seminarlar%C4%B1">seminarları</a></li>' in typo
    assert 'href="?q=seminarlr&amp;lang=all">' in typo
    assert '<li><a href="?q=seminar">' in filtered
