"""HTML tables inside a text or Markdown file.

pandoc's Markdown (``-t markdown``, ``-t gfm``) writes a table with merged cells as HTML — the three
tables of the format all have them — and many HTML-to-Markdown tools keep such tables so; a report
saved as Markdown then holds its tables as ``<table>`` … ``<td colspan="3" rowspan="3">`` … between
lines of Markdown. Each such table is read as the HTML reader reads a page's table, the rest as text;
every finding stays at its line and column in the file.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import govlint
import render_shapes as rs
from changed_figure import assert_found_where_written
from govlint.engine import default_engine
from govlint.fix import fix_data
from test_crawl_shapes import CASES, findings, lint

DATA_DIR = Path(__file__).parent / "data"
SEED = (DATA_DIR / "seed.txt").read_text(encoding="utf-8")
PANDOC = ["pandoc-seed-html-gfm.md", "pandoc-seed-docx-markdown.md"]


def cells(text: str) -> dict:
    return {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}


@pytest.fixture(scope="module")
def reference():
    return {name: lint(rs.to_text(d, "cells")) for name, d in CASES.items()}


@pytest.mark.parametrize("name", PANDOC)
def test_pandoc_markdown_of_the_seed(name, reference):
    """pandoc 2.17's Markdown of the seed's web page (gfm) and Word file (its own Markdown): the
    seed's findings and the seed's figures."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    assert "<table" in text and 'rowspan="' in text  # (the shape is what it should be)
    assert findings(lint(text)) == findings(reference["seed"])
    assert cells(text) == CASES["seed"].values


def _figures_of_row_one(text: str) -> list[int]:
    """Offsets of table 三's row 一 figures (自然人 … 总计) in the Markdown."""
    row = text.index("一、本年新收政府信息公开申请数量")
    return [m.start(1) for m in re.compile(r">(\d+)<").finditer(text, row)][:7]


@pytest.mark.parametrize("name", PANDOC)
def test_a_changed_figure_is_found_where_it_is_written(name):
    """Row 一's 自然人 3 → 4: its row no longer adds up (GL303, at the row's 总计 cell) nor its column
    (GL301); each finding names the cell's line and column in the file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    figures = _figures_of_row_one(text)
    assert_found_where_written(text, figures[0], figures[-1])


@pytest.mark.parametrize("case", list(CASES))
def test_the_seed_with_its_tables_as_html(case, reference):
    """The seed's own text, each of its tables replaced by the table of the official page's markup
    (``render_shapes.to_html``: merged header cells, ``<br>`` inside labels)."""
    data = CASES[case]
    page = rs.to_html(data).data.decode("utf-8")
    tables = re.findall(r"(?s)<table\b.*?</table>", page)
    assert len(tables) == 3
    text = rs.to_text(data, "cells")
    for tid, markup in zip("二三四", tables):
        grid = rs.to_text(rs.ReportData(data.title, [("table", tid)], data.values, data.dropped, data.joined),
                          "cells").split("\n", 1)[1]
        assert grid in text
        text = text.replace(grid, markup + "\n", 1)
    assert "<td" in text and " |" not in text
    assert findings(lint(text)) == findings(reference[case])
    assert cells(text) == data.values


def test_markup_that_is_no_table_stays_text():
    """A table tag opened and never closed (a file cut off), or named in prose, is text as written."""
    cut = SEED + "\n<table><tr><td>行政许可</td><td>0"
    prose = SEED.replace("一、总体情况", "一、总体情况（网页用<table>标签排版）", 1)
    for text in (cut, prose):
        result = default_engine().lint_bytes(text.encode("utf-8"), "r.md")
        assert result.report is not None and result.source.text == text


def test_a_fix_outside_the_tables_lands_in_the_file(tmp_path):
    """The regulation's name mended (GL601) in the prose of a Markdown file holding HTML tables: the
    file is the same but for that, its tables untouched."""
    text = (DATA_DIR / PANDOC[0]).read_text(encoding="utf-8")
    out = fix_data(text.encode("utf-8"), "r.md", default_engine(), govlint.Config(select=("GL601",)))
    fixed = out.fixed.decode("utf-8")
    assert out.applied == 1
    assert fixed == text.replace("《中华人民共和国信息公开条例》", "《中华人民共和国政府信息公开条例》")
    assert Counter(re.findall(r"<td\b", fixed)) == Counter(re.findall(r"<td\b", text))
