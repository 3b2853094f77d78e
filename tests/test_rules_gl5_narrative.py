"""GL5 narrative rules: figures in the text against the tables, enumerations, percentages."""

from __future__ import annotations

from seedvariants import DATA, SEED, run, text_with, where

PINGTAN_2021 = (DATA / "2021-pingtan.txt").read_text(encoding="utf-8")
PINGTAN_2022 = (DATA / "2022-pingtan.txt").read_text(encoding="utf-8")


# Seed tables: 三 新收 总计 3 (line 73), 自然人 3 (line 67), 上年结转 0, （七）总计 3 (line 285),
# 结转下年度 0 (line 294); 四 all 0; 二 all 0.

# ---------------------------------------------------------------- GL501 applications vs table 三

def test_gl501_received_differs_from_table():
    text = text_with(insert_after={3: "2022年，我局共收到政府信息公开申请5件。"})
    ds = run(text, "GL501")
    assert where(ds) == [("GL501", 4)]
    m = ds[0].message
    # both numbers and both places: the text's line and the table cell (with its line)
    assert "5" in m and "3" in m and "第4行" in m and "表三" in m and "本年新收" in m and "总计" in m
    assert "第74行" in m  # the 新收 总计 cell, shifted one line down by the insertion
    assert ds[0].expected == 3 and ds[0].actual == 5


import pytest  # noqa: E402


@pytest.mark.parametrize("sentence", [
    "我局依法办结依申请公开事项{n}件，办结率100%。",  # 依申请公开事项: the applications, not another 事项
    "政府信息公开申请数量为{n}件。",  # a count stated without a verb
    "全年共受理依申请公开{n}件，均已按时办结。",
    "年内接到公民申请公开政府信息{n}件。",
])
def test_gl501_phrasings(sentence):
    assert run(text_with(insert_after={3: sentence.format(n=3)}), "GL501") == []
    assert where(run(text_with(insert_after={3: sentence.format(n=5)}), "GL501")) == [("GL501", 4)]


def test_gl501_silent_when_figures_agree():
    text = text_with(insert_after={3: "2022年，我局共收到政府信息公开申请3件，其中自然人3件，办结3件，均已按时答复，无结转下年度办理的申请。"})
    assert run(text, "GL501") == []


def test_gl501_applicants_outcomes_carry_forward():
    text = text_with(insert_after={3: "2022年，我局共收到政府信息公开申请3件，其中自然人2件、法人或其他组织1件，予以公开1件，办结3件，1件结转下年度继续办理。"})
    ds = run(text, "GL501")
    assert where(ds) == [("GL501", 4)] * 4
    msgs = " / ".join(d.message for d in ds)
    assert "自然人" in msgs and "法人或其他组织" in msgs and "予以公开" in msgs and "结转下年度" in msgs


def test_gl501_new_or_new_plus_carried_over_both_accepted():
    # 平潭 2022: 新收 74, 上年结转 1; the text says “收到…申请75件，涉及自然人72件” (新收 + 结转)
    assert run(PINGTAN_2022, "GL501") == []
    ds = run(PINGTAN_2022.replace("申请75件", "申请76件"), "GL501")
    assert len(ds) == 1 and "74" in ds[0].message and "75" in ds[0].message  # both readings named


def test_gl501_pingtan_2021_handled_and_carried():
    # “本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理” — all three agree
    assert run(PINGTAN_2021, "GL501") == []
    assert len(run(PINGTAN_2021.replace("办结69件", "办结68件"), "GL501")) == 1
    assert len(run(PINGTAN_2021.replace("1件结转下年度", "2件结转下年度"), "GL501")) == 1


def test_gl501_ignores_other_years_and_other_matters():
    text = text_with(insert_after={3: ["2021年，我局收到政府信息公开申请5件。",
                                       "较上年同期，收到政府信息公开申请增加2件。",
                                       "全年受理行政许可申请1200件，办结1200件。",
                                       "坚持第一时间回复申请的“三个一”工作机制。"]})
    assert run(text, "GL501") == []


# ---------------------------------------------------------------- GL502 reconsiderations / lawsuits vs table 四

def test_gl502_reconsiderations_and_lawsuits():
    text = text_with(insert_after={3: "2022年，我局因政府信息公开被申请行政复议2件，被提起行政诉讼1件。"})
    ds = run(text, "GL502")
    assert where(ds) == [("GL502", 4), ("GL502", 4)]
    assert "行政复议" in ds[0].message and "表四" in ds[0].message and "第323行" in ds[0].message


def test_gl502_silent_when_agreeing():
    text = text_with(insert_after={3: "2022年，我局未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。"})
    assert run(text, "GL502") == []
    assert run(PINGTAN_2022, "GL502") == []  # “行政诉讼案件1件、行政复议案件2件” = table 四


def test_gl502_no_case_claimed_but_table_has_one():
    # table 四: 行政复议 结果维持 1 and 总计 1 (seed lines 318 and 322)
    text = text_with(replace={318: "1 |", 322: "1 |"},
                     insert_after={3: "2022年，我局未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。"})
    ds = run(text, "GL502")
    assert where(ds) == [("GL502", 4)] and "未发生" in ds[0].message and "1" in ds[0].message


@pytest.mark.parametrize("sentence, found", [
    ("本年度政府信息公开行政复议、行政诉讼案件均为0件。", 1),  # table 四: one reconsideration (below)
    ("本年度我局政府信息公开行政复议、行政诉讼均为{n}件。", 1),
    ("因政府信息公开被申请行政复议和提起行政诉讼的各1件。", 1),  # 1 reconsideration: right; 1 lawsuit: wrong
    ("政府信息公开行政诉讼和行政复议案件都是0件。", 1),
    ("政府信息公开行政复议、行政诉讼被纠正的均为0件。", 0),  # about outcomes: not compared
])
def test_gl502_one_figure_for_both(sentence, found):
    # table 四: 行政复议 结果维持 1 and 总计 1 (seed lines 318 and 322); no lawsuit
    one_review = {318: "1 |", 322: "1 |"}
    text = text_with(replace=one_review, insert_after={3: sentence.format(n=0)})
    assert len(run(text, "GL502")) == found, sentence
    assert run(text_with(insert_after={3: sentence.format(n=0)}).replace("各1件", "各0件"), "GL502") == []


@pytest.mark.parametrize("sentence, found", [
    ("2022年，因政府信息公开被申请行政复议和提起行政诉讼共{n}件。", 2),
    ("本年度政府信息公开行政复议、行政诉讼案件合计{n}件，均未被纠错。", 2),
    ("因政府信息公开被提起行政诉讼和申请行政复议共计{n}起。", 2),
    ("因政府信息公开被申请行政复议和提起行政诉讼共{n}件，其中行政复议1件、行政诉讼1件。", 2),
])
def test_gl502_one_figure_for_both_together(sentence, found):
    # table 四: one reconsideration (行政复议 结果维持 1, 总计 1: seed lines 318, 322) and one lawsuit
    # brought directly (未经复议直接起诉 结果维持 1, 总计 1: lines 323, 327): two cases together
    one_each = {318: "1 |", 322: "1 |", 323: "1 |", 327: "1 |"}
    assert run(text_with(replace=one_each, insert_after={3: sentence.format(n=found)}), "GL502") == []
    ds = run(text_with(replace=one_each, insert_after={3: sentence.format(n=found + 1)}), "GL502")
    assert where(ds) == [("GL502", 4)] and ds[0].actual == found + 1 and ds[0].expected == found


@pytest.mark.parametrize("sentence, found", [
    # a bare 零 stating a count is 0 (table 四 below: one reconsideration, no lawsuit)
    ("本年度政府信息公开行政复议案件为零。", ["行政复议"]),
    ("因政府信息公开被申请行政复议零件，被提起行政诉讼零件。", ["行政复议"]),
    ("因政府信息公开被申请行政复议零起。", ["行政复议"]),
    ("本年度政府信息公开行政复议、行政诉讼均为零。", ["行政复议"]),
    ("本年度政府信息公开行政诉讼案件数为零。", []),
    # 零 in slogans and rates counts nothing
    ("政府信息公开工作实现“零投诉”，服务群众零距离、零跑腿。", []),
    ("政府信息公开行政复议纠错率为零。", []),
    ("政府信息公开申请办理差错率为零，行政复议零投诉。", []),
])
def test_gl502_zero_written_as_ling(sentence, found):
    one_review = {318: "1 |", 322: "1 |"}
    ds = run(text_with(replace=one_review, insert_after={3: sentence}), "GL502")
    assert [("行政复议" if "行政复议案件数" in d.message else "行政诉讼") for d in ds] == found
    assert all(d.line == 4 and d.actual == 0 for d in ds)
    assert run(text_with(insert_after={3: sentence}), "GL502") == []  # table 四 all 0: the text agrees


