"""Template tags of event pages and lists: when an event is, and where its list is."""

from urllib.parse import urlencode

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.request_cache import request_cached

from .. import selectors

register = template.Library()
DASH = "\N{EN DASH}"


@register.simple_tag
def event_when(event) -> str:
    """The dates (all-day) or dates and times in Baku, as ``<time>`` elements: "12.05.2026 10:00-17:00"."""
    start, end = event.local_start, event.local_end
    if event.all_day:
        text = start.strftime("%d.%m.%Y")
        if end and end.date() != start.date():
            text += DASH + end.strftime("%d.%m.%Y")
        return format_html('<time datetime="{}">{}</time>', start.date().isoformat(), text)
    text = start.strftime("%d.%m.%Y %H:%M")
    if end:
        text += DASH + end.strftime("%H:%M" if end.date() == start.date() else "%d.%m.%Y %H:%M")
    return format_html(
        '<time datetime="{}">{}</time> <span class="time-zone">{}</span>',
        start.isoformat(),
        text,
        _("Baku time"),
    )


@register.simple_tag(takes_context=True)
def events_url(context, **params) -> str:
    """The current language's events index, filtered by ``params`` (topic=, organization=)."""
    request = context.get("request")
    locale = Locale.get_active()
    index = request_cached(
        request, ("events", locale.pk), lambda: selectors.event_index_page(locale=locale)
    )
    if index is None:
        return ""
    query = {key: value for key, value in params.items() if value not in (None, "")}
    return index.get_url(request) + (f"?{urlencode(query)}" if query else "")


@register.filter
def organizations(event, role: str) -> list:
    """Co-organizers ("co_organizer") or funders ("funder") readers may see."""
    return event.public_organizations(role)
