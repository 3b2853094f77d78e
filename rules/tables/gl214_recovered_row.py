from govlint import rule

from .._common import fmt, row_label, short

_LISTED = 4  # rows split by the totals named in the note (the others are counted)


def _values(row) -> str:
    return " | ".join(c.text if c.kind != "number" else fmt(c.value) for c in row.cells)


def _written(report, row) -> str:
    first, last = row.cells[0], row.cells[-1]
    written = report.text[first.span.start:last.span.end]
    if len(written) > 40:  # a run of garbage: quote its ends
        written = written[:24] + "…" + written[-12:]
    return written


@rule("GL214", "tables.recovered-row", "info",
      summary_en="a table's digits ran together and were split in the only way the format allows")
def recovered_row(report, ctx):
    """数字连在一起的表格已按唯一可能的方式拆分（供核对）。

    What: a table whose rows' digits were written without separators (page text saved by a crawler
    loses the table markup: “713000074”) and that govlint split into cells: for each such row, either
    only one split is possible at all (as many digits as cells, “0000000”; or the only split without
    a leading zero), or exactly one split satisfies the table's own identities — the row's 总计 = the
    six applicant columns, each group's 总计 in table 四, and the column identities of table 三 across
    the table. One note per table, on the first row the totals decided (else the first row split):
    how many rows were split, and, for the rows the totals decided, the digits as written and the
    cells they were split into. Each recovered cell is marked ``"recovered": true`` in ``govlint
    extract``.
    Why: the figures that the other checks use were not written as separate cells; the note says
    how they were read so that a reader can confirm them against the published table. A run that
    more than one split (or none) would satisfy is not guessed: that row is reported by GL211 and
    left out of the arithmetic.
    Fails: “一、本年新收政府信息公开申请数量713000074” … “四、结转下年度继续办理0000000” (26 rows;
    noted once: 2 rows split by the totals, e.g. 71 | 3 | 0 | 0 | 0 | 0 | 74, and 24 with one split).
    Passes: “一、本年新收政府信息公开申请数量 | 71 | 3 | 0 | 0 | 0 | 0 | 74 |” (cells written apart).
    Basis: the identities of the format's tables (format-spec §7.1, §7.2); the column count of each
    table (format-spec §4.1–§4.3, §5.1–§5.3).
    """
    for table in report.tables:
        if table.id is None:
            continue
        rows = [row for row in table.rows if row.recovery and row.cells]
        if not rows:
            continue
        by_totals = [row for row in rows if row.recovery != "forced"]
        forced = len(rows) - len(by_totals)
        at = (by_totals or rows)[0]

        def label(row) -> str:
            return short(row_label(ctx, table.id, row.id)) if row.label else ""

        named = [(label(r), _written(report, r), _values(r)) for r in by_totals[:_LISTED]]
        more = len(by_totals) - len(named)
        zh_rows = "；".join(f"{f'“{lab}”' if lab else ''}“{w}”→{v}" for lab, w, v in named) + (f"等{len(by_totals)}行" if more else "")
        en_rows = "; ".join(f"{f'row “{lab}” ' if lab else ''}“{w}” → {v}" for lab, w, v in named) + \
            (f"; and {more} more" if more else "")
        zh_parts, en_parts = [], []
        if by_totals:
            zh_parts.append(f"按合计关系唯一拆分{len(by_totals)}行（{zh_rows}）")
            en_parts.append(f"{len(by_totals)} split in the only way that satisfies the table's totals ({en_rows})")
        if forced:
            lab, w, v = label(at), _written(report, at), _values(at)
            zh_parts.append(f"{forced}行只有一种拆分方式" + ("" if by_totals else f"（如{f'“{lab}”' if lab else ''}“{w}”→{v}）"))
            en_parts.append(f"{forced} with only one possible split" +
                            ("" if by_totals else f" (e.g. {f'row “{lab}” ' if lab else ''}“{w}” → {v})"))
        n = len(rows)
        yield ctx.rule.diag(
            at.cells[0].span.to(at.cells[-1].span),
            f"表{table.id}有{n}行的数字连在一起（网页文本丢失了表格的分隔），已按表格唯一允许的方式拆分，请对照原表核对："
            + "，".join(zh_parts),
            f"table {table.id}: the digits of {n} row{'s' if n > 1 else ''} run together (the page text lost the "
            f"table's cell boundaries) and were split the only way the table allows; check them against the "
            f"original: " + ", ".join(en_parts),
            table=table.id, actual=n)
