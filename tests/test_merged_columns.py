"""Table 三 whose 法人或其他组织 group is written as one column (“自然人 | 法人或其他组织 | 总计”, no
商业企业 … 其他 under it): the group's figures are read as the sum of its five columns — the
arithmetic (GL301–GL303) and the text (GL501) are checked with them — and the missing sub-columns are
one GL203 naming the group, not five, in every shape (text one cell a line, rows, spaced, the
seed's own shape, HTML, DOCX)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
import merged_shapes as ms
import render_shapes as rs

SEED = Path(__file__).parent / "data" / "seed.txt"
ALL = govlint.Config(select=("ALL",))
LEGAL = ("business", "research", "nonprofit", "legal_services", "other")
def _cells(obj) -> dict:
    table = govlint.parse(obj).table("三")
    return {(row.id, c.column): c.value for row in table.rows for c in row.cells if c.column}


def _findings(obj, prefix=("GL2", "GL3", "GL5")) -> list[tuple]:
    return sorted((d.code, d.row, d.col, d.expected, d.actual) for d in govlint.lint(obj, config=ALL)
                  if d.code.startswith(prefix))


GL203 = ("GL203", None, "legal", "商业企业、科研机构、社会公益组织、法律服务机构、其他", None)
SHAPES = ["cells", "rows", "spaced", "html", "docx"]

#: (what, the changes to the seed's table 三 figures, the findings only the plain table has, only the
#: merged one has): a figure outside the group breaks the same sums either way; one inside it
#: breaks its column's sum (GL301) in the group's column instead
CASES = [
    ("as published", {}, [], []),
    ("自然人 wrong", {("new", "natural"): "99"}, [], []),
    ("总计 wrong", {("carry_forward", "total"): "7"}, [], []),
    ("a kind of legal person wrong", {("new", "research"): "4"},
     [("GL301", "total", "research", 4, 0)], [("GL301", "total", "legal", 4, 0)]),
]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("what,changes,only_plain,only_merged", CASES, ids=[c[0] for c in CASES])
def test_a_merged_group_is_read_as_its_columns_sum(tmp_path, shape, what, changes, only_plain, only_merged):
    data = rs.load_seed(SEED)
    for (row, col), text in changes.items():
        data = data.with_value("三", row, col, text)
    a, b = ms.plain(data, shape, tmp_path / "plain"), ms.merged(data, shape, tmp_path / "merged")
    want = {k: v for k, v in _cells(a).items() if k[1] not in LEGAL}
    for row in {r for r, _ in _cells(a)}:
        want[(row, "legal")] = sum(v for (r, c), v in _cells(a).items() if r == row and c in LEGAL)
    assert _cells(b) == want and len(want) == 75
    before, after = _findings(a), _findings(b)
    assert [f for f in before if f not in after] == only_plain
    assert [f for f in after if f not in before] == sorted([GL203] + only_merged)
    if changes:
        assert any(f[0].startswith("GL30") for f in after)  # the arithmetic is checked


def test_the_seeds_own_shape():
    text = SEED.read_text(encoding="utf-8")
    changed = text.replace("一、本年新收政府信息公开申请数量 |\n3 |", "一、本年新收政府信息公开申请数量 |\n9 |")
    assert changed != text
    for t in (text, changed):
        before, after = _findings(t), _findings(ms.seed_merged(t))
        assert [f for f in before if f not in after] == []
        assert [f for f in after if f not in before] == [GL203]
    assert ("GL303", "new", "total", 9, 3) in _findings(ms.seed_merged(changed))


def test_one_finding_names_the_group_and_its_columns():
    (d,) = [d for d in govlint.lint(ms.merged(rs.load_seed(SEED), "rows", Path())) if d.code.startswith("GL2")]
    assert d.code == "GL203"
    assert d.message == ("表三表头“法人或其他组织”只写了一列，未按格式分为商业企业、科研机构、社会公益组织、"
                         "法律服务机构、其他5列（该列数字按这5列之和读取）")
    assert d.message_en == ("table 三's header writes “法人或其他组织” as one column, not as the format's 5 "
                            "(商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他): its figures are read as their sum")


SAID = "本年度共收到政府信息公开申请3件，其中自然人申请3件，{who}申请{n}件。"


@pytest.mark.parametrize("who,n,plain_finds,merged_finds", [
    ("法人或其他组织", 0, False, False),
    ("法人或其他组织", 2, True, True),  # the group's figure is its column's
    ("商业企业", 2, True, False),  # one kind of legal person: its figure is not in the merged table
])
def test_the_text_is_checked_against_the_merged_column(who, n, plain_finds, merged_finds):
    data = rs.load_seed(SEED)
    at = data.blocks.index(("table", "三"))
    data.blocks.insert(at, ("p", SAID.format(who=who, n=n)))
    for obj, finds in ((ms.plain(data, "rows", Path()), plain_finds), (ms.merged(data, "rows", Path()), merged_finds)):
        found = [d for d in govlint.lint(obj, config=ALL) if d.code == "GL501"]
        assert bool(found) == finds, (who, n, found)
    if merged_finds:
        (d,) = [d for d in govlint.lint(ms.merged(data, "rows", Path()), config=ALL) if d.code == "GL501"]
        assert "“法人或其他组织”列" in d.message


def test_a_row_with_a_figure_too_many_names_the_merged_column():
    text = ms.merged(rs.load_seed(SEED), "rows", Path())
    text = text.replace("一、本年新收政府信息公开申请数量 | 3 | 0 | 3", "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 3")
    (d,) = [d for d in govlint.lint(text) if d.code == "GL211"]
    assert d.message == ("表三“一、本年新收政府信息公开申请数量”行有4个数值，应为3个（自然人、法人或其他组织、总计）；"
                         "无法确定各数值对应哪一列，该行未参与合计校验")


def test_extract_names_the_merged_group():
    """``govlint extract``: the table record names the group written as one column; its cells are the
    group's column (the five columns' sum)."""
    text = ms.merged(rs.load_seed(SEED), "cells", Path("unused"))
    rec = govlint.extract(text)
    t3 = next(t for t in rec["tables"] if t["table"] == "三")
    assert t3["merged_columns"] == ["legal"]
    cols = {c["column_id"] for c in rec["cells"] if c["table"] == "三"}
    assert "legal" in cols and not cols & set(LEGAL)
