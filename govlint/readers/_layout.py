"""Shared by the HTML, DOCX and PDF readers: write extracted content in the text shapes the parser reads.

Paragraphs and headings become lines. A table row becomes one line with its cells separated by
`` | `` (shape b of the text reader); a row whose first or last cell is blank is written with outer
pipes (``| | 0 | 3 |``) so that the blank survives. Every cell is written once, in the row where
it starts: a header label that spans several columns or a row label that spans several rows (such
as ``三、本年度办理结果``) is not repeated, so a multi-level header reads row by row, as the aligner
expects.

Blank cells: a blank cell is kept (it is a blank *value*, reported by GL207) only when it sits in
the value area of its row (no text label to its right) and under a column that some earlier row of
the same table (since the last full-width caption row) gives a non-empty header or value. Other
blank cells (the empty corner of a header, padding cells after a value) are layout and are dropped.

:class:`TextBuilder` also records, per character written, where it came from: an offset into the
original file (HTML) — turned into line/column by :meth:`TextBuilder.origin` — and locators such
as ``表3 第5行 第2列`` (DOCX, PDF). Offsets are handed in as any sequence of ints: the HTML reader
gives a ``range`` for text that is contiguous in the file, which :func:`clean` keeps when it has
nothing to collapse and :meth:`TextBuilder.row` copies straight into the builder's array.
"""

from __future__ import annotations

import operator
from array import array
from typing import Optional, Sequence

import attrs

from .. import records
from ..numbers import parse_cell
from ..source import Origin
from ..relazy import cached_compile

_PIPES = str.maketrans({"|": "/", "｜": "/"})


