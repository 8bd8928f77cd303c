"""One name per city: every spelling of a city is read as it, in the page's language."""

import pytest

from search.cities import city_key, city_labels, city_name
from search.filters import city_match


@pytest.mark.parametrize("spelling", ["Şəki", "Sheki", "Shaki", "SHAKI", "Şeki", " Seki "])
def test_an_imported_spelling_is_written_as_the_release_language_names_the_city(spelling):
    assert city_name(spelling, "az") == "Şəki"
    assert city_name(spelling, "en") == "Sheki"


def test_an_unknown_city_is_kept_as_written():
    assert city_name("  Xınalıq ", "en") == "Xınalıq"
    assert city_key("Xınalıq") == "Xınalıq"
    assert city_match(" XINALIQ ") == city_match("Xınalıq")


def test_facet_values_are_keyed_and_labelled_per_language():
    assert {city_key(s) for s in ["Gəncə", "Ganja", "GENCE", "ganca"]} == {"Gəncə"}
    assert city_labels(["Gəncə", "Xınalıq"], "en") == {"Gəncə": "Ganja", "Xınalıq": "Xınalıq"}
