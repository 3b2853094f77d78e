"""GL4 plausibility rules, on the seed and on variants of it built here (one defect each)."""

from __future__ import annotations

from seedvariants import LINES, SEED, run, text_with, where


# ---------------------------------------------------------------- GL401 magnitude

def test_gl401_seed_page_views():
    ds = run(SEED, "GL401")
    assert where(ds) == [("GL401", 9)]
    d = ds[0]
    assert d.severity.value == "warning"
    assert "347451万次" in d.message and "34.7亿次" in d.message  # value as read and its normalised size
    assert "10000" in d.message  # the threshold
    assert LINES[8][d.column - 1:].startswith("347451万次")


def test_gl401_silent_when_the_stray_wan_is_removed():
    assert run(text_with(sub={"347451万次左右": "347451次左右"}), "GL401") == []


def test_gl401_count_written_wan_at_10000():
    text = text_with(insert_after={9: "局微信公众号全年推送消息12000万条。"})
    assert where(run(text, "GL401")) == [("GL401", 9), ("GL401", 10)]
    assert where(run(text_with(insert_after={9: "局微信公众号全年推送消息9999万条。"}), "GL401")) == [("GL401", 9)]


def test_gl401_visits_beyond_one_site_and_threshold_option():
    text = text_with(sub={"347451万次左右": "15亿次"})
    ds = run(text, "GL401")
    assert where(ds) == [("GL401", 9)] and "10亿次" in ds[0].message
    text = text_with(sub={"347451万次左右": "1.5亿次"})
    assert run(text, "GL401") == []
    assert where(run(text, "GL401", max_visits=100_000_000)) == [("GL401", 9)]


def test_gl401_not_for_data_counts_or_money():
    # seed line 10: 汇聚数据2.28亿条 — a data count, not a slip and not page views
    assert all(d.line != 10 for d in run(SEED, "GL401"))
    # money is GL403's: 12000万元 is how budgets are often written
    assert where(run(text_with(insert_after={9: "全年财政拨款12000万元。"}), "GL401")) == [("GL401", 9)]


# ---------------------------------------------------------------- GL402 percentages

def test_gl402_satisfaction_over_100():
    text = text_with(sub={"代表委员满意度达100%": "代表委员满意度达120%"})
    ds = run(text, "GL402")
    assert where(ds) == [("GL402", 8)] and "120%" in ds[0].message


def test_gl402_silent_on_seed_and_on_growth():
    assert run(SEED, "GL402") == []
    text = text_with(insert_after={9: "网站访问量同比增长150%，办结率100%。"})
    assert run(text, "GL402") == []


def test_gl402_share_over_100():
    text = text_with(insert_after={9: "依申请公开占全部办件的105%。"})
    assert where(run(text, "GL402")) == [("GL402", 10)]


# ---------------------------------------------------------------- GL403 money

def test_gl403_fee_cell_in_yuan():
    text = text_with(replace={51: "2510000 |"})
    ds = run(text, "GL403")
    assert where(ds) == [("GL403", 51)]
    assert ds[0].table == "二" and ds[0].row == "fees" and "2510000" in ds[0].message
    assert run(text_with(replace={51: "25.1 |"}), "GL403") == []


def test_gl403_fee_cell_precision():
    assert where(run(text_with(replace={51: "0.1234567 |"}), "GL403")) == [("GL403", 51)]
    assert run(text_with(replace={51: "0.123456 |"}), "GL403") == []


def test_gl403_prose_precision_and_processing_fee_size():
    text = text_with(replace={336: "2022年，本单位收取信息处理费0.1234567万元。"})
    assert where(run(text, "GL403")) == [("GL403", 336)]
    text = text_with(replace={336: "2022年，本单位收取信息处理费200万元。"})
    ds = run(text, "GL403")
    assert where(ds) == [("GL403", 336)] and "200万元" in ds[0].message
    assert run(text_with(replace={336: "2022年，本单位收取信息处理费120元。"}), "GL403") == []


# ---------------------------------------------------------------- GL404 规章 at county/township level

