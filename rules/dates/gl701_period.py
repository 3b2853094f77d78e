from govlint import rule
from govlint.relazy import lazy_compile

from .._prose import cn_int, prose, sentence_bounds, span_of

_Y = r"(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}"
_N = r"\d{1,2}|[十一二三四五六七八九]{1,3}"
PERIOD = lazy_compile(
    rf"(?P<y1>{_Y})\s*年\s*(?P<m1>{_N})\s*月\s*(?P<d1>{_N})\s*[日号]\s*(?:起\s*)?(?:至|到|—|–|-|~|～|－)+\s*"  # (not \s*(?:起)?\s*: quadratic)
    rf"(?:(?P<y2>{_Y})\s*年\s*)?(?P<m2>{_N})\s*月\s*(?P<d2>{_N})\s*[日号]"
)
_ABOUT_DATA = lazy_compile(r"统计|数据|期限|时限|报告期|本报告")


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
    Passes: “本报告数据统计时限为2022年1月1日至2022年12月31日”.
    Basis: format-spec §3.4 (statistics period), DB51/T 2660—2019 §2.1; defects A3.
    """
    year = report.year
    if year is None:
        return
    for _, p in prose(report, title=False):
        text = p.text
        if "月" not in text:  # every period names months: skip the scan
            continue
        for m in PERIOD.finditer(text):
            ss, se = sentence_bounds(text, m.start())
            if not _ABOUT_DATA.search(text[ss:se]):
                continue
            y1 = cn_int(m.group("y1"))
            y2 = cn_int(m.group("y2")) if m.group("y2") else y1
            start = (cn_int(m.group("m1")), cn_int(m.group("d1")))
            end = (cn_int(m.group("m2")), cn_int(m.group("d2")))
            if y1 == year and y2 == year and start == (1, 1) and end == (12, 31):
                continue
            written = m.group(0)
            yield ctx.rule.diag(span_of(ctx, p, m.start(), m.end()),
                                f"数据统计期限“{written}”与报告年度不符：应为{year}年1月1日至{year}年12月31日",
                                f"the statistics period “{written}” does not match the report year: expected "
                                f"{year}年1月1日至{year}年12月31日", expected=f"{year}-01-01..{year}-12-31", actual=written)
