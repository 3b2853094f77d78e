from govlint import rule
from govlint.relazy import lazy_compile

from .._prose import clause_start, full_sentence_bounds, prose, quantities, sentence_bounds
from ._figures import (
    APPLICATIONS as _APPLICATIONS,
    NOT_APP as _NOT_APP,
    applications_before,
    cell_expect,
    figures,
    goes_on_about_applications,
    matches,
    none_said,
    report_mismatch,
    this_year,
)

_PUBLIC = lazy_compile(r"信息公开|依申请|公开申请|申请公开")
_CARRY_FORWARD = lazy_compile(r"结转(?:至|到)?下一?年|(?:结转|转入|转至)(?:至|到)?\s*(?:(?:19|20|１９|２０)\d{2}|[〇零○一二三四五六七八九]{4})\s*年|转入下一?年|转至下一?年|下年度?继续办理|结转下年|尚未办结|正在办理|仍在办理")
_CARRIED_OVER = lazy_compile(r"上一?年度?结转|结转上一?年|去年结转|上年度?遗留")
_OUTCOMES = (
    (lazy_compile(r"部分公开"), "partly_disclosed", "部分公开", "partly disclosed"),
    (lazy_compile(r"不予公开"), "withheld", "不予公开", "withheld"),
    (lazy_compile(r"无法提供|不掌握|信息不存在"), "unable", "无法提供", "unable to provide"),
    (lazy_compile(r"不予处理"), "not_processed", "不予处理", "not processed"),
    (lazy_compile(r"其他处理"), "other_handling", "其他处理", "otherwise handled"),
    (lazy_compile(r"予以公开|同意公开|全部公开"), "disclosed", "予以公开", "disclosed"),
)
#: two or more outcomes joined (“予以公开和部分公开的共528件”, “不予公开、无法提供的”): the figure is their sum
_OUTCOME_WORDS = {"予以公开": "disclosed", "同意公开": "disclosed", "全部公开": "disclosed", "部分公开": "partly_disclosed",
                  "不予公开": "withheld", "无法提供": "unable", "不予处理": "not_processed", "其他处理": "other_handling"}
