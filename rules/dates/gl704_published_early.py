import datetime as dt

from govlint import rule

from .gl703_deadline import _published, _zh


@rule("GL704", "dates.published-early", "warning", summary_en="published before the report year ended")
def published_early(report, ctx):
    """年度报告的发布日期早于报告年度结束：发布日期或标题中的年份有误。

    What: the publication date found as GL703 finds it — the crawler header's 发布时间, a labelled
    date (发布日期, 成文日期) before part 一, or a date line closing the report — falls on or before
    12月31日 of the report year (the year the title names), when the year's statistics were not
    yet complete. Published in the first months of the report year, the title most likely names
    the wrong year (a 2021 report titled 2022); the message says so.
    Why: a report covers 1月1日–12月31日 of its year and is published after it (条例 第四十九条: by
    1月31日 or 3月31日 of the next year). A date before the year's end means the date or the year
    is wrong, and either misleads the reader and the review of the deadline (GL703).
    Fails: 益阳市行政审批服务局2022年… with 发布时间: 2022-12-15; with 发布时间: 2022-01-20 (the title's year?).
    Passes: the same with 发布时间: 2023-01-20.
    Basis: 条例 第四十九条 (format-spec §1.2); the statistics period (1月1日–12月31日 of the report year).
    """
    year = report.year
    if year is None:
        return
    published, span = _published(report, ctx)
    if published is None or span is None or published > dt.date(year, 12, 31):
        return
    zh = f"发布日期{_zh(published)}早于报告年度（{year}年）结束，当时全年数据尚未统计完成；请核对发布日期"
    en = (f"published on {published.isoformat()}, before the report year ({year}) ended, when the year's figures "
          "could not be complete; check the publication date")
    if published.year == year and published.month <= 4:  # early in the year: the report of the year before?
        zh += f"，或标题中的年份（是否应为{year - 1}年）"
        en += f", or the year in the title (should it be {year - 1}?)"
    else:
        zh += "或报告年度"
        en += " or the report year"
    yield ctx.rule.diag(span, zh, en, expected=f"{year + 1}-01-01", actual=published.isoformat())
