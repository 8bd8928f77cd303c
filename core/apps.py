from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What several apps share: base templates, model fields, the health check."""

    name = "core"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
