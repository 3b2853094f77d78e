"""Table labels as published reports word them, in every text shape.

The official labels are matched exactly and in the wordings reports really use: 法人或者其他组织 (the
regulation's own wording) for 法人或其他组织, 合计 for 总计, 其它 for 其他, 公民 for 自然人, 维持/纠正 for
结果维持/结果纠正, 未经复议直接提起诉讼 for 未经复议直接起诉. A header label the format
does not know at all is reported (GL205) — but when it heads no values of its own (a reworded group
label over its columns) the table is still read: its rows are not lost.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import govlint
import render_shapes as rs
from govlint.engine import default_engine

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
# defects in tables 三 and 四, so that the arithmetic has something to find in every variant
CASE = (DATA.with_value("三", "new", "natural", str(int(DATA.values[("三", "new", "natural")]) + 1))
        .with_value("四", "cases", "review.upheld", "1"))
SHAPES = ["cells", "rows", "spaced"]

SYNONYMS = {
    "法人或者其他组织": lambda t: t.replace("法人或其他组织", "法人或者其他组织"),
    "合计 for the 总计 row": lambda t: t.replace("（七）总计", "（七）合计"),
    "共计 for the 总计 row": lambda t: t.replace("（七）总计", "（七）共计"),
    "总数 for the 总计 row": lambda t: t.replace("（七）总计", "（七）总数"),
    "合计 everywhere": lambda t: t.replace("总计", "合计"),
    "其它": lambda t: t.replace("其他", "其它"),
    "公民 for 自然人": lambda t: t.replace("自然人", "公民"),
    "维持, 纠正 for 结果维持, 结果纠正": lambda t: t.replace("结果维持", "维持").replace("结果纠正", "纠正"),
    "未经复议直接提起诉讼, 经复议后起诉": lambda t: t.replace("未经复议直接起诉", "未经复议直接提起诉讼")
                                             .replace("复议后起诉", "经复议后起诉"),
}


def keys(text: str) -> Counter:
    result = default_engine().lint_bytes(text.encode("utf-8"), "report.txt")
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


@pytest.fixture(scope="module", params=SHAPES)
def shaped(request):
    text = rs.to_text(CASE, request.param)
    found = keys(text)
    assert any(k[0] == "GL303" and k[1] == "三" for k in found)  # not vacuous
    assert any(k[0] == "GL304" and k[1] == "四" for k in found)
    return text, found


@pytest.mark.parametrize("variant", list(SYNONYMS))
def test_synonyms_read_as_the_official_label(shaped, variant):
    text, expected = shaped
    changed = SYNONYMS[variant](text)
    assert changed != text
    assert keys(changed) == expected


@pytest.mark.parametrize("old, new", [("法人或其他组织", "法人及社会组织"), ("申请人情况", "申请人类型")])
def test_an_unknown_group_label_is_reported_and_the_rows_are_kept(shaped, old, new):
    text, expected = shaped
    found = keys(text.replace(old, new))
    assert found - expected == Counter({("GL205", "三", None, None): 1})
    assert expected - found == Counter()  # every arithmetic finding is still there


def test_an_extra_column_with_values_is_still_a_column():
    """The known-columns fallback applies only to rows without a value for the unknown label: a
    column the reporter added, with its own values, keeps them (the row is not misread)."""
    text = rs.to_text(CASE, "rows")
    lines = text.split("\n")
    out = []
    for line in lines:
        if line.startswith("自然人 | 法人或其他组织 | 总计"):
            line += " | 备注"
        elif line.startswith(("一、本年新收", "二、上年结转")):
            line += " | 5"
        out.append(line)
    found = keys("\n".join(out))
    assert found[("GL205", "三", None, None)] == 1
    # the two rows with an extra value are read with it in the extra column, not shifted
    assert not any(k[0] == "GL211" and k[2] in ("new", "carried_over") for k in found)


# ---------------------------------------------------------------- row labels and numbering as reports write them
def _circled(m):
    return m.group(1) + "①②③④⑤⑥⑦⑧"[int(m.group(2)) - 1]


REWORDED = {
    "1.国家秘密": lambda t: t.replace("1.属于国家秘密", "1.国家秘密"),
    "国家秘密 without its number": lambda t: t.replace("1.属于国家秘密", "国家秘密"),
    "1.不掌握相关政府信息": lambda t: t.replace("1.本机关不掌握相关政府信息", "1.不掌握相关政府信息"),
    "直接起诉": lambda t: t.replace("未经复议直接起诉", "直接起诉"),
    "sub-rows numbered ①": lambda t: re.sub(r"(?m)(^|\| )(\d)\.", _circled, t),
    "sub-rows numbered 1 with a space": lambda t: re.sub(r"(?m)(^|\| )(\d)\.", r"\g<1>\2 ", t),
    "sub-rows numbered 1、": lambda t: re.sub(r"(?m)(^|\| )(\d)\.", r"\g<1>\2、", t),
    "sub-rows numbered （1）": lambda t: re.sub(r"(?m)(^|\| )(\d)\.", r"\g<1>（\2）", t),
}

# every cell a different number, so that a value read into another cell shows
UNIQUE = DATA
for _i, _k in enumerate(sorted(DATA.values)):
    UNIQUE = UNIQUE.with_value(*_k, str(100 + _i))


def cells(text: str) -> dict:
    from govlint.extract import extract_bytes
    record = extract_bytes(text.encode("utf-8"), "report.txt")
    return {(c["table"], c["row"], c["column_id"]): c["text"] for c in record["cells"]}


@pytest.mark.parametrize("variant", list(REWORDED))
def test_reworded_and_renumbered_labels_read_as_the_official_ones(variant):
    text = rs.to_text(CASE, "rows")
    changed = REWORDED[variant](text)
    assert changed != text
    assert keys(changed) == keys(text)  # the arithmetic findings, nothing more
    assert keys(REWORDED[variant](rs.to_text(DATA, "rows"))) == keys(rs.to_text(DATA, "rows"))
    assert cells(REWORDED[variant](rs.to_text(UNIQUE, "rows"))) == UNIQUE.values


@pytest.mark.parametrize("text, expected", [("①属于国家秘密", "1.属于国家秘密"), ("1 属于国家秘密", "1.属于国家秘密"),
                                            ("③ 其他", "3.其他"), ("12 件", "12件")])
def test_loose_item_numbers_are_keyed_as_the_template_writes_them(text, expected):
    from govlint.labels import key
    assert key(text) == expected


def _serial_column(text: str, restart: bool) -> str:
    out, n = [], 0
    for line in text.split("\n"):
        if line.startswith("信息内容 |"):
            line, n = "序号 | " + line, (0 if restart else n)
        elif re.match(r"^(规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费) \|", line):
            n += 1
            line = f"{n} | {line}"
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("restart", [True, False], ids=["numbered by block", "numbered through"])
def test_a_serial_column_in_table_2_is_left_out(restart):
    text = rs.to_text(CASE, "rows")
    changed = _serial_column(text, restart)
    assert changed != text
    assert keys(changed) == keys(text)
    assert cells(_serial_column(rs.to_text(UNIQUE, "rows"), restart)) == UNIQUE.values


def test_a_2021_row_written_with_its_2019_name_is_read_and_reported_once():
    """规范性文件 in a 2021 table 二 (the 2019 format's name of 行政规范性文件): the row is read, so its
    figures are the report's, and GL204 names the format's label; no row is missing (GL202)."""
    seed = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
    text = seed.replace("\n行政规范性文件 |\n", "\n规范性文件 |\n")
    assert text != seed
    report = govlint.parse(text)
    row = report.table("二").row("normative_documents")
    assert row is not None and row.label == "规范性文件"
    assert [c.value for c in row.cells] == [c.value for c in govlint.parse(seed).table("二").row("normative_documents").cells]
    found = [d for d in govlint.lint(text) if d.code in ("GL202", "GL204")]
    assert [(d.code, d.line, d.expected) for d in found] == [("GL204", 22, "行政规范性文件")]


# ---------------------------------------------------------------- the corner cell as offices label it
def _corner_grid(table: str, corner: str, row_label: str = ""):
    """``rs.table_grid`` with the heading of the label column (the header's corner cell) written
    ``corner``: table 二's 信息内容 in every block, table 三's 勾稽 note (the corner three columns by
    three rows), or a label column added to table 四, its one row labelled ``row_label``."""
    grid = rs.table_grid

    def changed(data, tid):
        rows = [[rs.GCell(c.text, c.rowspan, c.colspan, c.key) for c in row] for row in grid(data, tid)]
        if tid == table == "二":
            for row in rows:
                if row[0].text == "信息内容":
                    row[0].text = corner
        elif tid == table == "三":
            rows[0][0].text = corner
        elif tid == table == "四":
            rows[0].insert(0, rs.GCell(corner, rowspan=3))
            rows[3].insert(0, rs.GCell(row_label))
        return rs._place(rows)
    return changed


def _rendered(data: rs.ReportData, shape: str, tmp_path: Path, grid=None) -> tuple[bytes, str]:
    saved = rs.table_grid
    rs.table_grid = grid or saved
    try:
        if shape == "html":
            return rs.to_html(data).data, "report.html"
        if shape == "docx":
            return rs.to_docx(data, tmp_path / "report.docx").data, "report.docx"
        return rs.to_text(data, shape).encode("utf-8"), "report.txt"
    finally:
        rs.table_grid = saved


def _read(data: bytes, name: str) -> tuple[Counter, dict]:
    from govlint.extract import extract_bytes
    found = Counter((d.code, d.table, d.row, d.col) for d in default_engine().lint_bytes(data, name).diagnostics)
    return found, {(c["table"], c["row"], c["column_id"]): c["text"] for c in extract_bytes(data, name)["cells"]}


_PLAIN: dict = {}


def _plain(shape: str, tmp_path: Path) -> tuple[Counter, dict]:
    """The findings and cells of :data:`CASE` in ``shape``, as the template labels its corners."""
    if shape not in _PLAIN:
        _PLAIN[shape] = _read(*_rendered(CASE, shape, tmp_path))
    return _PLAIN[shape]


CORNERS = [("二", "项目", ""), ("二", "统计事项", ""), ("二", "项目/信息内容", ""),
           ("三", "项目", ""), ("三", "类别", ""), ("三", "指标名称", ""),
           ("三", "申请人情况/办理结果", ""), ("三", "办理结果\\申请人情况", ""), ("三", "申请人情况\n办理结果", ""),
           ("三", "项目 申请人", ""),
           ("四", "项目", "数量"), ("四", "内容", "件数"), ("四", "情况", "案件数")]


@pytest.mark.parametrize("shape", ["cells", "rows", "spaced", "html", "docx"])
@pytest.mark.parametrize("table, corner, row_label", CORNERS)
def test_a_corner_word_heads_the_label_column(tmp_path, shape, table, corner, row_label):
    """A generic word in the header's corner cell (项目, 类别; 信息内容 is table 二's own) or the two
    words of a diagonal corner cell (申请人情况/办理结果) heads the row labels, not a column: no GL205,
    the table read as with the format's heading; table 四's one row labelled in a label column added
    before its figures (数量) is its row of cases. (GL205 before.)"""
    expected = _plain(shape, tmp_path)
    assert any(k[0] == "GL303" for k in expected[0]) and any(k[0] == "GL304" for k in expected[0])
    assert _read(*_rendered(CASE, shape, tmp_path, _corner_grid(table, corner, row_label))) == expected


@pytest.mark.parametrize("shape", ["cells", "rows", "html", "docx"])
@pytest.mark.parametrize("table, corner, row_label", [("三", "备注", ""), ("四", "备注", "数量"), ("二", "说明", "")])
def test_a_word_in_the_corner_that_is_no_heading_is_still_reported(tmp_path, shape, table, corner, row_label):
    found, cells_read = _read(*_rendered(CASE, shape, tmp_path, _corner_grid(table, corner, row_label)))
    expected, expected_cells = _plain(shape, tmp_path)
    assert cells_read == expected_cells
    assert found - expected == Counter({("GL205", table, None, None): 4 if table == "二" else 1})
    assert expected - found == Counter()


@pytest.mark.parametrize("shape", ["cells", "rows", "spaced"])
@pytest.mark.parametrize("corner", ["项目", "类别"])
def test_a_corner_word_after_a_block_of_table_2_without_its_caption_opens_the_next_header(shape, corner):
    """Table 二's blocks written without their captions (第二十条第（五）项 …): the corner word before the
    next block's column labels heads that block's rows, as 信息内容 does; not a row (GL204 before)."""
    text = "\n".join(ln for ln in rs.to_text(CASE, shape).split("\n") if not ln.startswith("第二十条"))
    changed = text.replace("信息内容", corner)
    assert changed != text
    assert keys(changed) == keys(text)
