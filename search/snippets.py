"""One snippet per search hit: where the reader's words matched, otherwise the summary.

Both engines hand over highlighted fragments as escaped HTML with the matched words in
``<mark>`` (Elasticsearch's highlighter with the html encoder, search/database.py's own).
Here they are read back into text and marks, sentences already shown are dropped (a release
whose summary opens its body matches twice), the ends are cut at word boundaries with an
ellipsis, and the text is escaped again: only ``<mark>`` survives, whatever a fragment held.
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ELLIPSIS = "…"
# About three lines beside a result at desktop width, five on a phone.
SNIPPET_CHARS = 280

_MARK_TAG = re.compile(r"(</?mark>)")
_LEADING_ELLIPSIS = re.compile(r"^(?:…|\.\.\.)\s*")
_TRAILING_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)$")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_CLOSED_END = re.compile(r"[.!?][\"'”»)]*$")


@dataclass(frozen=True)
class Marked:
    """Plain text with a flag per character: True where the reader's words matched."""

    text: str
    flags: tuple[bool, ...]

    def __getitem__(self, span: slice) -> "Marked":
        return Marked(self.text[span], self.flags[span])

    def __len__(self) -> int:
        return len(self.text)

    def has_mark(self) -> bool:
        return any(self.flags)

    def strip(self) -> "Marked":
        start = len(self.text) - len(self.text.lstrip())
        return self[start : len(self.text.rstrip())]

    def html(self) -> str:
        out, start = [], 0
        for end in range(1, len(self.text) + 1):
            if end == len(self.text) or self.flags[end] != self.flags[start]:
                piece = escape(self.text[start:end])
                out.append(f"<mark>{piece}</mark>" if self.flags[start] else piece)
                start = end
        return "".join(out)


@dataclass(frozen=True)
class Piece:
    """Whole sentences, or part of one, and whether the source text went on at either end."""

    marked: Marked
    cut_start: bool
    cut_end: bool


def marked_from_html(fragment: str) -> Marked:
    """A highlighted fragment read back into text and marks, its whitespace collapsed."""
    chars, flags, marked = [], [], False
    for part in _MARK_TAG.split(fragment):
        if part in ("<mark>", "</mark>"):
            marked = part == "<mark>"
            continue
        for char in html.unescape(part):
            if char.isspace():
                if not chars or chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            flags.append(marked)
    return Marked("".join(chars), tuple(flags)).strip()


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` (clamped to the text) widened to whole words, so a fragment never opens
    or ends mid-word."""
    start, end = max(0, start), min(len(text), end)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _key(text: str) -> str:
    """What makes two sentences the same to a reader: their words, whatever the case."""
    return " ".join(re.sub(r"\W+", " ", text).split()).casefold()


def _fragment_pieces(marked: Marked, shown: list[str]) -> list[Piece]:
    """The fragment's sentences not shown yet, runs of neighbours joined into one piece."""
    lead = _LEADING_ELLIPSIS.match(marked.text)
    trail = _TRAILING_ELLIPSIS.search(marked.text)
    start = lead.end() if lead else 0
    end = max(start, trail.start() if trail else len(marked))
    # A fragment that opens in lower case starts mid-sentence (the engine's word boundary).
    cut = bool(lead) or marked.text[start : start + 1].islower()
    marked = marked[start:end]
    ends = [match.end() for match in _SENTENCE_END.finditer(marked.text)]
    pieces, run = [], []
    for begin, finish in zip([0, *ends], [*ends, len(marked)], strict=True):
        sentence = marked[begin:finish].strip()
        key = _key(sentence.text)
        if key and not any(key in seen or seen in key for seen in shown):
            shown.append(key)
            run.append(sentence)
            continue
        if run:
            pieces.append(_piece(run, cut_start=cut))
            run = []
        cut = True
    if run:
        pieces.append(_piece(run, cut_start=cut, cut_end=bool(trail)))
    return pieces


def _piece(run: list[Marked], *, cut_start: bool, cut_end: bool = False) -> Piece:
    text = " ".join(sentence.text for sentence in run)
    flags: list[bool] = []
    for sentence in run:
        flags += [*sentence.flags, False]
    return Piece(
        Marked(text, tuple(flags[: len(text)])),
        cut_start,
        cut_end or not _CLOSED_END.search(text),
    )


def _shortened(piece: Piece, limit: int) -> Piece:
    """The piece cut to about ``limit`` characters at word boundaries, its first mark in view."""
    marked = piece.marked
    if len(marked) <= limit:
        return piece
    first = marked.flags.index(True) if marked.has_mark() else 0
    start = max(0, min(first - limit // 3, len(marked) - limit))
    start = word_span(marked.text, start, start)[0]
    end = min(len(marked), start + limit)
    space = marked.text.rfind(" ", start, end + 1)
    if end < len(marked) and space > first:
        end = space
    return Piece(
        marked[start:end].strip(), piece.cut_start or start > 0, piece.cut_end or end < len(marked)
    )


def _render(pieces: list[Piece]) -> SafeString:
    """Pieces in order; an ellipsis wherever the source text goes on between or around them."""
    out = [ELLIPSIS] if pieces and pieces[0].cut_start else []
    for index, piece in enumerate(pieces):
        if index:
            out.append(ELLIPSIS)
        out.append(piece.marked.html())
    if pieces and pieces[-1].cut_end:
        out.append(ELLIPSIS)
    return mark_safe(" ".join(out))  # noqa: S308 - every piece of text went through escape()


def snippet(fragments: list[str], summary: str = "", *, limit: int = SNIPPET_CHARS) -> SafeString:
    """The text a hit shows under its title: matched fragments, else the summary."""
    shown: list[str] = []
    # A run of context whose matched sentence was shown already has nothing new to show.
    pieces = [
        piece
        for fragment in fragments or []
        for piece in _fragment_pieces(marked_from_html(fragment), shown)
        if piece.marked.has_mark()
    ]
    if not pieces:
        text = " ".join((summary or "").split())
        if not text:
            return mark_safe("")
        summary_piece = Piece(Marked(text, (False,) * len(text)), False, False)
        return _render([_shortened(summary_piece, limit)])
    chosen = [_shortened(pieces[0], limit)]
    used = len(chosen[0].marked)
    for piece in pieces[1:]:
        used += len(piece.marked) + 3
        if used > limit:
            chosen[-1] = Piece(chosen[-1].marked, chosen[-1].cut_start, True)
            break
        chosen.append(piece)
    return _render(chosen)
