"""The benchmark's bulk loader (bench/loader.py) writes pages Wagtail treats as its own.

``make bench-search`` trusts these pages to stand for imported releases; if the page model
gains a column or the tree rules change, this fails here rather than as a skewed benchmark.
"""

import pytest
from django.utils.html import escape
from wagtail.models import Page

from bench.loader import BenchDataExists, bench_releases_load
from bench.verify import bench_tree_problems
from pressroom.models import PressReleasePage

COUNT = 24


@pytest.fixture
def loaded(db):
    return bench_releases_load(count=COUNT)


def test_bulk_loaded_releases_form_a_sound_live_tree(loaded):
    assert loaded.releases == COUNT
    assert bench_tree_problems(expected=COUNT) == []
    assert PressReleasePage.objects.live().count() == COUNT


def test_bulk_loaded_release_is_served_with_its_relations(loaded, client):
    release = PressReleasePage.objects.filter(participant_links__isnull=False).first()
    response = client.get(release.get_url())
    assert response.status_code == 200
    assert escape(release.title) in response.text
    assert release.organization.locale_id == release.locale_id
    assert release.topics.exists()
    assert release.url_path == f"{release.get_parent().url_path}{release.slug}/"


def test_azerbaijani_translation_shares_its_original_translation_key(loaded):
    translated = [
        page
        for page in PressReleasePage.objects.filter(locale__language_code="az")
        if page.get_translations().filter(locale__language_code="en").exists()
    ]
    assert translated, "the demo generator translates about a quarter of English releases"


def test_loading_twice_into_one_database_is_refused(loaded):
    with pytest.raises(BenchDataExists):
        bench_releases_load(count=1)


def test_index_values_of_releases_cost_no_query_per_release(loaded, django_assert_num_queries):
    """PressReleasePage.get_indexed_objects fetches what the index-value properties read."""
    with django_assert_num_queries(6):
        releases = list(PressReleasePage.get_indexed_objects())
        values = [
            (
                r.organization_names,
                r.participant_names,
                r.funder_slugs,
                r.topic_names,
                r.search_stems,
            )
            for r in releases
        ]
    assert len(values) == COUNT
    assert all(names for names, *_ in values)


def test_tree_check_reports_a_wrong_numchild(loaded):
    index = Page.objects.get(slug="press-releases", locale__language_code="en")
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + 1)
    assert any("numchild" in problem for problem in bench_tree_problems(expected=COUNT))
