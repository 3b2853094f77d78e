"""Source: the text govlint parses, plus the map back to positions in the user's file.

For plain text the parsed text *is* the file (decoded), and positions are computed from it. Readers
that extract text from another format (HTML, DOCX, PDF) attach an :class:`Origin`: for every
character of the extracted text, the 1-based line and column it came from in the original file
(HTML), and/or locators such as ``表3 第5行 第2列`` or ``第4页`` for stretches of text (DOCX, PDF).
"""

from __future__ import annotations

from bisect import bisect_right
from array import array
from typing import Iterable, Optional, Sequence

import attrs

from . import records
from .model import Span
from .relazy import cached_compile

_new_tuple = tuple.__new__
_NEWLINE = cached_compile("\n")


def line_starts(text: str) -> tuple[int, ...]:
    """The offset of every line of ``text`` (the first is 0)."""
    return (0, *[m.end() for m in _NEWLINE.finditer(text)])


@records.frozen
class Origin:
    """Where extracted text came from.

    Positions in the original file, per character of the extracted text (plus one entry for its
    end), are given either as ``offsets`` — offsets into ``original_text``, -1 for a character the
    reader added (a separator, a line end), turned into line and column only when asked for — or
    directly as ``lines``/``columns`` (1-based). Both are empty when positions are those of the
    extracted text itself (DOCX, PDF). ``locators``: sorted (start offset, locator) pairs; the
    locator of an offset is the last one starting at or before it. ``original_text``: the decoded
    original file (for showing source lines), if it is text.
    """

    lines: array = attrs.field(factory=lambda: array("l"))
    columns: array = attrs.field(factory=lambda: array("l"))
    locators: Sequence[tuple[int, str]] = ()
    original_text: Optional[str] = None
    offsets: array = attrs.field(factory=lambda: array("l"))
    _memo: dict = attrs.field(factory=dict, init=False, repr=False, eq=False, hash=False)

    @property
    def has_positions(self) -> bool:
        return bool(len(self.offsets) or len(self.lines))

    def position(self, i: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of character ``i`` of the extracted text.

        A character the reader added takes the column just after the last original character
        before it (or the position of the first original character, if none comes before it)."""
        if not len(self.offsets):
            i = min(max(i, 0), len(self.lines) - 1)
            return self.lines[i], self.columns[i]
        offs = self.offsets
        i = min(max(i, 0), len(offs) - 1)
        o = offs[i]
        if o >= 0:
            return self._line_col(o)
        k = i - 1
        while k >= 0 and offs[k] < 0 and i - k < 64:
            k -= 1
        if k >= 0 and offs[k] < 0:  # a long run of added characters: look it up in a table made once
            k = self._previous_real()[i]
        if k >= 0:
            line, col = self._line_col(offs[k])
            return line, col + 1
        first = next((x for x in offs if x >= 0), 0)
        return self._line_col(first)

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of characters ``start`` and ``end``, as
        :meth:`position` gives them: both ends at once for the usual case (HTML: both characters
        came from the file), with one look-up of the line starts."""
        offs = self.offsets
        n = len(offs)
        if n and 0 <= start < n and 0 < end < n:
            a, b = offs[start], offs[end]
            if a >= 0:
                after = 1
                if b < 0:  # the end is a character the reader added (a cell's separator, a line end):
                    b = offs[end - 1]  # just after the last character of the span, as position() says
                    after = 2
                if b >= 0:
                    starts = self._memo.get("starts") or self.original_line_starts()
                    i = bisect_right(starts, a) - 1
                    j = bisect_right(starts, b) - 1
                    return i + 1, a - starts[i] + 1, j + 1, b - starts[j] + after
        return (*self.position(start), *self.position(end))

    def original_line_starts(self) -> tuple[int, ...]:
        """:func:`line_starts` of :attr:`original_text` (computed once)."""
        starts = self._memo.get("starts")
        if starts is None:
            starts = self._memo["starts"] = line_starts(self.original_text or "")
        return starts

    def _line_col(self, o: int) -> tuple[int, int]:
        starts = self.original_line_starts()
        ln = bisect_right(starts, o) - 1
        return ln + 1, o - starts[ln] + 1

    def _previous_real(self) -> array:
        table = self._memo.get("previous")
        if table is None:
            table = array("l")
            last = -1
            for k, o in enumerate(self.offsets):
                table.append(last)
                if o >= 0:
                    last = k
            self._memo["previous"] = table
        return table


@records.frozen
class Source:
    text: str
    path: Optional[str] = None
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    kind: str = "text"  # reader that produced it: "text", "html", "docx", "pdf"
    origin: Optional[Origin] = None
    line_starts: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    _locator_starts: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    # the origin when it has positions (``origin.has_positions``, a property, asked once here and not
    # at each of the few hundred spans of a report), else None
    _positions: Optional[Origin] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "line_starts", line_starts(self.text))
        object.__setattr__(self, "_positions", self.origin if self.origin is not None and self.origin.has_positions
                           else None)
        locs = self.origin.locators if self.origin is not None else ()
        object.__setattr__(self, "_locator_starts", tuple(s for s, _ in locs))

    @property
    def plain(self) -> bool:
        """The text is the user's file itself (a text file), not text extracted from HTML/DOCX/PDF."""
        return self.kind == "text" and (self.origin is None or not self.origin.has_positions)

    def flagged(self, start: int, end: Optional[int] = None) -> str:
        """The text a diagnostic flags: ``text[start:end]``, or to the end of the line without an end."""
        if end is None or end <= start:
            nl = self.text.find("\n", start)
            end = len(self.text) if nl == -1 else nl
        return self.text[start:end]

    def excerpt(self, lines: Iterable[int], offsets: Iterable[int] = (),
                spans: Iterable[tuple[int, Optional[int]]] = ()) -> "SourceExcerpt":
        """What reporters need once the file is checked — the text of ``lines`` (1-based lines of the
        user's file), the positions of ``offsets`` and the :meth:`flagged` text of ``spans`` — a few
        hundred bytes instead of the whole file."""
        return SourceExcerpt(self.path, self.kind, self.encoding, self.plain,
                             {n: self.line_text(n) for n in sorted(set(lines))},
                             {o: self.position(o) for o in sorted(set(offsets))},
                             {sp: self.flagged(*sp) for sp in set(spans)})

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the user's file of an offset into :attr:`text`.

        Columns count code points; a CR before LF is not a column.
        """
        o = self.origin
        if o is not None and o.has_positions:
            return o.position(offset)
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        # the tuples are made directly (Span(...) goes through the named tuple's Python-level
        # __new__): a report has one span per table cell
        if end < start:  # pieces joined in reading order, not in the file's (a label a layout wrapped
            start, end = end, start  # upwards, lines of a table moved): the region holding both
        o = self._positions
        if o is not None:
            return _new_tuple(Span, (*o.span(start, end), start, end))
        starts = self.line_starts
        i = bisect_right(starts, start) - 1
        if i >= 0 and start <= end and (i + 1 == len(starts) or end < starts[i + 1]):
            s = starts[i] - 1  # both ends on one line (a cell, a paragraph): one look-up
            return _new_tuple(Span, (i + 1, start - s, i + 1, end - s, start, end))
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(line, col, end_line, end_col, start, end)

    def locator(self, offset: int) -> Optional[str]:
        """The reader's locator (table/row/cell, paragraph, page) for an offset, if it has one."""
        if not self._locator_starts:
            return None
        i = bisect_right(self._locator_starts, offset) - 1
        return self.origin.locators[i][1] if i >= 0 else None

    def with_text(self, text: str) -> "Source":
        """This file read as ``text``, which has the same length, each character where it was (a
        page's separators as line breaks, see :func:`govlint.flatten.joined_page`): lines are those
        of ``text``, positions those of the file."""
        if len(text) != len(self.text):
            raise ValueError("with_text: the text must keep every offset")
        origin = self.origin
        if origin is None or not origin.has_positions:
            origin = Origin(locators=origin.locators if origin is not None else (), original_text=self.text,
                            offsets=array("l", range(len(text) + 1)))
        return attrs.evolve(self, text=text, origin=origin)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line of the user's file (as decoded), without its line ending."""
        text, starts = self.text, self.line_starts
        if self.origin is not None and self.origin.has_positions:
            if self.origin.original_text is None:
                return ""
            text = self.origin.original_text
            starts = self.origin.original_line_starts()
        if not 1 <= line <= len(starts):
            return ""
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(text)
        return text[start:end].rstrip("\r")


@records.frozen
class SourceExcerpt:
    """The part of a :class:`Source` that reporters read, kept for each file of a batch run instead
    of the whole text (see :meth:`Source.excerpt`): memory stays flat however many files are checked."""

    path: Optional[str]
    kind: str
    encoding: str
    plain: bool
    lines: dict  # 1-based line -> its text
    positions: dict  # offset into the checked text -> (line, column) in the user's file
    spans: dict = attrs.field(factory=dict)  # (start, end) -> Source.flagged(start, end)

    def line_text(self, line: int) -> str:
        return self.lines.get(line, "")

    def position(self, offset: int) -> tuple[int, int]:
        return self.positions[offset]

    def flagged(self, start: int, end: Optional[int] = None) -> str:
        return self.spans.get((start, end), "")
