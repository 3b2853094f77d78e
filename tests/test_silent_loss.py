"""No figure of a statistical table is lost without a word: every digit written in the tables of
parts 二, 三 and 四 is in a cell of the model (an aligned cell, a raw value of a row that could not be
aligned, an unknown row or column, a stray value, a block of another edition) or inside the span of
a GL0/GL2 finding that says govlint could not read it."""

from __future__ import annotations

import pytest

import govlint
import flatgen
import reportgen as rg
from govlint.engine import default_engine

_DIGITS = frozenset("0123456789０１２３４５６７８９")
_NUMBERING = frozenset(".．、)）")


def unaccounted(text: str) -> list[str]:
    """The digits of the table areas (from the heading of part 二, 三 or 四 to the next heading) that
    neither the model nor a GL0/GL2 finding accounts for, each run as ``digits@context``."""
    result = default_engine().lint_bytes(text.encode("utf-8"), "r.txt")
    report = result.report
    t = report.text
    covered = bytearray(len(t))
    labels = bytearray(len(t))

    def mark(buf: bytearray, a: int, b: int) -> None:
        buf[a:b] = b"\x01" * (b - a)

    for d in result.diagnostics:
        if d.code.startswith(("GL0", "GL2")) and d.offset is not None:
            mark(covered, d.offset, d.end_offset or d.offset + 1)
    for table in report.tables:
        rows = [*table.rows, *table.unknown_rows, *(r for o in table.other_edition_blocks for r in o.rows)]
        for r in rows:
            mark(labels, r.span.start, r.span.end)
            for c in (*r.cells, *r.raw_values):
                mark(covered, c.span.start, c.span.end)
        for c in (*table.unknown_columns, *table.stray_values):
            mark(covered, c.span.start, c.span.end)
    prose = bytearray(len(t))
    for s in report.sections:
        for p in s.paragraphs:
            if any(m in p.text for m in "。，；"):
                mark(prose, p.span.start, p.span.end)
    heads = sorted(report.sections, key=lambda s: s.heading.span.start)
    lost = []
    for k, s in enumerate(heads):
        if s.part not in (2, 3, 4):
            continue
        i, end = s.heading.span.end, heads[k + 1].heading.span.start if k + 1 < len(heads) else len(t)
        while i < end:
            if t[i] not in _DIGITS:
                i += 1
                continue
            j = i
            while j < end and t[j] in _DIGITS:
                j += 1
            numbering = j < len(t) and t[j] in _NUMBERING
            if any(not covered[x] and not prose[x] and not (labels[x] and numbering) for x in range(i, j)):
                lost.append(f"{t[i:j]}@{t[max(0, i - 12):j + 4]!r}")
            i = j
    return lost


def _rows(doc: rg.Doc, tid: str) -> dict[str, list]:
    return {r.id: [c.value for c in r.cells] for r in govlint.parse(rg.render(doc, "spaced").text).table(tid).rows}


def _join_digits(text: str, labels: list[str]) -> str:
    """Each row line starting with one of ``labels``: its figures run together after the label."""
    out = []
    for line in text.split("\n"):
        for label in labels:
            if line.startswith(label + " ") and line[len(label) + 1:].replace(" ", "").isdigit():
                line = label + line[len(label) + 1:].replace(" ", "")
                break
        out.append(line)
    return "\n".join(out)


# ----------------------------------------------------------------------------- header words spaced, figures run together


def _doc_2019() -> rg.Doc:
    doc = rg.seed_doc().use_2019_tables().set_year(2019)
    t2 = doc.tables["二"]
    for n, key in enumerate(sorted(t2.values)):
        t2.values[key] = str((n * 7) % 10)
    return doc


def test_2019_table_2_spaced_header_words_with_figures_run_together():
    """``行政事业性收费00`` under ``信息内容 上一年项目数量 本年增/减``: every row of table 二 is read
    (the 收费 and 采购 rows were lost, the table split into a piece per block)."""
    doc = _doc_2019()
    t2 = doc.tables["二"]
    labels = [r.label for r in t2.rowdefs()]
    text = _join_digits(rg.render(doc, "spaced").text, labels)
    assert "行政事业性收费" + t2.values[("fees", "previous")] + t2.values[("fees", "change")] in text
    report = govlint.parse(text)
    tables = [t for t in report.tables if t.id == "二"]
    assert len(tables) == 1 and not tables[0].missing_rows
    for r in tables[0].rows:
        cols = t2.block_of(r.id).columns
        assert [c.text for c in r.cells] == [t2.values[(r.id, c)] for c in cols], r.id
    assert unaccounted(text) == []


