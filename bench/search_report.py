"""The benchmark's results as Markdown tables, ready to paste into docs/benchmarks.md."""

from .loader import LoadResult
from .search_indexing import RebuildResult
from .search_runner import PATHS, QueryTiming

# The aims (docs/benchmarks.md): our service adds under 50% to raw Elasticsearch, and Elasticsearch
# answers at least 5 times faster than the database backend.
SERVICE_OVERHEAD_AIM = 1.5
DATABASE_SLOWDOWN_AIM = 5.0
# And during an outage the bounded database fallback answers every query within a second (p95).
FALLBACK_P95_AIM = 1.0
TITLES = {
    "service": "Service",
    "raw": "Raw Elasticsearch",
    "database": "Database backend",
    "fallback": "Outage fallback",
}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _count(timing: QueryTiming, path: str) -> str:
    return f"{timing.counts[path]:,}" if path in timing.counts else "n/a"


def _cell(timing: QueryTiming, path: str) -> str:
    """median / p95, with the number of runs when the time budget cut them short."""
    if path not in timing.seconds:
        return "failed"
    runs = len(timing.seconds[path])
    cut = f" ({runs} runs)" if runs < timing.planned_runs else ""
    return f"{_ms(timing.median(path))} / {_ms(timing.p95(path))}{cut}"


def _ratio(timing: QueryTiming, slow: str, fast: str, digits: int) -> str:
    if slow not in timing.seconds or fast not in timing.seconds:
        return "n/a"
    return f"{timing.median(slow) / timing.median(fast):.{digits}f}"


def _total_ratio(totals: dict[str, float], slow: str, fast: str, digits: int) -> str:
    if slow not in totals or fast not in totals or not totals[fast]:
        return "n/a"
    return f"{totals[slow] / totals[fast]:.{digits}f}"


def bench_report(
    *,
    context: list[tuple[str, str]],
    load: LoadResult,
    rebuilds: list[RebuildResult],
    timings: list[QueryTiming],
) -> str:
    lines = ["| | |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in context]
    lines += [
        f"| Bulk load | {load.releases:,} releases, {load.organizations} organizations in "
        f"{load.seconds:.1f} s ({load.rate:,.0f} releases/s) |",
    ]
    for rebuild in rebuilds:
        lines.append(
            f"| Index rebuild, {rebuild.backend} | {rebuild.documents:,} documents in "
            f"{rebuild.seconds:.1f} s ({rebuild.rate:,.0f} docs/s) |"
        )
    paths = [path for path in PATHS if any(path in t.counts for t in timings)]
    lines += [
        "",
        "Latency in ms (median / p95 of the timed runs); hits as each path counts them "
        f"({' / '.join(counted for counted in paths if counted != 'raw')}).",
        "",
        "| Query | Parameters | Hits | "
        + " | ".join(TITLES[path] for path in paths)
        + " | Service ÷ raw | Database ÷ service |",
        "| --- | --- | --- | " + " | ".join("---" for _ in paths) + " | --- | --- |",
    ]
    complete = [t for t in timings if all(path in t.seconds for path in paths)]
    for t in timings:
        hits = " / ".join(_count(t, path) for path in paths if path != "raw")
        lines.append(
            f"| {t.label} | `{t.params}` | {hits} "
            + "".join(f"| {_cell(t, path)} " for path in paths)
            + f"| {_ratio(t, 'service', 'raw', 2)} | {_ratio(t, 'database', 'service', 1)} |"
        )
    totals = {path: sum(t.median(path) for t in complete) for path in paths}
    left_out = "" if len(complete) == len(timings) else ", failed left out"
    lines.append(
        f"| **All queries** (sum of medians{left_out}) | | "
        + "".join(f"| {_ms(totals[path])} " for path in paths)
        + f"| **{_total_ratio(totals, 'service', 'raw', 2)}** "
        f"| **{_total_ratio(totals, 'database', 'service', 1)}** |"
    )
    lines.append("")
    if "service" in totals and "raw" in totals:
        overhead = totals["service"] / totals["raw"]
        lines.append(
            f"- Service over raw Elasticsearch: {overhead:.2f}x (aim: at most "
            f"{SERVICE_OVERHEAD_AIM}x): {'met' if overhead <= SERVICE_OVERHEAD_AIM else 'NOT met'}."
        )
    if "database" in totals and "service" in totals:
        slowdown = totals["database"] / totals["service"]
        lines.append(
            f"- Database backend over Elasticsearch (both through the service): {slowdown:.1f}x "
            f"(aim: at least {DATABASE_SLOWDOWN_AIM:.0f}x): "
            f"{'met' if slowdown >= DATABASE_SLOWDOWN_AIM else 'NOT met'}."
        )
    fallback = [t.p95("fallback") for t in timings if "fallback" in t.seconds]
    if fallback:
        worst = max(fallback)
        lines.append(
            f"- Outage fallback, slowest query's p95: {_ms(worst)} ms (aim: under "
            f"{_ms(FALLBACK_P95_AIM)} ms for every query): "
            f"{'met' if worst < FALLBACK_P95_AIM and len(fallback) == len(timings) else 'NOT met'}."
        )
    for t in timings:
        lines += [f"- {t.label}: {note}" for note in t.notes]
    return "\n".join(lines)
