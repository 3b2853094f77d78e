from govlint import rule

from .._common import column_label, year_table


@rule("GL203", "tables.column-missing", "error", summary_en="a column of the edition's table is missing")
def column_missing(report, ctx):
    """表头应有格式规定的每一列。

    What: the header of each table names every column of the edition (表三: 自然人, 商业企业, 科研机构,
    社会公益组织, 法律服务机构, 其他, 总计; 表四: 结果维持 … 总计 under each of the three groups).
    Why: a dropped column shifts every figure after it; govlint aligns values by the header's labels,
    so it can say which column is gone instead of reporting wrong sums.
    A group of columns written as one column (table 三's 法人或其他组织 without 商业企业 … 其他
    under it) is one finding naming the group: its figures are read as the sum of its columns, so
    the arithmetic is still checked with them.
    A column only the tables' edition has is not asked for when that edition is not the report
    year's (GL206 says so: 本年增/减 in a 2022 report written in the 2019 tables).
    Fails: a table 三 header without “法律服务机构”; “自然人 | 法人或其他组织 | 总计”.
    Passes: the full header.
    Basis: format-spec §4.2–4.3; defects B3.
    """
    if ctx.edition is None:
        return
    for table in report.tables:
        if table.id is None:
            continue
        for group in table.merged_columns:
            spec = ctx.edition.table(table.id)
            label = column_label(ctx, table.id, group)
            parts = [column_label(ctx, table.id, c) for c in spec.leaf_columns(group)] if spec else []
            yield ctx.rule.diag(
                table.span,
                f"表{table.id}表头“{label}”只写了一列，未按格式分为{'、'.join(parts)}{len(parts)}列"
                f"（该列数字按这{len(parts)}列之和读取）",
                f"table {table.id}'s header writes “{label}” as one column, not as the format's {len(parts)} "
                f"({', '.join(parts)}): its figures are read as their sum",
                table=table.id, col=group, expected="、".join(parts))
        year_spec = year_table(report, ctx, table.id) if table.missing_columns else None
        for col in table.missing_columns:
            if year_spec is not None and year_spec.column(col) is None:
                continue
            label = column_label(ctx, table.id, col)
            yield ctx.rule.diag(table.span, f"表{table.id}表头缺少“{label}”列", f"table {table.id}'s header lacks the column “{label}”",
                                table=table.id, col=col, expected=label)
