from govlint import rule

from .._common import TABLE_NAMES, TABLE_NAMES_EN, blank_row, column_label, odd_cells, many_alike, row_columns, shifted_row, where


def _unfilled(ctx, table) -> int:
    """The number of blank cells of ``table`` when not one of its rows holds a value (an unfilled
    table, as in the format's template), else 0."""
    rows = [r for r in table.rows if r.id is not None]
    if len(rows) < 2 or any(c.kind != "blank" for r in rows for c in (*r.cells, *r.raw_values)):
        return 0
    if any(r.cells == () and not blank_row(table, r) for r in rows):
        return 0
    return sum(len(r.cells) if r.cells else len(row_columns(ctx, table, r)) for r in rows)


@rule("GL207", "tables.blank-cell", "warning", summary_en="a table cell is blank")
def blank_cell(report, ctx):
    """统计表的数字单元格不应留空，没有的填“0”。

    What: every numeric cell of tables 二–四 holds a number. A row whose label is followed by no value
    at all (or by blank cells only) is one finding for the row, naming its blank columns.
    Why: a blank cell is ambiguous — zero, unknown, or forgotten — and breaks every total it takes
    part in. The format does not say how to write “none” (unconfirmed), but most reports write 0;
    hence a warning, configurable per project.
    A table none of whose cells holds a value (the format's template, not filled in) is one
    finding for the table, not one per cell; so are the blank cells of a table that leaves five or
    more blank (zeros written as blanks), naming the lines they span. Blank cells at the start or the end of a row of table
    三 or 四 whose columns are filled in the other rows (table 四: always), in a table that writes
    no blank between figures, are named as what they more often are: the cells left by figures standing a column beside their own (two cells run together
    in a converted grid, “12 3” or “123”; a label cell holding the first figure); the row then takes
    no part in the GL3 checks, whose sums would mix its columns.
    Fails: “规章 |  | 0 | 0 |”; “行政许可 |” with nothing after it; table 三 with its 175 cells blank
    (one finding).
    Passes: “规章 | 0 | 0 | 0 |”.
    Basis: format-spec §3.4 (empty cells, unconfirmed); defects C6.
    """
    unfilled = set()
    for table in report.tables:
        n = _unfilled(ctx, table) if table.id is not None else 0
        if n:
            unfilled.add(id(table))
            yield ctx.rule.diag(table.span, f"{TABLE_NAMES[table.id]}的{n}个数字单元格全部为空：表格尚未填写，应填写数字（没有的填0）",
                                f"all {n} figures of {TABLE_NAMES_EN[table.id]} are blank: the table was not filled in; "
                                "write numbers (0 for none)", table=table.id, expected=0)
    blanks = [(table, row, cell) for table, row, cell in odd_cells(report)
              if cell.kind == "blank" and id(table) not in unfilled]
    shifted = {id(row) for table, row, _ in blanks if table.id in ("三", "四") and shifted_row(table, row)}
    # a table written with blanks for its zeros (many blank cells): one finding, not one per cell
    many = many_alike((id(table), cell) for table, row, cell in blanks if id(row) not in shifted)
    for table, row, cell in blanks:
        same = many.get(id(cell))
        if same is not None:
            if cell is same[0]:
                last = same[-1]
                yield ctx.rule.diag(
                    cell.span, f"{TABLE_NAMES[table.id]}有{len(same)}个数字单元格为空（第{cell.span.line}至{last.span.line}行），"
                               "应填写数字（没有的填0）",
                    f"{len(same)} figures of {TABLE_NAMES_EN[table.id]} are blank (lines {cell.span.line}–"
                    f"{last.span.line}); write numbers (0 for none)", cell=cell, table=table.id, expected=0)
            continue
        zh, en = where(ctx, table.id, row, cell)
        if id(row) in shifted:
            # blank at the end of a row whose column is filled elsewhere: the row may be one figure short
            yield ctx.rule.diag(
                cell.span, f"{zh}为空：本行数字比列数少，可能已错位到相邻的列（如两格数字连写、行名与第一个数字连写），"
                           "请与原件核对；本行未参与合计校验",
                f"{en} is blank: the row has fewer figures than columns, so they may stand in the columns "
                "beside their own (two cells run together, or the label holding the first figure); check it "
                "against the original; the row is left out of the arithmetic checks",
                cell=cell, table=table.id, expected=0)
            continue
        yield ctx.rule.diag(cell.span, f"{zh}为空，应填写数字（没有的填0）", f"{en} is blank; write a number (0 for none)",
                            cell=cell, table=table.id, expected=0)
    for table in report.tables:
        if table.id is None or id(table) in unfilled:
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
