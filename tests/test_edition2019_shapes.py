"""Reports in the 2019 edition of the format (国办公开办函〔2019〕60号; report years 2019 and 2020).

The 2019 tables differ from the 2021 ones (format-spec §5): table 二 counts documents made, published
and published in all (本年新制作数量 · 本年新公开数量 · 对外公开总数量), items of last year and their change
(上一年项目数量 · 本年增/减, negative for a decrease) and has a block 第二十条第（九）项 政府集中采购; table 三
has one （六）其他处理 row. The rules that compare the text with the tables, or that depend on the
report's format, must know these columns; a rule that knows only the 2021 rows is a false negative.
"""

from __future__ import annotations

from collections import Counter

import pytest

import govlint

import reportgen as rg


def doc2019(year: int = 2020) -> rg.Doc:
    """A correct 2019-edition report with figures in every table (negative 本年增/减 included)."""
    doc = rg.minimal_doc(year, "2019")
    doc.set_heading(5, "五、政府信息公开工作存在的主要问题及改进情况")
    doc.parts[4].body = ["一是政策解读形式单一，二是依申请公开答复文书不够规范。下一步将制定解读工作规范，"
                         "推行图文解读，并组织答复文书评查，统一答复文书格式，加强业务培训。"]
    outcomes = {("disclosed", "natural"): 12, ("disclosed", "business"): 3, ("partly_disclosed", "natural"): 2,
                ("withheld.third_party", "natural"): 1, ("unable.not_held", "natural"): 5,
                ("unable.not_held", "legal_services"): 1, ("not_processed.repeated", "natural"): 2,
                ("other_handling", "natural"): 1, ("other_handling", "other"): 1}
    rg.consistent_table3(doc.tables["三"], outcomes, carried={"natural": 2}, forward={"natural": 3, "business": 1})
    rg.consistent_table4(doc.tables["四"], {"review.upheld": 2, "review.corrected": 1, "direct.upheld": 1,
                                           "after_review.pending": 1})
    values = {"regulations": ("0", "0", "0"), "normative_documents": ("5", "5", "48"),
              "licensing": ("36", "-2", "1520"), "other_services": ("12", "3", "210"),
              "penalty": ("264", "-8", "430"), "enforcement": ("12", "0", "25"), "fees": ("3", "-1"),
              "procurement": ("135", "753944.32")}
    t2 = doc.tables["二"]
    for row, vals in values.items():
        for col, v in zip(t2.block_of(row).columns, vals):
            doc.set("二", row, col, v)
    return doc


def lint(doc: rg.Doc, shape: str = "pipe", select=None):
    text = rg.render(doc, shape).text
    diags = list(govlint.lint(text))
    if select:
        diags = [d for d in diags if d.code.startswith(select)]
    return diags


def show(diags):
    return [(d.code, d.message) for d in diags]


@pytest.mark.parametrize("year", [2019, 2020])
@pytest.mark.parametrize("shape", rg.SHAPES)
def test_a_correct_2019_edition_report_checks_clean(year, shape):
    assert lint(doc2019(year), shape) == []


# ---------------------------------------------------------------- GL110: the five aspects are 2021's
@pytest.mark.parametrize("year", [2019, 2020])
def test_a_2020_report_in_the_2021_tables_is_not_held_to_the_2021_part1(year):
    """A 2019 or 2020 report written in the 2021 tables: the tables are wrong for the year (GL206), but
    part 一 answers to the 2019 format, whose 总体情况 has no list of five aspects (GL110 fired)."""
    doc = doc2019(year)
    doc.tables["二"] = rg.table2("2021")
    doc.tables["三"] = rg.consistent_table3(rg.table3("2021"), {("disclosed", "natural"): 3}, {}, {})
    codes = Counter(d.code for d in lint(doc))
    assert codes == Counter({"GL206": 1}), codes
    # the year still decides for a 2021 report in the 2019 tables (its part 一 is 2021's)
    doc = doc2019(2020).set_year(2021, 2020)
    assert "GL110" in {d.code for d in lint(doc)}


