from govlint import rule
from govlint.relazy import lazy_compile

from .._common import place
from .._prose import CLAUSE_END, clause_start, fmt, prose, quantities, sentence_bounds, span_of
from ._figures import cell_expect, figures, matches, report_mismatch, this_year

_CONTEXT = lazy_compile(r"信息公开|依申请|公开申请|申请公开")
_KINDS = (
    (lazy_compile(r"复议后(?:提起)?(?:行政)?(?:诉讼|起诉)"), ("after_review.total",), "复议后起诉的案件数", "cases brought to court after review"),
    (lazy_compile(r"直接(?:提起)?(?:行政)?(?:诉讼|起诉)|未经复议"), ("direct.total",), "未经复议直接起诉的案件数",
     "cases brought to court directly"),
    (lazy_compile(r"行政诉讼|起诉|诉讼|被诉"), ("direct.total", "after_review.total"), "行政诉讼案件数", "lawsuits"),
    (lazy_compile(r"行政复议|复议"), ("review.total",), "行政复议案件数", "administrative reconsiderations"),
)
_OUTCOME_TERMS = r"纠正|纠错|维持|败诉|胜诉|撤销|审结|结案|尚未|确认违法|驳回"
_OUTCOME_WORDS = lazy_compile(_OUTCOME_TERMS)
#: (各/均/分别: a shared figure, one for several kinds; 决定: the decisions taken, 收到行政复议决定书N份)
_OUTCOME = lazy_compile(_OUTCOME_TERMS + r"|各|均|分别|决定")
_NEG = lazy_compile(r"(?:未|没有|无)(?:发生|出现|收到|产生|有|涉及)?[^，,。；;]{0,25}?(?:行政复议|行政诉讼)")
_NEG_OUTCOME = lazy_compile(r"纠|败诉|撤销|违法|被告|改变|责任|追究|问题")
# both kinds named, then one figure for each: 行政复议、行政诉讼（案件）均为N件 / 各N件 (either order)
_BOTH = lazy_compile(r"(?:行政复议|复议)[^，,。；;]{0,8}?(?:、|和|及|与|或)(?:提起)?(?:行政诉讼|诉讼)[^，,。；;]{0,8}?(?:均|都|各)(?:为|是|有)?\s*$"
                     r"|(?:行政诉讼|诉讼)[^，,。；;]{0,8}?(?:、|和|及|与|或)(?:行政复议|复议)[^，,。；;]{0,8}?(?:均|都|各)(?:为|是|有)?\s*$")
# both kinds named, then one figure for the two together: 行政复议和行政诉讼共2件 / 复议、诉讼案件合计3起
_SUM = lazy_compile(r"(?:行政复议|复议)[^，,。；;]{0,8}?(?:、|和|及|与|或)[^，,。；;]{0,4}?(?:行政诉讼|诉讼)[^，,。；;]{0,8}?"
                    r"(?:共计|合计|总计|累计|共|计)(?:为|是|有|达)?\s*$"
                    r"|(?:行政诉讼|诉讼)[^，,。；;]{0,8}?(?:、|和|及|与|或)[^，,。；;]{0,4}?(?:行政复议|复议)[^，,。；;]{0,8}?"
                    r"(?:共计|合计|总计|累计|共|计)(?:为|是|有|达)?\s*$")
#: both kinds named right before one figure, with no word of a total nor of each (行政复议、行政诉讼案件1件,
#: 行政诉讼和行政复议2起): the two together, or each when both are that figure
_JOINED = lazy_compile(r"(?:行政复议|复议)(?:案件)?(?:、|和|及|与|或)(?:被?提起)?(?:行政诉讼|诉讼)(?:案件)?(?:数量?|总数)?(?:为|是|有|达)?\s*$"
                       r"|(?:行政诉讼|诉讼)(?:案件)?(?:、|和|及|与|或)(?:被?申请)?(?:行政复议|复议)(?:案件)?(?:数量?|总数)?(?:为|是|有|达)?\s*$")
#: the agency deciding reconsiderations (a government, or a department that is the 复议机关 of its
#: offices): the cases it takes in (受理/审理/审结 …复议申请) are not those against it in table 四
_AS_REVIEWER = lazy_compile(r"作为[^，,。；;]{0,10}?复议(?:机关|机构)|(?:受理|审理|审结|办理)[^，,。；;被\d]{0,14}?复议(?:申请|案件)")
_REVIEW = lazy_compile(r"复议")
_LITIGATION = lazy_compile(r"诉讼|起诉")


