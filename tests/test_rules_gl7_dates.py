"""GL7 dates and years: statistics period, later years in the body, publication deadline."""

from __future__ import annotations

import govlint
from seedvariants import DATA, LINES, SEED, SEED_TEXT, run, text_with, where

TITLE = LINES[0]


def crawled(title: str, published: str, body: str = SEED_TEXT) -> str:
    """The seed behind a crawler header (as the site scraper writes it)."""
    return (f"标题: {title}\n发布时间: {published} 15:07\n文号: \n栏目: 政府信息公开年报\n"
            f"==================== 正文 ====================\n{body}")


# ---------------------------------------------------------------- GL701 statistics period

def test_gl701_period_of_another_year():
    text = text_with(sub={"统计时限为2022年1月1日至2022年12月31日": "统计时限为2021年1月1日至2021年12月31日"})
    ds = run(text, "GL701")
    assert where(ds) == [("GL701", 2)] and "2022年1月1日至2022年12月31日" in ds[0].message


def test_gl701_months_written_as_a_range_of_numbers():
    """统计期限为2021年1-12月: the months without 月 after the first; quoted whole, as written."""
    wrong = text_with(sub={"统计时限为2022年1月1日至2022年12月31日": "统计期限为2021年1-12月"})
    ds = run(wrong, "GL701")
    assert where(ds) == [("GL701", 2)] and ds[0].actual == "2021年1-12月"
    part = text_with(sub={"统计时限为2022年1月1日至2022年12月31日": "统计期限为2022年1至11月"})
    assert where(run(part, "GL701")) == [("GL701", 2)]
    for fine in ("统计期限为2022年1-12月", "统计期限为2022年1月-12月", "统计期限为2022年1至12月份"):
        assert run(text_with(sub={"统计时限为2022年1月1日至2022年12月31日": fine}), "GL701") == [], fine


def test_gl701_partial_year_and_silence_on_seed():
    text = text_with(sub={"至2022年12月31日": "至2022年11月30日"})
    assert where(run(text, "GL701")) == [("GL701", 2)]
    assert run(SEED, "GL701") == []
    for name in ("2019-pingtan.txt", "2021-pingtan.txt", "2022-pingtan.txt", "2024-pingtan.txt",
                 "2024-longgang-qzfgzbm-partial.txt"):
        assert run((DATA / name).read_text(encoding="utf-8"), "GL701") == [], name


STATED = "统计时限为2022年1月1日至2022年12月31日"


def test_period_written_as_numbers_or_as_a_year():
    """The period as reports also write it: dotted or dashed numeric dates, the second date without
    its year, a whole year named as the period. Stated right: neither GL105 (no statement) nor GL701;
    stated with another year: GL701 at it."""
    right = ["统计时限为2022.1.1至2022.12.31", "统计时限为2022-01-01至2022-12-31", "统计时限为2022/1/1—2022/12/31",
             "统计时限为2022年1月1日-12月31日", "统计时限为2022年度", "统计时间为2022年全年",
             "统计时限为（2022年1月1日至2022年12月31日）"]
    for written in right:
        text = text_with(sub={STATED: written})
        assert run(text, "GL105") == [] and run(text, "GL701") == [], written
    wrong = ["统计时限为2021.1.1至2021.12.31", "统计时限为2022-01-01至2022-06-30", "统计时限为2021年度",
             "统计时限为2022年1月1日-11月30日"]
    for written in wrong:
        ds = run(text_with(sub={STATED: written}), "GL701")
        assert where(ds) == [("GL701", 2)], written
        assert ds[0].message_en.split("“")[1].split("”")[0] in written  # the period as written is quoted
    # no period at all: GL105 (and a phone number or a decimal is not one)
    none = text_with(sub={STATED: "咨询电话0737-1234567，办结率99.5%"})
    assert [d.code for d in run(none, "GL105")] == ["GL105"]


