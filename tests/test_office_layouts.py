"""PDF reports laid out as offices lay them out (Word or LibreOffice, printed to PDF): narrow pages and
large type, where a figure does not fit its cell and wraps, or the page break cuts it."""

from __future__ import annotations

from pathlib import Path

import pytest

import render_shapes as rs
from govlint.readers.pdf import _figure_lines
from govlint.readers._layout import TableEmitter, TextBuilder
from test_readers_pdf import _emit, _table

HERE = Path(__file__).resolve().parent
SEED = next(HERE.parent.joinpath("seeds").glob("*.txt"))


def _chars(lines: list[tuple[str, float, float]], size: float = 10.5, width: float = 5.8) -> list[dict]:
    """Characters of lines (text, x0 of the line, top)."""
    out = []
    for text, x0, top in lines:
        for i, ch in enumerate(text):
            out.append({"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top,
                        "bottom": top + size, "size": size})
    return out


def test_a_figure_wrapped_in_a_narrow_cell_is_one_figure() -> None:
    """LibreOffice breaks 1381 in a 33pt cell (A5 page, table 三's seven columns) as ``138`` / ``1``:
    the first line fills the cell but for its padding."""
    box = (137.5, 100.0, 170.9, 130.0)
    assert _figure_lines(_chars([("138", 145.6, 102), ("1", 151.4, 115)]), box) == [True, False]
    # two figures on lines of their own in a wide cell leave room: not one figure
    wide = (100.0, 100.0, 160.0, 130.0)
    assert _figure_lines(_chars([("12", 118.0, 102), ("3", 127.0, 115)]), wide) == [False, False]


def test_a_figure_cut_by_the_page_break_is_put_back_together() -> None:
    """``7.`` / ``属于行政执法案卷`` and ``30`` / ``9`` (309): the row cut at the page break, the rest
    of its label and of a figure that filled its cell at the top of the next page."""
    head = [("项目", 0, 100, 1), ("自然人", 100, 200, 1), ("总计", 200, 230, 1)]
    p1 = _table(1, [head,
                    [("7.", 0, 100, 1), ("49", 100, 200, 1), ("30", 200, 230, 1)]])
    p1.full = {id(p1.rows[1][2])}
    p2 = _table(2, [[("属于行政执法案卷", 0, 100, 1), ("", 100, 200, 1), ("9", 200, 230, 1)],
                    [("8.属于行政查询事项", 0, 100, 1), ("55", 100, 200, 1), ("345", 200, 230, 1)]])
    assert _emit([p1, p2])[1:] == ["7. 属于行政执法案卷 | 49 | 309", "8.属于行政查询事项 | 55 | 345"]
    # the figures of a row of its own (its label starts a numbered item) stay apart
    q2 = _table(2, [[("8.属于", 0, 100, 1), ("", 100, 200, 1), ("9", 200, 230, 1)]])
    q1 = _table(1, [head, [("7.", 0, 100, 1), ("49", 100, 200, 1), ("30", 200, 230, 1)]])
    q1.full = {id(q1.rows[1][2])}
    assert _emit([q1, q2])[1:] == ["7. | 49 | 30", "8.属于 |  | 9"]
    # a figure that left room in its cell was not cut
    r1 = _table(1, [head, [("7.", 0, 100, 1), ("49", 100, 200, 1), ("30", 200, 230, 1)]])
    r2 = _table(2, [[("", 0, 100, 1), ("", 100, 200, 1), ("9", 200, 230, 1)]])
    assert _emit([r1, r2])[1:] == ["7. | 49 | 30", "|  |  | 9 |"]


def _a5_report(tmp: Path, **page) -> bytes:
    """The report with all-distinct figures on a narrow page, printed by LibreOffice."""
    import docx
    from docx.shared import Cm

    data = rs.distinct(rs.load_seed(SEED))
    data.blocks = [b for b in data.blocks if b[0] != "p" or b == data.blocks[0]]  # the tables, little prose
    src = tmp / "a5.docx"
    rs.to_docx(data, src)
    doc = docx.Document(str(src))
    sec = doc.sections[0]
    before = sec.page_width - sec.left_margin - sec.right_margin
    sec.page_width, sec.page_height = page.get("width", Cm(14.8)), page.get("height", Cm(21.0))
    sec.left_margin = sec.right_margin = Cm(1.5)
    scale = (sec.page_width - sec.left_margin - sec.right_margin) / before
    for el in doc.element.body.iter():  # the tables as wide as the new page
        if el.tag.endswith("}tcW") or el.tag.endswith("}gridCol"):
            for k, v in el.attrib.items():
                if k.endswith("}w"):
                    el.set(k, str(int(int(v) * scale)))
    doc.save(str(src))
    return rs.convert(src, "pdf", tmp)[0].read_bytes()


@pytest.mark.skipif(rs.office_missing() is not None, reason=str(rs.office_missing()))
def test_an_a5_report_reads_its_figures_whole(tmp_path: Path) -> None:
    """On an A5 page (and a narrower one) the four-digit figures of table 三 wrap in their cells, and
    the page break falls inside table 三's rows and table 四's row of figures."""
    pytest.importorskip("pdfplumber")
    from docx.shared import Cm

    from govlint.engine import default_engine

    for width in (Cm(14.8), Cm(12.0)):
        pdf = _a5_report(tmp_path, width=width)
        result = default_engine().lint_bytes(pdf, "a5.pdf")
        bad = [f"{d.code} {d.message_en}" for d in result.diagnostics if d.code.startswith("GL2") or d.code.startswith("GL3")]
        assert bad == []
        text = result.source.text
        assert "1381" in text and "8616" in text and "138 1" not in text


_BORDERS = {  # (top, bottom, left, right, insideH, insideV)
    "none": ("nil",) * 6,
    "rules": ("single", "single", "nil", "nil", "single", "nil"),  # horizontal rules only
    "frame": ("single", "single", "single", "single", "nil", "nil"),  # an outer frame only
}


@pytest.mark.skipif(rs.office_missing() is not None, reason=str(rs.office_missing()))
def test_tables_drawn_without_inside_rules_are_read_from_their_words(tmp_path: Path) -> None:
    """Tables with no rules between their cells (no borders, horizontal rules only, an outer frame
    only) have no cells for pdfplumber: they are read from where their words stand, each wrapped
    label whole in its row (not ``8616开申请数量``), the report checks as with all its rules. So
    do the same tables with their cells vertically centred (``w:vAlign``, as many offices set them):
    a label wrapped over three lines has its first line above its row's figures, a header word of
    one line sits between the two lines of the words beside it (``其他`` between ``商业`` and
    ``企业``); they were read as header lines and rows of their own (58 findings of GL2/GL3)."""
    pytest.importorskip("pdfplumber")
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from govlint.engine import default_engine

    data = rs.distinct(rs.load_seed(SEED))
    data.blocks = [b for b in data.blocks if b[0] != "p" or b == data.blocks[0]]
    srcs = []
    for (name, spec), centred in [(b, c) for b in _BORDERS.items() for c in (False, True)]:
        src = tmp_path / f"{name}{'-centred' if centred else ''}.docx"
        rs.to_docx(data, src)
        doc = docx.Document(str(src))
        for t in doc.tables:
            pr = t._tbl.tblPr
            b = OxmlElement("w:tblBorders")
            for side, val in zip(("top", "bottom", "left", "right", "insideH", "insideV"), spec):
                e = OxmlElement(f"w:{side}")
                for k, v in (("val", val), ("sz", "4"), ("space", "0"), ("color", "000000")):
                    e.set(qn(f"w:{k}"), v)
                b.append(e)
            pr.append(b)
            for tc in t._tbl.iter(qn("w:tc")) if centred else ():
                v = OxmlElement("w:vAlign")
                v.set(qn("w:val"), "center")
                tc.get_or_add_tcPr().append(v)
        doc.save(str(src))
        srcs.append(src)
    for pdf in rs.convert(srcs, "pdf", tmp_path):
        result = default_engine().lint_bytes(pdf.read_bytes(), pdf.name)
        bad = [f"{d.code} {d.message_en}" for d in result.diagnostics if d.code[:3] in ("GL2", "GL3")]
        assert bad == [], pdf.name
        text = result.source.text
        assert "一、本年新收政府信息公开申请数量 | 1381 |" in text, pdf.name


