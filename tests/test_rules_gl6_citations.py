"""GL6 citations and terminology: the regulation's name, short form, document numbers, 《》, word
confusions — and their safe fixes."""

from __future__ import annotations

import pytest

from seedvariants import DATA, SEED, SEED_TEXT, run, text_with, where
from govlint.engine import default_engine
import govlint
from govlint.config import Config

NAME = "中华人民共和国政府信息公开条例"


def apply_fixes(text, diags):
    fixes = sorted((d.fix for d in diags if d.fix is not None), key=lambda f: f.start, reverse=True)
    for f in fixes:
        text = text[:f.start] + f.replacement + text[f.end:]
    return text


# ---------------------------------------------------------------- GL601 the regulation's name

def test_gl601_seed_last_paragraph_with_fix():
    ds = run(SEED, "GL601")
    assert where(ds) == [("GL601", 334)]
    d = ds[0]
    assert d.severity.value == "warning" and "中华人民共和国信息公开条例" in d.message and NAME in d.message
    assert d.fix is not None and SEED_TEXT[d.fix.start:d.fix.end] == "中华人民共和国信息公开条例"
    fixed = apply_fixes(SEED_TEXT, ds)
    assert f"严格按照《{NAME}》" in fixed
    assert run(fixed, "GL601") == []
    assert default_engine().rules["GL601"].fixable


def test_gl601_typo_and_short_name():
    ds = run(text_with(insert_after={3: "认真执行《中华人民共和国政府信息公开条列》。"}), "GL601")
    assert [(d.line, d.severity.value) for d in ds] == [(4, "warning"), (335, "warning")]
    ds = run(text_with(insert_after={3: "认真执行《政府信息公开条例》。"}), "GL601")
    assert [(d.line, d.severity.value) for d in ds] == [(4, "info"), (335, "warning")]
    assert ds[0].fix is not None


def test_gl601_local_measures_are_not_the_regulation():
    text = text_with(insert_after={3: "根据《福建省政府信息公开办法》和《中华人民共和国政府信息公开条例实施细则》。"})
    assert where(run(text, "GL601")) == [("GL601", 335)]  # only the seed's own (shifted by the insertion)


# ---------------------------------------------------------------- GL602 《条例》 before 以下简称

def test_gl602_short_form_before_introduction():
    ds = run(text_with(insert_after={3: "我局认真贯彻落实《条例》要求。"}), "GL602")
    assert where(ds) == [("GL602", 4)] and ds[0].severity.value == "info"


def test_gl602_silent_after_introduction():
    text = text_with(replace={2: f"根据《{NAME}》（以下简称《条例》）的有关规定。"},
                     insert_after={3: "我局认真贯彻落实《条例》要求。"})
    assert run(text, "GL602") == []
    assert run(SEED, "GL602") == []
    assert run((DATA / "2024-longgang-qzfgzbm-partial.txt").read_text(encoding="utf-8"), "GL602") == []  # (下称《条例》)


def test_gl602_short_form_introduced_in_quotes():
    for intro in ("（以下简称“条例”）", "（以下简称「条例」）", "（下称\"条例\"）", "（以下简称条例）"):
        text = text_with(replace={2: f"根据《{NAME}》{intro}的有关规定。"},
                         insert_after={3: "我局认真贯彻落实《条例》要求。"})
        assert run(text, "GL602") == [], intro
    # a different short form is no introduction of 《条例》
    text = text_with(replace={2: "根据《政府信息公开条例实施办法》（以下简称“条例实施办法”）的有关规定。"},
                     insert_after={3: "我局认真贯彻落实《条例》要求。"})
    assert where(run(text, "GL602")) == [("GL602", 4)]


# ---------------------------------------------------------------- GL603 known documents

def test_gl603_superseded_format_notice():
    ds = run(text_with(insert_after={1: "按照国办公开办函〔2019〕60号要求，编制本报告。"}), "GL603")
    assert where(ds) == [("GL603", 2)]
    assert "国办公开办函〔2021〕30号" in ds[0].message and "2022" in ds[0].message


