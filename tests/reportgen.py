"""Render annual reports from data, so that tests state a defect instead of a whole report text.

A :class:`Doc` is a title, a preamble, the six parts (heading + body) and the three statistical
tables as data: rows and columns by id (the ids of ``govlint.Report.table(...).cell(row, col)``),
labels as written, and each cell's text. :func:`render` writes it in one of the text shapes real
reports come in and returns the text together with the line of every heading, row and cell, so a
test can say "set table 三 row new column natural to 4; expect GL303 on the line of row new's 总计
cell" without counting lines by hand.

Shapes:

* ``cells``    one table cell per line ending in `` |``, with ``|||`` artefact lines (the seed's shape);
* ``pipe``     one table row per line, cells separated by `` | ``;
* ``markdown`` like ``pipe`` with leading pipes and a ``|---|`` separator row under each table's first line;
* ``spaced``   one table row per line, cells separated by spaces.

The labels below are written out here from the format (format-spec §4, §5), independently of
``rules/editions/*.toml``, so that a wrong label in the edition data shows up as a failing test.
The base content (title, paragraphs, values) comes from the seed report via :func:`seed_doc`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed.txt"

NUMERALS = "零一二三四五六七八九十"

HEADINGS_2021 = {1: "总体情况", 2: "主动公开政府信息情况", 3: "收到和处理政府信息公开申请情况",
                 4: "政府信息公开行政复议、行政诉讼情况", 5: "存在的主要问题及改进情况", 6: "其他需要报告的事项"}

# ----------------------------------------------------------------------------- the tables as data


@dataclass
class RowDef:
    id: str
    label: str
    groups: tuple[str, ...] = ()  # ids of the enclosing group rows (outermost first)


@dataclass
class Block:
    """One block of a table: table 二 has one per 第二十条 item; 三 and 四 have one."""

    id: Optional[str]
    caption: Optional[str]  # 第二十条第（一）项
    header: list[list[str]]  # header lines as written, each a list of header cells
    columns: list[str]  # leaf column ids in the order the values are written
    rows: list[RowDef]
    groups: dict[str, str] = field(default_factory=dict)  # group row id -> label as written


@dataclass
class TableData:
    id: str
    blocks: list[Block]
    values: dict[tuple[str, str], Optional[str]] = field(default_factory=dict)  # (row, column) -> cell text

    def block_of(self, row_id: str) -> Block:
        for b in self.blocks:
            if any(r.id == row_id for r in b.rows):
                return b
        raise KeyError(row_id)

    def row(self, row_id: str) -> RowDef:
        for r in self.rowdefs():
            if r.id == row_id:
                return r
        raise KeyError(row_id)

    def rowdefs(self) -> list[RowDef]:
        return [r for b in self.blocks for r in b.rows]

    def cells(self) -> list[tuple[str, str]]:
        """Every (row id, column id) of the table, in writing order."""
        return [(r.id, c) for b in self.blocks for r in b.rows for c in b.columns]


T3_COLUMNS = [("natural", "自然人"), ("business", "商业企业"), ("research", "科研机构"), ("nonprofit", "社会公益组织"),
              ("legal_services", "法律服务机构"), ("other", "其他"), ("total", "总计")]
T3_APPLICANTS = [c for c, _ in T3_COLUMNS[:-1]]
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

T3_GROUPS = {"results": "三、本年度办理结果", "withheld": "（三）不予公开", "unable": "（四）无法提供",
             "not_processed": "（五）不予处理", "other_handling": "（六）其他处理"}

_R = ("results",)
T3_ROWS_2021 = [
    RowDef("new", "一、本年新收政府信息公开申请数量"),
    RowDef("carried_over", "二、上年结转政府信息公开申请数量"),
    RowDef("disclosed", "（一）予以公开", _R),
    RowDef("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", _R),
    RowDef("withheld.state_secret", "1.属于国家秘密", _R + ("withheld",)),
    RowDef("withheld.prohibited", "2.其他法律行政法规禁止公开", _R + ("withheld",)),
    RowDef("withheld.security", "3.危及“三安全一稳定”", _R + ("withheld",)),
    RowDef("withheld.third_party", "4.保护第三方合法权益", _R + ("withheld",)),
    RowDef("withheld.internal", "5.属于三类内部事务信息", _R + ("withheld",)),
    RowDef("withheld.process", "6.属于四类过程性信息", _R + ("withheld",)),
    RowDef("withheld.enforcement_file", "7.属于行政执法案卷", _R + ("withheld",)),
    RowDef("withheld.inquiry", "8.属于行政查询事项", _R + ("withheld",)),
    RowDef("unable.not_held", "1.本机关不掌握相关政府信息", _R + ("unable",)),
    RowDef("unable.needs_creation", "2.没有现成信息需要另行制作", _R + ("unable",)),
    RowDef("unable.unclear", "3.补正后申请内容仍不明确", _R + ("unable",)),
    RowDef("not_processed.petition", "1.信访举报投诉类申请", _R + ("not_processed",)),
    RowDef("not_processed.repeated", "2.重复申请", _R + ("not_processed",)),
    RowDef("not_processed.publication", "3.要求提供公开出版物", _R + ("not_processed",)),
    RowDef("not_processed.mass", "4.无正当理由大量反复申请", _R + ("not_processed",)),
    RowDef("not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", _R + ("not_processed",)),
    RowDef("other_handling.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
           _R + ("other_handling",)),
    RowDef("other_handling.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
           _R + ("other_handling",)),
    RowDef("other_handling.other", "3.其他", _R + ("other_handling",)),
    RowDef("total", "（七）总计", _R),
    RowDef("carry_forward", "四、结转下年度继续办理"),
]
T3_OUTCOME_ROWS_2021 = [r.id for r in T3_ROWS_2021 if r.groups]
T3_OUTCOME_ROWS_2021.remove("total")

T4_GROUPS = [("review", "行政复议"), ("direct", "未经复议直接起诉"), ("after_review", "复议后起诉")]
T4_OUTCOMES = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
               ("total", "总计")]
T4_COLUMNS = [f"{g}.{o}" for g, _ in T4_GROUPS for o, _ in T4_OUTCOMES]

T2_BLOCKS_2021 = [
    ("art20_1", "第二十条第（一）项", [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")],
     [("regulations", "规章"), ("normative_documents", "行政规范性文件")]),
    ("art20_5", "第二十条第（五）项", [("decisions", "本年处理决定数量")], [("licensing", "行政许可")]),
    ("art20_6", "第二十条第（六）项", [("decisions", "本年处理决定数量")], [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
    ("art20_8", "第二十条第（八）项", [("fee_amount", "本年收费金额（单位：万元）")], [("fees", "行政事业性收费")]),
]
T2_BLOCKS_2019 = [
    ("art20_1", "第二十条第（一）项", [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total_published", "对外公开总数量")],
     [("regulations", "规章"), ("normative_documents", "规范性文件")]),
    ("art20_5", "第二十条第（五）项", [("previous", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
     [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
    ("art20_6", "第二十条第（六）项", [("previous", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
     [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
    ("art20_8", "第二十条第（八）项", [("previous", "上一年项目数量"), ("change", "本年增/减")], [("fees", "行政事业性收费")]),
    ("art20_9", "第二十条第（九）项", [("projects", "采购项目数量"), ("amount", "采购总金额")], [("procurement", "政府集中采购")]),
]


def table2(edition: str = "2021", fill: str = "0") -> TableData:
    spec = T2_BLOCKS_2021 if edition == "2021" else T2_BLOCKS_2019
    blocks = [Block(bid, caption, [["信息内容", *[label for _, label in cols]]], [c for c, _ in cols],
                    [RowDef(r, label) for r, label in rows]) for bid, caption, cols, rows in spec]
    t = TableData("二", blocks)
    for b in blocks:
        for r in b.rows:
            for c in b.columns:
                t.values[(r.id, c)] = fill
    return t


def table3(edition: str = "2021", fill: str = "0") -> TableData:
    rows = [copy.copy(r) for r in T3_ROWS_2021]
    if edition == "2019":  # （六）其他处理 is one data row (format-spec §5.2)
        i = next(k for k, r in enumerate(rows) if r.id.startswith("other_handling."))
        rows = [r for r in rows if not r.id.startswith("other_handling.")]
        rows.insert(i, RowDef("other_handling", "（六）其他处理", _R))
    groups = {k: v for k, v in T3_GROUPS.items() if edition == "2021" or k != "other_handling"}
    header = [[T3_NOTE, "申请人情况"], ["自然人", "法人或其他组织", "总计"], ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    block = Block(None, None, header, [c for c, _ in T3_COLUMNS], rows, groups)
    t = TableData("三", [block])
    for r in rows:
        for c in block.columns:
            t.values[(r.id, c)] = fill
    return t


def table4(fill: str = "0") -> TableData:
    header = [["行政复议", "行政诉讼"],
              [*[label for _, label in T4_OUTCOMES], "未经复议直接起诉", "复议后起诉"],
              [label for _ in range(2) for _, label in T4_OUTCOMES]]
    block = Block(None, None, header, list(T4_COLUMNS), [RowDef("cases", "")])
    t = TableData("四", [block])
    for c in T4_COLUMNS:
        t.values[("cases", c)] = fill
    return t


# ----------------------------------------------------------------------------- the document


@dataclass
class Part:
    number: int  # the part it is (1..6)
    heading: str  # as written, with its numeral
    body: list[Union[str, tuple[str, str]]]  # paragraphs, or ("table", table id)


@dataclass
class Doc:
    title: Optional[str]
    preamble: list[str]
    parts: list[Part]
    tables: dict[str, TableData]

    def copy(self) -> "Doc":
        return copy.deepcopy(self)

    # -- edits (each returns self, so that edits chain on a copy)
    def set(self, table: str, row: str, column: str, text: str) -> "Doc":
        key = (row, column)
        if key not in self.tables[table].values:
            raise KeyError(f"table {table} has no cell {key}")
        self.tables[table].values[key] = text
        return self

    def value(self, table: str, row: str, column: str) -> str:
        return self.tables[table].values[(row, column)]

    def drop_row(self, table: str, row: str) -> "Doc":
        t = self.tables[table]
        for b in t.blocks:
            b.rows = [r for r in b.rows if r.id != row]
        return self

    def relabel_row(self, table: str, row: str, label: str) -> "Doc":
        self.tables[table].row(row).label = label
        return self

    def relabel_group(self, table: str, group: str, label: str) -> "Doc":
        for b in self.tables[table].blocks:
            if group in b.groups:
                b.groups[group] = label
        return self

    def relabel_header(self, table: str, old: str, new: str, block: int = 0) -> "Doc":
        b = self.tables[table].blocks[block]
        hits = 0
        for line in b.header:
            for i, cell in enumerate(line):
                if cell == old:
                    line[i] = new
                    hits += 1
        if not hits:
            raise KeyError(old)
        return self

    def part(self, number: int) -> Part:
        for p in self.parts:
            if p.number == number:
                return p
        raise KeyError(number)

    def drop_part(self, number: int) -> "Doc":
        self.parts = [p for p in self.parts if p.number != number]
        return self

    def swap_parts(self, a: int, b: int) -> "Doc":
        i = next(k for k, p in enumerate(self.parts) if p.number == a)
        j = next(k for k, p in enumerate(self.parts) if p.number == b)
        self.parts[i], self.parts[j] = self.parts[j], self.parts[i]
        return self

    def set_heading(self, number: int, heading: str) -> "Doc":
        self.part(number).heading = heading
        return self

    def replace_table(self, table: TableData) -> "Doc":
        self.tables[table.id] = table
        return self


    # -- further edits used by the case files (tests/cases/*.toml)
    def drop_table(self, table: str) -> "Doc":
        for p in self.parts:
            p.body = [b for b in p.body if b != ("table", table)]
        return self

    def add_row(self, table: str, after: str, label: str, values: list[str], row_id: str = "added") -> "Doc":
        t = self.tables[table]
        b = t.block_of(after)
        i = next(k for k, r in enumerate(b.rows) if r.id == after)
        b.rows.insert(i + 1, RowDef(row_id, label, b.rows[i].groups))
        for c, v in zip(b.columns, values):
            t.values[(row_id, c)] = v
        return self

    def add_column(self, table: str, after: str, label: str, value: str, col_id: str = "added") -> "Doc":
        """Add a column after column ``after`` (header label written after that column's label)."""
        t = self.tables[table]
        b = t.blocks[0]
        after_label = _COLUMN_LABELS[table][after]
        for line in b.header:
            if after_label in line:
                line.insert(line.index(after_label) + 1, label)
                break
        else:
            raise KeyError(after_label)
        b.columns.insert(b.columns.index(after) + 1, col_id)
        for r in b.rows:
            t.values[(r.id, col_id)] = value
        return self

    def drop_column(self, table: str, column: str, label: str) -> "Doc":
        b = self.tables[table].blocks[0]
        for line in b.header:
            if label in line:
                line.remove(label)
        b.columns.remove(column)
        return self

    def lose_value(self, table: str, row: str, column: str) -> "Doc":
        """The cell is not written at all (as when a cell is lost in copying)."""
        self.tables[table].values[(row, column)] = None  # type: ignore[assignment]
        return self

    def set_year(self, year: int, old: int = 2022) -> "Doc":
        def sub(s: str) -> str:
            return s.replace(str(old), str(year))
        self.title = sub(self.title) if self.title else self.title
        self.preamble = [sub(p) for p in self.preamble]
        for p in self.parts:
            p.body = [sub(b) if isinstance(b, str) else b for b in p.body]
        return self

    def use_2019_tables(self) -> "Doc":
        """Tables 二 and 三 of the 2019 edition (三 keeps its values; （六）其他处理 becomes one row)."""
        old3 = self.tables["三"]
        t3 = table3("2019")
        for (r, c) in t3.cells():
            if r == "other_handling":
                t3.values[(r, c)] = str(sum(int(old3.values[(x, c)]) for x in
                                            ("other_handling.no_correction", "other_handling.no_fee", "other_handling.other")))
            else:
                t3.values[(r, c)] = old3.values[(r, c)]
        self.tables["三"] = t3
        self.tables["二"] = table2("2019")
        return self

    def single_other_handling(self) -> "Doc":
        """Write （六）其他处理 as one row with figures (the 2019 shape) inside a 2021 table 三."""
        t = self.tables["三"]
        b = t.blocks[0]
        subs = [r.id for r in b.rows if r.id.startswith("other_handling.")]
        i = next(k for k, r in enumerate(b.rows) if r.id == subs[0])
        for c in b.columns:
            t.values[("other_handling", c)] = str(sum(int(t.values[(x, c)]) for x in subs))
        label = b.groups.pop("other_handling")
        b.rows = [r for r in b.rows if r.id not in subs]
        b.rows.insert(i, RowDef("other_handling", label, ("results",)))
        return self


_COLUMN_LABELS = {"三": dict(T3_COLUMNS)}


def apply_edit(doc: Doc, edit: list) -> Doc:
    """Apply one edit written as data (see tests/cases/core.toml)."""
    op, *args = edit
    if op == "set":
        return doc.set(*args)
    if op == "drop_row":
        return doc.drop_row(*args)
    if op == "drop_part":
        return doc.drop_part(*args)
    if op == "swap_parts":
        return doc.swap_parts(*args)
    if op == "heading":
        return doc.set_heading(*args)
    if op == "title":
        doc.title = args[0]
        return doc
    if op == "preamble":
        doc.preamble = list(args)
        return doc
    if op == "year":
        return doc.set_year(*args)
    if op == "tables_2019":
        return doc.use_2019_tables()
    if op == "single_other_handling":
        return doc.single_other_handling()
    if op == "drop_table":
        return doc.drop_table(*args)
    if op == "add_row":
        return doc.add_row(*args)
    if op == "add_column":
        return doc.add_column(*args)
    if op == "drop_column":
        return doc.drop_column(*args)
    if op == "lose_value":
        return doc.lose_value(*args)
    if op == "add_para":  # ["add_para", part number, text]: a paragraph at the end of the part's text
        doc.part(args[0]).body.append(args[1])
        return doc
    raise ValueError(f"unknown edit {op!r}")


# ----------------------------------------------------------------------------- rendering


@dataclass
class Rendered:
    text: str
    shape: str
    lines: dict[tuple, int]  # ("title",) ("heading", n) ("row", t, r) ("cell", t, r, c) ("table", t) -> 1-based line

    def line(self, *key) -> int:
        return self.lines[tuple(key)]

    def cell(self, table: str, row: str, column: str) -> int:
        return self.lines[("cell", table, row, column)]

    def row(self, table: str, row: str) -> int:
        return self.lines[("row", table, row)]

    def heading(self, number: int) -> int:
        return self.lines[("heading", number)]

    def encode(self, encoding: str = "utf-8", newline: str = "\n", bom: bool = False) -> bytes:
        text = self.text.replace("\n", newline)
        data = text.encode(encoding)
        if bom:
            data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding] + data
        return data


