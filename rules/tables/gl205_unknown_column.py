from govlint import rule


@rule("GL205", "tables.unknown-column", "warning", summary_en="a table column the edition does not have")
def unknown_column(report, ctx):
    """表头出现格式没有的列（如“法人或其他组织小计”）。

    What: every column label in a table header matches a column of the edition.
    Why: an added column (e.g. a 法人或其他组织 subtotal, which the template does not have) changes
    the table's shape; the figures under it are not part of any identity of the format.
    An added column's figures are left out of the checks and the other columns are read as the
    format's: the column goes where its label is written in its header row (after the label before
    it, or before the one after it when it opens the row; “法人或其他组织 | 小计 | 总计” puts it after
    the group's last column), so its figures are never taken for a neighbour's.
    Fails: a table 三 header with “小计” after “其他”.
    Passes: the template's seven columns; the header's corner cell heading the row labels with a word
    offices write there in the place of the format's heading (“项目”, “类别”, “统计指标”, as “信息内容”
    heads table 二's rows) or with the two words of a diagonal corner (“申请人情况/办理结果”, “项目 申请人”);
    table 四's one row labelled (“数量”, “件数”) in a label column added before its figures; a 2019-format
    block whose header names a column as the 2021 format does (“本年处理决定数量” for 处理决定数量) — read
    as that column, as the 2019 table reads the 2021 row name 行政规范性文件 (a block wholly in the 2021
    format is GL206's).
    Basis: format-spec §4.2 (no subtotal column), §5.1; defects B3.
    """
    for table in report.tables:
        if table.id is None or not table.unknown_columns:
            continue
        # an added column: rows read in full hold a figure under it (a cell of no column of the format)
        added = any(c.column is None for row in table.rows if row.problem is None for c in row.cells)
        for cell in table.unknown_columns:
            if added:
                yield ctx.rule.diag(
                    cell.span, f"表{table.id}表头中的“{cell.text}”不是格式规定的列名：格式没有这一列，"
                               "该列的数字不参与任何核对（其余各列照常按格式核对）",
                    f"“{cell.text}” in table {table.id}'s header is not a column of the format: the format has "
                    "no such column, and its figures are not part of any check (the other columns are read "
                    "and checked as usual)",
                    table=table.id, actual=cell.text)
                continue
            yield ctx.rule.diag(cell.span, f"表{table.id}表头中的“{cell.text}”不是格式规定的列名",
                                f"“{cell.text}” in table {table.id}'s header is not a column of the format",
                                table=table.id, actual=cell.text)
