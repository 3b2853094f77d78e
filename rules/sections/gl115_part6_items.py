from govlint import rule

from .._common import year

#: the items 2022–2023 reports give in part 六 after the 信息处理费 (GL112), with the wordings they use
ITEMS = {
    "政务公开工作要点落实情况": ["工作要点", "要点任务", "要点落实", "落实要点", "要点》", "公开要点", "年度要点", "要点部署",
                         "公开重点工作", "任务清单", "公开工作安排", "公开工作部署", "各项部署"],
    "人大代表建议和政协提案办理结果公开情况": ["人大代表建议", "代表建议", "政协提案", "政协委员提案", "建议提案", "建议和提案", "建议、提案",
                             "议案提案", "建议办理", "提案办理", "人大建议", "委员提案"],
    "政务公开工作创新情况": ["创新", "特色", "亮点", "新举措", "新做法", "新方式", "新模式", "探索"],
}
SINCE = 2021


@rule("GL115", "sections.part6-items", "info", summary_en="part 六 omits an item many reports give there",
      options={"items": ITEMS, "since": SINCE}, checks={"since": year})
def part6_items(report, ctx):
    """“六、其他需要报告的事项”通常还应报告政务公开工作要点落实、建议提案办理结果公开和工作创新情况。

    What: for report years from ``since`` on (default 2021, the 30号 format), part 六 mentions, besides
    the 信息处理费 (GL112): the implementation of the year's 政务公开工作要点 from the level above; the
    public disclosure of how 人大代表建议 and 政协提案 were handled; the agency's 政务公开工作创新情况 —
    each in one of the words reports use for it (option ``items``: name → words; 工作要点, 政务公开要点,
    政务公开重点工作, 任务清单, 上级的工作部署; 代表建议, 人大建议, 政协提案, 委员提案, 建议提案, 提案办理;
    创新, 特色做法, 亮点工作, 新举措, 探索). One finding lists the items missing; an item that does not apply
    is best stated as such (“本年度未承办人大代表建议和政协提案”), which counts.
    Why: reports of 2022–2023 from unrelated agencies list these items, in this order, which suggests
    the official text names them; a reader looks for them in part 六. The official wording is
    unconfirmed, so the finding is information only and the list an option.
    Fails: “六、其他需要报告的事项 / 2022年本单位无其他需要报告的事项。”
    Passes: a part 六 stating the fee, the 工作要点 tasks done, the 建议提案 results published and an
    innovation (or saying there was none).
    Basis: format-spec §3.2 （六） (observed practice, unconfirmed); defects D4.
    """
    opts = ctx.options or {}
    if report.year is None or report.year < int(opts.get("since", SINCE)):
        return
    section = report.section(6)
    if section is None:
        return
    items = opts.get("items", ITEMS)
    text = "".join("".join(p.text.split()) for p in section.paragraphs)
    missing = [name for name, words in items.items() if not any(w in text for w in words)]
    if not missing:
        return
    span = section.paragraphs[0].span if section.paragraphs else section.heading.span
    yield ctx.rule.diag(span, f"“六、其他需要报告的事项”没有写到：{'、'.join(missing)}（许多报告在此逐项说明，不涉及的也写明“无”）",
                        f"part 六 does not mention: {', '.join(missing)} (many reports give each item here, and say "
                        f"so when one does not apply)", expected=list(items), actual=missing)
