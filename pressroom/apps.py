from django.apps import AppConfig


class PressroomConfig(AppConfig):
    """Press releases: the index page per locale, the release page, feeds and import."""

    name = "pressroom"
    verbose_name = "Press room"

    def ready(self):
        from wagtail.api.v3.urls import api

        from pressroom.api.changes import router as changes_router
        from pressroom.api.router import router as releases_router
        from pressroom.changelog.signal_handlers import signal_handlers_connect
        from pressroom.search import search_register

        signal_handlers_connect()
        search_register()
        # Added before any router at "/press-releases/": "changes" must never be read as an ID.
        api.add_router("/press-releases/changes/", changes_router)
        api.add_router("/press-releases/", releases_router)
