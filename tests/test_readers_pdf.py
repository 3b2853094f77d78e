"""PDF reader: bad input (scanned, encrypted, damaged, extra missing) and tables across pages."""

from __future__ import annotations

import hashlib
import struct
import sys

import attrs
import pytest
from pdfbytes import make_pdf

from govlint.errors import InputError
from govlint.readers._layout import GridCell, TableEmitter, TextBuilder
from govlint.readers.pdf import _join_tables, _Line, _Table, read_pdf

pytest.importorskip("pdfplumber")

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


PAGE = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"]


def test_scanned_pdf_without_text_layer():
    # a page that only draws (as a scan's image would): no text at all
    drawing = b"0 0 1 rg 50 50 400 600 re f"
    pdf = make_pdf(PAGE + [b"<< /Length %d >>\nstream\n%s\nendstream" % (len(drawing), drawing)])
    with pytest.raises(InputError) as exc:
        read_pdf(pdf, "scan.pdf")
    assert exc.value.code == "GL007" and "扫描" in exc.value.zh and "OCR" in exc.value.en


def test_encrypted_pdf():
    user, owner, perms, file_id = b"user", b"owner", -44, b"0123456789abcdef"
    o = _rc4(hashlib.md5((owner + _PAD)[:32]).digest()[:5], (user + _PAD)[:32])
    key = hashlib.md5((user + _PAD)[:32] + o + struct.pack("<i", perms) + file_id).digest()[:5]
    u = _rc4(key, _PAD)
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (o.hex().encode(), u.hex().encode(), perms)
    pdf = make_pdf(PAGE + [b"<< /Length 0 >>\nstream\n\nendstream", encrypt],
                   b"/Encrypt 5 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode()))
    with pytest.raises(InputError) as exc:
        read_pdf(pdf, "locked.pdf")
    assert exc.value.code == "GL007" and "加密" in exc.value.zh and "encrypted" in exc.value.en


@pytest.mark.parametrize("data,code", [
    (b"", "GL002"),
    (b"PK\x03\x04 a zip, not a pdf", "GL011"),
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n garbage without xref or pages", None),
])
def test_damaged(data, code):
    with pytest.raises(InputError) as exc:
        read_pdf(data, "bad.pdf")
    assert exc.value.code.startswith("GL0") and exc.value.zh and exc.value.en
    if code:
        assert exc.value.code == code


def test_truncated_pdf():
    drawing = b"0 0 1 rg 50 50 400 600 re f"
    pdf = make_pdf(PAGE + [b"<< /Length %d >>\nstream\n%s\nendstream" % (len(drawing), drawing)])
    with pytest.raises(InputError) as exc:
        read_pdf(pdf[: len(pdf) // 3], "cut.pdf")
    assert exc.value.code in ("GL007", "GL011")


def test_missing_extra_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(InputError) as exc:
        read_pdf(b"%PDF-1.4\n", "r.pdf")
    assert exc.value.code == "GL007" and "govlint[pdf]" in exc.value.zh and "govlint[pdf]" in exc.value.en


# ----------------------------------------------------------------------------- tables across pages


def _table(page: int, rows: list[list[tuple[str, float, float, int]]], top: float = 72.0) -> _Table:
    """rows of (text, x0, x1, rowspan)."""
    grid, boxes = [], {}
    for r, row in enumerate(rows):
        out = []
        for text, x0, x1, rs in row:
            c = GridCell(text, [-1] * len(text), row=r, rowspan=rs, locator=f"第{page}页 表1 第{r + 1}行")
            boxes[id(c)] = (x0, x1)
            out.append(c)
        grid.append(out)
    return _Table(page, 1, top, 700.0, (0.0, 300.0), grid, boxes)


def _emit(tables: list[_Table], lines: list[_Line] = ()) -> list[str]:
    b = TextBuilder()
    e = TableEmitter(b)
    for t in _join_tables(tables, list(lines)):
        e.emit(t.rows)
    return b.text().rstrip("\n").split("\n")


HEADER = [("项目", 0, 100, 1), ("自然人", 100, 200, 1), ("总计", 200, 300, 1)]


def test_row_cut_by_the_page_break_is_put_back_together():
    p1 = _table(1, [HEADER, [("一、本年新收政府", 0, 100, 1), ("3", 100, 200, 1), ("3", 200, 300, 1)]])
    p2 = _table(2, [[("信息公开申请数量", 0, 100, 1), ("", 100, 200, 1), ("", 200, 300, 1)],
                    [("四、结转下年度继续办理", 0, 100, 1), ("", 100, 200, 1), ("0", 200, 300, 1)]])
    assert _emit([p1, p2]) == ["项目 | 自然人 | 总计", "一、本年新收政府信息公开申请数量 | 3 | 3",
                               "四、结转下年度继续办理 |  | 0"]


def test_repeated_header_is_dropped_and_columns_unified():
    # page 1 shows no boundary at x=150 (a merged cell); page 2 does
    p1 = _table(1, [HEADER, [("二、上年结转", 0, 100, 1), ("0", 100, 200, 1), ("0", 200, 300, 1)]])
    p2 = _table(2, [HEADER, [("三、结果", 0, 100, 1), ("1", 100, 150, 1), ("2", 150, 200, 1), ("3", 200, 300, 1)]])
    out = _emit([p1, p2])
    assert out == ["项目 | 自然人 | 总计", "二、上年结转 | 0 | 0", "三、结果 | 1 | 2 | 3"]


def test_text_between_pages_keeps_tables_apart():
    p1 = _table(1, [HEADER, [("二、上年结转", 0, 100, 1), ("0", 100, 200, 1), ("0", 200, 300, 1)]], top=500)
    p2 = _table(2, [HEADER], top=400)
    words = _Line(2, "四、政府信息公开行政复议、行政诉讼情况", 100, 112, 0, 200, 12)
    assert len(_join_tables([p1, p2], [words])) == 2
    assert len(_join_tables([p1, p2], [])) == 1


H4 = [("项目", 0, 100, 1), ("", 100, 150, 1), ("自然人", 150, 200, 1), ("总计", 200, 300, 1)]


def test_group_label_cut_by_the_page_break_is_one_cell():
    """``（五）不予处理`` spans its five rows; the page break falls after its first row, so the rest
    of its text is drawn in a cell of its own at the top of the next page: it is the same label (the
    next group's label, which starts with its numbering, and the rows' own labels stay apart)."""
    p1 = _table(1, [H4, [("（五）", 0, 100, 1), ("1.信访举报投诉类申请", 100, 150, 1), ("0", 150, 200, 1), ("0", 200, 300, 1)]])
    p2 = _table(2, [[("不予处理", 0, 100, 2), ("2.重复申请", 100, 150, 1), ("1", 150, 200, 1), ("1", 200, 300, 1)],
                    [("3.要求提供公开出版物", 100, 150, 1), ("2", 150, 200, 1), ("2", 200, 300, 1)],
                    [("（六）其他处理", 0, 100, 1), ("1.其他", 100, 150, 1), ("3", 150, 200, 1), ("3", 200, 300, 1)]])
    out = _emit([p1, p2])
    assert out[1] == "（五）不予处理 | 1.信访举报投诉类申请 | 0 | 0"
    assert out[2:] == ["2.重复申请 | 1 | 1", "3.要求提供公开出版物 | 2 | 2", "（六）其他处理 | 1.其他 | 3 | 3"]
    # a row's own label (no label after it) is never joined to the next page's first row
    q1 = _table(1, [H4, [("行政处罚", 0, 150, 1), ("0", 150, 200, 1), ("0", 200, 300, 1)]])
    q2 = _table(2, [[("行政强制", 0, 150, 1), ("1", 150, 200, 1), ("1", 200, 300, 1)]])
    assert _emit([q1, q2])[1:] == ["行政处罚 | 0 | 0", "行政强制 | 1 | 1"]



def test_header_row_cut_by_the_page_break_goes_on_in_its_cells():
    """A header row the page break cut (Word lets rows break across pages): its cells drawn again in
    the same columns at the top of the next page go on with their text (``总`` / ``计``); the cells
    under a wider one (``商业企业`` under ``法人或其他组织``) start the header's next row."""
    p1 = _table(1, [[("（本列数据的", 0, 100, 1), ("自", 100, 200, 1), ("法人或其他组织", 200, 400, 1), ("总", 400, 500, 1)]])
    p2 = _table(2, [[("勾稽关系为）", 0, 100, 1), ("然人", 100, 200, 1), ("商业企业", 200, 300, 1), ("其他", 300, 400, 1),
                     ("计", 400, 500, 1)],
                    [("一、本年新收", 0, 100, 1), ("3", 100, 200, 1), ("2", 200, 300, 1), ("1", 300, 400, 1), ("6", 400, 500, 1)]])
    assert _emit([p1, p2]) == ["（本列数据的勾稽关系为） | 自然人 | 法人或其他组织 | 总计", "商业企业 | 其他",
                               "一、本年新收 | 3 | 2 | 1 | 6"]
    # a header complete on the page before: a body row of text only (its cells blank) is no rest of it
    q1 = _table(1, [[("项目", 0, 100, 1), ("自然人", 100, 200, 1), ("总计", 200, 300, 1)]])
    q2 = _table(2, [[("四、结转下年度继续办理", 0, 100, 1), ("", 100, 200, 1), ("", 200, 300, 1)]])
    assert _emit([q1, q2]) == ["项目 | 自然人 | 总计", "| 四、结转下年度继续办理 |  |"]

def test_a_line_cut_short_before_closing_punctuation_goes_on():
    """``）》，`` may not start a line: the characters before them go to the next line with them,
    and the line before stops short by their width; it is still the same paragraph."""
    from govlint.readers.pdf import _paragraphs

    full = _Line(1, "根据《中华人民共和国政府信息公开条例》的有关规定，现对本机关年度报告予以公", 100, 112, 50, 550, 12)
    short = _Line(1, "布。对《市本级进驻市政务大厅服务中心政务服务事项清单（2022", 115, 127, 50, 514, 12)
    cont = _Line(1, "版）》等政策分别做了解读回应。", 130, 142, 50, 230, 12)
    out = _paragraphs([full, short, cont])
    assert [ln.text for ln in out] == [full.text + short.text + cont.text]
    # a line that simply ends short is a paragraph's end
    nxt = _Line(1, "二是主动公开机构概况。", 130, 142, 50, 182, 12)
    assert len(_paragraphs([full, short, nxt])) == 2


def _pdf_with_lines(*ops: bytes) -> bytes:
    """One page in a simple font whose ToUnicode map reads the letters a, b, c as 年, 月, 日 (1 em
    wide; digits 0.5 em, the space 0.25 em), the lines written with TJ (``ops``, one per line)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"3 beginbfchar <61> <5E74> <62> <6708> <63> <65E5> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    widths = b" ".join(b"250" if c == 32 else b"500" if 48 <= c <= 57 else b"1000" for c in range(32, 123))
    content = b"".join(b"BT /F1 16 Tf 72 %d Td [%s] TJ ET\n" % (700 - 40 * i, op) for i, op in enumerate(ops))
    return make_pdf([PAGE[0], PAGE[1],
                     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                     b"/Resources << /Font << /F1 5 0 R >> >> >>",
                     b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                     b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 122 "
                     b"/Widths [" + widths + b"] /ToUnicode 6 0 R >>",
                     b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"])


def test_the_gap_between_chinese_and_digits_is_not_a_space():
    """Word and LibreOffice set a gap (0.2–0.25 em, no character) between Chinese characters and
    half-width digits or letters; in a report set in 三号 (16pt) the gap is wider than pdfplumber's
    3pt word gap, and ``2023年3月15日`` came out as ``2023 年 3 月 15 日`` — a date, a document
    number or a figure the rules then did not see (GL703 on the closing date line, GL604, GL503).
    A space typed in the document (a blank glyph) stays."""
    gap = b"(2023) -200 (a) -200 (3) -200 (b) -200 (15) -200 (c)"
    typed = b"(2023 a) -200 (3b)"
    lines = read_pdf(_pdf_with_lines(gap, typed)).text.split("\n")
    assert "2023年3月15日" in lines
    assert "2023 年3月" in lines


def test_a_paragraph_set_apart_by_spacing_is_not_joined_to_the_line_above():
    """A title as wide as the page (an A5 page, a long agency name) ends at the right margin like a
    wrapped line; set apart from the paragraph under it by more than the lines of a paragraph are
    (Word's spacing after a paragraph), it is a paragraph of its own — it was joined to the
    paragraph under it and the report had no title (GL104)."""
    from govlint.readers.pdf import _paragraphs

    title = _Line(1, "益阳市行政审批服务局2022年政府信息公开工作年度报告", 72, 84, 50, 550, 12)
    body = [_Line(1, "根据《中华人民共和国政府信息公开条例》的有关规定，现对益阳市行政审批服务局", 100, 112, 50, 550, 12),
            _Line(1, "2022年政府信息公开工作年度报告予以公布，本报告数据统计时限为2022年1月1日至", 115, 127, 50, 550, 12),
            _Line(1, "2022年12月31日。", 130, 142, 50, 150, 12)]
    out = _paragraphs([title] + body)
    assert [ln.text for ln in out] == [title.text, "".join(ln.text for ln in body)]
    # lines as far apart as the paragraph's own go on
    close = _Line(1, title.text, 85, 97, 50, 550, 12)
    assert len(_paragraphs([close] + [attrs.evolve(ln) for ln in body])) == 1


def test_a_running_header_wrapped_over_two_lines_is_left_out():
    """A long running header on a narrow page in large type wraps: its second line (``报告``) stands
    below the top margin, the same, in the same place on every page. It was kept, and joined to a
    part heading that ended the page above (GL103 ``…申请情况报告``)."""
    from types import SimpleNamespace

    from govlint.readers.pdf import _drop_margins

    pages = [SimpleNamespace(height=595.0)] * 3
    lines = []
    for p in (1, 2, 3):
        lines += [_Line(p, "××局2021年政府信息公开工作年度", 37 + 0.4 * p, 52, 60, 360, 16),
                  _Line(p, "报告", 55 - 0.4 * p, 70, 60, 92, 16),
                  _Line(p, f"第{p}页的正文。", 300, 316, 60, 200, 16)]
    lines.append(_Line(3, "报告", 400, 416, 60, 92, 16))  # the same words elsewhere on a page: text
    kept = [(ln.page, ln.text) for ln in _drop_margins(lines, pages)]
    assert kept == [(1, "第1页的正文。"), (2, "第2页的正文。"), (3, "第3页的正文。"), (3, "报告")]


def _text_line(top: float, *parts: tuple[float, str], size: float = 10.0) -> dict:
    """A text line as pdfplumber gives it (its characters with their boxes), its parts written from
    the x given, one character ``size`` wide, the parts joined by a space in its text."""
    chars = [{"text": ch, "x0": x + k * size, "x1": x + (k + 1) * size, "top": top, "bottom": top + size, "size": size}
             for x, text in parts for k, ch in enumerate(text)]
    return {"text": " ".join(t for _, t in parts), "x0": chars[0]["x0"], "x1": chars[-1]["x1"], "top": top,
            "bottom": top + size, "chars": chars}


def test_text_set_in_two_columns_is_read_column_by_column():
    """A section set in two columns (分栏): pdfplumber joins the lines of both columns standing at one
    height into one line; they are read as the left column, then the right one, and a line filling
    the left column goes on at the head of the right one (the text was read across the columns:
    unpaired 《》, GL605, figures of one sentence set in another)."""
    from govlint.readers.pdf import _columns, _paragraphs

    left = ["本机关认真贯彻落实《条例》，", "坚持以公开为常态、不公开为例", "外的原则，二是主动公开《政府", "信息公开指南》，更新目录共计"]
    right = ["十二项，全年未收取信息处理费", "。三是全年收到申请共计十二件", "，均已按期答复，无行政复议和", "行政诉讼。"]
    title = "本机关在这一年里做了下面这些事情，分两栏写在下面。"  # (across the page)
    lines = [_text_line(50, (50, title))]
    lines += [_text_line(70 + 15 * k, (50, a), (205, b)) for k, (a, b) in enumerate(zip(left, right))]
    lines.append(_text_line(145, (50, "二、主动公开政府信息情况：下面的表格写的是全年的数")))
    out = _columns(lines)
    assert [ln["text"] for ln in out] == [title] + left + right + [lines[-1]["text"]]
    made = [_Line(1, ln["text"], ln["top"], ln["bottom"], ln["x0"], ln["x1"], 10, ln.get("key", -1.0),
                  ln.get("column", 0), ln.get("right")) for ln in out]
    made.sort(key=lambda ln: ln.key)
    assert [ln.text for ln in _paragraphs(made)][1] == "".join(left + right)
    # a table drawn without rules (words and figures set apart) is no text in two columns
    rows = [_text_line(70 + 15 * k, (50, label), (275, "0"), (330, "0")) for k, label in enumerate(["规章", "行政规范性文件", "行政许可"])]
    assert _columns(rows) == rows
    heads = [("信息内容", "本年处理决定数量"), ("行政处罚", "0"), ("信息内容", "本年收费金额（单位：万元）"),
             ("行政事业性收费", "0"), ("信息内容", "本年处理决定数量")]
    block = [_text_line(70 + 15 * k, (50, a), (184, b)) for k, (a, b) in enumerate(heads)]
    assert _columns(lines[:1] + block) == lines[:1] + block
    # a page in one column, and a table's rows of figures, are left as they are
    plain = [_text_line(70 + 15 * k, (50, a + b)) for k, (a, b) in enumerate(zip(left, right))]
    assert _columns(plain) == plain
