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
