"""Accessibility checks with axe-core in the test's Chromium page, and screenshots to look at."""

import re

from axe_playwright_python.sync_playwright import Axe

from tests.conftest import ARTIFACTS_DIR

# The widths every public page is checked at: a desktop and a phone.
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
BLOCKING_IMPACTS = {"serious", "critical"}

_axe = Axe()


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page, one readable line each."""
    violations = _axe.run(page).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in violations
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def screenshot(page, name: str) -> None:
    """A full-page screenshot in test-artifacts/, for a person to look at."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(
        path=str(ARTIFACTS_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"), full_page=True
    )
