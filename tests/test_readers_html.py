"""HTML reader: decoding, finding the report body, tables with merged cells, positions, bad input."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine
from govlint.errors import InputError
from govlint.readers.html import decode_html, read_html
from test_shapes import DATA

TABLE3_HEAD = """<table border="1">
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研<br/>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"""


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body>{body}</body></html>".encode("utf-8")


def lines(src) -> list[str]:
    return src.text.rstrip("\n").split("\n")


# ----------------------------------------------------------------------------- decoding


def test_utf8_bom_and_plain_utf8():
    text, enc, bom = decode_html("\ufeff<p>年度报告</p>".encode("utf-8"))
    assert (text, enc, bom) == ("<p>年度报告</p>", "utf-8", True)
    assert decode_html("<p>年度报告</p>".encode("utf-8"))[1] == "utf-8"


@pytest.mark.parametrize("label", ["gb2312", "GBK", "x-gbk", "gb18030"])
def test_declared_gb_family_is_widened_to_gb18030(label):
    # 𠮷 and ㈠ are not in GB2312; a page labelled gb2312 often holds them anyway
    body = "<p>" + "二、主动公开政府信息情况 𠮷 ㈠ " * 400 + "结尾</p>"
    data = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}"></head><body>{body}</body></html>'
    text, enc, _ = decode_html(data.encode("gb18030"))
    assert enc == "gb18030" and "𠮷" in text and text.endswith("</html>")


def test_gbk_page_is_read_to_the_end():
    """The whole GBK page reaches the parser (no parser re-decoding the page from its meta tag)."""
    body = "".join(f"<p>第{i}段：政府信息公开工作。</p>" for i in range(3000)) + "<p>最后一段</p>"
    data = f'<html><head><meta charset="gbk"></head><body>{body}</body></html>'.encode("gbk")
    src = read_html(data, "p.html")
    assert src.encoding == "gb18030"
    assert lines(src)[-1] == "最后一段" and len(lines(src)) == 3001


def test_xml_declaration_encoding():
    data = '<?xml version="1.0" encoding="gbk"?><html><body><p>行政复议</p></body></html>'.encode("gbk")
    assert decode_html(data)[1] == "gb18030"


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO-8859-1", "windows-1252", "latin1"])
def test_a_gbk_page_declared_latin_1_is_read_as_gb(label):
    """A site's template left declaring Latin-1 over GBK pages: the bytes are read as GB characters
    (Latin-1 decodes any byte, into mojibake), not as "text garbled and saved so"."""
    body = "<h1>某某局2022年政府信息公开工作年度报告</h1>" + "<p>本年新收政府信息公开申请数量为三件，均已办结。</p>" * 3
    data = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}"></head><body>{body}</body></html>'
    text, enc, _ = decode_html(data.encode("gbk"))
    assert enc == "gb18030" and "本年新收政府信息公开申请数量" in text
    # a page in Latin-1 that says so is read so
    latin = f'<html><head><meta charset="{label}"></head><body><p>Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve</p></body></html>'
    text, enc, _ = decode_html(latin.encode("latin-1"))
    assert "Café crème brûlée, naïve" in text


def test_undeclared_gbk_is_detected():
    data = ("<html><body>" + "<p>本年新收政府信息公开申请数量为三件，均已办结。</p>" * 20 + "</body></html>").encode("gbk")
    text, enc, _ = decode_html(data)
    assert "本年新收政府信息公开申请数量" in text


# ----------------------------------------------------------------------------- the body


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_page_without_a_byte_order_mark(enc):
    """A page a Windows editor saved as "Unicode" without its byte-order mark: its zero bytes are
    the high bytes of ASCII, not binary data."""
    page = "<html><head><meta charset=\"utf-16\"></head><body><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>"
    text, found, bom = decode_html(page.encode(enc))
    assert (text, found, bom) == (page, enc, False)


def test_navigation_scripts_and_footer_are_skipped_and_title_found():
    body = """
