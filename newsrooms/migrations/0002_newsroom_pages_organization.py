"""Marks the newsrooms made before index pages knew their organization.

Runs before pressroom's migration that files releases into newsrooms, so that migration
finds these pages instead of creating a second newsroom for the same organization.
"""

from django.db import migrations


def newsroom_pages_mark(apps, schema_editor):
    Newsroom = apps.get_model("newsrooms", "Newsroom")
    Organization = apps.get_model("directory", "Organization")
    PressReleaseIndexPage = apps.get_model("pressroom", "PressReleaseIndexPage")
    for newsroom in Newsroom.objects.select_related("page", "organization"):
        key = newsroom.organization.translation_key
        for page in PressReleaseIndexPage.objects.filter(
            translation_key=newsroom.page.translation_key
        ):
            named = (
                Organization.objects.filter(translation_key=key, locale_id=page.locale_id).first()
                or newsroom.organization
            )
            PressReleaseIndexPage.objects.filter(pk=page.pk).update(organization=named)


class Migration(migrations.Migration):
    dependencies = [
        ("newsrooms", "0001_initial"),
        ("pressroom", "0006_newsroom_index_organization"),
    ]
    run_before = [("pressroom", "0007_releases_in_newsrooms")]

    operations = [migrations.RunPython(newsroom_pages_mark, migrations.RunPython.noop)]
