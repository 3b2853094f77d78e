from govlint import rule

from .._common import short, year_table


@rule("GL202", "tables.row-missing", "error", summary_en="a row of the edition's table is missing")
def row_missing(report, ctx):
    """表中应有格式规定的每一行。

    What: every data row of the edition's table is present (matched by its label; a missing
    leading number such as “（三）” or different punctuation does not matter).
    Why: the format fixes the rows; a dropped row (often 8.属于行政查询事项, or the three sub-rows of
    （六）其他处理 when an old template was used) hides a category and breaks the totals.
    A table written with its header but without any row label, its figures one a line and exactly
    as many as the format's cells (a table OCR'd as figures only), is read row by row in the
    format's order and reported here once, instead of a finding for every figure.
    A row only the tables' edition has is not asked for when that edition is not the report year's
    (GL206 says so; the year's edition has no such row: 政府集中采购 in a 2022 report written in the
    2019 tables).
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
        order = [r.id for r in spec.data_rows()]
        if table.positional:
            n = len(order)
            yield ctx.rule.diag(
                table.span, f"表{table.id}没有行名：{table.positional}个数字逐行单列（多见于只识别出数字的扫描件），"
                            f"已按格式规定的{n}行、每行{table.positional // n}个的顺序读取；请补上行名并与原件核对",
                f"table {table.id} has no row labels: its {table.positional} figures, one a line (as OCR that "
                f"read the figures only writes them), were read in the order of the format's {n} rows, "
                f"{table.positional // n} a row; write the labels and check the figures against the original",
                table=table.id, actual=table.positional, expected=n)
        missing = set(table.missing_rows)
        year_spec = year_table(report, ctx, table.id) if missing else None
        if year_spec is not None:
            missing = {rid for rid in missing if year_spec.row(rid) is not None}
        if spec.implicit_row is not None and spec.implicit_row.id in missing:
            yield ctx.rule.diag(table.span, f"表{table.id}没有数据行（应有一行共{len(spec.blocks[0].leaves())}个数）",
                                f"table {table.id} has no row of figures", table=table.id, row=spec.implicit_row.id)
        # consecutive missing rows (a table cut off, a whole group left out) make one finding
        runs: list[list[str]] = []
        for i, rid in enumerate(order):
            if rid not in missing:
                continue
            if runs and order.index(runs[-1][-1]) == i - 1:
                runs[-1].append(rid)
            else:
                runs.append([rid])
        for run in runs:
            # point at the row written just before where the missing ones belong
            span = table.span
            for prev in reversed(order[: order.index(run[0])]):
                r = table.row(prev)
                if r is not None:
                    span = r.span
                    break
            names = [_full(spec, rid) for rid in run]
            if len(run) == 1:
                zh, en = f"表{table.id}缺少“{names[0]}”行", f"table {table.id} lacks the row “{names[0]}”"
            else:
                cut = " (the table may be cut off)" if run[-1] == order[-1] else ""
                zh = (f"表{table.id}缺少从“{names[0]}”到“{names[-1]}”的连续{len(run)}行"
                      f"{'（表格可能被截断）' if cut else ''}：{'；'.join(names)}")
                en = f"table {table.id} lacks {len(run)} consecutive rows from “{names[0]}” to “{names[-1]}”{cut}"
            yield ctx.rule.diag(span, zh, en, table=table.id, row=run[0], expected=names if len(run) > 1 else names[0])


def _full(spec, rid: str) -> str:
    """A row's label, with its group for numbered sub-rows: （五）不予处理 2.重复申请."""
    rs = spec.row(rid)
    if rs is None:
        return rid
    parent = spec.row(rs.parent) if rs.parent else None
    label = short(rs.label)
    return f"{short(parent.label)} {label}" if parent is not None and parent.parent is not None else label
