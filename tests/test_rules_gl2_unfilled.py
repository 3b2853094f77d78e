"""GL207 on an unfilled table (the format's template): one finding for the table, not one per cell."""

from __future__ import annotations

import re

import pytest

import govlint

import reportgen as rg


def _blank(doc: rg.Doc, tables=("二", "三", "四")) -> rg.Doc:
    for tid in tables:
        t = doc.tables[tid]
        for k in t.values:
            t.values[k] = ""
    return doc


@pytest.mark.parametrize("shape", ["pipe", "cells", "markdown"])
def test_an_unfilled_table_is_one_finding(shape):
    r = rg.render(_blank(rg.minimal_doc(), ("二", "三")), shape)
    ds = [d for d in govlint.lint(r.text.encode()) if d.code == "GL207"]
    assert [(d.table, d.message) for d in ds] == [
        ("二", "表二（主动公开政府信息情况）的10个数字单元格全部为空：表格尚未填写，应填写数字（没有的填0）"),
        ("三", "表三（收到和处理政府信息公开申请情况）的175个数字单元格全部为空：表格尚未填写，应填写数字（没有的填0）")]
    assert ds[0].message_en.startswith("all 10 figures of table 二")


def test_a_table_with_one_figure_is_not_unfilled():
    # one figure written: the table was filled in, its 174 blank cells are one finding (zeros written
    # as blanks), not "全部为空"
    doc = _blank(rg.minimal_doc(), ("三",)).set("三", "new", "natural", "3")
    ds = [d for d in govlint.lint(rg.render(doc, "pipe").text.encode()) if d.code == "GL207"]
    assert [d.message.split("（第")[0] for d in ds] == ["表三（收到和处理政府信息公开申请情况）有174个数字单元格为空"]


def _blank_findings(ds, table: str) -> int:
    """The blank cells GL207 reports in ``table``: one finding each, or one for many (“有N个数字单元格为空”)."""
    n = 0
    for d in ds:
        if d.code == "GL207" and d.table == table:
            m = re.search(r"有(\d+)个数字单元格为空", d.message)
            n += int(m.group(1)) if m else 1
    return n


def _blank_cells(doc: rg.Doc, table: str, keep=()) -> rg.Doc:
    """Every figure of ``table`` left blank but those whose column is in ``keep``."""
    t = doc.tables[table]
    for k in t.values:
        if k[1] not in keep:
            t.values[k] = ""
    return doc


@pytest.mark.parametrize("shape", ["cells", "pipe", "markdown"])
def test_blank_cells_among_figures_are_blank_cells_of_their_row(shape):
    # table 三 filled in 自然人 and 总计 only, the other columns left blank: one cell per line writes a
    # blank cell as a lone pipe (``|``), a row of pipes as ``| 3 |  |  |``: each blank is that row's
    # cell (GL207), the row is read (no GL211) and its figures add up (no GL3)
    doc = _blank_cells(rg.minimal_doc(), "三", keep=("natural", "total"))
    doc = doc.set("三", "new", "natural", "3").set("三", "new", "total", "3")
    doc = doc.set("三", "disclosed", "natural", "3").set("三", "disclosed", "total", "3")
    doc = doc.set("三", "total", "natural", "3").set("三", "total", "total", "3")
    ds = govlint.lint(rg.render(doc, shape).text.encode())
    codes = {d.code for d in ds}
    assert not codes & {"GL211", "GL301", "GL302", "GL303"}, sorted(codes)
    assert _blank_findings(ds, "三") == 25 * 5  # (one finding for them: zeros written as blanks)


@pytest.mark.parametrize("lone", ["|", " |"])
def test_a_lone_pipe_for_a_blank_cell_with_or_without_the_space_before_it(lone):
    doc = _blank_cells(rg.minimal_doc(), "三", keep=("natural", "total"))
    text = rg.render(doc, "cells").text.replace("\n|\n", f"\n{lone}\n")
    ds = govlint.lint(text.encode())
    assert not [d for d in ds if d.code == "GL211"]
    assert _blank_findings(ds, "三") == 25 * 5


@pytest.mark.parametrize("shape", ["cells", "pipe", "markdown"])
def test_table_4_left_blank_is_blank_cells_not_a_missing_row(shape):
    # the 15 figures of table 四 left blank (offices do leave the row empty when there were no cases):
    # its row is there, each cell blank (GL207), not "表四没有数据行" (GL202, an error)
    doc = _blank_cells(rg.minimal_doc(), "四")
    ds = govlint.lint(rg.render(doc, shape).text.encode())
    assert not [d for d in ds if d.code in ("GL202", "GL211")]
    blank = [d for d in ds if d.code == "GL207" and d.table == "四"]
    assert _blank_findings(ds, "四") == 15 or (len(blank) == 1 and "15" in blank[0].message)


def test_table_4_left_blank_in_a_web_page():
    row = "<tr>" + "<td></td>" * 15 + "</tr>"
    head = ('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
            '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
            '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
            '<td colspan="5">复议后起诉</td></tr><tr>' + "".join(
                f"<td>{w}</td>" for w in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>")
    text = rg.render(rg.minimal_doc(), "pipe").text
    a = text.index("四、政府信息公开行政复议")
    b = text.index("五、存在的主要问题")
    body = "".join(f"<p>{line}</p>" for line in text[:a].splitlines())
    page = (f"<html><body>{body}<p>四、政府信息公开行政复议、行政诉讼情况</p><table>{head}{row}</table>"
            + "".join(f"<p>{line}</p>" for line in text[b:].splitlines()) + "</body></html>")
    ds = govlint.lint(page.encode())
    assert not [d for d in ds if d.code in ("GL202", "GL211")]
    assert [d for d in ds if d.code == "GL207" and d.table == "四"]


@pytest.mark.parametrize("filler, code", [("", "GL207"), ("-", "GL208"), ("/", "GL208"), ("无", "GL208")])
@pytest.mark.parametrize("shape", ["cells", "pipe"])
def test_zeros_written_as_blanks_or_dashes_are_one_finding(filler, code, shape):
    """A report writing its zeros as blanks or dashes (the format does not say how to write none; some
    reports do so): 169 warnings, one per cell, were one for the table — naming how many and the
    lines they span; a table with fewer such cells keeps a finding per cell."""
    doc = rg.distinct_doc()
    t = doc.tables["三"]
    for k in list(t.values)[::4]:  # every fourth figure of table 三
        t.values[k] = filler
    n = len(list(t.values)[::4])
    r = rg.render(doc, shape)
    ds = [d for d in govlint.lint(r.text.encode()) if d.code == code and d.table == "三"]
    (d,) = ds
    what = "为空" if code == "GL207" else f"填的是“{filler}”"
    assert f"表三（收到和处理政府信息公开申请情况）有{n}个数字单元格{what}（第{d.line}至" in d.message
    few = rg.distinct_doc()
    for k in list(few.tables["三"].values)[:4]:
        few.tables["三"].values[k] = filler
    assert len([d for d in govlint.lint(rg.render(few, shape).text.encode()) if d.code == code]) == 4
