from govlint import rule

from .._common import short


@rule("GL202", "tables.row-missing", "error", summary_en="a row of the edition's table is missing")
def row_missing(report, ctx):
    """表中应有格式规定的每一行。

    What: every data row of the edition's table is present (matched by its label; a missing
    leading number such as “（三）” or different punctuation does not matter).
    Why: the format fixes the rows; a dropped row (often 8.属于行政查询事项, or the three sub-rows of
    （六）其他处理 when an old template was used) hides a category and breaks the totals.
    Fails: table 三 without the row “2.重复申请”.
    Passes: all 25 data rows of the 2021 table 三 present.
    Basis: format-spec §4.1–4.3, §5.1–5.2; defects B3.
    """
    if ctx.edition is None:
        return
    for table in report.tables:
        spec = ctx.edition.table(table.id) if table.id else None
        if spec is None:
            continue
        order = [r.id for r in spec.rows()]
        for rid in table.missing_rows:
            rs = spec.row(rid)
            label = short(rs.label) if rs is not None else rid
            if spec.implicit_row is not None and rid == spec.implicit_row.id:
                yield ctx.rule.diag(table.span, f"表{table.id}没有数据行（应有一行共{len(spec.blocks[0].leaves())}个数）",
                                    f"table {table.id} has no row of figures", table=table.id, row=rid)
                continue
            # point at the row written just before where this one belongs
            span = table.span
            idx = order.index(rid) if rid in order else -1
            for prev in reversed(order[:idx]):
                r = table.row(prev)
                if r is not None:
                    span = r.span
                    break
            parent = spec.row(rs.parent) if rs is not None and rs.parent else None
            full = f"{short(parent.label)} {label}" if parent is not None and parent.parent is not None else label
            yield ctx.rule.diag(span, f"表{table.id}缺少“{full}”行", f"table {table.id} lacks the row “{full}”",
                                table=table.id, row=rid, expected=full)