# ---------------------------------------------------------------- GL503: the text against the 2019 table 二
@pytest.mark.parametrize("sentence, column, expected", [
    ("本年度制作规范性文件6件。", "本年新制作数量", 5),
    ("本年度新制作规范性文件5件，新公开6件。", "本年新公开数量", 5),
    ("本年度新公开规范性文件6件。", "本年新公开数量", 5),
    ("截至年底，对外公开规范性文件总数49件。", "对外公开总数量", 48),
    ("本年新制作规章1件。", "本年新制作数量", 0),
])
def test_the_text_is_compared_with_the_2019_columns_of_table2(sentence, column, expected):
    """本年新制作数量 · 本年新公开数量 · 对外公开总数量 are the 2019 counts of 规章 and 规范性文件: a
    figure the text gives for one of them is compared with it (新公开 and 公开总数 were not compared,
    制作 was not read as the count of documents made)."""
    doc = doc2019()
    doc.parts[0].body = [sentence]
    (d,) = lint(doc, select="GL5")
    assert d.code == "GL503" and d.table == "二" and d.expected == expected, show([d])
    assert f"“{column}”列" in d.message
    assert lint(doc.set_year(2022, 2020), select="GL503"), "the 2019 tables in a 2022 report are read the same"


@pytest.mark.parametrize("sentence", [
    "本年度新制作规范性文件5件，新公开5件，对外公开规范性文件总数48件。",
    "本年度制发规范性文件5件，废止1件，现行有效36件。",  # 废止, 现行有效: the 2019 table has no such column
    "累计对外公开规范性文件49件。",  # 累计: not this year's figure
])
def test_figures_that_agree_with_the_2019_table2_or_that_it_does_not_count(sentence):
    doc = doc2019()
    doc.parts[0].body = [sentence]
    assert lint(doc, select="GL5") == []


def test_the_2019_words_in_a_2021_report_are_not_compared_with_other_columns():
    """新公开 and 公开总数 name no column of the 2021 table 二 (制作 is 制发 there)."""
    doc = rg.minimal_doc(2022)
    doc.parts[0].body = ["本年度新公开规范性文件6件，对外公开规范性文件总数49件。"]
    assert lint(doc, select="GL503") == []


# ---------------------------------------------------------------- GL503: 政府集中采购 and 收费项目 in the text
# doc2019: 政府集中采购 135 projects, 采购总金额 753944.32 (no unit written); 行政事业性收费 3 items, −1
def _procurement_doc(label: str = "", amount: str = "753944.32", year: int = 2020):
    doc = doc2019(year)
    if label:
        doc.relabel_header("二", "采购总金额", label, block=4)
    doc.set("二", "procurement", "amount", amount)
    return doc


@pytest.mark.parametrize("sentence, label, amount, col, expected", [
    ("全年政府集中采购项目136个。", "", "753944.32", "projects", 135),
    ("本年度完成政府集中采购项目共136项，采购总金额75.39万元。", "", "753944.32", "projects", 135),
    ("集中采购项目数量为130个。", "", "753944.32", "projects", 135),
    ("全年政府集中采购项目135个，采购总金额85.39万元。", "", "753944.32", "amount", 753944.32),  # neither 元 nor 万元
    ("全年政府集中采购项目135个，金额753944.32万元。", "采购总金额（元）", "753944.32", "amount", 753944.32),
    ("全年政府集中采购项目135个，采购总金额85.4万元。", "采购总金额（万元）", "75.39", "amount", 75.39),
    ("政府集中采购总金额753944.32元。", "采购总金额(单位:万元)", "753944.32", "amount", 753944.32),
    ("本年度行政事业性收费项目3项。", "", "753944.32", "change", 2),  # 3 − 1 items this year
    ("保留行政事业性收费项目共4个。", "", "753944.32", "change", 2),
])
def test_procurement_and_fee_items_in_the_text_against_the_2019_table2(sentence, label, amount, col, expected):
    """The 2019 table 二's 第二十条第（九）项 (采购项目数量, 采购总金额) and （八） (行政事业性收费 items:
    上一年项目数量 + 本年增/减) against the text (were not compared). The amount in the unit the cell or
    its label states; when neither states one, reported only when it is neither the cell in 元 nor in 万元."""
    doc = _procurement_doc(label, amount)
    doc.parts[0].body = [sentence]
    (d,) = lint(doc, select="GL5")
    assert d.code == "GL503" and d.table == "二" and d.expected == pytest.approx(expected), show([d])
    assert d.col == col or (col == "change" and d.col == "previous"), show([d])
    if col == "amount" and not label:
        assert "按元或按万元读都不相符" in d.message and "as 元 and as 万元" in d.message_en


