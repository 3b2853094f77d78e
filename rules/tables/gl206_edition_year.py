from govlint import rule

from .._common import short, start_span


@rule("GL206", "tables.edition-mismatch", "error", summary_en="the tables follow the wrong edition for the report year")
def edition_mismatch(report, ctx):
    """表格版本应与报告年度相符：2019、2020年度用2019年版，2021年度起用2021年版。

    What: the edition detected from the tables' labels (e.g. 本年新制作数量, 上一年项目数量, 第二十条第（九）项
    for 2019; 本年制发件数, 本年收费金额（单位：万元） for 2021) covers the report year; and a 2021-edition
    table 三 splits （六）其他处理 into its three sub-rows instead of giving it figures of its own, and a
    2019-edition table 三 gives it one row (not the 2021 sub-rows 1./2./3., as reports of the transition
    years mix the editions). In a report whose tables mix the editions, a table that is right for the
    report year is not reported. A single block of table 二 written in the other edition — its column
    labels that edition's (本年新制作数量 · 本年新公开数量 · 对外公开总数量 under 第二十条第（一）项 of a 2021
    table), or a block only that edition has (第二十条第（九）项 in a 2021 table) — is reported once,
    naming the block and the edition its labels belong to; its labels are not reported again as
    unknown rows or columns (GL204, GL205), and its figures, which answer that edition's questions,
    are not read into this edition's columns.
    Why: 国办公开办函〔2021〕30号 replaced the 2019 trial format from the 2021 reports on; an old
    template in a new report (or the reverse) means the figures answer different questions.
    Fails: a 2022 report whose table 二 has “本年新制作数量”; a 2022 report whose table 二 adds the block
    “第二十条第（九）项 / 采购项目数量 / 采购总金额 / 政府集中采购”.
    Passes: a 2022 report with the 2021 table labels.
    Basis: format-spec §2; defects B2.
    """
    if ctx.edition is None:
        return
    ed = ctx.edition
    if report.year is not None and not ed.covers(report.year) and any(report.edition_scores.values()):
        right = next((e for e in ctx.editions.values() if e.covers(report.year)), None)
        tables = sorted((t for t in report.tables if t.id is not None), key=lambda t: t.span.start)
        # a report mixing the editions (a transition year): name the tables written in the other one
        per = report.table_edition_scores
        wrong = [t.id for t in tables if per.get(t.id, {}).get(ed.id, 0) > per.get(t.id, {}).get(right.id if right else "", 0)]
        wrong = list(dict.fromkeys(wrong))
        # (mixed: another table shows the year's edition, by its labels or by its rows — the 2019
        # single （六）其他处理 row in a table read as 2021, or the 2021 sub-rows in one read as 2019)
        mixed = right is not None and bool(wrong) and any(
            t.id not in wrong and (per.get(t.id, {}).get(right.id, 0) > 0
                                   or any(r.problem in ("group_has_values", "split_rows") for r in t.rows))
            for t in tables)
        named = [t for t in tables if t.id in wrong] if mixed else []
        first = (named or tables or [None])[0]
        span = first.span if first is not None else start_span(report)
        what = "、".join(f"表{t}" for t in wrong) if mixed else "统计表"
        what_en = ", ".join(f"table {t}" for t in wrong) if mixed else "the tables"
        should = f"；{report.year}年度应使用{right.id}年版（{right.basis}）" if right else ""
        should_en = f"; a {report.year} report uses the {right.id} edition ({right.basis})" if right else ""
        yield ctx.rule.diag(span, f"报告年度为{report.year}年，但{what}使用的是{ed.id}年版格式（{ed.basis}）{should}",
                            f"the report year is {report.year} but {what_en} follow the {ed.id} edition ({ed.basis}){should_en}",
                            table=first.id if mixed and first is not None else None,
                            expected=right.id if right else None, actual=ed.id)
    right = next((e for e in ctx.editions.values() if report.year is not None and e.covers(report.year)), None)
    for table in report.tables:
        spec = ed.table(table.id) if table.id else None
        if spec is None:
            continue
        # the table as the report year's edition has it (a transition-year report mixes editions: the
        # rows that are right for the year are not reported)
        year_spec = right.table(table.id) if right is not None and right is not ed else None
        for row in table.rows:
            if row.problem == "group_has_values":
                year_row = year_spec.row(row.id) if year_spec is not None else None
                if year_row is not None and not year_row.group:
                    continue  # one row, as the year's edition has it
                subs = [short(r.label) for r in spec.rows() if r.parent == row.id]
                yield ctx.rule.diag(
                    row.span, f"“{short(row.label)}”在{ed.id}年版表{table.id}中没有单独的数字，应分为{len(subs)}行填写：{'、'.join(subs)}",
                    f"“{short(row.label)}” has no figures of its own in the {ed.id} edition's table {table.id}; "
                    f"it is split into {len(subs)} rows: {', '.join(subs)}", table=table.id, row=row.id)
            elif row.problem == "split_rows":
                year_row = year_spec.row(row.id) if year_spec is not None else None
                if year_row is not None and year_row.group:
                    continue  # split, as the year's edition has it
                other = next((e for e in ctx.editions.values() if e is not ed and e.table(table.id) is not None
                              and (e.table(table.id).row(row.id) or spec.row(row.id)).group), None)
                if other is None:
                    continue
                subs = [short(r.label) for r in other.table(table.id).rows() if r.parent == row.id]
                label = short(spec.row(row.id).label) if spec.row(row.id) else short(row.label)
                year = f"，{report.year}年度报告" if report.year is not None else "，本报告"
                year_en = f"; a {report.year} report" if report.year is not None else "; this report"
                yield ctx.rule.diag(
                    row.span,
                    f"表{table.id}“{label}”分为{len(subs)}行填写（{'、'.join(subs)}），这是{other.id}年版（{other.basis}）的格式；"
                    f"{ed.id}年版（{ed.basis}）中该项只有一行{year}的表{table.id}应按{ed.id}年版填写（已按各行之和核对合计）",
                    f"table {table.id}: “{label}” is split into {len(subs)} rows ({', '.join(subs)}) as in the {other.id} "
                    f"edition ({other.basis}); the {ed.id} edition ({ed.basis}) has it as one row{year_en} fills table "
                    f"{table.id} in the {ed.id} edition (the totals were checked with the rows' sum)",
                    table=table.id, row=row.id, expected=ed.id, actual=other.id)
    for table in report.tables:
        if table.id is None:
            continue
        for ob in table.other_edition_blocks:
            other = ctx.editions.get(ob.edition)
            if other is None or other is ed or (right is not None and right is other):
                continue  # (a block right for the report year: the edition of the rest is reported above)
            should = right if right is not None else ed
            labels = "、".join(ob.labels)
            if report.year is not None and right is not None:
                year = f"{report.year}年度报告应使用{right.id}年版（{right.basis}）"
                year_en = f"a {report.year} report uses the {right.id} edition ({right.basis})"
            else:
                year = f"表{table.id}其余部分使用的是{ed.id}年版（{ed.basis}）"
                year_en = f"the rest of table {table.id} follows the {ed.id} edition ({ed.basis})"
            spec = should.table(table.id)
            mine = next((b for b in spec.blocks if b.id == ob.block), None) if spec is not None and ob.block else None
            if mine is not None:
                caption = mine.caption or ob.caption
                expected = "、".join(c.label for c in mine.leaves())
                read, unread = ob.read
                if read:  # its figures were read into the edition's columns of the same meaning
                    checked = f"（该栏目{'、'.join(read)}的数字已按{expected}核对"
                    checked += f"，{'、'.join(unread)}的数字未参与核对）" if unread else "）"
                    checked_en = (f" (the figures of {', '.join(read)} were checked as {expected.replace('、', ', ')}"
                                  + (f"; those of {', '.join(unread)} were not)" if unread else ")"))
                else:
                    checked, checked_en = "（该栏目的数字未参与核对）", " (the block's figures were not checked)"
                yield ctx.rule.diag(
                    ob.span, f"表{table.id}“{caption}”栏目使用的是{other.id}年版格式（{other.basis}）的名称（{labels}）；"
                             f"{year}，该栏目的列应为：{expected}{checked}",
                    f"table {table.id}: the block “{caption}” uses the labels of the {other.id} edition ({other.basis}): "
                    f"{labels}; {year_en}, whose columns there are {expected.replace('、', ', ')}{checked_en}",
                    table=table.id, expected=should.id, actual=other.id)
            else:
                yield ctx.rule.diag(
                    ob.span, f"表{table.id}中的“{ob.caption}”栏目（{labels}）是{other.id}年版格式（{other.basis}）才有的；"
                             f"{year}，该版没有这一栏目",
                    f"table {table.id}: the block “{ob.caption}” ({labels.replace('、', ', ')}) exists only in the "
                    f"{other.id} edition ({other.basis}); {year_en}, which has no such block",
                    table=table.id, expected=should.id, actual=other.id)
