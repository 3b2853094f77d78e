from govlint import rule


@rule("GL212", "tables.header-unrecognised", "info", summary_en="table header not recognised; standard column order assumed")
def header_unrecognised(report, ctx):
    """表头未能识别时，按格式规定的列顺序读取数字，并提示这一假设。

    What: the header of a table could be matched to the edition's column labels.
    Why: govlint aligns values by the header; when the header is missing or unreadable (an image,
    words wrapped by a PDF beyond repair) it falls back on the format's own column order and says
    so, because a report with columns in another order would then be read wrongly.
    Fails: a table 四 whose header is missing, followed by 15 numbers.
    Passes: a table whose header names its columns.
    Basis: format-spec §4.2, §4.3 (column order of the template).
    """
    for table in report.tables:
        if table.id is None or table.header_recognised or not table.rows:
            continue
        yield ctx.rule.diag(table.span, f"表{table.id}的表头无法识别，已按格式规定的列顺序读取数字",
                            f"table {table.id}'s header was not recognised; values were read in the format's column order",
                            table=table.id)
