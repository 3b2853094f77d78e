from govlint import rule

from .._prose import fmt, prose, span_of
from ._enum import enumerations


def describe(parts) -> str:
    return "+".join(fmt(p.q.value) for p in parts)


def _unit(q) -> str:
    return q.unit or ""


@rule("GL504", "narrative.parts-exceed-whole", "warning", summary_en="the parts listed after 其中 exceed their total")
def parts_exceed(report, ctx):
    """“共X件，其中A件、B件……”：所列各部分之和不能超过总数。

    What: after a total (共收到申请9件) the parts introduced by 其中 / 分别为 — or written in brackets
    right after a figure (197条（32条、165条）) — add up to no more than the total. Only parts in the
    total's unit count; the list ends at the sentence end, at the closing bracket, or at a clause
    that starts a new statement (办结, 占, 同比, 共 …).
    Why: parts larger than their whole mean a figure is wrong — a typing slip, or a part counted
    twice — and the reader cannot tell which.
    Fails: “共收到建议、提案9件，其中，人大代表建议（主办1件、协办3件），政协委员提案（主办3件、协办3件）” (10 > 9).
    Passes: the same with 主办2件 (sum 9).
    Basis: arithmetic; format-spec §7.5; issue 4 (parts that exceed the whole).
    """
    for _, p in prose(report, title=False):
        for en in enumerations(p.text):
            total = sum(x.q.value for x in en.parts)
            w = en.whole
            if total <= w.value + 1e-9:
                continue
            unit = _unit(w)
            lst = describe(en.parts)
            yield ctx.rule.diag(
                span_of(ctx, p, w.start, w.end),
                f"总数“{w.raw}”{('之后“' + en.trigger + '”') if en.kind == 'list' else '后括号内'}所列各项之和为{fmt(total)}{unit}（{lst}），超过总数{fmt(w.value)}{unit}",
                f"the parts listed after the total “{w.raw}” add up to {fmt(total)}{unit} ({lst}), more than the total "
                f"{fmt(w.value)}{unit}", expected=w.value, actual=total)
