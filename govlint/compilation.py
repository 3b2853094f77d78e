"""Files that hold several reports: a 汇编 (a county's or a city's departments' reports in one PDF or
page), or reports copied one after the other into one file.

Read as one report, such a file had every part "repeated" (GL102 after the first report) and the
later reports' tables unread. :func:`report_starts` finds where each report starts, from the report
read as one: the part headings start again at 一 after a part 四 or later, with the next
report's title (a line naming a year's report) just before them. The engine then checks each
report on its own, in a view of the file in which the other reports are blanked out (same length,
line breaks kept), so every position is still the file's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional

from .model import Report
from .relazy import cached_compile

if TYPE_CHECKING:
    from .source import Source

_TITLE = cached_compile(r"(?:(?:19|20)\d{2}|[二〇零○][〇零○一二三四五六七八九]{3})\s*年.{0,30}(?:年度报告|年报)")
_NOT_LINE = cached_compile(r"[^\n]")


def _title_start(report: Report, section_index: int) -> Optional[int]:
    """The offset of the next report's title: the last of the last three paragraphs of section
    ``section_index`` that names a year's report and is short, as a title is."""
    paras = report.sections[section_index].paragraphs
    for p in reversed(paras[-3:]):
        s = p.text.strip()
        if len(s) <= 80 and "。" not in s and _TITLE.search(s):
            return p.span.start
    return None


def report_starts(report: Report) -> list[int]:
    """The offsets where the second, third, … report of ``report``'s file start; [] for a file that
    holds one report."""
    sections = report.sections
    if len(sections) < 8:  # (two reports have at least four parts each)
        return []
    starts: list[int] = []
    furthest = 0
    for i, s in enumerate(sections):
        part = s.part if s.part is not None else s.heading.number
        if part is None:
            continue
        # (a report starts at part 一: an attachment repeating the tables under 二–四 is no new report)
        if part == 1 and furthest >= 4 and i:
            at = _title_start(report, i - 1)
            if at is not None:
                starts.append(at)
                furthest = part
                continue
        furthest = max(furthest, part)
    return starts


_COMPILED = ("汇编", "合集", "汇总")


def first_start(report: Report) -> int:
    """Where the first report starts: the start of the file, or, under a 汇编's own title (and table
    of contents), the first report's title."""
    if report.title is None or not any(w in report.title.text for w in _COMPILED):
        return 0
    first_part = min((s.heading.span.start for s in report.sections), default=len(report.text))
    titles = [p.span.start for p in report.preamble
              if p.span.start < first_part and len(p.text.strip()) <= 80 and _TITLE.search(p.text)]
    return titles[-1] if titles else 0


def blank_outside(text: str, start: int, end: int) -> str:
    """``text`` with everything outside ``[start, end)`` blanked: spaces, line breaks kept."""
    return _NOT_LINE.sub(" ", text[:start]) + text[start:end] + _NOT_LINE.sub(" ", text[end:])


def report_ranges(report: Report) -> list[tuple[int, int]]:
    """``[(start, end), …]`` of each report in the file ``report`` was parsed from, when it holds
    several (a 汇编); ``[]`` when it holds one."""
    later = report_starts(report)
    if not later:
        return []
    return list(zip([first_start(report), *later], [*later, len(report.text)]))


def report_views(source: "Source", ranges: list[tuple[int, int]]) -> Iterator["Source"]:
    """A view of ``source`` for each of ``ranges`` (:func:`report_ranges`): the file with the other
    reports blanked out, so that every position read in the view is the file's."""
    return (source.with_text(blank_outside(source.text, a, b)) for a, b in ranges)
