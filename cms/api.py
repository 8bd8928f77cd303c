"""The headless API's wiring: each app's router on Wagtail's v3 API, behind partners' auth.

Content and host apps build their Ninja routers without authentication and without knowing
where they are mounted; here is the one list of prefixes, and the one place that hands the
routers partners' token authentication (``partners.auth``).
"""

from wagtail.api.v3.urls import api

from directory.api import router as organizations_router
from events.api.changes import router as event_changes_router
from events.api.router import router as events_router
from partners.auth import PUBLIC_READ_AUTH
from pressroom.api.changes import router as release_changes_router
from pressroom.api.router import router as releases_router
from search.api import router as search_router

# In order: "changes" must be routed before "/press-releases/" could read it as an ID.
ROUTERS = [
    ("/organizations/", organizations_router),
    ("/press-releases/changes/", release_changes_router),
    ("/press-releases/", releases_router),
    ("/events/changes/", event_changes_router),
    ("/events/", events_router),
    ("/search/", search_router),
]


def api_routers_mount() -> None:
    """Adds our routers to Wagtail's API; once, before anything reads ``api.urls``."""
    for prefix, router in ROUTERS:
        api.add_router(prefix, router, auth=PUBLIC_READ_AUTH)
