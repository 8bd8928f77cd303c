"""Events models, one module per page type, re-exported for Django's app registry."""

from .event_index import EventIndexPage
from .event_page import EventCoOrganizer, EventFunder, EventPage, EventTopic

__all__ = ["EventCoOrganizer", "EventFunder", "EventIndexPage", "EventPage", "EventTopic"]
