"""Text of scanned reports (OCR) and of converted ones: the artefacts they have in table cells and labels.

Each test writes a report whose tables all hold and (nearly) all cells differ, puts one artefact of
OCR or conversion into it, and states what govlint should do: read the figure if it is unambiguous,
report an unreadable cell on its line with the figure it probably is, and never lose the rest of the
row, invent a figure, or report an arithmetic error that is only the artefact.
"""

from __future__ import annotations

import pytest

import govlint
from govlint.config import Config
from govlint.numbers import lookalike_figure

import reportgen as rg

CORE = Config(select=("GL0", "GL10", "GL2", "GL3"))


def findings(text) -> list:
    return [(d.code, d.line, d.message_en) for d in govlint.lint(text, CORE)]


def read_all_but(doc: rg.Doc, text: str, skip: set) -> None:
    """Every cell of ``doc`` but those in ``skip`` is read with its value."""
    report = govlint.parse(text)
    for tid, t in doc.tables.items():
        table = report.table(tid)
        for (r, c), v in t.values.items():
            if (tid, r, c) in skip:
                continue
            cell = table.cell(r, c)
            assert cell is not None and cell.value == float(v), (tid, r, c, v, cell)


def test_lookalike_figure():
    assert lookalike_figure("1O") == "10"
    assert lookalike_figure("l") == "1"
    assert lookalike_figure("S") == "5"
    assert lookalike_figure("〇") == "0"
    assert lookalike_figure("Z0B") == "208"
    assert lookalike_figure("12") is None  # a figure already
    assert lookalike_figure("OK") is None and lookalike_figure("无") is None and lookalike_figure("") is None


# OCR reads a digit as the letter it looks like; in a table written one row a line (as table-OCR tools
# write it) the misread figure must not become a word of the row's label: the row was lost (GL202 +
# GL204, or GL205 and a GL211 for every other figure of the row)
@pytest.mark.parametrize("shape", ["spaced", "pipe", "cells"])
@pytest.mark.parametrize("row,column,written,figure", [
    ("disclosed", "natural", "1O", "10"),
    ("new", "natural", "I5", "15"),
    ("carried_over", "natural", "l", "1"),
    ("unable.not_held", "natural", "S", "5"),
    ("total", "natural", "B", "8"),
    ("carried_over", "natural", "〇", "0"),
])
def test_misread_first_figure_of_a_row(shape, row, column, written, figure):
    doc = rg.distinct_doc()
    bad = doc.copy().set("三", row, column, written)
    r = rg.render(bad, shape)
    got = findings(r.text)
    assert [(c, line) for c, line, _ in got] == [("GL208", r.cell("三", row, column))], got
    assert f"probably {figure}" in got[0][2] and "OCR" in got[0][2]
    read_all_but(doc, r.text, {("三", row, column)})


def test_garbled_separator_in_first_figure_of_a_spaced_row():
    doc = rg.distinct_doc()
    r = rg.render(doc.copy().set("三", "new", "natural", "1,5"), "spaced")
    got = findings(r.text)
    assert [(c, line) for c, line, _ in got] == [("GL208", r.cell("三", "new", "natural"))], got
    read_all_but(doc, r.text, {("三", "new", "natural")})


# table 四 has no row label: a misread first figure was taken for a column of its header (GL205) and
# the row for one of 14 values where 16 were expected (GL211, the whole row out of the checks)
@pytest.mark.parametrize("shape", ["spaced", "pipe", "cells"])
def test_misread_first_figure_of_table4(shape):
    doc = rg.distinct_doc()
    r = rg.render(doc.copy().set("四", "cases", "review.upheld", "l"), shape)
    got = findings(r.text)
    assert [(c, line) for c, line, _ in got] == [("GL208", r.cell("四", "cases", "review.upheld"))], got
    assert "probably 1" in got[0][2]
    read_all_but(doc, r.text, {("四", "cases", "review.upheld")})


def test_blank_inside_a_figure_is_named():
    doc = rg.distinct_doc()
    r = rg.render(doc.copy().set("三", "disclosed", "natural", "1 0"), "pipe")
    got = findings(r.text)
    assert [(c, line) for c, line, _ in got] == [("GL208", r.cell("三", "disclosed", "natural"))], got
    assert "probably 10 (a blank inside the figure" in got[0][2]


def test_a_label_word_is_not_taken_for_a_figure():
    # the words of a spaced label stay its label when the label with them is one of the format's
    doc = rg.distinct_doc()
    r = rg.render(doc, "spaced")
    assert findings(r.text) == []


