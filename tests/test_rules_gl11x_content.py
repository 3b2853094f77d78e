"""GL110–GL113: required content of parts 一, 五, 六 and of people's governments' reports."""

from __future__ import annotations

from seedvariants import SEED, run, text_with, where


MANAGEMENT = "7.规范信息管理。严格落实政府信息发布审核和保密审查制度，做好公开属性源头认定。"


# ---------------------------------------------------------------- GL110 part 一's five aspects

def test_gl110_seed_lacks_information_management():
    # The seed's part 一 covers organisation (监督保障), 主动公开, 依申请公开, proposals, the website and
    # digital government, but not how government information is managed (审核, 保密审查, 公开属性 …).
    ds = run(SEED, "GL110")
    assert where(ds) == [("GL110", 3)] and "政府信息管理" in ds[0].message
    assert ds[0].actual == ["政府信息管理"]


def test_gl110_silent_once_covered():
    assert run(text_with(insert_after={10: MANAGEMENT}), "GL110") == []


def test_gl110_lists_every_missing_aspect():
    text = text_with(replace={n: "我局认真做好各项工作。" for n in range(4, 11)})
    ds = run(text, "GL110")
    assert where(ds) == [("GL110", 3)] and len(ds[0].actual) == 5


def test_gl110_vocabulary_option():
    opts = {"aspects": {"主动公开": ["主动公开"], "依申请公开": ["依申请"]}}
    assert run(SEED, "GL110", **opts) == []


FOUR_ASPECTS = {"主动公开": "全年主动公开政府信息120条。", "依申请公开": "全年收到政府信息公开申请5件，均按时答复。",
                "政府信息管理": "严格执行保密审查制度。", "政府信息公开平台建设": "加强政府网站建设。",
                "监督保障": "开展政务公开业务培训。"}


def _part1(aspect, sentence):
    """The seed with part 一 one paragraph: the five aspects' sentences, ``aspect``'s replaced by ``sentence``."""
    body = "".join(sentence if name == aspect else s for name, s in FOUR_ASPECTS.items())
    return text_with(replace={4: body, **{n: "" for n in range(5, 11)}})


def test_gl110_knows_the_wordings_reports_use():
    wordings = {
        "主动公开": ["及时公开财政预决算信息。", "做好重点领域信息公开和政策解读。"],
        "政府信息管理": ["对已公开的政府信息进行动态调整。", "做好政府信息公开工作档案的整理归档。",
                   "严格执行信息公开审核制度，做到先审后发。", "加强政策文件库建设。"],
        "政府信息公开平台建设": ["局网站全年发布信息300条。", "在档案馆、图书馆设立政府信息查阅点。", "通过政府公报刊登规范性文件。",
                       "在政务服务大厅设置咨询窗口。", "微信公众号发布信息200条。"],
        "监督保障": ["成立政务公开工作领导小组。", "健全工作机制，落实第一责任人制度。", "加强对政务公开工作的督促指导。",
                 "将政务公开纳入绩效考评。"],
    }
    for aspect, sentences in wordings.items():
        for sentence in sentences:
            assert run(_part1(aspect, sentence), "GL110") == [], sentence


def test_gl110_look_alike_wordings_do_not_count():
    look_alikes = {"监督保障": "与市场监督管理局实现数据共享。", "政府信息公开平台建设": "在依申请公开栏目公开办事指南。",
                   "政府信息管理": "建设政务信息管理系统。"}
    for aspect, sentence in look_alikes.items():
        ds = run(_part1(aspect, sentence), "GL110")
        assert where(ds) == [("GL110", 3)] and ds[0].actual == [aspect], sentence
    assert run(_part1("监督保障", "与市场监督管理局实现数据共享。"), "GL110", not_aspects={}) == []


def _sections(*paragraphs):
    """The seed with part 一 made of ``paragraphs`` (one a line)."""
    return text_with(replace={4: "\n".join(paragraphs), **{n: "" for n in range(5, 11)}})


FOUR_SECTIONS = [
    "2022年，我局认真贯彻落实《条例》，扎实推进政务公开工作。",
    "（一）主动公开。全年主动公开政府信息120条，及时公开职业技能培训补贴、事业单位考核招聘等信息。",
    "（二）依申请公开。全年收到政府信息公开申请5件，均按时答复，督促申请人及时补正申请内容。",
    "（三）政府信息管理。严格执行保密审查制度。",
    "（四）平台建设。加强政府网站建设，接受社会监督。",
]


