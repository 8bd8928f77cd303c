"""What the rehearsal watches besides Locust's own figures.

- ``WebhookReceiver``: a partner's endpoint on loopback, recording every delivery.
- ``VisibilityWatcher``: reads the staff publisher's lines and, for each new release, polls
  every channel a reader or partner sees it on until it shows: publish → visible latency.
- ``Prober``: during a fault, a request per path every second or so, status and time.
"""

import datetime
import json
import select
import socket
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHANNELS = ("page", "list", "home", "feed", "search", "api list", "changes", "webhook")
VISIBLE_TIMEOUT = 60.0
# Each release in flight costs a request per channel per poll: the watcher must not be the load.
POLL_EVERY = 1.0


class WebhookReceiver:
    """Accepts every POST with a 200, after ``delay`` seconds (a slow partner, on demand)."""

    def __init__(self):
        self.deliveries: list[dict] = []
        self.in_flight = 0
        self.delay = 0.0
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver._lock:
                    receiver.in_flight += 1
                aborted = _peer_closed_within(self.connection, receiver.delay)
                event = json.loads(body or b"{}")
                with receiver._lock:
                    receiver.in_flight -= 1
                    receiver.deliveries.append(
                        {
                            "at": time.time(),
                            "delivery": self.headers.get("X-Pressroom-Delivery"),
                            "event": event.get("event"),
                            "release": (event.get("release") or {}).get("id"),
                            "aborted": aborted,
                        }
                    )
                if not aborted:
                    self.send_response(200)
                    self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def received_for(self, release_id: int) -> float | None:
        with self._lock:
            times = [d["at"] for d in self.deliveries if d["release"] == release_id]
        return min(times) if times else None

    def completed_for(self, release_id: int) -> bool:
        """Whether a POST for the release got its 200 (the sender was still there)."""
        with self._lock:
            return any(d["release"] == release_id and not d["aborted"] for d in self.deliveries)

    def close(self) -> None:
        self.server.shutdown()


def _peer_closed_within(connection: socket.socket, seconds: float) -> bool:
    """Waits ``seconds``; True as soon as the sender hangs up (it was killed meanwhile)."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        readable, _, _ = select.select([connection], [], [], left)
        if readable and connection.recv(1, socket.MSG_PEEK) == b"":
            return True
    return False


def http_get(url: str, *, headers: dict | None = None, timeout: float = 10) -> tuple[int, bytes]:
    """Status and body; 0 when nothing answered. Azerbaijani slugs are sent percent-encoded
    (urllib sends ASCII only), what is already encoded is kept."""
    url = urllib.parse.quote(url, safe=":/?&=%#+,;@")
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


class VisibilityWatcher:
    """Publish → visible, per channel, for every release the publisher reports."""

    def __init__(self, *, base_url: str, token: str, receiver: WebhookReceiver):
        self.base_url = base_url
        self.headers = {"Authorization": f"Bearer {token}"}
        self.receiver = receiver
        self.published: list[dict] = []
        self.results: list[dict] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def follow(self, stream) -> threading.Thread:
        """Reads the publisher's JSON lines from ``stream`` on a thread of its own."""
        thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        thread.start()
        return thread

    def _read(self, stream) -> None:
        for line in stream:
            try:
                release = json.loads(line)
            except ValueError:
                continue
            release["seen_at"] = time.time()
            with self._lock:
                self.published.append(release)
            if "error" not in release:
                thread = threading.Thread(target=self._watch, args=(release,), daemon=True)
                thread.start()
                self._threads.append(thread)

    def _visible(self, channel: str, release: dict) -> bool:
        marker, path, rid = release["marker"], release["path"], release["id"]
        if channel == "webhook":
            return self.receiver.received_for(rid) is not None
        if channel == "page":
            return http_get(self.base_url + path)[0] == 200
        if channel in ("list", "home", "feed", "search"):
            where = {
                "list": release["list_path"],
                "home": "/en/",
                "feed": "/en/feeds/releases.rss",
                "search": "/en/search/?q=" + marker,
            }[channel]
            status, body = http_get(self.base_url + where)
            return status == 200 and path.encode() in body
        if channel == "api list":
            status, body = http_get(
                self.base_url + "/api/v3/press-releases/?fields=id", headers=self.headers
            )
            return status == 200 and rid in [item["id"] for item in json.loads(body)["items"]]
        since = datetime.datetime.fromisoformat(release["published_at"]) - datetime.timedelta(
            seconds=30
        )
        query = urllib.parse.urlencode({"since": since.isoformat(), "limit": 100})
        status, body = http_get(
            f"{self.base_url}/api/v3/press-releases/changes/?{query}", headers=self.headers
        )
        return status == 200 and rid in [item["id"] for item in json.loads(body)["items"]]

    def _watch(self, release: dict) -> None:
        # The publisher's line is written once publish() returned: the clock starts there.
        started = release["seen_at"]
        pending = set(CHANNELS)
        latency: dict[str, float | None] = {}
        while pending and time.time() - started < VISIBLE_TIMEOUT:
            for channel in sorted(pending):
                try:
                    visible = self._visible(channel, release)
                except (ValueError, KeyError):
                    visible = False
                if visible:
                    latency[channel] = time.time() - started
                    pending.discard(channel)
            time.sleep(POLL_EVERY)
        latency.update(dict.fromkeys(pending))
        with self._lock:
            self.results.append({"id": release["id"], "at": started, "latency": latency})

    def summary(self, *, since: float, until: float) -> dict[str, dict]:
        """Per channel: releases watched, how many showed, median and worst seconds."""
        deadline = time.time() + VISIBLE_TIMEOUT
        while time.time() < deadline and any(t.is_alive() for t in self._threads):
            time.sleep(0.5)
        with self._lock:
            window = [r for r in self.results if since <= r["at"] < until]
        table = {}
        for channel in CHANNELS:
            seen = [r["latency"][channel] for r in window if r["latency"][channel] is not None]
            table[channel] = {
                "releases": len(window),
                "visible": len(seen),
                "median": statistics.median(seen) if seen else None,
                "max": max(seen) if seen else None,
            }
        return table


class Prober:
    """Requests ``paths`` in a loop on a thread (a pause of a second between rounds); records
    (time, path, status, seconds)."""

    def __init__(self, base_url: str, paths: list[str]):
        self.base_url = base_url
        self.paths = paths
        self.samples: list[tuple[float, str, int, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for path in self.paths:
                began = time.time()
                status, _body = http_get(self.base_url + path, timeout=70)
                self.samples.append((began, path, status, time.time() - began))
            time.sleep(POLL_EVERY)

    def stop(self) -> list[tuple[float, str, int, float]]:
        self._stop.set()
        self._thread.join(timeout=80)
        return self.samples


def recovery_seconds(samples, *, fault_at: float) -> float | None:
    """From the fault to the first moment after which every probe succeeded; None if never."""
    failing = [at for at, _path, status, _seconds in samples if at >= fault_at and status != 200]
    if not failing:
        return 0.0
    last_failure = max(failing)
    later = [at for at, _p, status, _s in samples if at > last_failure and status == 200]
    return (min(later) - fault_at) if later else None
