import datetime
import os
import socket

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from directory.models import Organization
from search.models import IndexChange


def test_healthz_reports_the_database_as_ok(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["database"]["vendor"] in {"sqlite", "postgresql"}


def test_healthz_is_not_cached(client, db):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]


def test_healthz_accepts_only_get(client, db):
    assert client.post("/healthz").status_code == 405


def elasticsearch_at(settings, url):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.elasticsearch8", "URLS": [url]}
    }


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_healthz_reports_search_as_not_configured_on_the_database_backend(client, db, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

    body = client.get("/healthz").json()

    assert body["status"] == "ok"
    assert body["search"]["status"] == "not_configured"
    assert body["search"]["backlog"] == 0


def test_healthz_reports_a_reachable_elasticsearch_as_ok(client, db, settings):
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    if not url:  # as in tests/search/conftest.py: `make test` starts a node and sets it
        if os.environ.get("PRESSROOM_REQUIRE_ELASTICSEARCH") == "1":
            pytest.fail("ELASTICSEARCH_URL is not set", pytrace=False)
        pytest.skip("ELASTICSEARCH_URL is not set")
    elasticsearch_at(settings, url)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["search"]["status"] == "ok"
    assert response.json()["search"]["cluster"] in {"green", "yellow"}


def test_healthz_reports_an_unreachable_engine_as_degraded_not_down_with_its_backlog(
    client, db, settings
):
    elasticsearch_at(settings, closed_port_url())
    IndexChange.objects.create(
        content_type=ContentType.objects.get_for_model(Organization),
        object_id="1",
        action=IndexChange.Action.UPSERT,
        created_at=timezone.now() - datetime.timedelta(minutes=5),
    )

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["database"]["status"] == "ok"
    assert body["search"]["status"] == "unreachable"
    assert body["search"]["backlog"] == 1
    assert body["search"]["oldest_pending_seconds"] >= 300