def test_gl110_training_published_is_not_supervision():
    """培训, 考核, 督促, 监督 inside the sub-sections on other aspects are what was published or
    done there: part 一 still says nothing of 监督保障."""
    ds = run(_sections(*FOUR_SECTIONS), "GL110")
    assert where(ds) == [("GL110", 3)] and ds[0].actual == ["监督保障"]
    # sub-sections numbered 1. 2. …, and items numbered otherwise inside them, are read the same way
    numbered = [FOUR_SECTIONS[0]] + [p.replace(f"（{n}）", f"{i}.") for i, (n, p) in
                                     enumerate(zip("一二三四", FOUR_SECTIONS[1:]), 1)]
    numbered.insert(2, "(1)公开职业技能培训补贴信息30条。")
    assert run(_sections(*numbered), "GL110")[0].actual == ["监督保障"]
    # (counted everywhere, as before, with ``loose = {}``)
    assert run(_sections(*FOUR_SECTIONS), "GL110", loose={}) == []


def test_gl110_supervision_where_it_is_discussed():
    for extra in ["（五）加强培训考核。开展政务公开业务培训2次，将政务公开纳入绩效考核。",
                  "（五）其他工作。开展政务公开业务培训2次。",
                  "（五）监督保障。成立领导小组。"]:
        assert run(_sections(*FOUR_SECTIONS, extra), "GL110") == [], extra
    # said before the sub-sections, or in a part 一 without them
    intro = FOUR_SECTIONS[0] + "全年开展政务公开业务培训2次。"
    assert run(_sections(intro, *FOUR_SECTIONS[1:]), "GL110") == []
    assert run(_sections("".join(p.split("。", 1)[1] for p in FOUR_SECTIONS[1:]) + "开展业务培训。"), "GL110") == []


# ---------------------------------------------------------------- GL111 part 五

def test_gl111_empty_or_formality():
    ds = run(text_with(replace={334: "无。"}), "GL111")
    assert where(ds) == [("GL111", 334)]
    assert where(run(text_with(replace={334: "本年度我局政府信息公开工作不存在问题。"}), "GL111")) == [("GL111", 334)]
    assert run(SEED, "GL111") == []
    assert "“五、存在的主要问题及改进情况”" in ds[0].message


def test_gl111_names_part_five_as_the_reports_edition_does():
    import reportgen as rg

    doc = rg.minimal_doc(2020, "2019")
    doc.parts[4].body = ["无。"]
    ds = run(rg.render(doc, "pipe").text, "GL111")
    assert len(ds) == 1 and "“五、政府信息公开工作存在的主要问题及改进情况”" in ds[0].message


VAGUE = ("2022年，我局政府信息公开工作还存在一些不足，主要是对政府信息公开工作认识不够深、培训不足、公开质量有待提高。"
         "下一步，我局将进一步加强学习，提高认识，加大培训力度，不断提升政府信息公开工作水平。")


def test_gl111_boilerplate_names_nothing_particular():
    """Long enough, but every phrase fits any agency: no channel, kind of information, step or figure."""
    ds = run(text_with(replace={334: VAGUE}), "GL111")
    assert where(ds) == [("GL111", 334)] and "笼统" in ds[0].message
    assert run(text_with(replace={334: VAGUE}), "GL111", concrete=[]) == []


def test_gl111_particular_problems_in_plain_words_pass():
    for body in ["存在的问题：信息公开的及时性有待加强，主动公开的范围还不够广。改进措施：严格落实信息公开的相关规定，拓宽公开范围，确保群众知情权得到保障。",
                 "主要问题：一是政务公开工作人员多为兼职，人员变动频繁；二是公开的信息与群众需求还有差距。改进措施：一是固定专人负责；二是围绕群众关注的热点问题加大公开力度。",
                 "（一）存在的问题。政策解读形式较为单一，图解、视频解读比例偏低。（二）改进措施。丰富解读形式，2023年起每件政策文件同步发布图解或视频解读。",
                 # a figure (not a year) is particular too
                 VAGUE.replace("下一步，", "2023年6月底前，")]:
        assert run(text_with(replace={334: body}), "GL111") == [], body


# ---------------------------------------------------------------- GL112 part 六 and 信息处理费

def test_gl112_seed_part6_is_silent_about_fees():
    ds = run(SEED, "GL112")
    assert where(ds) == [("GL112", 336)]