def is_wide(ch: str) -> bool:
    """CJK ideographs, kana and CJK / full-width punctuation: no space is needed next to them."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF) or (0xF900 <= o <= 0xFAFF) or (0xFF00 <= o <= 0xFFEF) or (0x20000 <= o <= 0x3FFFF) \
        or (0x3000 < o <= 0x303F)


def wraps_tight(a: str, b: str) -> bool:
    """A source line break between ``a`` and ``b`` is no space: between two wide characters, and
    between a wide character and a half-width letter or digit (``达到\\n234567万次``: an editor
    wrapping the source before a number's ``<span lang=EN-US>``; Chinese sets no space there)."""
    if is_wide(a):
        return is_wide(b) or (b.isascii() and b.isalnum())
    return is_wide(b) and a.isascii() and a.isalnum()


_ZERO_WIDTH = "\u200b\ufeff"  # blank, but no space on their own
_BLANK_RUN = cached_compile("[\\s\u200b\ufeff]+")  # \s matches exactly what str.isspace() accepts


def clean(chars: Sequence[str], offs: Sequence[int]) -> tuple[str, Sequence[int]]:
    """Collapse whitespace runs to one space, strip both ends.

    A whitespace run that holds a line break and sits between two wide (CJK) characters, or between
    a wide character and a half-width letter or digit, is dropped: it is the source's line wrapping,
    not a space in the text (:func:`wraps_tight`). ``offs`` has one entry per char.
    """
    text = chars if isinstance(chars, str) else "".join(chars)
    n = len(text)
    if n != len(chars):  # not one character per entry
        return _clean_chars(chars, offs)
    # nothing to collapse or strip (most table cells; letters and digits only hold no blank)
    if text.isalnum() or not _BLANK_RUN.search(text):
        return text, offs if type(offs) is range else list(offs)
    out: list[str] = []
    out_offs: list[int] = []
    pos = 0  # the text is kept stretches and blank runs: copy the stretches, decide for each run
    for m in _BLANK_RUN.finditer(text):
        a, j = m.span()
        if a > pos:
            out.append(text[pos:a])
            out_offs.extend(offs[pos:a])
        # a run at the start or the end is dropped; between two characters it becomes one space
        # unless it wraps a line tightly (between two wide characters, or one and a letter or digit)
        # or is zero-width characters only (总&#8203;体 is 总体: no space)
        run = m.group()
        if a and j < n and run.strip(_ZERO_WIDTH) and not (("\n" in run or "\r" in run) and wraps_tight(text[a - 1], text[j])):
            out.append(" ")
            out_offs.append(offs[a])
        pos = j
    if pos < n:
        out.append(text[pos:])
        out_offs.extend(offs[pos:])
    return "".join(out), out_offs


def _clean_chars(chars: Sequence[str], offs: Sequence[int]) -> tuple[str, list[int]]:
    """:func:`clean`, character by character."""
    out: list[str] = []
    out_offs: list[int] = []
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        if ch.isspace() or ch in _ZERO_WIDTH:
            j = i
            newline = blank = False
            while j < n and (chars[j].isspace() or chars[j] in _ZERO_WIDTH):
                newline = newline or chars[j] in "\r\n"
                blank = blank or chars[j] not in _ZERO_WIDTH
                j += 1
            if out and j < n and blank and not (newline and wraps_tight(out[-1], chars[j])):
                out.append(" ")
                out_offs.append(offs[i])
            i = j
            continue
        out.append(ch)
        out_offs.append(offs[i])
        i += 1
    return "".join(out), out_offs


@records.define
class GridCell:
    """One cell of a table as the reader found it; ``row``/``col`` are grid positions (0-based)."""

    text: str
    offs: Sequence[int] = attrs.field(factory=list)  # per char of text: offset in the original file, or -1 (list or range)
    row: int = 0
    col: int = -1  # -1: not placed yet (see :func:`place`)
    rowspan: int = 1
    colspan: int = 1
    anchor: int = -1  # offset of the cell's own markup (for a blank cell), or -1
    locator: Optional[str] = None


def place(rows: list[list[GridCell]], max_span: int = 500) -> None:
    """Give every cell its grid column, expanding ``rowspan``/``colspan`` (HTML table model)."""
    occupied: set[tuple[int, int]] = set()  # grid slots taken by cells of rows above (rowspan)
    nrows = len(rows)
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in occupied:
                c += 1
            cell.row, cell.col = r, c
            rowspan, colspan = cell.rowspan, cell.colspan
            if rowspan != 1:
                rowspan = cell.rowspan = max(1, min(rowspan, nrows - r, max_span))
            if colspan != 1:
                colspan = cell.colspan = max(1, min(colspan, max_span))
            # the cells before this one in its own row lie left of it: only rows below need marking
            for dr in range(1, rowspan):
                for dc in range(colspan):
                    occupied.add((r + dr, c + dc))
            c += colspan


class TextBuilder:
    """Accumulates the extracted text line by line, with per-character origins and locators."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self.offs = array("l")
        self.length = 0
        self.locators: list[tuple[int, str]] = []
        self._buf: list[str] = []  # the line being written, in pieces (never empty ones)
        self._buf_offs: list[int] = []
        self._buf_locator: Optional[str] = None
        self.tables_in_a_row = False  # the last thing written was a table row (for split tables)

    # -- paragraphs
    def inline(self, text: str, offs: Optional[Sequence[int]] = None, locator: Optional[str] = None) -> None:
        if not text:
            return
        if locator is not None and all(piece.isspace() for piece in self._buf):
            self._buf_locator = locator
        self._buf.append(text)  # (pieces, joined once at the end of the line)
        self._buf_offs.extend(offs if offs is not None else [-1] * len(text))

    def end_line(self) -> None:
        if not self._buf:
            return
        text, offs = clean("".join(self._buf), self._buf_offs)
        loc = self._buf_locator
        self._buf, self._buf_offs, self._buf_locator = [], [], None
        if text:
            self._write(text, offs, [(0, loc)] if loc else [])
            self.tables_in_a_row = False

    def line(self, text: str, offs: Optional[Sequence[int]] = None, locator: Optional[str] = None) -> None:
        """A whole line (a paragraph) at once."""
        self.end_line()
        self.inline(text, offs, locator)
        self.end_line()

    def located_line(self, text: str, locs: Sequence[tuple[int, str]]) -> None:
        """A whole line written as it is (already clean: another reader's), with ``locs``: (offset in
        the line, locator) pairs, ascending."""
        self.end_line()
        if text:
            self._write(text, [-1] * len(text), locs)
            self.tables_in_a_row = False

    # -- table rows
    def row(self, cells: Sequence[GridCell]) -> None:
        self.end_line()
        if not cells:
            return
        # (the offsets go straight into the builder's array: a cell's are often a ``range``)
        offs = self.offs
        pieces: list[str] = []
        locs: list[tuple[int, str]] = []
        outer = not cells[0].text or not cells[-1].text
        at = 0  # length written so far
        if outer:
            pieces.append("|")
            offs.append(-1)
            at = 1
        for i, cell in enumerate(cells):
            if i or outer:
                if i:
                    pieces.append(" | ")
                    offs.extend((-1, -1, cell.anchor))
                    at += 3
                else:
                    pieces.append(" ")
                    offs.append(cell.anchor)
                    at += 1
                slot = at - 1
            else:
                slot = 0
            text = cell.text
            if "|" in text or "\uff5c" in text:
                text = text.translate(_PIPES)
            if text:
                pieces.append(text)
                offs.extend(cell.offs if len(cell.offs) == len(text) else [cell.anchor] * len(text))
            if cell.locator:
                locs.append((at if text else slot, cell.locator))
            at += len(text)
        if outer:
            pieces.append(" |")
            offs.extend((-1, -1))
        self._write("".join(pieces), None, locs)
        self.tables_in_a_row = True

    def _write(self, text: str, offs: Optional[Sequence[int]], locs: Sequence[tuple[int, str]]) -> None:
        """Write a line; ``offs``: its characters' offsets (None: already in :attr:`offs`)."""
        base = self.length
        for i, loc in locs:
            self._mark(base + i, loc)
        self._chunks.append(text)
        self._chunks.append("\n")
        if offs is not None:
            self.offs.extend(offs)
        self.offs.append(-1)
        self.length += len(text) + 1

    def _mark(self, offset: int, locator: str) -> None:
        if self.locators and self.locators[-1][0] == offset:
            self.locators[-1] = (offset, locator)
        elif not self.locators or self.locators[-1][1] != locator:
            self.locators.append((offset, locator))

    # -- results
    def text(self) -> str:
        self.end_line()
        return "".join(self._chunks)

    def origin(self, original: Optional[str] = None) -> Origin:
        """The :class:`Origin` of the text written so far.

        With ``original`` (the decoded original file), every character has the offset recorded for
        it, which the :class:`Origin` turns into line and column when a position is asked for.
        """
        self.end_line()
        if original is None:
            return Origin(locators=tuple(self.locators))
        offsets = array("l", self.offs)
        offsets.append(-1)  # the end of the text
        return Origin(locators=tuple(self.locators), original_text=original, offsets=offsets)


_COLUMN = operator.attrgetter("col")


class TableEmitter:
    """Writes tables through a :class:`TextBuilder`, keeping blank value cells and dropping layout.

    A table that follows another with nothing written in between (a table split in two, or
    continued on the next page) inherits the column coverage of the previous one when it has the
    same width, so its blank values are kept too.
    """

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self._prev: Optional[tuple[int, set[int]]] = None

    def emit(self, rows: list[list[GridCell]], caption_rows: bool = True) -> None:
        cells = [c for row in rows for c in row]
        if not cells:
            return
        width = max(c.col + c.colspan for c in cells)
        coverage: set[int] = set()
        if self.builder.tables_in_a_row and self._prev is not None and self._prev[0] == width:
            coverage = set(self._prev[1])
        for row in rows:
            row = sorted(row, key=_COLUMN)
            filled = [c for c in row if c.text]
            if not filled:
                if len(row) > 1 and coverage and all(
                        any(c in coverage for c in range(x.col, x.col + x.colspan)) for x in row):
                    # a row of empty cells under columns the rows above have: a row left blank (the
                    # figures of table 四 not filled in), written as such (``|  |  |``)
                    self.builder.row(row)
                continue
            if caption_rows and width > 1 and len(filled) == 1 and filled[0].colspan >= width:
                coverage = set()  # a caption row (第二十条第（一）项) starts a new block
                self.builder.row(filled)
                continue
            out: list[GridCell] = []
            for i, cell in enumerate(row):
                if cell.text:
                    out.append(cell)
                    continue
                label_right = any(x.text and parse_cell(x.text).kind == "text" for x in row[i + 1:])
                covered = any(c in coverage for c in range(cell.col, cell.col + cell.colspan))
                if covered and not label_right:
                    out.append(cell)
            for c in filled:
                coverage.update(range(c.col, c.col + c.colspan))
            self.builder.row(out)
        self._prev = (width, coverage)