# a thousands separator written as a point (1.234, as OCR or a European locale writes 1,234) in a count:
# it was read as 1.234, and besides GL210 the identities over it failed (GL303, GL302) — errors that were
# only the artefact
@pytest.mark.parametrize("shape", ["spaced", "pipe", "cells"])
def test_point_grouping_thousands_in_a_count(shape):
    doc = rg.distinct_doc()
    t3 = doc.tables["三"]
    rg.consistent_table3(t3, {("disclosed", "natural"): 1234, ("unable.not_held", "business"): 3}, {}, {})
    r = rg.render(doc.copy().set("三", "disclosed", "natural", "1.234"), shape)
    got = findings(r.text)
    assert [(c, line) for c, line, _ in got] == [("GL210", r.cell("三", "disclosed", "natural"))], got
    assert "read as 1234" in got[0][2]
    read_all_but(doc, r.text, set())
    d = next(d for d in govlint.lint(r.text, CORE))
    assert d.severity.name == "WARNING" and d.expected == 1234


def test_a_decimal_count_is_still_an_error_and_money_keeps_its_decimals():
    doc = rg.distinct_doc()
    doc.set("二", "fees", "fee_amount", "1.250")  # 万元: a decimal amount, not 1250
    r = rg.render(doc.copy().set("二", "penalty", "decisions", "2.5"), "pipe")
    got = findings(r.text)
    assert [(c, line) for c, line, _ in got] == [("GL210", r.cell("二", "penalty", "decisions"))], got
    assert "is 2.5; a count must be a whole number" in got[0][2]
    assert govlint.parse(r.text).table("二").cell("fees", "fee_amount").value == 1.25


# labels OCR misread: characters that look alike (子 for 予, 幵 for 开, 己 for 已, 末 for 未, 仵 for 件), item
# numbers ((=) for (二), l. for 1., Z. for 2., -、 for 一、) and one character of a header word (入 for
# 人, 杲 for 果). The row or column was lost (GL202 + GL204, its figures out of every check), and in a
# spaced header the misread word was dropped, the figures after it shifted into the wrong columns
# (false GL304s). Now: read as the format's label, one GL215 on its line naming the look-alikes.
@pytest.mark.parametrize("shape", ["spaced", "pipe", "cells"])
@pytest.mark.parametrize("old,new,pair", [
    ("（一）予以公开", "（一）子以公开", "子→予"),
    ("（三）不予公开", "（三）不子公开", "子→予"),
    ("（二）部分公开", "（二）部分公幵", "幵→开"),
    ("（二）部分公开", "(=)部分公开", "=→二"),
    ("1.属于国家秘密", "l.属于国家秘密", "l→1"),
    ("2.重复申请", "Z.重复申请", "Z→2"),
    ("一、本年新收", "-、本年新收", "-→一"),
    ("已获取信息", "己获取信息", "己→已"),
    ("逾期未按", "逾期末按", "末→未"),
    ("本年制发件数", "本年制发仵数", "仵→件"),
    ("自然人", "自然入", "入→人"),
    ("其他结果", "其他结杲", "杲→果"),
])
def test_misread_label_is_read_and_named(shape, old, new, pair):
    doc = rg.distinct_doc()
    text = rg.render(doc, shape).text
    assert old in text
    line = text[:text.index(old)].count("\n") + 1
    bad = text.replace(old, new, 1)
    got = findings(bad)
    assert [(c, ln) for c, ln, _ in got] == [("GL215", line)], got
    assert pair in got[0][2] and "OCR" in got[0][2]
    read_all_but(doc, bad, set())


def test_two_labels_one_character_away_are_no_guess():
    # 结果纠持 is one character from both 结果维持 and 结果纠正: not read as either; 其他情况 is two from 其他结果
    text = rg.render(rg.distinct_doc(), "cells").text
    for old, new in [("结果维持", "结果纠持"), ("其他结果", "其他情况")]:
        got = [c for c, _, _ in findings(text.replace(old, new, 1))]
        assert "GL215" not in got and "GL205" in got, got


def _nth_replaced(text: str, old: str, new: str, n: int) -> str:
    at = -1
    for _ in range(n + 1):
        at = text.index(old, at + 1)
    return text[:at] + new + text[at + len(old):]


