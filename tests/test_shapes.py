"""Same report, same answer, in every shape it is published in.

The seed report (and the seed with one injected defect) is rendered by ``render_shapes`` into text
(three shapes), HTML (template-like merged cells, full-width punctuation; UTF-8 and GBK), DOCX
(merged cells) and PDF (the DOCX printed by LibreOffice). Every shape must give the same
diagnostics — codes and table coordinates — as the reference shape, and each diagnostic must point
at the right place *in that file*: the HTML line and column of the cell, the DOCX table/row/column
locator, the PDF page locator and the extracted text of the cell.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine

SEED = Path(__file__).parent / "data" / "seed.txt"
DATA = rs.load_seed(SEED)

CHANGED = ("三", "new", "natural")
BLANK = ("三", "withheld.process", "research")
DROPPED = ("三", "unable.unclear")

CASES = {
    "seed": DATA,
    "changed_cell": DATA.with_value(*CHANGED, str(int(DATA.values[CHANGED]) + 1)),
    "blank_cell": DATA.with_value(*BLANK, ""),
    "dropped_row": DATA.without_row(*DROPPED),
}
TEXT_SHAPES = ("cells", "rows", "spaced")


def lint(data: bytes, name: str):
    return default_engine().lint_bytes(data, name)


def keys(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


@pytest.fixture(scope="module")
def reference():
    """Diagnostics of the reference shape (one row per line, the shape that can write a blank cell)."""
    return {name: lint(rs.to_text(d, "rows").encode("utf-8"), "ref.txt") for name, d in CASES.items()}


def test_renderer_reproduces_the_seed(reference):
    seed = lint(SEED.read_bytes(), "seed.txt")
    assert keys(seed) == keys(lint(rs.to_text(DATA, "cells").encode("utf-8"), "r.txt"))
    assert keys(seed) == keys(reference["seed"])


def test_injected_defects_are_found(reference):
    """The cases are not vacuous: each defect is reported at its own coordinates in the reference."""
    base = keys(reference["seed"])
    for name in ("changed_cell", "blank_cell", "dropped_row"):
        assert keys(reference[name]) != base, name
    found = reference["changed_cell"].diagnostics
    assert any(d.table == "三" and (d.row == CHANGED[1] or d.col == CHANGED[2]) for d in found)
    assert any(d.code == "GL207" and (d.table, d.row, d.col) == BLANK for d in reference["blank_cell"].diagnostics)
    assert any(d.code == "GL202" and (d.table, d.row) == DROPPED for d in reference["dropped_row"].diagnostics)


def _value_at(text_line: str, column: int) -> str:
    m = re.match(r"[-\d.]+", text_line[column - 1:])
    return m.group() if m else ""


def _check_points_at_values(result, data: rs.ReportData, line_of) -> int:
    """Each diagnostic on a value cell points at that cell's value; returns how many were checked."""
    n = 0
    for d in result.diagnostics:
        cell = (d.table, d.row, d.col)
        if cell not in data.values or not data.values[cell]:
            continue
        assert _value_at(line_of(d.line), d.column) == data.values[cell], (d.code, cell, d.line, d.column)
        n += 1
    return n


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("shape", TEXT_SHAPES)
def test_text_shapes(case, shape, reference):
    if case == "blank_cell" and shape not in ("rows", "cells"):
        pytest.skip(f"a blank cell cannot be written in the {shape!r} text shape")
    text = rs.to_text(CASES[case], shape)
    result = lint(text.encode("utf-8"), f"{case}.txt")
    assert keys(result) == keys(reference[case])
    lines = text.split("\n")
    _check_points_at_values(result, CASES[case], lambda n: lines[n - 1])


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_html(case, encoding, reference):
    data = CASES[case]
    page = rs.to_html(data, encoding=encoding)
    result = lint(page.data, f"{case}.html")
    assert keys(result) == keys(reference[case])
    assert result.source.kind == "html"
    assert result.source.encoding == ("utf-8" if encoding == "utf-8" else "gb18030")
    html_lines = page.data.decode("gb18030" if encoding == "gbk" else "utf-8").split("\n")
    checked = 0
    for d in result.diagnostics:
        cell = (d.table, d.row, d.col)
        if cell in page.positions:  # line and column of the cell's text in the HTML file
            assert (d.line, d.column) == page.positions[cell], (d.code, cell)
            checked += 1
        elif cell in data.values and not data.values[cell]:  # a blank cell: its <td> tag
            assert html_lines[d.line - 1][d.column - 1:].startswith("<td"), (d.code, cell)
            checked += 1
    if case in ("changed_cell", "blank_cell"):
        assert checked
    assert _check_points_at_values(result, data, lambda n: html_lines[n - 1]) == sum(
        1 for d in result.diagnostics if data.values.get((d.table, d.row, d.col)))
    # the source line shown under a diagnostic is the HTML line
    if result.diagnostics and result.diagnostics[0].line:
        d = result.diagnostics[0]
        assert result.source.line_text(d.line) == html_lines[d.line - 1]


