from govlint import rule

from .._prose import fmt, prose, span_of
from ._enum import enumerations
from .gl504_parts_exceed import describe


@rule("GL505", "narrative.enumeration-total", "warning", summary_en="a complete enumeration does not add up to its total")
def enumeration_total(report, ctx):
    """分项列举完整时，各项之和应等于总数。

    What: a total followed by a list of parts that is complete — introduced by 分别为, ending with a
    catch-all (其他…), or naming every category the total names (共收到建议、提案9件，其中……建议……提案……),
    or a bracketed breakdown of a figure without 其中/含/包括/等, inside a list or outside any
    (“发布政策解读43篇（图文解读15篇、视频解读6篇、专家访谈22篇）”) — adds up exactly to the total. Lists
    that may be partial (其中政务动态信息360条 of 503条) are not checked for a shortfall; GL504 checks
    that no list exceeds its total.
    Why: when the parts of a complete list do not add up, one of the figures is wrong.
    Fails: “共收到建议、提案10件，其中，人大代表建议（主办1件、协办3件），政协委员提案（主办2件、协办3件）” (9 ≠ 10).
    Passes: the same with 共9件.
    Basis: arithmetic; format-spec §7.5; issue 4 (an enumeration whose parts do not add up).
    """
    for _, p in prose(report, title=False):
        for en in enumerations(p.text):
            if not en.exhaustive:
                continue
            total = sum(x.q.value for x in en.parts)
            w = en.whole
            if total >= w.value - 1e-9:
                continue  # equal, or more (GL504)
            unit = w.unit or ""
            lst = describe(en.parts)
            yield ctx.rule.diag(
                span_of(ctx, p, w.start, w.end),
                f"总数“{w.raw}”与所列各项之和{fmt(total)}{unit}（{lst}）不符（{en.why}，应合计为{fmt(w.value)}{unit}）",
                f"the total “{w.raw}” differs from the sum of the listed parts, {fmt(total)}{unit} ({lst}); the list is "
                f"complete ({en.why}), so it should add up to {fmt(w.value)}{unit}", expected=w.value, actual=total)
