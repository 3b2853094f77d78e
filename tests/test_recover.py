"""govlint.recover: splitting digits that run together, only when the table's identities allow one
split — never a guessed value, never an arithmetic finding built on a guess."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flatgen
import govlint
from govlint import recover
from govlint.numbers import parse_cell
from govlint.parse import RawCell

pytestmark = pytest.mark.filterwarnings("ignore")


def _row(*texts: str) -> list[recover.Piece]:
    """A row's digit run, as whitespace-separated pieces (offsets as if separated by one space)."""
    out, off = [], 0
    for t in texts:
        out.append(recover.Piece(RawCell(t, off, off + len(t)), parse_cell(t), True))
        off += len(t) + 1
    return out


def _spec(table: str, eid: str = "2021"):
    spec = flatgen.edition(eid).table(table)
    cols = spec.blocks[0].leaves()
    return spec, cols, recover._constraints(spec, cols)


def _splits(pieces, cols, cons):
    return sorted(tuple(c[3] for c in s.cells) for s in recover.search(pieces, cols, cons, 10**6, 10**9))


def _brute(texts, k, cons):
    """Every way to cut the pieces into k cells without leading zeros that satisfies ``cons``
    (all choices of the missing cut positions inside the pieces, checked one by one)."""
    joined = "".join(texts)
    ends, pos = [], 0
    for t in texts:
        pos += len(t)
        ends.append(pos)
    inner = [i for i in range(1, len(joined)) if i not in ends]
    out = set()
    for extra in itertools.combinations(inner, k - len(texts)):
        cuts = [0, *sorted([*extra, *ends])]
        cells = [joined[a:b] for a, b in zip(cuts, cuts[1:])]
        if any(len(c) > 1 and c[0] == "0" for c in cells):
            continue
        v = [int(c) for c in cells]
        if all(sum(v[i] for i in lhs) == sum(v[i] for i in rhs) for lhs, rhs in cons):
            out.add(tuple(v))
    return sorted(out)


# ----------------------------------------------------------------------------- the row search


def test_row_identity_splits_the_issue_example():
    spec, cols, cons = _spec("三")
    assert _splits(_row("713000074"), cols, cons) == [(71, 3, 0, 0, 0, 0, 74)]
    assert _splits(_row("21710000218"), cols, cons) == [(217, 1, 0, 0, 0, 0, 218)]


def test_whitespace_is_always_a_cell_boundary():
    spec, cols, cons = _spec("三")
    # 2019 Pingtan writes “230 000023” for 23 | 0 | 0 | 0 | 0 | 0 | 23
    assert _splits(_row("230", "000023"), cols, cons) == [(23, 0, 0, 0, 0, 0, 23)]
    # without the space, 2 | 30 … would be considered too; with it, no cell may cross it
    for split in _splits(_row("230", "000023"), cols, ()):
        assert split[0] in (2, 23, 230)


def test_leading_zeros_and_integer_columns():
    spec, cols, cons = _spec("二")
    three = spec.blocks[0].leaves()
    assert _splits(_row("000"), three, ()) == [(0, 0, 0)]  # forced: every cell one digit
    assert _splits(_row("0010"), three, ()) == [(0, 0, 10)]  # the only split without a leading zero
    assert len(_splits(_row("6233440"), three, ())) > 1  # table 二 has no identity: many splits
    assert _splits(_row("12.5"), three, ()) == []  # a decimal point in an integer column


@pytest.mark.parametrize("table", ["三", "四"])
@settings(max_examples=60, derandomize=True, deadline=None)
@given(data=st.data())
def test_search_equals_brute_force(table, data):
    """The pruned search finds exactly the splits a brute-force enumeration finds."""
    spec, cols, cons = _spec(table)
    k = len(cols)
    n = data.draw(st.integers(k, k + (5 if table == "三" else 3)))
    digits = data.draw(st.text(alphabet="0001123459", min_size=n, max_size=n))
    cuts = data.draw(st.sets(st.integers(1, n - 1), max_size=3))
    bounds = [0, *sorted(cuts), n]
    texts = [digits[a:b] for a, b in zip(bounds, bounds[1:])]
    assert _splits(_row(*texts), cols, cons) == _brute(texts, k, cons)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(st.one_of(st.just(0), st.integers(0, 9), st.integers(0, 999)), min_size=6, max_size=6))
def test_random_consistent_row_never_recovers_a_wrong_value(parts):
    """A consistent row run together: its own split is always a candidate, so a unique candidate is it."""
    spec, cols, cons = _spec("三")
    values = (*parts, sum(parts))
    found = _splits(_row("".join(map(str, values))), cols, cons)
    assert tuple(values) in found
    if len(found) == 1:
        assert found[0] == tuple(values)


