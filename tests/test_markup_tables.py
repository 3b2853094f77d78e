"""Tables in pandoc's other lightweight markups: reStructuredText grid tables, AsciiDoc ``|===``, Org
``|---+---|``, MediaWiki ``{| … |}``.

The files are pandoc 2.17's output for the seed's web page (``render_shapes.to_html``) and Word file
(``render_shapes.to_docx``): a cell's lines joined (`` +``, ``\\\\``, ``<br />``, a second paragraph
after a blank line, a grid cell wrapped over several lines), CJK grid columns narrower than their
text (pandoc pads those cells to another width than its rules). Each must give the seed's findings
and its figures, and a finding must name the line and column of the cell in the file.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import govlint
from govlint.markup import rewrite
from govlint.parse import title_bounds
from changed_figure import assert_found_where_written
from test_crawl_shapes import CASES, lint
import render_shapes as rs

DATA_DIR = Path(__file__).parent / "data"
FILES = ["pandoc-seed-html-rst.txt", "pandoc-seed-html-asciidoc.txt", "pandoc-seed-html-org.txt",
         "pandoc-seed-docx-org.txt", "pandoc-seed-docx-mediawiki.txt"]


def where(result) -> Counter:
    """What each finding is about and says (GL405 names the authority, taken from the title, which
    reStructuredText and AsciiDoc write after their heading marks, ``.. rubric::`` and ``==``)."""
    return Counter((d.code, d.table, d.row, d.col, d.message) for d in result.diagnostics)


def cells(text: str) -> dict:
    return {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}


@pytest.fixture(scope="module")
def reference():
    return lint(rs.to_text(CASES["seed"], "cells"))


@pytest.mark.parametrize("name", FILES)
def test_the_seed_through_each_markup(name, reference):
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    assert where(lint(text)) == where(reference)
    assert cells(text) == CASES["seed"].values


# (file, a pattern whose group 1 is row 一's 自然人 figure, 3, and whose group 2 its 总计, 3)
ROW_ONE = {
    "pandoc-seed-html-rst.txt": r"\| 一、 \|[ |]*\| (3) .*?\| (3) +\|\n",
    "pandoc-seed-html-asciidoc.txt": r"\|一、本年新收政府信息公开申请数量 \| \| \|(3) .*?\|(3)\n",
    "pandoc-seed-html-org.txt": r"\| 一、本年新收政府信息公开申请数量 .*?\| (3) .*?\| (3) +\|\n",
    "pandoc-seed-docx-org.txt": r"\| 一、本年新收政府信息公开申请数量 .*?\| (3) .*?\| (3) +\|\n",
    "pandoc-seed-docx-mediawiki.txt": r"\| 一、本年新收政府信息公开申请数量\n(?:\|\n)*\| (3)\n(?:\| 0\n)*\| (3)\n",
}


@pytest.mark.parametrize("name", FILES)
def test_a_changed_figure_is_found_where_it_is_written(name):
    """Row 一's 自然人 3 → 4: the row's total (GL303) and the column's (GL301) no longer hold; the row's
    finding names the 总计 cell's line and column in the file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    m = re.compile(ROW_ONE[name], re.S).search(text)
    assert m is not None
    assert_found_where_written(text, m.start(1), m.start(2))


def _mapped(text: str) -> tuple[str, list]:
    got = rewrite(text)
    assert got is not None
    new, offsets = got
    return new, list(offsets)


