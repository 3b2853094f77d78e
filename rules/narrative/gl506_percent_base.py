from govlint import rule
from govlint.relazy import lazy_compile

from .._prose import PLAN_WORDS, clause_end, clause_start, fmt, prose, quantities, row_sum, sentence_bounds, span_of
from ._enum import enumerations
from ._figures import APPLICATIONS, NOT_APP, applications_before, cell_expect, goes_on_about_applications, this_year

_SHARE = lazy_compile(r"占比|占到|占|比例|比重")
#: a word marking a figure as a total (共75件, 总数, 全年); not the 共 and 总 inside other words (公共卫生,
#: 共同, 共享, 总书记, 总体, 总结, 总局)
_TOTAL_WORD = lazy_compile(r"(?<!公)共(?![同享建商治识青性产])|总(?![书体结局站队部理])|合计|全部|全年|累计")
_RATE = lazy_compile(r"(按时办结|按期办结|按时答复|按期答复|办结|答复|回复)率")
_RECEIVED = lazy_compile(r"收到|受理|接收|新收")
_APPROX = lazy_compile(r"约|近|余|多|左右|以上|超过|超|逾|上下|许")
#: the share is said with nothing naming its base (“占比88.5%”, not “占政策文件的27%”)
_BARE_SHARE = lazy_compile(r"(?:占比|占到|占|比例|比重)(?:为|达到|达|是)?[:：]?\s*$")
_ABOUT_APPLICATIONS = lazy_compile(r"申请")
#: what a share's own clause names before 占 (“自然人申请占90.2%”), reduced to the words a figure's label has
_SUBJECT_EDGES = lazy_compile(r"^(?:其中|另|而|且|及|和)+|(?:的|申请数量|申请数|申请|数量|件数|总数|分别)+$")
#: the shares before this one in a list (“分别占10%、87.5%、2.5%”)
_LISTED_SHARES = lazy_compile(r"(?:\d+(?:\.\d+)?\s?[%％]\s?[、，,和及与]\s?)+$")


#: the words around the base a share names (占办结总数的50%, 占全部申请的52.2%): what is left is its name
_BASE_EDGES = lazy_compile(r"^(?:全部|所有|全年|本年|总|已|所)+|(?:的|为|达到|达|是|[:：\s])+$")
_BASE_TAIL = lazy_compile(r"(?:总数|总量|总和|合计|件数|数量|数|量|比例|比重)+$")


def _named_base(label: str) -> str:
    """The base a share names after 占 (“占办结总数的50%” → 办结), or "" when it names none (占比, 占到, 占)."""
    at = label.rfind("占")
    if at < 0 or label[at + 1:at + 2] in ("比", "到"):
        return ""
    rest = _BASE_EDGES.sub("", label[at + 1:])
    return _BASE_EDGES.sub("", _BASE_TAIL.sub("", rest))


def _named_whole(text, counts, part, base, ss):
    """The last figure before ``part`` in its sentence labelled with the base a share names (both the
    first two and the last two characters of the name), or None."""
    for x in reversed(counts):
        if x.start >= part.start or x.unit != part.unit or x.start < ss:
            continue
        pre = text[clause_start(text, x.start, ss):x.start]
        if base[:2] in pre and base[-2:] in pre:
            return x
    return None


def _named_part(text, counts, label, here, ss):
    """The figure a share's clause names before 占 (“自然人申请794件，法人或其他组织申请86件，自然人申请
    占90.2%”: 794件, not the figure just before): the last figure of the sentence whose label holds that
    name; None when the clause names something that no figure of the sentence is labelled with;
    ``counts[-1]`` when the clause names nothing."""
    share = _SHARE.search(label)
    subject = _SUBJECT_EDGES.sub("", label[:share.start()].strip(" \u3000，,、；;：:")) if share else ""
    if len(subject) < 2:
        return counts[-1]
    named = [x for x in counts if x.start >= ss and x.end <= here and subject in _own_label(text, counts, x, ss)]
    return named[-1] if named else None


def _own_label(text, counts, x, floor):
    """The words labelling the figure ``x``: those of its clause after the figure before it
    (“当面申请56件、网络申请633件、信函申请62件”: 信函申请 for 62件, not the list's earlier labels)."""
    start = clause_start(text, x.start, floor)
    for y in counts:
        if start <= y.start and y.end <= x.start:
            start = y.end
    return text[start:x.start]


def _tolerance(q) -> float:
    t = q.number_text
    places = len(t.split(".", 1)[1]) if "." in t else 0
    return 10 ** -places + 1e-9