<div class="header"><div class="logo">某某市人民政府</div><ul class="nav"><li>首页</li><li>政务公开</li></ul></div>
<div class="location">当前位置：首页 &gt; 年度报告</div>
<div class="main"><h1>某某局2023年政府信息公开工作年度报告</h1>
<div class="info">发布日期：2024-01-20</div>
<div class="content"><script>document.write("<p>脚本</p>")</script><style>p{color:red}</style>
<p>一、总体情况</p><p>本年度……</p><p style="display:none">隐藏的字</p><!-- 注释 --></div></div>
<div class="footer">版权所有 网站标识码</div>"""
    src = read_html(page(body), "p.html")
    out = lines(src)
    assert out[0] == "某某局2023年政府信息公开工作年度报告"
    assert "一、总体情况" in out and "本年度……" in out
    joined = "\n".join(out)
    for junk in ("首页", "当前位置", "脚本", "color", "隐藏", "注释", "版权所有"):
        assert junk not in joined


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_list_of_links_longer_than_the_report_is_not_taken_for_it(where):
    """Sidebars of news and lists of related documents are mostly links: the body is looked for by
    the text that is not links, so even a list longer than a short report does not displace it."""
    plain = rs.to_html(DATA).data.decode("utf-8")
    links = "".join(f'<li><a href="/a{i}">关于印发某某市第{i}批政府信息公开目录及配套制度实施细则的通知'
                    f"（某政办发〔2022〕{i}号）</a><span>2022-03-{10 + i % 20}</span></li>" for i in range(60))
    block = f'<div class="col"><h3>延伸阅读</h3><ul>{links}</ul></div>'
    if where == "before":
        changed = plain.replace('<div class="article">', block + '<div class="article">')
    else:
        changed = plain.replace("</body>", block + "</body>")
    assert changed != plain
    report_text = "".join(read_html(plain.encode("utf-8")).text.split())
    assert len(re.sub(r"<[^>]+>", "", links)) > len(report_text)  # (the list is longer than the report)

    src = read_html(changed.encode("utf-8"), "p.html")
    assert "延伸阅读" not in src.text and "实施细则的通知" not in src.text

    def found(page: str) -> list:
        result = default_engine().lint_bytes(page.encode("utf-8"), "p.html")
        return sorted((d.code, d.table, d.row, d.col) for d in result.diagnostics)

    assert found(changed) == found(plain)


def test_page_without_a_report_is_gl005(tmp_path):
    f = tmp_path / "nav.html"
    f.write_bytes(page('<div class="nav">首页 新闻</div><div class="content"><p>欢迎访问本网站，今日天气晴。</p></div>'))
    result = default_engine().lint_path(f)
    assert [d.code for d in result.diagnostics] == ["GL005"] and result.fatal


# ----------------------------------------------------------------------------- tables


def test_merged_header_is_row_major_with_labels_once():
    body = TABLE3_HEAD + """
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td colspan="2">（二）部分公开</td><td>2</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>0</td><td></td></tr>
</table>"""
    out = lines(read_html(page(body)))
    assert out == [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况",
        "自然人 | 法人或其他组织 | 总计",
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
        "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3",
        "三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        "| （二）部分公开 | 2 |  | 0 | 0 | 0 | 0 |  |",
    ]


def test_layout_blanks_are_dropped_blank_values_kept():
    body = """<table>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>本年处理决定数量</td><td></td><td></td></tr>
