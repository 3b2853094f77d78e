"""Tests for govlint.numbers: table cells, Chinese numerals, prose quantities."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govlint.numbers import (
    CellValue,
    Quantity,
    chinese_to_number,
    find_quantities,
    parse_cell,
)

DATA = pathlib.Path(__file__).parent / "data"


def quantities(text: str) -> list[tuple]:
    return [(q.raw, q.value, q.unit) for q in find_quantities(text)]


def only(text: str) -> Quantity:
    qs = find_quantities(text)
    assert len(qs) == 1, [q.raw for q in qs]
    q = qs[0]
    assert text[q.start : q.end] == q.raw
    return q


# ---------------------------------------------------------------------------
# parse_cell
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\u3000", "\u00a0", " \t\n\u3000\u00a0\u200b"])
def test_cell_blank(text):
    assert parse_cell(text) == CellValue("blank", None, None, False)


@pytest.mark.parametrize(
    "text",
    ["-", "--", "—", "——", "－", "/", "／", "\\", "无", "空", "×", "*", "/ ", "—/—",
     " — ", "\u3000/\u3000", "暂无", "/ /", "…"],
)
def test_cell_placeholder(text):
    c = parse_cell(text)
    assert c.kind == "placeholder"
    assert c.value is None and c.unit is None


@pytest.mark.parametrize(
    "text, value, unit, is_int",
    [
        ("0", 0, None, True),
        ("12", 12, None, True),
        (" 12 ", 12, None, True),
        ("\u300012\u00a0", 12, None, True),
        ("１２", 12, None, True),
        ("1,234", 1234, None, True),
        ("1，234", 1234, None, True),
        ("1,234,567", 1234567, None, True),
        ("1.5", 1.5, None, False),
        ("0.06", 0.06, None, False),
        ("１．５", 1.5, None, False),
        ("12.0", 12.0, None, False),
        ("-3", -3, None, True),
        ("－3", -3, None, True),
        ("−3", -3, None, True),
        ("+3", 3, None, True),
        ("5件", 5, "件", True),
        ("5 件", 5, "件", True),
        ("251000元", 251000, "元", True),
        ("0.5万元", 0.5, "万元", False),
        ("12个", 12, "个", True),
        ("3条", 3, "条", True),
        ("80%", 80, "%", True),
        ("80％", 80, "%", True),
        ("99.5%", 99.5, "%", False),
        ("1,234.5", 1234.5, None, False),
    ],
)
def test_cell_number(text, value, unit, is_int):
    c = parse_cell(text)
    assert c.kind == "number"
    assert c.value == value
    assert type(c.value) is (int if is_int else float)
    assert c.unit == unit
    assert c.is_integer_text is is_int


@pytest.mark.parametrize(
    "text",
    ["规章", "第二十条第(一)项", "2.其他法律行政法规禁止公开", "abc", "1.本机关不掌握相关政府信息",
     "行政许可", "1,23", "12.", "--3", "三", "1" * 40],
)
def test_cell_text(text):
    assert parse_cell(text).kind == "text"


@settings(derandomize=True, max_examples=200, deadline=None)
@given(n=st.integers(min_value=-(10**12), max_value=10**12), sep=st.booleans(), fw=st.booleans())
def test_cell_integer_roundtrip(n, sep, fw):
    s = f"{abs(n):,}" if sep else str(abs(n))
    if fw:
        s = s.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    if n < 0:
        s = "-" + s
    c = parse_cell(s)
    assert c.kind == "number" and c.value == n and c.is_integer_text


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_cell_never_crashes(text):
    c = parse_cell(text)
    assert c.kind in {"number", "blank", "placeholder", "text"}
    if c.kind != "number":
        assert c.value is None


# ---------------------------------------------------------------------------
# chinese_to_number
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("三千二百", 3200), ("二〇二二", 2022), ("两", 2), ("十二", 12), ("一百零五", 105),
        ("一万二千", 12000), ("零", 0), ("〇", 0), ("十", 10), ("一十", 10), ("二十", 20),
        ("一百一十", 110), ("一千零五十", 1050), ("一万零五", 10005), ("十万", 100000),
        ("两千", 2000), ("三千五", 3500), ("一万五", 15000), ("千", 1000), ("百", 100),
        ("万", 10000), ("一亿二千万", 120_000_000), ("一亿零五万", 100_050_000),
        ("一万亿", 10**12), ("一百〇五", 105), ("九千九百九十九万九千九百九十九", 99_999_999),
    ],
)
def test_chinese_to_number(text, value):
    assert chinese_to_number(text) == value


@pytest.mark.parametrize("text", ["", "十四五", "abc", "三个", "一百十", "一百零", "一" * 40, "万万"])
def test_chinese_to_number_rejects(text):
    assert chinese_to_number(text) is None


_CN_D = "零一二三四五六七八九"


def render_chinese(n: int, short_ten: bool = False, liang: bool = False) -> str:
    """Reference renderer for 0 <= n < 10**8 in the standard positional form."""

    def section(v: int) -> str:
        out, zero, started = [], False, False
        for d, u in zip((v // 1000, v // 100 % 10, v // 10 % 10, v % 10), "千百十 "):
            if d == 0:
                zero = zero or started
                continue
            if zero:
                out.append("零")
                zero = False
            digit = "两" if (liang and d == 2 and u in "千百") else _CN_D[d]
            out.append(digit + u.strip())
            started = True
        return "".join(out)

    if n == 0:
        return "零"
    hi, lo = divmod(n, 10_000)
    s = section(hi) + "万" if hi else ""
    if lo:
        if hi and lo < 1000:
            s += "零"
        s += section(lo)
    if short_ten and s.startswith("一十"):
        s = s[1:]
    return s


def test_reference_renderer():
    assert render_chinese(3200) == "三千二百"
    assert render_chinese(105) == "一百零五"
    assert render_chinese(10) == "一十"
    assert render_chinese(10, short_ten=True) == "十"
    assert render_chinese(12000) == "一万二千"
    assert render_chinese(10005) == "一万零五"
    assert render_chinese(1050) == "一千零五十"
    assert render_chinese(2200, liang=True) == "两千两百"


# Filler that contains no digits, no numerals, and no characters that would
# extend a unit, form a numeral word (统一, 第一 …) or mark approximation.
FILLER = st.text(alphabet="政府信息公开收到申请办理情况机关群众提供答复和的在对为，。", max_size=12)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(n=st.integers(min_value=0, max_value=99_999_999), short_ten=st.booleans(), liang=st.booleans(),
       before=FILLER, after=FILLER)
def test_chinese_numeral_property(n, short_ten, liang, before, after):
    cn = render_chinese(n, short_ten=short_ten, liang=liang)
    assert chinese_to_number(cn) == n
    if n == 0:
        return  # 零件 means "spare parts"; it is deliberately not a quantity
    text = before + cn + "件" + after
    q = only(text)
    assert q.value == n
    assert q.unit == "件"
    assert q.start == len(before)
    assert q.raw == cn + "件"


# ---------------------------------------------------------------------------
# find_quantities: examples from real reports
# ---------------------------------------------------------------------------


def test_approx_suffix_is_inside_span():
    text = "全年总浏览次数347451万次左右"
    q = only(text)
    assert q.raw == "347451万次左右"  # 左右 is part of the span
    assert q.value == 3474510000
    assert q.number_text == "347451"
    assert q.multiplier == 10_000
    assert q.unit == "次"
    assert q.approx is True


def test_counts_in_sentence():
    text = "局门户网全年共发布信息503条,其中政务动态信息360条,信息公开12条"
    assert quantities(text) == [("503条", 503, "条"), ("360条", 360, "条"), ("12条", 12, "条")]
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.raw
        assert not q.approx and q.multiplier == 1


@pytest.mark.parametrize(
    "text, raw, value, unit, multiplier, approx",
    [
        ("共收到建议、提案9件", "9件", 9, "件", 1, False),
        ("汇聚数据2.28亿条", "2.28亿条", 228_000_000, "条", 100_000_000, False),
        ("共计130万条", "130万条", 1_300_000, "条", 10_000, False),
        ("收到政府信息公开申请三千二百件", "三千二百件", 3200, "件", 1, False),
        ("两个", "两个", 2, "个", 1, False),
        ("约1.5万元", "约1.5万元", 15000, "元", 10_000, True),
        ("100余件", "100余件", 100, "件", 1, True),
        ("本年收费金额0.06万元", "0.06万元", 600, "元", 10_000, False),
        ("本年收费金额251000元", "251000元", 251000, "元", 1, False),
        ("约3.5亿元", "约3.5亿元", 350_000_000, "元", 100_000_000, True),
        ("近千条", "近千条", 1000, "条", 1, True),
        ("回复300多次", "300多次", 300, "次", 1, True),
        ("约5万", "约5万", 50000, None, 10_000, True),
        ("5万余", "5万余", 50000, None, 10_000, True),
        ("浏览1.2万条", "1.2万条", 12000, "条", 10_000, False),
        ("3千份", "3千份", 3000, "份", 1000, False),
        ("接待5万人次", "5万人次", 50000, "人次", 10_000, False),
        ("15个工作日内", "15个工作日", 15, "个工作日", 1, False),
        ("三千万元", "三千万元", 30_000_000, "元", 10_000, False),
        ("一万二千元", "一万二千元", 12000, "元", 1, False),
        ("公开１，２３４条", "１，２３４条", 1234, "条", 1, False),
        ("超过100件以上", "超过100件以上", 100, "件", 1, True),
        ("千余件", "千余件", 1000, "件", 1, True),
        ("网站总访问量8855698", "8855698", 8855698, None, 1, False),
        ("办理4次", "4次", 4, "次", 1, False),
        ("提升了3个百分点", "3个百分点", 3, "个百分点", 1, False),
        ("节约100万元", "100万元", 1_000_000, "元", 10_000, False),
        ("近3年", "3年", 3, "年", 1, False),
        ("一百多万元", "一百多万元", 1_000_000, "元", 10_000, True),
        ("100多万元", "100多万元", 1_000_000, "元", 10_000, True),
        ("两千余人次", "两千余人次", 2000, "人次", 1, True),
        ("十一个", "十一个", 11, "个", 1, False),
        # a lone 十 with its unit is ten, as 十一 is eleven (百/千 alone stay vague: 千家万户)
        ("行政复议案件十件", "十件", 10, "件", 1, False),
        ("出台十项措施", "十项", 10, "项", 1, False),
    ],
)
def test_single_quantity(text, raw, value, unit, multiplier, approx):
    q = only(text)
    assert (q.raw, q.value, q.unit, q.multiplier, q.approx) == (raw, value, unit, multiplier, approx)
    assert q.low is None and q.high is None


def test_percent():
    q = only("代表委员满意度达100%")
    assert q.value == 100 and q.is_percent and q.unit == "%"
    assert q.approx  # 达 counts as an approximation marker
    assert q.raw == "达100%"
    q = only("办结率百分之八十")
    assert q.value == 80 and q.is_percent and q.unit == "%"
    assert q.raw == "百分之八十" and q.number_text == "八十"
    q = only("满意率99.5％")
    assert q.value == 99.5 and q.is_percent and q.unit == "%"
    assert not only("3个百分点").is_percent


@pytest.mark.parametrize(
    "text, low, high, unit, approx",
    [
        ("3至5件", 3, 5, "件", False),
        ("3-5件", 3, 5, "件", False),
        ("3～5件", 3, 5, "件", False),
        ("三到五个", 3, 5, "个", False),
        ("3-5万元", 30000, 50000, "元", False),
        ("3万至5万元", 30000, 50000, "元", False),
        ("三到五万元", 30000, 50000, "元", False),
        ("三万到五万元", 30000, 50000, "元", False),
        ("两三个", 2, 3, "个", True),
    ],
)
def test_ranges(text, low, high, unit, approx):
    q = only(text)
    assert q.raw == text
    assert (q.low, q.high, q.unit, q.approx) == (low, high, unit, approx)
    assert q.value == low


@pytest.mark.parametrize(
    "text",
    [
        "本报告数据统计时限为2022年1月1日至2022年12月31日",
        "国办公开办函〔2021〕30号",
        "镇政办函〔2023〕10号",
        "〔2020〕109号",
        "国务院令第711号",
        "2022年",
        "12月31日",
        "1月",
        "3月份",
        "二〇二二年",
        "二〇二二年度",
        "1.健全组织领导，明确责任分工。",
        "2.围绕重点领域",
        "（一）主动公开方面",
        "(1)",
        "一是加强组织领导。二是规范流程。",
        "第二十条第(一)项",
        "第二十条第（五）项",
        "第一项",
        "第3条",
        "第 3 条",
        "邮编：350400",
        "电话：0591-23165250",
        "电话：0591-23165385）",
        "www.pingtan.gov.cn",
        "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202302/t20230220_80629.htm",
        "zwgk/zfxxgk/zfxxgknb/202302/80629_平潭综合实验区",
        "联系邮箱abc123@163.com",
        "《益阳市行政许可事项清单 (2022年版)》",
        "《政务服务事项清单(2022版)》",
        "发布时间: 2023-02-20 15:07",
        "金井湾商务营运中心7号楼14层",
        "打造“一张网”“一朵云”",
        "局主要领导任政府信息和政务公开第一责任人",
        "统一部署、唯一入口、进一步加强",
        "助力企业“一站式”查询",
        "三安全一稳定",
        "三类内部事务信息",
        "四类过程性信息",
        "一定程度上，一些问题",
        "“十四五”规划",
        "深入学习贯彻党的二十大精神",
        "党的二十届二中全会",
        "千家万户",
        "一次性告知",
        "统一部署",
        "一部分",
        "雪亮工程(三期)",
        "12345政务服务便民热线",
        "上线5G网络与WORD和PDF版本",
        "手机13800138000",
        "零件",
        "十分重要",
        "十几件",
        "十大工程",
        "第十件",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == [], [q.raw for q in find_quantities(text)]


def test_mixed_paragraph():
    text = (
        "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，"
        "均在法定期限内予以答复，办结率100%。三是加强行政复议工作。"
        "2022年，全区共有行政诉讼案件1件、行政复议案件2件。"
    )
    assert quantities(text) == [
        ("75件", 75, "件"),
        ("72件", 72, "件"),
        ("3件", 3, "件"),
        ("100%", 100, "%"),
        ("1件", 1, "件"),
        ("2件", 2, "件"),
    ]


def test_bare_number_followed_by_enumeration_comma():
    # "分别为3、5件" -- 3 is an enumerated number, not a list marker
    assert [q.raw for q in find_quantities("分别为3、5件")] == ["3", "5件"]
    # "1、" after a sentence boundary is a list marker
    assert find_quantities("。1、加强领导") == []


# ---------------------------------------------------------------------------
# find_quantities: properties
# ---------------------------------------------------------------------------

UNITS = ["件", "条", "次", "个", "人次", "篇", "期", "家", "项", "元", "份", "场", "起", "类",
         "部", "户", "人", "天", "日", "%", "个工作日", "个月", "批次", "名"]
_FW = str.maketrans("0123456789,", "０１２３４５６７８９，")


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=10**12),
    sep=st.sampled_from(["", ",", "，"]),
    fw=st.booleans(),
    unit=st.sampled_from(UNITS),
    before=FILLER,
    after=FILLER,
)
def test_arabic_quantity_property(n, sep, fw, unit, before, after):
    # "N起到…" reads as "from N on, to …" (起到 is a word), not as N cases (起): deliberately no unit
    assume(not (unit == "起" and after.startswith("到")))
    num = f"{n:,}".replace(",", sep)
    if fw:
        num = num.translate(_FW)
    text = before + num + unit + after
    q = only(text)
    assert q.value == n
    assert q.unit == unit
    assert q.raw == num + unit
    assert q.start == len(before)
    assert q.is_percent == (unit == "%")


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=99_999),
    frac=st.integers(min_value=0, max_value=99),
    mult=st.sampled_from([("万", 10_000), ("亿", 100_000_000), ("千", 1000)]),
    unit=st.sampled_from(["元", "条", "次", "人次", ""]),
    before=FILLER,
)
def test_multiplier_property(n, frac, mult, unit, before):
    num = f"{n}.{frac:02d}"
    text = before + num + mult[0] + unit
    q = only(text)
    assert q.multiplier == mult[1]
    assert q.number_text == num
    assert q.unit == (unit or None)
    assert q.value == pytest.approx(float(num) * mult[1], rel=1e-12)


ALPHABET = (
    "0123456789０１２３４５６７８９.,，、-—至到~%％()（）〔〕第年月日号"
    "零〇一二两三四五六七八九十百千万亿百分之"
    "件条次个人篇期家项元份场起类部户天约近余多左右以上达超过逾"
    "统唯是的在和。；：:/ a\n"
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_spans_sorted_disjoint_exact(text):
    qs = find_quantities(text)
    prev_end = 0
    for q in qs:
        assert text[q.start : q.end] == q.raw
        assert q.raw
        assert q.start >= prev_end
        prev_end = q.end
        assert q.number_text
        assert q.multiplier >= 1
        if q.low is not None:
            assert q.high is not None and q.value == q.low
        assert q.is_percent == (q.unit == "%")


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_spans_any_unicode(text):
    prev_end = 0
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.raw
        assert q.start >= prev_end
        prev_end = q.end


# ---------------------------------------------------------------------------
# Performance / robustness (no timing assertions: a regression shows up as a
# hanging test run)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit, size",
    [
        # the three required 1 MB inputs
        ("一", 1_000_000), ("1", 1_000_000), ("|", 1_000_000),
        # other shapes that could trip a backtracking regex; those producing
        # one quantity per few characters are kept smaller so the suite stays fast
        ("1.1.", 1_000_000), ("a", 1_000_000), ("约", 1_000_000), ("第", 1_000_000),
        ("万", 1_000_000), (" ", 1_000_000), ("1,", 100_000), ("百分之", 100_000),
        ("一件", 100_000), ("0591-", 100_000),
    ],
)
def test_large_pathological_inputs_finish(unit, size):
    text = unit * (size // len(unit))
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.raw
    parse_cell(text)
    chinese_to_number(text)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_real_reports(path):
    text = path.read_text(encoding="utf-8")
    qs = find_quantities(text)
    prev_end = 0
    for q in qs:
        assert text[q.start : q.end] == q.raw
        assert q.start >= prev_end
        prev_end = q.end
        # no year ever comes out as a quantity
        assert not (q.unit is None and q.multiplier == 1 and 1900 <= q.value <= 2100
                    and q.number_text.isdigit() and len(q.number_text) == 4)


def test_real_report_known_values():
    text = (DATA / "2022-pingtan.txt").read_text(encoding="utf-8")
    raws = [q.raw for q in find_quantities(text)]
    for expected in ["14571条", "698件", "88件", "75件", "100%", "33个"]:
        assert expected in raws
    assert not any(r.startswith("2022") for r in raws)


def test_strip_chars_are_every_space_below_u3001_plus_zero_width():
    from govlint import numbers

    expected = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + numbers._ZERO_WIDTH
    assert numbers._STRIP_CHARS == expected


# ---------------------------------------------------------------- blanks typed between a number and what follows
# (PDF extraction and Word's 自动调整中文与西文的间距 turned into real spaces: 达到 234567 万次, １２　件)

@pytest.mark.parametrize("text, raw, value, unit", [
    ("达到 234567 万次", "234567 万次", 2_345_670_000, "次"),
    ("满意度 120 %", "120 %", 120, "%"),
    ("共收到申请 12 件", "12 件", 12, "件"),
    ("共收到申请１２\u3000件", "１２\u3000件", 12, "件"),
    ("共收到申请12\u00a0件", "12\u00a0件", 12, "件"),
    ("约 3 件", "约 3 件", 3, "件"),
])
def test_blank_before_the_unit(text, raw, value, unit):
    q = only(text)
    assert (q.raw, q.value, q.unit) == (raw, value, unit)
    assert text[q.start:q.end] == q.raw


@pytest.mark.parametrize("text", [
    "2022 年", "2022\u3000年度", "〔2021〕 30 号", "30 号文", "7 号楼", "第 3 条", "12月 31 日", "2022 年 3 月",
])
def test_blank_before_a_date_or_number_word_is_still_not_a_quantity(text):
    assert find_quantities(text) == []


def test_blank_between_two_figures_keeps_them_apart():
    assert [q.raw for q in find_quantities("12 34")] == ["12", "34"]
    assert only("约 3 件").approx and not only("近 3 年").approx
