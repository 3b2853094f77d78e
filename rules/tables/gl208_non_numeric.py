from govlint import Severity, rule
from govlint.numbers import lookalike_figure, parse_cell

from .._common import TABLE_NAMES, TABLE_NAMES_EN, fmt, odd_cells, many_alike, where


@rule("GL208", "tables.non-numeric", "warning", summary_en="a table cell holds a placeholder or text instead of a number")
def non_numeric(report, ctx):
    """统计表的单元格应填数字，不用“无”“/”“-”等符号或文字代替。

    What: numeric cells hold numbers, not fillers such as 无, /, -, — (a warning) or other words
    (an error, since the figure is simply not there).
    Why: fillers cannot be added up and mean different things to different readers; the format's
    identities only hold over numbers.
    A cell whose digits OCR misread as the letters they look like (“1O”, “l”, “S”, “〇” for 10, 1, 5,
    0) or split by a blank (“1 234”) is reported with the figure it probably is; it is not read as
    that figure (nothing is invented), so it stays out of the arithmetic checks.
    A count written in Chinese numerals (“三”, “十二件”, “零”) is read as that number — it takes part in
    the arithmetic — and reported as a warning naming the figure to write. An approximate figure
    (“约3”, “3余”, “10多”, “3左右”, “3+”) is no count: an error, and the cell stays out of the arithmetic.
    A table holding the same filler in five cells or more (zeros written as “-”) is one finding for
    them, naming the lines they span.
    Fails: “行政许可 | 无 |”; “（一）予以公开 | 1O | …” (probably 10); “行政处罚 | 十二 |” (read as 12).
    Passes: “行政许可 | 0 |”.
    Basis: format-spec §3.4 (empty cells); defects C6.
    """
    # (the cells this rule speaks of: most cells of most reports are figures)
    cells = [(table, row, cell) for table, row, cell in odd_cells(report)
             if cell.kind != "number" or cell.reading == "chinese_numeral"]
    # a table written with a filler for its zeros (many cells of “-”, “/”, “无”): one finding each filler
    many = many_alike(((id(table), cell.text.strip()), cell) for table, row, cell in cells if cell.kind == "placeholder")
    for table, row, cell in cells:
        same = many.get(id(cell))
        if same is not None:
            if cell is same[0]:
                last, filler = same[-1], cell.text.strip()
                yield ctx.rule.diag(
                    cell.span, f"{TABLE_NAMES[table.id]}有{len(same)}个数字单元格填的是“{filler}”（第{cell.span.line}至"
                               f"{last.span.line}行），应填写数字（没有的填0）",
                    f"{len(same)} figures of {TABLE_NAMES_EN[table.id]} hold “{filler}” (lines {cell.span.line}–"
                    f"{last.span.line}); write numbers (0 for none)", cell=cell, table=table.id, actual=filler, expected=0)
            continue
        if cell.reading == "chinese_numeral":
            zh, en = where(ctx, table.id, row, cell)
            figure = fmt(cell.value)
            yield ctx.rule.diag(cell.span, f"{zh}用汉字写作“{cell.text.strip()}”，已按 {figure} 读取；统计表应填写阿拉伯数字（{figure}）",
                                f"{en} is written in Chinese numerals (“{cell.text.strip()}”), read as {figure}; write "
                                f"the figure in Arabic digits ({figure})", cell=cell, table=table.id,
                                actual=cell.text.strip(), expected=cell.value)
        elif cell.kind == "placeholder":
            zh, en = where(ctx, table.id, row, cell)
            yield ctx.rule.diag(cell.span, f"{zh}填的是“{cell.text}”，应填写数字（没有的填0）",
                                f"{en} holds “{cell.text}”; write a number (0 for none)", cell=cell, table=table.id,
                                actual=cell.text, expected=0)
        elif cell.kind == "text":
            zh, en = where(ctx, table.id, row, cell)
            figure, how, how_en = _misread(cell.text)
            if figure is not None:
                yield ctx.rule.diag(
                    cell.span, f"{zh}填的是“{cell.text}”，不是数字，可能是 {figure}（{how}，多见于扫描件识别或转换的文字）；"
                               f"请与原件核对，该格不参加算术校验",
                    f"{en} holds “{cell.text}”, not a number: probably {figure} ({how_en}, as OCR or a conversion "
                    f"writes it); check it against the original; the cell is left out of the arithmetic checks",
                    severity=Severity.ERROR, cell=cell, table=table.id, actual=cell.text, expected=figure)
                continue
            if cell.reading == "approximate":
                yield ctx.rule.diag(
                    cell.span, f"{zh}填的是约数“{cell.text.strip()}”，统计表应填写准确的数字；该格不参加算术校验",
                    f"{en} holds an approximate figure (“{cell.text.strip()}”); the table needs the exact count; "
                    "the cell is left out of the arithmetic checks",
                    severity=Severity.ERROR, cell=cell, table=table.id, actual=cell.text.strip())
                continue
            yield ctx.rule.diag(cell.span, f"{zh}填的是文字“{cell.text}”，应为数字", f"{en} holds the text “{cell.text}”, not a number",
                                severity=Severity.ERROR, cell=cell, table=table.id, actual=cell.text)


def _misread(text: str):
    """The figure a text cell probably stands for and how it was garbled (zh, en), or (None, "", "")."""
    figure = lookalike_figure(text)
    if figure is not None:
        pairs = sorted({f"{c}→{d}" for c, d in zip(text.strip(), figure) if c != d})
        return figure, "字母或符号被误认作数字：" + "、".join(pairs), "letters read for the digits they look like: " + ", ".join(pairs)
    joined = "".join(text.split())
    if joined != text.strip() and parse_cell(joined).kind == "number":
        groups = text.split()
        if all(len(g) == 3 and g.isdigit() for g in groups[1:]):
            return joined, "数字中间多了空格", "a blank inside the figure"
        # 45 46: not thousands set apart; as likely two figures written into one cell
        return joined, "数字中间多了空格，也可能是两格的数字写进了一格", "a blank inside the figure, or two cells' figures in one"
    return None, "", ""