@pytest.mark.parametrize("sentence, label, amount", [
    ("全年政府集中采购项目135个，采购总金额75.39万元。", "", "753944.32"),  # 753944.32元, rounded
    ("全年政府集中采购项目135个，采购总金额753944.32元。", "", "753944.32"),
    ("全年政府集中采购项目135个，采购总金额75.39万元。", "", "75.39"),  # the cell in 万元
    ("全年政府集中采购项目135个，采购总金额75.4万元。", "采购总金额（万元）", "75.39"),  # the text rounds
    ("全年政府集中采购项目135个，采购总金额753900元。", "采购总金额（万元）", "75.39"),  # the cell rounds
    ("全年政府集中采购项目135个，采购预算金额80万元，节约资金4.6万元。", "", "753944.32"),  # not the total
    ("全年政府采购金额500万元，政府集中采购项目135个。", "", "753944.32"),  # 政府采购: not only the 集中
    ("全市各级行政机关政府集中采购项目300个。", "", "753944.32"),  # the region's
    ("政府集中采购项目较上年增加3个。", "", "753944.32"),  # a change
    ("2019年政府集中采购项目100个。", "", "753944.32"),  # another year
    ("政府集中采购项目约130个。", "", "753944.32"),  # approximate
    ("本年度行政事业性收费项目2项，上年3项。", "", "753944.32"),
    ("公开行政事业性收费标准5项。", "", "753944.32"),  # not the items
])
def test_procurement_and_fee_items_that_agree_or_are_not_the_tables(sentence, label, amount):
    doc = _procurement_doc(label, amount)
    doc.parts[0].body = [sentence]
    assert lint(doc, select="GL5") == []


def test_procurement_and_fee_items_in_a_2021_report_are_not_compared():
    """The 2021 table 二 has no 政府集中采购 block and counts no 收费 items."""
    doc = rg.minimal_doc(2022)
    doc.parts[0].body = ["全年政府集中采购项目12个，采购总金额356.8万元，行政事业性收费项目5项。"]
    assert lint(doc, select="GL503") == []


# ---------------------------------------------------------------- GL403: the 采购总金额 cell
@pytest.mark.parametrize("label, amount, said", [
    ("采购总金额（元）", "753944.325", "单位是元，有3位小数，最多2位"),
    ("采购总金额（万元）", "75.3944325", "单位是万元，有7位小数，最多6位"),
    ("", "75.3944325", "表中未写单位，按元读有7位小数"),  # finer than 分 in 元 and in 万元
    ("", "75394432.5213", "按万元读约"),  # 元: finer than 分; 万元: 7539亿元
    ("采购总金额（万元）", "753944320", "单位是万元，约"),  # 元 typed into a 万元 column: 75394亿元
    ("", "2000000000000", "按元读约"),  # too large even in 元
])
def test_a_procurement_amount_finer_than_fen_or_absurdly_large(label, amount, said):
    """The 2019 采购总金额 has no unit in the format (format-spec §5.1): the unit written in the cell or
    its label decides how many decimals name whole 分 and how large it may be; with none written, it is
    reported only when it is wrong both in 元 and in 万元 (was: not checked at all, only 2021's fee)."""
    for shape in ("pipe", "cells"):
        (d,) = lint(_procurement_doc(label, amount), shape, select="GL4")
        assert d.code == "GL403" and d.row == "procurement" and said in d.message, show([d])


@pytest.mark.parametrize("label, amount", [
    ("", "753944.32"), ("", "75.394432"),  # 元 or 万元
    ("", "75394432.52"),  # 7539万元 in 元
    ("采购总金额（元）", "753944.32"), ("采购总金额（万元）", "75.394432"), ("采购总金额（万元）", "9000000"),
    ("", "9000000000"),  # 90亿元 read in 元 (a province's 集中采购)
])
def test_a_procurement_amount_that_makes_sense_in_its_unit(label, amount):
    assert lint(_procurement_doc(label, amount), select="GL4") == []


