
from govlint import rule
from govlint.relazy import lazy_compile

#: the five aspects 30号 lists for 一、总体情况, with the wordings reports use for each
ASPECTS = {
    "主动公开": ["主动公开", "主动发布", "主动公布", "主动推送", "公开政府信息", "公开政务信息", "发布政府信息", "政策解读", "重点领域",
             "预决算", "公开政策", "发布政策", "公开各类", "发布各类"],
    "依申请公开": ["依申请", "公开申请", "申请公开"],
    "政府信息管理": ["政府信息管理", "信息管理", "发布审核", "审核发布", "保密审查", "保密审核", "公开审查", "公开审核", "审核制度",
                "审核机制", "先审后发", "公开属性", "源头认定", "规范性文件清理", "规范性文件库", "文件库", "文件清理",
                "公开目录", "三审三校", "信息审核", "动态更新", "动态调整", "全生命周期", "归档", "工作档案", "公开档案"],
    "政府信息公开平台建设": ["平台建设", "平台载体", "公开平台", "网站", "政务新媒体", "新媒体", "公众号", "政务微博", "政务微信",
                   "公开专栏", "公开专区", "政务公开专区", "公开栏", "查阅点", "查阅室", "查阅场所", "公报", "政务服务大厅",
                   "政务大厅", "政务服务中心"],
    "监督保障": ["监督保障", "监督检查", "考核", "考评", "培训", "组织领导", "组织保障", "领导小组", "工作机制", "第一责任人",
             "督查", "督导", "督促", "责任追究", "社会评议", "问责", "监督"],
}

#: wordings that contain one of an aspect's words without being about it — blanked out before the
#: aspect's words are looked for (市场监督管理局 is not 监督保障, an 依申请公开栏目 not a 公开栏)
NOT_ASPECTS = {
    "政府信息公开平台建设": ["公开栏目"],
    "政府信息管理": ["信息管理系统", "信息管理平台"],
    "监督保障": ["监督管理局", "监督管理委员会", "市场监督管理", "监督管理部门"],
}

#: words of an aspect that name its measures but also what other parts of the work are about (the
#: 培训 and 考核 information an office publishes, 监督 of a market): they count for the aspect only
#: where it may be discussed — not in a sub-section of part 一 whose heading names another aspect
#: (“（一）主动公开。……公开职业技能培训补贴、事业单位考核招聘信息……” says nothing of 监督保障)
LOOSE = {
    "监督保障": ["考核", "考评", "培训", "督促", "督导", "监督"],
}

#: a paragraph that opens a sub-section of part 一: （一）… (1)… 1. 1、…; its heading is its first
#: sentence or phrase (up to 。；： or a line's end)
_SUBHEAD = lazy_compile(r"^(?:(?P<cn>[（(][一二三四五六七八九十]{1,3}[）)])|(?P<paren>[（(]\d{1,2}[）)])|(?P<num>\d{1,2}[.．、](?!\d)))"
                        r"[^。；;：:！？!?]{1,40}")


@rule("GL110", "sections.part1-aspects", "warning", summary_en="part 一 does not cover one of its five aspects",
      options={"aspects": ASPECTS, "not_aspects": NOT_ASPECTS, "loose": LOOSE})
def part1_aspects(report, ctx):
    """“一、总体情况”应涵盖五个方面：主动公开、依申请公开、政府信息管理、平台建设、监督保障。

    What: for reports of 2021 on (by the report year; by the tables' edition when the year is
    unknown — a 2020 report written in the 2021 tables still answers to the 2019 format), the text
    of part 一 mentions each of the five aspects 30号 lists for it — 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障 — by its name or a
    common wording (主动发布/公开政策/政策解读 …; 信息管理/发布审核/保密审查/公开属性/归档 …; 网站/政务新媒体/公开栏/查阅点 …;
    考核/培训/督查/领导小组 …). Wordings that only look like one (市场监督管理局, 依申请公开栏目,
    信息管理系统) do not count. One finding lists every aspect missing. Options: ``aspects`` — a table
    name -> list of words that replaces the default vocabulary (for local wording); ``not_aspects`` —
    a table name -> list of wordings not to count (default as above). Words that also name what
    other parts of the work are about (考核, 考评, 培训, 督促, 督导, 监督 for 监督保障: the 培训 and
    考核 information an office publishes) count only outside the sub-sections of part 一 whose
    heading names another aspect (“（一）主动公开。……公开职业技能培训、考核招聘信息……”); option
    ``loose`` — a table name -> such words (``{}``: count them everywhere).
    Why: 30号 says part 一 “主要包括” these five aspects and that the report must not leave anything
    out (不能遗漏); most reports use them as the five sub-headings of part 一.
    Fails: a part 一 about 组织领导, 主动公开, 依申请公开 and the website, silent on how information
    is managed (审核, 保密审查, 规范性文件管理 …).
    Passes: a part 一 with the sub-headings （一）主动公开 … （五）监督保障.
    Basis: format-spec §3.2 （一）总体情况 (S2); defects D6.
    """
    # the report year decides which format applies (format-spec §2): a 2019 or 2020 report answers to
    # the 2019 format, whose part 一 has no such list, even when its tables follow the 2021 edition
    # (GL206 reports that); the tables' edition decides only when the year is unknown
    if (report.year < 2021) if report.year else report.edition != "2021":
        return
    section = report.section(1)
    if section is None:
        return
    opts = ctx.options or {}
    aspects = opts.get("aspects") or ASPECTS
    not_aspects = opts.get("not_aspects", NOT_ASPECTS)
    loose = opts.get("loose", LOOSE)
    paragraphs = ["".join(p.text.split()) for p in section.paragraphs]
    text = "".join(section.heading.text.split()) + "".join(paragraphs)
    missing = []
    for name, words in aspects.items():
        not_words = not_aspects.get(name, ())
        vague = set(loose.get(name, ())) & set(words)
        if _mentions(text, [w for w in words if w not in vague], not_words):
            continue
        if vague and _mentions(_where_discussed(name, paragraphs, aspects, not_aspects), vague, not_words):
            continue
        missing.append(name)
    if not missing:
        return
    yield ctx.rule.diag(section.heading.span,
                        f"“一、总体情况”没有写到{'、'.join(missing)}方面的情况（应涵盖主动公开、依申请公开、政府信息管理、"
                        "政府信息公开平台建设、监督保障五个方面）",
                        f"part 一 says nothing about {', '.join(missing)} (it should cover 主动公开, 依申请公开, 政府信息管理, "
                        "政府信息公开平台建设 and 监督保障)", expected=list(aspects), actual=missing)


def _where_discussed(name, paragraphs, aspects, not_aspects):
    """Part 一's text without the sub-sections whose heading names another aspect and not ``name``
    (sub-sections: the paragraphs from one numbered as the first numbered paragraph is — （一）, (1)
    or 1. — to the next; items numbered otherwise inside one are part of it)."""
    out, other, level = [], False, None
    for text in paragraphs:
        m = _SUBHEAD.match(text)
        if m and level is None:
            level = m.lastgroup
        if m and m.lastgroup == level:
            heading = m.group()
            named = {a for a, words in aspects.items() if _mentions(heading, words, not_aspects.get(a, ()))}
            other = bool(named) and name not in named
        if not other:
            out.append(text)
    return "".join(out)


def _mentions(text, words, not_words):
    """Whether ``text`` contains one of ``words`` outside the wordings ``not_words``."""
    for w in sorted(not_words, key=len, reverse=True):
        text = text.replace(w, "\u3000")  # (a character no word contains: two sides of it stay apart)
    return any(w in text for w in words)