def test_gl501_zero_written_as_ling():
    # table 三 counts 3 new applications
    ds = run(text_with(insert_after={3: "2022年，我局收到的政府信息公开申请数量为零。"}), "GL501")
    assert where(ds) == [("GL501", 4)] and ds[0].actual == 0
    assert run(text_with(insert_after={3: "2022年，我局政府信息公开申请办理零差错、零投诉。"}), "GL501") == []


# ---------------------------------------------------------------- GL503 documents / decisions / fees vs table 二

def test_gl503_normative_documents():
    text = text_with(insert_after={3: "本年度制发行政规范性文件5件，现行有效行政规范性文件10件。"})
    ds = run(text, "GL503")
    assert where(ds) == [("GL503", 4), ("GL503", 4)]
    assert "本年制发件数" in ds[0].message and "现行有效件数" in ds[1].message


@pytest.mark.parametrize("sentence, found", [
    # 废止/现行有效 alone count the documents of the figure before them in the sentence
    ("本年度制发行政规范性文件0件，废止2件，现行有效0件。", ["本年废止件数"]),
    ("本年度制发行政规范性文件0件、废止0件，截至年底现行有效3件。", ["现行有效件数"]),
    ("出台规章0件，废止1件。", ["本年废止件数"]),
    ("本年度制发行政规范性文件0件，废止0件，现行有效0件。", []),
    # no document figure just before: not a count of documents
    ("印发工作通知5件，废止2件。", []),
    ("本年度制发行政规范性文件0件。废止2件。", []),
    ("本年度制发行政规范性文件0件，清理政策措施2件，废止2件。", []),
    ("本年度制发行政规范性文件0件，办理建议提案2件。", []),
])
def test_gl503_count_word_alone_inherits_the_document(sentence, found):
    ds = run(text_with(insert_after={3: sentence}), "GL503")
    assert [next(k for k in ("本年制发件数", "本年废止件数", "现行有效件数") if k in d.message) for d in ds] == found
    assert all(d.line == 4 for d in ds)


def test_gl503_silent_when_table_agrees():
    text = text_with(replace={23: "5 |", 25: "10 |"},
                     insert_after={3: "本年度制发行政规范性文件5件，现行有效行政规范性文件10件。"})
    assert run(text, "GL503") == []
    # “政策、规范性文件类信息68条” counts information items, not documents
    assert run(text_with(insert_after={3: "公开政策、规范性文件类信息68条。"}), "GL503") == []


def test_gl503_decisions_and_fees():
    text = text_with(insert_after={3: "全年作出行政许可决定3件，收取行政事业性收费0.5万元。"})
    assert where(run(text, "GL503")) == [("GL503", 4), ("GL503", 4)]
    text = text_with(replace={32: "3 |", 51: "0.5 |"},
                     insert_after={3: "全年作出行政许可决定3件，收取行政事业性收费5000元。"})
    assert run(text, "GL503") == []


# ---------------------------------------------------------------- GL504 / GL505 enumerations (seed line 8)

def test_gl504_parts_exceed_the_whole():
    ds = run(text_with(sub={"提案9件": "提案8件"}), "GL504")
    assert where(ds) == [("GL504", 8)] and "9" in ds[0].message and "8" in ds[0].message
    assert where(run(text_with(sub={"主办2件": "主办3件"}), "GL504")) == [("GL504", 8)]
    assert where(run(text_with(sub={"信息503条": "信息300条"}), "GL504")) == [("GL504", 9)]


def test_gl504_gl505_silent_on_the_seed():
    # 共收到建议、提案9件 = 1+3+2+3; 503条 ≥ 360+12 (a partial list)
    assert run(SEED, "GL504") == [] and run(SEED, "GL505") == []


def test_gl505_complete_list_short_of_its_total():
    ds = run(text_with(sub={"提案9件": "提案10件"}), "GL505")
    assert where(ds) == [("GL505", 8)]
    assert "10件" in ds[0].message and "9件" in ds[0].message and "1+3+2+3" in ds[0].message
    # the partial list 其中政务动态信息360条,信息公开12条 of 503条 is not required to add up
    assert run(text_with(sub={"信息503条": "信息600条"}), "GL505") == []


def test_gl505_catch_all_and_breakdown():
    line = "全年共公布政府信息100条，其中机构职能类30条，规划计划类20条，其他信息40条。"
    assert where(run(text_with(insert_after={3: line}), "GL505")) == [("GL505", 4)]
    assert run(text_with(insert_after={3: line.replace("40条", "50条")}), "GL505") == []
    line = "共发布财政资金信息380条，其中专项资金152条，预决算公开197条（政府预决算30条、部门预决算公开165条）、债券发行31条。"
    ds = run(text_with(insert_after={3: line}), "GL505")
    assert where(ds) == [("GL505", 4)] and "197" in ds[0].message  # the bracketed breakdown 30+165 ≠ 197
    assert run(text_with(insert_after={3: line.replace("30条", "32条")}), "GL505") == []


# ---------------------------------------------------------------- GL506 percentages against their base

def test_gl506_share_and_rate():
    text = text_with(insert_after={3: "2022年共收到政府信息公开申请3件，其中自然人2件，占80%；办结3件，办结率90%。"})
    ds = run(text, "GL506")
    assert where(ds) == [("GL506", 4), ("GL506", 4)]
    assert "66.7%" in ds[0].message and "100.0%" in ds[1].message


def test_gl506_silent_when_consistent_or_without_base():
    text = text_with(insert_after={3: "2022年共收到政府信息公开申请3件，其中自然人2件，占66.7%；办结3件，办结率100%。"})
    assert run(text, "GL506") == []
    assert run(SEED, "GL506") == []  # 满意度达100% has no base figures


@pytest.mark.parametrize("sentence, found", [
    # the base is in an earlier sentence of the paragraph
    ("2022年共收到政府信息公开申请3件。其中自然人申请2件，占比80%。", ["66.7%"]),
    ("2022年共收到政府信息公开申请3件。其中自然人申请2件，占比66.67%。", []),
    # the figures before “；” in the part's sentence are its siblings, not its base (1件 ÷ 2件 = 50%)
    ("全年新收申请3件。从申请主体看，自然人申请2件，占比66.67%；法人或其他组织申请1件，占50%。", ["33.3%"]),
    ("全年新收申请3件。从申请主体看，自然人申请2件，占比66.67%；法人或其他组织申请1件，占33.33%。", []),
    # any earlier figure that gives the share is its base
    ("全年收到申请4件，办结3件。其中自然人申请2件，占比66.7%。", []),
    # applications with no figure before: table 三's 新收 total (3 in the seed)
    ("从申请主体看，自然人申请3件，占比100%。", []),
    ("从申请主体看，自然人申请3件，占比90%。", ["100.0%"]),
    # a share naming its base, or one with nothing to compare with, is not checked
    ("全年主动公开信息30条。其中政策解读2条，占政策文件的40%。", []),
    ("网站运行平稳。其中移动端访问5000次，占比60%。", []),
])
def test_gl506_share_with_its_base_in_an_earlier_sentence(sentence, found):
    ds = run(text_with(insert_after={3: sentence}), "GL506")
    assert where(ds) == [("GL506", 4)] * len(found)
    assert all(f in d.message for f, d in zip(found, ds))


def test_gl501_carry_over_stated_beside_the_received_figure():
    """“收到申请N件，上年结转M件”: N is the 新收 alone; N = 新收 + 上年结转 is then a mismatch (it was
    accepted as the other reading). “共收到申请N件（含上年结转M件）” keeps both readings."""
    import reportgen as rg

    doc = rg.minimal_doc(2020, "2019")
    doc.tables["三"] = rg.consistent_table3(rg.table3("2019"), {("disclosed", "natural"): 4}, carried={"natural": 1},
                                            forward={"natural": 1})  # 新收 4, 上年结转 1
    def with_sentence(s):
        d = doc.copy()
        d.parts[0].body.append(s)
        return rg.render(d, "pipe")
    ok = with_sentence("全年收到政府信息公开申请4件，上年结转1件，办结4件，结转下年度继续办理1件。")
    assert run(ok.text, "GL501") == []
    bad = with_sentence("全年收到政府信息公开申请5件，上年结转1件，办结4件，结转下年度继续办理1件。")
    ds = run(bad.text, "GL501")
    assert len(ds) == 1 and "5" in ds[0].message and "4" in ds[0].message
    assert ds[0].line == bad.lines[("para", 1, 1)]
    both = with_sentence("全年共收到政府信息公开申请5件（含上年结转1件），办结4件，结转下年度继续办理1件。")
    assert run(both.text, "GL501") == []


