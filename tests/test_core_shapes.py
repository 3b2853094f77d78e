"""Text shapes, encodings and harmless variants: what must parse, align, and give no finding.

Every value of every table must land in its row and column (by label) whatever the shape, and
writing the same report differently — half-width brackets, ``一.`` headings, spaces inside labels,
labels without their numbers, full-width digits, another column order, Markdown, CRLF, BOM, GBK —
must not produce a single finding.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

import govlint
from govlint.config import Config

import reportgen as rg

CORE = Config(select=("GL0", "GL10", "GL2", "GL3"))


def core_findings(text_or_bytes) -> list:
    return [(d.code, d.line, d.message) for d in govlint.lint(text_or_bytes, CORE)]


# ----------------------------------------------------------------------------- alignment in every shape


@pytest.mark.parametrize("groups_inline", [True, False], ids=["groups-inline", "groups-own-line"])
@pytest.mark.parametrize("shape", rg.SHAPES)
def test_every_value_lands_in_its_row_and_column(shape, groups_inline):
    doc = rg.distinct_doc()
    r = rg.render(doc, shape, groups_inline=groups_inline)
    report = govlint.parse(r.text)
    assert report.edition == "2021" and report.year == 2022
    for tid, t in doc.tables.items():
        table = report.table(tid)
        assert table is not None, tid
        assert table.missing_rows == () and table.missing_columns == () and table.unknown_rows == ()
        assert table.unknown_columns == () and table.stray_values == ()
        for (row, col), text in t.values.items():
            cell = table.cell(row, col)
            assert cell is not None, (tid, row, col)
            assert cell.text == text, (tid, row, col)
            assert cell.span.line == r.cell(tid, row, col), (tid, row, col)
            line = r.text.splitlines()[cell.span.line - 1]
            assert line[cell.span.column - 1:cell.span.end_column - 1] == text
    assert core_findings(r.text) == []


def test_values_are_read_as_numbers():
    report = govlint.parse(rg.render(rg.distinct_doc(), "pipe").text)
    t3 = report.table("三")
    assert all(c.kind == "number" and isinstance(c.value, int) for c in t3.cells())
    assert report.table("二").cell("fees", "fee_amount").value == pytest.approx(0.65)


# ----------------------------------------------------------------------------- harmless variants


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def half_width_labels(d: rg.Doc) -> rg.Doc:
    """Labels NFKC-normalised, as scrapers write them: (一) for （一）, : for ：."""
    for t in d.tables.values():
        for b in t.blocks:
            b.caption = _nfkc(b.caption) if b.caption else b.caption
            b.header = [[_nfkc(h) for h in line] for line in b.header]
            for row in b.rows:
                row.label = _nfkc(row.label)
            b.groups = {k: _nfkc(v) for k, v in b.groups.items()}
    return d


def dot_headings(d: rg.Doc) -> rg.Doc:
    for p in d.parts:
        p.heading = p.heading.replace("、", ".", 1)
    return d


def full_width_dot_headings(d: rg.Doc) -> rg.Doc:
    for p in d.parts:
        p.heading = p.heading.replace("、", "．", 1)
    return d


def indented_headings(d: rg.Doc) -> rg.Doc:
    for p in d.parts:
        p.heading = "\u3000\u3000" + p.heading
    return d


def bare_first_heading(d: rg.Doc) -> rg.Doc:
    d.part(1).heading = "总体情况"
    return d


def spaces_inside_labels(d: rg.Doc) -> rg.Doc:
    """自 然 人, 商业 企业, 结果 纠正, 尚未 审结 (as the seed and PDF converters write them)."""
    d.relabel_header("三", "自然人", "自 然 人").relabel_header("三", "商业企业", "商业 企业")
    d.relabel_header("三", "科研机构", "科研 机构")
    b = d.tables["四"].blocks[0]
    b.header = [[h.replace("结果", "结果 ").replace("尚未", "尚未 ") for h in line] for line in b.header]
    return d


def group_labels_without_numbers(d: rg.Doc) -> rg.Doc:
    """不予公开 for （三）不予公开, 本年度办理结果 for 三、本年度办理结果: a missing leading number."""
    for g, label in list(d.tables["三"].blocks[0].groups.items()):
        d.relabel_group("三", g, re.sub(r"^(?:[一二三四五六七]、|（[一二三四五六七]）)", "", label))
    return d


def row_labels_without_numbers(d: rg.Doc) -> rg.Doc:
    for row in d.tables["三"].rowdefs():
        row.label = re.sub(r"^(?:[一二三四五六七]、|（[一二三四五六七]）|\d\.)", "", row.label)
    return d


def dot_row_numbers(d: rg.Doc) -> rg.Doc:
    """一.本年新收… for 一、本年新收…, 1、属于国家秘密 for 1.属于国家秘密, (三) for （三）."""
    for row in d.tables["三"].rowdefs():
        row.label = re.sub(r"^([一二三四])、", r"\1.", row.label)
        row.label = re.sub(r"^(\d)\.", r"\1、", row.label)
    for g, label in list(d.tables["三"].blocks[0].groups.items()):
        d.relabel_group("三", g, label.replace("（", "(").replace("）", ")"))
    return d


def full_width_digits(d: rg.Doc) -> rg.Doc:
    fw = str.maketrans("0123456789", "０１２３４５６７８９")
    for t in d.tables.values():
        for k, v in t.values.items():
            t.values[k] = v.translate(fw)
    return d


def total_column_first(d: rg.Doc) -> rg.Doc:
    """总计 written before 自然人, values in that order: the header decides the column."""
    b = d.tables["三"].blocks[0]
    b.header[1] = ["总计", "自然人", "法人或其他组织"]
    b.columns = ["total", "natural", "business", "research", "nonprofit", "legal_services", "other"]
    return d


def short_aliases(d: rg.Doc) -> rg.Doc:
    """Shortened labels seen in published reports."""
    d.relabel_row("三", "partly_disclosed", "（二）部分公开")
    return d


def title_on_two_lines(d: rg.Doc) -> rg.Doc:
    """益阳市行政审批服务局 / 2022年政府信息公开工作年度报告 (as a PDF sets it)."""
    agency, rest = d.title.split("2022", 1)
    d.title = agency
    d.preamble.insert(0, "2022" + rest)
    return d


def fee_in_decimals(d: rg.Doc) -> rg.Doc:
    d.set("二", "fees", "fee_amount", "0.06")
    return d


VARIANTS = [half_width_labels, dot_headings, full_width_dot_headings, indented_headings, bare_first_heading,
            spaces_inside_labels, group_labels_without_numbers, row_labels_without_numbers, dot_row_numbers,
            full_width_digits, total_column_first, short_aliases, fee_in_decimals, title_on_two_lines]


@pytest.fixture(scope="module")
def baseline_codes():
    """Every finding of the untouched seed rendering, all families (rules other than GL0–GL3 may
    legitimately find things in the seed's prose; a harmless variant must not change them)."""
    return Counter(d.code for d in govlint.lint(rg.render(rg.seed_doc(), "cells").text))


@pytest.mark.parametrize("shape", rg.SHAPES)
@pytest.mark.parametrize("variant", VARIANTS, ids=[v.__name__ for v in VARIANTS])
def test_harmless_variant_gives_nothing(variant, shape, baseline_codes):
    for groups_inline in (True, False):
        text = rg.render(variant(rg.seed_doc()), shape, groups_inline=groups_inline).text
        assert core_findings(text) == []
        assert Counter(d.code for d in govlint.lint(text)) == baseline_codes


@pytest.mark.parametrize("variant", [half_width_labels, spaces_inside_labels, row_labels_without_numbers,
                                     full_width_digits, total_column_first])
def test_harmless_variant_still_catches_a_defect(variant):
    """A variant is not harmless by being unreadable: the same defect is still found on its line."""
    doc = variant(rg.seed_doc())
    doc.set("三", "carried_over", "nonprofit", "1" if variant is not full_width_digits else "１")
    for shape in rg.SHAPES:
        r = rg.render(doc, shape)
        got = Counter((c, line) for c, line, _ in core_findings(r.text))
        assert got == Counter({("GL301", r.cell("三", "total", "nonprofit")): 1,
                               ("GL303", r.cell("三", "carried_over", "total")): 1}), shape


def test_pipe_rows_without_trailing_pipe():
    r = rg.render(rg.seed_doc(), "pipe")
    text = "\n".join(line[:-2] if line.endswith(" |") else line for line in r.text.splitlines())
    assert core_findings(text) == []


def test_fullwidth_pipes():
    r = rg.render(rg.seed_doc(), "pipe")
    assert core_findings(r.text.replace("|", "｜")) == []


def test_markdown_with_padded_rows():
    """Markdown converters pad merged cells with empty cells: caption and header rows, and the row of
    a group label written on its own line."""
    r = rg.render(rg.seed_doc(), "markdown", groups_inline=False)
    groups = set(rg.T3_GROUPS.values())
    padded = []
    for line in r.text.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith(("| 行政复议", "| 第二十条", "| 信息内容 | 本年处理")) or cells[0] in groups:
            line += " |" * 7
        padded.append(line)
    text = "\n".join(padded)
    assert text.count("| | |") > 8
    assert core_findings(text) == []
    # a blank in a data row is still a blank cell
    r = rg.render(rg.seed_doc().set("三", "withheld.process", "other", ""), "markdown")
    assert [(c, line) for c, line, _ in core_findings(r.text)] == [("GL207", r.cell("三", "withheld.process", "other"))]


@pytest.mark.parametrize("shape", ["pipe", "markdown"])
def test_full_grid_with_merged_cells_written_empty(shape):
    """HTML tables converted cell for cell: every merged cell is an empty cell of its own."""
    r = rg.render(rg.seed_doc(), shape, grid=True)
    assert "一、本年新收政府信息公开申请数量 |  |  | 3 |" in r.text
    assert re.search(r"^\s*(?:\|\s+){2,3}2\.其他法律行政法规禁止公开 \|", r.text, re.M)
    assert core_findings(r.text) == []
    doc = rg.distinct_doc()
    r = rg.render(doc, shape, grid=True)
    report = govlint.parse(r.text)
    for tid, t in doc.tables.items():
        for (row, col), text in t.values.items():
            cell = report.table(tid).cell(row, col)
            assert (cell.text, cell.span.line) == (text, r.cell(tid, row, col)), (tid, row, col)
    doc = rg.seed_doc().set("三", "withheld.prohibited", "other", "2").set("三", "carry_forward", "total", "")
    r = rg.render(doc, shape, grid=True)
    got = Counter((c, line) for c, line, _ in core_findings(r.text))
    assert got == Counter({("GL302", r.cell("三", "total", "other")): 1,
                           ("GL303", r.cell("三", "withheld.prohibited", "total")): 1,
                           ("GL207", r.cell("三", "carry_forward", "total")): 1})


def test_2019_report_with_2019_tables_gives_nothing():
    """A 2019 report in the 2019 format: negative 本年增/减 and a single （六）其他处理 row are fine."""
    doc = rg.seed_doc().set_year(2019).use_2019_tables()
    doc.set("二", "licensing", "previous", "12").set("二", "licensing", "change", "-2")
    doc.set("二", "procurement", "amount", "25.1")
    for shape in rg.SHAPES:
        r = rg.render(doc, shape)
        report = govlint.parse(r.text)
        assert (report.edition, report.year) == ("2019", 2019)
        assert report.table("三").cell("other_handling", "total").value == 0
        assert report.table("二").cell("licensing", "change").value == -2
        assert core_findings(r.text) == [], shape


def test_2019_report_with_2019_tables_finds_defects():
    doc = rg.seed_doc().set_year(2020).use_2019_tables().set("三", "other_handling", "natural", "1")
    r = rg.render(doc, "pipe")
    got = Counter((c, line) for c, line, _ in core_findings(r.text))
    assert got == Counter({("GL302", r.cell("三", "total", "natural")): 1,
                           ("GL303", r.cell("三", "other_handling", "total")): 1})


# ----------------------------------------------------------------------------- encodings and line endings


ENCODINGS = [
    ("utf-8", "\n", False), ("utf-8", "\r\n", False), ("utf-8", "\n", True), ("utf-8", "\r\n", True),
    ("gbk", "\n", False), ("gb18030", "\r\n", False), ("utf-16-le", "\n", True), ("utf-16-be", "\r\n", True),
]


@pytest.mark.parametrize("encoding,newline,bom", ENCODINGS,
                         ids=[f"{e}{'-crlf' if n == chr(13) + chr(10) else ''}{'-bom' if b else ''}" for e, n, b in ENCODINGS])
@pytest.mark.parametrize("shape", ["cells", "pipe"])
def test_encodings_and_newlines(encoding, newline, bom, shape, tmp_path):
    clean = rg.render(rg.seed_doc(), shape)
    assert core_findings(clean.encode(encoding, newline, bom)) == []
    doc = rg.seed_doc().set("四", "cases", "review.upheld", "1")
    r = rg.render(doc, shape)
    data = r.encode(encoding, newline, bom)
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    for given in (data, path):
        ds = govlint.lint(given, CORE)
        assert [(d.code, d.line) for d in ds] == [("GL304", r.cell("四", "cases", "review.total"))]
        d = ds[0]
        line = r.text.splitlines()[d.line - 1]
        # columns count code points of the line as the user sees it: no BOM, no CR
        assert line[d.column - 1:d.end_column - 1] == "0"
    report = govlint.parse(path)
    assert report.edition == "2021" and report.year == 2022


@pytest.mark.parametrize("label", ["附件", "附件2：", "附件 1"])
def test_title_on_two_lines_after_an_attachment_label(label):
    """附件 / 益阳市行政审批服务局 / 2022年政府信息公开工作年度报告 (an attachment as a Word file sets it):
    the agency is the title's (the checks across reports pair reports by it)."""
    doc = title_on_two_lines(rg.seed_doc())
    doc.title = f"{label}\n{doc.title}"
    report = govlint.parse(rg.render(doc, "pipe").text)
    assert (report.title.span.line, report.title.span.end_line) == (1, 3)
    assert report.year == 2022 and report.agency == "益阳市行政审批服务局"


@pytest.mark.parametrize("byline, agency", [
    ("益阳市行政审批服务局", "益阳市行政审批服务局"), ("益阳市赫山区龙光桥镇人民政府", "益阳市赫山区龙光桥镇人民政府"),
    ("益阳市人民政府（本级）", "益阳市人民政府（本级）"),
    ("（2023年1月20日）", None), ("2023年1月", None), ("本机关", None), ("主动公开", None),
    ("根据条例，现将本局年度报告公布如下。", None),
])
def test_agency_on_the_line_below_a_title_that_names_none(byline, agency):
    """2022年政府信息公开工作年度报告 / 益阳市行政审批服务局 (a byline, as attachments set it): the
    agency is the byline's; a date, a sentence or a word that names no body is none."""
    doc = rg.seed_doc()
    doc.title = "2022年政府信息公开工作年度报告"
    doc.preamble.insert(0, byline)
    report = govlint.parse(rg.render(doc, "pipe").text)
    assert report.title.text == "2022年政府信息公开工作年度报告" and report.agency == agency


def test_title_on_two_lines():
    r = rg.render(title_on_two_lines(rg.seed_doc()), "pipe")
    report = govlint.parse(r.text)
    assert report.title.text == "益阳市行政审批服务局2022年政府信息公开工作年度报告"
    assert (report.title.span.line, report.title.span.end_line) == (1, 2)
    assert report.year == 2022 and report.year_span.line == 2 and report.agency == "益阳市行政审批服务局"
    # an ordinary first paragraph is not taken for half a title
    doc = rg.seed_doc()
    doc.title = None
    doc.preamble = ["益阳市行政审批服务局", "根据条例，现将2022年度报告公布如下。本报告数据统计时限为2022年1月1日至2022年12月31日。"]
    assert [d.code for d in govlint.lint(rg.render(doc, "pipe").text, CORE)] == ["GL104"]


def test_gbk_with_chinese_year_in_title():
    doc = rg.seed_doc()
    doc.title = doc.title.replace("2022", "二〇二二")
    data = rg.render(doc, "pipe").encode("gbk")
    report = govlint.parse(data)
    assert report.year == 2022
    assert core_findings(data) == []


# ----------------------------------------------------------------------------- the model


def test_sections_and_headings_are_located():
    doc = rg.seed_doc()
    for shape in rg.SHAPES:
        r = rg.render(doc, shape)
        report = govlint.parse(r.text)
        assert [s.part for s in report.sections] == [1, 2, 3, 4, 5, 6]
        assert [s.heading.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
        assert [s.heading.span.line for s in report.sections] == [r.heading(n) for n in range(1, 7)]
        assert report.title.span.line == r.line("title")
        for s in report.sections:
            assert [t.id for t in s.tables] == ([rg.NUMERALS[s.part]] if s.part in (2, 3, 4) else [])


def test_model_is_immutable():
    import attrs

    report = govlint.parse(rg.render(rg.seed_doc(), "pipe").text)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 2000
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.table("三").rows[0].cells[0].value = 5
