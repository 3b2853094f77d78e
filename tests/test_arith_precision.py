"""GL3 must not blame a report for what was misread: a table whose sums are right, written with the
damage real pages have, gives no arithmetic error — the damage is a GL2 finding — and a sum that is
really broken is still reported.

The tables hold non-zero figures that all differ (``render_shapes.distinct``), so a figure read into
another column always breaks a sum.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine

DATA = rs.distinct(rs.load_seed(Path(__file__).parent / "data" / "seed.txt"))


def _lint(data: rs.ReportData, shape: str, tmp_path: Path):
    if shape == "docx":
        blob, name = rs.to_docx(data, tmp_path / "r.docx").data, "r.docx"
    elif shape == "html":
        blob, name = rs.to_html(data).data, "r.html"
    else:
        blob, name = rs.to_text(data, shape).encode("utf-8"), "r.txt"
    return default_engine().lint_bytes(blob, name).diagnostics


def _codes(diags, prefix) -> Counter:
    return Counter((d.code, d.row, d.col) for d in diags if d.code.startswith(prefix))


SHAPES = ("rows", "html", "docx")


@pytest.mark.parametrize("shape", SHAPES)
def test_distinct_tables_check_clean(shape, tmp_path):
    assert _codes(_lint(DATA, shape, tmp_path), ("GL0", "GL2", "GL3")) == Counter()


# a row one figure short, its last cell left empty: two cells run together ("12 3", "123") or a
# label cell holding the row's first figure
JOINED = [("三", "new", "natural", ""), ("三", "withheld.process", "research", " "),
          ("三", "total", "other", ""), ("三", "other_handling.other", "legal_services", ""),
          ("四", "cases", "review.upheld", "")]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("joined", JOINED, ids=lambda j: f"{j[1]}-{j[2]}-{'space' if j[3] else 'concat'}")
def test_a_row_one_figure_short_is_no_arithmetic_error(shape, joined, tmp_path):
    table, row, col, sep = joined
    diags = _lint(DATA.with_joined(table, row, col, sep), shape, tmp_path)
    assert _codes(diags, "GL3") == Counter()
    # the damage is named on its row
    assert any(d.code in ("GL207", "GL208", "GL211") and (d.row == row or table == "四") for d in diags)


@pytest.mark.parametrize("shape", SHAPES)
def test_the_last_cell_left_empty_names_the_shift(shape, tmp_path):
    diags = _lint(DATA.with_joined("三", "new", "natural"), shape, tmp_path)
    blank = [d for d in diags if d.code == "GL207"]
    assert [(d.row, d.col) for d in blank] == [("new", "total")]
    assert "错位" in blank[0].message and "beside their own" in blank[0].message_en


@pytest.mark.parametrize("shape", SHAPES)
def test_a_broken_sum_is_still_found_beside_a_short_row(shape, tmp_path):
    """The short row takes no part in the checks; the other rows' and table 四's sums still do."""
    data = DATA.with_joined("三", "withheld.process", "research")
    data = data.with_value("三", "unable.not_held", "total", str(int(DATA.values[("三", "unable.not_held", "total")]) + 1))
    data = data.with_value("四", "cases", "direct.corrected", str(int(DATA.values[("四", "cases", "direct.corrected")]) + 1))
    got = _codes(_lint(data, shape, tmp_path), "GL3")
    assert got == Counter({("GL303", "unable.not_held", "total"): 1, ("GL304", "cases", "direct.total"): 1})


@pytest.mark.parametrize("shape", ("rows", "html"))
def test_a_column_left_empty_in_every_row_is_not_a_shift(shape, tmp_path):
    """总计 left empty in all rows of table 三: no row is short of a figure, the columns' sums are checked."""
    data = DATA
    for rid, _ in rs.T3_LEAVES:
        data = data.with_value("三", rid, "total", "")
    data = data.with_value("三", "disclosed", "business", str(int(DATA.values[("三", "disclosed", "business")]) + 1))
    got = _codes(_lint(data, shape, tmp_path), "GL3")
    assert got == Counter({("GL302", "total", "business"): 1})