def test_period_written_as_whole_months():
    """统计期限为2022年1月至12月 states the period (no GL105); with another year or a part of the year it
    is GL701's. A range of months in a sentence not about the statistics period dates a campaign: it
    is neither a wrong period (GL701) nor the statement GL105 asks for."""
    for written in ("统计时限为2022年1月至12月", "统计时限为2022年1月—2022年12月", "统计时限为二〇二二年一月至十二月份"):
        text = text_with(sub={STATED: written})
        assert run(text, "GL105") == [] and run(text, "GL701") == [], written
    for written in ("统计时限为2021年1月至12月", "统计时限为2022年1月至11月"):
        assert where(run(text_with(sub={STATED: written}), "GL701")) == [("GL701", 2)], written
    campaign = text_with(sub={"本报告数据" + STATED: "2022年3月至5月开展政务数据清理专项行动"})
    assert run(campaign, "GL701") == []
    assert [d.code for d in run(campaign, "GL105")] == ["GL105"]


# ---------------------------------------------------------------- GL702 later years

def test_gl702_done_in_a_later_year():
    ds = run(text_with(insert_after={3: "2023年，我局共收到政府信息公开申请3件。"}), "GL702")
    assert where(ds) == [("GL702", 4)] and "2023年" in ds[0].message


def test_gl702_early_next_year_is_when_the_report_is_compiled():
    for early in ("2023年1月，我局对2022年度政府信息公开工作进行了考核。", "2023年2月底前完成了年度报告的编制和审核。",
                  "2023年 3 月，局领导听取了年度工作汇报。", "二〇二三年一月，开展了年度评议。"):
        assert run(text_with(insert_after={3: early}), "GL702") == [], early
    for late in ("2023年4月，我局共收到申请3件。", "2023年10月，我局办结申请3件。", "2023年12月共收到申请3件。",
                 "2024年1月，我局共收到申请3件。", "2023年，我局共收到申请3件。"):
        assert where(run(text_with(insert_after={3: late}), "GL702")) == [("GL702", 4)], late


def test_gl702_next_year_named_for_its_tasks_is_a_plan():
    """“2023年1月召开全省电视电话会议，总结2022年工作并部署2023年重点任务”: the later year names tasks."""
    for said in ("2023年1月，召开全市政务公开工作会议，总结2022年工作并部署2023年重点任务。",
                 "局党组研究了2023年政务公开工作要点和2023年工作思路。", "会议明确了2023年度主要工作目标。"):
        assert run(text_with(insert_after={3: said}), "GL702") == [], said
    # work done in the later year is still reported
    for late in ("2023年重点完成了网站改版。", "2023年工作中，我局共收到申请3件。"):
        assert where(run(text_with(insert_after={3: late}), "GL702")) == [("GL702", 4)], late


#: a later year in a forward-looking phrase: it names a plan, target, indicator, assessment or
#: budget (the phrase's head), or the year a clause aims at or lays the ground for
LATER_YEAR_AHEAD = [
    "对标2023年政务公开考核指标，查漏补缺。", "明确2023年考核指标。", "2023年度考核指标已分解到科室。",
    "部署2023年政务公开重点工作。", "确定2023年政务公开工作重点。", "制定了2023年政务公开工作方案。",
    "对2023年工作作出安排。", "确保2023年各项指标全面达标。", "迎接2023年政务公开第三方评估。",
    "着眼2025年目标，持续推进数字政府建设。", "为2023年工作打下坚实基础。", "为做好2023年政务公开工作奠定基础。",
    "着眼2023年，持续推进公开平台建设。", "按照2023年考核要求做好准备。",
]
#: … and one that tells work done in it: a month, a word of work done, a clause break after the year
LATER_YEAR_DONE = ["2023年，对标政务公开考核指标，查漏补缺。", "2023年5月，对标考核指标完成整改。", "2023年通过考核验收。",
                   "2023年我局获评政务公开先进单位。", "2023年共办理依申请公开3件。"]


def test_gl702_a_later_year_ahead_is_no_slip():
    for said in LATER_YEAR_AHEAD:
        assert run(text_with(insert_after={3: said}), "GL702") == [], said
        assert run(text_with(insert_after={295: said}), "GL702") == [], said  # (part 四)
    for said in LATER_YEAR_DONE:
        assert where(run(text_with(insert_after={3: said}), "GL702")) == [("GL702", 4)], said


