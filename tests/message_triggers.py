"""One input per rule that makes it speak: the seed (tests/data/seed.txt) with one defect, or a
file that cannot be read. Shared by the message-hygiene test (every message, both languages)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import govlint
from govlint.config import Config

import reportgen
from seedvariants import LINES, SEED_TEXT, text_with

AGENCY = "益阳市行政审批服务局"


def _cells(text: str, first_line: int, values: list[str]) -> str:
    """``text`` with the one-cell lines from ``first_line`` on set to ``values``."""
    lines = text.split("\n")
    for i, v in enumerate(values):
        lines[first_line - 1 + i] = f"{v} |" if v != "" else " |"
    return "\n".join(lines)


def _zip(members: dict) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _rows_one_more() -> str:
    """The seed in pipe tables, table 三's header without 法律服务机构 and its rows with seven figures (GL211
    once for the table)."""
    doc = reportgen.seed_doc().drop_column("三", "legal_services", "法律服务机构")
    r = reportgen.render(doc, "pipe")
    lines = r.text.split("\n")
    for rd in doc.tables["三"].rowdefs():
        lines[r.row("三", rd.id) - 1] += " 0 |"
    return "\n".join(lines)


def _legal_merged() -> str:
    """The seed with table 三's 法人或其他组织 written as one column (GL203 once for the group)."""
    from merged_shapes import seed_merged

    return seed_merged(SEED_TEXT)


def _table4_as(layout: str) -> str:
    """The seed with table 四 written as a grid of its groups and outcomes (GL216)."""
    import render_shapes as rs

    return rs.to_text(rs.load_seed(Path(__file__).parent / "data" / "seed.txt").with_t4_layout(layout), "rows")


def _year(text: str, year: int) -> str:
    return text.replace("2022", str(year))


def _carry(text: str, carried_over: int, carry_forward: int) -> str:
    """Table 三's 二、上年结转 (lines 76–82) and 四、结转下年度 (lines 288–294), 自然人 and 总计."""
    lines = text.split("\n")
    for natural, total, v in ((76, 82, carried_over), (288, 294, carry_forward)):
        lines[natural - 1] = f"{v} |"
        lines[total - 1] = f"{v} |"
    return "\n".join(lines)


def _items_2019(year: int, previous: str, change: str) -> str:
    """The seed as the agency's report of ``year`` in the 2019 tables, 行政许可's 上一年项目数量 and
    本年增/减 as given."""
    doc = reportgen.seed_doc()
    for edit in (["year", year], ["tables_2019"], ["set", "二", "licensing", "previous", previous],
                 ["set", "二", "licensing", "change", change]):
        doc = reportgen.apply_edit(doc, edit)
    return reportgen.render(doc, "pipe").text