# ---------------------------------------------------------------- GL806: 上一年项目数量 across two 2019-format years
def _agency_year(year: int, **cells) -> str:
    doc = doc2019(year)
    doc.title = f"某某市某某局{year}年政府信息公开工作年度报告"
    for key, v in cells.items():
        row, col = key.split("__")
        doc.set("二", row, col, v)
    return rg.render(doc, "pipe").text


def _gl8(tmp_path, files: dict) -> list:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    results = govlint.lint_paths([tmp_path], govlint.Config(extend_select=("GL8",)))
    return [(r.path.rsplit("/", 1)[-1], d) for r in results for d in r.diagnostics if d.code == "GL806"]


def test_last_years_items_follow_from_last_years_report(tmp_path):
    """2019 report: 行政许可 36 items, −2; the 2020 report's 上一年项目数量 is 34, not 36 (copied)."""
    found = _gl8(tmp_path, {"2019.txt": _agency_year(2019),
                            "2020.txt": _agency_year(2020, licensing__previous="36", penalty__previous="256",
                                                     other_services__previous="15", enforcement__previous="12",
                                                     fees__previous="2")})
    assert [(n, d.row, d.col, d.expected, d.actual) for n, d in found] == [("2020.txt", "licensing", "previous", 34, 36)]
    d = found[0][1]
    assert "36 + (-2) = 34" in d.message and "2019.txt" in d.message and "“行政许可”" in d.message
    assert "last year's report" in d.message_en


def test_items_that_follow_are_not_reported(tmp_path):
    # 36 − 2 = 34, 12 + 3 = 15, 264 − 8 = 256, 12 + 0 = 12, 3 − 1 = 2
    files = {"2019.txt": _agency_year(2019),
             "2020.txt": _agency_year(2020, licensing__previous="34", other_services__previous="15",
                                      penalty__previous="256", enforcement__previous="12", fees__previous="2")}
    assert _gl8(tmp_path, files) == []


def test_items_are_not_compared_with_a_2021_format_report(tmp_path):
    doc = rg.minimal_doc(2021)
    doc.title = "某某市某某局2021年政府信息公开工作年度报告"
    files = {"2020.txt": _agency_year(2020), "2021.txt": rg.render(doc, "pipe").text}
    assert _gl8(tmp_path, files) == []


# ---------------------------------------------------------------- the row 规范性文件 written 行政规范性文件
@pytest.mark.parametrize("shape", ["cells", "pipe", "spaced"])
def test_a_2019_table2_that_writes_the_row_as_the_2021_edition_names_it(shape):
    """A 2020 report whose 2019 table 二 writes 行政规范性文件 (the 2021 name of the same row): the row
    is read (was: the row missing, GL202, and an unknown row, GL204, its figures left unchecked)."""
    doc = doc2019(2020).relabel_row("二", "normative_documents", "行政规范性文件")
    assert lint(doc, shape) == []
    doc.set("二", "normative_documents", "published", "60")  # its figures are checked (60 > 48 in all)
    assert [d.code for d in lint(doc, shape)] == ["GL305"]


# ---------------------------------------------------------------- GL215: the unit of 采购总金额
@pytest.mark.parametrize("label", ["采购总金额（万元）", "采购总金额（元）", "采购总金额(单位:万元)"])
def test_the_unit_written_into_the_label_of_the_procurement_amount_is_not_a_note(label):
    """The 2019 format's 采购总金额 names no unit (format-spec §5.1, §8.6): a label that states it tells
    the reader what the format leaves open, and is not a fill-in note to delete (GL215 said so)."""
    doc = doc2019().relabel_header("二", "采购总金额", label, block=4)
    doc.set("二", "procurement", "amount", "75.39" if "万元" in label else "753944.32")
    assert lint(doc) == []
    # any other note is still one
    doc = doc2019().relabel_header("二", "采购总金额", "采购总金额（以合同金额为准）", block=4)
    assert [d.code for d in lint(doc)] == ["GL215"]


