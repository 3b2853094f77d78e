"""The check the tests of converted tables share: row 一's 自然人 figure of table 三 changed 3 → 4 in a
file, its row no longer adds up (GL303, at the row's 总计 cell) nor its column (GL301), and each finding
names the cell's line and column in the file (not in the text the reader made of it)."""

from __future__ import annotations

from test_crawl_shapes import lint


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def assert_found_where_written(text: str, natural: int, total: int) -> None:
    """``natural`` and ``total``: the offsets in ``text`` of row 一's 自然人 and 总计 figures (both 3)."""
    assert text[natural] == "3" and text[total] == "3"
    result = lint(text[:natural] + "4" + text[natural + 1:])
    row = [d for d in result.diagnostics if d.code == "GL303"]
    column = [d for d in result.diagnostics if d.code == "GL301"]
    assert len(row) == 1 and len(column) == 1
    assert (row[0].line, row[0].column) == line_col(text, total)
    assert "（4）" in row[0].message and "（4）" in column[0].message
