"""markup: tables written in a lightweight markup other than Markdown, read as rows of cells.

pandoc (``-t asciidoc``, ``-t org``, ``-t mediawiki``) and the tools of these markups write a report's
tables so::

    [cols=",,,",]                  | 信息内容 | 本年制发件数 |     {|
    |===                           |----------+--------------|     ! 信息内容
    |信息内容 |本年制发件数 |...   | 规章     | 0            |     ! 本年制发件数
    |商业 +                        | 商业\\\\   | 科研\\\\       |     |-
    企业 |0 |0                     | 企业     | 机构         |     | 商业<br />
    |===                                                           企业
                                                                   | colspan="2" | 0
                                                                   |}

AsciiDoc: a block between two ``|===`` lines; each ``|`` starts a cell, a row is as many cells as the
table has columns (``cols=`` of the attribute line above, else the cells of the first line), however
the cells are spread over lines; `` +`` ends a line inside a cell, ``2+|`` / ``.2+|`` start a cell
merged over columns / rows. Org: lines between pipes; ``|---+---|`` rules; a cell ending in ``\\\\``
goes on at the same cell of the next line (the row goes on there). MediaWiki: ``{|`` … ``|}``, ``|-``
between rows, a cell per ``|`` (``!`` for a header cell) line or several on a line between ``||``
(``!!``), attributes before a single ``|``, text going on over the next lines, ``<br />`` inside.

:func:`rewrite` writes each such table as one line per row, its cells between pipes
(``| 商业企业 | 0 |``) — the shape govlint reads a Markdown table in — a cell merged over
columns or rows written once (as the HTML reader writes it), and returns the new text with the
offset in the file of each of its characters (-1 for a character added), so that every position
reported is the file's. The rest of the text is left as it is.
"""

from __future__ import annotations

from array import array
from typing import Optional

from .numbers import parse_cell

_Spans = list[tuple[int, int]]  # a cell's text: stretches of the file, in order


def guard(text: str) -> bool:
    """Whether ``text`` may hold such a table (cheap: a marker each)."""
    return "|===" in text or "{|" in text or "\\\\ |" in text or "\\\\|" in text or "-+-" in text


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, without its line break (and a CR before it)."""
    out, pos, n = [], 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        out.append((pos, end - 1 if end > pos and text[end - 1] == "\r" else end))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\u3000":
        a += 1
    while b > a and text[b - 1] in " \t\u3000":
        b -= 1
    return a, b


class _Table:
    """The rows of a table as read, each a list of cells (each a list of spans)."""

    def __init__(self) -> None:
        self.rows: list[list[_Spans]] = []


def _cell_text(text: str, spans: _Spans) -> str:
    """A cell's text from its stretches: joined without a blank, but between two ASCII words."""
    out = ""
    for a, b in spans:
        p = text[a:b]
        if out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


class _Writer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.parts: list[str] = []
        self.offsets = array("l")
        self.pos = 0  # the file's text is copied up to here

    def copy_to(self, end: int) -> None:
        self.parts.append(self.text[self.pos:end])
        self.offsets.extend(range(self.pos, end))
        self.pos = end

    def added(self, s: str) -> None:
        self.parts.append(s)
        self.offsets.extend([-1] * len(s))

    def table(self, a: int, b: int, rows: list[list[_Spans]]) -> None:
        """Lines ``a``…``b`` of the file (the table, from the start of its first line to the end of
        its last, without the line break) written as ``rows``."""
        text = self.text
        self.copy_to(a)
        for r, row in enumerate(rows):
            if r:
                self.added("\n")
            self.added("|")
            for spans in row:
                self.added(" ")
                prev = ""
                for x, y in spans:
                    if prev and prev[-1].isascii() and prev[-1].isalnum() and text[x].isascii() and text[x].isalnum():
                        self.added(" ")
                    self.parts.append(text[x:y])
                    self.offsets.extend(range(x, y))
                    prev = text[x:y]
                self.added(" |")
        self.pos = b

    def result(self) -> tuple[str, array]:
        self.copy_to(len(self.text))
        self.offsets.append(len(self.text))  # (and the end: an Origin maps one offset past the last character)
        return "".join(self.parts), self.offsets


