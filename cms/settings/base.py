"""Settings shared by every environment.

Safe for production on its own: DEBUG is off and every secret or host comes from
the environment. ``dev`` and ``test`` relax it; ``production`` only adds checks.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# A plain dict with no Django imports, so settings can load it.
from search.analysis import INDEX_SETTINGS

from .policies import csp_settings, permissions_policy

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Old keys, comma-separated, still accepted for sessions and signed links while rotating.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "directory",
    "pressroom",
    "events",
    "partners",
    "accounts",
    "newsrooms",
    "alerts",
    "demo",  # tools at the top layer, beside the apps
    "bench",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # After wagtail.search: its ready() connects the index signal handlers search replaces.
    "search",
    "wagtail.admin",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    # Django Ninja's own copy of Swagger UI (pinned with django-ninja) serves /api/v3/docs/;
    # without the app, Ninja's page loads the latest Swagger UI from a CDN.
    "ninja",
    # Last of ours: its ready() mounts the apps' API routers once they are all ready.
    "cms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",  # Django's, keeping the API's 404s
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside sessions, CSRF and messages, so it sees whether a response used any of them.
    "core.page_cache.middleware.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # Persistent connections outlive database restarts and failovers: test before reuse.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English and Azerbaijani, both under a URL prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("az", _("Azerbaijani"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Baku")
USE_I18N = True
USE_TZ = True

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content-Security-Policy and Permissions-Policy: what pages may load and use (policies.py).
CONTENT_SECURITY_POLICY, PRESSROOM_ADMIN_CSP_REPLACE = csp_settings(MEDIA_URL)
PERMISSIONS_POLICY = permissions_policy()

# Rate limits (API, registrations) and lockouts count in the default cache, so every worker
# process must share it: Django's database cache unless CACHE_BACKEND names another (Redis,
# Memcached, with their client installed). Its table is created after `migrate` (core.apps).
CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", "pressroom_cache"),
    }
}

# The page cache (core/page_cache): anonymous readers' pages and feeds, shared by every worker
# and machine, purged through Wagtail's frontend cache invalidator when content changes
# (docs/deploy.md, "Page cache"). Its own table, so culling pages never drops rate counters.
CACHES["pages"] = {
    "BACKEND": os.environ.get("PAGE_CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
    "LOCATION": os.environ.get("PAGE_CACHE_LOCATION", "pressroom_page_cache"),
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "20000"))},
}
PRESSROOM_PAGE_CACHE_ALIAS = "pages" if env_bool("PAGE_CACHE", True) else None
PRESSROOM_PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(6 * 60 * 60)))
# Never cached: the admin, the API (tokens, rate limits, its own ETags), documents (privacy
# checks), the health check, and search, whose answers change with every index update.
PRESSROOM_PAGE_CACHE_EXCLUDE = [
    r"^/admin/",
    r"^/api/",
    r"^/documents/",
    r"^/healthz",
    r"^/[^/]+/search/",
]
# Every purge goes to each backend here: ours forgets the pages above; a CDN or nginx cache
# in front is purged by adding its backend (docs/deploy.md).
WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "core.page_cache.backend.PageCacheBackend"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pressroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Pressroom")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Wagtail's default is scheme-relative; the admin's Content-Security-Policy allows https only.
WAGTAIL_GRAVATAR_PROVIDER_URL = "https://www.gravatar.com/avatar"

# Search: Elasticsearch when ELASTICSEARCH_URL is set, else the database's full text.
# Several comma-separated URLs name the nodes of one cluster; core.checks validates them.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "").strip()
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get(
                "ELASTICSEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"
            ),
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "pressroom_"),
            # Our Azerbaijani and English analysers; the mappings' sub-fields need them.
            "INDEX_SETTINGS": INDEX_SETTINGS,
        },
        # Kept up to date beside Elasticsearch by the outbox: the outage fallback searches it,
        # with the same folding and stems as `make run` (search/fallback.py).
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The outage fallback's bounds: seconds per search, results per type (docs/search-resilience.md).
SEARCH_FALLBACK = {
    "BUDGET": float(os.environ.get("SEARCH_FALLBACK_BUDGET", "0.8")),
    "MATCHES": int(os.environ.get("SEARCH_FALLBACK_MATCHES", "500")),
}

# Background tasks (search indexing, reference index, image focal points). The default runs
# each task inline in the request that queued it, which needs no worker; a deployment that
# wants them off the request sets TASKS_BACKEND (docs/deploy.md).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
if TASKS_BACKEND.startswith("django_tasks_db."):
    INSTALLED_APPS.append("django_tasks_db")

# Search index changes are written to an outbox table with the content change and applied
# outside the editor's request; what the engine misses is replayed (docs/search-resilience.md).
# APPLY: auto (Elasticsearch on PostgreSQL: after commit on a background thread; database or
# SQLite: in the request), thread, task (a django-tasks worker, TASKS_BACKEND above), immediate.
SEARCH_SYNC = {
    "APPLY": os.environ.get("SEARCH_SYNC_APPLY", "auto"),
    # After a failed contact, automatic applies leave the engine alone this many seconds.
    "RETRY_AFTER": float(os.environ.get("SEARCH_SYNC_RETRY_AFTER", "15")),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per background task and per publish drowns imports' progress output.
    "loggers": {
        "django_tasks": {"level": os.environ.get("TASKS_LOG_LEVEL", "WARNING")},
    },
}

# How many reverse proxies of ours (nginx: 1) append to X-Forwarded-For in front of gunicorn.
# core.client_address reads it for the login lockout, the join limit and the rate limits;
# unset, the TCP peer is the client and the header is ignored. `check --deploy` warns when
# settings trust a proxy's headers but this is unset (docs/deploy.md, "Behind a proxy").
PRESSROOM_PROXY_COUNT = (
    int(os.environ["PRESSROOM_PROXY_COUNT"]) if os.environ.get("PRESSROOM_PROXY_COUNT") else None
)
# Submissions of a private page's (or collection's) password form per client address and
# restriction; past it the form answers 429 with Retry-After.
PRESSROOM_PASSWORD_ATTEMPT_RATE = os.environ.get("PRESSROOM_PASSWORD_ATTEMPT_RATE", "10/15min")

# Headless API for partner sites (partners app): tokens, rate limits, CORS, webhooks.
# docs/api.md ("Authentication and rate limits", "Webhooks") explains each setting.
INSTALLED_APPS += ["corsheaders"]
# CORS first, so 401/429 answers carry CORS headers too; then tokens and rate limits.
MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")
MIDDLEWARE.insert(1, "partners.middleware.ApiAccessMiddleware")
# API errors that no operation produced (unknown path, 405, 500) answer problem+json too.
MIDDLEWARE.insert(2, "core.api.middleware.ApiProblemMiddleware")
PRESSROOM_API_PATH_PREFIX = "/api/v3/"
PRESSROOM_API_ANON_RATE = os.environ.get("PRESSROOM_API_ANON_RATE", "60/min")
# For tokens whose partner sets no limit of its own (and staff tokens).
PRESSROOM_API_TOKEN_RATE = os.environ.get("PRESSROOM_API_TOKEN_RATE", "600/min")
# Counters live in this cache alias; production needs a shared one (Redis, Memcached).
PRESSROOM_API_RATE_CACHE = os.environ.get("PRESSROOM_API_RATE_CACHE", "default")
# Origins allowed besides those registered on partner sites (scheme://host[:port]).
PRESSROOM_API_CORS_ORIGINS = env_list("PRESSROOM_API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/v3/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "authorization"]
CORS_ALLOW_HEADERS += ["if-modified-since", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "RateLimit", "RateLimit-Policy"]
CORS_EXPOSE_HEADERS += ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]
CORS_ALLOW_CREDENTIALS = False
# Webhooks are POSTed by a django-tasks database worker (`manage.py db_worker --backend
# webhooks`), never in the editor's request, whatever TASKS_BACKEND says.
if "django_tasks_db" not in INSTALLED_APPS:
    INSTALLED_APPS += ["django_tasks_db"]
TASKS["webhooks"] = {
    "BACKEND": os.environ.get("PRESSROOM_WEBHOOKS_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
}
PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK = env_bool("PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK")
PRESSROOM_WEBHOOKS_CONNECT_TIMEOUT = float(
    os.environ.get("PRESSROOM_WEBHOOKS_CONNECT_TIMEOUT", "3")
)
PRESSROOM_WEBHOOKS_READ_TIMEOUT = float(os.environ.get("PRESSROOM_WEBHOOKS_READ_TIMEOUT", "5"))
PRESSROOM_WEBHOOKS_MAX_ATTEMPTS = int(os.environ.get("PRESSROOM_WEBHOOKS_MAX_ATTEMPTS", "8"))
# Retry n waits about BACKOFF * 2**(n-1) seconds (jittered), at most BACKOFF_MAX.
PRESSROOM_WEBHOOKS_BACKOFF = float(os.environ.get("PRESSROOM_WEBHOOKS_BACKOFF", "30"))
PRESSROOM_WEBHOOKS_BACKOFF_MAX = float(os.environ.get("PRESSROOM_WEBHOOKS_BACKOFF_MAX", "21600"))

# Organization accounts (accounts app): registration, login lockout, password reset.
# django-axes counts failed logins (public login and Wagtail's) per username and per client
# address separately, so guessing one account's password and spraying many accounts are
# both stopped; staff unlock under Settings → Login lockouts.
INSTALLED_APPS += ["axes"]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as axes requires
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# No start-up banner on every manage.py command.
AXES_VERBOSE = False
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
# A success clears nothing: axes would clear every record of the client address, so one
# good login of an attacker's own account would reset their count of guesses on others.
# Failures expire after the cool-off instead.
AXES_RESET_ON_SUCCESS = False
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLE_ADMIN = False  # no django.contrib.admin here; accounts.wagtail_hooks lists lockouts
# The one notion of client address (PRESSROOM_PROXY_COUNT above), shared with every limit.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
LOGIN_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(60 * 60 * 24)))
ACCOUNTS = {
    # How long an emailed verification link works, in seconds.
    "VERIFICATION_MAX_AGE": int(os.environ.get("ACCOUNTS_VERIFICATION_MAX_AGE", str(3 * 86400))),
    # Sign-up submissions one client address may make per window (seconds); a cache counter.
    "JOIN_LIMIT": int(os.environ.get("ACCOUNTS_JOIN_LIMIT", "5")),
    "JOIN_WINDOW": int(os.environ.get("ACCOUNTS_JOIN_WINDOW", "3600")),
}

# Newsrooms (newsrooms app): per-organization groups, permissions and the review workflow.
# Wagtail's workflow emails: submissions to the reviewing group, decisions to the submitter
# (docs/newsrooms.md). They go through EMAIL_BACKEND like every other message.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL
)
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
# Communications staff review; superusers are not paged for every organization's draft.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool(
    "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", False
)
# Wagtail's default (False) kept on purpose: a reviewer's own edits (a go-live date, a typo)
# are covered by their approval, so "edit, then approve" publishes or schedules at once.
# True would make that approval restart the review on the edited revision. Organization users
# cannot edit while a release is in review (the workflow locks it), so nothing slips past.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False

# Email alerts (alerts app, docs/alerts.md): matched and sent by a django-tasks database
# worker (`manage.py db_worker --backend alerts`) through EMAIL_BACKEND, never in a request.
TASKS["alerts"] = {
    "BACKEND": os.environ.get("ALERTS_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
}
ALERTS = {
    # How long a confirmation link works, in seconds; unconfirmed requests are then deleted.
    "CONFIRM_MAX_AGE": int(os.environ.get("ALERTS_CONFIRM_MAX_AGE", str(7 * 86400))),
    # Subscribe submissions per address and per client address (core/ratelimit.py rates).
    "ADDRESS_RATE": os.environ.get("ALERTS_ADDRESS_RATE", "5/hour"),
    "CLIENT_RATE": os.environ.get("ALERTS_CLIENT_RATE", "20/hour"),
    # Retry n of a send or a match waits about BACKOFF * 2**(n-1) s (jittered), at most MAX.
    "MAX_ATTEMPTS": int(os.environ.get("ALERTS_MAX_ATTEMPTS", "10")),
    "BACKOFF": float(os.environ.get("ALERTS_BACKOFF", "60")),
    "BACKOFF_MAX": float(os.environ.get("ALERTS_BACKOFF_MAX", "21600")),
}

# Page types of other content apps that organizations' officers write in their newsroom,
# beside press releases, under the same permissions and review (docs/newsrooms.md).
PRESSROOM_NEWSROOM_PAGE_TYPES: list[str] = ["events.EventPage"]