def test_search_is_bounded():
    spec, cols, cons = _spec("三")
    run = "1" + "".join(random.Random(1).choice("123456789") for _ in range(59))
    with pytest.raises(recover._TooMany):
        recover.search(_row(run), cols, cons, 64, max_nodes=500)


# ----------------------------------------------------------------------------- whole tables


def _table3(values: dict, **kw):
    text = flatgen.report_text(flatgen.table3_text(values), **kw)
    return text, govlint.parse(text)


def _codes(text: str, prefix: tuple = ("GL2", "GL3")) -> list[tuple[str, str, str]]:
    return sorted((d.code, d.table or "", d.row or "") for d in govlint.lint(text)
                  if d.code.startswith(prefix) and d.code != "GL214")


@settings(max_examples=25, derandomize=True, deadline=None)
@given(st.integers(0, 10**6))
def test_random_consistent_table_recovers_or_says_it_cannot(seed):
    """Random consistent tables 三, every row run together: each row is read exactly as written or
    reported as unreadable (GL211) — never a wrong value, never an arithmetic finding."""
    values = flatgen.consistent_table3(random.Random(seed))
    text, report = _table3(values)
    table = report.table("三")
    for row in table.rows:
        if row.cells:
            assert [c.value for c in row.cells] == values[row.id], row.id
        else:
            assert row.unsplit in ("ambiguous", "too_many"), (row.id, row.unsplit)
    diags = govlint.lint(text)
    assert not [d for d in diags if d.code.startswith("GL3")]
    unread = {row.id for row in table.rows if row.unsplit}
    assert {d.row for d in diags if d.code == "GL211"} == unread


def test_column_identities_decide_between_row_candidates():
    """（一）予以公开 “270020130” fits its row identity two ways (27|0|0|2|0|1|30 and 2|7|0|0|20|1|30);
    only the first keeps the columns of the table consistent (2021 Pingtan)."""
    values = {"new": [27, 0, 0, 2, 0, 1, 30], "disclosed": [27, 0, 0, 2, 0, 1, 30],
              "total": [27, 0, 0, 2, 0, 1, 30]}
    spec, cols, cons = _spec("三")
    assert len(_splits(_row("270020130"), cols, cons)) == 2
    text, report = _table3({**values, "new": [27, 0, 0, 2, 0, 1, 30]})
    # 一 and （七） written apart (space-separated): fixed; （一） run together: decided by the columns
    text = text.replace("一、本年新收政府信息公开申请数量270020130", "一、本年新收政府信息公开申请数量 27 0 0 2 0 1 30")
    text = text.replace("（七）总计270020130", "（七）总计 27 0 0 2 0 1 30")
    report = govlint.parse(text)
    row = report.table("三").row("disclosed")
    assert [c.value for c in row.cells] == [27, 0, 0, 2, 0, 1, 30]
    assert row.recovery == "identities"


def test_ambiguous_run_gives_gl211_and_no_arithmetic_finding():
    """“011000011” is 0|11|0|0|0|0|11 or 0|1|10|0|0|0|11; written so for 一, （一） and （七）, both
    readings satisfy every identity of the table: the rows are not guessed."""
    spec, cols, cons = _spec("三")
    assert _splits(_row("011000011"), cols, cons) == [(0, 1, 10, 0, 0, 0, 11), (0, 11, 0, 0, 0, 0, 11)]
    text = flatgen.report_text(flatgen.table3_text({}))
    for label in ("一、本年新收政府信息公开申请数量", "（一）予以公开", "（七）总计"):
        text = text.replace(label + "0000000", label + "011000011")
    report = govlint.parse(text)
    table = report.table("三")
    for rid in ("new", "disclosed", "total"):
        assert table.row(rid).unsplit == "ambiguous" and not table.row(rid).cells
    assert _codes(text) == [("GL211", "三", "disclosed"), ("GL211", "三", "new"), ("GL211", "三", "total")]
    msg = next(d.message for d in govlint.lint(text) if d.code == "GL211" and d.row == "new")
    assert "“011000011”" in msg and "多种拆分方式" in msg


def _pingtan(year: int) -> str:
    return (flatgen.__file__.rsplit("/", 1)[0] + f"/data/{year}-pingtan.txt")


