from govlint import rule

from .._common import fmt, odd_cells, many_alike, where


@rule("GL213", "tables.unit-in-cell", "warning", summary_en="a unit or a remark written inside a numeric cell")
def unit_in_cell(report, ctx):
    """单元格只填数字，不写单位、说明或注释标记；金额列的单位已在列名中（万元）。

    What: numeric cells hold a bare number, without 件, 个, 元, 万元 … or a currency sign (¥1500, ￥0.5:
    an amount in 元), and without a remark in brackets (“3（其中1件已撤回）”) or a footnote mark (“5*”,
    “5①”, “5注1”) after the figure. A cell written so is read as its figure — the arithmetic checks
    use 3 and 5 — and reported here once, naming all it carries besides the figure. A table that
    writes a unit in many of its cells (five or more, “3件”, “0件” …: the same unit, one its
    columns do not contradict) is one finding, naming the first and the last.
    Why: the unit belongs to the column label (本年收费金额（单位：万元）); a unit in the cell is
    often a different one (251000元 in a 万元 column is 10,000 times too large once read as 万元).
    A remark or footnote belongs below the table or in the text: in the cell it keeps the figure from
    being read, copied or added up as a number.
    Fails: “行政事业性收费 | 1.5万元 |”, “采购总金额 | 251000元 |”, “行政事业性收费 | ¥1500 |”,
    “（一）予以公开 | 3（其中1件已撤回） |”, “行政许可 | 5* |”.
    Passes: “行政事业性收费 | 1.5 |”.
    Basis: format-spec §3.4 (units), §4.1; defects C7.
    """
    plain = []  # ((table, unit), cell): cells carrying that unit alone, in a column of no other unit
    found = []
    for table, row, cell in odd_cells(report):
        if cell.kind != "number" or not (cell.unit or cell.note) or cell.reading == "chinese_numeral":
            continue  # (a count in Chinese numerals, 十二件: GL208's, unit and all)
        found.append((table, row, cell))
        if cell.unit and not cell.note and not any(ch in "¥￥" for ch in cell.text):
            spec = ctx.edition.table(table.id) if ctx.edition else None
            col = spec.column(cell.column, row.block) if spec and cell.column else None
            if col is None or not col.unit or col.unit == cell.unit:
                plain.append(((id(table), cell.unit), cell))
    grouped = many_alike(plain)
    for table, row, cell in found:
        same = grouped.get(id(cell))
        if same is not None:
            if cell is same[0]:  # the table written with the unit in its cells: one finding
                last = same[-1]
                yield ctx.rule.diag(
                    cell.span, f"表{table.id}有{len(same)}个单元格在数字后写有单位“{cell.unit}”（第{cell.span.line}行“{cell.text}”"
                               f"至第{last.span.line}行“{last.text}”），已按数字读取；单元格应只填数字",
                    f"{len(same)} cells of table {table.id} carry the unit “{cell.unit}” after their figure (line "
                    f"{cell.span.line} “{cell.text}” to line {last.span.line} “{last.text}”), read as the figures; write "
                    "the numbers only", cell=cell, table=table.id, actual=len(same))
            continue
        zh, en = where(ctx, table.id, row, cell)
        spec = ctx.edition.table(table.id) if ctx.edition else None
        col = spec.column(cell.column, row.block) if spec and cell.column else None
        parts, parts_en = [], []
        if cell.unit:
            sign = next((ch for ch in cell.text if ch in "¥￥"), None)
            if sign:
                parts.append(f"货币符号“{sign}”（{cell.unit}）")
                parts_en.append(f"the currency sign “{sign}” ({cell.unit})")
            else:
                parts.append(f"单位“{cell.unit}”")
                parts_en.append(f"the unit “{cell.unit}”")
        if cell.note:
            if cell.note[0] in "（(":
                parts.append(f"说明“{cell.note}”")
                parts_en.append(f"the remark “{cell.note}”")
            else:
                parts.append(f"注释标记“{cell.note}”")
                parts_en.append(f"the footnote mark “{cell.note}”")
        what, what_en = "和".join(parts), " and ".join(parts_en)
        if col is not None and col.unit and cell.unit and cell.unit != col.unit:
            yield ctx.rule.diag(cell.span, f"{zh}写有{what}，但该列单位是“{col.unit}”；请换算为{col.unit}并只填数字",
                                f"{en} carries {what_en} but the column is in {col.unit}; convert and write the number only",
                                cell=cell, table=table.id, actual=cell.text)
        elif cell.note:
            yield ctx.rule.diag(cell.span, f"{zh}写有{what}，已按 {fmt(cell.value)} 读取；单元格应只填数字，说明或注释写在表下或正文中",
                                f"{en} carries {what_en}, read as {fmt(cell.value)}; write the number only and put "
                                "remarks and footnotes below the table or in the text", cell=cell, table=table.id,
                                actual=cell.text, expected=cell.value)
        else:
            yield ctx.rule.diag(cell.span, f"{zh}写有{what}，单元格应只填数字",
                                f"{en} carries {what_en}; write the number only", cell=cell, table=table.id,
                                actual=cell.text)