SHAPES = ("cells", "pipe", "markdown", "spaced")


class _Writer:
    def __init__(self, shape: str, groups_inline: bool = True, grid: bool = False) -> None:
        self.shape = shape
        self.groups_inline = groups_inline
        self.grid = grid
        self.out: list[str] = []
        self.lines: dict[tuple, int] = {}
        self._table_start = False

    @property
    def next_line(self) -> int:
        return len(self.out) + 1

    def text(self, line: str, key: Optional[tuple] = None) -> None:
        if key is not None:
            self.lines[key] = self.next_line
        self.out.append(line)

    def start_table(self) -> None:
        self._table_start = True

    def row(self, cells: list[tuple[str, Optional[tuple]]]) -> None:
        """Write one table row: ``cells`` are (text, position key or None)."""
        shape = self.shape
        if shape == "cells":
            for text, key in cells:
                if key is not None:
                    self.lines[key] = self.next_line
                self.out.append(f"{text} |" if text else "|")
            self.out.append("|" * max(2, len(cells)))  # the scraper's artefact line
            return
        for text, key in cells:
            if key is not None:
                self.lines[key] = self.next_line
        texts = [t for t, _ in cells]
        if shape == "pipe":
            self.out.append(" | ".join(texts) + " |")
        elif shape == "markdown":
            self.out.append("| " + " | ".join(texts) + " |")
            if self._table_start:
                self.out.append("|" + "---|" * len(texts))
        elif shape == "spaced":
            self.out.append(" ".join(texts))
        else:
            raise ValueError(shape)
        self._table_start = False


