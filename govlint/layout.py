"""layout: tables laid out in columns by spaces, as ``pdftotext -layout`` writes a PDF's tables.

Such text keeps each table line as the PDF drew it: the cells of a line stand in character columns
separated by runs of blanks, and a label too long for its narrow column is wrapped over as many
lines as it needs, the group label's column and its rows' label column interleaved line by line::

    三、  （一）予以公   0    0    0 …
    本年  开
    度办  （二）部分公   0    0    0 …
    理结  开（区分处理

A header of narrow columns is wrapped word by word (``自然`` over ``人``, ``社会`` / ``公益`` /
``组织``), and at a page break the PDF repeats the header, in the middle of a row's label.

:func:`rebuild` finds a block of such lines whose row labels stand in more than one column, and
turns it into logical rows: one ``ROW`` :class:`~govlint.parse.Line` per data line (a line holding
the numbers) whose cells are the row's labels — each joined from the pieces its column holds from
the line where it starts until the next label of that column starts — followed by the numbers; the
header becomes one ``ROW`` per header line, its wrapped words joined per column; a repeated header
is dropped. Cell offsets point at the first and last piece of each cell in the source text.

Nothing here knows the format: a label is recognised as starting where its item number is written
(``三、``, ``（一）``, ``1.``), which is how every row label of a report's tables is numbered; the
builder aligns the cells by label as for any other table.

Columns are counted in characters, not display width: pdftotext places each glyph, CJK or not, in
one column of its grid, so a CJK label's pieces line up by character index (counted by display
width, a piece after a shorter one on the line drifts left). Text laid out by hand for a monospaced
display is lined up by display width instead; the measure under which the label pieces line up best
is used.

The parser reads such tables from their labels' pieces first (:mod:`govlint.wrapped`: pdftotext's
columns may drift from one run of lines to the next, so that no column holds a label's pieces); what
it leaves (table 四's header wrapped character by character) is read here by column. A figure too
wide for its narrow column is wrapped too, its lower digits on the next line under it (``10`` over
``6``): a line of such digits under a row of figures alone is joined to it
(:func:`_figures_run_on`).

An HTML-to-text converter (``inscriptis``; a borderless dump) lays a page's table out in columns
too, but row by row: each row's cells left to right — packed from the left when it ignores
``colspan`` and ``rowspan``, so that a page column holds different table columns row by row — a
cell broken by ``<br>`` run on below under its start, and a blank line after each row. Such a block
(:func:`_delimited`) is read one row per run of lines between blank lines, never down the columns.
"""

from __future__ import annotations

from typing import NamedTuple, Optional, Sequence

from .numbers import parse_cell
from .relazy import cached_compile

# an item number at the start of a label piece, whole or cut by the column's edge (``（三`` over ``）不``)
_ITEM_START = cached_compile(
    r"(?:第?[一二三四五六七八九十]+[、.,，．﹑]|[（(][ \t]*[一二三四五六七八九十\d]|\d{1,2}[.、．,，)](?!\d))")
_TOKEN = cached_compile(r"\S+")
_VALUE_KINDS = ("number", "placeholder")
_SHORT = 12  # a line this short (stripped) may be a piece of a wrapped label
_TOL = 2  # columns a wrapped piece may stand off its column


class _Piece(NamedTuple):
    text: str
    start: int  # offset in the source text
    end: int
    col: int  # column where it starts (characters or display width, see rebuild)
    last: int  # column just after it
    dcol: int  # the same in the other measure
    dlast: int


class _Parsed(NamedTuple):
    line: object  # the parse.Line
    labels: list  # label pieces (_Piece), left to right
    values: list  # value tokens (_Piece), left to right


def wide_chars(s: str) -> int:
    """Characters of ``s`` a display shows two columns wide (approximated: the non-ASCII ones)."""
    return len(s) - len(s.encode("ascii", "ignore"))


