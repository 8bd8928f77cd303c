"""Demo events for ``make run`` (the ``demo_content_load`` hook): up to 30 events in English
with their Azerbaijani translations, filed in their organizers' newsrooms, around the demo
releases' dates, a third of them upcoming. Reproducible and idempotent, like the releases."""

import datetime
import random

from django.utils import timezone
from wagtail.models import Locale, Site

from pressroom.filing import newsroom_index_ensure
from pressroom.selectors import live_releases
from search.cities import CITIES

from .models import EventIndexPage, EventPage
from .models.event_page import site_zone

DEMO_SEED = 2001
KINDS = (
    ("Regional NGO meeting", "QHT-lərin regional görüşü", "water", "su"),
    ("Training for youth workers", "Gənclər işçiləri üçün təlim", "youth", "gənclər"),
    (
        "Conference on civil society",
        "Vətəndaş cəmiyyəti konfransı",
        "civil society",
        "vətəndaş cəmiyyəti",
    ),
    ("Round table on elections", "Seçkilər üzrə dəyirmi masa", "elections", "seçkilər"),
    ("Workshop on farming", "Əkinçilik üzrə seminar", "agriculture", "kənd təsərrüfatı"),
)


def _indexes() -> dict[str, EventIndexPage]:
    """An events index under each language's home, as translations of one another."""
    indexes = {}
    root = Site.objects.get(is_default_site=True).root_page
    for home in root.get_translations(inclusive=True).order_by("pk"):
        index = EventIndexPage.objects.filter(locale=home.locale).first()
        if index is None:
            title = "Tədbirlər" if home.locale.language_code == "az" else "Events"
            source = next(iter(indexes.values()), None)
            index = EventIndexPage(title=title, slug="tedbirler" if title != "Events" else "events")
            index.locale = home.locale
            if source is not None:
                index.translation_key = source.translation_key
            home.add_child(instance=index)
            index.save_revision().publish()
        indexes[home.locale.language_code] = index
    return indexes


def demo_events_load(count: int | None = None) -> str:
    """Creates the missing demo events; returns a one-line summary.

    By default one event per ten English releases, at most 30: three dozen with their
    translations beside ``load_demo``'s 300 releases, few beside a test's handful.
    """
    _indexes()
    rng = random.Random(DEMO_SEED)  # noqa: S311 - demo data, not secrets
    english = live_releases().filter(locale=Locale.get_default()).order_by("pk")
    if count is None:
        count = min(english.count() // 10, 30)
    releases = list(english[:count])
    if not releases:
        return "events: no releases to place events around"
    azerbaijani = Locale.objects.filter(language_code="az").first()
    today = timezone.localdate()
    created = 0
    for number in range(count):
        release = releases[number % len(releases)]
        external_id = f"demo-event-{number:03d}"
        if EventPage.objects.filter(external_id=external_id).exists():
            continue
        kind, kind_az, topic, topic_az = KINDS[number % len(KINDS)]
        city = rng.choice(CITIES)
        day = (
            today + datetime.timedelta(days=rng.randint(3, 120))
            if number % 3 == 0
            else (release.release_date + datetime.timedelta(days=rng.randint(-20, 20)))
        )
        start = datetime.datetime.combine(day, datetime.time(rng.choice((9, 10, 14))), site_zone())
        newsroom = newsroom_index_ensure(organization=release.organization, locale=release.locale)
        event = EventPage(
            title=f"{release.organization.short_name}: {kind} in {city.en}",
            slug=f"event-{number:03d}",
            organization=release.organization,
            start=start,
            end=start + datetime.timedelta(hours=rng.choice((2, 3, 6))),
            city=city.az,
            venue=f"{city.en} Youth House",
            summary=f"{kind} in {city.en}, organized by {release.organization.short_name}.",
            registration_url="https://example.org/register" if number % 2 else "",
            external_id=external_id,
        )
        newsroom.add_child(instance=event)
        event.topics.add(topic)
        event.save_revision().publish()
        created += 1
        if azerbaijani is not None:
            _translation_publish(event, azerbaijani, kind_az=kind_az, topic_az=topic_az, city=city)
    return f"events: {created} created in English and Azerbaijani"


def _translation_publish(event: EventPage, locale: Locale, *, kind_az, topic_az, city) -> None:
    translation = event.copy_for_translation(locale)
    name = event.organization.short_name
    translation.title = f"{name}: {city.az_in} {kind_az}"
    translation.summary = f"{city.az_in} {kind_az}; təşkilatçı: {name}."
    translation.venue = f"{city.az} Gənclər Evi"
    translation.external_id = f"{event.external_id}-az"
    translation.save()
    translation.topics.set([topic_az])
    translation.save_revision().publish()