def test_gl702_plans_titles_ranges_and_part5_are_fine():
    text = text_with(insert_after={3: ["2023年，我局将进一步加强政策解读。",
                                       "印发《2023年政务公开工作要点》，编制文化发展规划（2021-2035年）。",
                                       "截至2023年1月，累计公开信息500条。"],
                                   333: "2023年，我局要积极开展政务公开业务培训。"})
    assert run(text, "GL702") == []
    assert run(SEED, "GL702") == []


def test_gl702_a_plan_named_after_the_year_does_not_make_work_done_a_plan():
    """A plan's or target's name makes a sentence look ahead where it governs the year (根据规划，2023年…),
    not where the year's work is measured against it: 2023年，我局按照年度工作计划共收到申请 is work done."""
    for said in ("根据规划，2023年完成平台升级。", "按照工作要点，2023年持续推进公开专区建设。", "2023年，我局将按照计划推进。"):
        assert run(text_with(insert_after={3: said}), "GL702") == [], said
    for late in ("2023年，我局按照年度工作计划共收到申请3件。", "2023年，我局共收到申请3件，完成了年度目标。",
                 "2023年我局围绕工作要点开展了培训。"):
        assert where(run(text_with(insert_after={3: late}), "GL702")) == [("GL702", 4)], late


# ---------------------------------------------------------------- GL703 publication deadline

def test_gl703_department_after_january():
    ds = run(crawled(TITLE, "2023-02-20"), "GL703")
    assert where(ds) == [("GL703", 2)]
    assert "2023年2月20日" in ds[0].message and "2023年1月31日" in ds[0].message and "逾期20天" in ds[0].message
    assert "2023-02-20" in ds[0].message_en and "2023-01-31" in ds[0].message_en
    assert run(crawled(TITLE, "2023-01-20"), "GL703") == []


def test_gl703_government_has_until_march_and_unknown_takes_the_later():
    gov = "镇安县人民政府2022年政府信息公开工作年度报告"
    assert run(crawled(gov, "2023-03-20", SEED_TEXT.replace(TITLE, gov)), "GL703") == []
    assert where(run(crawled(gov, "2023-04-02", SEED_TEXT.replace(TITLE, gov)), "GL703")) == [("GL703", 2)]
    zone = "平潭综合实验区2022年度政府信息公开工作年度报告"
    assert run(crawled(zone, "2023-02-20", SEED_TEXT.replace(TITLE, zone)), "GL703") == []
    # a street office (街道办事处) is no department of its district government: the later deadline
    street = "杭州市上城区湖滨街道办事处2022年政府信息公开工作年度报告"
    assert run(crawled(street, "2023-02-20", SEED_TEXT.replace(TITLE, street)), "GL703") == []
    assert where(run(crawled(street, "2023-04-02", SEED_TEXT.replace(TITLE, street)), "GL703")) == [("GL703", 2)]


def test_gl703_deadline_option_and_date_under_the_report():
    text = SEED_TEXT + "\n益阳市行政审批服务局\n2023年1月20日"
    assert run(text, "GL703") == []
    ds = run(text, "GL703", department_deadline="01-15")
    assert where(ds) == [("GL703", text.count("\n") + 1)] and "2023年1月15日" in ds[0].message


def test_gl703_real_pages_within_deadline():
    for name in ("2019-pingtan.txt", "2021-pingtan.txt", "2022-pingtan.txt", "2024-pingtan.txt",
                 "2022-zhenan-maopingzhen-partial.txt"):
        assert run((DATA / name).read_text(encoding="utf-8"), "GL703") == [], name


# ---------------------------------------------------------------- full-width digits (Word-authored pages)

_FULL = str.maketrans("0123456789-", "０１２３４５６７８９－")


def _full_width_prose(text: str) -> str:
    """``text`` with the digits of its prose lines (not its table cells) written full-width, as a page
    typed in Word has them."""
    return "\n".join(line if line.endswith("|") else line.translate(_FULL) for line in text.split("\n"))