def test_gl404_county_body_reporting_rules():
    title = "威海市文登区信访局2022年政府信息公开工作年度报告"
    text = text_with(replace={1: title, 19: "1 |", 21: "1 |"})
    ds = run(text, "GL404")
    assert where(ds) == [("GL404", 19), ("GL404", 21)]
    assert ds[0].severity.value == "info" and "威海市文登区信访局" in ds[0].message
    assert run(text_with(replace={1: title}), "GL404") == []  # zeros
    assert run(text_with(replace={19: "1 |"}), "GL404") == []  # 益阳市 (a districted city): may report


def test_gl404_township():
    text = text_with(replace={1: "镇安县茅坪回族镇人民政府2022年政府信息公开工作年度报告", 21: "2 |"})
    assert where(run(text, "GL404")) == [("GL404", 21)]


# ---------------------------------------------------------------- GL405 行政审批 bureau with 0 行政许可

def test_gl405_seed_licensing_bureau_reports_zero():
    ds = run(SEED, "GL405")
    assert where(ds) == [("GL405", 32)] and ds[0].severity.value == "info"


def test_gl405_silent_with_decisions_or_other_bureau():
    assert run(text_with(replace={32: "1523 |"}), "GL405") == []
    assert run(text_with(replace={1: "益阳市教育局2022年政府信息公开工作年度报告"}), "GL405") == []


def test_gl401_order_of_magnitude_written_twice():
    for written in ("网站访问量达128.6万万人次。", "网站访问量达1.2亿亿人次。", "收取费用1.5万万元。"):
        ds = [d for d in run(text_with(insert_after={3: written}), "GL401") if d.line != 10]  # (10: the seed's own)
        assert where(ds) == [("GL401", 4)], written
        assert "两次" in ds[0].message
    assert [d.line for d in run(text_with(insert_after={3: "网站访问量达128.6万人次，惠及亿万群众。"}), "GL401")] == [10]


def test_gl401_gl402_with_typed_blanks():
    ds = run(text_with(insert_after={9: "全年网站浏览量达到 234567 万次，群众满意度达到\u3000１２０\u3000％。"}), "GL401")
    ds += run(text_with(insert_after={9: "全年网站浏览量达到 234567 万次，群众满意度达到\u3000１２０\u3000％。"}), "GL402")
    ds = [d for d in ds if d.line == 10]
    assert sorted((d.code, d.line, d.actual) for d in ds) == [("GL401", 10, "234567 万次"), ("GL402", 10, "１２０\u3000％")]
    line = text_with(insert_after={9: "全年网站浏览量达到 234567 万次，群众满意度达到\u3000１２０\u3000％。"}).split("\n")[9]
    assert [line[d.column - 1:d.end_column - 1] for d in sorted(ds, key=lambda d: d.column)] == ["234567 万次", "１２０\u3000％"]


def test_gl402_a_verb_before_the_rate_word_does_not_make_it_a_change():
    # a probe inserting 群众满意度达到120%。 at every point of a paragraph missed it after “不断提升”:
    # the change words were looked for in the four characters before the rate word, so 提升 governing
    # 群众满意度 (a level) passed for a rate of change
    for before in ("不断提升", "，提高", "较好地完成", "不断提升 "):
        text = text_with(insert_after={9: f"我局{before}群众满意度达到120%。"})
        assert where(run(text, "GL402")) == [("GL402", 10)], before
    # glued to the rate word, a change word names a rate of change: 增长比例, 提高比例 may exceed 100
    for sentence in ("依申请公开数量增长比例为120%。", "网站访问量提高比例达150%。", "访问量同比增长 150%。"):
        assert run(text_with(insert_after={9: sentence}), "GL402") == [], sentence


def test_gl404_a_city_or_provincial_department_named_for_town_and_country():
    # 住房和城乡建设局, 城乡规划局, 乡镇企业局 hold 乡 and 镇 but are the bureaus of a city or a province, not
    # townships: a probe of agency names found GL404 calling them 乡镇、街道机关
    for agency in ("长沙市住房和城乡建设局", "湖南省住房和城乡建设厅", "长沙市城乡规划局", "长沙市乡镇企业局"):
        text = text_with(replace={1: f"{agency}2022年政府信息公开工作年度报告", 19: "1 |"})
        assert run(text, "GL404") == [], agency
    ds = run(text_with(replace={1: "长沙县住房和城乡建设局2022年政府信息公开工作年度报告", 19: "1 |"}), "GL404")
    assert where(ds) == [("GL404", 19)] and "县级" in ds[0].message
    ds = run(text_with(replace={1: "某某县古城乡人民政府2022年政府信息公开工作年度报告", 19: "1 |"}), "GL404")
    assert where(ds) == [("GL404", 19)] and "乡镇" in ds[0].message


