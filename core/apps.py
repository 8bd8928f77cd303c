from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What several apps share: base templates, model fields, the health check."""

    name = "core"
