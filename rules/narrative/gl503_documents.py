from typing import Optional

from govlint import rule
from govlint.relazy import lazy_compile

from .._common import MONEY_UNITS, money_unit, place
from .._prose import CLAUSE_END, SENTENCE_END, clause_start, fmt, prose, quantities, sentence_bounds, span_of
from ._figures import cell_expect, figures, matches, none_said, report_mismatch, this_year

# the number must be attached to the document word: “规范性文件88件”, “规范性文件共88件”, “88件规范性文件”,
# “制发规范性文件数量为0”
_DOC_BEFORE = lazy_compile(r"(规范性文件|规章)(?:的)?(?:总数|总量|数量|件数|数)?(?:共计|合计|共|计|为|达|有)?$")
_DOC_AFTER = lazy_compile(r"^(?:行政)?(规范性文件|规章)")
_IN_FORCE = lazy_compile(r"现行有效|有效")
_REPEALED = lazy_compile(r"废止|失效|废除")
_ISSUED = lazy_compile(r"制发|制定|出台|印发|新制|制作|起草|新发布|发布")
#: the 2019 format's other two columns of 第二十条第（一）项: 本年新公开数量 and 对外公开总数量
_PUBLISHED = lazy_compile(r"新公开")
_TOTAL_PUBLISHED = lazy_compile(r"公开(?:的)?(?:规范性文件|规章)?(?:总数|总量)|公开总")
_DECISIONS = (
    (lazy_compile(r"行政许可"), "licensing", "行政许可决定数", "行政许可 decisions"),
    (lazy_compile(r"行政处罚"), "penalty", "行政处罚决定数", "行政处罚 decisions"),
    (lazy_compile(r"行政强制"), "enforcement", "行政强制决定数", "行政强制 decisions"),
)
_FEE = lazy_compile(r"行政事业性收费")
#: the 2019 format's 第二十条第（八）项 counts the 行政事业性收费 items (上一年项目数量 + 本年增/减): “行政事业性
#: 收费项目5项”, “保留行政事业性收费项目共5个” (not 收费标准, 收费目录清单 …, whose words end elsewhere)
_FEE_ITEMS = lazy_compile(r"行政事业性收费(?:的)?项目(?:总数|数量|数)?(?:共计|合计|共|计|为|达|有)?$")
#: … and its 第二十条第（九）项 the 政府集中采购: “政府集中采购项目12个”, “集中采购项目数量为12个”, and, in a
#: sentence that speaks of 集中采购 before it, “采购总金额356.8万元”, “（项目12个，）金额356.8万元”
_PROC_ITEMS = lazy_compile(r"集中采购(?:的)?(?:项目)?(?:总数|数量|数)?(?:共计|合计|共|计|为|达|有)?$")
_PROC_AMOUNT = lazy_compile(r"(?:^|采购|项目|[^\u4e00-\u9fff])(?:总金额|总额|金额)(?:共计|合计|共|计|为|达|是)?$")
#: an amount that is not the total bought: a budget, the savings, one project's, a contract's
_PROC_NOT_TOTAL = lazy_compile(r"预算|节约|节省|节支|资金|单个|单项|最高|最大|合同|中标|成交")
#: a figure whose own words only say which count it is (“制发规范性文件5件，废止2件，现行有效36件”):
#: it counts the documents of the figure just before it in the sentence
_BARE = lazy_compile(r"^[\s、，,；;和及并同时另外已仍尚]*(?:本年度?|全年|年内|今年|截[至止](?:年底|年末|目前|本年底|\d{1,2}月\d{1,2}日)?|目前|"
                     r"共计|合计|共|计)*(?:制发|制定|出台|印发|新制作|新制|制作|新公开|废止|废除|宣布失效|失效|现行有效|有效)(?:了|的)?"
                     r"(?:共计|合计|共|计|为|达|有)?\s*$")


#: count -> (the column of table 二 per edition (None: the edition has no such column), zh, en)
_COUNTS = {
    "in_force": ({"2021": "in_force"}, "现行有效的{}件数", "the {} in force"),
    "repealed": ({"2021": "repealed"}, "废止的{}件数", "the {} repealed"),
    "total_published": ({"2019": "total_published"}, "对外公开的{}总数", "the {} published in all"),
    "issued": ({"2021": "issued", "2019": "made"}, "本年制发的{}件数", "the {} issued this year"),
    "published": ({"2019": "published"}, "本年新公开的{}件数", "the {} newly published this year"),
}


