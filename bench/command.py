"""What the benchmark commands (``bench_search``, ``bench_api``) share: their environment
knobs, the machine they ran on, and loading plus checking the generated releases."""

import datetime
import os
import platform

from django.core.management.base import CommandError
from django.db import connection
from tqdm import tqdm

from .loader import BenchDataExists, LoadResult, bench_releases_load
from .verify import bench_tree_problems


def bench_positive(name: str, default: int) -> int:
    """A whole number above 0 from the environment variable ``name``, else ``default``."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise CommandError(f"{name} must be a whole number above 0, not {value!r}.")
    return int(value)


def bench_cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def bench_releases_fill(*, count: int, stderr) -> LoadResult:
    """Loads ``count`` generated releases with a progress bar, then checks them as Wagtail
    would see them; a refused or unsound load ends the command."""
    with tqdm(total=count, unit=" releases", desc="Loading", mininterval=1) as bar:
        try:
            load = bench_releases_load(count=count, on_progress=bar.update)
        except BenchDataExists as error:
            raise CommandError(str(error)) from error
    problems = bench_tree_problems(expected=count)
    if problems:
        raise CommandError("The loaded pages are not sound:\n" + "\n".join(problems))
    stderr.write("Loaded pages checked: tree consistent, sample pages served.")
    return load


def bench_machine_context(
    *, started: datetime.datetime, load_average: tuple[float, ...], count: int
) -> list[tuple[str, str]]:
    """The rows each report opens with: when, how many releases, on what machine and database,
    so that figures from different runs can be compared."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT 1")
        database_version = str(cursor.fetchone()[0]).split(" on ")[0]
    return [
        ("Date", started.strftime("%Y-%m-%d %H:%M %Z")),
        ("Releases (N)", f"{count:,}"),
        ("CPU", bench_cpu_model()),
        ("CPUs available", str(len(os.sched_getaffinity(0)))),
        ("Load average at start (1, 5, 15 min)", ", ".join(f"{v:.2f}" for v in load_average)),
        ("Load average at end", ", ".join(f"{v:.2f}" for v in os.getloadavg())),
        ("Python", platform.python_version()),
        ("Database", database_version),
    ]