def _lines(rows: list[tuple[float, list[tuple[str, float, float]]]], size: float = 11.0) -> list[dict]:
    """Text lines as pdfplumber gives them: (top, [(text, x0, x1), …]), characters spread evenly."""
    out = []
    for top, segs in rows:
        chars = []
        for text, x0, x1 in segs:
            w = (x1 - x0) / len(text)
            chars += [{"text": ch, "x0": x0 + i * w, "x1": x0 + (i + 1) * w, "top": top, "bottom": top + size,
                       "size": size} for i, ch in enumerate(text)]
        out.append({"text": " ".join(t for t, _, _ in segs), "top": top, "bottom": top + size, "x0": segs[0][1],
                    "x1": segs[-1][2], "chars": chars})
    return out


def _rows_read(lines: list[dict]) -> list[str]:
    from govlint.readers.pdf import _join_tables, _word_tables

    tables, _ = _word_tables(1, lines)
    b = TextBuilder()
    emitter = TableEmitter(b)
    for t in _join_tables(tables, []):
        emitter.emit(t.rows)
    return b.text().splitlines()


_BODY = [  # table 三's first two rows under its header (LibreOffice, 10.5pt, cells vertically centred)
    (368.1, [("一、本年新收政府信息公", 71, 192)]),
    (374.5, [("1381", 207, 235), ("1403", 252, 280), ("1425", 298, 326), ("1447", 343, 371), ("1469", 388, 416),
             ("1491", 434, 462), ("8616", 479, 507)]),
    (380.9, [("开申请数量", 71, 126)]),
    (399.2, [("二、上年结转政府信息公", 71, 192)]),
    (405.6, [("200", 207, 228), ("201", 252, 273), ("202", 298, 319), ("203", 343, 364), ("204", 388, 409),
             ("205", 434, 455), ("1215", 479, 507)]),
    (412.0, [("开申请数量", 71, 126)]),
]
_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_HEADER = [f"{_CORNER} | 申请人情况", "自然人 | 法人或其他组织 | 总计", "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他"]


@pytest.mark.parametrize("header", [
    pytest.param([  # every cell vertically centred: 自然人 and 总计 (over two rows) stand on the lines of the row below
        (314.1, [("（本列数据的勾稽关系", 71, 181), ("申请人情况", 207, 262)]),
        (326.9, [("为：第一项加第二项之", 71, 181), ("法人或其他组织", 252, 329)]),
        (339.7, [("和，等于第三项加第四项", 71, 192), ("自然人", 207, 240), ("商业", 252, 274), ("科研", 298, 320),
                 ("社会公", 343, 376), ("法律服", 388, 421), ("总计", 479, 501)]),
        (346.1, [("其他", 434, 456)]),
        (352.5, [("之和）", 71, 104), ("企业", 252, 274), ("机构", 298, 320), ("益组织", 343, 376), ("务机构", 388, 421)]),
    ], id="centred"),
    pytest.param([  # set at the top of their cells: 其他 stands where it would stand centred under 法人或其他组织
        (314.1, [("（本列数据的勾稽关系", 71, 181), ("申请人情况", 207, 262)]),
        (326.9, [("为：第一项加第二项之", 71, 181), ("自然人", 207, 240), ("法人或其他组织", 252, 329), ("总计", 479, 501)]),
        (339.7, [("和，等于第三项加第四项", 71, 192), ("商业", 252, 274), ("科研", 298, 320), ("社会公", 343, 376),
                 ("法律服", 388, 421), ("其他", 434, 456)]),
        (352.5, [("之和）", 71, 104), ("企业", 252, 274), ("机构", 298, 320), ("益组织", 343, 376), ("务机构", 388, 421)]),
    ], id="top"),
])
def test_a_header_of_cells_spanning_rows_reads_row_by_row(header) -> None:
    """Table 三's header drawn without inside rules: each header word is read in its row, whether the
    cells are vertically centred (``w:vAlign``) or set at the top. Centred, ``自然人`` (over two rows)
    stands on the line of ``商业`` below ``法人或其他组织``; it was read in that row, the figures
    of every row one column off (GL203 and GL211 on all of table 三)."""
    pytest.importorskip("pdfplumber")
    assert _rows_read(_lines(header + _BODY))[:4] == _HEADER + ["一、本年新收政府信息公开申请数量 | 1381 | 1403 | 1425 | 1447 | 1469 | 1491 | 8616"]


def test_a_header_cut_by_the_page_break_is_read_with_its_table() -> None:
    """Table 三 drawn without rules, its cells centred: the page break falls in its header, the first
    two rows at the foot of one page, the third over the body at the top of the next (a running
    header above it). The header is read whole with its table; its first rows were lines of text."""
    pytest.importorskip("pdfplumber")
    from govlint.readers.pdf import _header_carried, _Line, _word_tables

    foot = _lines([
        (683.6, [("三、收到和处理政府信息公开申请情况", 71, 258)]),
        (708.3, [("（本列数据的勾稽关系", 79, 189)]),
        (716.0, [("申请人情况", 333, 388)]),
        (721.1, [("为：第一项加第二项之", 79, 189)]),
        (733.9, [("和，等于第三项加第四项", 73, 194), ("自然人", 208, 241), ("法人或其他组织", 322, 399), ("总计", 485, 507)]),
        (746.7, [("之和）", 117, 150)]),
    ])
    running = _lines([(40.0, [("××局2021年政府信息公开工作年度报告", 200, 390)])])
    top = running + _lines([
        (72.7, [("商业", 259, 281), ("科研", 304, 326), ("社会公", 344, 377), ("法律服", 389, 422)]),
        (79.1, [("其他", 440, 462)]),
        (85.5, [("企业", 259, 281), ("机构", 304, 326), ("益组织", 344, 377), ("务机构", 389, 422)]),
    ] + [(t - 265.6, segs) for t, segs in _BODY])
    carry = [(ln, _Line(2, ln["text"], ln["top"], ln["bottom"], ln["x0"], ln["x1"], 11.0)) for ln in foot]
    tables, rest = _word_tables(3, top)
    tables, rest, taken = _header_carried(3, carry, running, tables, top, rest)
    assert taken == {id(line) for _, line in carry[1:]}  # not the part's heading
    assert [ln["text"] for ln in rest] == [running[0]["text"]]
    b = TextBuilder()
    TableEmitter(b).emit(tables[0].rows)
    assert b.text().splitlines()[:3] == _HEADER
    # text between the running header and the table: the table does not go on from the page before
    note = _lines([(55.0, [("本表数据统计至2021年12月31日。", 71, 300)])])
    tables, rest = _word_tables(3, top + note)
    assert _header_carried(3, carry, running, tables, top + note, rest)[2] == set()


def _pages_read(pages: list[list[dict]]) -> list[str]:
    """The rows of the tables drawn without rules on consecutive pages, joined as the reader joins them."""
    from govlint.readers.pdf import _join_tables, _word_tables

    tables = [t for pno, lines in enumerate(pages, 1) for t in _word_tables(pno, lines)[0]]
    b = TextBuilder()
    emitter = TableEmitter(b)
    for t in _join_tables(tables, []):
        emitter.emit(t.rows)
    return b.text().splitlines()


