"""The home page: latest releases, featured organizations and a search box."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from directory.selectors import organization_public


class HomePage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("featured_organizations", label=_("Featured organizations")),
    ]
    parent_page_types = ["wagtailcore.Page"]

    latest_count = 10

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from pressroom.selectors import live_releases, releases_with_pictures

        context = super().get_context(request, *args, **kwargs)
        context["latest_releases"] = releases_with_pictures(
            live_releases()
            .filter(locale=self.locale)
            .order_by("-release_date", "-pk")[: self.latest_count]
        )
        context["featured"] = [
            organization
            for item in self.featured_organizations.select_related("organization")
            if (organization := organization_public(item.organization))
        ]
        return context


class FeaturedOrganization(Orderable):
    page = ParentalKey(HomePage, related_name="featured_organizations", on_delete=models.CASCADE)
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organization")]

    @property
    def inline_panel_heading(self) -> str:
        """Heads this item in the admin's inline panel (core's inline_panel_child.html)."""
        return str(self.organization) if self.organization_id else ""


class StandardPage(Page):
    """A plain page of text under the home page: the footer's about page and the like."""

    body = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("standard page")
