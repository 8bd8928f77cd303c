"""Organizations: the NGO directory as a translatable snippet with drafts and moderation."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.fields import StringListField
from search.analysis import text_subfields
from search.filters import city_match
from search.morphology import stems_search_field, text_stems

from ..contact import Contact


class OrganizationType(models.TextChoices):
    LOCAL_NGO = "local-ngo", _("Local NGO")
    INTERNATIONAL = "international", _("International organization")
    DONOR = "donor", _("Donor")
    GOVERNMENT = "government", _("Government")
    MEDIA = "media", _("Media")


class Organization(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    name_az = models.CharField(_("name in Azerbaijani"), max_length=255, blank=True)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    organization_type = models.CharField(
        _("type"),
        max_length=20,
        choices=OrganizationType.choices,
        default=OrganizationType.LOCAL_NGO,
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    focus_areas = ClusterTaggableManager(
        through="directory.OrganizationFocusArea", blank=True, verbose_name=_("focus areas")
    )
    city = models.CharField(_("city or region"), max_length=100, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    phones = StringListField(_("phones"))
    fax = models.CharField(_("fax"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    mobile = models.CharField(_("mobile"), max_length=64, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=64, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="organization")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="organization",
        for_concrete_model=False,
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("acronym"), FieldPanel("slug")]),
                FieldPanel("name_az"),
                FieldRowPanel([FieldPanel("organization_type"), FieldPanel("founded_year")]),
                FieldPanel("city"),
                FieldPanel("focus_areas"),
                FieldPanel("logo"),
                FieldPanel("description"),
            ],
            heading=_("Organization"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("postal_address"),
                FieldPanel("phones"),
                FieldRowPanel([FieldPanel("fax"), FieldPanel("mobile"), FieldPanel("whatsapp")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
            ],
            heading=_("Contact details"),
        ),
        PublishingPanel(),
    ]

    # One organization has one type in every language: translators cannot override it, and
    # a sync copies the source's onto its translations.
    override_translatable_fields = [SynchronizedField("organization_type", overridable=False)]

    # Azerbaijani stems of the text below, for the database backends (search/morphology.py).
    search_stems = property(text_stems)
    search_fields = [
        index.SearchField("name", boost=3, es_extra=text_subfields()),
        index.AutocompleteField("name"),
        index.SearchField("acronym", boost=3, es_extra=text_subfields()),
        index.AutocompleteField("acronym"),
        index.SearchField("name_az", boost=2, es_extra=text_subfields()),
        index.SearchField("description", es_extra=text_subfields()),
        index.SearchField("city", es_extra=text_subfields()),
        stems_search_field(),
        index.FilterField("id"),
        index.FilterField("organization_type"),
        index.FilterField("city"),
        index.FilterField("city_match"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_organization_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def city_match(self) -> str:
        """The city as the ``city`` filter compares it (search/filters.py)."""
        return city_match(self.city)

    @property
    def short_name(self) -> str:
        """How a release credits its issuer: "(ISAR)", else the full name."""
        return self.acronym or self.name

    @property
    def contact(self) -> Contact:
        return Contact(
            name=self.name,
            address=self.postal_address,
            phones=list(self.phones or []),
            fax=self.fax,
            email=self.email,
            mobile=self.mobile,
            whatsapp=self.whatsapp,
        )

    def get_url(self, request=None) -> str | None:
        """The public profile under this locale's directory page, if there is one."""
        from .directory_page import DirectoryIndexPage

        directory = DirectoryIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        if directory is None:
            return None
        return directory.url_for_organization(self, request=request)

    def get_preview_template(self, request, mode_name):
        return "directory/organization_profile.html"

    def get_preview_context(self, request, mode_name):
        return {"organization": self, "releases": [], "page": None}


class OrganizationFocusArea(TaggedItemBase):
    content_object = ParentalKey(
        Organization, related_name="focus_area_items", on_delete=models.CASCADE
    )
