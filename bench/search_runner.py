"""Timing a fixed set of typical advanced searches along three paths.

- ``service``: ``search.service.search_run`` on Elasticsearch, as the search page calls it
  (hits loaded from the database, facets with labels, highlights, suggestion).
- ``raw``: the very request our query layer (search/elasticsearch.py) builds for the same
  search, captured once and sent straight with the python client: Elasticsearch's own time
  plus the client's, nothing of ours.
- ``database``: ``search_run`` with Wagtail's database backend as the default backend, which
  is the site without Elasticsearch (search/database.py on PostgreSQL full text).
- ``fallback``: ``search_run`` with Elasticsearch configured at a loopback port where nothing
  listens, so the outage fallback answers (search/fallback.py: the same database index,
  bounded).
"""

import math
import statistics
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.http import QueryDict
from django.test import override_settings
from tqdm import tqdm
from wagtail.search.backends import get_search_backend

from search import elasticsearch
from search.query import parse_search_query
from search.service import search_run

# What readers type into the advanced search, as the page's URL parameters (page language
# English unless ``lang`` says otherwise). Labels are the table's first column.
QUERIES: list[tuple[str, str]] = [
    ("plain word", "q=refugees"),
    ("two words, Azerbaijani", "q=Şəki+ekologiya&lang=az"),
    ("transliteration", "q=sheki&lang=all"),
    ("phrase", "q=%22round+table%22"),
    ("exclusion", "q=water+-Baku"),
    ("OR", "q=youth+OR+education"),
    ("organization + city", "q=human+rights&organization=shrc&city=Sumgait"),
    ("topic + date range", "q=training&topic=environment&date_from=2010-01-01&date_to=2015-12-31"),
    ("newest first, all languages", "q=conference&sort=newest&lang=all"),
    ("misspelling (did you mean)", "q=refugess+seminar"),
    ("no words, topic, newest", "topic=water&sort=newest"),
]
PATHS = ("service", "raw", "database", "fallback")
# Elasticsearch "down": nothing listens on the discard port, every connection is refused.
DEAD_ENGINE = {"BACKEND": "wagtail.search.backends.elasticsearch8", "URLS": ["http://127.0.0.1:9"]}
MIN_RUNS = 3


@dataclass
class QueryTiming:
    label: str
    params: str
    planned_runs: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def median(self, path: str) -> float:
        return statistics.median(self.seconds[path])

    def p95(self, path: str) -> float:
        """Nearest-rank 95th percentile: the value 95% of the runs did not exceed."""
        ordered = sorted(self.seconds[path])
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


class _RecordingClient:
    """Stands in for the Elasticsearch client during one search: keeps the request our
    query layer sends (index and body, exactly) and passes it on."""

    def __init__(self, client):
        self.client = client
        self.requests: list[dict] = []

    def search(self, **request):
        self.requests.append(request)
        return self.client.search(**request)


def _timed(
    function: Callable[[], object], *, runs: int, warmup: int, budget: float, bar: tqdm
) -> list[float]:
    """``runs`` timings after ``warmup`` untimed calls; fewer (but at least MIN_RUNS) when the
    timed runs exceed ``budget`` seconds, so that a slow path cannot hold the run for hours."""
    for _ in range(warmup):
        function()
        bar.update(1)
    seconds: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - started)
        bar.update(1)
        if len(seconds) >= MIN_RUNS and sum(seconds) > budget:
            bar.update(runs - len(seconds))
            break
    return seconds


def bench_queries_run(
    *,
    database_backend: dict,
    runs: int,
    warmup: int,
    budget: float,
    queries=QUERIES,
    paths=PATHS,
) -> list[QueryTiming]:
    """Times every query along ``paths``; the default search backend must be Elasticsearch.

    ``database_backend`` is the WAGTAILSEARCH_BACKENDS entry of the database index.
    A path that fails is recorded with its error, and the others still run.
    """
    backend = get_search_backend()
    database_alone = {"default": database_backend}
    outage = {"default": DEAD_ENGINE, "database": database_backend}
    timings = []
    with tqdm(
        total=len(queries) * len(paths) * (runs + warmup), unit=" searches", desc="Searching"
    ) as bar:
        for label, params in queries:
            timing = QueryTiming(label=label, params=params, planned_runs=runs)
            query = parse_search_query(QueryDict(params), language="en")
            functions = {
                "service": (lambda q=query: _service(q), nullcontext()),
                "raw": (_raw_request(backend, query), nullcontext()),
                "database": (
                    lambda q=query: search_run(query=q, language="en").count,
                    override_settings(WAGTAILSEARCH_BACKENDS=database_alone),
                ),
                "fallback": (
                    lambda q=query: _fallback(q),
                    override_settings(WAGTAILSEARCH_BACKENDS=outage),
                ),
            }
            for path in paths:
                function, context = functions[path]
                try:
                    with context:
                        timing.counts[path] = function()
                        timing.seconds[path] = _timed(
                            function, runs=runs, warmup=warmup, budget=budget, bar=bar
                        )
                except Exception as error:  # recorded in the report, the other paths go on
                    timing.notes.append(f"{path} failed: {error.__class__.__name__}: {error}")
                    bar.update(runs + warmup)
            timings.append(timing)
    return timings


def _service(query) -> int:
    results = search_run(query=query, language="en")
    if results.degraded:
        raise RuntimeError("Elasticsearch did not answer in time; the database did")
    return results.count


def _fallback(query) -> int:
    results = search_run(query=query, language="en")
    if not results.degraded:
        raise RuntimeError("the outage fallback did not answer")
    if any("took too long" in notice for notice in results.notices):
        raise RuntimeError("the fallback ran out of time")
    return results.count


def _raw_request(backend, query) -> Callable[[], int]:
    """Sends the request our layer builds for ``query``, captured on the first call."""
    request: dict = {}

    def send() -> int:
        if not request:
            recorder = _RecordingClient(backend.es)
            elasticsearch.search(backend, query, client=recorder)
            request.update(recorder.requests[0])
        return backend.es.search(**request)["hits"]["total"]["value"]

    return send
