from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The NGO directory: organizations as a translatable Wagtail snippet, public pages."""

    name = "directory"
    verbose_name = "NGO directory"

    def ready(self):
        from .search import search_register

        search_register()
