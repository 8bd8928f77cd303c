from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Reader search over the press room and the directory."""

    name = "search"
