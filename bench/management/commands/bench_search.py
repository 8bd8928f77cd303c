"""``manage.py bench_search``: the search benchmark (``make bench-search``, docs/benchmarks.md).

Loads generated releases into the (fresh) database, rebuilds an Elasticsearch index of its
own and the database backend's index, times typical searches and prints the tables.
"""

import datetime
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from bench.command import bench_machine_context, bench_positive, bench_releases_fill
from bench.search_indexing import bench_index_rebuild
from bench.search_report import bench_report
from bench.search_runner import PATHS, bench_queries_run
from search.analysis import INDEX_SETTINGS

ELASTICSEARCH_BACKEND = "wagtail.search.backends.elasticsearch8"
DATABASE_BACKEND = {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}


class Command(BaseCommand):
    help = (
        "Benchmarks search: loads N generated releases (BENCH_N, default 100000) into a fresh "
        "database, rebuilds the Elasticsearch and database indexes, and times typical "
        "searches through our service, raw Elasticsearch, the database backend and the outage "
        "fallback."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, help="Releases to load (default: BENCH_N).")
        parser.add_argument("--runs", type=int, help="Timed runs per query and path (BENCH_RUNS).")
        parser.add_argument("--warmup", type=int, default=3, help="Untimed runs first.")
        parser.add_argument(
            "--paths",
            default=os.environ.get("BENCH_PATHS", ",".join(PATHS)),
            help=f"Comma-separated paths to time (BENCH_PATHS; default: {','.join(PATHS)}).",
        )

    def handle(self, *args, count, runs, warmup, paths, **options):
        self.paths = tuple(path.strip() for path in paths.split(",") if path.strip())
        if unknown := set(self.paths) - set(PATHS):
            raise CommandError(f"Unknown paths {sorted(unknown)}: choose among {', '.join(PATHS)}.")
        count = count or bench_positive("BENCH_N", 100_000)
        runs = runs or bench_positive("BENCH_RUNS", 20)
        budget = bench_positive("BENCH_BUDGET", 60)
        url = settings.ELASTICSEARCH_URL or os.environ.get("ELASTICSEARCH_URL", "")
        if not url:
            raise CommandError(
                "ELASTICSEARCH_URL is not set: make bench-search starts the local node and "
                "sets it (scripts/elasticsearch/with-node.sh)."
            )
        if connection.vendor != "postgresql":
            self.stderr.write(
                f"Warning: the database is {connection.vendor}, not PostgreSQL as in "
                "production; the database backend's figures are not comparable."
            )
        # An index prefix of this run's own, so that neither the site's index (pressroom_)
        # nor the tests' (test_<pid>_) nor another benchmark is touched; deleted at the end.
        prefix = f"bench_{os.getpid()}_"
        elasticsearch = {
            "BACKEND": ELASTICSEARCH_BACKEND,
            "URLS": [part.strip() for part in url.split(",") if part.strip()],
            "INDEX_PREFIX": prefix,
            "INDEX_SETTINGS": INDEX_SETTINGS,
            "TIMEOUT": 60,
        }
        # The backends are the benchmark's, not the settings module's: override_settings is
        # Django's way to swap settings at runtime (and tells modelsearch through
        # setting_changed). Index changes apply in the saving code, not on a thread.
        with override_settings(
            WAGTAILSEARCH_BACKENDS={"default": elasticsearch, "database": DATABASE_BACKEND},
            SEARCH_SYNC={**settings.SEARCH_SYNC, "APPLY": "immediate"},
        ):
            try:
                self._run(count=count, runs=runs, warmup=warmup, budget=budget, url=url)
            finally:
                self._indexes_delete(prefix)

    def _run(self, *, count: int, runs: int, warmup: int, budget: int, url: str) -> None:
        started = datetime.datetime.now().astimezone()
        load_average = os.getloadavg()
        load = bench_releases_fill(count=count, stderr=self.stderr)

        rebuilds = [
            bench_index_rebuild(backend_name="default"),
            bench_index_rebuild(backend_name="database"),
        ]
        backend = get_search_backend()
        backend.refresh_indexes()
        timings = bench_queries_run(
            database_backend=DATABASE_BACKEND,
            paths=self.paths,
            runs=runs,
            warmup=warmup,
            budget=budget,
        )
        info = backend.es.info()
        context = [
            *bench_machine_context(started=started, load_average=load_average, count=count),
            ("Elasticsearch", f"{info['version']['number']} at {url}"),
            ("Runs per query and path", f"{warmup} untimed, then {runs} (fewer past {budget} s)"),
        ]
        self.stdout.write(
            bench_report(context=context, load=load, rebuilds=rebuilds, timings=timings)
        )

    def _indexes_delete(self, prefix: str) -> None:
        """Deletes this run's indexes, by name: clusters refuse wildcard deletes by default."""
        es = get_search_backend().es
        for name in es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
            es.indices.delete(index=name)
