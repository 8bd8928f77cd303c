"""Rebuilding a search backend's indexes the way ``manage.py update_index`` does, timed.

The same steps as modelsearch's command (group the indexed models by index, start the
backend's rebuilder, add each model's ``get_indexed_objects()`` in chunks, finish, which
swaps the Elasticsearch alias), so the benchmark measures what an operator's rebuild costs;
only the progress display differs: a bar with rate and ETA instead of dots.
"""

import time
from dataclasses import dataclass

from django.db import transaction
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from tqdm import tqdm
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

CHUNK_SIZE = 1000


@dataclass(frozen=True)
class RebuildResult:
    backend: str
    documents: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def bench_index_rebuild(*, backend_name: str, chunk_size: int = CHUNK_SIZE) -> RebuildResult:
    """Rebuilds every index of the named backend from the database."""
    backend = get_search_backend(backend_name)
    grouped = group_models_by_index(backend, get_indexed_models())
    total = sum(
        model.get_indexed_objects().count() for models in grouped.values() for model in models
    )
    started = time.perf_counter()
    documents = 0
    with tqdm(total=total, unit=" docs", desc=f"Indexing ({backend_name})", mininterval=1) as bar:
        for index, models in grouped.items():
            rebuilder = backend.rebuilder_class(index)
            new_index = rebuilder.start()
            for model in models:
                new_index.add_model(model)
            for model in models:
                for chunk in _chunks(model.get_indexed_objects().order_by("pk"), chunk_size):
                    new_index.add_items(model, chunk)
                    documents += len(chunk)
                    bar.update(len(chunk))
            rebuilder.finish()
    return RebuildResult(
        backend=backend_name, documents=documents, seconds=time.perf_counter() - started
    )


def _chunks(queryset, size: int):
    """Lists of ``size`` objects, by primary key ranges (as update_index, in one transaction,
    so that the rows do not change under the rebuild)."""
    with transaction.atomic():
        last_pk = None
        while True:
            page = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
            items = list(page[:size])
            if not items:
                return
            yield items
            last_pk = items[-1].pk