def _respective_part(text, qs, q, at, counts):
    """The part a percentage of “分别为x%、y%” (written at ``at``) stands for: the i-th percentage of
    the list is the i-th of as many figures just before 分别 (None when they cannot be paired)."""
    end = clause_end(text, at)
    listed = [x for x in qs if at < x.start < end and x.is_percent]
    before = [x for x in counts if x.end <= at]
    if q not in listed or len(before) < len(listed):
        return None
    parts = before[len(before) - len(listed):]
    if len({x.unit for x in parts}) != 1:
        return None
    return parts[listed.index(q)]


@rule("GL506", "narrative.percent-base", "warning", summary_en="a percentage does not match the figures it is stated against")
def percent_base(report, ctx):
    """百分比应与其所依据的数字相符（部分 ÷ 总数）。

    What: a share stated next to its figures — “共收到申请75件，其中自然人72件，占96%”; “收到申请
    75件，办结74件，办结率100%” — equals part ÷ whole to the precision written (one unit of the last
    digit is allowed for rounding or truncation). The part is the figure just before the percentage
    (after 分别 — “信函3件、网络20件，分别占13.04%、86.96%” — the i-th percentage is the i-th figure,
    and with no whole in the sentence each is checked as a bare share is, below;
    a clause naming its part — “自然人申请794件，法人或其他组织申请86件，自然人申请占90.2%” — takes the
    figure so labelled — the words since the figure before it: in “当面申请56件、网络申请633件、信函申请62件，
    网络申请占比84.29%” 网络申请 is 633件 — and is skipped when no figure of its sentence is);
    the whole is the figure of the same sentence labelled with the base the share names (“收到申请23件，
    办结24件，其中予以公开12件，占办结总数的50%” — 24; with none in the sentence, an earlier figure of the
    paragraph so labelled or, for applications, table 三's total for that base: （七）总计 or 本年新收 +
    上年结转 for 办结/答复 (“予以公开13件，占办结数的60%”), also 本年新收 for 办理, 本年新收 or 本年新收 +
    上年结转 for 受理/申请 — reported only when it is the share of none of them; a base table 三 does not
    count, 占本部门办结数的, is not checked), else the total its 其中 list belongs to, or a figure marked 共/总/全年 earlier in the same
    sentence (not by the 共 and 总 of other words: 公共卫生, 总书记); for 办结率/答复率 the whole is the figure received (收到/受理) and the part the figure
    办结/答复 (for a rate said of some of them, 按时办结率, the figure so named: 按时办结N件 — 办结N件 does not
    say how many were on time); a 办结率/答复率 of disclosure applications with no figure received in
    its sentence (“截至年底，已办结18件，办结率99.2%”, or in a paragraph of its own going on about them:
    “办结率为96%，平均答复时限6个工作日”) is checked against an earlier figure received in the paragraph
    and table 三's 本年新收 and 本年新收 + 上年结转, its part the figure handled given or （七）总计 (a
    stated 办结率100% with no figure handled is not: it is often of the applications due, those carried
    into next year are not; nor another year's rate, 2021年办结率为95%, nor one aimed at, 力争办结率达到98%). A bare share (“占比88.5%”) with no whole in its sentence — “其中新收申请23件。从申请主体
    看，自然人申请20件，占比88.5%” — is checked against every earlier figure of the same unit in the
    paragraph (and, for applications, table 三's 本年新收, 新收 + 上年结转 and （七）总计 — the
    applications handled — totals): it is reported
    only when it is the share of none of them. Percentages with no such figures are not checked.
    Why: a share that does not follow from the figures printed next to it shows that one of them is
    wrong (often a rate copied from last year's report).
    Fails: “收到申请75件，办结70件，办结率100%” (70 ÷ 75 = 93.3%).
    Passes: “收到申请75件，办结75件，办结率100%”; “共75件，其中自然人72件，占96%”.
    Basis: arithmetic; issue 4 (percentages stated against their base).
    """
    earlier = None
    for sec, p in prose(report, title=False):
        text = p.text
        qs = quantities(text)
        if not any(q.is_percent for q in qs):
            continue
        for q in qs:
            if not q.is_percent or q.low is not None or _APPROX.search(q.raw.replace("达", "")):
                continue
            ss, se = sentence_bounds(text, q.start)
            full = max(text.rfind("。", 0, q.start), text.rfind("\n", 0, q.start)) + 1
            ls = clause_start(text, q.start, max(0, q.start - 20))
            label = text[ls:q.start]
            # (“分别占10%、87.5%”: the shares listed before this one, and 分别, name neither its part nor its base)
            if label.find("%") >= 0 or label.find("％") >= 0:
                label = _LISTED_SHARES.sub("", label)
            rate = _RATE.search(label)
            lo = full if rate else ss
            counts = [x for x in qs if lo <= x.start and x.end <= q.start and not x.is_percent and x.unit and not x.approx
                      and x.low is None]
            part = whole = None
            if rate:
                # (按时办结率: the part is the figure 按时办结, not every one 办结 — 办结4948件 says nothing
                # of how many were on time)
                verb = rate.group(1)
                for x in counts:
                    pre = text[clause_start(text, x.start, lo):x.start]
                    if verb in pre and not _RECEIVED.search(pre):
                        part = x
                    elif _RECEIVED.search(pre) and whole is None:
                        whole = x
                if whole is None and verb in ("办结", "答复"):
                    # no figure received in its sentence: an earlier one of the paragraph, or table 三's
                    if earlier is None:
                        earlier = applications_before(report)
                    d = _rate_against_table(ctx, report, sec, p, qs, q, part, lo, earlier.get(id(p), ""))
                    if d is not None:
                        yield d
                    continue
            elif _SHARE.search(label) and counts:
                part = counts[-1]
                here = clause_start(text, q.start)
                named = False
                if part.end <= here:  # the share's clause has no figure of its own: it may name its part
                    part = _named_part(text, counts, label, here, ss)
                    if part is None:
                        continue
                    named = part is not counts[-1]
                respective = label.rfind("分别")
                if respective >= 0:
                    # “A件、B件，占比分别为x%、y%”: the percentages follow the parts in order
                    part = _respective_part(text, qs, q, ls + respective, counts)
                elif part.start < clause_start(text, max(here - 1, 0)) and not named:
                    # the part is in this clause or the one before (or named by the share's clause)
                    part = None
                for en in enumerations(text):
                    if any(x.q is part for x in en.parts):
                        whole = en.whole
                if whole is None and part is not None:
                    for x in counts:
                        if x is part or x.start >= part.start or x.unit != part.unit:
                            continue
                        pre = text[clause_start(text, x.start, ss):x.start]
                        if _TOTAL_WORD.search(pre):
                            whole = x
                base = _named_base(label) if part is not None else ""
                if len(base) >= 2:
                    # “占办结总数的50%”: the whole is the figure so named, not the total received
                    whole = _named_whole(text, counts, part, base, ss)
                    if whole is None:
                        # none in the sentence: an earlier figure so named, or table 三's total
                        d = _against_named(ctx, report, sec, p, qs, q, part, base)
                        if d is not None:
                            yield d
                        continue
                if whole is None and part is not None and _BARE_SHARE.search(label):
                    d = _against_earlier(ctx, report, p, qs, q, part, full)
                    if d is not None:
                        yield d
                    continue
            if part is None or whole is None or whole.value <= 0 or part.unit != whole.unit:
                continue
            actual = part.value / whole.value * 100
            if abs(actual - q.value) <= _tolerance(q):
                continue
            yield ctx.rule.diag(
                span_of(ctx, p, q.start, q.end),
                f"“{q.raw}”与所依据的数字不符：“{part.raw}”÷“{whole.raw}”＝{actual:.1f}%",
                f"“{q.raw}” does not follow from its figures: “{part.raw}” ÷ “{whole.raw}” = {actual:.1f}%",
                expected=round(actual, 2), actual=q.value)


