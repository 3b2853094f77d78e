"""Table 三 written with row numbers (a 序号 column), in every shape govlint reads.

The numbers stand in a column of their own (headed 序号, or not headed at all) or are written in
the label cells (``5 1.属于国家秘密``, ``三、本年度办理结果 三 （一）予以公开``); arabic (``5``, ``5.``) or
Chinese (``五``, ``十一``); on every row or left out on some. Truth: the same report without the
numbers — every figure is read into its row and column, and the findings are the same.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine
from govlint.extract import extract_bytes

DATA = rs.distinct(rs.load_seed(Path(__file__).parent / "data" / "seed.txt"))  # a misread figure breaks a sum
CASE = DATA.with_value("三", "new", "natural", str(int(DATA.values[("三", "new", "natural")]) + 1))
_CN = "一二三四五六七八九十"


def _cn(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else _CN[tens - 1]) + "十" if tens else "") + (_CN[ones - 1] if ones else "")


def _numbered(where: str, style: str, gaps: bool, head: str):
    """``rs.table_grid`` with table 三's rows numbered: ``where`` "col" (a column of their own,
    headed ``head``) or "label" (in the row's own label cell)."""
    grid = rs.table_grid

    def fn(data, tid):
        rows = grid(data, tid)
        if tid != "三":
            return rows
        rows = [[rs.GCell(c.text, c.rowspan, c.colspan, c.key) for c in row] for row in rows]
        for r, row in enumerate(rows[3:], 1):
            number = {"arabic": str(r), "arabic.": f"{r}.", "cn": _cn(r)}[style]
            if gaps and r % 3 == 0:
                number = ""
            if where == "col":
                row.insert(0, rs.GCell(number))
            elif number:
                leaf = next(i for i, c in enumerate(row) if c.key is not None) - 1
                row[leaf].text = number + ("" if style == "arabic." else " ") + row[leaf].text
        if where == "col":
            rows[0].insert(0, rs.GCell(head, rowspan=3))
        return rs._place(rows)
    return fn


def _text(data, shape: str) -> str:
    if shape != "tab":
        return rs.to_text(data, shape)
    out = [data.title]
    for kind, x in data.blocks:
        out += [x] if kind != "table" else ["\t".join(c.text for c in row) for row in rs.table_grid(data, x)]
    return "\n".join(out) + "\n"


def _read(shape: str, tmp_path: Path):
    if shape == "html":
        b, name = rs.to_html(CASE).data, "r.html"
    elif shape == "docx":
        b, name = rs.to_docx(CASE, tmp_path / "r.docx").data, "r.docx"
    else:
        b, name = _text(CASE, shape).encode("utf-8"), "r.txt"
    found = Counter((d.code, d.table, d.row, d.col) for d in default_engine().lint_bytes(b, name).diagnostics)
    cells = {(c["table"], c["row"], c["column_id"]): c["text"] for c in extract_bytes(b, name)["cells"]}
    return found, cells


VARIANTS = [("col", "arabic", False, "序号"), ("col", "arabic", True, ""), ("col", "cn", False, ""),
            ("col", "arabic.", True, "序号"), ("label", "arabic", False, ""), ("label", "cn", True, ""),
            ("label", "arabic.", False, "")]
SHAPES = ["cells", "rows", "spaced", "tab", "html", "docx"]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: "-".join(x for x in map(str, v) if x))
def test_table_3_with_row_numbers_reads_as_without(variant, shape, tmp_path, monkeypatch):
    plain = _read(shape, tmp_path)
    assert {k: v for k, v in plain[1].items()} == CASE.values
    monkeypatch.setattr(rs, "table_grid", _numbered(*variant))
    found, cells = _read(shape, tmp_path)
    assert cells == CASE.values
    assert found == plain[0]
