"""Report pages as the CMS families of Chinese government sites publish them.

Each page is built from the seed report (``render_shapes``) in the markup of one CMS family, written
from what their pages look like: TRS WCM (``TRS_Editor`` in ``view TRS_UEDITOR``, tables saved from
Word), Hanweb (``<div id="zoom">``, ``<UCAPCONTENT>``, ``ZJEG_RSS`` comment markers, layout tables),
the intensive platform (``article-content``, ``UCAP-CONTENT``), gov.cn (``pages_content``), WeChat
public-account articles (``js_content`` hidden until a script shows it, ``<section>`` nesting, a
``<span>`` per run), old ASP sites (nested layout tables, the title in ``<font><b>``), headers in
``<th>`` in a ``<thead>`` without ``<tbody>``, a print-friendly version, and the page furniture:
share and QR-code widgets, 字号 buttons, accessibility toolbars, 上一篇/下一篇 links naming other
reports, 相关链接 lists. Each must give the findings of the report's text, at their place in the page.
"""

from __future__ import annotations

import html
from collections import Counter

import pytest

import render_shapes as rs
from govlint.engine import default_engine
from govlint.readers.html import read_html
from test_crawl_shapes import DATA


E = html.escape
FW = lambda s: s.translate(rs.FULLWIDTH)

