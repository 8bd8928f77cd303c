"""The import streams: a 3,000-line file imports in bounded memory.

Python's live allocations are counted with ``sys.getallocatedblocks()`` after a full
collection, at 1,000 lines and at 3,000: an import that kept anything per line
(records, pages, results) would add tens of thousands of blocks per thousand lines.
tracemalloc would measure the same thing but slows the import threefold; the figures
recorded in docs/import-format.md were taken with it.
"""

import gc
import sys
import time

import pytest
from django.db import connection

from demo.generator import demo_lines
from pressroom.importing.service import press_releases_import

LINES = 3_000
CHECKPOINT = 1_000
# Blocks allowed to appear between the checkpoints: room for caches that fill up and
# stop (the organization cache, Django's and Wagtail's), below one object per line.
ALLOWED_GROWTH = 5_000


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="memory use is the importer's, measured once on the embedded database",
)
def test_a_3000_line_file_imports_in_bounded_memory(site_tree, tmp_path, capsys):
    path = tmp_path / "releases.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for line in demo_lines(count=LINES):
            stream.write(line + "\n")
    blocks: dict[int, int] = {}

    def at_checkpoint(result) -> None:
        if result.line_number == CHECKPOINT:
            gc.collect()
            blocks[CHECKPOINT] = sys.getallocatedblocks()

    started = time.perf_counter()
    with path.open("rb") as lines:
        summary = press_releases_import(lines=lines, on_result=at_checkpoint)
    elapsed = time.perf_counter() - started
    gc.collect()
    blocks[LINES] = sys.getallocatedblocks()

    assert (summary.created, summary.rejected) == (LINES, 0)
    growth = blocks[LINES] - blocks[CHECKPOINT]
    assert growth < ALLOWED_GROWTH, blocks
    with capsys.disabled():
        print(
            f"\nimport: {LINES / elapsed:.0f} lines/s; {growth} blocks added between "
            f"line {CHECKPOINT} ({blocks[CHECKPOINT]}) and line {LINES}"
        )
