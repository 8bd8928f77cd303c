"""ensure_local_admin: one superuser for `make run`, never outside DEBUG."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest


def ensure_local_admin() -> str:
    stdout = StringIO()
    call_command("ensure_local_admin", stdout=stdout)
    return stdout.getvalue()


def test_creates_admin_with_the_password_it_prints(db, settings, client):
    settings.DEBUG = True

    output = ensure_local_admin()

    password = output.split("password ", 1)[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    # django-axes checks every authentication against its request (accounts app).
    assert client.login(request=HttpRequest(), username="admin", password=password)


def test_does_nothing_when_a_superuser_exists(db, settings):
    settings.DEBUG = True
    get_user_model().objects.create_superuser(username="editor", password="x" * 12)

    assert "exists" in ensure_local_admin()
    assert not get_user_model().objects.filter(username="admin").exists()


def test_refuses_when_debug_is_off(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        ensure_local_admin()
    assert not get_user_model().objects.exists()
