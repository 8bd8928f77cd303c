"""``manage.py bench_api``: the partner-API benchmark (``make bench-api``, docs/benchmarks.md).

Loads generated releases into the (fresh) database with the search benchmark's loader, then
times our press-release list and detail against Wagtail's own v3 pages endpoints, counts SQL
queries per page size and compares 304s with 200s.
"""

import datetime
import os

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import override_settings

from bench.api_report import bench_api_report
from bench.api_runner import bench_api_run
from bench.command import bench_machine_context, bench_positive, bench_releases_fill

# The benchmark is one client measuring throughput: the anonymous rate limit (which still
# counts every request, as in production) must not be what it measures.
UNLIMITED_RATE = "100000000/min"


class Command(BaseCommand):
    help = (
        "Benchmarks the partner API: loads N generated releases (BENCH_N, default 100000) "
        "into a fresh database and times /api/v3/press-releases/ against Wagtail's "
        "/api/v3/pages/, with SQL queries per page size and 304 versus 200."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, help="Releases to load (default: BENCH_N).")
        parser.add_argument("--runs", type=int, help="Timed runs per endpoint (BENCH_RUNS).")
        parser.add_argument("--warmup", type=int, default=5, help="Untimed rounds first.")

    def handle(self, *args, count, runs, warmup, **options):
        count = count or bench_positive("BENCH_N", 100_000)
        runs = runs or bench_positive("BENCH_RUNS", 200)
        budget = bench_positive("BENCH_BUDGET", 300)
        if connection.vendor != "postgresql":
            self.stderr.write(
                f"Warning: the database is {connection.vendor}, not PostgreSQL as in "
                "production; the figures are not comparable."
            )
        started = datetime.datetime.now().astimezone()
        load_average = os.getloadavg()
        load = bench_releases_fill(count=count, stderr=self.stderr)
        # Fresh rows: give the planner real statistics, as autovacuum soon would.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        with override_settings(
            PRESSROOM_API_ANON_RATE=UNLIMITED_RATE, PRESSROOM_API_TOKEN_RATE=UNLIMITED_RATE
        ):
            result = bench_api_run(runs=runs, warmup=warmup, budget=budget)
        context = [
            *bench_machine_context(started=started, load_average=load_average, count=count),
            (
                "Bulk load",
                f"{load.releases:,} releases in {load.seconds:.1f} s ({load.rate:,.0f}/s)",
            ),
            ("Client", "Django's test Client, in-process (WSGI, full middleware, no network)"),
            (
                "Runs per endpoint",
                f"{warmup} untimed rounds, then up to {runs} (budget {budget} s)",
            ),
        ]
        self.stdout.write(bench_api_report(context=context, result=result))