_OUTCOME_WORD = "(?:" + "|".join(_OUTCOME_WORDS) + ")"
_JOINED = lazy_compile(rf"{_OUTCOME_WORD}(?:(?:以及|[和及与、])(?:同意)?{_OUTCOME_WORD})+")
_ONE_OUTCOME = lazy_compile(_OUTCOME_WORD)
#: the reasons listed under （三）–（六）: a figure named by one is that row's (or, loosely written, its
#: group's: “因本机关不掌握相关信息无法提供的207件”)
_REASONS = (
    (lazy_compile(r"国家秘密"), "withheld.state_secret", "1.属于国家秘密", "state secrets"),
    (lazy_compile(r"法律行政法规禁止|法律、行政法规禁止"), "withheld.prohibited", "2.其他法律行政法规禁止公开",
     "forbidden by other laws"),
    (lazy_compile(r"三安全一稳定"), "withheld.security", "3.危及“三安全一稳定”", "security and stability"),
    (lazy_compile(r"第三方(?:的)?合法权益|个人隐私|商业秘密"), "withheld.third_party", "4.保护第三方合法权益", "third-party rights"),
    (lazy_compile(r"内部事务"), "withheld.internal", "5.属于三类内部事务信息", "internal affairs"),
    (lazy_compile(r"过程性信息"), "withheld.process", "6.属于四类过程性信息", "process information"),
    (lazy_compile(r"执法案卷"), "withheld.enforcement_file", "7.属于行政执法案卷", "enforcement files"),
    (lazy_compile(r"行政查询"), "withheld.inquiry", "8.属于行政查询事项", "administrative inquiries"),
    (lazy_compile(r"不掌握|信息不存在"), "unable.not_held", "1.本机关不掌握相关政府信息", "information not held"),
    (lazy_compile(r"另行制作|没有现成信息"), "unable.needs_creation", "2.没有现成信息需要另行制作", "information to be made"),
    (lazy_compile(r"仍不明确"), "unable.unclear", "3.补正后申请内容仍不明确", "still unclear"),
    (lazy_compile(r"重复申请"), "not_processed.repeated", "2.重复申请", "repeated applications"),
    (lazy_compile(r"公开出版物"), "not_processed.publication", "3.要求提供公开出版物", "published material"),
    (lazy_compile(r"大量反复"), "not_processed.mass", "4.无正当理由大量反复申请", "mass applications"),
    (lazy_compile(r"重新出具"), "not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息",
     "confirmation of information held"),
    (lazy_compile(r"逾期不补正"), "other_handling.no_correction", "1.申请人无正当理由逾期不补正…", "no correction in time"),
    (lazy_compile(r"缴纳费用"), "other_handling.no_fee", "2.申请人逾期未按收费通知要求缴纳费用…", "fee not paid"),
)
_LEGAL = ("business", "research", "nonprofit", "legal_services", "other")
_APPLICANTS = (
    (lazy_compile(r"法人或其他组织|法人和其他组织|法人及其他组织|法人"), _LEGAL, "法人或其他组织", "legal persons or other organisations"),
    (lazy_compile(r"自然人|公民(?!.*法人)"), ("natural",), "自然人", "natural persons"),
    (lazy_compile(r"商业企业|企业"), ("business",), "商业企业", "businesses"),
    (lazy_compile(r"科研机构"), ("research",), "科研机构", "research institutions"),
    (lazy_compile(r"社会公益组织|公益组织"), ("nonprofit",), "社会公益组织", "non-profit organisations"),
    (lazy_compile(r"法律服务机构|律师事务所"), ("legal_services",), "法律服务机构", "legal-service providers"),
)
_EVERY_APPLICANT = lazy_compile(r"(?:自然人|公民)[、，,和及与或]*法人")
_BESIDE = lazy_compile(r"^[，,；;]\s*(?:另有|另|此外|加上)?\s*(?:上一?年度?结转|结转上一?年度?|去年结转)")


#: a total of applications handled broken down with 其中 (“办结871件，其中当年新收申请837件、上年结转申请34件”):
#: its 新收 part counts handled applications, which table 三 does not split by when they came
_HANDLED_LIST = lazy_compile(r"(?:办结|答复|回复|办理完毕|处理完毕)(?:了)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共计|合计|共|计)?\s*"
                             r"\d[\d,]*\s*件\s*[，,：:]?\s*其中[^。；;！？!?]*$")


def _in_handled_list(fig) -> bool:
    text = fig.paragraph.text
    ss, _ = sentence_bounds(text, fig.q.start)
    return _HANDLED_LIST.search(text, ss, fig.q.start) is not None


def _carried_beside(fig) -> bool:
    """The clause after the figure's states the applications carried over from last year apart."""
    at = fig.sentence.find(fig.clause)
    if at < 0:
        return False
    return bool(_BESIDE.match(fig.sentence[at + len(fig.clause):]))


# “全年未收到政府信息公开申请”, “本年度无依申请公开事项”: no application at all
# (the look-ahead: a character it can start with, tested before the alternatives are tried at each one)
_NONE = lazy_compile(r"(?=[未没无])(?:(?:未|没有)(?:收到|受理|接到|接收|发生|产生|出现|有)过?(?:任何)?(?:(?:公民、?法人(?:或|和|及)其他组织|(?:人民)?群众|社会公众|公众)(?:提出)?的?)?"
                     r"(?P<what>政府信息公开申请|依申请公开(?:申请|事项|件)?|信息公开申请|公开申请|申请公开)"
                     r"|无(?<![需必]无)(?P<what2>政府信息公开申请|依申请公开(?:申请|事项)?))")
