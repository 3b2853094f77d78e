import re

from govlint import rule

#: what a statement about last year's problems speaks of, after naming last year
SUBJECT = ["问题", "不足", "短板", "整改", "改进", "意见", "建议", "差距", "薄弱", "指出", "提出", "所列", "列出"]


def _last_year(year):
    """Last year, as part 五 names it: 上年(度), 上一年(度), 去年, 前一年, 以往/往年, or its number (2021年) —
    not where it is compared with (较上年, 比去年, 与上年相比, 在去年基础上)."""
    names = r"上一?年度?|去年|前一年|以往|往年"
    if year is not None:
        names += rf"|{year - 1}年度?"
    return rf"(?<![较比与同])(?:{names})(?!基础|同期|相比|以来)"


@rule("GL114", "sections.part5-last-year", "warning", enabled=False,
      summary_en="part 五 does not say how last year's problems were rectified",
      options={"subject": SUBJECT})
def part5_last_year(report, ctx):
    """“五、存在的主要问题及改进情况”宜说明上一年度报告所列问题的整改情况（默认关闭）。

    What: part 五 names last year (上年度, 上一年度, 上年, 去年, 前一年, 以往, 往年, or the year's number:
    2021年 in a 2022 report) and, in the same phrase (up to a comma or a full stop; to the full stop
    when last year opens the sentence: “去年我局存在……的情况，今年已整改到位”), what was wrong or
    done about it — option ``subject``: 问题, 不足, 短板, 整改, 改进, 意见, 建议, 差距, 薄弱, 指出, 提出,
    所列, 列出 (“上年度报告中指出的问题已全部整改”, “针对2021年度存在的栏目更新不及时问题……”). Last
    year as a comparison does not count (较上年有所改进, 比去年增加, 与上年相比, 在去年基础上), nor does
    2021年以来.
    Why: many reviewing offices ask each report to say how the problems named the year before were
    dealt with, so that part 五 is not the same list every year. Whether the national format requires
    it is **unconfirmed** (format-spec §3.2 （五）; practice varies), so the rule is off by default:
    select it (``extend-select = ["GL114"]``) where a reviewing office asks for it.
    Fails: a part 五 that names only this year's problems and next year's measures.
    Passes: “（一）上年度问题整改情况。针对上年度报告中指出的政策解读形式单一问题，……”.
    Basis: format-spec §3.2 （五） (unconfirmed; a configurable warning at most); defects D2.
    """
    section = report.section(5)
    if section is None or not section.paragraphs:
        return
    subject = (ctx.options or {}).get("subject", SUBJECT)
    if not subject:
        return
    text = "。".join("".join(p.text.split()) for p in section.paragraphs)
    words = "|".join(re.escape(w) for w in subject)
    last = _last_year(report.year)
    # in the same clause, or in the sentence that last year opens (“2021年，我局存在……的问题”, “去年……，已整改”)
    if re.search(rf"{last}[^，,。；;！？!?]{{0,60}}?(?:{words})", text) or \
            re.search(rf"(?:^|[。；;！？!?）)])(?:针对|对照|对|关于|就)?{last}[^。；;！？!?]{{0,80}}?(?:{words})", text):
        return
    yield ctx.rule.diag(section.paragraphs[0].span,
                        "“五、存在的主要问题及改进情况”没有说明上一年度报告所列问题的整改情况（如“针对上年度存在的……问题，已……”）",
                        "part 五 does not say how the problems named in last year's report were dealt with "
                        "(such as 针对上年度存在的……问题，已……)")
