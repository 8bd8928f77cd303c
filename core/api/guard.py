"""A first check of every API operation's query string, Wagtail's operations included.

Our routers declare bounded, printable parameter types (``params.py``). Wagtail's routers,
mounted on the same NinjaAPI (pages, images, documents, redirects, snippets), declare
``offset: int`` without a bound, and hand ``search`` as raw text to the search backend,
whose SQLite query builder fails on a quote, a NUL or a query of spaces; they also re-read
``request.GET`` themselves (field filters, ordering), so no wrapper around their parsed
parameters could reach every read. Hence this Ninja view decorator, applied to every
operation before Ninja parses anything: control characters and out-of-range offsets get the
422 problem Ninja gives for any invalid parameter, and ``search`` is reduced to its first
words, which is all the backends match on anyway (our own search reads text the same way).
"""

import re
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, QueryDict
from pydantic import TypeAdapter, ValidationError
from wagtail.api.v3.errors import problem_response

from core.query_params import MAX_QUERY_WORDS, WORD

from .params import Offset

# C0 and C1 control characters: no parameter's value has a use for one.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
OFFSET = TypeAdapter(Offset)


def _errors(query: QueryDict) -> list[dict]:
    errors = []
    for name, values in query.lists():
        if any(CONTROL.search(value) for value in [name, *values]):
            errors.append(
                {
                    "type": "value_error",
                    "loc": ["query", name],
                    "msg": "Control characters are not allowed.",
                }
            )
        elif name == "offset":
            try:
                OFFSET.validate_python(values[-1])
            except ValidationError as error:
                errors += [
                    {"type": e["type"], "loc": ["query", name], "msg": e["msg"]}
                    for e in error.errors()
                ]
    return errors


def _search_words(query: QueryDict) -> QueryDict:
    """``search`` as its first words only; without words there is nothing to search for."""
    query = query.copy()
    words = " ".join(WORD.findall(query.get("search", ""))[:MAX_QUERY_WORDS])
    if words:
        query["search"] = words
    else:
        del query["search"]
    return query


def api_parameters_guard(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Registered with ``api.add_decorator(..., mode="view")`` in ``CoreConfig.ready``."""

    @wraps(run)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if errors := _errors(request.GET):
            return problem_response(status=422, detail="Validation failed", errors=errors)
        if "search" in request.GET:
            request.GET = _search_words(request.GET)
        return run(request, *args, **kwargs)

    return guarded