def test_dates_and_years_in_full_width_digits():
    """２０２２年 is a year and ２０２３－０２－１５ a date as much as their ASCII forms: the title's year is
    found (no GL104), the statistics period read (no GL105; GL701 when it is another year's), a later
    year in part 一 seen (GL702) and a labelled publication date checked against the deadline (GL703)."""
    full = _full_width_prose(SEED_TEXT)
    assert "２０２２年政府信息公开工作年度报告" in full
    assert run(full, "GL104") == [] and run(full, "GL105") == [] and run(full, "GL701") == []
    wrong = full.replace("统计时限为２０２２年１月１日", "统计时限为２０２１年１月１日").replace("至２０２２年１２月３１日", "至２０２１年１２月３１日")
    assert where(run(wrong, "GL701")) == [("GL701", 2)]
    later = full.replace("四是及时办理政府信息依申请公开。", "四是及时办理政府信息依申请公开。２０２３年共办理申请３件。")
    assert where(run(later, "GL702")) == [("GL702", 7)]
    dated = full.replace(TITLE.translate(_FULL), TITLE.translate(_FULL) + "\n发布日期：２０２３－０２－１５", 1)
    ds = run(dated, "GL703")
    assert where(ds) == [("GL703", 2)] and "2023年1月31日" in ds[0].message


# ---------------------------------------------------------------- GL704 published before the year ended

def test_gl704_published_before_the_year_ended():
    ds = run(crawled(TITLE, "2022-12-15"), "GL704")
    assert where(ds) == [("GL704", 2)] and "2022年12月15日" in ds[0].message and "2022年" in ds[0].message
    early = run(crawled(TITLE, "2022-01-20"), "GL704")  # the 2021 report titled 2022?
    assert where(early) == [("GL704", 2)] and "是否应为2021年" in early[0].message and "2021" in early[0].message_en
    assert run(crawled(TITLE, "2023-01-20"), "GL704") == []
    assert run(crawled(TITLE, "2023-02-20"), "GL704") == []  # (late: GL703's)
    text = SEED_TEXT + "\n益阳市行政审批服务局\n2022年12月20日"  # the date under the report
    assert where(run(text, "GL704")) == [("GL704", text.count("\n") + 1)]


def test_gl704_silent_on_real_pages():
    assert run(SEED, "GL704") == []
    for name in ("2019-pingtan.txt", "2021-pingtan.txt", "2022-pingtan.txt", "2024-pingtan.txt",
                 "2022-zhenan-maopingzhen-partial.txt", "2022-wendeng-xinfangju-page8-partial.txt",
                 "2024-longgang-qzfgzbm-partial.txt"):
        assert run((DATA / name).read_text(encoding="utf-8"), "GL704") == [], name


# ---------------------------------------------------------------- GL703: which date is the publication's

def _below_title(line: str, text: str = SEED_TEXT) -> str:
    title, rest = text.split("\n", 1)
    return f"{title}\n{line}\n{rest}"


def test_gl703_a_cms_bare_date_label_is_the_publication():
    """日期：2023/2/15 or 时间：2023-02-15 in the line a CMS prints with the source is the publication
    date; 更新时间, 打印日期 (another word before the label) are not."""
    for line in ("日期：2023/2/15 来源：益阳市行政审批服务局", "来源：益阳市行政审批服务局 时间：2023-02-15 09:30 字号：大 中 小"):
        ds = run(_below_title(line), "GL703")
        assert where(ds) == [("GL703", 2)] and ds[0].actual == "2023-02-15", line
        assert run(_below_title(line.replace("2023/2/15", "2023/1/20").replace("2023-02-15", "2023-01-20")), "GL703") == []
    for line in ("更新时间：2023-03-01", "打印日期：2023-05-01", "访问时间：2023-05-01"):
        assert run(_below_title(line), "GL703") == [], line


