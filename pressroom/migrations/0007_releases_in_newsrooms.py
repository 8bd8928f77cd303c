"""Files every existing release under its issuer's newsroom (docs/newsrooms.md).

Moving pages needs treebeard's path arithmetic and Wagtail's move signal (which makes
wagtail.contrib.redirects record a 301 from each old URL), neither of which historical
models carry, so the work is done by the current service, ``pressroom.filing``. It only
touches the current models when releases exist; a fresh database skips it.
"""

from django.db import migrations


def releases_file(apps, schema_editor):
    if not apps.get_model("pressroom", "PressReleasePage").objects.exists():
        return
    from pressroom.filing import releases_file_all

    releases_file_all()


class Migration(migrations.Migration):
    dependencies = [
        ("pressroom", "0006_newsroom_index_organization"),
        ("search", "0001_index_change_outbox"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(releases_file, migrations.RunPython.noop)]
