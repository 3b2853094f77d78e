"""Reports of the transition years mixing the two editions' tables (format-spec §2, §5.2; defects B2).

Offices switching templates often fill one table from the old template and another from the new:
a 2020 report with the 2019 table 二 and the 2021 table 三 (（六）其他处理 split into 1./2./3.), or
the reverse. The mismatch is reported once, on the table that does not fit the report year; the
table that fits is not reported, and its figures are still checked.
"""

from __future__ import annotations

from collections import Counter

import pytest

import govlint
from govlint.config import Config

import reportgen as rg

CHECKS = Config(select=("GL0", "GL10", "GL2", "GL3"))


def _doc(year: int, t2: str, t3: str) -> rg.Doc:
    doc = rg.minimal_doc(year, "2019")
    doc.tables["二"] = rg.table2(t2)
    t = rg.table3(t3)
    other = ["other_handling.no_correction", "other_handling.no_fee"] if t3 == "2021" else ["other_handling"]
    outcomes = {("disclosed", "natural"): 4, ("partly_disclosed", "business"): 1,
                ("unable.not_held", "natural"): 2, (other[0], "natural"): 1, (other[-1], "business"): 1}
    doc.tables["三"] = rg.consistent_table3(t, outcomes, carried={"natural": 1}, forward={"natural": 2})
    # a part 五 long enough not to be a formality (GL111 is not what these tests are about)
    doc.parts[4].body = ["一是政策解读形式单一，二是依申请公开答复文书不够规范。下一步将制定解读工作规范，"
                         "推行图文解读，并组织答复文书评查，统一答复文书格式，加强业务培训。"]
    return doc


def lint(doc: rg.Doc, shape: str):
    r = rg.render(doc, shape)
    return r, list(govlint.lint(r.text, CHECKS))


@pytest.mark.parametrize("shape", ["cells", "pipe", "spaced"])
def test_2021_table3_in_a_2019_edition_report_is_reported_once(shape):
    """2020 report, 2019 table 二, 2021 table 三: one GL206 on （六）其他处理, not three unknown rows
    (GL204) and an unreadable （六） row (GL211) or a missing one (GL202)."""
    r, diags = lint(_doc(2020, "2019", "2021"), shape)
    assert Counter(d.code for d in diags) == Counter({"GL206": 1}), [(d.code, d.message) for d in diags]
    d = diags[0]
    assert d.row == "other_handling" and d.table == "三"
    assert d.line == r.lines[("row", "三", "other_handling.no_correction")] or \
        d.line == r.lines.get(("group", "三", "other_handling"), -1)
    assert "2021年版" in d.message and "只有一行" in d.message
    assert "2020" in d.message_en and "split into 3 rows" in d.message_en


def test_2021_sub_rows_still_checked_by_their_sum():
    """The sub-rows stand for the 2019 （六）其他处理 row: a wrong （七）总计 is still found."""
    doc = _doc(2020, "2019", "2021")
    doc.set("三", "total", "natural", str(int(doc.value("三", "total", "natural")) + 1))
    doc.set("三", "total", "total", str(int(doc.value("三", "total", "total")) + 1))
    r, diags = lint(doc, "pipe")
    codes = Counter(d.code for d in diags)
    assert codes["GL302"] >= 1 and codes["GL206"] == 1, [(d.code, d.message) for d in diags]


def test_2021_table3_in_a_2022_report_with_the_2019_table2():
    """2022 report, 2019 table 二, 2021 table 三: the tables' edition is wrong for the year (once);
    table 三 is right for 2022 and is not reported."""
    _, diags = lint(_doc(2022, "2019", "2021"), "pipe")
    assert [d.code for d in diags] == ["GL206"], [(d.code, d.message) for d in diags]
    assert diags[0].row is None


