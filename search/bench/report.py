"""The benchmark's results as Markdown tables, ready to paste into docs/benchmarks.md."""

from .indexing import RebuildResult
from .loader import LoadResult
from .runner import QueryTiming

# The aims of issue 3: our service adds under 50% to raw Elasticsearch, and Elasticsearch
# answers at least 5 times faster than the database backend.
SERVICE_OVERHEAD_AIM = 1.5
DATABASE_SLOWDOWN_AIM = 5.0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def bench_report(
    *,
    context: list[tuple[str, str]],
    load: LoadResult,
    rebuilds: list[RebuildResult],
    timings: list[QueryTiming],
    runs: int,
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
        f"Latency in ms over {runs} runs per path (median / p95); hits as each path counts them "
        "(service / database).",
        "",
        "| Query | Parameters | Hits | Service | Raw Elasticsearch | Database backend "
        "| Service ÷ raw | Database ÷ service |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for t in timings:
        lines.append(
            f"| {t.label} | `{t.params}` | {t.counts['service']:,} / {t.counts['database']:,} "
            f"| {_ms(t.median('service'))} / {_ms(t.p95('service'))} "
            f"| {_ms(t.median('raw'))} / {_ms(t.p95('raw'))} "
            f"| {_ms(t.median('database'))} / {_ms(t.p95('database'))} "
            f"| {t.median('service') / t.median('raw'):.2f} "
            f"| {t.median('database') / t.median('service'):.1f} |"
        )
    totals = {path: sum(t.median(path) for t in timings) for path in ("service", "raw", "database")}
    overhead = totals["service"] / totals["raw"]
    slowdown = totals["database"] / totals["service"]
    lines.append(
        f"| **All queries** (sum of medians) | | "
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
