from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for ``make run`` (``manage.py load_demo``), fed through the real import."""

    name = "demo"