def _as_reviewer(fig) -> bool:
    """Does the figure's sentence, before it, speak of the agency deciding reconsiderations?"""
    text = fig.paragraph.text
    ss, _ = sentence_bounds(text, fig.q.start)
    return _AS_REVIEWER.search(text, ss, fig.q.start) is not None


#: a lead clause that names a topic (行政诉讼方面, 关于行政复议, 在行政复议案件方面, 行政诉讼情况): not one that
#: says something of its own (未发生行政复议，…)
_TOPIC = lazy_compile(r"(?:^|[，,：:])\s*(?:在|关于|对于|从)?[^，,：:未无没]{0,8}?(?:行政复议|行政诉讼|复议|诉讼)(?:案件)?"
                      r"(?:方面|情况|工作)?(?:来看|看|而言)?$")
#: … whose figure counts something else (行政诉讼方面，全年办理申请3件)
_OTHER_THING = lazy_compile(r"申请|信访|投诉|举报|建议|提案|培训|许可|处罚|人次|文件|案卷")


def _lead_kind(fig):
    """The kind a lead clause of the figure's sentence names, when it names one kind and gives no
    figure of its own (“行政诉讼方面，全年被诉7件”, “关于行政复议，全年共3件”): the topic of the clauses after it."""
    text = fig.paragraph.text
    ss, _ = sentence_bounds(text, fig.q.start)
    cs = clause_start(text, fig.q.start, ss)
    if cs <= ss or any(ss <= q.start < cs for q in quantities(text)):
        return None
    lead = text[ss:cs]
    topic = _TOPIC.search(lead.rstrip("，,：: \u3000"))
    if topic is None or _OTHER_THING.search(fig.pre):
        return None
    if bool(_REVIEW.search(topic.group())) == bool(_LITIGATION.search(topic.group())):
        return None  # neither, or both (行政复议和行政诉讼方面，共3件: not one kind's)
    return _kind(topic.group(), True)


def _kind(text: str, last: bool):
    found = None
    for pat, cols, zh, en in _KINDS:
        for m in pat.finditer(text):
            pos = m.end() if last else -m.start()
            if found is None or pos > found[0]:
                found = (pos, cols, zh, en)
    return found


@rule("GL502", "narrative.reviews", "warning",
      summary_en="a narrative figure about reconsiderations or lawsuits differs from table 四")
