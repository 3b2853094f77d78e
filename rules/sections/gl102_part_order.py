from govlint import rule

from .._common import NUMERALS, place


@rule("GL102", "sections.part-order", "error", summary_en="parts out of order, repeated or misnumbered")
def part_order(report, ctx):
    """六个部分按一至六的顺序各出现一次，标题编号与内容一致。

    What: each part appears once, in the order 一 … 六, and the numeral written in front of a
    heading (一、 二、 …) matches the part its wording names.
    Why: the format fixes the order of the six parts; readers and reviewers navigate by it. A
    swapped pair (五 and 六), a repeated heading or a heading numbered 五 that reads
    “其他需要报告的事项” are editing slips that reviewers send back.
    Fails: “五、其他需要报告的事项” followed by “六、存在的主要问题及改进情况”.
    Passes: “五、存在的主要问题及改进情况” then “六、其他需要报告的事项”.
    Basis: format-spec §6; defects B1.
    """
    seen: dict[int, object] = {}
    highest = 0
    for s in report.sections:
        h = s.heading
        if h.part is None:
            continue
        if h.number is not None and h.number != h.part:
            yield ctx.rule.diag(
                h.span, f"标题编号为“{NUMERALS[h.number]}”，但内容是第{NUMERALS[h.part]}部分；应编号为“{NUMERALS[h.part]}、”",
                f"the heading is numbered “{NUMERALS[h.number]}” but names part {NUMERALS[h.part]}; it should be numbered “{NUMERALS[h.part]}、”",
                expected=NUMERALS[h.part], actual=NUMERALS[h.number])
        if h.part in seen:
            at_zh, at_en = place(ctx, seen[h.part].span)
            yield ctx.rule.diag(
                h.span, f"第{NUMERALS[h.part]}部分重复出现（第一次在{at_zh}）",
                f"part {NUMERALS[h.part]} appears again (first at {at_en})")
            continue
        if h.part < highest:
            yield ctx.rule.diag(
                h.span, f"第{NUMERALS[h.part]}部分出现在第{NUMERALS[highest]}部分之后；六个部分应按一至六的顺序排列",
                f"part {NUMERALS[h.part]} comes after part {NUMERALS[highest]}; the six parts must be in order 一 to 六")
        seen[h.part] = h
        highest = max(highest, h.part)
