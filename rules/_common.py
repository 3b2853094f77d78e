"""Helpers shared by the built-in rules (not a rule module)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Optional

from govlint.model import Cell, Report, Span
from govlint.relazy import lazy_compile

_NOTE = lazy_compile(r"[（(][^（）()]{4,}[）)]$")

TABLE_NAMES = {"二": "表二（主动公开政府信息情况）", "三": "表三（收到和处理政府信息公开申请情况）",
               "四": "表四（行政复议、行政诉讼情况）"}
TABLE_NAMES_EN = {"二": "table 二 (proactive disclosure)", "三": "table 三 (applications received and handled)",
                  "四": "table 四 (administrative reconsideration and litigation)"}
NUMERALS = "零一二三四五六七八九十"


def short(label: str) -> str:
    """A label without its trailing fill-in note: （二）部分公开（区分处理的…） -> （二）部分公开."""
    s = _NOTE.sub("", label)
    return s or label


def fmt(value: Optional[float]) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}"


_SENTENCE_END = lazy_compile(r"[。！？!?；;]$")


def tables_only(report: Report) -> bool:
    """The file holds the statistical tables and no running text: an attachment of the tables (its
    title and the headings of parts 二–四, table captions such as 第二十条第（一）项 at most). Its text is in
    another file, so what only the text says (the parts 一, 五, 六, the statistics period) is not
    looked for here."""
    if not any(t.id is not None and any(r.id is not None for r in t.rows) for t in report.tables):
        return False
    if any(s.part not in (None, 2, 3, 4) for s in report.sections):  # a part of text: a report (a template)
        return False
    paragraphs = [*report.preamble, *(p for s in report.sections for p in s.paragraphs)]
    return not any(len(p.text) >= 20 or _SENTENCE_END.search(p.text) for p in paragraphs)


def start_span(report: Report) -> Span:
    """Where to point when the whole file is concerned: the title, or the first line."""
    if report.title is not None:
        return report.title.span
    return Span(1, 1, 1, 1, 0, 0)


_LOCATOR_EN = ((lazy_compile(r"第(\d+)段"), r"paragraph \1"), (lazy_compile(r"表(\d+)\s*"), r"table \1, "),
               (lazy_compile(r"第(\d+)行\s*"), r"row \1, "), (lazy_compile(r"第(\d+)列\s*"), r"column \1, "),
               (lazy_compile(r"第(\d+)页"), r"page \1"))


def locator_en(locator: str) -> str:
    """A reader's locator in English: 表2 第4行 第10列 -> table 2, row 4, column 10; 第13段 ->
    paragraph 13; 第2页 -> page 2."""
    for pattern, repl in _LOCATOR_EN:
        locator = pattern.sub(repl, locator)
    return locator.strip(" ,")


def place(ctx, spans) -> tuple[str, str]:
    """Where ``spans`` (a :class:`Span` or several) are in the user's file, as a message names
    another place than the one it points at: 第12行 / line 12 (第31、35行 / lines 31, 35) — or, for a
    Word or PDF file, whose lines are govlint's extracted text and mean nothing to the user, the
    reader's locators (第13段, 表2 第4行 第10列, 第2页 / paragraph 13, table 2, row 4, column 10,
    page 2)."""
    spans = [spans] if isinstance(spans, Span) else list(spans)
    source = getattr(ctx, "source", None)
    origin = getattr(source, "origin", None)
    if origin is not None and origin.locators and not origin.has_positions:  # (DOCX, PDF: see Origin)
        locs = list(dict.fromkeys(loc for sp in spans if (loc := source.locator(sp.start))))
        if locs:
            return "、".join(locs), "; ".join(locator_en(loc) for loc in locs)
    lines = sorted({sp.line for sp in spans})
    return (f"第{'、'.join(map(str, lines))}行",
            f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}")


#: cells of one table with the same defect (blank, ``-``, a unit): one finding for them all from this many
MANY_CELLS = 5


def many_alike(keyed) -> dict:
    """Cells with the same defect said once: ``keyed`` holds ``(key, cell)`` pairs in the order
    written (the key: the table and what is wrong, e.g. ``(id(table), "-")``); returns ``id(cell) ->
    its group`` for the cells of each group of :data:`MANY_CELLS` or more. A rule reports such a group
    once, at its first cell (``cell is group[0]``), and skips the others."""
    groups: dict = {}
    for k, cell in keyed:
        groups.setdefault(k, []).append(cell)
    return {id(c): same for same in groups.values() if len(same) >= MANY_CELLS for c in same}
#: a unit of money named in a note after a column label (（元）, （单位：元）, (单位: 千元))
MONEY_UNIT_NOTE = lazy_compile(r"^[(（]\s*(?:单位\s*[:：]?\s*)?(亿元|万元|千元|元)\s*[)）]$")
#: 元 in a unit of money
MONEY_UNITS = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}


def money_unit(table, cell: Cell) -> Optional[str]:
    """The unit of money of an amount ``cell`` of ``table`` whose format label names none (the 2019
    format's 采购总金额, format-spec §5.1): the unit written in the cell (753944.32元), else the one its
    column label states (采购总金额（万元）, 采购总金额(单位:元)); None when neither says."""
    if cell.unit in MONEY_UNITS:
        return cell.unit
    for n in table.label_notes:
        if n.column is not None and n.column == cell.column and n.row is None:
            m = MONEY_UNIT_NOTE.match(n.note.strip())
            if m is not None:
                return m.group(1)
    return None


def numeric(cell: Optional[Cell]) -> bool:
    return cell is not None and cell.kind == "number" and cell.value is not None


def row_label(ctx, table_id: str, row_id: Optional[str]) -> str:
    spec = ctx.edition.table(table_id) if ctx.edition else None
    r = spec.row(row_id) if (spec and row_id) else None
    return short(r.label) if r is not None else (row_id or "?")


def column_label(ctx, table_id: str, col_id: Optional[str], block: Optional[str] = None) -> str:
    spec = ctx.edition.table(table_id) if ctx.edition else None
    c = spec.column(col_id, block) if (spec and col_id) else None
    if c is None:
        return col_id or "?"
    parent = spec.column(c.parent, block) if c.parent else None
    # 结果维持 alone is ambiguous in table 四: name its group (行政复议 / 未经复议直接起诉 / 复议后起诉)
    same = [x for b in spec.blocks if block is None or b.id == block for x in b.columns if x.label == c.label]
    if parent is not None and len(same) > 1:
        return f"{parent.label}·{c.label}"
    return c.label


def year_edition(report, ctx):
    """The edition the report year calls for (format-spec §2), else the tables' edition (the year
    unknown): the parts of a report answer to its year's format whatever its tables follow."""
    if report.year is not None:
        for e in ctx.editions.values():
            if e.covers(report.year):
                return e
    return ctx.edition


