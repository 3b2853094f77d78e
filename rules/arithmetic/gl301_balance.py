from govlint import rule

from ._identity import check_identities


@rule("GL301", "arithmetic.balance", "error", summary_en="table 三: 一 + 二 ≠ （七）总计 + 四 in a column")
def balance(report, ctx):
    """表三每一列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。

    What: for each of the seven columns of table 三, applications received this year plus those
    carried over from last year equal the applications handled (（七）总计) plus those carried into
    next year.
    Why: this identity is printed in the table itself (本列数据的勾稽关系为：第一项加第二项之和，等于第三项
    加第四项之和); when it fails, applications have been lost or counted twice.
    Fails: 一 = 3, 二 = 0, （七）总计 = 2, 四 = 0 in the 自然人 column.
    Passes: 一 = 3, 二 = 0, （七）总计 = 3, 四 = 0.
    A sum over a blank or non-numeric cell is not checked (GL207/GL208 name the cell) — except in a
    table that writes none as blanks or fillers (“-”, “/”, “无”: five such cells or more, not one 0
    written), where they count 0 and the message says so; a total left blank beside figures is still
    not summed.
    Basis: format-spec §3.4 (勾稽 note), §7.1 T3-1; defects C1.
    """
    yield from check_identities(report, ctx)