def _write_table(w: _Writer, t: TableData) -> None:
    w.lines[("table", t.id)] = w.next_line
    w.start_table()
    for b in t.blocks:
        if b.caption is not None:
            if w.shape == "markdown" and b is not t.blocks[0]:
                w.out.append("")  # each block is a table of its own in Markdown
                w.start_table()
            w.row([(b.caption, ("caption", t.id, b.id))])
        depth = 1 + max((len(r.groups) for r in b.rows), default=0)  # label columns of a full grid
        width = depth + len(b.columns)
        for line in b.header:
            pad = [("", None)] * (width - len(line)) if w.grid else []
            w.row([(h, ("hdr", t.id, b.id, h)) for h in line] + pad)
        written_groups: set[str] = set()
        for r in b.rows:
            cells: list[tuple[str, Optional[tuple]]] = []
            for g in r.groups:
                if g in written_groups:
                    if w.grid:
                        cells.append(("", None))  # the merged cell of a group label, written empty
                    continue
                written_groups.add(g)
                label = b.groups.get(g)
                if label is None:
                    continue
                if w.groups_inline or w.shape == "cells":
                    cells.append((label, ("group", t.id, g)))
                else:
                    w.row([(label, ("group", t.id, g))])
            if r.label:
                cells.append((r.label, ("row", t.id, r.id)))
                if w.grid:
                    cells.extend([("", None)] * (depth - 1 - len(r.groups)))  # a label merged across columns
            for c in b.columns:
                if t.values[(r.id, c)] is not None:  # None: the cell is not written at all
                    cells.append((t.values[(r.id, c)], ("cell", t.id, r.id, c)))
            if not r.label:
                w.lines[("row", t.id, r.id)] = None  # set below from the first cell
            w.row(cells)
            if not r.label:
                w.lines[("row", t.id, r.id)] = next(w.lines[k] for c in b.columns if (k := ("cell", t.id, r.id, c)) in w.lines)