<tr><td>行政许可</td><td>5</td><td></td><td></td></tr>
<tr><td></td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>1</td><td></td><td>2</td></tr>
</table>"""
    assert lines(read_html(page(body))) == [
        "第二十条第（五）项", "信息内容 | 本年处理决定数量", "行政许可 | 5",
        "本年制发件数 | 本年废止件数 | 现行有效件数", "规章 | 1 |  | 2",
    ]


def test_nested_layout_table_and_split_table():
    inner1 = TABLE3_HEAD + "</table>"
    inner2 = ('<table><tr><td colspan="3">二、上年结转政府信息公开申请数量</td>'
              "<td>0</td><td>0</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>")
    body = f'<table width="100%"><tr><td><p>三、收到和处理政府信息公开申请情况</p>{inner1}<p></p>{inner2}</td></tr></table>'
    out = lines(read_html(page(body)))
    assert out[0] == "三、收到和处理政府信息公开申请情况"
    assert out[1].startswith("（本列数据") and out[3].startswith("商业企业")
    # the second table continues the first: its blank value is kept
    assert out[4] == "二、上年结转政府信息公开申请数量 | 0 | 0 |  | 0 | 0 | 0 | 0"


def test_malformed_html_still_reads():
    body = ("<p>一、总体情况<p>正文<b>加粗</i></p></span><table><tr><td>行政复议<td>行政诉讼"
            "<tr><td>1<td>2</table><div><p>五、存在的主要问题及改进情况")
    out = lines(read_html(page(body)))
    assert out == ["一、总体情况", "正文加粗", "行政复议 | 行政诉讼", "1 | 2", "五、存在的主要问题及改进情况"]


# ----------------------------------------------------------------------------- positions


def _check_every_character(data: bytes, encoding: str = "utf-8") -> int:
    src = read_html(data, "p.html")
    original = data.decode(encoding).split("\n")
    o = src.origin
    assert o.has_positions and len(o.offsets) == len(src.text) + 1
    checked = 0
    for i, ch in enumerate(src.text):
        if ch in " |\n":
            continue
        line, column = src.position(i)
        at = original[line - 1][column - 1]
        assert at == ch or at == "&", (i, ch, at, line, column)
        checked += 1
    return checked


def test_every_extracted_character_maps_to_its_place_in_the_html():
    assert _check_every_character(rs.to_html(DATA).data) > 2500
    assert _check_every_character(rs.to_html(DATA, "gbk").data, "gb18030") > 2500


def test_positions_in_minified_html_are_columns_on_one_line():
    html = page("<p>一、总体情况</p><table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>3</td><td>&nbsp;4</td></tr></table>")
    assert b"\n" not in html
    src = read_html(html)
    i = src.text.index("4")
    assert src.position(i) == (1, html.decode().index("4") + 1)
    assert _check_every_character(html) > 10


def test_position_skips_script_text_that_repeats_the_content():
    html = ('<html><head><title>3</title><script>var x = "<td>3</td>";</script></head>\n'
            "<body><table><tr><td>a</td><td>b</td></tr>\n<tr><td>3</td><td>4</td></tr></table></body></html>").encode()
    src = read_html(html)
    assert src.position(src.text.index("3")) == (3, 9)


def test_a_blank_cell_whose_tag_spans_lines_points_at_its_tag():
    """Word's "save as web page" writes a cell's attributes over several lines; lxml gives the cell the
    line of the tag's ``>``. A blank cell (no text to take a position from) still points at its own
    ``<td``, not just after the previous cell's text (GL207 named the cell to its left)."""
    data = DATA.with_value("三", "withheld.state_secret", "research", "")
    html = rs.to_html(data).data.decode("utf-8").replace(
        "<td", "<td width=64 valign=top\r\n  style='width:48.0pt;border:solid windowtext 1.0pt'")
    html = html.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    blank = html.index("<span></span>")
    at = html.rindex("<td", 0, blank)
    want = (html.count("\n", 0, at) + 1, at - (html.rfind("\n", 0, at) + 1) + 1)
    diags = [d for d in default_engine().lint_bytes(html.encode("utf-8"), "word.html").diagnostics if d.code == "GL207"]
    assert [(d.line, d.column) for d in diags] == [want]


def test_a_blank_cell_past_line_65535_points_at_its_tag():
    """libxml2 gives no element a line past 65535 (a page with a long script before the report): the
    cells there are matched with their tags in order, and a blank cell still points at its ``<td``."""
    data = DATA.with_value("三", "withheld.state_secret", "research", "")
    html = rs.to_html(data).data.decode("utf-8").replace("<head>", "<head>\n<script>\n" + "var a = 1;\n" * 70000 + "</script>", 1)
    blank = html.index("<span></span>")
    at = html.rindex("<td", 0, blank)
    want = (html.count("\n", 0, at) + 1, at - (html.rfind("\n", 0, at) + 1) + 1)
    assert want[0] > 70000
    diags = [d for d in default_engine().lint_bytes(html.encode("utf-8"), "big.html").diagnostics if d.code == "GL207"]
    assert [(d.line, d.column) for d in diags] == [want]


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("data,code", [
    (b"", "GL002"),
    (b"   \n ", "GL002"),
    (b"<html>\x00\x01\x02\x00binary</html>", "GL003"),
    (b"<html><body><script>x()</script></body></html>", "GL005"),
    (b"<html><body><img src=a.png></body></html>", "GL005"),
])
def test_bad_input(data, code):
    with pytest.raises(InputError) as exc:
        read_html(data, "bad.html")
    assert exc.value.code == code and exc.value.zh and exc.value.en


@pytest.mark.parametrize("declared", ["", '<meta charset="utf-8">', '<meta charset="gb2312">'])
@pytest.mark.parametrize("enc", ["utf-8", "gbk"])
def test_a_page_with_a_stray_byte_is_damaged_where_the_byte_is(declared, enc):
    """A page of UTF-8 (or GBK) with a byte that cannot be (a page cut and pasted, a byte lost): GL004 at
    the byte, as for a text file, not "cannot determine the encoding" (nor a guess decoding it all)."""
    if enc == "gbk" and "utf-8" in declared:
        declared = '<meta charset="gbk">'
    body = "<p>一、总体情况</p>\n" + "<p>本机关认真贯彻落实《条例》。</p>\n" * 40 + "<p>网站标识码"
    data = page(body, declared).decode("utf-8").encode(enc) + b"\xff</p>"
    with pytest.raises(InputError) as exc:
        read_html(data, "bad.html")
    lines = data.split(b"\n")
    assert exc.value.code == "GL004" and (exc.value.line, exc.value.column) == (len(lines), len(lines[-1].decode(enc, "replace")) - 4)
    assert ("UTF-8" if enc == "utf-8" else "GB18030") in exc.value.zh