_FOOT = [  # table 三 at the foot of a page (LibreOffice, no rules, set at the top of its cells)
    (570.4, [("（本列数据的勾稽关系", 71, 181), ("申请人情况", 207, 262)]),
    (583.2, [("为：第一项加第二项之", 71, 181), ("自然人", 207, 240), ("法人或其他组织", 252, 329), ("总计", 479, 501)]),
    (596.0, [("和，等于第三项加第四项", 71, 192), ("商业", 252, 274), ("科研", 298, 320), ("社会公", 343, 376), ("法律服", 388, 421),
             ("其他", 434, 456)]),
    (608.8, [("之和）", 71, 104), ("企业", 252, 274), ("机构", 298, 320), ("益组织", 343, 376), ("务机构", 388, 421)]),
    (621.6, [("一、本年新收政府信息公", 71, 192), ("1381", 207, 235), ("1403", 252, 280), ("1425", 298, 326), ("1447", 343, 371),
             ("1469", 388, 416), ("1491", 434, 462), ("8616", 479, 507)]),
    (634.4, [("开申请数量", 71, 126)]),
    (647.2, [("二、上年结转政府信息公", 71, 192), ("200", 207, 228), ("201", 252, 273), ("202", 298, 319), ("203", 343, 364),
             ("204", 388, 409), ("205", 434, 455), ("1215", 479, 507)]),
    (660.0, [("开申请数量", 71, 126)]),
    (672.8, [("三、本", 71, 104), ("（一）予以公开", 116, 193), ("1", 207, 214), ("2", 252, 259), ("3", 298, 305), ("4", 343, 350),
             ("5", 388, 395), ("6", 434, 441), ("21", 479, 493)]),
    (685.6, [("年度办", 71, 104), ("（二）部分公开", 116, 193), ("7", 207, 214), ("8", 252, 259), ("9", 298, 305), ("10", 343, 357),
             ("11", 388, 402), ("12", 434, 448), ("57", 479, 493)]),
    (698.4, [("理结果", 71, 104), ("（区分处理的，", 116, 193)]),
    (711.2, [("只计这一情形，", 116, 193)]),
    (724.0, [("不计其他情形）", 116, 193)]),
    (736.8, [("（三）", 116, 149), ("1.属于", 162, 194), ("13", 207, 221), ("14", 252, 266), ("15", 298, 312), ("16", 343, 357),
             ("17", 388, 402), ("18", 434, 448), ("93", 479, 493)]),
    (749.6, [("不予公", 116, 149), ("国家秘", 162, 195)]),
]
_TOP = [  # the rest of the row the page break cut, and the rows after it
    (71.4, [("开", 116, 127), ("密", 162, 173)]),
    (84.2, [("2.其他", 162, 194), ("19", 207, 221), ("20", 252, 266), ("21", 298, 312), ("22", 343, 357), ("23", 388, 402),
            ("24", 434, 448), ("129", 479, 500)]),
    (97.0, [("法律行", 162, 195)]),
    (109.8, [("政法规", 162, 195)]),
    (122.6, [("禁止公", 162, 195)]),
    (135.4, [("开", 162, 173)]),
    (148.2, [("3.危", 162, 183), ("25", 207, 221), ("26", 252, 266), ("27", 298, 312), ("28", 343, 357), ("29", 388, 402),
             ("30", 434, 448), ("165", 479, 500)]),
    (161.0, [("及“三", 162, 189)]),
    (173.8, [("安全一", 162, 195)]),
    (186.6, [("稳定”", 162, 189)]),
    (199.4, [("（四）", 116, 149), ("1.本机", 162, 194), ("61", 207, 221), ("62", 252, 266), ("63", 298, 312), ("64", 343, 357),
             ("65", 388, 402), ("66", 434, 448), ("381", 479, 500)]),
    (212.2, [("无法提", 116, 149), ("关不掌", 162, 195)]),
    (225.0, [("供", 116, 127), ("握相关", 162, 195)]),
    (237.8, [("政府信", 162, 195)]),
    (250.6, [("息", 162, 173)]),
]


def test_a_row_cut_by_the_page_break_goes_on_where_the_figures_are_narrower() -> None:
    """Table 三 drawn without rules, its figures at the left of their cells: the page break cuts the
    row ``（三）不予公开 | 1.属于国家秘密``, its figures and the first lines of its labels on one page,
    ``开`` and ``密`` at the top of the next. The value columns' edges, estimated from the figures'
    centres, stand 7 pt further left on the second page (two digits under four): the two parts were
    read as two tables, ``开 | 密`` a row of its own (GL204 on both halves of both labels, GL202)."""
    pytest.importorskip("pdfplumber")
    from govlint.readers.pdf import _join_tables, _word_tables

    rows = _pages_read([_lines(_FOOT, 10.5), _lines(_TOP, 10.5)])
    assert rows[7:] == ["（三）不予公开 | 1.属于国家秘密 | 13 | 14 | 15 | 16 | 17 | 18 | 93",
                        "2.其他法律行政法规禁止公开 | 19 | 20 | 21 | 22 | 23 | 24 | 129",
                        "3.危及“三安全一稳定” | 25 | 26 | 27 | 28 | 29 | 30 | 165",
                        "（四）无法提供 | 1.本机关不掌握相关政府信息 | 61 | 62 | 63 | 64 | 65 | 66 | 381"]
    # one table, the group label over its three rows
    joined = _join_tables(_word_tables(1, _lines(_FOOT, 10.5))[0] + _word_tables(2, _lines(_TOP, 10.5))[0], [])
    assert len(joined) == 1
    assert [c.rowspan for r in joined[0].rows for c in r if c.text == "（三）不予公开"] == [3]


_TALL_HEADER = [  # table 三's header rows 0.9 cm high, cells vertically centred, horizontal rules only
    (102.7, [("申请人情况", 207, 262)]),
    (109.3, [("（本列数据的勾稽关系", 71, 181)]),
    (122.1, [("为：第一项加第二项之", 71, 181)]),
    (128.2, [("法人或其他组织", 252, 329)]),
    (134.9, [("和，等于第三项加第四项", 71, 192)]),
    (141.2, [("自然人", 207, 240), ("总计", 479, 501)]),
    (147.6, [("之和）", 71, 104), ("商业", 252, 274), ("科研", 298, 320), ("社会公", 343, 376), ("法律服", 388, 421)]),
    (154.0, [("其他", 434, 456)]),
    (160.4, [("企业", 252, 274), ("机构", 298, 320), ("益组织", 343, 376), ("务机构", 388, 421)]),
] + [(t - 194.4, segs) for t, segs in _BODY]
# (top, left end, right end): over the table, under 申请人情况 and 法人或其他组织, under the header and each row
_TALL_RULES = [(95.9, 65.5, 519.0), (121.4, 201.5, 519.0), (146.9, 246.9, 473.6), (173.0, 65.5, 519.0),
               (199.1, 65.5, 519.0), (225.2, 65.5, 519.0)]


def _read_header(lines: list[dict], rules: list[tuple[float, float, float]]) -> list[str]:
    from govlint.readers.pdf import _word_tables

    tables, _ = _word_tables(1, lines, 1, rules)
    b = TextBuilder()
    TableEmitter(b).emit(tables[0].rows)
    return b.text().splitlines()[:4]


