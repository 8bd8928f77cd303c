"""The Azerbaijani suffix grammar in Python, as the database backends run it."""

import pytest

from search.morphology import stem, stems
from tests.search.morphology_pairs import NEGATIVE, POSITIVE


@pytest.mark.parametrize(("lemma", "_sentence", "form"), POSITIVE, ids=[p[2] for p in POSITIVE])
def test_a_lemma_and_its_inflected_form_share_a_stem(lemma, _sentence, form):
    if form in {"nümayəndələri", "suyu", "Suyun"}:
        pytest.xfail("a known limit (docs/search.md)")
    assert stem(lemma) == stem(form)


@pytest.mark.parametrize(("word", "_sentence", "other"), NEGATIVE, ids=[p[2] for p in NEGATIVE])
def test_words_sharing_a_start_keep_their_own_stems(word, _sentence, other):
    if other == "gənclərə":
        pytest.xfail("Gəncə reads as the dative of gənc (docs/search.md)")
    assert stem(word) != stem(other)


def test_short_words_are_left_alone():
    assert [stem(word) for word in ("su", "ev", "çay", "ana")] == ["su", "ev", "çay", "ana"]


def test_lowercasing_is_azerbaijani():
    assert stems("İSAR IŞIQ") == ["isar", "ışıq"]
