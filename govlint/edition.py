"""Editions (the 2019 and 2021 national formats) as data: parts, tables, labels and identities.

The data itself lives in ``rules/editions/*.toml`` and reaches the engine through the
``govlint_register_editions`` hook; this module only gives it a typed shape and label lookups.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any, Iterable, Optional

import attrs

from . import records
from .labels import bare_key, key


@lru_cache(maxsize=None)
def _keys(label: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """Label keys of a column (computed once: the aligner asks for them for every cell)."""
    return frozenset(key(x) for x in (label, *aliases))


@lru_cache(maxsize=None)
def _bare_keys(label: str, aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(bare_key(x) for x in (label, *aliases))


@records.frozen
class ColumnSpec:
    id: str
    label: str
    parent: Optional[str] = None
    group: bool = False
    aliases: tuple[str, ...] = ()
    unit: Optional[str] = None
    integer: bool = True
    signed: bool = False

    def keys(self) -> frozenset[str]:
        return _keys(self.label, self.aliases)


@records.frozen
class RowSpec:
    id: str
    label: str
    parent: Optional[str] = None
    group: bool = False
    aliases: tuple[str, ...] = ()
    # the row's name in the other edition (2021's 行政规范性文件 was 2019's 规范性文件): read as this row,
    # and reported as a label the edition changed (GL204)
    former: tuple[str, ...] = ()

    def keys(self) -> frozenset[str]:
        return _bare_keys(self.label, self.aliases + self.former)

    def former_keys(self) -> frozenset[str]:
        return _bare_keys(self.former[0], self.former[1:]) if self.former else frozenset()


@records.frozen
class BlockSpec:
    """A block of table 二 (one 第二十条 item), or the whole of a one-block table (三, 四)."""

    id: Optional[str]
    caption: Optional[str]
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    _memo: dict = attrs.field(factory=dict, init=False, repr=False, eq=False, hash=False)

    def leaves(self) -> list[ColumnSpec]:
        hit = self._memo.get("leaves")
        if hit is None:
            hit = self._memo["leaves"] = tuple(c for c in self.columns if not c.group)
        return list(hit)

    def children(self, parent: Optional[str]) -> list[ColumnSpec]:
        return [c for c in self.columns if c.parent == parent]

    def column(self, col_id: str) -> Optional[ColumnSpec]:
        by_id = self._memo.get("by_id")
        if by_id is None:
            by_id = {}
            for c in self.columns:
                by_id.setdefault(c.id, c)
            self._memo["by_id"] = by_id
        return by_id.get(col_id)


@records.frozen
class Identity:
    id: str
    rule: str
    over: str  # "columns": for each column, sum(lhs rows) == sum(rhs rows); "rows": for each row, over columns
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    basis: str = ""
    basis_en: str = ""


@records.frozen
class TableSpec:
    id: str
    part: int
    title: str
    blocks: tuple[BlockSpec, ...]
    label_column: Optional[str] = None
    notes: tuple[str, ...] = ()
    identities: tuple[Identity, ...] = ()
    implicit_row: Optional[RowSpec] = None
    # lookups the aligner and the rules make for every cell, computed once per spec (specs are frozen)
    _memo: dict = attrs.field(factory=dict, init=False, repr=False, eq=False, hash=False)

    def rows(self) -> list[RowSpec]:
        hit = self._memo.get("rows")
        if hit is None:
            hit = self._memo["rows"] = tuple(r for b in self.blocks for r in b.rows)
        return list(hit)

    def data_rows(self) -> list[RowSpec]:
        return [r for r in self.rows() if not r.group]

    def row(self, row_id: str) -> Optional[RowSpec]:
        by_id = self._memo.get("row_by_id")
        if by_id is None:
            by_id = {}
            for r in self.rows():
                by_id.setdefault(r.id, r)
            if self.implicit_row is not None:
                by_id.setdefault(self.implicit_row.id, self.implicit_row)
            self._memo["row_by_id"] = by_id
        return by_id.get(row_id)

    def block_of_row(self, row_id: str) -> BlockSpec:
        for b in self.blocks:
            if any(r.id == row_id for r in b.rows):
                return b
        return self.blocks[0]

    def column(self, col_id: str, block: Optional[str] = None) -> Optional[ColumnSpec]:
        for b in self.blocks:
            if block is None or b.id == block:
                c = b.column(col_id)
                if c is not None:
                    return c
        return None

    def leaf_columns(self, group: str) -> list[str]:
        """The leaf columns under the column group ``group`` (of a one-block table), in order."""
        blk = self.blocks[0]
        out: list[str] = []
        stack = [group]
        while stack:
            parent = stack.pop(0)
            for c in blk.columns:
                if c.parent == parent:
                    (stack.append(c.id) if c.group else out.append(c.id))
        return out

    def summed_groups(self) -> frozenset[str]:
        """The column groups of a one-block table whose leaves are parts another column sums (every
        one of them on the summed side of an identity over rows, none a total itself: table 三's
        法人或其他组织, five kinds of applicant that 总计 adds up with 自然人). Written as one column
        (no sub-columns under it), such a group's figure is the sum of its leaves' (see
        :attr:`govlint.model.Table.merged_columns`); a group with a total of its own (table 四's
        行政复议) is not one."""
        hit = self._memo.get("summed_groups")
        if hit is None:
            totals = {c for i in self.identities for c in i.lhs if i.over == "rows"}
            parts = {c for i in self.identities for c in i.rhs if i.over == "rows"}
            hit = frozenset(g.id for g in self.blocks[0].columns
                            if g.group and len(self.blocks) == 1 and (leaves := self.leaf_columns(g.id))
                            and all(c in parts and c not in totals for c in leaves))
            self._memo["summed_groups"] = hit
        return hit

    def leaf_rows(self, ids: Iterable[str]) -> list[str]:
        """Expand group row ids into their data-row descendants (a data row stands for itself)."""
        ids = tuple(ids)
        memo = self._memo.setdefault("leaf_rows", {})
        hit = memo.get(ids)
        if hit is None:
            hit = memo[ids] = tuple(self._leaf_rows(ids))
        return list(hit)

    def _leaf_rows(self, ids: Iterable[str]) -> list[str]:
        out: list[str] = []
        rows = self.rows()
        for rid in ids:
            spec = self.row(rid)
            if spec is None:
                continue
            if not spec.group:
                out.append(rid)
                continue
            stack = [rid]
            while stack:
                parent = stack.pop(0)
                for r in rows:
                    if r.parent == parent:
                        (stack.append(r.id) if r.group else out.append(r.id))
        return out

    def all_keys(self) -> set[str]:
        keys: set[str] = set()
        for b in self.blocks:
            for c in b.columns:
                keys |= c.keys()
            for r in b.rows:
                keys |= r.keys()
            if b.caption:
                keys.add(key(b.caption))
        return keys


@records.frozen
class PartSpec:
    number: int
    heading: str
    keywords: tuple[str, ...]
    also_exact: tuple[str, ...] = ()

    def exact_keys(self) -> frozenset[str]:
        return frozenset(key(h) for h in (self.heading, *self.also_exact))


@records.frozen
class Edition:
    id: str
    name: str
    basis: str
    first_year: int
    last_year: Optional[int]
    parts: tuple[PartSpec, ...]
    tables: tuple[TableSpec, ...]

    def table(self, table_id: str) -> Optional[TableSpec]:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None

    def part(self, number: int) -> Optional[PartSpec]:
        for p in self.parts:
            if p.number == number:
                return p
        return None

    def covers(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)


def _columns(raw: Iterable[dict]) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(id=c["id"], label=c["label"], parent=c.get("parent"), group=c.get("group", False),
                            aliases=tuple(c.get("aliases", ())), unit=c.get("unit"),
                            integer=c.get("integer", True), signed=c.get("signed", False)) for c in raw)


def _rows(raw: Iterable[dict]) -> tuple[RowSpec, ...]:
    return tuple(RowSpec(id=r["id"], label=r["label"], parent=r.get("parent"), group=r.get("group", False),
                         aliases=tuple(r.get("aliases", ())), former=tuple(r.get("former", ()))) for r in raw)


def _resolve_table(raw: dict, raw_by_id: dict[str, dict], depth: int = 0) -> dict:
    """Apply ``from`` / ``remove`` / ``replace`` so that an edition can reuse another's table."""
    if "from" not in raw:
        return raw
    if depth > 5:
        raise ValueError(f"edition table {raw.get('id')}: 'from' chain too deep")
    base_ed = raw_by_id.get(raw["from"])
    if base_ed is None:
        raise ValueError(f"edition table {raw.get('id')}: unknown edition {raw['from']!r} in 'from'")
    base = next((t for t in base_ed.get("tables", []) if t["id"] == raw["id"]), None)
    if base is None:
        raise ValueError(f"edition {raw['from']} has no table {raw['id']}")
    merged = copy.deepcopy(_resolve_table(base, raw_by_id, depth + 1))
    removed = set(raw.get("remove", ()))
    replaced = {x["id"]: x for x in raw.get("replace", ())}
    for field in ("rows", "columns"):
        if field in merged:
            merged[field] = [replaced.get(x["id"], x) for x in merged[field] if x["id"] not in removed]
    for k, v in raw.items():
        if k not in ("from", "remove", "replace"):
            merged[k] = v
    return merged