def _count(head: str) -> Optional[str]:
    """Which count of 第二十条第（一）项 the words around a document figure name (None: none)."""
    if _IN_FORCE.search(head):
        return "in_force"
    if _REPEALED.search(head):
        return "repealed"
    if _TOTAL_PUBLISHED.search(head):
        return "total_published"
    if _ISSUED.search(head):
        return "issued"
    if _PUBLISHED.search(head):
        return "published"
    return None


@rule("GL503", "narrative.documents", "warning",
      summary_en="a narrative figure about 规章, normative documents, decisions, fees or procurement differs from table 二")
def documents(report, ctx):
    """正文中关于规章、规范性文件、处理决定、收费和政府集中采购的数字应与表二一致。

    What: a figure attached to 规范性文件 or 规章 with a word saying which count it is — 制发/制定/
    出台/印发/制作 (本年制发件数), 废止 (本年废止件数), 现行有效 (现行有效件数) — equals table 二's cell;
    in a table 二 of the 2019 format the words name its columns instead: 制发/新制作 … (本年新制作数量),
    新公开 (本年新公开数量), 公开总数 (“对外公开规范性文件总数48件”: 对外公开总数量), and 废止 or 现行有效,
    which that table does not count, are not compared;
    a figure whose own words are only such a word (“废止二件”, “现行有效三十六件”, “新公开5件”) counts the
    documents of the document figure just before it in the sentence. So do figures of 行政许可 /
    行政处罚 / 行政强制 decisions when the text says 决定, and an amount of 行政事业性收费 (compared in
    万元, to the precision written). Figures without such a word
    (公开规范性文件N件) are not compared: they may count something else. A count written as a bare 0
    (本年度制发规范性文件数量为0) is 0. A statement that none was issued this year (本年度未制发行政规范性
    文件, 未出台规章, 没有制发规章和规范性文件) is reported when the table's 本年制发件数 (2019: 本年新制作
    数量) is not 0 — not a narrower one (未以局名义制发…, 未制发违规的规范性文件) nor one about something
    else (未制发规范性文件的部门, 规章制度, 未经审核的规范性文件); so is one that no fee was collected (未收取
    行政事业性收费, 不涉及行政事业性收费, 行政事业性收费金额为0; in part 二 also 无收费项目) when its
    本年收费金额 is not 0 — the 信息处理费 of applications (未收取信息处理费) is another fee and is not
    compared.
    In a table 二 of the 2019 format, also the 政府集中采购 of 第二十条第（九）项: its projects (“政府集中
    采购项目12个”: 采购项目数量) and its amount (“采购总金额356.8万元”, “金额…” in a sentence about the
    集中采购, not a budget, the savings or one contract: 采购总金额) — the format names no unit for the
    amount, so it is read in the unit written in the cell or its label (采购总金额（万元）), and, when
    neither writes one, reported only when the text's amount is neither the cell in 元 nor in 万元; a
    difference below half a unit of the last digit the text or the cell writes is rounding — and the
    行政事业性收费 items of 第二十条第（八）项 (“行政事业性收费项目5项”: 上一年项目数量 + 本年增/减).
    Why: the narrative and table 二 count the same documents and decisions; when they differ one of
    them is wrong.
    Fails: “本年度制发行政规范性文件5件” while table 二 行政规范性文件 本年制发件数 is 0.
    “制发行政规范性文件5件，废止2件，现行有效36件” is read as three counts of 行政规范性文件.
    Passes: “集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件” with
    现行有效件数 698 and 本年制发件数 88.
    2019 format: “本年度新制作规范性文件5件，新公开6件” while 本年新公开数量 is 5; “全年政府集中采购项目
    135个，采购总金额85.39万元” while 采购总金额 is 753944.32 (neither 元 nor 万元 gives 85.39万元).
    Basis: format-spec §4.1, §5.1, §7.5 (text against tables); defects C11.
    """
    table = report.table("二")
    if table is None:
        return
    edition = report.edition or "2021"
    doc_row = "normative_documents"
    last = None  # (figure, the document word) of the last figure about documents
    for fig in figures(report, frozenset({"件", "个", "部", "份", "项", "次", "元"})):
        q = fig.q
        before, last = last, None
        if q.unit == "元":
            if _FEE.search(fig.pre):
                yield from _fee(ctx, report, fig)
            elif "金额" in fig.pre or "总额" in fig.pre:
                yield from _procurement_amount(ctx, report, fig)
            continue
        if q.unit in ("个", "项", "件") and ("集中采购" in fig.pre or "收费" in fig.pre):
            topic = _items_2019(fig)
            if topic is not None:
                row, cols, zh, en = topic
                exp = cell_expect(ctx, report, "二", [row], cols)
                ok, real = matches(q.value, [exp])
                if not ok and real:
                    yield report_mismatch(ctx, fig, zh, en, real)
                continue
        m = _DOC_BEFORE.search(fig.pre) or _DOC_AFTER.search(fig.post)
        word = m.group(1) if m is not None else None
        if word is None and before is not None and _follows(fig, before[0]) and _BARE.search(fig.pre + fig.post):
            word = before[1]
        if word is not None and q.unit in ("件", "个", "部", "份", "项"):
            last = (fig, word)
            row = "regulations" if word == "规章" else doc_row
            key = _count(fig.pre + fig.post)
            if key is None:
                continue
            by_edition, zh, en = _COUNTS[key]
            col = by_edition.get(edition)
            if col is None:
                continue
            if edition == "2019" and key == "issued":
                zh, en = "本年新制作的{}件数", "the {} made this year"
            exp = cell_expect(ctx, report, "二", [row], (col,))
            ok, real = matches(q.value, [exp])
            if not ok and real:
                yield report_mismatch(ctx, fig, zh.format(word), en.format(word), real)
            continue
        if "决定" in fig.pre + fig.post:
            for pat, row, zh, en in _DECISIONS:
                if pat.search(fig.pre):
                    exp = cell_expect(ctx, report, "二", [row], ("decisions",))
                    ok, real = matches(q.value, [exp])
                    if not ok and real:
                        yield report_mismatch(ctx, fig, zh, en, real)
                    break
    yield from _none_issued(report, ctx, edition)
    yield from _no_fees(report, ctx)


