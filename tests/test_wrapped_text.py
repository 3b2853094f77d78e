"""Tables whose labels wrap over lines, the cells of a line one blank apart: pdfplumber's
``page.extract_text()`` of a PDF's tables.

Such text says nothing of where a column stands: each line of the page is its words joined by one
blank. Table 三's narrow label columns wrap every label over several lines, the group label's column
and the row labels' column interleaved on them (``（三） 1.属于 13 14 …`` / ``不予公 国家秘`` / ``开 密``),
and the header's words are wrapped (``社会公`` / ``益组织``). The files ``data/plumb-*.txt`` are
pdfplumber's text of the seed with distinct figures (``render_shapes.distinct``) printed to PDF by
LibreOffice (A4; 14 pt with a running header and page breaks inside the table, where the widest
figures wrap too). The generated variants lay table 三 out afresh (column widths, a page break with
the header repeated), so that the reading is not fitted to the files. Each must read table 三's
cells as the data has them, with the reference's findings.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine

DATA_DIR = Path(__file__).parent / "data"
SEED = rs.load_seed(DATA_DIR / "seed.txt")
DISTINCT = rs.distinct(SEED)


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.txt")


def cells(result) -> dict:
    return {(t.id, c.row, c.column): c.text for t in result.report.tables for c in t.cells()}


def keys(result, but: str = "") -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics if d.table != but or not but)


def wrong_cells(got: dict, data: rs.ReportData, table: str = "三") -> dict:
    return {k: (got.get(k), v) for k, v in data.values.items() if k[0] == table and got.get(k) != v}


# ----------------------------------------------------------------------------- pdfplumber's files

def test_pdfplumber_table3_a4():
    """A4, every label of table 三 wrapped in columns three characters wide. Table 四's header stands
    one character a line (read: its lines hold the format's labels' characters column by column) and
    two of its figures wrap (``10`` / ``6``): with no column to go by they cannot be placed, and it
    says so (GL211) — nothing else differs from the PDF's findings."""
    result = lint((DATA_DIR / "plumb-distinct-a4.txt").read_text(encoding="utf-8"))
    assert not wrong_cells(cells(result), DISTINCT)
    expected = keys(lint(rs.to_text(DISTINCT, "cells")))
    assert keys(result, but="四") == expected
    assert Counter(d.code for d in result.diagnostics if d.table == "四") == Counter({"GL211": 1})


def test_pdfplumber_table3_split_pages():
    """14 pt: labels two characters a line, cut inside their item numbers (``（三`` / ``）不``), a page
    number and the running header inside a label, the widest figures wrapped below (``138`` / ``1``).
    Where every figure of a row wraps, each takes its lower digits back; where one of seven equal
    figures wraps (``121`` … / ``5``) nothing tells which: the row has a figure too many and is said
    unreadable (GL211), its figures not read into the wrong columns."""
    result = lint((DATA_DIR / "plumb-distinct-split.txt").read_text(encoding="utf-8"))
    unsure = {"carried_over", "carry_forward"}
    got = cells(result)
    assert not {k: v for k, v in wrong_cells(got, DISTINCT).items() if k[1] not in unsure}
    assert not any(k[1] in unsure for k in got)
    expected = keys(lint(rs.to_text(DISTINCT, "cells")))
    got_keys = keys(result, but="四")
    assert got_keys - expected == Counter({("GL211", "三", r, None): 1 for r in unsure})
    assert not expected - got_keys


# ----------------------------------------------------------------------------- generated layouts

