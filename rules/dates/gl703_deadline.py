import datetime as dt

from govlint import rule
from govlint.relazy import lazy_compile

from .._common import month_day
from .._prose import admin_level, agency_kind, agency_name, cn_int, option, span_of

_Y = r"(?:19|20|１９|２０)\d{2}|[〇零○一二三四五六七八九]{4}"
_N = r"\d{1,2}|[十一二三四五六七八九]{1,3}"
_DATE = rf"(?P<y>{_Y})\s*[-/.－／．年]\s*(?P<m>{_N})\s*[-/.－／．月]\s*(?P<d>{_N})\s*日?"
#: a labelled date near the top of the page, best first: the publication (发布时间: 2023-02-20,
#: 发布日期 | 2023-01-30); a CMS's bare 日期：/时间： (not 更新时间, 打印日期: another word before it);
#: the date the report was signed off or filed (成文日期, 印发日期, a disclosure catalogue's 生成日期),
#: which publication cannot precede
_LABELLED = (
    lazy_compile(rf"(?:发布时间|发布日期|发文日期|公开日期|发表时间|首发时间)\s*[:：|｜]?\s*{_DATE}"),
    lazy_compile(rf"(?<![\u4e00-\u9fff])(?:日期|时间)\s*[:：]\s*{_DATE}"),
    lazy_compile(rf"(?:成文日期|印发日期|生成日期)\s*[:：|｜]?\s*{_DATE}"),
)
#: a line that is only a date (and perhaps the agency's name): the date under the report
_SIGNATURE = lazy_compile(rf"^[\u4e00-\u9fff（）()]{{0,30}}?\s*{_DATE}\s*$")
#: a short line a page prints after the report (扫一扫在手机打开当前页, 【打印】【关闭】, 分享到：):
#: no sentence, no figure; the signature is looked for above such lines
_CHROME = lazy_compile(r"^[^。；;，,\d０-９]{0,24}$")
_TAIL_LINES = 6
_HEAD_CHARS = 3000

#: a people's government's general office (某县人民政府办公室, 某省人民政府办公厅, 某县政府办): the name of
#: its government is what goes before
_OFFICE = lazy_compile(r"(?:人民)?政府(?=办(?:公室|公厅)?$)")
#: after the government's name in the opening: its report (现将镇安县人民政府2022年政府信息公开工作年度报告公布如下)
# (each optional piece starts with its blanks and a word: no two runs of blanks that could share one)
_ITS_REPORT = lazy_compile(r"(?:\s*[（(]?本级[）)]?)?(?:\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年)?度?\s*的?"
                           r"(?:政府信息公开|政务公开|信息公开)")

DEFAULTS = {"government": "03-31", "department": "01-31"}
_KIND_ZH = {"government": "人民政府", "department": "政府部门", None: "机关类型不明，按较晚期限"}
_KIND_EN = {"government": "a people's government", "department": "a government department",
            None: "agency type unclear, the later deadline applies"}


def _zh(day: dt.date) -> str:
    """2023年1月31日, as a report writes a date."""
    return f"{day.year}年{day.month}月{day.day}日"


def _date(m) -> dt.date | None:
    try:
        return dt.date(cn_int(m.group("y")), cn_int(m.group("m")), cn_int(m.group("d")))
    except (TypeError, ValueError):
        return None


def _published(report, ctx):
    """(date, span) of the publication date: the model's (crawler header), a labelled date near the top,
    or a date line at the end of the report."""
    value = getattr(report, "published", None)
    span = getattr(report, "published_span", None)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10]), span
        except ValueError:
            pass
    text = report.text
    first = report.sections[0].heading.span.start if report.sections else min(len(text), _HEAD_CHARS)
    head = min(first, _HEAD_CHARS)
    if text.find("日", 0, head) != -1 or text.find("间", 0, head) != -1:
        for pattern in _LABELLED:
            for m in pattern.finditer(text, 0, head):
                d = _date(m)
                if d is not None:
                    return d, ctx.source.span(m.start("y"), m.end())
    if report.sections:
        # the last lines: the date under the agency's name, perhaps followed by the page's own lines;
        # read as lines of the text (2024 年 2 月 20 日, spaced, reads as a row of a table, no paragraph)
        after = report.sections[-1].heading.span.end
        for p in reversed(report.sections[-1].paragraphs[-_TAIL_LINES:]):
            m = _SIGNATURE.match(p.text)
            if m:
                d = _date(m)
                if d is not None:
                    return d, span_of(ctx, p, m.start("y"), m.end())
            if not _CHROME.match(p.text.strip()):
                after = p.span.end
                break  # (a sentence of the report: the date, if any, is not under it)
        found = _tail_line(text, after)
        if found is not None:
            return found[0], ctx.source.span(*found[1])
    return None, None


def _tail_line(text: str, after: int):
    """(date, (start, end)) of a date line after the last paragraph (``after``) that no paragraph
    holds — spaced (2024 年 2 月 20 日), it is read as a table's row — with only the page's short
    lines after it; else None."""
    if text.find("日", after) == -1 and text.find("年", after) == -1 and text.find("-", after) == -1:
        return None
    end = len(text)
    for _ in range(_TAIL_LINES):
        if end <= after:
            return None
        start = text.rfind("\n", after, end) + 1
        if start == 0:
            start = after
        line = text[start:end]
        if line.strip():
            m = _SIGNATURE.match(line.strip())
            if m:
                d = _date(m)
                lead = len(line) - len(line.lstrip())
                return (d, (start + lead + m.start("y"), start + lead + m.end())) if d is not None else None
            if not _CHROME.match(line.strip()):
                return None
        end = start - 1
    return None


