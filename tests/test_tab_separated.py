"""Tables copied as tab-separated text (a table copied from a web page, Word or a spreadsheet and
pasted into a text file): one tab between cells, and an empty cell written as nothing between two
tabs. A split at blanks loses that cell (the row one figure short, GL211); it is a blank cell at its
own column (GL207)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
import render_shapes as rs

DATA = rs.distinct(rs.load_seed(Path(__file__).parent / "data" / "seed.txt"))


def tsv(text: str) -> str:
    """The ``rows`` text shape (``a | b | c``) as tab-separated lines."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            s = line.strip()
            s = s[1:] if s.startswith("|") else s
            s = s[:-1] if s.endswith("|") else s
            line = "\t".join(c.strip() for c in s.split("|"))
        out.append(line)
    return "\n".join(out)


def table_findings(data) -> list:
    return [(d.code, d.row, d.col) for d in govlint.lint(tsv(rs.to_text(data, "rows"))) if d.code[:3] in ("GL2", "GL3")]


def test_a_tab_separated_report_reads_as_its_tables():
    assert table_findings(DATA) == []


@pytest.mark.parametrize("cells", [
    [("new", "natural")],  # the first value
    [("new", "business")],  # between two values
    [("disclosed", "total")],  # the last: a tab after the row's last figure
    [("new", "business"), ("new", "research")],  # two in one row
])
def test_an_empty_field_is_a_blank_cell_in_its_column(cells):
    data = DATA
    for row, col in cells:
        data = data.with_value("三", row, col, "")
    assert sorted(table_findings(data)) == sorted(("GL207", row, col) for row, col in cells)


def test_tabs_that_do_not_make_a_whole_row_are_left_alone():
    """A row one figure short whose tabs do not account for it (a figure lost, not left blank) is
    still GL211's."""
    text = tsv(rs.to_text(DATA, "rows"))
    line = next(x for x in text.split("\n") if x.startswith("一、本年新收"))
    short = line.rsplit("\t", 1)[0]  # the last figure and its tab removed
    found = [(d.code, d.row) for d in govlint.lint(text.replace(line, short)) if d.code in ("GL207", "GL211")]
    assert found == [("GL211", "new")]


def _tsv_lines() -> list[str]:
    return tsv(rs.to_text(DATA, "rows")).split("\n")


def _findings(lines: list[str]) -> list:
    return sorted((d.code, d.table, d.row, d.col) for d in govlint.lint("\n".join(lines)) if d.code[:3] in ("GL2", "GL3"))


def test_a_label_merged_across_columns_keeps_its_fields():
    """A spreadsheet copy gives every column a merged label covers a field of its own
    (``一、本年新收…`` spans the three label columns: two empty fields after it); with a figure left
    blank the row has more fields than figures, and the fields next to the label are the label's."""
    lines = _tsv_lines()
    i = next(k for k, x in enumerate(lines) if x.startswith("一、本年新收"))
    label, *values = lines[i].split("\t")
    values[1] = ""
    lines[i] = "\t".join([label, "", ""] + values)
    assert _findings(lines) == [("GL207", "三", "new", "business")]


def test_a_row_left_blank_is_a_row_of_blank_cells():
    """Rows whose every cell is empty: the label and its tabs (``行政强制\\t``, ``（三）不予公开\\t1.属于国家秘密\\t…``),
    and table 四's figures as tabs alone: rows left blank (GL207), not rows missing (GL202)."""
    lines = _tsv_lines()
    for k, x in enumerate(lines):
        if x.startswith("行政强制\t") or "1.属于国家秘密" in x:
            labels = [c for c in x.split("\t") if not c.isdigit()]
            lines[k] = "\t".join(labels + [""] * (len(x.split("\t")) - len(labels)))
    i = next(k for k, x in enumerate(lines) if x.startswith("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持"))
    lines[i + 1] = "\t" * 14
    found = _findings(lines)
    assert not [f for f in found if f[0] in ("GL202", "GL211")], found
    assert {f[:3] for f in found if f[0] == "GL207"} == {("GL207", "二", "enforcement"), ("GL207", "三", "withheld.state_secret"),
                                                         ("GL207", "四", "cases")}


def test_table_4_with_its_first_figures_blank():
    """Table 四's row has no label: empty fields before its first figure are its first cells."""
    lines = _tsv_lines()
    i = next(k for k, x in enumerate(lines) if x.startswith("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持"))
    figures = lines[i + 1].split("\t")
    figures[0] = figures[1] = figures[7] = ""
    lines[i + 1] = "\t".join(figures)
    found = _findings(lines)
    assert [f for f in found if f[0] != "GL304"] == [
        ("GL207", "四", "cases", c) for c in sorted(["review.upheld", "review.corrected", "direct.other"])]


def test_more_tabs_after_the_last_figure_than_blank_cells():
    """Fields after a row's last figure beyond its columns (a figure merged across columns, a tab
    left at the end): the row's blank cells are the ones it lacks, the rest no cells."""
    lines = _tsv_lines()
    i = next(k for k, x in enumerate(lines) if x.startswith("规章\t"))
    lines[i] = "\t".join(lines[i].split("\t")[:2]) + "\t\t\t"
    assert [f[:3] for f in _findings(lines)] == [("GL207", "二", "regulations")] * 2