def reviews(report, ctx):
    """正文中关于行政复议、行政诉讼的数字应与表四一致。

    What: in sentences about disclosure work, figures of 行政复议 cases equal table 四's 行政复议
    总计; figures of 行政诉讼 equal 未经复议直接起诉 总计 + 复议后起诉 总计 (or the one group the text
    names; 被诉 is a lawsuit; a kind named alone in a lead clause — 行政诉讼方面，全年被诉7件; 关于行政复议，全年共3件
    — is that of the figures after it); a statement that there was no reconsideration or lawsuit (未发生…行政复议、行政诉讼; in
    part 四, which is all about disclosure cases, also without 信息公开: 本年度无行政复议和行政诉讼)
    matches zero totals — not another year's (2021年未发生…), nor that of an agency deciding
    reconsiderations (作为行政复议机关，未收到…行政复议申请); one figure for both (行政复议、行政诉讼均为0件,
    各1件) is each one's, and one figure for the two together (行政复议和行政诉讼共2件) is their sum — so is
    one right after both kinds with no word of a total (全年共发生行政复议、行政诉讼案件1件), which is also
    accepted as each one's when both are that figure. A
    count written 零 or a bare 0 (行政复议案件为零, 行政诉讼零件, 均为零, 行政诉讼案件数为0) is 0; 零 in
    slogans (零投诉, 零跑腿) and rates (纠错率为零, 纠错率为0) counts nothing. Figures about outcomes (纠正, 维持, 败诉, 决定 …) and figures of a whole
    region's agencies (全省各级行政机关被申请行政复议N件) are not compared, nor the cases of an agency
    that decides reconsiderations (作为行政复议机关, 受理…行政复议申请N件): table 四 counts those
    brought against the agency.
    Why: the narrative and table 四 describe the same cases; a report that says 未发生行政复议 while
    its table shows two is wrong in one of the two places.
    Fails: “因政府信息公开被申请行政复议2件” while table 四 行政复议 总计 is 0.
    Passes: the same with 行政复议 总计 2; “共有行政诉讼案件1件、行政复议案件2件” with 直接起诉 1,
    复议后起诉 0, 行政复议 2.
    Basis: format-spec §4.3, §7.5 (text against tables); defects C11.
    """
    if report.table("四") is None:
        return
    review = cell_expect(ctx, report, "四", ["cases"], ("review.total",))
    litigation = cell_expect(ctx, report, "四", ["cases"], ("direct.total", "after_review.total"))
    for fig in figures(report, frozenset({"件", "起", "宗", "例"})):
        if not (_CONTEXT.search(fig.sentence) or fig.part == 4):
            continue
        if "复议" in fig.sentence and _as_reviewer(fig):
            continue
        both = _BOTH.search(fig.pre[-30:])
        if both is not None and not _OUTCOME_WORDS.search(both.group(0)):
            # “行政复议、行政诉讼均为0件”: each of the two is that figure
            for exp, zh, en in ((review, "行政复议案件数", "administrative reconsiderations"),
                                (litigation, "行政诉讼案件数", "lawsuits")):
                ok, real = matches(fig.q.value, [exp])
                if not ok and real:
                    yield report_mismatch(ctx, fig, zh, en, real)
            continue
        together = _SUM.search(fig.pre[-34:])
        if together is not None:
            if not _OUTCOME_WORDS.search(together.group(0)):
                # “被申请行政复议和提起行政诉讼共2件”: the two kinds counted together
                expect = cell_expect(ctx, report, "四", ["cases"], ("review.total", "direct.total", "after_review.total"))
                ok, real = matches(fig.q.value, [expect])
                if not ok and real:
                    yield report_mismatch(ctx, fig, "行政复议与行政诉讼案件数之和", "reconsiderations and lawsuits together", real)
            continue
        joined = _JOINED.search(fig.pre[-24:])
        if joined is not None:
            # “全年共发生行政复议、行政诉讼案件1件”: the two together — or, if both are that figure, each
            expect = cell_expect(ctx, report, "四", ["cases"], ("review.total", "direct.total", "after_review.total"))
            ok, real = matches(fig.q.value, [expect])
            each = review is not None and litigation is not None and review.value == litigation.value == fig.q.value
            if not ok and not each and real:
                yield report_mismatch(ctx, fig, "行政复议与行政诉讼案件数之和", "reconsiderations and lawsuits together", real)
            continue
        kind = _kind(fig.pre[-14:], True) or _kind(fig.post[:8], False)
        if kind is None and not _OUTCOME.search(fig.pre):
            kind = _lead_kind(fig)
        if kind is None or _OUTCOME.search(fig.pre):
            continue
        _, cols, zh, en = kind
        expect = cell_expect(ctx, report, "四", ["cases"], cols)
        ok, real = matches(fig.q.value, [expect])
        if not ok and real:
            yield report_mismatch(ctx, fig, zh, en, real)
    # “未发生……行政复议、行政诉讼” against non-zero totals
    # (in part 四 every such statement is about disclosure cases; elsewhere its words must say so)
    for part, p in prose(report, title=False):
        text = p.text
        if "行政复议" not in text and "行政诉讼" not in text:
            continue  # (every statement _NEG finds ends in one of them)
        for m in _NEG.finditer(text):
            s = m.start()
            e = m.end()
            while e < len(text) and text[e] not in CLAUSE_END:
                e += 1
            clause = text[s:e]
            ctx_s = max(0, s - 60)
            if _NEG_OUTCOME.search(clause) or not (part == 4 or _CONTEXT.search(text[ctx_s:e]) or _CONTEXT.search(clause)):
                continue
            ss, se = sentence_bounds(text, s)
            if _AS_REVIEWER.search(text, ss, e):
                continue  # 作为行政复议机关，未收到…行政复议申请: the cases it would decide, not those against it
            if not this_year(report, text, ss, se, s):
                continue  # 2021年未发生…, 较上年…
            for pat, exp, zh, en in ((_REVIEW, review, "行政复议", "reconsideration"),
                                     (_LITIGATION, litigation, "行政诉讼", "lawsuit")):
                if exp is None or not pat.search(clause) or exp.value == 0:
                    continue
                span = span_of(ctx, p, s, e)
                (here_zh, here_en), (at_zh, at_en) = place(ctx, span), exp.place(ctx)
                yield ctx.rule.diag(
                    span,
                    f"正文{here_zh}说没有{zh}（“{clause}”），但{exp.zh}（{at_zh}）为{fmt(exp.value)}",
                    f"the text at {here_en} says there was no {en} (“{clause}”), but {exp.en} "
                    f"({at_en}) is {fmt(exp.value)}", table="四", expected=exp.value, actual=0)