def test_gl703_the_publication_label_before_the_signoff_date():
    """成文日期 is when the report was signed off; 发布日期 beside it is the publication, whichever comes first."""
    ds = run(_below_title("成文日期：2023-01-18 发布日期：2023-02-15"), "GL703")
    assert [d.actual for d in ds] == ["2023-02-15"]
    assert run(_below_title("成文日期：2023-02-15 发布日期：2023-01-18"), "GL703") == []
    # alone, the sign-off date bounds the publication: signed off late, published late
    assert [d.actual for d in run(_below_title("成文日期：2023-02-15"), "GL703")] == ["2023-02-15"]
    # a disclosure catalogue's grid above the report: its 生成日期 likewise
    grid = "索引号：43090000/2023-00012 发布机构：益阳市行政审批服务局\n生成日期：2023-02-15 发文字号："
    assert [d.actual for d in run(_below_title(grid), "GL703")] == ["2023-02-15"]
    assert run(_below_title(grid.replace("2023-02-15", "2023-01-15")), "GL703") == []


def test_gl703_the_date_under_the_report_above_the_page_lines():
    """The agency's name and the date close the report; a copied page adds its own short lines after them."""
    for date in ("2023年2月15日", "二〇二三年二月十五日", "2023.2.15"):
        text = SEED_TEXT.rstrip("\n") + f"\n益阳市行政审批服务局\n{date}\n扫一扫在手机打开当前页\n【打印】【关闭】\n"
        ds = run(text, "GL703")
        assert [d.actual for d in ds] == ["2023-02-15"] and ds[0].line == text.count("\n") - 2, date
    # a date in a sentence of the report's last paragraph is not the signature
    said = SEED_TEXT.rstrip("\n") + "\n2023年2月15日，本报告经局务会审议通过。\n扫一扫在手机打开当前页\n"
    assert run(said, "GL703") == []


def test_gl703_a_department_named_management_committee():
    """国有资产监督管理委员会 is a department (1月31日); a zone's 管理委员会 is not (3月31日)."""
    for agency, late in (("湘潭市人民政府国有资产监督管理委员会", True), ("湘潭市城市管理委员会", True),
                         ("益阳高新技术产业开发区管理委员会", False), ("韶山风景名胜区管理委员会", False),
                         ("湘潭县人民政府", False), ("湘潭县花石镇人民政府", False)):
        title = f"{agency}2022年政府信息公开工作年度报告"
        ds = run(crawled(title, "2023-02-15", SEED_TEXT.replace(TITLE, title)), "GL703")
        assert bool(ds) == late, agency


#: (agency, late on 2023-02-20?): a government's general office titling its own report is one of its
#: government's departments (1月31日); a body below the county has no deadline of the regulation (3月31日)
DEADLINE_KINDS = [("镇安县人民政府办公室", True), ("湖南省人民政府办公厅", True), ("镇安县政府办公室", True),
                  ("金华市婺城区人民政府办公室", True), ("镇安县人民政府", False), ("湘潭县花石镇人民政府", False),
                  ("某某县某某镇财政所", False), ("某某县某某镇便民服务中心", False)]


def test_gl703_a_general_office_and_a_body_below_the_county():
    for agency, late in DEADLINE_KINDS:
        title = f"{agency}2022年政府信息公开工作年度报告"
        ds = run(crawled(title, "2023-02-20", SEED_TEXT.replace(TITLE, title)), "GL703")
        assert bool(ds) == late, agency
    # the office publishing its government's report, as the opening says: 3月31日
    title = "镇安县人民政府办公室2022年政府信息公开工作年度报告"
    body = SEED_TEXT.replace(TITLE, title).replace("现对益阳市行政审批服务局2022年政府信息公开工作报告予以公布",
                                                   "现将镇安县人民政府2022年政府信息公开工作年度报告予以公布")
    assert run(crawled(title, "2023-03-20", body), "GL703") == []
    assert where(run(crawled(title, "2023-04-02", body), "GL703")) == [("GL703", 2)]


def test_gl703_a_year_or_more_late_asks_about_the_title_year():
    """Published 2024-01-20, a report titled 2022 is a year late — or the 2023 report titled 2022."""
    ds = run(crawled(TITLE, "2024-01-20"), "GL703")
    assert len(ds) == 1 and "是否应为2023年" in ds[0].message and "should it be 2023" in ds[0].message_en
    assert "是否应为" not in run(crawled(TITLE, "2023-02-20"), "GL703")[0].message


