"""Bad input: one GL0 diagnostic, exit code 2, never a traceback."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys

import pytest

import govlint
from govlint.cli import main

import reportgen as rg

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
SEED_BYTES = rg.SEED.read_bytes()
_AT = SEED_BYTES.index("五、存在".encode())

BAD = [
    ("empty", b"", "GL002", 1),
    ("whitespace", " \r\n\t\n\u3000\n".encode(), "GL002", 1),
    ("bom-only", codecs.BOM_UTF8, "GL002", 1),
    ("binary", PNG, "GL003", 1),
    ("nul-bytes", b"abc\x00\x00\x00def" * 20, "GL003", 1),
    ("utf16-bom-odd", codecs.BOM_UTF16_LE + b"\x00\xd8a", "GL004", 1),
    ("utf8-bom-then-invalid", codecs.BOM_UTF8 + "一、总体情况\n".encode() + b"\xff\xfe\n", "GL004", 2),
    ("undecodable", bytes(range(128, 256)) * 8, "GL004", 1),
    ("damaged-utf8", SEED_BYTES[:_AT] + b"\xff" + SEED_BYTES[_AT:], "GL004", 333),
    ("no-structure", "这是一段普通的文字，没有任何报告结构。\n第二段文字。\n".encode(), "GL005", 1),
    ("ascii-prose", b"hello world\nnothing to see here\n", "GL005", 1),
]


@pytest.mark.parametrize("data,code,line", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_bytes_give_one_gl0(data, code, line, tmp_path, capsys):
    ds = govlint.lint(data)
    assert [(d.code, d.line) for d in ds] == [(code, line)]
    assert ds[0].fatal and ds[0].severity.value == "error" and ds[0].message and ds[0].message_en
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    assert [(d.code, d.line) for d in govlint.lint(path)] == [(code, line)]
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"{path}:{line}:1: {code} " in out
    if code != "GL005":
        with pytest.raises(govlint.InputError) as exc:
            govlint.parse(data)
        assert exc.value.code == code


def test_exit_zero_does_not_hide_unreadable_input(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"")
    assert main(["check", "--exit-zero", str(path)]) == 2


def test_utf16_with_bom_is_read(tmp_path):
    r = rg.render(rg.seed_doc().set("三", "new", "natural", "4"), "pipe")
    for enc in ("utf-16-le", "utf-16-be"):
        ds = govlint.lint(r.encode(enc, bom=True), govlint.Config(select=("GL0", "GL10", "GL2", "GL3")))
        assert sorted((d.code, d.line) for d in ds) == [("GL301", r.cell("三", "total", "natural")),
                                                         ("GL303", r.cell("三", "new", "total"))]


def test_missing_path(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert [d.code for d in govlint.lint(missing)] == ["GL001"]
    assert main(["check", str(missing)]) == 2
    assert f"{missing}:1:1: GL001" in capsys.readouterr().out


def test_directory_given_as_a_file(tmp_path):
    d = tmp_path / "reports.txt"
    d.mkdir()
    ds = govlint.lint(d)
    assert [x.code for x in ds] == ["GL001"] and ds[0].fatal
    from govlint.engine import default_engine

    assert [x.code for x in default_engine().lint_path(d).diagnostics] == ["GL001"]


def test_empty_directory_is_a_usage_error(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "no report files" in capsys.readouterr().err


def test_one_bad_file_among_good_ones(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(SEED_BYTES)
    (tmp_path / "b.txt").write_bytes(PNG)
    assert main(["check", "--select", "GL0,GL10,GL2,GL3", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "b.txt:1:1: GL003" in out and "a.txt" not in out


def test_text_api_rejects_empty_text():
    assert [d.code for d in govlint.lint("   \n")] == ["GL002"]
    with pytest.raises(govlint.InputError):
        govlint.parse("")


def test_too_large(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_bytes(SEED_BYTES)
    assert main(["check", "--max-bytes", "100", str(path)]) == 2
    assert "GL006" in capsys.readouterr().out


def test_no_traceback_from_the_command_line(tmp_path):
    """The installed entry point on every kind of bad input: exit 2, GL0 lines, no traceback."""
    paths = []
    for name, data, code, _ in BAD:
        p = tmp_path / f"{name}.txt"
        p.write_bytes(data)
        paths.append(str(p))
    paths.append(str(tmp_path / "missing.txt"))
    env = dict(os.environ, PYTHONWARNINGS="error::DeprecationWarning:govlint")
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", *paths], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    for name, _, code, line in BAD:
        assert f"{name}.txt:{line}:1: {code} " in proc.stdout
    assert "missing.txt:1:1: GL001" in proc.stdout


# ----------------------------------------------------------------------------- files that are not reports
# Documents that sit beside the reports in an office's folder or a crawl. Each is one GL005 naming
# what the file seems to be (on the line that says so), exit 2 — not a dozen GL101/GL201 about the
# parts and tables a report would have.

NOT_REPORTS = [
    ("plan", "××市2023年政务公开工作要点\n"
             "为深入贯彻落实《中华人民共和国政府信息公开条例》，现提出2023年政务公开工作要点如下。\n"
             "一、围绕稳经济促发展加强政策公开\n各部门要主动公开涉及市场主体的惠企政策，做好政策解读。\n"
             "二、进一步规范依申请公开工作\n严格执行《条例》规定的办理程序和答复时限，提升答复质量。\n"
             "三、存在的主要问题及改进情况\n（本项由各部门在年度报告中报告。）\n", 1, "政务公开工作要点"),
    ("summary", "××区市场监督管理局2022年政务公开工作总结\n"
                "现将全年政务公开工作总结如下。\n一、主要工作开展情况\n全年主动公开政府信息356条，收到政府信息公开申请12件。\n"
                "二、存在的问题\n政策解读形式较为单一。\n三、2023年工作打算\n进一步规范依申请公开办理流程。\n", 1, "总结"),
    ("university", "××大学2021-2022学年信息公开工作年度报告\n"
                   "根据《高等学校信息公开办法》，现将我校信息公开工作情况报告如下。\n一、概述\n学校设立了信息公开工作领导小组。\n"
                   "二、主动公开情况\n学校公开清单事项10大类50条。\n三、依申请公开和不予公开情况\n本学年收到申请5件。\n"
                   "四、对信息公开的评议情况\n师生总体满意。\n五、因学校信息公开工作受到举报的情况\n未受到举报。\n"
                   "六、信息公开工作存在的主要问题及改进情况\n部分栏目更新不及时。\n七、其他需要报告的事项\n无。\n", 1, "高等学校"),
    ("hospital", "××市第一人民医院2022年度信息公开工作年度报告\n现将我院2022年度信息公开工作情况报告如下。\n"
                 "一、基本情况\n医院成立了院务公开领导小组。\n二、主动公开情况\n全年主动公开信息1286条。\n"
                 "三、依申请公开情况\n全年收到信息公开申请3件。\n四、存在的问题和改进措施\n公开形式不够丰富。\n", 1, "医疗卫生机构"),
    ("guide", "××区人民政府办公室政府信息公开指南\n为了更好地提供政府信息公开服务，编制本指南。\n"
              "一、主动公开\n本机关主动公开的政府信息通过区政府门户网站公开。\n"
              "二、依申请公开\n申请人可以通过当面提交、邮寄、互联网在线申请等方式提出申请。\n"
              "三、监督和救济\n可以依法申请行政复议或者提起行政诉讼。\n", 1, "政府信息公开指南"),
    ("reply", "××市自然资源和规划局\n政府信息公开申请答复书\n张××：\n本机关于2023年3月6日收到您的政府信息公开申请，现答复如下：\n"
              "一、您申请获取的信息属于主动公开的政府信息，已在本机关门户网站公开。\n××市自然资源和规划局\n2023年3月27日\n",
     2, "答复书"),
    ("news", "我市发布2022年政府信息公开工作年度报告\n来源：××日报　发布时间：2023-01-31 09:12\n"
             "报告显示，2022年全市共主动公开政府信息12.6万条，收到政府信息公开申请1856件，其中自然人申请1702件。\n"
             "全年因政府信息公开引发的行政复议案件45件、行政诉讼案件23件。\n责任编辑：赵××\n", 1, "新闻"),
    ("bulletin", "××市2022年国民经济和社会发展统计公报\n××市统计局\n一、综合\n全年地区生产总值3268.5亿元，增长4.2%。\n"
                 "表1 主要农产品产量\n指标 | 单位 | 绝对数 | 比上年增长（%）\n粮食 | 万吨 | 138.2 | 1.5\n油料 | 万吨 | 12.6 | 3.2\n",
     1, "统计公报"),
    ("index", "政府信息公开年报\n" + "".join(f"{a}2022年政府信息公开工作年度报告 2023-01-{10 + i}\n" for i, a in enumerate(
        ["市教育局", "市公安局", "市民政局", "市司法局", "市财政局", "市水利局"])), 2, "列出多份年度报告"),
]


@pytest.mark.parametrize("text,line,kind", [n[1:] for n in NOT_REPORTS], ids=[n[0] for n in NOT_REPORTS])
def test_a_document_of_another_kind_is_one_gl005(text, line, kind, tmp_path, capsys):
    ds = govlint.lint(text.encode())
    assert [(d.code, d.line) for d in ds] == [("GL005", line)], [(d.code, d.message) for d in ds]
    assert kind in ds[0].message and "不是政府信息公开工作年度报告" in ds[0].message
    assert ds[0].fatal and "not a 政府信息公开工作年度报告" in ds[0].message_en
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--no-show-source", str(path)]) == 2
    assert f"{path}:{line}:1: GL005 " in capsys.readouterr().out


def test_tables_that_are_not_the_reports_are_no_structure():
    """A file whose only structure is a table that is none of the format's (a 目录 without its title)
    has no report structure: GL005, not six GL101 and three GL201."""
    text = ("共8条 第1页\n索引号 | 信息名称 | 发布机构 | 生成日期\n"
            "0001/2023-00001 | 关于调整征地补偿标准的通知 | ××区人民政府办公室 | 2023-01-11\n"
            "0001/2023-00002 | ××区2023年重点项目计划 | ××区人民政府办公室 | 2023-02-12\n")
    ds = govlint.lint(text.encode())
    assert [d.code for d in ds] == ["GL005"]
    assert "不是年度报告的统计表" in ds[0].message


def test_reports_that_look_unusual_are_still_checked():
    """What makes a report: a table of the format (even with no text, or under an English cover),
    or a title naming one, or four parts numbered and worded as the format has them."""
    doc = rg.minimal_doc()
    tables_only = rg.render(doc).text.split("二、主动公开政府信息情况")[1]  # an attachment: the tables
    english = "Annual Report on Government Information Disclosure 2022\nPublished January 2023\n" + rg.render(doc).text
    plain = "\n".join(ln for ln in rg.render(doc).text.splitlines()[1:] if "|" not in ln)  # no title, no tables
    for text in (tables_only, english, plain):
        codes = [d.code for d in govlint.lint(text.encode())]
        assert "GL005" not in codes, codes


def test_a_saved_pages_menu_does_not_make_a_report_another_kind():
    """A report page saved with its menu: 政府信息公开指南 and 政务公开工作要点 above the title are
    links, not what the file is; the report (here cut after part 二, tables as images) is checked."""
    text = ("首页 > 政务公开 > 政府信息公开指南\n政务公开工作要点\n某某局2022年政府信息公开工作年度报告\n"
            "本报告所列数据统计期限为2022年1月1日至2022年12月31日。\n一、总体情况\n2022年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
            "二、主动公开政府信息情况\n本年主动公开政府信息120条。\n")
    codes = [d.code for d in govlint.lint(text.encode())]
    assert "GL005" not in codes and "GL101" in codes, codes