#: the bases a share of applications names that table 三 counts (占办结数的60%, 占全部办理件数的, 占已办结申请
#:的, 占受理总数的, 占全部申请的) — not another's (占本部门办结数的, 占全省办结数的)
_HANDLED_BASE = lazy_compile(r"(?:办结|答复|回复|处理完毕|办理完毕|办理完结)(?:的)?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?")
_HANDLING_BASE = lazy_compile(r"(?:办理|处理)(?:的)?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?")
_RECEIVED_BASE = lazy_compile(r"(?:收到|受理|接收|新收)(?:的)?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?"
                              r"|(?:政府信息公开|依申请公开|信息公开)?申请")


#: the outcomes of table 三: a sentence naming one speaks of applications
_OUTCOMES = lazy_compile(r"予以公开|部分公开|不予公开|无法提供|不予处理")


def _against_named(ctx, report, sec, p, qs, q, part, base):
    """A share naming its base (占办结数的60%) with no figure so named in its sentence: the diagnostic
    when it is the share of no earlier figure of the paragraph so named nor, for applications (a 件
    figure in part 三, after 申请 or in a sentence naming an outcome of table 三 — 予以公开, 部分公开 …),
    of table 三's total for that base — （七）总计 (or 本年新收 + 上年
    结转) for 办结/答复, also 本年新收 for 办理, 本年新收 or 本年新收 + 上年结转 for 受理/申请; None when
    it is one, or when there is nothing to compare with."""
    text = p.text
    wholes = []  # (value, zh, en)
    for x in qs:
        if x.end > part.start or x.is_percent or x.approx or x.low is not None or x.unit != part.unit:
            continue
        pre = text[clause_start(text, x.start):x.start]
        if base[:2] in pre and base[-2:] in pre:
            wholes.append((x.value, f"“{x.raw}”", f"“{x.raw}”"))
    ss, _ = sentence_bounds(text, q.start)
    if part.unit == "件" and (sec == 3 or _ABOUT_APPLICATIONS.search(text, 0, q.start)
                              or _OUTCOMES.search(text, ss, q.start)):
        rows: list = []
        if _HANDLED_BASE.fullmatch(base):
            rows = [["total"], ["new", "carried_over"]]
        elif _HANDLING_BASE.fullmatch(base):
            rows = [["total"], ["new", "carried_over"], ["new"]]
        elif _RECEIVED_BASE.fullmatch(base):
            rows = [["new"], ["new", "carried_over"]]
        for group in rows:
            exp = cell_expect(ctx, report, "三", group, ("total",))
            if exp is not None:
                (at_zh, at_en) = exp.place(ctx)
                wholes.append((exp.value, f"{exp.zh}（{at_zh}）的{fmt(exp.value)}",
                               f"{fmt(exp.value)} ({exp.en}, {at_en})"))
    wholes = [w for w in wholes if w[0] >= part.value and w[0] > 0]
    return _unless_one_gives(
        ctx, p, q, part, wholes,
        lambda v, zh, actual: f"“{q.raw}”与所依据的数字不符：本句没有写出“{base}”的总数，按{zh}计算，"
                              f"“{part.raw}”÷{fmt(v)}＝{actual:.1f}%",
        lambda v, en, actual: f"“{q.raw}” does not follow from its figures: its sentence gives no figure of "
                              f"“{base}”; taking {en}, “{part.raw}” ÷ {fmt(v)} = {actual:.1f}%")