def test_gl506_percentages_listed_with_fenbie_follow_their_figures():
    """“信函申请1件、网络申请2件，分别占33.33%、66.67%”: the first percentage is the first figure's share
    (reading each against the figure just before 分别 reported right shares as wrong)."""
    right = "2022年，我局共收到政府信息公开申请3件，其中信函申请1件、网络申请2件，占比分别为33.33%、66.67%。"
    assert run(text_with(insert_after={3: right}), "GL506") == []
    assert run(text_with(insert_after={3: right.replace("占比分别为", "分别占")}), "GL506") == []
    ds = run(text_with(insert_after={3: right.replace("33.33%、66.67%", "40%、60%")}), "GL506")
    assert where(ds) == [("GL506", 4)] * 2
    assert "1件" in ds[0].message and "2件" in ds[1].message


@pytest.mark.parametrize("sentence", [
    # each share of the whole (40): 公共卫生 names a field, its 共 does not mark 12件 as the total
    "申请涉及的领域分别为医疗机构管理（16件，占40%）、公共卫生（12件，占30%）、计划生育（8件，占20%）。",
    "学习习近平总书记重要讲话精神，开展应急演练12次，其中实战演练4次，占33.3%。",
])
def test_gl506_gong_and_zong_inside_other_words_do_not_mark_a_total(sentence):
    assert run(text_with(insert_after={3: sentence}), "GL506") == []
    # a word that does mark the total still does
    marked = "申请涉及的领域中，医疗机构管理16件，共计12件属于公共卫生，其中8件涉及疫苗，占20%。"
    assert where(run(text_with(insert_after={3: marked}), "GL506")) == [("GL506", 4)]


@pytest.mark.parametrize("sentence", [
    "全年累计收到政府信息公开申请{n}件。",  # 全年累计: this year's total, not a running total since some year
    "政府信息公开申请总计{n}件。",  # a total stated without a verb
    "共收到政府信息公开申请{n}件（同比增长50%）。",  # the comparison follows the figure: it is this year's
    "共收到政府信息公开申请{n}件较上年增加1件。",
])
def test_gl501_totals_with_leiji_zongji_and_a_comparison_after(sentence):
    assert run(text_with(insert_after={3: sentence.format(n=3)}), "GL501") == []
    assert where(run(text_with(insert_after={3: sentence.format(n=5)}), "GL501")) == [("GL501", 4)]


def test_gl501_outcomes_listed_in_a_sentence_of_their_own():
    """“依申请公开方面，共收到申请3件。从办理结果看，无法提供3件……” — the outcomes' sentence does not
    say 申请 again; table 三's outcome words (部分公开, 无法提供, 结转 …) say what it counts."""
    right = ("依申请公开方面，2022年共收到政府信息公开申请3件。从办理结果看，予以公开0件，部分公开0件，无法提供3件；"
             "另有0件结转至2023年继续办理。")
    assert run(text_with(insert_after={3: right}), "GL501") == []
    ds = run(text_with(insert_after={3: right.replace("无法提供3件", "无法提供2件")}), "GL501")
    assert where(ds) == [("GL501", 4)] and "无法提供" in ds[0].message
    # carried into the next year (结转至2023年): this year's figure, compared with 结转下年度继续办理
    ds = run(text_with(insert_after={3: right.replace("另有0件", "另有1件")}), "GL501")
    assert where(ds) == [("GL501", 4)] and "结转下年度" in ds[0].message
    # a list of outcomes of something else, with no application before it, is not compared
    assert run(text_with(insert_after={3: "经保密审查，不予公开2件。"}), "GL501") == []
    # a running total (累计 without 全年/本年) or a comparison before the figure is still skipped
    assert run(text_with(insert_after={3: ["累计收到政府信息公开申请50件。", "申请数量较上年增加5件。"]}), "GL501") == []


def test_gl501_no_application_said_while_table_counts_some():
    for said in ("全年未收到政府信息公开申请。", "本年度无依申请公开事项。", "2022年，我局没有收到公民、法人或其他组织的政府信息公开申请。"):
        ds = run(text_with(insert_after={3: said}), "GL501")
        assert where(ds) == [("GL501", 4)], said
        assert "没有收到" in ds[0].message and "3" in ds[0].message and ds[0].expected == 3
    fine = ["全年未收到政府信息公开申请的行政复议。", "2021年未收到政府信息公开申请。", "无需补正的政府信息公开申请当场答复。"]
    assert run(text_with(insert_after={3: fine}), "GL501") == []


def _doc_with_outcomes(*sentences):
    """A 2021 report whose table 三 has figures in several outcome rows (予以公开 12, 部分公开 3, 不予公开 4
    of which 第三方合法权益 3 and 过程性信息 1, 无法提供 9 of which 不掌握 7 and 另行制作 2), with
    ``sentences`` in part 一."""
    import reportgen as rg

    doc = rg.minimal_doc(2023)
    outcomes = {("disclosed", "natural"): 10, ("disclosed", "business"): 2, ("partly_disclosed", "natural"): 3,
                ("withheld.third_party", "natural"): 3, ("withheld.process", "natural"): 1,
                ("unable.not_held", "natural"): 7, ("unable.needs_creation", "natural"): 2}
    doc.tables["三"] = rg.consistent_table3(rg.table3("2021"), outcomes, carried={}, forward={})
    doc.parts[0].body.extend(sentences)
    return rg.render(doc, "pipe").text


def test_gl501_outcomes_joined_are_summed():
    """“予以公开和部分公开的共15件”: the figure counts both outcomes (it was compared with 部分公开 alone)."""
    lead = "全年共收到政府信息公开申请28件，其中予以公开12件、部分公开3件、不予公开4件、无法提供9件。"
    for said in ("予以公开和部分公开的共15件，占办结总数的53.6%。", "不予公开、无法提供的申请共13件。"):
        assert run(_doc_with_outcomes(lead + said), "GL501") == [], said
    ds = run(_doc_with_outcomes(lead + "予以公开和部分公开的共16件。"), "GL501")
    assert len(ds) == 1 and ds[0].expected == 15 and ds[0].actual == 16


def test_gl501_reasons_under_an_outcome_are_their_rows():
    """“无法提供的9件中，本机关不掌握相关政府信息7件”: 不掌握 names row （四）1, not all of （四）无法提供."""
    lead = "全年共收到政府信息公开申请28件。无法提供的9件中，本机关不掌握相关政府信息7件。"
    assert run(_doc_with_outcomes(lead), "GL501") == []
    listed = "不予公开4件，其中保护第三方合法权益3件、属于四类过程性信息1件；无法提供9件，其中需要另行制作2件。"
    assert run(_doc_with_outcomes("全年共收到政府信息公开申请28件。", listed), "GL501") == []
    # loosely written for the whole outcome (“因不掌握相关信息无法提供9件”) it is still right
    assert run(_doc_with_outcomes("全年共收到政府信息公开申请28件，因不掌握相关信息无法提供9件。"), "GL501") == []
    # a figure matching neither the row nor its outcome is reported
    ds = run(_doc_with_outcomes(lead.replace("信息7件", "信息6件")), "GL501")
    assert len(ds) == 1 and ds[0].expected == 7 and "不掌握" in ds[0].message


def test_gl501_disclosure_attributes_of_documents_are_no_applications():
    """The 公开属性 of documents (主动公开 / 依申请公开 / 不予公开) counts documents, not applications."""
    said = "全年对局发文1124件进行公开属性审核，其中主动公开689件、依申请公开318件、不予公开117件。"
    assert run(_doc_with_outcomes("全年共收到政府信息公开申请28件，不予公开4件。", said), "GL501") == []
    # an application sentence that also names 主动公开 is still read
    ds = run(_doc_with_outcomes("主动公开和依申请公开并重，全年共收到政府信息公开申请28件，不予公开5件。"), "GL501")
    assert len(ds) == 1 and ds[0].expected == 4


def test_gl505_categories_of_a_total_stop_at_the_figure_before_it():
    """“建议 86 件、提案 104 件，其中……” (PDF text spaces the digits): the subject of 104件 is 提案 alone, so
    the list is not complete (the spaced “86 件” was read as a category “ 件” that the list names)."""
    line = "共承办省人大代表建议 86 件、省政协提案 104 件，其中主办建议 31 件、主办提案 42 件，均按期办结。"
    assert run(text_with(insert_after={3: line}), "GL505") == []
    assert run(text_with(insert_after={3: line.replace(" ", "")}), "GL505") == []
    # categories named by the total itself still make the list complete, spaced or not
    whole = "共收到建议、提案 10 件，其中人大代表建议 4 件、政协提案 5 件。"
    assert where(run(text_with(insert_after={3: whole}), "GL505")) == [("GL505", 4)]
    assert where(run(text_with(insert_after={3: whole.replace(" ", "")}), "GL505")) == [("GL505", 4)]


