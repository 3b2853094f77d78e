"""The seed report and the real report material in tests/data (copied from the shared report corpus).

These tests are explicitly about those files, so they may name their lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.config import Config

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SEED = DATA / "seed.txt"
REPORTS = sorted(DATA.glob("*.txt"))
CORE = Config(select=("GL10", "GL2", "GL3"))


def test_seed_is_the_bundled_seed_byte_for_byte():
    assert (ROOT / "seeds" / "000_b7938c474e787140.txt").read_bytes() == SEED.read_bytes()


def test_seed_edition_year_agency():
    report = govlint.parse(SEED)
    assert report.edition == "2021"
    assert report.year == 2022
    assert report.year_span.line == 1
    assert report.agency == "益阳市行政审批服务局"
    assert report.title.text == "益阳市行政审批服务局2022年政府信息公开工作年度报告"


def test_seed_has_no_gl1_gl2_gl3_error():
    """Issue 2: on the seed, no GL1/GL2/GL3 error (every rule of those families, built-in or not)."""
    assert not [d for d in govlint.lint(SEED) if d.code[:3] in ("GL1", "GL2", "GL3") and d.severity.value == "error"]


def test_seed_has_no_core_finding():
    """Its six parts are all there, headed as the format says, and its tables are complete and
    consistent: no finding of the structural rules (GL10x parts, GL2 tables, GL3 arithmetic) at all."""
    assert govlint.lint(SEED, CORE) == []
    assert not [d for d in govlint.lint(SEED) if d.code.startswith(("GL0", "GL10", "GL2", "GL3"))]


def test_seed_structure():
    report = govlint.parse(SEED)
    assert [(s.part, s.heading.number, s.heading.span.line) for s in report.sections] == [
        (1, 1, 3), (2, 2, 11), (3, 3, 52), (4, 4, 295), (5, 5, 333), (6, 6, 335)]
    assert [t.id for t in report.tables] == ["二", "三", "四"]
    assert len(report.section(1).paragraphs) == 7


def test_seed_tables_are_aligned():
    report = govlint.parse(SEED)
    t2, t3, t4 = report.table("二"), report.table("三"), report.table("四")
    for t in (t2, t3, t4):
        assert t.missing_rows == () and t.missing_columns == () and t.unknown_rows == () and t.unknown_columns == ()
        assert t.stray_values == () and t.header_recognised
        assert all(r.problem is None for r in t.rows)
    assert sum(1 for _ in t2.cells()) == 10
    assert sum(1 for _ in t3.cells()) == 175
    assert sum(1 for _ in t4.cells()) == 15
    new = t3.cell("new", "natural")
    assert (new.text, new.value, new.span.line, new.span.column, new.span.end_column) == ("3", 3, 67, 1, 2)
    assert t3.row("new").span.line == 66
    assert [c.value for c in t3.row("new").cells] == [3, 0, 0, 0, 0, 0, 3]
    assert t3.cell("unable.not_held", "natural").value == 3
    assert t3.cell("unable.not_held", "total").value == 3
    assert t3.cell("total", "total").value == 3
    assert t3.cell("withheld.inquiry", "natural").span.line == 168
    assert t4.cell("cases", "review.upheld").span.line == 318
    assert t4.cell("cases", "after_review.total").span.line == 332
    assert t2.cell("fees", "fee_amount").value == 0


def test_seed_edits_in_place():
    """Edit the seed file's own text (its one-cell-per-line shape with ``|||`` artefacts)."""
    lines = SEED.read_text(encoding="utf-8").splitlines()

    def lint_with(line_no: int, text: str):
        edited = list(lines)
        assert edited[line_no - 1] == "0 |"
        edited[line_no - 1] = text
        return [(d.code, d.line) for d in govlint.lint("\n".join(edited) + "\n", CORE)]

    # 8.属于行政查询事项 × 自然人 (line 168): 0 -> 2
    assert sorted(lint_with(168, "2 |")) == [("GL302", 279), ("GL303", 174)]
    assert lint_with(168, "无 |") == [("GL208", 168)]
    assert sorted(lint_with(168, "-2 |")) == [("GL209", 168), ("GL302", 279), ("GL303", 174)]
    # table 四, 复议后起诉 结果纠正 (line 329)
    assert lint_with(329, "1 |") == [("GL304", 332)]
    # the row label of 8.属于行政查询事项 removed, with its values: a dropped row
    edited = lines[:166] + lines[175:]
    assert [(d.code, d.line) for d in govlint.lint("\n".join(edited), CORE)] == [("GL202", 158)]
    # part 五 heading and text removed
    edited = lines[:332] + lines[334:]
    assert [(d.code, d.line) for d in govlint.lint("\n".join(edited), CORE)] == [("GL101", 333)]


