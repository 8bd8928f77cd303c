"""One JSON line of the import format, parsed and validated into plain dataclasses.

Validation is complete here, before any database work, so a rejected line never
leaves a half-written release behind and the reason names the offending field. The field
readers (``string_value``, ``date_value``, ``organization_ref``, ...) are public: other line
types (``register_import_line_type``) validate their fields with the same rules and messages.
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from directory.models import OrganizationType

DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The legacy archive must be inspected by a person when it carries scripts, so such a
# line is rejected rather than silently stripped by the sanitiser.
SCRIPT_TAG = re.compile(r"<\s*/?\s*script\b", re.IGNORECASE)
ORGANIZATION_TYPES = frozenset(OrganizationType.values)


class RecordError(ValueError):
    """Why a line cannot be imported; the message is shown to the operator."""


@dataclass(frozen=True)
class OrganizationRef:
    name: str
    acronym: str = ""
    type: str = ""
    city: str = ""


@dataclass(frozen=True)
class ContactRecord:
    name: str = ""
    address: str = ""
    phones: tuple[str, ...] = ()
    fax: str = ""
    email: str = ""


@dataclass(frozen=True)
class ReleaseRecord:
    external_id: str
    locale: str
    title: str
    release_date: datetime.date
    organization: OrganizationRef
    participants: tuple[OrganizationRef, ...] = ()
    funders: tuple[OrganizationRef, ...] = ()
    city: str = ""
    topics: tuple[str, ...] = ()
    summary: str = ""
    body_html: str = ""
    contact: ContactRecord = field(default_factory=ContactRecord)
    translation_of: str = ""


def line_data(text: str) -> dict:
    """One line as a JSON object, whatever its type; raises RecordError otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RecordError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(data, dict):
        raise RecordError(f"expected a JSON object, got {json_type(data)}")
    return data


def locale_value(data: dict) -> str:
    """The line's ``locale``: one of the configured languages."""
    locale = string_value(data, "locale", required=True, max_length=16)
    if locale not in {code for code, _name in settings.LANGUAGES}:
        raise RecordError(f"locale: unknown language {locale!r}")
    return locale


def body_html_value(data: dict) -> str:
    """The line's ``body_html``, refused when it carries a script (see ``SCRIPT_TAG``)."""
    body_html = string_value(data, "body_html", max_length=None)
    if SCRIPT_TAG.search(body_html):
        raise RecordError("body_html: contains a <script> tag; inspect the source")
    return body_html


def release_record(data: dict) -> ReleaseRecord:
    """A release line's object, validated; raises RecordError with a reason naming the field."""
    locale = locale_value(data)
    body_html = body_html_value(data)
    return ReleaseRecord(
        external_id=string_value(data, "external_id", required=True),
        locale=locale,
        title=string_value(data, "title", required=True),
        release_date=date_value(data, "release_date"),
        organization=organization_ref(data.get("organization"), "organization"),
        participants=organization_refs(data, "participants"),
        funders=organization_refs(data, "funders"),
        city=string_value(data, "city", max_length=100),
        topics=tuple(dict.fromkeys(string_list(data, "topics", max_length=100))),
        summary=string_value(data, "summary", max_length=None),
        body_html=body_html,
        contact=contact_record(data.get("contact")),
        translation_of=string_value(data, "translation_of"),
    )


def json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def string_value(
    data: dict, key: str, *, required: bool = False, max_length: int | None = 255, label: str = ""
) -> str:
    label = label or key
    value = data.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RecordError(f"{label}: expected a string, got {json_type(value)}")
    value = value.strip()
    if required and not value:
        raise RecordError(f"{label}: missing or blank")
    if max_length is not None and len(value) > max_length:
        raise RecordError(f"{label}: longer than {max_length} characters")
    return value


def string_list(data: dict, key: str, *, max_length: int = 255, label: str = "") -> tuple[str, ...]:
    label = label or key
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RecordError(f"{label}: expected an array, got {json_type(value)}")
    items = []
    for position, item in enumerate(value):
        if not isinstance(item, str):
            raise RecordError(f"{label}[{position}]: expected a string, got {json_type(item)}")
        if len(item.strip()) > max_length:
            raise RecordError(f"{label}[{position}]: longer than {max_length} characters")
        if item.strip():
            items.append(item.strip())
    return tuple(items)


def date_value(data: dict, key: str) -> datetime.date:
    value = string_value(data, key, required=True, max_length=32)
    # date.fromisoformat also accepts 20001130 and week dates; the format is YYYY-MM-DD only.
    if not DATE_FORMAT.match(value):
        raise RecordError(f"{key}: {value!r} is not a date in YYYY-MM-DD format")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise RecordError(f"{key}: {value!r} is not a real date") from None


def organization_ref(value: Any, label: str) -> OrganizationRef:
    if value is None:
        raise RecordError(f"{label}: missing")
    if not isinstance(value, dict):
        raise RecordError(f"{label}: expected an object, got {json_type(value)}")
    kind = string_value(value, "type", max_length=20, label=f"{label}.type")
    if kind and kind not in ORGANIZATION_TYPES:
        choices = ", ".join(sorted(ORGANIZATION_TYPES))
        raise RecordError(f"{label}.type: {kind!r} is not one of {choices}")
    return OrganizationRef(
        name=string_value(value, "name", required=True, label=f"{label}.name"),
        acronym=string_value(value, "acronym", max_length=32, label=f"{label}.acronym"),
        type=kind,
        city=string_value(value, "city", max_length=100, label=f"{label}.city"),
    )


def organization_refs(data: dict, key: str) -> tuple[OrganizationRef, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RecordError(f"{key}: expected an array, got {json_type(value)}")
    return tuple(
        organization_ref(item, f"{key}[{position}]") for position, item in enumerate(value)
    )


def contact_record(value: Any) -> ContactRecord:
    if value is None:
        return ContactRecord()
    if not isinstance(value, dict):
        raise RecordError(f"contact: expected an object, got {json_type(value)}")
    email = string_value(value, "email", max_length=254, label="contact.email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise RecordError(f"contact.email: {email!r} is not an email address") from None
    return ContactRecord(
        name=string_value(value, "name", label="contact.name"),
        address=string_value(value, "address", max_length=None, label="contact.address"),
        phones=string_list(value, "phones", max_length=64, label="contact.phones"),
        fax=string_value(value, "fax", max_length=64, label="contact.fax"),
        email=email,
    )