_NONE_NOT = lazy_compile(r"(?:的|中)?(?:行政复议|行政诉讼|复议|诉讼|投诉|举报|费|收费|逾期|超期|答复|办理)")
_DONE = lazy_compile(r"办结|答复|办理完毕|处理完毕|办理完结|予以回复|已办理|已回复|回复")
_RECEIVED = lazy_compile(r"收到|受理|接收|接到|新收|收悉|共有|登记|申请(?:总)?数量?(?:共|合计)?(?:为|是|达到?)$"
                         r"|申请(?:总?数量?)?(?:共计|总计|合计|全年累计|累计|共)(?:为|是|达到?)?$|(?<!依)申请公开政府信息(?:共计|合计|共|计)?$"
                         r"|依申请公开(?:事项|件)?(?:总)?(?:数量|件数|数)(?:共|合计)?(?:为|是|达到?)$")
#: a figure of the applications answered or received in one way — by timing (按时答复22件, 延期答复1件,
#: 当场答复5件) or by channel (通过信函收到申请3件, 网上受理18件) — is a part of table 三's count, which
#: has no row for it; a total listing the ways (通过网络、信函等方式共收到申请23件) is not
_TIMING = lazy_compile(r"按时|按期|如期|当场|当日|当天|即时|逾期|超期|延期|延长|期限内|时限内|期内|工作日内")
_CHANNEL = lazy_compile(r"信函|邮寄|电子邮件|邮件|网上|网络|在线|互联网|网站|当面|现场|窗口|传真|电话|微信|来信")
_ALL_WAYS = lazy_compile(r"共|合计|总计|累计|等|各类|各种|多种|全部")
#: outcome words only table 三 uses: a sentence listing them speaks of applications even without 申请
#: (“从办理结果看，予以公开11件，部分公开3件……”)
_OUTCOME_LIST = lazy_compile(r"部分公开|不予公开|无法提供|不予处理|其他处理|结转|正在办理|仍在办理|尚未办结")
#: … and those no document's 公开属性 is (部分公开 and 不予公开 are both): two of them in a list say it
#: counts applications even in a paragraph of its own (“在办理结果方面，予以公开12件、部分公开3件、无法提供9件”)
_OUTCOMES_ONLY = lazy_compile(r"部分公开|无法提供|不予处理|其他处理")
_HANDLED = lazy_compile(r"办理|处理")
#: 依申请公开 and 不予公开 counted side by side: the 公开属性 of documents
_N = r"\s*[\d一二三四五六七八九十两〇零]+\s*件\s*[、，,；;和及与]\s*"
_ATTRIBUTES = lazy_compile(rf"依申请公开{_N}不予公开|不予公开{_N}依申请公开")
#: applications named right after a measure word (12个申请, 12份政府信息公开申请)
_APPLICATION_NOUN = lazy_compile(r"(?:政府信息公开|信息公开|依申请公开)?申请(?!人|表|书)")
#: the applications named right before their figure, at the start of its clause, with no verb (依申请公开12件,
#: 依申请公开事项共12件, 政府信息公开申请：12件, 政府信息公开申请数量12件)
_NAMED_ONLY = lazy_compile(r"(?:^|[，,、；;：:])\s*(?:其中|全年|本年度?|年内)?\s*"
                           r"(?:依申请公开(?P<what>事项|件|申请)?|(?:政府)?信息公开申请(?P<app>数量|总数|件数|数)?)"
                           r"(?:共计|合计|总计|共|计|为|有)*\s*$")
#: a figure opening its clause, handled (“收到申请12件，11件已办结”, “12件均已答复”): not 按时办结 (a part)
_DONE_AFTER = lazy_compile(r"(?:均|全部|都|已经|已)*(?:办结|答复完毕|答复|办理完毕|处理完毕|办理完结)")


#: a sentence (or clause) that goes on with the one before it: 其中 gives a part of a figure stated
#: there (“全市各级行政机关共收到申请2589件。其中，市政府本级收到207件”)
_GOES_ON = lazy_compile(r"\s*(?:其中|内含|含)")