def test_2019_table3_in_a_2020_report_with_the_2021_table2():
    """2020 report, 2021 table 二, 2019 table 三 (one （六） row): the table 三 is right for 2020, so
    only the edition of the tables is reported, and the 2019 heading of part 五 is accepted."""
    doc = _doc(2020, "2021", "2019").set_heading(5, "五、政府信息公开工作存在的主要问题及改进情况")
    _, diags = lint(doc, "pipe")
    assert [d.code for d in diags] == ["GL206"], [(d.code, d.message) for d in diags]
    assert diags[0].row is None and "2020" in diags[0].message


def test_2019_table3_in_a_2022_report_is_still_reported():
    _, diags = lint(_doc(2022, "2021", "2019"), "pipe")
    assert [(d.code, d.row) for d in diags] == [("GL206", "other_handling")], [(d.code, d.message) for d in diags]


def test_one_edition_reports_are_unchanged():
    for year, ed in ((2020, "2019"), (2022, "2021")):
        _, diags = lint(_doc(year, ed, ed), "pipe")
        assert diags == [], [(d.code, d.message) for d in diags]


@pytest.mark.parametrize("year, t2", [(2020, "2021"), (2022, "2021")])
def test_a_single_2019_other_handling_row_still_checks_the_outcome_total(year, t2):
    """A 2019 table 三 read against the 2021 edition: its one （六）其他处理 row (figures of its own,
    no sub-rows) stands for the sum of the 2021 sub-rows, so （七）总计 = (一)…(六) is still checked
    (it was skipped for every column)."""
    doc = _doc(year, t2, "2019")
    _, clean = lint(doc, "pipe")
    assert not [d for d in clean if d.code.startswith("GL3")], [(d.code, d.message) for d in clean]
    doc.set("三", "other_handling", "natural", str(int(doc.value("三", "other_handling", "natural")) + 1))
    doc.set("三", "other_handling", "total", str(int(doc.value("三", "other_handling", "total")) + 1))
    _, diags = lint(doc, "pipe")
    hits = [d for d in diags if d.code == "GL302"]
    assert len(hits) == 2 and {d.col for d in hits} == {"natural", "total"}, [(d.code, d.message) for d in diags]
    assert all("其他处理" in d.message for d in hits)


def test_the_tables_written_in_the_other_edition_are_named():
    """2020 report, 2021 table 二, 2019 table 三: GL206 says table 二 follows the 2021 edition (not
    “the tables”), and points at table 二."""
    doc = _doc(2020, "2021", "2019").set_heading(5, "五、政府信息公开工作存在的主要问题及改进情况")
    r, diags = lint(doc, "pipe")
    (d,) = [d for d in diags if d.code == "GL206"]
    assert "但表二使用的是2021年版格式" in d.message and "table 二 follow" in d.message_en
    assert d.table == "二"
    report = govlint.parse(r.text)
    assert report.table_edition_scores["二"]["2021"] > 0 and report.table_edition_scores["三"]["2021"] == 0
    # the 2019 edition throughout in a 2022 report: “the tables” (no table shows the 2021 edition)
    _, diags = lint(_doc(2022, "2019", "2019"), "pipe")
    assert [d.message[:23] for d in diags if d.code == "GL206"] == ["报告年度为2022年，但统计表使用的是2019"]


# ---------------------------------------------------------------- one block of table 二 in the other edition
def _t2_mixed(base: str, other: str, blocks: tuple[str, ...]) -> "rg.TableData":
    """The ``base`` edition's table 二 with the blocks ``blocks`` (block ids) written as the ``other``
    edition has them (a block only ``other`` has is added after the others)."""
    t, o = rg.table2(base), rg.table2(other)
    ids = [b.id for b in t.blocks]
    for bid in blocks:
        ob = next(b for b in o.blocks if b.id == bid)
        if bid in ids:
            old = t.blocks[ids.index(bid)]
            t.values = {k: v for k, v in t.values.items() if k[0] not in {r.id for r in old.rows}}
            t.blocks[ids.index(bid)] = ob
        else:
            t.blocks.append(ob)
        t.values.update({k: v for k, v in o.values.items() if k[0] in {r.id for r in ob.rows}})
    return t