def _pieces(text: str, offset: int, split_values: bool) -> tuple[list[_Piece], list[_Piece]]:
    """The label pieces (words separated by one blank belong to one piece) and the trailing value
    tokens of a line."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    k = len(toks)
    if split_values:
        while k > 0 and parse_cell(toks[k - 1][0]).kind in _VALUE_KINDS:
            k -= 1
    labels: list[_Piece] = []
    values: list[_Piece] = []
    wide = 0  # wide characters before the current token (the blanks between are narrow)
    run: Optional[list] = None  # [start, end, wide before it, wide in it] of the piece being read
    for t, (word, a, b) in enumerate(toks):
        w = wide_chars(word)
        if t >= k:
            values.append(_Piece(word, offset + a, offset + b, a, b, a + wide, b + wide + w))
        elif run is not None and a - run[1] == 1 and text[run[1]] == " ":
            run[1] = b
            run[3] += w
        else:
            if run is not None:
                labels.append(_piece(text, offset, *run))
            run = [a, b, wide, w]
        wide += w
        if t == k - 1 and run is not None:
            labels.append(_piece(text, offset, *run))
            run = None
    return labels, values


def _piece(text: str, offset: int, a: int, b: int, wide: int, w: int) -> _Piece:
    return _Piece(text[a:b], offset + a, offset + b, a, b, a + wide, b + wide + w)


def _table_like(s: str) -> bool:
    return "。" not in s and ("  " in s or len(s) <= _SHORT)


def rebuild(lines: list, text: str, labels: frozenset = frozenset()) -> list:
    """``lines`` (parse.Line records) with every block of column-laid-out table lines whose row labels
    stand in more than one column read as logical rows (see the module's docstring). Lines outside
    such blocks are returned as they are; without any such block, ``lines`` itself.

    ``labels``: keys of column labels (the vocabulary's ``starters``); a header wrapped character by
    character over a row of numbers without labels (table 四's) is read only if every word it
    rebuilds is one of them or a short word of two or three characters stacked over several lines."""
    # cheap guard: a line of the parser's SPACED kind with a run of blanks inside it
    if "  " not in text or not any(ln.kind == "SPACED" and "  " in ln.text.strip() for ln in lines):
        return lines
    out: list = []
    changed = False
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and _in_block(lines, j):
            j += 1
        if j - i >= 3:
            # (rows set apart by blank lines: a cell's continuation line may be a long label piece)
            k = j
            while k < n and (_in_block(lines, k) or _run_on(lines, k)):
                k += 1
            # rows set apart by blank lines (inscriptis) first, then columns laid out by a PDF
            read = next(((rows, stop) for reader, stop in ((_delimited, k), (_block, j))
                         if (rows := reader(lines[i:stop], text, labels)) is not None), None)
            if read is not None:
                out.extend(read[0])
                changed = True
                i = read[1]
                continue
        if j == i:
            out.append(lines[i])
            i += 1
        else:
            out.extend(lines[i:j])
            i = j
    return _figures_run_on(out if changed else lines, text)


def _figures_run_on(lines: list, text: str) -> list:
    """A line of figures alone (a table row without labels, table 四's) followed by a line of digits
    alone, each standing under a figure too wide for its narrow column (``10`` over ``6``): the two
    lines read as one line of the joined figures (see :func:`_wrapped_figures`)."""
    out = lines
    for k in range(len(lines) - 2, -1, -1):
        a, b = lines[k], lines[k + 1]
        if b.kind != "SPACED" or a.kind != "SPACED" or b.number != a.number + 1 or b.text[:1] != " ":
            continue
        labels, below = _pieces(b.text, b.start, True)
        above_labels, above = _pieces(a.text, a.start, True)
        if labels or above_labels or len(above) < 3 or not below:
            continue
        joined = _wrapped_figures(above, below)
        if joined is None:
            continue
        if out is lines:
            out = list(lines)
        from .parse import RawCell
        # (a line of the table's spaced kind still, with its cells cut: it stays in its table's run)
        cells = tuple(RawCell(v.text, v.start, v.end, True) for v in joined)
        out[k:k + 2] = [a._replace(text=text[a.start:b.start + len(b.text)], cells=cells)]
    return out


def _in_block(lines: Sequence, j: int) -> bool:
    ln = lines[j]
    if ln.kind not in ("SPACED", "TEXT"):
        return False
    # a whole physical line (not a segment of one cut at a heading)
    if (j and lines[j - 1].number == ln.number) or (j + 1 < len(lines) and lines[j + 1].number == ln.number):
        return False
    return _table_like(ln.text.strip())


def _words(pieces: Sequence[_Piece], known: frozenset) -> list[_Piece]:
    """Pieces whose words, one blank apart, are each of two characters or more (``本年制发件数
    本年废止件数``: a converter that sets the cells of a row one blank apart) cut into their words,
    unless together they make a known label; ``自 然 人`` stays whole."""
    from .labels import key
    out: list[_Piece] = []
    for p in pieces:
        words = p.text.split(" ")
        if len(words) < 2 or any(len(w) < 2 for w in words) or key(p.text) in known:
            out.append(p)
            continue
        a = 0
        for w in words:
            wa, ww = wide_chars(p.text[:a]), wide_chars(w)
            out.append(_Piece(w, p.start + a, p.start + a + len(w), p.col + a, p.col + a + len(w),
                              p.dcol + a + wa, p.dcol + a + wa + len(w) + ww))
            a += len(w) + 1
    return out


def _run_on(lines: Sequence, j: int) -> bool:
    """A whole line right under the line before it, with no sentence end: it may be the rest of a
    cell broken over lines (``2.申请`` / ``人逾期未按收费通知要求…``) in a table whose rows are set
    apart by blank lines (see :func:`_delimited`)."""
    ln = lines[j]
    return (ln.kind in ("SPACED", "TEXT") and j > 0 and ln.number == lines[j - 1].number + 1
            and "。" not in ln.text and (j + 1 >= len(lines) or lines[j + 1].number != ln.number))


def _block(block: Sequence, text: str, known: frozenset = frozenset()) -> Optional[list]:
    """The logical rows of one block of table-like lines, or None if it is not a table whose labels
    stand in several columns."""
    start = 0
    while start < len(block) and "  " not in block[start].text.strip():
        start += 1  # (short lines before the table: text, not table)
    block = block[start:]
    parsed = [_Parsed(ln, *_pieces(ln.text, ln.start, True)) for ln in block]
    data = [k for k, p in enumerate(parsed) if p.values and (p.labels or len(p.values) > 1)]
    if not data:
        return None
    first = data[0]
    # labels in more than one column: data lines with two label pieces or more
    stacked_only = False
    if len(data) < 2 or sum(1 for k in data if len(parsed[k].labels) > 1) < 2:
        # or rows of numbers without labels under a header wrapped character by character
        if first < 3 or any(parsed[k].labels for k in data) or not known:
            return None
        stacked_only = True
    header = parsed[:first]
    body = parsed[first:]
    if stacked_only:  # (such a header's words are one character wide, a blank apart: each its own)
        header = [_Parsed(p.line, _single_chars(p.labels), p.values) for p in header]
    # which measure lines the pieces up (fewer distinct starting columns)
    chars = {pc.col for p in (body if not stacked_only else parsed) for pc in p.labels + p.values}
    disp = {pc.dcol for p in (body if not stacked_only else parsed) for pc in p.labels + p.values}
    if len(disp) < len(chars):
        header = [_Parsed(p.line, [_swap(x) for x in p.labels], [_swap(x) for x in p.values]) for p in header]
        body = [_Parsed(p.line, [_swap(x) for x in p.labels], [_swap(x) for x in p.values]) for p in body]
    stacks = _header_stacks(header, known)
    if stacked_only and not all(_plausible(s, known) for s in stacks):
        return None
    rows = _header_rows(header, stacks) + _body_rows(body, header)
    # each row's line runs on to the next row's (the pieces of its labels lie in between): the rows
    # tile the block, as consecutive table lines do
    end = block[-1].start + len(block[-1].text)
    for k, ln in enumerate(rows):
        stop = rows[k + 1].start - 1 if k + 1 < len(rows) else end
        seg = text[ln.start:stop]
        rows[k] = ln._replace(text=seg[:-1] if seg.endswith("\r") else seg)
    return list(block[:start]) + rows


def _delimited(block: Sequence, text: str, known: frozenset = frozenset()) -> Optional[list]:
    """The rows of a block whose table rows are set apart by blank lines, as an HTML page's table is
    laid out in columns by an HTML-to-text converter (inscriptis; a borderless dump): one ``ROW`` per
    run of lines between blank lines, or None if the block is not such a table.

    Such a converter writes each table row's cells left to right, and a cell of several lines (a
    ``<br>`` in it: ``商业`` / ``企业``) on as many lines, each under the cell's start; the row's other
    cells are blank there. A cell's column on the page says nothing about the table's column: a
    converter ignoring ``colspan`` and ``rowspan`` packs the row's cells from the left, so that the
    columns of the page's grid hold cells of different table columns row by row (a row under a
    spanning group label starts one column further right). So the cells are read row by row, in
    their order, as a scraped table's cells are, and never matched down the page's columns — which
    is what the reading of a PDF's layout (:func:`_block`) would do, joining ``自 然 人`` to ``商业``
    below it.

    A block is read so when its lines fall into runs between blank lines, three or more, of which
    at least two hold several cells, one a row's values and one three cells or more or several
    lines, and no line but the first of its run holds a value (in a PDF's layout a wrapped label runs on above and below its row's numbers, with
    no blank line in between)."""
    groups: list[list] = []
    for k, ln in enumerate(block):
        if k and ln.number - block[k - 1].number > 1:
            groups.append([ln])
        elif groups:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    if len(groups) < 3:
        return None
    parsed: list[list[_Parsed]] = []
    several = with_values = wide = 0
    for g in groups:
        pg = [_Parsed(ln, *_pieces(ln.text, ln.start, True)) for ln in g]
        if any(p.values for p in pg[1:]):
            return None
        cells = len(pg[0].labels) + len(pg[0].values)
        several += cells > 1
        wide += cells > 2 or len(pg) > 1
        with_values += bool(pg[0].values)
        parsed.append(pg)
    if several < 2 or not with_values or not wide:
        return None  # (pairs of a word and a value, 电话  0737-1234567, are read as they were)
    # which measure puts the continuation lines' pieces under the starts of their cells
    hits = [0, 0]
    for pg in parsed:
        starts = ({pc.col for pc in pg[0].labels + pg[0].values}, {pc.dcol for pc in pg[0].labels + pg[0].values})
        for p in pg[1:]:
            for pc in p.labels:
                hits[0] += any(abs(pc.col - c) <= _TOL for c in starts[0])
                hits[1] += any(abs(pc.dcol - c) <= _TOL for c in starts[1])
    display = hits[1] > hits[0]
    rows: list = []
    for pg in parsed:
        first = pg[0]
        if len(pg) == 1 and len(first.labels) + len(first.values) < 2:
            rows.append(first.line)  # (a caption or a lone word: as it was)
            continue
        cells = [[pc] for pc in sorted(_words(first.labels, known) + first.values, key=lambda x: x.col)]
        if not cells:
            return None
        for p in pg[1:]:
            for pc in p.labels:
                at = pc.dcol if display else pc.col
                # the cell whose start is the last at or before the piece's (a cell centred over its
                # span may run on further right than it starts)
                home = None
                for c in cells:
                    if (c[0].dcol if display else c[0].col) <= at + _TOL:
                        home = c
                (home or cells[0]).append(pc)
        end = pg[-1].line.start + len(pg[-1].line.text)
        row = _row_line(first.line, [_join(c) for c in cells])
        rows.append(row._replace(text=text[first.line.start:end]))
    return rows


def _swap(p: _Piece) -> _Piece:
    return p._replace(col=p.dcol, last=p.dlast, dcol=p.col, dlast=p.last)


def _compact(s: str) -> str:
    return "".join(s.split())


def _row_line(line, cells: list):
    from .parse import Line, RawCell
    raw = tuple(RawCell(t, a, b, False) for t, a, b in cells)
    return Line("ROW", line.text, line.start, line.number, raw)


def _join(pieces: Sequence[_Piece]) -> tuple[str, int, int]:
    return "".join(p.text for p in pieces), pieces[0].start, pieces[-1].end


def _single_chars(pieces: Sequence[_Piece]) -> list[_Piece]:
    """Pieces of one-character words a blank apart (``结 其``) cut into their words; a longer word among
    them (``结 结 其 尚 总 未经复议直接起诉``, the columns set one blank apart) is a word of its own."""
    out: list[_Piece] = []
    for p in pieces:
        words = p.text.split(" ")
        if len(words) < 2 or sum(1 for w in words if len(w) == 1) < 2:
            out.append(p)
            continue
        a = 0
        for w in words:
            wa = wide_chars(p.text[:a])
            out.append(_Piece(w, p.start + a, p.start + a + len(w), p.col + a, p.col + a + len(w),
                              p.dcol + a + wa, p.dcol + a + wa + len(w) + wide_chars(w)))
            a += len(w) + 1
    return out


def _plausible(stack: list, known: frozenset) -> bool:
    """A word of a header wrapped character by character, as rebuilt: a known column label, or a short
    word (总计) stacked over two or three lines."""
    from .labels import key
    k = key("".join(p.text for p in stack[1]))
    return k in known or (len(stack[1]) > 1 and 2 <= len(k) <= 3)


def _known(pieces: Sequence[_Piece], known: frozenset) -> bool:
    from .labels import key
    return key("".join(p.text for p in pieces)) in known


def _header_stacks(header: Sequence[_Parsed], known: frozenset = frozenset()) -> list[list]:
    """The header's words joined down their columns: a word continues the one above it when each is
    the only word of its line under (over) the other's columns and the lower is not the wider
    (``自然`` + ``人``; not ``法人或其他组织`` over ``商业`` and ``科研``, nor ``行政诉讼`` over
    ``未经复议直接起诉``). Each stack: [first line index, pieces]."""
    stacks: list[list] = []
    prev: list[tuple[list, _Piece]] = []  # the stacks the previous line's words went to
    for k, p in enumerate(header):
        cur: list[tuple[list, _Piece]] = []
        words = sorted(p.labels + p.values, key=lambda x: x.col)
        for w in words:
            above = [(s, u) for s, u in prev if u.col < w.last and w.col < u.last]
            if len(above) == 1 and w.last - w.col <= above[0][1].last - above[0][1].col:
                # (a wrapped word's upper part fills its column: the lower is not wider)
                s, u = above[0]
                below = [x for x in words if u.col < x.last and x.col < u.last]
                if len(below) == 1 and not (known and _known(s[1], known) and not _known(s[1] + [w], known)):
                    # (a whole label of the format over a word is a spanning cell over a column:
                    # 申请人情况 over 自然人)
                    s[1].append(w)
                    cur.append((s, w))
                    continue
            s = [k, [w]]
            stacks.append(s)
            cur.append((s, w))
        prev = cur
    return stacks


def _header_rows(header: Sequence[_Parsed], stacks: list[list]) -> list:
    """The header as rows: the words starting on one line, left to right."""
    by_line: dict[int, list] = {}
    for s in stacks:
        by_line.setdefault(s[0], []).append(s)
    rows = []
    for k in sorted(by_line):
        cells = [_join(s[1]) for s in sorted(by_line[k], key=lambda s: s[1][0].col)]
        rows.append(_row_line(header[k].line, cells))
    return rows


def _wrapped_figures(above: list, below: list) -> Optional[list]:
    """The figures ``above`` (a row's) with the digits ``below`` (a line of figures alone under them)
    joined to the figure each stands under: the lower digits of figures too wide for their narrow
    columns (``10`` over ``6``: 106), or None when ``below`` is not that — each a run of digits
    starting under the start of a figure that fills its column (as long as the longest above, two
    digits or more), one each."""
    if not above or not all(v.text.isdigit() for v in below) or not all(u.text.isdigit() for u in above):
        return None
    width = max(len(u.text) for u in above)
    if width < 2:
        return None
    out = list(above)
    taken: set[int] = set()
    for v in below:
        at = [k for k, u in enumerate(above) if abs(u.col - v.col) <= 1 and len(u.text) == width]
        if len(at) != 1 or at[0] in taken:
            return None
        k = at[0]
        taken.add(k)
        u = above[k]
        out[k] = _Piece(u.text + v.text, u.start, v.end, u.col, u.last, u.dcol, u.dlast)
    return out


def _body_rows(body: Sequence[_Parsed], header: Sequence[_Parsed]) -> list:
    """Data lines with the labels of their row: each column's pieces joined from an item number to
    the next; a label starting on a data line is that row's, one starting between data lines the next
    data line's (its numbers written lower, in the middle of the label)."""
    repeated = {_compact(p.line.text) for p in header} if len(header) > 1 else set()
    keep = [p for p in body]
    if repeated:
        # a header repeated after a page break: two or more lines in a row equal to header lines
        marks = [not p.values and _compact(p.line.text) in repeated for p in body]
        keep = []
        for k, p in enumerate(body):
            if marks[k] and ((k and marks[k - 1]) or (k + 1 < len(body) and marks[k + 1])):
                continue
            keep.append(p)
    rows: list[tuple[object, list, list]] = []  # (line, labels [(col, stack)], values)
    open_: list[list] = []  # stacks: [column, pieces, row index or None (the next row)]
    waiting: list[list] = []  # labels started above the next data line
    orphans: list[tuple[object, list]] = []
    for p in keep:
        if p.values and not p.labels and rows and (joined := _wrapped_figures(rows[-1][2], p.values)) is not None:
            rows[-1] = (rows[-1][0], rows[-1][1], joined)
            continue
        is_data = bool(p.values) and (bool(p.labels) or len(p.values) > 1)
        if is_data:
            rows.append((p.line, [], p.values))
            for s in waiting:
                s[2] = len(rows) - 1
                rows[-1][1].append(s)
            waiting = []
        for w in p.labels:
            near = min(open_, key=lambda s: abs(s[0] - w.col), default=None)
            if near is not None and abs(near[0] - w.col) <= _TOL and not _ITEM_START.match(w.text):
                near[1].append(w)
                near[0] = w.col  # (follow a column's small drift)
                continue
            # a new label: it ends the labels of its column and of the columns right of it
            open_ = [s for s in open_ if s[0] < w.col - _TOL]
            s = [w.col, [w], None]
            open_.append(s)
            if is_data:
                s[2] = len(rows) - 1
                rows[-1][1].append(s)
            else:
                waiting.append(s)
        if not is_data and p.values:
            # a lone value on a line of its own: kept as a row of its own
            rows.append((p.line, [], p.values))
    out = []
    for line, labels, values in rows:
        cells = [_join(s[1]) for s in sorted(labels, key=lambda s: s[1][0].col)]
        cells += [(v.text, v.start, v.end) for v in values]
        out.append(_row_line(line, cells))
    for s in waiting:  # labels after the last numbers: rows without values
        orphans.append((s[1][0], s))
    if orphans:
        from .parse import Line, RawCell
        for piece, s in orphans:
            t, a, b = _join(s[1])
            line = next(p.line for p in keep if p.line.start <= piece.start <= p.line.start + len(p.line.text))
            out.append(Line("ROW", line.text, line.start, line.number, (RawCell(t, a, b, False),)))
        out.sort(key=lambda ln: ln.number)
    return out
