"""Errors of our API endpoints, in the RFC 7807 shape of Wagtail's API v3 (``errors.py``).

A bad parameter is named in ``errors[].loc`` as ``["query", <name>]``, exactly as Ninja
reports a parameter that fails validation, so partners handle both the same way.
"""

from django.http import HttpResponse
from pydantic import ValidationError
from pydantic_core import PydanticCustomError
from wagtail.api.v3.errors import ProblemDetail, problem_response


class ProblemWithExample(ProblemDetail):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Unprocessable Content",
                    "status": 422,
                    "detail": "Validation failed",
                    "errors": [
                        {
                            "type": "value_error",
                            "loc": ["query", "fields"],
                            "msg": "Unknown field 'colour'",
                        }
                    ],
                }
            ]
        }
    }


def parameter_problem(name: str, message: str, *, status: int = 422) -> HttpResponse:
    return problem_response(
        status=status,
        detail=message if status != 422 else "Validation failed",
        errors=[{"type": "value_error", "loc": ["query", name], "msg": message}],
    )


def parameter_errors(messages: dict[str, str]) -> ValidationError:
    """A 422 (through v3's handler) with one error per offending query parameter."""
    return ValidationError.from_exception_data(
        "Validation error",
        [
            {
                "type": PydanticCustomError("value_error", message),  # ty: ignore[invalid-argument-type]
                "loc": ("query", name),
                "input": None,
            }
            for name, message in messages.items()
        ],
        hide_input=True,
    )


# Documented for every read endpoint of ours. 401: a bad token (partners.auth);
# 429: over the rate limit (partners' middleware), with Retry-After.
READ_ERRORS = {
    400: ProblemWithExample,
    401: ProblemWithExample,
    422: ProblemWithExample,
    429: ProblemWithExample,
}
DETAIL_ERRORS = {**READ_ERRORS, 404: ProblemWithExample}
