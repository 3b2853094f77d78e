"""recover: split digits that run together where a row's cells should be (``21710000218``).

Crawled page text loses the table markup, so a row of table 三 may read ``21710000218`` for
217 | 1 | 0 | 0 | 0 | 0 | 218. Such a run is split only when exactly one split satisfies the
table's own identities (the edition's ``identities``, as data):

1. every split must be well formed — no leading zero in a multi-digit cell, no decimal point in an
   integer column, no sign outside a signed column, no cell longer than :data:`MAX_CELL_DIGITS`,
   and never a cell across whitespace (whitespace inside a run is always a cell boundary);
2. if only one split is well formed (``000`` for three cells, or as many digits as cells) it is
   taken as written ("forced");
3. otherwise the candidates are the splits that satisfy the row identities (``over = "rows"``:
   table 三 总计 = the six applicant columns, table 四 each group's 总计 = its four outcomes);
4. the column identities (``over = "columns"``) then bind the rows of the whole table: a row is
   recovered when exactly one of its candidates takes part in some assignment of all uncertain rows
   that satisfies every column identity ("identities").

Anything else — no consistent split, several, or more candidates than the search may look at —
leaves the row unread (``Row.problem = "too_few"`` and ``Row.unsplit`` says why), so that no
arithmetic finding is ever built on a guessed split. The search is bounded (:data:`MAX_NODES` per
row, :data:`MAX_TABLE_NODES` per table, :data:`MAX_CANDIDATES` per row); reaching a bound counts
as "too many candidates".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, NamedTuple, Optional, Sequence

import attrs

from . import records
from .edition import ColumnSpec, TableSpec
from .flatten import DigitRun
from .model import Cell, Row
from .numbers import CellValue, parse_cell
from .parse import RawCell

MAX_CELL_DIGITS = 12  # a cell cut out of a run never has more digits than this
MAX_NODES = 20_000  # search steps per row …
MAX_TABLE_NODES = 60_000  # … and for all the rows of a table together
MAX_CANDIDATES = 64  # candidate splits per row that satisfy its own identities

_MAX_WHOLE = 30  # a piece written apart is one cell up to this many digits (as numbers.parse_cell)
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_SIGNS = frozenset("-－−")
_UNITS = ("万元", "元", "件", "条", "个", "项", "次", "%", "％")


class _TooMany(Exception):
    pass


class Piece(NamedTuple):
    """Part of a row's values: a cell as written (``cuttable=False``) or a stretch of a digit run
    between whitespace (``cuttable=True``), which may hold several cells."""

    raw: RawCell
    value: CellValue
    cuttable: bool


class Split(NamedTuple):
    """One way to read a row: per column, (start, end, text, value)."""

    cells: tuple[tuple[int, int, str, Optional[float]], ...]


def pieces(values: Sequence[tuple[RawCell, CellValue]]) -> list[Piece]:
    """The row's values with every :class:`DigitRun` opened into its whitespace-separated pieces."""
    out: list[Piece] = []
    for raw, v in values:
        if isinstance(raw, DigitRun):
            for a, b in raw.pieces:
                text = raw.text[a - raw.start:b - raw.start]
                out.append(Piece(RawCell(text, a, b), parse_cell(text), True))
        else:
            out.append(Piece(raw, v, False))
    return out


def has_run(values: Sequence[tuple[RawCell, CellValue]]) -> bool:
    return any(isinstance(raw, DigitRun) for raw, _ in values)


