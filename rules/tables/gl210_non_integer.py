from govlint import Severity, rule

from .._common import fmt, odd_cells, where


@rule("GL210", "tables.non-integer", "error", summary_en="a count that is not a whole number")
def non_integer(report, ctx):
    """件数、次数应为整数（只有金额列可以有小数）。

    What: cells that count documents, decisions, applications or cases are whole numbers. Money
    columns (2021 本年收费金额（单位：万元）, 2019 采购总金额) may have decimals.
    Why: 2.5 applications is impossible; a decimal in a count column is usually an amount typed
    into the wrong row or a misplaced point.
    A count written with points between groups of three digits (“1.234”, as OCR or a European locale
    writes 1,234) is read as that whole number — the arithmetic checks use 1234, not 1.234 — and
    reported here as a warning naming the reading.
    Fails: “行政处罚 | 2.5 |”; “（一）予以公开 | 1.234 |” (read as 1234).
    Passes: “行政事业性收费 | 0.06 |” (万元).
    Basis: format-spec §7.1 T3-4, §7.3; defects C8.
    """
    for table, row, cell in odd_cells(report):
        if cell.reading == "point_grouping":
            zh, en = where(ctx, table.id, row, cell)
            yield ctx.rule.diag(
                cell.span, f"{zh}写作“{cell.text.strip()}”，已按 {fmt(cell.value)} 读取（小数点当作千位分隔符，多见于扫描件识别的文字）；"
                           f"件数应为整数，请与原件核对并改为 {fmt(cell.value)}",
                f"{en} is written “{cell.text.strip()}”, read as {fmt(cell.value)} (the point taken for a thousands "
                f"separator, as OCR writes it); a count is a whole number: check it against the original and write "
                f"{fmt(cell.value)}", severity=Severity.WARNING, cell=cell, table=table.id, actual=cell.text.strip(),
                expected=cell.value)
            continue
        if cell.kind != "number" or cell.value is None or float(cell.value).is_integer():
            continue
        spec = ctx.edition.table(table.id) if ctx.edition else None
        col = spec.column(cell.column, row.block) if spec and cell.column else None
        if col is not None and not col.integer:
            continue
        zh, en = where(ctx, table.id, row, cell)
        yield ctx.rule.diag(cell.span, f"{zh}为 {fmt(cell.value)}，件数应为整数", f"{en} is {fmt(cell.value)}; a count must be a whole number",
                            cell=cell, table=table.id, actual=cell.value)
