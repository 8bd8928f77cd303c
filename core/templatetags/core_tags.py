"""Template tags every public page uses: home link, language switch, feed links."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

register = template.Library()


def _locale_home(site, language_code: str) -> Page | None:
    if site is None:
        return None
    root = site.root_page
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return None
    return root.get_translations(inclusive=True).filter(locale=locale).live().first()


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    site = Site.find_for_request(context.get("request"))
    home = _locale_home(site, get_language() or settings.LANGUAGE_CODE)
    return home.url if home else "/"


@register.inclusion_tag("core/includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to the current page in each language, else to that language's home page."""
    request = context.get("request")
    site = Site.find_for_request(request)
    page = context.get("page")
    current = get_language() or settings.LANGUAGE_CODE
    links = []
    for code, name in settings.LANGUAGES:
        target = None
        if isinstance(page, Page):
            target = (
                page.get_translations(inclusive=True)
                .filter(locale__language_code=code)
                .live()
                .first()
            )
        if target is None:
            target = _locale_home(site, code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": target.url if target else f"/{code}/",
                "current": code == current,
            }
        )
    return {"links": links}


@register.inclusion_tag("core/includes/feed_links.html", takes_context=True)
def feed_links(context) -> dict:
    """<link rel="alternate"> for the site-wide feeds of the current language."""
    from pressroom.feeds import site_feed_urls

    return {"feeds": site_feed_urls()}