def test_cli_exit_2_for_a_page_with_no_report(tmp_path):
    f = tmp_path / "empty.htm"
    f.write_bytes(page("<p></p>"))
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", str(f)], capture_output=True, text=True)
    assert proc.returncode == 2 and "GL00" in proc.stdout


def test_place_expands_rowspan_and_colspan_into_a_grid():
    from govlint.readers._layout import GridCell, place

    spans = [[(3, 3), (1, 7)], [(2, 1), (1, 5), (2, 1)], [(1, 1)] * 5, [(1, 3)] + [(1, 1)] * 7,
             [(22, 1), (1, 2)] + [(1, 1)] * 7, [(1, 2)] + [(1, 1)] * 7]
    rows = [[GridCell(f"{r}.{i}", rowspan=rs, colspan=cs) for i, (rs, cs) in enumerate(row)] for r, row in enumerate(spans)]
    place(rows)
    assert [c.col for c in rows[0]] == [0, 3]
    assert [c.col for c in rows[1]] == [3, 4, 9]
    assert [c.col for c in rows[2]] == [4, 5, 6, 7, 8]
    assert [c.col for c in rows[3]] == [0, 3, 4, 5, 6, 7, 8, 9]
    assert [c.col for c in rows[4]] == [0, 1, 3, 4, 5, 6, 7, 8, 9]
    assert [c.col for c in rows[5]] == [1, 3, 4, 5, 6, 7, 8, 9]  # under the 22-row label
    assert rows[4][0].rowspan == 2  # clamped to the rows that exist


def test_preamble_before_a_part_heading_is_kept():
    body = ('<div class="content"><p>某局2023年政府信息公开工作年度报告</p><p>本报告统计期限为2023年1月1日至12月31日。</p>'
            "<h3>一、总体情况</h3><p>正文。</p></div>")
    assert lines(read_html(page(body)))[:3] == ["某局2023年政府信息公开工作年度报告", "本报告统计期限为2023年1月1日至12月31日。",
                                                "一、总体情况"]


def test_spans_give_the_positions_of_their_ends():
    """Source.span reads both ends of an HTML span at once; each end is where Source.position puts
    it, for every pair of offsets of a page (added characters, the end of the text, out of range)."""
    import random

    page = ("<html><body><h1>某局2022年政府信息公开工作年度报告</h1>\n<p>一、总体情况</p>\n"
            "<p>本机关&nbsp;共收到<b>申请</b>5件。</p><table><tr><td>规章</td><td> 0 </td></tr>\n"
            "<tr><td>其他</td><td>3</td></tr></table></body></html>")
    source = read_html(page.encode("utf-8"))
    n = len(source.text)
    rng = random.Random(3)
    pairs = [(a, b) for a in range(-2, n + 3) for b in (a, a + 1, a + 5, n, n + 2)] + \
            [tuple(sorted((rng.randint(0, n), rng.randint(0, n)))) for _ in range(500)]
    for a, b in pairs:
        sp = source.span(a, b)
        lo, hi = min(a, b), max(a, b)  # (ends given in reverse: the same region, from its start)
        assert (sp.line, sp.column) == source.position(lo), (a, b)
        assert (sp.end_line, sp.end_column) == source.position(hi), (a, b)
        assert (sp.start, sp.end) == (lo, hi)


# ----------------------------------------------------------------------------- shortcuts vs the full computation

_WORDS = ["一、总体情况", "主动公开", "12", "0", "自 然 人", "总计", "a<b", "&nbsp;", "&amp;", "&#65292;", "本年新收",
          "  ", "\n", "\n  ", "（一）", "3", "12"]
_TAGS = ["p", "div", "span", "font", "b", "br", "li", "h1", "h2", "nav", "footer", "o:p", "center", "section", "a"]
_LINK = ' href="/x"'  # (an <a> gets it or not at random: a link, or a bookmark)
_SPECIAL = ["<!-- <td>3</td> -->", "<script>var a='<td>12</td>';</script>", "<script/>", "<style>p{}</style>",
            "<title>12</title>", "<Title/>", "<textarea>3</textarea>", "<td/>", "<br/>", "<!DOCTYPE x>"]
