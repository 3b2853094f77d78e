from govlint import rule

from .._common import column_label


@rule("GL203", "tables.column-missing", "error", summary_en="a column of the edition's table is missing")
def column_missing(report, ctx):
    """表头应有格式规定的每一列。

    What: the header of each table names every column of the edition (表三: 自然人, 商业企业, 科研机构,
    社会公益组织, 法律服务机构, 其他, 总计; 表四: 结果维持 … 总计 under each of the three groups).
    Why: a dropped column shifts every figure after it; govlint aligns values by the header's labels,
    so it can say which column is gone instead of reporting wrong sums.
    Fails: a table 三 header without “法律服务机构”.
    Passes: the full header.
    Basis: format-spec §4.2–4.3; defects B3.
    """
    if ctx.edition is None:
        return
    for table in report.tables:
        if table.id is None or not table.missing_columns:
            continue
        for col in table.missing_columns:
            label = column_label(ctx, table.id, col)
            yield ctx.rule.diag(table.span, f"表{table.id}表头缺少“{label}”列", f"table {table.id}'s header lacks the column “{label}”",
                                table=table.id, col=col, expected=label)