def test_gl50x_a_whole_regions_figures_are_not_the_agencys():
    """A provincial or city government reports the figures of all its region's agencies beside its own
    (全省各级行政机关共新收申请4.28万件…；省政府本级新收申请28件): those are not table 三/四's."""
    region = ("全省各级行政机关共新收政府信息公开申请4.28万件，同比增长6.1%，其中市县两级占92.3%。"
              "全省各级行政机关因政府信息公开被申请行政复议1862件、被提起行政诉讼973件。")
    own = "省政府本级新收政府信息公开申请28件，未被申请行政复议，未被提起行政诉讼。"
    assert run(_doc_with_outcomes(region + own), "GL501") == []
    assert run(_doc_with_outcomes(region + own), "GL502") == []
    # the agency's own figure is still compared, also when named after the region's in one sentence
    ds = run(_doc_with_outcomes(region + own.replace("申请28件", "申请27件")), "GL501")
    assert len(ds) == 1 and ds[0].actual == 27
    ds = run(_doc_with_outcomes("全省各级行政机关共收到申请4.28万件，省政府本级收到政府信息公开申请27件。"), "GL501")
    assert len(ds) == 1 and ds[0].actual == 27
    # a region named without 各级 / 各部门 (全县共收到…) is still read as the report's own figure
    ds = run(_doc_with_outcomes("全县共收到政府信息公开申请27件。"), "GL501")
    assert len(ds) == 1 and ds[0].actual == 27
    # … unless the sentence goes on to give the agency's part of it: then the first figure is the region's
    for region in ("全县共收到政府信息公开申请56件，其中本局收到政府信息公开申请27件。",
                   "本年度，全区共收到政府信息公开申请56件，其中我局收到政府信息公开申请27件。"):
        ds = run(_doc_with_outcomes(region), "GL501")
        assert [d.actual for d in ds] == [27], region
        assert run(_doc_with_outcomes(region.replace("27件。", "28件。")), "GL501") == [], region


def test_gl501_new_applications_among_those_handled_are_not_the_new_total():
    """“办结28件，其中当年新收申请26件、上年结转申请2件”: 26 of the handled came in this year; table 三
    does not say how many of its 新收 were handled, so the figure is not compared with 一、本年新收."""
    import reportgen as rg

    doc = rg.minimal_doc(2023)
    doc.tables["三"] = rg.consistent_table3(rg.table3("2021"), {("disclosed", "natural"): 28}, carried={"natural": 2},
                                            forward={"natural": 4})  # 新收 30, 上年结转 2, 办结 28, 结转 4
    def text(s):
        d = doc.copy()
        d.parts[0].body.append(s)
        return rg.render(d, "pipe").text
    assert run(text("全年共办结政府信息公开申请28件，其中当年新收申请26件、上年结转申请2件。"), "GL501") == []
    # a total of applications dealt with (办理) is split into exactly 新收 and 上年结转: still compared
    ds = run(text("全年共办理政府信息公开申请32件，其中新收申请31件、上年结转申请2件。"), "GL501")
    assert len(ds) == 1 and ds[0].actual == 31 and ds[0].expected == 30


def test_gl506_a_share_names_its_part_and_may_be_of_those_handled():
    """“自然人申请794件，法人或其他组织申请86件，自然人申请占90.2%”: the share's clause names its part
    (it was read as 86 ÷ 880); “予以公开463件、占53.2%” may be a share of the applications handled
    (table 三 （七）总计 871), not only of those received."""
    import reportgen as rg

    doc = rg.minimal_doc(2023)
    doc.tables["三"] = rg.consistent_table3(
        rg.table3("2021"), {("disclosed", "natural"): 420, ("disclosed", "business"): 43, ("unable.not_held", "natural"): 365,
                            ("unable.not_held", "other"): 43},
        carried={"natural": 34}, forward={"natural": 43})  # 新收 880 (自然人 794), 上年结转 34, 办结 871

    def text(s):
        d = doc.copy()
        d.parts[0].body.append(s)
        return rg.render(d, "pipe").text
    named = "依申请公开工作中，自然人申请794件，法人或其他组织申请86件，自然人申请占90.2%。"
    assert run(text(named), "GL506") == []
    ds = run(text(named.replace("90.2%", "80.2%")), "GL506")
    assert len(ds) == 1 and "794" in ds[0].message
    # a clause naming what no figure of its sentence is labelled with is not guessed at
    assert run(text("法人或其他组织申请86件，自然人占90.2%。"), "GL506") == []
    # the share of the figure just before it, when the clause names nothing, as before
    assert len(run(text("全年共收到政府信息公开申请880件，法人或其他组织申请86件，占90.2%。"), "GL506")) == 1
    handled = "全年政府信息公开申请答复中，予以公开463件、占53.2%，无法提供408件、占46.8%。"
    assert run(text(handled), "GL506") == []
    assert len(run(text(handled.replace("53.2%", "55.2%")), "GL506")) == 1


def test_gl5_figures_with_typed_blanks():
    # 规范性文件 30 件, 申请１２　件: the blank between the words, the number and its unit is no gap
    ds = run(text_with(insert_after={3: "本年度制发行政规范性文件 5 件，现行有效行政规范性文件\u300010\u3000件。"}), "GL503")
    assert where(ds) == [("GL503", 4), ("GL503", 4)]
    ds = run(text_with(insert_after={3: "2022 年，我局共收到政府信息公开申请 5 件。"}), "GL501")
    assert where(ds) == [("GL501", 4)] and ds[0].actual == 5
    # 2021 年 is another year, 约 5 件 an approximation: not compared
    assert run(text_with(insert_after={3: "2021 年，我局共收到政府信息公开申请 5 件。"}), "GL501") == []
    assert run(text_with(insert_after={3: "2022年，我局共收到政府信息公开申请约 5 件。"}), "GL501") == []


@pytest.mark.parametrize("sentence", [
    # last year's figure written with 上年 / 上年度 / 上一年度 (not only 去年, 较上年)
    "上年共收到政府信息公开申请18件，本年度收到3件。",
    "上年度受理政府信息公开申请18件。",
    "上一年度我局收到政府信息公开申请18件。",
    # a part of the year: a quarter, a half, a month, a day
    "第一季度受理政府信息公开申请1件，第二季度2件。",
    "第1季度受理政府信息公开申请1件。",
    "上半年共收到政府信息公开申请1件，下半年2件。",
    "1-6月收到政府信息公开申请1件。",
    "3月份集中收到政府信息公开申请2件。",
    "2022年3月15日收到的1件政府信息公开申请，已于4月2日答复。",
])
def test_gl501_last_year_and_parts_of_the_year_are_not_the_years_figures(sentence):
    assert run(text_with(insert_after={3: sentence}), "GL501") == []


@pytest.mark.parametrize("sentence", [
    # the table's own words 上年结转 / 结转上年度 and the whole year or its end are still this year's
    "全年收到政府信息公开申请5件，上年结转0件。",
    "依申请公开方面，结转上年度申请1件。",
    "截至12月31日，共收到政府信息公开申请5件。",
    "2022年1月1日至12月31日，共收到政府信息公开申请5件。",
    "1-12月共收到政府信息公开申请5件。",
])
def test_gl501_the_whole_year_and_the_tables_words_are_still_compared(sentence):
    assert len(run(text_with(insert_after={3: sentence}), "GL501")) == 1


@pytest.mark.parametrize("sentence", [
    # a part of the applications by timing or by channel: table 三 has no row for it
    "全年共收到政府信息公开申请28件，其中按时答复27件，延期答复1件。",
    "政府信息公开申请均在法定期限内答复，其中当场答复5件。",
    "本年度逾期答复政府信息公开申请1件。",
    "通过信函方式收到政府信息公开申请3件。",
    "其中，通过互联网渠道受理政府信息公开申请18件。",
    # every applicant named: the total, not the 法人或其他组织 columns
    "共受理自然人、法人或其他组织政府信息公开申请28件。",
    "全年受理公民、法人和其他组织提出的政府信息公开申请28件。",
    # 个人隐私 and 商业秘密 are withheld to protect a third party's rights (row （三）4, 3 here)
    "政府信息公开申请中，因涉及个人隐私不予公开3件。",
    # a whole sector of the region (全省…系统), unless the agency is named after it
    "全省卫生健康系统共受理政府信息公开申请1,536件，其中本委28件。",
])
def test_gl501_parts_by_timing_or_channel_and_every_applicant(sentence):
    assert run(_doc_with_outcomes(sentence), "GL501") == []


@pytest.mark.parametrize("sentence", [
    # a total written with 共 after 申请, or as the 数量 of 依申请公开
    "政府信息公开申请共30件，均已按时答复。",
    "本年度依申请公开数量为30件。",
    # a total listing the channels is still the total
    "通过网络、信函、当面等方式共收到政府信息公开申请30件。",
    # the agency's own figure after the sector's
    "全省卫生健康系统共受理政府信息公开申请1,536件，本委收到政府信息公开申请30件。",
])
def test_gl501_totals_still_compared(sentence):
    ds = run(_doc_with_outcomes(sentence), "GL501")
    assert len(ds) == 1 and ds[0].actual == 30 and ds[0].expected == 28


