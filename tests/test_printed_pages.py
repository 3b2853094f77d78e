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


WORD4 = HERE / "pdf" / "chromium-word-table4.pdf"


def test_a_header_row_cut_by_the_page_break_is_read_whole() -> None:
    """Table 四 in Word's markup, the page break in its header: the five 行政复议 headers are cut (their
    sides drawn to the end of the row beside them, ``结果`` inside, ``维持`` printed under the table),
    the next page's row has no top rule. The header was read as lines of text (``维持 纠正 结果 审结
    计``) and the table lost its columns (GL203), the report read as cut off (GL012)."""
    from govlint.readers.pdf import read_pdf

    lines = read_pdf(WORD4.read_bytes(), str(WORD4)).text.split("\n")
    assert "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉" in [
        ln.replace("⾏", "行") for ln in lines]
    engine = default_engine()
    on_page = engine.lint_bytes(WORD4.with_suffix(".html").read_bytes(), "r.html")
    printed = engine.lint_bytes(WORD4.read_bytes(), "r.pdf")
    assert _findings(printed) == _findings(on_page)


def test_a_short_centred_title_is_not_joined_to_the_paragraph_under_it() -> None:
    """A paragraph indented by two characters runs to the right margin: its first line looks centred
    too, but a title that does not fill its line has not wrapped."""
    from govlint.readers.pdf import _Line, _paragraphs

    title = _Line(1, "益阳市行政审批服务局2022年政府信息公开工作年度报告", 42.0, 56.6, 156.0, 456.0, 12.0)
    para = [_Line(1, "根据《中华人民共和国政府信息公开条例》的有关规定，现对益阳市行政审批服务局2022年政府信", 72.0, 86.6, 58.0, 576.8, 12.0),
            _Line(1, "息公开工作报告予以公布。", 90.0, 104.6, 33.7, 200.0, 12.0)]
    out = _paragraphs([title] + para)
    assert [ln.text for ln in out] == [title.text, para[0].text + para[1].text]


class _Page:
    height = 792.0

    def __init__(self, edges: list[dict]) -> None:
        self.edges = edges


def _v(x: float, top: float, bottom: float) -> dict:
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def _h(x0: float, x1: float, y: float) -> dict:
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def test_open_ends() -> None:
    from govlint.readers.pdf import _open_ends

    # a row cut at the bottom of the page: sides from its top rule to 760, no rule there
    cut = _Page([_h(30, 300, 700), _v(30, 700, 760), _v(100, 700, 760), _v(300, 700, 760)])
    assert sorted((round(e["x0"]), round(e["x1"]), e["top"]) for e in _open_ends(cut)) == [(30, 100, 760), (100, 300, 760)]
    # a cell spanning two rows, its sides drawn a row at a time: closed at the ends, open nowhere
    spanning = _Page([_h(30, 300, 700), _h(100, 300, 720), _h(30, 300, 740),
                      _v(30, 700, 720), _v(30, 720, 740), _v(100, 700, 720), _v(100, 720, 740), _v(300, 700, 740)])
    assert _open_ends(spanning) == []
    # two lines with no rule across them anywhere: no cell
    assert _open_ends(_Page([_h(400, 500, 100), _v(30, 700, 760), _v(100, 700, 760)])) == []


# ----------------------------------------------------------------------------- whole reports, printed now

needs_chromium = pytest.mark.skipif(pp.chromium_missing() is not None, reason=pp.chromium_missing() or "")


def _findings(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


def _page(shape: str, data: rs.ReportData) -> bytes:
    import test_cms_pages as cp

    if shape == "plain":
        return rs.to_html(data).data
    if shape == "without_part_5":
        return cp.wrap(cp.NAV + f"<h1>{cp.E(data.title)}</h1>" + cp.article(data, drop_parts=("五",)) + cp.FOOT).encode("utf-8")
    if shape == "word":  # Word's "save as web page": collapsed 1 pt borders, 10.5 pt text
        return cp.wrap(f'<div class="WordSection1"><p class="MsoTitle" align="center">{cp.E(data.title)}</p>'
                       + cp.article(data, table_style="word") + "</div>", head=pp.WORD_HEAD).encode("utf-8")
    return cp.cms_pages(data)[shape].encode("utf-8")


@needs_chromium
@pytest.mark.parametrize("margins", [True, False], ids=["margins", "no-margins"])
@pytest.mark.parametrize("case", ["plain", "changed_cell", "without_part_5", "word", "govcn", "trs"])
def test_a_printed_report_checks_as_its_page(case: str, margins: bool) -> None:
    """The same findings, at the same table, row and column (the page breaks fall in tables 二, 三
    and 四: a header row cut, a row moved to the next page without its top rule, a block heading
    after the break)."""
    data = rs.load_seed(SEED)
    if case == "changed_cell":
        data = data.with_value("三", "new", "natural", str(int(data.values[("三", "new", "natural")]) + 1))
    page = _page("plain" if case == "changed_cell" else case, data)
    engine = default_engine()
    on_page = engine.lint_bytes(page, "r.html")
    printed = engine.lint_bytes(pp.print_pdf(page.decode("utf-8"), margins=margins), "r.pdf")
    assert _findings(printed) == _findings(on_page)
    if case == "changed_cell":
        assert {d.code for d in printed.diagnostics} >= {"GL301", "GL303"}
    if case == "without_part_5":
        assert "GL101" in {d.code for d in printed.diagnostics}


def _chars(text: str, x: float, size: float = 8.0) -> list[dict]:
    out = []
    for ch in text:
        w = size if ord(ch) > 0x2E80 else size / 2
        out.append({"text": ch, "x0": x, "x1": x + w, "top": 16.0, "bottom": 16.0 + size, "size": size})
        x += w
    return out


def test_a_wide_gap_between_digits_and_chinese_stays_a_space() -> None:
    """The browser's header on a one-page print: the date and time at the left, the page's title in
    the middle. Read as ``2024/3/15 14:22益阳市…``, it was no print margin for the parser."""
    from govlint.parse import is_print_margin
    from govlint.readers.pdf import _drop_gap_spaces

    stamp, title = "2024/3/15 14:22", "益阳市行政审批服务局2022年政府信息公开工作年度报告_门户网站"
    chars = [c for c in _chars(stamp, 24.0) if c["text"] != " "] + _chars(title, 200.0)
    text = _drop_gap_spaces(stamp + " " + title, chars, [])
    assert text == stamp + " " + title and is_print_margin(text, before_parts=True)
    # the spacing Word leaves between 2022 and 年 (a quarter of a character) is no space
    near = _chars("2022", 24.0, 16.0) + _chars("年", 24.0 + 32.0 + 4.0, 16.0)
    assert _drop_gap_spaces("2022 年", near, []) == "2022年"


def test_pdfminer_keeps_its_font_warnings_to_itself(caplog) -> None:
    """(A browser's Type 3 fonts have no FontBBox: pdfminer warned once a character set, 132 lines
    on the standard error of ``govlint check`` for one printed report.)"""
    import logging

    from govlint.readers.pdf import read_pdf

    logging.getLogger("pdfminer").setLevel(logging.NOTSET)
    with caplog.at_level(logging.DEBUG, logger="govlint"):
        read_pdf(FIXTURE.read_bytes(), str(FIXTURE))
    assert not [r for r in caplog.records if r.name.startswith("pdfminer") and r.levelno >= logging.WARNING]
