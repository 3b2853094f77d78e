"""The report model: immutable attrs values built from the parse tree.

Every node carries a :class:`Span` in the *original* file (1-based line and column in code points,
plus 0-based character offsets into the decoded text), so a diagnostic can always name the exact
place the user has to look at.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Iterator, NamedTuple, Optional

import attrs

from . import records


def maker(cls: type) -> Callable[..., Any]:
    """A function that makes an instance of the frozen, slotted attrs class ``cls`` from the
    arguments ``cls(...)`` takes, equal to ``cls(...)`` in type and in every field, at a fraction of
    the cost. A frozen class's ``__init__`` sets each field through ``object.__setattr__`` (Python
    3.11: ~1,000 instructions a field, ~14,000 a Cell; a report has a few hundred cells); this one
    fills an instance of a subclass that adds nothing but plain assignment and then gives it its
    class (the layouts are the same, so Python allows it). Defaults, factories and fields left out
    of ``__init__`` are as attrs has them; a class with validators, converters or an init hook is
    refused. Tests compare it with ``cls(...)`` for every class it is used for."""
    return _generate(cls, evolve=False)


def remaker(cls: type) -> Callable[..., Any]:
    """``attrs.evolve`` for the class ``cls`` made the way :func:`maker` makes it: ``remake(inst,
    **changes)`` is ``attrs.evolve(inst, **changes)`` (a field left out of ``__init__`` made afresh,
    as evolve's call of ``__init__`` does)."""
    return _generate(cls, evolve=True)


def _generate(cls: type, evolve: bool) -> Callable[..., Any]:
    if not (attrs.has(cls) and "__slots__" in vars(cls) and "__setattr__" in vars(cls)) or attrs.has(cls.__base__) \
            or "__attrs_post_init__" in vars(cls) or "__attrs_pre_init__" in vars(cls):
        raise TypeError(f"maker: {cls.__name__} is no frozen slotted attrs class of its own, or has an init hook")
    # (a subclass adding no slot: the same layout; with object's __setattr__ and __delattr__ (one
    # type slot serves both), so that an assignment is the plain store Python specialises)
    draft = type(f"_{cls.__name__}Draft", (cls,), {"__slots__": (), "__setattr__": object.__setattr__,
                                                  "__delattr__": object.__delattr__})
    ns: dict[str, Any] = {"_new": object.__new__, "_draft": draft, "_cls": cls, "_NOTHING": attrs.NOTHING}
    params, body = ["inst", "*"] if evolve else [], []
    for i, a in enumerate(attrs.fields(cls)):
        default = a.default
        if a.validator is not None or a.converter is not None or (
                isinstance(default, attrs.Factory) and default.takes_self):
            raise TypeError(f"maker: {cls.__name__}.{a.name} has a validator, a converter or a factory taking self")
        if isinstance(default, attrs.Factory):
            ns[f"_f{i}"] = default.factory
            fresh = f"_f{i}()"
        elif default is not attrs.NOTHING:
            ns[f"_d{i}"] = default
            fresh = f"_d{i}"
        else:
            fresh = None
        if not a.init:
            if fresh is not None:
                body.append(f"self.{a.name} = {fresh}")
            continue
        name = a.alias
        if evolve:
            params.append(f"{name}=_NOTHING")
            body.append(f"self.{a.name} = inst.{a.name} if {name} is _NOTHING else {name}")
            continue
        if fresh is None:
            params.append(name)
        elif isinstance(default, attrs.Factory):
            params.append(f"{name}=_NOTHING")
            body.append(f"if {name} is _NOTHING: {name} = {fresh}")
        else:
            params.append(f"{name}={fresh}")
        body.append(f"self.{a.name} = {name}")
    lines = "\n    ".join(["self = _new(_draft)", *body, "self.__class__ = _cls", "return self"])
    exec(f"def make({', '.join(params)}):\n    {lines}\n", ns)  # (as attrs writes its own __init__)
    make = ns["make"]
    make.__qualname__ = f"{'remaker' if evolve else 'maker'}({cls.__name__})"
    return make


class Span(NamedTuple):
    """Where a node is: 1-based line and column (code points) of its start and end in the user's
    file, and its 0-based start/end offsets in the decoded text. A named tuple — immutable, ordered
    by position, and cheap to make: a report has a few hundred (one per table cell)."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0

    def to(self, other: "Span") -> "Span":
        """The span from the start of ``self`` to the end of ``other``."""
        return Span(self.line, self.column, other.end_line, other.end_column, self.start, other.end)


@records.frozen
class Paragraph:
    """A paragraph of running text. Most are one line of the file; a paragraph that text copied
    from a PDF or a printout breaks over several lines (hard-wrapped at the page's width) is one
    paragraph, its lines joined without the breaks: ``pieces`` then holds, for each line after the
    first, (index in ``text`` where it starts, its offset in the report's text). Use :meth:`offset`
    and :meth:`end_offset` to go from ``text`` to the file: ``span.start + i`` is only right for a
    paragraph of one line."""

    text: str
    span: Span
    pieces: tuple[tuple[int, int], ...] = ()

    def offset(self, i: int) -> int:
        """The offset in the report's text of character ``i`` of :attr:`text`."""
        pieces = self.pieces
        if not pieces or i < pieces[0][0]:
            return self.span.start + i
        k = bisect_right(pieces, (i, _BIG)) - 1
        at, offset = pieces[k]
        return offset + i - at

    def end_offset(self, j: int) -> int:
        """The offset just after character ``j - 1`` of :attr:`text` (the end of ``text[i:j]``; a
        slice that ends where a line ends does not take the line break along)."""
        return self.offset(j - 1) + 1 if j > 0 else self.offset(0)


_BIG = 1 << 62


@records.frozen
class Cell:
    """One table cell: its text as written, its parsed value and where it sits."""

    text: str
    span: Span
    kind: str  # "number" | "blank" | "placeholder" | "text"
    value: Optional[float] = None  # int for integral numbers
    unit: Optional[str] = None
    is_integer_text: bool = True
    row: Optional[str] = None  # row id in the edition (None: unknown row)
    column: Optional[str] = None  # column id in the edition (None: unknown column)
    column_label: Optional[str] = None
    recovered: bool = False  # value recovered from run-together digits
    # not written in the table but made by govlint: the sum of the sub-rows another edition splits
    # this row into (a 2019 table 三 written with the 2021 （六）其他处理 1./2./3.)
    derived: bool = False
    # a figure written otherwise than a count is, read as the count it stands for: "point_grouping"
    # (1.234 in a column of whole numbers: the point a thousands separator, as OCR and some
    # conversions write it; read as 1234, GL210 says so); "chinese_numeral" (十二 read as 12, GL208);
    # "approximate" (约3, 3余: no count, kind "text" and no value, GL208)
    reading: Optional[str] = None
    # a remark in brackets or a footnote mark written after the figure (3（其中1件已撤回）, 5*): the
    # figure is the cell's value, the remark is GL213's
    note: Optional[str] = None

    @property
    def is_number(self) -> bool:
        return self.kind == "number"


@records.frozen
class Row:
    id: Optional[str]  # row id in the edition; None for a row govlint could not identify
    label: str  # the label as written (may be empty for the implicit row of table 四)
    span: Span  # span of the label cell (or of the first value for an implicit row)
    cells: tuple[Cell, ...] = ()
    block: Optional[str] = None  # block id inside table 二
    problem: Optional[str] = None  # why the values could not be aligned (e.g. "too_few", "too_many")
    raw_values: tuple[Cell, ...] = ()  # every value-like cell written after the label, aligned or not (an aligned row: its cells)
    # run-together digits (flattened page text, see govlint.recover): how they were split —
    # "forced" (only one split is possible at all) or "identities" (only one satisfies the table's
    # identities) — or, when they could not be split, why: "inconsistent" (no split satisfies the
    # identities), "ambiguous" (several do) or "too_many" (too many candidates to decide)
    recovery: Optional[str] = None
    unsplit: Optional[str] = None

    def cell(self, column: str) -> Optional[Cell]:
        for c in self.cells:
            if c.column == column:
                return c
        return None


@records.frozen
class LabelNote:
    """A row or column label written with a fill-in note the format does not have after the official
    label (``规章（设区的市、自治州人民政府应提供相关数据）``): the row or column was read as the official
    one; ``note`` is the extra text as written."""

    text: str  # the label as written
    span: Span
    note: str
    row: Optional[str] = None  # the row id it was read as (a row label)
    column: Optional[str] = None  # the column id it was read as (a column label)
    official: str = ""  # the official label
    # the label was read as the official one though written with characters OCR reads for those of
    # the format's label (子以公开 for 予以公开, (=) for (二)); ``note`` is then the look-alikes, 子→予
    lookalike: bool = False


@records.frozen
class OtherEditionBlock:
    """A block of table 二 written in another edition than the table's (2019 column labels in the
    2021 block 第二十条第（一）项, or the 2019 block 第二十条第（九）项 in a 2021 table): its labels are
    that edition's, so its figures are not read into this edition's columns."""

    edition: str  # the edition whose labels the block uses
    caption: str  # the block's caption as that edition has it (第二十条第（九）项)
    block: Optional[str]  # the block of the table's edition it stands in for (None: the edition has none)
    span: Span  # the block's caption, or its first label of the other edition
    labels: tuple[str, ...] = ()  # the labels written that only the other edition uses
    # its rows the table's edition does not have (2019 政府集中采购 in a 2021 table 二): the other
    # edition's row id, the label as written and the figures as written (``raw_values``), not aligned
    rows: tuple["Row", ...] = ()
    # its figures read into the table's edition's columns, as its header names every column of the
    # edition's block (2019 处理决定数量 for 2021 本年处理决定数量): (the labels whose figures were
    # read, those of columns the edition has not, whose figures were not); ((), ()) if not read
    read: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


@records.frozen
class Table:
    id: Optional[str]  # "二" | "三" | "四" (None: table govlint could not identify)
    span: Span
    rows: tuple[Row, ...] = ()
    columns: tuple[str, ...] = ()  # leaf column ids found, in written order
    header_recognised: bool = True
    missing_rows: tuple[str, ...] = ()
    missing_columns: tuple[str, ...] = ()
    unknown_rows: tuple[Row, ...] = ()
    unknown_columns: tuple[Cell, ...] = ()
    stray_values: tuple[Cell, ...] = ()
    section: Optional[int] = None  # number of the part the table was written in
    label_notes: tuple[LabelNote, ...] = ()  # labels read as official ones despite a fill-in note
    other_edition_blocks: tuple[OtherEditionBlock, ...] = ()  # blocks written in another edition
    # the table's figures were written without their row labels (OCR of a table as one figure a line)
    # and read in the order of the format's rows, as many as the format has cells: their number
    positional: int = 0
    # the table's text is not in reading order — its row labels and its figures come apart, as text
    # extracted from a PDF box by box or column by column gives it (pdftotext's default mode,
    # pdfminer): no figure could be matched to its row and column; the figures found (none read)
    scrambled: int = 0
    # table 四 written as a grid of its groups and outcomes (see build._folded): "folded" (a row per
    # group) or "transposed" (a row per outcome), its figures read into the format's columns; else None
    layout: Optional[str] = None
    # column groups written as one column, without their sub-columns (table 三's 法人或其他组织 as
    # one column beside 自然人 and 总计): the group's cells (column the group's id) hold the sum of
    # its leaves, which are not in the table (see TableSpec.summed_groups)
    merged_columns: tuple[str, ...] = ()
    # (row id, column id) -> cell, made on first use: the rules look up a few hundred cells per table
    _index: dict = attrs.field(factory=dict, init=False, repr=False, eq=False, hash=False)

    def row(self, row_id: str) -> Optional[Row]:
        for r in self.rows:
            if r.id == row_id:
                return r
        return None

    def cell(self, row_id: str, column: str) -> Optional[Cell]:
        """The cell of the first row ``row_id`` in ``column`` (as ``row(row_id).cell(column)``)."""
        index = self._index
        if not index:
            first: dict = {}
            for r in self.rows:
                if r.id not in first:
                    first[r.id] = r
            for r in first.values():
                for c in r.cells:
                    index.setdefault((r.id, c.column), c)
            index[None] = None  # built (even for a table without cells)
        return index.get((row_id, column))

    def cells(self) -> Iterator[Cell]:
        for r in self.rows:
            yield from r.cells


@records.frozen
class Heading:
    text: str
    span: Span
    number: Optional[int]  # the numeral written in front (一 -> 1); None if none
    part: Optional[int]  # the part the wording names (by keywords); None if unrecognised


@records.frozen
class Section:
    """One of the six parts: its heading and its body (paragraphs and tables in order)."""

    heading: Heading
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple[Table, ...] = ()

    @property
    def part(self) -> Optional[int]:
        return self.heading.part

    @property
    def span(self) -> Span:
        end = self.heading.span
        for node in (*self.paragraphs, *self.tables):
            if node.span.end > end.end:
                end = node.span
        return self.heading.span.to(end)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@records.frozen
class Report:
    path: Optional[str]
    text: str  # the decoded text the positions refer to
    title: Optional[Paragraph]
    preamble: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    edition: Optional[str]  # "2019" | "2021" | None
    edition_scores: dict = attrs.field(factory=dict, eq=False)  # edition id -> labels only it uses
    year: Optional[int] = None
    year_span: Optional[Span] = None
    agency: Optional[str] = None
    # a body's name alone on the line below the title (a byline, 某某市财政局; spaced out, 某 某 市 财 政 局),
    # as written there, whether or not the title names the agency
    byline: Optional[str] = None
    locator: Optional[str] = None
    published: Optional[str] = None  # publication date (YYYY-MM-DD) from a crawler header (发布时间:)
    published_span: Optional[Span] = None
    # the same per table id ("二" -> {edition id -> labels only it uses}): which tables follow which
    # edition, when a report of a transition year mixes them
    table_edition_scores: dict = attrs.field(factory=dict, eq=False)

    def section(self, part: int) -> Optional[Section]:
        for s in self.sections:
            if s.part == part:
                return s
        return None

    def table(self, table_id: str) -> Optional[Table]:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None

    def paragraphs(self) -> Iterator[Paragraph]:
        if self.title is not None:
            yield self.title
        yield from self.preamble
        for s in self.sections:
            yield from s.paragraphs
