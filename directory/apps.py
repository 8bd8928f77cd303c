from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The NGO directory: organizations as a translatable Wagtail snippet, public pages."""

    name = "directory"
    verbose_name = "NGO directory"
