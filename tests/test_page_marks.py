"""Page numbers and running headers in text extracted from a PDF or a printout.

``pdftotext`` and copy-paste from a PDF viewer leave each page's number (``- 3 -``, ``第3页 共8页``)
and sometimes its running header (the title) on lines of their own, wherever the page broke: in the
middle of a table as often as between paragraphs. They are not part of the report: a table they
interrupt must read as if they were not there, and nothing may be reported about them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import render_shapes as rs

import govlint
from govlint.engine import default_engine
from govlint.parse import is_page_mark

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
# a changed value: the report has a finding that points at a table cell, so positions are checked too
CHANGED = ("三", "new", "natural")
CASE = DATA.with_value(*CHANGED, str(int(DATA.values[CHANGED]) + 1))
MARKS = ["- 3 -", "— 3 —", "－３－", "第3页", "第 3 页 共 8 页", "共8页 第3页", "第3页/共8页", "3/8", "3 / 8",
         "Page 3 of 8", "P. 3", "\f- 3 -", "  ~ 12 ~  ", " " * 60 + "- 3 -"]  # (centred by pdftotext -layout)
NOT_MARKS = ["3", "0", "-3", "3-", "9/4", "0/0", "第3条", "第三页", "共8页", "3 0 0 0", "page", "- 3 - 4 -",
             "第二十条第（一）项", "3/8 件"]


def keys(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.txt")


def _insert_after(lines: list[str], needle: str, new: str) -> list[str]:
    i = next(k for k, line in enumerate(lines) if needle in line)
    return lines[:i + 1] + [new] + lines[i + 1:]


def _with_breaks(text: str, mark: str) -> str:
    """``mark`` on a line of its own in the middle of table 三, between two rows of table 二, and
    between two paragraphs of part 一."""
    lines = text.split("\n")
    lines = _insert_after(lines, "部分公开", mark)
    lines = _insert_after(lines, "行政处罚", mark)
    first_part = next(k for k, line in enumerate(lines) if line.startswith("一、总体情况"))
    lines = lines[:first_part + 2] + [mark] + lines[first_part + 2:]
    return "\n".join(lines)


@pytest.mark.parametrize("mark", MARKS)
def test_page_mark_forms(mark):
    assert is_page_mark(mark)


@pytest.mark.parametrize("line", NOT_MARKS)
def test_not_page_marks(line):
    assert not is_page_mark(line)


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("shape", ["cells", "rows", "spaced"])
def test_page_numbers_inside_tables_are_ignored(shape, mark):
    plain = rs.to_text(CASE, shape)
    expected = keys(lint(plain))
    assert any(d[0].startswith("GL3") for d in expected)  # the changed value breaks an identity
    broken = _with_breaks(plain, mark)
    assert broken.count(mark) == 3
    result = lint(broken)
    assert keys(result) == expected
    # and every finding still points at its own place in the file with the page numbers in it
    lines = broken.split("\n")
    for d in result.diagnostics:
        if (d.table, d.row, d.col) == CHANGED:
            assert lines[d.line - 1][d.column - 1:].startswith(CASE.values[CHANGED])


@pytest.mark.parametrize("shape", ["cells", "rows", "spaced"])
def test_a_running_header_inside_a_table_is_ignored(shape):
    plain = rs.to_text(CASE, shape)
    title = plain.split("\n", 1)[0].strip()
    assert "报告" in title
    broken = "\n".join(_insert_after(plain.split("\n"), "部分公开", title))
    assert keys(lint(broken)) == keys(lint(plain))


def test_the_title_line_itself_is_still_the_title():
    plain = rs.to_text(CASE, "cells")
    assert keys(lint(plain)) == keys(lint("- 1 -\n" + plain))  # a page number before the title
    # without its title line the report is told so: the title is not mistaken for a running header
    no_title = plain.split("\n", 1)[1]
    assert any(d.code == "GL104" for d in lint(no_title).diagnostics)


def test_the_quick_guards_skip_no_page_number():
    """classify tries the pattern only on short lines starting with what a page number starts with;
    every line the pattern accepts passes those guards."""
    import random

    from govlint.parse import _PAGE_FIRST

    rng = random.Random(5)
    pieces = ["-", "—", "－", "~", " ", "\u3000", "\t", "\f", "3", "12", "３", "第", "页", "共", "/", "／", "，",
              "Page", "page", "P.", "p.", "of", "Ｐ", "x", "规章"]
    accepted = 0
    for _ in range(30000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        if is_page_mark(line):
            accepted += 1
            core = line.strip()
            assert len(core) <= 40 and core[:1] in _PAGE_FIRST, repr(line)
    assert accepted > 100  # (the random lines do hold page numbers)


@pytest.mark.parametrize("title, rest", [
    ("Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告", "威海市文登区信访局2022年政府信息公开工作年度报告"),
    ("第8页 - 某局2022年报告", "某局2022年报告"),
    ("- 3 - 某局2022年报告", "某局2022年报告"),
    ("3/8 某局2022年报告", "某局2022年报告"),
    ("某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
    ("2022/12 某局", "2022/12 某局"),  # 2022 of 12 is no page
    ("第8页某局", "第8页某局"),  # the number runs into the text
    ("Page 8", "Page 8"),  # nothing after it
])
def test_a_page_number_before_the_title_is_not_the_agency(title, rest):
    from govlint.parse import page_mark_prefix

    assert title[page_mark_prefix(title):] == rest


def test_the_agency_of_a_pdf_page_with_a_running_header():
    report = govlint.parse(Path(__file__).parent / "data" / "2022-wendeng-xinfangju-page8-partial.txt")
    assert report.agency == "威海市文登区信访局" and report.year == 2022