_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def _cell_value(text: str, col: Optional[ColumnSpec], cut: bool) -> tuple[bool, Optional[float]]:
    """Is ``text`` a well-formed cell for ``col`` (when cut out of a run), and its value."""
    t = unicodedata.normalize("NFKC", text)
    body = t
    for u in _UNITS:
        u = unicodedata.normalize("NFKC", u)
        if body.endswith(u):
            body = body[: -len(u)]
            break
    if body[:1] in ("-", "−"):
        if col is None or not col.signed:
            return False, None
        body = body[1:]
    if "," in body:  # thousands separators: only where they group by three (1,234; never 1,23 or ,234)
        if not _GROUPED.fullmatch(body):
            return False, None
        body = body.replace(",", "")
    if not body or not all(c.isdecimal() or c == "." for c in body) or body.count(".") > 1:
        return False, None
    whole = body.split(".")[0]
    if not whole or (len(whole) > 1 and whole[0] == "0"):
        return False, None
    if "." in body and (col is None or col.integer):
        return False, None
    if cut and len(whole) > MAX_CELL_DIGITS:
        return False, None
    v = parse_cell(text).value
    return v is not None, v


def _constraints(spec: TableSpec, cols: Sequence[Optional[ColumnSpec]]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The table's row identities as positions in this row: sum(lhs) == sum(rhs)."""
    pos = {c.id: i for i, c in enumerate(cols) if c is not None}
    out = []
    for ident in spec.identities:
        if ident.over != "rows":
            continue
        if all(c in pos for c in (*ident.lhs, *ident.rhs)):
            out.append((tuple(pos[c] for c in ident.lhs), tuple(pos[c] for c in ident.rhs)))
    return out


class Budget:
    """Search steps left for one table (shared by all its rows)."""

    def __init__(self, nodes: int = MAX_TABLE_NODES) -> None:
        self.left = nodes

    def spend(self, n: int = 1) -> None:
        self.left -= n
        if self.left < 0:
            raise _TooMany


Constraint = tuple[tuple[int, ...], tuple[int, ...]]


def search(row: Sequence[Piece], cols: Sequence[Optional[ColumnSpec]], constraints: Sequence[Constraint],
           max_results: int, max_nodes: int = MAX_NODES, budget: Optional[Budget] = None) -> list[Split]:
    """Every well-formed split of ``row`` into ``len(cols)`` cells satisfying ``constraints``.

    Raises :class:`_TooMany` past ``max_results`` results or ``max_nodes`` steps (or when the
    table's ``budget`` runs out). Cells are chosen one after the other, from the end of the row
    when the identities' single cells (the 总计) stand last, so that a 总计 is known before its
    parts: then each part is bounded by it. A constraint is checked as soon as its cells are
    chosen; when one cell is missing its value is fixed in advance; and with non-negative columns
    the parts still to choose must be able to make up what the total leaves (digit budget).
    """
    k = len(cols)
    # the row as one string of characters: pieces are concatenated, their boundaries are cuts
    offs: list[int] = []
    text_parts: list[str] = []
    n = 0
    is_cut = [False]
    is_mand = [True]
    piece_at: list[int] = []
    for pi, p in enumerate(row):
        t = p.raw.text
        offs.append(n)
        for i in range(1, len(t)):
            is_cut.append(p.cuttable and t[i - 1] in _DIGITS and t[i] in _DIGITS)
            is_mand.append(False)
        is_cut.append(True)
        is_mand.append(True)
        piece_at.extend([pi] * len(t))
        text_parts.append(t)
        n += len(t)
    if n == 0 or k == 0:
        return []
    is_cut[0] = is_cut[n] = True
    # prefix counts of cut points / mandatory cuts strictly before x
    p_all = [0] * (n + 2)
    p_mand = [0] * (n + 2)
    for x in range(n + 1):
        p_all[x + 1] = p_all[x] + (1 if is_cut[x] else 0)
        p_mand[x + 1] = p_mand[x] + (1 if is_mand[x] else 0)

    def cells_range(a: int, b: int) -> tuple[int, int]:
        """(fewest, most) cells the stretch [a, b) can be cut into (0, 0 if empty)."""
        if a >= b:
            return 0, 0
        inside_all = p_all[b] - p_all[a + 1]
        inside_mand = p_mand[b] - p_mand[a + 1]
        return inside_mand + 1, inside_all + 1

    unsigned = [c is None or not c.signed for c in cols]
    cons = [(tuple(l), tuple(r)) for l, r in constraints]
    # direction: fix the single cell of a sum first (总计 written after its parts -> from the right)
    votes = 0
    for lhs, rhs in cons:
        for single, many in ((lhs, rhs), (rhs, lhs)):
            if len(single) == 1 and many:
                votes += 1 if single[0] > max(many) else -1 if single[0] < min(many) else 0
    rtl = votes > 0
    order = list(range(k - 1, -1, -1)) if rtl else list(range(k))
    step_of = {c: s for s, c in enumerate(order)}
    by_cell: dict[int, list[int]] = {}
    for ci, (lhs, rhs) in enumerate(cons):
        for c in (*lhs, *rhs):
            by_cell.setdefault(c, []).append(ci)
    done_at: dict[int, list[int]] = {}  # step -> constraints complete after it
    for ci, (lhs, rhs) in enumerate(cons):
        done_at.setdefault(max(step_of[c] for c in (*lhs, *rhs)), []).append(ci)
    # the bounds below hold for rows of plain digits only (every cell a non-negative integer without
    # a leading zero); a row with a word, a unit or a separately written cell is only checked
    pure = all(p.cuttable and p.raw.text.isascii() and p.raw.text.isdigit() for p in row)
    bounded = [pure and all(unsigned[c] for c in (*lhs, *rhs)) for lhs, rhs in cons]

    vals: list[Optional[float]] = [None] * k
    memo: dict[tuple[int, int, int], tuple[bool, Optional[float]]] = {}
    assigned = [False] * k
    spans: list[Optional[tuple[int, int]]] = [None] * k
    results: list[Split] = []
    nodes = 0

    def side_state(ci: int, c: int) -> Optional[tuple[float, int]]:
        """For constraint ``ci`` seen from cell ``c``: (what c's side still needs, unassigned cells
        on c's side besides c) if the other side is complete and numeric; else None."""
        lhs, rhs = cons[ci]
        mine, other = (lhs, rhs) if c in lhs else (rhs, lhs)
        if not all(assigned[x] for x in other):
            return None
        ov = [vals[x] for x in other]
        if any(v is None for v in ov):
            return None
        need = sum(ov)
        rest = 0
        for x in mine:
            if x == c:
                continue
            if assigned[x]:
                if vals[x] is None:
                    return None
                need -= vals[x]
            else:
                rest += 1
        return need, rest

    def bounds(c: int) -> tuple[Optional[float], Optional[float]]:
        """(exact value, upper bound) for cell ``c`` from the constraints."""
        exact = None
        upper = None
        if not pure:
            return None, None
        for ci in by_cell.get(c, ()):
            st = side_state(ci, c)
            if st is None:
                continue
            need, rest = st
            if rest == 0:
                exact = need
            elif bounded[ci]:
                upper = need if upper is None else min(upper, need)
        return exact, upper

    def holds(step: int) -> bool:
        for ci in done_at.get(step, ()):
            lhs, rhs = cons[ci]
            a = [vals[i] for i in lhs]
            b = [vals[i] for i in rhs]
            if any(v is None for v in (*a, *b)):
                continue  # a word or a blank where a number should be: not evaluable
            if abs(sum(a) - sum(b)) > 1e-9:
                return False
        return True

    def feasible_rest(a: int, b: int, cells_left: int) -> bool:
        """Can the unassigned stretch [a, b) hold the cells still to choose, within their bounds?"""
        lo, hi = cells_range(a, b)
        if not lo <= cells_left <= hi:
            return False
        if cells_left == 0 or not pure:
            return True
        length = b - a
        longest = min(MAX_CELL_DIGITS, length - cells_left + 1)
        caps: dict[int, int] = {}  # unassigned cell -> most digits it may have
        for ci, (lhs, rhs) in enumerate(cons):
            if not bounded[ci]:
                continue
            for side, other in ((lhs, rhs), (rhs, lhs)):
                if not all(assigned[x] for x in other):
                    continue
                open_cells = [x for x in side if not assigned[x]]
                if not open_cells:
                    continue
                ov = [vals[x] for x in other]
                sv = [vals[x] for x in side if assigned[x]]
                if any(v is None for v in (*ov, *sv)):
                    continue
                owed = sum(ov) - sum(sv)
                m = len(open_cells)
                if owed < -1e-9 or owed > m * (10 ** longest - 1):
                    return False
                digits = max(1, len(str(int(owed))))
                for x in open_cells:
                    caps[x] = min(caps.get(x, MAX_CELL_DIGITS), digits)
                if m == cells_left and length > m:
                    # every cell left is a part of this sum: the longest has at least ceil(length/m)
                    # digits and, without a leading zero, is worth at least 10^(that-1)
                    if owed < 10 ** (-(-length // m) - 1):
                        return False
        room = sum(caps.get(c, MAX_CELL_DIGITS) for c in range(k) if not assigned[c])
        return length <= room

    def cell_ok(c: int, a: int, b: int, exact, upper) -> bool:
        pi = piece_at[a]
        if piece_at[b - 1] != pi:
            return False
        p = row[pi]
        if not p.cuttable:
            if a != offs[pi] or b != offs[pi] + len(p.raw.text):
                return False
            v = p.value.value if p.value.kind == "number" else None
        else:
            got = memo.get((c, a, b))
            if got is None:
                t = text_parts[pi][a - offs[pi]:b - offs[pi]]
                if t.isascii() and t.isdigit():  # the usual case, without parse_cell
                    ok = not (len(t) > 1 and t[0] == "0") and (len(t) <= MAX_CELL_DIGITS or
                                                                (b - a == len(p.raw.text) and len(t) <= _MAX_WHOLE))
                    got = (ok, int(t) if ok else None)
                else:
                    got = _cell_value(t, cols[c], cut=(b - a) < len(p.raw.text))
                memo[(c, a, b)] = got
            ok, v = got
            if not ok:
                return False
        if v is not None:
            if exact is not None and abs(v - exact) > 1e-9:
                return False
            if upper is not None and v > upper + 1e-9:
                return False
        vals[c] = v
        spans[c] = (a, b)
        return True

    def emit() -> None:
        cells = []
        for c in range(k):
            a, b = spans[c]  # type: ignore[misc]
            pi = piece_at[a]
            p = row[pi]
            t = text_parts[pi][a - offs[pi]:b - offs[pi]]
            start = p.raw.start + (a - offs[pi])
            cells.append((start, start + len(t), t, vals[c]))
        results.append(Split(tuple(cells)))
        if len(results) > max_results:
            raise _TooMany

    def rec(step: int, edge: int) -> None:
        """Choose the cell of ``step``; ``edge`` is where the stretch still to cut begins (or ends)."""
        nonlocal nodes
        if step == k:
            if (edge == n) if not rtl else (edge == 0):
                emit()
            return
        nodes += 1
        if nodes > max_nodes:
            raise _TooMany
        if budget is not None:
            budget.spend()
        c = order[step]
        exact, upper = bounds(c)
        if upper is not None and upper < -1e-9:
            return
        # a cell cut from digits has no leading zero: it has at most as many digits as its bound
        limit = MAX_CELL_DIGITS
        for bound in (exact, upper):
            if bound is not None and bound >= 0 and float(bound).is_integer():
                limit = min(limit, len(str(int(bound))))
        left = k - step - 1
        if not rtl:
            a = edge
            for b in range(a + 1, n + 1):
                if not is_cut[b] or (b - a > limit and not is_mand[b]):
                    continue
                if p_mand[b] - p_mand[a + 1] > 0:
                    break  # a mandatory cut inside the cell
                if not cell_ok(c, a, b, exact, upper):
                    continue
                assigned[c] = True
                if holds(step) and feasible_rest(b, n, left):
                    rec(step + 1, b)
                assigned[c] = False
        else:
            b = edge
            for a in range(b - 1, -1, -1):
                if not is_cut[a] or (b - a > limit and not is_mand[a]):
                    continue
                if p_mand[b] - p_mand[a + 1] > 0:
                    break
                if not cell_ok(c, a, b, exact, upper):
                    continue
                assigned[c] = True
                if holds(step) and feasible_rest(0, a, left):
                    rec(step + 1, a)
                assigned[c] = False
        vals[c] = None
        spans[c] = None

    rec(0, n if rtl else 0)
    return results


@records.define
class Plan:
    """A row whose values hold a digit run with fewer pieces than the row has columns."""

    index: int  # position of the row among the aligner's rows
    row_id: str
    pieces: list[Piece]
    cols: list[Optional[ColumnSpec]]
    status: str = ""  # "forced" | "variable" | "inconsistent" | "too_many"
    candidates: list[Split] = attrs.field(factory=list)


MakeCell = Callable[[RawCell, CellValue, Optional[str], Optional[ColumnSpec]], Cell]


def _plan(spec: TableSpec, plan: Plan, budget: Budget) -> None:
    try:
        syntactic = search(plan.pieces, plan.cols, (), max_results=1, budget=budget)
    except _TooMany:
        syntactic = None
    if syntactic is not None and len(syntactic) == 0:
        plan.status = "inconsistent"
        return
    if syntactic is not None and len(syntactic) == 1:
        plan.status, plan.candidates = "forced", syntactic
        return
    try:
        cands = search(plan.pieces, plan.cols, _constraints(spec, plan.cols), max_results=MAX_CANDIDATES, budget=budget)
    except _TooMany:
        plan.status = "too_many"
        return
    if not cands:
        plan.status = "inconsistent"
        return
    plan.status, plan.candidates = "variable", cands


def _value_of(split: Split, cols: Sequence[Optional[ColumnSpec]], col_id: str) -> tuple[bool, Optional[float]]:
    for (_, _, _, v), c in zip(split.cells, cols):
        if c is not None and c.id == col_id:
            return True, v
    return False, None


def _solve(spec: TableSpec, rows: Sequence[Row], plans: Sequence[Plan], budget: Budget) -> dict[int, str | set[int]]:
    """For each uncertain row: the candidates that take part in an assignment of the uncertain rows
    satisfying every column identity, or "inconsistent" / "too_many" for the rows of a group of
    rows (bound together by identities) that has no such assignment or too many to look at."""
    out: dict[int, str | set[int]] = {}
    by_id: dict[str, Plan] = {}
    variables: list[Plan] = []
    for p in plans:
        if p.status != "variable":
            continue
        if p.row_id in by_id:  # the same row written twice: the identities see the first only
            out[p.index] = set(range(len(p.candidates)))
            continue
        by_id[p.row_id] = p
        variables.append(p)
    fixed: dict[str, Row] = {}
    for r in rows:
        if r.id is not None and r.id not in fixed and r.id not in by_id and not r.problem:
            fixed[r.id] = r
    forced: dict[str, Plan] = {}
    for p in plans:
        if p.status == "forced":
            forced.setdefault(p.row_id, p)
    instances: list[tuple[list[str], list[str], str, float]] = []  # (lhs rows, rhs rows, column, constant)
    for ident in spec.identities:
        if ident.over != "columns":
            continue
        lhs_rows, rhs_rows = spec.leaf_rows(ident.lhs), spec.leaf_rows(ident.rhs)
        for col in spec.blocks[0].leaves():
            const = 0.0  # sum(known lhs) - sum(known rhs)
            lv: list[str] = []
            rv: list[str] = []
            evaluable = True
            for side, ids in ((1, lhs_rows), (-1, rhs_rows)):
                for rid in ids:
                    if rid in by_id:
                        (lv if side == 1 else rv).append(rid)
                        continue
                    v: Optional[float] = None
                    if rid in forced:
                        v = _value_of(forced[rid].candidates[0], forced[rid].cols, col.id)[1]
                    elif rid in fixed:
                        c = fixed[rid].cell(col.id)
                        v = c.value if c is not None and c.kind == "number" else None
                    if v is None:  # not written, unread or not a number: GL3 skips it too
                        evaluable = False
                        break
                    const += side * v
                if not evaluable:
                    break
            if evaluable and (lv or rv):
                instances.append((lv, rv, col.id, const))
    # rows bound together by identities are decided together; the others each on their own
    parent = {rid: rid for rid in by_id}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for lv, rv, _, _ in instances:
        ids = [*lv, *rv]
        for other in ids[1:]:
            parent[find(other)] = find(ids[0])
    groups: dict[str, list[Plan]] = {}
    for p in variables:
        groups.setdefault(find(p.row_id), []).append(p)
    for members in groups.values():
        names = {p.row_id for p in members}
        mine = [inst for inst in instances if names & {*inst[0], *inst[1]}]
        try:
            seen = _search_group(members, mine, budget)
        except _TooMany:
            for p in members:
                out[p.index] = "too_many"
            continue
        for p, s in zip(members, seen):
            out[p.index] = s if s else "inconsistent"
    return out


def _search_group(members: Sequence[Plan], instances: Sequence[tuple[list[str], list[str], str, float]],
                  budget: Budget) -> list[set[int]]:
    """Backtracking over the candidates of ``members``; an identity is checked once all its rows
    have a candidate. Returns, per member, the candidates used by some consistent assignment."""
    pos = {p.row_id: i for i, p in enumerate(members)}
    checks: dict[int, list] = {}
    for inst in instances:
        checks.setdefault(max(pos[r] for r in (*inst[0], *inst[1])), []).append(inst)
    chosen = [0] * len(members)
    seen: list[set[int]] = [set() for _ in members]
    nodes = 0

    def value(rid: str, col_id: str) -> Optional[float]:
        p = members[pos[rid]]
        found, v = _value_of(p.candidates[chosen[pos[rid]]], p.cols, col_id)
        return v if found else None

    def ok(i: int) -> bool:
        for lv, rv, col_id, const in checks.get(i, ()):
            a = [value(r, col_id) for r in lv]
            b = [value(r, col_id) for r in rv]
            if any(v is None for v in (*a, *b)):
                continue
            if abs(const + sum(a) - sum(b)) > 1e-9:
                return False
        return True

    def rec(i: int) -> None:
        nonlocal nodes
        if i == len(members):
            for q, c in enumerate(chosen):
                seen[q].add(c)
            return
        for c in range(len(members[i].candidates)):
            nodes += 1
            if nodes > MAX_NODES:
                raise _TooMany
            budget.spend()
            chosen[i] = c
            if ok(i):
                rec(i + 1)

    rec(0)
    return seen


def resolve(spec: TableSpec, rows: list[Row], plans: Sequence[Plan], make_cell: MakeCell) -> list[Row]:
    """Replace the placeholder rows of ``plans`` by recovered rows, or mark them unread."""
    if not plans:
        return rows
    budget = Budget()
    for p in plans:
        _plan(spec, p, budget)
    used = _solve(spec, rows, plans, budget)
    out = list(rows)
    for p in plans:
        row = rows[p.index]
        status = p.status
        pick: Optional[Split] = None
        if status == "forced":
            pick = p.candidates[0]
        elif status == "variable":
            s = used.get(p.index, "inconsistent")
            if isinstance(s, str):
                status = s
            elif len(s) == 1:
                pick, status = p.candidates[next(iter(s))], "identities"
            else:
                status = "ambiguous"
        if pick is None:
            out[p.index] = attrs.evolve(row, problem="too_few", unsplit=status)
            continue
        whole = {(pc.raw.start, pc.raw.end) for pc in p.pieces}
        cells = []
        for (a, b, text, _), col in zip(pick.cells, p.cols):
            cell = make_cell(RawCell(text, a, b), parse_cell(text), row.id, col)
            if (a, b) not in whole:
                cell = attrs.evolve(cell, recovered=True)
            cells.append(cell)
        out[p.index] = attrs.evolve(row, cells=tuple(cells), problem=None, raw_values=tuple(cells), recovery=status)
    return out
