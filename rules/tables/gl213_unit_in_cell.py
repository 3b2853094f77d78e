from govlint import rule

from .._common import iter_cells, where


@rule("GL213", "tables.unit-in-cell", "warning", summary_en="a unit written inside a numeric cell")
def unit_in_cell(report, ctx):
    """单元格只填数字，不写单位；金额列的单位已在列名中（万元）。

    What: numeric cells hold a bare number, without 件, 个, 元, 万元 … or a currency sign (¥1500, ￥0.5:
    an amount in 元).
    Why: the unit belongs to the column label (本年收费金额（单位：万元）); a unit in the cell is
    often a different one (251000元 in a 万元 column is 10,000 times too large once read as 万元).
    Fails: “行政事业性收费 | 1.5万元 |”, “采购总金额 | 251000元 |”, “行政事业性收费 | ¥1500 |”.
    Passes: “行政事业性收费 | 1.5 |”.
    Basis: format-spec §3.4 (units), §4.1; defects C7.
    """
    for table, row, cell in iter_cells(report):
        if cell.kind != "number" or not cell.unit:
            continue
        zh, en = where(ctx, table.id, row, cell)
        sign = next((ch for ch in cell.text if ch in "¥￥"), None)
        unit, unit_en = (f"货币符号“{sign}”（{cell.unit}）", f"the currency sign “{sign}” ({cell.unit})") if sign \
            else (f"单位“{cell.unit}”", f"the unit “{cell.unit}”")
        spec = ctx.edition.table(table.id) if ctx.edition else None
        col = spec.column(cell.column, row.block) if spec and cell.column else None
        if col is not None and col.unit and cell.unit != col.unit:
            yield ctx.rule.diag(cell.span, f"{zh}写有{unit}，但该列单位是“{col.unit}”；请换算为{col.unit}并只填数字",
                                f"{en} carries {unit_en} but the column is in {col.unit}; convert and write the number only",
                                cell=cell, table=table.id, actual=cell.text)
        else:
            yield ctx.rule.diag(cell.span, f"{zh}写有{unit}，单元格应只填数字",
                                f"{en} carries {unit_en}; write the number only", cell=cell, table=table.id,
                                actual=cell.text)
