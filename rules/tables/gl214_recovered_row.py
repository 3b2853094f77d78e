from govlint import rule

from .._common import fmt, row_label, short


def _values(row) -> str:
    return " | ".join(c.text if c.kind != "number" else fmt(c.value) for c in row.cells)


@rule("GL214", "tables.recovered-row", "info",
      summary_en="a row's digits ran together and were split in the only way the format allows")
def recovered_row(report, ctx):
    """数字连在一起的行已按唯一可能的方式拆分（供核对）。

    What: a row whose digits were written without separators (page text saved by a crawler loses
    the table markup: “713000074”) and that govlint split into cells: either only one split is
    possible at all (as many digits as cells, “0000000”; or the only split without a leading zero),
    or exactly one split satisfies the table's own identities — the row's 总计 = the six applicant
    columns, each group's 总计 in table 四, and the column identities of table 三 across the table.
    The note names the digits as written and the cells they were split into.
    Why: the figures that the other checks use were not written as separate cells; the note says
    how they were read so that a reader can confirm them. A run that more than one split (or none)
    would satisfy is not guessed: that row is reported by GL211 and left out of the arithmetic.
    Fails: “一、本年新收政府信息公开申请数量713000074” (read as 71 | 3 | 0 | 0 | 0 | 0 | 74, noted).
    Passes: “一、本年新收政府信息公开申请数量 | 71 | 3 | 0 | 0 | 0 | 0 | 74 |” (cells written apart).
    Basis: the identities of the format's tables (format-spec §7.1, §7.2); the column count of each
    table (format-spec §4.1–§4.3, §5.1–§5.3).
    """
    for table in report.tables:
        if table.id is None:
            continue
        for row in table.rows:
            if not row.recovery or not row.cells:
                continue
            first, last = row.cells[0], row.cells[-1]
            written = report.text[first.span.start:last.span.end]
            if len(written) > 40:  # a run of garbage: quote its ends
                written = written[:24] + "…" + written[-12:]
            label = short(row_label(ctx, table.id, row.id)) if row.label else ""
            where = f"表{table.id}“{label}”行" if label else f"表{table.id}"
            where_en = f"table {table.id}, row “{label}”" if label else f"table {table.id}"
            n = sum(1 for c in row.cells if c.recovered)
            if row.recovery == "forced":
                how, how_en = "只有一种拆分方式：", "only one split is possible:"
            else:
                how, how_en = "按合计关系唯一拆分为 ", "the only split that satisfies the table's totals is"
            yield ctx.rule.diag(
                first.span.to(last.span),
                f"{where}的数字连在一起（“{written}”），{how}{_values(row)}（{n}个单元格由此拆出）",
                f"{where_en}: the digits run together (“{written}”); {how_en} {_values(row)} "
                f"({n} cells recovered)",
                table=table.id, row=row.id, actual=written)
