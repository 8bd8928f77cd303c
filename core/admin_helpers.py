"""Pieces the apps' wagtail-modeladmin listings share."""

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