def test_gl702_carried_over_effective_early_next_year_and_budget():
    """Later years that do not state the report year's work: applications carried over into the next
    year, the day a law takes effect, the first weeks of the next year said otherwise than by a month
    (年初, 春节, 1-2月, 第一季度), the next year's budget drawn up in the report year."""
    for said in ("2件申请转入2023年办理。", "有1件申请顺延至2023年答复。", "新修订的《中华人民共和国行政复议法》自2024年1月1日起施行。",
                 "该办法于2024年3月1日正式施行，我局做好衔接准备。", "2023年初，对2022年度工作进行了考核。",
                 "2023年春节前，完成了年度考核。", "2023年元旦前后开展了信息公开检查。", "2023年1-2月，完成了年度报告编制。",
                 "2023年第一季度，召开了年度总结会。", "按照2023年度预算安排，做好项目储备。", "做好2023年度部门预算编制工作。"):
        assert run(text_with(insert_after={3: said}), "GL702") == [], said
    for late in ("2023年初步建成政务公开专区。", "2023年起草了信息公开制度。", "2023年，我局实施了专项行动。",
                 "2023年6月，转入政务服务中心办理。", "2023年度，我局共办理申请3件。"):
        assert where(run(text_with(insert_after={3: late}), "GL702")) == [("GL702", 4)], late


def test_gl701_a_campaigns_dates_in_a_sentence_about_data_are_no_period():
    """A range of days dating a campaign is not the statistics period because its sentence mentions
    data (数据) somewhere; the period is stated with its words next to it."""
    for said in ("2022年3月1日至2022年5月31日，开展政务数据清理专项行动。", "为提升数据质量，2022年3月1日至5月31日开展专项检查。"):
        assert run(text_with(insert_after={3: said}), "GL701") == [], said
    for stated in ("本报告中所列数据的统计期限自2022年1月1日起至2022年11月30日止。", "统计期限：2022年2月1日—2022年12月31日。",
                   "2022年1月1日至2022年11月30日为本报告统计期限。", "本报告数据为2021年1月1日至2021年12月31日的数据。"):
        text = text_with(sub={"本报告数据统计时限为2022年1月1日至2022年12月31日。": stated})
        assert where(run(text, "GL701")) == [("GL701", 2)], stated


# ---------------------------------------------------------------- GL705 the report year is not over

def test_gl705_this_years_number_in_january():
    """Written in January 2023 and given that year's number: the 2022 report titled 2023."""
    text = text_with(replace={1: TITLE.replace("2022年", "2023年")})
    ds = run(text, "GL705", today="2023-01-20")
    assert where(ds) == [("GL705", 1)] and "是否应为2022年" in ds[0].message
    assert (ds[0].column, ds[0].actual, ds[0].expected) == (TITLE.index("2022") + 1, 2023, 2022)
    assert "should the year in the title be 2022" in ds[0].message_en


def test_gl705_a_later_year():
    ds = run(SEED, "GL705", today="2021-06-30")
    assert where(ds) == [("GL705", 1)] and "晚于今天（2021年6月30日）所在的2021年" in ds[0].message


def test_gl705_silent_once_the_year_is_over():
    assert run(SEED, "GL705", today="2023-01-01") == []
    assert run(SEED, "GL705") == []  # checked today, years after 2022
    assert where(run(SEED, "GL705", today="2022-12-31")) == [("GL705", 1)]  # (its last day: not over)


def test_gl705_leaves_a_known_early_publication_date_to_gl704():
    early = crawled(TITLE, "2022-01-20")
    assert run(early, "GL705", today="2022-02-01") == []
    assert where(run(early, "GL704")) == [("GL704", 2)]
    # a publication date after the year: it cannot be (the clock or the date is wrong); GL705 still speaks
    assert where(run(crawled(TITLE, "2023-01-20"), "GL705", today="2022-06-01")) == [("GL705", 1)]


