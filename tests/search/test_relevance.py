"""The Azerbaijani relevance evaluation: recall on inflected forms, precision on look-alikes.

Each pair of tests/search/morphology_pairs.py is a release of its own; a pair counts as
found when searching its first word returns that release. Recall is over the inflection
pairs, precision over the look-alike pairs (not found is right). ``make bench-relevance``
prints the figures recorded in docs/benchmarks.md; the aims are pinned here.
"""

import dataclasses

from django.db import connection
from django.http import QueryDict
from wagtail.search.backends import get_search_backend

from pressroom.models import PressReleasePage
from search.query import parse_search_query
from search.service import search_run
from tests.factories import OrganizationFactory, PressReleasePageFactory
from tests.search.morphology_pairs import NEGATIVE, POSITIVE

AIM = 0.9
DATABASE = {"BACKEND": "wagtail.search.backends.database"}


def _releases_create(site_tree) -> dict[tuple[str, str, str], int]:
    """One Azerbaijani release per pair, titled with a code so that only its sentence counts."""
    locale_tree = site_tree["az"]
    organization = OrganizationFactory(name="Pressroom Test", locale=locale_tree.releases.locale)
    releases = {}
    for number, pair in enumerate(POSITIVE + NEGATIVE):
        release = PressReleasePageFactory(
            parent=locale_tree.releases,
            title=f"R{number:03d}",
            summary=pair[1],
            body=[("paragraph", f"<p>{pair[1]}</p>")],
            organization=organization,
        )
        releases[pair] = release.pk
    return releases


def _found(releases: dict) -> dict[tuple[str, str, str], bool]:
    """For each pair: does searching its first word find its release?"""
    results = {}
    for word in dict.fromkeys(pair[0] for pair in releases):
        query = parse_search_query(QueryDict(f"type=press_release&lang=az&q={word}"), language="az")
        page = search_run(query=dataclasses.replace(query, page_size=200), language="az")
        results[word] = {hit.id for hit in page.hits}
    return {pair: pk in results[pair[0]] for pair, pk in releases.items()}


def _figures(engine: str, found: dict) -> tuple[float, float]:
    recall = sum(found[pair] for pair in POSITIVE) / len(POSITIVE)
    precision = sum(not found[pair] for pair in NEGATIVE) / len(NEGATIVE)
    missed = [pair[2] for pair in POSITIVE if not found[pair]]
    conflated = [pair[2] for pair in NEGATIVE if found[pair]]
    print(
        f"\n{engine}: recall {recall:.2f} ({len(POSITIVE) - len(missed)}/{len(POSITIVE)},"
        f" missed {missed}), precision {precision:.2f}"
        f" ({len(NEGATIVE) - len(conflated)}/{len(NEGATIVE)}, conflated {conflated})"
    )
    return recall, precision


def test_the_evaluation_has_enough_pairs():
    assert len(POSITIVE) >= 60
    assert len(NEGATIVE) >= 20
    assert all(form in sentence for _word, sentence, form in POSITIVE + NEGATIVE)


def test_the_database_backend_meets_the_aims(site_tree, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    found = _found(_releases_create(site_tree))

    recall, precision = _figures(f"database ({connection.vendor})", found)

    assert recall >= AIM
    assert precision >= AIM


def test_elasticsearch_meets_the_aims_and_finds_what_the_database_finds(
    site_tree, settings, elasticsearch_backend
):
    releases = _releases_create(site_tree)
    elasticsearch_backend.refresh_indexes()
    found_elasticsearch = _found(releases)
    # The same releases in the database backend's index, through Wagtail's backend API.
    settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    database = get_search_backend()
    for release in PressReleasePage.objects.filter(pk__in=releases.values()):
        database.add(release)
    found_database = _found(releases)

    recall, precision = _figures("elasticsearch", found_elasticsearch)

    assert recall >= AIM
    assert precision >= AIM
    assert found_elasticsearch == found_database