def table_html(data, tid, style="plain", positions=None, lines=None):
    """style: plain | thead (th in thead, no tbody) | word (MsoNormalTable with spans per run) | wx (section wrapper)"""
    grid = rs.table_grid(data, tid)
    out = []
    if style == "thead":
        # header rows: those before first row with a key
        first_val = next(i for i, row in enumerate(grid) if any(c.key for c in row)) if tid != "二" else 0
        out.append('<table class="table" border="1">')
        if first_val:
            out.append("<thead>")
        for i, row in enumerate(grid):
            tag = "th" if i < first_val else "td"
            out.append("<tr>" + "".join(
                f"<{tag}" + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
                + f">{E(c.text)}</{tag}>" for c in row) + "</tr>")
            if i == first_val - 1:
                out.append("</thead>")
        out.append("</table>")
        return "\n".join(out)
    if style == "wx":
        out.append('<section style="overflow-x:auto;"><table style="width:100%;border-collapse:collapse;"><tbody>')
        for row in grid:
            out.append("<tr>" + "".join(
                "<td" + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
                + f' style="border:1px solid #000;"><section style="text-align:center;"><span style="font-size:14px;">{E(c.text)}</span></section></td>'
                for c in row) + "</tr>")
        out.append("</tbody></table></section>")
        return "\n".join(out)
    if style == "grid":  # CSS grid of divs
        width = max(c.col + c.colspan for row in grid for c in row)
        out.append(f'<div class="table-grid" style="display:grid;grid-template-columns:repeat({width},1fr)">')
        for row in grid:
            for c in row:
                out.append(f'<div class="cell" style="grid-row:{c.row+1}/span {c.rowspan};grid-column:{c.col+1}/span {c.colspan}">{E(c.text)}</div>')
        out.append("</div>")
        return "\n".join(out)
    if style == "img":
        return f'<p style="text-align:center"><img src="/u/cms/www/2023/table{tid}.png" alt="" width="600"></p>'
    cls = ' class="MsoNormalTable"' if style == "word" else ""
    out.append(f'<table{cls} border="1" cellspacing="0" cellpadding="0"><tbody>')
    for row in grid:
        out.append("<tr>" + "".join(
            "<td" + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            + (f'><p class="MsoNormal" align="center"><span style="font-family:仿宋_GB2312">{E(c.text)}</span></p></td>' if style == "word" else f">{E(c.text)}</td>")
            for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def article(data, table_style="plain", p="p", drop_parts=(), only_parts=None, wx=False):
    out = []
    part = None
    for kind, x in data.blocks:
        if kind == "h":
            part = x[0]
        if part in drop_parts or (only_parts is not None and part is not None and part not in only_parts):
            continue
        if kind == "h":
            if wx:
                out.append(f'<section><p style="margin:0"><strong><span style="color:#c00;font-size:16px;">{E(FW(x))}</span></strong></p></section>')
            else:
                out.append(f'<p style="text-indent:2em"><strong>{E(FW(x))}</strong></p>')
        elif kind == "p":
            if wx:
                half = len(x) // 2
                out.append(f'<section style="line-height:1.75em;"><p><span style="font-size:15px;">{E(FW(x[:half]))}</span><span style="font-size:15px;letter-spacing:1px;">{E(FW(x[half:]))}</span></p></section>')
            else:
                out.append(f'<p style="text-indent:2em">{E(FW(x))}</p>')
        else:
            out.append(table_html(data, x, "wx" if wx else table_style))
    return "\n".join(out)


OTHER_TITLE = "益阳市行政审批服务局2021年政府信息公开工作年度报告"
NEXT_TITLE = "益阳市发展和改革委员会2022年政府信息公开工作年度报告"
NAV = ('<div class="header"><div class="logo"><img src="/logo.png"></div><ul class="nav"><li><a href="/">首页</a></li>'
       '<li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>\n')
CRUMB = '<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; 政府信息公开年报</div>\n'
FOOT = '<div class="footer"><p>主办：益阳市行政审批服务局 网站标识码：4309000037 湘ICP备05000000号</p></div>\n'
WZA = ('<div id="cniil_wza" class="wza-toolbar"><a href="javascript:;">无障碍</a><a>长者模式</a><a>放大</a><a>缩小</a>'
       '<a>大鼠标</a><a>十字线</a><a>纯文本</a><a>读屏</a></div>\n')
SHARE = ('<div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>'
         '<div class="ewm"><img src="/qr.png"><p>扫一扫在手机打开当前页</p></div>\n')
FONTSIZE = '<div class="fontsize">【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>\n'
PRINT = '<div class="dy"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>\n'
PREVNEXT = (f'<div class="prev-next"><p>上一篇：<a href="/a/1.html">{E(OTHER_TITLE)}</a></p>'
            f'<p>下一篇：<a href="/a/2.html">{E(NEXT_TITLE)}</a></p></div>\n')
RELATED = ('<div class="xgxx"><h3>相关链接</h3><ul><li><a href="/r1">益阳市人民政府办公室2022年政府信息公开工作年度报告</a></li>'
           '<li><a href="/r2">益阳市财政局2022年政府信息公开工作年度报告</a></li></ul></div>\n')
META = ('<div class="info"><span>来源：益阳市行政审批服务局</span> <span>发布时间：2023-01-18</span> '
        '<span>浏览次数：<script>document.write(123)</script></span></div>\n')


def wrap(body, head="", charset="utf-8"):
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n{head}'
            f'<title>年报</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n')


def cms_pages(data, drop_parts=()):
    T = E(FW(data.title))
    A = lambda **kw: article(data, drop_parts=drop_parts, **kw)
    s = {}
    s["trs"] = wrap(NAV + CRUMB + WZA + f'<div class="main"><div class="article"><h1 class="title">{T}</h1>\n' + META + FONTSIZE +
                    '<div class="view TRS_UEDITOR trs_paper_default trs_web">\n<div class="TRS_Editor">\n' + A(table_style="word") +
                    '\n</div></div>\n' + SHARE + PRINT + PREVNEXT + '</div>' + RELATED + '</div>' + FOOT)
    s["hanweb"] = wrap(NAV + CRUMB + '<table width="1000" align="center"><tr><td>\n'
                       f'<table width="100%"><tr><td class="title" align="center">{T}</td></tr>\n'
                       '<tr><td align="center">发布日期：2023-01-18 信息来源：市行政审批服务局 【字体：<a>大</a> <a>中</a> <a>小</a>】</td></tr>\n'
                       '<tr><td id="zoom" class="bt_content">\n<!--ZJEG_RSS.content.begin--><meta name="ContentStart">\n'
                       '<UCAPCONTENT>' + A() + '</UCAPCONTENT>\n<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->\n'
                       '</td></tr></table>\n</td></tr></table>\n' + PREVNEXT + PRINT + FOOT)
    s["jiyue"] = wrap(NAV + WZA + CRUMB + '<div class="container"><div class="article">\n'
                      f'<div class="article-title"><h1>{T}</h1></div>\n' + META +
                      '<div class="article-content" id="UCAP-CONTENT">\n' + A() + '</div>\n'
                      '<div class="article-attachment"></div>\n' + SHARE + '</div></div>' + RELATED + FOOT)
    s["govcn"] = wrap(NAV + CRUMB + '<div class="pages-title">' + T + '</div>\n<div class="pages-date">2023-01-18 10:00 来源：益阳市政府网站'
                      '<span class="font">字号：<a>默认</a> <a>大</a> <a>超大</a></span><span class="printIco">打印</span></div>\n'
                      '<div class="pages_content" id="UCAP-CONTENT">\n' + A() + '</div>\n' + SHARE + FOOT)
    s["wechat"] = wrap('<div id="js_article" class="rich_media"><div class="rich_media_inner"><div id="page-content">'
                       f'<div class="rich_media_area_primary"><h1 class="rich_media_title" id="activity-name">\n            {T}\n          </h1>\n'
                       '<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname" id="profileBt">'
                       '<a href="javascript:void(0);" id="js_name">益阳政务服务</a></span><em id="publish_time" class="rich_media_meta rich_media_meta_text">2023-01-18 18:00</em></div>\n'
                       '<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">\n' + A(wx=True) +
                       '\n</div>\n<div class="reward_area"><p>喜欢作者</p></div></div></div></div></div>\n'
                       '<script>document.getElementById("js_content").style.visibility="visible";</script>')
    s["asp"] = wrap('<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="top.jpg"></td></tr></table>\n'
                    '<table width="980" border="0" align="center"><tr><td width="200" valign="top">'
                    '<table width="100%"><tr><td><a href="/">首页</a></td></tr><tr><td><a href="/x">机构概况</a></td></tr><tr><td><a href="/y">政策法规</a></td></tr></table>'
                    '</td><td valign="top"><table width="100%" border="0"><tr><td height="30" align="center"><font size="4"><b>' + T + '</b></font></td></tr>\n'
                    '<tr><td align="center">作者：佚名 来源：本站 点击数：<font color="red">123</font> 更新时间：2023-1-18</td></tr>\n'
                    '<tr><td class="content">\n' + A() + '\n</td></tr></table></td></tr></table>\n'
                    '<table width="980" align="center"><tr><td align="center">版权所有 益阳市行政审批服务局</td></tr></table>')
    s["thead"] = wrap(NAV + f'<div class="content"><h1>{T}</h1>\n' + A(table_style="thead") + '</div>' + FOOT)
    s["print"] = wrap('<div class="print-page"><h2 align="center">' + T + '</h2><hr>\n' + A() +
                      '</div><div align="center"><input type="button" value="打印" onclick="window.print()"><input type="button" value="关闭" onclick="window.close()"></div>')
    return s


def other_pages(data, drop_parts=()):
    T = E(FW(data.title))
    A = lambda **kw: article(data, drop_parts=drop_parts, **kw)
    s = {}
    s["grid"] = wrap(NAV + f'<div class="content"><h1>{T}</h1>\n' + A(table_style="grid") + '</div>' + FOOT)
    s["img"] = wrap(NAV + f'<div class="content"><h1>{T}</h1>\n' + A(table_style="img") + '</div>' + FOOT)
    s["attach"] = wrap(NAV + CRUMB + f'<div class="article"><h1>{T}</h1>\n' + META +
                       '<div class="article-content"><p>附件：<a href="/u/2023/P020230118.pdf">益阳市行政审批服务局2022年政府信息公开工作年度报告.pdf</a></p></div>'
                       + SHARE + PREVNEXT + '</div>' + RELATED + FOOT)
    s["attach2"] = wrap(NAV + CRUMB + f'<div class="article"><h1>{T}</h1>\n' + META +
                       '<div class="article-content"><p>现将《益阳市行政审批服务局2022年政府信息公开工作年度报告》予以公布。</p>'
                       '<p>附件：<a href="/u/2023/P020230118.docx">2022年政务公开年报</a></p></div>'
                       + SHARE + PREVNEXT + '</div>' + RELATED + FOOT)
    pager = ('<div class="page" id="pagenav"><span>第1页</span> <a href="index_1.html">第2页</a> <a href="index_1.html">下一页</a> <a href="index_2.html">尾页</a></div>'
             '<script>createPageHTML(3, 0, "index", "html");</script>')
    s["paged1"] = wrap(NAV + f'<div class="article"><h1>{T}</h1><div class="TRS_Editor">' +
                       article(data, only_parts=("一", "二")) + '</div>' + pager + '</div>' + FOOT)
    s["empty_js"] = wrap(NAV + f'<div class="article"><h1>{T}</h1><div id="zoom"></div>' + PREVNEXT + '</div>' + RELATED + FOOT +
                         '<script>$("#zoom").load("/content/123.json")</script>')
    return s


def findings(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col, d.message) for d in result.diagnostics)


