"""Events' factories and the site tree with an events index in each language."""

import datetime
import zoneinfo

import factory
import pytest
import wagtail_factories
from wagtail.models import Locale

from events.models import EventCoOrganizer, EventFunder, EventIndexPage, EventPage
from tests.factories import OrganizationFactory

BAKU = zoneinfo.ZoneInfo("Asia/Baku")


def baku(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BAKU)


class EventPageFactory(wagtail_factories.PageFactory):
    """A live event under ``parent`` (a newsroom or an events index), by a new organization."""

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    start = baku(2030, 5, 12, 10, 0)
    end = baku(2030, 5, 12, 17, 0)
    organization = factory.SubFactory(OrganizationFactory)
    summary = "A regional meeting of NGOs."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>The agenda of the meeting.</p>")])
    locale = factory.LazyAttribute(lambda obj: obj.parent.locale)

    class Meta:
        model = EventPage

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)
            self.save()

    @factory.post_generation
    def co_organizers(self, create, extracted, **kwargs):
        for organization in extracted or []:
            EventCoOrganizer.objects.create(page=self, organization=organization)

    @factory.post_generation
    def funders(self, create, extracted, **kwargs):
        for organization in extracted or []:
            EventFunder.objects.create(page=self, organization=organization)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and instance.live:
            instance.save_revision().publish()
            instance.refresh_from_db()


def events_index_add(tree) -> dict[str, EventIndexPage]:
    """An events index under each language's home, as translations of one another."""
    english = tree["en"].home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    english.save_revision().publish()
    azerbaijani = english.copy_for_translation(Locale.objects.get(language_code="az"))
    azerbaijani.title = "Tədbirlər"
    azerbaijani.save_revision().publish()
    return {"en": english, "az": EventIndexPage.objects.get(pk=azerbaijani.pk)}


@pytest.fixture
def events_index(site_tree) -> dict[str, EventIndexPage]:
    return events_index_add(site_tree)


from tests.search.conftest import (  # noqa: E402, F401 - the search host's fixtures, shared
    elasticsearch_backend,
    elasticsearch_indexes,
    elasticsearch_url,
)
