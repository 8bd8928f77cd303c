"""How django-axes names the account a login attempt is for."""

from django.http import HttpRequest


def lockout_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The submitted username, case-folded: "Jane@NGO.az" and "jane@ngo.az" share one count.

    Without this, varying the case of an address would give a guesser a fresh ten tries.
    """
    data = credentials if credentials else getattr(request, "POST", {})
    username = data.get("username") if data else None
    return username.strip().casefold() if username else username


def lockout_reset(*, username: str | None, ip_address: str | None) -> int:
    """Unlocks both the account and the address of one recorded attempt (staff's "Unlock").

    Attempts are counted per username and per address, so clearing only the row's own
    username-and-address pair could leave either still locked by its other rows.
    """
    from axes.utils import reset

    return reset(ip=ip_address, username=username, ip_or_username=True)
