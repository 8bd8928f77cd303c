"""Shared fixtures: the site tree in both languages, built by the same service as the demo,
and a real Chromium page on the live test server for browser tests."""

import os
import re
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from core import ratelimit
from home.services import site_tree_create

# Debian's Chromium, driven by Playwright without Playwright's own browser downloads.
CHROMIUM = "/usr/bin/chromium"
# Headless in a container (no sandbox, no GPU), and quiet: no first-run, sync or update traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS_DIR = Path(settings.BASE_DIR) / "test-artifacts"
# Playwright waits this long (ms) for a page or element before failing the test.
BROWSER_TIMEOUT_MS = 15_000
# The rate limiters' clock in tests: one second into a day, so into every window that
# divides a day (core/ratelimit.py counts in fixed windows).
RATE_LIMIT_CLOCK = time.time() // 86_400 * 86_400 + 1


def pytest_collection_modifyitems(items):
    """Marks tests by what they need, so `-m "not elasticsearch"` or `-m "not browser"` works."""
    for item in items:
        if "elasticsearch_backend" in item.fixturenames:
            item.add_marker(pytest.mark.elasticsearch)
        if "browser_page" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test item, for fixtures that act on failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _rate_limit_window_holds(monkeypatch):
    """A fixed window that rolled over between two requests of a test would reset its
    count, and a limit test would pass or fail with the wall clock: tests see one window."""
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: RATE_LIMIT_CLOCK))


@pytest.fixture
def site_tree(db):
    return site_tree_create()


@pytest.fixture
def browser_page(request, live_server, transactional_db, django_db_serialized_rollback):
    """A Chromium page whose relative URLs go to the live test server.

    The live server runs in another thread with its own database connection, so the test's
    data must be committed: hence ``transactional_db`` (the ``db`` of ``site_tree`` and the
    like then becomes transactional too), whose flush at the end would also wipe what
    Wagtail's migrations created (the root page, the default site) if the serialized
    rollback did not restore it for the next test.

    Playwright's sync API keeps an asyncio event loop running in this thread while it runs.
    Django then refuses ORM calls (SynchronousOnlyOperation) although nothing runs
    concurrently, hence DJANGO_ALLOW_ASYNC_UNSAFE; and connections made meanwhile are
    context-local, so Playwright runs only inside this fixture, never while the database
    is set up or restored. A failed test leaves a full-page screenshot in test-artifacts/.
    """
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (or `make test`, which does)")
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions do: CI machines are shared and slow.
    expect.set_options(timeout=BROWSER_TIMEOUT_MS)

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        page = context.new_page()
        yield page
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            ARTIFACTS_DIR.mkdir(exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
            page.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"), full_page=True)
        browser.close()


@pytest.fixture
def page_cache(settings):
    """The page cache on, empty at the start and the end (it outlives the test's database)."""
    from django.core.cache import caches

    settings.PRESSROOM_PAGE_CACHE_ALIAS = "pages"
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()
