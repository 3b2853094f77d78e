"""A figure written with a remark in brackets (“3（其中1件已撤回）”) or a footnote mark (“5*”, “5①”,
“5注1”) is read as the figure — it keeps its column and takes part in the arithmetic — and GL213 says
once that the cell should hold the number only. Before, such a cell was text: the figure was lost
(GL208), and a remark long enough was even read as a new row label (GL204), leaving the row empty."""

from __future__ import annotations

from collections import Counter

import pytest

import govlint
from govlint.numbers import parse_cell

import reportgen as rg


@pytest.mark.parametrize("text, value, unit, note", [
    ("3（其中1件已撤回）", 3, None, "（其中1件已撤回）"), ("0(含转办3件)", 0, None, "(含转办3件)"),
    ("12件（含1件转办）", 12, "件", "（含1件转办）"), ("5*", 5, None, "*"), ("5 ※", 5, None, "※"),
    ("5①", 5, None, "①"), ("5注", 5, None, "注"), ("5注1", 5, None, "注1"), ("0.35*", 0.35, None, "*")])
def test_a_figure_with_a_remark_is_the_figure(text, value, unit, note):
    v = parse_cell(text)
    assert (v.kind, v.value, v.unit, v.note) == ("number", value, unit, note)


@pytest.mark.parametrize("text", ["（3）", "(3)", "注", "3/", "2.其他法律行政法规禁止公开", "（二）部分公开（区分处理的）",
                                  "-（注）", "3((1))", "3****"])
def test_what_is_not_a_figure_with_a_remark(text):
    assert parse_cell(text).kind != "number"


def _diff(doc: rg.Doc, written: str, shape: str):
    base = Counter((d.code, d.line) for d in govlint.lint(rg.render(doc, shape).text.encode()))
    changed = rg.render(doc.copy().set("三", "disclosed", "natural", written), shape)
    ds = govlint.lint(changed.text.encode())
    return [d for d in ds if (d.code, d.line) not in base], changed


@pytest.mark.parametrize("shape", ["pipe", "cells", "markdown", "spaced"])
@pytest.mark.parametrize("written, what", [("{v}（其中1件已撤回）", "说明“（其中1件已撤回）”"), ("{v}*", "注释标记“*”"),
                                           ("{v}①", "注释标记“①”"), ("{v}注1", "注释标记“注1”")])
def test_one_finding_and_the_figure_is_added_up(shape, written, what):
    doc = rg.distinct_doc()
    v = doc.value("三", "disclosed", "natural")
    new, changed = _diff(doc, written.format(v=v), shape)
    assert [d.code for d in new] == ["GL213"], [(d.code, d.message) for d in new]
    (d,) = new
    assert d.line == changed.cell("三", "disclosed", "natural") and d.row == "disclosed" and d.col == "natural"
    assert what in d.message and f"已按 {v} 读取" in d.message and f"read as {v}" in d.message_en
    cell = govlint.parse(changed.text.encode()).table("三").cell("disclosed", "natural")
    assert cell.value == int(v) and cell.note


@pytest.mark.parametrize("written", ["约3", "近3", "3余", "10多", "3余件", "3左右", "3以上", "3+", "≈3", "~3"])
def test_an_approximate_figure_is_no_count(written):
    """约3, 3余, 10多 in a count cell: one GL208 error saying the table needs the exact count, and the
    cell stays out of the arithmetic (3余 was read as 3 with the unit 余 and added up: GL213 and
    false GL3 errors)."""
    import govlint
    from seedvariants import text_with

    found = [(d.code, d.line, d.severity.value) for d in govlint.lint(text_with(replace={68: f"{written} |"}))
             if d.line == 68 or d.code.startswith("GL3")]
    assert found == [("GL208", 68, "error")]
    d = next(d for d in govlint.lint(text_with(replace={68: f"{written} |"})) if d.code == "GL208")
    assert "约数" in d.message and "approximate" in d.message_en


@pytest.mark.parametrize("written, two", [("1 234", False), ("45 46", True), ("3 1", True)])
def test_a_figure_with_a_blank_inside_says_what_it_may_be(written, two):
    """“1 234”: thousands set apart, probably 1234; “45 46”: as likely two cells' figures in one."""
    from seedvariants import text_with

    d = next(d for d in govlint.lint(text_with(replace={68: f"{written} |"})) if d.code == "GL208")
    assert d.expected == written.replace(" ", "")
    assert ("两格" in d.message) is two and ("two cells" in d.message_en) is two


@pytest.mark.parametrize("shape", ["pipe", "cells"])
def test_a_table_with_a_unit_in_its_cells_is_one_finding(shape):
    """Table 三 written with 件 after every figure (3件, 0件 …): 175 warnings were one per cell; they are
    one for the table, at its first such cell, naming the first and the last — and every figure is
    still read and added up (a wrong total is still found)."""
    doc = rg.distinct_doc()
    for (row, col), v in list(doc.tables["三"].values.items()):
        doc.set("三", row, col, f"{v}件")
    r = rg.render(doc, shape)
    ds = [d for d in govlint.lint(r.text.encode()) if d.code == "GL213"]
    (d,) = ds
    assert d.message.startswith("表三有175个单元格在数字后写有单位“件”（第") and d.line == r.cell("三", "new", "natural")
    bad = rg.render(doc.copy().set("三", "new", "total", "999件"), shape)
    assert "GL303" in {x.code for x in govlint.lint(bad.text.encode())}


def test_a_few_cells_with_a_unit_are_each_a_finding():
    doc = rg.distinct_doc()
    for col in ("natural", "business", "research", "nonprofit"):
        doc.set("三", "new", col, doc.value("三", "new", col) + "件")
    r = rg.render(doc, "pipe")
    ds = [d for d in govlint.lint(r.text.encode()) if d.code == "GL213"]
    assert len(ds) == 4 and all(d.row == "new" for d in ds)
