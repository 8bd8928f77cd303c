"""Writes for the directory: the one place organizations are created.

The importer, the join flow and the demo data all call these, so an entry gets the same
slug, validation and published revision whoever brings it in.
"""

import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.models import Translation

from .models import Organization, OrganizationType

SLUG_MAX_LENGTH = 80


def organization_slug(*, locale: Locale, name: str, acronym: str = "") -> str:
    """The acronym's slug (else the name's), numbered from 2 when taken in the locale.

    The acronym wins because it is the short name readers and editors already use.
    """
    base = slugify(acronym or name, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-")
    base = base or "organization"
    taken = set(
        Organization.objects.filter(locale=locale, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def organization_create(
    *,
    locale: Locale,
    name: str,
    acronym: str = "",
    organization_type: str = OrganizationType.LOCAL_NGO,
    translation_key: uuid.UUID | None = None,
    user: AbstractBaseUser | None = None,
    **details,
) -> Organization:
    """A new, validated and published entry; ``details`` are further model fields.

    Callers decide that it may be published (an archive import, an approved application),
    so no directory publish right is checked; ``user`` is logged as the publisher. A new
    translation takes the type of the organization it translates: one type in every language.
    """
    if translation_key is not None:
        organization_type = (
            Organization.objects.filter(translation_key=translation_key)
            .order_by("pk")
            .values_list("organization_type", flat=True)
            .first()
        ) or organization_type
    organization = Organization(
        locale=locale,
        name=name,
        acronym=acronym,
        organization_type=organization_type,
        slug=organization_slug(locale=locale, name=name, acronym=acronym),
        **details,
    )
    if translation_key is not None:
        organization.translation_key = translation_key
    organization.full_clean()
    organization.save()
    organization.save_revision(user=user, log_action=user is not None).publish(
        user=user, skip_permission_checks=True
    )
    return organization


def organization_get_or_create_by_name(
    *,
    locale: Locale,
    name: str,
    acronym: str = "",
    organization_type: str = "",
    city: str = "",
) -> tuple[Organization, bool]:
    """The organization in ``locale`` known by this acronym or name, and whether it is new.

    Matched in the locale first (acronym, then English or Azerbaijani name, case-insensitive);
    else, if another locale has it, its translation here, or a new entry linked to it as a
    translation; else a new entry.
    """
    by_name = Q(name__iexact=name) | Q(name_az__iexact=name)
    lookups = [Q(acronym__iexact=acronym), by_name] if acronym else [by_name]
    for lookup in lookups:
        found = Organization.objects.filter(lookup, locale=locale).order_by("pk").first()
        if found:
            return found, False
    translation_key = None
    for lookup in lookups:
        other = Organization.objects.filter(lookup).exclude(locale=locale).order_by("pk").first()
        if other:
            translation = other.get_translation_or_none(locale)
            if translation:
                return translation, False
            translation_key = other.translation_key
            break
    organization = organization_create(
        locale=locale,
        name=name,
        acronym=acronym,
        organization_type=organization_type or OrganizationType.LOCAL_NGO,
        city=city,
        translation_key=translation_key,
    )
    return organization, True


def organization_translations_restore(*, user: AbstractBaseUser | None = None) -> int:
    """Republishes the directory's own text of translations that translating a release
    overwrote with the source's; returns how many.

    wagtail-localize used to "translate" a release's issuer as well, saving over a
    translation the directory already had (core/translation.py now prevents it). Such an
    entry existed before wagtail-localize's record of translating it: its last revision from
    before that record is the directory's text. The record is stopped, as wagtail-localize's
    "Stop synced translation" does, so the entry is edited as the directory's own again.
    Publishing retitles the entry's newsrooms (pressroom's ``published`` receiver).
    """
    restored = 0
    records = Translation.objects.filter(
        enabled=True,
        source__specific_content_type=ContentType.objects.get_for_model(Organization),
    ).select_related("source", "target_locale")
    for record in records:
        entry = Organization.objects.filter(
            translation_key=record.source.object_id, locale=record.target_locale
        ).first()
        own = (
            entry.revisions.filter(created_at__lt=record.created_at).order_by("-created_at").first()
            if entry is not None
            else None
        )
        if own is None:
            continue
        record.enabled = False
        record.save(update_fields=["enabled"])
        own.publish(user=user, skip_permission_checks=True)
        restored += 1
    return restored