def lint(data: bytes, name: str):
    return default_engine().lint_bytes(data, name)


BAD_CELL = DATA.with_value("三", "new", "natural", str(int(DATA.values[("三", "new", "natural")]) + 1))
CASES = {"seed": DATA, "changed_cell": BAD_CELL}
SHAPES = list(cms_pages(DATA))


@pytest.fixture(scope="module")
def reference():
    return {name: findings(lint(rs.to_text(d, "cells").encode("utf-8"), "r.txt")) for name, d in CASES.items()}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("case", list(CASES))
def test_cms_page_gives_the_texts_findings(shape, case, reference):
    page = cms_pages(CASES[case])[shape].encode("utf-8")
    assert findings(lint(page, f"{shape}.html")) == reference[case]


@pytest.mark.parametrize("shape", SHAPES)
def test_cms_page_title_and_positions(shape):
    page = cms_pages(BAD_CELL)[shape]
    src = read_html(page.encode("utf-8"), "p.html")
    # (a CMS's publication-date line, when it has one, comes first: GL703 reads it)
    assert DATA.title.translate(rs.FULLWIDTH) in [s.strip() for s in src.text.split("\n")[:2]]
    lines = page.split("\n")
    for i, ch in enumerate(src.text):
        if ch not in " |\n":
            line, column = src.position(i)
            assert lines[line - 1][column - 1] in (ch, "&"), (i, ch, line, column)
    # the sum that is wrong is flagged at the total's cell in the page
    diag = next(d for d in lint(page.encode("utf-8"), "p.html").diagnostics if d.code == "GL303")
    assert (diag.table, diag.row, diag.col) == ("三", "new", "total")
    assert lines[diag.line - 1][diag.column - 1:].startswith(BAD_CELL.values[("三", "new", "total")] + "<")


