from govlint import rule
from govlint.labels import bare_key


@rule("GL204", "tables.unknown-row", "warning", summary_en="a table row the edition does not have")
def unknown_row(report, ctx):
    """表中出现格式没有的行（自行添加的行、改动过的行名）。

    What: every row label in a table matches a row of the edition.
    Why: local templates add rows (e.g. 其他主动公开文件) or reword labels, and fill-in notes are
    sometimes left inside labels; the national format has none of these. An unrecognised row is
    also left out of the arithmetic checks, so its figures go unchecked.
    A row written with the name the earlier format gave it (规范性文件 in a 2021-format table 二,
    whose row is 行政规范性文件) is read as the row, so its figures are checked, and reported here
    with the format's name.
    Fails: a row “其他主动公开文件 | 5 | 0 | 5” in table 二; “规范性文件 | 2 | 0 | 15” in a 2021-format table 二.
    Passes: only the edition's rows.
    Basis: format-spec §5.1 (S8's local variant), §4; defects B3.
    """
    for table in report.tables:
        if table.id is None:
            continue
        spec = ctx.edition.table(table.id) if ctx.edition is not None else None
        if spec is not None and report.edition == ctx.edition.id:
            # (a block written wholly in the other edition is GL206's, its rows' names with it)
            other = {o.block for o in table.other_edition_blocks}
            for row in table.rows:
                rs = spec.row(row.id) if row.id is not None and row.label else None
                if rs is not None and other and spec.block_of_row(rs.id).id in other:
                    continue
                if rs is not None and rs.former and bare_key(row.label) in rs.former_keys():
                    yield ctx.rule.diag(
                        row.span, f"表{table.id}中的“{row.label}”是上一版格式的行名，{ctx.edition.id}年版格式为“{rs.label}”",
                        f"“{row.label}” in table {table.id} is the row's name in the earlier format; the "
                        f"{ctx.edition.id} format calls it “{rs.label}”", table=table.id, row=row.id,
                        expected=rs.label, actual=row.label)
        for row in table.unknown_rows:
            yield ctx.rule.diag(row.span, f"表{table.id}中的“{row.label}”不是格式规定的行名",
                                f"“{row.label}” in table {table.id} is not a row of the format", table=table.id,
                                actual=row.label)
