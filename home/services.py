"""Creates the site tree every locale needs: home, press-release index, directory."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from directory.models import DirectoryIndexPage
from pressroom.models import PressReleaseIndexPage

from .models import HomePage

TITLES = {
    "en": {"home": "Pressroom", "releases": "Press releases", "directory": "NGO directory"},
    "az": {"home": "Press-mərkəz", "releases": "Press-relizlər", "directory": "QHT kataloqu"},
}


@dataclass(frozen=True)
class LocaleTree:
    home: HomePage
    releases: PressReleaseIndexPage
    directory: DirectoryIndexPage


@transaction.atomic
def site_tree_create() -> dict[str, LocaleTree]:
    """Idempotently builds the tree in every configured language and points the site at it.

    The default language's home is the site root; the other languages' homes are its
    translations, which Wagtail serves under their URL prefix (/az/).
    """
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    default = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=default, depth=2).first()
    if home is None:
        # Wagtail's first migration leaves a plain "Welcome" page (and its Site) as the root.
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title=TITLES["en"]["home"], slug="home", locale=default)
        )
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"root_page": home, "hostname": "localhost", "site_name": "Pressroom"},
        )
    releases = _child(home, PressReleaseIndexPage, "press-releases", TITLES["en"]["releases"])
    directory = _child(home, DirectoryIndexPage, "directory", TITLES["en"]["directory"])
    trees = {settings.LANGUAGE_CODE: LocaleTree(home, releases, directory)}
    for code, locale in locales.items():
        if locale == default:
            continue
        trees[code] = LocaleTree(
            *(
                _translation(page, locale, TITLES.get(code, TITLES["en"])[key])
                for key, page in (("home", home), ("releases", releases), ("directory", directory))
            )
        )
    return trees


def _child(parent: Page, model: type[Page], slug: str, title: str) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale))
    page.save_revision().publish()
    return page


def _translation(page: Page, locale: Locale, title: str) -> Page:
    existing = page.get_translations().filter(locale=locale).first()
    if existing:
        return existing.specific
    translated = page.copy_for_translation(locale)
    translated.title = title
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated
