from django.apps import AppConfig


class PressroomConfig(AppConfig):
    """Press releases: the index page per locale, the release page, feeds and import."""

    name = "pressroom"
    verbose_name = "Press room"
