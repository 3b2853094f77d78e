from govlint import rule


@rule("GL204", "tables.unknown-row", "warning", summary_en="a table row the edition does not have")
def unknown_row(report, ctx):
    """表中出现格式没有的行（自行添加的行、改动过的行名）。

    What: every row label in a table matches a row of the edition.
    Why: local templates add rows (e.g. 其他主动公开文件) or reword labels, and fill-in notes are
    sometimes left inside labels; the national format has none of these. An unrecognised row is
    also left out of the arithmetic checks, so its figures go unchecked.
    Fails: a row “其他主动公开文件 | 5 | 0 | 5” in table 二.
    Passes: only the edition's rows.
    Basis: format-spec §5.1 (S8's local variant), §4; defects B3.
    """
    for table in report.tables:
        if table.id is None:
            continue
        for row in table.unknown_rows:
            yield ctx.rule.diag(row.span, f"表{table.id}中的“{row.label}”不是格式规定的行名",
                                f"“{row.label}” in table {table.id} is not a row of the format", table=table.id,
                                actual=row.label)
