"""Timing a fixed set of typical advanced searches along three paths.

- ``service``: ``search.service.search_run`` on Elasticsearch, as the search page calls it
  (hits loaded from the database, facets with labels, highlights, suggestion).
- ``raw``: the very request our query layer (search/elasticsearch.py) builds for the same
  search, captured once and sent straight with the python client: Elasticsearch's own time
  plus the client's, nothing of ours.
- ``database``: ``search_run`` with Wagtail's database backend as the default backend, which
  is the site without Elasticsearch (search/database.py on PostgreSQL full text).
"""

import math
import statistics
import time
from collections.abc import Callable
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
PATHS = ("service", "raw", "database")


@dataclass
class QueryTiming:
    label: str
    params: str
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


def _timed(function: Callable[[], object], *, runs: int, warmup: int, bar: tqdm) -> list[float]:
    for _ in range(warmup):
        function()
        bar.update(1)
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - started)
        bar.update(1)
    return seconds


def bench_queries_run(
    *, database_backends: dict, runs: int, warmup: int, queries=QUERIES
) -> list[QueryTiming]:
    """Times every query along every path; the default search backend must be Elasticsearch.

    ``database_backends`` is the WAGTAILSEARCH_BACKENDS under which the database answers.
    """
    backend = get_search_backend()
    timings = []
    with tqdm(
        total=len(queries) * len(PATHS) * (runs + warmup), unit=" searches", desc="Searching"
    ) as bar:
        for label, params in queries:
            timing = QueryTiming(label=label, params=params)
            query = parse_search_query(QueryDict(params), language="en")

            results = search_run(query=query, language="en")
            if results.degraded:
                timing.notes.append("service fell back to the database (Elasticsearch timed out)")
            timing.counts["service"] = results.count
            timing.seconds["service"] = _timed(
                lambda q=query: search_run(query=q, language="en"),
                runs=runs,
                warmup=warmup,
                bar=bar,
            )

            recorder = _RecordingClient(backend.es)
            elasticsearch.search(backend, query, client=recorder)
            (request,) = recorder.requests
            timing.counts["raw"] = backend.es.search(**request)["hits"]["total"]["value"]
            timing.seconds["raw"] = _timed(
                lambda r=request: backend.es.search(**r), runs=runs, warmup=warmup, bar=bar
            )

            with override_settings(WAGTAILSEARCH_BACKENDS=database_backends):
                timing.counts["database"] = search_run(query=query, language="en").count
                timing.seconds["database"] = _timed(
                    lambda q=query: search_run(query=q, language="en"),
                    runs=runs,
                    warmup=warmup,
                    bar=bar,
                )
            timings.append(timing)
    return timings
