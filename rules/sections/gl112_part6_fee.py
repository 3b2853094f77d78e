from govlint.relazy import lazy_compile

from govlint import rule

from .._common import year

#: wordings of a fee statement; not a bare 收费/费用, which part 六 also uses for 涉企收费, 行政事业性收费
#: or 办公费用 without saying what was charged for information
KEYWORDS = ["信息处理费", "处理费", "收取费用", "收取任何费用", "收取相关费用", "未收费", "不收费", "无收费", "收费通知",
            "未收取任何", "未收取过", "未收取信息"]
SINCE = 2021
#: a charge named by what it is for: 政府信息公开收费, 依申请公开收费情况, 收取政府信息公开费用 (a bare
#: 收费 is not enough: 公开行政事业性收费, 涉企收费信息公开 speak of other charges)
_DISCLOSURE_CHARGE = lazy_compile(r"(?:信息公开|依申请公开|公开申请)[^，,。；;：:]{0,8}?收费"
                                r"|收取[^，,。；;：:]{0,6}?(?:信息公开|依申请公开)[^，,。；;：:]{0,4}?费"
                                # that no charge arose, said of charges at large: 没有发生收费情况, 未产生收费
                                # (not 无涉企收费: the charge named is another)
                                r"|(?:未|没有|无)(?:发生|产生|出现|存在)?收费(?:情况|情形|行为|事项|现象)"
                                # information given free of charge on application: 依申请公开免费提供,
                                # 依申请提供政府信息均免费, 免费提供政府信息
                                r"|(?:依申请|公开申请|政府信息)[^，,。；;：:]{0,12}?免费|免费提供[^，,。；;：:]{0,6}?信息")


@rule("GL112", "sections.part6-fee", "warning", summary_en="part 六 does not state the 信息处理费 collected",
      options={"keywords": KEYWORDS, "since": SINCE}, checks={"since": year})
def part6_fee(report, ctx):
    """“六、其他需要报告的事项”应说明信息处理费的收取情况（含“未收取”）。

    What: for report years from 2021 on, part 六 mentions the 信息处理费 charged under
    《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号) — also when none was charged (“本年度未收取
    信息处理费”). The official wording is unconfirmed, so the words accepted and the first year are
    options: ``keywords`` (default 信息处理费, 处理费, 收取（任何/相关）费用, 未/不/无收费, 收费通知,
    …; not a bare 收费 or 费用, which 涉企收费 and 办公费用 contain; with the default keywords a charge
    named by what it is for also counts: 未发生政府信息公开收费情况, 收取依申请公开费用; so does a
    statement that no charge arose (没有发生收费情况) or that information was given free of charge on
    application (依申请公开免费提供, 免费提供政府信息)), ``since``
    (default 2021).
    Why: nearly every 2021+ report states it, in part 六, as its first item; readers look for it there
    and a silent part 六 leaves open whether fees were charged.
    Fails: “六、其他需要报告的事项 / 2022年本单位无其他需要报告的事项。”
    Passes: “六、其他需要报告的事项 / 2022年，本单位未收取信息处理费。”
    Basis: format-spec §3.2 （六） (observed practice, unconfirmed); defects D3.
    """
    opts = ctx.options or {}
    since = int(opts.get("since", SINCE))
    if report.year is None or report.year < since:
        return
    section = report.section(6)
    if section is None:
        return
    words = opts.get("keywords") or KEYWORDS
    text = "".join("".join(p.text.split()) for p in section.paragraphs)
    if any(w in text for w in words):
        return
    if not opts.get("keywords") and _DISCLOSURE_CHARGE.search(text):
        return
    span = section.paragraphs[0].span if section.paragraphs else section.heading.span
    yield ctx.rule.diag(span, "“六、其他需要报告的事项”没有说明信息处理费的收取情况（未收取的也应写明，如“本年度未收取信息处理费”）",
                        "part 六 does not state the 信息处理费 (information-processing fees) charged — say so even when "
                        "none were (本年度未收取信息处理费)")
