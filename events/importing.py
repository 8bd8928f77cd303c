"""Event lines of the JSON Lines import (``"type": "event"``; docs/import-format.md).

Registered with the importer's ``register_import_line_type`` hook: the run, the per-line
transaction, the rejections and the upsert, translation and revision rules are the release
importer's (``PageLines``); this module validates an event's fields with the release
records' field readers and says where an event goes. An imported event is filed in its
organizer's newsroom, where its officers edit it under their review (as they write events,
``events/forms.py``) and the events index lists it anyway; without a newsroom (no press-release
index in that language), under the language's events index.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from wagtail.models import Locale, Page

from pressroom.filing import newsroom_index_ensure
from pressroom.importing.pages import PageLines
from pressroom.importing.records import (
    ContactRecord,
    OrganizationRef,
    RecordError,
    body_html_value,
    contact_record,
    date_value,
    json_type,
    locale_value,
    organization_ref,
    organization_refs,
    string_list,
    string_value,
)
from pressroom.importing.releases import body_blocks, body_values, organization_ids
from pressroom.importing.sanitise import body_html_sanitise
from pressroom.importing.service import ImportLineType
from pressroom.selectors import release_index_page
from search.cities import CITIES, city_find

from .models import EventCoOrganizer, EventFunder, EventPage
from .models.event_page import site_zone
from .selectors import event_index_page

# ISO 8601's extended form only: a date, or a date and time with an optional offset.
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$")
URL_MAX_LENGTH = 200  # Django's URLField
SCALAR_FIELDS = (
    "title",
    "organization_id",
    "start",
    "end",
    "all_day",
    "city",
    "venue",
    "online_url",
    "registration_url",
    "registration_deadline",
    "summary",
    "contact_name",
    "contact_address",
    "contact_phones",
    "contact_email",
    "contact_mobile",
    "contact_whatsapp",
)


@dataclass(frozen=True)
class EventRecord:
    external_id: str
    locale: str
    title: str
    organization: OrganizationRef
    start: datetime.datetime
    end: datetime.datetime | None = None
    all_day: bool = False
    co_organizers: tuple[OrganizationRef, ...] = ()
    funders: tuple[OrganizationRef, ...] = ()
    city: str = ""
    venue: str = ""
    online_url: str = ""
    registration_url: str = ""
    registration_deadline: datetime.date | None = None
    topics: tuple[str, ...] = ()
    summary: str = ""
    body_html: str = ""
    contact: ContactRecord = field(default_factory=ContactRecord)
    contact_mobile: str = ""
    contact_whatsapp: str = ""
    translation_of: str = ""


def event_record(data: dict) -> EventRecord:
    """An event line's object, validated; raises RecordError with a reason naming the field."""
    locale = locale_value(data)
    body_html = body_html_value(data)
    all_day = _boolean(data, "all_day")
    start = _moment(data, "start", all_day=all_day, required=True)
    end = _moment(data, "end", all_day=all_day)
    if end is not None and end < start:
        raise RecordError(f"end: {data['end']!r} is before start {data['start']!r}")
    contact = data.get("contact")
    extra = contact if isinstance(contact, dict) else {}
    return EventRecord(
        external_id=string_value(data, "external_id", required=True),
        locale=locale,
        title=string_value(data, "title", required=True),
        organization=organization_ref(data.get("organization"), "organization"),
        start=start,
        end=end,
        all_day=all_day,
        co_organizers=organization_refs(data, "co_organizers"),
        funders=organization_refs(data, "funders"),
        city=_city(data),
        venue=string_value(data, "venue"),
        online_url=_url(data, "online_url"),
        registration_url=_url(data, "registration_url"),
        registration_deadline=(
            date_value(data, "registration_deadline") if data.get("registration_deadline") else None
        ),
        topics=tuple(dict.fromkeys(string_list(data, "topics", max_length=100))),
        summary=string_value(data, "summary", max_length=None),
        body_html=body_html,
        contact=contact_record(contact),
        contact_mobile=string_value(extra, "mobile", max_length=64, label="contact.mobile"),
        contact_whatsapp=string_value(extra, "whatsapp", max_length=64, label="contact.whatsapp"),
        translation_of=string_value(data, "translation_of"),
    )


def _boolean(data: dict, key: str) -> bool:
    value = data.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise RecordError(f"{key}: expected true or false, got {json_type(value)}")
    return value


