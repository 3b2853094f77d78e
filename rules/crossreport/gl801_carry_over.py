from govlint import cross_rule

from ._pairs import agency_key, agreed, consecutive, paths


def _compare(items, rule):
    """Pair each report with the same agency's report of the year before; compare cell by cell."""
    for path, now, before in consecutive(items):
        for col, (value, text, span, label) in now["carried_over"].items():
            got = agreed([(p, f["carry_forward"][col]) for p, f in before if col in f["carry_forward"]])
            if got is None or got[1][0] == value:
                continue
            last, (carried, carried_text) = got
            where = f"表三“二、上年结转政府信息公开申请数量”行“{label}”列"
            yield path, rule.diag(
                span,
                f"{where}为{text}，但上一年度报告（{paths(last)}）表三“四、结转下年度继续办理”该列为"
                f"{carried_text}：两者应相等（上年结转下来的申请就是本年的上年结转）",
                f"table 三, row “二、上年结转政府信息公开申请数量”, column “{label}” is {text}, but last year's "
                f"report ({paths(last, ', ')}) carried {carried_text} into this year (table 三, “四、结转下年度继续办理”); "
                "they must be equal",
                table="三", row="carried_over", col=col, expected=carried, actual=value)


@cross_rule("GL801", "crossreport.carry-over", "warning", compare=_compare, enabled=False,
            summary_en="this year's 上年结转 differs from last year's 结转下年度继续办理 (same agency)")
def carry_over(report, ctx):
    """本年表三“上年结转”应等于同一机关上一年度报告表三“结转下年度继续办理”。

    What: when one run checks the same agency's reports of two consecutive years (the agency and the
    year as their titles give them; 平潭县, 平潭县政府 and 平潭县人民政府 are one agency, as are
    中共某某市委宣传部 and 某某市委宣传部, and 赫山区财政局 and 益阳市赫山区财政局 when the run holds no
    other fuller name for it, such as another city's 赫山区财政局; a kind of body's full name, its
    standard short form and its common abbreviation are one (某某市卫生健康委员会, 某某市卫生健康委
    and 某某市卫健委; 某某县住房和城乡建设局 and 某某县住建局; 某某市人民政府办公厅 and 某某市政府办公室);
    a title that names only a kind of body without its place (财政局, 县教育局: every county has one)
    takes the body of that kind its byline or its opening sentence names (本报告由某某县财政局编制),
    else it is no agency's, as is a title that names none and no byline), each column of this year's table 三 row “二、上年结转政府信息公开
    申请数量” equals that column of last year's row “四、结转下年度继续办理”. Reported on this year's
    cell; each version of this year's report (a page and its attachment) is compared, and when last
    year's report was published in versions, the figure they agree on (where they differ, which
    one is continued is not certain: GL805 tells). Reports without a year, an agency or table 三
    are not compared.
    Why: the applications still open at the end of last year are exactly those carried over into
    this one; when the figures differ, one of the two reports is wrong, or applications were lost
    between the years.
    Fails: 2022 report 二、上年结转 总计 = 2, while the 2021 report's 四、结转下年度继续办理 总计 = 1.
    Passes: both 1.
    Off by default (enable with ``--extend-select GL8``): a run that compares reports reports its
    findings in JSON once every file is checked, instead of file by file.
    Basis: format-spec §7 (the T3-1 identity across years); defects C9.
    """
    table = report.table("三")
    if report.year is None or table is None:
        return None
    agency = agency_key(report)
    if not agency:
        return None
    carried_over, carry_forward, spans = {}, {}, []
    for cell in _numbers(table, "carried_over"):
        carried_over[cell.column] = (cell.value, cell.text, cell.span, cell.column_label or cell.column)
        spans.append(cell.span)
    for cell in _numbers(table, "carry_forward"):
        carry_forward[cell.column] = (cell.value, cell.text)
    if not carried_over and not carry_forward:
        return None
    return {"agency": agency, "year": report.year, "carried_over": carried_over, "carry_forward": carry_forward,
            "spans": spans}


def _numbers(table, row_id):
    """The cells of a row that hold a number, each in its column of the format."""
    row = table.row(row_id)
    return [c for c in (row.cells if row is not None else ()) if c.column and c.is_number and c.value is not None]
