"""Defect cases (tests/cases/core.toml): one edit of the seed report, every text shape, exact findings.

Each case states a defect ("set table 三 row new column natural to 4") and the findings it must give
as (code, place); the test renders the edited seed in every shape and checks that govlint reports
exactly those findings of the core families (GL0–GL3), each on the line its place has in that
rendering.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

import govlint
from govlint.config import Config

import reportgen as rg

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = tomllib.loads((Path(__file__).parent / "cases" / "core.toml").read_text(encoding="utf-8"))["case"]
CORE = Config(select=("GL0", "GL10", "GL2", "GL3"))


def _key(at: list) -> tuple:
    kind, *rest = at
    if kind == "hdr" and len(rest) == 2:  # a header cell of a one-block table
        return ("hdr", rest[0], None, rest[1])
    return (kind, *rest)


def findings(text: str, config: Config = CORE) -> Counter:
    return Counter((d.code, d.line) for d in govlint.lint(text, config))


@pytest.mark.parametrize("shape", rg.SHAPES)
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case, shape):
    doc = rg.seed_doc()
    for edit in case["edits"]:
        rg.apply_edit(doc, edit)
    rendered = rg.render(doc, shape)
    expect = case.get(f"expect_{shape}", case["expect"])
    expected = Counter((e["code"], rendered.lines[_key(e["at"])]) for e in expect)
    got = findings(rendered.text)
    assert got == expected, f"\n{shape}: expected {sorted(expected.elements())}\n got {sorted(got.elements())}"


@pytest.mark.parametrize("shape", ["pipe", "spaced"])
def test_group_labels_on_lines_of_their_own(shape):
    """Group labels (三、本年度办理结果, （三）不予公开 …) written on a line of their own, not before the
    first row of the group, give the same findings."""
    doc = rg.seed_doc().set("三", "withheld.security", "natural", "1")
    r = rg.render(doc, shape, groups_inline=False)
    assert findings(r.text) == Counter({("GL302", r.cell("三", "total", "natural")): 1,
                                        ("GL303", r.cell("三", "withheld.security", "total")): 1})


def test_the_cases_can_fail():
    """The seed itself has none of the findings the cases expect (so every case tests its edit)."""
    for shape in rg.SHAPES:
        assert findings(rg.render(rg.seed_doc(), shape).text) == Counter()


def test_diagnostic_names_the_cell_and_the_expected_value():
    doc = rg.seed_doc().set("三", "new", "natural", "4")
    r = rg.render(doc, "pipe")
    by_code = {d.code: d for d in govlint.lint(r.text, CORE)}
    d = by_code["GL303"]
    assert (d.table, d.row, d.col) == ("三", "new", "total")
    assert d.expected == 4 and d.actual == 3
    assert "一、本年新收政府信息公开申请数量" in d.message and "总计" in d.message and "4" in d.message
    d = by_code["GL301"]
    assert (d.table, d.row, d.col) == ("三", "total", "natural")
    assert "自然人" in d.message and "4" in d.message and "3" in d.message
    # the column is the exact span of the cell in the line
    line = r.text.splitlines()[d.line - 1]
    assert line[d.column - 1:d.end_column - 1] == "3"