#: “本年度未制发行政规范性文件”, “没有制发规章和规范性文件”, “无新制发的规范性文件”, “未制定、未发布规章和
#: 规范性文件”: no document of the kind issued this year — the documents named end the statement (not
#: 未经审核的规范性文件, 未发现违规制发…, 未制发的规范性文件草案, 未制发规范性文件的部门, 规章制度, nor a
#: narrower statement: 未以局名义制发…, 未制发违规的规范性文件)
_VERB = r"(?:新)?(?:制发|制定|出台|印发|发布|新增|制作)(?:了|过)?"
_DOC = r"(?:行政)?(?:规范性文件|规章)"
_NO_DOCS = lazy_compile(rf"(?:未|没有|无){_VERB}(?:[、和及或]未?{_VERB})*(?:任何|新的?|的)?"
                        rf"(?P<what>{_DOC}(?:(?:[、和及与]|以及){_DOC})?)(?=$|[，,。；;！!？?）)\s]|也|亦)")
#: “本年度未收取行政事业性收费”, “本局不涉及行政事业性收费”, “行政事业性收费金额为0”; in part 二, “无收费项目”
#: (not the 信息处理费 of applications, which table 二 does not count)
_NO_FEE = lazy_compile(r"(?:未|没有|无|不涉及|不存在)(?:收取|征收|收缴|产生|发生|涉及)?(?:过)?(?:任何)?(?P<named>行政事业性)收费"
                       r"|(?P<named2>行政事业性)?收费(?:金额|总额|总金额|额)?(?:均|都)?(?:为|是)[ \u00a0\u3000]?[0０](?:\.0+)?"
                       r"(?=$|[，,。；;！!？?）)\s])"
                       r"|(?<![需必])无(?:任何)?收费(?:项目|事项)")
