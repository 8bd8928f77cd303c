from django.apps import AppConfig


class EventsConfig(AppConfig):
    """NGO events: pages, their index per language, calendars and feeds, plugged into the hosts."""

    name = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from .page_cache import page_cache_register
        from .search import search_register
        from .webhooks import webhooks_register

        page_cache_register()
        search_register()
        webhooks_register()