# ---------------------------------------------------------------- column labels of table 二 written another way
@pytest.mark.parametrize("shape", ["cells", "pipe", "spaced"])
@pytest.mark.parametrize("old, written, blocks", [
    ("上一年项目数量", "上年项目数量", (1, 2, 3)),  # 上一年 shortened
    ("处理决定数量", "本年处理决定数量", (1, 2)),  # the 2021 edition's name of the same column
])
def test_a_2019_table2_column_written_as_reports_write_it_is_read(shape, old, written, blocks):
    """A 2019 table 二 heading its 上一年项目数量 column 上年项目数量, or its 处理决定数量 column
    本年处理决定数量 (as the 2021 format does): the column is read (was: the column missing, GL203, an
    unknown column, GL205, its figures unread and unchecked). Not reported: the 2019 edition reads the
    2021 names of its rows and columns as the same rows and columns (rules/editions/2019.toml)."""
    doc = doc2019(2020)
    for b in blocks:
        doc.relabel_header("二", old, written, block=b)
    assert lint(doc, shape) == []
    t2 = govlint.parse(rg.render(doc, shape).text).table("二")
    unread = [(r, c) for r, c in doc.tables["二"].cells() if t2.cell(r, c) is None]
    assert unread == [] and t2.cell("licensing", "decisions").value == 1520
    doc.set("二", "penalty", "previous", "5")  # 5 − 8 < 0: the figures are read and checked
    assert [d.code for d in lint(doc, shape)] == ["GL306"]


@pytest.mark.parametrize("shape", ["cells", "pipe", "markdown", "spaced"])
def test_a_block_header_without_its_caption_is_a_header_despite_an_unknown_label(shape):
    """Table 二 written without the captions 第二十条第（…）项, each block opened by its header row
    信息内容 | …: a header row with a label the format does not have is still the block's header — an
    unknown column (GL205) and the column it replaces missing (GL203), as with the captions written
    (was: the unknown label read as an unknown row, GL204, and every row of the block unaligned, GL211)."""
    def codes(doc):
        return Counter(d.code for d in lint(doc, shape))

    doc = doc2019(2020)
    for b in (1, 2, 3):
        doc.relabel_header("二", "上一年项目数量", "去年项目数", block=b)
    with_captions = codes(doc)
    assert with_captions == Counter({"GL203": 1, "GL205": 3}), with_captions
    for b in doc.tables["二"].blocks:
        b.caption = None
    assert codes(doc) == with_captions


# ---------------------------------------------------------------- a column the edition does not name
@pytest.mark.parametrize("shape", ["cells", "pipe", "spaced"])
@pytest.mark.parametrize("written", ["增/减", "本年增加/减少"])
def test_the_decreases_in_a_column_not_recognised_are_not_negative_counts(shape, written):
    """A 2019 table 二 heading its 本年增/减 column otherwise: the column is unknown (GL205 says its
    figures are not checked, GL203 that 本年增/减 is missing), and its decreases are not reported as
    negative counts (GL209 named the column “?” and held it to the rule of the counts)."""
    doc = doc2019(2020)
    for b in (1, 2, 3):
        doc.relabel_header("二", "本年增/减", written, block=b)
    assert Counter(d.code for d in lint(doc, shape)) == Counter({"GL203": 1, "GL205": 3})


@pytest.mark.parametrize("shape", ["cells", "pipe"])
def test_a_cell_of_a_column_not_recognised_is_named_by_its_label(shape):
    """A finding on a cell of an unknown column names the column as written (was: “?”列)."""
    doc = doc2019(2020)
    for b in (1, 2, 3):
        doc.relabel_header("二", "本年增/减", "增/减", block=b)
    doc.set("二", "licensing", "change", "减少2")
    (d,) = [d for d in lint(doc, shape) if d.code == "GL208"]
    assert "“行政许可”行“增/减”列" in d.message and "column “增/减”" in d.message_en, d.message


# ---------------------------------------------------------------- the 2019 tables in a 2022 report
@pytest.mark.parametrize("shape", ["cells", "pipe", "spaced"])
@pytest.mark.parametrize("drop, found", [
    ("procurement", []),  # 政府集中采购: the 2021 table has no such row
    ("other_services", []),  # 其他对外管理服务事项: nor this one
    ("licensing", ["GL202"]),  # 行政许可: the 2021 table has it too
])
def test_a_row_only_the_replaced_edition_has_is_not_missing_in_a_later_report(shape, drop, found):
    """A 2022 report in the 2019 tables without a row only the 2019 edition has: the tables' edition is
    wrong for the year (GL206, once); the report is to be written in the 2021 tables, which have no
    such row, so the row is not reported missing (GL202 asked for a row of the replaced format)."""
    doc = doc2019(2020).set_year(2022, 2020)
    t2 = doc.tables["二"]
    t2.block_of(drop).rows = [r for r in t2.block_of(drop).rows if r.id != drop]
    codes = sorted(d.code for d in lint(doc, shape) if d.code.startswith("GL2"))
    assert codes == sorted(["GL206", *found]), codes
    # in a 2020 report the row is missing from the year's own format
    doc = doc2019(2020)
    t2 = doc.tables["二"]
    t2.block_of(drop).rows = [r for r in t2.block_of(drop).rows if r.id != drop]
    assert [d.code for d in lint(doc, shape)] == ["GL202"]


