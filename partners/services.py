"""Writes on partner sites and their tokens: creation, token issue, rotation and revocation."""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import APIToken

from .models import PartnerSite


@transaction.atomic
def partner_site_create(
    *,
    name: str,
    contact_name: str = "",
    contact_email: str = "",
    allowed_origins: list[str] | None = None,
    rate_limit: int | None = None,
    notes: str = "",
    active: bool = True,
) -> PartnerSite:
    """A partner with its service user: no password, no staff flag, no permissions."""
    partner = PartnerSite(
        name=name,
        contact_name=contact_name,
        contact_email=contact_email,
        allowed_origins=allowed_origins or [],
        rate_limit=rate_limit,
        notes=notes,
        active=active,
    )
    partner.user = partner_service_user_create()
    partner.full_clean()
    partner.save()
    return partner


def partner_service_user_create():
    """A login-less user to own a partner's tokens (a random name: partner names change)."""
    user = get_user_model()(username=f"partner-{uuid.uuid4().hex[:16]}", is_active=True)
    user.set_unusable_password()
    user.save()
    return user


def partner_token_issue(*, partner: PartnerSite, name: str = "") -> tuple[APIToken, str]:
    """A new token for ``partner``: ``(token, plaintext)``; the plaintext exists only here."""
    label = name or f"{partner.name} {timezone.localdate():%Y-%m-%d}"
    return APIToken.create_token(user=partner.user, name=label[:255])


@transaction.atomic
def partner_token_rotate(*, partner: PartnerSite, name: str = "") -> tuple[APIToken, str]:
    """A new token for ``partner``, every older one revoked in the same transaction."""
    partner_tokens_revoke(partner=partner)
    return partner_token_issue(partner=partner, name=name)


def partner_tokens_revoke(*, partner: PartnerSite, token_id: int | None = None) -> int:
    """Revokes the partner's live tokens (or just ``token_id``); returns how many."""
    tokens = APIToken.objects.filter(user=partner.user, revoked_at__isnull=True)
    if token_id is not None:
        tokens = tokens.filter(pk=token_id)
    return tokens.update(revoked_at=timezone.now())
