
from govlint import rule

#: the five aspects 30号 lists for 一、总体情况, with the wordings reports use for each
ASPECTS = {
    "主动公开": ["主动公开", "公开政府信息", "公开政务信息"],
    "依申请公开": ["依申请", "公开申请", "申请公开"],
    "政府信息管理": ["政府信息管理", "信息管理", "发布审核", "审核发布", "保密审查", "公开属性", "源头认定", "规范性文件清理",
                "规范性文件库", "文件清理", "公开目录", "三审三校", "信息审核", "动态更新", "全生命周期"],
    "政府信息公开平台建设": ["平台建设", "平台载体", "公开平台", "政府网站", "门户网站", "网站建设", "网站管理", "政务新媒体", "新媒体",
                   "公开专栏", "公开专区", "政务公开专区", "公开栏"],
    "监督保障": ["监督保障", "监督检查", "考核", "培训", "组织领导", "督查", "督导", "责任追究", "社会评议", "问责", "监督"],
}


@rule("GL110", "sections.part1-aspects", "warning", summary_en="part 一 does not cover one of its five aspects")
def part1_aspects(report, ctx):
    """“一、总体情况”应涵盖五个方面：主动公开、依申请公开、政府信息管理、平台建设、监督保障。

    What: for 2021-format reports, the text of part 一 mentions each of the five aspects 30号 lists
    for it — 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障 — by its name or a
    common wording (信息管理/发布审核/保密审查 …; 政府网站/政务新媒体 …; 考核/培训/督查 …). One
    finding lists every aspect missing. Options: ``aspects`` — a table name -> list of words that
    replaces the default vocabulary (for local wording).
    Why: 30号 says part 一 “主要包括” these five aspects and that the report must not leave anything
    out (不能遗漏); most reports use them as the five sub-headings of part 一.
    Fails: a part 一 about 组织领导, 主动公开, 依申请公开 and the website, silent on how information
    is managed (审核, 保密审查, 规范性文件管理 …).
    Passes: a part 一 with the sub-headings （一）主动公开 … （五）监督保障.
    Basis: format-spec §3.2 （一）总体情况 (S2); defects D6.
    """
    if report.edition != "2021" and not (report.year and report.year >= 2021):
        return
    section = report.section(1)
    if section is None:
        return
    aspects = (ctx.options or {}).get("aspects") or ASPECTS
    text = "".join(section.heading.text.split()) + "".join("".join(p.text.split()) for p in section.paragraphs)
    missing = [name for name, words in aspects.items() if not any(w in text for w in words)]
    if not missing:
        return
    yield ctx.rule.diag(section.heading.span,
                        f"“一、总体情况”没有写到{'、'.join(missing)}方面的情况（应涵盖主动公开、依申请公开、政府信息管理、"
                        "政府信息公开平台建设、监督保障五个方面）",
                        f"part 一 says nothing about {', '.join(missing)} (it should cover 主动公开, 依申请公开, 政府信息管理, "
                        "政府信息公开平台建设 and 监督保障)", expected=list(aspects), actual=missing)
