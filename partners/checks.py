"""System checks: the API's rate settings parse, and production counts in a shared cache."""

from django.conf import settings
from django.core import checks

from core.ratelimit import Rate

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.security)
def rate_settings_check(app_configs, **kwargs):
    errors = []
    for name in ("PRESSROOM_API_ANON_RATE", "PRESSROOM_API_TOKEN_RATE"):
        try:
            Rate.parse(getattr(settings, name))
        except ValueError as error:
            errors.append(checks.Error(f"{name}: {error}", id="partners.E001"))
    if settings.PRESSROOM_API_RATE_CACHE not in settings.CACHES:
        errors.append(
            checks.Error(
                f"PRESSROOM_API_RATE_CACHE names no cache in CACHES: "
                f"{settings.PRESSROOM_API_RATE_CACHE!r}",
                id="partners.E002",
            )
        )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def rate_cache_shared_check(app_configs, **kwargs):
    backend = settings.CACHES.get(settings.PRESSROOM_API_RATE_CACHE, {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            checks.Warning(
                "API rate limits count in a per-process cache: each worker process keeps its "
                "own counts, so clients get the limit once per process.",
                hint="Point PRESSROOM_API_RATE_CACHE at a shared cache (Redis, Memcached); "
                "see docs/api.md.",
                id="partners.W001",
            )
        ]
    return []
