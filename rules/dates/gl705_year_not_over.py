import datetime as dt

from govlint import rule

from .._common import iso_date, start_span
from .gl703_deadline import _published, _zh


def _today(value) -> dt.date:
    """The configured day (checked by ``iso_date`` when the configuration is read), else today."""
    return dt.date.fromisoformat(str(value)) if value else dt.date.today()


@rule("GL705", "dates.year-not-over", "warning", summary_en="the report year has not ended yet",
      options={"today": ""}, checks={"today": iso_date})
def year_not_over(report, ctx):
    """报告年度尚未结束：标题中的年份很可能写错了（多为把上一年度写成了当年）。

    What: the report year (the year the title names — not the day it is dated, as in
    “（2024年1月发布）××局2023年……报告”) ends after the day of the check — the report
    year is this year, or a later one — unless the report gives a publication date before the year's
    end, which GL704 reports. Option ``today`` (an ISO date, ``2026-01-20``) sets the day of
    the check; by default it is the system's date.
    Why: an annual report covers 1月1日–12月31日 of its year and is written after it (条例 第四十九条:
    published by 1月31日 or 3月31日 of the next year). A report checked before its year is over has the
    wrong year, nearly always because it was written in January and given that year's number (a 2025
    report titled 2026) — and then the period, the tables' year and the deadline are all read wrongly.
    Fails: “××局2026年政府信息公开工作年度报告” checked on 2026-01-20.
    Passes: “××局2025年政府信息公开工作年度报告” checked on 2026-01-20.
    Basis: 条例 第四十九条 (format-spec §1.2).
    """
    year = report.year
    if year is None:
        return
    today = _today((ctx.options or {}).get("today"))
    if today > dt.date(year, 12, 31):
        return
    published, _ = _published(report, ctx)
    if published is not None and published <= dt.date(year, 12, 31):
        return  # published before the year's end: GL704 says so, with the date
    span = report.year_span or (report.title.span if report.title is not None else start_span(report))
    if year == today.year:
        zh = (f"报告年度为{year}年，但今天（{_zh(today)}）该年度尚未结束，年度报告应在年度结束后报告全年情况："
              f"标题中的年份是否应为{year - 1}年？")
        en = (f"the report year is {year}, which has not ended yet (today is {today.isoformat()}), and an annual "
              f"report covers a whole year that is over: should the year in the title be {year - 1}?")
    else:
        zh = f"报告年度为{year}年，晚于今天（{_zh(today)}）所在的{today.year}年：请核对标题中的年份"
        en = f"the report year is {year}, after the current year (today is {today.isoformat()}): check the year in the title"
    yield ctx.rule.diag(span, zh, en, expected=today.year - 1, actual=year)
