"""Tables whose merged cells are written out in every row and column they cover.

``pandas.read_html`` (then ``to_markdown``, ``to_csv(sep="\\t")``), some crawlers and spreadsheet
exports expand a merged cell into copies: the caption ``第二十条第（一）项`` four times across its
row, ``三、本年度办理结果`` down the first column of every outcome row, a label spanning two columns
twice, a header spanning two columns over one figure written twice. Each merged cell must be read
once, as if the table had been written with its spans.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import render_shapes as rs

from govlint.engine import default_engine

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")


def expanded(data: rs.ReportData, tid: str) -> list[list[str]]:
    """The table's grid with every merged cell copied into each row and column it covers."""
    grid = rs.table_grid(data, tid)
    width = max(c.col + c.colspan for row in grid for c in row)
    height = max(c.row + c.rowspan for row in grid for c in row)
    out = [[""] * width for _ in range(height)]
    for row in grid:
        for c in row:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    out[r][k] = c.text
    return out


def with_tables(data: rs.ReportData, write) -> str:
    """The report's text with each table written by ``write(expanded grid)`` (a list of lines)."""
    out = [data.title]
    for kind, x in data.blocks:
        out += write(expanded(data, x)) if kind == "table" else [x]
    return "\n".join(out) + "\n"


def to_text(data: rs.ReportData, shape: str) -> str:
    def write(grid: list[list[str]]) -> list[str]:
        if shape == "markdown":
            rows = ["| " + " | ".join(row) + " |" for row in grid]
            return rows[:1] + ["|" + "---|" * len(grid[0])] + rows[1:]
        return [(" | " if shape == "pipe" else "\t").join(row) for row in grid]  # (else tab-separated)

    return with_tables(data, write)


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.txt")


def found(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col, d.message) for d in result.diagnostics)


def cells(result) -> dict:
    return {(t.id, c.row, c.column): c.value for t in result.report.tables for c in t.cells()}


SEED = lint(rs.to_text(DATA, "cells"))


@pytest.mark.parametrize("shape", ["markdown", "pipe", "tsv"])
def test_expanded_merged_cells_read_like_the_spans(shape):
    text = to_text(DATA, shape)
    assert "第二十条第（一）项 | 第二十条第（一）项" in text or "第二十条第（一）项\t第二十条第（一）项" in text
    result = lint(text)
    assert found(result) == found(SEED)
    assert cells(result) == cells(SEED)


@pytest.mark.parametrize("shape", ["markdown", "tsv"])
@pytest.mark.parametrize("key, defect", [
    (("三", "new", "natural"), True), (("三", "other_handling.no_correction", "total"), True),
    (("四", "cases", "review.total"), True),
    (("二", "fees", "fee_amount"), False),  # (a fee of 7万元 is no defect: the cell is read right)
])
def test_a_changed_figure_is_read_in_its_cell(shape, key, defect):
    tid, rid, cid = key
    changed = DATA.with_value(*key, str(int(float(DATA.values[key])) + 7))
    want = found(lint(rs.to_text(changed, "cells")))
    result = lint(to_text(changed, shape))
    assert found(result) == want and (want != found(SEED)) is defect
    assert cells(result)[(tid, rid, cid)] == int(float(DATA.values[key])) + 7


def test_a_figure_across_a_merged_header_cell_is_one_figure():
    # table 二's one-column blocks: the header cell and the figure span three columns
    text = to_text(DATA, "pipe")
    assert any(line.startswith("行政事业性收费 | 0 | 0 | 0") for line in text.splitlines())
    result = lint(text)
    assert not [d for d in result.diagnostics if d.code == "GL211"]


def test_a_figure_across_a_merged_header_cell_after_a_row_left_blank():
    # 行政处罚 left blank (its label and empty cells: no header line) does not end the header's
    # copies: 行政强制's figure, written across the three columns, is still one figure
    text = to_text(DATA, "pipe")
    lines = text.split("\n")
    i = next(k for k, x in enumerate(lines) if x.startswith("行政处罚 | "))
    j = next(k for k, x in enumerate(lines) if x.startswith("行政强制 | "))
    lines[i] = "行政处罚 |  |  |  |"
    lines[j] = "行政强制 | 4 | 4 | 4"
    result = lint("\n".join(lines))
    assert not [d for d in result.diagnostics if d.code == "GL211"]
    assert cells(result)[("二", "enforcement", "decisions")] == 4
    assert [(d.code, d.row) for d in result.diagnostics if d.code == "GL207"] == [("GL207", "penalty")]


def test_a_table_without_copies_is_read_as_written():
    # two equal figures side by side in an ordinary table are two figures
    text = rs.to_text(DATA.with_value("三", "new", "business", DATA.values[("三", "new", "natural")]), "rows")
    assert found(lint(text)) == found(lint(rs.to_text(DATA.with_value(
        "三", "new", "business", DATA.values[("三", "new", "natural")]), "cells")))


def pandas_markdown(data: rs.ReportData) -> str:
    """The report with its tables as ``pandas.read_html(page)[i].to_markdown()`` prints them: merged
    cells copied, the frame's row index before each row and the column numbers over the rows (the
    page's table has no header pandas recognises)."""
    return with_tables(data, lambda grid: [
        "|    | " + " | ".join(str(i) for i in range(len(grid[0]))) + " |", "|---:|" + ":---|" * len(grid[0]),
        *(f"| {i:2d} | " + " | ".join(row) + " |" for i, row in enumerate(grid))])


def test_pandas_markdown_with_its_index_reads_like_the_spans():
    text = pandas_markdown(DATA)
    assert "|  0 | 第二十条第（一）项 |" in text
    result = lint(text)
    assert found(result) == found(SEED)
    assert cells(result) == cells(SEED)
    changed = DATA.with_value("三", "new", "natural", "9")
    assert found(lint(pandas_markdown(changed))) == found(lint(rs.to_text(changed, "cells")))


def test_a_numbered_first_column_that_does_not_count_up_is_kept():
    # first cells 0, 0, 0: values, not an index (table 四's one row, repeated here as three)
    from govlint.build import _without_index_column
    from govlint.parse import tokens as line_tokens_of, classify
    from govlint.engine import default_engine

    text = "0 | 1 | 0\n0 | 2 | 0\n0 | 3 | 0\n"
    toks = line_tokens_of(classify(text, default_engine().vocab), text)
    assert _without_index_column(toks) is None
    counting = "1 | a | 0\n2 | b | 0\n3 | c | 0\n"
    toks = line_tokens_of(classify(counting, default_engine().vocab), counting)
    assert [[c.text for c in ln[4]] for ln in _without_index_column(toks)] == [["a", "0"], ["b", "0"], ["c", "0"]]
