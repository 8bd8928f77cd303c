"""Links into the directory (an organization's profile, the directory page) and its cities."""

from django import template
from django.utils.translation import get_language

from directory.selectors import organization_url as profile_url
from search.cities import city_name

register = template.Library()


@register.simple_tag(takes_context=True)
def organization_url(context, organization) -> str:
    """The organization's profile URL, with the directory page looked up once per request."""
    return profile_url(organization, request=context.get("request")) or ""


@register.filter
def city_in_language(city: str) -> str:
    """A city as written ("Baku", "Şəki") named in the page's language ("Bakı" on /az/)."""
    return city_name(city, get_language() or "en")