@pytest.mark.parametrize("text,rows", [
    # AsciiDoc: cells spread over lines, " +" a line break in a cell, a cell merged over two columns
    # and one over two rows (written once), the cols attribute giving the width
    ('[cols="3*",]\n|===\n|信息内容 |本年 +\n处理决定数量\n|x\n2+|行政许可 .2+|0\n|a |b\n|===\n',
     ["| 信息内容 | 本年处理决定数量 | x |", "| 行政许可 | 0 |", "| a | b |"]),
    # Org: rules dropped, a cell ending in \\ going on at the next line
    ("| 商业\\\\ | 0 |\n| 企业 |   |\n|------+---|\n| 规章 | 1 |\n", ["| 商业企业 | 0 |", "| 规章 | 1 |"]),
    # MediaWiki: attributes, header cells on one line, markup and a cell's text over two lines
    ('{| class="wikitable"\n! 信息内容 !! 本年处理决定数量\n|-\n| colspan="1" | <span>行政<br />\n许可</span>\n'
     "| '''0'''\n|}\n", ["| 信息内容 | 本年处理决定数量 |", "| 行政许可 | 0 |"]),
])
def test_rows_and_the_map_back(text, rows):
    new, offsets = _mapped(text)
    assert new.splitlines() == rows
    assert len(offsets) == len(new) + 1
    for k, ch in enumerate(new):  # every character kept is the file's, where it was
        if offsets[k] >= 0:
            assert text[offsets[k]] == ch
    assert all(offsets[k] >= 0 for k, ch in enumerate(new) if ch not in " |\n")


def test_text_without_such_tables_is_left_alone():
    assert rewrite("一、总体情况\n| 规章 | 0 |\n|---|---|\n| a | 1 |\n") is None  # (a Markdown table)
    assert rewrite("[cols=2]\n|===\n|a |b\n") is None  # (not closed)


def test_a_real_reports_grid_table_with_labels_wrapped_under_their_numbers():
    """龙岗's partial report (tests/data) as pandoc's reStructuredText of its tables: grid rows whose
    label is wrapped under its item number (``2`` over ``.其他法律`` …) are one row each, and every
    figure is the report's (but the row the page cut, which the grid pads with a blank 总计)."""
    def read(name: str) -> dict:
        return cells((DATA_DIR / name).read_text(encoding="utf-8"))

    grid, text = read("pandoc-longgang-partial-rst.txt"), read("2024-longgang-qzfgzbm-partial.txt")
    cut = "withheld.enforcement_file"
    assert {k: v for k, v in grid.items() if k[1] != cut} == {k: v for k, v in text.items() if k[1] != cut}
    assert sum(1 for k in grid if k[1] != cut) == 80


# ----------------------------------------------------------------------------- titles and headings
TITLE = "益阳市行政审批服务局2022年政府信息公开工作年度报告"


@pytest.mark.parametrize("name", FILES + ["pandoc-seed-html-textile.txt", "pandoc-seed-html-mediawiki.txt"])
def test_the_title_and_headings_without_the_markups_marks(name):
    """Each markup's title marks (``== ``, ``= … =``, ``h1(…). ``, ``.. rubric:: ``) and MediaWiki's
    bold around a heading (``'''一、总体情况'''``) are no part of the words: the report's title, its
    agency (named in GL405's message) and its parts are the seed's."""
    result = lint((DATA_DIR / name).read_text(encoding="utf-8"))
    report = result.report
    assert report.title is not None and report.title.text == TITLE
    assert report.agency == "益阳市行政审批服务局"
    assert [s.heading.text[:2] for s in report.sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert not any(p.text.strip("'") == "" for s in report.sections for p in s.paragraphs)
    assert "GL104" not in {d.code for d in result.diagnostics}
    line = (DATA_DIR / name).read_text(encoding="utf-8").split("\n")[report.title.span.line - 1]
    assert line[report.title.span.column - 1:].startswith(TITLE)


@pytest.mark.parametrize("line, title", [
    ("== 某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
    ("= 某局2022年政府信息公开工作年度报告 =", "某局2022年政府信息公开工作年度报告"),
    ("h1. 某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
    ("h2(title#x). 某局2022年报告", "某局2022年报告"),
    (".. rubric:: 某局2022年报告", "某局2022年报告"),
    ("# 某局2022年报告", "某局2022年报告"),
    ("**某局2022年报告**", "某局2022年报告"),
    ("某局2022年报告", "某局2022年报告"),
    ("=、主动公开政府信息情况", "=、主动公开政府信息情况"),  # (二 misread: no mark without a blank after it)
    ("hello. 某局", "hello. 某局"),
    ("==", "=="),
])
def test_title_bounds(line, title):
    a, b = title_bounds(line)
    assert line[a:b] == title
