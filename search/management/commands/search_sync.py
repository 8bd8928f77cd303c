"""``manage.py search_sync``: replay the search outbox onto the engine now."""

import time

from django.core.management.base import BaseCommand, CommandError

from search.models import IndexChange
from search.outbox import ApplyResult, outbox_apply


class Command(BaseCommand):
    help = (
        "Applies every index change the search engine has not taken yet (the outbox), "
        "latest state per object. Exits non-zero when the engine is unreachable."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Outbox rows per round trip to the engine (default 500).",
        )

    def handle(self, *args, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        total = IndexChange.objects.count()
        if not total:
            self.stdout.write("Search outbox is empty: the index is up to date.")
            return
        self.stdout.write(f"Applying {total} pending index change(s)...")
        started = time.monotonic()
        progress = self._progress_printer(total, started)
        result = outbox_apply(force=True, batch_size=batch_size, on_progress=progress)
        if self.stdout.isatty():
            self.stdout.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Applied {result.applied} change(s) as {result.objects} index operation(s) "
            f"in {elapsed:.1f}s; {result.failed} refused; {result.remaining} still pending."
        )
        if result.unreachable:
            raise CommandError(f"The search engine is unreachable: {result.error}")
        if result.failed:
            raise CommandError(
                f"{result.failed} change(s) were refused by the engine; see the log and "
                "the outbox's last_error."
            )

    def _progress_printer(self, total: int, started: float):
        """Overwrites one line with done/total, rate and ETA on a terminal; silent otherwise."""
        if not self.stdout.isatty():
            return None

        def show(result: ApplyResult) -> None:
            done = result.applied + result.failed
            elapsed = max(time.monotonic() - started, 1e-6)
            rate = done / elapsed
            eta = (total - done) / rate if rate else 0
            self.stdout.write(f"\r{done}/{total} changes, {rate:.0f}/s, ETA {eta:.0f}s ", ending="")
            self.stdout.flush()

        return show
