"""Tables whose rules are drawn with dashes: pandoc's plain text (``pandoc -t plain``, from a Word file
or a web page), its simple and multiline tables, and ``tabulate``'s "simple" format.

The columns are set apart by spaces; a line of dash runs, one a column (``-------- ------ ------``),
rules the header off, and a line of one long run (the table's width) opens and closes a multiline
table, whose rows have blank lines between them. The rules are no cells: a table so drawn must read
as the same table written without them (its figures, and the findings of the reference shape).
pandoc writes a table with merged cells it cannot draw as the placeholder ``[TABLE]``: the table is
missing (GL201) and the finding says the conversion left it out.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.parse import is_rule_line
from test_crawl_shapes import CASES, findings, lint

DATA_DIR = Path(__file__).parent / "data"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def dashed_table(data: rs.ReportData, tid: str, style: str) -> list[str]:
    """Table ``tid`` in the grid of the template (a merged cell written once, in its first row and
    column), its columns padded to one width by spaces, ruled with dashes as pandoc draws it (its
    header one row, the template's first): ``simple`` (a rule of runs under the header),
    ``multiline`` (a rule the table's width above and below, one of runs under the header, a blank
    line after each row)."""
    grid = rs.table_grid(data, tid)
    ncols = 1 + max(c.col + c.colspan - 1 for row in grid for c in row)
    widths = [4] * ncols
    for row in grid:
        for c in row:
            if c.colspan == 1:
                widths[c.col] = max(widths[c.col], _width(c.text) + 2)
    lines = []
    for r, row in enumerate(grid):
        line = ""
        for c in row:
            start = sum(widths[:c.col])
            line = _pad(line, start) + c.text
        lines.append(line.rstrip())
        if r == 0:  # (pandoc's header is the first row; the template's other header rows follow as rows)
            lines.append(" ".join("-" * (w - 1) for w in widths))
        elif style == "multiline":
            lines.append("")
    if style == "multiline":
        full = "-" * (sum(widths) - 1)
        lines = [full] + lines + [full]
    return lines


def to_dashed(data: rs.ReportData, style: str) -> str:
    out = [data.title]
    for kind, x in data.blocks:
        out += dashed_table(data, x, style) if kind == "table" else [x]
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def reference():
    return {name: lint(rs.to_text(d, "spaced")) for name, d in CASES.items()}


@pytest.mark.parametrize("style", ["simple", "multiline"])
@pytest.mark.parametrize("case", list(CASES))
def test_dashed_tables_read_as_the_same_tables(case, style, reference):
    data = CASES[case]
    text = to_dashed(data, style)
    assert sum(is_rule_line(ln) for ln in text.split("\n")) >= 3  # (the shape is what it should be)
    assert findings(lint(text)) == findings(reference[case])
    import govlint
    got = {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}
    assert got == data.values


def test_a_changed_cell_is_found_in_a_dashed_table():
    data = CASES["seed"].with_value("四", "cases", "review.upheld", "2")
    codes = {d.code for d in lint(to_dashed(data, "multiline")).diagnostics}
    assert "GL304" in codes and "GL208" not in codes and "GL211" not in codes


@pytest.mark.parametrize("name,placeholders", [("pandoc-seed-docx-plain.txt", {"三"}),
                                               ("pandoc-seed-html-plain.txt", {"三", "四"})])
def test_pandoc_plain_text(name, placeholders, reference):
    """``pandoc -t plain`` of the seed as a Word file and as a web page (pandoc 2.17): the tables it
    draws (二, and 四 from Word) read with the seed's figures and the seed's findings; those with merged
    cells it could not draw are ``[TABLE]``, and GL201 says so."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    result = lint(text)
    missing = {d.table for d in result.diagnostics if d.code == "GL201"}
    assert missing == placeholders
    assert all("[TABLE]" in d.message for d in result.diagnostics if d.code == "GL201")
    others = Counter_of(d for d in result.diagnostics if d.code != "GL201")
    assert others == Counter_of(reference["seed"].diagnostics)
    import govlint
    got = {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}
    assert got == {k: v for k, v in CASES["seed"].values.items() if k[0] not in placeholders}


def Counter_of(diagnostics):
    from collections import Counter
    return Counter((d.code, d.table, d.row, d.col, d.message) for d in diagnostics)


@pytest.mark.parametrize("line,rule", [
    ("-------------------- ---------------------------- -------------- --------------", True),
    ("  ---------------------------------------------------------------------------", True),
    ("==========  ======  ======", True),
    ("----------", True),
    ("---", False),  # a filler, or the separator under a one-cell Markdown header
    ("--- --- --- --- --- --- --- --- --- --- --- --- --- --- ---", False),  # a row of fillers
    ("- - -", False),
    ("——————————", False),
    ("------ 0", False),
    ("", False),
])
def test_what_is_a_rule(line, rule):
    assert is_rule_line(line) is rule


def test_a_row_of_dash_fillers_is_still_read():
    """A row of table 四 written ``---`` throughout is fifteen fillers (GL208), not a rule."""
    data = CASES["seed"]
    for c in rs.T4_COLS:
        data = data.with_value("四", "cases", c, "---")
    codes = [d.code for d in lint(rs.to_text(data, "spaced")).diagnostics]
    assert "GL208" in codes and "GL211" not in codes


def test_crlf_line_ends():
    """The same with the line ends of a Windows file."""
    data = CASES["second"]
    text = to_dashed(data, "multiline").replace("\n", "\r\n")
    import govlint
    got = {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}
    assert got == data.values
