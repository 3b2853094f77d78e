from govlint import cross_rule

from .._common import fmt
from ._pairs import agreed, consecutive, paths, table2_facts

_ROWS = ("regulations", "normative_documents")  # table 二, 第二十条第（一）项 (2021 format)
_COLUMNS = ("issued", "repealed", "in_force")


def _compare(items, rule):
    """Last year's 现行有效件数 + this year's 制发 − 废止, against this year's 现行有效件数."""
    for path, now, before in consecutive(items):
        for row_id, (label, values, span) in now["rows"].items():
            got = agreed([(p, f["rows"][row_id][1]["in_force"]) for p, f in before if row_id in f["rows"]])
            if got is None:
                continue
            last, before_in_force = got
            issued, repealed, in_force = (values[c] for c in _COLUMNS)
            expected = before_in_force + issued - repealed
            if expected == in_force:
                continue
            sums = f"{fmt(before_in_force)} + {fmt(issued)} − {fmt(repealed)} = {fmt(expected)}"
            yield path, rule.diag(
                span,
                f"表二“{label}”行现行有效件数为{fmt(in_force)}，但上一年度报告（{paths(last)}）的现行有效件数加本年"
                f"制发、减本年废止为 {sums}；如本年清理后重新统计了现行有效件数，宜在正文中说明",
                f"table 二, row “{label}”: 现行有效件数 (in force) is {fmt(in_force)}, but last year's report "
                f"({paths(last, ', ')}) had {fmt(before_in_force)} in force, and with this year's issued and repealed "
                f"documents that makes {sums}; if the count was re-based after a clean-up (清理), say so in the text",
                table="二", row=row_id, col="in_force", expected=expected, actual=in_force)


@cross_rule("GL802", "crossreport.in-force", "info", compare=_compare, enabled=False,
            summary_en="现行有效件数 ≠ last year's + 本年制发 − 本年废止 (same agency)")
def in_force(report, ctx):
    """本年表二“现行有效件数”应等于上一年度的现行有效件数加本年制发件数、减本年废止件数。

    What: when one run checks the same agency's reports of two consecutive years in the 2021 format
    (the agency and the year as their titles give them), for 规章 and for 行政规范性文件 in table 二:
    last year's 现行有效件数 + this year's 本年制发件数 − this year's 本年废止件数 = this year's
    现行有效件数. Reported, as a note, on this year's 现行有效件数 cell. Rows with a cell that is not
    a number, reports in the 2019 format (its table 二 counts documents made and published, not
    repealed or in force), and last year's versions (a page and its attachment) that give two
    figures are not compared.
    Why: the documents in force at the end of the year are last year's, plus the ones issued, minus
    the ones repealed. A difference is either a wrong figure or a re-count after a clean-up of the
    documents (清理), which the report should then explain; hence a note, not a warning.
    Fails: 2021 report: 行政规范性文件 现行有效件数 20; 2022 report: 制发 3, 废止 1, 现行有效 25 (20 + 3 − 1 = 22).
    Passes: the 2022 report says 22.
    Off by default (enable with ``--extend-select GL8``), as the other checks across reports.
    Basis: format-spec §4.1 (table 二, 第二十条第（一）项: 本年制发件数, 本年废止件数, 现行有效件数);
    defects C10.
    """
    return table2_facts(report, ctx, "2021", _ROWS, _COLUMNS, "in_force")
