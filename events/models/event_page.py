"""An NGO event: a meeting, training or conference an organization holds, in the site's time zone.

Written by the organizer's officers in their newsroom (``PRESSROOM_NEWSROOM_PAGE_TYPES``,
same permissions and review as releases) or by staff under a locale's events index.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.fields import StringListField
from core.translation import PerTranslationField
from directory.contact import Contact
from directory.models import Organization
from directory.selectors import organization_public
from pressroom.blocks import PressReleaseBodyBlock
from pressroom.models import OrganizationLink
from search.analysis import text_subfields
from search.cities import CITIES
from search.filters import city_match
from search.morphology import stems_search_field, text_stems

from ..forms import EventForm

CITY_CHOICES = [(city.az, f"{city.en} / {city.az}") for city in CITIES]


def site_zone() -> zoneinfo.ZoneInfo:
    """The site's time zone (Asia/Baku): event times are entered and shown in it."""
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class EventTopic(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", related_name="topic_items", on_delete=models.CASCADE
    )


class EventPage(Page):
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organizer"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="organized_events",
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    # The day it starts in Baku, kept by save(): what date filters, the search's sort and
    # the API's ordering compare with releases' dates.
    start_date = models.DateField(_("start date"), editable=False)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates count; times are ignored.")
    )
    city = models.CharField(_("city"), max_length=100, blank=True, choices=CITY_CHOICES)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(PressReleaseBodyBlock(), blank=True, verbose_name=_("body"))
    topics = ClusterTaggableManager(through=EventTopic, blank=True, verbose_name=_("topics"))
    contact_name = models.CharField(_("contact name or programme"), max_length=255, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    contact_phones = StringListField(_("phones"))
    contact_email = models.EmailField(_("email"), blank=True)
    contact_mobile = models.CharField(_("mobile"), max_length=64, blank=True)
    contact_whatsapp = models.CharField(_("WhatsApp"), max_length=64, blank=True)
    external_id = models.CharField(
        _("external ID"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Identifier in the source archive or partner system; used by imports."),
    )

    exclude_fields_in_copy = ["external_id"]
    override_translatable_fields = [PerTranslationField("external_id")]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("venue")]),
        FieldPanel("organization"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("online_url"),
                FieldRowPanel(
                    [FieldPanel("registration_url"), FieldPanel("registration_deadline")]
                ),
            ],
            heading=_("Taking part"),
        ),
        InlinePanel("co_organizer_links", label=_("Co-organizers")),
        InlinePanel("funder_links", label=_("Funders")),
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_address"),
                FieldPanel("contact_phones"),
                FieldRowPanel([FieldPanel("contact_mobile"), FieldPanel("contact_whatsapp")]),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact"),
            help_text=_("Leave empty to show the organizer's contact details."),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("external_id")]

    search_stems = property(text_stems)
    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=3, es_extra=text_subfields()),
        index.SearchField("summary", boost=2, es_extra=text_subfields()),
        index.SearchField("body", es_extra=text_subfields()),
        index.SearchField("venue", es_extra=text_subfields()),
        index.SearchField("city_names", es_extra=text_subfields()),
        index.SearchField("organization_names", boost=2, es_extra=text_subfields()),
        index.SearchField("topic_names", es_extra=text_subfields()),
        index.AutocompleteField("title"),
        stems_search_field(),
        index.FilterField("start_date"),
        index.FilterField("start"),
        index.FilterField("year"),
        index.FilterField("organization_slug"),
        index.FilterField("organization_type"),
        index.FilterField("topic_slugs"),
        index.FilterField("city"),
        index.FilterField("city_match"),
        index.FilterField("locale_id"),
    ]

    base_form_class = EventForm
    parent_page_types = ["pressroom.PressReleaseIndexPage", "events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        indexes = [
            models.Index(fields=["start", "page_ptr"], name="events_start_idx"),
            models.Index(fields=["start_date", "page_ptr"], name="events_start_date_idx"),
        ]

    @classmethod
    def get_indexed_objects(cls):
        return (
            super().get_indexed_objects().select_related("organization").prefetch_related("topics")
        )

    def save(self, *args, **kwargs):
        if self.start:
            self.start_date = self.local_start.date()
        return super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.start, site_zone())

    @property
    def local_end(self) -> datetime.datetime | None:
        return timezone.localtime(self.end, site_zone()) if self.end else None

    @property
    def end_date(self) -> datetime.date:
        return (self.local_end or self.local_start).date()

    @property
    def year(self) -> int:
        return self.start_date.year

    @property
    def issuer(self) -> Organization | None:
        """The organizer as readers see it: None while its directory entry is not public."""
        return organization_public(self.organization) if self.organization_id else None

    @property
    def heading(self) -> str:
        return f"{self.title} ({self.issuer.short_name})" if self.issuer else self.title

    @property
    def contact(self) -> Contact:
        own = Contact(
            name=self.contact_name,
            address=self.contact_address,
            phones=list(self.contact_phones or []),
            email=self.contact_email,
            mobile=self.contact_mobile,
            whatsapp=self.contact_whatsapp,
        )
        if own.is_empty() and self.issuer:
            return self.issuer.contact
        return own

    @property
    def city_match(self) -> str:
        return city_match(self.city)

    @property
    def city_names(self) -> list[str]:
        """Both names of the city, so "Ganja" finds an event in Gəncə."""
        return [name for city in CITIES if city.az == self.city for name in (city.az, city.en)]

    @property
    def organization_slug(self) -> str | None:
        return self.issuer.slug if self.issuer else None

    @property
    def organization_type(self) -> str | None:
        return self.issuer.organization_type if self.issuer else None

    @property
    def organization_names(self) -> list[str]:
        org = self.issuer
        return [n for n in (org.name, org.acronym, org.name_az) if n] if org else []

    @property
    def topic_names(self) -> list[str]:
        return [tag.name for tag in self.topics.all()]

    @property
    def topic_slugs(self) -> list[str]:
        return [tag.slug for tag in self.topics.all()]

    def public_organizations(self, role: str) -> list[Organization]:
        """Co-organizers or funders readers may see, in editor order."""
        links = getattr(self, f"{role}_links").select_related("organization")
        return [org for link in links if (org := organization_public(link.organization))]


class EventCoOrganizer(OrganizationLink):
    page = ParentalKey(EventPage, related_name="co_organizer_links", on_delete=models.CASCADE)


class EventFunder(OrganizationLink):
    page = ParentalKey(EventPage, related_name="funder_links", on_delete=models.CASCADE)
