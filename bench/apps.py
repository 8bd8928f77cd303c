from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmarks' management commands: ``bench_search`` and ``bench_api``."""

    name = "bench"