def test_changed_digit_with_no_consistent_split_gives_gl211_not_gl3():
    text = open(_pingtan(2024), encoding="utf-8").read()
    assert "（一）予以公开710000071" in text
    broken = text.replace("（一）予以公开710000071", "（一）予以公开710000072")
    report = govlint.parse(broken)
    assert report.table("三").row("disclosed").unsplit == "inconsistent"
    found = _codes(broken)
    assert ("GL211", "三", "disclosed") in found
    assert not [c for c in found if c[0].startswith("GL3")]
    msg = next(d.message for d in govlint.lint(broken) if d.code == "GL211" and d.row == "disclosed")
    assert "“710000072”" in msg and "没有一种拆分方式" in msg


def test_changed_digit_breaking_a_column_makes_the_bound_rows_unreadable():
    """（一） “710000071” -> “720000072” still fits its own row (72|0|…|72), but then no reading of the
    rows bound by the column identities is consistent: they are reported unread, not as GL302."""
    text = open(_pingtan(2024), encoding="utf-8").read()
    broken = text.replace("（一）予以公开710000071", "（一）予以公开720000072")
    found = _codes(broken)
    assert not [c for c in found if c[0].startswith("GL3")]
    assert ("GL211", "三", "disclosed") in found and ("GL211", "三", "total") in found


def test_forced_row_keeps_its_arithmetic_findings():
    """A row with as many digits as cells is read as written (no guess): a wrong total there is a
    true finding (GL303), and the note GL214 says how it was read."""
    text = flatgen.report_text(flatgen.table3_text({}))
    text = text.replace("1.属于国家秘密0000000", "1.属于国家秘密1000002")
    report = govlint.parse(text)
    row = report.table("三").row("withheld.state_secret")
    assert [c.value for c in row.cells] == [1, 0, 0, 0, 0, 0, 2] and row.recovery == "forced"
    assert ("GL303", "三", "withheld.state_secret") in _codes(text)


def test_table4_groups_and_2019_edition():
    values = [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]
    text = flatgen.report_text(flatgen.table3_text({}), table4=flatgen.table4_text(values))
    report = govlint.parse(text)
    assert [c.value for c in report.table("四").rows[0].cells] == values
    # the 2019 edition (（六）其他处理 one row) read from its own labels
    values3 = {"new": [23, 0, 0, 0, 0, 0, 23], "total": [23, 0, 0, 0, 0, 0, 23],
               "unable.not_held": [16, 0, 0, 0, 0, 0, 16], "other_handling": [7, 0, 0, 0, 0, 0, 7]}
    t2019 = flatgen.table3_text(values3, eid="2019")
    report = govlint.parse(flatgen.report_text(t2019, table2=flatgen.table2_text({}, eid="2019"), year=2019))
    assert report.edition == "2019"
    got = {r.id: [c.value for c in r.cells] for r in report.table("三").rows}
    for rid, v in values3.items():
        assert got[rid] == v


def test_recovered_cells_point_at_their_digits():
    path = _pingtan(2022)
    lines = open(path, encoding="utf-8").read().split("\n")
    report = govlint.parse(path)
    n = 0
    for table in report.tables:
        for row in table.rows:
            for c in row.cells:
                if c.recovered:
                    n += 1
                    s = c.span
                    assert s.line == s.end_line
                    assert lines[s.line - 1][s.column - 1:s.end_column - 1] == c.text
    assert n > 100
    new = report.table("三").row("new")
    assert [c.text for c in new.cells] == ["71", "3", "0", "0", "0", "0", "74"]
    assert new.cells[1].span.column == new.cells[0].span.column + 2


def test_gl214_notes_each_table_once_and_names_the_rows_the_totals_decided():
    path = _pingtan(2024)
    diags = [d for d in govlint.lint(path) if d.code == "GL214"]
    assert [(d.table, d.severity.value) for d in diags] == [("二", "info"), ("三", "info"), ("四", "info")]
    t3 = diags[1]
    assert t3.actual == 25 and "表三有25行" in t3.message
    # the rows the totals decided are named with their digits and cells; the others are counted
    assert "“21710000218”→217 | 1 | 0 | 0 | 0 | 0 | 218" in t3.message and "按合计关系唯一拆分6行" in t3.message
    assert "19行只有一种拆分方式" in t3.message and "“0000000”" not in t3.message
    assert "and 2 more" in t3.message_en
    # it points at the first row the totals decided
    line = open(path, encoding="utf-8").read().split("\n")[t3.line - 1]
    assert line[t3.column - 1:t3.end_column - 1] == "21710000218"
    # a table whose only split row had one possible split says so, with the row
    assert "只有一种拆分方式（如“规章”“000”→0 | 0 | 0）" in diags[0].message

