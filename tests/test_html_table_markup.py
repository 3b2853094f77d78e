"""The seed's tables in markup that CMS editors and form-made pages write: rows hidden from view (a
template row, a ``<tbody>`` a script fills; by the page's style sheet: ``.hid {display: none}``), table 三's
总计 beside 申请人情况 spanning the header's three rows, copies of the report a style sheet the page links to
hides (a print version), a ``<tfoot>`` written before the body (HTML 4's order;
a browser shows it last), figures as the values of text fields (``<input value="3" readonly>``,
``<textarea>``: a page made from a filling-in form). Each page must give the findings of the
report's text, its figures, and their places in the page.
"""

from __future__ import annotations

import html
import re

import pytest

import render_shapes as rs
from govlint.extract import extract_bytes
from govlint.readers.html import read_html
from test_cms_pages import CASES, CRUMB, FOOT, FW, NAV, SHARE, findings, lint

E = html.escape


def _attrs(c: rs.GCell) -> str:
    return (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")


def _row(cells: list, value=lambda c: E(c.text)) -> str:
    return "<tr>" + "".join(f"<td{_attrs(c)}>{value(c) if c.key else E(c.text)}</td>" for c in cells) + "</tr>"


def _template_row(width: int) -> str:
    return '<tr style="display: none">' + "<td>{{label}}</td>" + "<td>0</td>" * (width - 1) + "</tr>"


def _total_beside_group(grid: list) -> list:
    """Table 三's header with 总计 beside 申请人情况, spanning the three header rows (申请人情况 over
    自然人 and 法人或其他组织 only); other tables as they are."""
    if grid[0][0].text != rs.T3_NOTE:
        return grid
    corner = rs.GCell(rs.T3_NOTE, rowspan=3, colspan=3)
    return [[corner, rs.GCell("申请人情况", colspan=6), rs.GCell("总计", rowspan=3)],
            [rs.GCell("自然人", rowspan=2), rs.GCell("法人或其他组织", colspan=5)],
            [rs.GCell(x) for x in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")]] + grid[3:]


#: style sheets hiding rows and copies by class or id, and rules that hide nothing on screen: a rule
#: inside @media print, a class shown again by a more specific rule, a rule for another place
CSS = ("<style>.hid{display:none} tr.tpl { visibility : hidden } /* .note{display:none} */\n"
       "@media print { .noprint { display: none } } .tab { DISPLAY: NONE } .tab.on { display: block }\n"
       ".sidebar .tab.on { display: none }\n"
       "#zoom > #copy-1, div.article .print-copy { display: none !important }</style>")


def table(grid: list, how: str) -> str:
    width = max(c.col + c.colspan for row in grid for c in row)
    if how == "total_beside_group":
        grid = _total_beside_group(grid)
        how = "plain"
    rows = [_row(r) for r in grid]
    if how == "plain":
        body = "\n".join(rows)
    elif how == "css_hidden":  # rows, a row group, and copies of the table hidden by the page's style sheet
        rows.insert(len(rows) - 1, _template_row(width).replace('style="display: none"', 'class="tpl"'))
        rows.insert(1, '<tr class="row hid"><td>合计</td>' + "<td>9</td>" * (width - 1) + "</tr>")
        shown = "<tbody>" + "\n".join(rows) + '</tbody>\n<tbody class="hid"><tr><td>小计</td><td>1</td><td>2</td></tr></tbody>'
        copy = "\n".join(_row(r, lambda c: "0") for r in grid)
        return (f'<div class="print-copy"><table border="1">{copy}</table></div>\n'
                f'<div class="tab on noprint"><table border="1" cellspacing="0">\n{shown}\n</table></div>\n'
                f'<table id="copy-1">{copy}</table>')
    elif how == "hidden_rows":  # a template row among the rows, a hidden group of rows after them
        rows.insert(len(rows) - 1, _template_row(width))
        rows.insert(0, '<tr hidden><td>合计</td><td>9</td></tr>')
        body = "<tbody>" + "\n".join(rows) + '</tbody>\n<tbody style="DISPLAY:none"><tr><td>小计</td><td>1</td><td>2</td></tr></tbody>'
    elif how == "tfoot_first":  # the last row in a <tfoot> written before the <tbody>
        body = f"<tfoot>{rows[-1]}</tfoot>\n<tbody>" + "\n".join(rows[:-1]) + "</tbody>"
    elif how == "inputs":  # every figure the value of a read-only text field
        body = "\n".join(_row(r, lambda c: f'<input type="text" class="inp" value="{E(c.text)}" readonly>') for r in grid)
    elif how == "inputs_unquoted":
        body = "\n".join(_row(r, lambda c: f"<INPUT name=v{c.row}_{c.col} value={E(c.text)} disabled>") for r in grid)
    elif how == "textareas":
        body = "\n".join(_row(r, lambda c: f'<textarea rows="1" readonly>{E(c.text)}</textarea>') for r in grid)
    else:
        raise ValueError(how)
    return f'<table border="1" cellspacing="0">\n{body}\n</table>'


def page(data: rs.ReportData, how: str) -> str:
    out = []
    for kind, x in data.blocks:
        if kind == "h":
            out.append(f"<p><strong>{E(FW(x))}</strong></p>")
        elif kind == "p":
            out.append(f'<p style="text-indent:2em">{E(FW(x))}</p>')
        else:
            out.append(table(rs.table_grid(data, x), "plain" if how == "copies" else how))
    body = "\n".join(out)
    head = CSS + "\n" if how == "css_hidden" else ""
    before = after = ""
    if how == "copies":  # copies of the report hidden by a style sheet the page links to (not in the page)
        head = '<link rel="stylesheet" href="/css/print.css">\n'
        before = f'<div class="hidden">\n{body}\n</div>\n'
        after = f'<div class="d-none d-print-block"><h2>{E(FW(data.title))}</h2>\n{body}\n</div>\n'
    return ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>年报</title>\n' + head + '</head>\n<body>\n' + NAV + CRUMB +
            before + f'<div class="article"><h1 class="title">{E(FW(data.title))}</h1>\n<div id="zoom">\n{body}\n</div>\n' + SHARE +
            "</div>" + after + FOOT + "</body>\n</html>\n")


@pytest.fixture(scope="module")
def reference():
    return {name: findings(lint(rs.to_text(d, "cells").encode("utf-8"), "r.txt")) for name, d in CASES.items()}


HOWS = ["hidden_rows", "css_hidden", "tfoot_first", "inputs", "inputs_unquoted", "textareas", "total_beside_group", "copies"]


def _figures(rec: dict) -> set:
    return {(c["table"], c["row"], c["column_id"], c["value"]) for c in rec["cells"] if c["aligned"]}


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("case", list(CASES))
def test_the_pages_findings_are_the_texts(how, case, reference):
    data = page(CASES[case], how).encode("utf-8")
    assert findings(lint(data, f"{how}.html")) == reference[case]


@pytest.mark.parametrize("how", HOWS)
def test_the_pages_figures_are_the_reports_at_their_places(how):
    text = page(CASES["seed"], how)
    rec = extract_bytes(text.encode("utf-8"), "p.html")
    want = extract_bytes(rs.to_text(CASES["seed"], "cells").encode("utf-8"), "r.txt")
    assert _figures(rec) == _figures(want) and len(_figures(rec)) == 200
    lines = text.split("\n")
    for c in rec["cells"]:
        assert lines[c["line"] - 1][c["column"] - 1:].startswith(c["text"]), c
    if how.startswith("inputs"):  # the sum that is wrong is flagged at the value of its field
        bad = page(CASES["changed_cell"], how)
        diag = next(d for d in lint(bad.encode("utf-8"), "p.html").diagnostics if d.code == "GL303")
        want_value = CASES["changed_cell"].values[("三", "new", "total")]
        line = bad.split("\n")[diag.line - 1]
        assert line[diag.column - 1:].startswith(want_value) and re.search(r"value=\"?$", line[:diag.column - 1])


@pytest.mark.parametrize("case", list(CASES))
def test_total_beside_its_group_in_a_text_of_rows(case, reference):
    """The header read row by row from any file: the page's text (``申请人情况 | 总计`` over ``自然人 |
    法人或其他组织``) saved as a text file gives the report's findings too."""
    text = read_html(page(CASES[case], "total_beside_group").encode("utf-8")).text
    assert "申请人情况 | 总计\n自然人 | 法人或其他组织\n" in text
    assert findings(lint(text.encode("utf-8"), "r.txt")) == reference[case]
