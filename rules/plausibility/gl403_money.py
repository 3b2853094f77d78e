import math

from govlint import rule
from govlint.relazy import lazy_compile

from .._common import MONEY_UNITS, money_unit, positive, where
from .._prose import clause_start, fmt, magnitude, option, prose, quantities, span_of

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_PROCESSING_FEE = lazy_compile(r"信息处理费|处理费")
_FEES = lazy_compile(r"行政事业性收费|收费金额|收费")
#: a region's total (全省行政事业性收费收入125亿元), not what the reporting agency collected
_REGION = lazy_compile(r"全国|全省|全市|全区|全县|全州|全盟|全旗|各地|各级|全自治区|全辖")
_MULT_NAME = {1: "元", 10_000: "万元", 100_000_000: "亿元"}
#: a price per unit (0.5283元/千瓦时, 每立方米2.915元, 水价3.455元): prices are set finer than 分
_PER_UNIT_AFTER = lazy_compile(r"[ \u00a0\u3000]*(?:[/／]|每)")
_PRICE_BEFORE = lazy_compile(r"每|价")

#: 本年收费金额 above this many 万元 (100亿元) is beyond one agency's fees for a year
MAX_FEE_WAN = 1_000_000
#: 政府集中采购 (the 2019 table 二's 采购总金额) above this many 万元 (1000亿元) is beyond what one
#: government's centralised purchasing spends in a year
MAX_PROCUREMENT_WAN = 10_000_000
#: 信息处理费 is charged per page or per application (国办函〔2020〕109号); 100万元 a year would mean
#: tens of thousands of paying applications
MAX_PROCESSING_FEE_YUAN = 1_000_000


def _decimals(number_text: str) -> int:
    t = number_text.translate(_FULL_WIDTH)
    return len(t.split(".", 1)[1]) if "." in t else 0


def _cell_decimals(text: str) -> int:
    """Decimals of the number a cell writes (753944.32元: 2)."""
    m = _CELL_NUMBER.search(text.translate(_FULL_WIDTH))
    return _decimals(m.group()) if m is not None else 0


_CELL_NUMBER = lazy_compile(r"\d[\d,]*(?:\.\d+)?")


def _places(multiplier: int) -> int:
    """Decimal places that still name whole 分 (0.01元) in a unit of ``multiplier`` 元."""
    return 2 + round(math.log10(multiplier)) if multiplier >= 1 else 2


@rule("GL403", "plausibility.money", "warning", summary_en="an amount of money of absurd size or precision",
      options={"max_fee_wan": MAX_FEE_WAN, "max_processing_fee_yuan": MAX_PROCESSING_FEE_YUAN,
               "max_procurement_wan": MAX_PROCUREMENT_WAN},
      checks={"max_fee_wan": positive, "max_processing_fee_yuan": positive, "max_procurement_wan": positive})