@pytest.mark.parametrize("case", list(CASES))
def test_docx(case, reference, tmp_path):
    pytest.importorskip("docx")
    data = CASES[case]
    doc = rs.to_docx(data, tmp_path / f"{case}.docx")
    result = lint(doc.data, f"{case}.docx")
    assert keys(result) == keys(reference[case])
    assert result.source.kind == "docx"
    lines = result.source.text.split("\n")
    _check_points_at_values(result, data, lambda n: lines[n - 1])
    checked = 0
    for d in result.diagnostics:
        cell = (d.table, d.row, d.col)
        if cell in doc.locators:
            assert d.locator == doc.locators[cell], (d.code, cell)
            checked += 1
        elif d.table is None and d.line and d.code != "GL005":
            assert d.locator is None or re.fullmatch(r"第\d+段|表\d+ 第\d+行 第\d+列", d.locator)
    if case in ("changed_cell", "blank_cell"):
        assert checked


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The DOCX of each case printed to PDF and saved as HTML by LibreOffice."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("docx")
    missing = rs.office_missing()
    if missing:
        pytest.skip(f"cannot print the DOCX to PDF: {missing}")
    out = tmp_path_factory.mktemp("pdf")
    docs = []
    for name, d in CASES.items():
        rs.to_docx(d, out / f"{name}.docx")
        docs.append(out / f"{name}.docx")
    rs.convert(docs, "pdf", out)
    rs.convert(docs, "html", out / "html")
    return {name: {"pdf": (out / f"{name}.pdf").read_bytes(), "html": (out / "html" / f"{name}.html").read_bytes()}
            for name in CASES}


@pytest.mark.parametrize("case", list(CASES))
def test_pdf(case, reference, office):
    data = CASES[case]
    result = lint(office[case]["pdf"], f"{case}.pdf")
    assert keys(result) == keys(reference[case])
    assert result.source.kind == "pdf"
    lines = result.source.text.split("\n")
    _check_points_at_values(result, data, lambda n: lines[n - 1])
    cells = 0
    for d in result.diagnostics:
        if (d.table, d.row, d.col) in data.values:
            assert re.fullmatch(r"第\d+页 表\d+ 第\d+行 第\d+列", d.locator or ""), d.locator
            cells += 1
        elif d.line:
            assert d.locator is None or d.locator.startswith("第"), d.locator
    if case in ("changed_cell", "blank_cell"):
        assert cells


@pytest.mark.parametrize("case", list(CASES))
def test_html_saved_by_an_office_suite(case, reference, office):
    """Word-processor HTML: <font>/<span> runs, paragraphs inside cells, source lines wrapped mid-text."""
    data = CASES[case]
    page = office[case]["html"]
    result = lint(page, f"{case}.html")
    assert keys(result) == keys(reference[case])
    html_lines = page.decode("utf-8").split("\n")
    assert _check_points_at_values(result, data, lambda n: html_lines[n - 1]) == sum(
        1 for d in result.diagnostics if data.values.get((d.table, d.row, d.col)))