_FIRST = "一、本年新收政府信息公开申请数量 | 1381 | 1403 | 1425 | 1447 | 1469 | 1491 | 8616"
_CENTRED_TALL = [  # the same, each header word centred across its cell too (WPS, many offices)
    (102.7, [("申请人情况", 333, 388)]),
    (109.3, [("（本列数据的勾稽关系", 79, 189)]),
    (122.1, [("为：第一项加第二项之", 79, 189)]),
    (128.2, [("法人或其他组织", 322, 399)]),
    (134.9, [("和，等于第三项加第四项", 73, 194)]),
    (141.2, [("自然人", 208, 241), ("总计", 485, 507)]),
    (147.6, [("之和）", 117, 150), ("商业", 259, 281), ("科研", 304, 326), ("社会公", 344, 377), ("法律服", 389, 422)]),
    (154.0, [("其他", 440, 462)]),
    (160.4, [("企业", 259, 281), ("机构", 304, 326), ("益组织", 344, 377), ("务机构", 389, 422)]),
] + [(t - 194.4, segs) for t, segs in _BODY]


def test_a_tall_header_reads_row_by_row() -> None:
    """Table 三's header rows set taller than their text (0.9 cm), its cells vertically centred, no
    rules inside: the lines of the header's words give no measure of its rows (``法人或其他组织``
    alone on a line over ``自然人`` and ``总计``, which span two rows). Going down a column, each
    cell's box ends as far under its words' middle as it starts over it: a column of two cells
    (``申请人情况`` / ``自然人``) and one of three (``申请人情况`` / ``法人或其他组织`` / ``商业企业``)
    give the header's top and bottom, and so its rows. Read from its lines, ``法人或其他组织`` was a
    row of its own, ``自然人`` in the row of ``商业企业``: every figure one column off (GL203, GL211
    on all of table 三)."""
    pytest.importorskip("pdfplumber")
    assert _rows_read(_lines(_TALL_HEADER))[:4] == _HEADER + [_FIRST]


def test_a_tall_header_of_centred_words_reads_row_by_row_from_its_rules() -> None:
    """The same header, its words centred across their cells too: ``申请人情况`` stands over the
    middle columns only, no column shows a cell over ``自然人``. Drawn with horizontal rules only,
    the rules under ``申请人情况`` and ``法人或其他组织`` are the rows' edges; in an outer frame,
    its top edge is the header's."""
    pytest.importorskip("pdfplumber")
    assert _read_header(_lines(_CENTRED_TALL), _TALL_RULES) == _HEADER + [_FIRST]
    assert _read_header(_lines(_CENTRED_TALL), [(95.9, 65.5, 519.0), (173.0, 65.5, 519.0)]) == _HEADER + [_FIRST]
    # a rule through a cell's words (struck out, not a row's edge) is no row's edge
    assert _read_header(_lines(_CENTRED_TALL), _TALL_RULES + [(133.7, 325.0, 395.0)]) \
        == _read_header(_lines(_CENTRED_TALL), [(95.9, 65.5, 519.0), (173.0, 65.5, 519.0)])
    # no rule at all: the header ends where the body starts (see the test below)
    assert _read_header(_lines(_CENTRED_TALL), []) == _HEADER + [_FIRST]


_CENTRED_GROUPS = [  # table 三's rows (LibreOffice, no rules, 29.7 cm page): 8. under （三）, （四） over 3 rows
    (530.5, [("8.属于", 162, 194)]),
    (543.3, [("行政查", 162, 195), ("55", 207, 221), ("56", 252, 266), ("57", 298, 312), ("58", 343, 357), ("59", 388, 402),
             ("60", 434, 448), ("345", 479, 500)]),
    (556.1, [("询事项", 162, 195)]),
    (568.9, [("1.本机", 162, 194)]),
    (581.7, [("关不掌", 162, 195)]),
    (594.5, [("握相关", 162, 195), ("61", 207, 221), ("62", 252, 266), ("63", 298, 312), ("64", 343, 357), ("65", 388, 402),
             ("66", 434, 448), ("381", 479, 500)]),
    (607.3, [("政府信", 162, 195)]),
    (620.1, [("息", 162, 173)]),
    (632.9, [("2.没有", 162, 194)]),
    (639.3, [("（四）", 116, 149)]),
    (645.7, [("现成信", 162, 195)]),
    (652.1, [("无法提", 116, 149)]),
    (658.5, [("息需要", 162, 195), ("67", 207, 221), ("68", 252, 266), ("69", 298, 312), ("70", 343, 357), ("71", 388, 402),
             ("72", 434, 448), ("417", 479, 500)]),
    (664.9, [("供", 116, 127)]),
    (671.3, [("另行制", 162, 195)]),
    (684.1, [("作", 162, 173)]),
    (696.9, [("3.补正", 162, 194)]),
    (709.7, [("后申请", 162, 195)]),
    (716.1, [("73", 207, 221), ("74", 252, 266), ("75", 298, 312), ("76", 343, 357), ("77", 388, 402), ("78", 434, 448),
             ("453", 479, 500)]),
    (722.5, [("内容仍", 162, 195)]),
    (735.3, [("不明确", 162, 195)]),
    (753.4, [("（五）", 116, 149), ("1.信访", 162, 194), ("79", 207, 221), ("80", 252, 266), ("81", 298, 312), ("82", 343, 357),
             ("83", 388, 402), ("84", 434, 448), ("489", 479, 500)]),
]
_CENTRED_GROUPS_NEXT = [  # the next page: the rest of 1.信访…, and of （五）不予处理 centred over its part
    (71.4, [("举报投", 162, 195)]),
    (84.2, [("诉类申", 162, 195)]),
    (97.0, [("请", 162, 173)]),
    (112.5, [("2.重复", 162, 194)]),
    (118.9, [("85", 207, 221), ("86", 252, 266), ("87", 298, 312), ("88", 343, 357), ("89", 388, 402), ("90", 434, 448),
             ("525", 479, 500)]),
    (125.3, [("申请", 162, 184)]),
    (140.9, [("3.要求", 162, 194)]),
    (153.7, [("提供公", 162, 195)]),
    (160.1, [("91", 207, 221), ("92", 252, 266), ("93", 298, 312), ("94", 343, 357), ("95", 388, 402), ("96", 434, 448),
             ("561", 479, 500)]),
    (166.5, [("开出版", 162, 195)]),
    (179.3, [("物", 162, 173)]),
    (189.3, [("不予处", 116, 149), ("4.无正", 162, 194)]),
    (202.1, [("理", 116, 127), ("当理由", 162, 195)]),
    (211.3, [("97", 207, 221), ("98", 252, 266), ("99", 298, 312), ("100", 343, 364), ("101", 388, 409), ("102", 434, 455),
             ("597", 479, 500)]),
    (217.7, [("大量反", 162, 195)]),
    (230.5, [("复申请", 162, 195)]),
    (243.3, [("5.要求", 162, 194)]),
    (256.1, [("行政机", 162, 195)]),
    (268.9, [("关确认", 162, 195)]),
    (281.7, [("或重新", 162, 195), ("103", 207, 228), ("104", 252, 273), ("105", 298, 319), ("106", 343, 364), ("107", 388, 409),
             ("108", 434, 455), ("633", 479, 500)]),
    (294.5, [("出具已", 162, 195)]),
    (307.3, [("获取信", 162, 195)]),
    (320.1, [("息", 162, 173)]),
]


