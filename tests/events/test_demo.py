"""Demo events: load_demo's hook adds events in both languages, some upcoming, idempotently."""

import pytest
from django.utils import timezone

from demo.generator import demo_lines
from events.demo import demo_events_load
from events.models import EventPage
from events.selectors import events_upcoming, live_events
from home.services import site_tree_create
from pressroom.importing.service import press_releases_import

pytestmark = pytest.mark.django_db


def test_demo_events_come_in_both_languages_around_the_releases_some_upcoming():
    site_tree_create()
    press_releases_import(lines=demo_lines(count=3), publish=True)

    summary = demo_events_load(count=3)

    assert summary == "events: 3 created in English and Azerbaijani"
    languages = sorted(live_events().values_list("locale__language_code", flat=True))
    assert languages == ["az"] * 3 + ["en"] * 3
    assert events_upcoming(live_events()).filter(start__gt=timezone.now()).count() == 2
    assert all(event.organization.newsroom_indexes.exists() for event in EventPage.objects.all())
    assert demo_events_load(count=3) == "events: 0 created in English and Azerbaijani"