def money(report, ctx):
    """金额的大小或精度不合常理：小数位细于“分”，或收费金额大得不可能。

    What: amounts of money in the text (元, 万元, 亿元) and table 二's 本年收费金额（单位：万元）:
    (1) more decimals than whole 分 allow (元 with more than 2, 万元 with more than 6, 亿元 with
    more than 10) — not for a price per unit (``0.5283元/千瓦时``, ``每立方米2.915元``, after 价:
    电价, 价格), which is set finer than 分; (2) fees beyond what one agency collects in a year:
    table 二's fee cell or a 行政事业性收费 amount above ``max_fee_wan`` (default 1000000万元 = 100亿元); a 信息处理费 above
    ``max_processing_fee_yuan`` (default 1000000元). A region's total (全省行政事业性收费收入125亿元),
    which a finance department may publish, is not one agency's fees.
    The 2019 table 二's 采购总金额 likewise: the format names no unit for it (format-spec §5.1), so it
    is read in the unit written in the cell or its label (采购总金额（元）: 2 decimals, （万元）: 6) and
    is too large above ``max_procurement_wan`` (default 10000000万元 = 1000亿元); with no unit written
    it is reported only when it is wrong read in 元 and read in 万元 alike (7 decimals; 75394432.5213,
    finer than 分 in 元 and 7539亿元 in 万元).
    Why: an amount in 元 typed into a 万元 column (251000 for 25.1万元) is 10,000 times too large;
    decimals finer than 分 show a figure converted or pasted wrongly. 信息处理费 are charged per page
    or per application under 国办函〔2020〕109号 and stay small.
    Options: ``max_fee_wan``, ``max_processing_fee_yuan``, ``max_procurement_wan``.
    Fails: table 二 “行政事业性收费 | 2510000 |” (万元); “收取信息处理费0.1234567万元”; 2019
    “采购总金额（元）” with “政府集中采购 | 135 | 753944.325 |”.
    Passes: “行政事业性收费 | 25.1 |”; “收取信息处理费120元”.
    Basis: format-spec §3.4 (unit for money), §4.1, §5.1; defects C7.
    """
    max_fee_wan = float(option(ctx, "max_fee_wan", MAX_FEE_WAN))
    max_proc = float(option(ctx, "max_processing_fee_yuan", MAX_PROCESSING_FEE_YUAN))
    for _, p in prose(report):
        text = p.text
        for q in quantities(text):
            if q.unit != "元":
                continue
            places, allowed = _decimals(q.number_text), _places(q.multiplier or 1)
            unit_name = _MULT_NAME.get(q.multiplier, "元")
            label = text[clause_start(text, q.start, max(0, q.start - 30)):q.start]
            price = _PER_UNIT_AFTER.match(text, q.end) is not None or _PRICE_BEFORE.search(label) is not None
            if places > allowed and not price:
                yield ctx.rule.diag(
                    span_of(ctx, p, q.start, q.end),
                    f"金额“{q.raw}”有{places}位小数，以“{unit_name}”为单位最多{allowed}位（精确到分）；请核对单位换算",
                    f"the amount “{q.raw}” has {places} decimals; in {unit_name} only {allowed} decimals name whole 分 (0.01元) — "
                    "check the unit conversion", expected=f"≤ {allowed}", actual=q.raw)
                continue
            if _PROCESSING_FEE.search(label) and q.value > max_proc:
                limit = max_proc
            elif _FEES.search(label) and q.value > max_fee_wan * 10_000 and not _REGION.search(label):
                limit = max_fee_wan * 10_000
            else:
                continue
            yield ctx.rule.diag(
                span_of(ctx, p, q.start, q.end),
                f"收费金额“{q.raw}”≈{magnitude(q.value, '元')}，超过一个机关一年可能收取的上限{magnitude(limit, '元')}；请核对单位（元/万元）",
                f"the fee “{q.raw}” ≈ {fmt(q.value)}元 is over the {fmt(limit)}元 one agency can collect in a year; "
                "check the unit (元/万元)", expected=f"≤ {fmt(limit)}元", actual=q.raw)
    table = report.table("二")
    if table is not None:
        yield from _procurement(ctx, table, float(option(ctx, "max_procurement_wan", MAX_PROCUREMENT_WAN)))
    row = table.row("fees") if table is not None else None
    cell = row.cell("fee_amount") if row is not None else None
    if cell is None or cell.kind != "number" or cell.value is None:
        return
    zh, en = where(ctx, "二", row, cell)
    places = _decimals(cell.text.strip())
    if places > 6:
        yield ctx.rule.diag(cell.span, f"{zh}的“{cell.text.strip()}”有{places}位小数；单位是万元，最多6位（精确到分）",
                            f"{en}: “{cell.text.strip()}” has {places} decimals; in 万元 only 6 decimals name whole 分 (0.01元)",
                            cell=cell, table="二", expected="≤ 6", actual=cell.text.strip())
    elif float(cell.value) > max_fee_wan:
        yield ctx.rule.diag(cell.span, f"{zh}为{fmt(cell.value)}万元（≈{magnitude(cell.value * 10_000, '元')}），超过上限"
                                       f"{fmt(max_fee_wan)}万元；该列单位是万元，是否按“元”填写了？",
                            f"{en} is {fmt(cell.value)}万元 (≈ {fmt(cell.value * 10_000)}元), over {fmt(max_fee_wan)}万元; "
                            "the column is in 万元 — was the amount written in 元?", cell=cell, table="二",
                            expected=f"≤ {fmt(max_fee_wan)}", actual=cell.value)


def _procurement(ctx, table, max_wan: float):
    """The 2019 table 二's 采购总金额, in the unit written in the cell or its label; the format names
    none (format-spec §5.1), so with none written it is reported only when it is wrong both in 元 and in
    万元."""
    row = table.row("procurement")
    cell = row.cell("amount") if row is not None else None
    if cell is None or cell.kind != "number" or cell.value is None:
        return
    unit = money_unit(table, cell)
    written = cell.text.strip()
    places, value = _cell_decimals(written), float(cell.value)
    wrong_zh, wrong_en = [], []
    for u in [unit] if unit is not None else ["元", "万元"]:
        mult = MONEY_UNITS[u]
        allowed = _places(mult)
        as_zh, as_en = (f"按{u}读", f"read in {u}, it") if unit is None else (f"单位是{u}，", "it")
        if places > allowed:
            wrong_zh.append(f"{as_zh}有{places}位小数，最多{allowed}位（精确到分）")
            wrong_en.append(f"{as_en} has {places} decimals where only {allowed} name whole 分 (0.01元)")
        elif value * mult > max_wan * 10_000:
            wrong_zh.append(f"{as_zh}约{magnitude(value * mult, '元')}，超过一个机关一年政府集中采购可能的上限"
                           f"{magnitude(max_wan * 10_000, '元')}")
            wrong_en.append(f"{as_en} is {value * mult:,.0f}元, over the {fmt(max_wan)}万元 one government's "
                            "centralised purchasing can spend in a year")
        else:
            return  # a reading that makes sense
    zh, en = where(ctx, "二", row, cell)
    none_zh, none_en = ("表中未写单位，", "no unit is written; ") if unit is None else ("", "")
    yield ctx.rule.diag(cell.span, f"{zh}的“{written}”不合常理：{none_zh}{'；'.join(wrong_zh)}；请核对单位（元/万元）和数字",
                        f"{en}: “{written}” is implausible: {none_en}{'; '.join(wrong_en)} — check the unit (元/万元) "
                        "and the figure", cell=cell, table="二", actual=written)
