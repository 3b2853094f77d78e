from govlint import rule

from .._prose import find_periods, prose, span_of, the_statistics_period


@rule("GL701", "dates.period", "warning", summary_en="the statistics period is not 1月1日–12月31日 of the report year")
def period(report, ctx):
    """数据统计期限应为报告年度的1月1日至12月31日。

    What: a statement of the statistics period (a date range in a sentence about 统计/数据/期限,
    such as “本报告所列数据统计期限为2022年1月1日至2022年12月31日”) runs from 1月1日 to 12月31日
    of the year the title names.
    Why: the tables count one calendar year; a period of another year (typically last year's
    statement copied over) or a partial year makes every figure incomparable with the other
    agencies' reports. GL105 reports a missing statement.
    Fails: a 2022 report stating “统计期限为2021年1月1日至2021年12月31日”.
    Passes: “本报告数据统计时限为2022年1月1日至2022年12月31日” (also 2022.1.1—2022.12.31,
    统计期限为2022年度, or 统计期限为2022年1月至12月; a range of whole months counts only in a sentence
    about 统计/期限/时限, as campaigns are dated that way too); a campaign's dates in a sentence that
    mentions data elsewhere (2022年3月1日至5月31日，开展政务数据清理专项行动): a range that is not a whole
    calendar year is the statistics period only with the words about it just before it in its clause
    (统计期限为…, 所列数据自…) or just after it (…为本报告统计期限).
    Basis: format-spec §3.4 (statistics period), DB51/T 2660—2019 §2.1; defects A3.
    """
    year = report.year
    if year is None:
        return
    for _, p in prose(report, title=False):
        text = p.text
        for period in find_periods(text):
            if period.is_year(year) or not the_statistics_period(text, period):
                continue
            written = text[period.start:period.end]
            yield ctx.rule.diag(span_of(ctx, p, period.start, period.end),
                                f"数据统计期限“{written}”与报告年度不符：应为{year}年1月1日至{year}年12月31日",
                                f"the statistics period “{written}” does not match the report year: expected "
                                f"{year}年1月1日至{year}年12月31日", expected=f"{year}-01-01..{year}-12-31", actual=written)