def render(doc: Doc, shape: str = "cells", *, groups_inline: bool = True, grid: bool = False) -> Rendered:
    """Write ``doc`` in a text shape (see the module docstring) with the line of every element.

    ``grid`` (for ``pipe`` and ``markdown``): write the tables as a full grid, as converters of
    HTML tables do: a merged cell becomes empty cells (the group label's cell on the rows below it,
    a label spanning several label columns, header rows padded to the table's width)."""
    if shape not in SHAPES:
        raise ValueError(shape)
    if grid and shape not in ("pipe", "markdown"):
        raise ValueError("grid is for the pipe and markdown shapes")
    w = _Writer(shape, groups_inline, grid)
    if doc.title is not None:
        w.text(doc.title, ("title",))
    for i, p in enumerate(doc.preamble):
        w.text(p, ("preamble", i))
    for part in doc.parts:
        w.text(part.heading, ("heading", part.number))
        for k, item in enumerate(part.body):
            if isinstance(item, tuple):
                if w.shape in ("markdown", "spaced"):
                    w.out.append("")  # a blank line before a table (Markdown needs it)
                _write_table(w, doc.tables[item[1]])
                if w.shape in ("markdown", "spaced"):
                    w.out.append("")
            else:
                w.text(item, ("para", part.number, k))
    return Rendered("\n".join(w.out) + "\n", shape, w.lines)