@pytest.mark.parametrize("encoding,newline,bom", [("utf-8", "\r\n", True), ("gbk", "\n", False),
                                                  ("gb18030", "\r\n", False), ("utf-16-le", "\r\n", True)])
def test_seed_in_other_encodings_and_line_endings(encoding, newline, bom, tmp_path):
    """The seed file itself saved as GBK, GB18030, UTF-16, with CRLF or a BOM: the same findings at
    the same places (all rules), and none of the structural ones."""
    text = SEED.read_text(encoding="utf-8")
    data = text.replace("\n", newline).encode(encoding)
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe"}[encoding] + data
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    expected = [(d.code, d.line, d.column, d.end_line, d.end_column) for d in govlint.lint(SEED)]
    assert [(d.code, d.line, d.column, d.end_line, d.end_column) for d in govlint.lint(path)] == expected
    assert govlint.lint(path, CORE) == []
    report = govlint.parse(path)
    assert (report.edition, report.year) == ("2021", 2022)
    assert report.table("三").cell("new", "natural").span.line == 67


def test_seed_through_the_api_accepts_path_text_and_bytes():
    by_path = govlint.parse(SEED)
    by_str_path = govlint.parse(str(SEED))
    by_text = govlint.parse(SEED.read_text(encoding="utf-8"))
    by_bytes = govlint.parse(SEED.read_bytes())
    for r in (by_str_path, by_text, by_bytes):
        assert r.edition == by_path.edition and r.year == by_path.year
        assert r.table("三").cell("total", "total").span == by_path.table("三").cell("total", "total").span
    assert by_path.path == str(SEED) and by_text.path is None


# ----------------------------------------------------------------------------- the report material


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_real_reports_never_crash_and_are_readable(path):
    diagnostics = govlint.lint(path)
    codes = [d.code for d in diagnostics]
    assert "GL009" not in codes
    assert not [c for c in codes if c.startswith("GL0") and c != "GL012"]  # read, not refused
    # the pages published in part are said to be cut off (GL012); the complete ones are not
    assert ("GL012" in codes) == ("partial" in path.name)
    for d in diagnostics:
        assert d.line >= 1 and d.column >= 1 and (d.end_line, d.end_column) >= (d.line, d.column)
        assert d.message and d.message_en


def test_pdf_wrapped_table_four_wendeng():
    """A PDF page whose table 四 header words were wrapped column by column (结果/维持 on two lines)."""
    path = DATA / "2022-wendeng-xinfangju-page8-partial.txt"
    report = govlint.parse(path)
    t4 = report.table("四")
    assert t4 is not None and t4.header_recognised
    assert t4.missing_columns == () and t4.unknown_columns == ()
    cells = list(t4.cells())
    assert len(cells) == 15 and all(c.value == 0 for c in cells) and {c.span.line for c in cells} == {9}
    assert report.year == 2022 and report.edition == "2021"
    assert not [d for d in govlint.lint(path) if d.code.startswith(("GL2", "GL3")) and d.table == "四"]


def test_pipe_rows_longgang():
    """One row per line with ``|`` separators (a converter's output), cut off inside table 三."""
    path = DATA / "2024-longgang-qzfgzbm-partial.txt"
    report = govlint.parse(path)
    assert report.year == 2024 and report.edition == "2021"
    t2, t3 = report.table("二"), report.table("三")
    assert [c.value for c in t2.row("normative_documents").cells] == [5, 1, 25]
    assert [c.value for c in t3.row("new").cells] == [58, 7, 0, 0, 1, 0, 66]
    assert t3.cell("partly_disclosed", "total").value == 17
    assert t3.cell("withheld.internal", "natural").value == 1
    # the file ends in the middle of row 7.属于行政执法案卷: 6 values, then nothing — the text is cut
    # there (GL012), not a row short of a value (GL211)
    found = govlint.lint(path, Config(select=("GL0", "GL10", "GL2", "GL3")))
    assert [d.line for d in found if d.code == "GL012"] == [32] and [d for d in found if d.code == "GL211"] == []
    # the 14 rows after the cut make one finding, anchored at the last row read
    [gap] = [x for x in govlint.lint(path, CORE) if x.code == "GL202"]
    assert gap.row == "withheld.inquiry" and gap.line == 32
    assert len(gap.expected) == 14 and gap.expected[-1] == "四、结转下年度继续办理"
    assert "表格可能被截断" in gap.message


