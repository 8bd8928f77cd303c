"""The "For Organizations" box on every page: its links and who is signed in."""

from django import template
from django.urls import reverse
from wagtail.models import Locale

from accounts.selectors import member_organization
from core.request_cache import request_cached

register = template.Library()


@register.simple_tag
def organization_account_url(name: str) -> str:
    """An account page ("login", "password-reset", ...) under the current language's prefix."""
    return reverse(f"accounts:{name.replace('-', '_')}")


@register.simple_tag(takes_context=True)
def signed_in_organization(context):
    """The organization the signed-in person publishes for, in the current language."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    locale = Locale.get_active()
    return request_cached(
        request,
        ("member_organization", locale.pk),
        lambda: member_organization(user=request.user, locale=locale),
    )
