"""Checks that bulk-loaded releases are pages Wagtail treats as normal live pages."""

from django.test import Client
from django.utils.html import escape
from wagtail.models import Page, Site

from pressroom.models import PressReleasePage

from .loader import EXTERNAL_ID_PREFIX

SAMPLES = 6


def bench_tree_problems(*, expected: int) -> list[str]:
    """What is wrong with the loaded tree and pages; empty when all is well.

    treebeard's own consistency check (the one ``Page.fix_tree`` repairs from), the count of
    live releases, and a spread of releases requested through the site's real URL routing.
    """
    problems = []
    names = ("bad characters", "bad step length", "orphans", "wrong depth", "wrong numchild")
    for name, found in zip(names, Page.find_problems(), strict=True):
        if found:
            problems.append(f"tree: {len(found)} page(s) with {name}, e.g. ids {found[:5]}")
    releases = PressReleasePage.objects.live().filter(external_id__startswith=EXTERNAL_ID_PREFIX)
    live = releases.count()
    if live != expected:
        problems.append(f"{live} live benchmark releases, expected {expected}")
    client = Client(HTTP_HOST=Site.objects.get(is_default_site=True).hostname)
    pks = list(releases.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(pks) // SAMPLES)
    for release in PressReleasePage.objects.filter(pk__in=pks[::step]):
        url = release.get_url()
        response = client.get(url)
        if response.status_code != 200 or escape(release.title) not in response.text:
            problems.append(f"{url} answered {response.status_code} without its title")
    return problems