def year_table(report, ctx, table_id: str):
    """The table ``table_id`` of the edition the report year calls for, when the tables follow
    another edition (GL206 says so), else None: a row or column only the tables' edition has is
    not asked for in a report that is to be written in the year's edition."""
    ed = ctx.edition
    if ed is None or report.year is None or ed.covers(report.year):
        return None
    right = next((e for e in ctx.editions.values() if e.covers(report.year)), None)
    return right.table(table_id) if right is not None else None


def where(ctx, table_id: str, row, cell: Optional[Cell] = None) -> tuple[str, str]:
    """(zh, en) naming a table cell: 表三“一、本年新收…”行“自然人”列."""
    tname = f"表{table_id}"
    rl = row_label(ctx, table_id, row.id) if row.id else (row.label or "")
    if table_id == "四" and row.id == "cases":
        rl = ""
    if cell is None:
        return (f"{tname}“{rl}”行" if rl else tname), (f"table {table_id}, row “{rl}”" if rl else f"table {table_id}")
    # (a column the edition does not name: as the report heads it)
    cl = column_label(ctx, table_id, cell.column, row.block) if cell.column or not cell.column_label else cell.column_label
    if rl:
        return f"{tname}“{rl}”行“{cl}”列", f"table {table_id}, row “{rl}”, column “{cl}”"
    return f"{tname}“{cl}”列", f"table {table_id}, column “{cl}”"


def per_report(fn):
    """``fn(report)`` remembered for the last report it was asked of: the rules of one report run in
    turn, and several ask for the same thing (a report does not change). ``fn``'s answer is shared:
    it must be a tuple or be left unchanged."""
    memo = [(None, None)]

    @functools.wraps(fn)
    def cached(report):
        last, answer = memo[0]  # (one read: another thread may replace it meanwhile)
        if last is report:
            return answer
        answer = fn(report)
        memo[0] = (report, answer)
        return answer
    return cached


@per_report
def iter_cells(report) -> tuple:
    """(table, row, cell) for every aligned cell of the identified tables."""
    return tuple((t, r, c) for t in report.tables if t.id is not None for r in t.rows for c in r.cells)


def _plain(cell: Cell) -> bool:
    return (cell.kind == "number" and cell.reading is None and not cell.unit and not cell.note
            and cell.value is not None and cell.value >= 0 and float(cell.value).is_integer())


@per_report
def odd_cells(report) -> tuple:
    """The (table, row, cell) of :func:`iter_cells` but those of a plain count — a whole number of 0
    or more written in digits, with no unit, note or other reading — which most cells are: the
    rules on blank, filler, text, negative, fractional cells and units in cells (GL207–GL213) walk
    these."""
    return tuple(x for x in iter_cells(report) if not _plain(x[2]))


def last_end(report: Report) -> int:
    """Where the last paragraph, heading or table of ``report`` ends."""
    ends = [p.span.end for p in report.preamble] + [t.span.end for t in report.tables]
    for s in report.sections:
        ends.append(s.heading.span.end)
        ends += [p.span.end for p in s.paragraphs]
    return max(ends, default=0)


def table_at_end(report: Report):
    """The identified table the text ends in (nothing read after it), or None."""
    last = max(report.tables, key=lambda t: t.span.end, default=None)
    return last if last is not None and last.id is not None and last.span.end >= last_end(report) else None


