"""Who the client is, for every per-address limit: the login lockout (django-axes), the
join limit, the page-password limit and the anonymous rate limit of the API and the JSON.

Behind our own reverse proxies the TCP peer (REMOTE_ADDR) is the nearest proxy; each proxy
appends the address it was reached from to X-Forwarded-For, so the client is the entry
``PRESSROOM_PROXY_COUNT`` places from the right. Entries to its left were written by the
client and are never used; with no count set the header is ignored altogether.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address; the proxy's own address when the header is short or garbled,
    so a request that bypassed a proxy cannot choose its identity."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.PRESSROOM_PROXY_COUNT or 0
    if count < 1:
        return remote
    forwarded = request.headers.get("X-Forwarded-For", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote
