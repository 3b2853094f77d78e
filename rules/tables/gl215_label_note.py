from govlint import rule

from .._common import MONEY_UNIT_NOTE as _UNIT
from .._common import short


@rule("GL215", "tables.label-note", "warning", summary_en="a table label carries a note the format does not have")
def label_note(report, ctx):
    """表格的行名、列名只写格式规定的名称，不带填报说明。

    What: a row label, column label or block caption of a table is written as the format has it,
    without a note in brackets after it. A label written with such a note (“规章（设区的市、自治州人民
    政府应提供相关数据）”, “本年制发件数（以印发日期为准）”) is read as the official row or column —
    its figures are checked as usual — and reported here once. The brackets that are part of an
    official label (“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”, “本年收费金额（单位：万元）”)
    are not notes, nor is the official label cut short inside its own brackets. A note naming a unit
    of money other than the column's (“本年收费金额（元）”) is reported as such.
    Why: local templates (湖北's, for one) print fill-in notes inside the labels for the people who
    fill the table in; they are not part of the national format and should be removed before the
    report is published. A unit in a note that differs from the format's means the column's figures
    may be in another unit than the format's. A unit added to the label of an amount whose format
    label names none (the 2019 format's 采购总金额: “采购总金额（万元）”) is not a note: it tells the unit
    the format leaves open, and is not reported.
    A label written with characters OCR reads for those of the official label (子以公开 for 予以公开,
    公幵 for 公开, 己 for 已, 末 for 未, (=) for (二), l. for 1.) is likewise read as the official row or
    column and reported here, naming the look-alikes.
    Fails: “规章（设区的市、自治州人民政府应提供相关数据） | 0 | 0 | 0 |” in table 二; “（一）子以公开 | 3 | …”.
    Passes: “规章 | 0 | 0 | 0 |”.
    Basis: format-spec §4.1, §5.1 (S8's fill-in notes); defects B3.
    """
    for table in report.tables:
        if table.id is None or not table.label_notes:
            continue
        spec = ctx.edition.table(table.id) if ctx.edition else None
        for n in table.label_notes:
            official = short(n.official)
            if n.row is not None:
                what, what_en = "行名", "row label"
            elif n.column is not None:
                what, what_en = "列名", "column label"
            else:
                what, what_en = "栏目名称", "block caption"
            if n.lookalike:
                yield ctx.rule.diag(
                    n.span, f"表{table.id}的{what}“{n.text}”与格式规定的“{official}”相比有形近字（{n.note}），"
                            f"已按“{official}”读取；多见于扫描件识别的文字，请与原件核对并改正",
                    f"table {table.id}'s {what_en} “{n.text}” has characters that look like the format's “{official}” "
                    f"but differ ({n.note}), as OCR misreads them; read as “{official}”: check it against the original "
                    f"and correct it", table=table.id, row=n.row, col=n.column, actual=n.text, expected=n.official)
                continue
            col = None
            if n.column is not None and spec is not None:
                col = next((c for b in spec.blocks for c in b.columns if c.id == n.column and c.unit), None)
            m = _UNIT.match(n.note)
            if m is not None and n.column is not None and spec is not None and any(
                    c.id == n.column and not c.unit and not c.integer for b in spec.blocks for c in b.columns):
                continue  # the unit of an amount whose format label names none (2019 采购总金额): stated, not a note
            if col is not None and m is not None and m.group(1) != col.unit:
                yield ctx.rule.diag(
                    n.span, f"表{table.id}的列名“{n.text}”写的单位“{m.group(1)}”与格式规定的“{col.unit}”不同"
                            f"（格式的列名是“{n.official}”）；请核对该列数字是否按{col.unit}填写",
                    f"table {table.id}'s column label “{n.text}” names the unit “{m.group(1)}”, not the format's "
                    f"“{col.unit}” (the format's label is “{n.official}”); check that the column's figures are in "
                    f"{col.unit}", table=table.id, col=n.column, actual=n.text, expected=n.official)
                continue
            yield ctx.rule.diag(
                n.span, f"表{table.id}的{what}“{n.text}”在格式规定的“{official}”后多了说明文字“{n.note}”"
                        f"（已按“{official}”读取）；填报说明不是格式的一部分，发布前应删去",
                f"table {table.id}'s {what_en} “{n.text}” adds “{n.note}” to the format's “{official}” (read as "
                f"“{official}”); fill-in notes are not part of the format and should be removed before publication",
                table=table.id, row=n.row, col=n.column, actual=n.text, expected=n.official)
