from govlint import rule
from govlint.relazy import lazy_compile

from .._common import TABLE_NAMES, TABLE_NAMES_EN, start_span

# the part's text sends the reader to an attachment for the table (详见附件, 见附表)
_ATTACHED = lazy_compile(r"附件|附表|见附|另附|附后")
# a converter's placeholder where it left a table out (pandoc's plain text writes [TABLE] for a table
# with merged cells)
_PLACEHOLDER = lazy_compile(r"\[(?:TABLE|Table|table|表格?)\]")


@rule("GL201", "tables.table-missing", "error", summary_en="a statistical table is missing or not machine-readable")
def table_missing(report, ctx):
    """第二、三、四部分各有一张统计表，且表中数据是文字而不是图片。

    What: the report contains the edition's three tables (二 主动公开, 三 依申请公开, 四 复议诉讼) as text.
    Why: parts 二–四 of the format *are* these tables. Reports that publish the tables only as
    images have headings 二/三/四 with no data after them; nobody (and no tool) can check or reuse
    the figures.
    When the part's text sends the reader to an attachment (详见附件), the finding says so: the
    tables are in another file, to be checked with this one; when it holds a converter's
    placeholder instead (``[TABLE]``, as pandoc's plain text writes a table with merged cells), that
    the conversion left the table out.
    Fails: “三、收到和处理政府信息公开申请情况” followed directly by “四、…”.
    Passes: the heading followed by the table's labels and numbers.
    Basis: format-spec §4 (2021), §5 (2019); defects B4.
    """
    if ctx.edition is None:
        return
    for spec in ctx.edition.tables:
        if report.table(spec.id) is not None:
            continue
        section = report.section(spec.part)
        span = section.heading.span if section is not None else start_span(report)
        # the part's heading followed by the next part's: the table was there, as an image; a part
        # the text ends in was cut off (GL012), which says nothing about how its table was published
        image = section is not None and any(s.part and s.part > spec.part for s in report.sections)
        attached = section is not None and any(_ATTACHED.search(p.text) for p in section.paragraphs)
        extra = "（表格可能以图片形式发布，无法读取数据）" if image else ""
        extra_en = " (the table may have been published as an image)" if image else ""
        placeholder = next((m.group() for p in section.paragraphs if "[" in p.text
                            for m in [_PLACEHOLDER.search(p.text)] if m), None) if section is not None else None
        if placeholder:
            extra = f"（文中只有占位符“{placeholder}”：转换为文本的工具没有保留这张表，请用原文件或保留表格的格式检查）"
            extra_en = (f" (the text has only a placeholder, {placeholder}: the tool that converted it to text left the"
                        " table out; check the original file, or a conversion that keeps tables)")
        elif attached:
            extra = "（正文说表格在附件中：附件不在本文件里，请与附件一并检查）"
            extra_en = " (the text says the table is in an attachment, which is not in this file: check the two together)"
        yield ctx.rule.diag(span, f"缺少{TABLE_NAMES[spec.id]}{extra}",
                            f"{TABLE_NAMES_EN[spec.id]} is missing{extra_en}", table=spec.id)