def rewrite(text: str) -> Optional[tuple[str, array]]:
    """``text`` with its AsciiDoc, Org and MediaWiki tables written as rows of cells between pipes,
    and the file's offset of each character of it; None when it has none."""
    lines = _lines(text)
    found: list[tuple[int, int, list[list[_Spans]]]] = []  # (first line, last line + 1, rows)
    i, n = 0, len(lines)
    ascii_doc, wiki = "|===" in text, "{|" in text
    while i < n:
        a, b = lines[i]
        s = text[a:b].strip()
        got = None
        if ascii_doc and s.startswith("|===") and not s[1:].strip("="):
            got = _asciidoc(text, lines, i)
        elif wiki and s.startswith("{|"):
            got = _mediawiki(text, lines, i)
            if got is None and text.rfind("|}") < b:
                wiki = False  # (no table is closed after this line: not looked for again, line by line)
        elif s.startswith("|") and s.endswith("|") and len(s) > 1:
            got = _org(text, lines, i)
        if got is None:
            i += 1
            continue
        first, end, rows = got
        if rows:
            found.append((first, end, rows))
        i = max(end, i + 1)
    if not found:
        return None
    w = _Writer(text)
    for first, end, rows in found:
        w.table(lines[first][0], lines[end - 1][1], rows)
    return w.result()


# ----------------------------------------------------------------------------- AsciiDoc

def _delimiter(line: str) -> bool:
    s = line.strip()
    return s.startswith("|===") and not s[1:].strip("=")


def _span_spec(token: str) -> Optional[tuple[int, int]]:
    """(columns, rows) a cell spec (``2+``, ``.3+``, ``2.3+``, with alignment and style after it)
    merges a cell over, or None when ``token`` is no such spec."""
    core = token.rstrip("<^>.adehlmsv")
    if not core.endswith("+"):
        return None if core else (1, 1)
    core = core[:-1]
    cols, _, rows = core.partition(".")
    if not (cols.isdigit() or not cols) or not (rows.isdigit() or not rows) or not (cols or rows):
        return None
    return int(cols or 1), int(rows or 1)


def _columns_attribute(line: str) -> Optional[int]:
    """The number of columns an AsciiDoc attribute line (``[cols="1,2,2",options="header"]``) gives."""
    k = line.find("cols=")
    if k == -1:
        return None
    v = line[k + 5:]
    if v[:1] in "\"'":
        q = v[0]
        v = v[1:v.find(q, 1)] if v.find(q, 1) != -1 else v[1:]
    else:
        v = v.split(",", 1)[0].rstrip("]")
    v = v.strip()
    if v.isdigit():
        return int(v)
    total = 0
    for item in v.split(","):
        item = item.strip()
        m, star, _ = item.partition("*")
        total += int(m) if star and m.isdigit() else 1
    return total or None


def _asciidoc(text: str, lines: list, i: int) -> Optional[tuple[int, int, list]]:
    n = len(lines)
    j = i + 1
    while j < n and not _delimiter(text[lines[j][0]:lines[j][1]]):
        j += 1
    if j >= n:
        return None  # (a table not closed: left as text)
    first = i
    cols = None
    if i and text[lines[i - 1][0]:lines[i - 1][1]].lstrip().startswith("["):
        cols = _columns_attribute(text[lines[i - 1][0]:lines[i - 1][1]])
        if cols is not None:
            first = i - 1
    # the cells: each starts at a "|" not escaped; the spec (2+, .3+) before it goes with it
    cells: list[tuple[int, int, _Spans]] = []  # (columns, rows, spans)
    first_line_cells, cell_line = 0, -1  # the cells of the first line with cells
    current: Optional[list] = None
    for k in range(i + 1, j):
        a, b = lines[k]
        pos = a
        while True:
            bar = text.find("|", pos, b)
            while bar > a and text[bar - 1] == "\\":
                bar = text.find("|", bar + 1, b)
            piece_end = b if bar == -1 else bar
            spec = (1, 1)
            if bar != -1:
                t0 = bar
                while t0 > pos and not text[t0 - 1].isspace():
                    t0 -= 1
                got = _span_spec(text[t0:bar])
                if got is not None and t0 < bar:
                    spec, piece_end = got, t0
            if current is not None:
                x, y = _strip(text, pos, piece_end)
                if y >= x + 2 and text[y - 2:y] == " +" and y == _strip(text, pos, b)[1] and bar == -1:
                    x, y = _strip(text, x, y - 1)  # (" +": a line break inside the cell)
                elif y - x == 1 and text[x] == "+" and bar == -1:
                    y = x
                if y > x:
                    current[2].append((x, y))
            if bar == -1:
                break
            current = [spec[0], spec[1], []]
            cells.append(current)  # type: ignore[arg-type]
            if cell_line == -1:
                cell_line = k
            if cell_line == k:
                first_line_cells += spec[0]
            pos = bar + 1
    if not cells:
        return None
    width = cols or first_line_cells
    if width <= 0:
        return None
    rows = _grid_rows(cells, width)
    return first, j + 1, rows


