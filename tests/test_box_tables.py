"""Tables drawn with box-drawing characters, as text browsers and consoles print a page's tables.

``w3m -dump`` of the seed's page and of a second report (stored), and grids drawn here from the
template's tables (``render_shapes.table_grid``: merged cells over rows and columns) the way such
tools draw them — with other column widths, labels spanning rows printed at the top or in the middle
of their span, text wrapped inside its cell, letters spaced out, in light, heavy, double or ASCII
strokes — must read as the reference: the same findings and the same cells. Each drawn table must
read as the HTML reader writes it: one row per grid row holding the cells that start in it.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
import render_shapes as rs
from test_crawl_shapes import CASES, DATA, findings, lint, second_values

from govlint.engine import default_engine
from govlint.parse import classify

DATA_DIR = Path(__file__).parent / "data"


# ----------------------------------------------------------------------------- drawing a grid

def _w(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _width(s: str) -> int:
    return sum(_w(ch) for ch in s)


def _wrap(text: str, width: int) -> list[str]:
    """Cut ``text`` into lines of at most ``width`` display columns, never inside a run of ASCII
    letters and digits (as a browser wraps: anywhere between CJK characters, at a word's end)."""
    words: list[str] = []
    for ch in text:
        if words and ch.isascii() and ch.isalnum() and words[-1][-1].isascii() and words[-1][-1].isalnum():
            words[-1] += ch
        else:
            words.append(ch)
    lines = [""]
    for w in words:
        if lines[-1] and _width(lines[-1]) + _width(w) > width:
            lines.append("")
        if not lines[-1] and w == " ":
            continue
        lines[-1] += w
    return [ln.rstrip() for ln in lines]


LIGHT = {"h": "─", "v": "│", (0, 1, 0, 1): "┌", (0, 1, 1, 0): "┐", (1, 0, 0, 1): "└", (1, 0, 1, 0): "┘",
         (1, 1, 0, 1): "├", (1, 1, 1, 0): "┤", (0, 1, 1, 1): "┬", (1, 0, 1, 1): "┴", (1, 1, 1, 1): "┼"}
HEAVY = dict(zip(LIGHT, "━┃┏┓┗┛┣┫┳┻╋"))
DOUBLE = dict(zip(LIGHT, "═║╔╗╚╝╠╣╦╩╬"))
ASCII = dict(zip(LIGHT, "-|+++++++++"))


def draw(grid: list[list[rs.GCell]], widths: list[int], valign: str = "top", halign: str = "center",
         style: dict = LIGHT, indent: int = 0, spaced: bool = True) -> str:
    """The grid drawn as ``w3m`` draws a table: each column ``widths[c]`` display columns wide, cells
    merged over columns without a stroke inside and over rows without a rule under them, text
    wrapped in its cell and aligned (``valign``: ``top`` or ``middle``, ``halign``: ``center`` or
    ``left``); with ``spaced``, 自然人 written 自 然 人 as the page has it."""
    cells = [c for row in grid for c in row]
    ncols = max(c.col + c.colspan for c in cells)
    nrows = max(c.row + c.rowspan for c in cells)
    assert len(widths) == ncols

    def text_of(c: rs.GCell) -> str:
        return "自 然 人" if spaced and c.text == "自然人" else c.text

    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w + 1)

    def inner(c: rs.GCell) -> int:
        return xs[c.col + c.colspan] - xs[c.col] - 1

    wrapped = {id(c): _wrap(text_of(c), inner(c)) if c.text else [] for c in cells}
    heights = [1] * nrows
    for c in sorted(cells, key=lambda c: c.rowspan):  # (a cell over rows stretches its last row)
        need = len(wrapped[id(c)])
        have = sum(heights[c.row:c.row + c.rowspan]) + c.rowspan - 1
        if need > have:
            heights[c.row + c.rowspan - 1] += need - have
    ys = [0]
    for h in heights:
        ys.append(ys[-1] + h + 1)
    H, W = ys[-1] + 1, xs[-1] + 1
    canvas: list[list] = [[" "] * W for _ in range(H)]
    hs, vs = set(), set()  # stroke units: (x, y) to (x + 1, y); (x, y) to (x, y + 1)
    for c in cells:
        x0, x1, y0, y1 = xs[c.col], xs[c.col + c.colspan], ys[c.row], ys[c.row + c.rowspan]
        hs.update((x, y) for x in range(x0, x1) for y in (y0, y1))
        vs.update((x, y) for y in range(y0, y1) for x in (x0, x1))
        lines = wrapped[id(c)]
        top = y0 + 1 + ((y1 - y0 - 1 - len(lines)) // 2 if valign == "middle" else 0)
        for k, ln in enumerate(lines):
            room = inner(c) - _width(ln)
            x = x0 + 1 + (room // 2 if halign == "center" else 0)
            for ch in ln:
                canvas[top + k][x] = ch
                if _w(ch) == 2:
                    canvas[top + k][x + 1] = None  # (the right half of a wide character)
                x += _w(ch)
    for y in range(H):
        for x in range(W):
            key = ((x, y - 1) in vs, (x, y) in vs, (x - 1, y) in hs, (x, y) in hs)
            if key == (0, 0, 0, 0):
                continue
            if not key[0] and not key[1]:
                canvas[y][x] = style["h"]
            elif not key[2] and not key[3]:
                canvas[y][x] = style["v"]
            else:
                canvas[y][x] = style[tuple(int(k) for k in key)]
    return "\n".join(" " * indent + "".join(ch for ch in row if ch is not None).rstrip() for row in canvas)


def html_rows(grid: list[list[rs.GCell]]) -> list[list[str]]:
    """The rows as the HTML reader writes them: each grid row's cells with text, left to right."""
    return [[c.text for c in sorted(row, key=lambda c: c.col) if c.text] for row in grid]


def read_rows(text: str) -> list[list[str]]:
    lines = classify(text, default_engine().vocab)
    return [[c.text for c in ln.cells] for ln in lines if ln.kind in ("ROW", "CELL")]


def widths_for(grid: list[list[rs.GCell]], rnd: random.Random, low: int, high: int) -> list[int]:
    ncols = max(c.col + c.colspan for row in grid for c in row)
    widths = [rnd.randint(low, high) for _ in range(ncols)]
    for row in grid:  # (a number is never wrapped: its column is as wide as it)
        for c in row:
            if c.key is not None and c.colspan == 1:
                widths[c.col] = max(widths[c.col], len(c.text))
    return widths


def report_text(data: rs.ReportData, render) -> str:
    out = [data.title, ""]
    for kind, x in data.blocks:
        out += [render(x) if kind == "table" else x, ""]
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- the tests

@pytest.fixture(scope="module")
def reference():
    return {name: lint(rs.to_text(d, "cells")) for name, d in CASES.items()}


def test_w3m_dump_of_the_seeds_page(reference):
    """``w3m -dump`` (80 columns) of the seed's page, stored: header words wrapped in their cells
    (商业/企业, 自/然/人), labels spanning rows printed in the middle of their span (三、本年 /
    度办理结 / 果), long labels wrapped over two or three lines."""
    text = (DATA_DIR / "crawl-seed-w3m.txt").read_text(encoding="utf-8")
    assert "│三、本年│（四）├" in text and "│度办理结│无法提│" in text
    assert findings(lint(text)) == findings(reference["seed"])
    import govlint
    got = {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}
    assert got == DATA.values


def test_w3m_dump_rows_are_the_html_readers():
    text = (DATA_DIR / "crawl-seed-w3m.txt").read_text(encoding="utf-8")
    rows = read_rows(text)
    for tid in ("二", "三", "四"):
        expected = html_rows(rs.table_grid(DATA, tid))
        expected = [[("自然人" if t == "自然人" else t) for t in row] for row in expected]
        k = rows.index(expected[0])
        assert rows[k:k + len(expected)] == expected, tid


def _second_values() -> dict:
    """The values of the stored second report (another draw of consistent values)."""
    return second_values((0, 0, 1, 3, 12, 27, 105), lambda rnd, c: rnd.choice(
        [0, 0, 0, 0, 1, 2, 5, 14]) if c in ("natural", "business", "other") else rnd.choice([0, 0, 0, 1]))


def test_w3m_dump_of_a_second_report():
    """The second report's page: the reference gives only its five findings on the prose."""
    text = (DATA_DIR / "crawl-second-w3m.txt").read_text(encoding="utf-8")
    data = DATA
    for k, v in _second_values().items():
        data = data.with_value(*k, v)
    assert findings(lint(text)) == findings(lint(rs.to_text(data, "cells")))
    assert sorted(d.code for d in lint(text).diagnostics) == ["GL110", "GL112", "GL115", "GL401", "GL601", "GL606"]
    import govlint
    got = {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}
    assert got == data.values


DRAWINGS = [  # (seed of the column widths, narrowest, widest, vertical alignment, style, indent)
    (1, 2, 4, "middle", LIGHT, 0),
    (2, 4, 9, "top", LIGHT, 2),
    (3, 6, 16, "middle", HEAVY, 0),
    (4, 2, 30, "top", DOUBLE, 4),
    (5, 3, 12, "middle", ASCII, 0),
    (6, 10, 40, "middle", LIGHT, 0),
]


@pytest.mark.parametrize("seed,low,high,valign,style,indent", DRAWINGS)
@pytest.mark.parametrize("tid", ["二", "三", "四"])
def test_drawn_table_reads_as_the_html_readers_rows(tid, seed, low, high, valign, style, indent):
    grid = rs.table_grid(DATA, tid)
    widths = widths_for(grid, random.Random(seed), low, high)
    text = draw(grid, widths, valign, "left" if seed % 2 else "center", style, indent)
    assert read_rows(text) == html_rows(grid)


@pytest.mark.parametrize("seed,low,high,valign,style,indent", DRAWINGS)
@pytest.mark.parametrize("case", list(CASES))
def test_drawn_report_gives_the_references_findings(case, seed, low, high, valign, style, indent, reference):
    data = CASES[case]
    rnd = random.Random(seed)

    def render(tid: str) -> str:
        grid = rs.table_grid(data, tid)
        return draw(grid, widths_for(grid, rnd, low, high), valign, "center", style, indent)

    text = report_text(data, render)
    assert findings(lint(text)) == findings(reference[case])
    import govlint
    got = {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}
    assert got == data.values


def test_wrapped_label_and_spaced_letters_are_joined():
    grid = rs._place([[rs.GCell("自然人", rowspan=2), rs.GCell("申请人情况", colspan=2)],
                      [rs.GCell("商业企业"), rs.GCell("科研机构")],
                      [rs.GCell("3", key=("三", "x", "a")), rs.GCell("0", key=("三", "x", "b")), rs.GCell("12", key=("三", "x", "c"))]])
    text = draw(grid, [3, 4, 2], "middle")
    assert "│自 ├────┬──┤" in text and "│人 │商业│研│" in text  # (a letter on the line of a rule beside it)
    assert read_rows(text) == [["自然人", "申请人情况"], ["商业企业", "科研机构"], ["3", "0", "12"]]


def test_simple_box_table_without_merged_cells():
    text = ("某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
            "┌────┬────┐\n│ 名称 │ 数量 │\n├────┼────┤\n│ 甲  │ 1  │\n├────┼────┤\n│ 乙  │ 2  │\n└────┴────┘\n")
    # (drawn with every character one column wide, as a console without CJK widths prints it)
    assert read_rows(text) == [["名称", "数量"], ["甲", "1"], ["乙", "2"]]
    lines = classify(text, default_engine().vocab)
    assert [ln.kind for ln in lines[2:]] == ["ARTIFACT", "ROW", "ARTIFACT", "ROW", "ARTIFACT", "ROW", "ARTIFACT"]
    assert [ln.number for ln in lines[2:]] == [3, 4, 5, 6, 7, 8, 9]


@pytest.mark.parametrize("fmt", ["fancy_grid", "grid", "psql", "fancy_outline", "simple_outline", "rounded_grid"])
def test_tabulate_formats(fmt):
    """Python's ``tabulate``: rows separated by rules or not (outline, psql), in box or ASCII strokes."""
    tabulate = pytest.importorskip("tabulate")
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "0", "3"],
            ["行政规范性文件", "27", "0", "0"], ["行政许可", "105", "", ""]]
    text = tabulate.tabulate(rows, tablefmt=fmt)
    assert read_rows(text) == [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "0", "3"],
                               ["行政规范性文件", "27", "0", "0"], ["行政许可", "105", "", ""]]


def test_box_lines_outside_a_table_stay_text():
    """A line starting with a box character in prose, or a lone frame, is no table."""
    text = "某局2022年政府信息公开工作年度报告\n一、总体情况\n│ 注：本年度无变化。\n└ 以上。\n本年度工作正常开展。\n"
    lines = classify(text, default_engine().vocab)
    assert all(ln.kind not in ("ROW", "ARTIFACT") for ln in lines)
    # a tree of items drawn with ├─ and └─: no frame around it, its lines end with text
    tree = ("某局2022年政府信息公开工作年度报告\n一、总体情况\n├─ 主动公开\n│  ├─ 规章 3件\n│  └─ 规范性文件 5件\n"
            "└─ 依申请公开\n本年度工作正常开展。\n")
    from govlint import boxgrid
    assert boxgrid.rebuild([], tree) == [] and boxgrid.rebuild([], text) == []  # (no block read)