def _unless_one_gives(ctx, p, q, part, wholes, zh, en):
    """The diagnostic for the share ``q`` of ``part`` unless one of ``wholes`` (value, zh, en) gives
    it (within the rounding of ``q``): the closest whole is named, through ``zh``/``en`` (value,
    whole's words, the share it gives)."""
    if not wholes:
        return None
    tol = _tolerance(q)
    if any(abs(part.value / v * 100 - q.value) <= tol for v, _, _ in wholes):
        return None
    v, whole_zh, whole_en = min(wholes, key=lambda w: abs(part.value / w[0] * 100 - q.value))
    actual = part.value / v * 100
    return ctx.rule.diag(span_of(ctx, p, q.start, q.end), zh(v, whole_zh, actual), en(v, whole_en, actual),
                         expected=round(actual, 2), actual=q.value)


def _against_earlier(ctx, report, p, qs, q, part, full):
    """A bare share whose whole is not in its sentence: the diagnostic when it is the share of no
    earlier figure of the paragraph (of the part's unit, not smaller than the part; in the part's own
    sentence up to 。 only one marked 共/总/全年, the others there are the part's siblings — 自然人20件，
    …；法人3件) nor, for applications, of table 三's totals; None when it is, or when there is nothing
    to compare with."""
    text = p.text
    wholes = [(x.value, f"“{x.raw}”", f"“{x.raw}”") for x in qs
              if x.end <= part.start and not x.is_percent and not x.approx and x.low is None and x.unit == part.unit
              and x.value >= part.value and x.value > 0
              and (x.end <= full or _TOTAL_WORD.search(text, clause_start(text, x.start, full), x.start))]
    if part.unit == "件" and _ABOUT_APPLICATIONS.search(text, 0, q.start):
        new, _ = row_sum(ctx, report, "三", "new", "total")
        carried, _ = row_sum(ctx, report, "三", "carried_over", "total")
        handled, _ = row_sum(ctx, report, "三", "total", "total")
        if new is not None and new >= part.value and new > 0:
            wholes.append((new, f"表三“本年新收”总计{fmt(new)}", f"table 三 本年新收 total {fmt(new)}"))
            if carried:
                both = new + carried
                wholes.append((both, f"表三“本年新收”与“上年结转”总计之和{fmt(both)}",
                               f"table 三 本年新收 + 上年结转 total {fmt(both)}"))
        # shares of outcomes are often of the applications handled (予以公开463件、占53.2% of 办结871件)
        if handled is not None and handled >= part.value and handled > 0:
            wholes.append((handled, f"表三“（七）总计”{fmt(handled)}", f"table 三 （七）总计 {fmt(handled)}"))
    return _unless_one_gives(
        ctx, p, q, part, wholes,
        lambda v, zh, actual: f"“{q.raw}”与所依据的数字不符：“{part.raw}”÷{zh}＝{actual:.1f}%"
                              "（本句没有写出总数，前文的数字都不能得出这一比例）",
        lambda v, en, actual: f"“{q.raw}” does not follow from its figures: “{part.raw}” ÷ {en} = {actual:.1f}% "
                              "(its sentence gives no total, and no earlier figure gives this share)")


