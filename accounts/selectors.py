"""Reads for the organization account pages and the staff queue."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from wagtail.models import Locale

from directory.models import Organization

from .models import ApplicationStatus, OrganizationApplication


def _claimed_translation_keys() -> QuerySet:
    """Claims hold across languages: an entry's translations are one organization."""
    return OrganizationApplication.objects.filter(
        status=ApplicationStatus.APPROVED, organization__isnull=False
    ).values("organization__translation_key")


def claimable_organizations(*, locale: Locale) -> QuerySet[Organization]:
    """Published entries in ``locale`` that no approved applicant speaks for yet."""
    return (
        Organization.objects.filter(locale=locale, live=True)
        .exclude(translation_key__in=_claimed_translation_keys())
        .order_by("name")
    )


def organization_is_claimed(*, organization: Organization) -> bool:
    return (
        _claimed_translation_keys()
        .filter(organization__translation_key=organization.translation_key)
        .exists()
    )


def member_application(*, user: AbstractBaseUser | AnonymousUser) -> OrganizationApplication | None:
    """The approved application that makes ``user`` speak for an organization, if any."""
    if not user.is_authenticated:
        return None
    return (
        OrganizationApplication.objects.filter(user=user, status=ApplicationStatus.APPROVED)
        .select_related("organization")
        .first()
    )


def member_organization(
    *, user: AbstractBaseUser | AnonymousUser, locale: Locale | None = None
) -> Organization | None:
    """The user's organization, in ``locale`` when it has that translation."""
    application = member_application(user=user)
    if application is None or application.organization is None:
        return None
    organization = application.organization
    if locale is not None and organization.locale_id != locale.pk:
        return organization.get_translation_or_none(locale) or organization
    return organization


def application_reviewers() -> QuerySet:
    """Active staff who may decide applications and have an address to be told at."""
    return (
        get_user_model()
        .objects.with_perm(
            "accounts.review_organizationapplication",
            # Named because axes' backend comes first and answers no permission questions.
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .exclude(email="")
    )
