"""The events index: one per language, upcoming events by default, past ones under /past/."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class EventIndexPage(RoutablePageMixin, Page):
    """Lists every live event of its language, wherever it is filed (mostly newsrooms)."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    page_size = 20

    class Meta:
        verbose_name = _("events index")

    def _list(self, request, *, past: bool):
        from .. import selectors

        filters = selectors.EventFilters.from_query(request.GET)
        events = selectors.event_list(locale=self.locale, filters=filters.filters, past=past)
        page_obj = Paginator(events, self.page_size).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "past": past,
                "filters": filters,
                "page_obj": page_obj,
                "filter_options": selectors.event_filter_options(locale=self.locale),
            },
        )

    @path("")
    def upcoming(self, request):
        return self._list(request, past=False)

    @path("past/", name="past")
    def past(self, request):
        return self._list(request, past=True)
