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


def _newsroom_naming(*, organization: Organization, locale: Locale) -> tuple[Organization, str]:
    """The entry a newsroom in ``locale`` credits and its title: the entry's translation into
    that language where the directory has one, else the entry itself, with its "name in
    Azerbaijani" on an Azerbaijani page when filled in, else its only name."""
    named = organization.get_translation_or_none(locale) or organization
    title = named.name
    if named.locale_id != locale.pk and locale.language_code == "az" and named.name_az:
        title = named.name_az
    return named, title


def newsroom_titles_sync(*, organization: Organization) -> int:
    """Retitles the organization's newsrooms with its current name in each page's language,
    publishing the change; returns how many changed.

    A newsroom made before the directory had the entry's translation carries the other
    language's name until this runs (on the entry's publication, on approval, by migration).
    A newsroom with unpublished changes of its own is left as it is: publishing here would
    publish its editor's draft too.
    """
    changed = 0
    newsrooms = PressReleaseIndexPage.objects.filter(
        organization__translation_key=organization.translation_key
    ).select_related("locale")
    for page in newsrooms:
        named, title = _newsroom_naming(organization=organization, locale=page.locale)
        if (page.title, page.organization_id) == (title, named.pk) or page.has_unpublished_changes:
            continue
        page.title = page.draft_title = title
        page.organization = named
        page.save_revision(log_action=True).publish()
        changed += 1
    return changed


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
    named, title = _newsroom_naming(organization=organization, locale=locale)
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
