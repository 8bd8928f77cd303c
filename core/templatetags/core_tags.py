"""Template tags every public page uses: the home link, the main navigation, the language
switch and its notices.

Tags that show an app's content live in that app (``pressroom_tags``, ``directory_tags``,
``accounts_tags``); core knows no app above it: the apps add their main navigation items
through ``core.navigation``'s hook."""

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from core.models import SiteFooter
from core.navigation import MainMenuItem, main_menu_items
from core.request_cache import request_cached

register = template.Library()


def _current_language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _locale_home(request, language_code: str) -> Page | None:
    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return None
        return (
            site.root_page.get_translations(inclusive=True)
            .filter(locale__language_code=language_code)
            .live()
            .first()
        )

    return request_cached(request, ("home", language_code), compute)


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    request = context.get("request")
    home = _locale_home(request, _current_language())
    return home.get_url(request) if home else f"/{_current_language()}/"


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[MainMenuItem]:
    """The apps' main navigation items (``core.navigation``) for this request's language."""
    return main_menu_items(context.get("request"))


def _live_translation(obj, language_code: str):
    return (
        obj.get_translations(inclusive=True)
        .filter(locale__language_code=language_code, live=True)
        .first()
    )


def _nearest_translated_ancestor(page: Page, language_code: str) -> Page | None:
    """The closest enclosing page (the release list, say) that has the language."""
    for ancestor in page.get_ancestors().filter(depth__gt=1).reverse():
        translation = _live_translation(ancestor, language_code)
        if translation is not None:
            return translation
    return None


def _full_path(context, request) -> str:
    """The request's path and query; the query as the view cleaned it when it put its
    parameters in the context as ``params`` (search), so junk is not carried over."""
    params = context.get("params")
    if params is None:
        return request.get_full_path()
    return request.path + (f"?{params.urlencode()}" if params else "")


def _translated_view_url(full_path: str, request, language_code: str) -> str | None:
    """The same Django view (not a Wagtail page) under another language prefix."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name == "wagtail_serve":
        return None
    translated = translate_url(full_path, language_code)
    return translated if translated != full_path else None


def _switch_target(context, language_code: str) -> tuple[str | None, Page | None]:
    """Where the switch to ``language_code`` leads, and the stand-in page when the shown
    page or organization has no translation (then readers are told, not sent home silently).

    Query strings (list filters, search terms) go along to a page's translation.
    """
    request = context.get("request")
    page = context.get("page")
    obj = context.get("translatable_object") or page
    if obj is not None and hasattr(obj, "get_translations") and obj.pk:
        translation = _live_translation(obj, language_code)
        if translation is not None:
            url = translation.get_url(request)
            if obj is page and request is not None and request.GET:
                url += f"?{request.GET.urlencode()}"
            return url, None
        if isinstance(page, Page):
            stand_in = _live_translation(page, language_code) if obj is not page else None
            stand_in = stand_in or _nearest_translated_ancestor(page, language_code)
            if stand_in is not None:
                return stand_in.get_url(request), stand_in
        return None, None
    if request is not None:
        return _translated_view_url(_full_path(context, request), request, language_code), None
    return None, None


def _language_links(context) -> list[dict]:
    request = context.get("request")
    current = _current_language()

    def compute():
        links = []
        for code, _name in settings.LANGUAGES:
            stand_in = None
            if code == current:
                url = _full_path(context, request) if request is not None else None
            else:
                url, stand_in = _switch_target(context, code)
            if url is None:
                home = _locale_home(request, code)
                url = home.get_url(request) if home else f"/{code}/"
            links.append(
                {
                    "code": code,
                    "name": get_language_info(code)["name_local"],
                    "url": url,
                    "current": code == current,
                    "stand_in": stand_in,
                }
            )
        return links

    return request_cached(request, ("language_links", current), compute)


@register.inclusion_tag("core/includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to the current page or organization in each language.

    Without a translation the link leads to the nearest enclosing page that has one (a
    release to the other language's release list), and ``untranslated_notices`` says so.
    Views that are not Wagtail pages (search) keep their path and query under the other
    prefix, which Django's ``translate_url`` does.
    """
    return {"links": _language_links(context)}


# Whole sentences per language (settings.LANGUAGES), not a language name dropped into one:
# Azerbaijani says "in English" in the locative case ("ingilis dilində").
ONLY_IN = {
    "en": _("This page is available only in English."),
    "az": _("This page is available only in Azerbaijani."),
}
# What the notice's link leads to: the nearest page in the reader's own language.
IN_LANGUAGE = {"en": _("In English:"), "az": _("In Azerbaijani:")}


@register.inclusion_tag("core/includes/untranslated_notices.html", takes_context=True)
def untranslated_notices(context) -> dict:
    """For readers of each other language, a notice in their language that the page shown
    exists only in this one, with a link to the nearest page they can read."""
    current = _current_language()
    notices = []
    for link in _language_links(context):
        if link["stand_in"] is None:
            continue
        with translation.override(link["code"]):
            notices.append(
                {
                    "code": link["code"],
                    "url": link["url"],
                    "title": link["stand_in"].title,
                    "text": str(ONLY_IN[current]),
                    "lead": str(IN_LANGUAGE[link["code"]]),
                }
            )
    return {"notices": notices}


@register.filter
def tel_href(phone: str) -> str:
    """A phone number as typed ("(+994 12) 497-34-60") for a ``tel:`` link: "+994124973460"."""
    digits = "".join(
        character for character in phone if character.isascii() and character.isdigit()
    )
    return f"+{digits}" if phone.strip().startswith(("+", "(+")) else digits


@register.simple_tag(takes_context=True)
def site_operator(context) -> dict | None:
    """The site's operator details (core's ``SiteFooter`` setting) in the page's language.

    None without a request (Django's bare 500 page) or a matching site; the about link goes to
    the page's live translation in the current language, else to the page itself.
    """
    request = context.get("request")
    if request is None:
        return None
    try:
        footer = SiteFooter.for_request(request)
    except SiteFooter.DoesNotExist:
        return None
    about = footer.about_page.localized if footer.about_page_id else None
    return {
        "name": footer.in_language("operator_name"),
        "address": footer.in_language("address"),
        "phones": footer.phones,
        "email": footer.email,
        "about_url": about.get_url(request) if about and about.live else "",
    }