def _with_whole(fig) -> str:
    """The figure's sentence, with the sentence before it when it opens with 其中 (the part it gives is
    of a figure there: “……共收到政府信息公开申请2589件。其中，市政府本级收到207件”)."""
    text = fig.paragraph.text
    ss, se = full_sentence_bounds(text, fig.q.start)
    if ss > 0 and _GOES_ON.match(text, ss):
        ps, _ = full_sentence_bounds(text, ss - 1)
        return text[ps:se]
    return text[ss:se]


def _part_of_received(fig) -> bool:
    """A received figure given as a part (其中) of one stated before it about applications, without
    repeating 申请: “共收到政府信息公开申请1969件，其中区政府本级收到95件”."""
    text = fig.paragraph.text
    ss, _ = full_sentence_bounds(text, fig.q.start)
    start = max([ss] + [q.end for q in quantities(text) if q.end <= fig.q.start])
    if text.find("其中", start, fig.q.start) < 0:
        return False  # (其中 names the figure after it, not those further on: “其中本级收到12件，各部门收到256件”)
    whole = _with_whole(fig)
    at = whole.find(text[start:fig.q.start])
    return at > 0 and "申请" in whole[:at] and _PUBLIC.search(whole[:at]) is not None


#: a figure's own words that name nothing (共52件, 全年共计18件): its label is in the clause before
_BARE = lazy_compile(r"(?:其中)?(?:全年|全年度|本年度?|年内)?(?:共计|合计|总计|共|计|有|达|为)*")


#: … but not a clause naming the whole the figure is a part of (受理的政府信息公开申请中，有2件…)
_WHOLE_NAMED = lazy_compile(r"中(?:的)?\s*$")


def _label(fig) -> str:
    """The words naming the figure: its own (``fig.pre``), or when those name nothing — “以公民个人申请为
    主，共52件” — the clause before it in its sentence, if that clause gives no figure of its own."""
    if not _BARE.fullmatch(fig.pre.strip(" \u3000，,：:")):
        return fig.pre
    text = fig.paragraph.text
    ss, _ = sentence_bounds(text, fig.q.start)
    cs = clause_start(text, fig.q.start, ss)
    if cs <= ss:
        return fig.pre
    ps = clause_start(text, cs - 1, ss)
    lead = text[ps:cs - 1]
    if any(ps <= q.start < cs for q in quantities(text)) or _WHOLE_NAMED.search(lead):
        return fig.pre
    return lead + fig.pre


_SUBJECT_PRE = lazy_compile(r"另有|尚有|还有|其余|剩余")


def _says(words: str) -> bool:
    """Do ``words`` say what became of the applications (carried over or forward, an outcome, a reason)?"""
    return bool(_CARRY_FORWARD.search(words) or _CARRIED_OVER.search(words)
                or any(pat.search(words) for pat, *_ in _OUTCOMES) or any(r[0].search(words) for r in _REASONS))


def _predicate(fig) -> str:
    """For a figure that opens its sentence as its subject (“7件申请因未到答复期限，结转下一年度继续办理”),
    the rest of the sentence up to the next figure; "" for any other."""
    text = fig.paragraph.text
    ss, se = sentence_bounds(text, fig.q.start)
    pre = fig.pre.strip(" \u3000，,")
    if not (_SUBJECT_PRE.fullmatch(pre) or (not pre and not text[ss:fig.q.start].strip(" \u3000"))) or _says(fig.post):
        return ""
    nxt = min((q.start for q in quantities(text) if q.start > fig.q.start), default=se)
    return text[fig.q.end:min(se, nxt)]