def test_gl603_wrong_number_for_a_known_title():
    text = text_with(insert_after={1: "依照《政府信息公开信息处理费管理办法》（国办函〔2020〕108号）。"})
    ds = run(text, "GL603")
    assert where(ds) == [("GL603", 2)] and "国办函〔2020〕109号" in ds[0].message


def test_gl603_silent_on_correct_citations():
    text = text_with(insert_after={1: ["按照国办公开办函〔2021〕30号要求，依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。",
                                       "根据镇政办函〔2023〕10号文件要求，编制本报告。"]})
    assert run(text, "GL603") == []
    for name in ("2022-pingtan.txt", "2024-pingtan.txt", "2022-zhenan-maopingzhen-partial.txt"):
        assert run((DATA / name).read_text(encoding="utf-8"), "GL603") == [], name


def test_gl603_2021_format_in_a_2020_report():
    text = text_with(sub={"2022年": "2020年"}, insert_after={1: "按照国办公开办函〔2021〕30号要求编制。"})
    assert where(run(text, "GL603")) == [("GL603", 2)]


# ---------------------------------------------------------------- GL604 〔〕 in document numbers

def test_gl604_wrong_brackets_with_fix():
    text = text_with(insert_after={1: "按照国办公开办函[2021]30号和国办函（2020）109号要求。"})
    ds = run(text, "GL604")
    assert where(ds) == [("GL604", 2), ("GL604", 2)]
    fixed = apply_fixes(text, ds)
    assert "国办公开办函〔2021〕30号和国办函〔2020〕109号" in fixed
    assert run(fixed, "GL604") == []


def test_gl604_angle_and_curly_brackets():
    text = text_with(insert_after={1: "按照国办函〈2020〉109号、国办公开办函｛2021｝30号和国办发<2019>12号要求。"})
    ds = run(text, "GL604")
    assert where(ds) == [("GL604", 2)] * 3
    assert [d.expected for d in ds] == ["国办函〔2020〕109号", "国办公开办函〔2021〕30号", "国办发〔2019〕12号"]
    fixed = apply_fixes(text, ds)
    assert "国办函〔2020〕109号、国办公开办函〔2021〕30号和国办发〔2019〕12号" in fixed
    assert run(fixed, "GL604") == []
    # 〈〉 as the inner title mark is not a document number
    assert run(text_with(insert_after={1: "《关于印发〈2020年工作要点〉的通知》。"}), "GL604") == []


def test_gl604_not_court_case_numbers_or_edition_years():
    text = text_with(insert_after={1: "（2021）闽01行初123号判决；《清单（2022年版）》。"})
    assert run(text, "GL604") == []


# ---------------------------------------------------------------- GL605 《》

def test_gl605_doubled_mark_with_fix():
    text = text_with(sub={"严格按照《中华人民共和国信息公开条例》": "严格按照《《中华人民共和国政府信息公开条例》"})
    ds = run(text, "GL605")
    assert where(ds) == [("GL605", 334)] and ds[0].fix is not None
    fixed = apply_fixes(text, ds)
    assert f"严格按照《{NAME}》" in fixed and run(fixed, "GL605") == []


def test_gl605_title_doubled_on_both_sides_with_fix():
    text = text_with(sub={"严格按照《中华人民共和国信息公开条例》": f"严格按照《《{NAME}》》"})
    ds = run(text, "GL605")
    assert where(ds) == [("GL605", 334)] and ds[0].fix is not None and ds[0].expected == f"《{NAME}》"
    fixed = apply_fixes(text, ds)
    assert f"严格按照《{NAME}》" in fixed and run(fixed, "GL605") == []
    # a title inside a title (the inner one should be in 〈〉, but it is no doubled mark)
    nested = text_with(insert_after={1: "印发《关于印发《政府信息公开工作考核办法》的通知》。"})
    assert run(nested, "GL605") == []


def test_gl605_unbalanced_without_fix():
    text = text_with(sub={"《中华人民共和国信息公开条例》": "《中华人民共和国政府信息公开条例"})
    ds = run(text, "GL605")
    assert where(ds) == [("GL605", 334)] and ds[0].fix is None
    assert run(SEED, "GL605") == []