def _kind(report) -> str | None:
    """Whose deadline the report has (条例 第四十九条): "department" — a department of a people's
    government at county level or above, 1月31日 — "government" — a government's own report, which
    its competent department (most often its general office) publishes by 3月31日 — or None (not
    known, or none the regulation sets: the later deadline applies).

    A government's general office titling a report with its own name (某县人民政府办公室2022年…报告)
    reports as one of its government's departments, unless the opening says the report is its
    government's (现将某县人民政府2022年政府信息公开工作年度报告公布如下). A body below the county
    (a township's 财政所 or 便民服务中心) is no department of a government at county level or above."""
    name = agency_name(report)
    kind = agency_kind(name)
    if kind is None:
        return None
    if admin_level(name) == "township":
        return "government" if kind == "government" and not _OFFICE.search(name) else None
    office = _OFFICE.search(name) if kind == "government" else None
    if office is None:
        return kind
    gov = name[:office.end()]
    for p in report.preamble[:3]:
        at = p.text.find(gov)
        while at != -1:
            end = at + len(gov)
            if not p.text.startswith("办", end) and _ITS_REPORT.match(p.text, end):
                return "government"
            at = p.text.find(gov, end)
    return "department"


def _deadline(spec: str, year: int) -> dt.date:
    month, day = (int(x) for x in str(spec).split("-"))
    return dt.date(year, month, day)


@rule("GL703", "dates.deadline", "warning", summary_en="published after the legal deadline",
      options={"department_deadline": DEFAULTS["department"], "government_deadline": DEFAULTS["government"]},
      checks={"department_deadline": month_day, "government_deadline": month_day})
def deadline(report, ctx):
    """年度报告应在法定期限前公布：政府部门1月31日前，人民政府3月31日前。

    What: when the page or the report carries its publication date — the crawler header's
    发布时间, a labelled date (发布日期, 成文日期) before part 一, or a date line closing the report —
    that date is not after the deadline of the year following the report year: 1月31日 for the
    departments of people's governments at county level and above, 3月31日 for a people's
    government's own report (the title names a 人民政府, or the place). A government's general
    office (办公室/办公厅) publishes its government's report, but a report titled with the office's
    own name is the office's, one of its government's departments (1月31日) — unless the opening
    says it is the government's (现将某县人民政府2022年政府信息公开工作年度报告公布如下). When the title
    does not say which (development zones, management committees, street offices (街道办事处), which
    are their government's agencies and not its departments), or for a body below the county (a
    township's 财政所: the regulation sets it no deadline), the later deadline applies.
    Of several dates, the first found of: a publication label (发布时间, 发布日期, 公开日期), a CMS's
    bare 日期：/时间： (not 更新时间, 打印日期), 成文日期/印发日期/生成日期 (publication cannot precede
    it), the date line under the agency's name at the end (above the page's own short lines, such
    as 扫一扫在手机打开当前页). A date in a sentence (本报告经2023年2月15日局务会审议通过) is none of
    these. Published in the second year after the report year or later, the message asks whether
    the title's year is wrong (a 2023 report titled 2022).
    Why: 条例 第四十九条 sets the deadlines, and 30号 （四）明确责任 names late publication (不按时发布) as
    a ground for accountability.
    Options: ``department_deadline`` (default "01-31"), ``government_deadline`` (default "03-31") —
    local notices may set earlier dates.
    Fails: 益阳市行政审批服务局2022年… with 发布时间: 2023-02-20; with 日期：2023/2/20; with the lines
    益阳市行政审批服务局 and 二〇二三年二月二十日 closing the report; 湘潭市人民政府国有资产监督管理委员会
    (a department) with 2023-02-15; 镇安县人民政府办公室2022年… (the office's own report) with 2023-02-20.
    Passes: the same with 发布时间: 2023-01-20; 平潭综合实验区2022年… with 2023-02-20 (type unclear: 3月31日).
    Basis: 条例 第四十九条 (format-spec §1.2); defects A1.
    """
    year = report.year
    if year is None:
        return
    published, span = _published(report, ctx)
    if published is None or span is None or published.year <= year:
        return
    kind = _kind(report)
    spec = option(ctx, f"{kind or 'government'}_deadline", DEFAULTS[kind or "government"])
    try:
        limit = _deadline(spec, year + 1)
    except ValueError:
        return
    if published <= limit:
        return
    days = (published - limit).days
    zh = f"发布日期{_zh(published)}晚于法定期限{_zh(limit)}，逾期{days}天（{_KIND_ZH[kind]}，依据条例第四十九条）"
    en = f"published on {published.isoformat()}, {days} days after the deadline {limit.isoformat()} ({_KIND_EN[kind]}; 条例 Art. 49)"
    if published.year > year + 1:  # a year or more late: the next year's report, titled with this year?
        zh += f"；或标题中的年份有误（是否应为{published.year - 1}年）"
        en += f"; or the year in the title is wrong (should it be {published.year - 1}?)"
    yield ctx.rule.diag(span, zh, en, expected=limit.isoformat(), actual=published.isoformat())
