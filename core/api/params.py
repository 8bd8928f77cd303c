"""Query parameter types and paging shared by our API routers."""

import datetime
import unicodedata
from typing import Annotated, Any, Literal

from django.conf import settings
from django.db.models import F, Func, QuerySet, Subquery
from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints
from wagtail.api.v3.errors import as_validation_error

LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]  # ty: ignore[invalid-type-form]

MAX_LIMIT = 100


def _printable(value: str) -> str:
    """Trimmed, without control characters: PostgreSQL rejects NUL and no real value has one."""
    return "".join(ch for ch in value if not unicodedata.category(ch).startswith("C")).strip()


def Text(max_length: int) -> Any:
    """A trimmed, printable string of at most ``max_length`` characters, as a parameter type."""
    return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(_printable)]


def aware(value: datetime.datetime | None) -> datetime.datetime | None:
    """A datetime without an offset is taken to be in the site's time zone."""
    if value is not None and value.tzinfo is None:
        from django.utils import timezone

        return timezone.make_aware(value)
    return value


AwareDateTime = Annotated[datetime.datetime, AfterValidator(aware)]


class Pagination(Schema):
    limit: int = Field(
        20,
        ge=1,
        description=f"Items per response, at most {MAX_LIMIT} (more is a 400 problem).",
        examples=[20],
    )
    offset: int = Field(0, ge=0, description="Items to skip.", examples=[0, 20])


class FieldSelection(Schema):
    fields: Text(1000) | None = Field(
        None,
        description=(
            "Comma-separated names of the item fields to return (sparse fieldset); "
            "others are neither computed nor returned. Unknown names are a 422 problem."
        ),
        examples=["title,url,organization"],
    )


def field_selection(raw: str | None, *, allowed: tuple[str, ...]) -> list[str] | None:
    """The names in ``fields=a,b``; unknown or empty names are the caller's error (422)."""
    if raw is None:
        return None
    names = [name.strip() for name in raw.split(",")]
    unknown = [name for name in names if name not in allowed]
    if unknown:
        message = (
            f"Unknown field(s) {', '.join(repr(n) for n in unknown)}; known: {', '.join(allowed)}"
        )
        raise as_validation_error(ValueError(message), message, loc=("query", "fields"))
    return names


def page_with_count(rows: QuerySet, *, offset: int, limit: int) -> tuple[list, int]:
    """One page of ``rows`` and the total, in one query.

    The page's keys are chosen over narrow rows (ordering and limit on the key alone) and
    only those rows are read in full; the total rides along as an uncorrelated scalar
    subquery, computed once. A window count instead builds every matching row, body
    included, before sorting: 236 ms against 35 ms at 20,000 releases (make bench-api).
    """
    # Func rather than Count: an aggregate would add a GROUP BY; this is a plain COUNT(pk).
    total = rows.order_by().annotate(total=Func(F("pk"), function="COUNT")).values("total")
    keys = rows.values("pk")[offset : offset + limit]
    page = list(rows.filter(pk__in=keys).annotate(total=Subquery(total)))
    count = page[0].total if page else (rows.count() if offset else 0)
    return page, count
