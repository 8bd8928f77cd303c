"""Production settings, as an operator meets them: `manage.py check --deploy` in a subprocess."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

# Variables the production settings read, cleared so the developer's shell cannot leak in.
CONFIG_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "EMAIL_BACKEND",
    "TASKS_BACKEND",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "PRESSROOM_PROXY_COUNT",
)
GOOD_KEY = secrets.token_urlsafe(50)


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base_env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    return subprocess.run(  # noqa: S603  (fixed argv, no shell)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**base_env, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check_deploy(**env: str) -> subprocess.CompletedProcess:
    return manage("check", "--deploy", "--fail-level", "WARNING", **env)


def test_deploy_check_passes_without_warnings_given_a_real_key_and_hosts():
    # The proxy count as docs/deploy.md sets it for nginx in front.
    result = check_deploy(
        SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.org", PRESSROOM_PROXY_COUNT="1"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (None, "SECRET_KEY is not set"),
        ("django-insecure-" + secrets.token_urlsafe(50), "SECRET_KEY is a development key"),
        (secrets.token_urlsafe(20), "SECRET_KEY is too weak"),
        ("a" * 60, "SECRET_KEY is too weak"),
    ],
    ids=["missing", "django-insecure", "short", "repetitive"],
)
def test_production_refuses_to_start_without_a_real_secret_key(key, message):
    env = {"ALLOWED_HOSTS": "example.org"}
    if key is not None:
        env["SECRET_KEY"] = key
    result = check_deploy(**env)
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {message}" in result.stderr
    assert "at least 50 characters" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = check_deploy(SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS is not set" in result.stderr


def test_deploy_check_fails_fast_on_a_malformed_elasticsearch_url():
    result = check_deploy(
        SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.org", ELASTICSEARCH_URL="elastic:9200"
    )
    assert result.returncode != 0
    assert "core.E001" in result.stderr
    assert "ELASTICSEARCH_URL is malformed" in result.stderr


def test_deploy_check_warns_when_production_email_goes_to_the_console():
    result = check_deploy(
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.org",
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
    )
    assert result.returncode != 0
    assert "core.W001" in result.stderr


def test_deploy_check_warns_behind_the_proxy_without_a_proxy_count():
    """Production trusts X-Forwarded-Proto, so a proxy is in front: the count must be set."""
    result = check_deploy(SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "core.W002" in result.stderr


def test_health_check_answers_plain_http_while_pages_redirect_to_https():
    """Load balancers probe the machines over HTTP; everything else must go to HTTPS."""
    probe = (
        "from django.test import Client; c = Client(HTTP_HOST='example.org'); "
        "print(c.get('/healthz').status_code, c.get('/en/').status_code)"
    )
    result = manage(
        "shell",
        "-c",
        probe,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL="sqlite://:memory:",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["200", "301"]


def test_elasticsearch_backend_gets_our_azerbaijani_analysis_settings():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(sorted(settings.WAGTAILSEARCH_BACKENDS['default']['INDEX_SETTINGS']"
        "['settings']['analysis']['analyzer']))",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.org",
        ELASTICSEARCH_URL="http://search.internal:9200",
    )
    assert result.returncode == 0, result.stderr
    assert "az_folded" in result.stdout and "az_translit" in result.stdout


# Builds the site in a fresh database, then asks for the English home page over HTTPS. The
# static storage is the plain one: the manifest's hashed names need `collectstatic` first.
HOME_PAGE_HEADERS_PROBE = """
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from home.services import site_tree_create

call_command("migrate", verbosity=0)
site_tree_create()
static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": static}):
    response = Client(HTTP_HOST="example.org").get("/en/", secure=True)
print(response.status_code)
print(response["Content-Security-Policy"])
print(response["Permissions-Policy"])
"""


def test_public_page_carries_content_security_and_permissions_policies(tmp_path):
    """What `curl -I https://example.org/en/` shows an operator: headers of the real stack."""
    result = manage(
        "shell",
        "-c",
        HOME_PAGE_HEADERS_PROBE,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    status, policy, permissions = result.stdout.splitlines()[-3:]
    assert status == "200"
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src "))
    assert script_src == "script-src 'self'"
    assert "camera=()" in permissions and "microphone=()" in permissions
    assert "geolocation=()" in permissions
