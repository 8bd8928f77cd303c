"""``manage.py load_publish``: staff publishing during the rehearsal (docs/load.md).

Publishes a release every ``--every`` seconds until stopped, printing one JSON line per
attempt; a failed attempt (the database restarting, say) is a line with ``error`` and the
loop goes on, as an editor would press Publish again.
"""

import json
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from bench.rehearsal import rehearsal_release_publish, rehearsal_staff_ensure


class Command(BaseCommand):
    help = "Publishes a release every few seconds until stopped (the rehearsal's staff)."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=3.0, help="Seconds between publishes.")
        parser.add_argument("--start", type=int, default=1, help="Number of the first release.")

    def handle(self, *args, every: float, start: int, **options):
        user = rehearsal_staff_ensure()
        number = start
        while True:
            began = time.monotonic()
            # As a request would: a connection broken by a database restart is replaced.
            close_old_connections()
            try:
                line = rehearsal_release_publish(number=number, user=user)
            except Exception as error:  # any failure is reported, then retried
                line = {"number": number, "error": f"{type(error).__name__}: {error}"[:300]}
            line["seconds"] = round(time.monotonic() - began, 3)
            self.stdout.write(json.dumps(line))
            self.stdout.flush()
            number += 1
            time.sleep(max(every - (time.monotonic() - began), 0.1))