#: words after a “none” that make it about something else (无行政事业性收费违规问题, 未收取行政事业性收费以外的费用)
_NOT_NONE = lazy_compile(r"违规|违法|乱收|问题|投诉|举报|以外|之外|减免|免征|标准|目录|清单|公示")


def _none_issued(report, ctx, edition):
    """“本年度未制发行政规范性文件” / “未出台规章” while table 二 counts some issued this year."""
    col = _COUNTS["issued"][0].get(edition)
    if col is None:
        return
    zh_count = "本年新制作的" if edition == "2019" else "本年制发的"
    said = set()
    for _, p in prose(report, title=False):
        text = p.text
        if "规范性文件" not in text and "规章" not in text:
            continue
        for m in _NO_DOCS.finditer(text):
            ss, se = sentence_bounds(text, m.start())
            if not this_year(report, text, ss, se, m.start()):
                continue
            for word, row in (("规章", "regulations"), ("规范性文件", "normative_documents")):
                if word not in m.group("what") or row in said:
                    continue
                exp = cell_expect(ctx, report, "二", [row], (col,))
                if exp is None or exp.value == 0:
                    continue
                said.add(row)
                name = "行政规范性文件" if row == "normative_documents" and edition != "2019" else word
                yield none_said(ctx, p, m.start(), m.end(), exp, f"{zh_count}{name}",
                                f"no {name} was issued this year", "二", row, col)


def _no_fees(report, ctx):
    """“本年度未收取行政事业性收费” / “行政事业性收费为0” while table 二's 本年收费金额 is not 0."""
    exp = None
    for part, p in prose(report, title=False):
        text = p.text
        if "收费" not in text:
            continue
        for m in _NO_FEE.finditer(text):
            ss, se = sentence_bounds(text, m.start())
            sentence = text[ss:se]
            if not (m.group("named") or m.group("named2")) and (
                    part != 2 or "处理费" in sentence or "申请" in sentence):
                continue  # a bare 收费 is table 二's only in part 二, and not beside the 信息处理费
            rest = m.end()
            while rest < len(text) and text[rest] not in CLAUSE_END:
                rest += 1
            if _NOT_NONE.search(text, m.end(), rest) or not this_year(report, text, ss, se, m.start()):
                continue
            if exp is None:
                exp = cell_expect(ctx, report, "二", ["fees"], ("fee_amount",))
                if exp is None or exp.value == 0:
                    return
            yield none_said(ctx, p, m.start(), m.end(), exp, "行政事业性收费", "no 行政事业性收费 was collected",
                            "二", "fees", "fee_amount", "万元")
            return


def _items_2019(fig):
    """(row, columns, zh, en) of the 2019 table 二 a count of items is compared with (None: none):
    the 行政事业性收费 items this year (上一年项目数量 + 本年增/减), the 政府集中采购 projects
    (采购项目数量). A 2021-format table 二 has neither column: the comparison finds no cell."""
    if _FEE_ITEMS.search(fig.pre):
        return "fees", ("previous", "change"), "本年的行政事业性收费项目数", "the 行政事业性收费 items this year"
    if _PROC_ITEMS.search(fig.pre):
        return "procurement", ("projects",), "政府集中采购项目数", "the 政府集中采购 projects"
    return None