def test_gl403_prices_per_unit_are_set_finer_than_fen():
    # a probe of 主动公开 sentences found prices (electricity, water, gas, grain) reported as amounts
    # with more decimals than whole 分: a price per unit is set finer than 分
    prices = ["公开居民生活用电价格0.5283元/千瓦时。", "公布自来水价格3.455元/吨，水资源费0.125元／立方米。",
              "公开天然气销售价格每立方米2.915元。", "公开粮食最低收购价格每斤1.235元。", "电价为0.5283元。"]
    assert [d for d in run(text_with(insert_after={3: prices}), "GL403") if d.line <= 8] == []
    # an amount paid (a fee collected) is still whole 分
    ds = run(text_with(insert_after={3: ["全年收取信息处理费合计0.125元。", "按每页收费，全年收取信息处理费12.345元。"]}), "GL403")
    assert where(ds) == [("GL403", 4), ("GL403", 5)]


def test_gl402_any_rate_named_x_lv():
    # a probe of realistic rates found 15 over 100% passed because their word was not in the list
    # (办理率, 回应率, 解读率, 办复率, 纠错率, 满意程度 …): a rate named X率 is a share
    for sentence in ("政策文件解读率达到120%。", "行政许可事项网上办理率达120%。", "建议提案办复率达到101%。",
                     "信息公开回应率达105%。", "复议纠错率为120%。", "群众满意程度达到105%。"):
        ds = run(text_with(insert_after={9: sentence}), "GL402")
        assert where(ds) == [("GL402", 10)], sentence
    assert "“解读率”为120%" in run(text_with(insert_after={9: "政策文件解读率达到120%。"}), "GL402")[0].message
    # … but not a rate of growth or of fulfilment, a gross ratio, or 率 that names no rate
    for sentence in ("办件量增长率达到130%。", "申请量同比增长率为125%。", "全年工作任务完成率达到105%。",
                     "全年预算执行率103%。", "学前三年毛入园率102%。", "在全省率先实现访问量120%的目标。",
                     "满意率由90%提升至100%，提高了11.1%。"):
        assert run(text_with(insert_after={9: sentence}), "GL402") == [], sentence


def test_gl405_which_bodies_license():
    # a probe of agency names: a 行政服务中心 licenses as a 政务服务中心 does, a township's centre does
    # not, and an office named for 政务公开 and 政务服务 is read whole (it was read as “某市”)
    for agency, found in (("长沙市行政服务中心", True), ("长沙市政务公开和政务服务办公室", True),
                          ("某某县某某镇政务服务中心", False), ("长沙市政务服务中心", True)):
        text = text_with(sub={"益阳市行政审批服务局": agency})
        assert bool(run(text, "GL405")) is found, agency


def test_gl401_money_written_without_yuan():
    # budgets are written in 万 (money is GL403's), also without 元
    for sentence in ("项目总投资12000万，全年网站访问量35万次。", "全年财政预算支出15000万。"):
        assert [d for d in run(text_with(insert_after={9: sentence}), "GL401") if d.line == 10] == [], sentence
    # a count still is a slip, and money written 万万 still doubled
    for sentence in ("累计归集数据12000万条。", "项目总投资1.2万万。"):
        assert where([d for d in run(text_with(insert_after={9: sentence}), "GL401") if d.line == 10]) == [
            ("GL401", 10)], sentence


def test_gl402_rates_of_growth_named_with_su_or_fu():
    for sentence in ("访问量增长速率达120%。", "涨幅率达到130%。"):
        assert run(text_with(insert_after={9: sentence}), "GL402") == [], sentence


def test_gl403_a_regions_total_fees_are_not_one_agencys():
    for sentence in ("全省行政事业性收费收入125亿元。", "公开收费目录清单，全市收费总额达到150亿元。"):
        assert [d for d in run(text_with(insert_after={3: sentence}), "GL403") if d.line == 4] == [], sentence
    ds = run(text_with(insert_after={3: "本单位全年行政事业性收费收入135亿元。"}), "GL403")
    assert where([d for d in ds if d.line == 4]) == [("GL403", 4)]
