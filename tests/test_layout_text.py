"""Tables laid out in columns by spaces, as ``pdftotext -layout`` writes a PDF's tables.

The files ``data/layout-*.txt`` are ``pdftotext -layout`` of the seed report (and of a second report
with distinct values) printed to PDF by LibreOffice and WPS: table 三's narrow label columns wrap every
label over many lines, the group label's column and the row labels' column interleaved line by line,
the header words wrapped and the header repeated at each page break. They must read as the seed
does: the same cells, the same findings. The generated variants lay table 三 out afresh (column
widths, numbers aligned left or right, columns counted in characters or in display width, a page
break with the header repeated inside a row's label) so that the reading is not fitted to the files.
"""

from __future__ import annotations

import copy
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
import reportgen as rg
from govlint.engine import default_engine

DATA_DIR = Path(__file__).parent / "data"
SEED = rs.load_seed(DATA_DIR / "seed.txt")


def second() -> rs.ReportData:
    """The seed with distinct, consistent values in tables 二, 三 and 四 (``layout-second-*.txt``)."""
    d = copy.deepcopy(SEED)
    t3 = rg.table3("2021")
    leaves = [r.id for r in t3.rowdefs() if r.id not in ("new", "carried_over", "total", "carry_forward")]
    outcomes = {(r, c): (i * 7 + j * 3) % 11 + 1 for i, r in enumerate(leaves) for j, c in enumerate(rg.T3_APPLICANTS)}
    carried = {c: j + 1 for j, c in enumerate(rg.T3_APPLICANTS)}
    forward = {c: 2 * j + 1 for j, c in enumerate(rg.T3_APPLICANTS)}
    rg.consistent_table3(t3, outcomes, carried, forward)
    for (r, c), v in t3.values.items():
        d.values[("三", r, c)] = v
    t4 = rg.consistent_table4(rg.table4(), {c: k + 1 for k, c in enumerate(c for c in rg.T4_COLUMNS
                                                                           if not c.endswith(".total"))})
    for (r, c), v in t4.values.items():
        d.values[("四", r, c)] = v
    k = 0
    for rid, cols in rs.T2_ROWS:
        for c in cols:
            k += 1
            d.values[("二", rid, c)] = str(k)
    d.values[("二", "fees", "fee_amount")] = "0.65"
    return d


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.txt")


def cells(result) -> dict:
    return {(t.id, c.row, c.column): c.text for t in result.report.tables for c in t.cells()}


def keys(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


def codes(result) -> Counter:
    return Counter(d.code for d in result.diagnostics)


# ----------------------------------------------------------------------------- the pdftotext files

FILES = {
    "layout-seed-plain.txt": SEED,  # LibreOffice's PDF of the seed
    "layout-seed-tbwps.txt": SEED,  # WPS's: the header repeated inside the first rows' labels
    "layout-second-split3.txt": second(),  # the group label repeated after the page break
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_pdftotext_layout_cells(name):
    data = FILES[name]
    got = cells(lint((DATA_DIR / name).read_text(encoding="utf-8")))
    wrong = {k: (got.get(k), v) for k, v in data.values.items() if got.get(k) != v}
    assert not wrong, wrong
    ref = lint(rs.to_text(data, "cells"))
    assert not (set(got) - set(cells(ref))), set(got) - set(cells(ref))


@pytest.mark.parametrize("name", sorted(FILES))
def test_pdftotext_layout_findings(name):
    result = lint((DATA_DIR / name).read_text(encoding="utf-8"))
    expected = keys(lint(rs.to_text(FILES[name], "cells")))
    got = keys(result)
    if name == "layout-seed-tbwps.txt":
        # WPS draws table 四's header columns overlapping (``未 结 计结 其``): read in the format's order
        got -= Counter({("GL212", "四", None, None): 1})
    assert got == expected, (got - expected, expected - got)


def test_pdftotext_layout_table_rows():
    """Row labels joined from their pieces, the group label as a cell of its own before its first row;
    the cells' offsets point at the first and the last piece."""
    import govlint
    text = (DATA_DIR / "layout-seed-plain.txt").read_text(encoding="utf-8")
    parse = sys.modules["govlint.parse"]
    lines = parse.classify(text, default_engine().vocab)
    rows = [[c.text for c in ln.cells] for ln in lines if ln.kind == "ROW" and ln.cells]
    assert ["三、本年度办理结果", "（一）予以公开", *["0"] * 7] in rows
    assert ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *["0"] * 7] in rows
    assert ["（三）不予公开", "1.属于国家秘密", *["0"] * 7] in rows
    assert ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"] in rows
    assert ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] in rows
    assert ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"] in rows
    assert sum(1 for r in rows if r[:1] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]) == 1
    for ln in lines:
        for c in ln.cells or ():
            assert text[c.start:c.start + len(c.text[:1])] == c.text[:1]
            assert text[c.end - 1] == c.text[-1]
    assert govlint  # (imported for sys.modules)


# ----------------------------------------------------------------------------- generated layouts


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def _w(s: str, display: bool) -> int:
    return len(s) + (sum(1 for c in s if c >= "\u2e80") if display else 0)