# ---------------------------------------------------------------- GL606 terminology (data: rules/data/terminology.toml)

def test_gl606_seed_quanli_with_fix():
    ds = run(SEED, "GL606")
    assert where(ds) == [("GL606", 9)]
    d = ds[0]
    assert "权力" in d.message and "权利" in d.message
    assert SEED_TEXT[d.fix.start:d.fix.end] == "权力" and d.fix.replacement == "权利"
    fixed = apply_fixes(SEED_TEXT, ds)
    assert "获取信息的权利" in fixed and run(fixed, "GL606") == []


@pytest.mark.parametrize("slips, fine, replacements, fixed", [
    # other entries; 权力清单 and 截止日期 are right where they stand
    ("截止2022年12月31日，依申请公布信息3条，部份公开0件，既时答复，明确权力和义务。",
     "推动权力在阳光下运行，公布权力清单，截止日期为3月31日，截至2022年底。",
     ["公开", "及时", "截至", "权利", "部分"], None),
    # the format's own terms misspelt; the same characters in other words are no slips
    ("全年发生行政复意案件1件，于以公开12件，不于公开2件，登陆门户网站即可查询，严格落实保秘审查制度。",
     "按排名先后公布，登陆作战演练，不于此列，于以往年度相比。",
     ["予", "予以", "保密", "复议", "登录"],
     "行政复议案件1件，予以公开12件，不予公开2件，登录门户网站即可查询，严格落实保密审查制度"),
])
def test_gl606_entries(slips, fine, replacements, fixed):
    text = text_with(insert_after={3: [slips, fine]})
    ds = run(text, "GL606")
    assert sorted(d.fix.replacement for d in ds if d.line == 4) == replacements
    assert [d for d in ds if d.line == 5] == []
    if fixed is not None:
        assert fixed in apply_fixes(text, [d for d in ds if d.line == 4])


def test_gl606_ignore_option():
    assert run(SEED, "GL606", ignore=["quanli-huoqu"]) == []


def test_gl601_words_changed_or_called_a_law():
    for wrong in ("中华人民共和国政府公开信息条例", "中华人民共和国政务公开条例", "中华人民共和国信息公开法", "政府信息公开法"):
        ds = run(text_with(sub={"《中华人民共和国信息公开条例》": f"《{wrong}》"}), "GL601")
        assert where(ds) == [("GL601", 334)], wrong
    for fine in ("福建省政务公开条例", "环境信息公开办法"):
        assert run(text_with(sub={"《中华人民共和国信息公开条例》": f"《{fine}》"}), "GL601") == [], fine


def test_gl601_a_national_rule_or_measure_on_disclosure_is_the_regulation_misnamed():
    """There is no national 规定 or 办法 on government-information disclosure: 《中华人民共和国政府信息公开规定》
    is the regulation misnamed (with the fix); a local one names its place, and national titles of
    another kind (the report format, a law on another matter, the fee measures) are not concerned."""
    for wrong in ("中华人民共和国政府信息公开规定", "中华人民共和国政府信息公开办法", "中华人民共和国政务公开规定"):
        ds = run(text_with(sub={"《中华人民共和国信息公开条例》": f"《{wrong}》"}), "GL601")
        assert where(ds) == [("GL601", 334)] and ds[0].fix is not None, wrong
    for fine in ("湖南省政府信息公开规定", "中华人民共和国政府信息公开工作年度报告格式", "中华人民共和国保守国家秘密法",
                 "政府信息公开信息处理费管理办法", "长沙市实施中华人民共和国政府信息公开条例办法"):
        assert run(text_with(sub={"《中华人民共和国信息公开条例》": f"《{fine}》"}), "GL601") == [], fine


