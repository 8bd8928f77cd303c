"""Azerbaijani readers find a word in its inflected forms, on Elasticsearch and the database.

The seven searches a reader made on a running instance, which found only the exact form,
on releases written for them; and "did you mean" offering only words that find something.
"""

import pytest

from tests.search.azerbaijani import RELEASES, SEVEN_QUERIES, found, releases_create, run


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings):
    """The search backend under test; the database one is SQLite or PostgreSQL per the run."""
    if request.param == "elasticsearch":
        return request.getfixturevalue("elasticsearch_backend")
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    return None


@pytest.fixture
def releases(site_tree, engine):
    releases = releases_create(site_tree, RELEASES)
    if engine is not None:
        engine.refresh_indexes()
    return releases


def test_a_word_finds_its_inflected_forms_without_a_suggestion(releases):
    """All seven in one test: each test costs an index and ten pages."""
    answers = {q: run(q) for q, _expected in SEVEN_QUERIES}

    assert {q: found(answers[q], releases) for q in answers} == dict(SEVEN_QUERIES)
    assert {q: answers[q].suggestion for q in answers} == dict.fromkeys(answers)


def test_the_exact_form_ranks_above_an_inflected_one(releases):
    results = run("Gəncə")

    assert [hit.id for hit in results.hits][:2] == [
        releases["ganja_bare"].pk,
        releases["ganja_inflected"].pk,
    ]


def test_the_inflected_form_ranks_above_the_lemma_when_typed(releases):
    results = run("Gəncədə")

    assert results.hits[0].id == releases["ganja_inflected"].pk


def test_a_quoted_phrase_is_not_stemmed(releases):
    assert found(run('"qaçqın ailəsinə"'), releases) == {"refugee_family"}
    assert found(run('"qaçqın ailə"'), releases) == set()


def test_an_excluded_word_excludes_its_inflected_forms(releases):
    assert found(run("qaçqın -ailə"), releases) == set()


def test_a_stem_does_not_reach_a_different_word_sharing_its_start(releases):
    assert found(run("təşkil"), releases) == {"organized"}


def test_stems_are_highlighted_in_their_inflected_form(releases):
    hit = next(hit for hit in run("ailə").hits if hit.id == releases["families"].pk)

    assert "<mark>ailələrinə</mark>" in hit.highlights["title"]


@pytest.mark.parametrize("q", ["Gence", "Ganja", "gence"])
def test_plain_latin_and_english_spellings_find_every_form(site_tree, elasticsearch_backend, q):
    releases = releases_create(site_tree, RELEASES)
    elasticsearch_backend.refresh_indexes()

    assert found(run(q), releases) == {"ganja_inflected", "ganja_bare"}


def test_did_you_mean_offers_a_word_of_the_index_for_a_misspelling(
    site_tree, elasticsearch_backend
):
    releases_create(site_tree, RELEASES)
    elasticsearch_backend.refresh_indexes()

    results = run("seminarlr")

    assert results.count == 0
    assert results.suggestion == "seminarlar"


def test_did_you_mean_offers_only_words_of_the_search_language(site_tree, elasticsearch_backend):
    releases_create(site_tree, RELEASES)
    releases_create(site_tree, {"workshop": "Workshop on water for journalists"}, language="en")
    elasticsearch_backend.refresh_indexes()

    assert run("workshp", language="en").suggestion == "workshop"
    assert run("workshp").suggestion is None


def test_did_you_mean_is_silent_when_the_search_finds_enough(site_tree, elasticsearch_backend):
    releases_create(site_tree, {f"seminar_{n}": f"Seminarlar keçirildi {n}" for n in range(3)})
    releases_create(site_tree, {"typo": "Seminarlr elanı"})
    elasticsearch_backend.refresh_indexes()

    assert run("seminarlr").suggestion is None
