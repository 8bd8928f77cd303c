"""The public filter vocabulary: one meaning per filter, whichever channel reads it.

The press-release list pages, the search page, ``/api/v3/search/`` and
``/api/v3/press-releases/`` all narrow by these parameters. ``filters_parse`` reads and
validates them once into a ``PublicFilters``; everyone else receives that object. Meanings
(docs/search.md, "Filters"): a repeated parameter matches any of its values, different
parameters must all hold; ``city`` ignores case and spelling (``city_match``); dates are inclusive.
"""

import datetime
import re
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from core.query_params import printable

from .cities import city_key
from .registry import registry

MAX_REPEATED = 20  # per repeatable filter: a longer URL is not a reader's
# Parameter name -> (PublicFilters attribute, longest value read).
PARAMETERS = {
    "organization": ("organizations", 255),
    "organization_type": ("organization_type", 64),
    "city": ("city", 100),
    "topic": ("topics", 100),
    "lang": ("languages", 10),
    "date_from": ("date_from", 32),
    "date_to": ("date_to", 32),
}
REPEATABLE = {"organization", "topic", "lang"}


def city_match(value: str) -> str:
    """The form cities are compared in: one per city whatever its spelling ("Shaki", "Şəki"),
    case folded, Azerbaijani dotted and dotless i alike.

    ``str.casefold`` alone keeps "ı" apart from "i" and turns "İ" into "i" plus a combining
    dot, so "BAKI", "Bakı" and "bakı" would not meet; readers type all three.
    """
    value = city_key(value)
    folded = value.replace("İ", "i").replace("I", "i").replace("ı", "i").casefold()
    return " ".join(folded.replace("\u0307", "").split())


def city_q(queryset: QuerySet, city: str, *, field: str = "city") -> Q:
    """Rows of ``queryset`` in ``city`` by ``city_match``, as the search engine compares them.

    The spellings present are matched in Python and then looked up as they are: SQLite's
    case-insensitive lookups know only ASCII, and no database folds "I" to "ı".
    """
    key = city_match(city)
    present = queryset.order_by().values_list(field, flat=True).distinct()
    return Q(**{f"{field}__in": [value for value in present if city_match(value) == key]})


@dataclass(frozen=True)
class PublicFilters:
    """Validated filters. ``organizations``, ``topics``, ``languages``: any of them."""

    organizations: tuple[str, ...] = ()
    organization_type: str = ""
    city: str = ""
    topics: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def active(self, *, exclude: tuple[str, ...] = ("languages",)) -> dict:
        """The filters set, by attribute, as keyword arguments of the apps' selectors."""
        return {
            name: value for name, value in asdict(self).items() if value and name not in exclude
        }


def _values(params: QueryDict, name: str) -> list[str]:
    """Printable, capped, distinct non-empty values of a parameter."""
    max_length = PARAMETERS[name][1]
    cleaned = (printable(value)[:max_length] for value in params.getlist(name))
    values = list(dict.fromkeys(value for value in cleaned if value))
    return values[:MAX_REPEATED] if name in REPEATABLE else values[-1:]


def _date(value: str, label: str, errors: list[str]) -> datetime.date | None:
    if not value:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        errors.append(
            _("%(label)s must be a date written as YYYY-MM-DD, for example 2024-03-31.")
            % {"label": label}
        )
        return None


def _languages(values: list[str], errors: list[str]) -> tuple[str, ...]:
    codes = [code for code, _name in settings.LANGUAGES]
    if "all" in values:
        return tuple(codes)
    if any(code not in codes for code in values):
        errors.append(
            _("Language must be one of: %(values)s.") % {"values": ", ".join([*codes, "all"])}
        )
        return ()
    return tuple(values)


def filters_parse(params: QueryDict) -> tuple[PublicFilters, dict[str, list[str]]]:
    """The filters of ``params``, and the reader's messages by parameter for those invalid.

    A malformed date or language is left out of the filters and an unknown slug kept (it
    matches nothing), so a page that forgives (the list page) can use them as they are,
    and one that must refuse (search, the APIs) has the messages.
    """
    errors: dict[str, list[str]] = {name: [] for name in PARAMETERS}
    values = {name: _values(params, name) for name in PARAMETERS}
    first = {name: (found[0] if found else "") for name, found in values.items()}
    # The apps owning these values say which of them name nothing (an unknown slug).
    owned = {"organization": tuple(values["organization"])}
    owned["organization_type"] = first["organization_type"]
    for name, value in owned.items():
        errors[name] += registry.filter_errors({PARAMETERS[name][0]: value})
    date_from = _date(first["date_from"], _("From date"), errors["date_from"])
    date_to = _date(first["date_to"], _("To date"), errors["date_to"])
    if date_from and date_to and date_from > date_to:
        errors["date_to"].append(_("The from date must not be after the to date."))
        date_to = None
    filters = PublicFilters(
        organizations=owned["organization"],
        organization_type=owned["organization_type"],
        city=first["city"],
        topics=tuple(values["topic"]),
        languages=_languages(values["lang"], errors["lang"]),
        date_from=date_from,
        date_to=date_to,
    )
    return filters, {name: messages for name, messages in errors.items() if messages}
