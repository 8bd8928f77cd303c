"""The API benchmark's results as Markdown tables, ready to paste into docs/benchmarks.md."""

from .api_runner import PAGE_SIZES, ApiBenchResult

# The aims (docs/benchmarks.md): our list at least twice the throughput of Wagtail's own
# listing, a constant number of SQL queries (at most 6) whatever the page size, and 304s at
# least five times cheaper than 200s.
THROUGHPUT_AIM = 2.0
MAX_QUERIES = 6
NOT_MODIFIED_AIM = 5.0

OURS_LIST = "Ours: list, 20, all fields"
WAGTAIL_LIST = "Wagtail: pages list, 20"
CONDITIONAL_PAIRS = [
    ("list, 20, all fields", OURS_LIST, "Ours: list, 20, If-None-Match (304)"),
    ("detail, all fields", "Ours: detail, all fields", "Ours: detail, If-None-Match (304)"),
]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _queries_table(result: ApiBenchResult) -> list[str]:
    lines = [
        "",
        "SQL queries per request, by page size (`limit`).",
        "",
        "| Endpoint | " + " | ".join(f"limit={size}" for size in PAGE_SIZES) + " |",
        "| --- | " + " | ".join("---" for _ in PAGE_SIZES) + " |",
    ]
    for row in result.queries:
        cells = [str(row.counts[size]) if size in row.counts else "" for size in PAGE_SIZES]
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    return lines


def bench_api_report(*, context: list[tuple[str, str]], result: ApiBenchResult) -> str:
    timings = result.timings
    lines = ["| | |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in context]
    lines += [
        "",
        "Requests/s of one client, one request at a time; latency in ms (median / p95).",
        "",
        "| Endpoint | Request | Status | Runs | Requests/s | Median | p95 | Bytes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, timing in timings.items():
        lines.append(
            f"| {label} | `{timing.url}` | {timing.status} | {len(timing.seconds)} "
            f"| {timing.per_second:.1f} | {_ms(timing.median)} | {_ms(timing.p95)} "
            f"| {result.body_bytes.get(label, 0):,} |"
        )
    lines += _queries_table(result)
    lines += [
        "",
        "Conditional requests: the same request with the ETag of a previous answer.",
        "",
        "| Request | 200 median | 304 median | 200 ÷ 304 |",
        "| --- | --- | --- | --- |",
    ]
    ratios = []
    for label, full, not_modified in CONDITIONAL_PAIRS:
        ratio = timings[full].median / timings[not_modified].median
        ratios.append(ratio)
        lines.append(
            f"| {label} | {_ms(timings[full].median)} | {_ms(timings[not_modified].median)} "
            f"| {ratio:.1f} |"
        )
    throughput = timings[OURS_LIST].per_second / timings[WAGTAIL_LIST].per_second
    ours_list = next(row for row in result.queries if row.label == "Ours: list, all fields")
    list_queries = set(ours_list.counts.values())
    constant = len(list_queries) == 1 and max(list_queries) <= MAX_QUERIES
    lines += [
        "",
        f"- Same 20 pages in our list and Wagtail's: {'yes' if result.same_pages else 'NO'}.",
        f"- Throughput of our list (all fields) over Wagtail's listing: {throughput:.2f}x "
        f"(aim: at least {THROUGHPUT_AIM:.0f}x): {_met(throughput >= THROUGHPUT_AIM)}.",
        "- SQL queries of our list at limit "
        + ", ".join(f"{size}: {ours_list.counts[size]}" for size in PAGE_SIZES)
        + f" (aim: constant, at most {MAX_QUERIES}): {_met(constant)}.",
        f"- 304 over 200: {', '.join(f'{ratio:.1f}x' for ratio in ratios)} (list, detail; aim: "
        f"at least {NOT_MODIFIED_AIM:.0f}x): {_met(min(ratios) >= NOT_MODIFIED_AIM)}.",
        "",
        "Slowest SQL of our list at limit=20:",
        "",
        *[f"    {query}" for query in result.slowest_queries],
    ]
    return "\n".join(lines)
