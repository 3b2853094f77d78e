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
    # a street office is its government's agency in the streets, not a department (no deadline of its own)
    ("杭州市上城区湖滨街道办事处", "township", None),
    ("北京市朝阳区建外街道", "township", None),
    # 乡/镇 inside a department's name is no township (城乡, 乡镇): a township has no bureau
    ("长沙市住房和城乡建设局", "city", "department"),
    ("湖南省住房和城乡建设厅", "province", "department"),
    ("长沙市城乡规划局", "city", "department"),
    ("长沙市乡镇企业局", "city", "department"),
    ("长沙市城乡建设委员会", "city", "department"),
    ("长沙县住房和城乡建设局", "county", "department"),
    ("某某县古城乡人民政府", "township", "government"),
    ("某某县某某镇财政所", "township", "department"),
    # a ××城区 or ××新区 is a district when it has a people's government; alone, or a zone's, it is not placed
    ("婺城区人民政府", "county", "government"),
    ("金华市婺城区人民政府办公室", "county", "government"),
    ("上海市浦东新区人民政府", "county", "government"),
    ("某某新区管理委员会", None, None),
    ("某市老城区", None, None),
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


def test_find_years_is_year_re():
    """``find_years`` (from each 年 backwards) finds exactly what ``YEAR_RE.finditer`` finds, with
    the same spans and groups, over the whole text and between pos/endpos."""
    import random

    from govlint_rules._prose import YEAR_RE, find_years

    rng = random.Random(20261126)
    alphabet = list("2019２０一二〇零○三九年代 \u3000\t〔[（(x\n")
    texts = ["2022年，二〇二三年。1990年代", "截至2023 年1月", "〔2022〕年", "（2022年）", "12022年", "２０２２年"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    for text in texts:
        for pos, endpos in ((0, None), (1, len(text) - 1), (3, len(text)), (0, len(text) + 5)):
            args = (pos,) if endpos is None else (pos, endpos)
            want = [(m.span(), m.span("y"), m.group(0), m.group("y")) for m in YEAR_RE.finditer(text, *args)]
            got = [(m.span(), m.span("y"), m.group(0), m.group("y")) for m in find_years(text, *args)]
            assert got == want, (text, pos, endpos)


def test_find_periods_is_the_plain_scan():
    """``find_periods`` tries its patterns only where a period can start; it finds what scanning the
    whole text with each pattern finds (a numeric date not right after a digit or a point)."""
    import random
    import re

    from govlint_rules import _prose as P

    numeric = re.compile(r"(?<![\d.])" + P._PERIOD_NUM.pattern)

    def plain(text: str) -> list:
        found = [P._period(m) for m in P._PERIOD_CN.finditer(text)]
        found += [P._month_period(m) for m in P._PERIOD_MONTH.finditer(text)
                  if not any(p.start < m.end() and m.start() < p.end for p in found)]
        found += [P._period(m) for m in numeric.finditer(text)
                  if not any(p.start < m.end() and m.start() < p.end for p in found)]
        for m in P._PERIOD_YEAR.finditer(text):
            y = P.cn_int(m.group("y1"))
            if not any(p.start <= m.start("y1") < p.end for p in found):
                found.append(P.Period(m.start("y1"), m.end(), (y, 1, 1), (y, 12, 31)))
        return sorted(found)

    rng = random.Random(11)
    pieces = ["2022", "2021", "二〇二二", "年", "1", "12", "31", "月", "日", "号", "至", "到", "-", "—", ".", "/", "．",
              " ", "统计", "期限为", "时限", "度", "全年", "起", "（", "1.", "x", "，", "2022年1月1日", "12月31日",
              "2022.1.1", "2022-01-01", "12.31", "2022/12/31", "二〇二二年一月一日", "十二月三十一日", "统计期限为2022",
              "2022年1月", "份", "2022年12月", "一月", "十二月"]
    texts = ["本报告数据统计时限为2022年1月1日至2022年12月31日。", "统计时限为2022.1.1至2022.12.31",
             "统计期限2022年1月1日-12月31日", "统计期限为2022年度", "（2022年1月1日至2022年12月31日）",
             "12022.1.1-2022.12.31", "1.2022.1.1-12.31", "2022 年1月1日至12月31日", "统计期限为2022年1月至12月",
              "2022年1月份至2022年12月份", "二〇二二年一月至十二月", "2022年1月至12月31日"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(20000)]
    found = 0
    for text in texts:
        want = plain(text)
        assert P.find_periods(text) == want, text
        found += len(want)
    assert found > 300  # the random texts do hold periods


def test_doc_numbers_scan_from_where_a_number_can_start():
    """``doc_numbers`` starts its scan near the first bracketed year or 国务院令 (and its scan for a
    year without brackets near the first one); it finds what the full scans find."""
    import random

    from govlint_rules.citations._docs import _bare_numbers, _doc_numbers_from, doc_numbers

    rng = random.Random(7)
    pieces = ["国办公开办函", "〔2021〕", "（2019）", "[2020]", "30号", "第711号", "国务院令", "号", "根据", "和",
              "《条例》", "2022", "印发", "的通知", " ", "，", "〔", "〕", "政府信息公开工作", "〔2021〕30号",
              "（2019）60号", "办", "国办函", "某某县人民政府办公室", "某某市自然资源和规划局办公室文件",
              "2021年30号", "2020 109号", "国务院第", "号令", "印发", "湘政发", "年", "第"]
    texts = ["按照国办公开办函〔2021〕30号要求，根据国务院令第711号", "文号为", "国务院令第1号和国办函〔2020〕109号"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(5000)]
    found = found_bare = 0
    for text in texts:
        full = list(_doc_numbers_from(text, 0)) if "号" in text else []  # the scans from the start
        bare = [n for n in _bare_numbers(text, 0) if not any(o.start < n.end and n.start < o.end for o in full)]
        full = sorted(full + bare) if "号" in text else []
        assert list(doc_numbers(text)) == full, text
        found += len(full)
        found_bare += len(bare)
    assert found > 1000 and found_bare > 100  # the random texts do hold document numbers, with and without brackets
