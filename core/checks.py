"""System checks for configuration that Django cannot judge on its own.

They run with every management command (``check``, ``migrate``, ``runserver``); a
deployment runs ``manage.py check --deploy`` before it starts serving (docs/deploy.md).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

from .ratelimit import Rate

# Backends that never deliver: right for development and tests, a silent loss in production.
UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


def redacted(url: str) -> str:
    """The URL without its password, so that check output can go to logs."""
    scheme, separator, rest = url.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if not (separator and at and ":" in userinfo):
        return url
    return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{host}"


def elasticsearch_url_problem(url: str) -> str | None:
    """Why one Elasticsearch node URL is unusable, or None when it is fine.

    Hand-written rather than Django's URLValidator, which rejects the single-label host
    names (``http://elasticsearch:9200``) that container networks and /etc/hosts use.
    """
    if any(char.isspace() for char in url):
        return "it contains whitespace"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "it cannot be parsed as a URL"
    if parts.scheme not in {"http", "https"}:
        return "it must start with http:// or https://"
    if not parts.hostname:
        return "it has no host name"
    try:
        parts.port  # noqa: B018  (urlsplit only validates the port when it is read)
    except ValueError:
        return "its port is not a number between 0 and 65535"
    if parts.query or parts.fragment:
        return "it must not have a query string or fragment"
    return None


@checks.register(checks.Tags.compatibility)
def check_elasticsearch_url(app_configs, **kwargs) -> list[checks.Error]:
    """A malformed ELASTICSEARCH_URL would only fail at the first search or index update."""
    value = getattr(settings, "ELASTICSEARCH_URL", "")
    if not value:
        return []
    errors = []
    for url in (item.strip() for item in value.split(",")):
        problem = elasticsearch_url_problem(url) if url else "it has an empty entry"
        if problem:
            errors.append(
                checks.Error(
                    f"ELASTICSEARCH_URL is malformed: {redacted(url)!r}: {problem}.",
                    hint="Set it to the cluster's node URLs, comma-separated, e.g. "
                    "https://user:password@search.internal:9200, or unset it to "
                    "search with the database.",
                    id="core.E001",
                )
            )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def check_email_backend_delivers(app_configs, **kwargs) -> list[checks.Warning]:
    """Workflow notifications and password resets must reach people in production."""
    if settings.EMAIL_BACKEND not in UNDELIVERED_EMAIL_BACKENDS:
        return []
    return [
        checks.Warning(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}, which does not deliver email.",
            hint="Unset EMAIL_BACKEND to use SMTP and set EMAIL_HOST, EMAIL_PORT, "
            "EMAIL_HOST_USER, EMAIL_HOST_PASSWORD and EMAIL_USE_TLS.",
            id="core.W001",
        )
    ]


# Settings that trust headers only a reverse proxy of ours can set: a proxy is in front.
PROXY_TRUSTING_SETTINGS = (
    "SECURE_PROXY_SSL_HEADER",
    "USE_X_FORWARDED_HOST",
    "USE_X_FORWARDED_PORT",
)


@checks.register(checks.Tags.security, deploy=True)
def check_proxy_count_behind_a_proxy(app_configs, **kwargs) -> list[checks.Warning]:
    """Behind a proxy with no count, every client is the proxy's address: one client's
    wrong passwords or requests lock out and rate-limit everybody."""
    trusting = [name for name in PROXY_TRUSTING_SETTINGS if getattr(settings, name, None)]
    if not trusting or settings.PRESSROOM_PROXY_COUNT is not None:
        return []
    return [
        checks.Warning(
            f"{', '.join(trusting)} trusts a reverse proxy, but PRESSROOM_PROXY_COUNT is not "
            "set: every client would count as the proxy's address in the login lockout and "
            "the rate limits.",
            hint="Set PRESSROOM_PROXY_COUNT to the number of proxies appending to "
            "X-Forwarded-For (1 for nginx alone), or 0 if none does; see docs/deploy.md, "
            '"Behind a proxy".',
            id="core.W002",
        )
    ]


@checks.register(checks.Tags.security)
def check_limit_settings(app_configs, **kwargs) -> list[checks.Error]:
    """Limits misread at the first request would fail that request, not the deploy."""
    errors = []
    try:
        Rate.parse(settings.PRESSROOM_PASSWORD_ATTEMPT_RATE)
    except ValueError as error:
        errors.append(checks.Error(f"PRESSROOM_PASSWORD_ATTEMPT_RATE: {error}", id="core.E002"))
    if settings.PRESSROOM_PROXY_COUNT is not None and settings.PRESSROOM_PROXY_COUNT < 0:
        errors.append(
            checks.Error(
                f"PRESSROOM_PROXY_COUNT must be 0 or more, not {settings.PRESSROOM_PROXY_COUNT}.",
                id="core.E003",
            )
        )
    return errors


@checks.register(checks.Tags.caches, deploy=True)
def check_page_cache_shared(app_configs, **kwargs) -> list[checks.Warning]:
    """A purge runs in one process: a per-process page cache would keep serving the others'
    stale copies of a changed page until they expire."""
    alias = settings.PRESSROOM_PAGE_CACHE_ALIAS
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "") if alias else ""
    if not backend.endswith(("LocMemCache", "FileBasedCache")):
        return []
    return [
        checks.Warning(
            f"The page cache ({alias!r}) is not shared between processes: after a publish, "
            "other workers serve the old page until it expires.",
            hint="Keep PAGE_CACHE_BACKEND's default (the database cache) or name Redis or "
            'Memcached; see docs/deploy.md, "Page cache".',
            id="core.W003",
        )
    ]
