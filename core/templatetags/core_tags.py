"""Template tags every public page uses: home link, language switch, feed links, shared URLs."""

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

register = template.Library()

# The organization account pages a later issue builds; one place to switch to reverse().
ORGANIZATION_ACCOUNT_PATHS = {
    "login": "login/",
    "password-reset": "password-reset/",
    "join": "join/",
    "dashboard": "dashboard/",
    "logout": "logout/",
}


def _current_language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _per_request(request, key: tuple, compute):
    """Remembers a lookup on the request: the header and lists ask for the same pages often."""
    cache = getattr(request, "_core_tags_cache", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._core_tags_cache = cache
    if key not in cache:
        cache[key] = compute()
    return cache[key]


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

    return _per_request(request, ("home", language_code), compute)


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    request = context.get("request")
    home = _locale_home(request, _current_language())
    return home.get_url(request) if home else f"/{_current_language()}/"


def _translation_url(obj, language_code: str, request) -> str | None:
    """The URL of the live translation of a page or organization, if there is one."""
    target = (
        obj.get_translations(inclusive=True)
        .filter(locale__language_code=language_code, live=True)
        .first()
    )
    return target.get_url(request) if target else None


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


@register.inclusion_tag("core/includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to the current page or organization in each language, else that language's home.

    Views that are not Wagtail pages (search) keep their path and query under the
    other prefix, which Django's ``translate_url`` does.
    """
    request = context.get("request")
    obj = context.get("translatable_object") or context.get("page")
    current = _current_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = None
        if code == current and request is not None:
            url = _full_path(context, request)
        elif obj is not None and hasattr(obj, "get_translations") and obj.pk:
            url = _translation_url(obj, code, request)
        elif request is not None:
            url = _translated_view_url(_full_path(context, request), request, code)
        if url is None:
            home = _locale_home(request, code)
            url = home.get_url(request) if home else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return {"links": links}


@register.inclusion_tag("core/includes/feed_links.html", takes_context=True)
def feed_links(context, organization=None, topics=None, filters=None) -> dict:
    """<link rel="alternate"> for the site-wide feeds, plus those of the page's subjects.

    ``filters`` (a ReleaseFilters) adds the feeds of the organization and topic a
    list is filtered by, when they exist.
    """
    from pressroom import feeds, selectors

    topics = list(topics or [])
    if filters is not None:
        filtered_organization, filtered_topic = selectors.filter_subjects(
            filters=filters, locale=Locale.get_active()
        )
        organization = organization or filtered_organization
        if filtered_topic:
            topics.append(filtered_topic)
    links = feeds.site_feed_urls()
    if organization is not None:
        links += feeds.organization_feed_urls(organization)
    for topic in topics:
        links += feeds.topic_feed_urls(topic)
    return {"feeds": links}


@register.simple_tag(takes_context=True)
def organization_url(context, organization) -> str:
    """The organization's profile URL, with the directory page looked up once per request."""
    from directory.selectors import organization_url as profile_url

    return profile_url(organization, request=context.get("request")) or ""


@register.simple_tag(takes_context=True)
def directory_url(context) -> str:
    """The current language's directory page."""
    from directory.selectors import directory_pages_by_locale

    request = context.get("request")
    directory = directory_pages_by_locale(request).get(Locale.get_active().pk)
    return directory.get_url(request) if directory else ""


@register.simple_tag(takes_context=True)
def releases_url(context, **params) -> str:
    """The current language's press-release list, filtered by ``params`` (topic=, organization=)."""
    from pressroom.selectors import release_index_page

    request = context.get("request")
    language_code = _current_language()
    index = _per_request(
        request,
        ("releases", language_code),
        lambda: release_index_page(locale=Locale.get_active()),
    )
    if index is None:
        return ""
    query = {key: value for key, value in params.items() if value not in (None, "")}
    return index.get_url(request) + (f"?{urlencode(query)}" if query else "")


@register.simple_tag
def release_organizations(release) -> dict:
    """Participants and funders of a release without a query per organization."""
    from pressroom.selectors import release_organizations as organizations_of

    return organizations_of(release)


@register.simple_tag
def organization_account_url(name: str) -> str:
    """Links in the "For Organizations" box, under the current language's prefix."""
    return f"/{_current_language()}/organizations/{ORGANIZATION_ACCOUNT_PATHS[name]}"


@register.simple_tag(takes_context=True)
def signed_in_organization(context):
    """The organization the signed-in person publishes for, in the current language."""
    from accounts.selectors import member_organization

    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return _per_request(
        request,
        ("member_organization", _current_language()),
        lambda: member_organization(user=request.user, locale=Locale.get_active()),
    )