def test_a_group_label_centred_over_its_rows_is_read_in_its_first() -> None:
    """Table 三 drawn without rules, its cells vertically centred: ``（四）无法提供`` stands in the
    middle of its three rows, ``不予处理`` (the rest of ``（五）不予处理``, cut by the page break) in
    the middle of its part on the next page. Each is read in the first of its rows; they were read
    in the middle one, the group above taking the first (GL204 on ``（五）`` and ``不予处理``)."""
    pytest.importorskip("pdfplumber")
    rows = _pages_read([_lines(_CENTRED_GROUPS), _lines(_CENTRED_GROUPS_NEXT)])
    assert rows == ["8.属于行政查询事项 | 55 | 56 | 57 | 58 | 59 | 60 | 345",
                    "（四）无法提供 | 1.本机关不掌握相关政府信息 | 61 | 62 | 63 | 64 | 65 | 66 | 381",
                    "2.没有现成信息需要另行制作 | 67 | 68 | 69 | 70 | 71 | 72 | 417",
                    "3.补正后申请内容仍不明确 | 73 | 74 | 75 | 76 | 77 | 78 | 453",
                    "（五）不予处理 | 1.信访举报投诉类申请 | 79 | 80 | 81 | 82 | 83 | 84 | 489",
                    "2.重复申请 | 85 | 86 | 87 | 88 | 89 | 90 | 525",
                    "3.要求提供公开出版物 | 91 | 92 | 93 | 94 | 95 | 96 | 561",
                    "4.无正当理由大量反复申请 | 97 | 98 | 99 | 100 | 101 | 102 | 597",
                    "5.要求行政机关确认或重新出具已获取信息 | 103 | 104 | 105 | 106 | 107 | 108 | 633"]
    # (set at the top of their cells, each label's first line on its row's figures, the labels stay in
    # the rows they start on: see the test above)


_GROUP_CUT = [  # table 三 at the foot of a page (LibreOffice, no rules, outer frame, cells vertically centred)
    (695.5, [("一、本年新收政府信息公", 71, 192)]),
    (701.9, [("1381", 207, 235), ("1403", 252, 280), ("1425", 298, 326), ("1447", 343, 371), ("1469", 388, 416), ("1491", 434, 462),
             ("8616", 479, 507)]),
    (708.3, [("开申请数量", 71, 126)]),
    (721.1, [("二、上年结转政府信息公", 71, 192)]),
    (727.5, [("200", 207, 228), ("201", 252, 273), ("202", 298, 319), ("203", 343, 364), ("204", 388, 409), ("205", 434, 455),
             ("1215", 479, 507)]),
    (733.9, [("开申请数量", 71, 126)]),
    (746.7, [("三、本", 71, 104), ("（一）予以公开", 116, 193), ("1", 207, 214), ("2", 252, 259), ("3", 298, 305), ("4", 343, 350),
             ("5", 388, 395), ("6", 434, 441), ("21", 479, 493)]),
]
_GROUP_CUT_NEXT = [  # the next page: the rest of 三、本年度办理结果 beside the next row's label
    (71.4, [("年度办", 71, 104), ("（二）部分公开", 116, 193)]),
    (84.2, [("理结果", 71, 104), ("（区分处理的，", 116, 193)]),
    (90.6, [("7", 207, 214), ("8", 252, 259), ("9", 298, 305), ("10", 343, 357), ("11", 388, 402), ("12", 434, 448), ("57", 479, 493)]),
    (97.0, [("只计这一情形，", 116, 193)]),
    (109.8, [("不计其他情形）", 116, 193)]),
    (122.6, [("1.属于", 162, 194)]),
    (135.4, [("国家秘", 162, 195), ("13", 207, 221), ("14", 252, 266), ("15", 298, 312), ("16", 343, 357), ("17", 388, 402),
             ("18", 434, 448), ("93", 479, 493)]),
    (148.2, [("密", 162, 173)]),
]
_ROW_CUT = [  # the same set at the top of its cells: the page break cuts the row of （二）部分公开
    (709.8, [("二、上年结转政府信息公", 71, 192)]),
    (716.2, [("200", 207, 228), ("201", 252, 273), ("202", 298, 319), ("203", 343, 364), ("204", 388, 409), ("205", 434, 455),
             ("1215", 479, 507)]),
    (722.6, [("开申请数量", 71, 126)]),
    (735.4, [("三、本", 71, 104), ("（一）予以公开", 116, 193), ("1", 207, 214), ("2", 252, 259), ("3", 298, 305), ("4", 343, 350),
             ("5", 388, 395), ("6", 434, 441), ("21", 479, 493)]),
    (748.2, [("年度办", 71, 104), ("（二）部分公开", 116, 193), ("7", 207, 214), ("8", 252, 259), ("9", 298, 305), ("10", 343, 357),
             ("11", 388, 402), ("12", 434, 448), ("57", 479, 493)]),
]
_ROW_CUT_NEXT = [
    (71.4, [("理结果", 71, 104), ("（区分处理的，", 116, 193)]),
    (84.2, [("只计这一情形，", 116, 193)]),
    (97.0, [("不计其他情形）", 116, 193)]),
    (109.8, [("1.属于", 162, 194)]),
    (122.6, [("国家秘", 162, 195), ("13", 207, 221), ("14", 252, 266), ("15", 298, 312), ("16", 343, 357), ("17", 388, 402),
             ("18", 434, 448), ("93", 479, 493)]),
    (135.4, [("密", 162, 173)]),
]


@pytest.mark.parametrize("pages", [
    pytest.param([_GROUP_CUT, _GROUP_CUT_NEXT], id="centred"),
    pytest.param([_ROW_CUT, _ROW_CUT_NEXT], id="top"),
])
def test_a_group_label_the_page_break_cut_goes_on_at_the_top_of_the_next_page(pages) -> None:
    """``三、本年度办理结果`` cut by the page break: ``三、本`` at the foot of one page, its rest at the
    top of the next, further left than any label of the rows under it, over the first line of
    figures (beside ``（二）部分公开``, or beside the rest of that row's label when the page break
    cut the row). The rest was read as text, or its table as another (its value columns' edges,
    estimated from one-digit figures, 10.5 pt left of those under four digits), GL204 on both halves."""
    pytest.importorskip("pdfplumber")
    rows = _pages_read([_lines(p) for p in pages])
    assert rows[-3:] == ["三、本年度办理结果 | （一）予以公开 | 1 | 2 | 3 | 4 | 5 | 6 | 21",
                         "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 7 | 8 | 9 | 10 | 11 | 12 | 57",
                         "1.属于国家秘密 | 13 | 14 | 15 | 16 | 17 | 18 | 93"]


_WPS_HEADER = [  # table 三's header, landscape, no rules (WPS-like: header words broken over two centred
    # lines, figures set at the right of their cells), with its first row at the foot of the page
    (452.3, [("申请人情况", 493, 548)]),
    (465.1, [("（本列数据的勾稽关系为：第一项加第二", 72, 270), ("法人或其他组织", 482, 559)]),
    (477.9, [("项之和，等于第三项加第四项之和）", 83, 259), ("自然人", 294, 327), ("商业", 370, 392), ("科研", 440, 462),
             ("社会公益组", 493, 548), ("法律服务机", 563, 618), ("总计", 720, 742)]),
    (484.3, [("其他", 650, 672)]),
    (490.7, [("企业", 370, 392), ("机构", 440, 462), ("织", 515, 526), ("构", 585, 596)]),
    (503.5, [("一、本年新收政府信息公开申请数量", 71, 247), ("1381", 312, 340), ("1403", 382, 410), ("1425", 452, 480),
             ("1447", 522, 550), ("1469", 592, 620), ("1491", 662, 690), ("8616", 732, 760)]),
]
_WPS_BODY = [  # the next page
    (71.4, [("二、上年结转政府信息公开申请数量", 71, 247), ("200", 319, 340), ("201", 389, 410), ("202", 459, 480),
            ("203", 529, 550), ("204", 599, 620), ("205", 669, 690), ("1215", 732, 760)]),
    (84.2, [("三、本年度", 71, 126), ("（一）予以公开", 141, 218), ("1", 333, 340), ("2", 403, 410), ("3", 473, 480),
            ("4", 543, 550), ("5", 613, 620), ("6", 683, 690), ("21", 746, 760)]),
    (97.0, [("办理结果", 71, 115), ("（二）部分公开（区分处", 141, 262)]),
    (109.8, [("理的，只计这一情形，不", 141, 262), ("7", 333, 340), ("8", 403, 410), ("9", 473, 480), ("10", 536, 550),
             ("11", 606, 620), ("12", 676, 690), ("57", 746, 760)]),
    (122.6, [("计其他情形）", 141, 207)]),
    (135.4, [("1.属于国家", 211, 266)]),
    (141.8, [("13", 326, 340), ("14", 396, 410), ("15", 466, 480), ("16", 536, 550), ("17", 606, 620), ("18", 676, 690),
             ("93", 746, 760)]),
    (148.2, [("秘密", 211, 233)]),
]


