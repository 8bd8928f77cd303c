"""The import log: one row per run of the press-release import, for staff to audit."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """Counts and the first rejections of one import; written by the import service."""

    MAX_REJECTIONS_KEPT = 100

    source = models.CharField(_("source"), max_length=255)
    publish = models.BooleanField(_("published"), default=False)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)
    rejections = models.TextField(
        _("rejections"),
        blank=True,
        help_text=_("Line number and reason of the first rejected lines."),
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return f"{self.source} ({self.started_at:%Y-%m-%d %H:%M})"
