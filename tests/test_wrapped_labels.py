"""Row labels wrapped over several lines, as text taken from a PDF writes them.

A PDF table cell holding a long label (``（二）部分公开（区分处理的，只计这一情形，不计其他情形）``,
``1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请``) is written on two or three lines
by ``pdftotext`` and by copy-paste, with the row's values on the first, the middle or the last of
them. The report must read as if the label were on one line: same findings, same positions.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
CHANGED = ("三", "partly_disclosed", "natural")  # a value of a row with a long label, changed
CASE = DATA.with_value(*CHANGED, str(int(DATA.values[CHANGED]) + 2))
TEXT = rs.to_text(CASE, "spaced")
VALUES = r"((?:\S+ ){6}\S+)"  # the seven values of a table 三 row
# the long row labels of table 三 (the last word before the values: a group label may come first)
LONG = [m.group(1) for m in re.finditer(r"(?m)(?:^|\s)(\S{14,}) " + VALUES + "$", TEXT)]


def keys(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.txt")


def _wrap(text: str, label: str, where: str) -> str:
    """``label`` cut in two (or three) pieces on lines of their own, the values on the ``first``,
    ``last`` or ``middle`` line."""
    third = len(label) // 3
    a, b, c = label[:third], label[third:2 * third], label[2 * third:]
    m = re.search(re.escape(label) + " " + VALUES, text)
    assert m, label
    values = m.group(1)
    new = {"first": f"{a}{b} {values}\n{c}",
           "last": f"{a}{b}\n{c} {values}",
           "middle": f"{a}\n{b} {values}\n{c}"}[where]
    return text[:m.start()] + new + text[m.end():]


def test_the_cases_are_not_vacuous():
    assert len(LONG) >= 6, LONG
    expected = keys(lint(TEXT))
    assert ("GL303", "三", "partly_disclosed", None) in expected or any(
        k[1:3] == ("三", "partly_disclosed") for k in expected), expected


@pytest.mark.parametrize("where", ["first", "last", "middle"])
@pytest.mark.parametrize("index", range(6))
def test_wrapped_row_label(index, where):
    label = LONG[index]
    expected = keys(lint(TEXT))
    wrapped = _wrap(TEXT, label, where)
    result = lint(wrapped)
    assert keys(result) == expected
    lines = wrapped.split("\n")
    for d in result.diagnostics:  # findings on the changed value still point at it
        if (d.table, d.row, d.col) == CHANGED:
            assert lines[d.line - 1][d.column - 1:].startswith(CASE.values[CHANGED]), (d.code, d.line, d.column)


def test_two_rows_with_values_are_not_joined():
    """Two unknown labels on consecutive lines, each with its values, stay two (unknown) rows, even
    when their words together would make a label of the format."""
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    m = re.search(re.escape(label) + " " + VALUES, TEXT)
    half = len(label) // 2
    split = TEXT[:m.start()] + f"{label[:half]} {m.group(1)}\n{label[half:]} {m.group(1)}" + TEXT[m.end():]
    found = keys(lint(split))
    assert found[("GL204", "三", None, None)] >= 1


# ----------------------------------------------------------------------------- wrapped header words

HEADER = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况\n自然人 法人或其他组织 总计\n"
          "商业企业 科研机构 社会公益组织 法律服务机构 其他\n")
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
STACKED = {
    # the narrow columns' words wrapped, the wide ones (自然人, 其他, 总计) on the lower line only
    "two lines": f"{NOTE} 申请人情况\n法人或其他组织\n商业 科研 社会公益 法律服务\n自然人 企业 机构 组织 机构 其他 总计\n",
    "note beside the halves": f"申请人情况\n法人或其他组织\n{NOTE} 商业 科研 社会公益 法律服务\n自然人 企业 机构 组织 机构 其他 总计\n",
    "uneven halves": f"{NOTE} 申请人情况\n法人或其他组织\n商业 科研 社会公 法律服\n自然人 企业 机构 益组织 务机构 其他 总计\n",
}


@pytest.mark.parametrize("layout", list(STACKED))
def test_header_words_wrapped_in_narrow_columns(layout):
    assert HEADER in TEXT
    wrapped = TEXT.replace(HEADER, STACKED[layout])
    assert keys(lint(wrapped)) == keys(lint(TEXT))
