"""The organizations snippet in the admin, and the directory in the site's main navigation."""

from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet

from core.navigation import MainMenuItem

from .selectors import directory_pages_by_locale
from .viewsets import OrganizationViewSet

register_snippet(OrganizationViewSet)


@hooks.register("main_menu_item", order=300)
def directory_menu_item(request) -> MainMenuItem | None:
    """ "Directory", when the active language has a directory page."""
    directory = directory_pages_by_locale(request).get(Locale.get_active().pk)
    return MainMenuItem(label=_("Directory"), url=directory.get_url(request)) if directory else None