_ATTRIBUTES = ["", ' class="content"', ' class="nav"', " id='title'", ' style="display:none"', ' title="a>b"', " hidden",
          ' class="bt"', ' align="center"']


def _random_page(rng) -> bytes:
    """A page of nested markup, tables with merged cells, repeated numbers across many lines — the
    material on which the HTML reader's shortcuts could go wrong."""
    out: list[str] = []

    def node(depth: int) -> None:
        k = rng.random()
        if depth > 6 or k < 0.35:
            out.append("".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 3))))
        elif k < 0.42:
            out.append(rng.choice(_SPECIAL))
        elif k < 0.6:
            out.append("<table border=1>")
            for _ in range(rng.randint(1, 4)):
                out.append("<tr>" + rng.choice(["", "\n"]))
                for _ in range(rng.randint(1, 4)):
                    span = (f' rowspan="{rng.randint(2, 3)}"' if rng.random() < .2 else "") + \
                           (f" colspan={rng.randint(2, 3)}" if rng.random() < .2 else "")
                    out.append(f"<td{span}>")
                    if rng.random() < .8:
                        node(depth + 2)
                    out.append("</td>" if rng.random() < .9 else "")
                    out.append(rng.choice(["", "\n", "\n  "]))
                out.append("</tr>")
            out.append("</table>\n")
        else:
            tag = rng.choice(_TAGS)
            link = _LINK if tag == "a" and rng.random() < .7 else ""
            out.append(f"<{tag}{rng.choice(_ATTRIBUTES)}{link}>")
            for _ in range(rng.randint(0, 4)):
                node(depth + 1)
            out.append(f"</{tag}>" if rng.random() < .85 else "")
            out.append(rng.choice(["", "\n", "\n\n  "]))

    out.append(rng.choice(["", "<!DOCTYPE html>\n", "<html><head><title>x</title></head><body>\n"]))
    for _ in range(rng.randint(2, 9)):
        node(0)
    return "".join(out).encode("utf-8")


def _pages(n: int = 400) -> list[tuple[str, object]]:
    import random

    from lxml import etree

    rng = random.Random(20261126)
    pages = []
    for _ in range(n):
        text = _random_page(rng).decode("utf-8")
        parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
        root = etree.fromstring(text.encode("utf-8"), parser=parser)
        if root is not None:
            pages.append((text, root))
    return pages


def test_alignment_takes_a_line_floor_only_past_the_furthest_line_seen():
    """The aligner skips the floor look-up for a line at or before the furthest line seen; aligning
    with a floor taken for every text node gives the same positions."""
    from govlint.readers import html as H

    class EveryFloor(H._Aligner):
        def align(self, s, line):
            self.top_line = 0  # forget the furthest line: every node takes its floor
            return super().align(s, line)

    moved = 0
    for text, root in _pages():
        quick, full = H._Page(root, H._Aligner(text)), H._Page(root, EveryFloor(text))
        assert quick.pos == full.pos, text
        moved += sum(1 for k in quick.pos if quick.pos[k] and quick.pos[k][0] >= 0)
    assert moved > 1000


def test_lengths_measured_in_one_walk_equal_the_recursive_lengths():
    """The page measures text lengths in one walk, children before parents; the definition, written
    as a recursion, gives the same length for every element."""
    from govlint.readers import html as H

    def recursive(page, el) -> int:
        tag = H._tag(el)
        if not tag or tag in H._SKIP_TAGS:
            return 0
        n = len("".join((el.text or "").split()))
        for child in el:
            if H._tag(child) and not page.junk(child):
                n += recursive(page, child)
            if child.tail:
                n += len("".join(child.tail.split()))
        return n

    def linked(page, el) -> int:  # the link text in an element's length
        tag = H._tag(el)
        if not tag or tag in H._SKIP_TAGS:
            return 0
        if tag == "a" and el.get("href") is not None:
            return recursive(page, el)
        return sum(linked(page, child) for child in el if H._tag(child) and not page.junk(child))

    compared = with_links = 0
    for text, root in _pages():
        page = H._Page(root, H._Aligner(text))
        for el in root.iter():
            assert page.length(el) == recursive(page, el), text
            assert page.content(el) == recursive(page, el) - linked(page, el), text
            compared += 1
            with_links += page.content(el) != page.length(el)
    assert compared > 5000 and with_links > 500


