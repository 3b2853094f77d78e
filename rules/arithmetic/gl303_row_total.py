from govlint import rule

from ._identity import check_identities


@rule("GL303", "arithmetic.row-total", "error", summary_en="table 三: 总计 ≠ the six applicant columns in a row")
def row_total(report, ctx):
    """表三每一行：“总计”= 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。

    What: in every data row of table 三, the 总计 column is the sum of the six applicant columns.
    Why: 总计 counts all applicants; the 法人或其他组织 columns have no subtotal of their own in the
    template. A mismatch means one of the cells is wrong.
    Fails: “一、本年新收… | 4 | 0 | 0 | 0 | 0 | 0 | 3”.
    Passes: “一、本年新收… | 3 | 0 | 0 | 0 | 0 | 0 | 3”.
    A sum over a blank or non-numeric cell is not checked (GL207/GL208 name the cell) — except in a
    table that writes none as blanks or fillers (“-”, “/”, “无”: five such cells or more, not one 0
    written), where they count 0 and the message says so; a total left blank beside figures is still
    not summed.
    Basis: format-spec §4.2, §7.1 T3-3; defects C3.
    """
    yield from check_identities(report, ctx)
