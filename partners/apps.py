from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """Partner sites: API tokens, rate limits, CORS origins and webhooks for the headless API."""

    name = "partners"
    verbose_name = "Partner sites"

    def ready(self):
        from . import checks, cors  # noqa: F401 - registers checks and receivers
