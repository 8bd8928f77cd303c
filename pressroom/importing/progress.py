"""What the import commands show while they run: a progress bar and the rejections."""

import contextlib
import logging
import sys
from collections.abc import Iterable, Iterator

from django.core.management.base import BaseCommand
from tqdm import tqdm

from .service import ImportSummary, LineResult, Outcome, press_releases_import

# Wagtail and django-tasks log every page and task at INFO; over thousands of lines that
# would bury the rejections the operator must read.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


def command_import(
    *,
    command: BaseCommand,
    lines: Iterable[str | bytes],
    total: int | None,
    publish: bool,
    source: str,
    verbosity: int = 1,
) -> ImportSummary:
    """Imports with a rate/ETA bar when stdout is a terminal; each rejection goes to
    stderr with its line number as it happens."""
    interactive = command.stdout.isatty()
    with (
        tqdm(
            total=total,
            unit=" lines",
            disable=not interactive,
            file=sys.stdout,
            dynamic_ncols=True,
        ) as bar,
        _quiet(CHATTY_LOGGERS, enabled=verbosity < 2),
    ):

        def on_result(result: LineResult) -> None:
            bar.update(1)
            if result.outcome is Outcome.REJECTED:
                message = f"line {result.line_number}: {result.reason}"
                if interactive:
                    bar.write(message, file=sys.stderr)
                else:
                    command.stderr.write(message)

        return press_releases_import(
            lines=lines, publish=publish, source=source, on_result=on_result
        )


@contextlib.contextmanager
def _quiet(names: Iterable[str], *, enabled: bool) -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in names] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