def _grid_rows(cells: list[tuple[int, int, _Spans]], width: int) -> list[list[_Spans]]:
    """Cells in reading order grouped into rows of ``width`` columns, a cell merged over rows taking
    its column in the rows below it."""
    rows: list[list[_Spans]] = []
    taken: dict[int, int] = {}  # column -> rows below still taken by a cell merged over rows
    row: list[_Spans] = []
    col = 0

    def skip_taken() -> None:
        nonlocal col
        while col < width and taken.get(col, 0) > 0:
            col += 1

    skip_taken()
    for cspan, rspan, spans in cells:
        row.append(spans)
        if rspan > 1:
            for c in range(col, min(width, col + cspan)):
                taken[c] = rspan  # (this row counts: decremented when the row ends)
        col += cspan
        skip_taken()
        if col >= width:
            rows.append(row)
            row, col = [], 0
            for c in list(taken):
                taken[c] -= 1
                if taken[c] <= 0:
                    del taken[c]
            skip_taken()
    if row:
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------- Org

def _org_rule(s: str) -> bool:
    return len(s) > 2 and s[0] == "|" and s[1] == "-" and not s.strip("|-+: ")


def _org(text: str, lines: list, i: int) -> Optional[tuple[int, int, list]]:
    """A run of lines between pipes holding an Org rule (``|---+---|``) or a cell ending in ``\\\\``
    (a line break in it: the row goes on at the next line); a run without either is a Markdown table,
    left to the parser."""
    n = len(lines)
    j = i
    org = False
    while j < n:
        s = text[lines[j][0]:lines[j][1]].strip()
        if not (len(s) > 1 and s[0] == "|" and s[-1] == "|"):
            break
        if _org_rule(s) and "+" in s or "\\\\" in s:
            org = True
        j += 1
    if not org:
        return i, j, []  # (the run is passed over whole: not read again from each of its lines)
    rows: list[list[_Spans]] = []
    going_on = False
    blank: Optional[list[_Spans]] = None
    for k in range(i, j):
        a, b = _strip(text, *lines[k])
        if _org_rule(text[a:b]):
            going_on = False
            continue
        cells: list[_Spans] = []
        breaks = False
        pos = a + 1
        while pos < b:
            bar = text.find("|", pos, b)
            if bar == -1:
                bar = b
            x, y = _strip(text, pos, bar)
            if y - x >= 2 and text[y - 2:y] == "\\\\":
                breaks = True
                x, y = _strip(text, x, y - 2)
            cells.append([(x, y)] if y > x else [])
            pos = bar + 1
        if not any(cells) and rows and not going_on:
            blank = cells  # (perhaps the line between two paragraphs of a row's cells)
            going_on = False
            continue
        if blank is not None:
            if _paragraphs(text, rows[-1], cells):
                going_on = True
            else:
                rows.append(blank)
            blank = None
        if going_on and rows and len(rows[-1]) == len(cells):
            for prev, more in zip(rows[-1], cells):
                prev.extend(more)
        else:
            rows.append(cells)
        going_on = breaks
    if blank is not None:
        rows.append(blank)
    return i, j, rows


