"""boxgrid: tables drawn with box-drawing characters, as text browsers and consoles print them.

``w3m -dump``, ``links -dump``, python ``tabulate`` (``fancy_grid``) and many consoles print a web
page's table as a grid::

    ┌────────┬───────────────┬────┐
    │        │（一）予以公开 │ 0  │
    │        ├───────────────┼────┤
    │三、本年│（二）部分公开 │ 0  │
    │度办理结│（区分处理的…）│    │
    │   果   ├───────────────┼────┤

``│`` separates cells, lines of rules and corners separate rows; a cell merged over several columns
has no ``│`` inside it, one merged over several rows no rule under it (the rule line has blanks, or
the text of the cell, there). A cell's text may wrap over several lines inside it, and a label
spanning rows may be printed in the middle of its span.

:func:`rebuild` finds each block of consecutive lines starting with a box character and reads it as
the grid it draws: the column boundaries are the positions of the vertical strokes of its rule lines
(``┌ ┬ ┼ ├ ┤ └``…), each cell is a connected region of the grid not cut by a stroke or a rule, and its
text is joined from its lines. The table becomes one ``ROW`` :class:`~govlint.parse.Line` per grid
row, whose cells are the cells starting in that row, left to right — as the HTML reader writes a
table with ``rowspan``/``colspan``: a label spanning rows is written once, on its first row — and
one ``ARTIFACT`` line per rule line, so that the table stays one run of table lines.

Positions are display columns: text printed for a monospaced display lines its strokes up by display
width (a CJK character takes two columns, a box character one); the measure under which the strokes
of the text lines fall on the boundaries best is used (CJK wide; every non-ASCII character wide; one
column per character).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Callable, NamedTuple, Optional, Sequence

from .numbers import parse_cell
from .source import line_starts
from .relazy import cached_compile

# (the vertical strokes that mark a table's lines: their presence is the cheap guard)
_VERTICALS = ("│", "┃", "║")


def _is_box(ch: str) -> bool:
    return "\u2500" <= ch <= "\u257f"


@lru_cache(maxsize=None)
def _strokes(ch: str) -> tuple[bool, bool]:
    """(vertical, horizontal): whether the box character ``ch`` has a stroke up or down, left or right."""
    name = unicodedata.name(ch, "")
    if not name.startswith("BOX DRAWINGS") or "DIAGONAL" in name:
        return False, False
    words = name.split()
    vertical = any(w in ("VERTICAL", "UP", "DOWN") for w in words)
    horizontal = any(w in ("HORIZONTAL", "LEFT", "RIGHT") for w in words)
    return vertical, horizontal


_ASCII_STROKES = {"+": (True, True), "|": (True, False), "-": (False, True), "=": (False, True)}


def _box_strokes(ch: str) -> tuple[bool, bool]:
    return _strokes(ch) if _is_box(ch) else (False, False)


def _ascii_strokes(ch: str) -> tuple[bool, bool]:
    return _ASCII_STROKES.get(ch, (False, False))


@lru_cache(maxsize=None)
def _w_eaw(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _w_wide(ch: str) -> int:
    return 1 if ch < "\x80" else 2


def _w_char(ch: str) -> int:
    return 1


_MEASURES: tuple[Callable[[str], int], ...] = (_w_eaw, _w_wide, _w_char)


class _Row(NamedTuple):
    text: str  # the physical line, without its line ending
    start: int  # its offset in the source text
    number: int  # its 1-based line number


def _physical(text: str) -> list[_Row]:
    """Every line of ``text`` (without its line ending) with its offset and 1-based number."""
    starts = line_starts(text)
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    return [_Row(text[a:b].removesuffix("\r"), a, i) for i, (a, b) in enumerate(zip(starts, ends), 1)]


def _box_line(raw: str) -> bool:
    s = raw.lstrip(" \t\u3000")
    return bool(s) and _is_box(s[0])


def _ascii_line(raw: str) -> bool:
    s = raw.lstrip(" \t\u3000")
    return bool(s) and s[0] in "+|"


# a rule line of a grid drawn in ASCII (+-----+=====+), as tabulate's "grid" and reStructuredText draw it
_ASCII_RULE = cached_compile(r"[ \t]*\+(?:[-=]+\+)+[ \t]*")


def rebuild(lines: list, text: str) -> list:
    """``lines`` (parse.Line records) with every block of lines drawing a box table replaced by its
    rows (see the module's docstring). Without such a block, ``lines`` itself."""
    boxes = any(v in text for v in _VERTICALS)
    if not boxes and "+-" not in text and "+=" not in text:  # cheap guard
        return lines
    phys = _physical(text)
    blocks: list[tuple[int, int, list]] = []  # (start offset, end offset, new lines)
    i, n = 0, len(phys)
    while i < n:
        raw = phys[i].text
        if boxes and _box_line(raw):
            inside, strokes = _box_line, _box_strokes
        elif _ASCII_RULE.fullmatch(raw):
            inside, strokes = _ascii_line, _ascii_strokes
        else:
            i += 1
            continue
        j = i
        while j < n and inside(phys[j].text):
            j += 1
        if strokes is _ascii_strokes:
            while j > i and not _ASCII_RULE.fullmatch(phys[j - 1].text):
                j -= 1  # (a grid drawn in ASCII ends with its bottom rule)
        if j - i >= 3 and _framed(phys[i:j], strokes):
            new = _block(phys[i:j], text, strokes)
            if new is not None:
                blocks.append((phys[i].start, phys[j - 1].start + len(phys[j - 1].text), new))
        i = j
    if not blocks:
        return lines
    out: list = []
    k = 0
    for a, b, new in blocks:
        while k < len(lines) and lines[k].start < a:
            out.append(lines[k])
            k += 1
        while k < len(lines) and lines[k].start <= b:
            k += 1  # (the lines the block was read as before)
        out.extend(new)
    out.extend(lines[k:])
    return out


def _framed(block: Sequence[_Row], strokes: Callable) -> bool:
    """Whether the block is framed as a drawn table: its first and last lines are rules (drawn
    characters only), and every line ends with a stroke (not a tree of items drawn with ├─ and └─)."""
    for row in (block[0], block[-1]):
        s = row.text.strip()
        if not all(any(strokes(ch)) for ch in s):
            return False
    return all(strokes(row.text.rstrip()[-1])[0] for row in block)


class _Grid(NamedTuple):
    cols: list  # per physical line: display column of each character
    bounds: list  # display columns of the boundaries
    bars: list  # per physical line: {boundary: display column of its stroke on that line}


def _measure(block: Sequence[_Row], width: Callable[[str], int], drawn: Sequence) -> tuple[int, Optional[_Grid]]:
    """The grid under one measure of display width and how well the strokes fall on its boundaries
    (``drawn``: per line, the position and strokes of each drawn character)."""
    cols: list[list[int]] = []
    for row in block:
        if "\t" in row.text:
            c, at = 0, []
            for ch in row.text:
                at.append(c)
                c += width(ch) if ch != "\t" else 8 - c % 8
        else:
            at = list(accumulate(map(width, row.text), initial=0))[:-1]
        cols.append(at)
    # boundaries: the corners and junctions (┌ ┬ ├ ┼ …): every stroke of a grid starts at one
    bounds: set[int] = set()
    for marks, at in zip(drawn, cols):
        bounds.update(at[x] for x, st in marks if st == (True, True))
    if len(bounds) < 2:
        return -1, None
    ordered = sorted(bounds)
    score = 0
    bars: list[dict[int, int]] = []
    for marks, at in zip(drawn, cols):
        found: dict[int, int] = {}
        upright = [at[x] for x, st in marks if st == (True, False)]
        if len(upright) == len(ordered) == len(marks) and any(c not in bounds for c in upright):
            # a line with a stroke for every boundary, off them: the k-th stroke is the k-th boundary
            # (pandoc's grid table of CJK text in columns too narrow for a character: its cells
            # padded to one width, its rules to another)
            bars.append(dict(zip(ordered, upright)))
            score += len(upright)
            continue
        for x, st in marks:
            if not st[0]:
                continue
            c = at[x]
            if c in bounds:
                found[c] = c
                score += 2
            else:
                # a stroke one column off its boundary (a character measured otherwise by the printer)
                near = [b for b in (c - 1, c + 1) if b in bounds and b not in found]
                if near:
                    found.setdefault(near[0], c)
                score -= 1
        bars.append(found)
    return score, _Grid(cols, ordered, bars)


def _unspaced(s: str) -> str:
    """``s`` without the blanks between its letters when it is letters spaced out (自 然 人)."""
    words = s.split(" ")
    if len(words) > 1 and all(len(w) == 1 and not w.isascii() for w in words):
        return "".join(words)
    return s


def _join(pieces: Sequence[str]) -> str:
    """The text of a cell from its lines: joined without a blank, but between two ASCII words."""
    out = ""
    for p in pieces:
        p = _unspaced(p)
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def _block(block: Sequence[_Row], text: str, strokes: Callable) -> Optional[list]:
    from .parse import Line, RawCell

    best: tuple[int, Optional[_Grid]] = (-1, None)
    drawn = [[(x, st) for x, ch in enumerate(row.text) if ch > "~" or ch in "+|-="
              for st in (strokes(ch),) if st[0] or st[1]] for row in block]
    ascii_only = all(row.text.isascii() for row in block)
    for width in _MEASURES[:1] if ascii_only else _MEASURES:  # (ASCII only: every measure is this one)
        got = _measure(block, width, drawn)
        if got[1] is not None and got[0] > best[0]:
            best = got
    grid = best[1]
    if grid is None:
        return None
    bounds, cols, bars = grid.bounds, grid.cols, grid.bars
    m = len(bounds) - 1  # atomic columns, between consecutive boundaries
    nl = len(block)

    def chars(i: int, left: int, right: int) -> range:
        """Indices of the characters of line ``i`` strictly between two display columns."""
        at = cols[i]  # (ascending)
        return range(bisect_right(at, left), bisect_left(at, right))

    def edge(i: int, b: int) -> int:
        return bars[i].get(bounds[b], bounds[b])

    rule = [[False] * m for _ in range(nl)]
    for i, row in enumerate(block):
        for k in range(m):
            seg = [row.text[x] for x in chars(i, edge(i, k), edge(i, k + 1))]
            drawn = [ch for ch in seg if not ch.isspace()]
            rule[i][k] = bool(drawn) and any(strokes(ch)[1] for ch in drawn) and all(any(strokes(ch)) for ch in drawn) \
                and (strokes is _box_strokes or len(drawn) == len(seg))  # (ASCII: a rule fills its cell: "-" alone is a value)
    ruled = [any(r) for r in rule]
    if sum(1 for r in ruled if not r) < 1 or sum(ruled) < 2:
        return None
    # a table drawn without rules between its rows (tabulate's outline formats, psql): a run of lines
    # between two rules where a column holds a number and something else on another line is one row
    # per line (a number is never wrapped, and no label wraps to a number alone)
    split = [False] * nl
    # (a table with a rule between its rows — more than a header's run and a body's run of lines —
    # has rows of several lines: a label wrapped under its item number, "2" over ".其他法律", is no
    # row of its own; there a run is split only where a column holds figures on two lines)
    runs = sum(1 for x in range(nl) if not ruled[x] and (x == 0 or ruled[x - 1]))
    i = 0
    while i < nl:
        j = i
        while j < nl and not ruled[j]:
            j += 1
        if j - i >= 2:
            for k in range(m):
                numbers = filled = 0
                for x in range(i, j):
                    piece = "".join(block[x].text[c] for c in chars(x, edge(x, k), edge(x, k + 1))).strip()
                    if piece:
                        filled += 1
                        numbers += parse_cell(piece).kind == "number"
                if numbers and filled >= 2 and (runs <= 2 or numbers >= 2):
                    for x in range(i, j - 1):
                        split[x] = True
                    break
        i = max(j, i + 1)

    # cells: connected regions of content positions, not cut by a stroke (across) or a rule (down)
    parent = list(range(nl * m))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for i in range(nl):
        for k in range(m):
            if rule[i][k]:
                continue
            if k + 1 < m and not rule[i][k + 1] and bounds[k + 1] not in bars[i]:
                union(i * m + k, i * m + k + 1)
            if i + 1 < nl and not rule[i + 1][k] and not split[i]:
                union(i * m + k, (i + 1) * m + k)
    regions: dict[int, list[int]] = {}  # root -> [top, bottom, left, right]
    for i in range(nl):
        for k in range(m):
            if rule[i][k]:
                continue
            r = regions.setdefault(find(i * m + k), [i, i, k, k])
            r[0], r[1] = min(r[0], i), max(r[1], i)
            r[2], r[3] = min(r[2], k), max(r[3], k)

    # grid rows: the content lines after each rule line (each line, in a table without rules between rows)
    row_of = [0] * nl
    g = 0
    for i in range(nl):
        if ruled[i] or (i and split[i - 1]):
            g += 1
        row_of[i] = g
    cells_of: dict[int, list] = {}  # grid row -> [(left, right, RawCell)]
    for top, bottom, left, right in regions.values():
        pieces: list[tuple[str, int, int]] = []
        for i in range(top, bottom + 1):
            row = block[i]
            xs = chars(i, edge(i, left), edge(i, right + 1))
            if not xs:
                continue
            seg = row.text[xs[0]:xs[-1] + 1]
            s = seg.strip()
            if s:
                a = xs[0] + len(seg) - len(seg.lstrip())
                pieces.append((s, row.start + a, row.start + a + len(s)))
        if pieces:
            cell = RawCell(_join([p[0] for p in pieces]), pieces[0][1], pieces[-1][2], False)
        else:
            cell = RawCell("", block[top].start, block[top].start, False)
        cells_of.setdefault(row_of[top], []).append((left, right, cell))

    out: list = []
    coverage: set[int] = set()
    i = 0
    while i < nl:
        row = block[i]
        if ruled[i]:
            out.append(Line("ARTIFACT", row.text, row.start, row.number, ()))
            i += 1
            continue
        j = i
        while j < nl and not ruled[j] and row_of[j] == row_of[i]:
            j += 1
        cells = sorted(cells_of.get(row_of[i], []), key=lambda c: c[0])
        filled = [c for c in cells if c[2].text]
        kept: list = []
        if filled and len(filled) == 1 and m > 1 and filled[0][1] - filled[0][0] + 1 >= m:
            coverage = set()  # a caption row (第二十条第（一）项) starts a new block
            kept = filled
        elif filled:
            for x, (left, right, cell) in enumerate(cells):
                if cell.text:
                    kept.append((left, right, cell))
                    continue
                # a blank cell is kept where a value stands above it (as the HTML reader keeps it)
                label_right = any(c[2].text and parse_cell(c[2].text).kind == "text" for c in cells[x + 1:])
                if not label_right and any(k in coverage for k in range(left, right + 1)):
                    kept.append((left, right, cell))
            for left, right, _ in filled:
                coverage.update(range(left, right + 1))
        last = block[j - 1]
        seg = text[row.start:last.start + len(last.text)]
        if kept:
            out.append(Line("ROW", seg, row.start, row.number, tuple(c[2] for c in kept)))
        else:
            out.append(Line("ARTIFACT", seg, row.start, row.number, ()))
        i = j
    return out
