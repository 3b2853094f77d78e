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


# ---------------------------------------------------------------- GL112 part 六 and 信息处理费

def test_gl112_seed_part6_is_silent_about_fees():
    ds = run(SEED, "GL112")
    assert where(ds) == [("GL112", 336)]


def test_gl112_fee_statement_present_or_before_2021():
    assert run(text_with(replace={336: "2022年，本单位未收取信息处理费。"}), "GL112") == []
    assert run(SEED, "GL112", since=2023) == []
    assert run(SEED, "GL112", keywords=["其他需要报告"]) == []


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
