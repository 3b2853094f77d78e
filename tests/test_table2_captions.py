"""Table 二's block captions as reports really write them.

The 2021 format heads each block of table 二 with the article it discloses under
(``第二十条第（一）项`` …). Reports write the citation without brackets (``第二十条第一项``), with
Arabic numerals (``第20条第5项``) or spaces, and often leave the later captions out altogether, so
that a block starts with its header (``信息内容 | 本年处理决定数量``). Each block must still be read with
its own columns: a value in it is reported at its own row and column.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine
from govlint.labels import key

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
# values that table 二 cannot hold, in three of its four blocks: each is found only if its block's
# columns were read right
CASE = (DATA.with_value("二", "licensing", "decisions", "-1")
        .with_value("二", "enforcement", "decisions", "2.5")
        .with_value("二", "normative_documents", "repealed", "-3"))
NUMERALS = "一二三四五六七八"
CAPTION = re.compile(r"第二十条第（([一五六八])）项")

VARIANTS = {
    "no brackets": lambda t: CAPTION.sub(r"第二十条第\1项", t),
    "half-width brackets": lambda t: CAPTION.sub(r"第二十条第(\1)项", t),
    "Arabic numerals": lambda t: CAPTION.sub(lambda m: f"第20条第{NUMERALS.index(m.group(1)) + 1}项", t),
    "spaces": lambda t: CAPTION.sub(r"第二十条 第（\1）项", t),
    "later captions left out": lambda t: re.sub(r"(?m)^.*第二十条第（[五六八]）项.*\n", "", t),
    "no captions": lambda t: re.sub(r"(?m)^.*第二十条第（[一五六八]）项.*\n", "", t),
}


def found(text: str) -> Counter:
    result = default_engine().lint_bytes(text.encode("utf-8"), "report.txt")
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics if d.code.startswith("GL2"))


@pytest.mark.parametrize("shape", ["cells", "rows", "spaced"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_caption_variants(variant, shape):
    text = rs.to_text(CASE, shape)
    expected = found(text)
    assert ("GL209", "二", "licensing", "decisions") in expected  # not vacuous
    assert ("GL210", "二", "enforcement", "decisions") in expected
    assert ("GL209", "二", "normative_documents", "repealed") in expected
    changed = VARIANTS[variant](text)
    assert changed != text
    assert found(changed) == expected


@pytest.mark.parametrize("written", ["第二十条第（一）项", "第二十条第一项", "第二十条（一）项", "第20条第1项",
                                     "第 二十 条 第 (一) 项"])
def test_article_citations_have_one_key(written):
    assert key(written) == key("第二十条第（一）项")


def test_other_article_citations_stay_apart():
    assert key("第二十条第五项") != key("第二十条第（一）项")
    assert key("第二十一条第一项") != key("第二十条第一项")
    assert key("第20条第11项") == key("第二十条第十一项")
