from govlint import rule
from govlint.relazy import lazy_compile

from .._common import start_span

_DATE = r"(?:\d{4}|[二〇零一三四五六七八九○]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_PERIOD = lazy_compile(_DATE + r"\s*(?:起\s*)?(?:至|到|—|–|-|~|～)\s*" + _DATE)  # (not "\s*(?:起)?\s*": quadratic)
_STATS = lazy_compile(r"统计")


@rule("GL105", "sections.period-statement", "warning", summary_en="no statement of the statistics period")
def period_statement(report, ctx):
    """开头应说明数据统计期限（1月1日至12月31日）。

    What: the opening text (before part 二) contains a statement of the statistics period, e.g.
    “本报告所列数据统计期限为2022年1月1日至2022年12月31日”.
    Why: the tables are counts over a period; reports state it in the opening paragraph and the
    Sichuan standard DB51/T 2660—2019 §2.1 requires it. Without it the figures cannot be read
    against last year's report.
    Fails: an opening paragraph with no date range.
    Passes: “本报告数据统计时限为2022年1月1日至2022年12月31日。”
    Basis: format-spec §3.4 (statistics period); defects A3.
    """
    early = list(report.preamble)
    if report.title is not None:
        early.append(report.title)
    for s in report.sections:
        if s.part is not None and s.part >= 2:
            break
        early.extend(s.paragraphs)
    for p in early:
        if _PERIOD.search(p.text) and _STATS.search(p.text):
            return
    for p in early:
        if _PERIOD.search(p.text):
            return
    span = report.preamble[0].span if report.preamble else start_span(report)
    yield ctx.rule.diag(span, "开头没有说明数据统计期限（如“本报告所列数据统计期限为2022年1月1日至2022年12月31日”）",
                        "the opening does not state the statistics period (e.g. 本报告所列数据统计期限为2022年1月1日至2022年12月31日)")
