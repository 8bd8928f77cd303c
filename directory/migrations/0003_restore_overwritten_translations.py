"""Gives back the directory's own text of translations that translating a release overwrote,
and retitles their newsrooms (directory.services.organization_translations_restore).

Publishing a revision is beyond historical models, so the current service does the work; a
database where wagtail-localize never translated an organization skips it.
"""

from django.db import migrations


def translations_restore(apps, schema_editor):
    records = apps.get_model("wagtail_localize", "Translation").objects.filter(
        enabled=True,
        source__specific_content_type__app_label="directory",
        source__specific_content_type__model="organization",
    )
    if not records.exists():
        return
    from directory.services import organization_translations_restore

    organization_translations_restore()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_organization_type_one_per_organization"),
        ("pressroom", "0008_newsroom_titles"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(translations_restore, migrations.RunPython.noop)]