def _table(raw: dict) -> TableSpec:
    if "blocks" in raw:
        blocks = tuple(BlockSpec(b["id"], b.get("caption"), _columns(b["columns"]), _rows(b["rows"]))
                       for b in raw["blocks"])
    else:
        blocks = (BlockSpec(None, None, _columns(raw.get("columns", ())), _rows(raw.get("rows", ()))),)
    implicit = raw.get("implicit_row")
    return TableSpec(
        id=raw["id"], part=int(raw.get("part", 0)), title=raw.get("title", ""), blocks=blocks,
        label_column=raw.get("label_column"), notes=tuple(raw.get("notes", ())),
        identities=tuple(Identity(i["id"], i["rule"], i["over"], tuple(i["lhs"]), tuple(i["rhs"]),
                                  i.get("basis", ""), i.get("basis_en", "")) for i in raw.get("identities", ())),
        implicit_row=RowSpec(implicit["id"], implicit.get("label", "")) if implicit else None,
    )


def load_editions(raws: Iterable[dict[str, Any]]) -> dict[str, Edition]:
    """Turn edition data (as read from TOML) into :class:`Edition` objects, resolving ``from`` links."""
    raw_by_id = {r["id"]: r for r in raws}
    editions: dict[str, Edition] = {}
    for raw in raw_by_id.values():
        parts_raw = {p["number"]: p for p in raw_by_id.get(raw.get("parts_from", ""), {}).get("parts", [])}
        parts_raw.update({p["number"]: p for p in raw.get("parts", [])})
        parts = tuple(PartSpec(p["number"], p["heading"], tuple(p.get("keywords", ())), tuple(p.get("also_exact", ())))
                      for _, p in sorted(parts_raw.items()))
        tables = tuple(_table(_resolve_table(t, raw_by_id)) for t in raw.get("tables", []))
        editions[raw["id"]] = Edition(raw["id"], raw.get("name", raw["id"]), raw.get("basis", ""),
                                      int(raw.get("first_year", 0)), raw.get("last_year"), parts, tables)
    return editions
