"""Evaluate the edition's arithmetic identities (data in rules/editions/*.toml) for one rule code."""

from __future__ import annotations

from operator import attrgetter

from govlint.edition import Identity, TableSpec

from .._common import MANY_CELLS, by_groups, column_label, fmt, merged_leaves, numeric, row_label, shifted_row


def _describe(parts: list[tuple[str, float]]) -> str:
    if len(parts) > 6:
        return f"{parts[0][0]}至{parts[-1][0]}共{len(parts)}项之和"
    return " + ".join(f"{name}（{fmt(v)}）" for name, v in parts)


def _describe_en(parts: list[tuple[str, float]]) -> str:
    if len(parts) > 6:
        return f"the {len(parts)} cells from {parts[0][0]} to {parts[-1][0]}"
    return " + ".join(f"{name} ({fmt(v)})" for name, v in parts)


def check_identities(report, ctx):
    """Yield one diagnostic per broken instance of every identity whose ``rule`` is ``ctx.rule.code``.

    Instances with a missing or non-numeric cell are skipped: GL2 rules report those cells, and a
    sum over a guess would only add a false error — unless the table writes its zeros so (see
    :func:`_none_as_zero`): its blank and filler cells then count 0, and the message says so. So are
    those with a cell of a row whose figures may have shifted (:func:`shifted_row`: blank cells at
    its end, GL207 names them).
    """
    if ctx.edition is None:
        return
    for spec in ctx.edition.tables:
        table = report.table(spec.id)
        if table is None:
            continue
        for ident in spec.identities:
            if ident.rule != ctx.rule.code:
                continue
            if ident.over == "columns":
                yield from _over_columns(ctx, spec, table, ident)
            else:
                yield from _over_rows(ctx, spec, table, ident)


_VALUE = attrgetter("value")
#: the last tables asked about (id -> (table, answer)): GL301–GL304 ask of the same tables in turn
_NONE_AS_ZERO: dict = {}


def _none_as_zero(table) -> bool:
    """Does ``table`` write none as a blank or a filler (“-”, “/”, “无”) instead of 0 — five such cells
    or more (GL207/GL208 report them) and not one 0 written? Its identities are then checked with
    those cells as 0: a report so written would otherwise have no sum checked at all."""
    hit = _NONE_AS_ZERO.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    fillers = 0
    for row in table.rows:
        for c in row.cells:
            kind = c.kind
            if kind == "number":
                if c.value == 0:
                    fillers = -1  # a 0 written: none is written as 0
                    break
            elif kind == "blank" or kind == "placeholder":
                fillers += 1
        if fillers < 0:
            break
    answer = fillers >= MANY_CELLS
    if len(_NONE_AS_ZERO) >= 16:
        _NONE_AS_ZERO.clear()
    _NONE_AS_ZERO[id(table)] = (table, answer)
    return answer


def _countable(zeros: bool):
    """The test of a cell an instance can use, and its value: numbers; and blanks and fillers as 0
    in a table that writes none so (``zeros``)."""
    if not zeros:  # (the usual table)
        return numeric, _VALUE

    def ok(c) -> bool:
        return numeric(c) or (c is not None and c.kind in ("blank", "placeholder"))

    def value(c) -> float:
        return c.value if numeric(c) else 0
    return ok, value


def _one_side_unwritten(lhs, rhs) -> bool:
    """One side of an instance all blanks or fillers, the other with a figure other than 0: a total
    left out (总计 not filled in), not a 0 (GL207/GL208 name the cells) — no sum to check."""
    def written(cells) -> bool:
        return any(numeric(c) for c in cells)

    def some(cells) -> bool:
        return any(numeric(c) and c.value for c in cells)
    return (not written(lhs) and some(rhs)) or (not written(rhs) and some(lhs))


def _as_zero_note(cells) -> tuple[str, str]:
    """What the message adds when some of ``cells`` were counted 0 though not written so."""
    fillers = sorted({"空白" if c.kind == "blank" else f"“{c.text.strip()}”" for c in cells if not numeric(c)})
    if not fillers:
        return "", ""
    en = sorted({"blank" if c.kind == "blank" else f"“{c.text.strip()}”" for c in cells if not numeric(c)})
    return (f"（本表以{'、'.join(fillers)}表示0，按0计算）",
            f" (the table writes none as {' and '.join(en)}: counted as 0)")