def _block_doc(year: int, edition: str, t2) -> "rg.Doc":
    doc = _doc(year, edition, edition)
    doc.tables["二"] = t2
    if edition == "2019":
        doc.set_heading(5, "五、政府信息公开工作存在的主要问题及改进情况")
    return doc


@pytest.mark.parametrize("shape", ["cells", "pipe", "spaced"])
def test_a_2019_block_in_a_2021_table2_is_named_once(shape):
    """2022 report, 2021 table 二 whose block （一） has the 2019 columns 本年新制作数量 · 本年新公开数量 ·
    对外公开总数量 and row 规范性文件: one GL206 naming the block and the 2019 edition, not a header not
    recognised (GL212), an unknown row (GL204) and a missing one (GL202)."""
    r, diags = lint(_block_doc(2022, "2021", _t2_mixed("2021", "2019", ("art20_1",))), shape)
    assert [d.code for d in diags] == ["GL206"], [(d.code, d.message) for d in diags]
    d = diags[0]
    assert d.table == "二" and d.expected == "2021" and d.actual == "2019"
    assert "第二十条第（一）项" in d.message and "2019年版" in d.message and "本年新制作数量" in d.message
    assert "本年制发件数" in d.message and "2022年度" in d.message
    assert "2019 edition" in d.message_en and "第二十条第（一）项" in d.message_en


@pytest.mark.parametrize("shape", ["cells", "pipe"])
@pytest.mark.parametrize("blocks", [("art20_5",), ("art20_6", "art20_8")])
def test_other_2019_blocks_in_a_2021_table2(shape, blocks):
    """上一年项目数量 · 本年增/减 · 处理决定数量 (and the 2019 row 其他对外管理服务事项): one GL206 a block."""
    _, diags = lint(_block_doc(2022, "2021", _t2_mixed("2021", "2019", blocks)), shape)
    assert [d.code for d in diags] == ["GL206"] * len(blocks), [(d.code, d.message) for d in diags]
    assert all("2019年版" in d.message for d in diags)


@pytest.mark.parametrize("shape", ["cells", "pipe", "spaced"])
def test_the_2019_block_9_added_to_a_2021_table2(shape):
    """The 2019 block 第二十条第（九）项 (政府集中采购) after the 2021 blocks: one GL206 saying the 2021
    edition has no such block, not four unknown rows (GL204)."""
    _, diags = lint(_block_doc(2022, "2021", _t2_mixed("2021", "2019", ("art20_9",))), shape)
    assert [d.code for d in diags] == ["GL206"], [(d.code, d.message) for d in diags]
    d = diags[0]
    assert "第二十条第（九）项" in d.message and "2019年版" in d.message and "没有这一栏目" in d.message
    assert "has no such block" in d.message_en


@pytest.mark.parametrize("shape", ["cells", "pipe"])
def test_a_2021_block_in_a_2019_table2(shape):
    """The reverse: a 2020 report whose 2019 table 二 has the 2021 block （八） (本年收费金额（单位：万元）)."""
    _, diags = lint(_block_doc(2020, "2019", _t2_mixed("2019", "2021", ("art20_8",))), shape)
    assert [d.code for d in diags] == ["GL206"], [(d.code, d.message) for d in diags]
    assert "第二十条第（八）项" in diags[0].message and "2021年版" in diags[0].message
    assert "上一年项目数量" in diags[0].message  # the 2019 block's columns


def test_a_block_right_for_the_year_is_not_reported():
    """A 2020 report whose table 二 is 2021 but for block （八） in 2019: the table's edition is wrong for
    2020 (GL206, once, as before); the 2019 block is right for 2020 and is not reported."""
    doc = _block_doc(2020, "2019", _t2_mixed("2021", "2019", ("art20_8",)))
    _, diags = lint(doc, "pipe")
    assert [d.code for d in diags] == ["GL206"], [(d.code, d.message) for d in diags]
    assert "第二十条" not in diags[0].message and "表二使用的是2021年版" in diags[0].message


