"""A column the format does not have, added to table 三 (“法人或其他组织小计”: format-spec §4.2, defects
B3): one GL205 saying so, and the format's columns read as without it — the arithmetic checked,
no false GL3 — wherever the added column's label is written in its header row, in every shape."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
import render_shapes as rs
import subtotal_shapes as st

SEED = Path(__file__).parent / "data" / "seed.txt"
ALL = govlint.Config(select=("ALL",))


def _distinct(data: rs.ReportData) -> rs.ReportData:
    """Table 三 with figures that differ from one column to the next (a value read into a
    neighbour's column shows), its identities broken (the arithmetic findings must stay the same)."""
    n = 0
    for t, r, c in list(data.values):
        if t == "三":
            n += 1
            data = data.with_value(t, r, c, str(n % 9 + 1))
    return data


DATA = _distinct(rs.load_seed(SEED))


def _findings(obj) -> list[tuple]:
    return sorted((d.code, d.table, d.row, d.col, d.expected, d.actual) for d in govlint.lint(obj, config=ALL))


def _cells(obj) -> dict:
    table = govlint.parse(obj).table("三")
    return {(row.id, c.column): c.value for row in table.rows for c in row.cells if c.column}


def _compare(plain, added, label: str = "法人或其他组织小计") -> None:
    assert _cells(added) == _cells(plain) and len(_cells(plain)) == 175
    before, after = _findings(plain), _findings(added)
    assert any(f[0] == "GL3" or f[0].startswith("GL30") for f in before)  # the arithmetic is checked
    extra = [f for f in after if f not in before]
    assert [f for f in before if f not in after] == []
    assert extra == [("GL205", "三", None, None, None, label)]


@pytest.mark.parametrize("where", st.WHERE)
@pytest.mark.parametrize("shape", ["rows", "spaced"])
def test_an_added_column_in_text_rows(shape, where):
    _compare(rs.to_text(DATA, shape), st.with_added_column(DATA, shape, where=where))


def _distinct_seed() -> str:
    """The seed's text, its table 三 figures as in :data:`DATA`."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = lines.index("申请人情况 |")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("四、结转下年度继续办理")) + 8
    n = 0
    for i in range(start, end):
        if lines[i][:-2].isdigit() and lines[i].endswith(" |"):
            n += 1
            lines[i] = f"{n % 9 + 1} |"
    assert n == 175
    return "\n".join(lines)


@pytest.mark.parametrize("where", st.WHERE)
def test_an_added_column_in_the_seeds_own_shape(where):
    """One cell a line, a line of pipes ending each row (the seed, as scraped)."""
    seed = _distinct_seed()
    _compare(seed, st.seed_with_added_column(seed, where))


@pytest.mark.parametrize("where", ["last", "beside"])
def test_an_added_column_one_label_a_line_without_row_ends(where):
    """Without the lines of pipes, a label between 总计 and 商业企业 could end either header row (not
    tested); after 其他, or beside 法人或其他组织, it is certain."""
    _compare(rs.to_text(DATA, "cells"), st.with_added_column(DATA, "cells", where=where))


@pytest.mark.parametrize("where", st.WHERE)
def test_an_added_column_in_a_web_page(tmp_path, where):
    plain, added = tmp_path / "plain.html", tmp_path / "added.html"
    plain.write_bytes(rs.to_html(DATA).data)
    added.write_text(st.with_added_column(DATA, "html", where=where), encoding="utf-8")
    _compare(plain, added)


@pytest.mark.parametrize("label", ["小计", "法人小计", "法人或者其他组织小计"])
def test_other_wordings_of_the_subtotal(label):
    _compare(rs.to_text(DATA, "rows"), st.with_added_column(DATA, "rows", label=label, where="first"), label)


def test_the_finding_says_the_column_is_added_and_left_out():
    text = st.with_added_column(DATA, "rows", where="beside")
    (d,) = [d for d in govlint.lint(text) if d.code == "GL205"]
    assert d.severity.value == "warning"
    assert "格式没有这一列" in d.message and "不参与任何核对" in d.message
    assert "the format has no such column" in d.message_en and "not part of any check" in d.message_en
    line = text.split("\n")[d.line - 1]
    assert line[d.column - 1:].startswith("法人或其他组织小计")


def test_a_label_heading_no_figures_is_only_named():
    """A header label the format does not know over no figures of its own (a note cell) is named as
    before, without saying that figures are left out."""
    text = rs.to_text(DATA, "rows")
    lines = text.split("\n")
    i = next(n for n, ln in enumerate(lines) if ln.startswith("自然人 |"))
    lines.insert(i, "（单位：件）")
    (d,) = [d for d in govlint.lint("\n".join(lines)) if d.code == "GL205"]
    assert d.message == "表三表头中的“（单位：件）”不是格式规定的列名"
    assert _cells("\n".join(lines)) == _cells(text)


@pytest.mark.parametrize("where", st.WHERE)
@pytest.mark.parametrize("label", ["项目", "其他情况"])
def test_an_added_column_labelled_with_a_corner_word_is_still_a_column(label, where):
    """A word offices write in a table's corner over the row labels (项目, …情况: not an unknown
    column there) labels an added column when the header has its corner already (the 勾稽 note):
    reported and left out as any added column, wherever it is written in its header row."""
    for shape in ("rows", "spaced"):
        _compare(rs.to_text(DATA, shape), st.with_added_column(DATA, shape, label=label, where=where), label)