def test_gl501_outcomes_listed_in_part_three_without_saying_application():
    """Part 三 is about applications: a sentence of its outcomes is read there even alone."""
    import reportgen as rg

    doc = rg.minimal_doc(2023)
    doc.tables["三"] = rg.consistent_table3(rg.table3("2021"), {("disclosed", "natural"): 12, ("partly_disclosed", "natural"): 3},
                                            carried={}, forward={})
    doc.part(3).body.insert(0, "予以公开12件，部分公开4件。")
    ds = run(rg.render(doc, "pipe").text, "GL501")
    assert len(ds) == 1 and ds[0].actual == 4 and ds[0].expected == 3


def test_gl502_cases_decided_as_the_reconsideration_body_are_not_table_four():
    """A government (or a department over its offices) decides reconsiderations: the cases it takes in
    are not those brought against it (table 四: one reconsideration, seed lines 318 and 322)."""
    one_review = {318: "1 |", 322: "1 |"}
    for said in ("我局作为行政复议机关，全年受理涉及政府信息公开的行政复议申请15件，审结14件。",
                 "全年审理政府信息公开类行政复议案件12件。"):
        assert run(text_with(replace=one_review, insert_after={3: said}), "GL502") == [], said
    # the agency's own cases in the next sentence, or before the reviewer's, are still compared
    both = "作为复议机关受理政府信息公开类行政复议申请15件。因政府信息公开被申请行政复议2件。"
    ds = run(text_with(replace=one_review, insert_after={3: both}), "GL502")
    assert len(ds) == 1 and ds[0].actual == 2
    ds = run(text_with(replace=one_review, insert_after={3: "因政府信息公开被申请行政复议2件，审结1件。"}), "GL502")
    assert len(ds) == 1 and ds[0].actual == 2


@pytest.mark.parametrize("sentence, found", [
    # the share names its base: the figure so labelled, not the total received (12 ÷ 24 = 50%, 12 ÷ 23 = 52.2%)
    ("全年收到信息公开申请23件，办结24件，其中予以公开12件，占办结总数的50%。", []),
    ("全年收到信息公开申请23件，办结24件，其中予以公开12件，占办结总数的60%。", ["50.0%"]),
    ("全年办结政府信息公开申请24件，共收到申请23件，其中予以公开12件，占办结总数的50%。", []),
    ("全年办结政府信息公开申请24件，共收到申请23件，其中予以公开12件，占申请总数的50%。", ["52.2%"]),
    ("全年收到信息公开申请23件，其中予以公开12件，占申请总数的52.2%。", []),
    ("全年收到信息公开申请23件，其中予以公开12件，占全部申请的60%。", ["52.2%"]),
    # a base no figure of the sentence is labelled with is not guessed at
    ("全年收到信息公开申请23件，同比下降8%，其中予以公开12件，占办结总数的50%。", []),
])
def test_gl506_a_share_naming_its_base(sentence, found):
    ds = run(text_with(insert_after={3: sentence}), "GL506")
    assert where(ds) == [("GL506", 4)] * len(found)
    assert all(f in d.message for f, d in zip(found, ds))


def test_gl5_a_label_before_a_colon_names_the_figure():
    """“行政复议：2件；行政诉讼：0件” — the label stands before the colon (table 四: one reconsideration)."""
    one_review = {318: "1 |", 322: "1 |"}
    ds = run(text_with(replace=one_review, insert_after={3: "政府信息公开行政复议：2件；行政诉讼：0件。"}), "GL502")
    assert len(ds) == 1 and ds[0].actual == 2 and ds[0].expected == 1
    assert run(text_with(replace=one_review, insert_after={3: "政府信息公开行政复议：1件；行政诉讼：0件。"}), "GL502") == []
    ds = run(_doc_with_outcomes("政府信息公开申请办理结果：予以公开：12件，部分公开：4件。"), "GL501")
    assert len(ds) == 1 and ds[0].actual == 4 and ds[0].expected == 3


def test_gl501_still_being_handled_after_a_sentence_about_applications():
    """“……申请28件。办理完结27件，尚有2件正在办理中” — the second sentence speaks of the same applications."""
    said = "依申请公开方面，全年共收到政府信息公开申请28件。本年度办理完结{d}件，尚有{f}件正在办理中。"
    assert run(_doc_with_outcomes(said.format(d=28, f=0)), "GL501") == []
    ds = run(_doc_with_outcomes(said.format(d=27, f=1)), "GL501")
    assert sorted((d.actual, d.expected) for d in ds) == [(1, 0), (27, 28)]


def test_gl501_none_carried_said_while_table_counts_some():
    """“已全部办结，无结转” / “没有上年结转的申请” while table 三 counts some (二 and 四 rows)."""
    import reportgen as rg

    def text(s, carried, forward):
        doc = rg.minimal_doc(2023)
        doc.tables["三"] = rg.consistent_table3(rg.table3("2021"), {("disclosed", "natural"): 5},
                                                carried={"natural": carried}, forward={"natural": forward})
        doc.parts[0].body.append(s)
        return rg.render(doc, "pipe").text
    for said, row in (("全年共收到政府信息公开申请{n}件，已全部办结，无结转。", "carry_forward"),
                      ("我局全年收到依申请公开{n}件，全部办结，无结转下年度办理的申请。", "carry_forward"),
                      ("依申请公开方面，本年度没有上年结转的申请，新收申请{n}件。", "carried_over")):
        assert run(text(said.format(n=5), 0, 0), "GL501") == [], said
        ds = run(text(said.format(n=5), 1, 1), "GL501")  # (新收 stays 5)
        assert [(d.row, d.actual, d.expected) for d in ds] == [(row, 0, 1)], said
    # another year's, or about proposals, or 无结转上年: not this claim
    for said in ("2022年度政府信息公开申请全部办结，无结转。", "建议提案全部办结，无结转。"):
        assert run(text(said, 1, 1), "GL501") == [], said


# ---------------------------------------------------------------- “none” statements and a bare 0 against tables 二 and 四

# seed table 二: 规章 本年制发件数 line 19, 行政规范性文件 本年制发件数 line 23, 本年收费金额 line 51;
# table 四: 行政复议 结果维持/总计 lines 318/322, 未经复议直接起诉 结果维持/总计 lines 323/327
_ISSUED = {19: "1 |", 23: "3 |"}
_FEES = {51: "2.5 |"}
_CASES = {318: "2 |", 322: "2 |", 323: "1 |", 327: "1 |"}


@pytest.mark.parametrize("sentence, rows", [
    ("本年度未制发行政规范性文件。", ["行政规范性文件"]),
    ("2022年，本机关未出台规章。", ["规章"]),
    ("全年无新制发的规范性文件。", ["行政规范性文件"]),
    ("本年度本单位没有制发规章和行政规范性文件。", ["规章", "行政规范性文件"]),
    ("我局本年度未制定、未发布规章和规范性文件。", ["规章", "行政规范性文件"]),
    ("本单位无权制定规章，本年度亦未印发行政规范性文件。", ["行政规范性文件"]),
    # not a statement that none was issued this year
    ("2021年未制发行政规范性文件。", []),
    ("上年度未制发行政规范性文件，本年度制发3件。", []),
    ("对未按规定公开的规范性文件进行了清理。", []),
    ("未经合法性审核的规范性文件一律不得发布。", []),
    ("未发现违规制发规范性文件情况。", []),
    ("未制发的规范性文件草案不予公开。", []),
    ("本年度未制发规范性文件的部门应在报告中说明。", []),
    ("本年度未出台新的规章制度。", []),
    ("本年度未废止行政规范性文件。", []),
    ("本年度未以局名义制发规范性文件。", []),
    ("严格规范性文件管理，未制发违法违规的规范性文件。", []),
])
def test_gl503_none_issued_said_while_table_counts_some(sentence, rows):
    """“本年度未制发行政规范性文件” while table 二 counts documents issued this year."""
    ds = run(text_with(replace=_ISSUED, insert_after={3: sentence}), "GL503")
    assert [("规章" if "规章”行" in d.message else "行政规范性文件") for d in ds] == rows, sentence
    assert all(d.line == 4 and d.actual == 0 and "本年制发件数" in d.message and "说没有" in d.message for d in ds)
    assert run(text_with(insert_after={3: sentence}), "GL503") == []  # table 二 all 0: the text agrees


