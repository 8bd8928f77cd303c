"""Event feeds and calendars, under each language prefix (mounted by cms/urls.py).

Slugs may be Unicode (Azerbaijani), hence ``str``; unknown ones are the feed's 404.
"""

from django.urls import path

from .feeds import AtomEventsFeed, EventsFeed, JsonEventsFeed, event_calendar, events_calendar

FORMATS = (("rss", EventsFeed), ("atom", AtomEventsFeed), ("json", JsonEventsFeed))

urlpatterns = [
    path("feeds/events.ics", events_calendar, name="events-ics"),
    path("feeds/events/<int:id>.ics", event_calendar, name="event-ics"),
    path(
        "feeds/events/organizations/<str:organization>.ics",
        events_calendar,
        name="organization-events-ics",
    ),
    path("feeds/events/topics/<str:topic>.ics", events_calendar, name="topic-events-ics"),
]
for extension, feed in FORMATS:
    urlpatterns += [
        path(f"feeds/events.{extension}", feed(), name=f"events-feed-{extension}"),
        path(
            f"feeds/events/organizations/<str:organization>.{extension}",
            feed(),
            name=f"organization-events-feed-{extension}",
        ),
        path(
            f"feeds/events/topics/<str:topic>.{extension}",
            feed(),
            name=f"topic-events-feed-{extension}",
        ),
    ]
