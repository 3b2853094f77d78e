from govlint import rule
from govlint.relazy import lazy_compile

from .._common import positive

from .._prose import clause_start, fmt, option, prose, quantities, span_of

#: words naming a share of a whole: such a percentage cannot exceed 100
#: — and any other rate named X率 (办理率, 回应率, 解读率, 办复率, 网办率 …) but those below
_RATE = lazy_compile(r"满意度|满意率|满意程度|知晓率|知晓度|知晓程度|办结率|答复率|回复率|受理率|公开率|覆盖率|上网率|"
                     r"准确率|合格率|及时率|按时率|达标率|参与率|响应率|解决率|好评率|正确率|占比|比例|比重|占|"
                     r"[\u4e00-\u9fff]{2}率(?![先领众真性])")
#: rates that may exceed 100: of growth or change, of fulfilment (完成率, 执行率), gross ratios (毛入学率),
#: returns, and words ending in 率 that name no rate (表率, 坦率)
_UNBOUNDED = lazy_compile(r"(?:增长|增|涨|幅|速|完成|达成|执行|利润|收益|回报|负债|周转|变化|变动|汇|税|利|费|频|效|倍|自给|兑现|"
                          r"入学|入园|贡献|拉动|增值|溢价|杠杆|表|统|坦|直|草|轻)率$")
#: words after which a percentage is a change or a fulfilment and may exceed 100
_CHANGE_WORDS = r"增长|增加|增幅|增速|提高|提升|上升|下降|减少|降低|同比|环比|较上|比上|较去|比去|较\d|超额|完成|翻|倍"
_CHANGE = lazy_compile(_CHANGE_WORDS)
#: … glued to the rate word that follows (增长比例, 提高比例): a rate of change
_GLUED_CHANGE = lazy_compile(r"(?:" + _CHANGE_WORDS + r")[ \u00a0\u3000]?$")
MAX_PERCENT = 100


@rule("GL402", "plausibility.percent", "warning", summary_en="a rate, share or satisfaction over 100%",
      options={"max_percent": MAX_PERCENT}, checks={"max_percent": positive})
def percent_over(report, ctx):
    """比率、占比、满意度不能超过100%。

    What: a percentage introduced by a word naming a share of a whole — 满意度, 办结率, 答复率,
    知晓率, 覆盖率, 占比, 比例, 占, and any other rate named X率 (办理率, 回应率, 解读率, 办复率 …) —
    is at most 100%. Percentages of change (增长, 提高, 同比, 增长率 …), of fulfilment (完成, 超额,
    完成率, 执行率) and gross ratios (毛入学率) are not checked: those may exceed 100.
    Why: 办结率103% or 满意度达120% cannot be true; it is a typing slip or a rate computed against
    the wrong base, and it makes the report look careless.
    Options: ``max_percent`` (default 100).
    Fails: “代表委员满意度达120%”.
    Passes: “代表委员满意度达100%”, “浏览量同比增长120%”.
    Basis: arithmetic (a part cannot exceed its whole); issue 4 (percentages over 100).
    """
    limit = float(option(ctx, "max_percent", MAX_PERCENT))
    for _, p in prose(report):
        text = p.text
        for q in quantities(text):
            if not q.is_percent or q.value <= limit:
                continue
            label = text[clause_start(text, q.start, max(0, q.start - 20)):q.start]
            m = None
            for m in _RATE.finditer(label):
                pass
            # a change word glued to the rate word names a rate of change (增长比例, 提高比例); one
            # further before governs the rate as its object (不断提升群众满意度达到120%: a level)
            if m is None or _CHANGE.search(label[m.start():]) or _GLUED_CHANGE.search(label[:m.start()]):
                continue
            if m.group().endswith("率") and _UNBOUNDED.search(label, 0, m.end()):
                continue
            word = m.group()
            yield ctx.rule.diag(
                span_of(ctx, p, q.start, q.end),
                f"“{word}”为{fmt(q.value)}%（“{q.raw}”），超过{fmt(limit)}%：比率、占比不能超过{fmt(limit)}%，请核对",
                f"“{word}” is {fmt(q.value)}% (“{q.raw}”), over {fmt(limit)}%: a rate or share cannot exceed {fmt(limit)}%",
                expected=f"≤ {fmt(limit)}%", actual=q.raw)
