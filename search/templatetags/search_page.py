"""The search page's layout: facets cut to their top values, and the link clearing every filter.

Kept apart from search_tags (the links that refine a search) because they only arrange what
the page already has.
"""

from django import template

register = template.Library()

# Values a facet shows before "Show all": enough for most facets, short enough to scan.
FACET_TOP = 8


@register.filter
def facet_split(values: list) -> tuple[list, list]:
    """(shown, the rest): the top values and every chosen one, then those behind "Show all"."""
    shown = [value for i, value in enumerate(values) if i < FACET_TOP or value.selected]
    return shown, [value for value in values if value not in shown]


@register.simple_tag(takes_context=True)
def clear_filters_url(context) -> str:
    """The current search without any of its active filters, from page 1."""
    params = context["params"].copy()
    for name in ["page", *(active["name"] for active in context["results"].active_filters)]:
        params.pop(name, None)
    return "?" + params.urlencode()