def _about_applications(fig, earlier: str, label: str, predicate: str) -> bool:
    # (``label`` and ``predicate``: the figure's _label and _predicate, which the caller uses too)
    # the 公开属性 of documents (“审核发文1124件，其中主动公开689件、依申请公开318件、不予公开117件”): the
    # only 申请 is the attribute 依申请公开 beside 主动公开, which no application is
    # — also without 主动公开, when 依申请公开 is counted beside 不予公开 as one of them (“审核发文1124件，其中依申请
    # 公开318件、不予公开117件”): an application is never 依申请公开 beside its outcomes
    if "申请" not in fig.sentence.replace("依申请公开", "") and (
            "主动公开" in fig.sentence or ("不予公开" in fig.sentence and _ATTRIBUTES.search(fig.sentence))):
        return False
    # a measure word followed by what it counts (共有3个部门收到申请, 出具12份答复书): not applications unless
    # they are named right after it (收到12个申请)
    if fig.q.unit in ("个", "份") and fig.post.strip() and not _APPLICATION_NOUN.match(fig.post.lstrip()):
        return False
    # (“依申请公开事项” is the applications themselves, not some other 事项)
    around = (label[-16:] + fig.post + predicate).replace("申请公开事项", "申请公开")
    if _NOT_APP.search(around):
        return False
    text = fig.paragraph.text
    before = text[max(0, fig.q.start - 200):fig.q.start]
    if "申请" in fig.sentence:
        # (or a paragraph going on from one about disclosure applications: “全年共办结申请712件。”
        # after the paragraph giving those received)
        if (_PUBLIC.search(fig.sentence) or _PUBLIC.search(before) or fig.part == 3
                or (fig.q.start < 200 and _APPLICATIONS.search(earlier) and not _NOT_APP.search(fig.sentence))):
            return True
        # (or a list of outcomes only table 三 counts: “在已办结的12件申请中，予以公开8件，部分公开2件，无法提供1件”)
        ls, le = full_sentence_bounds(text, fig.q.start)
        return len(set(_OUTCOMES_ONLY.findall(text, ls, le))) >= 2
    if _part_of_received(fig):
        return True
    # (a figure handled, in a sentence going on about the applications: “截至年底，已办结18件”)
    ss, se = sentence_bounds(text, fig.q.start)
    if _DONE.search(label[-16:]) and goes_on_about_applications(text, ss, se, earlier):
        return True
    # a list of outcomes runs to the 。 (“予以公开12件，占42.9%；部分公开3件；无法提供9件。”)
    ls, le = full_sentence_bounds(text, fig.q.start)
    listed = text[ls:le]
    if len(set(_OUTCOMES_ONLY.findall(listed))) >= 2:
        return True
    if not (("申请" in before or fig.part == 3) and _OUTCOME_LIST.search(listed)):
        return False
    return bool(_PUBLIC.search(listed) or _PUBLIC.search(before) or fig.part == 3)


@rule("GL501", "narrative.applications", "warning",
      summary_en="a narrative figure about disclosure applications differs from table 三")
