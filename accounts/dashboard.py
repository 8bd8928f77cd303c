"""Reads for the organization dashboard: each release once, with every language's state.

An officer needs to know, per release, what waits for whom (``core.page_states``: a draft,
in Communications review, changes requested, scheduled, live, live with unpublished edits).
Other content apps add their own sections with the ``organization_dashboard_section`` hook.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Locale

from core.page_states import PageRow, page_rows
from directory.models import Organization
from pressroom.models import PressReleaseIndexPage, PressReleasePage

# Staff who decide applications may open any organization's dashboard.
STAFF_PERMISSION = "accounts.review_organizationapplication"
# How many releases the dashboard lists; an archive larger than this is browsed in the admin.
RELEASES_MAX = 300


def organization_release_rows(*, organization: Organization) -> list[PageRow]:
    """Every release the organization issued, drafts included, one row per release with its
    translations: its members' own dashboard, never shown to anyone else. Newest first."""
    pages = list(
        PressReleasePage.objects.filter(organization__translation_key=organization.translation_key)
        .order_by("-release_date", "-pk")
        .only(
            "title", "release_date", "live", "has_unpublished_changes", "locale", "translation_key"
        )[:RELEASES_MAX]
    )
    return page_rows(pages)


def dashboard_organizations(*, locale: Locale) -> QuerySet[Organization]:
    """Organizations staff may open the dashboard of: those with a newsroom, in ``locale``."""
    keys = PressReleaseIndexPage.objects.filter(organization__isnull=False).values(
        "organization__translation_key"
    )
    return Organization.objects.filter(locale=locale, translation_key__in=keys).order_by("name")


def dashboard_sections(*, organization: Organization, request: HttpRequest) -> list[str]:
    """The dashboard's sections, in hook order: the press releases (this app's), then what
    other content apps add (an events app's "Your events").

    Each ``organization_dashboard_section`` hook takes ``(organization, request)`` and returns
    its section's HTML, or an empty string when it has nothing to show. The dashboard is the
    organization's members' own (or staff's): a section may show drafts and edit links.
    """
    rendered = (
        hook(organization, request) for hook in hooks.get_hooks("organization_dashboard_section")
    )
    return [html for html in rendered if html]
