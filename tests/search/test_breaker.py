"""The read breaker: after Elasticsearch fails a search, the next searches within the cool-down
go straight to the database, and after it one search probes the engine again.

The "engine" is a real local TCP listener that counts the connections made to it: one that
hangs up at once (a refused request, fast) and one that never answers (a hung node, which
costs the reader the read timeout). No part of the Elasticsearch client is replaced.
"""

import socket
import threading
import time
from contextlib import contextmanager

import pytest

from search.breaker import CircuitBreaker, engine_key, read_breaker
from search.service import READ_TIMEOUT
from tests.search.conftest import BACKEND


class Listener:
    """Accepts connections on a loopback port and counts them; never answers a request."""

    def __init__(self, *, hang_up: bool):
        self.hang_up = hang_up
        self.connections: list[socket.socket] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    @property
    def accepted(self) -> int:
        return len(self.connections)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _address = self._server.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)
            if self.hang_up:
                connection.close()

    @contextmanager
    def running(self):
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join()
            for connection in self.connections:
                connection.close()
            self._server.close()


def _engine_at(settings, url: str, *, cool_down: float) -> None:
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": BACKEND, "URLS": [url], "INDEX_PREFIX": "test_breaker_"}
    }
    settings.SEARCH_SYNC = {**settings.SEARCH_SYNC, "RETRY_AFTER": cool_down}


@pytest.fixture
def refusing_engine(settings, site_tree):
    with Listener(hang_up=True).running() as listener:
        _engine_at(settings, listener.url, cool_down=60)
        yield listener


@pytest.fixture
def hung_engine(settings, site_tree):
    with Listener(hang_up=False).running() as listener:
        _engine_at(settings, listener.url, cool_down=60)
        yield listener


def _search(client, q: str = "water") -> dict:
    data = client.get("/en/search/json/", {"q": q}).json()
    assert data["degraded"] is True
    return data


def test_after_a_failed_search_the_engine_is_left_alone_for_the_cool_down(client, refusing_engine):
    _search(client)
    assert refusing_engine.accepted == 1

    _search(client)
    _search(client, "aid")
    client.get("/en/search/autocomplete/", {"q": "wat"})

    assert refusing_engine.accepted == 1


def test_after_the_cool_down_one_search_probes_the_engine_again(client, settings, refusing_engine):
    settings.SEARCH_SYNC = {**settings.SEARCH_SYNC, "RETRY_AFTER": 0.3}
    _search(client)
    time.sleep(0.4)

    _search(client)
    assert refusing_engine.accepted == 2
    # The probe failed: the breaker is open again for a whole cool-down.
    _search(client)
    assert refusing_engine.accepted == 2


def test_a_hung_engine_costs_one_read_timeout_per_cool_down(client, hung_engine):
    started = time.monotonic()
    _search(client)
    first = time.monotonic() - started
    started = time.monotonic()
    _search(client)
    second = time.monotonic() - started

    assert first >= READ_TIMEOUT - 0.5
    assert second < READ_TIMEOUT - 0.5
    assert hung_engine.accepted == 1


def test_an_engine_that_answers_the_probe_closes_the_breaker(
    client, site_tree, elasticsearch_backend
):
    engine = engine_key(elasticsearch_backend)
    read_breaker.failed(engine, cool_down=0)  # a failure whose cool-down is over

    data = client.get("/en/search/json/", {"q": "water"}).json()

    assert data["degraded"] is False
    assert read_breaker.allows(engine) and read_breaker.allows(engine)  # closed, not probing


def test_while_one_search_probes_the_others_still_skip_the_engine():
    breaker = CircuitBreaker()
    breaker.failed("engine", cool_down=0)

    assert breaker.allows("engine") is True  # the probe
    assert breaker.allows("engine") is False  # everyone else, until the probe's answer
    breaker.failed("engine", cool_down=60)
    assert breaker.allows("engine") is False
    breaker.succeeded("engine")
    assert breaker.allows("engine") is True
    assert breaker.allows("other engine") is True
