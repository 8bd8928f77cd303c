"""Writes of the sign-up flow: apply, verify the address, and the staff decision.

Emails go out after the transaction commits, so nobody is told about a change that
was rolled back.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from directory.models import Organization
from directory.services import organization_create
from newsrooms.services import newsroom_member_add

from . import emails
from .models import ApplicationStatus, OrganizationApplication
from .selectors import application_reviewers, organization_is_claimed
from .tokens import application_from_token

# What a proposal may set on the new directory entry; everything else staff fill in later.
PROPOSAL_FIELDS = (
    "name",
    "acronym",
    "organization_type",
    "city",
    "postal_address",
    "phone",
    "email",
    "website",
)


class ApplicationDecisionError(Exception):
    """The application cannot be decided as asked; the message says why, for staff."""


def _address_in_use(*, email: str, language: str, base_url: str) -> None:
    """A second sign-up for a known address: the owner hears of it, the form says nothing.

    An applicant who never verified gets a fresh link instead, since that is most likely
    them again after losing the first email.
    """
    user = (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .select_related("organization_application")
        .first()
    )
    application = getattr(user, "organization_application", None) if user else None
    if application is not None and application.status == ApplicationStatus.PENDING_VERIFICATION:
        transaction.on_commit(
            lambda: emails.verification_email_send(application=application, base_url=base_url)
        )
    else:
        transaction.on_commit(
            lambda: emails.address_in_use_email_send(
                email=email, language=language, base_url=base_url
            )
        )


def _address_taken(email: str) -> bool:
    """Whether an account holds ``email``; a rejected applicant's account, kept only to tell
    them why at login, is freed by applying again."""
    accounts = get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
    accounts.filter(
        is_active=False, organization_application__status=ApplicationStatus.REJECTED
    ).delete()
    return accounts.exists()


def application_submit(
    *,
    first_name: str,
    last_name: str,
    email: str,
    phone: str,
    password: str,
    language: str,
    base_url: str,
    organization: Organization | None = None,
    proposed_organization: dict | None = None,
) -> OrganizationApplication | None:
    """Creates an inactive user and their application, and emails the verification link.

    Returns None, having emailed the address's owner, when the address is taken: the
    caller must answer exactly as for a new address, so the form reveals no accounts.
    ``base_url`` (scheme and host) prefixes the emailed link.
    """
    if (organization is None) == (not proposed_organization):
        raise ValueError("Pass either an organization to claim or a proposed organization.")
    email = email.strip()
    # Hashed before the address is looked up: hashing is most of a sign-up's time, so a
    # known address answering without it would be told apart by the clock.
    password_hash = make_password(password)
    user_model = get_user_model()
    if _address_taken(email):
        _address_in_use(email=email, language=language, base_url=base_url)
        return None
    proposal = {key: (proposed_organization or {}).get(key, "") for key in PROPOSAL_FIELDS}
    try:
        with transaction.atomic():
            # The address is the username: organization staff sign in with it.
            user = user_model(
                username=email.lower(),
                email=email,
                first_name=first_name,
                last_name=last_name,
                is_active=False,
                password=password_hash,
            )
            user.save()
            application = OrganizationApplication.objects.create(
                user=user,
                first_name=first_name,
                last_name=last_name,
                email=email,
                phone=phone,
                language=language,
                organization=organization,
                proposed_organization=proposal if proposed_organization else {},
            )
    except IntegrityError:  # the same address submitted twice at once
        _address_in_use(email=email, language=language, base_url=base_url)
        return None
    transaction.on_commit(
        lambda: emails.verification_email_send(application=application, base_url=base_url)
    )
    return application


def application_verify(*, token: str) -> OrganizationApplication:
    """Moves the application from the emailed link into the staff queue; raises
    ``tokens.InvalidVerificationLink``. A second use of the link changes nothing."""
    application = application_from_token(token)
    with transaction.atomic():
        application = OrganizationApplication.objects.select_for_update().get(pk=application.pk)
        if application.status == ApplicationStatus.PENDING_VERIFICATION:
            application.status = ApplicationStatus.PENDING_REVIEW
            application.verified_at = timezone.now()
            application.save(update_fields=["status", "verified_at"])
            reviewers = list(application_reviewers().values_list("email", flat=True))
            transaction.on_commit(
                lambda: emails.reviewers_notify(application=application, reviewers=reviewers)
            )
    return application


def _locked_for_decision(application: OrganizationApplication) -> OrganizationApplication:
    application = OrganizationApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.PENDING_REVIEW or application.user_id is None:
        raise ApplicationDecisionError("Only applications waiting for review can be decided.")
    return application


def _organization_create(
    *, application: OrganizationApplication, reviewer: AbstractBaseUser
) -> Organization:
    """The proposed entry, published: the reviewer approved its details with the applicant.

    Approving the application is the permission to publish the entry it proposed, so a
    reviewer needs no directory publish right of their own.
    """
    proposal = application.proposed_organization
    return organization_create(
        locale=Locale.objects.get(language_code=application.language),
        name=proposal["name"],
        acronym=proposal.get("acronym", ""),
        organization_type=proposal["organization_type"],
        user=reviewer,
        city=proposal.get("city", ""),
        postal_address=proposal.get("postal_address", ""),
        phones=[proposal["phone"]] if proposal.get("phone") else [],
        email=proposal.get("email", ""),
        website=proposal.get("website", ""),
    )


@transaction.atomic
def application_approve(
    *, application: OrganizationApplication, reviewer: AbstractBaseUser
) -> OrganizationApplication:
    """Activates the applicant, ties them to their organization and opens its newsroom to them.

    Raises ApplicationDecisionError when the application is not waiting for review or its
    organization was claimed by someone approved in the meantime.
    """
    application = _locked_for_decision(application)
    if application.organization is not None:
        if organization_is_claimed(organization=application.organization):
            raise ApplicationDecisionError(
                "Another person has already been approved for this organization."
            )
        organization = application.organization
    else:
        organization = _organization_create(application=application, reviewer=reviewer)
    user = application.user
    user.is_active = True
    user.save(update_fields=["is_active"])
    application.organization = organization
    application.status = ApplicationStatus.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = reviewer
    application.save()
    newsroom_member_add(organization=organization, user=user)
    transaction.on_commit(lambda: emails.decision_email_send(application=application))
    return application


@transaction.atomic
def application_reject(
    *, application: OrganizationApplication, reviewer: AbstractBaseUser, reason: str
) -> OrganizationApplication:
    """Records the reason; the never-activated user stays, so that at login the applicant
    is told why, until they apply again (application_submit then deletes it)."""
    application = _locked_for_decision(application)
    application.status = ApplicationStatus.REJECTED
    application.rejection_reason = reason
    application.decided_at = timezone.now()
    application.decided_by = reviewer
    application.save()
    transaction.on_commit(lambda: emails.decision_email_send(application=application))
    return application