def _stand_ins(spec: TableSpec, table) -> dict:
    """Group rows written with figures of their own instead of their sub-rows (the 2019 （六）其他处理
    in a 2021 table 三, GL206): group row id -> {column id: cell}, when the group has a figure for
    every column and none of its sub-rows is written. The group's figures then stand for the sum of
    its sub-rows in the identities, which would otherwise be skipped for the whole table."""
    out: dict = {}
    groups = [row for row in table.rows if row.problem == "group_has_values" and row.id is not None]
    if not groups:  # (the usual table)
        return out
    leaves = spec.blocks[0].leaves()
    for row in groups:
        if len(row.raw_values) != len(leaves):
            continue
        subs = spec.leaf_rows([row.id])
        if any(table.row(r) is not None for r in subs if r != row.id):
            continue
        out[row.id] = {col.id: c for col, c in zip(leaves, row.raw_values)}
    return out


def _with_stand_ins(spec: TableSpec, rows: list[str], stand_ins: dict) -> list[str]:
    """``rows`` (leaf rows) with the sub-rows of each group in ``stand_ins`` replaced by the group."""
    if not stand_ins:
        return rows
    return by_groups(rows, {r: g for g in stand_ins for r in spec.leaf_rows([g])})


def _shifted(table) -> set:
    """Ids of the rows of ``table`` whose figures may stand in the wrong columns (shifted_row)."""
    return {row.id for row, _, shifted in _rows(table) if shifted}


#: the last tables asked about (id -> (table, its _rows)): each identity of a table reads its rows
_ROWS: dict = {}


def _rows(table) -> list:
    """(row, its cells by column — the first cell of a column, as Row.cell gives it: a later one of
    the same column is overwritten —, whether :func:`shifted_row`) for each row of ``table``."""
    hit = _ROWS.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    rows = [(row, {c.column: c for c in reversed(row.cells)}, shifted_row(table, row)) for row in table.rows]
    if len(_ROWS) >= 16:
        _ROWS.clear()
    _ROWS[id(table)] = (table, rows)
    return rows


def _over_columns(ctx, spec: TableSpec, table, ident: Identity):
    stand_ins = _stand_ins(spec, table)
    shifted = _shifted(table)
    if shifted & set(spec.leaf_rows(ident.lhs + ident.rhs)):
        return  # a row of the identity may be shifted: no column can be summed with confidence
    lhs_rows = _with_stand_ins(spec, spec.leaf_rows(ident.lhs), stand_ins)
    rhs_rows = _with_stand_ins(spec, spec.leaf_rows(ident.rhs), stand_ins)

    # each row's cells by column: a group's stand-in figures, else those of the table's first row of
    # that id (as Table.cell looks a cell up)
    firsts: dict = {}
    for row, by_column, _ in _rows(table):
        if row.id not in firsts:
            firsts[row.id] = by_column
    lhs_by_col = [stand_ins[rid] if rid in stand_ins else firsts.get(rid, {}) for rid in lhs_rows]
    rhs_by_col = [stand_ins[rid] if rid in stand_ins else firsts.get(rid, {}) for rid in rhs_rows]
    zeros = _none_as_zero(table)
    ok, value = _countable(zeros)

    for col in _columns(spec, table):
        cid = col.id
        lcells = [cells.get(cid) for cells in lhs_by_col]
        rcells = [cells.get(cid) for cells in rhs_by_col]
        if not (all(map(ok, lcells)) and all(map(ok, rcells))) or (zeros and _one_side_unwritten(lcells, rcells)):
            continue
        a = sum(map(value, lcells))
        b = sum(map(value, rcells))
        if abs(a - b) < 1e-9:
            continue
        lhs = list(zip(lhs_rows, lcells))
        rhs = list(zip(rhs_rows, rcells))
        anchor_rid, anchor = rhs[0] if ident.id != "T3-2" else lhs[0]
        cl = column_label(ctx, spec.id, col.id)
        lparts = [(row_label(ctx, spec.id, rid), value(c)) for rid, c in lhs]
        rparts = [(row_label(ctx, spec.id, rid), value(c)) for rid, c in rhs]
        note, note_en = _as_zero_note([c for _, c in lhs + rhs])
        # the value the anchor cell would need for the identity to hold
        if anchor is rhs[0][1]:
            expected = a - (b - value(anchor))
        else:
            expected = b - (a - value(anchor))
        left = _describe(lparts) + (f" = {fmt(a)}" if len(lparts) > 1 else "")
        left_en = _describe_en(lparts) + (f" = {fmt(a)}" if len(lparts) > 1 else "")
        label = row_label(ctx, spec.id, anchor_rid)
        # the value the anchor would need, offered when it could be one (a count is never below 0)
        guess = f"；如其余数字无误，{label}应为 {fmt(expected)}" if expected >= 0 else ""
        guess_en = f"; if the other figures are right, {label} should be {fmt(expected)}" if expected >= 0 else ""
        zh = (f"表{spec.id}“{cl}”列：{left}，而 {_describe(rparts)} = {fmt(b)}，两者应相等"
              f"{guess}{note}（依据：{ident.basis}）")
        en = (f"table {spec.id}, column “{cl}”: {left_en} but {_describe_en(rparts)} = {fmt(b)}; "
              f"they must be equal{guess_en}{note_en} (basis: {ident.basis_en})")
        yield ctx.rule.diag(anchor.span, zh, en, cell=anchor, table=spec.id, expected=expected, actual=value(anchor))