def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def single_spaced_table3(data: rs.ReportData, label_widths=(3, 3, 3), value_width=4,
                         page_at: int | None = None, center: bool = False) -> list[str]:
    """Table 三 as pdfplumber writes it: each cell's text wrapped at its columns' width (characters),
    top-aligned in its cell (with ``center``, the body's cells centred in their rows: a group label
    starting beside its rows' labels' middle, figures in the middle of their row's label), and each
    line of the page its pieces left to right, one blank apart; with ``page_at``, a page break after
    that many lines, the header repeated after it."""
    grid = rs.table_grid(data, "三")
    widths = list(label_widths) + [value_width] * 7
    lines: dict[int, dict[int, str]] = {}  # line -> grid column -> text
    heights: list[int] = []
    tops: list[int] = []
    pending: list[tuple[int, int, int]] = []  # (row a spanning cell ends on, its lines, its first row)
    y = 0
    for r, row in enumerate(grid):
        h = 1
        for c in row:
            n = len(_wrap(c.text, sum(widths[c.col:c.col + c.colspan])))
            if c.rowspan == 1:
                h = max(h, n)
            else:
                pending.append((r + c.rowspan - 1, n, r))
        for end, n, start in pending:  # a spanning cell longer than its rows lengthens its last row
            if end == r:
                h = max(h, n - sum(heights[start:r]))
        tops.append(y)
        heights.append(h)
        y += h
    for r, row in enumerate(grid):
        for c in row:
            pieces = _wrap(c.text, sum(widths[c.col:c.col + c.colspan]))
            top = tops[r]
            if center and r >= 3:
                top += (sum(heights[r:r + c.rowspan]) - len(pieces)) // 2
            for k, piece in enumerate(pieces):
                lines.setdefault(top + k, {})[c.col] = piece
    text = [" ".join(t for _, t in sorted(lines.get(k, {}).items())) for k in range(y)]
    if page_at is not None:
        text = text[:page_at] + text[:tops[3]] + text[page_at:]
    return text


def with_single_spaced(data: rs.ReportData, **kw) -> str:
    lines = rs.to_text(data, "spaced").split("\n")
    a = next(k for k, ln in enumerate(lines) if ln.startswith("三、收到和处理"))
    b = next(k for k, ln in enumerate(lines) if ln.startswith("四、政府信息公开行政复议"))
    return "\n".join(lines[:a + 1] + single_spaced_table3(data, **kw) + lines[b:])


VARIANTS = [
    dict(label_widths=(3, 3, 3)),
    dict(label_widths=(2, 2, 2)),
    dict(label_widths=(2, 3, 4), value_width=5),
    dict(label_widths=(4, 2, 3)),
    dict(label_widths=(3, 5, 6), value_width=6),
    dict(label_widths=(2, 2, 3), page_at=21),
    dict(label_widths=(3, 3, 3), page_at=40),
    dict(label_widths=(3, 3, 3), center=True),
    dict(label_widths=(2, 3, 3), value_width=5, center=True),
]


@pytest.mark.parametrize("kw", VARIANTS, ids=[str(i) for i in range(len(VARIANTS))])
@pytest.mark.parametrize("which", ["seed", "distinct"])
def test_generated_single_spaced(kw, which):
    data = SEED if which == "seed" else DISTINCT
    text = with_single_spaced(data, **kw)
    assert re.search(r"(?m)^\S{1,4} \S{1,6}$", text), text  # (the labels do wrap, in several columns)
    result = lint(text)
    assert not wrong_cells(cells(result), data), text
    assert keys(result) == keys(lint(rs.to_text(data, "spaced")))


@pytest.mark.parametrize("kw", VARIANTS[:3], ids=[str(i) for i in range(3)])
def test_generated_single_spaced_finds_a_changed_value(kw):
    changed = ("三", "withheld.security", "natural")
    data = DISTINCT.with_value(*changed, str(int(DISTINCT.values[changed]) + 2))
    result = lint(with_single_spaced(data, **kw))
    assert cells(result)[changed] == data.values[changed]
    expected = keys(lint(rs.to_text(data, "spaced")))
    assert keys(result) == expected
    assert any(k[0].startswith("GL30") for k in expected)


def test_rows_rebuilt():
    """The labels joined from their pieces, the group label a cell before its first row's; each cell's
    offsets point at its first and last piece."""
    text = with_single_spaced(DISTINCT, label_widths=(3, 3, 3))
    parse = sys.modules["govlint.parse"]
    lines = parse.classify(text, default_engine().vocab)
    rows = [[c.text for c in ln.cells] for ln in lines if ln.kind == "ROW" and ln.cells]
    v = DISTINCT.values
    assert ["（三）不予公开", "1.属于国家秘密", *(v[("三", "withheld.state_secret", c)] for c in rs.T3_COLS)] in rows
    assert ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] in rows
    for ln in lines:
        for c in ln.cells or ():
            assert text[c.start] == c.text[0] and text[c.end - 1] == c.text[-1]


