"""The production rehearsal's driver (``make load``, ``make load-faults``; docs/load.md).

Run by scripts/load/run.sh inside scripts/postgres.sh (which owns the PostgreSQL cluster):
starts the rest of the stack (stack.py), loads and indexes ``LOAD_N`` releases, runs Locust
in steps of users while a staff user publishes, injects the faults asked for (faults.py),
prints the tables and writes docs/load.md. Whatever happens, everything it started is
stopped and its files deleted.
"""

import argparse
import json
import os
import signal
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from faults import FAULTS
from observe import VisibilityWatcher, WebhookReceiver, http_get
from report import goals_table, machine_table, report_write, step_table, visibility_table
from stack import REPO, Stack
from steps import VIRAL, StepResult, locust_run, server_errors


def _interrupted(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def _settings(quick: bool) -> dict:
    return {
        "count": int(os.environ.get("LOAD_N", "2000" if quick else "100000")),
        "step_seconds": int(os.environ.get("LOAD_STEP_SECONDS", "30" if quick else "120")),
        "steps": [int(n) for n in os.environ.get("LOAD_STEPS", "10,50,100").split(",")],
        "publish_every": float(os.environ.get("LOAD_PUBLISH_EVERY", "3")),
        "fault_seconds": int(os.environ.get("LOAD_FAULT_SECONDS", "40" if quick else "90")),
        "outage_seconds": int(os.environ.get("LOAD_OUTAGE_SECONDS", "20" if quick else "60")),
    }


def _prepare(stack: Stack, receiver: WebhookReceiver, count: int) -> tuple[Path, dict]:
    stack.elasticsearch_start()
    stack.manage("migrate", "--noinput", "-v", "0")
    stack.manage("collectstatic", "--noinput", "-v", "0")
    targets_path = stack.workdir / "targets.json"
    started = time.monotonic()
    stack.manage(
        "load_prepare",
        f"--count={count}",
        f"--targets={targets_path}",
        f"--receiver={receiver.url}",
    )
    targets = json.loads(targets_path.read_text())
    manifest = json.loads((stack.workdir / "static" / "staticfiles.json").read_text())
    targets["static"] = "/static/" + manifest["paths"]["search/autocomplete.js"]
    targets_path.write_text(json.dumps(targets))
    health_url = f"{stack.nodes[0].url}/_cluster/health?wait_for_status=green&timeout=120s"
    with urllib.request.urlopen(health_url, timeout=130) as response:
        health = json.load(response)
    context = {
        "Releases": f"{targets['releases']:,} (loaded in {targets['load_seconds']:.0f} s, "
        f"indexed in {targets['index_seconds']:.0f} s; {time.monotonic() - started:.0f} s in all)",
        "Elasticsearch": f"2 nodes, 512 MB heap each; cluster {health['status']}, "
        f"{health['active_shards']} shards active ({health['active_primary_shards']} primaries)",
    }
    return targets_path, context


def _steps(stack, watcher, settings, targets_path) -> tuple[list, list[StepResult]]:
    sections, results = [], []
    for users in settings["steps"]:
        result = locust_run(
            stack,
            label=f"Mixed traffic, {users} users",
            users=users,
            seconds=settings["step_seconds"],
            mix="mixed",
            targets=targets_path,
        )
        summary = watcher.summary(since=result.started, until=result.started + result.seconds)
        results.append(result)
        result.visibility = summary
        sections.append(
            (result.label, [*step_table(result), "", *visibility_table(f"{users} users", summary)])
        )
    _warm(stack, targets_path)
    for label, users, mix, think in (
        ("Release pages only, 50 users", 50, "release", True),
        ("Release pages at full speed, cached, 10 users", 10, "release", False),
        ("Release pages at full speed, uncached, 10 users", 10, "release-uncached", False),
        ("Search page with facets only, 20 users", 20, "search", True),
    ):
        seconds = max(settings["step_seconds"] // 2, 20)
        result = locust_run(
            stack,
            label=label,
            users=users,
            seconds=seconds,
            mix=mix,
            targets=targets_path,
            think=think,
        )
        results.append(result)
        sections.append((label, step_table(result)))
    return sections, results


def _warm(stack: Stack, targets_path: Path) -> None:
    """Reads each release page the release-only steps read once, so the cached steps measure
    hits: a release that goes viral is read thousands of times for each time it renders."""
    paths = [release["path"] for release in json.loads(targets_path.read_text())["recent"]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda path: http_get(stack.base_url + path), paths[:VIRAL]))


def _goals(results: list[StepResult], count: int) -> list[tuple[str, str, bool | None]]:
    by_label = {result.label: result for result in results}
    mixed = [r for r in results if r.label.startswith("Mixed")]
    errors = sum(server_errors(r) + sum(f["count"] for f in r.failures) for r in mixed)
    cached = by_label.get("Release pages only, 50 users")
    cached_full = by_label.get("Release pages at full speed, cached, 10 users")
    uncached_full = by_label.get("Release pages at full speed, uncached, 10 users")
    search = by_label.get("Search page with facets only, 20 users")
    goals = [("Zero 5xx and zero failed requests in the steps", f"{errors} failed", errors == 0)]
    if (
        cached_full
        and uncached_full
        and all(step.row("Aggregated") for step in (cached_full, uncached_full))
    ):
        ratio = cached_full.row("Aggregated")["rps"] / max(
            uncached_full.row("Aggregated")["rps"], 0.01
        )
        goals.append(("Cached release pages ≥ 10x uncached req/s", f"{ratio:.1f}x", ratio >= 10))
    if cached and cached.row("Aggregated"):
        p95 = cached.row("Aggregated")["p95"]
        goals.append(("Cached release page p95 < 50 ms at 50 users", f"{p95:.0f} ms", p95 < 50))
    if search and search.row("Aggregated"):
        p95 = search.row("Aggregated")["p95"]
        goals.append(
            (
                f"Search page with facets p95 < 300 ms at 20 users ({count:,} releases)",
                f"{p95:.0f} ms",
                p95 < 300,
            )
        )
    at_50 = next((r for r in mixed if r.users == 50), None)
    if at_50 is not None:
        worst = [row["max"] for row in at_50.visibility.values()]
        missing = sum(row["releases"] - row["visible"] for row in at_50.visibility.values())
        slowest = max((w for w in worst if w is not None), default=None)
        met = missing == 0 and slowest is not None and slowest <= 5
        goals.append(
            (
                "Publish → visible on every channel ≤ 5 s at 50 users",
                f"worst {slowest:.1f} s, {missing} never seen" if slowest else "nothing seen",
                met,
            )
        )
    return goals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 releases, short steps")
    parser.add_argument("--faults", default="", help="comma-separated: a,b,c,d,e or all")
    parser.add_argument("--no-steps", action="store_true", help="only the faults")
    parser.add_argument("--report", type=Path, default=REPO / "docs" / "load.md")
    args = parser.parse_args()
    faults = list(FAULTS) if args.faults == "all" else [f for f in args.faults.split(",") if f]
    settings = _settings(args.quick)
    signal.signal(signal.SIGTERM, _interrupted)
    stack, receiver = Stack(), WebhookReceiver()
    sections: list[tuple[str, list[str]]] = []
    try:
        targets_path, context = _prepare(stack, receiver, settings["count"])
        targets = json.loads(targets_path.read_text())
        stack.gunicorn_start()
        stack.workers_start()
        watcher = VisibilityWatcher(
            base_url=stack.base_url, token=targets["token"], receiver=receiver
        )
        publisher = stack.publisher_start(every=settings["publish_every"], start=1)
        watcher.follow(publisher.stdout)
        results: list[StepResult] = []
        if not args.no_steps:
            step_sections, results = _steps(stack, watcher, settings, targets_path)
            sections += step_sections
        for name in faults:
            sections.append(
                FAULTS[name](
                    stack=stack,
                    watcher=watcher,
                    receiver=receiver,
                    settings=settings,
                    targets=targets_path,
                )
            )
        published = [p for p in watcher.published if "error" not in p]
        context["Staff publishes"] = (
            f"{len(published)} succeeded, {len(watcher.published) - len(published)} failed, "
            f"one every {settings['publish_every']:.0f} s"
        )
        sections.insert(0, ("Machine and stack", machine_table(context)))
        if results:
            sections.insert(1, ("Goals", goals_table(_goals(results, settings["count"]))))
        report_write(sections, path=args.report)
        return 0
    finally:
        stack.close()
        receiver.close()


if __name__ == "__main__":
    sys.exit(main())