def _without_part(data: rs.ReportData, numeral: str) -> rs.ReportData:
    blocks, part = [], None
    for kind, x in data.blocks:
        if kind == "h":
            part = x[0]
        if part != numeral:
            blocks.append((kind, x))
    return rs.ReportData(data.title, blocks, data.values)


@pytest.mark.parametrize("shape", SHAPES)
def test_cms_page_without_part_five(shape):
    text = findings(lint(rs.to_text(_without_part(DATA, "五"), "cells").encode("utf-8"), "r.txt"))
    page = findings(lint(cms_pages(DATA, drop_parts=("五",))[shape].encode("utf-8"), f"{shape}.html"))
    assert any(k[0] == "GL101" and "第五部分" in k[4] for k in page)
    assert page == text


def test_a_hidden_copy_of_the_article_is_not_read_twice():
    """Only a hidden element holding more text than the page shows is the article (shown by a
    script): a hidden print copy beside the visible article, or a hidden pop-up, stays skipped."""
    page = cms_pages(DATA)["jiyue"]
    copy = ('<div id="printArea" style="display:none">' + article(DATA) + '</div>'
            '<div class="dialog" style="visibility:hidden"><p>您即将离开本网站，是否继续？</p></div>')
    changed = page.replace("</body>", copy + "</body>")
    assert changed != page
    src = read_html(changed.encode("utf-8"), "p.html")
    assert src.text.count("一、总体情况") == 1 and "即将离开" not in src.text
    assert findings(lint(changed.encode("utf-8"), "p.html")) == findings(lint(page.encode("utf-8"), "p.html"))


def test_no_title_taken_from_a_list_of_other_reports():
    """A page naming no title in its markup takes none from the links of a sidebar (other reports)."""
    side = "".join(f'<li><a href="/n{i}">益阳市某某局{2020 + i}年政府信息公开工作年度报告</a></li>' for i in range(3))
    page = wrap(f'<table><tr><td><ul class="list">{side}</ul></td><td><div class="content">' + article(DATA)
                + "</div></td></tr></table>")
    src = read_html(page.encode("utf-8"), "p.html")
    assert "年度报告" not in src.text.split("\n", 1)[0]
    assert "GL104" in [d.code for d in lint(page.encode("utf-8"), "p.html").diagnostics]


@pytest.mark.parametrize("shape", ["attach", "attach2"])
def test_a_page_that_only_links_to_the_report_says_the_report_is_the_attachment(shape):
    """附件：XX年报.pdf (or a link without the file's suffix) under the title and nothing else: one
    GL005 naming the attachment, at its place in the page, not "the text may have been cut off"."""
    page = other_pages(DATA)[shape]
    diags = lint(page.encode("utf-8"), "p.html").diagnostics
    assert [d.code for d in diags] == ["GL005"]
    d = diags[0]
    assert "附件" in d.message and "报告正文在附件中" in d.message and "截断" not in d.message
    assert "attachment" in d.message_en
    assert page.split("\n")[d.line - 1][d.column - 1:].startswith("附件：")


