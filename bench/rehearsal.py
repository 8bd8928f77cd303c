"""The Django side of the production rehearsal (``make load``, docs/load.md).

The rehearsal's driver (scripts/load/) runs outside Django; it calls two commands that use
these functions: ``load_prepare`` (the releases, the index, a partner with a token and a
webhook, and the list of URLs the simulated readers visit) and ``load_publish`` (staff
publishing releases the way the admin does: ``add_child``, ``save_revision``, ``publish``).
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale

from directory.models import Organization
from partners.models import Webhook
from partners.services import partner_site_create, partner_token_issue
from pressroom.filing import release_parent
from pressroom.models import PressReleasePage

STAFF_USERNAME = "rehearsal-staff"
# Most reads go to recent releases: the readers pick among these, newest first.
RECENT_RELEASES = 5000
SAMPLED_RELEASES = 2000


def rehearsal_targets(*, receiver_url: str) -> dict:
    """What the simulated readers and partners need: paths, ids, filters and a token.

    Also registers the partner's webhook at ``receiver_url`` (the driver's local receiver),
    so that publishing sends deliveries as it would to a real partner.
    """
    partner = partner_site_create(name=f"Rehearsal partner {uuid.uuid4().hex[:6]}")
    _token, plaintext = partner_token_issue(partner=partner, name="rehearsal")
    Webhook.objects.create(partner=partner, url=receiver_url)
    recent = (
        PressReleasePage.objects.live().public().order_by(F("release_date").desc(), F("pk").desc())
    )
    columns = ("pk", "url_path", "locale__language_code")
    latest = list(recent.values_list(*columns)[:RECENT_RELEASES])
    # The long tail: an even sample over the whole archive, read far less often.
    total = recent.count()
    step = max(total // SAMPLED_RELEASES, 1)
    tail = list(recent.values_list(*columns)[::step][:SAMPLED_RELEASES]) if total else []
    return {
        "token": plaintext,
        "recent": [_release_target(*row) for row in latest],
        "tail": [_release_target(*row) for row in tail],
        "organizations": list(
            Organization.objects.filter(locale__language_code="en")
            .order_by("pk")
            .values_list("slug", flat=True)[:50]
        ),
        "topics": list(Tag.objects.order_by("pk").values_list("slug", flat=True)[:50]),
        "releases": total,
    }


def _release_target(pk: int, url_path: str, language: str) -> dict:
    """The public path of a release: its ``url_path`` below the home page, language first
    (what ``page.url`` gives, without a site lookup per page)."""
    below_home = url_path.strip("/").split("/")[1:]
    return {"id": pk, "path": "/" + "/".join([language, *below_home]) + "/"}


def rehearsal_staff_ensure():
    """The editor who publishes during the rehearsal: a superuser, as staff in the admin."""
    user, _created = get_user_model().objects.get_or_create(
        username=STAFF_USERNAME, defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def rehearsal_release_publish(*, number: int, user) -> dict:
    """Creates and publishes one release as the admin's create view and Publish button do.

    Its title carries a word found nowhere else (``probe…``), so that search can be asked
    for exactly this release.
    """
    organizations = list(Organization.objects.filter(locale__language_code="en").order_by("pk"))
    organization = organizations[number % len(organizations)]
    locale = Locale.objects.get(language_code="en")
    parent = release_parent(organization_id=organization.pk, locale=locale)
    marker = f"probe{uuid.uuid4().hex[:10]}"
    release = PressReleasePage(
        title=f"Rehearsal release {number} {marker}",
        slug=f"rehearsal-{number}-{marker}",
        release_date=timezone.localdate(),
        organization=organization,
        summary=f"Published by the rehearsal's staff user ({marker}).",
        body=[("paragraph", f"<p>Release {number} of the rehearsal, {marker}.</p>")],
        locale=locale,
    )
    parent.add_child(instance=release)
    release.save_revision(user=user).publish(user=user)
    release.refresh_from_db()
    return {
        "id": release.pk,
        "number": number,
        "marker": marker,
        "path": release.url,
        "list_path": parent.url,
        "published_at": datetime.datetime.now(datetime.UTC).isoformat(),
    }
