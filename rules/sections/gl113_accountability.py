from govlint import rule
from govlint.relazy import lazy_compile

from .._common import start_span
from .._prose import agency_name, people_government

ITEMS = {
    "工作考核": lazy_compile(r"考核|考评"),
    "社会评议": lazy_compile(r"评议|满意度(?:测评|调查|评价|评估)|(?:社会|群众|公众)(?:评价|满意度)|民意调查"),
    "责任追究": lazy_compile(r"责任追究|追究(?:相关|有关)?(?:人员)?(?:的)?责任|追责|问责"),
}


@rule("GL113", "sections.government-accountability", "warning",
      summary_en="a people's government's report omits 工作考核、社会评议和责任追究结果情况")
def accountability(report, ctx):
    """人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况。

    What: when the title's issuer is a people's government — ××人民政府 or ××政府, or a place alone
    (××县, ××镇, ××乡, ××市××区: that place's government), at any level from the province to the
    township — the report mentions the results of 工作考核 (assessment), 社会评议 (public
    evaluation) and 责任追究 (accountability) — anywhere in its text (30号 places them under 一、
    总体情况 / 监督保障), in its own words or common ones (考评; 满意度测评, 满意度调查, 群众评价, 民意调查;
    追责, 问责). One finding lists the missing items.
    Not: a government's 办公室/办公厅 or any department (they report as departments), a 街道办事处
    (an agency of the district's or city's government, not a level of government; so are a 地区's
    or 盟's 行政公署), a development zone or its committee (开发区, 实验区, 管委会).
    Why: Art. 50(四) of the regulation requires it of the reports of people's governments at every
    level.
    Fails: “××县人民政府2022年政府信息公开工作年度报告” that never mentions 考核, 评议 or 责任追究.
    Passes: “……纳入绩效考核……积极接受社会评议，未发生责任追究情况”.
    Basis: 条例 第五十条（四） (format-spec §1.1, §3.2); defects D5.
    """
    if report.title is None or not people_government(agency_name(report)):
        return
    text = "".join("".join(p.text.split()) for s in report.sections for p in s.paragraphs)
    text += "".join("".join(p.text.split()) for p in report.preamble)
    missing = [name for name, pat in ITEMS.items() if not pat.search(text)]
    if not missing:
        return
    yield ctx.rule.diag(report.title.span if report.title is not None else start_span(report),
                        f"人民政府的年度报告应说明工作考核、社会评议和责任追究结果情况，本报告没有写到：{'、'.join(missing)}",
                        f"a people's government's report must give the results of work assessment, public evaluation and "
                        f"accountability; missing: {', '.join(missing)}", expected=list(ITEMS), actual=missing)
