"""Shared fixtures: the site tree in both languages, built by the same service as the demo."""

import pytest

from home.services import site_tree_create


@pytest.fixture
def site_tree(db):
    return site_tree_create()