def test_a_wps_header_and_labels_in_wide_cells_read_whole() -> None:
    """A WPS-like table 三 drawn without rules on a landscape page: ``商业`` / ``企业`` is one header
    word broken over two lines in its wide cell (``其他``, centred in a cell of the same row, stands
    on a line between them), read as two cells; its figures set at the right of their cells, the
    label area was taken to end at the first figures, so ``自然人`` (centred in its column, left of
    its figures) was no header word of a value column, and ``（二）部分公开（区分处`` was taken not
    to fill its cell: the label was cut in two, its first line joined to ``（一）予以公开``."""
    pytest.importorskip("pdfplumber")
    rows = _pages_read([_lines(_WPS_HEADER, 11.0), _lines(_WPS_BODY, 11.0)])
    assert rows == _HEADER + [_FIRST,
                              "二、上年结转政府信息公开申请数量 | 200 | 201 | 202 | 203 | 204 | 205 | 1215",
                              "三、本年度办理结果 | （一）予以公开 | 1 | 2 | 3 | 4 | 5 | 6 | 21",
                              "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 7 | 8 | 9 | 10 | 11 | 12 | 57",
                              "1.属于国家秘密 | 13 | 14 | 15 | 16 | 17 | 18 | 93"]


_NARROW = [  # table 三's rows, its label columns narrowed (WPS-like): 三、本年度办理结果 one character a line
    (597.8, [("二、上年结", 71, 126)]),
    (610.6, [("转政府信息", 71, 126)]),
    (617.0, [("200", 157, 178), ("201", 211, 232), ("202", 265, 286), ("203", 319, 340), ("204", 373, 394), ("205", 427, 448),
             ("1215", 478, 506)]),
    (623.4, [("公开申请数", 71, 126)]),
    (636.2, [("量", 71, 82)]),
    (649.0, [("三", 71, 82), ("（一）", 96, 129)]),
    (661.8, [("、", 71, 82), ("予以公", 96, 129), ("1", 164, 171), ("2", 218, 225), ("3", 272, 279), ("4", 326, 333),
             ("5", 380, 387), ("6", 434, 441), ("21", 485, 499)]),
    (674.6, [("本", 71, 82), ("开", 96, 107)]),
    (687.4, [("年", 71, 82), ("（二）", 96, 129), ("7", 164, 171), ("8", 218, 225), ("9", 272, 279), ("10", 323, 337),
             ("11", 377, 391), ("12", 431, 445), ("57", 485, 499)]),
    (700.2, [("度", 71, 82), ("部分公", 96, 129)]),
    (713.0, [("办", 71, 82), ("开（区", 96, 129)]),
    (725.8, [("理", 71, 82), ("分处理", 96, 129)]),
    (738.6, [("结", 71, 82), ("的，只", 96, 129)]),
    (751.4, [("果", 71, 82), ("计这一", 96, 129)]),
]


def test_an_item_number_cut_by_a_narrow_column_starts_its_label() -> None:
    """A label column one character wide breaks ``三、`` after ``三``: the ``、`` starting the line under
    it, the numeral alone starts a label; it was read as the rest of ``二、上年结转…申请数量`` above it."""
    pytest.importorskip("pdfplumber")
    rows = _rows_read(_lines(_NARROW, 11.0))
    assert rows[:2] == ["二、上年结转政府信息公开申请数量 | 200 | 201 | 202 | 203 | 204 | 205 | 1215",
                        "三、本年度办理结果 | （一）予以公开 | 1 | 2 | 3 | 4 | 5 | 6 | 21"]


_HEADING_UNDER = [  # the last rows of table 三 on a landscape page (no rules, cells vertically centred),
    # part 四's heading right under them, table 四's header under it
    (289.0, [("2.申请人逾", 211, 266)]),
    (301.8, [("期未按收费", 211, 266)]),
    (314.6, [("通知要求缴", 211, 266)]),
    (327.4, [("纳费用、行", 211, 266)]),
    (333.8, [("115", 319, 340), ("116", 389, 410), ("117", 459, 480), ("118", 529, 550), ("119", 599, 620), ("120", 669, 690),
             ("705", 739, 760)]),
    (340.2, [("政机关不再", 211, 266)]),
    (353.0, [("处理其政府", 211, 266)]),
    (365.8, [("信息公开申", 211, 266)]),
    (378.6, [("请", 211, 222)]),
    (391.4, [("3.其他", 211, 244), ("121", 319, 340), ("122", 389, 410), ("123", 459, 480), ("124", 529, 550), ("125", 599, 620),
             ("126", 669, 690), ("741", 739, 760)]),
    (404.2, [("（七）总计", 141, 196), ("1281", 312, 340), ("1302", 382, 410), ("1323", 452, 480), ("1344", 522, 550),
             ("1365", 592, 620), ("1386", 662, 690), ("8001", 732, 760)]),
    (417.0, [("四、结转下年度继续办理", 71, 192), ("300", 319, 340), ("302", 389, 410), ("304", 459, 480), ("306", 529, 550),
             ("308", 599, 620), ("310", 669, 690), ("1830", 732, 760)]),
    (429.8, [("四、政府信息公开行政复议、行政诉讼情况", 71, 280)]),
    (454.5, [("行政复议", 160, 204), ("行政诉讼", 510, 554)]),
]


def test_a_heading_right_under_a_table_of_centred_labels_is_text() -> None:
    """A landscape page leaves no gap under table 三: part 四's heading stands under its last row as
    a label's next line would. The table's labels are vertically centred in their rows (``2.申请人逾…``
    over and under its figures), and the last row's label starts on its figures, nothing of it over
    them: it is one line, the heading is text under the table. It was read as the rest of that label
    (GL204 ``四、结转下年度继续办理四、政府信息公开…``, part 四 missing). At the foot of a page, nothing
    under it, the lines are the rest of the row the page break cut and stay in it."""
    pytest.importorskip("pdfplumber")
    from govlint.readers.pdf import _word_tables

    lines = _lines(_HEADING_UNDER, 11.0)
    tables, rest = _word_tables(1, lines)
    b = TextBuilder()
    TableEmitter(b).emit(tables[0].rows)
    assert b.text().splitlines()[-1] == "四、结转下年度继续办理 | 300 | 302 | 304 | 306 | 308 | 310 | 1830"
    assert [ln["text"] for ln in rest][:1] == ["四、政府信息公开行政复议、行政诉讼情况"]
    # (the same at the foot of the page: the label goes on under its figures)
    tables, rest = _word_tables(1, lines[:-1])
    b = TextBuilder()
    TableEmitter(b).emit(tables[0].rows)
    assert b.text().splitlines()[-1].startswith("四、结转下年度继续办理四、政府信息公开")