# ----------------------------------------------------------------------------- the seed as a Doc

_SEED_DOC: Optional[Doc] = None


def seed_doc() -> Doc:
    """The seed report as a Doc: its title, preamble, paragraphs and table values (read with govlint),
    the official labels (full-width brackets, as in the template)."""
    global _SEED_DOC
    if _SEED_DOC is None:
        import govlint

        rep = govlint.parse(SEED)
        tables = {"二": table2("2021"), "三": table3("2021"), "四": table4()}
        for tid, t in tables.items():
            seed_table = rep.table(tid)
            for (r, c) in t.cells():
                cell = seed_table.cell(r, c)
                if cell is None:
                    raise AssertionError(f"the seed has no cell 表{tid} {r}/{c}")
                t.values[(r, c)] = cell.text
        parts = []
        for s in rep.sections:
            body: list = [p.text for p in s.paragraphs]
            if s.part in (2, 3, 4):
                body.append(("table", NUMERALS[s.part]))
            parts.append(Part(s.part, s.heading.text, body))
        _SEED_DOC = Doc(rep.title.text, [p.text for p in rep.preamble], parts, tables)
    return _SEED_DOC.copy()


def minimal_doc(year: int = 2022, edition: str = "2021") -> Doc:
    """A short report with all six parts and tables of zeros (for input-shape tests)."""
    tables = {"二": table2(edition), "三": table3(edition), "四": table4()}
    headings = dict(HEADINGS_2021)
    parts = []
    for n in range(1, 7):
        body: list = []
        if n == 1:
            body = [f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。"]
        elif n in (2, 3, 4):
            body = [("table", NUMERALS[n])]
        elif n == 5:
            body = ["信息公开工作还存在一些不足，下一步将加强培训。"]
        else:
            body = ["本机关无其他需要报告的事项。"]
        parts.append(Part(n, f"{NUMERALS[n]}、{headings[n]}", body))
    preamble = [f"本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。"]
    return Doc(f"某某局{year}年政府信息公开工作年度报告", preamble, parts, tables)


# ----------------------------------------------------------------------------- consistent tables


def consistent_table3(t: TableData, outcomes: dict[tuple[str, str], int], carried: dict[str, int],
                      forward: dict[str, int]) -> TableData:
    """Fill table 三 so that every identity of the format holds.

    ``outcomes``: value of each outcome leaf row per applicant column; ``carried``/``forward``: the
    二、上年结转 and 四、结转下年度 values per applicant column. 一、本年新收 is derived (it must not be
    negative: pick carried <= total + forward)."""
    rows = [r.id for r in t.rowdefs()]
    leaves = [r for r in rows if r not in ("new", "carried_over", "total", "carry_forward")]
    for c in T3_APPLICANTS:
        total = sum(outcomes.get((r, c), 0) for r in leaves)
        new = total + forward.get(c, 0) - carried.get(c, 0)
        if new < 0:
            raise ValueError("一、本年新收 would be negative")
        vals = {"new": new, "carried_over": carried.get(c, 0), "total": total, "carry_forward": forward.get(c, 0)}
        vals.update({r: outcomes.get((r, c), 0) for r in leaves})
        for r, v in vals.items():
            t.values[(r, c)] = str(v)
    for r in rows:
        t.values[(r, "total")] = str(sum(int(t.values[(r, c)]) for c in T3_APPLICANTS))
    return t


def consistent_table4(t: TableData, counts: dict[str, int]) -> TableData:
    """Fill table 四 from the four outcome counts per group (``review.upheld`` …); totals derived."""
    for g, _ in T4_GROUPS:
        s = 0
        for o, _ in T4_OUTCOMES[:-1]:
            v = counts.get(f"{g}.{o}", 0)
            t.values[("cases", f"{g}.{o}")] = str(v)
            s += v
        t.values[("cases", f"{g}.total")] = str(s)
    return t


# ----------------------------------------------------------------------------- an independent oracle


def broken_identities(t3: Optional[TableData] = None, t4: Optional[TableData] = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The format's identities (format-spec §7.1, §7.2) that do not hold, each as (code, the cells
    taking part). Instances with a non-integer cell are skipped (those cells are GL2 findings).

    This is written from the format, independently of govlint's edition data and rules."""
    out: list[tuple[str, list[tuple[str, str]]]] = []

    def num(t: TableData, r: str, c: str) -> Optional[int]:
        s = t.values.get((r, c))
        if s is None or not re.fullmatch(r"-?\d+", s.strip()):
            return None
        return int(s)

    def check(code, t, lhs, rhs):
        lv = [num(t, r, c) for r, c in lhs]
        rv = [num(t, r, c) for r, c in rhs]
        if None in lv or None in rv:
            return
        if sum(lv) != sum(rv):
            out.append((code, [*lhs, *rhs]))

    if t3 is not None:
        rows = [r.id for r in t3.rowdefs()]
        leaves = [r for r in rows if r not in ("new", "carried_over", "total", "carry_forward")]
        for c, _ in T3_COLUMNS:
            check("GL301", t3, [("new", c), ("carried_over", c)], [("total", c), ("carry_forward", c)])
            check("GL302", t3, [("total", c)], [(r, c) for r in leaves])
        for r in rows:
            check("GL303", t3, [(r, "total")], [(r, c) for c in T3_APPLICANTS])
    if t4 is not None:
        for g, _ in T4_GROUPS:
            check("GL304", t4, [("cases", f"{g}.total")], [("cases", f"{g}.{o}") for o, _ in T4_OUTCOMES[:-1]])
    return out


def distinct_doc() -> Doc:
    """The seed with tables whose cells (nearly) all differ, so that a value read into the wrong
    row or column cannot go unnoticed; every identity of the format holds."""
    doc = seed_doc()
    t3 = doc.tables["三"]
    leaves = [r.id for r in t3.rowdefs() if r.id not in ("new", "carried_over", "total", "carry_forward")]
    outcomes = {(r, c): (i * 7 + j * 3) % 11 + 1 for i, r in enumerate(leaves) for j, c in enumerate(T3_APPLICANTS)}
    carried = {c: j + 1 for j, c in enumerate(T3_APPLICANTS)}
    forward = {c: 2 * j + 1 for j, c in enumerate(T3_APPLICANTS)}
    consistent_table3(t3, outcomes, carried, forward)
    consistent_table4(doc.tables["四"], {c: k + 1 for k, c in enumerate(
        c for c in T4_COLUMNS if not c.endswith(".total"))})
    t2 = doc.tables["二"]
    for k, (r, c) in enumerate(t2.cells()):
        t2.values[(r, c)] = str(k + 1)
    t2.values[("fees", "fee_amount")] = "0.65"
    return doc
