"""Text output: ``path:line:col: CODE message``; on a terminal also the source line and a caret
placed by display width (CJK characters take two cells)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any, Optional, Sequence

from ..engine import FileResult
from . import counts_en, locator_text

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else (0 if unicodedata.combining(ch) else 1)
               for ch in text)


_CONTROLS = {c: " " for c in (*range(0x20), *range(0x7F, 0xA0))}


def printable(line: str) -> str:
    """``line`` with each control character as a space: a tab, the form feed ``pdftotext`` starts a
    page with, an escape sequence must not move the terminal's cursor (the line would be broken or
    rewritten and the caret below point elsewhere); one character each, so columns stay."""
    return line.translate(_CONTROLS)


def caret_line(line: str, column: int, end_column: int | None = None) -> str:
    """Spaces up to ``column`` (1-based code points) measured in display cells, then carets."""
    line = printable(line)
    pad = display_width(line[: column - 1])
    length = 1
    if end_column is not None and end_column > column:
        length = max(1, display_width(line[column - 1: end_column - 1]))
    return " " * pad + "^" * length


def excerpt(line: str, column: int, end_column: int, width: int = 100) -> tuple[str, int, int]:
    """A window of a long line around the flagged columns: (text, column, end_column) in the window.

    Reports scraped from web pages often hold a whole part on one line; showing 2,000 characters to
    point at four of them helps nobody, so long lines are cut to about ``width`` display cells with
    an ellipsis on the cut side(s)."""
    line = printable(line)
    if display_width(line) <= width:
        return line, column, end_column
    start = column - 1
    budget = width * 2 // 5
    while start > 0 and display_width(line[start - 1: column - 1]) <= budget:
        start -= 1
    stop = max(end_column - 1, column)
    while stop < len(line) and display_width(line[start:stop + 1]) <= width:
        stop += 1
    head = "…" if start > 0 else ""
    tail = "…" if stop < len(line) else ""
    shift = start - len(head)
    return head + line[start:stop] + tail, column - shift, min(end_column, stop + 1) - shift


class Stream:
    """The text report written file by file (``govlint check`` prints each file's findings as soon
    as it is checked and keeps none of them): :meth:`file` per result, then :meth:`end`."""

    def __init__(self, lang: str = "zh", show_source: bool = False, colour: bool = False,
                 statistics: bool = False, **_: Any) -> None:
        self.lang, self.show_source, self.colour, self.statistics = lang, show_source, colour, statistics
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.stats: Counter = Counter()
        self.files = 0

    def file(self, r: FileResult, written_before: Optional[bool] = None) -> str:
        """The lines of one file's findings. ``written_before``: the file's findings were written
        already (True if it had any) and these are more of them (found across reports, GL8)."""
        if written_before is None:
            self.files += 1
        out: list[str] = []
        for d in r.diagnostics:
            self.counts[d.severity.value] += 1
            if self.statistics:
                self.stats[(d.code, d.rule)] += 1
            code = d.code
            if self.colour:
                code = f"{_BOLD}{_COLOURS[d.severity.value]}{code}{_RESET}"
            where = f" [{locator_text(d.locator, self.lang)}]" if d.locator else ""  # DOCX/PDF: table/row/cell or page
            out.append(f"{d.path or '<text>'}:{d.line}:{d.column}: {code} {d.text(self.lang)}{where}")
            if self.show_source and r.source is not None:
                src = r.source.line_text(d.line)
                if src:
                    end = d.end_column if d.end_line == d.line else len(src) + 1
                    shown, col, end = excerpt(src, d.column, end)
                    out.append(f"    {shown}")
                    out.append(f"    {caret_line(shown, col, end)}")
        return "".join(line + "\n" for line in out)

    def end(self) -> str:
        out: list[str] = []
        c, n = self.counts, self.files
        total = sum(c.values())
        if self.statistics and total:
            out.append("")
            for (code, name), k in sorted(self.stats.items(), key=lambda kv: (-kv[1], kv[0])):
                out.append(f"{k:5d}  {code}  {name}")
        if total:
            if self.lang == "en":
                out.append(f"Found {total} problem{'s' if total != 1 else ''} in {n} file{'s' if n != 1 else ''} "
                           f"({counts_en(c)}).")
            else:
                out.append(f"在 {n} 个文件中发现 {total} 个问题（错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}）。")
        else:
            out.append(f"All checks passed ({n} file{'s' if n != 1 else ''})." if self.lang == "en"
                       else f"全部检查通过（{n} 个文件）。")
        return "\n".join(out) + "\n"


def render(results: Sequence[FileResult], lang: str = "zh", show_source: bool = False, colour: bool = False,
           statistics: bool = False, **_: Any) -> str:
    stream = Stream(lang, show_source, colour, statistics)
    return "".join(stream.file(r) for r in results) + stream.end()
