"""One Locust run: headless, bounded users and time, 127.0.0.1 only; its figures as rows."""

import csv
import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from stack import BIN, REPO, Stack

LOCUSTFILE = Path(__file__).with_name("locustfile.py")
SERVER_ERROR = re.compile(r"\b5\d\d\b")
# How many of the newest releases the release-only steps read (locustfile.py's ``VIRAL``).
VIRAL = 200


@dataclass
class StepResult:
    """Per endpoint: requests, failures, req/s and percentiles (ms); failures by message."""

    label: str
    users: int
    seconds: float
    started: float
    rows: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    visibility: dict = field(default_factory=dict)

    def row(self, name: str) -> dict | None:
        return next((row for row in self.rows if row["name"] == name), None)


def locust_start(
    stack: Stack,
    *,
    label: str,
    users: int,
    seconds: int,
    mix: str,
    targets: Path,
    think: bool = True,
):
    """Starts Locust in the background; ``locust_finish`` collects its figures. Without
    ``think`` each user sends its next request as soon as the last one is answered."""
    prefix = stack.workdir / f"locust-{label.replace(' ', '-')}"
    command = [
        str(BIN / "locust"),
        f"--locustfile={LOCUSTFILE}",
        "--headless",
        f"--users={users}",
        f"--spawn-rate={max(users // 2, 1)}",
        f"--run-time={seconds}s",
        "--stop-timeout=10",
        f"--host={stack.base_url}",
        f"--csv={prefix}",
        "--only-summary",
        "--loglevel=WARNING",
    ]
    env = {
        **os.environ,
        "LOAD_TARGETS": str(targets),
        "LOAD_MIX": mix,
        "LOAD_THINK": "1" if think else "0",
        "LOAD_VIRAL": str(VIRAL),
    }
    log = stack.log(f"locust-{label.replace(' ', '-')}")
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=log)
    return (
        process,
        StepResult(label=label, users=users, seconds=seconds, started=time.time()),
        prefix,
    )


def locust_finish(process: subprocess.Popen, result: StepResult, prefix: Path) -> StepResult:
    process.wait()
    result.rows = _stats(Path(f"{prefix}_stats.csv"))
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        with failures.open(encoding="utf-8") as file:
            result.failures = [
                {"name": row["Name"], "error": row["Error"], "count": int(row["Occurrences"])}
                for row in csv.DictReader(file)
            ]
    return result


def locust_run(stack: Stack, **kwargs) -> StepResult:
    return locust_finish(*locust_start(stack, **kwargs))


def _stats(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as file:
        return [
            {
                "name": row["Name"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": _number(row["50%"]),
                "p95": _number(row["95%"]),
                "p99": _number(row["99%"]),
                "max": _number(row["Max Response Time"]),
            }
            for row in csv.DictReader(file)
        ]


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def server_errors(result: StepResult) -> int:
    """Failures that were 5xx answers (the rest: connection errors, timeouts, 4xx)."""
    return sum(
        failure["count"] for failure in result.failures if SERVER_ERROR.search(failure["error"])
    )
