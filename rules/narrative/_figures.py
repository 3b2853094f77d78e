"""Narrative figures compared with table cells: the machinery shared by GL501–GL503.

A *figure* is a quantity in the prose with the words around it: ``pre`` is the text between the
previous quantity (or the start of the clause) and the number, ``post`` the text after it up to the
next quantity or the end of the clause. A rule classifies a figure by those words into a topic and
the cells it may be compared with (an :class:`Expect` each); the figure is reported only when it
matches none of them.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple, Optional, Sequence

from govlint.model import Cell, Paragraph, Report
from govlint.numbers import Quantity
from govlint.relazy import lazy_compile

from .._common import by_groups, column_label, merged_leaves, place, row_label
from .._prose import (
    clause_end,
    cn_int,
    clause_start,
    find_years,
    fmt,
    inside,
    prose,
    quantities,
    quoted_ranges,
    sentence_bounds,
    slogan_ranges,
    span_of,
    year_value,
)

_BLANKS = " \u00a0\u3000"
COUNT_UNITS = frozenset({"件", "个", "起", "宗", "例", "项", "条", "份"})
#: the clause speaks about another period or compares with one: its figures are not this year's
#: (上年 / 上年度 / 上一年度 is last year, but not in the table's own words 上年结转, 上年度遗留, 结转上年度)
#: (every alternative starts with a character, its look-behinds after it: the search then skips in C
#: to where one of those characters stands, instead of trying each alternative at every character)
_OTHER_PERIOD = lazy_compile(r"同比|环比|较上|比上|较去|比去|上年度?同期|去年|上(?<!结转上)一?年(?!度?的?(?:结转|遗留))|前年|增长|减少|下降|增加|上升|"
                             r"累(?<!全年累)(?<!本年累)(?<!今年累)(?<!年内累)(?<!年度累)计|历年|以来|近[三五两二十]年")
#: a part of the year before a figure (第一季度受理申请5件, 上半年10件, 1-6月, 3月份, 3月15日收到的1件):
#: the figure counts that part, not the year — but 1月1日至12月31日, 1-12月, 截至12月31日 are the year
_PART_OF_YEAR = lazy_compile(r"季度|[上下]半年|(?P<until>截至|截止|至|到|[-—–~～－])?\s?(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s?月(?!度)")
#: words right after a figure saying it changed into another (由10件增至12件, 从10件下降到8件, 由10件降为8件):
#: the figure is the earlier state, not this year's
_CHANGED_TO = lazy_compile(r"(?:增加|增长|上升|下降|减少|提高|降低|回落|攀升|增|减|升|降|涨|跌)了?(?:至|到|为)")
_CHANGE_START = frozenset("增上下减提降回攀升涨跌")
#: a year next to the report year that still speaks of this year's applications: carried into the
#: next year (结转至2023年继续办理) or over from the last one (2021年结转的申请)
_INTO_NEXT = lazy_compile(r"(?:结转|转入|转至|转到)(?:至|到)?\s*$")
_FROM_LAST = lazy_compile(r"度?(?:的)?(?:结转|遗留)")
#: where the words after a figure stop (收到申请3件、…; 办结5件（其中…）)
_POST_END = lazy_compile(r"[、（(]")
_SEP = lazy_compile(r"[、，,；;和及与]")
#: the figures of a whole region's agencies (全省各级行政机关共收到申请4.28万件, 市县两级占92.3%), which a
#: provincial or city government reports beside its own: not the figures of this report's tables …
#: (every alternative starts with a character, as _OTHER_PERIOD's: the search skips to one of them)
_WIDER = lazy_compile(r"各级(?:各类)?(?:行政机关|人民政府|政府|机关|部门)|各地(?:区)?各部门"
                      r"|各(?:省|市|区|县|州|盟|旗)(?:各级|各地|各部门|各单位|各乡镇|各街道|政府系统|行政机关)"
                      r"|省市县[两三四]?级|市县乡[两三四]?级|县乡[两三四]?级|市县[两三四]?级|省市[两三四]?级"
                      r"|全(?:省|市|区|县|州|盟|旗)(?:各级|各地|各部门|各单位|各乡镇|各街道|政府系统|行政机关)"
                      r"|全(?:省|市|区|县|州|盟|旗)[\u4e00-\u9fff]{0,8}?系统"
                      r"|全(?:省|市|区|县|州|盟|旗)(?:共|共有)?\s?(?:\d+|[一二三四五六七八九十]{1,3})\s?个"
                      r"(?:部门|单位|乡镇|街道|镇街|县区|区县|县市区|市县区|县市|行政机关|政府部门)")
#: … unless the agency itself is named after it (全省……；省政府本级收到申请516件)
_OWN = lazy_compile(r"本级|本机关|本部门|本单位|[我本](?:局|厅|委|办|署|院|部|府|室|中心|单位)|政府办公[室厅]")
#: a region named bare (全区共受理申请56件): the agency's own figures where it reports for its region (a
#: zone's committee: 平潭 “全区共收到70件申请”) …
_BARE_REGION = lazy_compile(r"全(?:省|市|区|县|州|盟|旗)")
#: … but the region's, when the sentence goes on to give the agency's part of it (…，其中本局受理0件)
_OWN_PART = lazy_compile(r"其中[^，,。；;]{0,6}?(?:本级|本机关|本部门|本单位|[我本](?:局|厅|委|办|署|院|部|府|室|中心|单位)|政府办公[室厅])")
#: a bare 零 that states a count — “行政复议案件为零”, “行政复议、行政诉讼均为零”, “行政诉讼零件”,
#: “被申请行政复议零起” — right after the thing counted (not 零距离, 零跑腿, “零投诉”, 差错率为零); so does a
#: bare digit 0 written the same way (“行政诉讼案件数为0”, “被申请行政复议数量为 0。”), which the number
#: reader leaves without a unit (not 为0.5, 为0%, 纠错率为0)
_ZERO = lazy_compile(
    r"(?:件|申请|复议|诉讼|起诉|决定|规章|数|数量|总数|总量)(?:均|都|皆|也|亦)?(?:为|是)"
    r"(?:(?P<z1>零)|[ \u00a0\u3000]?(?P<z0>[0０]))(?=$|[，,。；;、）)\s])"
    r"|(?:申请|复议|诉讼|起诉|案件|决定)(?:共|计|共计|有|为|均为)?(?P<z2>零)(?P<unit>[件起宗例])(?![\u4e00-\u9fff])")
#: what every match of _ZERO holds (为零, 是 0, 零件): looked for first, as _ZERO, whose branches start
#: with a group of words, is tried at every character of a paragraph, and most paragraphs have a 0
#: (in a year) but no such count
_ZERO_CORE = lazy_compile(r"为[ \u00a0\u3000]?[零0０]|是[ \u00a0\u3000]?[零0０]|零[件起宗例]")


class Figure(NamedTuple):
    paragraph: Paragraph
    part: Optional[int]
    q: object  # govlint.numbers.Quantity
    pre: str
    post: str
    clause: str
    sentence: str


class Expect(NamedTuple):
    """One reading of the figure: the value it should have and where that value is in the tables."""

    value: float
    zh: str
    en: str
    cells: tuple[Cell, ...]
    table: str = ""

    def place(self, ctx) -> tuple[str, str]:
        """Where the cells are, as a message says it (第31行 / line 31; a Word or PDF file's locators)."""
        return place(ctx, [c.span for c in self.cells])


def figures(report: Report, units: frozenset = COUNT_UNITS) -> Iterator[Figure]:
    """Every countable, exact figure of the prose (not approximate, not a range, not inside 《》/〔〕;
    a bare 零 stating a count — 行政复议案件为零, 诉讼零件 — is a figure of 0; not a whole region's —
    全省各级行政机关…, 市县两级…, 全市12个单位…, or 全区… followed by 其中本局… — unless the agency itself is named
    after that, 省政府本级…),
    except those whose clause speaks of another period before them (同比, 较上年, 累计 but not 全年累计
    …) or whose sentence names another year (but not 结转至<next year>, <last year>结转, nor another year
    in an earlier clause when the figure's own clause names the report year: 与2021年的10件相比，2022年…
    12件), whose unit is one of ``units``; nor those whose clause names last year (上年, 上年度 — not
    上年结转) or a part of the year (第一季度, 上半年, 1-6月, 3月份 — not 1月1日至12月31日 nor 截至12月31日)
    before them, nor the figure a change starts from (由10件增至12件)."""
    return (f for f in _figures_of(report, units) if f.q.unit in units)


#: (report, the units its figures were found for, those figures): the GL5 rules ask for the figures
#: of one report in turn
_LAST: tuple = (None, frozenset(), ())
#: every unit asked for so far: a report's figures are found for all of them at once, and the
#: quantities of other units (条, 大类 …) are passed over
_WANTED: frozenset = frozenset()


def _figures_of(report: Report, units: frozenset) -> tuple[Figure, ...]:
    global _LAST, _WANTED
    last = _LAST  # one read: another thread may replace it meanwhile
    if last[0] is report and units <= last[1]:
        return last[2]
    wanted = _WANTED = _WANTED | units
    found = tuple(_all_figures(report, wanted))
    _LAST = (report, wanted, found)
    return found


def _zeros(text: str) -> list[Quantity]:
    """The bare 零 (or 0) of ``text`` that state a count (:data:`_ZERO`) as quantities of 0 (件 unless a
    unit follows): the number reader leaves 零 without a unit alone, reads 零件 as machine parts, and
    reads a bare 0 as a number of nothing."""
    if ("零" not in text and "0" not in text and "０" not in text) or _ZERO_CORE.search(text) is None:
        return []
    found = []
    for m in _ZERO.finditer(text):
        g = "z1" if m.group("z1") else "z0" if m.group("z0") else "z2"
        s = m.start(g)
        e = m.end("unit") if g == "z2" else m.end(g)
        found.append(Quantity(raw=text[s:e], start=s, end=e, value=0.0, number_text=text[s:e][0], multiplier=1,
                              unit=m.group("unit") or "件", approx=False, low=None, high=None, is_percent=False))
    return found


def _all_figures(report: Report, units: frozenset) -> Iterator[Figure]:
    year = report.year
    for part, p in prose(report, title=False):
        text = p.text
        qs = quantities(text)
        zeros = _zeros(text)
        if zeros:
            # (a bare 0 the reader took as a number of nothing gives way to the count it states)
            qs = tuple(q for q in qs if not (q.unit is None and q.value == 0 and any(z.start == q.start for z in zeros)))
            zeros = [z for z in zeros if not any(q.start < z.end and z.start < q.end for q in qs)]
            qs = tuple(sorted(qs + tuple(zeros), key=lambda q: q.start))
        if not qs:
            continue
        titles = quoted_ranges(text) + slogan_ranges(text)
        other_period: dict[tuple[int, int], int] = {}  # per clause / sentence: many figures share one
        other_year: dict[tuple[int, int], tuple[list[int], list[int]]] = {}  # (other years, the report year)
        # (most paragraphs speak of no region's agencies)
        wider = _WIDER.search(text) is not None or ("其中" in text and _BARE_REGION.search(text) is not None)
        for i, q in enumerate(qs):
            if q.unit not in units or q.approx or q.low is not None or q.is_percent or inside(titles, q.start):
                continue
            cs, ce = clause_start(text, q.start), clause_end(text, q.end)
            clause = text[cs:ce]
            if (cs, ce) not in other_period:
                m = _OTHER_PERIOD.search(clause)
                other_period[(cs, ce)] = cs + m.start() if m else ce
            # a comparison before the figure makes it another period's (较上年增加2件); one after it
            # speaks of this year's figure (收到申请29件（同比增长20.8%）)
            if other_period[(cs, ce)] < q.start:
                continue
            if ("月" in clause or "季" in clause or "半年" in clause) and _part_of_year(text, cs, q.start):
                continue
            ss, se = sentence_bounds(text, q.start)
            if year is not None and (ss, se) not in other_year:
                others, own = [], []
                for m in find_years(text, ss, se):
                    if not inside(titles, m.start()):
                        (others if _other_year(text, m, year) else own if year_value(m.group("y")) == year
                         else []).append(m.start())
                other_year[(ss, se)] = (others, own)
            # another year before the figure, or in its clause, makes it that year's; one in a later
            # clause is a comparison (收到申请126件，较2020年的97件上升23.7%) — and so is one in an earlier
            # clause when the figure's own clause names the report year before it and no other
            # (与2021年的10件相比，2022年共收到申请12件; 2021年收到10件，2022年收到12件)
            if year is not None and any(at < ce for at in other_year[(ss, se)][0]) and not _own_year(
                    *other_year[(ss, se)], cs, q.start, ce):
                continue
            # the figure a change starts from (由10件增至12件, 从10件下降到8件): an earlier state
            if q.end < len(text) and text[q.end] in _CHANGE_START and _CHANGED_TO.match(text, q.end):
                continue
            if wider and _wider(text, ss, se, q.start, q.end):
                continue
            prev_end = qs[i - 1].end if i > 0 else 0
            next_start = qs[i + 1].start if i + 1 < len(qs) else len(text)
            # (without the blanks a typed or extracted text puts between words and a number: 规范性文件 30 件)
            pre = text[max(cs, prev_end):q.start].rstrip(_BLANKS)
            if not pre.strip(_BLANKS) and cs > max(prev_end, 0) and text[cs - 1] in "：:":
                # “行政复议：3件”: the label before the colon names the figure
                pre = text[max(clause_start(text, cs - 1), prev_end):cs - 1].rstrip(_BLANKS)
            post = text[q.end:min(ce, next_start)].lstrip(_BLANKS)
            cut = _POST_END.search(post)
            if cut is not None:
                post = post[:cut.start()]
            yield Figure(p, part, q, pre, post, clause, text[ss:se])


def _own_year(others: list[int], own: list[int], cs: int, pos: int, ce: int) -> bool:
    """Does the clause ``cs``–``ce`` name the report year before the figure at ``pos`` (at one of
    ``own``) and no other year (at one of ``others``)?"""
    return any(cs <= at < pos for at in own) and not any(cs <= at < ce for at in others)


def _part_of_year(text: str, start: int, pos: int) -> bool:
    """Does ``text[start:pos]`` (the clause before a figure) name a part of the year (a quarter, a
    half, a month, a day) rather than the whole of it or its end?"""
    months = []
    for m in _PART_OF_YEAR.finditer(text, start, pos):
        if m.group("m") is None:
            return True  # 季度, 上半年, 下半年
        months.append((cn_int(m.group("m")), m.group("until") is not None))
    # the year's end (截至12月31日, 至12月) and its whole (1月1日至12月31日, 1-12月) are the year
    end = any(v == 12 and until for v, until in months)
    return any(not (end and v == 1) and not (v == 12 and until) for v, until in months)


def _wider(text: str, ss: int, se: int, pos: int, end: int) -> bool:
    """Is the figure at ``pos``–``end`` (in the sentence ``ss``–``se``) a whole region's? So when the
    sentence before it speaks of a region's agencies (without naming this agency after that), or names
    a region bare (全区共受理…) and goes on to give this agency's part of the figure (…，其中本局…)."""
    last = None
    for last in _WIDER.finditer(text, ss, pos):
        pass
    if last is not None and _OWN.search(text, last.end(), pos) is None:
        return True
    bare = None
    for bare in _BARE_REGION.finditer(text, ss, pos):
        pass
    return bare is not None and _OWN.search(text, bare.end(), pos) is None and _OWN_PART.search(text, end, se) is not None


def _other_year(text: str, m, year: int) -> bool:
    """Does the year ``m`` name another period than the report year ``year``?"""
    y = year_value(m.group("y"))
    if y is None or y == year:
        return False
    if y == year + 1 and _INTO_NEXT.search(text, max(0, m.start() - 5), m.start()):
        return False
    if y == year - 1 and _FROM_LAST.match(text, m.end()):
        return False
    return True


def this_year(report: Report, text: str, ss: int, se: int, at: int) -> bool:
    """Is the statement at ``at`` (in the sentence ``ss``–``se`` of ``text``) about the report year —
    not about another period nor compared with one (before it), not naming another year, not inside a
    title?"""
    if inside(quoted_ranges(text), at) or _OTHER_PERIOD.search(text, ss, at):
        return False
    year = report.year
    return year is None or not any(_other_year(text, y, year) for y in find_years(text, ss, se))


def none_said(ctx, p: Paragraph, s: int, e: int, exp: "Expect", zh: str, en: str, table: str, row: str, col: str,
              unit: str = ""):
    """The finding on a statement that there is none (``p.text[s:e]``: 未收到申请, 无结转, 未制发…)
    while the table counts some (``exp``): zh “正文…说没有{zh}”, en “the text at … says {en}”."""
    said = p.text[s:e]
    span = span_of(ctx, p, s, e)
    (here_zh, here_en), (at_zh, at_en) = place(ctx, span), exp.place(ctx)
    return ctx.rule.diag(
        span, f"正文{here_zh}说没有{zh}（“{said}”），但{exp.zh}（{at_zh}）为{fmt(exp.value)}{unit}",
        f"the text at {here_en} says {en} (“{said}”), but {exp.en} ({at_en}) is {fmt(exp.value)}{unit}",
        table=table, row=row, col=col, expected=exp.value, actual=0)


def _merged_cols(spec, table, cols: Sequence[str], col_name):
    """``cols`` of a table with groups written as one column (``table.merged_columns``): each group
    whose every leaf is in ``cols`` stands for them (its own label names it); () if ``cols`` names
    only some leaves of such a group (their figure is not in the table)."""
    for g in table.merged_columns:
        leaves = spec.leaf_columns(g)
        if not any(c in leaves for c in cols):
            continue
        if not all(c in cols for c in leaves):
            return (), col_name
        col_name = None
    return tuple(by_groups(cols, merged_leaves(spec, table))), col_name


def cell_expect(ctx, report: Report, table_id: str, rows: Sequence[str], cols: Sequence[str],
                col_name: Optional[tuple[str, str]] = None) -> Optional[Expect]:
    """The sum of the cells ``rows`` × ``cols`` (group rows expand to their data rows) as an Expect,
    or None if a cell is missing or not a number."""
    table = report.table(table_id)
    if table is None or ctx.edition is None:
        return None
    spec = ctx.edition.table(table_id)
    if spec is None:
        return None
    if table.merged_columns:
        cols, col_name = _merged_cols(spec, table, cols, col_name)
        if not cols:
            return None
    total = 0.0
    cells: list[Cell] = []
    for rid in rows:
        if spec.row(rid) is None:
            return None
        for leaf in spec.leaf_rows([rid]) or [rid]:
            for col in cols:
                c = table.cell(leaf, col)
                if c is None or c.kind != "number" or c.value is None:
                    return None
                total += float(c.value)
                cells.append(c)
    if not cells:
        return None
    rl = [row_label(ctx, table_id, r) for r in rows]
    if table_id == "四":
        rl = []
    block = spec.block_of_row(rows[0]).id if rows and spec.row(rows[0]) is not None else None
    cl = [column_label(ctx, table_id, c, block) for c in cols]
    rzh = "与".join(f"“{x}”" for x in rl)
    czh = "与".join(f"“{x}”" for x in cl) if col_name is None else col_name[0]
    zh = f"表{table_id}" + (f"{rzh}行" if rl else "") + f"{czh}列" + ("之和" if len(cells) > 1 else "")
    ren = " + ".join(f"“{x}”" for x in rl)
    cen = " + ".join(f"“{x}”" for x in cl) if col_name is None else col_name[1]
    cen = f"column {cen}" if col_name is None else cen
    en = f"table {table_id}" + (f", row {ren}" if rl else "") + f", {cen}" + (" (sum)" if len(cells) > 1 else "")
    return Expect(total, zh, en, tuple(cells), table_id)


def report_mismatch(ctx, fig: Figure, topic_zh: str, topic_en: str, expects: Sequence[Expect]):
    """The diagnostic for a figure that matches none of ``expects`` (the first is the main reading)."""
    q = fig.q
    main = expects[0]
    others = expects[1:]
    at_zh, at_en = main.place(ctx)
    where_zh = f"{main.zh}（{at_zh}）的{fmt(main.value)}"
    where_en = f"{main.en} ({at_en}) has {fmt(main.value)}"
    alt_zh = alt_en = ""
    for e in others:
        e_zh, e_en = e.place(ctx)
        alt_zh += f"；也不等于{e.zh}（{e_zh}）{fmt(e.value)}"
        alt_en += f", and {e.en} ({e_en}) has {fmt(e.value)}"
    if any(c.recovered for e in expects for c in e.cells):
        alt_zh += "（表中数字连写，按表内勾稽关系唯一拆分得出）"
        alt_en += " (the table's digits run together; they were split the only way the table's identities allow)"
    quote = (fig.pre.strip(" \u3000，,、：:") + q.raw + fig.post.rstrip())[-40:].lstrip("，,、")
    span = span_of(ctx, fig.paragraph, q.start, q.end)
    here_zh, here_en = place(ctx, span)
    return ctx.rule.diag(
        span,
        f"正文{here_zh}{topic_zh}为{fmt(q.value)}（“{quote}”），与{where_zh}不一致{alt_zh}",
        f"the text at {here_en} gives {topic_en} as {fmt(q.value)} (“{quote}”), but {where_en}{alt_en}",
        table=main.table or None, row=main.cells[0].row, col=main.cells[0].column,
        expected=main.value, actual=q.value)


def matches(value: float, expects: Sequence[Optional[Expect]]) -> tuple[bool, list[Expect]]:
    """(whether ``value`` equals one of the readings, the readings that could be computed)."""
    real = [e for e in expects if e is not None]
    return any(abs(e.value - value) < 1e-9 for e in real), real


# ------------------------------------------------------------------ the topic of disclosure applications

#: words of disclosure applications (not only of 信息公开: 政府信息公开专栏)
APPLICATIONS = lazy_compile(r"信息公开申请|依申请公开|公开申请|申请公开")
#: words of other matters counted in 件 beside them: permits, proposals, complaints, hotlines, cases …
#: (and the letters that answer applications, 答复书 / 告知书: one application may get several)
NOT_APP = lazy_compile(r"行政许可|审批|许可|建议|提案|信访|举报|投诉|咨询|热线|留言|来信|来电|复议|诉讼|办件|政务服务|事项|撤回|"
                       r"意见|培训|会议|检查|通报|信息\d|条信息|答复书|答复函|答复文书|告知书")
#: a paragraph or sentence that opens another matter: the 公开属性 of documents, or a heading (（三）…, 三是…)
_ANOTHER_MATTER = lazy_compile(r"主动公开|(?:^|[。；;])\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+是)")
#: things handled (办结) that are no disclosure application, beside those NOT_APP names
_OTHER_HANDLED = lazy_compile(r"诉求|工单|案件|问题|件次|批次")


def applications_before(report: Report) -> dict[int, str]:
    """id(paragraph) -> the text of the paragraph before it in its part — or, through paragraphs that
    say nothing of another matter (“办结率为96%，平均答复时限4个工作日。”), of the last one about
    disclosure applications: the text a paragraph may go on from."""
    earlier: dict[int, str] = {}
    last: dict = {}
    for part, p in prose(report, title=False):
        before = last.get(part, "")
        earlier[id(p)] = before
        # (every wording APPLICATIONS finds holds 申请: a plain search passes over most paragraphs)
        if (("申请" in p.text and APPLICATIONS.search(p.text)) or NOT_APP.search(p.text)
                or _ANOTHER_MATTER.search(p.text) or not ("申请" in before and APPLICATIONS.search(before))):
            last[part] = p.text
    return earlier


def goes_on_about_applications(text: str, ss: int, se: int, earlier: str) -> bool:
    """Does the sentence ``text[ss:se]``, which does not name disclosure applications, go on speaking of
    them: its paragraph named them before it (or ``earlier``, the paragraph it goes on from, did) and
    nothing since speaks of another matter (“……收到政府信息公开申请6件。……截至年底，已办结18件”)?"""
    if NOT_APP.search(text, ss, se) or _OTHER_HANDLED.search(text, ss, se) or _ANOTHER_MATTER.search(text, ss, se):
        return False
    last = None
    for last in APPLICATIONS.finditer(text, 0, ss):
        pass
    since = text[last.end() if last is not None else 0:ss]
    if NOT_APP.search(since) or _OTHER_HANDLED.search(since) or _ANOTHER_MATTER.search(since):
        return False
    return last is not None or APPLICATIONS.search(earlier) is not None
