"""``manage.py load_prepare``: the rehearsal's data (``make load``, docs/load.md).

Loads generated releases with the benchmark loader (progress, rate and ETA on stderr),
rebuilds every configured search backend's indexes as ``update_index`` does (then gives
Elasticsearch's their replica), and writes the
targets the simulated readers and partners use as JSON.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from bench.command import bench_releases_fill
from bench.rehearsal import rehearsal_staff_ensure, rehearsal_targets
from bench.search_indexing import bench_index_rebuild


class Command(BaseCommand):
    help = "Loads N releases, indexes them and writes the rehearsal's targets (docs/load.md)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="Releases to load.")
        parser.add_argument("--targets", type=Path, required=True, help="JSON file to write.")
        parser.add_argument("--receiver", required=True, help="The webhook receiver's URL.")

    def handle(self, *args, count: int, targets: Path, receiver: str, **options):
        load = bench_releases_fill(count=count, stderr=self.stderr)
        self.stdout.write(
            f"loaded {load.releases:,} releases in {load.seconds:.0f}s ({load.rate:.0f}/s)"
        )
        index_seconds = 0.0
        for name in settings.WAGTAILSEARCH_BACKENDS:
            rebuild = (
                _index_rebuild() if name == "default" else bench_index_rebuild(backend_name=name)
            )
            index_seconds += rebuild.seconds
            self.stdout.write(
                f"{name}: indexed {rebuild.documents:,} documents in {rebuild.seconds:.0f}s "
                f"({rebuild.rate:.0f}/s)"
            )
        rehearsal_staff_ensure()
        data = rehearsal_targets(receiver_url=receiver)
        data["load_seconds"] = round(load.seconds, 1)
        data["index_seconds"] = round(index_seconds, 1)
        targets.write_text(json.dumps(data), encoding="utf-8")


def _index_rebuild():
    """The default (Elasticsearch) backend's rebuild as Elasticsearch advises for a first bulk load: no replica and no refresh
    while it runs, then one replica, copied from the primary's segments instead of analysing
    every document twice, and refreshes as configured. A bulk request may also take longer
    than a reader's search is allowed to on a busy machine: up to two minutes here."""
    configured = settings.WAGTAILSEARCH_BACKENDS["default"]
    index_settings = configured.get("INDEX_SETTINGS", {}).get("settings", {})
    loading = {
        **configured,
        "TIMEOUT": 120,
        "INDEX_SETTINGS": {
            "settings": {
                **index_settings,
                "index": {"number_of_replicas": 0, "refresh_interval": "-1"},
            }
        },
    }
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": loading}):
        rebuild = bench_index_rebuild(backend_name="default")
        client = get_search_backend("default").es
        prefix = configured.get("INDEX_PREFIX", "")
        client.indices.put_settings(
            index=f"{prefix}*",
            settings={"index": {"number_of_replicas": 1, "refresh_interval": None}},
        )
        client.cluster.health(wait_for_status="green", timeout="600s", request_timeout=620)
    return rebuild
