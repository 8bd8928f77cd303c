"""The demo's site footer: the operator's contact from the seed page and an about page."""

from django.db import transaction
from wagtail.models import Site

from core.models import SiteFooter
from home.models import StandardPage
from home.services import site_tree_create

ABOUT = {
    "en": (
        "About Pressroom",
        "<p>Pressroom publishes the press releases of non-governmental organizations in "
        "Azerbaijan, in English and Azerbaijani.</p>",
    ),
    "az": (
        "Press-mərkəz haqqında",
        "<p>Press-mərkəz Azərbaycandakı qeyri-hökumət təşkilatlarının press-relizlərini "
        "ingilis və Azərbaycan dillərində dərc edir.</p>",
    ),
}


@transaction.atomic
def demo_footer_set() -> SiteFooter:
    """Fills the default site's footer, where no operator is named, and its about pages."""
    trees = site_tree_create()
    footer = SiteFooter.for_site(Site.objects.get(is_default_site=True))
    if footer.operator_name_en:
        return footer
    about = _about_page_create(trees)
    footer.operator_name_en = "AzerWeb"
    footer.operator_name_az = "AzerWeb"
    footer.address_en = "Baku, Azerbaijan"
    footer.address_az = "Bakı, Azərbaycan"
    footer.phones = ["(055) 669 68 89"]
    footer.about_page = about
    footer.save()
    return footer


def _about_page_create(trees: dict) -> StandardPage:
    """The about page under the default language's home, translated into the other languages."""
    default, *others = trees.values()
    about = StandardPage.objects.child_of(default.home).filter(slug="about").first()
    if about is None:
        title, body = ABOUT[default.home.locale.language_code]
        about = default.home.add_child(instance=StandardPage(title=title, slug="about", body=body))
        about.save_revision().publish()
    for tree in others:
        locale = tree.home.locale
        if about.get_translations().filter(locale=locale).exists():
            continue
        title, body = ABOUT.get(locale.language_code, ABOUT["en"])
        translated = about.copy_for_translation(locale)
        translated.title, translated.body = title, body
        translated.save_revision().publish()
    return about
