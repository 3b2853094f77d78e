from govlint import rule
from govlint.relazy import lazy_compile

from .._prose import (
    PLAN_INTENT,
    PLAN_NOUNS,
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
# a later year naming what is planned or measured for it — its plan, tasks, targets, indicators,
# assessment or budget: the head noun of the phrase the year opens (部署2024年重点任务, 对标2024年政务公开
# 考核指标, 2024年度考核指标已分解到科室, 编制2024年度部门预算); a plan or a yardstick, not work done.
# The words between are the phrase's modifiers: no clause break, no month or day (2024年6月完成考核: a
# date), no word telling work done (了, 已, 共, 我, 通过, 完成, 开展 …: 2024年我局按照工作计划开展了培训).
# Used with .match(text, end of the year); bounded (at most ten modifiers, each one character)
_HEADS = r"计划|安排|要点|思路|目标|任务|指标|方案|规划|预算|部署|考核|考评|评估|评议|重点工作|工作重点"
_PLANNED = lazy_compile(r"度?(?:(?!了|已|共|我|通过|完成|开展|收到|办理|获|实施|发生)[^，,；;。：:！？!?\s\d０-９月日号]){0,10}?"
                        rf"(?:{_HEADS})")
# a later year that a clause aims at or prepares for (着眼2024年, 迎接2024年第三方评估, 谋划2024年工作);
# used with .search on the few characters before the year
_AIMED = lazy_compile(r"(?:着眼|迎接|筹备|谋划|筹划|面向|瞄准|展望|部署)(?:于|好|做好)?\s*$")
# … or that it lays the ground for (为2024年工作打下坚实基础, 为做好2024年政务公开工作奠定基础): 为 before
# the year, the ground after it in the sentence
_FOR = lazy_compile(r"为(?:做好|推进|完成|迎接)?\s*$")
_GROUND = lazy_compile(r"基础|准备|铺垫|开局")


@rule("GL702", "dates.later-year", "warning", summary_en="a year after the report year, in a statement of what was done")
def later_year(report, ctx):
    """正文叙述本年度工作时出现了晚于报告年度的年份。

    What: in the opening and in parts 一 to 四 — which describe the work of the report year — a
    year written with 年 (2023年, 二〇二三年) that is later than the report year. Not reported:
    plans and intentions (a sentence with 将, 拟, 力争, 下一步 …, or one that names a plan or
    target before the year: 根据规划，2023年…; a plan named after it is judged as below: 2023年按照工作计划共
    收到申请 is work done), the whole of parts
    五 and 六 (their improvements are for next year), titles and document numbers (《…2023年…》,
    〔2023〕), ranges (2021—2025年), cut-off statements (截至2023年1月), publication lines (发布时间,
    印发 …), and January to March of the next year (2023年1月: the report is compiled then, and may
    tell what was done then, such as the year's assessment; also 2023年1-2月, 2023年初, 元旦, 春节,
    第一季度), work carried over into it (结转至2023年, 转入2023年办理), the day something takes
    effect (自2024年1月1日起施行, 2024年起), and a later year looked ahead to: one that names what is
    planned or measured for it — the phrase it opens ends in a plan, task, target, indicator,
    assessment or budget, with no month, clause break or word of work done between (部署2023年重点任务,
    2023年工作思路, 对标2023年政务公开考核指标, 2023年度考核指标已分解到科室, 编制2023年度部门预算;
    not 2023年6月完成考核, 2023年通过考核验收) — or one a clause aims at or lays the ground for
    (着眼2025年目标, 迎接2023年第三方评估, 为2023年工作打下坚实基础).
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
            if (y == year + 1 and _EARLY_NEXT_YEAR.match(text, m.end())) or _PLANNED.match(text, m.end()):
                continue
            ss, se = sentence_bounds(text, s)
            sentence = text[ss:se]
            # (a plan's noun after the year is _PLANNED's to judge: 2023年工作计划, not 2023年按照计划共收到)
            if PLAN_INTENT.search(sentence) or PLAN_NOUNS.search(text, ss, s) or _AS_OF.search(text[max(ss, s - 4):s]) or _META.search(text[max(ss, s - 6):s]):
                continue
            if _AIMED.search(text[max(ss, s - 6):s]) or (_FOR.search(text[max(ss, s - 4):s]) and _GROUND.search(text, m.end(), se)):
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
