"""The change log partners mirror press releases from (``/api/v3/press-releases/changes/``).

One row per change of a release's public face: the log says *which* release changed and in
what order; the API reads the release's current state and serves only each one's latest row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReleaseChange(models.Model):
    """A change to what the public sees of one press release.

    ``txid`` is the PostgreSQL transaction that wrote the row (0 on SQLite and for the
    backfill): the feed orders by ``(txid, id)`` and serves only rows of finished
    transactions, so a row that commits late can never land behind a partner's cursor
    (pressroom/changelog/feed.py). ``page_id`` is no foreign key: tombstones outlive pages.
    """

    class Action(models.TextChoices):
        PUBLISHED = "published", _("published")
        UNPUBLISHED = "unpublished", _("unpublished")
        DELETED = "deleted", _("deleted")
        PRIVACY = "privacy", _("privacy changed")
        MOVED = "moved", _("URL changed")
        RELATED = "related", _("related content changed")
        BACKFILL = "backfill", _("live when the log began")

    id = models.BigAutoField(primary_key=True)
    txid = models.BigIntegerField(_("transaction"), default=0)
    page_id = models.PositiveIntegerField(_("page ID"), db_index=True)
    external_id = models.CharField(_("external ID"), max_length=255, null=True, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        indexes = [models.Index(fields=["txid", "id"], name="pressroom_change_feed_idx")]
        verbose_name = _("press-release change")
        verbose_name_plural = _("press-release changes")

    def __str__(self) -> str:
        return f"{self.page_id} {self.action} {self.changed_at:%Y-%m-%d %H:%M:%S}"