def test_a_table2_mostly_in_the_other_edition_is_read_in_that_edition():
    """A 2020 report (2019 tables) whose table 二 has the 2021 blocks （五） （六） （八）: the table is read
    as the 2019 edition's, the three 2021 blocks are named (one GL206 each), and the 2019 block （九）
    left out is missing (GL202)."""
    doc = _block_doc(2020, "2019", _t2_mixed("2019", "2021", ("art20_5", "art20_6", "art20_8")))
    doc.tables["二"].blocks = [b for b in doc.tables["二"].blocks if b.id != "art20_9"]
    _, diags = lint(doc, "pipe")
    assert [(d.code, d.row) for d in diags] == [("GL206", None)] * 3 + [("GL202", "procurement")], \
        [(d.code, d.message) for d in diags]


def test_a_2019_block_is_recorded_on_the_model():
    r, _ = lint(_block_doc(2022, "2021", _t2_mixed("2021", "2019", ("art20_1",))), "pipe")
    t = govlint.parse(r.text).table("二")
    assert [(b.edition, b.block) for b in t.other_edition_blocks] == [("2019", "art20_1")]
    assert {row.id: row.problem for row in t.rows if row.block == "art20_1"} == \
        {"regulations": "other_edition", "normative_documents": "other_edition"}
    assert not t.unknown_rows and not t.unknown_columns and not t.missing_rows and t.header_recognised
    r, _ = lint(_block_doc(2022, "2021", _t2_mixed("2021", "2019", ("art20_9",))), "pipe")
    t = govlint.parse(r.text).table("二")
    assert [(b.edition, b.block, b.caption) for b in t.other_edition_blocks] == [("2019", None, "第二十条第（九）项")]
    assert not t.unknown_rows and not t.missing_rows and all(row.problem is None for row in t.rows)


def _seed_block_1_in_2019(text: str) -> str:
    for new, old in (("本年新制作数量", "本年制发件数"), ("本年新公开数量", "本年废止件数"), ("对外公开总数量", "现行有效件数")):
        assert old in text
        text = text.replace(old, new, 1)
    return text


def _seed_block_9_added(text: str) -> str:
    if "行政事业性收费 | 0\n" in text:  # `a | b` rows
        return text.replace("行政事业性收费 | 0\n", "行政事业性收费 | 0\n第二十条第（九）项\n信息内容 | 采购项目数量 | 采购总金额\n"
                                           "政府集中采购 | 0 | 0\n", 1)
    assert "行政事业性收费 |\n0 |\n" in text  # one cell a line (the seed's shape)
    return text.replace("行政事业性收费 |\n0 |\n", "行政事业性收费 |\n0 |\n第二十条第（九）项 |\n|||\n信息内容 |\n采购项目数量 |\n"
                                               "采购总金额 |\n政府集中采购 |\n0 |\n0 |\n", 1)


@pytest.mark.parametrize("shape", ["cells", "rows"])
@pytest.mark.parametrize("change, block", [(_seed_block_1_in_2019, "第二十条第（一）项"),
                                           (_seed_block_9_added, "第二十条第（九）项")])
def test_a_2019_block_in_the_seed(shape, change, block):
    """The seed (a 2022 report, 2021 tables) with one block of table 二 in the 2019 edition: one GL206
    naming the block, and nothing else new (no GL212, GL204, GL202)."""
    from pathlib import Path
    import render_shapes as rs
    data = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
    text = rs.to_text(data, shape)
    before = Counter(d.code for d in govlint.lint(text))
    diags = list(govlint.lint(change(text)))
    assert Counter(d.code for d in diags) - before == Counter({"GL206": 1}), [(d.code, d.message) for d in diags]
    assert before - Counter(d.code for d in diags) == Counter()
    (d,) = [d for d in diags if d.code == "GL206"]
    assert block in d.message and "2019年版" in d.message and d.table == "二"
