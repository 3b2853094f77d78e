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


def _read(shape: str, tmp_path: Path, case=None):
    case = CASE if case is None else case
    if shape == "html":
        b, name = rs.to_html(case).data, "r.html"
    elif shape == "docx":
        b, name = rs.to_docx(case, tmp_path / "r.docx").data, "r.docx"
    else:
        b, name = _text(case, shape).encode("utf-8"), "r.txt"
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


# ---------------------------------------------------------------- table 二: numbered block by block
def _t2_distinct(data: rs.ReportData) -> rs.ReportData:
    """``data`` with table 二's figures all different (a figure read into another cell shows)."""
    for i, k in enumerate(sorted(k for k in data.values if k[0] == "二")):
        data = data.with_value(*k, str(11 + i))
    return data


CASE2 = _t2_distinct(CASE)


def _numbered2(numbering: str, style: str, head: str):
    """``rs.table_grid`` with table 二's rows numbered in a column of their own (headed ``head`` in
    each block's header): ``numbering`` "block" (1, 2, … again in each block) or "table" (on from
    one block to the next)."""
    grid = rs.table_grid

    def fn(data, tid):
        rows = grid(data, tid)
        if tid != "二":
            return rows
        rows = [[rs.GCell(c.text, c.rowspan, c.colspan, c.key) for c in row] for row in rows]
        n = 0
        for row in rows:
            if row[0].text.startswith("第二十条"):
                row[0].colspan += 1
                n = 0 if numbering == "block" else n
            elif row[0].text == "信息内容":
                row.insert(0, rs.GCell(head))
            else:
                n += 1
                row.insert(0, rs.GCell({"arabic": str(n), "arabic.": f"{n}.", "cn": _cn(n)}[style]))
        return rs._place(rows)
    return fn


def _read2(shape: str, tmp_path: Path):
    return _read(shape, tmp_path, CASE2)


VARIANTS2 = [("block", "arabic", ""), ("block", "arabic", "序号"), ("block", "cn", ""), ("block", "arabic.", "序号"),
             ("table", "arabic", ""), ("table", "cn", "序号")]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("variant", VARIANTS2, ids=lambda v: "-".join(x for x in v if x))
def test_table_2_numbered_block_by_block_reads_as_without(variant, shape, tmp_path, monkeypatch):
    """Table 二's rows numbered in a column of their own, the numbers starting again in each block
    (规章 1, 行政规范性文件 2; 行政许可 1; 行政处罚 1, 行政强制 2; …) or going on from block to block: read
    as the table without them (was: the numbers read as figures, GL211, the blocks' figures shifted)."""
    plain = _read2(shape, tmp_path)
    assert plain[1] == CASE2.values
    monkeypatch.setattr(rs, "table_grid", _numbered2(*variant))
    found, cells = _read2(shape, tmp_path)
    assert cells == CASE2.values
    assert found == plain[0]


@pytest.mark.parametrize("shape", ["cells", "rows", "spaced", "tab"])
@pytest.mark.parametrize("figure", ["1", "0"])
def test_table_2_without_numbers_whose_figures_look_like_them_keeps_them(shape, figure):
    """A table 二 without row numbers whose figures are all 1 (or 0): no figure is taken for a number."""
    data = CASE2
    for k in [k for k in data.values if k[0] == "二"]:
        data = data.with_value(*k, figure)
    text = _text(data, shape)
    cells = {(c["table"], c["row"], c["column_id"]): c["text"]
             for c in extract_bytes(text.encode("utf-8"), "r.txt")["cells"]}
    assert cells == data.values


@pytest.mark.parametrize("numbering", ["block", "table"])
def test_table_2_numbered_in_the_seeds_own_shape(numbering):
    """One cell a line, lines of pipes between rows (the seed, as scraped), each row's number a
    cell of its own before its label: read as the seed."""
    seed = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
    text, n = seed, 0
    for block in (["规章", "行政规范性文件"], ["行政许可"], ["行政处罚", "行政强制"], ["行政事业性收费"]):
        n = 0 if numbering == "block" else n
        for label in block:
            n += 1
            assert f"\n{label} |\n" in text
            text = text.replace(f"\n{label} |\n", f"\n{n} |\n{label} |\n", 1)

    def cells(t: str) -> dict:
        return {(c["table"], c["row"], c["column_id"]): c["text"]
                for c in extract_bytes(t.encode("utf-8"), "r.txt")["cells"]}

    assert cells(text) == cells(seed)
    assert Counter(d.code for d in default_engine().lint_bytes(text.encode("utf-8"), "r.txt").diagnostics) == \
        Counter(d.code for d in default_engine().lint_bytes(seed.encode("utf-8"), "r.txt").diagnostics)
