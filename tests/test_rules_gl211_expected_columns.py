"""GL211 names the columns a row is expected to fill: those of the table's header as written."""

from __future__ import annotations

import govlint

import reportgen as rg


def _gl211(doc: rg.Doc, extra_in_row: str = "") -> list:
    """GL211 on ``doc`` in pipe tables, ``extra_in_row`` table 三's row with one figure too many."""
    r = rg.render(doc, "pipe")
    lines = r.text.split("\n")
    if extra_in_row:
        lines[r.row("三", extra_in_row) - 1] += " 0 |"
    return [d for d in govlint.lint("\n".join(lines).encode()) if d.code == "GL211"]


def test_a_header_without_a_column_expects_the_columns_it_has():
    """Table 三's header without 法律服务机构 (GL203), a row still with seven figures: the row is
    expected to hold six, and the six are named — not the format's seven (the message said “应为6个”
    and listed seven names)."""
    doc = rg.seed_doc().drop_column("三", "legal_services", "法律服务机构")
    (d,) = _gl211(doc, extra_in_row="new")  # (the row keeps a figure for the column)
    assert "应为6个（自然人、商业企业、科研机构、社会公益组织、其他、总计）" in d.message
    assert "expected 6 (“自然人”, “商业企业”, “科研机构”, “社会公益组织”, “其他”, “总计”)" in d.message_en


def test_a_header_with_an_added_column_expects_it_too():
    """An added column (GL205) is expected too: eight figures, too many to list (the message named
    the format's seven as if they were the eight)."""
    doc = rg.seed_doc().add_column("三", "legal_services", "个体工商户", "7")
    (d,) = _gl211(doc, extra_in_row="new")
    assert "有9个数值，应为8个；" in d.message


def test_rows_that_all_miss_the_header_alike_are_one_finding():
    """Table 三's five 法人或其他组织 columns merged into one (the header: 自然人 | 法人或其他组织 | 总计,
    three figures a row): 25 rows each one figure more than the header's two known columns were 25
    errors; they are one, naming the rows and the header's columns (GL203 names the missing ones)."""
    doc = rg.seed_doc().drop_column("三", "legal_services", "法律服务机构")
    r = rg.render(doc, "pipe")
    lines = r.text.split("\n")
    rows = [r.row("三", rd.id) - 1 for rd in doc.tables["三"].rowdefs()]  # (data rows: groups are no RowDef)
    for i in rows:
        lines[i] += " 0 |"
    ds = [d for d in govlint.lint("\n".join(lines).encode()) if d.code == "GL211"]
    (d,) = ds
    assert d.message.startswith("表三有") and "行（“一、本年新收政府信息公开申请数量”至“四、结转下年度继续办理”" in d.message
    assert "各有7个数值，而表头有6列（自然人、商业企业、科研机构、社会公益组织、其他、总计）" in d.message
    assert d.line == r.row("三", "new")


def test_a_few_rows_short_are_each_a_finding():
    """Three rows with a figure lost (a cell lost in copying): each its own finding, at its row."""
    doc = rg.seed_doc()
    for row in ("new", "carried_over", "disclosed"):
        doc = doc.lose_value("三", row, "business")
    r = rg.render(doc, "pipe")
    ds = [d for d in govlint.lint(r.text.encode()) if d.code == "GL211"]
    assert [d.line for d in ds] == [r.row("三", x) for x in ("new", "carried_over", "disclosed")]