def _paragraphs(text: str, above: list[_Spans], below: list[_Spans]) -> bool:
    """Whether ``below``, after a blank line, is the second paragraph of the cells of ``above`` (as
    pandoc writes a cell of two paragraphs: 商业 / (blank) / 企业): words only, in some of the
    columns ``above`` has words in, and ``above`` holds no figure."""
    if len(above) != len(below):
        return False
    filled = False
    for a, b in zip(above, below):
        if a and parse_cell(_cell_text(text, a)).kind == "number":
            return False
        if b:
            if not a or parse_cell(_cell_text(text, b)).kind == "number":
                return False
            filled = True
    return filled


# ----------------------------------------------------------------------------- MediaWiki

def _wiki_cells(text: str, a: int, b: int, header: bool) -> list[tuple[int, int, int, int]]:
    """The cells a MediaWiki cell line (without its leading ``|`` / ``!``) starts: (content start,
    content end, columns, rows)."""
    seps = ("||", "!!") if header else ("||",)
    out = []
    pos = a
    while pos <= b:
        end = min([e for e in (text.find(s, pos, b) for s in seps) if e != -1] or [b])
        x, y = pos, end
        # attributes before a single "|": colspan="2" | text
        bar = text.find("|", x, y)
        cspan = rspan = 1
        if bar != -1 and "=" in text[x:bar] and "[" not in text[x:bar]:
            attrs = text[x:bar]
            cspan = _attr_number(attrs, "colspan")
            rspan = _attr_number(attrs, "rowspan")
            x = bar + 1
        out.append((x, y, cspan, rspan))
        if end >= b:
            break
        pos = end + 2
    return out


def _attr_number(attrs: str, name: str) -> int:
    k = attrs.find(name)
    if k == -1:
        return 1
    v = attrs[k + len(name):].lstrip(" =\"'")
    digits = ""
    for ch in v:
        if not ch.isdigit():
            break
        digits += ch
    return max(1, int(digits)) if digits else 1


def _wiki_text(text: str, a: int, b: int) -> _Spans:
    """The stretches of a cell's text between ``a`` and ``b``, markup left out (HTML tags such as
    ``<span>`` and ``<br />``, bold and italic quotes)."""
    spans: _Spans = []
    pos = a
    while pos < b:
        lt = text.find("<", pos, b)
        q = text.find("''", pos, b)
        stop = min(x for x in (lt, q, b) if x != -1)
        x, y = _strip(text, pos, stop)
        if y > x:
            spans.append((x, y))
        if stop == b:
            break
        if stop == q:
            pos = q
            while pos < b and text[pos] == "'":
                pos += 1
            continue
        gt = text.find(">", stop, b)
        if gt == -1:  # (a "<" that opens no tag: text)
            x, y = _strip(text, stop, b)
            if y > x:
                spans.append((x, y))
            break
        pos = gt + 1
    return spans


def _mediawiki(text: str, lines: list, i: int) -> Optional[tuple[int, int, list]]:
    n = len(lines)
    cells: list[tuple[int, int, _Spans]] = []
    rows: list[list[tuple[int, int, _Spans]]] = []
    current: Optional[list] = None
    j = i + 1
    while j < n:
        a, b = _strip(text, *lines[j])
        s = text[a:b]
        j += 1
        if s.startswith("|}"):
            break
        if s.startswith("{|"):
            return None  # (a table inside a table: left as text)
        if s.startswith("|-"):
            if cells:
                rows.append(cells)
            cells, current = [], None
            continue
        if s.startswith("|+"):
            current = None
            continue
        if s[:1] in ("|", "!"):
            for x, y, cspan, rspan in _wiki_cells(text, a + 1, b, s[0] == "!"):
                current = [cspan, rspan, _wiki_text(text, x, y)]
                cells.append(current)  # type: ignore[arg-type]
            continue
        if current is not None:
            current[2].extend(_wiki_text(text, a, b))  # (the cell's text goes on)
    else:
        return None  # (a table not closed)
    if cells:
        rows.append(cells)
    if not rows:
        return None
    # (a cell merged over columns or rows is written once, as the HTML reader writes it)
    return i, j, [[spans for _, _, spans in r] for r in rows]