# a header word of table 四 that several columns share (其他结果, 尚未审结 under each group) written as
# something else in one group: the columns were put in first-writing order, the figures shifted into the
# wrong columns and GL304 reported three sums that were only the shift; in a spaced header the word was
# dropped without a word. Now: that group's column is the unknown one (GL205), GL203 names it, the other
# figures are read into their own columns.
@pytest.mark.parametrize("shape", ["spaced", "pipe", "cells"])
@pytest.mark.parametrize("label,n,column", [
    ("其他结果", 0, "review.other"), ("尚未审结", 0, "review.pending"),
    ("其他结果", 1, "direct.other"), ("结果纠正", 2, "after_review.corrected"),
])
def test_unknown_word_for_a_shared_header_label_of_table4(shape, label, n, column):
    doc = rg.distinct_doc()
    r = rg.render(doc, shape)
    bad = _nth_replaced(r.text, label, "调解结案", n)
    got = findings(bad)
    assert sorted(c for c, _, _ in got) == ["GL203", "GL205"], got
    group = {"review": "行政复议", "direct": "未经复议直接起诉", "after_review": "复议后起诉"}[column.split(".")[0]]
    assert f"lacks the column “{group}·{label}”" in next(m for c, _, m in got if c == "GL203")
    read_all_but(doc, bad, {("四", "cases", column)})


# a spaced header line's words that were held back as the top halves of wrapped words, and turned out
# to have no lower half, were dropped: 自然人 written 个人 lost the column and every row of table 三
# got a GL211 (25 findings, 175 figures out of the checks)
@pytest.mark.parametrize("shape", ["spaced", "pipe", "cells"])
def test_unknown_header_word_of_a_spaced_header_is_kept(shape):
    doc = rg.distinct_doc()
    r = rg.render(doc, shape)
    bad = r.text.replace("自然人", "个人", 1)
    got = findings(bad)
    assert sorted(c for c, _, _ in got) == ["GL203", "GL205"], got
    read_all_but(doc, bad, {("三", row.id, "natural") for row in doc.tables["三"].rowdefs()})


# a page number OCR or a PDF left between two rows of a table written a row a line: a bare number was
# taken as the previous row's eighth figure (GL211, the row's figures out of every check); a number
# between dots (· 3 ·) is a page mark like - 3 -
@pytest.mark.parametrize("shape", ["spaced", "pipe"])
@pytest.mark.parametrize("mark,where", [("3", ("三", "withheld.security")), ("3", ("三", "carry_forward")),
                                         ("· 3 ·", ("三", "withheld.security"))])
def test_page_number_between_rows(shape, mark, where):
    doc = rg.distinct_doc()
    r = rg.render(doc, shape)
    lines = r.text.split("\n")
    at = r.row(*where)
    lines.insert(at - 1, mark)
    text = "\n".join(lines)
    got = findings(text)
    if mark == "3":
        assert [(c, line) for c, line, _ in got] == [("GL211", at)], got
        assert "alone on its line" in got[0][2] and "page number" in got[0][2]
    else:
        assert got == []
    read_all_but(doc, text, set())


@pytest.mark.parametrize("shape", ["spaced", "pipe"])
def test_page_number_between_header_and_row_of_table4(shape):
    doc = rg.distinct_doc()
    r = rg.render(doc, shape)
    lines = r.text.split("\n")
    at = r.row("四", "cases")
    lines.insert(at - 1, "4")
    text = "\n".join(lines)
    got = findings(text)
    assert [(c, line) for c, line, _ in got] == [("GL211", at)], got
    read_all_but(doc, text, set())


def test_figures_a_cell_a_line_are_not_page_numbers():
    # one cell a line (a scraped page): every figure is alone on its line; an extra one keeps the row out
    doc = rg.distinct_doc()
    r = rg.render(doc, "cells")
    lines = r.text.split("\n")
    at = r.cell("三", "disclosed", "total")
    lines.insert(at, "3 |")
    got = findings("\n".join(lines))
    assert [c for c, _, _ in got] == ["GL211"] and "has 8 values, expected 7" in got[0][2], got


# a row label broken over two lines by OCR or a conversion — with a soft hyphen, a hyphen at the break,
# or none, the row's figures on the first or the second line — in a table written a row a line: the
# pieces were two unknown rows (GL202 + 2 GL204, the row's figures out of every check)
def _break_label(text: str, label: str, at: str, hyphen: str, figures_first: bool, shape: str) -> str:
    lines = text.split("\n")
    i = next(k for k, line in enumerate(lines) if label in line)
    line = lines[i]
    cut = line.index(at)
    end = line.index(label) + len(label)
    head, tail, figures = line[:cut] + hyphen, line[cut:end], line[end:]
    if figures_first:
        lines[i:i + 1] = [head + figures, tail]
    else:
        lines[i:i + 1] = [head, tail + figures]
    return "\n".join(lines)


