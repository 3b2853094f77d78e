import math

from govlint import rule
from govlint.relazy import lazy_compile

from .._common import positive, where
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
#: 信息处理费 is charged per page or per application (国办函〔2020〕109号); 100万元 a year would mean
#: tens of thousands of paying applications
MAX_PROCESSING_FEE_YUAN = 1_000_000


def _decimals(number_text: str) -> int:
    t = number_text.translate(_FULL_WIDTH)
    return len(t.split(".", 1)[1]) if "." in t else 0


def _places(multiplier: int) -> int:
    """Decimal places that still name whole 分 (0.01元) in a unit of ``multiplier`` 元."""
    return 2 + round(math.log10(multiplier)) if multiplier >= 1 else 2


@rule("GL403", "plausibility.money", "warning", summary_en="an amount of money of absurd size or precision",
      options={"max_fee_wan": MAX_FEE_WAN, "max_processing_fee_yuan": MAX_PROCESSING_FEE_YUAN},
      checks={"max_fee_wan": positive, "max_processing_fee_yuan": positive})
def money(report, ctx):
    """金额的大小或精度不合常理：小数位细于“分”，或收费金额大得不可能。

    What: amounts of money in the text (元, 万元, 亿元) and table 二's 本年收费金额（单位：万元）:
    (1) more decimals than whole 分 allow (元 with more than 2, 万元 with more than 6, 亿元 with
    more than 10) — not for a price per unit (``0.5283元/千瓦时``, ``每立方米2.915元``, after 价:
    电价, 价格), which is set finer than 分; (2) fees beyond what one agency collects in a year:
    table 二's fee cell or a 行政事业性收费 amount above ``max_fee_wan`` (default 1000000万元 = 100亿元); a 信息处理费 above
    ``max_processing_fee_yuan`` (default 1000000元). A region's total (全省行政事业性收费收入125亿元),
    which a finance department may publish, is not one agency's fees.
    Why: an amount in 元 typed into a 万元 column (251000 for 25.1万元) is 10,000 times too large;
    decimals finer than 分 show a figure converted or pasted wrongly. 信息处理费 are charged per page
    or per application under 国办函〔2020〕109号 and stay small.
    Options: ``max_fee_wan``, ``max_processing_fee_yuan``.
    Fails: table 二 “行政事业性收费 | 2510000 |” (万元); “收取信息处理费0.1234567万元”.
    Passes: “行政事业性收费 | 25.1 |”; “收取信息处理费120元”.
    Basis: format-spec §3.4 (unit for money), §4.1; defects C7.
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
