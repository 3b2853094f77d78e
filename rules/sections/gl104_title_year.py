from govlint import rule
from govlint.relazy import lazy_compile

from .._common import start_span

_YEAR = lazy_compile(r"(?:19|20|１９|２０)\d{2}\s*年|[二〇零一三四五六七八九○]{4}\s*年")


@rule("GL104", "sections.title-year", "warning", summary_en="the title does not name the report year")
def title_year(report, ctx):
    """标题应写明报告年度，如“××局2022年政府信息公开工作年度报告”。

    What: the report has a title line and the title names the year the report covers.
    Why: the report year decides which format edition applies and which deadline; a title without
    a year cannot be filed or compared with last year's report.
    Fails: “益阳市行政审批服务局政府信息公开工作年度报告”.
    Passes: “益阳市行政审批服务局2022年政府信息公开工作年度报告”.
    Basis: format-spec §2 (edition by report year), §3.4 (statistics period); defects A3.
    """
    if report.title is None:
        year = f"{report.year}年" if report.year else "××年"
        yield ctx.rule.diag(start_span(report), f"没有找到报告标题（应为“××局{year}政府信息公开工作年度报告”这样的一行）",
                            f"no title line found (expected a line such as “××局{year}政府信息公开工作年度报告”)")
        return
    if not _YEAR.search(report.title.text):
        # the year the statistics period or the text gives, else a placeholder (not a fixed year)
        year = f"{report.year}年" if report.year else "××××年"
        yield ctx.rule.diag(report.title.span, f"标题没有写明报告年度（如“{year}”）",
                            f"the title does not name the report year (such as “{year}”)")
