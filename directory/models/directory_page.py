"""The public directory: one page per locale listing organizations and serving profiles."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from .. import selectors


class DirectoryIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory page")

    def url_for_organization(self, organization, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage(
            "organization", args=[organization.slug]
        )

    @path("")
    def organization_list(self, request):
        filters = selectors.DirectoryFilters.from_query(request.GET)
        organizations = selectors.organization_list(locale=self.locale, filters=filters)
        page_obj = Paginator(organizations, 30).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "page_obj": page_obj,
                "filter_options": selectors.directory_filter_options(
                    locale=self.locale, filters=filters
                ),
            },
        )

    @re_path(r"^(?P<slug>[-\w]+)/$", name="organization")
    def organization_profile(self, request, slug: str):
        organization = get_object_or_404(
            selectors.live_organizations().filter(locale=self.locale), slug=slug
        )
        return TemplateResponse(
            request,
            "directory/organization_profile.html",
            {
                "page": self,
                "organization": organization,
                "releases": selectors.organization_releases(organization),
                "sections": _profile_sections(organization, request),
                # The language switch links to this organization's translation, not the list's.
                "translatable_object": organization,
            },
        )


def _profile_sections(organization, request) -> list[str]:
    """What other content apps add to a profile, in hook order.

    Each ``organization_profile_section`` hook takes ``(organization, request)`` and returns
    its section's HTML, or an empty string when it has nothing to show (e.g. an events app's
    "Upcoming events"), so a new content type reaches profiles without editing this app.
    """
    rendered = (
        hook(organization, request) for hook in hooks.get_hooks("organization_profile_section")
    )
    return [html for html in rendered if html]