@pytest.mark.parametrize("tid,row", [("二", "fees"), ("二", "regulations"), ("三", "carry_forward"), ("三", "new")])
def test_one_row_with_figures_run_together_in_a_spaced_table(tid, row):
    """A single row of a spaced table with its figures run together (``四、结转下年度继续办理0000000``,
    ``行政事业性收费0``): read, not left as a paragraph while its row is reported missing."""
    doc = rg.seed_doc()
    t = doc.tables[tid]
    text = _join_digits(rg.render(doc, "spaced").text, [t.row(row).label])
    assert text != rg.render(doc, "spaced").text
    table = govlint.parse(text).table(tid)
    assert not table.missing_rows
    assert [c.text for c in table.row(row).cells] == [t.values[(row, c)] for c in t.block_of(row).columns]
    assert unaccounted(text) == []


def test_a_note_with_a_label_next_to_a_spaced_row_is_no_run_together_table():
    """A note line naming a column (``本年增/减``) with digits, next to a spaced row, stays a note:
    the row after it is not read into a table made of the note."""
    doc = rg.seed_doc()
    text = rg.render(doc, "spaced").text
    note = "注：1.本年增/减为负数的，以“-”表示；2.数据来源于12345平台。"
    text = text.replace("\n四、结转下年度继续办理", "\n" + note + "\n四、结转下年度继续办理", 1)
    report = govlint.parse(text)
    assert any(p.text == note for p in report.section(3).paragraphs)
    assert unaccounted(text) == []


# ----------------------------------------------------------------------------- thousands separators in flattened text


def _t3_with_separators(values: dict, sep: str) -> str:
    spec = flatgen.edition().table("三")
    out = [spec.notes[0], *(c.label for c in spec.blocks[0].columns)]
    for r in spec.rows():
        out.append(r.label)
        if not r.group:
            out.append(sep.join(f"{v:,}" for v in values.get(r.id, [0] * 7)))
    return sep.join(out) if sep else "".join(out)


@pytest.mark.parametrize("sep", ["", " "])
def test_thousands_separator_in_a_flattened_table(sep):
    """``一、本年新收政府信息公开申请数量1,234000001235`` in a page saved without its markup: the comma
    groups the digits of one figure (it cut the row there, the figures after it were lost)."""
    values = {"new": [1234, 0, 0, 0, 0, 1, 1235], "disclosed": [1234, 0, 0, 0, 0, 1, 1235],
              "total": [1234, 0, 0, 0, 0, 1, 1235]}
    t2 = flatgen.table2_text({"penalty": ["12,345"]})
    text = flatgen.report_text(_t3_with_separators(values, sep), table2=t2)
    assert "数量1,234" in text or "数量 1,234" in text
    report = govlint.parse(text)
    t3 = report.table("三")
    for rid, v in values.items():
        assert [c.value for c in t3.row(rid).cells] == v, rid
    assert report.table("二").cell("penalty", "decisions").value == 12345
    assert unaccounted(text) == []
    assert not [d for d in govlint.lint(text) if d.code in ("GL202", "GL211", "GL301", "GL302", "GL303")]


def test_a_comma_not_grouping_by_three_is_no_thousands_separator():
    """``1,23`` is no number: a run cut at such a comma is never read as one figure."""
    from govlint.recover import _cell_value

    assert _cell_value("1,234", None, True) == (True, 1234)
    assert _cell_value("12,345,678", None, True) == (True, 12345678)
    for bad in ("1,23", ",234", "1,", "1234,567", "1,2345"):
        assert _cell_value(bad, None, True)[0] is False, bad


# ----------------------------------------------------------------------------- a line of figures only


T4_VALUES = ["1", "0", "0", "2", "3", "0", "0", "0", "0", "0", "1", "1", "0", "0", "2"]


def _t4_doc() -> rg.Doc:
    doc = rg.seed_doc()
    for c, v in zip(rg.T4_COLUMNS, T4_VALUES):
        doc.tables["四"].values[("cases", c)] = v
    return doc


@pytest.mark.parametrize("header", [False, True])
def test_table_4_figures_run_together_on_a_line_of_their_own(header):
    """Table 四's figures on one line with nothing between them (``100230000011002``), with or
    without its header: the line is the table's row, reported as unreadable (GL211), never prose
    while the table is reported missing (GL201) and its figures dropped."""
    lines = rg.render(_t4_doc(), "spaced").text.split("\n")
    h = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    row = next(k for k in range(h, len(lines)) if lines[k] == " ".join(T4_VALUES))
    lines[row] = "".join(T4_VALUES)
    if not header:
        lines[h + 1:row] = [""]
    text = "\n".join(lines)
    codes = {d.code for d in govlint.lint(text)}
    assert "GL201" not in codes and "GL211" in codes
    t4 = govlint.parse(text).table("四")
    assert [c.text for c in t4.rows[0].raw_values] == ["".join(T4_VALUES)]
    assert unaccounted(text) == []


