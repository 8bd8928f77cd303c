"""The search page, its JSON twin and autocomplete: thin front ends over search.service."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from core.query_params import text_param
from core.ratelimit import anonymous_rate_limit

from .query import InvalidSearch, parse_search_query, search_params
from .service import PageOutOfRange, search_autocomplete, search_run


def _run(request):
    """(results, errors): the service's answer, or the messages explaining why there is none."""
    try:
        query = parse_search_query(request.GET, language=get_language())
        return search_run(query=query, request=request, language=get_language()), []
    except (InvalidSearch, PageOutOfRange) as error:
        return None, error.messages


@require_GET
def search(request):
    results, errors = _run(request)
    return TemplateResponse(
        request,
        "search/search.html",
        {"results": results, "errors": errors, "params": search_params(request.GET)},
        status=400 if errors else 200,
    )


@anonymous_rate_limit
@require_GET
def search_json(request):
    results, errors = _run(request)
    if errors:
        return JsonResponse(
            {"type": "about:blank", "title": "Invalid search", "status": 400, "errors": errors},
            status=400,
            content_type="application/problem+json",
            json_dumps_params={"ensure_ascii": False},
        )
    return JsonResponse(results.to_dict(), json_dumps_params={"ensure_ascii": False})


@anonymous_rate_limit
@require_GET
def autocomplete(request):
    items = search_autocomplete(
        text=text_param(request.GET, "q", max_length=100),
        languages=(get_language(),),
        request=request,
    )
    return JsonResponse({"items": items}, json_dumps_params={"ensure_ascii": False})
