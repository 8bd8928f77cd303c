"""Press releases: the per-locale index page and the release page."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.fields import StringListField
from core.translation import PerTranslationField
from directory.contact import Contact
from directory.models import Organization
from directory.selectors import organization_public
from search.analysis import text_subfields
from search.filters import city_match
from search.morphology import stems_search_field, text_stems

from ..blocks import PressReleaseBodyBlock


class PressReleaseQuerySet(PageQuerySet):
    def involving(self, organization) -> "PressReleaseQuerySet":
        """Releases the organization issued, took part in or funded."""
        return self.filter(
            Q(organization=organization)
            | Q(participant_links__organization=organization)
            | Q(funder_links__organization=organization)
        ).distinct()


PressReleaseManager = PageManager.from_queryset(PressReleaseQuerySet)


class PressReleaseIndexPage(RoutablePageMixin, Page):
    """Lists the releases below it, newest first; serves the feeds of its locale."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    # Set only by pressroom/filing.py: this index is the organization's newsroom. Not in the
    # panels, so the officers who may edit their newsroom's intro cannot repoint it.
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("newsroom of"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="newsroom_indexes",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage", "pressroom.PressReleaseIndexPage"]
    subpage_types = ["pressroom.PressReleasePage", "pressroom.PressReleaseIndexPage"]

    @classmethod
    def clean_subpage_models(cls) -> list[type[Page]]:
        """Releases and indexes, plus the page types other content apps file in newsrooms.

        ``PRESSROOM_NEWSROOM_PAGE_TYPES`` (set by ``cms``) names them, so a content type
        whose pages officers write in their newsroom (same permissions, same review
        workflow) is added without editing this app.
        """
        extra = [apps.get_model(label) for label in settings.PRESSROOM_NEWSROOM_PAGE_TYPES]
        return [*super().clean_subpage_models(), *extra]

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        """A newsroom holds releases only: no index pages nested in it."""
        return super().can_create_at(parent) and not getattr(
            parent.specific_deferred, "organization_id", None
        )

    page_size = 20

    class Meta:
        verbose_name = _("press release index")

    @path("")
    def release_list(self, request):
        from .. import selectors

        filters = selectors.ReleaseFilters.from_query(request.GET)
        releases = selectors.release_list(index_page=self, filters=filters.filters)
        page_obj = Paginator(releases, self.page_size).get_page(request.GET.get("page"))
        page_obj.object_list = selectors.releases_with_pictures(page_obj.object_list)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "page_obj": page_obj,
                "filter_options": selectors.release_filter_options(index_page=self),
            },
        )


class PressReleaseTopic(TaggedItemBase):
    content_object = ParentalKey(
        "pressroom.PressReleasePage", related_name="topic_items", on_delete=models.CASCADE
    )


