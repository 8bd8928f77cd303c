"""CORS for the API: the settings' origins plus active partners' registered origins.

django-cors-headers does the protocol (preflight, Vary, expose headers); its
``check_request_enabled`` signal lets us answer "is this origin allowed?" from the
database. The set of partner origins is cached briefly and dropped when a partner changes.
"""

from corsheaders.signals import check_request_enabled
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import PartnerSite

CACHE_KEY = "pressroom:partners:cors-origins"
CACHE_SECONDS = 60


def partner_origins() -> frozenset[str]:
    origins = cache.get(CACHE_KEY)
    if origins is None:
        origins = frozenset(
            origin
            for allowed in PartnerSite.objects.filter(active=True).values_list(
                "allowed_origins", flat=True
            )
            for origin in allowed
        )
        cache.set(CACHE_KEY, origins, CACHE_SECONDS)
    return origins


@receiver(check_request_enabled)
def api_origin_allowed(sender, request, **kwargs) -> bool:
    """True for a request to the API from an allowed origin (never for other paths)."""
    if not request.path_info.startswith(settings.PRESSROOM_API_PATH_PREFIX):
        return False
    origin = request.headers.get("Origin")
    if not origin:
        return False
    return origin in settings.PRESSROOM_API_CORS_ORIGINS or origin in partner_origins()


@receiver([post_save, post_delete], sender=PartnerSite)
def partner_origins_forget(sender, **kwargs) -> None:
    cache.delete(CACHE_KEY)