def test_tables_that_fit_their_lines_are_left_alone():
    """A single-space table whose labels fit their lines (rs.to_text "spaced") is read as before."""
    parse = sys.modules["govlint.parse"]
    text = rs.to_text(DISTINCT, "spaced")
    assert all(ln.kind != "ROW" for ln in parse.classify(text, default_engine().vocab))


# ----------------------------------------------------------------------------- pdftotext -layout

def test_pdftotext_layout_drifting_columns():
    """``pdftotext -layout`` of the same A4 PDF: the label columns move right and back from one run of
    lines to the next (``（三） 1.属于`` four blanks in, ``2.其他`` eight, ``4.保护`` six, ``（四）`` none),
    so that no column holds a label's pieces; read from the pieces and the known labels, table 三 is
    the PDF's, and table 四's figures too wide for their columns (``10`` over ``6``) take back their
    lower digits from the line under them, each standing under its figure."""
    result = lint((DATA_DIR / "layout-distinct-drift.txt").read_text(encoding="utf-8"))
    assert not wrong_cells(cells(result), DISTINCT)
    assert not wrong_cells(cells(result), DISTINCT, "四")
    assert keys(result) == keys(lint(rs.to_text(DISTINCT, "cells")))


def test_table4_header_one_character_a_line():
    """The seed printed to A4 (``pdftotext -layout``): table 四's columns are too narrow for a word,
    its header one character a line (``结  结    其    尚   总`` / ``果  果    他    未结  计`` …, one
    character set a little higher standing a line early). Its lines hold the format's labels'
    characters column by column: the format's header, read without a note (GL212 before). Two labels
    of a group swapped (结果纠正 before 结果维持) are not the format's header: read in the format's
    order, and said (GL212)."""
    text = (DATA_DIR / "layout-seed-a4.txt").read_text(encoding="utf-8")
    result = lint(text)
    assert not wrong_cells(cells(result), SEED, "四")
    assert not [d for d in result.diagnostics if d.table == "四"]
    lines = text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("维  纠"))
    lines[at:at + 2] = [lines[at].replace("维  纠", "纠  维"), lines[at + 1].replace("持  正", "正  持")]
    swapped = lint("\n".join(lines))
    assert [d.code for d in swapped.diagnostics if d.table == "四"] == ["GL212"]


def test_pdfplumber_labels_one_character_a_line():
    """The seed printed with 5 cm margins: table 三's group labels stand one character a line in
    their narrow columns (``三`` / ``、`` / ``本`` …, ``（`` / ``三`` / ``）`` / ``不`` …) beside the row
    labels wrapped over many lines, whose characters may read as a blank cell's mark (``4.`` / ``无`` /
    ``正`` …); a paragraph goes on over the page number (``《…`` / ``- 1 -`` / ``…》``). Read as the
    seed: every figure in its cell, the seed's findings (GL202, GL204, GL207, GL605 before)."""
    result = lint((DATA_DIR / "plumb-seed-narrow.txt").read_text(encoding="utf-8"))
    assert not wrong_cells(cells(result), SEED)
    assert not wrong_cells(cells(result), SEED, "四")
    assert keys(result) == keys(lint(rs.to_text(SEED, "cells")))


def test_pdfplumber_group_label_centred_inside_a_wrapped_row_label():
    """The seed's tables drawn without rules, cells vertically centred in taller rows: the group
    label ``（三）`` stands on the figures' line of ``4.保护第三方合法权益``, between that label's pieces
    (``4.保护`` / ``第三方`` / ``（三） 0 0 …`` / ``合法权`` / ``不予公`` / ``益`` / ``开``). It leaves the
    row label open, its rest going on (``（三）合法权不予公益开``: GL202, GL204 before). Table 三's header
    word ``其他`` centred a line below its neighbours cannot be placed without positions (GL212)."""
    result = lint((DATA_DIR / "plumb-seed-ruleless.txt").read_text(encoding="utf-8"))
    assert not wrong_cells(cells(result), SEED)
    assert not wrong_cells(cells(result), SEED, "四")
    assert keys(result) - keys(lint(rs.to_text(SEED, "cells"))) == Counter({("GL212", "三", None, None): 1})


