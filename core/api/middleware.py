"""Every error under the API prefix answers problem+json, whoever produced it.

Ninja's exception handlers (Wagtail's ``errors.py``) answer what an operation raises; this
answers what happens outside any operation: a path no router has (Django's HTML 404), a
method an operation lacks (Ninja's bare 405) and an unhandled exception (Django's 500
page, logged as usual before it gets here). Headers such as ``Allow`` are kept.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response

DETAILS = {
    404: "No API endpoint or item at this address.",
    405: "This endpoint does not accept that method.",
    500: "The server failed to answer; the error was logged.",
    503: "The service is briefly unavailable; retry after the Retry-After seconds.",
}


class ApiProblemMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or response.get("Content-Type") == PROBLEM_JSON
            or not request.path_info.startswith(settings.PRESSROOM_API_PATH_PREFIX)
        ):
            return response
        problem = problem_response(
            status=response.status_code, detail=DETAILS.get(response.status_code, "")
        )
        for header, value in response.items():
            if header.lower() not in {"content-type", "content-length"}:
                problem[header] = value
        return problem