class PressReleasePage(Page):
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("issuing organization"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="issued_releases",
    )
    release_date = models.DateField(
        _("press-release date"),
        help_text=_("The date printed on the release; not the date it was published here."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(PressReleaseBodyBlock(), blank=True, verbose_name=_("body"))
    city = models.CharField(_("city or region"), max_length=100, blank=True)
    topics = ClusterTaggableManager(through=PressReleaseTopic, blank=True, verbose_name=_("topics"))
    contact_name = models.CharField(_("contact name or programme"), max_length=255, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    contact_phones = StringListField(_("phones"))
    contact_fax = models.CharField(_("fax"), max_length=64, blank=True)
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

    objects = PressReleaseManager()
    # base_form_class is set by the newsrooms app (newsrooms/apps.py), which knows newsrooms.

    # A translation or copy is a different release: it gets its own external ID,
    # so it is neither copied, nor synchronised or offered for translation by wagtail-localize.
    exclude_fields_in_copy = ["external_id"]
    override_translatable_fields = [PerTranslationField("external_id")]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("release_date"), FieldPanel("city")]),
        FieldPanel("organization"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("participant_links", label=_("Participating organizations")),
        InlinePanel("funder_links", label=_("Funders")),
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_address"),
                FieldPanel("contact_phones"),
                FieldRowPanel(
                    [
                        FieldPanel("contact_fax"),
                        FieldPanel("contact_mobile"),
                        FieldPanel("contact_whatsapp"),
                    ]
                ),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact"),
            help_text=_("Leave empty to show the issuing organization's contact details."),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("external_id")]

    # Text is flattened into plain fields (not RelatedFields' nested documents) so that one
    # multi_match in search/elasticsearch.py can score and highlight all of it; each text field
    # has the Azerbaijani/English sub-fields of search/analysis.py.
    # Azerbaijani stems of the text below, for the database backends (search/morphology.py).
    search_stems = property(text_stems)
    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=3, es_extra=text_subfields()),
        index.SearchField("summary", boost=2, es_extra=text_subfields()),
        index.SearchField("body", es_extra=text_subfields()),
        index.SearchField("city", es_extra=text_subfields()),
        index.SearchField("organization_names", boost=2, es_extra=text_subfields()),
        index.SearchField("participant_names", es_extra=text_subfields()),
        index.SearchField("funder_names", es_extra=text_subfields()),
        index.SearchField("topic_names", es_extra=text_subfields()),
        stems_search_field(),
        index.FilterField("release_date"),
        index.FilterField("year"),
        index.FilterField("organization"),
        index.FilterField("organization_slug"),
        index.FilterField("organization_type"),
        index.FilterField("participant_slugs"),
        index.FilterField("funder_slugs"),
        index.FilterField("topic_slugs"),
        index.FilterField("city"),
        index.FilterField("city_match"),
        index.FilterField("locale_id"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        """What the index-value properties below read, fetched per chunk: without it each
        release costs a dozen queries when indexed (docs/benchmarks.md)."""
        return (
            super()
            .get_indexed_objects()
            .select_related("organization")
            .prefetch_related(
                "participant_links__organization", "funder_links__organization", "topics"
            )
        )

    parent_page_types = ["pressroom.PressReleaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("press release")
        # The API's default ordering (-release_date, -pk): its page is read from this index,
        # backwards, instead of sorting every release (docs/benchmarks.md, bench-api).
        indexes = [
            models.Index(fields=["release_date", "page_ptr"], name="pressroom_release_date_idx")
        ]

    def clean(self) -> None:
        """Refuses a new issuer for a release filed in another organization's newsroom.

        The newsroom is the release's place in the tree and whose officers may edit it;
        changing the issuer alone would leave it there. Staff move it first.
        """
        super().clean()
        if self.pk is None or self.organization_id is None:
            return
        stored = (
            PressReleasePage.objects.filter(pk=self.pk)
            .values_list("organization_id", flat=True)
            .first()
        )
        if stored in (None, self.organization_id):
            return
        newsroom = self.newsroom_organization()
        if newsroom is None or newsroom.translation_key == self.organization.translation_key:
            return
        raise ValidationError(
            {
                "organization": _(
                    "This release is filed in the newsroom of %(newsroom)s. To credit another "
                    "organization, first move the release into that organization's newsroom "
                    "(the page's Move action)."
                )
                % {"newsroom": newsroom.name}
            }
        )

    def newsroom_organization(self) -> Organization | None:
        """The organization whose newsroom this release is filed in, if it is in one."""
        parent = (
            PressReleaseIndexPage.objects.filter(
                path=self.path[: -self.steplen], organization__isnull=False
            )
            .select_related("organization")
            .first()
        )
        return parent.organization if parent is not None else None

    @property
    def issuer(self) -> Organization | None:
        """The issuing organization as readers see it: None while it is not public.

        Every public rendering of the release (page, API, feeds, search) names, links and
        quotes the issuer through this, never through ``organization``.
        """
        return organization_public(self.organization) if self.organization_id else None

    @property
    def heading(self) -> str:
        """The seed's heading: "Press release - <title> (<issuer acronym or name>)"."""
        if self.issuer:
            return f"{self.title} ({self.issuer.short_name})"
        return self.title

    @property
    def contact(self) -> Contact:
        """The release's own contact block, or the issuing organization's when left empty."""
        own = Contact(
            name=self.contact_name,
            address=self.contact_address,
            phones=list(self.contact_phones or []),
            fax=self.contact_fax,
            email=self.contact_email,
            mobile=self.contact_mobile,
            whatsapp=self.contact_whatsapp,
        )
        if own.is_empty() and self.issuer:
            return self.issuer.contact
        return own

    # Values for the search index (search_fields above); one query each, at indexing time.

    @property
    def year(self) -> int | None:
        return self.release_date.year if self.release_date else None

    # None, not "", without a public issuer: an empty string would be a facet value.
    @property
    def city_match(self) -> str:
        """The city as the ``city`` filter compares it (search/filters.py)."""
        return city_match(self.city)

    @property
    def organization_slug(self) -> str | None:
        return self.issuer.slug if self.issuer else None

    @property
    def organization_type(self) -> str | None:
        return self.issuer.organization_type if self.issuer else None

    @property
    def organization_names(self) -> list[str]:
        if not self.issuer:
            return []
        org = self.issuer
        return [name for name in (org.name, org.acronym, org.name_az) if name]

    @property
    def participant_names(self) -> list[str]:
        return [str(organization) for organization in self.participants]

    @property
    def funder_names(self) -> list[str]:
        return [str(organization) for organization in self.funders]

    @property
    def participant_slugs(self) -> list[str]:
        return [organization.slug for organization in self.participants]

    @property
    def funder_slugs(self) -> list[str]:
        return [organization.slug for organization in self.funders]

    @property
    def topic_names(self) -> list[str]:
        return [tag.name for tag in self.topics.all()]

    @property
    def topic_slugs(self) -> list[str]:
        return [tag.slug for tag in self.topics.all()]

    @property
    def participants(self) -> list[Organization]:
        """Participants readers may see, in editor order."""
        return [
            org
            for link in self.participant_links.all()
            if (org := organization_public(link.organization))
        ]

    @property
    def funders(self) -> list[Organization]:
        """Funders readers may see, in editor order."""
        return [
            org
            for link in self.funder_links.all()
            if (org := organization_public(link.organization))
        ]


class OrganizationLink(Orderable):
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("organization")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def inline_panel_heading(self) -> str:
        """Heads this item in the admin's inline panel (core's inline_panel_child.html)."""
        return str(self.organization) if self.organization_id else ""


class PressReleaseParticipant(OrganizationLink):
    page = ParentalKey(PressReleasePage, related_name="participant_links", on_delete=models.CASCADE)


class PressReleaseFunder(OrganizationLink):
    page = ParentalKey(PressReleasePage, related_name="funder_links", on_delete=models.CASCADE)
