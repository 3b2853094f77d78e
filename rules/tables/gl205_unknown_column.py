from govlint import rule


@rule("GL205", "tables.unknown-column", "warning", summary_en="a table column the edition does not have")
def unknown_column(report, ctx):
    """表头出现格式没有的列（如“法人或其他组织小计”）。

    What: every column label in a table header matches a column of the edition.
    Why: an added column (e.g. a 法人或其他组织 subtotal, which the template does not have) changes
    the table's shape; the figures under it are not part of any identity of the format.
    Fails: a table 三 header with “小计” after “其他”.
    Passes: the template's seven columns.
    Basis: format-spec §4.2 (no subtotal column); defects B3.
    """
    for table in report.tables:
        if table.id is None:
            continue
        for cell in table.unknown_columns:
            yield ctx.rule.diag(cell.span, f"表{table.id}表头中的“{cell.text}”不是格式规定的列名",
                                f"“{cell.text}” in table {table.id}'s header is not a column of the format",
                                table=table.id, actual=cell.text)
