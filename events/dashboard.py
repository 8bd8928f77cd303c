"""The organization dashboard's "Your events" (``organization_dashboard_section`` hook).

What an officer acts on: events not over yet and events not (fully) published, so drafts,
submissions in review, changes requested and scheduled events, each with its translations
and their review states (``core.page_states``). Edit and translate links are shown only for
pages the viewer may edit: an event staff filed under the events index is listed, not linked.
"""

from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Locale

from core.page_states import PageRow, page_rows, row_locales
from directory.models import Organization
from pressroom.filing import newsroom_index_find

from .models import EventPage
from .selectors import events_upcoming

# How many events the section lists; an organization with more browses them in the admin.
EVENTS_MAX = 100


def organization_event_rows(*, organization: Organization) -> list[PageRow]:
    """The organization's events still to come or awaiting publication, soonest first."""
    events = EventPage.objects.filter(organization__translation_key=organization.translation_key)
    pending = Q(live=False) | Q(has_unpublished_changes=True)
    pages = list(
        events.filter(Q(pk__in=events_upcoming(events).values("pk")) | pending)
        .order_by("start", "pk")
        .select_related("locale")[:EVENTS_MAX]
    )
    return page_rows(pages)


def events_section(organization: Organization, request: HttpRequest) -> str:
    """ "Your events", with a "New event" button in the newsroom; nothing when the
    organization has no event to list and no newsroom to write one in."""
    rows = organization_event_rows(organization=organization)
    newsroom = newsroom_index_find(organization=organization, locale=Locale.get_active())
    if not rows and newsroom is None:
        return ""
    user = request.user
    pages = [version.page for row in rows for _locale, version in row.cells if version]
    editable = {page.pk for page in pages if page.permissions_for_user(user).can_edit()}
    can_add = newsroom is not None and newsroom.permissions_for_user(user).can_add_subpage()
    context = {
        "rows": rows,
        "locales": row_locales(),
        "editable": editable,
        "newsroom": newsroom if can_add else None,
    }
    return render_to_string("events/includes/dashboard_section.html", context, request=request)
