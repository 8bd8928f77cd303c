from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured


class SearchConfig(AppConfig):
    """Reader search over the press room and the directory."""

    name = "search"

    def ready(self):
        # ready() runs in INSTALLED_APPS order: wagtail.search must connect modelsearch's
        # handlers before we replace them, or index updates bypass the outbox.
        labels = [config.label for config in apps.get_app_configs()]
        if labels.index("wagtailsearch") > labels.index(self.label):
            raise ImproperlyConfigured('List "search" after "wagtail.search" in INSTALLED_APPS.')

        from search.signal_handlers import signal_handlers_replace

        signal_handlers_replace()
