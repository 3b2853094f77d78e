"""Helpers of rules/_prose.py: the agency read from the title, numbers for messages, sentences."""

from __future__ import annotations

import pytest

from govlint_rules._prose import (admin_level, agency_kind, clause_start, cn_int, magnitude, sentence_bounds,
                                  slogan_ranges)


@pytest.mark.parametrize("name, level, kind", [
    ("益阳市行政审批服务局", "city", "department"),
    ("威海市文登区信访局", "county", "department"),
    ("深圳市龙岗区发展和改革局", "county", "department"),
    ("镇安县人民政府", "county", "government"),
    ("镇安县人民政府办公室", "county", "government"),
    ("茅坪回族镇人民政府", "township", "government"),
    ("大埔县三河镇人民政府", "township", "government"),
    ("广东省人民政府", "province", "government"),
    ("平潭综合实验区", None, None),
    ("", None, None),
])
def test_agency_level_and_kind(name, level, kind):
    assert admin_level(name) == level
    assert agency_kind(name) == kind


def test_numbers_for_messages():
    assert magnitude(3_474_510_000, "次") == "34.7亿次"
    assert magnitude(12_345, "件") == "1.234万件"
    assert magnitude(12, "件") == "12件"
    assert cn_int("二〇二三") == 2023 and cn_int("十二") == 12 and cn_int("31") == 31


def test_sentences_clauses_slogans():
    text = "共收到申请3件，办结3件。坚持“三个一”机制"
    assert sentence_bounds(text, 2) == (0, 12)
    assert clause_start(text, 10) == 8
    assert [text[s:e] for s, e in slogan_ranges(text)] == ["“三个一”"]
