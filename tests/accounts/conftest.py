"""Fixtures for the organization account flows: people, organizations and a join helper."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from tests.factories import OrganizationFactory

PASSWORD = "Correct-Horse-42-battery"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The join limit counts in the cache, which outlives a test's database rollback."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def isar(site_tree):
    return OrganizationFactory(name="Institute for Social Action and Research", acronym="ISAR")


@pytest.fixture
def reviewer(db, django_user_model):
    """Communications staff as the queue needs them: admin access and the review permission."""
    group = Group.objects.create(name="Application reviewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="review_organizationapplication"),
    )
    user = django_user_model.objects.create_user(
        "comms", "comms@pressroom.example", PASSWORD, is_staff=False
    )
    user.groups.add(group)
    return user


def join_data(**overrides) -> dict:
    """A complete join form claiming ``organization`` (pass its pk) or proposing one."""
    data = {
        "first_name": "Leyla",
        "last_name": "Mammadova",
        "email": "leyla@isar.example",
        "phone": "+994 12 495 25 57",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "choice": "claim",
        "organization": "",
    }
    data.update(overrides)
    return data


def proposal_data(**overrides) -> dict:
    proposal = {
        "choice": "propose",
        "new_name": "Green Steps Youth Union",
        "new_acronym": "GSYU",
        "new_organization_type": "local-ngo",
        "new_city": "Ganja",
        "new_phone": "+994 22 256 00 00",
        "new_email": "office@greensteps.example",
        "new_website": "https://greensteps.example",
    }
    return join_data(**{**proposal, **overrides})


def emailed_link(message) -> str:
    """The one site link in an email's body, as a path for the test client."""
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def outbox(db, mailoutbox):
    """pytest-django's outbox, taken after the database is set up, which replaces it."""
    return mailoutbox


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what the code inside deferred to its commit (the emails),
    as the commit a test's rolled-back transaction never makes would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