_T4_WRAPPED = [  # table 四 on a landscape page (no rules, cells vertically centred, figures at the right of
    # their cells): its words wrapped in the narrow columns (结果维 / 持), centred across their cells
    (429.8, [("四、政府信息公开行政复议、行政诉讼情况", 71, 280)]),
    (454.5, [("行政复议", 160, 204), ("行政诉讼", 510, 554)]),
    (467.3, [("未经复议直接起诉", 372, 460), ("复议后起诉", 621, 676)]),
    (473.7, [("结果维", 72, 105), ("结果纠", 119, 152), ("其他结", 166, 199), ("尚未审", 212, 245)]),
    (480.1, [("总计", 264, 286), ("结果维", 306, 339), ("结果纠", 352, 385), ("其他结", 399, 432), ("尚未审", 446, 479),
             ("结果维", 539, 572), ("结果纠", 586, 619), ("其他结", 632, 665), ("尚未审", 679, 712)]),
    (486.5, [("持", 83, 94), ("正", 130, 141), ("果", 177, 188), ("结", 223, 234), ("总计", 498, 520), ("总计", 731, 753)]),
    (492.9, [("持", 317, 328), ("正", 363, 374), ("果", 410, 421), ("结", 457, 468), ("持", 550, 561), ("正", 597, 608),
             ("果", 643, 654), ("结", 690, 701)]),
    (505.7, [("3", 100, 107), ("6", 146, 153), ("9", 193, 200), ("12", 233, 247), ("30", 280, 293), ("22", 326, 340),
             ("25", 373, 387), ("28", 419, 433), ("31", 466, 480), ("106", 506, 527), ("34", 559, 573), ("37", 606, 620),
             ("40", 653, 667), ("43", 699, 713), ("154", 739, 760)]),
]


def test_a_table_4_header_of_words_wrapped_and_centred_reads_row_by_row() -> None:
    """Table 四's header drawn without rules, its words centred in their cells and wrapped in the
    narrow columns (``结果维`` / ``持``, the lines of the cells over two rows between those of the
    cells of one): the first column's words, centred over figures set at the right of their cells,
    stand left of the figures by more than two characters (they were left out of the header); a
    word's lines centred over each other give the header's leading; ``其他结`` under ``复议后起诉``
    is a word of its own (``结果维`` on the line between is no one-line word but the first of a
    wrapped one); and the columns under ``行政诉讼`` (whose text reaches none but two of them) give
    the edge between ``未经复议直接起诉`` and its words from the edge over it. The header was read
    as lines of text and one row (GL203, GL205 on every column)."""
    pytest.importorskip("pdfplumber")
    assert _rows_read(_lines(_T4_WRAPPED, 11.0)) == [
        "行政复议 | 行政诉讼",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
        "3 | 6 | 9 | 12 | 30 | 22 | 25 | 28 | 31 | 106 | 34 | 37 | 40 | 43 | 154"]


_TALL_CENTRED = [  # table 三's header, rows 0.9 cm tall, no rules at all, its words centred across their
    # cells (申请人情况 over the middle value columns only, 法人或其他组织 over three and a half)
    (102.4, [("申请人情况", 333, 388)]),
    (108.8, [("（本列数据的勾稽关系", 79, 189)]),
    (121.6, [("为：第一项加第二项之", 79, 189)]),
    (127.9, [("法人或其他组织", 322, 399)]),
    (134.4, [("和，等于第三项加第四项", 73, 194)]),
    (140.7, [("自然人", 208, 241), ("总计", 485, 507)]),
    (147.1, [("之和）", 117, 150), ("商业", 259, 281), ("科研", 304, 326), ("社会公", 344, 377), ("法律服", 389, 422)]),
    (153.5, [("其他", 440, 462)]),
    (159.9, [("企业", 259, 281), ("机构", 304, 326), ("益组织", 344, 377), ("务机构", 389, 422)]),
    (172.7, [("一、本年新收政府信息公", 71, 192)]),
    (179.1, [("1381", 207, 235), ("1403", 252, 280), ("1425", 298, 326), ("1447", 343, 371), ("1469", 388, 416),
             ("1491", 434, 462), ("8616", 479, 507)]),
    (185.5, [("开申请数量", 71, 126)]),
    (198.3, [("二、上年结转政府信息公", 71, 192)]),
    (204.7, [("200", 207, 228), ("201", 252, 273), ("202", 298, 319), ("203", 343, 364), ("204", 388, 409), ("205", 434, 455),
             ("1215", 479, 507)]),
    (211.1, [("开申请数量", 71, 126)]),
]


def test_a_tall_header_of_centred_words_without_rules_reads_row_by_row() -> None:
    """A header of rows set taller than their text, its words centred across their cells, drawn
    without any rule: only the columns under ``申请人情况`` stack a cell of each row and give the
    sum of the header's edges; no column of an even number of cells gives their difference (that
    of ``法人或其他组织`` / ``法律服务机构`` lacks the row over them), and no rule the top. The
    header ends where the body starts (its first line's top); ``自然人`` was read in the row of the
    words under ``法人或其他组织``, the figures of every row one column off."""
    pytest.importorskip("pdfplumber")
    assert _rows_read(_lines(_TALL_CENTRED, 11.0))[:4] == _HEADER + [_FIRST]