# code -> (kind, payload): "text" (a str checked with the code selected), "file" (name, bytes),
# "folder" ({name: text}, checked across reports)
def triggers(tmp: Path) -> dict[str, list[tuple[str, object]]]:
    t = {}
    seed = SEED_TEXT
    # GL0 input
    t["GL001"] = [("path", tmp / "no-such-file.txt")]
    t["GL002"] = [("file", ("empty.txt", b""))]
    t["GL003"] = [("file", ("binary.txt", b"\x00\x01\x02\x03" * 200)),
                  ("file", ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)),
                  ("file", ("tables.xlsx", _zip({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"})))]
    t["GL004"] = [("file", ("bad.txt", seed.encode("utf-8")[:40] + b"\xff\xfe\xfa" + seed.encode("utf-8")[40:])),
                  ("file", ("bad.html", b"<html><body><p>" + seed.encode("utf-8") + b"\xff</p></body></html>"))]
    t["GL005"] = [("text", "这是一段与年度报告无关的文字。\n第二行。\n"),
                  ("text", seed.encode("utf-8").decode("gbk", errors="replace")),  # mojibake
                  ("text", seed.encode("gbk").decode("utf-8", errors="replace")),  # damaged beyond repair
                  ("file", ("loaded.html", '<html><head><script>$("#zoom").load("/a/1.html")</script></head>'
                                           '<body><div id="zoom"></div></body></html>'.encode("utf-8"))),
                  ("file", ("frames.html", b'<html><frameset rows="80,*"><frame src="top.html">'
                                           b'<frame src="main.html" name="main"></frameset></html>'))]
    t["GL011"] = [("file", ("broken.docx", b"PK\x03\x04 not really a zip")), ("file", ("broken.pdf", b"%PDF-1.4\n1 0 obj")),
                  ("file", ("page.mht", b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n"
                                        b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n"))]
    t["GL013"] = [("text", seed + "\n\n" + seed.replace(AGENCY, "益阳市教育局"))]  # two reports in one file
    t["GL012"] = [("text", "\n".join(LINES[:334]) + "\n2022年,我局政府信息公开工作扎实推进,取得了一定的成")]
    # GL1 sections
    t["GL101"] = [("doc", [["drop_part", 1]])]
    t["GL102"] = [("text", text_with(sub={"五、存在的主要问题及改进情况": "六、存在的主要问题及改进情况",
                                           "六、其他需要报告的事项": "五、其他需要报告的事项"}))]
    t["GL103"] = [("text", text_with(sub={"四、政府信息公开行政复议、行政诉讼情况": "四、政府信息公开行政法复议、行政诉讼情况"}))]
    t["GL104"] = [("text", text_with(replace={1: f"{AGENCY}政府信息公开工作年度报告"}))]
    t["GL105"] = [("text", text_with(sub={"本报告数据统计时限为2022年1月1日至2022年12月31日。": ""}))]
    t["GL110"] = [("text", seed)]
    t["GL111"] = [("text", text_with(replace={334: "无。"})),
                  ("text", text_with(replace={334: "主要是对政府信息公开工作认识不够深、培训不足、公开质量有待提高。下一步，我局将"
                                                   "进一步加强学习，提高认识，加大培训力度，不断提升政府信息公开工作水平。"}))]
    t["GL112"] = [("text", seed)]
    t["GL113"] = [("text", text_with(replace={1: "益阳市人民政府2022年政府信息公开工作年度报告"}))]
    t["GL114"] = [("text", seed)]
    t["GL115"] = [("text", seed)]
    # GL2 tables
    t["GL201"] = [("text", "\n".join(LINES[:294] + ["四、政府信息公开行政复议、行政诉讼情况", "本年度无行政复议、行政诉讼。"] + LINES[332:])),
                  # (pandoc's plain text: a placeholder where the table was)
                  ("text", "\n".join(LINES[:294] + ["四、政府信息公开行政复议、行政诉讼情况", "[TABLE]"] + LINES[332:]))]
    t["GL202"] = [("text", "\n".join(LINES[:286] + LINES[294:]))]
    t["GL203"] = [("text", text_with(sub={"法律服务机构 |": "法律机构 |"})), ("text", _legal_merged())]
    t["GL204"] = [("doc", [["add_row", "二", "normative_documents", "其他主动公开文件", ["5", "0", "5"]]]),
                  ("text", text_with(sub={"\n行政规范性文件 |\n": "\n规范性文件 |\n"}))]
    t["GL205"] = [("text", text_with(sub={"其他 |\n|||||\n一、本年": "其他 |\n小计 |\n|||||\n一、本年"}))]
    t["GL206"] = [("text", _year(seed, 2020)),
                  # a 2021 block headed with the 2019 label of its column: read as the 2021 column
                  ("text", text_with(sub={"本年处理决定数量 |": "处理决定数量 |"})),
                  ("text", text_with(sub={"本年处理决定数量 |\n||": "上一年项目数量 |\n本年增/减 |\n处理决定数量 |",
                                          "行政许可 |\n0 |\n||": "行政许可 |\n1 |\n0 |\n0 |"}))]
    t["GL207"] = [("text", text_with(replace={68 + k: " |" for k in range(5)})),  # five blank: one for them
                  ("doc", [["set", "三", "new", "natural", ""]]),
                  ("doc", [["set", "三", "new", "total", ""]])]  # at the end of the row: it may be one figure short
    t["GL208"] = [("text", text_with(replace={68 + k: "- |" for k in range(5)})),  # five dashes: one for them
                  ("text", text_with(replace={68: "无 |"})), ("text", text_with(replace={20: "不详 |"})),
                  ("text", text_with(replace={68: "零 |"})), ("text", text_with(replace={68: "约3 |"}))]
    t["GL209"] = [("text", text_with(replace={68: "-1 |"}))]
    t["GL210"] = [("text", text_with(replace={68: "0.5 |"}))]
    t["GL211"] = [("text", _rows_one_more()),  # table 三's rows, each a value more than the header's columns
                  ("text", "\n".join(LINES[:67] + LINES[68:])),  # table 三: a value lost
                  ("text", "\n".join(LINES[:318] + LINES[319:])),  # table 四 (its row has no label): one lost
                  ("path", Path(__file__).parent / "data" / "pdfminer-distinct.txt")]  # tables not in reading order
    t["GL212"] = [("text", "\n".join(LINES[:295] + LINES[317:]))]
    t["GL213"] = [("text", text_with(replace={68 + k: f"{v}件 |" for k, v in enumerate("3000003")})),  # a table's
                  ("text", text_with(replace={68: "0件 |"})), ("text", text_with(replace={68: "0（含转办3件） |"})),
                  ("text", text_with(replace={68: "0* |"}))]
    t["GL214"] = [("path", Path(__file__).parent / "data" / "2024-pingtan.txt")]
    t["GL215"] = [("text", text_with(sub={"法律服务机构 |": "法律服务机构（律所） |"}))]
    t["GL216"] = [("text", _table4_as("folded")), ("text", _table4_as("transposed")), ("text", _table4_as("listed"))]
    # GL3 arithmetic
    t["GL301"] = [("text", text_with(replace={288: "2 |", 294: "2 |"}))]
    t["GL302"] = [("text", text_with(replace={285: "4 |", 73: "4 |", 67: "4 |"}))]
    t["GL303"] = [("text", text_with(replace={73: "4 |"})),
                  ("text", text_with(replace={73: "4 |", **{k: "- |" for k in range(68, 73)}},
                                     sub={"\n0 |": "\n |"}))]  # zeros written as blanks: counted as 0
    t["GL304"] = [("text", text_with(replace={318: "1 |"}))]
    t["GL305"] = [("doc", [["year", 2020], ["tables_2019"], ["set", "二", "normative_documents", "published", "12"],
                           ["set", "二", "normative_documents", "total_published", "8"]])]
    t["GL306"] = [("doc", [["year", 2020], ["tables_2019"], ["set", "二", "licensing", "previous", "10"],
                           ["set", "二", "licensing", "change", "-12"]])]
    # GL4 plausibility
    t["GL401"] = [("text", seed)]
    t["GL402"] = [("text", text_with(insert_after={3: "群众满意度达120%。"}))]
    t["GL403"] = [("text", text_with(replace={51: "2510000 |"})), ("text", text_with(replace={51: "0.1234567 |"})),
                  ("text", text_with(replace={336: "2022年，本单位收取信息处理费200万元。"})),
                  # the 2019 采购总金额: no unit written, wrong in 元 and in 万元; in 元, finer than 分
                  ("doc", [["year", 2020], ["tables_2019"], ["set", "二", "procurement", "amount", "75394432.5213"]]),
                  ("doc", [["year", 2020], ["tables_2019"], ["set", "二", "procurement", "amount", "7539.123元"]])]
    t["GL404"] = [("text", text_with(replace={1: "威海市文登区信访局2022年政府信息公开工作年度报告", 19: "1 |"}))]
    t["GL405"] = [("text", seed)]
    # GL5 narrative
    t["GL501"] = [("text", text_with(insert_after={3: "2022年，我局共收到政府信息公开申请5件，其中法人或其他组织1件，无法提供2件，1件结转下年度继续办理。"})),
                  ("text", text_with(insert_after={3: "全年未收到政府信息公开申请。"})),
                  ("text", text_with(replace={288: "1 |", 294: "1 |"},
                                     insert_after={3: "2022年，我局收到政府信息公开申请3件，全部办结，无结转。"})),
                  # 依申请公开 named with no verb
                  ("text", text_with(insert_after={3: "依申请公开事项5件，均已按时办结。"}))]
    t["GL502"] = [("text", text_with(insert_after={3: "我局因政府信息公开被申请行政复议2件，被提起行政诉讼1件。"})),
                  # both kinds named before one figure
                  ("text", text_with(insert_after={295: "全年共发生行政复议、行政诉讼案件2件。"}))]
    t["GL503"] = [("text", text_with(insert_after={3: "本年度制发行政规范性文件5件，全年作出行政许可决定3件，收取行政事业性收费0.5万元。"})),
                  # the 2019 format's columns of 第二十条第（一）项
                  ("doc", [["year", 2020], ["tables_2019"],
                           ["add_para", 1, "本年度新制作规范性文件1件，新公开2件，对外公开规范性文件总数3件。"]]),
                  # its 政府集中采购 and 行政事业性收费 items (the amount: no unit written, in 元 stated)
                  ("doc", [["year", 2020], ["tables_2019"], ["set", "二", "procurement", "projects", "5"],
                           ["set", "二", "procurement", "amount", "1234.5"],
                           ["add_para", 1, "全年政府集中采购项目6个，采购总金额12.5万元，行政事业性收费项目9项。"]]),
                  ("doc", [["year", 2020], ["tables_2019"], ["set", "二", "procurement", "amount", "1234.5元"],
                           ["add_para", 1, "全年政府集中采购总金额12.5万元。"]]),
                  # “none” statements while table 二 counts some
                  ("text", text_with(replace={19: "1 |", 23: "3 |", 51: "2.5 |"},
                                     insert_after={3: "本年度未制发规章和行政规范性文件，未收取行政事业性收费。"}))]
    t["GL504"] = [("text", text_with(sub={"提案9件": "提案8件"}))]
    t["GL505"] = [("text", text_with(sub={"提案9件": "提案10件"}))]
    t["GL506"] = [("text", text_with(insert_after={3: "全年收到申请3件，其中予以公开2件，占80%。"})),
                  # a share naming its base with no figure of it in its sentence: table 三's （七）总计
                  ("text", text_with(insert_after={3: "全年收到政府信息公开申请。其中予以公开2件，占办结数的80%。"})),
                  # a 办结率 with no figure received in its sentence: table 三's (the part given, or （七）总计)
                  ("text", text_with(insert_after={3: "政府信息公开申请办结率为90%。"})),
                  ("text", text_with(insert_after={3: "政府信息公开申请已办结2件，办结率为90%。"}))]
    # GL6 citations
    t["GL601"] = [("text", seed), ("text", text_with(insert_after={3: "认真执行《政府信息公开条例》。"}))]
    t["GL602"] = [("text", text_with(insert_after={3: "我局认真贯彻落实《条例》要求。"}))]
    t["GL603"] = [("text", text_with(insert_after={1: "依照《政府信息公开信息处理费管理办法》（国办函〔2020〕108号）。"})),
                  ("text", text_with(insert_after={1: "按照国办公开办函〔2019〕60号要求，编制本报告。"}))]
    t["GL604"] = [("text", text_with(insert_after={1: "按照国办公开办函[2021]30号和国办函（2020）109号要求。"}))]
    t["GL605"] = [("text", text_with(sub={"《中华人民共和国信息公开条例》": "《中华人民共和国政府信息公开条例"})),
                  ("text", text_with(sub={"严格按照《中华人民共和国信息公开条例》": "严格按照《《中华人民共和国政府信息公开条例》"})),
                  ("text", text_with(sub={"严格按照《中华人民共和国信息公开条例》": "严格按照《《中华人民共和国政府信息公开条例》》"}))]
    t["GL606"] = [("text", text_with(insert_after={3: "截止2022年12月31日，依申请公布信息3条，部份公开0件，既时答复，明确权力和义务，保障获取信息的权力。"}))]
    # GL7 dates
    t["GL701"] = [("text", text_with(sub={"统计时限为2022年1月1日至2022年12月31日": "统计时限为2021年1月1日至2021年12月31日"}))]
    t["GL702"] = [("text", text_with(insert_after={3: "2023年，我局共收到政府信息公开申请3件。"}))]
    t["GL703"] = [("text", f"标题: {LINES[0]}\n发布时间: {d} 15:07\n文号: \n栏目: 政府信息公开年报\n"
                           f"==================== 正文 ====================\n{seed}")
                  for d in ("2023-02-20", "2024-01-20")]  # (a year late: is the title's year wrong?)
    t["GL704"] = [("text", f"标题: {LINES[0]}\n发布时间: 2022-01-20 15:07\n文号: \n栏目: 政府信息公开年报\n"
                           f"==================== 正文 ====================\n{seed}")]
    t["GL705"] = [("text", text_with(replace={1: f"{AGENCY}2099年政府信息公开工作年度报告"}))]  # (a year not yet over)
    # GL8 across reports
    t["GL801"] = [("folder", {"2021.txt": _carry(_year(seed, 2021), 0, 2), "2022.txt": seed})]
    t["GL802"] = [("folder", {"2021.txt": _cells(_year(seed, 2021), 23, ["5", "0", "20"]),
                              "2022.txt": _cells(seed, 23, ["3", "1", "25"])})]
    t["GL806"] = [("folder", {"2019.txt": _items_2019(2019, "36", "-2"), "2020.txt": _items_2019(2020, "36", "3")})]
    t["GL803"] = [("folder", {"2021.txt": _year(seed, 2021), "2022.txt": seed})]
    t["GL804"] = [("folder", {"a.txt": seed, "b.txt": seed.replace(AGENCY, "益阳市财政局")})]
    t["GL805"] = [("folder", {"2022.txt": seed, "2022b.txt": text_with(replace={20: "1 |", 21: "1 |"})})]
    # GL9 style
    t["GL901"] = [("text", seed)]
    t["GL902"] = [("text", seed.replace("一、总体情况", "\u2f00、总体情况").replace("人民", "\u2f08民"))]
    return t


def collect(tmp: Path, codes=None) -> dict[str, list]:
    """code -> the diagnostics of that code its trigger inputs give (only that code selected)."""
    found: dict[str, list] = {}
    for code, inputs in triggers(tmp).items():
        if codes is not None and code not in codes:
            continue
        config = Config(select=(code,))
        out = found.setdefault(code, [])
        for i, (kind, payload) in enumerate(inputs):
            if kind == "text":
                ds = govlint.lint(payload, config)
            elif kind == "doc":
                doc = reportgen.seed_doc()
                for edit in payload:
                    doc = reportgen.apply_edit(doc, edit)
                ds = govlint.lint(reportgen.render(doc, "pipe").text, config)
            elif kind == "path":
                ds = govlint.lint(Path(payload), config)
            elif kind == "file":
                name, data = payload
                (tmp / name).write_bytes(data)
                ds = govlint.lint(tmp / name, config)
            else:
                folder = tmp / f"{code}-{i}"
                folder.mkdir(parents=True, exist_ok=True)
                for name, text in payload.items():
                    (folder / name).write_text(text, encoding="utf-8")
                ds = [d for r in govlint.lint_paths([folder], config) for d in r.diagnostics]
            out.extend(d for d in ds if d.code == code)
    return found
