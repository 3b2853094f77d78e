"""Source: the text govlint parses, plus the map back to positions in the user's file.

For plain text the parsed text *is* the file (decoded), and positions are computed from it. Readers
that extract text from another format (HTML, DOCX, PDF) attach an :class:`Origin`: for every
character of the extracted text, the 1-based line and column it came from in the original file
(HTML), and/or locators such as ``表3 第5行 第2列`` or ``第4页`` for stretches of text (DOCX, PDF).
"""

from __future__ import annotations

import bisect
from array import array
from typing import Optional, Sequence

import attrs

from .model import Span


@attrs.frozen
class Origin:
    """Where extracted text came from.

    ``lines``/``columns``: per character of the extracted text (plus one entry for the end), the
    1-based line and column in the original file; empty when positions are those of the extracted
    text itself (DOCX, PDF). ``locators``: sorted (start offset, locator) pairs; the locator of an
    offset is the last one starting at or before it. ``original_text``: the decoded original file
    (for showing source lines), if it is text.
    """

    lines: array = attrs.field(factory=lambda: array("l"))
    columns: array = attrs.field(factory=lambda: array("l"))
    locators: Sequence[tuple[int, str]] = ()
    original_text: Optional[str] = None


@attrs.frozen
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

    def __attrs_post_init__(self) -> None:
        starts = [0]
        text = self.text
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        object.__setattr__(self, "line_starts", tuple(starts))
        locs = self.origin.locators if self.origin is not None else ()
        object.__setattr__(self, "_locator_starts", tuple(s for s, _ in locs))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the user's file of an offset into :attr:`text`.

        Columns count code points; a CR before LF is not a column.
        """
        o = self.origin
        if o is not None and len(o.lines):
            i = min(max(offset, 0), len(o.lines) - 1)
            return o.lines[i], o.columns[i]
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        o = self.origin
        if o is None or not len(o.lines):
            starts = self.line_starts
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and start <= end and (i + 1 == len(starts) or end < starts[i + 1]):
                # both ends on one line (a cell, a paragraph): one look-up
                s = starts[i]
                return Span(i + 1, start - s + 1, i + 1, end - s + 1, start, end)
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(line, col, end_line, end_col, start, end)

    def locator(self, offset: int) -> Optional[str]:
        """The reader's locator (table/row/cell, paragraph, page) for an offset, if it has one."""
        if not self._locator_starts:
            return None
        i = bisect.bisect_right(self._locator_starts, offset) - 1
        return self.origin.locators[i][1] if i >= 0 else None

    def line_text(self, line: int) -> str:
        """The text of a 1-based line of the user's file (as decoded), without its line ending."""
        text, starts = self.text, self.line_starts
        if self.origin is not None and len(self.origin.lines):
            if self.origin.original_text is None:
                return ""
            text = self.origin.original_text
            starts = tuple([0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"])
        if not 1 <= line <= len(starts):
            return ""
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(text)
        return text[start:end].rstrip("\r")