@pytest.mark.parametrize("sentence, part, found", [
    ("本年度未收取行政事业性收费。", 1, True),
    ("我局无行政事业性收费项目。", 1, True),
    ("本单位为全额拨款单位，不涉及行政事业性收费。", 1, True),
    ("本年度行政事业性收费金额为0。", 1, True),
    ("未收取信息处理费，也无行政事业性收费。", 1, True),
    ("我镇无收费项目，相关数据为0。", 2, True),  # in part 二 a bare 收费 is table 二's
    # the 信息处理费 of applications is not table 二's fee
    ("本年度未收取信息处理费。", 1, False),
    ("未向申请人收取任何费用。", 1, False),
    ("本机关未收取信息处理费，无收费项目。", 2, False),
    ("我镇无收费项目。", 1, False),
    ("无行政事业性收费违规问题。", 1, False),
    ("严禁违规收取行政事业性收费。", 1, False),
    ("2021年无行政事业性收费。", 1, False),
])
def test_gl503_no_fees_said_while_table_counts_some(sentence, part, found):
    """“本年度未收取行政事业性收费” while table 二's 本年收费金额 is 2.5万元."""
    at = 3 if part == 1 else 12  # after part 一's heading, or part 二's
    ds = run(text_with(replace=_FEES, insert_after={at: sentence}), "GL503")
    assert where(ds) == ([("GL503", at + 1)] if found else []), sentence
    if found:
        assert "行政事业性收费" in ds[0].message and "2.5" in ds[0].message and ds[0].expected == 2.5
    assert run(text_with(insert_after={at: sentence}), "GL503") == []


@pytest.mark.parametrize("sentence, found", [
    # in part 四 a statement needs no 信息公开 to be about disclosure cases
    ("本年度未发生行政复议、行政诉讼案件。", ["行政复议", "行政诉讼"]),
    ("本年度无行政复议和行政诉讼。", ["行政复议", "行政诉讼"]),
    ("全年无行政诉讼案件。", ["行政诉讼"]),
    ("本年度本单位未出现行政复议和行政诉讼情况。", ["行政复议", "行政诉讼"]),
    # not a statement about the cases against the agency this year
    ("2021年未发生行政复议、行政诉讼案件。", []),
    ("作为行政复议机关，本年度未收到涉及政府信息公开的行政复议申请。", []),
    ("行政复议、行政诉讼均未被纠错。", []),
    ("未发生因行政复议、行政诉讼被追究责任的情况。", []),
])
def test_gl502_none_said_in_part_four(sentence, found):
    ds = run(text_with(replace=_CASES, insert_after={295: sentence}), "GL502")
    assert [("行政复议" if "没有行政复议" in d.message else "行政诉讼") for d in ds] == found, sentence
    assert all(d.line == 296 for d in ds)
    assert run(text_with(insert_after={295: sentence}), "GL502") == []
    # outside part 四 the sentence's words must name disclosure: “…行政许可…未发生行政复议” is not
    assert run(text_with(replace=_CASES, insert_after={3: "全年办理行政许可事项1200件，未发生行政复议、行政诉讼案件。"}),
               "GL502") == []


@pytest.mark.parametrize("sentence, code, found", [
    # a bare 0 right after the thing counted is a count of 0
    ("本年度行政诉讼案件数为0。", "GL502", ["行政诉讼"]),
    ("被申请行政复议数量为0。", "GL502", ["行政复议"]),
    ("政府信息公开行政复议案件为0，行政诉讼案件为0。", "GL502", ["行政复议", "行政诉讼"]),
    ("行政复议和行政诉讼均为0。", "GL502", ["行政复议", "行政诉讼"]),
    ("全年行政复议案件数为０。", "GL502", ["行政复议"]),
    ("本年度制发规范性文件数量为0。", "GL503", ["规范性文件"]),
    ("本年度制发规章数为0。", "GL503", ["规章"]),
    # 0 in rates and in counts of outcomes or of something else counts no case
    ("行政复议纠错率为0。", "GL502", []),
    ("行政复议被纠错数为0。", "GL502", []),
    ("行政诉讼败诉数为0。", "GL502", []),
    ("行政复议0.0%纠错。", "GL502", []),
    ("废止规章数为0。", "GL503", []),
    ("本年度规范性文件备案审查纠错数为0。", "GL503", []),
])
def test_gl5_zero_written_as_a_bare_digit(sentence, code, found):
    at = 295 if code == "GL502" else 12
    ds = run(text_with(replace={**_CASES, **_ISSUED}, insert_after={at: sentence}), code)
    kinds = ("行政复议", "行政诉讼") if code == "GL502" else ("规章", "规范性文件")
    assert [next(k for k in kinds if k + ("案件数" if code == "GL502" else "件数") in d.message) for d in ds] == found
    assert all(d.line == at + 1 and d.actual == 0 for d in ds)
    assert run(text_with(insert_after={at: sentence}), code) == []


@pytest.mark.parametrize("sentence, found", [
    # table 三 here: （七）总计 28, 予以公开 12 (42.9%), 部分公开 3 (10.7%); no figure of the base in the sentence
    ("予以公开12件，占办结数的42.9%。", []),
    ("予以公开12件，占办结数的60%。", ["42.9%"]),
    ("部分公开3件，占办理总数的10.7%。", []),
    ("部分公开3件，占办理总数的20%。", ["10.7%"]),
    ("从办理结果看，予以公开12件，占已办结申请的50%。", ["42.9%"]),
    ("予以公开12件，占全年办结总数的42.9%，部分公开3件，占办结数的15%。", ["10.7%"]),
    # an earlier figure so named is the base too
    ("本年度办结申请30件。予以公开12件，占办结数的40%。", []),
    # a base table 三 does not count is not guessed at
    ("予以公开12件，占本部门办结数的60%。", []),
    ("予以公开12件，占全省办结数的0.5%。", []),
])
def test_gl506_a_share_of_those_handled_with_no_figure_in_its_sentence(sentence, found):
    ds = run(_doc_with_outcomes(sentence), "GL506")
    assert len(ds) == len(found), sentence
    assert all(f in d.message and "（七）总计" in d.message for f, d in zip(found, ds))


def test_gl5_counts_of_other_things_named_like_cases_or_applications():
    """Withdrawn applications are no count of table 三 (申请数为 would read them as received), and the
    reconsideration decisions an agency receives are no count of cases (table 四: 2 reconsiderations)."""
    assert run(_doc_with_outcomes("本年度申请人撤回政府信息公开申请数为0件。"), "GL501") == []
    assert len(run(_doc_with_outcomes("本年度政府信息公开申请数为0件。"), "GL501")) == 1
    assert run(text_with(replace=_CASES, insert_after={295: "本年度收到行政复议决定书数为0件。"}), "GL502") == []
    assert len(run(text_with(replace=_CASES, insert_after={295: "本年度行政复议案件数为0件。"}), "GL502")) == 1


def test_a_sentence_with_its_figure_set_apart_by_blanks_is_prose():
    """“本年度行政复议数为 0 。” (text extracted from a PDF puts blanks around figures and marks): a
    sentence of part 四 the narrative checks read, not a table row of unknown kind."""
    import govlint

    line = "本年度行政复议数为 0 。"
    text = text_with(insert_after={4: line})
    at = text.split("\n").index(line) + 1
    report = govlint.parse(text)
    assert any(line in p.text for p in report.section(1).paragraphs)
    assert all(t.span.line != at for t in report.tables)


@pytest.mark.parametrize("line", ["行政复议 0 件，行政诉讼 0 件，", "本年度共收到 23 件，办结 23 件，", "予以公开 12 件，部分公开 3 件，"])
def test_a_wrapped_line_of_prose_with_figures_set_apart_is_prose(line):
    """A line of a paragraph as text from a PDF gives it (figures set apart by blanks, the line cut
    after a comma): its words are short, but a comma outside brackets is a sentence's, never a table
    header's — it was read as a table (三 or 四) with its rows missing (GL202, GL211, GL212)."""
    import govlint

    text = text_with(insert_after={4: line})
    at = text.split("\n").index(line) + 1
    report = govlint.parse(text)
    assert any(line in p.text for p in report.section(1).paragraphs)
    assert all(t.span.line != at for t in report.tables)


@pytest.mark.parametrize("sentence, found", [
    # a figure written with a thousands separator (1,062件) is one figure: its comma ends no clause, so
    # the share after it is still the share of that figure
    ("全年新收申请1,317件。从申请主体看，自然人申请1,062件，占比70%。", ["80.6%"]),
    ("全年新收申请1,317件。从申请主体看，自然人申请1,062件，占比80.6%。", []),
    ("全年新收申请1,317件，其中自然人申请1,062件，占70%。", ["80.6%"]),
])
def test_gl506_figures_with_a_thousands_separator(sentence, found):
    ds = run(text_with(insert_after={3: sentence}), "GL506")
    assert where(ds) == [("GL506", 4)] * len(found)
    assert all(f in d.message for f, d in zip(found, ds))


