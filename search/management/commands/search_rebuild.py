"""``manage.py search_rebuild``: Wagtail's ``update_index`` with a progress bar (rate and ETA).

The rebuild is Wagtail's own: with ``ATOMIC_REBUILD`` (modelsearch's default) every index is
built under a new name while searches keep using the old one through its alias, and the alias
is moved at the end (docs/search-resilience.md). This command only shows the progress, on
stderr, with tqdm. It cannot be called ``update_index``: Django runs the command of the first
app in INSTALLED_APPS that defines a name, and ``wagtail.search`` must come before ``search``
(search/apps.py).
"""

import sys
import time

from tqdm import tqdm
from wagtail.search.backends import get_search_backend
from wagtail.search.management.commands.update_index import Command as UpdateIndexCommand


class Command(UpdateIndexCommand):
    help = (
        "Rebuilds the search indexes as Wagtail's update_index does (a new index per alias, "
        "swapped in when complete), showing documents done, rate and ETA per model on stderr."
    )

    def execute(self, *args, **options):
        # tqdm redraws its line with "\r"; Django's stderr wrapper would end every write with a
        # newline, so the bar goes to the stream underneath it.
        self.progress_file = options.get("stderr") or sys.stderr
        return super().execute(*args, **options)

    def update_backend(self, backend_name, *args, **kwargs):
        backend = get_search_backend(backend_name)
        atomic = getattr(backend, "atomic_rebuilder_class", None)
        if atomic and backend.rebuilder_class is not atomic:
            self.stderr.write(
                f"{backend_name}: ATOMIC_REBUILD is off, so each index is emptied first and "
                "searches miss documents until its rebuild ends."
            )
        self._documents, started = 0, time.monotonic()
        super().update_backend(backend_name, *args, **kwargs)
        elapsed = time.monotonic() - started
        self.write(
            f"{backend_name}: {self._documents} documents in {elapsed:.1f}s "
            f"({self._documents / max(elapsed, 1e-6):.0f}/s)"
        )

    def queryset_chunks(self, qs, *args, **kwargs):
        """Wagtail's chunks; the count taken here is the total of the bar that shows them."""
        self._bar_total = qs.count()
        self._bar_label = f"{qs.model._meta.app_label}.{qs.model.__name__}"
        return super().queryset_chunks(qs, *args, **kwargs)

    def print_iter_progress(self, iterable):
        """Replaces Wagtail's dot per chunk (called on ``queryset_chunks``' result)."""
        with tqdm(
            total=self._bar_total,
            desc=self._bar_label,
            unit="doc",
            file=self.progress_file,
            disable=self.verbosity == 0,
            mininterval=0.5,
            dynamic_ncols=True,
        ) as bar:
            for chunk in iterable:
                yield chunk  # the caller indexes the chunk before asking for the next one
                bar.update(len(chunk))
                self._documents += len(chunk)
