"""Titles each newsroom with its organization's name in the page's language (docs/newsrooms.md).

Newsrooms made before the directory had an entry's translation carry the other language's
name. Retitling publishes a revision, which historical models cannot do, so the current
service, ``pressroom.filing``, does the work; a database without newsrooms skips it.
"""

from django.db import migrations


def newsroom_titles(apps, schema_editor):
    newsrooms = apps.get_model("pressroom", "PressReleaseIndexPage").objects.exclude(
        organization=None
    )
    if not newsrooms.exists():
        return
    from directory.models import Organization
    from pressroom.filing import newsroom_titles_sync

    keys = set(newsrooms.values_list("organization__translation_key", flat=True))
    for key in keys:
        newsroom_titles_sync(organization=Organization.objects.filter(translation_key=key).first())

class Migration(migrations.Migration):
    dependencies = [("pressroom", "0007_releases_in_newsrooms")]

    operations = [migrations.RunPython(newsroom_titles, migrations.RunPython.noop)]
