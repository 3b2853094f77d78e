"""Property tests: any single-cell change to a consistent table 三 or 四 is caught, at the right line.

The tables are generated consistent (every identity of the format holds), rendered in a random text
shape, then one cell is changed: to another integer, to blank, to ``无`` or to a negative number.
What must be found is decided by an oracle written from the format (reportgen.broken_identities),
not by govlint's own edition data.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govlint
from govlint.config import Config

import reportgen as rg

CORE = Config(select=("GL0", "GL10", "GL2", "GL3"))
SETTINGS = settings(derandomize=True, database=None, max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

T3_LEAVES = [r.id for r in rg.T3_ROWS_2021 if r.id not in ("new", "carried_over", "total", "carry_forward")]
T4_OUTCOME_COLUMNS = [c for c in rg.T4_COLUMNS if not c.endswith(".total")]
_small = st.integers(0, 40)
_sparse = st.one_of(st.just(0), st.just(0), _small)  # most cells of real tables are 0


@st.composite
def consistent_doc(draw):
    doc = rg.seed_doc()
    outcomes = draw(st.dictionaries(st.tuples(st.sampled_from(T3_LEAVES), st.sampled_from(rg.T3_APPLICANTS)),
                                    _small, max_size=12))
    forward = {c: draw(_sparse) for c in rg.T3_APPLICANTS}
    carried = {}
    for c in rg.T3_APPLICANTS:
        room = sum(v for (r, cc), v in outcomes.items() if cc == c) + forward[c]
        carried[c] = draw(st.integers(0, room)) if room else 0
    rg.consistent_table3(doc.tables["三"], outcomes, carried, forward)
    rg.consistent_table4(doc.tables["四"], {c: draw(_sparse) for c in T4_OUTCOME_COLUMNS})
    return doc


CHANGES = st.one_of(
    st.tuples(st.just("integer"), st.integers(0, 2000)),
    st.tuples(st.just("blank"), st.just("")),
    st.tuples(st.just("placeholder"), st.sampled_from(["无", "/", "-", "—"])),
    st.tuples(st.just("negative"), st.integers(-500, -1)),
)


def _cell_lines(r: rg.Rendered, table: str, cells) -> set[int]:
    return {r.cell(table, row, col) for row, col in cells}


def check_single_change(doc: rg.Doc, shape: str, table: str, row: str, col: str, kind: str, value) -> None:
    original = doc.value(table, row, col)
    if kind == "integer" and str(value) == original:
        value = int(original) + 1
    doc.set(table, row, col, str(value))
    r = rg.render(doc, shape)
    got = [(d.code, d.line) for d in govlint.lint(r.text, CORE)]
    assert got, f"{kind} {value!r} at 表{table} {row}/{col} ({shape}) not caught"
    assert all(code[:3] in ("GL2", "GL3") for code, _ in got), got

    if kind in ("blank", "placeholder"):
        if kind == "blank" and (shape == "spaced" or (shape == "pipe" and table == "四" and col == rg.T4_COLUMNS[0])):
            # an empty cell cannot be written space-separated, nor as the first cell of table 四's row
            # (no label before it) in rows without outer pipes (`` | 0 | 0 |`` reads as a row opened
            # by a pipe): the row is one value short. (One cell per line writes it as a lone pipe.)
            rows = rg.render(doc, shape)
            if table == "四":  # the row of table 四 has no label: it starts at its first value
                where = min(rows.cell(table, row, c) for c in rg.T4_COLUMNS if doc.value(table, row, c))
            else:
                where = rows.row(table, row)
            assert got == [("GL211", where)]
        else:
            assert got == [("GL207" if kind == "blank" else "GL208", r.cell(table, row, col))]
        return

    broken = rg.broken_identities(doc.tables["三"], doc.tables["四"])
    expected_gl2 = [("GL209", r.cell(table, row, col))] if kind == "negative" else []
    assert sorted(x for x in got if x[0].startswith("GL2")) == expected_gl2
    gl3 = [x for x in got if x[0].startswith("GL3")]
    # one finding per broken identity, each on the line of a cell taking part in it
    assert Counter(code for code, _ in gl3) == Counter(code for code, _ in broken), (gl3, broken)
    for code, line in gl3:
        assert any(code == bc and line in _cell_lines(r, table, cells) for bc, cells in broken), (code, line)
    # the changed cell always takes part in a broken identity
    assert any((row, col) in cells for _, cells in broken)


@SETTINGS
@given(consistent_doc(), st.sampled_from(rg.SHAPES), st.sampled_from(rg.table3().cells()), CHANGES)
def test_any_single_change_to_table_three_is_caught(doc, shape, cell, change):
    assert rg.broken_identities(doc.tables["三"], doc.tables["四"]) == []
    check_single_change(doc, shape, "三", cell[0], cell[1], *change)


@SETTINGS
@given(consistent_doc(), st.sampled_from(rg.SHAPES), st.sampled_from(rg.T4_COLUMNS), CHANGES)
def test_any_single_change_to_table_four_is_caught(doc, shape, col, change):
    check_single_change(doc, shape, "四", "cases", col, *change)


@SETTINGS
@given(consistent_doc(), st.sampled_from(rg.SHAPES))
def test_consistent_tables_give_nothing(doc, shape):
    assert govlint.lint(rg.render(doc, shape).text, CORE) == []


# ----------------------------------------------------------------------------- the seed file itself

_SEED_LINES = rg.SEED.read_text(encoding="utf-8").splitlines()


def _seed_cells() -> dict[tuple[str, str, str], int]:
    """(table, row, column) -> line of every value of tables 三 and 四 in the seed file, found by
    reading its one-cell-per-line shape directly (independently of govlint)."""
    start3 = _SEED_LINES.index("三、收到和处理政府信息公开申请情况")
    start4 = _SEED_LINES.index("四、政府信息公开行政复议、行政诉讼情况")
    end4 = next(i for i, s in enumerate(_SEED_LINES) if s.startswith("五、"))
    value = re.compile(r"^\d+ \|$")
    v3 = [i + 1 for i in range(start3, start4) if value.match(_SEED_LINES[i])]
    v4 = [i + 1 for i in range(start4, end4) if value.match(_SEED_LINES[i])]
    cols3 = [c for c, _ in rg.T3_COLUMNS]
    assert len(v3) == 25 * 7 and len(v4) == 15
    out = {}
    for k, line in enumerate(v3):
        out[("三", rg.T3_ROWS_2021[k // 7].id, cols3[k % 7])] = line
    for k, line in enumerate(v4):
        out[("四", "cases", rg.T4_COLUMNS[k])] = line
    return out


SEED_CELLS = _seed_cells()


def _seed_doc_values() -> tuple[rg.TableData, rg.TableData]:
    t3, t4 = rg.table3(), rg.table4()
    for (tid, row, col), line in SEED_CELLS.items():
        (t3 if tid == "三" else t4).values[(row, col)] = _SEED_LINES[line - 1].split()[0]
    return t3, t4


@SETTINGS
@given(st.sampled_from(sorted(SEED_CELLS)), CHANGES.filter(lambda c: c[0] != "blank"))
def test_any_single_change_to_the_seed_file_is_caught(cell, change):
    kind, value = change
    t3, t4 = _seed_doc_values()
    assert rg.broken_identities(t3, t4) == []
    line = SEED_CELLS[cell]
    original = _SEED_LINES[line - 1].split()[0]
    if kind == "integer" and str(value) == original:
        value = int(original) + 1
    lines = list(_SEED_LINES)
    lines[line - 1] = f"{value} |"
    got = [(d.code, d.line) for d in govlint.lint("\n".join(lines) + "\n", CORE)]
    if kind == "placeholder":
        assert got == [("GL208", line)]
        return
    (t3 if cell[0] == "三" else t4).values[cell[1:]] = str(value)
    broken = rg.broken_identities(t3, t4)
    assert broken
    gl2 = [x for x in got if x[0].startswith("GL2")]
    assert gl2 == ([("GL209", line)] if kind == "negative" else [])
    gl3 = [x for x in got if x[0].startswith("GL3")]
    assert Counter(c for c, _ in gl3) == Counter(c for c, _ in broken)
    for code, ln in gl3:
        assert any(code == bc and ln in {SEED_CELLS[(cell[0], r, c)] for r, c in cells} for bc, cells in broken)
    assert len(got) == len(gl2) + len(gl3)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("|｜ \t\u3000-—:：=+0１2规章（）无x")), max_size=14))
def test_pipe_lines_are_cut_as_the_general_classifier_cuts_them(line):
    """``_pipe_line`` (kind and cells from one split) gives the kind and cells that
    ``_classify_line`` and ``split_cells`` give."""
    from govlint.parse import _classify_line, _pipe_line, split_cells

    if "|" not in line and "｜" not in line:
        return
    kind, cells = _pipe_line(line, 7)
    assert kind == _classify_line(line)
    assert list(cells) == split_cells(kind, line, 7)


def test_words_are_cut_where_the_word_pattern_cuts_them():
    """Space-separated lines are cut with str.split() (and str.find for the offsets): the blanks it
    cuts at are exactly those the word pattern skips, for every character there is."""
    import random

    from govlint.parse import _WS_TOKEN, split_cells

    words = [chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF]
    assert [c for c in words if not _WS_TOKEN.fullmatch(c)] == [c for c in words if c.isspace()]
    blanks = [c for c in words if c.isspace()] + ["\u200b", "\ufeff"]
    rng = random.Random(7)
    for _ in range(3000):
        line = "".join(rng.choice(blanks + ["一", "12", "a", "（一）"]) for _ in range(rng.randint(0, 12)))
        assert split_cells("SPACED", line, 5) == [(m.group(), 5 + m.start(), 5 + m.end(), True)
                                                  for m in _WS_TOKEN.finditer(line)], repr(line)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["规章 |", "0 |", " 12 |\r", "|||", "| 0", "a | b |", "- |", "—— |", "--- |",
                                 "：|", "一、总体情况", "", "  ", "本机关收到申请5件。", "规章 0 0", "x｜",
                                 "\u3000无 |", "1 |  ", "(一)予以公开 |", "a |\r ", "b\r |", "c｜ |", "d | ｜",
                                 "\x0be |\x0c", "f |\r\r", "| |", " |", "g ||", "— — |", "\u3000|\u3000"]), max_size=30))
def test_one_cell_line_shortcut_classifies_as_the_line_by_line_path(lines):
    """``classify`` reads ``规章 |`` lines with a few str operations (``_cell_line``); the lines it
    returns are those of the line-by-line classification."""
    import sys

    parse = sys.modules["govlint.parse"]
    from govlint.engine import default_engine

    vocab = default_engine().vocab
    for text in ("\n".join(lines), "\n".join(lines) + "\n", "\r\n".join(lines)):
        quick = parse.classify(text, vocab)
        parse._CELL_LINE_SHORTCUT = False
        try:
            slow = parse.classify(text, vocab)
        finally:
            parse._CELL_LINE_SHORTCUT = True
        assert quick == slow, text


def test_one_cell_line_shortcut_on_real_reports():
    import sys
    from pathlib import Path

    parse = sys.modules["govlint.parse"]
    from govlint.engine import default_engine

    vocab = default_engine().vocab
    data = Path(__file__).parent / "data"
    for path in [data / "seed.txt", *sorted(data.glob("20*.txt"))]:
        text = path.read_text(encoding="utf-8")
        quick = parse.classify(text, vocab)
        parse._CELL_LINE_SHORTCUT = False
        try:
            assert parse.classify(text, vocab) == quick, path.name
        finally:
            parse._CELL_LINE_SHORTCUT = True


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.data())
def test_leaf_order_memo_gives_the_order_computed_afresh(data):
    """The aligner remembers the column order of a header (reports repeat headers); what it remembers
    is what it would compute, whatever the block and however the header is written."""
    from govlint import build
    from govlint.engine import default_engine
    from govlint.parse import RawCell
    from govlint.source import Source

    editions = default_engine().editions
    spec = data.draw(st.sampled_from([t for ed in sorted(editions) for t in editions[ed].tables]))
    blk = data.draw(st.sampled_from(spec.blocks))
    keys = sorted({k for b in spec.blocks for c in b.columns for k in c.keys()}) + ["其他", "说明"]
    header = data.draw(st.lists(st.sampled_from(keys), max_size=14))
    source = Source(text="x" * 64)

    def order():
        aligner = build._Aligner(source, spec, None)
        aligner.header = [(k, RawCell(k, i, i + 1)) for i, k in enumerate(header)]
        aligner._finish_header(blk)
        return aligner.order, aligner.header_recognised

    remembered = order()  # from the memo when an earlier example wrote this header
    build._SPEC_MEMO.clear()
    assert order() == remembered
