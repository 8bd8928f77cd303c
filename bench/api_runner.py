"""Timing the press-release API against Wagtail's own v3 pages API, in-process.

Requests go through Django's test ``Client``: the whole WSGI handler and middleware stack
(CORS, the API access and rate-limit middleware, locale, sessions), URL routing, Ninja and
the views, but no socket and no HTTP server, so the figures are the application's own cost
without network noise. One request at a time, so requests/s is runs over their summed time.
The endpoints are timed in interleaved rounds (one request to each per round), so that the
load of a shared machine weighs on every endpoint alike and the ratios hold even when the
absolute figures do not.
"""

import math
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from tqdm import tqdm
from wagtail.models import Site

# Wagtail's listing has no ``fields`` parameter: it always returns id, title and meta (type,
# detail_url, html_url, locale, slug, first_published_at). Ours, restricted to the same.
WAGTAIL_LIKE_FIELDS = "id,title,slug,lang,url,first_published_at"
# Wagtail can only order by its base fields and a model's api_fields; releases declare none,
# so both sides order newest-published first (``-updated`` is last_published_at, which the
# loader sets equal to first_published_at), ties by id, and the run checks the ids match.
OURS_LIST = "/api/v3/press-releases/?limit={limit}&ordering=-updated"
WAGTAIL_LIST = (
    "/api/v3/pages/?type=pressroom.PressReleasePage&limit={limit}"
    "&order=-first_published_at&order=-pk"
)
OURS_DETAIL = "/api/v3/press-releases/{id}/"
WAGTAIL_DETAIL = "/api/v3/pages/{id}/"
PAGE_SIZES = (1, 20, 100)
MIN_RUNS = 5


@dataclass
class EndpointTiming:
    label: str
    url: str
    status: int
    headers: dict = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def p95(self) -> float:
        """Nearest-rank 95th percentile: the value 95% of the runs did not exceed."""
        ordered = sorted(self.seconds)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    @property
    def per_second(self) -> float:
        return len(self.seconds) / sum(self.seconds)


@dataclass(frozen=True)
class QueryCount:
    label: str
    counts: dict[int, int]  # page size -> SQL queries of one request


@dataclass
class ApiBenchResult:
    timings: dict[str, EndpointTiming]
    queries: list[QueryCount]
    same_pages: bool
    body_bytes: dict[str, int]
    slowest_queries: list[str]


def bench_client() -> Client:
    """An anonymous reader on the default site's host, as a partner's server would be."""
    return Client(HTTP_HOST=Site.objects.get(is_default_site=True).hostname)


def _get(client: Client, url: str, *, status: int = 200, headers: dict | None = None):
    response = client.get(url, headers=headers or {})
    if response.status_code != status:
        raise RuntimeError(
            f"GET {url} answered {response.status_code}, expected {status}: "
            f"{response.content[:500]!r}"
        )
    return response


def _ids(client: Client, url: str) -> list[int]:
    return [item["id"] for item in _get(client, url).json()["items"]]