def test_gl112_fee_statement_present_or_before_2021():
    assert run(text_with(replace={336: "2022年，本单位未收取信息处理费。"}), "GL112") == []
    assert run(SEED, "GL112", since=2023) == []
    assert run(SEED, "GL112", keywords=["其他需要报告"]) == []


def test_gl112_other_fee_wordings():
    for line in ["2022年，本单位未收取任何费用。", "本年度没有收取信息处理费。", "信息处理费0元。", "本年度未产生信息处理费。",
                 "依申请公开不收取费用。", "本年度未收取政府信息公开处理费用。", "发出收费通知0件，实际收取0元。", "全年未收费。",
                 # the charge named by what it is for, without the words 信息处理费
                 "2022年度，我局未发生政府信息公开收费情况。", "本年度依申请公开无收费。", "本年度未收取政府信息公开相关费用。"]:
        assert run(text_with(replace={336: line}), "GL112") == [], line


def test_gl112_other_fees_are_not_the_information_fee():
    for line in ["本年度公开涉企收费目录清单。", "全面公开行政事业性收费项目。", "本年度无其他需要报告的事项，办公费用已纳入预算。",
                 "推进涉企收费信息公开。", "政府信息公开工作经费已纳入预算。"]:
        assert where(run(text_with(replace={336: line}), "GL112")) == [("GL112", 336)], line


# ---------------------------------------------------------------- GL113 people's governments

GOV_TITLE = "镇安县人民政府2022年政府信息公开工作年度报告"


def test_gl113_government_report_without_accountability():
    ds = run(text_with(replace={1: GOV_TITLE}), "GL113")
    assert where(ds) == [("GL113", 1)]
    assert ds[0].actual == ["工作考核", "社会评议", "责任追究"]


def test_gl113_silent_when_stated_or_not_a_government():
    line = "将政务公开纳入绩效考核，主动接受社会评议，全年未发生责任追究情况。"
    assert run(text_with(replace={1: GOV_TITLE}, insert_after={10: line}), "GL113") == []
    assert run(SEED, "GL113") == []  # a bureau
    assert run(text_with(replace={1: "镇安县人民政府办公室2022年政府信息公开工作年度报告"}), "GL113") == []


GOVERNMENTS = ["镇安县政府", "镇安县", "茅坪回族镇人民政府", "茅坪回族镇", "某某乡人民政府", "某某乡", "某某民族乡",
               "威海市文登区", "威海市文登区人民政府", "益阳市", "湖南省人民政府", "某某自治州人民政府", "某某自治县",
               "某某旗人民政府", "某某镇政府"]
NOT_GOVERNMENTS = ["镇安县人民政府办公室", "镇安县政府办公室", "湖南省人民政府办公厅", "镇安县教育局",
                   "镇安县人民政府教育局", "某某街道办事处", "某某区某某街道办事处", "某某街道", "平潭综合实验区",
                   "某某经济技术开发区", "某某高新区管理委员会", "某某市某某社区", "镇安县某某中心", "某某地区行政公署"]


def test_gl113_issuers_that_are_peoples_governments():
    """Any level from the province to the township, named as ××人民政府, ××政府 or the place alone."""
    for name in GOVERNMENTS:
        ds = run(text_with(replace={1: f"{name}2022年政府信息公开工作年度报告"}), "GL113")
        assert where(ds) == [("GL113", 1)], name


def test_gl113_issuers_that_are_not():
    """A government's office or department, a 街道办事处 (an agency of the district's government, not
    a level of government), a development zone: no GL113."""
    for name in NOT_GOVERNMENTS:
        assert run(text_with(replace={1: f"{name}2022年政府信息公开工作年度报告"}), "GL113") == [], name


def test_gl113_issuer_wherever_the_title_puts_it():
    for title in ["2022年度镇安县人民政府政府信息公开工作年度报告", "镇安县政府信息公开工作2022年度报告",
                  "关于印发《某某镇2022年政府信息公开工作年度报告》的通知"]:
        assert where(run(text_with(replace={1: title}), "GL113")) == [("GL113", 1)], title
    assert run(text_with(replace={1: "关于印发《镇安县人民政府办公室2022年政府信息公开工作年度报告》的通知"}), "GL113") == []


