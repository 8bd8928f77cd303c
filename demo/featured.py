"""The demo's featured organizations on each language's home page."""

from django.db import transaction

from directory.models import Organization
from home.models import FeaturedOrganization
from home.services import site_tree_create

FEATURED_ACRONYMS = ("ISAR", "AWDC", "SREC", "UNDP")


@transaction.atomic
def home_featured_set(*, acronyms: tuple[str, ...] = FEATURED_ACRONYMS) -> None:
    """Features the named organizations on each language's home, where none are featured."""
    for tree in site_tree_create().values():
        home = tree.home
        if home.featured_organizations.exists():
            continue
        organizations = {
            org.acronym: org
            for org in Organization.objects.filter(locale=home.locale, acronym__in=acronyms)
        }
        chosen = [organizations[acronym] for acronym in acronyms if acronym in organizations]
        if not chosen:
            continue
        home.featured_organizations = [
            FeaturedOrganization(organization=org, sort_order=position)
            for position, org in enumerate(chosen)
        ]
        home.save_revision().publish()
