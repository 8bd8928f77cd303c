from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project's wiring: listed last, so every app is ready when it mounts their routers."""

    name = "cms"
    verbose_name = "Wiring"

    def ready(self) -> None:
        from .api import api_routers_mount

        api_routers_mount()
