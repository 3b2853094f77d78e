from govlint import rule

from .._common import fmt, numeric, where


@rule("GL306", "arithmetic.items-below-zero", "error",
      summary_en="table 二 (2019 format): 上一年项目数量 + 本年增/减 < 0")
def items_below_zero(report, ctx):
    """表二（2019年版）：上一年项目数量加本年增/减不能小于0。

    What: in a report in the 2019 format, for each row of 第二十条第（五）、（六）、（八）项 (行政许可,
    其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费), last year's number of items plus this
    year's increase or decrease (本年增/减, negative for a decrease) is 0 or more. Reported on the
    本年增/减 cell.
    Why: this year's items are last year's with the change; fewer than none cannot be: the decrease
    is larger than what there was, so one of the two cells is wrong.
    Fails: 行政许可 | 10 | -12 | 30 (10 − 12 = −2 items).
    Passes: 行政许可 | 10 | -2 | 30.
    Basis: format-spec §5.1 (table 二 of the 2019 format), §7.4.
    """
    table = report.table("二")
    if table is None or report.edition != "2019":
        return
    for row in table.rows:
        before, change = row.cell("previous"), row.cell("change")
        if not (numeric(before) and numeric(change)) or before.value + change.value >= 0:
            continue
        zh, en = where(ctx, table.id, row, change)
        now = before.value + change.value
        yield ctx.rule.diag(
            change.span,
            f"{zh}为{fmt(change.value)}，上一年项目数量{fmt(before.value)}加上它为{fmt(now)}，项目数量不能小于0",
            f"{en} is {fmt(change.value)}: with last year's {fmt(before.value)} items (上一年项目数量) that makes "
            f"{fmt(now)}, and a number of items cannot be below 0",
            cell=change, table=table.id, expected=f"≥ {fmt(-before.value)}", actual=change.value)