@pytest.mark.parametrize("shape", ["cells", "pipe"])
def test_a_column_only_the_replaced_edition_has_is_not_missing_in_a_later_report(shape):
    """The same for a column: a 2022 report in the 2019 tables whose block （八） lacks 本年增/减."""
    doc = doc2019(2020).set_year(2022, 2020)
    b = doc.tables["二"].block_of("fees")
    b.columns, b.header = ["previous"], [["信息内容", "上一年项目数量"]]
    assert sorted(d.code for d in lint(doc, shape) if d.code.startswith("GL2")) == ["GL206"]
    doc = doc2019(2020)
    b = doc.tables["二"].block_of("fees")
    b.columns, b.header = ["previous"], [["信息内容", "上一年项目数量"]]
    assert [d.code for d in lint(doc, shape)] == ["GL203"]


# ---------------------------------------------------------------- the seed in the 2019 tables, every shape
# (tests/render_shapes.py lays the tables out as the 2019 template does: merged header cells in HTML
# and DOCX; table 二's 22 figures, table 三's （六）其他处理 one row)
SEED_T2_2019 = {("regulations", "made"): "0", ("regulations", "published"): "0", ("regulations", "total_published"): "0",
                ("normative_documents", "made"): "5", ("normative_documents", "published"): "5",
                ("normative_documents", "total_published"): "48",
                ("licensing", "previous"): "36", ("licensing", "change"): "-2", ("licensing", "decisions"): "1520",
                ("other_services", "previous"): "12", ("other_services", "change"): "3", ("other_services", "decisions"): "210",
                ("penalty", "previous"): "264", ("penalty", "change"): "-8", ("penalty", "decisions"): "430",
                ("enforcement", "previous"): "12", ("enforcement", "change"): "0", ("enforcement", "decisions"): "25",
                ("fees", "previous"): "3", ("fees", "change"): "-1",
                ("procurement", "projects"): "135", ("procurement", "amount"): "753944.32"}


def _seed(year: int, tables: str = "二三"):
    import re
    from pathlib import Path
    import render_shapes as rs
    data = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")

    def sub(s: str) -> str:  # the seed is a 2022 report
        return re.sub(r"202[12]", lambda m: str(year - (m.group() == "2021")), s)
    data.title = sub(data.title)
    data.blocks = [(k, x if k == "table" else sub(x)) for k, x in data.blocks]
    return rs.as_2019(data, SEED_T2_2019, tables) if tables else data


def _lint_shape(data, shape, tmp_path):
    import render_shapes as rs
    if shape == "html":
        src = rs.to_html(data).data
    elif shape == "docx":
        pytest.importorskip("docx")
        rs.to_docx(data, tmp_path / "r.docx")
        src = (tmp_path / "r.docx").read_bytes()
    else:
        src = rs.to_text(data, shape)
    return list(govlint.lint(src)), govlint.parse(src)


def _mutate(data, case):
    if case == "t3":
        return data.with_value("三", "disclosed", "natural", str(int(data.values[("三", "disclosed", "natural")]) + 1))
    if case == "t2":
        return data.with_value("二", "penalty", "previous", "5")  # 5 − 8 < 0
    return data.without_row(*case.split(":"))