@pytest.mark.parametrize("shape", ["spaced", "pipe"])
@pytest.mark.parametrize("hyphen", ["", "-"])
@pytest.mark.parametrize("figures_first", [False, True])
def test_label_broken_over_two_lines(shape, hyphen, figures_first):
    doc = rg.distinct_doc()
    text = rg.render(doc, shape).text
    for label, at in [("本机关不掌握相关政府信息", "握相关"),
                      ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "缴纳")]:
        bad = _break_label(text, label, at, hyphen, figures_first, shape)
        assert findings(bad) == [], label
        read_all_but(doc, bad, set())


@pytest.mark.parametrize("shape", ["spaced", "pipe", "cells"])
def test_soft_hyphen_in_a_label(shape):
    doc = rg.distinct_doc()
    bad = rg.render(doc, shape).text.replace("本机关不掌握相关政府信息", "本机关不掌\u00ad握相关政府信息", 1)
    assert findings(bad) == []
    read_all_but(doc, bad, set())


def _figures_only(doc: rg.Doc, shape: str, drop: int = -1) -> str:
    """``doc`` with table 三's rows written as their figures alone, one a line (labels lost to OCR)."""
    r = rg.render(doc, shape)
    rows = {r.row("三", row.id) for row in doc.tables["三"].rowdefs()}
    out: list[str] = []
    k = 0
    for i, line in enumerate(r.text.split("\n"), 1):
        if i not in rows:
            out.append(line)
            continue
        row = next(x for x in doc.tables["三"].rowdefs() if r.row("三", x.id) == i)
        for col, _ in rg.T3_COLUMNS:
            if k != drop:
                out.append(doc.value("三", row.id, col))
            k += 1
    return "\n".join(out)


# a table OCR'd as its figures only, one a line, its row labels lost: every figure was a GL211 of its own
# (175 findings) and GL202 said 25 rows were missing
@pytest.mark.parametrize("shape", ["spaced", "pipe"])
def test_table_of_figures_only_is_read_in_the_formats_order(shape):
    doc = rg.distinct_doc()
    text = _figures_only(doc, shape)
    got = findings(text)
    assert [c for c, _, _ in got] == ["GL202"], got
    assert "has no row labels: its 175 figures" in got[0][2] and "25 rows, 7 a row" in got[0][2]
    read_all_but(doc, text, set())
    # read so, the figures are checked: a wrong one is reported
    wrong = _figures_only(doc.copy().set("三", "disclosed", "total", "30"), shape)
    assert "GL303" in [c for c, _, _ in findings(wrong)]


@pytest.mark.parametrize("shape", ["spaced", "pipe"])
def test_table_of_figures_only_with_one_lost_is_one_finding_each(shape):
    doc = rg.distinct_doc()
    got = findings(_figures_only(doc, shape, drop=40))
    assert sorted(c for c, _, _ in got) == ["GL202", "GL211"], got
    assert "174 values that belong to no row" in next(m for c, _, m in got if c == "GL211")


@pytest.mark.parametrize("shape", ["spaced", "pipe", "cells"])
def test_misread_label_and_misread_first_figure_on_one_row(shape):
    # both artefacts on one row: the figure is still the row's first cell, the label still the row's
    doc = rg.distinct_doc()
    bad = doc.copy().set("三", "disclosed", "natural", "1O").relabel_row("三", "disclosed", "（一）子以公开")
    r = rg.render(bad, shape)
    got = findings(r.text)
    assert sorted((c, line) for c, line, _ in got) == sorted(
        [("GL208", r.cell("三", "disclosed", "natural")), ("GL215", r.row("三", "disclosed"))]), got
    read_all_but(doc, r.text, {("三", "disclosed", "natural")})


# a part heading whose numeral OCR misread (=、 for 二、, -、 for 一、): the part was missing (GL101) and
# its table counted in the part before it
@pytest.mark.parametrize("shape", ["spaced", "cells"])
@pytest.mark.parametrize("old,new,part", [("二、主动公开政府信息情况", "=、主动公开政府信息情况", 2),
                                          ("一、总体情况", "-、总体情况", 1)])
def test_part_heading_with_a_misread_numeral(shape, old, new, part):
    doc = rg.distinct_doc()
    text = rg.render(doc, shape).text.replace(old, new, 1)
    got = findings(text)
    assert "GL101" not in [c for c, _, _ in got], got
    assert all(c == "GL103" for c, _, _ in got), got
    report = govlint.parse(text)
    assert [s.part for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert next(s for s in report.sections if s.part == part).heading.text == new
