from django.apps import AppConfig


class NewsroomsConfig(AppConfig):
    """Each approved organization's newsroom: its group, permissions, collection and review workflow."""

    name = "newsrooms"
    verbose_name = "Newsrooms"