def test_a_title_and_an_opening_without_an_attachment_may_be_cut_off():
    text = f"{DATA.title}\n根据《中华人民共和国政府信息公开条例》规定，现公布本机关2022年度报告。\n"
    diags = lint(text.encode("utf-8"), "r.txt").diagnostics
    assert [d.code for d in diags] == ["GL005"] and "截断" in diags[0].message


PAGER = "第1页 第2页 下一页 尾页"


def test_one_page_of_a_report_split_over_several_says_so_at_the_pager():
    """A CMS splits a long article over pages (``第1页 第2页 下一页 尾页`` after it): the first page
    has parts 一–二. One GL012 on the pager says the rest is on the following pages; the pager is not
    read as rows of table 二 (GL204)."""
    page = other_pages(DATA)["paged1"]
    diags = lint(page.encode("utf-8"), "p.html").diagnostics
    codes = [d.code for d in diags]
    assert "GL204" not in codes and codes.count("GL012") == 1
    d = next(d for d in diags if d.code == "GL012")
    assert "分页" in d.message and "第三至六部分" in d.message and "several pages" in d.message_en
    assert page.split("\n")[d.line - 1][d.column - 1:].startswith("<span>第1页") or \
        page.split("\n")[d.line - 1][d.column - 1:].startswith("第1页")


def test_a_pager_in_a_pages_text_dump():
    """The same page as a crawler's text: the pager line after table 二 is no row of it."""
    text = rs.to_text(_without_part(_without_part(_without_part(_without_part(DATA, "三"), "四"), "五"), "六"), "rows")
    diags = lint((text + PAGER + "\n").encode("utf-8"), "p.txt").diagnostics
    codes = [d.code for d in diags]
    assert "GL204" not in codes and codes.count("GL012") == 1


@pytest.mark.parametrize("cls", ["page", "page-nav"])
def test_a_pager_under_a_whole_report_changes_nothing(cls):
    """The last page of a split article, or a pager of comments, under a complete report: no finding."""
    page = cms_pages(DATA)["jiyue"]
    changed = page.replace('<div class="article-attachment">',
                           f'<div class="{cls}"><a href="a_2.html">上一页</a> <span>第3页</span> 共3页</div>'
                           '<div class="article-attachment">')
    assert changed != page
    assert findings(lint(changed.encode("utf-8"), "p.html")) == findings(lint(page.encode("utf-8"), "p.html"))


@pytest.mark.parametrize("tag,src", [('<iframe src="{}" width="100%" height="2000"></iframe>', "/c/2023/123.html"),
                                     ('<embed src="{}" type="application/pdf">', "/u/2023/年报.pdf"),
                                     ('<object data="{}" type="application/pdf"></object>', "/u/2023/nb.pdf")])
def test_a_report_shown_in_a_frame_is_one_gl005_naming_the_frame(tag, src):
    """The page holds the title and a frame (an ``<iframe>`` of the content page, a PDF in ``<embed>``
    or ``<object>``): one GL005 naming the frame's address, at its tag — not "cut off or images"."""
    page = wrap(NAV + f'<div class="article"><h1>{E(DATA.title)}</h1>\n<div class="article-content">\n'
                + tag.format(src) + "</div></div>" + FOOT)
    diags = lint(page.encode("utf-8"), "p.html").diagnostics
    assert [d.code for d in diags] == ["GL005"]
    d = diags[0]
    assert src in d.message and src in d.message_en and "截断" not in d.message
    assert page.split("\n")[d.line - 1][d.column - 1:].startswith(tag[:4])


def test_a_frame_beside_the_report_changes_nothing():
    """A video or a map in an ``<iframe>`` beside a whole report is no sign the report is elsewhere."""
    page = cms_pages(DATA)["jiyue"]
    changed = page.replace('<div class="article-attachment">', '<iframe src="https://map.example/x"></iframe>'
                           '<div class="article-attachment">')
    assert changed != page
    assert findings(lint(changed.encode("utf-8"), "p.html")) == findings(lint(page.encode("utf-8"), "p.html"))


