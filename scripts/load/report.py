"""The rehearsal's tables, printed and written to docs/load.md."""

import datetime
import os
import platform
import subprocess
from pathlib import Path

from observe import CHANNELS
from stack import GUNICORN_WORKERS, REPO
from steps import StepResult, server_errors

HEADER = """# Load rehearsal

Written by `make load` (scripts/load/, `make load-quick` for a short run, `make load-faults`
for the faults alone): the stack docs/deploy.md describes, on one machine, under Locust,
with staff publishing and injected faults. Re-run it to replace this file; each process's
log and Locust's CSV files stay in var/load/ afterwards.

What runs (section "The rehearsal" of docs/deploy.md has the details):

- PostgreSQL: a throwaway cluster from scripts/postgres.sh (`fsync` off: a test cluster).
- Elasticsearch: two nodes of the local distribution (scripts/elasticsearch/es.sh), 512 MB
  heap each, HTTP on 127.0.0.1:9211 and :9212, transport on :9311 and :9312, seeded to each
  other only (the development node on 9200 is neither used nor touched); every index has one
  replica (the first bulk load runs without it, then the replica is copied, as Elasticsearch
  advises).
- gunicorn with `cms.settings.production` on 127.0.0.1, the systemd unit's options, a
  generated `SECRET_KEY`, `SECURE_SSL_REDIRECT=false` (no TLS proxy in front); static files
  from WhiteNoise after `collectstatic` into a temporary `STATIC_ROOT`.
- `manage.py db_worker` for the tasks (the search outbox: `SEARCH_SYNC_APPLY=task`) and
  `manage.py db_worker --backend webhooks`, with a local receiver as the partner's endpoint.
- Releases loaded by the benchmark loader (bench/loader.py), then indexed.
- Locust (headless, 127.0.0.1 only): readers (home, lists with filters and pages, release
  pages, 80 % among the newest 5,000 and 20 % over the whole archive, the search page with
  and without a facet, the JSON autocomplete, feeds, a static file) and partners (API list
  and detail with `If-None-Match`, the changes feed, API search, with a token). Every
  simulated client comes from 127.0.0.1, so the rehearsal raises the per-address rate limits.
  Readers pause 0.2 to 1 s between requests, partners 0.5 to 2 s.
- Then steps of one kind of request: release pages among the 200 newest (read once before,
  so the cache holds them: a few releases going viral) with readers' pauses, the same pages
  at full speed (no pause: each user keeps one request in flight, so the step measures what
  the server can serve) cached and uncached (a query string no other request has), and the
  search page with facets. The cache's gain is the ratio of the two full-speed steps.
- A staff user publishing a release every few seconds as the admin does (`add_child`,
  `save_revision().publish()`), and a watcher timing when each release shows on every channel.

**Shared machine**: 2 cores, shared with other jobs that were running test suites at the
same time; the load generator, both Elasticsearch nodes and PostgreSQL run on the same cores
as gunicorn. Ratios within one run mean more than absolute figures.
"""


def _ms(value) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _s(value) -> str:
    return "-" if value is None else f"{value:.1f}"


def machine_table(context: dict) -> list[str]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%h %s"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    rows = [
        ("Date", datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("Commit", commit),
        ("CPU", f"{cpu}, {len(os.sched_getaffinity(0))} cores"),
        ("Load average at the end (1, 5, 15 min)", ", ".join(f"{v:.2f}" for v in os.getloadavg())),
        ("Python", platform.python_version()),
        ("gunicorn", f"{GUNICORN_WORKERS} sync workers, timeout 60 s, `cms.settings.production`"),
        *context.items(),
    ]
    return ["| | |", "| --- | --- |", *(f"| {key} | {value} |" for key, value in rows)]


def step_table(result: StepResult) -> list[str]:
    lines = [
        f"**{result.label}** — {result.users} users, {result.seconds:.0f} s; "
        f"5xx: {server_errors(result)}",
        "",
        "| Endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result.rows:
        name = "**all**" if row["name"] == "Aggregated" else row["name"]
        lines.append(
            f"| {name} | {row['requests']:,} | {row['rps']:.1f} | {_ms(row['p50'])} | "
            f"{_ms(row['p95'])} | {_ms(row['p99'])} | {_ms(row['max'])} | {row['failures']} |"
        )
    if result.failures:
        lines += ["", "| Failed endpoint | error | count |", "| --- | --- | ---: |"]
        lines += [
            f"| {f['name']} | {f['error'][:120].replace('|', '/')} | {f['count']} |"
            for f in result.failures
        ]
    return lines


def visibility_table(label: str, summary: dict) -> list[str]:
    lines = [
        f"**Publish → visible, {label}** (seconds from `publish()` returning; polled every second)",
        "",
        "| Channel | releases | visible | median s | worst s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for channel in CHANNELS:
        row = summary[channel]
        lines.append(
            f"| {channel} | {row['releases']} | {row['visible']} | {_s(row['median'])} | "
            f"{_s(row['max'])} |"
        )
    return lines


def goals_table(goals: list[tuple[str, str, bool | None]]) -> list[str]:
    lines = ["| Goal | measured | met |", "| --- | --- | --- |"]
    mark = {True: "yes", False: "**no**", None: "not measured"}
    lines += [f"| {goal} | {measured} | {mark[met]} |" for goal, measured, met in goals]
    return lines


def report_write(sections: list[tuple[str, list[str]]], *, path: Path) -> str:
    """The whole report as Markdown, printed and written to ``path``."""
    text = HEADER
    for title, lines in sections:
        text += f"\n## {title}\n\n" + "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    print(text)
    return text
