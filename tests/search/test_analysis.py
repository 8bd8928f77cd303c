"""Our analyzers (search/analysis.py) on the real node: what each sub-field indexes.

The tokens decide what matches: two spellings that analyse to the same tokens find each other.
"""

import pytest

from search.analysis import SUBFIELD_ANALYZERS
from search.morphology import stems
from tests.search.morphology_pairs import NEGATIVE, POSITIVE


@pytest.fixture
def analyze(elasticsearch_backend, elasticsearch_indexes):
    """The tokens an analyzer of our index settings makes of a text, via the _analyze API."""
    es = elasticsearch_backend.es
    index = next(iter(elasticsearch_indexes))

    def analyze(analyzer: str, text: str) -> list[str]:
        response = es.indices.analyze(index=index, analyzer=analyzer, text=text)
        return [token["token"] for token in response["tokens"]]

    return analyze


def test_every_subfield_names_an_analyzer_of_the_index(analyze):
    for analyzer in SUBFIELD_ANALYZERS.values():
        assert analyze(analyzer, "Pressroom") != []


def test_exact_lowercases_dotted_and_dotless_i_the_azerbaijani_way(analyze):
    assert analyze("az_exact", "İSAR Işıq") == ["isar", "ışıq"]


def test_exact_keeps_azerbaijani_letters(analyze):
    assert analyze("az_exact", "Şəki") == ["şəki"]
    assert analyze("az_exact", "Şəki") != analyze("az_exact", "Seki")


@pytest.mark.parametrize(
    ("azerbaijani", "plain"),
    [
        ("Şəki", "Seki"),
        ("Gəncə", "Gence"),
        ("Işıq", "isiq"),
        ("İSAR", "ISAR"),
        ("Göyçay", "Goycay"),
        ("Üzeyir", "Uzeyir"),
        ("Ağdam", "Agdam"),
    ],
)
def test_folded_matches_plain_latin_spellings(analyze, azerbaijani, plain):
    assert analyze("az_folded", azerbaijani) == analyze("az_folded", plain)


def test_folded_folds_schwa_to_e(analyze):
    assert analyze("az_folded", "Şəki") == analyze("az_folded", "Seki") == ["seki"]


@pytest.mark.parametrize(
    "spellings",
    [
        ("Şəki", "sheki", "Shaki", "SHEKI"),
        ("Gəncə", "ganja", "Gence", "Genje"),
        ("Mingəçevir", "mingachevir", "mingechevir", "Mingachevir"),
        ("Lənkəran", "lankaran", "Lenkeran"),
        ("Qəbələ", "gabala", "Gebele"),
        ("Xaçmaz", "khachmaz", "Khachmaz"),
        ("Naxçıvan", "nakhchivan", "Nakhchivan"),
        ("Ağdam", "aghdam"),
    ],
    ids=lambda spellings: spellings[0],
)
def test_translit_matches_english_romanisations(analyze, spellings):
    keys = {tuple(analyze("az_translit", spelling)) for spelling in spellings}
    assert len(keys) == 1, keys


def test_translit_keeps_the_english_ch(analyze):
    assert analyze("az_translit", "chairman") == analyze("az_translit", "Çairman")
    assert analyze("az_translit", "chairman")[0].startswith("ch")


def test_translit_reads_azerbaijani_c_as_english_j(analyze):
    assert analyze("az_translit", "Cəlilabad") == analyze("az_translit", "Jalilabad")


def test_english_stemming_matches_singular_and_plural(analyze):
    assert analyze("en_stemmed", "refugees") == analyze("en_stemmed", "refugee")
    assert analyze("en_stemmed", "Elections") == analyze("en_stemmed", "election")


def test_english_stemming_lowercases(analyze):
    assert analyze("en_stemmed", "NGO") == ["ngo"]


def test_the_stem_analyzer_stems_as_the_database_backends_do(analyze):
    """One grammar, two regex engines: Java's and Python's must agree on every word."""
    words = sorted(
        {word for pair in POSITIVE + NEGATIVE for word in (pair[0], *pair[1].split())}
        | {"İSAR", "IŞIQ", "Lənkəranın", "qaçqınlar", "women", "refugees"}
    )
    text = " ".join(words)

    assert analyze("az_stem", text) == stems(text)


@pytest.mark.parametrize(
    ("lemma", "form"),
    [("seminar", "seminarlar"), ("ailə", "ailələrinə"), ("çay", "çayının"), ("kurs", "kursları")],
)
def test_the_stem_analyzer_conflates_a_lemma_and_its_forms(analyze, lemma, form):
    assert analyze("az_stem", lemma) == analyze("az_stem", form)


@pytest.mark.parametrize("spelling", ["Gence", "gencede", "Gəncədə", "Gəncəyə"])
def test_the_folded_stem_analyzer_meets_plain_latin_spellings(analyze, spelling):
    assert analyze("az_folded_stem", spelling) == analyze("az_folded_stem", "Gəncə")


@pytest.mark.parametrize("spelling", ["Ganja", "Genje", "Gəncədə", "Gəncənin"])
def test_the_translit_stem_analyzer_meets_english_romanisations(analyze, spelling):
    assert analyze("az_translit_stem", spelling) == analyze("az_translit_stem", "Gəncə")
