"""Index updates through the outbox instead of modelsearch's in-request tasks.

modelsearch connects its own post_save/post_delete handlers for every indexed model; they
index inside the editor's request and drop the change when the engine is down.
``signal_handlers_replace`` swaps them for ours, which record the change durably first.
"""

from django.db.models.signals import post_delete, post_save
from modelsearch import signal_handlers as modelsearch_handlers
from wagtail.search import index

from search.models import IndexChange
from search.outbox import index_change_record, outbox_apply_soon
from search.vocabulary import vocabulary_forget


def post_save_handler(instance, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata: the object may not be complete yet; update_index covers fixtures
        return
    vocabulary_forget()
    if index_change_record(instance=instance, action=IndexChange.Action.UPSERT):
        outbox_apply_soon()


def post_delete_handler(instance, **kwargs) -> None:
    vocabulary_forget()
    index_change_record(instance=instance, action=IndexChange.Action.DELETE)
    outbox_apply_soon()


def signal_handlers_replace() -> None:
    for model in index.get_indexed_models():
        post_save.disconnect(modelsearch_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(modelsearch_handlers.post_delete_signal_handler, sender=model)
        if not getattr(model, "search_auto_update", True):
            continue
        post_save.connect(post_save_handler, sender=model, dispatch_uid=f"search-outbox-{model}")
        post_delete.connect(
            post_delete_handler, sender=model, dispatch_uid=f"search-outbox-delete-{model}"
        )
