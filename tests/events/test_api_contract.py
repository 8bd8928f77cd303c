"""``/api/v3/events/`` held to the release API's contract tests: the hostile-input sweep of
tests/core/test_hostile_input.py and the schemathesis run of tests/pressroom/test_api_openapi.py,
reused on the events' operations. Partners generate clients from the OpenAPI document."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from tests.core.test_hostile_input import (  # noqa: F401 - hostile_client is a fixture
    _public_api_operations,
    hostile_client,
)
from tests.core.test_hostile_input import (
    test_api_operation_answers_hostile_parameters_without_a_server_error as hostile_sweep,
)
from tests.events.conftest import EventPageFactory
from tests.factories import OrganizationFactory
from tests.pressroom.test_api_openapi import CHECKS

EVENT_OPERATIONS = [o for o in _public_api_operations() if o.path.startswith("/api/v3/events")]


@pytest.fixture
def content(site_tree, events_index):
    """An event with an organizer, a funder and a topic, for the sweep's samples to name."""
    isar = OrganizationFactory(slug="isar", acronym="ISAR")
    EventPageFactory(
        parent=events_index["en"],
        organization=isar,
        funders=[OrganizationFactory(slug="undp")],
        topics=["elections"],
        city="Gəncə",
        external_id="isar-forum",
    )
    return {"organization": "isar", "topic": "elections", "slug": "isar"}


def test_the_events_operations_are_all_swept():
    assert {o.id for o in EVENT_OPERATIONS} == {"events_list", "events_detail", "events_changes"}


@pytest.mark.parametrize("operation", EVENT_OPERATIONS, ids=lambda o: o.id)
def test_event_api_answers_hostile_parameters_without_a_server_error(
    hostile_client,  # noqa: F811
    content,
    operation,
):
    hostile_sweep(hostile_client, content, operation)


def test_event_api_conforms_to_its_openapi_document(content):
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())
        operations = [
            result.ok()
            for result in schema.include(path_regex=r"^/api/v3/events").get_all_operations()
        ]
        assert len(operations) == 3
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(
                max_examples=15,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def conforms(case):
                case.call_and_validate(checks=CHECKS)

            conforms()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
