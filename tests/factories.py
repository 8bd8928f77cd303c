"""Factories for the directory and the press room, shared by every test package.

Live pages are published through a revision, as an editor would, so they carry
``first_published_at`` and ``last_published_at`` like real content; pass
``live=False`` for a draft that was never published.
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from directory.models import Organization, OrganizationType
from pressroom.models import PressReleaseFunder, PressReleasePage, PressReleaseParticipant


class OrganizationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organization {n}")
    acronym = ""
    slug = factory.Sequence(lambda n: f"organization-{n}")
    organization_type = OrganizationType.LOCAL_NGO
    city = "Baku"
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = Organization
        skip_postgeneration_save = True

    @factory.post_generation
    def focus_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.focus_areas.add(*extracted)
            self.save()


class PressReleasePageFactory(wagtail_factories.PageFactory):
    """A release under ``parent`` (a PressReleaseIndexPage, required), issued by a new organization."""

    title = factory.Sequence(lambda n: f"Press release {n}")
    slug = factory.Sequence(lambda n: f"press-release-{n}")
    release_date = datetime.date(2000, 11, 30)
    organization = factory.SubFactory(OrganizationFactory)
    summary = "A short summary of the release."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>The body of the press release.</p>")])
    locale = factory.LazyAttribute(lambda obj: obj.parent.locale)

    class Meta:
        model = PressReleasePage

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)
            self.save()

    @factory.post_generation
    def participants(self, create, extracted, **kwargs):
        if create and extracted:
            for organization in extracted:
                PressReleaseParticipant.objects.create(page=self, organization=organization)

    @factory.post_generation
    def funders(self, create, extracted, **kwargs):
        if create and extracted:
            for organization in extracted:
                PressReleaseFunder.objects.create(page=self, organization=organization)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        """Publish once topics and links exist, so the live revision holds them too."""
        if create and instance.live:
            instance.save_revision().publish()
            instance.refresh_from_db()