def test_flattened_table_4_without_its_header():
    """A page saved without markup whose table 四 lost its header: the 15 figures after the heading
    are the table's one row (here the only split there is: one digit a cell)."""
    text = flatgen.report_text(flatgen.table3_text({}), table4="".join(T4_VALUES))
    t4 = govlint.parse(text).table("四")
    assert t4 is not None
    assert "GL201" not in {d.code for d in govlint.lint(text)}
    assert unaccounted(text) == []


def test_a_lone_number_in_the_prose_of_parts_1_5_6_stays_prose():
    doc = rg.seed_doc()
    doc.part(5).body.append("2022")
    text = rg.render(doc, "spaced").text
    report = govlint.parse(text)
    assert any(p.text == "2022" for p in report.section(5).paragraphs)
    assert len(report.tables) == 3


# ----------------------------------------------------------------------------- a row cut off by a mark


@pytest.mark.parametrize("mark", ["。", "<!-- page -->", "！"])
def test_flattened_last_row_after_a_mark_is_the_tables(mark):
    """``（七）总计3000003。四、结转下年度继续办理1000001``: the row after the mark, too short to be
    a table of its own, is the table's last row (it was left as prose, the row reported missing)."""
    values = {"new": [3, 0, 0, 0, 0, 0, 3], "disclosed": [2, 0, 0, 0, 0, 0, 2], "total": [2, 0, 0, 0, 0, 0, 2],
              "carry_forward": [1, 0, 0, 0, 0, 0, 1]}
    t3 = flatgen.table3_text(values)
    assert t3.endswith("四、结转下年度继续办理1000001")
    t3 = t3.replace("四、结转下年度继续办理", mark + "四、结转下年度继续办理")
    text = flatgen.report_text(t3)
    table = govlint.parse(text).table("三")
    assert [c.value for c in table.row("carry_forward").cells] == values["carry_forward"]
    assert not table.missing_rows
    assert unaccounted(text) == []


def test_prose_after_a_flattened_table_is_not_taken_as_a_row():
    t3 = flatgen.table3_text({}) + "。全年办理行政许可3件"
    text = flatgen.report_text(t3)
    report = govlint.parse(text)
    assert [t.id for t in report.tables] == ["二", "三", "四"]
    assert any("行政许可3件" in p.text for p in report.section(3).paragraphs)


# ----------------------------------------------------------------------------- a note line inside a table


NOTE = "注：本表数据统计截至2022年12月31日，单位：件，共3类。"


@pytest.mark.parametrize("shape", rg.SHAPES)
@pytest.mark.parametrize("tid,after", [("三", "total"), ("三", "withheld.security"), ("二", "regulations")])
def test_a_note_line_inside_a_table_does_not_cut_it_in_two(shape, tid, after):
    """A note between two rows (``注：…。`` after （七）总计): the rows after it are the table's; they
    were read as a second table 三, the first reported without them (GL202) and the figures after
    the note out of every check."""
    doc = rg.seed_doc()
    rendered = rg.render(doc, shape)
    lines = rendered.text.split("\n")
    t = doc.tables[tid]
    last = max(rendered.lines[k] for k in rendered.lines if k[:3] == ("cell", tid, after))
    if shape == "cells":
        last += 1  # the artefact line after the row
    lines.insert(last, NOTE)
    text = "\n".join(lines)
    report = govlint.parse(text)
    tables = [x for x in report.tables if x.id == tid]
    assert len(tables) == 1 and not tables[0].missing_rows
    assert {r.id for r in tables[0].rows} == {r.id for r in t.rowdefs()}
    assert any(p.text == NOTE for s in report.sections for p in s.paragraphs)
    assert not [d for d in govlint.lint(text) if d.code.startswith("GL2")]
    assert unaccounted(text) == []


def test_2019_note_before_a_block_caption_of_table_2():
    doc = rg.seed_doc().use_2019_tables().set_year(2019)
    text = rg.render(doc, "spaced").text.replace("\n第二十条第（九）项", "\n" + NOTE + "\n第二十条第（九）项")
    tables = [x for x in govlint.parse(text).tables if x.id == "二"]
    assert len(tables) == 1 and not tables[0].missing_rows


def test_a_second_table_with_its_own_header_stays_a_table_of_its_own():
    """A table written twice (the header again after a paragraph) is not run into one."""
    doc = rg.seed_doc()
    doc.part(3).body.append("以下为更正后的表格。")
    doc.part(3).body.append(("table", "三"))
    tables = [x for x in govlint.parse(rg.render(doc, "spaced").text).tables if x.id == "三"]
    assert len(tables) == 2 and all(not x.missing_rows for x in tables)