@pytest.mark.parametrize("sentences, found", [
    # the outcomes listed with “；” between them (a share after the first): one list up to the 。
    (["全年共收到政府信息公开申请28件。从办理结果看，予以公开13件，占46.4%；部分公开3件；不予公开4件；无法提供9件。"], [12]),
    (["全年共收到政府信息公开申请28件。从办理结果看，予以公开12件，占42.9%；部分公开3件；不予公开4件；无法提供8件。"], [9]),
    (["全年共收到政府信息公开申请28件。从办理结果看，予以公开12件，占42.9%；部分公开3件；不予公开4件；无法提供9件。"], []),
    # in a paragraph of its own: outcomes only table 三 has (无法提供, 不予处理, 其他处理) beside another say
    # what the list counts
    (["全年共收到政府信息公开申请28件。", "在办理结果方面，本局予以公开13件、部分公开3件、不予公开4件、无法提供9件。"], [12]),
    (["全年共收到政府信息公开申请28件。", "在办理结果方面，本局予以公开12件、部分公开3件、不予公开4件、无法提供9件。"], []),
    # documents' 公开属性 (部分公开 and 不予公开 beside 主动公开) are not applications
    (["全年共收到政府信息公开申请28件。", "全年审核发文1124件，其中主动公开689件、部分公开20件、不予公开117件。"], []),
])
def test_gl501_outcome_lists_across_semicolons_and_paragraphs(sentences, found):
    ds = run(_doc_with_outcomes(*sentences), "GL501")
    assert [d.expected for d in ds] == found


@pytest.mark.parametrize("sentence, found", [
    # “分别占x%、y%” with the whole in an earlier sentence: the i-th share is the i-th figure's, checked
    # like a bare share (分别 names no part; the shares before it in the list name no base)
    ("全年新收申请80件。当面申请8件、网络申请70件、信函申请2件，分别占10%、87.5%、2.5%。", []),
    ("全年新收申请80件。当面申请8件、网络申请70件、信函申请2件，分别占10%、97.5%、2.5%。", ["87.5%"]),
    ("全年新收申请80件。当面、网络、信函申请分别为8件、70件、2件，分别占10%、97.5%、2.5%。", ["87.5%"]),
    ("全年新收申请80件。当面、网络、信函申请分别为8件、70件、2件，分别占10%、87.5%、2.5%。", []),
])
def test_gl506_respective_shares_of_an_earlier_whole(sentence, found):
    ds = run(text_with(insert_after={3: sentence}), "GL506")
    assert where(ds) == [("GL506", 4)] * len(found)
    assert all(f in d.message for f, d in zip(found, ds))


@pytest.mark.parametrize("sentence, codes", [
    # a figure broken down in brackets right after it, outside any 其中 list (GL504/GL505 read only the
    # brackets of a 其中 list's parts): complete unless the bracket says 其中/含/包括/等
    ("全年发布政策解读43篇（图文解读15篇、视频解读6篇、专家访谈22篇），召开新闻发布会19场。", []),
    ("全年发布政策解读43篇（图文解读15篇、视频解读6篇、专家访谈16篇），召开新闻发布会19场。", ["GL505"]),
    ("全年发布政策解读43篇（图文解读15篇、视频解读6篇、专家访谈26篇），召开新闻发布会19场。", ["GL504"]),
    ("全年发布政策解读43篇（含图文解读15篇、视频解读6篇），召开新闻发布会19场。", []),
    ("全年发布政策解读43篇（图文解读15篇、视频解读6篇等），召开新闻发布会19场。", []),
    # a comparison in the brackets is no breakdown; one part is none either
    ("全年发布政策解读43篇（较上年增加5篇、同比增长13%），召开新闻发布会19场。", []),
    ("全年收到申请3件（上年结转1件），召开新闻发布会19场。", []),
])
def test_gl504_gl505_a_bracketed_breakdown_of_a_figure_alone(sentence, codes):
    text = text_with(insert_after={3: sentence})
    ds = run(text, "GL504") + run(text, "GL505")
    assert where(ds) == [(c, 4) for c in codes]


# ---------------------------------------------------------------- prose3 probe: a third author's phrasings

@pytest.mark.parametrize("lines, found", [
    # a list's later figures are not named by the labels of the earlier ones: 网络申请 names 3件, not 信函's 0件
    ({3: "全年共收到政府信息公开申请3件。按申请渠道分，当面申请0件、网络申请3件、信函申请0件，网络申请占比100%。"}, []),
    ({3: "全年共收到政府信息公开申请3件。按申请渠道分，当面申请0件、网络申请3件、信函申请0件，网络申请占比60%。"}, [("GL506", 4)]),
    # 按时办结率 is of the applications handled on time, which 办结2720件 does not say
    ({3: "全年受理12345热线转办工单2722件，办结2720件，按时办结率99.6%。"}, []),
    ({3: "全年受理12345热线转办工单2722件，按时办结2720件，按时办结率99.6%。"}, [("GL506", 4)]),
])
def test_gl506_list_labels_and_qualified_rates(lines, found):
    assert where(run(text_with(insert_after=lines), "GL506")) == found


@pytest.mark.parametrize("lines, found", [
    # another year in a later clause is a comparison: the figure before it is this year's
    ({3: "2022年本局收到政府信息公开申请5件，较2021年的4件上升25%。"}, [("GL501", 4)]),
    ({3: "2022年本局收到政府信息公开申请3件，较2021年的4件下降25%。"}, []),
    ({3: "2021年本局收到政府信息公开申请5件。"}, []),  # (another year before it: still that year's)
    # a region's total, then the agency's part in a sentence opening with 其中, without 申请
    ({3: "2022年，全县各级行政机关共收到政府信息公开申请80件。其中，县政府办公室收到5件，各乡镇收到75件。"}, [("GL501", 4)]),
    ({3: "2022年，全县各级行政机关共收到政府信息公开申请80件。其中，县政府办公室收到3件，各乡镇收到77件。"}, []),
    ({3: "全县全年共收到政府信息公开申请2742件，其中区政府本级收到6件，占0.2%。"}, [("GL501", 4)]),
    # … the region's total is not the agency's when its part is a 政府办公室's
    ({3: "全县全年共收到政府信息公开申请80件，其中县政府办公室收到3件，占3.75%。"}, []),
    # a paragraph of its own after the one about the applications received
    ({3: ["（二）依申请公开方面。全年共收到政府信息公开申请3件，均已按时答复。", "全年共办结申请5件。"]}, [("GL501", 5)]),
    ({3: ["（二）依申请公开方面。全年共收到政府信息公开申请3件，均已按时答复。", "全年共办结申请3件。"]}, []),
    # … but not after a paragraph about something else
    ({3: ["（一）主动公开方面。全年公开政府信息120条，均在政府信息公开专栏发布。", "全年共办结申请5件。"]}, []),
])
def test_gl501_third_author_phrasings(lines, found):
    assert where(run(text_with(insert_after=lines), "GL501")) == found


# ---------------------------------------------------------------- prose4 probe: a fourth author's phrasings

@pytest.mark.parametrize("sentence, found", [
    # (table 四 here: 行政复议 总计 2, 行政诉讼 1)
    # the kind named in a lead clause (…方面，) is the topic of the figure after it
    ("行政诉讼方面，全年被诉1件，其中已审结1件。", []),
    ("行政诉讼方面，全年被诉3件，其中已审结1件。", ["行政诉讼"]),
    ("行政复议方面，全年共2件。", []),
    ("在行政复议方面，全年共5件。", ["行政复议"]),
    ("本年度被诉3件。", ["行政诉讼"]),
    # … not a lead naming both kinds, nor one that says something of its own, nor a figure of something else
    ("行政复议和行政诉讼方面，全年共5件。", []),
    ("未发生行政复议，全年收到申请5件。", ["行政复议"]),  # (the statement of none, not the 5件)
    ("行政诉讼方面，全年办理申请5件。", []),
    # a lone 十 is ten
    ("全年发生政府信息公开行政复议案件十件、行政诉讼案件一件。", ["行政复议"]),
    ("全年发生政府信息公开行政复议案件二件、行政诉讼案件十件。", ["行政诉讼"]),
    ("本年度未发生政府信息公开方面的行政复议和行政诉讼。", ["行政复议", "行政诉讼"]),
])
def test_gl502_fourth_author_phrasings(sentence, found):
    ds = run(text_with(replace=_CASES, insert_after={295: sentence}), "GL502")
    kinds = ["行政复议" if "行政复议案件数" in d.message or "没有行政复议" in d.message else "行政诉讼" for d in ds]
    assert kinds == found, (sentence, [d.message for d in ds])
    assert all(d.line == 296 for d in ds)