def bench_api_run(*, runs: int, warmup: int, budget: float) -> ApiBenchResult:
    """Times every endpoint ``runs`` times (fewer, but at least MIN_RUNS, past ``budget``
    seconds of timed requests in all) after ``warmup`` untimed rounds; counts queries."""
    client = bench_client()
    ours_ids = _ids(client, OURS_LIST.format(limit=20) + "&fields=id")
    wagtail_ids = _ids(client, WAGTAIL_LIST.format(limit=20))
    detail_id = ours_ids[0]
    list_etag = _get(client, OURS_LIST.format(limit=20))["ETag"]
    detail_etag = _get(client, OURS_DETAIL.format(id=detail_id))["ETag"]
    endpoints = [
        EndpointTiming("Ours: list, 20, all fields", OURS_LIST.format(limit=20), 200),
        EndpointTiming(
            "Ours: list, 20, Wagtail's fields",
            OURS_LIST.format(limit=20) + f"&fields={WAGTAIL_LIKE_FIELDS}",
            200,
        ),
        EndpointTiming("Wagtail: pages list, 20", WAGTAIL_LIST.format(limit=20), 200),
        EndpointTiming("Ours: detail, all fields", OURS_DETAIL.format(id=detail_id), 200),
        EndpointTiming("Wagtail: page detail", WAGTAIL_DETAIL.format(id=detail_id), 200),
        EndpointTiming(
            "Ours: list, 20, If-None-Match (304)",
            OURS_LIST.format(limit=20),
            304,
            {"If-None-Match": list_etag},
        ),
        EndpointTiming(
            "Ours: detail, If-None-Match (304)",
            OURS_DETAIL.format(id=detail_id),
            304,
            {"If-None-Match": detail_etag},
        ),
    ]
    body_bytes = {
        endpoint.label: len(_get(client, endpoint.url).content)
        for endpoint in endpoints
        if endpoint.status == 200
    }
    _timed_rounds(client, endpoints, runs=runs, warmup=warmup, budget=budget)
    queries, slowest = _query_counts(client, detail_id=detail_id, etags=(list_etag, detail_etag))
    return ApiBenchResult(
        timings={endpoint.label: endpoint for endpoint in endpoints},
        queries=queries,
        same_pages=ours_ids == wagtail_ids,
        body_bytes=body_bytes,
        slowest_queries=slowest,
    )


def _timed_rounds(
    client: Client, endpoints: list[EndpointTiming], *, runs: int, warmup: int, budget: float
) -> None:
    total = (warmup + runs) * len(endpoints)
    with tqdm(total=total, unit=" requests", desc="Requesting", mininterval=1) as bar:
        for _ in range(warmup):
            for endpoint in endpoints:
                _get(client, endpoint.url, status=endpoint.status, headers=endpoint.headers)
                bar.update(1)
        spent = 0.0
        for done in range(runs):
            for endpoint in endpoints:
                started = time.perf_counter()
                _get(client, endpoint.url, status=endpoint.status, headers=endpoint.headers)
                seconds = time.perf_counter() - started
                endpoint.seconds.append(seconds)
                spent += seconds
                bar.update(1)
            if done + 1 >= MIN_RUNS and spent > budget:
                bar.update((runs - done - 1) * len(endpoints))
                break


def _query_counts(
    client: Client, *, detail_id: int, etags: tuple[str, str]
) -> tuple[list[QueryCount], list[str]]:
    """SQL queries of one request per page size; Wagtail's limit raised to 100 for this only
    (its default maximum, WAGTAILAPI_LIMIT_MAX, is 20)."""
    list_etag, detail_etag = etags

    def count(url: str, *, status: int = 200, headers: dict | None = None):
        with CaptureQueriesContext(connection) as captured:
            _get(client, url, status=status, headers=headers)
        return captured

    results = []
    with override_settings(WAGTAILAPI_LIMIT_MAX=100):
        captured = {size: count(OURS_LIST.format(limit=size)) for size in PAGE_SIZES}
        results.append(
            QueryCount(
                "Ours: list, all fields",
                {size: len(queries) for size, queries in captured.items()},
            )
        )
        results.append(
            QueryCount(
                "Wagtail: pages list",
                {size: len(count(WAGTAIL_LIST.format(limit=size))) for size in PAGE_SIZES},
            )
        )
    results += [
        QueryCount("Ours: detail, all fields", {1: len(count(OURS_DETAIL.format(id=detail_id)))}),
        QueryCount("Wagtail: page detail", {1: len(count(WAGTAIL_DETAIL.format(id=detail_id)))}),
    ]
    not_modified = count(
        OURS_LIST.format(limit=20), status=304, headers={"If-None-Match": list_etag}
    )
    results.append(QueryCount("Ours: list, 20, 304", {20: len(not_modified)}))
    not_modified = count(
        OURS_DETAIL.format(id=detail_id), status=304, headers={"If-None-Match": detail_etag}
    )
    results.append(QueryCount("Ours: detail, 304", {1: len(not_modified)}))
    slowest = sorted(captured[20].captured_queries, key=lambda query: -float(query["time"]))
    return results, [f"{query['time']} s: {query['sql'][:300]}" for query in slowest[:3]]