def test_gl113_other_wordings():
    for line in ["将政务公开工作纳入绩效考评，开展社会评议，未出现追究相关责任的情况。",
                 "政务公开纳入年度目标考核，开展群众满意度测评，全年无追责情况。",
                 "纳入综合考核，接受群众评价，未发生追究有关人员责任的情况。"]:
        assert run(text_with(replace={1: GOV_TITLE}, insert_after={10: line}), "GL113") == [], line


def test_gl112_no_charge_arose_or_given_free():
    """That no charge arose, or that information was given free on application, states the fee."""
    for line in ["本年度没有发生收费情况。", "2022年未产生收费情况。", "本年度依申请提供政府信息均免费。",
                 "本年度依申请公开免费提供。", "我局免费提供政府信息，无其他需要报告的事项。"]:
        assert run(text_with(replace={336: line}), "GL112") == [], line
    # charges of other kinds, and free services that are not information given on application
    for line in ["本年度无涉企收费。", "受理法律援助申请12件，为群众提供免费法律咨询。", "在政务大厅提供免费WiFi。"]:
        assert where(run(text_with(replace={336: line}), "GL112")) == [("GL112", 336)], line


def test_gl113_satisfaction_surveys_are_public_evaluation():
    for line in ["将政务公开纳入年度目标考核，开展社会满意度调查，未出现责任追究情形。",
                 "纳入绩效考核，开展群众满意度评价，未发生责任追究情况。",
                 "纳入绩效考核，组织民意调查，未发生责任追究情况。"]:
        assert run(text_with(replace={1: GOV_TITLE}, insert_after={10: line}), "GL113") == [], line
    # satisfaction with something else (建议提案 answered) is no public evaluation of the disclosure work
    ds = run(text_with(replace={1: GOV_TITLE}, insert_after={10: "纳入绩效考核，未发生责任追究情况。"}), "GL113")
    assert where(ds) == [("GL113", 1)] and ds[0].actual == ["社会评议"]


def test_gl110_proactive_disclosure_in_other_words():
    for sentence in ["坚持主动发布，全年公开政策文件45件。", "全年公开各类信息210条。", "及时主动公布财政资金信息。"]:
        assert run(_part1("主动公开", sentence), "GL110") == [], sentence
    ds = run(_part1("主动公开", "认真做好各项工作。"), "GL110")
    assert where(ds) == [("GL110", 3)] and ds[0].actual == ["主动公开"]


# ---------------------------------------------------------------- GL114 part 五 and last year's problems

def test_gl114_seed_names_only_this_years_problems():
    ds = run(SEED, "GL114")
    assert where(ds) == [("GL114", 334)] and "上一年度" in ds[0].message


def test_gl114_off_and_gl115_on_by_default():
    import govlint
    codes = {d.code for d in govlint.lint(SEED)}
    assert "GL114" not in codes and "GL115" in codes


def test_gl114_last_years_problems_stated():
    for line in ["（一）上年度问题整改情况。针对上年度报告中指出的政策解读形式单一问题，2022年新增图解解读15篇。",
                 "上一年度存在的栏目更新不及时问题已全部整改到位。",
                 "去年报告提出的改进措施均已落实，但仍存在以下不足：……",
                 # last year by its number (the report year is 2022)
                 "对照2021年度报告所列问题逐项整改，目前已完成。",
                 "2021年存在的问题已基本解决。",
                 # last year opening the sentence, a long phrase before the problem, earlier years' reports
                 "2021年，我局在政府信息公开工作中存在信息更新不及时的问题，本年度已建立定期更新机制。",
                 "去年我局在依申请公开办理中存在答复不规范的情况，今年通过制定答复模板加以纠正，已整改到位。",
                 "针对上年度政府信息公开工作年度报告中关于政府网站信息发布及时性、准确性有待提高的问题，建立日报告制度。",
                 "以往年度报告中提出的问题已全部整改。",
                 "（一）整改落实情况。2021年度报告中提出的网站建设滞后情况，已于2022年6月完成网站集约化改版。"]:
        assert run(text_with(insert_after={334: line}), "GL114") == [], line


def test_gl114_other_mentions_of_last_year_do_not_count():
    for line in ["2022年主动公开信息数量较上年增长15%，", "2023年，我局将进一步加大公开力度，",
                 "2020年存在的问题已基本解决。"]:  # two years back, not last year
        assert where(run(text_with(insert_after={334: line}), "GL114")) == [("GL114", 334)], line


