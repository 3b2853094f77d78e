from govlint import rule

_LAYOUTS = {
    # layout: (zh, en) of how the table was written
    "folded": ("按“行政复议”“未经复议直接起诉”“复议后起诉”分行、每行5个结果列填写",
               "in a row per group (行政复议, 未经复议直接起诉, 复议后起诉), five outcome columns each"),
    "transposed": ("按结果（结果维持、结果纠正、其他结果、尚未审结、总计）分行、“行政复议”“未经复议直接起诉”“复议后起诉”各占一列填写",
                   "in a row per outcome (结果维持 … 总计), a column per group (行政复议, 未经复议直接起诉, 复议后起诉)"),
    "listed": ("逐项分行填写（每行一个数字，注明复议或诉讼类别及结果）",
               "as a list, one figure a row labelled with its group and outcome"),
}


@rule("GL216", "tables.layout", "warning",
      summary_en="table 四 laid out otherwise than the format (a grid or a list of groups and outcomes); read all the same")
def table_layout(report, ctx):
    """表四未按格式的一行15列填写（改为按复议、诉讼分行，行列互换，或逐项列出），已按对应关系读取。

    What: table 四 of the format is one row of 15 figures under two levels of column labels — 行政复议,
    and 行政诉讼 split into 未经复议直接起诉 and 复议后起诉, each over 结果维持, 结果纠正, 其他结果, 尚未审结
    and 总计. A report that writes it as a grid instead — a row per group (“行政复议 | 1 | 0 | 0 | 0 | 1”,
    “行政诉讼（复议后起诉） | …”) under the five outcomes, or a row per outcome under the three groups —
    or as a list, a row per figure (“行政复议 | 结果维持 | 1”) — is reported once, on the table. Its figures are read into the format's columns by their labels
    (each finding on a figure still points at the figure as written), so the totals (GL304) and the
    narrative (GL502) are checked as usual.
    Why: the format fixes table 四 as one row of 15 figures under its two levels of labels, the same
    in the 2019 and the 2021 editions; a redrawn table is a table altered from the format (as an
    added row or column is, GL204/GL205), and the reports of a region are harder to compare and to
    read by machine — local notices ask for 格式规范. The figures are not wrong for it, so they are
    still checked.
    Fails: “类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计” then “行政复议 | 1 | 0 | 0 | 0 | 1” and a
    row each for 未经复议直接起诉 and 复议后起诉.
    Passes: the template's header over one row of 15 figures.
    Basis: format-spec §4.3 (table 四's columns), §5.3, §3.3 (格式规范); defects B3 (tables altered).
    """
    for table in report.tables:
        how = _LAYOUTS.get(table.layout) if table.id is not None and table.layout else None
        if how is None:
            continue
        yield ctx.rule.diag(table.span,
                            f"表{table.id}{how[0]}，与格式规定的表样（一行15列，表头分两级）不同；已按各数字的行列名称读取，"
                            "请按格式表样重新排版",
                            f"table {table.id} is written {how[1]}, not as the format's template (one row of 15 "
                            "figures under two levels of column labels); its figures were read by their labels — "
                            "lay it out as the template",
                            table=table.id)
