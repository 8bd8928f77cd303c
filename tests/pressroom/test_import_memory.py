"""The import streams: memory stays flat however long the file is.

Under tracemalloc the import runs at about a third of its speed, so the suite imports
2,500 lines (peak after 500 vs after 2,500); set PRESSROOM_IMPORT_MEMORY_LINES=10000 for
the full measurement recorded in docs/import-format.md.
"""

import os
import time
import tracemalloc

from home.demo import demo_lines
from pressroom.importing.service import press_releases_import

LINES = int(os.environ.get("PRESSROOM_IMPORT_MEMORY_LINES", "2500"))
CHECKPOINT = LINES // 5


def test_import_memory_does_not_grow_with_the_number_of_lines(site_tree, tmp_path, capsys):
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