def test_pdfplumber_table4_header_words_wrapped_beside_whole_ones():
    """Landscape A4: table 四's header words wrapped in their columns (``结果维 结果纠 其他结 尚未审
    总计`` over ``持 正 果 结``), whole ones (总计) beside the top halves, a page number between the
    header's lines. The header is read in its columns' order: 总计 was put first, before the halves
    it stands right of, shifting every figure of table 四 a column (three GL304 errors)."""
    result = lint((DATA_DIR / "plumb-distinct-landscape.txt").read_text(encoding="utf-8"))
    assert not wrong_cells(cells(result), DISTINCT)
    assert not wrong_cells(cells(result), DISTINCT, "四")
    assert keys(result) == keys(lint(rs.to_text(DISTINCT, "cells")))


def test_pdftotext_layout_wrapped_figures():
    """14 pt: figures of table 三 wrapped below their row (``121`` / ``5`` under it), table 四's header
    one character a line in columns set one blank apart that do not line up (its lines hold the
    format's labels' characters column by column, a character set a little higher a line early: the
    format's header, read without a note)."""
    result = lint((DATA_DIR / "layout-distinct-split.txt").read_text(encoding="utf-8"))
    assert not wrong_cells(cells(result), DISTINCT)
    assert not wrong_cells(cells(result), DISTINCT, "四")
    expected = keys(lint(rs.to_text(DISTINCT, "cells")))
    assert keys(result) == expected


