"""Translations of an organization take its source's type: the entry in the default language,
else the earliest entered."""

from django.conf import settings
from django.db import migrations


def types_synchronize(apps, schema_editor):
    Organization = apps.get_model("directory", "Organization")
    default_language = settings.LANGUAGE_CODE.split("-")[0]
    groups: dict = {}
    for organization in Organization.objects.select_related("locale").order_by("pk"):
        groups.setdefault(organization.translation_key, []).append(organization)
    for translations in groups.values():
        source = next(
            (entry for entry in translations if entry.locale.language_code == default_language),
            translations[0],
        )
        Organization.objects.filter(translation_key=source.translation_key).exclude(
            organization_type=source.organization_type
        ).update(organization_type=source.organization_type)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(types_synchronize, migrations.RunPython.noop)]