def test_gl603_gl604_document_numbers_with_typed_blanks():
    # a space typed (or left by a PDF or Word's spacing) inside the number: still the same number
    text = text_with(insert_after={1: "按照国办公开办函(2021) 30 号和国办函 （ 2020 ） 109号要求。"})
    ds = run(text, "GL604")
    assert where(ds) == [("GL604", 2), ("GL604", 2)]
    assert [d.expected for d in ds] == ["国办公开办函〔2021〕30号", "国办函〔2020〕109号"]
    assert [d.actual for d in ds] == ["国办公开办函(2021) 30 号", "国办函 （ 2020 ） 109号"]
    fixed = apply_fixes(text, ds)
    # the fix replaces the brackets only: the blanks the user typed stay
    assert "国办公开办函〔2021〕 30 号和国办函 〔 2020 〕 109号" in fixed
    assert run(fixed, "GL604") == []
    ds = run(text_with(insert_after={1: "按照国办公开办函〔2019〕\u300060\u3000号要求编制。"}), "GL603")
    assert where(ds) == [("GL603", 2)] and ds[0].actual == "国办公开办函〔2019〕60号"
    assert where(run(text_with(insert_after={1: "依据国务院令第 492 号编制。"}), "GL603")) == [("GL603", 2)]
    # two figures with a blank between are not one serial
    assert run(text_with(insert_after={1: "国办函（2020）12 34号。"}), "GL604") == []


def test_gl606_correct_words_that_contain_a_listed_slip():
    # a probe of realistic sentences: 既 + a word starting with 时 (既…又…), a word ending in 于 before
    # 以 (by means of: 以公开促落实), a typhoon's landing or a programme shown on television are no slips
    correct = ["面对既时间紧又任务重的形势，按时完成了报告编制。", "做到既时效性强又内容准确。",
               "坚持以公开为常态，致力于以公开促落实、促规范、促服务。", "着眼于以公开促落实，立足于以公开促服务。",
               "有利于以公开推动依法行政，基于以公开为常态的原则。", "台风登陆期间通过政府网站滚动发布预警信息。",
               "我县特色农产品登陆央视平台展播。"]
    text = text_with(insert_after={3: correct})
    assert [d for d in run(text, "GL606") if 4 <= d.line <= 3 + len(correct)] == []
    # … while the slips themselves still are, the same words written wrongly
    wrong = ["依法于以公开，及时于以答复。", "做到既时公开、既时更新。", "台风过后，群众可登陆政府网站查询。"]
    ds = run(text_with(insert_after={3: wrong}), "GL606")
    assert sorted((d.line, d.actual) for d in ds if d.line < 9) == [
        (4, "于以"), (4, "于以"), (5, "既时"), (5, "既时"), (6, "登陆")]


def test_gl606_signing_in_to_a_site_named_wang():
    # a site is often named …网 (中国政府网, 政务服务网) or 网上办事大厅, not …网站
    for sentence in ("申请人可登陆中国政府网查询。", "申请人可登陆“湖南省政务服务网”提交申请。", "群众可登陆网上办事大厅办理。"):
        ds = [d for d in run(text_with(insert_after={3: sentence}), "GL606") if d.line == 4]
        assert [(d.actual, d.fix.replacement) for d in ds] == [("登陆", "登录")], sentence
    assert [d for d in run(text_with(insert_after={3: "申请人可登录中国政府网查询，网络安全。"}), "GL606") if d.line == 4] == []


def test_gl601_a_revision_note_inside_the_marks_is_no_part_of_the_name():
    # a probe of citations found 《…条例（修订）》 told its name was wrong while 《…条例（2019年修订）》
    # passed, and a wrong name with a note after it (《中华人民共和国信息公开条例（2019年修订）》) missed
    for note in ("（2019年修订）", "（修订）", "（修订版）", "(2019年修订)", "（国务院令第711号）"):
        assert where(run(text_with(insert_after={3: f"依据《{NAME}{note}》第五十条。"}), "GL601")) == [("GL601", 335)], note
        text = text_with(insert_after={3: f"依据《中华人民共和国信息公开条例{note}》第五十条。"})
        ds = [d for d in run(text, "GL601") if d.line == 4]
        assert len(ds) == 1 and ds[0].severity.value == "warning", note
        assert f"《中华人民共和国信息公开条例{note}》应为《{NAME}{note}》" in ds[0].message
        line = text.split("\n")[3]
        assert line[ds[0].column - 1:ds[0].end_column - 1] == f"《中华人民共和国信息公开条例{note}》"
        fixed = apply_fixes(text, ds)
        assert f"依据《{NAME}{note}》第五十条" in fixed  # the name corrected, the note kept
    ds = [d for d in run(text_with(insert_after={3: "依据《政府信息公开条例（修订）》。"}), "GL601") if d.line == 4]
    assert [d.severity.value for d in ds] == ["info"]


