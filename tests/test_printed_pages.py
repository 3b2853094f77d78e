"""Web pages printed to PDF by a browser (打印 → 另存为 PDF): the report's text and tables read as
on the page, the browser's margins (date and time, title, address, "1/2") left out.

``tests/pdf/chromium-table2.pdf`` was printed by headless Chromium (see ``print_pages.py``) from
``chromium-table2.html``: the site's navigation, the title in an ``<h1>`` (``2022`` set in a Latin
font beside Noto Sans CJK), two blocks of table 二 with the page break after ``行政许可 | 0``, the
footer; the browser's header and footer on both pages. Tests that print whole reports skip when
Chromium is missing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import print_pages as pp
import render_shapes as rs
from govlint.engine import default_engine
from govlint.readers.pdf import _join_tables
from govlint.readers._layout import TableEmitter, TextBuilder
from test_readers_pdf import _table

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "pdf" / "chromium-table2.pdf"
SEED = next(HERE.parent.joinpath("seeds").glob("*.txt"))


def _text() -> str:
    from govlint.readers.pdf import read_pdf

    return read_pdf(FIXTURE.read_bytes(), str(FIXTURE)).text


def test_a_title_with_latin_digits_is_one_line() -> None:
    """The digits sit 5 pt lower than the Chinese characters by their boxes (another font's descent):
    the title came out as ``××局 年政府信息公开工作年`` / ``2022`` / ``度报告``."""
    lines = _text().split("\n")
    assert "益阳市⾏政审批服务局2022年政府信息公开⼯作年度报告" in lines
    report = default_engine().lint_bytes(FIXTURE.read_bytes(), "r.pdf").report
    assert report.title is not None and report.title.text.endswith("2022年政府信息公开工作年度报告")


def test_the_browsers_footer_with_the_page_number_is_left_out() -> None:
    text = _text()
    assert "file:" not in text and "1/2" not in text and "2/2" not in text
    assert "PM" not in text and "AM" not in text  # the header (date and time, title)


def test_a_block_heading_after_the_page_break_is_a_row_of_its_own() -> None:
    lines = _text().split("\n")
    assert "⾏政许可 | 0" in lines
    assert "第⼆⼗条第（六）项" in lines
    diags = default_engine().lint_bytes(FIXTURE.read_bytes(), "r.pdf").diagnostics
    assert not [d for d in diags if d.code in ("GL205", "GL211")]
    # (the page holds two of the table's four blocks: only the rows of the others are missing)
    assert not [d for d in diags if d.code == "GL202" and d.row in ("licensing", "penalty", "enforcement")]


def test_a_row_across_the_table_is_not_the_rest_of_a_cut_row() -> None:
    """(Without the browser's footer between the pages, the block heading was read as the rest of
    the label above it: ``行政许可第二十条第（六）项 | 0``.)"""
    p1 = _table(1, [[("第二十条第（五）项", 0, 300, 1)], [("信息内容", 0, 100, 1), ("本年处理决定数量", 100, 300, 1)],
                    [("行政许可", 0, 100, 1), ("0", 100, 300, 1)]])
    p2 = _table(2, [[("第二十条第（六）项", 0, 300, 1)], [("信息内容", 0, 100, 1), ("本年处理决定数量", 100, 300, 1)],
                    [("行政处罚", 0, 100, 1), ("0", 100, 300, 1)]])
    b = TextBuilder()
    e = TableEmitter(b)
    for t in _join_tables([p1, p2], []):
        e.emit(t.rows)
    out = b.text().rstrip("\n").split("\n")
    assert out == ["第二十条第（五）项", "信息内容 | 本年处理决定数量", "行政许可 | 0", "第二十条第（六）项",
                   "信息内容 | 本年处理决定数量", "行政处罚 | 0"]


# ----------------------------------------------------------------------------- whole reports, printed now

needs_chromium = pytest.mark.skipif(pp.chromium_missing() is not None, reason=pp.chromium_missing() or "")


def _findings(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


@needs_chromium
@pytest.mark.parametrize("margins", [True, False], ids=["margins", "no-margins"])
@pytest.mark.parametrize("case", ["seed", "changed_cell"])
def test_a_printed_report_checks_as_its_page(case: str, margins: bool) -> None:
    data = rs.load_seed(SEED)
    if case == "changed_cell":
        data = data.with_value("三", "new", "natural", str(int(data.values[("三", "new", "natural")]) + 1))
    page = rs.to_html(data).data
    engine = default_engine()
    on_page = engine.lint_bytes(page, "r.html")
    printed = engine.lint_bytes(pp.print_pdf(page.decode("utf-8"), margins=margins), "r.pdf")
    assert _findings(printed) == _findings(on_page)
    if case == "changed_cell":
        assert {d.code for d in printed.diagnostics} >= {"GL301", "GL303"}
