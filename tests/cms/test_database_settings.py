"""Database connections per settings module: read as the process would start, and counted
on PostgreSQL while a development server answers requests."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

POSTGRES_URL = "postgres://pressroom@127.0.0.1:5432/pressroom"


def process_env(settings_module: str, **extra_env: str) -> dict[str, str]:
    """A fresh process's environment; the developer's DATABASE_* variables are left out."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": POSTGRES_URL,
        "SECRET_KEY": "s3cret-" * 10,
        "ALLOWED_HOSTS": "example.org,127.0.0.1",
        **extra_env,
    }


def database_setting(settings_module: str, expression: str, **extra_env: str) -> str:
    """``expression`` over ``settings.DATABASES['default']``, evaluated by a fresh process."""
    result = subprocess.run(  # noqa: S603 (our own expressions)
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            f"database = settings.DATABASES['default']; print({expression})",
        ],
        cwd=settings.BASE_DIR,
        env=process_env(settings_module, **extra_env),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def conn_max_age(settings_module: str, **extra_env: str) -> int:
    return int(database_setting(settings_module, "database['CONN_MAX_AGE']", **extra_env))


def test_development_server_closes_each_connection_after_its_request():
    """runserver uses a thread, so a connection, per request: kept, they exhaust PostgreSQL."""
    assert conn_max_age("cms.settings.dev") == 0


def test_production_on_postgresql_pools_connections_per_worker():
    """Django's psycopg pool, which refuses persistent connections (CONN_MAX_AGE 0)."""
    pool = database_setting(
        "cms.settings.production",
        "(database['CONN_MAX_AGE'], database['OPTIONS']['pool']['max_size'])",
        DATABASE_POOL_MAX_SIZE="3",
    )
    assert pool == "(0, 3)"


def test_production_without_the_pool_keeps_connections_for_a_minute():
    assert conn_max_age("cms.settings.production", DATABASE_POOL="false") == 60


@pytest.mark.parametrize(
    ("module", "env"),
    [("cms.settings.dev", {}), ("cms.settings.production", {"DATABASE_POOL": "false"})],
)
def test_connection_lifetime_follows_the_environment_variable(module, env):
    assert conn_max_age(module, DATABASE_CONN_MAX_AGE="5", **env) == 5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def other_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_development_server_on_postgresql_holds_no_connection_per_request():
    """`make run` with a PostgreSQL DATABASE_URL: runserver answers each request on a new
    thread; were its connection kept, a few thousand requests would exhaust the server."""
    if connection.vendor != "postgresql":
        pytest.skip("counts PostgreSQL's backends")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 (this interpreter, our manage.py)
        [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            "--skip-checks",
            f"127.0.0.1:{port}",
        ],
        cwd=settings.BASE_DIR,
        env=process_env("cms.settings.dev", DATABASE_URL=url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        for _request in range(40):
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10).read()
                    break
                except OSError:
                    assert time.monotonic() < deadline, "runserver did not start"
                    time.sleep(0.2)
        assert other_connections() <= 2
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.django_db
def test_production_settings_open_a_pooled_postgresql_connection():
    """The pool options are Django's to complete: a ``check`` given twice broke every request."""
    if connection.vendor != "postgresql":
        pytest.skip("opens a PostgreSQL connection")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    answer = database_setting(
        "cms.settings.production",
        "__import__('django.db').db.connection.cursor().execute('SELECT 1').fetchone()",
        DATABASE_URL=url,
    )
    assert answer == "(1,)"
