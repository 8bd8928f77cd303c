"""Parsing and validating the reader's search request, before any backend sees it."""

import datetime

import pytest
from django.http import QueryDict

from search.query import (
    MAX_QUERY_LENGTH,
    MAX_QUERY_WORDS,
    PARAMETERS,
    InvalidSearch,
    Term,
    parse_search_query,
    parse_text,
    search_params,
)


def parse(query_string: str):
    return parse_search_query(QueryDict(query_string), language="en")


def test_phrases_exclusions_and_or_groups_are_parsed_into_terms():
    parsed, notices = parse_text('"clean water" -report -"annual review" refugees OR migrants')
    assert parsed.required == (
        (Term("clean water", phrase=True),),
        (Term("refugees"), Term("migrants")),
    )
    assert parsed.excluded == (Term("report"), Term("annual review", phrase=True))
    assert notices == []


def test_query_syntax_characters_are_never_terms():
    for text in ("title:(", "*", "\\", "a AND (b OR", "+-!{}[]^~?/"):
        parsed, _ = parse_text(text)
        words = parsed.words()
        assert all(word.isalnum() for word in words), text
    assert parse_text("title:(")[0].words() == ["title"]
    assert parse_text("*")[0].is_empty


def test_unbalanced_quote_is_closed_with_a_notice():
    parsed, notices = parse_text('"freedom of expression')
    assert parsed.required == ((Term("freedom of expression", phrase=True),),)
    assert notices


@pytest.mark.django_db
def test_long_query_is_capped_and_control_characters_removed_with_notices():
    query = parse("q=" + "a" * 5000)
    assert len(query.text) == MAX_QUERY_LENGTH
    assert any(str(MAX_QUERY_LENGTH) in notice for notice in query.notices)
    query = parse("q=water%00%1bdrop")
    assert query.text == "water drop"
    assert query.notices


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query_string",
    [
        "date_from=2024-13-01",
        "date_from=yesterday",
        "date_from=2024-05-01&date_to=2024-01-01",
        "organization=no-such-organization",
        "page=0",
        "page=abc",
        "page=99999",
        "type=image",
        "sort=random",
        "lang=fr",
        "organization_type=army",
    ],
)
def test_invalid_parameters_are_rejected_with_a_message(query_string):
    with pytest.raises(InvalidSearch) as error:
        parse(query_string)
    assert error.value.messages


@pytest.mark.django_db
def test_defaults_are_the_page_language_and_relevance():
    query = parse("q=water&date_from=2024-01-31")
    assert query.filters.languages == ("en",)
    assert query.type == "all"
    assert query.effective_sort == "relevance"
    assert query.filters.date_from == datetime.date(2024, 1, 31)
    assert parse("").effective_sort == "newest"
    assert parse("lang=all").filters.languages == ("en", "az")


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["%C2%B2", "%D9%A1", "%EF%BC%92", "9" * 5000, "1e400", "-1"])
def test_page_must_be_written_in_ascii_digits(page):
    """'²'.isdigit() is true, yet int('²') fails: such pages were a 500."""
    with pytest.raises(InvalidSearch):
        parse(f"page={page}")


@pytest.mark.django_db
def test_filters_lose_control_characters_before_any_database_sees_them():
    query = parse("city=Ba%00ku&topic=wa%00ter&organization_type=")
    assert query.filters.city == "Baku"
    assert query.filters.topics == ("water",)


@pytest.mark.django_db
def test_query_is_capped_at_its_first_words_with_a_notice():
    query = parse("q=" + "+".join(f"w{n}" for n in range(66)))
    assert query.text.split() == [f"w{n}" for n in range(MAX_QUERY_WORDS)]
    assert any(str(MAX_QUERY_WORDS) in notice for notice in query.notices)


def test_search_params_keep_only_the_searchs_own_parameters_cleaned_and_capped():
    params = search_params(
        QueryDict("q=water&junk=" + "x" * 3900 + "&city=" + "b" * 500 + "&topic=a&topic=a&lang=")
    )
    assert sorted(params) == ["city", "q", "topic"]
    assert params["city"] == "b" * PARAMETERS["city"]
    assert params.getlist("topic") == ["a"]
