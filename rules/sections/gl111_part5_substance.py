from govlint import rule
from govlint.relazy import lazy_compile

from .._common import not_negative

MIN_CHARS = 60
_NOTHING = lazy_compile(r"^(?:本年度?|\d{4}年度?)?[，,]?(?:本(?:单位|机关|局)|我(?:单位|局|委|办|区|县|市|镇|乡))?(?:暂)?(?:无|没有|不存在)")

#: words that name a particular thing of the disclosure work, a problem or a measure can be about (a
#: channel, a kind of information, a step of the procedure, a tool): a part 五 with none of them
#: speaks only of 认识, 培训, 力度, 水平 and 质量 — of the work at large
CONCRETE = ["解读", "回应", "栏目", "专栏", "专区", "网站", "网页", "新媒体", "公众号", "微博", "微信", "客户端", "目录", "指南",
            "平台", "申请", "答复", "规范性文件", "政策文件", "审查", "审核", "保密", "更新", "发布", "时效", "决策", "预公开", "重点领域",
            "征集", "意见", "图解", "视频", "音频", "公开栏", "查阅", "档案", "归档", "台账", "清单", "预算", "决算", "财政",
            "数据", "标准化", "规范化", "基层", "政务服务", "办事", "热线", "发布会", "访谈", "公开属性", "内容", "形式", "渠道",
            "链接", "检索", "搜索", "考核", "督查", "通报", "整改", "每月", "每季度", "每周", "定期", "制度", "机制", "流程",
            "主动公开", "依申请", "范围", "及时", "深度", "广度", "人员", "专人", "兼职", "热点", "关切", "科室", "部门",
            "督促", "指导"]
#: a figure (not a year): a count, a date, a share — something particular
_FIGURE = lazy_compile(r"(?<!\d)\d++(?!年)")
#: what is no letter nor digit (``str.isalnum``: ``\w`` is that or _): punctuation and spaces are not counted
_NOT_ALNUM = lazy_compile(r"[\W_]+")


@rule("GL111", "sections.part5-substance", "warning", summary_en="part 五 is empty, a one-line formality or boilerplate",
      options={"min_chars": MIN_CHARS, "concrete": CONCRETE}, checks={"min_chars": not_negative})
def part5_substance(report, ctx):
    """“五、存在的主要问题及改进情况”不能空着、只写一句套话，或只有笼统的表述。

    What: part 五 has at least ``min_chars`` characters of text (default 60, punctuation and spaces
    not counted), does not merely say there were no problems (无, 暂无, 不存在问题), and names at least
    one particular thing of the disclosure work a problem or a measure is about — a channel, a kind
    of information, a step of the procedure, a tool (解读, 栏目, 网站, 新媒体, 目录, 申请, 答复, 审核,
    更新, 发布, 决策, 公开内容 … : option ``concrete``) — or a figure (a count, a date; not a year). A
    part 五 without any speaks of the work at large only (认识不够深、培训不足、加强学习、提高水平).
    Why: Art. 50(四) of the regulation requires the report to state the main problems of the work and
    how they were improved; CASS evaluations single out reports that skip or gloss over this part
    (泛泛而谈). A sentence cannot name a problem and a measure, nor can phrases that fit any agency.
    Options: ``min_chars``, ``concrete`` (a list of words; ``[]`` turns the last check off).
    Fails: “五、存在的主要问题及改进情况 / 无。”; “……主要是对政府信息公开工作认识不够深、培训不足。下一步，
    我局将进一步加强学习，提高认识，加大培训力度，不断提升政府信息公开工作水平。”
    Passes: a part 五 naming problems (政策解读形式单一 …) and measures (一是… 二是…).
    Basis: 条例 第五十条（四） (format-spec §1.1); defects D1.
    """
    section = report.section(5)
    if section is None:
        return
    opts = ctx.options or {}
    limit = int(opts.get("min_chars", MIN_CHARS))
    text = _NOT_ALNUM.sub("", "".join(p.text for p in section.paragraphs))
    spec = ctx.edition.part(5) if ctx.edition is not None else None
    heading = f"五、{spec.heading}" if spec is not None else "五、存在的主要问题及改进情况"  # (the edition's wording)
    span = section.paragraphs[0].span if section.paragraphs else section.heading.span
    if len(text) >= limit and not (_NOTHING.match(text) and len(text) < 2 * limit):
        concrete = opts.get("concrete", CONCRETE)
        if not concrete or any(w in text for w in concrete) or _FIGURE.search(text):
            return
        yield ctx.rule.diag(span, f"“{heading}”只有笼统的表述（如认识不够、培训不足、加强学习、提升水平），没有写到具体哪项工作存在什么"
                                  "问题、采取什么措施：应写明具体的问题（如政策解读形式单一、栏目更新不及时）和相应的改进措施",
                            "part 五 speaks of the work in general terms only (awareness, training, effort, level) and names "
                            "no particular problem or measure: it should name the problems (such as policy explanations "
                            "in one form only, columns not updated in time) and the measures taken for each")
        return
    what = "为空" if not text else f"只有{len(text)}个字" + ("，且只说没有问题" if _NOTHING.match(text) else "")
    what_en = "empty" if not text else f"only {len(text)} character{'s' if len(text) != 1 else ''} long"
    yield ctx.rule.diag(span, f"“{heading}”{what}：应写明工作中存在的主要问题和相应的改进措施",
                        f"part 五 is {what_en}: it should name the "
                        "main problems of the work and the measures taken", expected=f"≥ {limit}", actual=len(text))
