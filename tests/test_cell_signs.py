"""Small misreadings found by a probe: a currency sign in a table cell (¥1500, ￥0.5) is an amount in
元 written with its unit (GL213), not text (GL208); the regulation's name in quotation marks instead of
book-title marks (“中华人民共和国政府信息公开条例”) is reported by GL601 with a safe fix."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine
from govlint.numbers import parse_cell

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
SHAPES = ["cells", "rows"]


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.txt").diagnostics


@pytest.mark.parametrize("text, value, unit", [("¥1500", 1500, "元"), ("￥0.5", 0.5, "元"), ("¥ 1,500", 1500, "元"),
                                               ("-¥3", -3, "元"), ("¥1.5万元", 1.5, "万元")])
def test_a_currency_sign_is_an_amount_in_yuan(text, value, unit):
    v = parse_cell(text)
    assert (v.kind, v.value, v.unit) == ("number", value, unit)


@pytest.mark.parametrize("text", ["¥", "¥3件", "¥元"])
def test_a_currency_sign_without_an_amount_is_text(text):
    assert parse_cell(text).kind == "text"


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("written", ["¥1500", "￥0.5"])
def test_a_currency_sign_in_the_fee_cell_is_a_unit(shape, written):
    text = rs.to_text(DATA, shape)
    changed = rs.to_text(DATA.with_value("二", "fees", "fee_amount", written), shape)
    found = Counter(d.code for d in lint(changed)) - Counter(d.code for d in lint(text))
    assert found == Counter({"GL213": 1}), found
    (d,) = [d for d in lint(changed) if d.code == "GL213"]
    assert d.row == "fees" and d.col == "fee_amount"
    assert f"货币符号“{written[0]}”" in d.message and "万元" in d.message and "currency sign" in d.message_en


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("quotes", ["“”", '""', "「」"])
def test_the_regulation_in_quotation_marks(shape, quotes):
    name = "中华人民共和国政府信息公开条例"
    text = rs.to_text(DATA, shape)
    assert f"《{name}》" in text
    changed = text.replace(f"《{name}》", f"{quotes[0]}{name}{quotes[1]}", 1)
    new = Counter(d.code for d in lint(changed)) - Counter(d.code for d in lint(text))
    assert new == Counter({"GL601": 1}), new
    (d,) = [d for d in lint(changed) if d.code == "GL601" and d.expected == f"《{name}》"]
    assert "书名号" in d.message and d.fix is not None
    fixed = changed[:d.fix.start] + d.fix.replacement + changed[d.fix.end:]
    assert fixed == text
