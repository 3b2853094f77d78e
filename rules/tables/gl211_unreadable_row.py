from govlint import rule

from .._common import blank_row, column_label, cut_row, row_columns, short

# why run-together digits could not be split (Row.unsplit, set by govlint.recover)
_UNSPLIT = {
    "inconsistent": ("没有一种拆分方式既合乎格式又满足表格的合计关系",
                     "no split is both well formed and consistent with the table's totals"),
    "ambiguous": ("有多种拆分方式，表格自身的合计关系不能确定唯一一种",
                  "several splits are possible and the table's own totals do not single one out"),
    "too_many": ("可能的拆分方式太多，无法确定", "there are too many possible splits to decide"),
}


@rule("GL211", "tables.unreadable-row", "error", summary_en="a table row has the wrong number of values")
def unreadable_row(report, ctx):
    """每行的数字个数应与表头列数一致；否则无法判断数字属于哪一列。

    What: each row has exactly one value per column of its header (表三 7, 表四 15, 表二 as its block).
    Values written outside any row are reported too — among them a figure alone on its line between
    a row written on one line and the next (a page number that OCR or a PDF left between two rows:
    the row keeps its own figures, the lone one is reported here, named as a possible page number).
    A table whose text is not in reading order — its row labels and its figures apart, as text
    extracted from a PDF box by box or column by column (pdftotext's default mode, pdfminer) gives
    it — is one finding, and nothing else is checked in it.
    More than three such values in one table (a table whose row labels were lost) are one finding;
    so are four rows or more, most of the table's, with the same wrong number of values (the header,
    not the rows, does not match: a column left out of it or added to it), named first to last.
    Why: with a value missing or extra, govlint cannot tell which figure belongs to which column,
    and guessing would produce false arithmetic errors; the row is left out of the GL3 checks and
    reported here instead. Typical causes: a cell lost when copying from Word, digits of several
    cells run together (“713000074”), a merged cell split badly.
    Fails: “一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 3 |” (6 values for 7 columns).
    Passes: the same row with 7 values.
    Not reported: the last row of a text that stops inside a table, before part 六 — its values are
    missing because the rest of the text is (GL012 says the text stops there).
    Basis: format-spec §4.2 (7 columns), §4.3 (15 cells), §4.1.
    """
    if ctx.edition is None:
        return
    for table in report.tables:
        spec = ctx.edition.table(table.id) if table.id else None
        if spec is None:
            continue
        if table.scrambled:
            yield ctx.rule.diag(
                table.span,
                f"表{table.id}的文字不是逐行排列的：行名与数字分在不同段落（多见于逐栏提取的 PDF 文本），"
                f"{table.scrambled}个数字无法对应到行和列，表{table.id}未参与校验；请按版式重新提取文字或与原件核对",
                f"the text of table {table.id} is not in reading order: its row labels and its figures come apart "
                f"(as text extracted from a PDF box by box or column by column gives them), so its {table.scrambled} "
                f"figures cannot be matched to rows and columns and the table is not checked; extract the text "
                f"keeping the layout, or check it against the original", table=table.id, actual=table.scrambled)
            continue
        cut = cut_row(report)  # (the row the text stops in: GL012 says so)
        bad = [row for row in table.rows
               if row.problem in ("too_few", "too_many") and not blank_row(table, row) and row is not cut]
        alike = _alike(table, bad)
        said = {id(r) for r in alike[1:]}
        for row in bad:
            if id(row) in said:
                continue  # (said with the first)
            block = next((b for b in spec.blocks if b.id == row.block), spec.blocks[0])
            # the columns the header has (a column it lacks, GL203, is not expected; one it adds, GL205, is)
            read = [c for c in row_columns(ctx, table, row) if not table.columns or c.id in table.columns]
            expected = len(read) + (len(table.unknown_columns) if table.columns else 0)
            names = "、".join([column_label(ctx, table.id, c.id, block.id) for c in read]
                             + [c.text.strip() for c in table.unknown_columns if table.columns]) if expected <= 7 else ""
            label = short(row.label)
            # table 四's one row of figures has no label of its own
            scope = f"表{table.id}“{label}”行" if label else f"表{table.id}的数字行"
            scope_en = f"table {table.id}, row “{label}”" if label else f"table {table.id}'s row of figures"
            got = len(row.raw_values)
            cols = f"（{names}）" if names else ""
            cols_en = f" ({', '.join(f'“{n}”' for n in names.split('、'))})" if names else ""
            if row.unsplit and row.raw_values:  # digits run together (flattened page text), see GL214
                first, last = row.raw_values[0], row.raw_values[-1]
                written = report.text[first.span.start:last.span.end]
                if len(written) > 40:  # a run of garbage: quote its ends
                    written = written[:24] + "…" + written[-12:]
                why, why_en = _UNSPLIT.get(row.unsplit, _UNSPLIT["ambiguous"])
                yield ctx.rule.diag(
                    first.span.to(last.span),
                    f"{scope}的数字连在一起（“{written}”），{why}，无法拆分为{expected}个数值{cols}；"
                    "该行未参与合计校验",
                    f"{scope_en}: the digits run together (“{written}”) and {why_en}, so they cannot "
                    f"be split into {expected} values{cols_en}; the row is left out of the arithmetic checks",
                    table=table.id, row=row.id, expected=expected, actual=written)
                continue
            if alike and row is alike[0]:
                last = alike[-1]
                yield ctx.rule.diag(
                    row.span,
                    f"表{table.id}有{len(alike)}行（“{label}”至“{short(last.label)}”，第{row.span.line}至{last.span.line}行）"
                    f"各有{got}个数值，而表头有{expected}列{cols}：各行数字个数与表头不一致（表头可能漏写或多写了列），"
                    "无法确定各数值对应哪一列，这些行未参与合计校验",
                    f"{len(alike)} rows of table {table.id} (“{label}” to “{short(last.label)}”, lines {row.span.line}–"
                    f"{last.span.line}) have {got} value{'s' if got != 1 else ''} each, but the header has {expected} "
                    f"column{'s' if expected != 1 else ''}{cols_en}: the rows do not match the header (a column may be "
                    "missing from it or added to it), so govlint cannot tell which value belongs to which column and "
                    "the rows are left out of the arithmetic checks",
                    table=table.id, row=row.id, expected=expected, actual=got)
                continue
            yield ctx.rule.diag(
                row.span,
                f"{scope}有{got}个数值，应为{expected}个{cols}；无法确定各数值对应哪一列，该行未参与合计校验",
                f"{scope_en} has {got} value{'s' if got != 1 else ''}, expected {expected}{cols_en}; govlint cannot tell which value "
                "belongs to which column, so the row is left out of the arithmetic checks",
                table=table.id, row=row.id, expected=expected, actual=got)
        if len(table.stray_values) > 3:
            # many figures outside any row (a table whose labels were lost): one finding, not one each
            first, last = table.stray_values[0], table.stray_values[-1]
            yield ctx.rule.diag(
                first.span.to(last.span), f"表{table.id}中有{len(table.stray_values)}个数值不属于任何一行（第{first.span.line}至"
                                          f"{last.span.line}行，行名缺失或无法识别），未参与校验",
                f"table {table.id} has {len(table.stray_values)} values that belong to no row (lines {first.span.line}–"
                f"{last.span.line}: their row labels are missing or unreadable); they are left out of the checks",
                table=table.id, actual=len(table.stray_values))
            continue
        for cell in table.stray_values:
            if _alone(report.text, cell.span):
                yield ctx.rule.diag(
                    cell.span, f"表{table.id}中单独一行的数值“{cell.text}”不属于任何一行（可能是扫描或转换时留在表格中的页码），"
                               f"请与原件核对", f"the value “{cell.text}” written alone on its line in table {table.id} "
                               f"belongs to no row (a page number left in the table by OCR or a conversion?); check it "
                               f"against the original", table=table.id)
                continue
            yield ctx.rule.diag(cell.span, f"表{table.id}中的数值“{cell.text}”不属于任何一行",
                                f"the value “{cell.text}” in table {table.id} belongs to no row", table=table.id)


def _alone(text: str, span) -> bool:
    """Is the cell at ``span`` all there is on its line (cell marks aside)?"""
    a = text.rfind("\n", 0, span.start) + 1
    b = text.find("\n", span.end)
    line = text[a:] if b == -1 else text[a:b]
    return bool(line.strip()) and line.strip(" \t\r\f\u3000|｜") == text[span.start:span.end].strip()


#: rows of a table with the same wrong number of values: one finding for them all from this many
_ALIKE = 4


def _alike(table, bad: list) -> list:
    """The rows of ``table`` that cannot be aligned for the same reason — each the same number of
    values, not digits run together — when there are at least :data:`_ALIKE` of them and they are
    most of the table's rows: the header, not the rows, does not match (an empty list otherwise)."""
    plain = [row for row in bad if not row.unsplit]
    if len(plain) < _ALIKE:
        return []
    counts: dict[int, list] = {}
    for row in plain:
        counts.setdefault(len(row.raw_values), []).append(row)
    rows = max(counts.values(), key=len)
    return rows if len(rows) >= _ALIKE and 2 * len(rows) > len(table.rows) else []