def _procurement_amount(ctx, report, fig):
    """“全年政府集中采购项目12个，采购总金额356.8万元” against the 2019 table 二's 采购总金额. The format
    names no unit for the column (format-spec §5.1): the unit written in the cell or its label is the
    table's; when neither says, the cell is compared as 元 and as 万元 and the text is reported only
    when it equals neither. The text and the cell may each round: a difference below half a unit of
    the last digit either writes is not one."""
    q = fig.q
    if not _PROC_AMOUNT.search(fig.pre) or _PROC_NOT_TOTAL.search(fig.pre):
        return
    text = fig.paragraph.text
    ss, _ = sentence_bounds(text, q.start)
    if text.find("集中采购", ss, q.start) < 0 or _PROC_NOT_TOTAL.search(text, clause_start(text, q.start), q.start):
        return  # not said of the 政府集中采购 (政府采购 …), or not its total (采购预算金额, 节约资金 …)
    table = report.table("二")
    exp = cell_expect(ctx, report, "二", ["procurement"], ("amount",))
    if table is None or exp is None:
        return
    cell = exp.cells[0]
    unit = money_unit(table, cell)
    readings = [unit] if unit is not None else ["元", "万元"]
    places = len(q.number_text.split(".")[1]) if "." in q.number_text else 0
    text_half = 0.5 * (10 ** -places) * (q.multiplier or 1)
    written = cell.text.strip().rstrip("元万千亿").strip()
    cell_places = len(written.split(".")[1]) if "." in written else 0
    for u in readings:
        mult = MONEY_UNITS[u]
        if abs(q.value - exp.value * mult) <= max(text_half, 0.5 * (10 ** -cell_places) * mult) + 1e-6:
            return
    span = span_of(ctx, fig.paragraph, q.start, q.end)
    (here_zh, here_en), (at_zh, at_en) = place(ctx, span), exp.place(ctx)
    if unit is not None:
        table_zh = table_en = f"{fmt(exp.value)}{unit}"
        conv = q.value / MONEY_UNITS[unit]
        same = q.raw.replace(" ", "").endswith(f"{fmt(conv)}{unit}")
        conv_zh, conv_en = ("", "") if same else (f"（即{fmt(conv)}{unit}）", f" ({fmt(conv)}{unit})")
        tail_zh = tail_en = ""
    else:
        table_zh = table_en = fmt(exp.value)
        conv_zh = conv_en = ""
        tail_zh = "（表中未写单位，按元或按万元读都不相符）"
        tail_en = " (no unit written there; it differs read as 元 and as 万元)"
    yield ctx.rule.diag(
        span,
        f"正文{here_zh}政府集中采购总金额为“{q.raw}”{conv_zh}，与{exp.zh}（{at_zh}）的{table_zh}不一致{tail_zh}",
        f"the text at {here_en} gives the 政府集中采购 total as “{q.raw}”{conv_en}, but {exp.en} ({at_en}) "
        f"is {table_en}{tail_en}", table="二", row="procurement", col="amount", expected=exp.value,
        actual=q.value / MONEY_UNITS[unit] if unit is not None else q.value)


def _follows(fig, prev) -> bool:
    """Is ``prev`` the quantity just before ``fig`` in the same sentence?"""
    if fig.paragraph is not prev.paragraph or prev.q.end > fig.q.start:
        return False
    text = fig.paragraph.text
    if any(ch in SENTENCE_END for ch in text[prev.q.end:fig.q.start]):
        return False
    return not any(prev.q.end <= x.start < fig.q.start for x in quantities(text))


def _fee(ctx, report, fig):
    exp = cell_expect(ctx, report, "二", ["fees"], ("fee_amount",))
    if exp is None:
        return
    q = fig.q
    written = q.number_text.split(".")
    places = len(written[1]) if len(written) > 1 else 0
    in_wan = q.value / 10_000
    # the text may round: accept a difference below half a unit of its last digit
    tolerance = 0.5 * (10 ** -places) * (q.multiplier or 1) / 10_000 + 1e-9
    if abs(in_wan - exp.value) <= max(tolerance, 0.005):
        return
    span = span_of(ctx, fig.paragraph, q.start, q.end)
    (here_zh, here_en), (at_zh, at_en) = place(ctx, span), exp.place(ctx)
    # the amount in the table's unit, when the text wrote another (“5000元” = 0.5万元)
    same = q.raw.replace(" ", "").endswith(f"{fmt(in_wan)}万元")
    conv, conv_en = ("", "") if same else (f"（即{fmt(in_wan)}万元）", f" ({fmt(in_wan)}万元)")
    yield ctx.rule.diag(
        span,
        f"正文{here_zh}行政事业性收费为“{q.raw}”{conv}，与{exp.zh}（{at_zh}）的"
        f"{fmt(exp.value)}万元不一致",
        f"the text at {here_en} gives 行政事业性收费 as “{q.raw}”{conv_en}, but {exp.en} "
        f"({at_en}) is {fmt(exp.value)}万元", table="二", row="fees", col="fee_amount",
        expected=exp.value, actual=in_wan)