def test_seed_shape_zhenan():
    """The seed's shape from another site (cut off inside table 三's header)."""
    path = DATA / "2022-zhenan-maopingzhen-partial.txt"
    report = govlint.parse(path)
    t2 = report.table("二")
    assert t2 is not None and len(list(t2.cells())) == 10 and all(c.value == 0 for c in t2.cells())
    assert not [d for d in govlint.lint(path, CORE) if d.table == "二"]


def _edit(path: Path, old: str, new: str, count: int = 1) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, count)


def test_variants_of_the_real_material():
    """Defects planted in the other real reports (their own shapes, not re-rendered)."""
    core = Config(select=("GL0", "GL10", "GL2", "GL3"))
    wendeng = DATA / "2022-wendeng-xinfangju-page8-partial.txt"
    base = {(d.code, d.line) for d in govlint.lint(wendeng, core)}
    text = _edit(wendeng, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "0 0 0 0 0 0 1 0 0 0 0 0 0 0 0")
    assert {(d.code, d.line) for d in govlint.lint(text, core)} - base == {("GL304", 9)}
    text = _edit(wendeng, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "0 0 0 0 0 0 0 0 0 0 0 0 0 0")
    assert {(d.code, d.line) for d in govlint.lint(text, core)} - base == {("GL211", 9)}

    longgang = DATA / "2024-longgang-qzfgzbm-partial.txt"
    base = {(d.code, d.line) for d in govlint.lint(longgang, core)}
    text = _edit(longgang, "| 58 | 7 |", "| 59 | 7 |")
    assert {(d.code, d.line) for d in govlint.lint(text, core)} - base == {("GL303", 22)}
    text = _edit(longgang, "行政规范性文件 | 5 | 1 | 25 |", "行政规范性文件 | 5 | 无 | 25 |")
    assert {(d.code, d.line) for d in govlint.lint(text, core)} - base == {("GL208", 7)}

    zhenan = DATA / "2022-zhenan-maopingzhen-partial.txt"
    base = {(d.code, d.line) for d in govlint.lint(zhenan, core)}
    text = _edit(zhenan, "行政许可 |\n0 |", "行政许可 |\n-3 |")
    assert {(d.code, d.line) for d in govlint.lint(text, core)} - base == {("GL209", 29)}


def test_a_row_left_empty_is_blank_not_unreadable():
    """A row whose label is followed by nothing, or only by blank cells — “行政处罚 |” with an empty cell
    in the seed's one-cell-per-line shape, “规章 |  |  |” in a pipe table (its last cell is not told from
    the closing pipe) — is a row left blank (GL207,
    one finding naming its columns), not a row of values that cannot be aligned (GL211). A table that
    stops after a label (the text cut off) is not one: GL012 and GL202 say so."""
    core = Config(select=("GL0", "GL10", "GL2", "GL3"))
    base = {(d.code, d.line) for d in govlint.lint(SEED, core)}
    text = _edit(SEED, "行政处罚 |\n0 |", "行政处罚 |\n |")
    ds = [d for d in govlint.lint(text, core) if (d.code, d.line) not in base]
    # (at the empty cell, the line `` |`` under the label, as a blank cell is found in every shape)
    assert [(d.code, d.line, d.row) for d in ds] == [("GL207", 40, "penalty")]
    assert "本年处理决定数量" in ds[0].message
    longgang = DATA / "2024-longgang-qzfgzbm-partial.txt"
    base = {(d.code, d.line) for d in govlint.lint(longgang, core)}
    text = _edit(longgang, "行政规范性文件 | 5 | 1 | 25 |", "行政规范性文件 |  |  |")  # (a blank last cell: no pipe after it)
    ds = [d for d in govlint.lint(text, core) if (d.code, d.line) not in base]
    assert [(d.code, d.line, d.row) for d in ds] == [("GL207", 7, "normative_documents")]
    assert "本年制发件数、本年废止件数、现行有效件数" in ds[0].message
    cut = SEED.read_text(encoding="utf-8").split("8.属于行政查询事项 |")[0] + "8.属于行政查询事项 |\n"
    codes = {d.code for d in govlint.lint(cut, core)}
    assert {"GL012", "GL202"} <= codes and "GL211" not in codes and "GL207" not in codes
