from govlint import rule

from .._common import start_span, tables_only
from .._prose import find_periods, states_period


@rule("GL105", "sections.period-statement", "warning", summary_en="no statement of the statistics period")
def period_statement(report, ctx):
    """开头应说明数据统计期限（1月1日至12月31日）。

    What: the opening text (before part 二) contains a statement of the statistics period, e.g.
    “本报告所列数据统计期限为2022年1月1日至2022年12月31日”.
    Why: the tables are counts over a period; reports state it in the opening paragraph and the
    Sichuan standard DB51/T 2660—2019 §2.1 requires it. Without it the figures cannot be read
    against last year's report.
    Not looked for in a file of the tables alone (an attachment; GL101 says the text is elsewhere).
    Fails: an opening paragraph with no date range.
    Passes: “本报告数据统计时限为2022年1月1日至2022年12月31日。”; also written 2022.1.1—2022.12.31,
    2022年1月1日-12月31日, 统计期限为2022年度, or 统计期限为2022年1月至12月.
    Basis: format-spec §3.4 (statistics period); defects A3.
    """
    if tables_only(report):  # an attachment of the tables: the statement is in the text (GL101 says so)
        return
    early = list(report.preamble)
    if report.title is not None:
        early.append(report.title)
    for s in report.sections:
        if s.part is not None and s.part >= 2:
            break
        early.extend(s.paragraphs)
    if any(states_period(p.text, period) for p in early for period in find_periods(p.text)):
        return
    span = report.preamble[0].span if report.preamble else start_span(report)
    # the example is the report's own year (the statement a correct report of that year has)
    y = report.year or "××××"
    example = f"本报告所列数据统计期限为{y}年1月1日至{y}年12月31日"
    yield ctx.rule.diag(span, f"开头没有说明数据统计期限（如“{example}”）",
                        f"the opening does not state the statistics period (e.g. “{example}”)",
                        expected=f"{y}年1月1日至{y}年12月31日" if report.year else None)
