from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The NGO directory: organizations as a translatable Wagtail snippet, public pages."""

    name = "directory"
    verbose_name = "NGO directory"

    def ready(self):
        from .page_cache import page_cache_register
        from .search import search_register

        search_register()
        page_cache_register()