@pytest.mark.parametrize("shape", ["cells", "rows", "spaced", "html", "docx"])
@pytest.mark.parametrize("year, tables, case, expected", [
    (2020, "二三", None, {}),
    (2020, "二三", "t3", {"GL302": 1, "GL303": 1}),
    (2020, "二三", "t2", {"GL306": 1}),
    (2020, "二三", "三:other_handling", {"GL202": 1}),
    (2020, "二三", "二:procurement", {"GL202": 1}),
    (2022, "二三", None, {"GL206": 1}),
    (2022, "二三", "t3", {"GL206": 1, "GL302": 1, "GL303": 1}),
    (2022, "二三", "二:procurement", {"GL206": 1}),
    (2020, "", None, {"GL206": 1}),  # the 2021 tables in a 2020 report
    (2020, "二", None, {"GL206": 1}),  # 2019 table 二, 2021 table 三
    (2020, "三", None, {"GL206": 1}),
    (2022, "二", None, {"GL206": 1}),
    (2022, "三", None, {"GL206": 1}),
])
def test_the_seed_in_the_2019_tables_in_every_shape(shape, year, tables, case, expected, tmp_path):
    """The seed's prose with tables 二 and 三 in the 2019 edition (or one of them), as text, HTML and
    DOCX: every figure read; the table findings are the defect made and nothing else — none for a
    2019 or 2020 report, GL206 once for a later one or for a report mixing the editions."""
    data = _seed(year, tables)
    if case:
        data = _mutate(data, case)
    diags, report = _lint_shape(data, shape, tmp_path)
    got = Counter(d.code for d in diags if d.code[:3] in ("GL0", "GL2", "GL3"))  # input, tables, arithmetic
    assert got == Counter(expected), [(d.code, d.message) for d in diags]
    if tables == "二三":
        unread = [k for k, v in data.values.items() if k[:2] not in data.dropped
                  and (report.table(k[0]).cell(k[1], k[2]) is None
                       or report.table(k[0]).cell(k[1], k[2]).value != float(v))]
        assert unread == []


# ---------------------------------------------------------------- the 2019 headings in a later report
@pytest.mark.parametrize("t2", ["2019", "2021"])
@pytest.mark.parametrize("part, heading", [
    (5, "五、政府信息公开工作存在的主要问题及改进情况"),
    (4, "四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况"),
])
def test_a_2019_heading_in_a_2022_report_is_reported_whatever_its_tables(t2, part, heading):
    """A 2022 report heads a part as the 2019 format does: GL103, the same whether its tables follow
    the 2021 edition or the replaced 2019 one (GL206) — the report year decides which format's headings
    apply, as for part 一 (GL110); the 2019 tables made the old headings exact (a missed finding)."""
    doc = doc2019(2020).set_year(2022, 2020).set_heading(5, "五、存在的主要问题及改进情况").set_heading(part, heading)
    if t2 == "2021":
        doc.tables["二"] = rg.table2("2021")
        doc.tables["三"] = rg.consistent_table3(rg.table3("2021"), {("disclosed", "natural"): 3}, {}, {})
    found = [d for d in lint(doc) if d.code == "GL103"]
    assert [d.expected for d in found] == [f"{'一二三四五六'[part - 1]}、" + {5: "存在的主要问题及改进情况",
                                                                    4: "政府信息公开行政复议、行政诉讼情况"}[part]]
    # a 2020 report: the heading is its year's format's
    doc = doc2019(2020).set_heading(part, heading)
    assert [d for d in lint(doc) if d.code == "GL103"] == []


@pytest.mark.parametrize("year, t2, heading", [
    (2022, "2019", "五、存在的主要问题及改进情况"),  # the 2019 tables in a 2022 report: the 2021 heading
    (2022, "2021", "五、存在的主要问题及改进情况"),
    (2020, "2021", "五、政府信息公开工作存在的主要问题及改进情况"),  # the 2021 tables in a 2020 report: 2019's
    (2020, "2019", "五、政府信息公开工作存在的主要问题及改进情况"),
])
def test_a_missing_part_is_named_as_the_report_years_format_heads_it(year, t2, heading):
    """GL101 names the missing part with the heading of the report year's format, not that of the
    edition the tables follow (a 2022 report in the 2019 tables was told to add the 2019 heading)."""
    doc = doc2019(2020).set_year(year, 2020).drop_part(5)
    if t2 == "2021":
        doc.tables["二"] = rg.table2("2021")
        doc.tables["三"] = rg.consistent_table3(rg.table3("2021"), {("disclosed", "natural"): 3}, {}, {})
    (d,) = [d for d in lint(doc) if d.code == "GL101"]
    assert d.expected == heading, d.message
