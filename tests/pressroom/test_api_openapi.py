"""Our API endpoints against their own OpenAPI document, with schemathesis: no server errors,
responses that match the documented schema, and only documented status codes.

Partners generate clients from ``/api/v3/openapi.json``; this keeps it true. Wagtail's own v3
endpoints are left out (their known quirks: security declared on anonymous reads, 422s not
documented); ours are every path under press-releases/, organizations/ and search/.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.factories import OrganizationFactory, PressReleasePageFactory

OURS = r"^/api/v3/(press-releases|organizations|search)"
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@pytest.fixture
def api_schema(site_tree):
    """The live document, after some content exists for the examples to find."""
    isar = OrganizationFactory(slug="isar", acronym="ISAR", focus_areas=["elections"])
    PressReleasePageFactory(
        parent=site_tree["en"].releases,
        organization=isar,
        participants=[isar],
        topics=["elections"],
        external_id="isar-2000-11-30",
    )
    # Requests go through Django's real WSGI handler, which closes the database connection
    # after each one; Django's test client stops that, and so must we, or the test's
    # transaction (PostgreSQL) is gone after the first request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())
    yield schema.include(path_regex=OURS)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def object_without_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [key for key, _value in pairs]
    assert len(keys) == len(set(keys)), f"duplicated keys in {keys}"
    return dict(pairs)


def test_openapi_document_has_each_key_once(client, db):
    """Python's json keeps the last of two equal keys; Swagger UI and other strict YAML/JSON
    parsers refuse the whole document."""
    response = client.get("/api/v3/openapi.json")
    document = json.loads(response.content, object_pairs_hook=object_without_duplicate_keys)

    changes = document["paths"]["/api/v3/press-releases/changes/"]["get"]["responses"]["200"]
    assert set(changes["content"]["application/json"]) == {"schema", "example"}


def test_our_endpoints_conform_to_their_openapi_document(api_schema):
    """Every operation of ours, in turn, with examples from its schema and generated ones.

    Driven by hand (Hypothesis' ``given`` per operation) rather than schemathesis' pytest
    plugin, whose fixture-based loader does not run under this pytest.
    """
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 7  # list and detail of both, changes, search, autocomplete
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            case.call_and_validate(checks=CHECKS)

        conforms()