@per_report
def cut_row(report: Report):
    """The row a text cut off inside a table stops in — the last row of the table the text ends in,
    with too few values, in a report whose parts stop before 六 (GL012 says the text stops there) —
    or None. Its values are missing because the text is, not because a cell is."""
    parts = [s.part for s in report.sections if s.part]
    table = table_at_end(report) if parts and max(parts) < 6 else None
    rows = [r for r in table.rows if r.id is not None] if table is not None else []
    return rows[-1] if rows and rows[-1].problem == "too_few" else None


def blank_row(table, row) -> bool:
    """A row left empty: its label is followed by no value at all, or only by blank cells (not digits
    run together, see GL211) — every cell of it blank (GL207), not a row of values that cannot be
    aligned. The last row read of a table that lacks rows is not one: the text may stop there (GL012)."""
    if row.problem != "too_few" or row.unsplit or row.recovery is not None:
        return False
    if any(c.kind != "blank" for c in row.raw_values):
        return False
    return not (table.missing_rows and table.rows and table.rows[-1] is row)


def shifted_row(table, row) -> bool:
    """A row of figures that begins or ends in blank cells beside its written ones, while those
    columns hold figures in the table's other rows (table 四 has one row: always): as a converted or
    copied grid writes a row one figure short (two cells run together, “12 3” or “123”, or a label
    cell holding the first figure, “（一）予以公开12”; a label spread over empty cells before the
    figures) — the figures then stand a column or more beside their own, and the blank is the cell
    they left. Its figures cannot be taken as its columns'. Not so in a table that writes none as a
    blank (blanks between a row's figures, or in the other rows' figures): there a blank is a blank."""
    cells = row.cells
    lead = bool(row.label)  # (table 四's row has no label to spread over empty cells before its figures)
    if not cells or (cells[-1].kind != "blank" and not (lead and cells[0].kind == "blank")):  # (the usual row)
        return False
    i, k = 0, len(cells)
    while k and cells[k - 1].kind == "blank":
        k -= 1
    while lead and i < k and cells[i].kind == "blank":
        i += 1
    if i == k:
        return False  # a row left empty (GL207), not a shifted one
    if any(c.kind == "blank" for c in cells[i:k]):
        return False  # blanks between its figures too: the table writes none as a blank, nothing moved
    ends = {c.column for c in (*cells[:i], *cells[k:])}
    others = [r for r in table.rows if r is not row and r.cells]
    if not others:
        return True
    if any(c.kind == "blank" for r in others for c in r.cells if r.cells and any(x.kind == "number" for x in r.cells)):
        return False  # other rows with blanks among their figures: blanks are how the table writes none
    return all(any(c.column == col and c.kind == "number" for r in others for c in r.cells) for col in ends)


def merged_leaves(spec, table) -> dict[str, str]:
    """Each leaf column of a group ``table`` writes as one column (``table.merged_columns``), with that
    group."""
    return {c: g for g in table.merged_columns for c in spec.leaf_columns(g)}


def by_groups(ids, parent: dict) -> list[str]:
    """``ids`` with each member of a group (``parent``: member → group) replaced by its group, once,
    where its first member was."""
    out: list[str] = []
    for x in ids:
        g = parent.get(x, x)
        if g not in out:
            out.append(g)
    return out


def row_columns(ctx, table, row) -> list:
    """The leaf columns a data row of ``table`` has in the edition (its block's, in table 二)."""
    spec = ctx.edition.table(table.id) if ctx.edition and table.id else None
    if spec is None:
        return []
    block = next((b for b in spec.blocks if b.id == row.block), spec.blocks[0])
    if table.merged_columns:  # a group written as one column stands for its leaves
        under = merged_leaves(spec, table)
        out: list = []
        for c in block.columns:
            if c.id in table.merged_columns or (not c.group and c.id not in under):
                out.append(c)
        return out
    return list(block.leaves())


# ---- checks of configured option values (``@rule(..., checks={name: check})``): None when the value
# is good, else what it must be, said in the configuration error

def positive(value) -> Optional[str]:
    return None if value > 0 else "must be greater than 0"


def not_negative(value) -> Optional[str]:
    return None if value >= 0 else "must be 0 or more"


def share(value) -> Optional[str]:
    """A share of a text: more than 0, at most 1."""
    return None if 0 < value <= 1 else "must be more than 0 and at most 1 (a share: 0.8 is 80 %)"


def year(value) -> Optional[str]:
    return None if float(value).is_integer() and 1990 <= value <= 2100 else "must be a year such as 2021"


def iso_date(value) -> Optional[str]:
    """An ISO date (2026-01-20), or empty for "not set"."""
    if value == "":
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return "must be a date written as 2026-01-20 (or empty for the day of the check)"
    return None


def month_day(value) -> Optional[str]:
    """A day of any year written MM-DD (01-31)."""
    parts = value.split("-")
    try:
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            dt.date(2001, int(parts[0]), int(parts[1]))
            return None
    except ValueError:
        pass
    return "must be a day of the year written as month-day, such as 01-31"
