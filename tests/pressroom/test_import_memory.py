"""The import streams: memory stays flat however long the file is."""

import time
import tracemalloc

from home.demo import demo_lines
from pressroom.importing.service import press_releases_import

LINES = 10_000
CHECKPOINT = 2_000


def test_ten_thousand_lines_import_in_bounded_memory(site_tree, tmp_path, capsys):
    path = tmp_path / "releases.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for line in demo_lines(count=LINES):
            stream.write(line + "\n")
    peaks: dict[int, int] = {}

    def at_checkpoint(result) -> None:
        if result.line_number == CHECKPOINT:
            peaks[CHECKPOINT] = tracemalloc.get_traced_memory()[1]

    started = time.perf_counter()
    tracemalloc.start()
    try:
        with path.open("rb") as lines:
            summary = press_releases_import(lines=lines, on_result=at_checkpoint)
        peaks[LINES] = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started

    assert (summary.created, summary.rejected) == (LINES, 0)
    assert peaks[LINES] < 2 * peaks[CHECKPOINT], peaks
    with capsys.disabled():
        print(
            f"\nimport: {LINES / elapsed:.0f} lines/s under tracemalloc; peak "
            f"{peaks[CHECKPOINT] / 2**20:.1f} MiB after {CHECKPOINT}, "
            f"{peaks[LINES] / 2**20:.1f} MiB after {LINES}"
        )
