"""The search outbox: index changes recorded with the content change, applied later."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndexChange(models.Model):
    """One change to an indexed object that the search engine has not seen yet.

    Written in the same transaction as the content change, so a change committed to the
    database is never lost when the engine is down; deleted once the engine has it.
    """

    class Action(models.TextChoices):
        UPSERT = "upsert", _("Add or update")
        DELETE = "delete", _("Delete")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=6, choices=Action.choices)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="search_change_object")]
        verbose_name = _("pending search index change")

    def __str__(self) -> str:
        return f"{self.action} {self.content_type_id}:{self.object_id}"