def _moment(
    data: dict, key: str, *, all_day: bool, required: bool = False
) -> datetime.datetime | None:
    """A date and time with its offset, or without one in Baku's time; for an all-day event
    a date alone will do, and the time is dropped (midnight in Baku of the day it names)."""
    value = string_value(data, key, required=required, max_length=40)
    if not value:
        return None
    if not MOMENT.match(value):
        raise RecordError(
            f"{key}: {value!r} is not an ISO 8601 date and time "
            "(YYYY-MM-DDTHH:MM, with an offset such as +04:00, or none for Baku time)"
        )
    if "T" not in value and not all_day:
        raise RecordError(f"{key}: {value!r} has no time; give one, or set all_day")
    try:
        moment = datetime.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=site_zone())
        if all_day:
            day = moment.astimezone(site_zone()).date()
            moment = datetime.datetime.combine(day, datetime.time.min, site_zone())
        moment.astimezone(datetime.UTC)
    except ValueError:
        raise RecordError(f"{key}: {value!r} is not a real date and time") from None
    except OverflowError:
        raise RecordError(f"{key}: {value!r} is out of range") from None
    return moment


def _city(data: dict) -> str:
    """The city's Azerbaijani name (how events store it), from any spelling of a known city."""
    value = string_value(data, "city", max_length=100)
    if not value:
        return ""
    city = city_find(value)
    if city is None:
        known = ", ".join(city.en for city in CITIES)
        raise RecordError(f"city: {value!r} is not one of the cities events list ({known})")
    return city.az


def _url(data: dict, key: str) -> str:
    value = string_value(data, key, max_length=URL_MAX_LENGTH)
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise RecordError(f"{key}: {value!r} is not an http or https URL") from None
    return value


class EventLines(PageLines):
    model = EventPage
    noun = "event"

    def record_parse(self, data: dict) -> EventRecord:
        return event_record(data)

    def locale_get(self, record: EventRecord) -> Locale:
        """Refuses a language where the site tree has neither a press-release index (for the
        newsrooms) nor an events index: the importer writes content, not the site's structure."""
        locale = Locale.objects.filter(language_code=record.locale).first()
        if locale is None or not (
            release_index_page(locale=locale) or event_index_page(locale=locale)
        ):
            raise RecordError(
                f"locale: no press-release or events index in {record.locale!r}; "
                "build the site tree first (docs/deploy.md)"
            )
        return locale

    def values(self, record: EventRecord, locale: Locale) -> dict:
        body = body_html_sanitise(record.body_html)
        return {
            "title": record.title,
            "organization_id": self.context.organization(record.organization, locale).pk,
            "start": record.start,
            "end": record.end,
            "all_day": record.all_day,
            "city": record.city,
            "venue": record.venue,
            "online_url": record.online_url,
            "registration_url": record.registration_url,
            "registration_deadline": record.registration_deadline,
            "summary": record.summary,
            "contact_name": record.contact.name,
            "contact_address": record.contact.address,
            "contact_phones": list(record.contact.phones),
            "contact_email": record.contact.email,
            "contact_mobile": record.contact_mobile,
            "contact_whatsapp": record.contact_whatsapp,
            "body": [("paragraph", body)] if body else [],
            "topics": sorted(record.topics),
            "co_organizers": organization_ids(self.context, record.co_organizers, locale),
            "funders": organization_ids(self.context, record.funders, locale),
        }

    def parent(self, record: EventRecord, locale: Locale, values: dict) -> Page:
        organization = self.context.organization(record.organization, locale)
        parent = newsroom_index_ensure(organization=organization, locale=locale)
        return parent or event_index_page(locale=locale)

    def slug_suffix(self, record: EventRecord) -> str:
        return record.start.astimezone(site_zone()).date().isoformat()

    def values_apply(self, page: EventPage, values: dict) -> None:
        for name in SCALAR_FIELDS:
            setattr(page, name, values[name])
        page.start_date = page.local_start.date()
        page.body = body_blocks(page.body, values["body"])
        page.topics.set(values["topics"])
        page.co_organizer_links = [
            EventCoOrganizer(organization_id=pk, sort_order=position)
            for position, pk in enumerate(values["co_organizers"])
        ]
        page.funder_links = [
            EventFunder(organization_id=pk, sort_order=position)
            for position, pk in enumerate(values["funders"])
        ]

    def stored_values(self, page: EventPage) -> dict:
        values = {name: getattr(page, name) for name in SCALAR_FIELDS}
        values["contact_phones"] = list(values["contact_phones"] or [])
        values["body"] = body_values(page.body)
        values["topics"] = sorted(tag.name for tag in page.topics.all())
        values["co_organizers"] = [link.organization_id for link in page.co_organizer_links.all()]
        values["funders"] = [link.organization_id for link in page.funder_links.all()]
        return values


def event_line_type() -> ImportLineType:
    """Lines with ``"type": "event"``."""
    return ImportLineType(name="event", handler=EventLines)
