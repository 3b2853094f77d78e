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
