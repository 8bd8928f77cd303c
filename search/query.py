"""The reader's search request: parsed and validated once, before any backend sees it.

The query string is parsed into terms and phrases here, and the backends build their own
queries from those (never from the raw text), so no user text is ever interpreted as
Elasticsearch query-string or database syntax: ``title:(``, ``*`` and ``\\`` are just words.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _

from core.params import MAX_QUERY_WORDS, WORD, printable, whole_number

from .registry import registry

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000
PAGE_SIZE = 20
SORTS = ("relevance", "newest", "oldest")
MAX_REPEATED = 20  # per repeatable filter: a longer URL is not a reader's
# The parameters of a search and the longest value each may have: nothing else is read, nor
# carried into the page's links and forms (``search_params``).
PARAMETERS = {
    "q": MAX_QUERY_LENGTH,
    "type": 32,
    "organization": 255,
    "organization_type": 64,
    "city": 100,
    "topic": 100,
    "lang": 10,
    "date_from": 32,
    "date_to": 32,
    "sort": 16,
    "page": 8,
}


class InvalidSearch(ValueError):
    """The request cannot be answered as asked; ``messages`` tell the reader why."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Term:
    """A word, or a phrase when ``phrase`` is true (words in this order)."""

    text: str
    phrase: bool = False


@dataclass(frozen=True)
class ParsedText:
    """``required``: every group must match, a group being alternatives joined by OR."""

    required: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.required

    def words(self) -> list[str]:
        """Every word the reader wants found, for highlighting and suggestions."""
        return [
            word for group in self.required for term in group for word in WORD.findall(term.text)
        ]


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    parsed: ParsedText = field(default_factory=ParsedText)
    type: str = "all"
    organizations: tuple[str, ...] = ()
    organization_type: str = ""
    city: str = ""
    topics: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    notices: tuple[str, ...] = ()

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def effective_sort(self) -> str:
        """Relevance means nothing without words: such a list is newest first."""
        return "newest" if self.sort == "relevance" and self.parsed.is_empty else self.sort

    def with_page(self, page: int) -> "SearchQuery":
        return replace(self, page=page)


def clean_text(value: str) -> tuple[str, list[str]]:
    """Control characters out and the length and words capped, telling the reader about each."""
    notices = []
    cleaned = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} else ch for ch in value
    )
    if cleaned != value:
        notices.append(_("Control characters were removed from your search."))
    words = cleaned.split()
    if len(words) > MAX_QUERY_WORDS:
        words = words[:MAX_QUERY_WORDS]
        notices.append(
            _("Your search was shortened to its first %(count)d words.")
            % {"count": MAX_QUERY_WORDS}
        )
    cleaned = " ".join(words)
    if len(cleaned) > MAX_QUERY_LENGTH:
        cleaned = cleaned[:MAX_QUERY_LENGTH]
        notices.append(
            _("Your search was shortened to its first %(count)d characters.")
            % {"count": MAX_QUERY_LENGTH}
        )
    return cleaned, notices


def parse_text(text: str) -> tuple[ParsedText, list[str]]:
    """ "quoted phrases", -excluded words or phrases, and OR between alternatives.

    An unbalanced quote is read as if closed at the end, and the reader is told.
    """
    notices = []
    if text.count('"') % 2:
        notices.append(_("A quotation mark was not closed; we closed it at the end."))
        text += '"'
    required: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in re.finditer(r'(-?)"([^"]*)"|(\S+)', text):
        negated = bool(match.group(1))
        if match.group(3) is not None:
            token = match.group(3)
            if token == "OR":  # noqa: S105 (the operator, not a password)
                join_next = bool(required)
                continue
            negated = token.startswith("-")
            words = WORD.findall(token)
            terms = [Term(word) for word in words]
        else:
            words = WORD.findall(match.group(2))
            terms = [Term(" ".join(words), phrase=len(words) > 1)] if words else []
        if not terms:
            continue
        if negated:
            excluded.extend(terms)
        elif join_next:
            required[-1].append(terms[0])
            required.extend([term] for term in terms[1:])
        else:
            required.extend([term] for term in terms)
        join_next = False
    return ParsedText(tuple(tuple(group) for group in required), tuple(excluded)), notices


def _date(params: QueryDict, name: str, label: str, errors: list[str]) -> datetime.date | None:
    value = params.get(name, "").strip()
    if not value:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        errors.append(
            _("%(label)s must be a date written as YYYY-MM-DD, for example 2024-03-31.")
            % {"label": label}
        )
        return None


def search_params(query: QueryDict) -> QueryDict:
    """The search's own parameters of ``query``, printable and capped, for links and forms.

    Unknown parameters are left behind, so a long junk one is not copied into every link of
    the results page; each name keeps at most ``MAX_REPEATED`` distinct non-empty values.
    """
    known = QueryDict(mutable=True)
    for name, max_length in PARAMETERS.items():
        cleaned = [
            clean_text(value)[0] if name == "q" else printable(value)[:max_length]
            for value in query.getlist(name)
        ]
        values = list(dict.fromkeys(value for value in cleaned if value))[:MAX_REPEATED]
        if values:
            known.setlist(name, values)
    return known


def parse_search_query(params: QueryDict, *, language: str) -> SearchQuery:
    """The validated request, or InvalidSearch listing everything that is wrong with it.

    ``language`` is the page's language: the default for ``lang``.
    """
    errors: list[str] = []
    text, notices = clean_text(params.get("q", ""))
    params = search_params(params)
    parsed, parse_notices = parse_text(text)
    notices += parse_notices
    if text and parsed.is_empty:
        notices.append(_("Your search has no words we can look for, so everything is listed."))

    search_type = params.get("type", "all") or "all"
    types = ("all", *registry.type_keys())
    if search_type not in types:
        errors.append(_("Type must be one of: %(values)s.") % {"values": ", ".join(types)})
    sort = params.get("sort", "relevance") or "relevance"
    if sort not in SORTS:
        errors.append(_("Sort must be one of: %(values)s.") % {"values": ", ".join(SORTS)})

    organization_type = params.get("organization_type", "")
    organizations = tuple(params.getlist("organization"))
    # The apps owning these filters' values say which of them name nothing.
    errors += registry.filter_errors(
        {"organization_type": organization_type, "organizations": organizations}
    )

    codes = [code for code, _name in settings.LANGUAGES]
    languages = tuple(params.getlist("lang"))
    if "all" in languages:
        languages = tuple(codes)
    for code in languages:
        if code not in codes:
            errors.append(
                _("Language must be one of: %(values)s.") % {"values": ", ".join([*codes, "all"])}
            )
            break

    date_from = _date(params, "date_from", _("From date"), errors)
    date_to = _date(params, "date_to", _("To date"), errors)
    if date_from and date_to and date_from > date_to:
        errors.append(_("The from date must not be after the to date."))

    page = whole_number(params.get("page", "1"), minimum=1, maximum=MAX_PAGE)
    if page is None:
        errors.append(_("Page must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE})
    if errors:
        raise InvalidSearch(errors)
    return SearchQuery(
        text=text,
        parsed=parsed,
        type=search_type,
        organizations=organizations,
        organization_type=organization_type,
        city=params.get("city", ""),
        topics=tuple(params.getlist("topic")),
        languages=languages or (language,),
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        page=page,
        notices=tuple(notices),
    )