def applications(report, ctx):
    """正文中关于政府信息公开申请的数字应与表三一致。

    What: figures in the text about disclosure applications — received (收到/受理 …申请N件,
    申请数量为N件),
    handled or answered (办结/办理完结/答复 N件), carried over from last year or into next year, by outcome
    (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理; outcomes joined — 予以公开和部分公开的共
    N件 — are summed; a reason under an outcome — 本机关不掌握相关政府信息N件, 涉及第三方合法权益N件 —
    is its row, or loosely its outcome; 个人隐私 and 商业秘密 are the third party's rights) and by applicant (自然人, 商业企业, 法人或其他组织 …) — equal the
    table 三 cell they talk about (总计 column, or the applicant's column). The 公开属性 of documents
    (主动公开N件、依申请公开N件、不予公开N件) counts no applications and is not compared, nor is the
    新收 part of a handled total (办结N件，其中当年新收申请N件、上年结转申请N件), nor a part by timing
    (按时答复N件, 延期答复N件, 当场答复N件) or by channel (通过信函收到申请N件, 网上受理N件 — a total
    listing the channels, 通过网络、信函等方式共收到N件, is compared), nor the applications withdrawn
    (撤回申请N件), nor the letters answering them (出具答复书N份, 告知书), nor a figure whose measure word
    counts something named after it (共有3个部门收到申请 — 收到12个申请 is compared); a figure naming every applicant
    (公民、法人和其他组织提出的申请N件) is the total; 依申请公开 or 政府信息公开申请 named at the start of a
    clause right before a figure with no verb (依申请公开N件，其中当面申请…; 依申请公开事项N件; 政府信息公开
    申请：N件; 政府信息公开申请数量N件 — not 涉及征地拆迁的政府信息公开申请N件) is the applications received or
    handled, and a figure opening its clause handled after it (收到申请N件，N件已办结 — not 按时办结, nor
    after 其中) is the total handled — but not a
    bare 依申请公开N件 with no other word of applications in its sentence, nor 依申请公开 counted beside
    不予公开 (审核发文N件，其中依申请公开N件、不予公开N件: the 公开属性 of documents). Some reports
    count received applications as 新收 only, others as 新收 + 上年结转: both readings are accepted and
    the message says which cells were compared. Approximate figures (约, 余), ranges, figures of
    another year or compared with one (同比, 较上年, 上年度, 累计 written before them; 全年累计 is this
    year's; a year in a later clause is a comparison — 收到申请126件，较2020年的97件上升 — that leaves the
    figure before it this year's, as does one in an earlier clause when the figure's own clause names the
    report year: 与2021年的10件相比，2022年共收到申请12件), the figure a change starts from (由10件增至12件),
    figures of a part of the year (第一季度, 上半年, 3月份) and figures of a whole region's agencies (全省各级行政机关共收到申请N件, 全市12个单位共收到N件, unless the agency
    is named after that: 省政府本级…; a region named bare, 全区共收到…N件, when the sentence goes on to
    give the agency's part: …，其中本局…, 其中县政府办公室…) are skipped; the agency's part given after
    the region's figure with 其中 is a received figure even without 申请 (“全县各级行政机关共收到政府信息公开
    申请2941件。其中，县政府办公室收到19件”). A paragraph going on from one about disclosure applications
    (“全年共办结申请712件。” after the paragraph giving those received — or after paragraphs since that
    speak of no other matter: “办结率为96%，平均答复时限6个工作日。”) is read as about them too, and so is a
    figure handled in a sentence going on about them without 申请 (“……收到政府信息公开申请6件。……截至年底，
    已办结18件” — not after a sentence about another matter: 12345热线, 建议, 主动公开, a heading). A
    figure whose own words name nothing (共52件) takes its applicant from the clause before it (“以公民个人
    申请为主，共52件”; not a clause naming the whole it is a part of: 受理的申请中，有2件…), and a figure
    opening its sentence (or after 另有/尚有) says what became of it in the clauses after it (“7件申请因
    未到答复期限，结转下一年度继续办理”). A sentence listing table 三's outcomes
    (从办理结果看，部分公开N件，无法提供N件……) or those still being handled (尚有N件正在办理中) is read
    even when it does not repeat 申请 (after a sentence about applications, or anywhere in part 三; and
    anywhere when it names two outcomes no document's 公开属性 is — 部分公开, 无法提供, 不予处理, 其他处理 —
    “在办理结果方面，予以公开12件、部分公开3件、无法提供9件”, and with a bare 申请: 在已办结的12件申请中，
    予以公开8件，部分公开2件，无法提供1件; the list runs to the 。 across “；”); a
    label before a colon names the figure after it (予以公开：N件). A statement that no
    application was received (全年未收到政府信息公开申请, 本年度无依申请公开事项, 未收到群众的… — not one
    of some applicants only: 未收到企业的…) is reported when
    the table counts new applications; so is one that none was carried over or into next year
    (无上年结转申请, 全部办结，无结转) when the table's 上年结转 or 结转下年度继续办理 is not 0. A
    cell split out of run-together digits (crawled pages) is used — the split is unique under the
    table's identities — and the message says so.
    Why: the narrative and the table describe the same applications; when they differ one of them is
    wrong, and readers cannot tell which.
    Fails: “共收到政府信息公开申请5件” while table 三 “一、本年新收…” 总计 is 3 and 上年结转 is 0.
    When the carry-over is stated in the next clause (“收到申请12件，上年结转1件”), the received figure
    is read as 新收 only.
    Passes: “共收到政府信息公开申请3件”; “收到申请75件” with 新收 74 and 上年结转 1.
    Basis: format-spec §7.5 (text against tables); defects C11.
    """
    if report.table("三") is None:
        return
    earlier = applications_before(report)
    for fig in figures(report, frozenset({"件", "个", "起", "宗", "份"})):
        label, rest = _label(fig), _predicate(fig)
        if not _about_applications(fig, earlier.get(id(fig.paragraph), ""), label, rest):
            continue
        near = fig.pre[-16:]
        words = near + "|" + fig.post
        if rest:
            words += "|" + rest
        cols: tuple = ("total",)
        topic = None
        # “公民、法人和其他组织提出的申请23件” names every applicant: it is the total
        every = _EVERY_APPLICANT.search(fig.pre[-30:]) is not None
        label = label[-16:]  # (“以公民个人申请为主，共52件”: the applicant is named in the clause before)
        for pat, acols, zh, en in _APPLICANTS:
            if not every and pat.search(label):
                cols = acols
                topic = (f"{zh}的申请数", f"the applications from {en}")
                break
        applicant = topic is not None
        cname = ("“法人或其他组织”（商业企业至其他）五", "the five “法人或其他组织” columns (商业企业 to 其他)") if cols == _LEGAL else None
        e = lambda rows: cell_expect(ctx, report, "三", rows, cols, cname)  # noqa: E731
        if _CARRY_FORWARD.search(words):
            expects = [e(["carry_forward"])]
            topic = topic or ("结转下年度继续办理的申请数", "the applications carried into next year")
        elif _CARRIED_OVER.search(words):
            expects = [e(["carried_over"])]
            topic = topic or ("上年结转的申请数", "the applications carried over from last year")
        elif (joined := _JOINED.search(near)) is not None:
            rows = list(dict.fromkeys(_OUTCOME_WORDS[w] for w in _ONE_OUTCOME.findall(joined.group())))
            expects = [e(rows)]
            topic = (f"“{joined.group()}”的申请数", "the applications " + " or ".join(
                next(en for _, rid, _, en in _OUTCOMES if rid == r) for r in rows))
        elif (reason := next((r for r in _REASONS if r[0].search(words)), None)) is not None:
            expects = [e([reason[1]]), e([reason[1].split(".")[0]])]
            topic = (f"“{reason[2]}”的申请数", f"the applications withheld or not answered for {reason[3]}")
        else:
            outcome = next(((rid, zh, en) for pat, rid, zh, en in _OUTCOMES if pat.search(words)), None)
            if outcome is not None:
                expects = [e([outcome[0]])]
                topic = (f"“{outcome[1]}”的申请数", f"the applications {outcome[2]}")
            elif not applicant and (_TIMING.search(near) or (_CHANNEL.search(near) and not _ALL_WAYS.search(near))):
                continue  # answered on time / late, received by letter: a part of the count
            elif (_DONE.search(near) or (not near.strip(" \u3000，,") and _DONE_AFTER.match(fig.post))) and not _RECEIVED.search(near):
                # (a figure opening its clause says what it counts after it: “收到申请12件，11件已办结”)
                expects = [e(["total"])]
                topic = topic or ("办结的申请数", "the applications handled")
            elif topic is not None or (_RECEIVED.search(near) and ("申请" in words or _part_of_received(fig))):
                if not applicant and _in_handled_list(fig):
                    continue
                # “收到申请11件，上年结转1件”: the carry-over is stated beside the figure, so the figure
                # is the 新收 alone (“收到申请12件（含上年结转1件）” / “其中上年结转” keep both readings)
                expects = [e(["new"])] if _carried_beside(fig) else [e(["new"]), e(["new", "carried_over"])]
                if applicant or _HANDLED.search(near):
                    expects.append(e(["total"]))
                topic = topic or ("收到的申请数", "the applications received")
            elif (named := _NAMED_ONLY.search(near)) is not None and (
                    not named.group().rstrip().endswith("依申请公开") or "申请" in fig.sentence.replace("依申请公开", "")):
                # “依申请公开12件，其中当面申请3件……”, “依申请公开事项12件”: named, with no verb saying
                # whether received or handled (a bare 依申请公开N件 only beside other words of applications:
                # alone it may be the 公开属性 of documents)
                expects = [e(["new"]), e(["new", "carried_over"]), e(["total"])]
                topic = ("依申请公开的申请数", "the applications for disclosure")
            elif _HANDLED.search(near) and "申请" in words:
                expects = [e(["new"]), e(["new", "carried_over"]), e(["total"])]
                topic = ("办理的申请数", "the applications handled")
            else:
                continue
        ok, real = matches(fig.q.value, expects)
        if ok or not real:
            continue
        # two readings with the same value say the same thing: keep the first
        seen, uniq = set(), []
        for x in real:
            if x.value not in seen:
                seen.add(x.value)
                uniq.append(x)
        yield report_mismatch(ctx, fig, topic[0], topic[1], uniq if len(uniq) > 1 else real[:1])
    yield from _none_received(report, ctx)
    yield from _none_carried(report, ctx)