def _columns(spec: TableSpec, table) -> list:
    """The leaf columns of a one-block table, a group written as one column (``table.merged_columns``)
    in the place of its leaves."""
    leaves = spec.blocks[0].leaves()
    if not table.merged_columns:  # (the usual table)
        return leaves
    return [spec.column(c) for c in _with_merged(spec, table, [c.id for c in leaves])]


def _with_merged(spec: TableSpec, table, cols) -> list[str]:
    """``cols`` (leaf column ids) with the leaves of each group in ``table.merged_columns`` replaced by
    the group: its figure is their sum."""
    if not table.merged_columns:
        return list(cols)
    return by_groups(cols, merged_leaves(spec, table))


def _over_rows(ctx, spec: TableSpec, table, ident: Identity):
    zeros = _none_as_zero(table)
    ok, value = _countable(zeros)
    lhs_cols = _with_merged(spec, table, ident.lhs)
    rhs_cols = _with_merged(spec, table, ident.rhs)
    for row, by_column, shifted in _rows(table):
        if not row.cells or shifted:
            continue
        lhs = list(map(by_column.get, lhs_cols))
        rhs = list(map(by_column.get, rhs_cols))
        if not (all(map(ok, lhs)) and all(map(ok, rhs))) or (zeros and _one_side_unwritten(lhs, rhs)):
            continue
        a = sum(map(value, lhs))
        b = sum(map(value, rhs))
        if abs(a - b) < 1e-9:
            continue
        anchor = lhs[0]
        expected = b - (a - value(anchor))
        note, note_en = _as_zero_note(lhs + rhs)
        rl = row_label(ctx, spec.id, row.id) if spec.implicit_row is None else ""
        scope = f"表{spec.id}“{rl}”行" if rl else f"表{spec.id}"
        scope_en = f"table {spec.id}, row “{rl}”" if rl else f"table {spec.id}"
        lparts = [(column_label(ctx, spec.id, c.column), value(c)) for c in lhs]
        rparts = [(column_label(ctx, spec.id, c.column), value(c)) for c in rhs]
        # the value the total would need, offered when it could be one (a count is never below 0)
        should = f"{lparts[0][0]}应为 {fmt(expected)}" if expected >= 0 else "两者应相等"
        should_en = f"{lparts[0][0]} should be {fmt(expected)}" if expected >= 0 else "they must be equal"
        zh = f"{scope}：{_describe(lparts)}，但 {_describe(rparts)} = {fmt(b)}；{should}{note}（依据：{ident.basis}）"
        en = (f"{scope_en}: {_describe_en(lparts)} but {_describe_en(rparts)} = {fmt(b)}; {should_en}{note_en} "
              f"(basis: {ident.basis_en})")
        yield ctx.rule.diag(anchor.span, zh, en, cell=anchor, table=spec.id, row=row.id, expected=expected,
                            actual=value(anchor))
