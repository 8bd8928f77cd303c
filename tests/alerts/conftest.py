"""Alerts fixtures: a real SMTP server on loopback (aiosmtpd) that tests stop and start,
confirmed subscriptions, and one pass of the alerts worker."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import caches
from django.http import QueryDict
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from alerts.models import Subscription
from alerts.queries import query_label, saved_query
from alerts.services import subscription_confirm, subscription_request
from tests.search.conftest import (  # noqa: F401 (fixtures for the Elasticsearch tests)
    elasticsearch_backend,
    elasticsearch_indexes,
    elasticsearch_url,
)


class Inbox:
    """Keeps each message the server accepted, parsed."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.refusals = 0  # how many messages to refuse, as a busy relay does, before accepting

    async def handle_DATA(self, server, session, envelope):
        if self.refusals:
            self.refusals -= 1
            return "451 Try again later"
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"


class SmtpServer:
    """An SMTP server on a fixed free port of 127.0.0.1, down until ``start()``."""

    def __init__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.inbox = Inbox()
        self.controller = None

    @property
    def messages(self):
        return self.inbox.messages

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate counters start empty in every test."""
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def smtp(settings):
    """Django's SMTP backend pointed at the server, which is down: tests call ``start()``."""
    server = SmtpServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def run_alerts_worker():
    """Passes of ``manage.py db_worker --backend alerts --batch`` in this thread, until no
    task is due (with ``include_future``, scheduled retries count as due). Returns how many
    tasks ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="alerts",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )

    def run(*, include_future: bool = False) -> int:
        ran = 0
        while True:
            due = DBTaskResult.objects.filter(backend_name="alerts", status="READY")
            if not include_future:
                due = due.ready()
            batch = list(due.order_by("enqueued_at"))
            if not batch:
                return ran
            for result in batch:
                result.claim(worker.worker_id)
                worker.run_task(result)
                ran += 1

    return run


def subscribe(email: str, params: str, *, kind=Subscription.Kind.SEARCH, language="en", **kw):
    """A confirmed subscription, made as the subscribe form makes one."""
    query = saved_query(QueryDict(params), kind=kind)
    subscription = subscription_request(
        email=email,
        kind=kind,
        query=query,
        label=query_label(query, kind=kind, language=language),
        language=language,
        frequency=kw.get("frequency", Subscription.Frequency.IMMEDIATE),
    )
    subscription_confirm(subscription=subscription)
    return subscription