@pytest.mark.parametrize("lines, found", [
    # (seed table 三: 新收 3, all from 自然人; 上年结转 0; （七）总计 3; 结转下年度 0)
    # the applicant named in the clause before a bare figure (以公民个人申请为主，共N件)
    ({3: "全年共收到政府信息公开申请3件。从申请主体来看，以公民个人申请为主，共3件，占100%。"}, []),
    ({3: "全年共收到政府信息公开申请3件。从申请主体来看，以公民个人申请为主，共2件，占66.7%。"}, [("GL501", 4)]),
    # … not the whole a figure is a part of (…申请中，有2件…; …申请中，2件涉及…)
    ({3: "全年共收到政府信息公开申请3件。受理的政府信息公开申请中，有2件为同一申请人重复提出。"}, []),
    ({3: "本年度办理的政府信息公开申请中，2件涉及多个部门，已会商办理。"}, []),
    # a figure handled in a sentence going on about the applications, without 申请
    ({3: "（二）依申请公开方面。全年共收到政府信息公开申请3件。截至年底，已办结3件。"}, []),
    ({3: "（二）依申请公开方面。全年共收到政府信息公开申请3件。截至年底，已办结5件。"}, [("GL501", 4)]),
    # … not after a sentence about another matter
    ({3: "全年共收到政府信息公开申请3件。全年受理12345热线工单200件。截至年底，已办结180件。"}, []),
    ({3: "全年共收到政府信息公开申请3件。（三）政府信息管理方面。截至年底，已办结180件。"}, []),
    # a figure opening its sentence, what became of it in the next clause; through a paragraph with
    # nothing of another matter
    ({3: ["全年共收到政府信息公开申请3件。", "办结率为100%，平均答复时限6个工作日。", "2件申请因未到答复期限，结转下一年度继续办理。"]},
     [("GL501", 6)]),
    ({3: ["全年共收到政府信息公开申请3件。", "（三）政府信息管理方面。全年审核公文200件。", "2件申请因未到答复期限，结转下一年度继续办理。"]},
     []),
    ({3: "全年共收到政府信息公开申请3件，已办结3件，另有2件尚在答复期限内，结转至2023年继续办理。"}, [("GL501", 4)]),
])
def test_gl501_fourth_author_phrasings(lines, found):
    assert where(run(text_with(insert_after=lines), "GL501")) == found


@pytest.mark.parametrize("lines, found", [
    # (seed table 三: 新收 3, 上年结转 0, （七）总计 3) a 办结率 with no figure received in its sentence: an
    # earlier one of the paragraph, or table 三's
    ({3: ["全年共收到政府信息公开申请3件。", "办结率为90%，平均答复时限6个工作日。"]}, [("GL506", 5)]),
    ({3: ["全年共收到政府信息公开申请3件。", "办结率为100%，平均答复时限6个工作日。"]}, []),
    ({3: "全年共收到政府信息公开申请3件。截至年底，已办结3件，办结率90%。"}, [("GL506", 4)]),
    ({3: "全年共收到政府信息公开申请3件。截至年底，已办结3件，办结率100%。"}, []),
    ({3: "政府信息公开申请办结率为90%。"}, [("GL506", 4)]),
    # … not one of another matter
    ({3: "全年共收到政府信息公开申请3件。全年受理12345热线工单200件，办结率为90%。"}, []),
    ({3: ["全年共收到政府信息公开申请3件。", "承办人大代表建议5件，办结率为80%。"]}, []),
    ({3: ["（一）主动公开方面。全年公开政府信息120条。", "办结率为90%，平均答复时限6个工作日。"]}, []),
    # … nor another year's, nor one aimed at
    ({3: "全年共收到政府信息公开申请3件。2021年依申请公开办结率为95%，今年有所提升。"}, []),
    ({3: "全年共收到政府信息公开申请3件。下一步，力争依申请公开办结率达到98%。"}, []),
])
def test_gl506_a_rate_handled_with_no_figure_received(lines, found):
    assert where(run(text_with(insert_after=lines), "GL506")) == found


# ---------------------------------------------------------------- narr16 probe: figures beside last year's, named only

@pytest.mark.parametrize("lines, found", [
    # (seed table 三: 新收 3, 上年结转 0, （四）无法提供 3, （七）总计 3)
    # the report year named in the figure's own clause after another year's: the figure is this year's
    ({3: "与2021年的2件相比，2022年共收到政府信息公开申请3件。"}, []),
    ({3: "与2021年的2件相比，2022年共收到政府信息公开申请5件。"}, [("GL501", 4)]),
    ({3: "2021年收到政府信息公开申请2件，2022年收到政府信息公开申请5件。"}, [("GL501", 4)]),
    # … not a clause naming the other year too
    ({3: "2021年和2022年分别收到政府信息公开申请2件、5件。"}, []),
    # the figure a change starts from is an earlier state (由2件增至3件)
    ({3: "收到政府信息公开申请由2件增至3件。"}, []),
    ({3: "与2021年相比，2022年政府信息公开申请量从5件下降到3件。"}, []),
    # 申请 without 信息公开, in a list of outcomes only table 三 counts
    ({3: "在已办结的3件申请中，部分公开0件，无法提供3件。"}, []),
    ({3: "在已办结的3件申请中，部分公开0件，无法提供2件。"}, [("GL501", 4)]),
    # 依申请公开 named right before the figure, beside other words of applications (or 依申请公开事项)
    ({3: "依申请公开3件，其中当面申请1件、网络申请2件。"}, []),
    ({3: "依申请公开4件，其中当面申请1件、网络申请3件。"}, [("GL501", 4)]),
    ({3: "依申请公开事项5件，均已按时办结。"}, [("GL501", 4)]),
    # … not bare: 依申请公开N件 alone may count documents; and counted beside 不予公开 it does
    ({3: "全年依申请公开5件。"}, []),
    ({3: "审核发文1124件，其中依申请公开318件、不予公开117件。"}, []),
])
def test_gl501_narr16_phrasings(lines, found):
    assert where(run(text_with(insert_after=lines), "GL501")) == found


@pytest.mark.parametrize("lines, found", [
    # (seed table 三: 新收 3, 上年结转 0, （七）总计 3) a figure opening its clause, handled after it
    ({3: "全年共收到政府信息公开申请3件，3件均已办结。"}, []),
    ({3: "全年共收到政府信息公开申请3件，2件已办结。"}, [("GL501", 4)]),
    ({3: "全年共收到政府信息公开申请3件，2件按时办结。"}, []),  # (a part by timing)
    ({3: "上年结转政府信息公开申请0件，全年共收到3件，其中2件已办结。"}, []),  # (其中: a part)
    # the applications named at the start of the clause, with no verb
    ({3: "政府信息公开申请：3件。"}, []),
    ({3: "政府信息公开申请：5件。"}, [("GL501", 4)]),
    ({3: "政府信息公开申请数量5件，较上年增加20%。"}, [("GL501", 4)]),
    ({3: "申请公开政府信息5件。"}, [("GL501", 4)]),
    ({3: "涉及征地拆迁的政府信息公开申请5件。"}, []),  # (a part by subject)
])
def test_gl501_narr16_named_or_handled_after(lines, found):
    assert where(run(text_with(insert_after=lines), "GL501")) == found


@pytest.mark.parametrize("cases, sentence, found", [
    # both kinds named right before one figure: the two together (行政复议 2 + 行政诉讼 1)
    (_CASES, "全年共发生行政复议、行政诉讼案件3件。", []),
    (_CASES, "全年共发生行政复议、行政诉讼案件2件。", ["行政复议与行政诉讼案件数之和"]),
    # … or each, when both are that figure
    ({318: "1 |", 322: "1 |", 323: "1 |", 327: "1 |"}, "全年共发生行政复议、行政诉讼案件1件。", []),
])
def test_gl502_both_kinds_named_before_one_figure(cases, sentence, found):
    ds = run(text_with(replace=cases, insert_after={295: sentence}), "GL502")
    assert [d.message.split("为")[0].replace("正文第296行", "") for d in ds] == found, [d.message for d in ds]


@pytest.mark.parametrize("lines, found", [
    # (seed table 三: 新收 3, （七）总计 3) a measure word followed by what it counts: not applications
    ({3: "共有5个部门收到政府信息公开申请。"}, []),
    ({3: "全年收到5个政府信息公开申请。"}, [("GL501", 4)]),
    # a region's bodies counted (全市12个单位): the region's figure, not the agency's
    ({3: "全市12个单位共收到政府信息公开申请30件。"}, []),
    ({3: "全市12个单位共收到政府信息公开申请30件，其中本局收到5件。"}, [("GL501", 4)]),
    # the letters answering applications (答复书, 告知书) are not the applications handled
    ({3: "全年出具政府信息公开申请答复书5份。"}, []),
    ({3: "共答复政府信息公开申请3件，出具答复书5份、补正告知书2份。"}, []),
    ({3: "共答复政府信息公开申请4件，出具答复书5份。"}, [("GL501", 4)]),
])
def test_gl501_narr16_what_a_figure_counts(lines, found):
    assert where(run(text_with(insert_after=lines), "GL501")) == found


@pytest.mark.parametrize("sentence, found", [
    # (seed table 三: 新收 3) none received from every applicant (群众, 社会公众) is none at all …
    ("全年未收到群众的政府信息公开申请。", [("GL501", 4)]),
    ("全年未收到社会公众提出的政府信息公开申请。", [("GL501", 4)]),
    # … not none from some applicants or of some kind
    ("全年未收到企业的政府信息公开申请。", []),
    ("全年未收到涉及个人隐私的政府信息公开申请。", []),
])
def test_gl501_narr16_none_received_from_every_applicant(sentence, found):
    assert where(run(text_with(insert_after={3: sentence}), "GL501")) == found
