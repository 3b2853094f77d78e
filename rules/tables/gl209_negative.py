from govlint import rule

from .._common import fmt, odd_cells, where


@rule("GL209", "tables.negative", "error", summary_en="a negative value where only counts are allowed")
def negative(report, ctx):
    """件数、金额不能为负数（只有2019年版“本年增/减”可以为负）。

    What: no cell is negative, except the 2019 edition's 本年增/减 column, where a decrease is
    written as a negative number.
    Why: counts of documents, decisions, applications and cases, and amounts collected, cannot be
    below zero; a minus sign is usually a typing slip or a decrease written in the wrong column.
    A cell of a column the edition does not name is not checked (GL205 reports the column, whose
    figures answer no question of the format: a decrease in 本年增/减 headed otherwise is one).
    Fails: “一、本年新收政府信息公开申请数量 | -3 | …”.
    Passes: 2019 table 二 “行政许可 | 12 | -2 | 30”.
    Basis: format-spec §3.4 (negative numbers), §7.1 T3-4, §7.4; defects C8.
    """
    for table, row, cell in odd_cells(report):
        if cell.kind != "number" or cell.value is None or cell.value >= 0:
            continue
        if cell.column is None and table.unknown_columns:
            continue  # an unknown column (GL205): not held to the rule of counts
        spec = ctx.edition.table(table.id) if ctx.edition else None
        col = spec.column(cell.column, row.block) if spec and cell.column else None
        if col is not None and col.signed:
            continue
        zh, en = where(ctx, table.id, row, cell)
        yield ctx.rule.diag(cell.span, f"{zh}为负数 {fmt(cell.value)}，件数和金额不能小于0",
                            f"{en} is negative ({fmt(cell.value)}); counts and amounts cannot be below 0",
                            cell=cell, table=table.id, actual=cell.value)
