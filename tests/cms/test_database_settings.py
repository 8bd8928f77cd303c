"""Database connection lifetimes per settings module, read as the process would start."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

POSTGRES_URL = "postgres://pressroom@127.0.0.1:5432/pressroom"


def conn_max_age(settings_module: str, **extra_env: str) -> int:
    """CONN_MAX_AGE of a fresh process; the developer's DATABASE_* variables are left out."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": POSTGRES_URL,
        "SECRET_KEY": "s3cret-" * 10,
        "ALLOWED_HOSTS": "example.org",
        **extra_env,
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['CONN_MAX_AGE'])",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(result.stdout.strip())


def test_development_server_closes_each_connection_after_its_request():
    """runserver uses a thread, so a connection, per request: kept, they exhaust PostgreSQL."""
    assert conn_max_age("cms.settings.dev") == 0


def test_production_keeps_connections_for_a_minute():
    assert conn_max_age("cms.settings.production") == 60


@pytest.mark.parametrize("module", ["cms.settings.dev", "cms.settings.production"])
def test_connection_lifetime_follows_the_environment_variable(module):
    assert conn_max_age(module, DATABASE_CONN_MAX_AGE="5") == 5
