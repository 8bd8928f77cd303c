"""Partners fixtures: a partner site with a token, webhook receivers on loopback, and one
pass of the webhooks worker."""

import http.server
import json
import socket
import threading

import pytest
from django.core.cache import caches
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from partners.services import partner_site_create, partner_token_issue


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate counters and the cached partner origins start empty in every test."""
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def partner(db):
    return partner_site_create(
        name="Caucasus News",
        contact_name="Leyla",
        contact_email="api@news.example.org",
        allowed_origins=["https://news.example.org"],
    )


@pytest.fixture
def partner_token(partner):
    """The plaintext of a live token of ``partner``."""
    return partner_token_issue(partner=partner)[1]


class Receiver(http.server.ThreadingHTTPServer):
    """A partner's webhook endpoint: records each POST, answers the queued statuses."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.requests: list[dict] = []
        self.statuses: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/hooks/pressroom"


class ReceiverHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append({"path": self.path, "headers": self.headers, "body": body})
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        payload = json.dumps({"received": status < 300}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def receiver():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_receiver():
    """A partner that accepts connections and never answers (the kernel completes the
    handshake from the listen backlog; nobody ever reads)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/hook"
    sock.close()


@pytest.fixture
def closed_port_url():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/hook"


@pytest.fixture
def run_webhooks_worker():
    """One pass of ``manage.py db_worker --backend webhooks --batch``: every task that is
    due, run by django-tasks-db's own worker code in this thread (the command itself would
    close the test's database connection between tasks). Returns how many ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="webhooks",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )

    def run(*, include_future: bool = False) -> int:
        due = DBTaskResult.objects.filter(backend_name="webhooks", status="READY")
        if not include_future:
            due = due.ready()
        ran = 0
        for result in due.order_by("enqueued_at"):
            result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1
        return ran

    return run
