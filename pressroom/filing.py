"""Where a release lives: in its issuer's newsroom, one index page per organization and locale.

A newsroom index is a ``PressReleaseIndexPage`` whose ``organization`` is set, directly
under the locale's top press-release index. It exists from an organization's first release
(imported, created by staff or by its officers), so the organization's whole archive sits in
one subtree that Wagtail's page permissions can hand to its officers (docs/newsrooms.md).
Moves go through Wagtail's ``Page.move``, which keeps treebeard's paths consistent and makes
``wagtail.contrib.redirects`` record a 301 from the old URL.
"""

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from directory.models import Organization

from .models import PressReleaseIndexPage, PressReleasePage
from .selectors import release_index_page


def newsroom_index_find(
    *, organization: Organization, locale: Locale
) -> PressReleaseIndexPage | None:
    """The organization's newsroom index in ``locale`` (any translation of the entry counts)."""
    return (
        PressReleaseIndexPage.objects.filter(
            organization__translation_key=organization.translation_key, locale=locale
        )
        .order_by("depth", "path")
        .first()
    )


def _free_slug(parent: Page, base: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def newsroom_index_ensure(
    *, organization: Organization, locale: Locale
) -> PressReleaseIndexPage | None:
    """The organization's newsroom index in ``locale``, created and published if missing.

    Created in every locale at once, as translations of one another (one
    ``translation_key``), so a release's translation always has its place and
    wagtail-localize finds it. None when the locale has no press-release index.
    """
    existing = newsroom_index_find(organization=organization, locale=locale)
    if existing is not None:
        return existing
    translation_key = (
        PressReleaseIndexPage.objects.filter(
            organization__translation_key=organization.translation_key
        )
        .values_list("translation_key", flat=True)
        .first()
    )
    for each in Locale.objects.order_by("pk"):
        if newsroom_index_find(organization=organization, locale=each) is None:
            page = _newsroom_index_create(
                organization=organization, locale=each, translation_key=translation_key
            )
            if page is not None:
                translation_key = page.translation_key
    return newsroom_index_find(organization=organization, locale=locale)


def _newsroom_index_create(
    *, organization: Organization, locale: Locale, translation_key
) -> PressReleaseIndexPage | None:
    top = release_index_page(locale=locale)
    if top is None:
        return None
    named = organization.get_translation_or_none(locale) or organization
    title = named.name
    if named.locale_id != locale.pk and locale.language_code == "az" and named.name_az:
        title = named.name_az
    page = PressReleaseIndexPage(
        title=title,
        slug=_free_slug(top, named.slug or "newsroom"),
        locale=locale,
        organization=named,
    )
    if translation_key is not None:
        page.translation_key = translation_key
    top.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def release_file(release: PressReleasePage) -> bool:
    """Moves ``release`` under its issuer's newsroom if it is elsewhere; whether it moved.

    A slug taken in the newsroom gets a number, like any other slug clash; the old URL of
    a release that was ever published redirects (301) to the new one either way.
    """
    if release.organization_id is None:
        return False
    newsroom = newsroom_index_ensure(organization=release.organization, locale=release.locale)
    if newsroom is None or release.path.startswith(newsroom.path):
        return False
    free = _free_slug(newsroom, release.slug)
    if free != release.slug:
        release.slug = free
        release.save(update_fields=["slug"], clean=False)
    release.move(newsroom, pos="last-child")
    if release.first_published_at is None:
        # Never public, so no reader has the old URL; a redirect would only reveal the slug.
        Redirect.objects.filter(redirect_page=release, automatically_created=True).delete()
    return True


def releases_file_all() -> int:
    """Files every release outside its issuer's newsroom; how many moved."""
    moved = 0
    pks = list(
        PressReleasePage.objects.filter(organization__isnull=False).values_list("pk", flat=True)
    )
    for pk in pks:
        release = PressReleasePage.objects.select_related("organization", "locale").get(pk=pk)
        moved += release_file(release)
    return moved


def release_parent(*, organization_id: int | None, locale: Locale) -> PressReleaseIndexPage | None:
    """Where a new release of this issuer goes: its newsroom in ``locale`` (the importer)."""
    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        return None
    return newsroom_index_ensure(organization=organization, locale=locale)