def test_gl705_the_year_from_the_period_or_none():
    untitled = text_with(replace={1: "益阳市行政审批服务局政府信息公开工作年度报告"})
    assert where(run(untitled, "GL705", today="2022-06-01")) == [("GL705", 2)]  # the statistics period's year
    no_year = text_with(replace={1: "益阳市行政审批服务局政府信息公开工作年度报告", 2: "本报告由本局编制。"})
    assert run(no_year, "GL705", today="2022-06-01") == []


def test_gl705_the_title_dated_before_the_year_it_reports():
    """A title that opens with the day it was published (2024年1月发布, a crawler's 2024年01月20日) reports the year after it."""
    for title in ["（2023年1月发布）" + TITLE, "2023年01月20日 " + TITLE, "2023年1月20日" + TITLE]:
        text = text_with(replace={1: title})
        assert run(text, "GL705", today="2023-01-25") == [], title
        assert where(run(text, "GL705", today="2022-06-01")) == [("GL705", 1)], title  # 2022 is not over
    # a date alone in the title is no year the report reports: the period's year (2022) is, and is over
    dated_only = text_with(replace={1: "益阳市行政审批服务局政府信息公开工作年度报告（2023年1月）"})
    assert run(dated_only, "GL705", today="2023-01-25") == []


NO_YEAR_TITLE = "益阳市行政审批服务局政府信息公开工作年度报告"
#: what dates a title: the day it was published or issued, never the year it reports
TITLE_DATINGS = ["（2023年1月发布）", "（发布日期：2023年1月20日）", "发布日期：2023年1月20日", "（2023年1月20日发布）",
                 "（2023年01月）", "（二〇二三年一月发布）", "（二〇二三年一月）", "（2023年1月印发）", "【2023年1月20日】",
                 "（发布时间：2023年1月20日）", "（更新于2023年1月20日）", "（发布日期：2023-01-20）"]


def test_a_title_dated_only_names_no_report_year():
    """A title whose only year dates it (益阳市…年度报告（2023年1月发布）) names no report year: GL104 says
    so, and the year is the statistics period's (2022) — not 2023, which made GL701 call the right
    period wrong, GL705 call 2023 unfinished and GL704 call the publication early. With the report's
    year as well, the dating is passed over."""
    for dating in TITLE_DATINGS:
        for title in (dating + NO_YEAR_TITLE, NO_YEAR_TITLE + dating):
            text = text_with(replace={1: title})
            assert govlint.parse(text).year == 2022, title
            assert where(run(text, "GL104")) == [("GL104", 1)], title
            assert "2022年" in run(text, "GL104")[0].message, title
            for code in ("GL701", "GL704"):
                assert run(text, code) == [], (code, title)
            assert run(text, "GL705", today="2023-06-01") == [], title
        for title in (dating + TITLE, TITLE + dating):
            text = text_with(replace={1: title})
            assert govlint.parse(text).year == 2022 and run(text, "GL104") == [], title
    # a range of months is no dating: 2022年1—12月 names the year it covers
    ranged = text_with(replace={1: "益阳市行政审批服务局2022年1—12月政府信息公开工作报告"})
    assert govlint.parse(ranged).year == 2022 and run(ranged, "GL104") == []


# ---------------------------------------------------------------- the period, the title's year and the signature as also written

PERIODS_RIGHT = [
    "本报告中所列数据的统计期限自2022年1月1日起，至2022年12月31日止",  # a comma after 起
    "本报告中所列数据的统计期限自2022年1月1日起, 至12月31日止",
    "本报告所列数据的统计期限为2022年1月1日零时至2022年12月31日24时",  # the hours
    "本报告所列数据的统计期限为2022年1月1日0时至12月31日24时",
]
PERIODS_WRONG = [
    "本报告中所列数据的统计期限自2022年1月1日起，至2022年11月30日止",
    "本报告中所列数据的统计期限自2021年1月1日起，至2021年12月31日止",
    "本报告所列数据的统计期限为2021年1月1日零时至2021年12月31日24时",
]


def test_period_with_a_comma_after_qi_or_with_hours():
    for written in PERIODS_RIGHT:
        text = text_with(sub={STATED: written})
        assert run(text, "GL105") == [] and run(text, "GL701") == [], written
    for written in PERIODS_WRONG:
        assert where(run(text_with(sub={STATED: written}), "GL701")) == [("GL701", 2)], written


