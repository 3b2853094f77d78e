from govlint import rule
from govlint.relazy import lazy_compile

from .._common import positive

from .._prose import (
    clause_start,
    fmt,
    magnitude,
    magnitude_en,
    option,
    prose,
    quantities,
    span_of,
)

_VISITS = lazy_compile(r"浏览|访问|点击|阅读量|访客|访问量|页面量|流量|点播|播放|PV|pv|UV|uv")
#: money written without 元 (总投资12000万, 预算支出15000万): budgets are written in 万 (GL403's)
_MONEY = lazy_compile(r"投资|资金|预算|经费|拨款|支出|收入|金额|费用|资产|款项|产值|生产总值|营收|税收|财政|造价|收费")
#: a count written with 万 stops at this many 万 (10000万 is 1亿: one writes 亿)
MAX_WAN = 10000
#: page views or visits a year above this are beyond what one agency's website draws
MAX_VISITS = 1_000_000_000


@rule("GL401", "plausibility.magnitude", "warning", summary_en="a count of implausible magnitude (N万 with N ≥ 10000, page views beyond reach)",
      options={"max_wan": MAX_WAN, "max_visits": MAX_VISITS},
      checks={"max_wan": positive, "max_visits": positive})
def magnitude_slip(report, ctx):
    """数量级可疑：“N万”中N达到10000（应写作“亿”），或网站浏览、访问量超出一个机关网站可能的规模。

    What: a count written with 万 whose number is 10000 or more (``347451万次`` ≈ 34.7亿次) or with
    万/亿 doubled (``128.6万万次``), and
    page views, visits or clicks above ``max_visits`` (default 10亿 a year). Money is left to GL403,
    also when written without 元 (总投资12000万, 预算支出15000万).
    Why: nobody writes 10000万 — from there one writes 亿 — so N万 with N ≥ 10000 is almost always a
    number already counted in units with 万 added by mistake (347451次 written 347451万次), which
    makes the figure 10,000 times too large. A city bureau's website drawing billions of page views
    a year is equally out of reach: the whole central government portal is of that order.
    Options (``[tool.govlint.rules.GL401]``): ``max_wan`` (default 10000): the largest N accepted
    in N万; ``max_visits`` (default 1000000000): page views/visits a year above which the figure is
    reported.
    Fails: “全年总浏览次数347451万次左右” (≈ 34.7亿次).
    Passes: “全年总浏览次数347451次”, “全年总浏览量34.7万次”.
    Basis: defects C7 (implausible size); issue 4 (magnitude slips).
    """
    max_wan = float(option(ctx, "max_wan", MAX_WAN))
    max_visits = float(option(ctx, "max_visits", MAX_VISITS))
    for _, p in prose(report, title=False):
        text = p.text
        for q in quantities(text):
            if q.is_percent or q.unit == "元":
                continue
            written = q.value / q.multiplier if q.multiplier else q.value
            # N万 with N ≥ 10000, or 万/亿 written twice (128.6万万次, 1.2亿亿次)
            doubled = q.multiplier in (10_000, 100_000_000) and text[q.end:q.end + 1] in ("万", "亿")
            slip = (q.multiplier == 10_000 and written >= max_wan) or doubled
            visits = q.value > max_visits and q.unit in (None, "次", "人次", "个")
            if not (slip or visits):
                continue  # (most figures: their words are not read)
            label = text[clause_start(text, q.start, max(0, q.start - 30)):q.start]
            if q.unit is None and not doubled and _MONEY.search(label):
                continue  # money written without 元
            visits = visits and bool(_VISITS.search(label))
            if not (slip or visits):
                continue
            unit = q.unit or ""
            size, size_en = magnitude(q.value, unit), magnitude_en(q.value, unit)
            why, why_en = [], []
            if doubled:
                raw = text[q.start:q.end + 1]
                yield ctx.rule.diag(
                    span_of(ctx, p, q.start, q.end + 1),
                    f"“{raw}”中数量单位连写了两次（{raw[-2:]}）：可能多写了一个“{raw[-1]}”，请核对数字和单位",
                    f"“{raw}” writes the order of magnitude twice ({raw[-2:]}): probably one too many; check the number "
                    "and its unit", expected=q.raw, actual=raw)
                continue
            if slip:
                why.append(f"以“万”为单位写的数达到{fmt(written)}（不低于{fmt(max_wan)}，1万万即1亿，应写作“亿”），可能多写了“万”")
                why_en.append(f"a number of {fmt(written)} written in 万 (≥ {fmt(max_wan)}; 10000万 is 1亿, one writes 亿) — "
                              "probably a stray 万")
            if visits:
                why.append(f"超过一个机关网站一年可能的浏览、访问量上限{magnitude(max_visits, unit)}")
                why_en.append(f"more than the {magnitude_en(max_visits, unit)} page views or visits a year one agency's site can draw")
            yield ctx.rule.diag(
                span_of(ctx, p, q.start, q.end),
                f"“{q.raw}”≈{size}：" + "；".join(why) + "，请核对数字和单位",
                f"“{q.raw}” ≈ {size_en}: " + "; ".join(why_en) + "; check the number and its unit",
                expected=f"< {fmt(max_wan)}万" if slip else f"≤ {fmt(max_visits)}", actual=q.raw)
