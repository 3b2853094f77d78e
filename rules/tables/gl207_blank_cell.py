from govlint import rule

from .._common import blank_row, column_label, iter_cells, row_columns, where


@rule("GL207", "tables.blank-cell", "warning", summary_en="a table cell is blank")
def blank_cell(report, ctx):
    """统计表的数字单元格不应留空，没有的填“0”。

    What: every numeric cell of tables 二–四 holds a number. A row whose label is followed by no value
    at all (or by blank cells only) is one finding for the row, naming its blank columns.
    Why: a blank cell is ambiguous — zero, unknown, or forgotten — and breaks every total it takes
    part in. The format does not say how to write “none” (unconfirmed), but most reports write 0;
    hence a warning, configurable per project.
    Fails: “规章 |  | 0 | 0 |”; “行政许可 |” with nothing after it.
    Passes: “规章 | 0 | 0 | 0 |”.
    Basis: format-spec §3.4 (empty cells, unconfirmed); defects C6.
    """
    for table, row, cell in iter_cells(report):
        if cell.kind == "blank":
            zh, en = where(ctx, table.id, row, cell)
            yield ctx.rule.diag(cell.span, f"{zh}为空，应填写数字（没有的填0）", f"{en} is blank; write a number (0 for none)",
                                cell=cell, table=table.id, expected=0)
    for table in report.tables:
        if table.id is None:
            continue
        for row in table.rows:
            if not blank_row(table, row):
                continue
            cols = [column_label(ctx, table.id, c.id, row.block) for c in row_columns(ctx, table, row)]
            if not cols:
                continue
            zh, en = where(ctx, table.id, row)
            if len(cols) == 1:
                blank, blank_en = f"“{cols[0]}”列为空", f"column “{cols[0]}” is blank"
            else:
                blank = f"{'、'.join(cols)}{len(cols)}列均为空" if len(cols) <= 7 else f"{len(cols)}列均为空"
                blank_en = f"its {len(cols)} columns are blank"
            yield ctx.rule.diag(row.span, f"{zh}没有填写数字（{blank}），应填写数字（没有的填0）",
                                f"{en} has no figures ({blank_en}); write numbers (0 for none)",
                                table=table.id, row=row.id, expected=0)