def test_place_marks_only_the_rows_below_a_cell():
    """``place`` marks the grid slots a cell covers in the rows below it only; marking every slot
    (the HTML table model written out) places every cell in the same column."""
    import random

    from govlint.readers._layout import GridCell, place

    def reference(rows):
        occupied, out = set(), []
        for r, row in enumerate(rows):
            c, cols = 0, []
            for rowspan, colspan in row:
                while (r, c) in occupied:
                    c += 1
                cols.append(c)
                rowspan = max(1, min(rowspan, len(rows) - r, 500))
                colspan = max(1, min(colspan, 500))
                occupied.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
                c += colspan
            out.append(cols)
        return out

    rng = random.Random(11)
    for _ in range(2000):
        spans = [[(rng.choice([1, 1, 1, 2, 3, 0, 7]), rng.choice([1, 1, 1, 2, 4, 0]))
                  for _ in range(rng.randint(0, 6))] for _ in range(rng.randint(1, 7))]
        rows = [[GridCell("x", rowspan=a, colspan=b) for a, b in row] for row in spans]
        place(rows)
        assert [[c.col for c in row] for row in rows] == reference(spans), spans


def test_clean_skips_its_search_only_for_text_without_blanks():
    """``clean`` returns letters-and-digits text untouched without searching it: no character it
    treats as blank counts as a letter or digit."""
    from govlint.readers._layout import _BLANK_RUN, clean

    blanks = [chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF and _BLANK_RUN.match(chr(i))]
    assert len(blanks) > 25 and not any(ch.isalnum() for ch in blanks)
    for ch in blanks:
        if ch in "\u200b\ufeff":  # zero-width: no space (总&#8203;体 is 总体)
            assert clean(f"12{ch}34", list(range(5))) == ("1234", [0, 1, 3, 4])
            assert clean(f"12{ch} 34", list(range(6))) == ("12 34", [0, 1, 2, 4, 5])
        else:
            assert clean(f"12{ch}34", list(range(5))) == ("12 34", [0, 1, 2, 3, 4])


def test_a_word_document_saved_as_a_web_page_reads_as_the_plain_page():
    """Word's "save as web page" markup (every paragraph and cell in styled <p>/<span>, a site's
    header, navigation and scripts around the article) gives the findings and the table cells the
    same report gives as plain markup."""
    sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
    import fuzzlib
    import reportgen as rg

    from govlint.extract import extract_bytes

    pipe = rg.render(rg.seed_doc(), "pipe").text
    plain, word = fuzzlib.to_html(pipe).encode("utf-8"), fuzzlib.to_word_html(pipe).encode("utf-8")
    assert len(word) > 3 * len(plain)
    engine = default_engine()
    found = [sorted((d.code, d.message) for d in engine.lint_bytes(page, "p.html").diagnostics) for page in (plain, word)]
    assert found[0] == found[1] and len(found[0]) >= 5

    def cells(page):
        return [(c["table"], c["row"], c["column_id"], c["value"]) for c in extract_bytes(page, "p.html")["cells"]]

    assert cells(plain) == cells(word) and len(cells(plain)) > 150