@pytest.mark.parametrize("shape", ("pipe", "markdown"))
def test_a_short_row_after_a_label_spread_over_empty_cells(shape):
    """A full grid (an HTML table converted to text) writes a label merged across columns as the
    label and empty cells: a row one figure short (“127125” for 127 and 125) then starts with an
    empty cell, read as its first column's — its figures stand a column to the right of their own."""
    import govlint
    import reportgen as rg
    from govlint.config import Config

    doc = rg.distinct_doc()
    doc.set("三", "new", "natural", doc.value("三", "new", "natural") + doc.value("三", "new", "business"))
    doc.lose_value("三", "new", "business")
    diags = govlint.lint(rg.render(doc, shape, grid=True).text, Config(select=("GL2", "GL3")))
    assert [d.code for d in diags if d.code.startswith("GL3")] == []
    assert [(d.code, d.row) for d in diags] == [("GL207", "new")]


@pytest.mark.parametrize("shape", ("rows", "html"))
def test_table_four_starting_with_a_blank_is_still_summed(shape, tmp_path):
    """Table 四's row has no label to spread over empty cells: a blank first cell is a blank cell,
    and the other groups' sums are checked."""
    data = DATA.with_value("四", "cases", "review.upheld", "")
    data = data.with_value("四", "cases", "direct.corrected", str(int(DATA.values[("四", "cases", "direct.corrected")]) + 1))
    got = _codes(_lint(data, shape, tmp_path), "GL3")
    assert got == Counter({("GL304", "cases", "direct.total"): 1})


@pytest.mark.parametrize("shape", ["html", "docx"])
def test_a_table_writing_none_as_blank_is_not_read_as_shifted(shape, tmp_path):
    """A report that leaves a cell blank for none (observed: defects C6) — a row whose 自然人 is blank
    and 商业企业 is not, a row ending in blanks — is not "shifted": its blanks are GL207's plain
    "write 0" (GL3 skips the sums with a blank in them, as it skips any sum over a cell not read)."""
    blanked = DATA
    for row, col in (("disclosed", "natural"), ("partly_disclosed", "research"), ("not_processed.petition", "business"),
                     ("unable.not_held", "total")):
        blanked = blanked.with_value("三", row, col, "")
    diags = _lint(blanked, shape, tmp_path)
    assert not [d for d in diags if d.code.startswith("GL3")]
    assert all("错位" not in d.message for d in diags if d.code == "GL207")


@pytest.mark.parametrize("filler", ["", "-", "/"])
@pytest.mark.parametrize("shape", ("rows", "html", "docx"))
def test_a_table_writing_every_zero_as_a_blank_or_a_dash_is_summed(filler, shape, tmp_path):
    """Table 三 with every zero written blank (or “-”, “/”) and not one 0: its sums were all skipped —
    a wrong total went unseen. The fillers count as 0 (the table's own way of writing none) and the
    message says so; a table that writes 0 elsewhere keeps its blanks out of the sums."""
    seed = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
    data = seed
    for key, text in seed.values.items():
        if key[0] == "三" and text == "0":
            data = data.with_value(*key, filler)
    assert not _codes(_lint(data, shape, tmp_path), "GL3")
    total = int(seed.values[("三", "new", "total")])
    wrong = data.with_value("三", "new", "total", str(total + 1))
    diags = _lint(wrong, shape, tmp_path)
    assert _codes(diags, "GL3") == Counter({("GL303", "new", "total"): 1, ("GL301", "total", "total"): 1})
    (gl303,) = [d for d in diags if d.code == "GL303"]
    what = "空白" if not filler else f"“{filler}”"
    assert f"本表以{what}表示0，按0计算" in gl303.message and "counted as 0" in gl303.message_en
    # one 0 written: the table does not write none as blanks; its sums over a blank are skipped
    mixed = wrong.with_value("三", "carried_over", "natural", "0")
    assert not [d for d in _lint(mixed, shape, tmp_path) if d.code == "GL303"]