def test_gl601_the_name_in_angle_brackets_outside_a_title():
    for o, c in (("<", ">"), ("<<", ">>"), ("〈", "〉"), ("＜", "＞")):
        text = text_with(insert_after={3: f"严格执行{o}{NAME}{c}有关规定。"})
        ds = [d for d in run(text, "GL601") if d.line == 4]
        assert len(ds) == 1 and f"{o}{NAME}{c}应为《{NAME}》" in ds[0].message, o
        assert f"严格执行《{NAME}》有关规定" in apply_fixes(text, ds)
        # a title inside a title is marked so
        inner = text_with(insert_after={3: f"印发《关于学习{o}{NAME}{c}的通知》。"})
        assert [d for d in run(inner, "GL601") if d.line == 4] == [], o


def test_gl601_angle_brackets_in_a_web_page():
    page = ("<html><head><meta charset='utf-8'><title>某某局2022年政府信息公开工作年度报告</title></head><body>"
            "<h1>某某局2022年政府信息公开工作年度报告</h1>\n<p>一、总体情况</p>\n"
            f"<p>严格执行&lt;&lt;{NAME}&gt;&gt;有关规定。</p>\n</body></html>\n")
    ds = govlint.lint(page.encode("utf-8"), Config(select=("GL601",)))
    assert [(d.line, d.column) for d in ds] == [(3, 8)] and f"<<{NAME}>>" in ds[0].message


def test_gl602_short_form_introduced_as_the_revised_one():
    # a probe found the introduction itself reported when it names the revised regulation
    for intro, use in (("（以下简称新《条例》）", "新《条例》"), ("（以下简称新修订《条例》）", "《条例》"),
                       ("（以下简称修订后的《条例》）", "《条例》"), ("（以下统称《条例》）", "《条例》")):
        text = text_with(replace={2: f"根据新修订的《{NAME}》{intro}的有关规定。"},
                         insert_after={3: f"我局认真贯彻落实{use}要求。"})
        assert run(text, "GL602") == [], intro
    text = text_with(replace={2: f"根据《{NAME}》（以下简称新规）的有关规定。"}, insert_after={3: "我局认真贯彻落实《条例》要求。"})
    assert where(run(text, "GL602")) == [("GL602", 4)]


def test_gl603_the_regulations_history_is_no_citation_of_the_old_one():
    # the regulation's own header, often quoted: the 2007 decree beside the revision that replaced it
    history = ["《中华人民共和国政府信息公开条例》于2007年4月5日以国务院令第492号公布，2019年4月3日以国务院令第711号修订。",
               "国办公开办函〔2021〕30号对原国办公开办函〔2019〕60号规定的年度报告格式进行了修订。"]
    assert run(text_with(insert_after={1: history}), "GL603") == []
    # citing the old one alone, or both as what the report follows, is still reported
    old = ["根据《中华人民共和国政府信息公开条例》（国务院令第492号）编制。", "按照国办公开办函〔2019〕60号和国办公开办函〔2021〕30号要求编制。"]
    assert where(run(text_with(insert_after={1: old}), "GL603")) == [("GL603", 2), ("GL603", 3)]


