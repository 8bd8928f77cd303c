"""Queues today's digests and forgets unconfirmed requests: run daily (docs/deploy.md)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.services import stale_requests_delete
from alerts.tasks import digests_enqueue


class Command(BaseCommand):
    help = "Queue one digest per daily alert with new releases; delete stale unconfirmed requests."

    def handle(self, *args, **options):
        queued = digests_enqueue()
        before = timezone.now() - datetime.timedelta(seconds=settings.ALERTS["CONFIRM_MAX_AGE"])
        deleted = stale_requests_delete(before=before)
        self.stdout.write(f"{queued} digest(s) queued; {deleted} unconfirmed request(s) deleted.")