def _none_received(report, ctx):
    """“全年未收到政府信息公开申请” (or 未收到群众的…, 未收到公民、法人或其他组织提出的…: every applicant)
    while table 三 counts new applications (a sentence copied from an earlier year's report, typically)."""
    exp = None  # (the table's figure, looked up at the first such statement: most reports make none)
    for _, p in prose(report, title=False):
        text = p.text
        if "申请" not in text:
            continue
        for m in _NONE.finditer(text):
            if _NONE_NOT.match(text, m.end()):
                continue  # 未收到信息公开申请的行政复议, 未发生依申请公开答复逾期 …
            if exp is None:
                exp = cell_expect(ctx, report, "三", ["new"], ("total",))
                if exp is None or exp.value == 0:
                    return
            ss, se = sentence_bounds(text, m.start())
            if not this_year(report, text, ss, se, m.start()):
                continue  # in a title, another year's, or compared with one
            yield none_said(ctx, p, m.start(), m.end(), exp, "收到政府信息公开申请",
                            "no disclosure application was received", "三", "new", "total")
            return


#: “无上年结转的申请”, “上年无结转申请”; “无结转下年度办理的申请”, “已全部办结，无结转” (not 无结转上年…)
_NO_CARRIED = lazy_compile(r"(?:无|没有|未有)(?:从)?上一?年度?(?:的)?结转|上一?年度?(?:无|没有)结转")
_NO_FORWARD = lazy_compile(r"(?:无|没有|未有|不存在)(?:需要?)?(?:结转|转入)(?:至|到)?下一?年|(?:无|没有)结转(?![上去前自])")
_NO_CARRY = (
    (_NO_CARRIED, "carried_over", "上年结转的申请", "applications carried over from last year"),
    (_NO_FORWARD, "carry_forward", "结转下年度继续办理的申请", "applications carried into next year"),
)


def _none_carried(report, ctx):
    """“无上年结转申请” / “无结转下年度办理的申请” in a sentence about applications (or in part 三)
    while table 三 counts some (二、上年结转 / 四、结转下年度继续办理)."""
    for pat, row, zh, en in _NO_CARRY:
        exp = None
        for part, p in prose(report, title=False):
            text = p.text
            if "结转" not in text and "转入" not in text:
                continue
            for m in pat.finditer(text):
                ss, se = sentence_bounds(text, m.start())
                if not ("申请" in text[ss:se] or part == 3 or _PUBLIC.search(text, max(0, ss - 200), ss)):
                    continue
                if "建议" in text[ss:se] or "提案" in text[ss:se]:
                    continue
                if exp is None:
                    exp = cell_expect(ctx, report, "三", [row], ("total",))
                    if exp is None or exp.value == 0:
                        break
                if not this_year(report, text, ss, se, m.start()):
                    continue
                yield none_said(ctx, p, m.start(), m.end(), exp, zh, f"there are no {en}", "三", row, "total")
                break
            if exp is not None and exp.value == 0:
                break
