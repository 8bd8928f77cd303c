"""Links into the directory: an organization's profile and the directory page itself."""

from django import template
from wagtail.models import Locale

from directory.selectors import directory_pages_by_locale
from directory.selectors import organization_url as profile_url

register = template.Library()


@register.simple_tag(takes_context=True)
def organization_url(context, organization) -> str:
    """The organization's profile URL, with the directory page looked up once per request."""
    return profile_url(organization, request=context.get("request")) or ""


@register.simple_tag(takes_context=True)
def directory_url(context) -> str:
    """The current language's directory page."""
    request = context.get("request")
    directory = directory_pages_by_locale(request).get(Locale.get_active().pk)
    return directory.get_url(request) if directory else ""