TITLES_ZERO_TYPED = ["益阳市行政审批服务局二O二二年政府信息公开工作年度报告", "益阳市行政审批服务局二Ｏ二二年度政府信息公开工作年度报告",
                     "益阳市行政审批服务局二0二二年政府信息公开工作年度报告"]


def test_a_chinese_year_with_its_zero_typed_as_o():
    """二O二二年 (〇 typed as the letter O or the digit 0) is the year 2022: the title names it (no GL104),
    the period matches it (no GL701), a date so written is one (GL703)."""
    for title in TITLES_ZERO_TYPED:
        text = text_with(replace={1: title})
        assert run(text, "GL104") == [] and run(text, "GL701") == [], title
    for date in ("二O二三年二月二十日", "二0二三年二月二十日"):
        text = SEED_TEXT.rstrip("\n") + f"\n益阳市行政审批服务局\n{date}\n"
        assert [d.actual for d in run(text, "GL703")] == ["2023-02-20"], date
    assert run(SEED_TEXT.rstrip("\n") + "\n益阳市行政审批服务局\n二O二三年一月二十日\n", "GL703") == []


def test_gl703_a_spaced_date_line_under_the_report():
    """2023 年 2 月 15 日 (spaced, read as a table's row, not a paragraph) under the report is its date."""
    for date in ("2023 年 2 月 15 日", "2023 年 02 月 15 日"):
        for tail in ("", "\n扫一扫在手机打开当前页"):
            text = SEED_TEXT.rstrip("\n") + f"\n益阳市行政审批服务局\n{date}{tail}\n"
            ds = run(text, "GL703")
            assert [d.actual for d in ds] == ["2023-02-15"], (date, tail)
            assert text.split("\n")[ds[0].line - 1][ds[0].column - 1:].startswith("2023"), (date, tail)
    assert run(SEED_TEXT.rstrip("\n") + "\n益阳市行政审批服务局\n2023 年 1 月 15 日\n", "GL703") == []


def test_gl702_leaves_the_year_the_period_states_to_gl701():
    """A 2021 title over a report whose opening states 2022年1月1日至2022年12月31日 and tells 2022's work:
    the title's year is wrong, said once at the period (GL701), not at every 2022年 of the text (GL702);
    a year after the stated one is still GL702's."""
    text = text_with(replace={1: TITLE.replace("2022年", "2021年")})
    assert where(run(text, "GL701")) == [("GL701", 2)]
    assert run(text, "GL702") == []
    later = text_with(replace={1: TITLE.replace("2022年", "2021年")}, insert_after={3: "2023年，我局共收到申请3件。"})
    assert where(run(later, "GL702")) == [("GL702", 4)]
    # a range of days dating a campaign states no period: its year is still a later year
    campaign = text_with(insert_after={3: "2023年1月1日至2023年12月31日，开展政务公开专项行动。2023年，我局共收到申请3件。"})
    assert [d.line for d in run(campaign, "GL702")] == [4]


TITLES_WITH_ANOTHER_YEAR = [  # (title, the report year)
    ("益阳市2026年世界园艺博览会筹备工作办公室2022年政府信息公开工作年度报告", 2022),
    ("益阳市二〇二六年世界园艺博览会筹备工作办公室二〇二二年度政府信息公开工作年度报告", 2022),
    ("2025年全国第十二届少数民族运动会组委会办公室2022年度政务公开工作年度报告", 2022),
    ("（2023年1月发布）益阳市行政审批服务局2022年政府信息公开工作年度报告", 2022),
]


def test_the_report_year_is_the_one_the_reports_name_follows():
    """A year in the office's name is not the report year: the year before 政府信息公开…报告 is."""
    for title, year in TITLES_WITH_ANOTHER_YEAR:
        text = text_with(replace={1: title})
        assert govlint.parse(text).year == year, title
        assert run(text, "GL701") == [] and run(text, "GL705", today="2023-06-01") == [], title
