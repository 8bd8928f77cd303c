"""Where webhooks may be sent: public http(s) addresses only, checked after DNS resolution.

A webhook URL is chosen by a partner, so a careless or hostile one could make our server
call its own admin, a database port or a cloud metadata endpoint (server-side request
forgery). URLs are checked when saved and again at each send, on the addresses DNS gives
*then*; the sender connects to the checked address itself, so a name that re-resolves to
a private address between check and connect (DNS rebinding) never reaches it.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
SCHEMES = {"http": 80, "https": 443}


@dataclass(frozen=True)
class WebhookTarget:
    """A webhook URL taken apart, with the one address the sender may connect to."""

    scheme: str
    host: str
    port: int
    path: str
    address: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == SCHEMES[self.scheme] else f"{host}:{self.port}"


def address_refusal(address: IPAddress) -> str:
    """Why we refuse to connect to ``address`` ("" when it is a public unicast address).

    A 6to4 address (2002::/16) counts as global, yet a relay delivers it to the IPv4 address
    it carries (``2002:7f00:1::`` to 127.0.0.1), so that one must pass too. The other IPv6
    forms that carry IPv4 need no unwrapping: Teredo (2001::/32) is in a private block, NAT64
    (64:ff9b::/96) and IPv4-compatible (``::a.b.c.d``) in the reserved ::/8.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return address_refusal(address.ipv4_mapped)
        if address.sixtofour and (refusal := address_refusal(address.sixtofour)):
            return refusal
    if address.is_loopback:
        allowed = getattr(settings, "PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK", False)
        return "" if allowed else "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private:
        return "a private address"
    if address.is_reserved or address.is_unspecified or not address.is_global:
        return "a reserved address"
    return ""


def webhook_url_check(url: str) -> tuple[str, str, int, str]:
    """``(scheme, host, port, path)`` of a well-formed http(s) URL, else ValidationError."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ValidationError("Enter a valid URL.", code="invalid") from error
    if parts.scheme not in SCHEMES:
        raise ValidationError("Only http and https URLs are allowed.", code="scheme")
    if not parts.hostname:
        raise ValidationError("The URL has no host.", code="invalid")
    if parts.username or parts.password:
        raise ValidationError("Credentials in the URL are not allowed.", code="credentials")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return parts.scheme, parts.hostname, port or SCHEMES[parts.scheme], path


def webhook_target_resolve(url: str) -> WebhookTarget:
    """The URL's target after DNS resolution; ValidationError if any address is refused.

    Every address the name resolves to must pass, not just the first: otherwise a name
    with one public and one private address would let the connection pick the private one.
    """
    scheme, host, port, path = webhook_url_check(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise ValidationError(f"{host} does not resolve.", code="dns") from error
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    for address in addresses:
        if refusal := address_refusal(address):
            raise ValidationError(
                "%(host)s resolves to %(refusal)s, which webhooks may not call.",
                code="address",
                params={"host": host, "refusal": refusal},
            )
    return WebhookTarget(scheme, host, port, path, str(addresses[0]))


def validate_webhook_url(url: str) -> None:
    """Model-field validator: the checks of a send, at save time."""
    webhook_target_resolve(url)


def validate_origin(origin: str) -> None:
    """A CORS origin as browsers send it: ``scheme://host[:port]``, nothing more."""
    try:
        parts = urlsplit(origin)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        raise ValidationError(
            "%(origin)s is not a valid origin.", params={"origin": origin}
        ) from error
    if (
        parts.scheme not in SCHEMES
        or not parts.hostname
        or parts.username
        or parts.password
        or parts.path
        or parts.query
        or parts.fragment
        or origin != origin.strip()
    ):
        raise ValidationError(
            "%(origin)s is not an origin: give scheme and host (and port), e.g. "
            "https://news.example.org, without a path or trailing slash.",
            code="origin",
            params={"origin": origin},
        )
    if origin.lower() != origin:
        raise ValidationError(
            "%(origin)s must be lower case, as browsers send it.",
            code="origin_case",
            params={"origin": origin},
        )
