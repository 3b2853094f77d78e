from govlint import Severity, rule

from .._common import iter_cells, where


@rule("GL208", "tables.non-numeric", "warning", summary_en="a table cell holds a placeholder or text instead of a number")
def non_numeric(report, ctx):
    """统计表的单元格应填数字，不用“无”“/”“-”等符号或文字代替。

    What: numeric cells hold numbers, not fillers such as 无, /, -, — (a warning) or other words
    (an error, since the figure is simply not there).
    Why: fillers cannot be added up and mean different things to different readers; the format's
    identities only hold over numbers.
    Fails: “行政许可 | 无 |”.
    Passes: “行政许可 | 0 |”.
    Basis: format-spec §3.4 (empty cells); defects C6.
    """
    for table, row, cell in iter_cells(report):
        if cell.kind == "placeholder":
            zh, en = where(ctx, table.id, row, cell)
            yield ctx.rule.diag(cell.span, f"{zh}填的是“{cell.text}”，应填写数字（没有的填0）",
                                f"{en} holds “{cell.text}”; write a number (0 for none)", cell=cell, table=table.id,
                                actual=cell.text, expected=0)
        elif cell.kind == "text":
            zh, en = where(ctx, table.id, row, cell)
            yield ctx.rule.diag(cell.span, f"{zh}填的是文字“{cell.text}”，应为数字", f"{en} holds the text “{cell.text}”, not a number",
                                severity=Severity.ERROR, cell=cell, table=table.id, actual=cell.text)
