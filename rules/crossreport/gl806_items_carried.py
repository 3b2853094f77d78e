from govlint import cross_rule

from .._common import fmt
from ._pairs import agreed, consecutive, paths, table2_facts

#: table 二 rows of the 2019 format that count items (第二十条第（五）、（六）、（八）项)
_ROWS = ("licensing", "other_services", "penalty", "enforcement", "fees")


def _compare(items, rule):
    """Last year's 上一年项目数量 + 本年增/减, against this year's 上一年项目数量."""
    for path, now, before in consecutive(items):
        for row_id, (label, values, span) in now["rows"].items():
            previous = values["previous"]
            got = agreed([(p, (f["rows"][row_id][1]["previous"], f["rows"][row_id][1]["change"]))
                          for p, f in before if row_id in f["rows"]])
            if got is None:
                continue
            last, (last_previous, last_change) = got
            expected = last_previous + last_change
            if expected == previous:
                continue
            sums = f"{fmt(last_previous)} + ({fmt(last_change)}) = {fmt(expected)}"
            yield path, rule.diag(
                span,
                f"表二“{label}”行上一年项目数量为{fmt(previous)}，但上一年度报告（{paths(last)}）该行的上一年项目数量"
                f"加本年增/减为 {sums}：上一年度末的项目数量应就是本年的上一年项目数量",
                f"table 二, row “{label}”: 上一年项目数量 (last year's items) is {fmt(previous)}, but last year's "
                f"report ({paths(last, ', ')}) had {fmt(last_previous)} items the year before and a change "
                f"(本年增/减) of {fmt(last_change)}, which makes {sums} at the end of last year",
                table="二", row=row_id, col="previous", expected=expected, actual=previous)


@cross_rule("GL806", "crossreport.items-carried", "warning", compare=_compare, enabled=False,
            summary_en="2019 format: 上一年项目数量 ≠ last year's 上一年项目数量 + 本年增/减 (same agency)")
def items_carried(report, ctx):
    """表二（2019年版）本年“上一年项目数量”应等于上一年度报告的上一年项目数量加本年增/减。

    What: when one run checks the same agency's reports of two consecutive years whose table 二
    follows the 2019 format (the 2019 and 2020 reports; the agency and the year as their titles
    give them), for each row of 第二十条第（五）、（六）、（八）项 (行政许可, 其他对外管理服务事项,
    行政处罚, 行政强制, 行政事业性收费): last year's 上一年项目数量 + last year's 本年增/减 = this
    year's 上一年项目数量. Reported on this year's 上一年项目数量 cell. Rows with a cell that is not a
    number, reports in the 2021 format (its table 二 counts decisions, not items), and last year's
    versions (a page and its attachment) that give two figures are not compared.
    Why: the items at the end of last year are the items of the year before plus last year's
    increase or decrease; this year's table starts from them. A difference means one of the two
    reports has a wrong figure (often 上一年项目数量 copied unchanged from last year's report).
    Fails: 2019 report: 行政许可 | 36 | -2 | …; 2020 report: 行政许可 | 36 | … (36 − 2 = 34).
    Passes: the 2020 report says 34.
    Off by default (enable with ``--extend-select GL8``), as the other checks across reports.
    Basis: format-spec §5.1 (table 二 of the 2019 format: 上一年项目数量 · 本年增/减), §7.4; defects C10
    (the same reasoning for 现行有效件数, GL802).
    """
    return table2_facts(report, ctx, "2019", _ROWS, ("previous", "change"), "previous")
