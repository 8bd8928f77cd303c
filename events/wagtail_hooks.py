"""Events plugged into the hosts' hooks: organization profiles ("Upcoming events"), the
organization dashboard ("Your events"), the site's main navigation, the importer's event
lines and the demo content."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale

from core.navigation import MainMenuItem
from core.request_cache import request_cached

from .dashboard import events_section
from .demo import demo_events_load
from .importing import event_line_type
from .selectors import event_index_page, organization_upcoming_events


@hooks.register("organization_profile_section")
def upcoming_events_section(organization, request) -> str:
    """The organizer's upcoming events, or nothing when it has none."""
    events = list(organization_upcoming_events(organization))
    if not events:
        return ""
    context = {"organization": organization, "events": events}
    return render_to_string("events/includes/profile_section.html", context, request=request)


@hooks.register("main_menu_item", order=200)
def events_menu_item(request) -> MainMenuItem | None:
    """ "Events", between the press releases and the directory, when the active language has
    an events index."""
    locale = Locale.get_active()
    index = request_cached(
        request, ("events_index", locale.pk), lambda: event_index_page(locale=locale)
    )
    return MainMenuItem(label=_("Events"), url=index.get_url(request)) if index else None


hooks.register("organization_dashboard_section", events_section, order=200)
hooks.register("register_import_line_type", event_line_type)


@hooks.register("demo_content_load")
def demo_events() -> str:
    """``load_demo``'s events: a tool beside the app, run only by that command."""
    return demo_events_load()
