"""``manage.py search_rebuild``: Wagtail's rebuild behind an alias, with progress on stderr.

Operators run it after a mapping change (docs/search-resilience.md); readers must not notice.
"""

import io
import re
import threading
import time

from django.core.management import call_command
from django.http import QueryDict
from wagtail.search.index import get_indexed_models

from pressroom.models import PressReleasePage
from search.query import parse_search_query
from search.service import search_run
from tests.factories import PressReleasePageFactory


def rebuild() -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("search_rebuild", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def concrete_indexes(es, alias: str) -> set[str]:
    return set(es.indices.get_alias(name=alias))


class Searcher(threading.Thread):
    """Asks Elasticsearch, through the alias, how many releases match, until stopped."""

    def __init__(self, es, alias: str):
        super().__init__(daemon=True)
        self.es, self.alias = es, alias
        self.answers: list[tuple[float, int | Exception]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                count = self.es.count(index=self.alias, query={"match": {"title": "drought"}})
                self.answers.append((time.monotonic(), count["count"]))
            except Exception as error:  # an answer too: the test reports it
                self.answers.append((time.monotonic(), error))


def test_a_rebuild_swaps_the_alias_to_a_new_index_while_searches_keep_answering(
    elasticsearch_backend, site_tree
):
    for n in range(3):
        PressReleasePageFactory(parent=site_tree["en"].releases, title=f"Drought report {n}")
    es = elasticsearch_backend.es
    alias = elasticsearch_backend.get_index_for_model(PressReleasePage).name
    rebuild()  # the test index starts as a concrete index; from now on it is an alias
    before = concrete_indexes(es, alias)
    searcher = Searcher(es, alias)
    searcher.start()

    started = time.monotonic()
    out, _err = rebuild()
    finished = time.monotonic()
    time.sleep(0.2)
    searcher.stopped.set()
    searcher.join()

    after = concrete_indexes(es, alias)
    assert len(after) == 1 and after.isdisjoint(before)
    assert not es.indices.exists(index=list(before))  # the old index is gone
    during = [answer for at, answer in searcher.answers if started <= at <= finished]
    assert during, "no search ran during the rebuild"
    # Every search answered and found the releases; at the swap, for an instant, the alias
    # names both indexes (Wagtail adds the new one before deleting the old), hence >= 3.
    assert all(isinstance(answer, int) and answer >= 3 for _at, answer in searcher.answers)
    query = parse_search_query(QueryDict("q=drought&type=press_release"), language="en")
    assert search_run(query=query, language="en").count == 3
    indexed = sum(model.get_indexed_objects().count() for model in get_indexed_models())
    assert re.search(rf"default: {indexed} documents in [\d.]+s \(\d+/s\)", out)


def test_a_rebuild_shows_each_models_progress_with_rate_and_eta_on_stderr(
    elasticsearch_backend, site_tree
):
    for n in range(3):
        PressReleasePageFactory(parent=site_tree["en"].releases, title=f"Flood report {n}")

    _out, err = rebuild()

    # tqdm's line: "pressroom.PressReleasePage: 100%|...| 3/3 [00:00<00:00, 41.5doc/s]"
    assert re.search(
        r"pressroom\.PressReleasePage: 100%.*3/3 \[\d\d:\d\d<\d\d:\d\d, +[\d.]+doc/s\]", err
    )
    assert "directory.Organization" in err
