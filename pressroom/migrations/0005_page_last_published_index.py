"""An index on Wagtail's ``wagtailcore_page.last_published_at``, for the API's ``ordering=updated``.

``updated`` is Wagtail's ``last_published_at``, a column of Wagtail's page table that Wagtail
does not index (it indexes ``first_published_at``), and a model's ``Meta.indexes`` can only
name its own table's columns. Without it, listing newest-updated first sorts every release.
Hand-written SQL, outside Django's model state, so:

- Django does not know it: no model or Wagtail migration will ever drop or rename it on
  PostgreSQL, but on SQLite a later Wagtail migration that rebuilds ``wagtailcore_page``
  (SQLite's way of altering a column) would drop it silently. Production is PostgreSQL.
- If Wagtail ever adds its own index on the column, this one can be dropped by a migration.
- ``IF NOT EXISTS`` / ``IF EXISTS`` make it safe to re-run; the SQL is the same on
  PostgreSQL and SQLite. ``id`` is the tie-breaker of the ordering (``-last_published_at,
  -pk``), so the page is read from the index, backwards, and nothing is sorted.
"""

from django.db import migrations

INDEX = "pressroom_page_last_published_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("pressroom", "0004_pressreleasepage_pressroom_release_date_idx"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (last_published_at, id)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
