from govlint import rule

from .._common import NUMERALS, start_span, tables_only, year_edition

DEFAULT_HEADINGS = {1: "总体情况", 2: "主动公开政府信息情况", 3: "收到和处理政府信息公开申请情况",
                    4: "政府信息公开行政复议、行政诉讼情况", 5: "存在的主要问题及改进情况", 6: "其他需要报告的事项"}


@rule("GL101", "sections.part-missing", "error", summary_en="one of the six parts is missing")
def part_missing(report, ctx):
    """六个部分缺一不可：每缺少一个部分报一次错误。

    What: the report has all six parts of the format — 一、总体情况, 二、主动公开政府信息情况,
    三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况, 五、存在的主要问题及改进情况,
    六、其他需要报告的事项 — each under its own heading.
    Why: 条例 Art. 50 lists what the report must contain and 国办公开办函〔2021〕30号 says it must
    not leave anything out (不能遗漏). A part whose heading is missing is usually missing altogether
    (or its content was merged into a neighbour, which reviewers also reject).
    Fails: a report that goes from “四、政府信息公开行政复议、行政诉讼情况” straight to “六、其他需要报告的事项”.
    Passes: all six headings present.
    A file with the tables and no running text (an attachment of the tables) is one finding naming
    the parts that are not there, not one per part.
    The missing part is named as the report year's format heads it, whatever edition the tables
    follow (GL206 reports those).
    Basis: format-spec §1.1, §6 (2021), §5.4 (2019); defects B1.
    """
    present = {s.part for s in report.sections if s.part is not None}
    # the parts are named as the report year's format heads them (the tables may follow another: GL206)
    edition = year_edition(report, ctx)
    numbers = [p.number for p in edition.parts] if edition else sorted(DEFAULT_HEADINGS)
    if tables_only(report):  # an attachment of the tables: one finding, the text is elsewhere
        missing = [n for n in numbers if n not in present]
        if missing:
            zh = "、".join(NUMERALS[n] for n in missing)
            yield ctx.rule.diag(start_span(report),
                                f"文件只有统计表，没有报告正文（缺少第{zh}部分）：如果这是年度报告的附件，正文在另一个文件中，请与正文一并检查",
                                f"the file holds the statistical tables and no text (parts {zh} are missing): if it "
                                "is the report's attachment, the text is in another file; check the two together")
        return
    for n in numbers:
        if n in present:
            continue
        heading = edition.part(n).heading if edition else DEFAULT_HEADINGS[n]
        # point at the heading of the next part that is present, else at the end of the previous one
        after = [s for s in report.sections if s.part is not None and s.part > n]
        before = [s for s in report.sections if s.part is not None and s.part < n]
        if after:
            span = after[0].heading.span
        elif before:
            span = before[-1].heading.span
        else:
            span = start_span(report)
        full = f"{NUMERALS[n]}、{heading}"
        yield ctx.rule.diag(span, f"缺少第{NUMERALS[n]}部分“{full}”", f"part {NUMERALS[n]} “{full}” is missing", expected=full)