def test_gl114_subject_option():
    line = "上年度工作已全部完成。"
    assert where(run(text_with(insert_after={334: line}), "GL114")) == [("GL114", 334)]
    assert run(text_with(insert_after={334: line}), "GL114", subject=["工作"]) == []
    assert run(SEED, "GL114", subject=[]) == []



def test_gl114_last_year_as_a_comparison_does_not_count():
    for line in ["2022年，我局政务公开工作较上年有较大改进，但仍存在一些不足。", "依申请公开办理质量较上年度有所改进。",
                 "本年度政务公开工作在去年基础上有所改进，但与上级要求还有一定差距。",
                 "比上年增加建议提案办理结果公开5件，公开质量仍需提升。", "2022年度部分信息发布不及时，与上年存在同样的问题。",
                 "2021年以来，我局高度重视政务公开工作，但仍存在公开不及时的问题。"]:
        assert where(run(text_with(insert_after={334: line}), "GL114")) == [("GL114", 334)], line


# ---------------------------------------------------------------- GL115 part 六's other items

FULL_PART6 = ("（一）信息处理费收取情况。本年度未收取信息处理费。（二）落实上级年度政务公开工作要点情况。按照《2022年政务公开工作要点》"
              "要求，逐项抓好落实。（三）人大代表建议和政协提案办理结果公开情况。本年度共办理人大代表建议3件、政协提案2件，均已公开。"
              "（四）政务公开工作创新情况。开设“政策直通车”专栏。")


def test_gl115_seed_part6_lists_none_of_the_items():
    ds = run(SEED, "GL115")
    assert where(ds) == [("GL115", 336)]
    assert ds[0].severity.value == "info"
    assert ds[0].actual == ["政务公开工作要点落实情况", "人大代表建议和政协提案办理结果公开情况", "政务公开工作创新情况"]


def test_gl115_silent_when_every_item_is_given():
    assert run(text_with(replace={336: FULL_PART6}), "GL115") == []
    # an item that did not apply, said so in its words
    line = "本年度未收取信息处理费。认真落实政务公开工作要点。本年度未承办人大代表建议和政协提案。政务公开工作无创新事项。"
    assert run(text_with(replace={336: line}), "GL115") == []


def test_gl115_lists_only_the_missing_items():
    line = "本年度未收取信息处理费。本年度办理建议提案5件，办理结果已全部公开。"
    ds = run(text_with(replace={336: line}), "GL115")
    assert ds[0].actual == ["政务公开工作要点落实情况", "政务公开工作创新情况"]


def test_gl115_before_2021_and_options():
    assert run(SEED, "GL115", since=2023) == []
    assert run(SEED, "GL115", items={"信息处理费": ["信息处理费"]})[0].actual == ["信息处理费"]
    assert run(SEED, "GL115", items={"其他事项": ["其他需要报告"]}) == []
    old = text_with(sub={"2022年": "2020年"})
    assert run(old, "GL115") == []


def test_gl115_items_in_the_other_words_reports_use():
    """Each item as offices word it: the 要点 by another name, the 建议提案 shortened, the innovation as a 特色/亮点."""
    given = {"政务公开工作要点落实情况": ["按照省、市政务公开要点部署，逐项落实。", "2022年政务公开重点工作任务均已按时完成。",
                                   "严格执行市政务公开办下发的年度政务公开任务清单，逐项销号。",
                                   "落实上级政务公开工作安排情况：按时完成省、市部署的各项工作。"],
             "人大代表建议和政协提案办理结果公开情况": ["共承办人大建议6件，办理结果均已公开。", "承办市政协委员提案2件，已全部公开。"],
             "政务公开工作创新情况": ["特色做法：在村（社区）设立政务公开栏。", "亮点工作：打造“政务公开体验区”。",
                                "（四）工作亮点。推出“一图读懂”系列解读。", "积极探索政务公开新方式，开通微信公众号。"]}
    for item, lines in given.items():
        for line in lines:
            ds = run(text_with(replace={336: "本年度未收取信息处理费。" + line}), "GL115")
            assert item not in ds[0].actual, line


def test_gl115_the_same_words_in_another_sense_do_not_count():
    for line in ["下一步工作安排：继续做好政府信息公开工作。", "围绕全县重点工作做好信息发布。"]:
        ds = run(text_with(replace={336: "本年度未收取信息处理费。" + line}), "GL115")
        assert "政务公开工作要点落实情况" in ds[0].actual, line
