"""A 2021 table 二 (a 2022 report) whose 第二十条第（五）项 and 第二十条第（六）项 blocks are headed with
the 2019 labels — 处理决定数量 for 2021's 本年处理决定数量, alone or with 上一年项目数量 · 本年增/减 —
(format-spec §4.1, §5.1). GL206 names the 2019 labels (kept), and the blocks' figures are read into
the 2021 column of the same meaning, 本年处理决定数量, so that the text is checked against them (GL503)
and the rules on the table's figures see them (was: not read, “该栏目的数字未参与核对”). The figures of
the 2019 columns the 2021 edition has not (上一年项目数量, 本年增/减) are not read, and GL206 says so."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import govlint

import render_shapes as rs
import reportgen as rg

FIGURES = {"licensing": ("36", "-2", "1520"), "other_services": ("12", "3", "210"),
           "penalty": ("264", "-8", "430"), "enforcement": ("12", "0", "25")}
SAID = "本年度作出行政许可决定1500件，行政处罚决定430件。"  # 1500: the table has 1520


def doc(header: str, other_row: bool = False) -> rg.Doc:
    """The seed (a 2022 report, 2021 tables) with the blocks （五） and （六） of table 二 written as the
    2019 edition has them: ``header`` "label" (信息内容 | 处理决定数量) or "full" (信息内容 | 上一年项目数量 |
    本年增/减 | 处理决定数量); ``other_row``: with the 2019 row 其他对外管理服务事项 too."""
    d = rg.seed_doc()
    t2, old = d.tables["二"], rg.table2("2019")
    for i in (1, 2):
        b = old.blocks[i]
        if header == "label":
            b.header, b.columns = [["信息内容", "处理决定数量"]], ["decisions"]
        if not other_row:
            b.rows = [r for r in b.rows if r.id != "other_services"]
        t2.blocks[i] = b
        for r in b.rows:
            for c, x in zip(["previous", "change", "decisions"], FIGURES[r.id]):
                t2.values[(r.id, c)] = x
    d.parts[0].body = [SAID]
    return d


def _decisions(obj) -> dict:
    t2 = govlint.parse(obj).table("二")
    return {r: (t2.cell(r, "decisions").value if t2.cell(r, "decisions") else None)
            for r in ("licensing", "penalty", "enforcement")}


READ = {"licensing": 1520, "penalty": 430, "enforcement": 25}


@pytest.mark.parametrize("shape", rg.SHAPES)
@pytest.mark.parametrize("header, other_row", [("label", False), ("label", True), ("full", False)])
def test_the_2019_decisions_column_is_read_as_the_2021_one(shape, header, other_row):
    if header == "full" and shape == "spaced":
        pytest.skip("read as a 2019 table 二 as a whole (GL206 for the table, GL202), as before")
    text = rg.render(doc(header, other_row), shape).text
    assert _decisions(text) == READ
    diags = govlint.lint(text)
    codes = Counter(d.code for d in diags if d.code.startswith(("GL2", "GL3", "GL5")))
    assert codes == Counter({"GL206": 2, "GL503": 1}), codes
    (d,) = [d for d in diags if d.code == "GL503"]
    assert d.expected == 1520 and "“本年处理决定数量”列" in d.message


def test_the_finding_names_the_2019_labels_and_what_was_read():
    diags = [d for d in govlint.lint(rg.render(doc("full"), "pipe").text) if d.code == "GL206"]
    assert [d.message for d in diags] == [
        f"表二“{caption}”栏目使用的是2019年版格式（国办公开办函〔2019〕60号）的名称（上一年项目数量、本年增/减、"
        "处理决定数量）；2022年度报告应使用2021年版（国办公开办函〔2021〕30号），该栏目的列应为：本年处理决定数量"
        "（该栏目处理决定数量的数字已按本年处理决定数量核对，上一年项目数量、本年增/减的数字未参与核对）"
        for caption in ("第二十条第（五）项", "第二十条第（六）项")]
    assert diags[0].message_en.endswith("(the figures of 处理决定数量 were checked as 本年处理决定数量; those of "
                                        "上一年项目数量, 本年增/减 were not)")
    (d, _) = [d for d in govlint.lint(rg.render(doc("label"), "pipe").text) if d.code == "GL206"]
    assert d.message.endswith("（该栏目处理决定数量的数字已按本年处理决定数量核对）")


def test_a_block_of_2019_columns_the_2021_block_has_not_is_still_unread():
    """（一）'s 2019 columns (本年新制作数量 …) are not its 2021 columns (本年制发件数 …): unread, as before."""
    d = rg.seed_doc()
    d.tables["二"].blocks[0] = rg.table2("2019").blocks[0]
    for r in d.tables["二"].blocks[0].rows:
        for c in ("made", "published", "total_published"):
            d.tables["二"].values[(r.id, c)] = "3"
    text = rg.render(d, "pipe").text
    t2 = govlint.parse(text).table("二")
    assert t2.row("regulations").cells == () and t2.row("regulations").problem == "other_edition"
    (g,) = [x for x in govlint.lint(text) if x.code == "GL206"]
    assert g.message.endswith("（该栏目的数字未参与核对）")


@pytest.mark.parametrize("shape", ["html", "docx"])
def test_in_a_web_page_and_a_word_file(tmp_path, shape, monkeypatch):
    blocks = [(c, [(i, "处理决定数量" if label == "本年处理决定数量" else label) for i, label in cols], rows)
              for c, cols, rows in rs.T2_BLOCKS]
    monkeypatch.setattr(rs, "T2_BLOCKS", blocks)
    data = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
    for (r, v) in READ.items():
        data = data.with_value("二", r, "decisions", str(v))
    path = tmp_path / f"report.{shape}"
    if shape == "html":
        path.write_bytes(rs.to_html(data).data)
    else:
        rs.to_docx(data, path)
    assert _decisions(path) == READ
    assert Counter(d.code for d in govlint.lint(path) if d.code.startswith("GL2")) == Counter({"GL206": 2})
