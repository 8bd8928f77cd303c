"""The reader's search request: parsed and validated once, before any backend sees it.

The query string is parsed into terms and phrases here, and the backends build their own
queries from those (never from the raw text), so no user text is ever interpreted as
Elasticsearch query-string or database syntax: ``title:(``, ``*`` and ``\\`` are just words.
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from django.http import QueryDict
from django.utils.translation import gettext as _

from core.query_params import MAX_QUERY_WORDS, WORD, printable, whole_number

from .filters import MAX_REPEATED, PublicFilters, filters_parse
from .filters import PARAMETERS as FILTER_PARAMETERS
from .registry import registry

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000
PAGE_SIZE = 20
SORTS = ("relevance", "newest", "oldest")
# The parameters of a search and the longest value each may have: nothing else is read, nor
# carried into the page's links and forms (``search_params``).
PARAMETERS = {
    "q": MAX_QUERY_LENGTH,
    "type": 32,
    **{name: max_length for name, (_attribute, max_length) in FILTER_PARAMETERS.items()},
    "sort": 16,
    "page": 8,
}


class InvalidSearch(ValueError):
    """The request cannot be answered as asked; ``errors`` say why, by parameter."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        self.messages = [message for messages in errors.values() for message in messages]
        super().__init__("; ".join(self.messages))


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
    filters: PublicFilters = field(default_factory=PublicFilters)
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    notices: tuple[str, ...] = ()
    # Only these primary keys of the searched type may match: whether a saved search finds
    # one new record (``search_match``). Not a reader's parameter.
    ids: tuple[int, ...] = ()

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


def _choice(params: QueryDict, name: str, choices: tuple[str, ...], message: str, errors) -> str:
    """The parameter, one of ``choices`` (the first when absent); ``message`` when not."""
    value = params.get(name, choices[0]) or choices[0]
    if value not in choices:
        errors[name] = [message % {"values": ", ".join(choices)}]
    return value


def parse_search_query(params: QueryDict, *, language: str) -> SearchQuery:
    """The validated request, or InvalidSearch listing everything wrong with it, by parameter.

    ``language`` is the page's language: the default for ``lang``.
    """
    text, notices = clean_text(params.get("q", ""))
    params = search_params(params)
    parsed, parse_notices = parse_text(text)
    notices += parse_notices
    if text and parsed.is_empty:
        notices.append(_("Your search has no words we can look for, so everything is listed."))
    filters, errors = filters_parse(params)
    types = ("all", *registry.type_keys())
    search_type = _choice(params, "type", types, _("Type must be one of: %(values)s."), errors)
    sort = _choice(params, "sort", SORTS, _("Sort must be one of: %(values)s."), errors)
    page = whole_number(params.get("page", "1"), minimum=1, maximum=MAX_PAGE)
    if page is None:
        errors["page"] = [_("Page must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE}]
    if errors:
        raise InvalidSearch(errors)
    return SearchQuery(
        text=text,
        parsed=parsed,
        type=search_type,
        filters=replace(filters, languages=filters.languages or (language,)),
        sort=sort,
        page=page,
        notices=tuple(notices),
    )
