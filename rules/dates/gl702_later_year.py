from govlint import rule
from govlint.relazy import lazy_compile

from .._prose import (
    PLAN_WORDS,
    find_periods,
    find_years,
    inside,
    prose,
    quoted_ranges,
    sentence_bounds,
    span_of,
    the_statistics_period,
    year_value,
)

_RANGE_BEFORE = lazy_compile(r"[-—–~～至到－]\s*$")
# used with .match(text, pos): no slice of the rest of the text per year, and no two \s* around an
# optional 年 (that backtracked quadratically on a run of spaces)
_RANGE_AFTER = lazy_compile(r"\s*(?:年\s*)?(?:[-—–~～至到－]|以来|以后|以前)")
_AS_OF = lazy_compile(r"截至|截止|截到|至今|到目前")
_META = lazy_compile(r"发布|时间|日期|来源|印发|成文|更新|落款|编制|公布")
# the first quarter of the next year: a report is compiled then and may tell what was done then (a
# year's assessment in January); used with .match(text, end of the year)
# (also 1-2月, 年初 (not 初步), 元旦, 春节, 第一季度)
_EARLY_NEXT_YEAR = lazy_compile(r"\s*(?:(?:0?[1-3](?!\d)|[一二三](?!十))(?:\s*[-—–~～至到、]\s*(?:0?[1-3](?!\d)|[一二三](?!十)))?\s*月"
                                r"|初(?![步审])|元旦|春节|第?[一1]季度)")
# a later year into which work is carried over (结转至2023年, 转入2023年办理, 顺延至2023年); used with
# .search on the few characters before the year
_CARRIED = lazy_compile(r"(?:结转|转入|转至|转到|顺延|延期|延至|留待)(?:至|到|入)?\s*$")
# the day something takes effect (自2024年1月1日起施行, 2024年起, 于2024年3月1日正式施行): a date of the
# future, not a statement of work; used with .match(text, end of the year); not 起草 (drafting is work)
_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_FROM_ON = lazy_compile(rf"\s*(?:{_N}\s*月\s*(?:{_N}\s*[日号]\s*)?)?(?:起(?![草诉])|(?:正式)?(?:施行|生效))")
# a later year naming the tasks set for it (部署2024年重点任务, 明确2024年工作思路): a plan, not work done;
# used with .match(text, end of the year)
# (and its budget, drawn up in the report year: 编制2023年度部门预算)
_TASKS_OF = lazy_compile(r"度?(?:的)?(?:(?:政务公开|政府信息公开)?(?:重点|主要)?(?:工作)?(?:任务|计划|安排|要点|思路|目标)"
                         r"|(?:部门|单位|财政|本级)?预算)")


@rule("GL702", "dates.later-year", "warning", summary_en="a year after the report year, in a statement of what was done")
def later_year(report, ctx):
    """正文叙述本年度工作时出现了晚于报告年度的年份。

    What: in the opening and in parts 一 to 四 — which describe the work of the report year — a
    year written with 年 (2023年, 二〇二三年) that is later than the report year. Not reported:
    plans and intentions (a sentence with 将, 计划, 拟, 力争, 下一步, 目标, 要点 …), the whole of parts
    五 and 六 (their improvements are for next year), titles and document numbers (《…2023年…》,
    〔2023〕), ranges (2021—2025年), cut-off statements (截至2023年1月), publication lines (发布时间,
    印发 …), and January to March of the next year (2023年1月: the report is compiled then, and may
    tell what was done then, such as the year's assessment; also 2023年1-2月, 2023年初, 元旦, 春节,
    第一季度), the next year named for its tasks or its budget (部署2023年重点任务, 2023年工作思路,
    编制2023年度部门预算), work carried over into it (结转至2023年, 转入2023年办理), and the day
    something takes effect (自2024年1月1日起施行, 2024年起).
    Why: a 2022 report that says “2023年，我局共收到申请5件” has a typing slip in the year — or
    describes the wrong year, which readers cannot tell apart.
    Fails: in a 2022 report, part 一: “2023年，我局共收到政府信息公开申请5件”.
    Passes: part 五: “2023年，我局将进一步加强政策解读”; “2022年，我局共收到……”.
    Nor the year whose whole calendar year the opening states as the statistics period (统计期限为
    2023年1月1日至2023年12月31日 under a title of 2022): the report is of that year and its title's
    year is wrong — GL701 says so at the period, once, not at every year of the text.
    Basis: format-spec §3.4 (the report covers one calendar year); defects A3; issue 4 (years after
    the report year).
    """
    year = report.year
    if year is None:
        return
    stated = None  # the years stated as the statistics period (found at the first later year)
    for part, p in prose(report, parts=(1, 2, 3, 4), title=False):
        text = p.text
        titles = None
        for m in find_years(text):
            y = year_value(m.group("y"))
            if y is None or y <= year or y > year + 30:
                continue
            if stated is None:
                stated = _stated_years(report)
            if y in stated:
                continue
            if titles is None:
                titles = quoted_ranges(text)
            s = m.start()
            if (inside(titles, s) or _RANGE_BEFORE.search(text[max(0, s - 2):s]) or _RANGE_AFTER.match(text, m.end() - 1)
                    or _CARRIED.search(text[max(0, s - 5):s]) or _FROM_ON.match(text, m.end())):
                continue
            if y == year + 1 and (_EARLY_NEXT_YEAR.match(text, m.end()) or _TASKS_OF.match(text, m.end())):
                continue
            ss, se = sentence_bounds(text, s)
            sentence = text[ss:se]
            if PLAN_WORDS.search(sentence) or _AS_OF.search(text[max(ss, s - 4):s]) or _META.search(text[max(ss, s - 6):s]):
                continue
            where = "开头" if part is None else f"第{'一二三四五六'[part - 1]}部分"
            yield ctx.rule.diag(span_of(ctx, p, m.start(), m.end()),
                                f"{where}叙述本年度工作，却写了晚于报告年度（{year}年）的“{m.group(0)}”；请核对年份",
                                f"{'the opening' if part is None else 'part ' + '一二三四五六'[part - 1]} describes the report year's work but "
                                f"names “{m.group(0)}”, later than the report year {year}; check the year",
                                expected=f"≤ {year}", actual=y)


def _stated_years(report) -> frozenset:
    """The years whose 1月1日–12月31日 the opening (before part 二) states as the statistics period."""
    early = list(report.preamble)
    for sec in report.sections:
        if sec.part is not None and sec.part >= 2:
            break
        early.extend(sec.paragraphs)
    found = set()
    for p in early:
        for period in find_periods(p.text):
            y = period.first[0]
            if y is not None and period.is_year(y) and the_statistics_period(p.text, period):
                found.add(y)
    return frozenset(found)
