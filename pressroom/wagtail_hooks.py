"""The admin's read-only import log: what each import run created, updated or rejected."""

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models_import import ImportRun


class ReadOnlyPermissionHelper(PermissionHelper):
    """The log records what happened; nobody adds, edits or deletes history by hand."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


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
        "publish",
        "created",
        "updated",
        "unchanged",
        "rejected",
    )
    list_filter = ("publish",)
    search_fields = ("source",)


modeladmin_register(ImportRunAdmin)