def drifted(text: str, shifts=(0, 4, 8, 6, 2)) -> str:
    """``text`` with table 三's lines moved right, a run of lines by so many blanks, the next run by
    others: columns that drift as pdftotext's do from one run of lines to the next."""
    lines = text.split("\n")
    a = next(k for k, ln in enumerate(lines) if ln.startswith("三、收到和处理")) + 5
    b = next(k for k, ln in enumerate(lines) if ln.startswith("四、政府信息公开行政复议"))
    run = max(3, (b - a) // len(shifts))
    for k in range(a, b):
        lines[k] = " " * shifts[((k - a) // run) % len(shifts)] + lines[k]
    return "\n".join(lines)


@pytest.mark.parametrize("kw", [dict(label_widths=(2, 2, 2)), dict(label_widths=(3, 3, 4), right=True),
                                dict(label_widths=(2, 3, 3), value_width=6, display=True)], ids=["0", "1", "2"])
def test_generated_layout_drifting(kw):
    from test_layout_text import with_layout
    text = drifted(with_layout(DISTINCT, **kw))
    result = lint(text)
    assert not wrong_cells(cells(result), DISTINCT), text
    assert keys(result) == keys(lint(rs.to_text(DISTINCT, "spaced")))


# ----------------------------------------------------------------------------- text not in reading order

def test_a_header_in_scattered_characters_is_unreadable_not_a_few_columns():
    """pdftotext -raw of a PDF with narrow columns writes table 三's rows in order but its header column
    by column, across a page break: 自 法人或其他组织 总 / … / 然 / 人 / 计 / 商 / 业 / …. The characters
    自 and 总 beginning labels the header lacks are no columns of their own (GL205), and 法人或其他组织
    found among them no reading of the header: the header is unreadable (GL212), the rows' seven
    figures read in the format's order — and a changed figure found."""
    # (with tests/pdf's PDFs, not tests/data's texts: its quotation marks stand on lines of their own, GL605)
    text = (DATA_DIR.parent / "pdf" / "pdftotext-raw-narrow.txt").read_text(encoding="utf-8")
    result = lint(text)
    codes = Counter((d.code, d.table) for d in result.diagnostics if d.table == "三")
    assert codes[("GL212", "三")] == 1 and not [k for k in codes if k[0] in ("GL203", "GL205", "GL211") or k[0].startswith("GL3")]
    assert result.report.table("三").cell("new", "natural").value == 3
    line = text[:text.index("\n3 0 0 0 0 0 3\n")].count("\n") + 2  # (新收's figures)
    changed = text.replace("\n3 0 0 0 0 0 3\n", "\n10 0 0 0 0 0 3\n", 1)
    assert [(d.code, d.line) for d in lint(changed).diagnostics if d.code == "GL303"] == [("GL303", line)]


PROSE = {"GL110", "GL606", "GL401", "GL601", "GL112", "GL114", "GL115"}  # the seed's findings outside the tables


@pytest.mark.parametrize("name, scrambled", [("pdfminer-distinct.txt", {"二", "三", "四"}),
                                             ("pdftotext-raw-distinct.txt", {"三", "四"})])
def test_text_not_in_reading_order(name, scrambled):
    """pdfminer's ``extract_text`` and pdftotext's default mode write a PDF's tables box by box: the
    row labels, wrapped piece by piece, apart from the figures, which follow column by column. No
    figure can be matched to its row and column: each such table is one finding (GL211), not hundreds
    of unknown rows and columns; the findings outside the tables are the PDF's. (pdftotext keeps
    table 二 but for its third column, written after table 三's labels: GL203.) Table 四's column
    labels 行政复议 and 行政诉讼 alone on their lines are no part heading written again."""
    result = lint((DATA_DIR / name).read_text(encoding="utf-8"))
    tables = Counter((d.code, d.table) for d in result.diagnostics if d.table)
    assert {t for (code, t) in tables if code == "GL211"} == scrambled
    assert all(n == 1 for (code, t), n in tables.items() if t in scrambled)
    assert not [k for k in tables if k[1] in scrambled and k[0] != "GL211"]
    assert sum(tables.values()) <= len(scrambled) + 2
    expected = {k for k in keys(lint(rs.to_text(DISTINCT, "cells"))) if k[0] in PROSE}
    assert expected <= set(keys(result))
    # table 四's 行政复议 and 行政诉讼 alone on their lines are its labels, not part 四 written again
    assert not {d.code for d in result.diagnostics} & {"GL102", "GL103"}
    for t in result.report.tables:
        if t.id in scrambled:
            assert t.scrambled >= 10 and not t.rows


def column_ordered(data: rs.ReportData, widths=(3, 3, 3)) -> str:
    """The report with table 三 written as a PDF's boxes are extracted one after the other: the labels'
    lines (the pieces of the label columns, wrapped), then the header's, then each column's figures,
    one a line, a blank line between the columns."""
    laid = single_spaced_table3(data, label_widths=widths)
    labels, figures = [], []
    for ln in laid:
        words = ln.split(" ")
        k = len(words)
        while k and words[k - 1].isdigit():
            k -= 1
        if words[:k]:
            labels.append(" ".join(words[:k]))
        if words[k:]:
            figures.append(words[k:])
    columns = ["\n".join(row[j] for row in figures if j < len(row)) for j in range(max(map(len, figures)))]
    lines = rs.to_text(data, "spaced").split("\n")
    a = next(k for k, ln in enumerate(lines) if ln.startswith("三、收到和处理"))
    b = next(k for k, ln in enumerate(lines) if ln.startswith("四、政府信息公开行政复议"))
    return "\n".join(lines[:a + 1] + labels + [""] + "\n\n".join(columns).split("\n") + lines[b:])


@pytest.mark.parametrize("widths", [(3, 3, 3), (2, 2, 2), (4, 3, 5)])
def test_generated_column_ordered(widths):
    text = column_ordered(DISTINCT, widths)
    result = lint(text)
    three = [d for d in result.diagnostics if d.table == "三"]
    assert [d.code for d in three] == ["GL211"], [d.message for d in three]
    assert "逐行" in three[0].message
    expected = {k for k in keys(lint(rs.to_text(DISTINCT, "spaced"))) if k[1] != "三"}
    assert set(keys(result)) - {k for k in keys(result) if k[1] == "三"} == expected


def test_extract_says_a_table_is_scrambled():
    """``govlint extract`` gives researchers the count of a scrambled table's figures (none read)."""
    import govlint
    rec = govlint.extract((DATA_DIR / "pdfminer-distinct.txt").read_text(encoding="utf-8"))
    by_id = {t["table"]: t for t in rec["tables"]}
    assert by_id["三"]["scrambled"] >= 10 and not [c for c in rec["cells"] if c["table"] == "三"]
    seed = govlint.extract((DATA_DIR / "seed.txt").read_text(encoding="utf-8"))
    assert all(t["scrambled"] == 0 and t["merged_columns"] == [] for t in seed["tables"])
