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
    # no rule at all: nothing gives the header's top (what is left to do)
    assert _read_header(_lines(_CENTRED_TALL), []) != _HEADER + [_FIRST]
