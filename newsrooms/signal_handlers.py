"""Runs the idempotent newsroom setup after every ``migrate``, as Wagtail's data migrations
would, but without a migration that must run after every other app's permissions exist."""

from django.db import connection

from .services import newsrooms_setup

# Tables newsrooms_setup writes to; a partial migrate (e.g. to zero) may not have them.
REQUIRED_TABLES = {
    "auth_group",
    "wagtailcore_workflow",
    "wagtailcore_groupapprovaltask",
    "wagtailcore_grouppagepermission",
    "wagtailcore_groupcollectionpermission",
    "directory_organization",
}


def setup_after_migrate(sender, using, **kwargs) -> None:
    if using != "default" or not REQUIRED_TABLES.issubset(connection.introspection.table_names()):
        return
    newsrooms_setup()
