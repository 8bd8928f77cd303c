"""The benchmark's results as Markdown tables, ready to paste into docs/benchmarks.md."""

from .loader import LoadResult
from .search_indexing import RebuildResult
from .search_runner import PATHS, QueryTiming

# The aims (docs/benchmarks.md): our service adds under 50% to raw Elasticsearch, and Elasticsearch
# answers at least 5 times faster than the database backend.
SERVICE_OVERHEAD_AIM = 1.5
DATABASE_SLOWDOWN_AIM = 5.0


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
    lines += [
        "",
        "Latency in ms (median / p95 of the timed runs); hits as each path counts them "
        "(service / database).",
        "",
        "| Query | Parameters | Hits | Service | Raw Elasticsearch | Database backend "
        "| Service ÷ raw | Database ÷ service |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    complete = [t for t in timings if all(path in t.seconds for path in PATHS)]
    for t in timings:
        lines.append(
            f"| {t.label} | `{t.params}` | {_count(t, 'service')} / {_count(t, 'database')} "
            + "".join(f"| {_cell(t, path)} " for path in PATHS)
            + f"| {_ratio(t, 'service', 'raw', 2)} | {_ratio(t, 'database', 'service', 1)} |"
        )
    totals = {path: sum(t.median(path) for t in complete) for path in PATHS}
    overhead = totals["service"] / totals["raw"] if complete else float("nan")
    slowdown = totals["database"] / totals["service"] if complete else float("nan")
    lines.append(
        f"| **All queries** (sum of medians{'' if len(complete) == len(timings) else ', failed left out'}) | | "
        f"| {_ms(totals['service'])} | {_ms(totals['raw'])} | {_ms(totals['database'])} "
        f"| **{overhead:.2f}** | **{slowdown:.1f}** |"
    )
    lines += [
        "",
        f"- Service over raw Elasticsearch: {overhead:.2f}x (aim: at most "
        f"{SERVICE_OVERHEAD_AIM}x): {'met' if overhead <= SERVICE_OVERHEAD_AIM else 'NOT met'}.",
        f"- Database backend over Elasticsearch (both through the service): {slowdown:.1f}x "
        f"(aim: at least {DATABASE_SLOWDOWN_AIM:.0f}x): "
        f"{'met' if slowdown >= DATABASE_SLOWDOWN_AIM else 'NOT met'}.",
    ]
    for t in timings:
        lines += [f"- {t.label}: {note}" for note in t.notes]
    return "\n".join(lines)
