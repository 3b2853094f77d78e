"""Typographic variants of a correct report that change nothing a reader sees: the same findings.

Found by a probe that wrote correct 2021-format reports from scratch and varied their typography
(spaces, full stops, line breaks inside cells, notes under tables). Each case here is a text edit
of the seed's shapes; the report must read as without it: same findings (code, table, row, column).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
CASE = DATA.with_value("三", "new", "natural", str(int(DATA.values[("三", "new", "natural")]) + 1))
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def keys(text: str) -> Counter:
    result = default_engine().lint_bytes(text.encode("utf-8"), "report.txt")
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


def _after_tables(text: str, shape: str, note: str) -> str:
    """``note`` written under each of tables 三 and 四, in a cell of its own as the shape writes cells."""
    cell = {"cells": f"{note} |", "rows": f"{note} |", "spaced": note}[shape]
    for heading in ("四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"):
        text = text.replace("\n" + heading, f"\n{cell}\n{heading}", 1)
    return text


# name -> (shapes, edit of the text)
VARIANTS = {
    # the 勾稽 note of table 三's corner cell, its text broken over two lines
    "勾稽 note over two lines": (["cells", "rows", "spaced"],
                               lambda t, s: t.replace(NOTE, NOTE[:17] + "\n" + NOTE[17:], 1)),
    "勾稽 note over two lines, late break": (["cells", "rows"],
                                          lambda t, s: t.replace(NOTE, NOTE[:-8] + "\n" + NOTE[-8:], 1)),
    # a note under the table written in a cell of the table's last row
    "注： in a cell under the table": (["cells", "rows"],
                                    lambda t, s: _after_tables(t, s, "注：本表数据由政务公开办公室统计。")),
    "注1： in a cell under the table": (["cells", "rows"],
                                     lambda t, s: _after_tables(t, s, "注1：“其他”指申请人未注明身份的申请。")),
    "说明： in a cell under the table": (["cells", "rows"],
                                     lambda t, s: _after_tables(t, s, "说明：以上数据统计截至12月31日。")),
    # no-break and typographic spaces inside row labels and part headings
    "no-break space in labels": (["cells", "rows"],
                                 lambda t, s: t.replace("法人或其他组织", "法人或其他\u00a0组织")
                                 .replace("二、主动公开", "二、\u00a0主动公开")
                                 .replace("行政规范性文件", "行政规范性\u00a0文件")),
    "thin space in labels": (["cells", "rows"],
                             lambda t, s: t.replace("本年新收政府信息公开申请数量", "本年新收政府信息\u2009公开申请数量")),
}

CASES = [(name, shape) for name, (shapes, _) in VARIANTS.items() for shape in shapes]


@pytest.fixture(scope="module")
def expected():
    return {shape: keys(rs.to_text(CASE, shape)) for shape in ("cells", "rows", "spaced")}


def test_the_cases_are_not_vacuous(expected):
    for found in expected.values():
        assert ("GL303", "三", "new", "total") in found


@pytest.mark.parametrize("name, shape", CASES)
def test_typographic_variant_reads_as_the_plain_text(name, shape, expected):
    text = rs.to_text(CASE, shape)
    changed = VARIANTS[name][1](text, shape)
    assert changed != text
    assert keys(changed) == expected[shape]
