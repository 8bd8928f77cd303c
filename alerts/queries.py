"""Saved searches: the search page's parameters, kept in one canonical form, and read back
by the search service's own parser, so an alert and its page never disagree."""

from dataclasses import replace

from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _

from directory.selectors import organization_names_by_slug
from pressroom.selectors import topic_names_by_slug
from search.query import InvalidSearch, SearchQuery, parse_search_query, search_params

from .models import Subscription

# Where a result is on the page, and in which order, is no part of what an alert follows.
IGNORED = ("page", "sort")
RELEASES = "press_release"


def saved_query(params: QueryDict, *, kind: str) -> str:
    """The canonical query string of ``params``: the search's own parameters only, sorted.

    An organization or a topic subscription keeps just its one filter. Raises InvalidSearch
    when the search page itself would refuse the parameters.
    """
    params = search_params(params)
    only = {Subscription.Kind.ORGANIZATION: "organization", Subscription.Kind.TOPIC: "topic"}
    canonical = QueryDict(mutable=True)
    for name in sorted(params):
        if name not in IGNORED and only.get(kind, name) == name:
            values = sorted(params.getlist(name))
            canonical.setlist(name, values[:1] if kind in only else values)
    if kind != Subscription.Kind.SEARCH and not any(canonical.values()):
        raise InvalidSearch({kind: [_("Choose an organization or a topic to follow.")]})
    _check_topics(canonical)
    parse_search_query(canonical, language="en")
    return canonical.urlencode()


def _check_topics(params: QueryDict) -> None:
    """Unknown topics match nothing on the page; a subscription to one would never send."""
    topics = params.getlist("topic")
    if set(topics) - set(topic_names_by_slug(topics)):
        raise InvalidSearch({"topic": [_("There is no such topic.")]})


def release_query(query: str, *, language: str, release_id: int) -> SearchQuery:
    """The saved search as the page runs it in ``language``, narrowed to one release."""
    parsed = parse_search_query(QueryDict(query), language=language)
    return replace(parsed, type=RELEASES, ids=(release_id,), page=1)


def query_label(query: str, *, kind: str, language: str) -> str:
    """How the subscription reads on its pages and in its emails, in ``language``."""
    params = QueryDict(query)
    with translation.override(language):
        if kind == Subscription.Kind.ORGANIZATION:
            slug = params.get("organization", "")
            name = organization_names_by_slug([slug], language=language).get(slug, slug)
            return _("Press releases of %(name)s") % {"name": name}
        if kind == Subscription.Kind.TOPIC:
            slug = params.get("topic", "")
            name = topic_names_by_slug([slug]).get(slug, slug)
            return _("Press releases on %(topic)s") % {"topic": name}
        parts = [params.get("q", "")] if params.get("q") else []
        parts += [
            f"{name}: {', '.join(params.getlist(name))}" for name in params if name not in ("q",)
        ]
        return _("Search: %(search)s") % {"search": "; ".join(parts) or _("everything")}
