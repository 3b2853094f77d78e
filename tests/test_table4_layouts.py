"""Table 四 redrawn as a grid or a list of its groups and outcomes (GL216): read into the format's 15 columns by
its labels, in every shape, with each figure where it is written; the totals checked as usual."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
import render_shapes as rs
from test_shapes import DATA

LAYOUTS = ("folded", "folded_spans", "transposed", "listed", "listed_spans")
SHAPES = ("cells", "rows", "spaced", "html", "docx")
# distinct figures, one group's total wrong (复议后起诉: 1 + 2 + 0 + 0 ≠ 4)
FIGURES = {"review.upheld": "3", "review.corrected": "1", "review.total": "4", "direct.other": "2",
           "direct.total": "2", "after_review.upheld": "1", "after_review.corrected": "2", "after_review.total": "4"}


def _data(layout):
    d = DATA
    for col, text in FIGURES.items():
        d = d.with_value("四", "cases", col, text)
    return d.with_t4_layout(layout) if layout else d


def _write(data, shape: str, tmp_path: Path) -> Path:
    if shape == "html":
        path = tmp_path / "r.html"
        path.write_bytes(rs.to_html(data).data)
    elif shape == "docx":
        path = tmp_path / "r.docx"
        rs.to_docx(data, path)
    else:
        path = tmp_path / "r.txt"
        path.write_text(rs.to_text(data, shape), encoding="utf-8")
    return path


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_redrawn_table_4_is_read_by_its_labels(layout, shape, tmp_path):
    data = _data(layout)
    path = _write(data, shape, tmp_path)
    (t4,) = [t for t in govlint.parse(path).tables if t.id == "四"]
    assert t4.layout == layout.replace("_spans", "") and t4.header_recognised
    got = {c.column: c.text for c in t4.cells()}
    assert got == {col: text for (tid, _, col), text in data.values.items() if tid == "四"}
    ds = govlint.lint(path)
    assert sorted(d.code for d in ds if d.code.startswith(("GL2", "GL3"))) == ["GL216", "GL304"]
    (gl304,) = [d for d in ds if d.code == "GL304"]
    assert "复议后起诉" in gl304.message and "应为 3" in gl304.message
    if shape not in ("html", "docx"):  # the finding is on the 总计 of 复议后起诉 as written
        line = path.read_text(encoding="utf-8").split("\n")[gl304.line - 1]
        assert line[gl304.column - 1:gl304.end_column - 1] == "4"
        t4_cell = next(c for c in t4.cells() if c.column == "after_review.total")
        assert (t4_cell.span.line, t4_cell.span.column) == (gl304.line, gl304.column)


@pytest.mark.parametrize("shape", SHAPES)
def test_the_template_layout_is_not_reported(shape, tmp_path):
    path = _write(_data(None), shape, tmp_path)
    (t4,) = [t for t in govlint.parse(path).tables if t.id == "四"]
    assert t4.layout is None
    assert "GL216" not in {d.code for d in govlint.lint(path)}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_redrawn_table_4_with_a_figure_missing_is_not_guessed(layout):
    """A row one figure short: the grid is not assumed (its figures cannot all be placed for sure);
    the short row is reported (GL211), and no figure is read into a column not its own."""
    data = _data(layout)
    text = rs.to_text(data, "rows")
    start = text.index("四、政府信息公开行政复议")
    lines = text[start:].split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith(("复议后起诉", "行政诉讼（复议后起诉）", "尚未审结", "结果纠正")))
    lines[i] = lines[i].rsplit(" | ", 1)[0]
    text = text[:start] + "\n".join(lines)
    (t4,) = [t for t in govlint.parse(text).tables if t.id == "四"]
    assert t4.layout is None
    truth = {col: v for (tid, _, col), v in data.values.items() if tid == "四"}
    assert all(truth[c.column] == c.text for c in t4.cells() if c.column is not None)
    codes = {d.code for d in govlint.lint(text)}
    assert "GL211" in codes and "GL216" not in codes


def test_a_grid_of_other_labels_is_no_table_4_layout():
    """Only the table's own labels make a grid: a header of outcomes over rows of other words
    (行政复议 twice, a made-up group) is not read as one."""
    text = rs.to_text(_data("folded"), "rows").replace("行政诉讼（未经复议直接起诉）", "行政复议")
    (t4,) = [t for t in govlint.parse(text).tables if t.id == "四"]
    assert t4.layout is None


def test_a_listed_table_4_printed_to_pdf_across_a_page_break():
    """The list printed by LibreOffice (tests/pdf/libreoffice-table4-listed.pdf, from
    ``to_docx(_data("listed"))``): the page break falls between two rows labelled with the same group
    (行政诉讼（未经复议直接起诉）), whose label the PDF reader took for a group label cut by the break and
    wrote twice over (行政诉讼（未经复议直接起诉）行政诉讼（未经复议直接起诉）), the next row losing its label."""
    pytest.importorskip("pdfplumber")
    path = Path(__file__).parent / "pdf" / "libreoffice-table4-listed.pdf"
    (t4,) = [t for t in govlint.parse(path).tables if t.id == "四"]
    assert t4.layout == "listed"
    assert {c.column: c.text for c in t4.cells()} == {col: text for (tid, _, col), text in _data(None).values.items()
                                                        if tid == "四"}


def test_table_4_figures_cut_by_the_page_break_printed_to_pdf():
    """LibreOffice's PDF of a report whose table 四 (outer frame only, cells vertically centred) ends
    a page, the break falling in its row of figures (tests/pdf/libreoffice-table4-figures-cut.pdf,
    printed from a .docx of the seed's report, its figures made distinct): 106 and 154, wrapped in
    their narrow cells, lose their last digits (``6``, ``4``) to the top of the next page, under the
    running header. They were read as 10 and 15 and a line of text (GL212, GL211, two GL304)."""
    pytest.importorskip("pdfplumber")
    path = Path(__file__).parent / "pdf" / "libreoffice-table4-figures-cut.pdf"
    (t4,) = [t for t in govlint.parse(path).tables if t.id == "四"]
    assert {c.column: c.text for c in t4.cells()} == {
        "review.upheld": "3", "review.corrected": "6", "review.other": "9", "review.pending": "12", "review.total": "30",
        "direct.upheld": "22", "direct.corrected": "25", "direct.other": "28", "direct.pending": "31", "direct.total": "106",
        "after_review.upheld": "34", "after_review.corrected": "37", "after_review.other": "40", "after_review.pending": "43",
        "after_review.total": "154"}
    assert not [d for d in govlint.lint(path) if d.code[:3] in ("GL2", "GL3")]


def test_part_4_heading_and_header_row_at_the_foot_of_a_page_printed_to_pdf():
    """LibreOffice's PDF of the seed's report, tables drawn without rules, body rows 1.1 cm high, cells
    vertically centred, the page number in the footer, one figure of table 四 changed
    (tests/pdf/libreoffice-ruleless-part4-foot.pdf): under table 三 at the foot of page 4 stand part
    四's heading and table 四's first header row (行政复议 行政诉讼), just above the bottom margin; the
    rest of the header and the figures are on page 5. The header row was left as text (below 91 % of
    the page), the heading read into table 四's header: table 四 had no figures (GL202), the changed
    figure went unfound. The header row goes on over its rest, the heading stays text: GL304."""
    pytest.importorskip("pdfplumber")
    path = Path(__file__).parent / "pdf" / "libreoffice-ruleless-part4-foot.pdf"
    report = govlint.parse(path)
    (t4,) = [t for t in report.tables if t.id == "四"]
    assert t4.cell("cases", "review.upheld").text == "3"
    assert [d.code for d in govlint.lint(path) if d.code[:3] in ("GL2", "GL3")] == ["GL304"]
    assert [s.heading.text for s in report.sections][3] == "四、政府信息公开行政复议、行政诉讼情况"
