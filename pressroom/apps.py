from django.apps import AppConfig


class PressroomConfig(AppConfig):
    """Press releases: the index page per locale, the release page, feeds and import."""

    name = "pressroom"
    verbose_name = "Press room"

    def ready(self):
        from pressroom.changelog.signal_handlers import signal_handlers_connect
        from pressroom.page_cache import page_cache_register
        from pressroom.search import search_register

        from . import webhooks  # noqa: F401 - registers the webhooks' receivers

        signal_handlers_connect()
        search_register()
        page_cache_register()
