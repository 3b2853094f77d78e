from govlint import rule

from ._identity import check_identities


@rule("GL302", "arithmetic.outcome-total", "error", summary_en="table 三: （七）总计 ≠ the sum of the outcome rows")
def outcome_total(report, ctx):
    """表三每一列：（七）总计 = （一）至（六）各项办理结果之和。

    What: for each column, （七）总计 equals （一）予以公开 + （二）部分公开 + the eight （三）不予公开 rows
    + the three （四）无法提供 rows + the five （五）不予处理 rows + （六）其他处理 (its three rows in 2021,
    one row in 2019).
    Why: 总计 is the total of the outcomes; each application is counted under exactly one outcome
    (区分处理的，只计这一情形). A difference means an outcome is missing or counted twice.
    Fails: （一）予以公开 = 2, （二）部分公开 = 1, all others 0, （七）总计 = 4.
    Passes: the same with （七）总计 = 3.
    A sum over a blank or non-numeric cell is not checked (GL207/GL208 name the cell) — except in a
    table that writes none as blanks or fillers (“-”, “/”, “无”: five such cells or more, not one 0
    written), where they count 0 and the message says so; a total left blank beside figures is still
    not summed.
    Basis: format-spec §7.1 T3-2; defects C2, C5.
    """
    yield from check_identities(report, ctx)