def test_a_corner_cell_the_page_break_cut_is_read_whole() -> None:
    """Table 三's header cut by the page break after its second line: the corner cell's first lines
    at the foot of one page, its rest (``和，等于第三项加第四项``, centred in the cell's part on the
    next page) beside ``企业``, a line further down than the next line of a cell stands. The corner
    words filled their cell: the rest goes on in it. It was read as a label cell of the header's
    last row (GL205)."""
    pytest.importorskip("pdfplumber")
    from govlint.readers.pdf import _header_carried, _Line, _word_tables

    foot = _lines([
        (458.0, [("三、收到和处理政府信息公开申请情况", 71, 258)]),
        (482.7, [("（本列数据的勾稽关系", 71, 181), ("申请人情况", 207, 262)]),
        (495.5, [("为：第一项加第二项之", 71, 181), ("自然人", 207, 240), ("法人或其他组织", 252, 329), ("总计", 479, 501)]),
    ])
    top = _lines([
        (71.4, [("商业", 252, 274), ("科研", 298, 320), ("社会公", 343, 376), ("法律服", 388, 421)]),
        (77.8, [("其他", 434, 456)]),
        (84.2, [("和，等于第三项加第四项", 71, 192), ("企业", 252, 274), ("机构", 298, 320), ("益组织", 343, 376),
                ("务机构", 388, 421)]),
    ] + [(t - 268.4, segs) for t, segs in _BODY])
    carry = [(ln, _Line(2, ln["text"], ln["top"], ln["bottom"], ln["x0"], ln["x1"], 11.0)) for ln in foot]
    tables, rest = _word_tables(3, top)
    tables, rest, taken = _header_carried(3, carry, [], tables, top, rest)
    b = TextBuilder()
    TableEmitter(b).emit(tables[0].rows)
    assert b.text().splitlines()[:4] == [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项 | 申请人情况"] + _HEADER[1:] + [_FIRST]


_T4_CUT_FOOT = [  # table 四's header at the foot of a page (LibreOffice, 19.3 cm page, outer frame only,
    # cells vertically centred): its words one character a line in the narrow columns, the page break
    # falling in the cells of its last row
    (408.5, [("四、政府信息公开行政复议、行政诉讼情况", 71, 280)]),
    (433.7, [("行政复议", 71, 115), ("行政诉讼", 222, 266)]),
    (446.5, [("结", 71, 82), ("结", 101, 112), ("其", 131, 142), ("尚", 162, 173), ("总", 192, 203), ("未经复议直接起诉", 222, 310),
             ("复议后起诉", 373, 428)]),
    (459.3, [("果", 71, 82), ("果", 101, 112), ("他", 131, 142), ("未", 162, 173), ("计", 192, 203), ("结", 222, 233),
             ("结", 252, 263), ("其", 282, 293), ("尚", 313, 324), ("总", 343, 354), ("结", 373, 384), ("结", 403, 414),
             ("其", 433, 444), ("尚", 464, 475), ("总", 494, 505)]),
]
_T4_CUT_TOP = [  # the next page: the rest of each cut cell centred in its part there, by its own lines
    # (``维`` / ``持`` under ``结`` / ``果`` a line lower than ``果`` / ``维`` / ``持`` under ``结``), and
    # the totals 106 and 154 wrapped in their cells (``10`` / ``6``) around the row's line
    (71.4, [("果", 222, 233), ("果", 252, 263), ("他", 282, 293), ("未", 313, 324), ("果", 373, 384), ("果", 403, 414),
            ("他", 433, 444), ("未", 464, 475)]),
    (84.2, [("维", 222, 233), ("纠", 252, 263), ("结", 282, 293), ("审", 313, 324), ("计", 343, 354), ("维", 373, 384),
            ("纠", 403, 414), ("结", 433, 444), ("审", 464, 475), ("计", 494, 505)]),
    (90.6, [("维", 71, 82), ("纠", 101, 112), ("结", 131, 142), ("审", 162, 173)]),
    (97.0, [("持", 222, 233), ("正", 252, 263), ("果", 282, 293), ("结", 313, 324), ("持", 373, 384), ("正", 403, 414),
            ("果", 433, 444), ("结", 464, 475)]),
    (103.4, [("持", 71, 82), ("正", 101, 112), ("果", 131, 142), ("结", 162, 173)]),
    (112.5, [("10", 343, 357), ("15", 494, 508)]),
    (118.9, [("3", 71, 78), ("6", 101, 108), ("9", 131, 138), ("12", 162, 176), ("30", 192, 206), ("22", 222, 236),
             ("25", 252, 266), ("28", 282, 296), ("31", 313, 327), ("34", 373, 387), ("37", 403, 417), ("40", 433, 447),
             ("43", 464, 478)]),
    (125.3, [("6", 343, 350), ("4", 494, 501)]),
    (141.4, [("五、存在的主要问题及改进情况", 71, 225)]),
]
_T4_ROWS = [
    "行政复议 | 行政诉讼",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
    "3 | 6 | 9 | 12 | 30 | 22 | 25 | 28 | 31 | 106 | 34 | 37 | 40 | 43 | 154"]


def test_a_table_4_header_the_page_break_cut_in_its_wrapped_words_is_joined_column_by_column() -> None:
    """Table 四's header drawn without inside rules, cut by the page break in its last row: each cut
    cell's rest is centred in its part on the next page by its own lines, so the rests of cells of
    different lengths stand at different heights (``维`` a line under ``果`` of the cell beside it).
    Each goes on with the cell over it in its column, the first piece under it on the new page; set
    right over the new page's table by position, ``维`` / ``持`` stood a line below ``果`` and were
    read as cells of their own (GL203, GL205 on table 四, its figures out of the checks)."""
    pytest.importorskip("pdfplumber")
    from govlint.readers.pdf import _header_carried, _Line, _word_tables

    foot = _lines(_T4_CUT_FOOT)
    top = _lines(_T4_CUT_TOP)
    carry = [(ln, _Line(7, ln["text"], ln["top"], ln["bottom"], ln["x0"], ln["x1"], 11.0)) for ln in foot]
    tables, rest = _word_tables(8, top)
    tables, rest, taken = _header_carried(8, carry, [], tables, top, rest)
    assert taken == {id(line) for _, line in carry[1:]}  # not the part's heading
    b = TextBuilder()
    TableEmitter(b).emit(tables[0].rows)
    assert b.text().splitlines() == _T4_ROWS
    assert [ln["text"] for ln in rest] == ["五、存在的主要问题及改进情况"]


_T4_FOOT = [  # table 四 at the foot of a page (LibreOffice, outer frame only, header rows 0.9 cm, cells
    # vertically centred): the page break falls in its row of figures, 106 and 154 wrapped in their
    # narrow cells (``10`` / ``6``), their last digits on the next page
    (678.8, [("未经复议直接起诉", 248, 336), ("复议后起诉", 416, 471)]),
    (685.2, [("结", 75, 86), ("结", 105, 116), ("其", 136, 147), ("尚", 166, 177)]),
    (698.0, [("果", 75, 86), ("果", 105, 116), ("他", 136, 147), ("未", 166, 177), ("总", 196, 207), ("结", 226, 237),
             ("结", 256, 267), ("其", 287, 298), ("尚", 317, 328), ("结", 377, 388), ("结", 407, 418), ("其", 438, 449),
             ("尚", 468, 479)]),
    (710.8, [("维", 75, 86), ("纠", 105, 116), ("结", 136, 147), ("审", 166, 177), ("计", 196, 207), ("果", 226, 237),
             ("果", 256, 267), ("他", 287, 298), ("未", 317, 328), ("总", 347, 358), ("果", 377, 388), ("果", 407, 418),
             ("他", 438, 449), ("未", 468, 479), ("总", 498, 509)]),
    (723.6, [("持", 75, 86), ("正", 105, 116), ("果", 136, 147), ("结", 166, 177), ("维", 226, 237), ("纠", 256, 267),
             ("结", 287, 298), ("审", 317, 328), ("计", 347, 358), ("维", 377, 388), ("纠", 407, 418), ("结", 438, 449),
             ("审", 468, 479), ("计", 498, 509)]),
    (736.4, [("持", 226, 237), ("正", 256, 267), ("果", 287, 298), ("结", 317, 328), ("持", 377, 388), ("正", 407, 418),
             ("果", 438, 449), ("结", 468, 479)]),
    (749.2, [("3", 71, 78), ("6", 101, 108), ("9", 131, 138), ("12", 162, 176), ("30", 192, 206), ("22", 222, 236),
             ("25", 252, 266), ("28", 282, 296), ("31", 313, 327), ("10", 343, 357), ("34", 373, 387), ("37", 403, 417),
             ("40", 433, 447), ("43", 464, 478), ("15", 494, 508)]),
]
_RUNNING = [(36.5, [("××局2021年政府信息公开工作年度报告", 195, 400)])]
_NEXT = [(84.7, [("五、存在的主要问题及改进情况", 71, 225)])]


@pytest.mark.parametrize("rest, read", [
    pytest.param([("6", 343, 350), ("4", 494, 501)], ["106", "154"], id="cut"),
    # (digits under a figure that left room in its cell, or under no figure: no rest of one)
    pytest.param([("6", 101, 108)], ["10", "15"], id="not-full"),
    pytest.param([("6", 420, 427)], ["10", "15"], id="between"),
    pytest.param([("666", 343, 364)], ["10", "15"], id="wider"),
    # (a line of text: no rest of a figure)
    pytest.param([("6", 343, 350), ("个", 494, 505)], ["10", "15"], id="text"),
])
def test_figures_the_page_break_cut_in_a_table_without_rules_are_put_back_together(rest, read) -> None:
    """Table 四 drawn without inside rules at the foot of a page, the break falling in its row of
    figures: 106 and 154, wrapped in their narrow cells, lose their last digits to the top of the
    next page (under the running header), in their columns. They are read whole; the digits were
    a line of text (``6 4``) and the figures 10 and 15 (GL212, GL211, two GL304)."""
    pytest.importorskip("pdfplumber")
    from govlint.readers.pdf import _cut_figures, _word_tables

    tables, _ = _word_tables(4, _lines(_T4_FOOT))
    running = _lines(_RUNNING)
    page = running + _lines([(71.4, rest)] + _NEXT)
    left = _cut_figures(tables[0], page, running, 842.0)
    last = [c.text for c in tables[0].rows[-1]]
    assert last[:9] == ["3", "6", "9", "12", "30", "22", "25", "28", "31"] and [last[9], last[14]] == read
    assert len(left) == len(page) - (read == ["106", "154"])
    # (a table at the top of the next page, over the digits: they are its own)
    tables, _ = _word_tables(4, _lines(_T4_FOOT))
    assert _cut_figures(tables[0], page, running, 60.0) == page and tables[0].rows[-1][9].text == "10"
