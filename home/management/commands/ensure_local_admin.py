"""Creates a local superuser for `make run`, once, and shows its password once."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the superuser 'admin' with a generated password when no superuser exists (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create a local admin: DEBUG is off, so this may not be a local "
                "machine. Use `manage.py createsuperuser` to choose the account yourself."
            )
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser exists; no local admin created.")
            return
        if users.objects.filter(username=USERNAME).exists():
            raise CommandError(
                f"A user {USERNAME!r} exists but is not a superuser; not changing it."
            )
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(username=USERNAME, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created superuser {USERNAME!r} with password {password} "
                "(shown only now; change it at /admin/account/)."
            )
        )
