from govlint import rule

from ._identity import check_identities


@rule("GL304", "arithmetic.case-total", "error", summary_en="table 四: a group's 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结")
def case_total(report, ctx):
    """表四每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。

    What: for 行政复议, 未经复议直接起诉 and 复议后起诉, the group's 总计 equals the sum of its four
    outcome columns.
    Why: every case ends in exactly one of the four states by the end of the year; a 总计 that
    differs means a case is missing or counted twice.
    Fails: 行政复议 1 | 0 | 0 | 0 | 2.
    Passes: 行政复议 1 | 0 | 0 | 1 | 2.
    A sum over a blank or non-numeric cell is not checked (GL207/GL208 name the cell) — except in a
    table that writes none as blanks or fillers (“-”, “/”, “无”: five such cells or more, not one 0
    written), where they count 0 and the message says so; a total left blank beside figures is still
    not summed.
    Basis: format-spec §4.3, §7.2; defects C4.
    """
    yield from check_identities(report, ctx)
