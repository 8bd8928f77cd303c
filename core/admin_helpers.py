"""Pieces the apps' wagtail-modeladmin listings share."""

from collections.abc import Callable

from django.db.models import Model
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail_modeladmin.helpers import PermissionHelper


class ReadOnlyPermissionHelper(PermissionHelper):
    """For logs (imports, webhook deliveries): they record what happened, so nobody adds,
    edits or deletes an entry by hand; viewing still needs the model's permission."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


def yes_no_column(model: type[Model], name: str) -> Callable[[Model], str]:
    """A modeladmin list column showing a boolean field in words.

    modeladmin draws booleans with django.contrib.admin's icons, static files of an app
    this site does not install, so every such listing requested missing images.
    """

    def column(obj: Model) -> str:
        return gettext("Yes") if getattr(obj, name) else gettext("No")

    column.short_description = capfirst(model._meta.get_field(name).verbose_name)
    column.admin_order_field = name
    return column
