"""What readers, partners and load balancers get while the database cannot be reached.

A PostgreSQL restart or failover makes every request fail on its connection for a moment:
that is a 503 with Retry-After (come back shortly), not a 500 (the code is broken). The
connection here really fails: it goes to a port where no server listens.
"""

import pytest
from django.db.utils import ConnectionHandler
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns
from core.views import DATABASE_RETRY_AFTER

UNREACHABLE = {
    "ENGINE": "django.db.backends.postgresql",
    "HOST": "127.0.0.1",
    "PORT": "9",
    "NAME": "pressroom",
    "USER": "pressroom",
    "PASSWORD": "pressroom",
    "OPTIONS": {"connect_timeout": 2},
}


def needs_the_database(request):
    ConnectionHandler({"default": UNREACHABLE})["default"].ensure_connection()


def fails_otherwise(request):
    raise RuntimeError("a fault in the code")


urlpatterns = [
    path("en/needs-the-database/", needs_the_database),
    path("api/v3/needs-the-database/", needs_the_database),
    path("en/fails-otherwise/", fails_otherwise),
    *site_urlpatterns,
]
handler500 = "core.views.server_error"

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def anonymous(client, db):
    client.raise_request_exception = False
    return client


def test_a_page_whose_database_is_unreachable_answers_503_with_retry_after(anonymous):
    response = anonymous.get("/en/needs-the-database/")

    assert response.status_code == 503
    assert response["Retry-After"] == str(DATABASE_RETRY_AFTER)
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_the_api_answers_a_503_problem_with_retry_after(anonymous):
    response = anonymous.get("/api/v3/needs-the-database/")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == str(DATABASE_RETRY_AFTER)
    assert response.json()["status"] == 503


def test_any_other_failure_stays_a_500_without_retry_after(anonymous):
    response = anonymous.get("/en/fails-otherwise/")

    assert response.status_code == 500
    assert "Retry-After" not in response
