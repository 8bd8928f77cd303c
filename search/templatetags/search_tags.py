"""Links that refine or widen the current search, keeping its other parameters.

They start from the page's ``params`` (``search.query.search_params``): the search's own
parameters, cleaned and capped, never whatever else the request carried.
"""

from django import template
from django.http import QueryDict

from search.filters import PARAMETERS, REPEATABLE

register = template.Library()

# Single-valued parameters: choosing a value replaces the current one.
SINGLE = {*(set(PARAMETERS) - REPEATABLE), "type", "sort"}


def _query(context) -> QueryDict:
    params = context["params"].copy()
    params.pop("page", None)
    return params


@register.simple_tag(takes_context=True)
def refine_url(context, name: str, value) -> str:
    """The current search narrowed by ``name=value`` (year is a date range), from page 1."""
    params = _query(context)
    value = str(value)
    if name == "year":
        params["date_from"], params["date_to"] = f"{value}-01-01", f"{value}-12-31"
    elif name in SINGLE:
        params[name] = value
    elif value not in params.getlist(name):
        params.appendlist(name, value)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def remove_url(context, name: str, value="") -> str:
    """The current search without ``name`` (only its ``value`` when the name repeats)."""
    params = _query(context)
    if value and name not in SINGLE:
        params.setlist(name, [v for v in params.getlist(name) if v != str(value)])
    else:
        params.pop(name, None)
    return "?" + params.urlencode()
