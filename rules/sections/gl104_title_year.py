from govlint import rule

from .._common import start_span


@rule("GL104", "sections.title-year", "warning", summary_en="the title does not name the report year")
def title_year(report, ctx):
    """标题应写明报告年度，如“××局2022年政府信息公开工作年度报告”。

    What: the report has a title line and the title names the year the report covers. A year that
    dates the title (“（2023年1月发布）”, “发布日期：2023年1月20日”, “（二〇二三年一月）”) is the day
    the report was published, not the year it reports: a title with no other year names none.
    Why: the report year decides which format edition applies and which deadline; a title without
    a year cannot be filed or compared with last year's report.
    Fails: “益阳市行政审批服务局政府信息公开工作年度报告”; “益阳市行政审批服务局政府信息公开工作年度报告（2023年1月发布）”.
    Passes: “益阳市行政审批服务局2022年政府信息公开工作年度报告”.
    Basis: format-spec §2 (edition by report year), §3.4 (statistics period); defects A3.
    """
    if report.title is None:
        year = f"{report.year}年" if report.year else "××年"
        yield ctx.rule.diag(start_span(report), f"没有找到报告标题（应为“××局{year}政府信息公开工作年度报告”这样的一行）",
                            f"no title line found (expected a line such as “××局{year}政府信息公开工作年度报告”)")
        return
    span, at = report.title.span, report.year_span
    if at is None or not span.start <= at.start < span.end:  # (the year was not read from the title)
        # the year the statistics period or the text gives, else a placeholder (not a fixed year)
        year = f"{report.year}年" if report.year else "××××年"
        yield ctx.rule.diag(report.title.span, f"标题没有写明报告年度（如“{year}”）",
                            f"the title does not name the report year (such as “{year}”)")