def layout_table3(data: rs.ReportData, label_widths=(2, 2, 2), value_width=5, right=False, display=False,
                  page_at: int | None = None) -> list[str]:
    """Table 三 drawn as ``pdftotext -layout`` writes it: each cell's text wrapped at its column's width
    (characters) and set at its column's position (counted in characters, or in display width with
    ``display``), labels top-aligned in their cells, numbers left or right in theirs; with ``page_at``,
    a page break after that many lines, the header repeated after it."""
    grid = rs.table_grid(data, "三")
    unit = 2 if display else 1  # columns a CJK character takes
    widths = [w * unit + 2 for w in label_widths] + [value_width] * 7
    x = [sum(widths[:k]) for k in range(len(widths) + 1)]
    lines: dict[int, dict[int, str]] = {}  # line -> column -> text
    heights: list[int] = []
    tops: list[int] = []
    pending: list[tuple[int, int]] = []  # (row where a spanning cell ends, lines it needs from its top)
    y = 0
    for r, row in enumerate(grid):
        h = 1
        for c in row:
            span_w = (x[c.col + c.colspan] - x[c.col] - 2) // unit if c.key is None else value_width
            n = len(_wrap(c.text, max(1, span_w)))
            if c.rowspan == 1:
                h = max(h, n)
            else:
                pending.append((r + c.rowspan - 1, n, r))
        for end, n, start in pending:  # a spanning cell longer than its rows lengthens its last row
            if end == r:
                h = max(h, n - sum(heights[start:r]))
        tops.append(y)
        heights.append(h)
        for c in row:
            if c.key is not None:
                cols = x[c.col + 1] - x[c.col] - 1
                txt = c.text.rjust(cols - 1) if right else c.text
                lines.setdefault(y, {})[x[c.col]] = txt
                continue
            span_w = max(1, (x[c.col + c.colspan] - x[c.col] - 2) // unit)
            for k, piece in enumerate(_wrap(c.text, span_w)):
                lines.setdefault(y + k, {})[x[c.col]] = piece
        y += h
    header_end = tops[3]  # the header's three grid rows

    def render(row: dict[int, str]) -> str:
        out = ""
        for col in sorted(row):
            pad = col - _w(out, display)
            out += " " * max(pad, 2 if out else pad) + row[col]
        return out.rstrip()

    text = [render(lines.get(k, {})) for k in range(y)]
    if page_at is not None:
        text = text[:page_at] + ["\f" + text[0]] + text[1:header_end] + text[page_at:]
    return [t for t in text if t.strip()]


def with_layout(data: rs.ReportData, **kw) -> str:
    lines = rs.to_text(data, "spaced").split("\n")
    a = next(k for k, ln in enumerate(lines) if ln.startswith("三、收到和处理"))
    b = next(k for k, ln in enumerate(lines) if ln.startswith("四、政府信息公开行政复议"))
    return "\n".join(lines[:a + 1] + layout_table3(data, **kw) + lines[b:])


VARIANTS = [
    dict(label_widths=(2, 2, 2)),
    dict(label_widths=(2, 2, 2), right=True),
    dict(label_widths=(2, 3, 3), value_width=6, display=True),
    dict(label_widths=(3, 2, 4), right=True, display=True),
    dict(label_widths=(2, 2, 3), page_at=20),
    dict(label_widths=(2, 2, 2), page_at=47, right=True),
    dict(label_widths=(4, 3, 5), value_width=4, page_at=33, display=True),
    dict(label_widths=(2, 4, 6), value_width=7),
]


@pytest.mark.parametrize("kw", VARIANTS, ids=[str(i) for i in range(len(VARIANTS))])
@pytest.mark.parametrize("which", ["seed", "second"])
def test_generated_layout(kw, which):
    data = SEED if which == "seed" else second()
    text = with_layout(data, **kw)
    assert re.search(r"(?m)^\S{1,4}  +（", text), text  # (the labels do wrap, in several columns)
    result = lint(text)
    got = cells(result)
    wrong = {k: (got.get(k), v) for k, v in data.values.items() if k[0] == "三" and got.get(k) != v}
    assert not wrong, (wrong, text)
    assert keys(result) == keys(lint(rs.to_text(data, "spaced")))


@pytest.mark.parametrize("kw", VARIANTS[:4], ids=[str(i) for i in range(4)])
def test_generated_layout_finds_a_changed_value(kw):
    changed = ("三", "withheld.security", "natural")
    data = SEED.with_value(*changed, str(int(SEED.values[changed]) + 2))
    result = lint(with_layout(data, **kw))
    assert cells(result)[changed] == data.values[changed]
    expected = keys(lint(rs.to_text(data, "spaced")))
    assert keys(result) == expected
    assert any(k[1:3] == ("三", "withheld.security") or k[0].startswith("GL30") for k in expected)


def test_plain_spaced_tables_are_left_alone():
    """Tables without labels in several columns (table 二 laid out, a single-space table) are read as
    before: no line becomes a rebuilt row."""
    parse = sys.modules["govlint.parse"]
    vocab = default_engine().vocab
    text = rs.to_text(SEED, "spaced")
    assert all(ln.kind != "ROW" for ln in parse.classify(text, vocab))
    laid = (DATA_DIR / "layout-seed-plain.txt").read_text(encoding="utf-8")
    table2 = laid[laid.index("二、主动公开政府信息情况"):laid.index("三、收到和处理")]
    assert all(ln.kind != "ROW" for ln in parse.classify(table2, vocab))
