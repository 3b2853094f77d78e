from govlint import rule

from .._common import fmt, numeric, where


@rule("GL305", "arithmetic.published-exceeds-total", "warning",
      summary_en="table 二 (2019 format): 本年新公开数量 > 对外公开总数量")
def published_exceeds_total(report, ctx):
    """表二（2019年版）：本年新公开数量不应大于对外公开总数量。

    What: in a report in the 2019 format, for 规章 and for 规范性文件 (第二十条第（一）项), the
    documents published this year (本年新公开数量) are not more than all the documents published
    (对外公开总数量). Reported on the 对外公开总数量 cell.
    Why: the documents published this year are among those published in all; a larger figure for
    this year means one of the two cells is wrong (or the columns were swapped).
    Fails: 规范性文件 | 5 | 12 | 8 (12 published this year, 8 in all).
    Passes: 规范性文件 | 5 | 5 | 40.
    Basis: format-spec §5.1 (table 二 of the 2019 format), §7.4 (heuristic).
    """
    table = report.table("二")
    if table is None or report.edition != "2019":
        return
    for row in table.rows:
        new, total = row.cell("published"), row.cell("total_published")
        if not (numeric(new) and numeric(total)) or new.value <= total.value:
            continue
        zh, en = where(ctx, table.id, row, total)
        yield ctx.rule.diag(
            total.span,
            f"{zh}为{fmt(total.value)}，小于同行的本年新公开数量{fmt(new.value)}：本年新公开的文件也在对外公开总数之内",
            f"{en} is {fmt(total.value)}, less than the row's 本年新公开数量 ({fmt(new.value)}): the documents "
            "published this year are among all those published",
            cell=total, table=table.id, expected=f"≥ {fmt(new.value)}", actual=total.value)
