"""The admin's read-only import log; releases as the importer's first line type and in the
site's main navigation."""

from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.admin_helpers import ReadOnlyPermissionHelper, yes_no_column
from core.navigation import MainMenuItem

from .filing import release_file
from .importing.releases import release_line_type
from .models import ImportRun, PressReleasePage
from .templatetags.pressroom_tags import active_release_index


class ImportRunAdmin(ModelAdmin):
    model = ImportRun
    menu_label = "Import log"
    menu_icon = "history"
    menu_order = 900
    add_to_settings_menu = True
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "source",
        "started_at",
        yes_no_column(ImportRun, "publish"),
        "created",
        "updated",
        "unchanged",
        "rejected",
    )
    list_filter = ("publish",)
    search_fields = ("source",)


modeladmin_register(ImportRunAdmin)


@hooks.register("after_create_page")
def release_file_after_create(request, page):
    """A release staff write outside a newsroom goes into its issuer's (docs/newsrooms.md)."""
    if isinstance(page, PressReleasePage) and release_file(page):
        page.refresh_from_db()


hooks.register("register_import_line_type", release_line_type)


@hooks.register("main_menu_item", order=100)
def releases_menu_item(request) -> MainMenuItem | None:
    """ "Press releases", when the active language has a release list."""
    index = active_release_index(request)
    return MainMenuItem(label=_("Press releases"), url=index.get_url(request)) if index else None
