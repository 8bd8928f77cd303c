"""A read-side circuit breaker: a dead search engine costs readers one wait per window.

Closed: every search asks Elasticsearch. A failed contact opens it: for the cool-down
(``SEARCH_SYNC["RETRY_AFTER"]``) searches go straight to the database fallback. Then it is
half-open: the first search probes the engine while the others keep falling back; an answer
closes it, another failure opens it for a new window.

State is per process and per engine (its node addresses), like the outbox's retry window in
search/outbox.py; docs/search-resilience.md says why it is not shared through the cache.
"""

import threading
import time


class CircuitBreaker:
    def __init__(self):
        self._lock = threading.Lock()
        self._open_until: dict[str, float] = {}  # engines that failed, until when to skip them
        self._probing: set[str] = set()

    def allows(self, engine: str) -> bool:
        """Whether a read may contact ``engine`` now; once open, True for one probe at a time."""
        with self._lock:
            if engine not in self._open_until:
                return True
            if engine in self._probing or time.monotonic() < self._open_until[engine]:
                return False
            self._probing.add(engine)
            return True

    def succeeded(self, engine: str) -> None:
        """The engine answered (whatever it said): close the breaker."""
        with self._lock:
            self._open_until.pop(engine, None)
            self._probing.discard(engine)

    def failed(self, engine: str, *, cool_down: float) -> None:
        """The engine did not answer: skip it for ``cool_down`` seconds."""
        with self._lock:
            self._open_until[engine] = time.monotonic() + cool_down
            self._probing.discard(engine)


def engine_key(backend) -> str:
    """Names the engine a backend talks to: its node addresses (kept in memory, never logged)."""
    return repr(getattr(backend, "hosts", None))


read_breaker = CircuitBreaker()
