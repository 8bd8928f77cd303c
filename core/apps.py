from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What several apps share: base templates, model fields, the API's shared pieces."""

    name = "core"

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_migrate
        from ninja.openapi.docs import Swagger
        from wagtail.api.v3.urls import api

        from . import checks  # noqa: F401  (registers the system checks)
        from .api.guard import api_parameters_guard
        from .page_cache.registry import signal_handlers_connect

        # Before Ninja parses any operation's parameters, ours and Wagtail's alike.
        api.add_decorator(api_parameters_guard, mode="view")

        # Swagger UI would otherwise send the schema's URL to validator.swagger.io for a badge.
        api.docs = Swagger(settings={"validatorUrl": None})

        signal_handlers_connect()

        # post_migrate is sent per app with models: hang on to Wagtail's, which every site has.
        post_migrate.connect(cache_tables_create, sender=apps.get_app_config("wagtailcore"))


def cache_tables_create(sender, using: str = "default", **kwargs) -> None:
    """`migrate` alone leaves the database cache without its table (Django makes it a separate
    command); creating it here means no deployment step can be forgotten."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