def _rate_against_table(ctx, report, sec, p, qs, q, part, lo, earlier):
    """A 办结率/答复率 with no figure received in its sentence (“截至年底，已办结18件，办结率100%”; “办结率为
    96%，平均答复时限6个工作日” in a paragraph of its own), said of disclosure applications — its sentence
    names them, or goes on about them (:func:`goes_on_about_applications`): the diagnostic when it is
    the share of the figure handled (the one its sentence gives, else table 三's （七）总计) in none of
    the figures received — an earlier one of the paragraph, table 三's 本年新收, 本年新收 + 上年结转."""
    text = p.text
    ss, se = lo, sentence_bounds(text, q.start)[1]
    # (another year's rate, one compared with it, or one aimed at: 2021年办结率为95%, 力争办结率达到98%)
    if not this_year(report, text, *sentence_bounds(text, q.start), q.start) or PLAN_WORDS.search(text, ss, q.start):
        return None
    if not (sec == 3 or APPLICATIONS.search(text, ss, se)
            or ("申请" not in text[ss:se] and goes_on_about_applications(text, ss, se, earlier))):
        return None
    if part is None:
        handled, _ = row_sum(ctx, report, "三", "total", "total")
        if handled is None:
            return None
        part_zh, part_en, part_value = f"表三“（七）总计”{fmt(handled)}", f"table 三 （七）总计 {fmt(handled)}", handled
    else:
        part_zh = part_en = f"“{part.raw}”"
        part_value = part.value
    wholes = []
    for x in qs:
        if x.end > lo or x.is_percent or x.approx or x.low is not None or x.unit != "件":
            continue
        if _RECEIVED.search(text[clause_start(text, x.start):x.start]) and not NOT_APP.search(text, *sentence_bounds(text, x.start)):
            wholes.append((x.value, f"“{x.raw}”", f"“{x.raw}”"))
    new, _ = row_sum(ctx, report, "三", "new", "total")
    carried, _ = row_sum(ctx, report, "三", "carried_over", "total")
    if new is not None:
        wholes.append((new, f"表三“本年新收”总计{fmt(new)}", f"table 三 本年新收 total {fmt(new)}"))
        if carried:
            wholes.append((new + carried, f"表三“本年新收”与“上年结转”总计之和{fmt(new + carried)}",
                           f"table 三 本年新收 + 上年结转 total {fmt(new + carried)}"))
    wholes = [w for w in wholes if w[0] > 0]
    if not wholes:
        return None
    if part is None and q.value == 100:
        return None  # (办结率100%: often of the applications due, those carried into next year are not)
    tol = _tolerance(q)
    if any(abs(part_value / v * 100 - q.value) <= tol for v, _, _ in wholes):
        return None
    v, whole_zh, whole_en = min(wholes, key=lambda w: abs(part_value / w[0] * 100 - q.value))
    actual = part_value / v * 100
    return ctx.rule.diag(
        span_of(ctx, p, q.start, q.end),
        f"“{q.raw}”与所依据的数字不符：本句没有写出收到的申请数，{part_zh}÷{whole_zh}＝{actual:.1f}%",
        f"“{q.raw}” does not follow from its figures: its sentence gives no figure received; "
        f"{part_en} ÷ {whole_en} = {actual:.1f}%", expected=round(actual, 2), actual=q.value)
