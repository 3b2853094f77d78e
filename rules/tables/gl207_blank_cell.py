from govlint import rule

from .._common import iter_cells, where


@rule("GL207", "tables.blank-cell", "warning", summary_en="a table cell is blank")
def blank_cell(report, ctx):
    """统计表的数字单元格不应留空，没有的填“0”。

    What: every numeric cell of tables 二–四 holds a number.
    Why: a blank cell is ambiguous — zero, unknown, or forgotten — and breaks every total it takes
    part in. The format does not say how to write “none” (unconfirmed), but most reports write 0;
    hence a warning, configurable per project.
    Fails: “规章 |  | 0 | 0 |”.
    Passes: “规章 | 0 | 0 | 0 |”.
    Basis: format-spec §3.4 (empty cells, unconfirmed); defects C6.
    """
    for table, row, cell in iter_cells(report):
        if cell.kind == "blank":
            zh, en = where(ctx, table.id, row, cell)
            yield ctx.rule.diag(cell.span, f"{zh}为空，应填写数字（没有的填0）", f"{en} is blank; write a number (0 for none)",
                                cell=cell, table=table.id, expected=0)
