"""A count written in Chinese numerals in a table cell (“三”, “十二件”, “零”) is read as the number — it
takes part in the arithmetic — and GL208 names the figure to write (a warning), instead of calling it
text (an error) and leaving the figure out of every check."""

from __future__ import annotations

import pytest

import govlint
from govlint import Severity
from govlint.numbers import chinese_figure

import reportgen as rg


@pytest.mark.parametrize("text, expected", [("三", (3, None)), ("十二件", (12, "件")), ("零", (0, None)), ("两", (2, None)),
                                            ("一百零五", (105, None)), ("五人次", (5, "人次")), ("〇", None), ("一二", None),
                                            ("统一", None), ("十四五", None), ("不详", None), ("件", None)])
def test_chinese_figure(text, expected):
    assert chinese_figure(text) == expected


@pytest.mark.parametrize("shape", ["pipe", "cells", "markdown"])
@pytest.mark.parametrize("value, written", [(3, "三"), (12, "十二"), (12, "十二件"), (0, "零")])
def test_a_count_in_chinese_numerals_is_read(shape, value, written):
    doc = rg.distinct_doc()
    t3 = doc.tables["三"]
    leaves = [r.id for r in t3.rowdefs() if r.id not in ("new", "carried_over", "total", "carry_forward")]
    outcomes = {(r, c): (i * 7 + j * 3) % 11 + 1 for i, r in enumerate(leaves) for j, c in enumerate(rg.T3_APPLICANTS)}
    outcomes[("disclosed", "natural")] = value
    rg.consistent_table3(t3, outcomes, {c: j + 1 for j, c in enumerate(rg.T3_APPLICANTS)},
                         {c: 2 * j + 1 for j, c in enumerate(rg.T3_APPLICANTS)})
    base = {(d.code, d.line) for d in govlint.lint(rg.render(doc, shape).text.encode())}
    r = rg.render(doc.copy().set("三", "disclosed", "natural", written), shape)
    new = [d for d in govlint.lint(r.text.encode()) if (d.code, d.line) not in base]
    assert [(d.code, d.line, d.severity) for d in new] == [("GL208", r.cell("三", "disclosed", "natural"), Severity.WARNING)], \
        [(d.code, d.message) for d in new]
    assert f"用汉字写作“{written}”，已按 {value} 读取" in new[0].message and f"read as {value}" in new[0].message_en
    assert govlint.parse(r.text.encode()).table("三").cell("disclosed", "natural").value == value