@pytest.mark.parametrize("body, where", [
    # a CMS template whose article a script fetches into an empty container
    ('<div class="nav">首页 | 政务公开</div>\n<div id="zoom"></div>\n'
     '<script>$.get("/api/art?id=9", function (d) { $("#zoom").html(d.body); });</script>', 2),
    # a single-page application: an empty <div id="app"> and a script file
    ('<noscript>请启用JavaScript</noscript>\n<div id="app"></div>\n<script src="/js/app.js"></script>', 2),
])
def test_a_page_whose_report_a_script_loads_says_so(body, where):
    """The saved page holds an empty container that a script fills when a browser shows it: one GL005
    saying so, at the container, not "no annual-report structure found"."""
    page = f"<html><head><title>某某局2022年政府信息公开工作年度报告</title></head><body>\n{body}\n</body></html>"
    diags = lint(page.encode("utf-8"), "p.html").diagnostics
    assert [d.code for d in diags] == ["GL005"]
    assert "脚本" in diags[0].message and "script" in diags[0].message_en
    assert diags[0].line == where + 1
    # a page with its report in it, and an empty element a script names, is read as usual
    full = wrap(article(DATA) + '<div id="share"></div><script>$("#share").html("分享");</script>')
    assert "GL005" not in [d.code for d in lint(full.encode("utf-8"), "p.html").diagnostics]


def test_a_frameset_names_its_main_frame():
    page = ('<html><head><title>年度报告</title></head><frameset rows="80,*">\n<frame src="top.html" name="top">\n'
            '<frame src="/art/2022report.html" name="mainFrame"></frameset></html>')
    diags = lint(page.encode("utf-8"), "p.html").diagnostics
    assert [d.code for d in diags] == ["GL005"] and "/art/2022report.html" in diags[0].message
    assert diags[0].line == 3


def _srcdoc_page(data, quote: str, inner_title: bool) -> str:
    T = E(FW(data.title))
    doc = wrap((f"<h1>{T}</h1>\n" if inner_title else "") + article(data))
    attr = E(doc, quote=True) if quote == '"' else E(doc, quote=False).replace("'", "&#39;")
    return wrap(NAV + CRUMB + f'<div class="article"><h1 class="title">{T}</h1>\n'
                f'<iframe frameborder="0" width="100%" height="3000" srcdoc={quote}{attr}{quote}></iframe>\n</div>' + RELATED + FOOT)


@pytest.mark.parametrize("quote, inner_title", [('"', True), ("'", True), ('"', False)])
@pytest.mark.parametrize("case", list(CASES))
def test_a_report_written_into_a_frames_srcdoc_is_read_at_its_place(quote, inner_title, case, reference):
    """The article written, escaped, into an ``<iframe srcdoc="…">`` (the page shows the title and
    the frame): the frame's document is read — the report's findings, not "no report structure" —
    and every character keeps its place in the attribute (an escaped one: its ``&``)."""
    page = _srcdoc_page(CASES[case], quote, inner_title)
    assert findings(lint(page.encode("utf-8"), "p.html")) == reference[case]
    src = read_html(page.encode("utf-8"), "p.html")
    assert src.text.split("\n")[0] == FW(DATA.title) and src.text.count(FW(DATA.title)) == 1
    lines = page.split("\n")
    for i, ch in enumerate(src.text):
        if ch not in " |\n":
            line, column = src.position(i)
            assert lines[line - 1][column - 1] in (ch, "&"), (i, ch, line, column)


def test_a_report_in_the_noscript_of_a_page_a_script_draws_is_read(reference):
    """A page a script draws (an empty ``<div id="app">``) with the article in its ``<noscript>``
    (what a browser without scripts shows): the article is read, at its place, not "a script loads
    the body"; a ``<noscript>`` beside a page that shows its report stays unread (no second copy)."""
    T = E(FW(DATA.title))
    for case, data in CASES.items():
        page = wrap(NAV + f'<div id="app"></div>\n<noscript><h1>{T}</h1>\n' + article(data) + '</noscript>\n' + FOOT +
                    '<script src="/js/app.js"></script>')
        assert findings(lint(page.encode("utf-8"), "p.html")) == reference[case]
        src = read_html(page.encode("utf-8"), "p.html")
        lines = page.split("\n")
        for i, ch in enumerate(src.text):
            if ch not in " |\n":
                line, column = src.position(i)
                assert lines[line - 1][column - 1] in (ch, "&"), (i, ch, line, column)
    shown = cms_pages(DATA)["jiyue"]
    both = shown.replace("</body>", f"<noscript>{article(DATA)}</noscript></body>")
    assert read_html(both.encode("utf-8"), "p.html").text == read_html(shown.encode("utf-8"), "p.html").text
