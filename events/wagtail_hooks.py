"""Events plugged into the hosts' hooks: organization profiles ("Upcoming events"), the
importer's event lines and the demo content."""

from django.template.loader import render_to_string
from wagtail import hooks

from .demo import demo_events_load
from .importing import event_line_type
from .selectors import organization_upcoming_events


@hooks.register("organization_profile_section")
def upcoming_events_section(organization, request) -> str:
    """The organizer's upcoming events, or nothing when it has none."""
    events = list(organization_upcoming_events(organization))
    if not events:
        return ""
    context = {"organization": organization, "events": events}
    return render_to_string("events/includes/profile_section.html", context, request=request)


hooks.register("register_import_line_type", event_line_type)


@hooks.register("demo_content_load")
def demo_events() -> str:
    """``load_demo``'s events: a tool beside the app, run only by that command."""
    return demo_events_load()