@pytest.mark.parametrize("lead,skipped", [(20, True), (299, True), (300, False), (900, False)])
def test_what_little_comes_before_the_title_in_the_content_is_skipped(lead, skipped):
    """An h1 near the start of the content is the title: what comes before it (a date, a source
    line) is left out when it is under 300 characters, kept otherwise."""
    before = "".join("来源日期" for _ in range(lead // 4))[:lead]
    body = (f'<div class="content"><div><span>{before[:lead // 2]}</span><span>{before[lead // 2:]}</span></div>'
            "<h1>某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
            f"<p>{'本机关认真贯彻落实条例，' * 250}</p></div>")
    out = lines(read_html(page(body)))
    assert (out[0] == "某局2023年政府信息公开工作年度报告") is skipped
    assert (before in "".join(out)) is not skipped


@pytest.mark.skipif(sys.version_info < (3, 11), reason="possessive quantifiers came with Python 3.11")
def test_the_possessive_attribute_pattern_tokenizes_as_the_plain_one():
    """The tokenizer reads a tag's attributes possessively (3.11+); on any markup, quotes unclosed
    or not, it finds the tokens the plain (backtracking) pattern finds."""
    import random
    import re

    from govlint.readers import html as H

    plain_attrs = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
    assert H._ATTRS != plain_attrs and H._ATTRS in H._MARKUP.pattern
    plain = re.compile(H._MARKUP.pattern.replace(H._ATTRS, plain_attrs), H._MARKUP.flags)
    rng = random.Random(4)
    alphabet = ["<", ">", '"', "'", "/", " ", "=", "a", "td", "p", "!", "-", "&", "amp;", "#", "1", "\n", "中"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        ours = [(m.span(), m.groups()) for m in H._MARKUP.finditer(text)]
        assert ours == [(m.span(), m.groups()) for m in plain.finditer(text)], repr(text)


def _page_findings_and_cells(data: bytes) -> tuple[list, list]:
    from govlint.extract import extract_bytes

    found = sorted((d.code, d.message) for d in default_engine().lint_bytes(data, "p.html").diagnostics)
    cells = [(c["table"], c["row"], c["column_id"], c["value"]) for c in extract_bytes(data, "p.html")["cells"]]
    return found, cells


def test_a_page_laid_out_with_tables_finds_the_article_cell_and_its_title():
    """Old CMS pages (ucap, early TRS) put header, a sidebar of links and the article in the cells
    of one layout table: the body is the article's cell, not the whole page, and the title is the
    one above it (not the sidebar's caption): the sidebar's text stays out of the report."""
    plain = rs.to_html(DATA).data.decode("utf-8")
    article = plain[plain.index('<div id="zoom">'):plain.index('<div class="footer">')]
    title = re.search(r'<h1 class="article-title">(.*?)</h1>', plain).group(1)
    sidebar = ('<div class="lm_title">信息公开目录</div><ul>'
               + "".join(f'<li><a href="/x/{i}.html">某某局2022年政府信息公开工作年度报告（第{i}号）</a></li>' for i in range(25))
               + "</ul>")
    laid_out = (f'<html><head><meta charset="utf-8"></head><body><table width="1000">'
                f'<tr><td colspan="2"><div class="logo">某某市人民政府</div></td></tr>'
                f'<tr><td width="250" valign="top">{sidebar}</td><td valign="top"><table width="100%">'
                f'<tr><td class="title" align="center">{title}</td></tr><tr><td>发布时间：2023-01-28</td></tr>'
                f'<tr><td class="bt_content">{article}</td></tr></table></td></tr></table></body></html>')
    src = read_html(laid_out.encode("utf-8"), "p.html")
    # (the publication date printed between the title and the article is kept, before the title, for GL703)
    assert lines(src)[:2] == ["发布时间：2023-01-28", html_unescape(title)]
    assert "信息公开目录" not in src.text and "第3号" not in src.text
    assert _page_findings_and_cells(laid_out.encode("utf-8")) == _page_findings_and_cells(plain.encode("utf-8"))


def html_unescape(s: str) -> str:
    import html

    return html.unescape(s)


@pytest.mark.parametrize("how", ["unclosed", "form"])
def test_rows_and_tables_libxml2_leaves_inside_a_table_are_read(how):
    """A table whose end tag is missing (the next table starts before it is closed) gets the next
    table and the paragraphs after it as children from libxml2, where a browser shows them after
    it; rows wrapped in a ``<form>`` are rows. Neither loses a row, a table or a paragraph."""
    plain = rs.to_html(DATA).data.decode("utf-8")
    if how == "unclosed":  # table 二 without its end tag
        i = plain.index("二、主动公开政府信息情况")
        j = plain.index("</table>", i)
        changed = plain[:j] + plain[j + len("</table>"):]
    else:
        changed = plain.replace("<tbody>", '<tbody><form method="post">').replace("</tbody>", "</form></tbody>")
    assert changed != plain
    assert _page_findings_and_cells(changed.encode("utf-8")) == _page_findings_and_cells(plain.encode("utf-8"))


def test_reading_a_page_leaves_no_cyclic_garbage():
    """Nothing the reader builds refers to itself: a page's lxml tree (its memory is libxml2's, which
    the cyclic collector does not weigh) is freed as soon as the page is read, not when the collector
    next runs (a recursive inner function once kept every page of a run alive: +24 MB for 100 pages)."""
    import gc

    data = rs.to_html(DATA).data  # (the official merged headers: rows in thead/tbody)
    read_html(data)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        read_html(data)
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def test_a_source_line_break_between_chinese_and_a_number_is_no_space():
    """Word's "save as web page" wraps the source lines at ~76 columns wherever a line may break:
    between two Chinese characters, and between a Chinese character and a number or a Latin word.
    Such a break joins without a space, as one between two Chinese characters already did:
    ``达到\\n234567万次`` is 达到234567万次 (GL401 was missed), ``2023年3\\r\\n月`` is 2023年3月. A
    break between two half-width words stays a space, and so does a space typed on one line."""
    body = ("<p class=MsoNormal><span style='font-family:仿宋_GB2312'>网站全年浏览量达到\r\n234567万次。</span></p>"
            "<p class=MsoNormal><span>发布日期：2023年3\r\n月15日，APP\n下载量 3件</span></p>"
            "<p>Microsoft\nWord</p>")
    out = lines(read_html(page(body)))
    assert out == ["网站全年浏览量达到234567万次。", "发布日期：2023年3月15日，APP下载量 3件", "Microsoft Word"]
    # and in a table cell
    cell = "<table border=1><tr><td>行政许可</td><td>5\n件</td><td>2\n3</td></tr></table>"
    assert lines(read_html(page(cell))) == ["行政许可 | 5件 | 2 3"]


def _scan_one_token_at_a_time(text):
    """The stream as a tokeniser that takes one piece of markup per search gives it, with one offset
    per character (the reader's tokenising before pieces and runs of markup)."""
    import html as _html
    import re

    from govlint.readers import html as H

    markup = re.compile(
        r"(?P<comment><!--.*?(?:-->|\Z))|<[!?][^>]*(?:>|\Z)"
        rf"|<(?P<end>/?)(?P<name>[a-zA-Z][^\s/>\x00]*)(?P<attrs>{H._ATTRS})(?:>|\Z)"
        r"|<(?P<end2>/?)(?P<name2>[a-zA-Z][^\s/>\x00]*)(?P<attrs2>[^>]*)(?:>|\Z)"
        r"|(?P<ref>&(?:#(?:[0-9]+|[xX][0-9a-fA-F]+)|[a-zA-Z][-.a-zA-Z0-9]*);?)", re.S)
    chars, offs, cells, pos, skip = [], [], [], 0, 0
    while pos < len(text):
        m = markup.search(text, pos)
        a = m.start() if m else len(text)
        if not skip:
            chars.append(text[pos:a])
            offs += range(pos, a)
        if m is None:
            break
        pos = m.end()
        if m["ref"] is not None:
            if not skip:
                s = _html.unescape("&" + m["ref"][1:].rstrip(";") + ";")
                chars.append(s)
                offs += [a] * len(s)
            continue
        name = (m["name"] or m["name2"] or "").lower()
        if not name:
            continue
        if m["end"] or m["end2"]:
            skip -= bool(skip and name in ("title", "textarea"))
        elif name in ("td", "th"):
            cells.append((text.count("\n", 0, pos - 1) + 1, a))
        elif name in H._ACTED_ON and not (m["attrs"] or m["attrs2"] or "").rstrip().endswith("/"):
            if name in H._RAW_END:
                close = H._RAW_END[name].search(text, pos)
                pos = close.start() if close is not None else len(text)
            else:
                skip += 1
    return "".join(chars), offs, cells


def test_stream_pieces_and_runs_of_markup_give_every_characters_offset():
    """The tokeniser takes runs of markup that need nothing done in one match and keeps the stream's
    offsets by contiguous piece; the stream, each character's offset and the cells' tags are those of
    a tokeniser taking one piece of markup at a time — on random pages and on malformed tags (a stray
    quote makes the tag pattern settle on a shorter name: ``<td"x y="z>`` is a td)."""
    import random

    from govlint.readers import html as H

    rng = random.Random(5)
    names = ["td", "TD", "tD", "th", "thead", "title", "TITLE", "textarea", "script", "style", "span", "p",
             "table", "tr", "t", "tdx", "o:p", "ſcript", "tİtle"]
    texts = [page.decode("utf-8") for page in (_random_page(rng) for _ in range(150))]
    for _ in range(150):
        out = ["<table><tr>"]
        for _ in range(rng.randint(10, 50)):
            if rng.random() < .5:
                out.append("<" + rng.choice(["", "/"]) + rng.choice(names)
                           + "".join(rng.choice('"\' /\x00=x>\n') for _ in range(rng.randint(0, 6)))
                           + rng.choice([">", "", "/>"]))
            else:
                out.append(rng.choice(["文字", "12", "&amp;", "&foo", "&#x1F600;", "<!-- c -->", "\n", "<td>5</td>",
                                       "</title>", "<!x>", "<![CDATA[y]]>"]))
        texts.append("".join(out))
    texts.append('<table><tr><td"x y="z>1<TD>2<Th>3</TITLE>x<title>y</title>z<thead>w')
    runs = 0
    for text in texts:
        stream, offs, cells = _scan_one_token_at_a_time(text)
        aligner = H._Aligner(text)
        assert aligner.text == stream and aligner.cells == cells, text
        assert [aligner.offset(j) for j in range(len(stream))] == offs, text
        for j in range(0, len(stream), 3):  # a node's offsets, whole or across pieces
            n = min(len(stream) - j, 1 + j % 7)
            assert list(aligner.offsets(j, n)) == offs[j:j + n], text
        runs += sum(1 for m in H._MARKUP.finditer(text) if m.lastindex == 1 and m.end() - m.start() > 3)
    assert runs > 500
