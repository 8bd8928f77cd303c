"""Production: base settings plus HTTPS hardening; refuses to start without real secrets."""

from .base import *
from .base import ImproperlyConfigured, env_bool

GENERATE_KEY = "python -c 'import secrets; print(secrets.token_urlsafe(50))'"

if not SECRET_KEY:
    _key_problem = "SECRET_KEY is not set"
elif SECRET_KEY.startswith("django-insecure"):
    _key_problem = "SECRET_KEY is a development key (it starts with 'django-insecure')"
elif len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    _key_problem = f"SECRET_KEY is too weak ({len(SECRET_KEY)} characters)"
else:
    _key_problem = ""
if _key_problem:
    raise ImproperlyConfigured(
        f"{_key_problem}: production needs a random value of at least 50 characters, "
        f"e.g. from: {GENERATE_KEY}"
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set: production needs the public host names, comma-separated."
    )

# On PostgreSQL each gunicorn worker keeps a small psycopg pool (Django 5.2; CONN_MAX_AGE must
# be 0 with it): a request takes a checked connection and gives it back, so a database
# restart costs no errors once it is up again. docs/deploy.md ("PostgreSQL") sizes it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_POOL", True
):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # With the pool, Django 5.2 hands this on as the pool's own check (check_connection).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", "1")),
        "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", "4")),
        # A request waits this long for a connection, then fails (503) instead of hanging.
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "5")),
    }
else:
    # Persistent connections: each gunicorn worker reuses its own.
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe the application machines over plain HTTP: answer, don't redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail shows page and snippet previews in a same-origin iframe, so DENY would break them;
# SAMEORIGIN still refuses every other site, which is what W019 guards against.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
