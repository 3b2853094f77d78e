from govlint import rule
from govlint.relazy import lazy_compile

from .._common import where
from .._prose import admin_level, agency_name

_LICENSING_BODY = lazy_compile(r"行政审批|审批服务|政务服务|行政服务")


@rule("GL405", "plausibility.licensing-zero", "info", summary_en="a 行政审批 body reports no 行政许可 decisions")
def licensing_zero(report, ctx):
    """行政审批（政务服务）机关的表二“行政许可”本年处理决定数量为0，值得核对。

    What: when the title names a 行政审批 / 审批服务 / 政务服务 / 行政服务 body above the township
    (a township's 便民服务中心 or 政务服务中心 takes applications for the county's bureaus and decides
    none itself), table 二's 行政许可 row does not report 0 decisions.
    Why: granting 行政许可 is what such a bureau is for (相对集中行政许可权); 0 decisions usually
    means the figure was not collected, or was left to the departments whose powers the bureau took
    over. It can be legitimate (a bureau that only coordinates), hence a note.
    Fails: 益阳市行政审批服务局, “行政许可 | 0 |”.
    Passes: 益阳市行政审批服务局, “行政许可 | 1523 |”; 益阳市教育局, “行政许可 | 0 |”.
    Basis: format-spec §1.4 (第二十条第（五）项), §4.1; issue 4 (agency-type expectations).
    """
    table = report.table("二")
    row = table.row("licensing") if table is not None else None
    if row is None or not _LICENSING_BODY.search(agency_name(report)):
        return
    if admin_level(agency_name(report)) == "township":
        return  # a township's 政务服务中心 takes applications for the county's bureaus; it decides none
    cell = row.cell("decisions")
    if cell is None or cell.kind != "number" or cell.value != 0:
        return
    zh, en = where(ctx, "二", row, cell)
    yield ctx.rule.diag(cell.span,
                        f"{zh}为0，但报告机关“{agency_name(report)}”是行政审批（政务服务）机关，通常有行政许可决定；请核对是否漏填",
                        f"{en} is 0, but “{agency_name(report)}” is a licensing (行政审批) body, which normally decides "
                        "行政许可 applications; check whether the figure was left out",
                        cell=cell, table="二", actual=0)
