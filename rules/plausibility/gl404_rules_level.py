from govlint import rule

from .._common import where
from .._prose import admin_level, agency_name, fmt

_LEVEL_ZH = {"county": "县级（县、区、旗）", "township": "乡镇、街道"}
_LEVEL_EN = {"county": "county-level (县/区/旗)", "township": "township-level (乡/镇/街道)"}


@rule("GL404", "plausibility.rules-level", "info", summary_en="a county or township body reports 规章")
def rules_level(report, ctx):
    """县级、乡镇机关不制定规章，表二“规章”行应为0。

    What: when the title names a county-level (××县, ××市××区, ××城区人民政府) or township-level (××镇, ××乡,
    ××街道) body, every cell of table 二's 规章 row is 0.
    Why: under the 立法法 only the State Council's departments and the people's governments of
    provinces and of cities with districts (设区的市、自治州) make 规章; a county or a township that
    reports 规章 has counted normative documents (or the provincial 规章 it applies) in the wrong row.
    Development zones and names govlint cannot place are not checked; the level is read from the
    title, so this is a note (info), not a finding.
    Fails: 威海市文登区信访局, table 二 “规章 | 1 | 0 | 1 |”.
    Passes: the same with “规章 | 0 | 0 | 0 |”.
    Basis: format-spec §7.3 (规章 heuristic; S8 note “设区的市、自治州人民政府应提供相关数据”); defects C12.
    """
    table = report.table("二")
    row = table.row("regulations") if table is not None else None
    if row is None:
        return
    level = admin_level(agency_name(report))
    if level not in _LEVEL_ZH:
        return
    for cell in row.cells:
        if cell.kind == "number" and cell.value and cell.value > 0:
            zh, en = where(ctx, "二", row, cell)
            yield ctx.rule.diag(
                cell.span,
                f"{zh}为{fmt(cell.value)}，但报告机关“{agency_name(report)}”是{_LEVEL_ZH[level]}机关，无权制定规章"
                "（只有国务院部门和省、设区的市人民政府可以）；请核对是否把规范性文件计入了规章",
                f"{en} is {fmt(cell.value)}, but “{agency_name(report)}” is a {_LEVEL_EN[level]} body and cannot make 规章 "
                "(only State Council departments and provincial / districted-city governments can); were normative "
                "documents counted here?", cell=cell, table="二", expected=0, actual=cell.value)
