"""The opening every read endpoint of ours shares, written once: ``@read_endpoint``.

Wagtail's API v3 enforces its page size in one place (``wagtail/api/v3/pagination.py``)
rather than in each view; so do we. Before the view runs, the decorator checks the field
selection (``fields=``, 422 for unknown names), the page size (``limit``, 400 above
``MAX_LIMIT``) and the client's cached copy (304 from the content version), and hands the
view what it needs to answer in a ``Read``.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Schema

from .conditional import Conditional
from .params import MAX_LIMIT, field_selection
from .problems import parameter_problem


@dataclass(frozen=True)
class Read:
    """What the opening established: the fields asked for, and the request's validators."""

    fields: list[str] | None
    conditional: Conditional | None

    def json(self, payload: dict) -> JsonResponse:
        """The payload with ETag and Last-Modified when the endpoint has them."""
        if self.conditional is None:
            return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
        return self.conditional.json(payload)


def _parameter(params: list[Schema], name: str):
    return next((getattr(p, name) for p in params if name in type(p).model_fields), None)


def _opening(
    request: HttpRequest, params: list[Schema], fields, conditional
) -> Read | HttpResponse:
    selected = field_selection(_parameter(params, "fields"), allowed=fields) if fields else None
    limit = _parameter(params, "limit")
    if limit is not None and limit > MAX_LIMIT:
        return parameter_problem("limit", f"limit cannot be higher than {MAX_LIMIT}", status=400)
    validators = Conditional(request) if conditional else None
    if validators is not None and (not_modified := validators.not_modified()) is not None:
        return not_modified
    return Read(fields=selected, conditional=validators)


def read_endpoint(
    *, fields: tuple[str, ...] | None = None, conditional: bool = True
) -> Callable[[Callable], Callable]:
    """Decorates a Ninja view taking a keyword-only ``read: Read``.

    ``fields``: the item fields ``fields=`` may name (None: the endpoint has no selection);
    ``conditional``: whether responses carry validators and may be a 304. Ninja reads the
    view's parameters from its signature, which is given without ``read``.
    """

    def decorate(view: Callable) -> Callable:
        signature = inspect.signature(view)
        public = [p for p in signature.parameters.values() if p.name != "read"]

        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            params = [value for value in kwargs.values() if isinstance(value, Schema)]
            read = _opening(request, params, fields, conditional)
            if isinstance(read, HttpResponse):
                return read
            return view(request, *args, read=read, **kwargs)

        wrapper.__signature__ = signature.replace(parameters=public)
        return wrapper

    return decorate