def test_gl603_decree_written_guowuyuan_di_n_hao_ling_and_full_width_digits():
    ds = run(text_with(insert_after={1: f"根据《{NAME}》（国务院第492号令）编制。"}), "GL603")
    assert where(ds) == [("GL603", 2)] and "国务院令第492号" in ds[0].message and "国务院令第711号" in ds[0].message
    assert run(text_with(insert_after={1: f"根据《{NAME}》（国务院第711号令）编制。"}), "GL603") == []
    ds = run(text_with(insert_after={1: "按照国办公开办函〔２０１９〕６０号要求编制本报告。"}), "GL603")
    assert where(ds) == [("GL603", 2)] and "国办公开办函〔2021〕30号" in ds[0].message
    line = text_with(insert_after={1: "按照国办公开办函〔２０１９〕６０号要求编制本报告。"}).split("\n")[1]
    assert line[ds[0].column - 1:ds[0].end_column - 1] == "国办公开办函〔２０１９〕６０号"


def test_gl603_a_wrong_number_is_told_the_one_for_the_report_year():
    # the regulation has two numbers (492 of 2007, 711 of 2019): a 2022 report is told 711 only
    ds = run(text_with(insert_after={1: f"根据《{NAME}》（国务院令第712号）编制。"}), "GL603")
    assert where(ds) == [("GL603", 2)] and "国务院令第711号" in ds[0].message and "492" not in ds[0].message
    assert ds[0].expected == "国务院令第711号"


def test_gl604_a_year_without_brackets():
    # a probe found document numbers whose year lost its brackets not reported at all
    # (国办公开办函202130号: the serial glued to the year too — the year is its first four digits)
    for written in ("国办公开办函2021年30号", "国办公开办函2021第30号", "国办函2020 109号", "湘政发2022年5号",
                    "国办公开办函202130号", "湘政发20225号"):
        text = text_with(insert_after={1: f"按照{written}文件要求编制。"})
        ds = run(text, "GL604")
        assert where(ds) == [("GL604", 2)], written
        assert ds[0].fix is None and f"“{written}”" in ds[0].message
        assert text.split("\n")[1][ds[0].column - 1:ds[0].end_column - 1] == written
    # the verb 发 before a year, announcements (公告2021年第5号 is their form), decrees, addresses
    for sentence in ("市政府办公室印发2021年3号文件。", "及时下发2022年第3号通知。", "财政部公告2021年第5号。",
                     "省人民政府令2020年第3号。", "办公地址：人民路2021号。", "收到申请2021件，办结2021件。",
                     "共下发202130号文件。", "依申请公开编号发2021123456号。"):
        assert run(text_with(insert_after={1: sentence}), "GL604") == [], sentence
    # and GL603 knows the document
    ds = run(text_with(insert_after={1: "按照国办公开办函2019年60号要求编制本报告。"}), "GL603")
    assert where(ds) == [("GL603", 2)] and "国办公开办函〔2021〕30号" in ds[0].message


def test_gl605_a_breadcrumb_trail_with_right_marks():
    # a page's trail copied under the title uses 》 as an arrow between its steps
    for crumb in ("当前位置：首页》政务公开》政府信息公开年报", "首页 》 信息公开 》 年度报告"):
        assert run(text_with(insert_after={1: crumb}), "GL605") == [], crumb
    assert where(run(text_with(insert_after={1: "在网站首页设置专栏，落实中华人民共和国政府信息公开条例》。"}), "GL605")) == [
        ("GL605", 2)]


def test_gl603_names_the_number_as_written():
    # a number written otherwise than issued is quoted as written, with the number as issued after it
    ds = run(text_with(insert_after={1: f"根据《{NAME}》（国务院第492号令）编制。"}), "GL603")
    assert "引用了“国务院第492号令”（国务院令第492号）" in ds[0].message
    ds = run(text_with(insert_after={1: "按照国办公开办函2019年60号要求编制。"}), "GL603")
    assert "引用了“国办公开办函2019年60号”（国办公开办函〔2019〕60号）" in ds[0].message
    ds = run(text_with(insert_after={1: "依照《政府信息公开信息处理费管理办法》（国办函(2020)108号）。"}), "GL603")
    assert "这里写的是“国办函(2020)108号”（国办函〔2020〕108号）" in ds[0].message
    ds = run(text_with(insert_after={1: "按照国办公开办函〔2019〕60号要求编制。"}), "GL603")
    assert "引用了“国办公开办函〔2019〕60号”：" in ds[0].message
