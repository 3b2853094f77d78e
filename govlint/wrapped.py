"""wrapped: tables whose labels wrap over several lines, the cells of a line one blank apart.

This is how pdfplumber's ``page.extract_text()`` gives a PDF's table whose label columns are narrow:
each line of the page joined with one blank between its words, so that nothing tells where a column
stands. ``pdftotext -layout`` writes the same lines with the words in their columns, but its columns
may drift from one run of lines to the next: such tables are read here too, before
:mod:`govlint.layout` reads by column what is left. A label too long for its column runs on over the next
lines, the group label's column and the row labels' column interleaved on them, and a header's
words are wrapped the same way::

    （本列数据的勾稽关系 申请人情况
    为：第一项加第二项之 自然人 法人或其他组织 总计
    和，等于第三项加第四项 商业 科研 社会公 法律服 其他
    之和） 企业 机构 益组织 务机构
    三、本 （一）予以公开 1 2 3 4 5 6 21
    年度办 （二）部分公开 7 8 9 10 11 12 57
    理结果 （区分处理的，
    只计这一情形，
    不计其他情形）
    （三） 1.属于 13 14 15 16 17 18 93
    不予公 国家秘
    开 密
    2.其他 19 20 21 22 23 24 129
    法律行
    …

With no column to go by, the labels are rebuilt from their pieces with the labels the format knows
(the vocabulary's ``starters``, label keys): a piece on a line goes, left to right, to the first
label still open (right of the one the line's previous piece went to) that it continues towards a
known label (``社会公`` + ``益组织``; ``（三）不予公`` + ``开``); a piece starting with an item number
(``2.``, ``（四）``, ``四、``) starts a label, which ends the open labels of its rank and the lower
ones (``（四）`` ends ``（三）…`` and ``3.…``) — so does the beginning of one a column one character
wide cut (``三`` / ``、`` / ``本`` …, ``（`` / ``三`` / ``）`` …), ranked as the known labels it
starts; another piece of the body continues the first open label not yet a whole known label, or
starts a label of its own (a character that reads as a blank cell's mark, ``无`` of ``4.无正当…``,
is a piece when it continues an open label). Each data line (labels and
numbers) becomes one ``ROW`` :class:`~govlint.parse.Line` whose cells are the labels starting on it
(or on the lines since the previous data line), each joined from its pieces, followed by its
numbers; the header becomes one ``ROW`` per line, the labels starting on it. A header repeated
after a page break is dropped.

Cells centred in their rows (a group label starting beside a later row's label, figures in the
middle of their row's label, on a line of their own) are read so too: a label started above a row's
figures is that row's; a group label starting on a line without figures leaves the row label beside
it open for the rest of it on the line (``（五） 物``); a row's labels come in the order of their
columns. A header word centred lower than its neighbours (``其他`` on a line of its own between
``商业`` and ``企业``) cannot be put in its column without positions: such a header is left as written
(the builder reads it in the format's order and says so, GL212). The lower digits of figures too
wide for their columns, wrapped onto the next line, are joined back when there is one under each
figure, or, in a text laid out in columns, when each stands under its figure.

A block is rewritten only when at least two of its labels joined from pieces of several lines are
known labels: a table whose labels fit their lines is read as before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

from .labels import key as _key
from .layout import _ITEM_START, _compact, _join, _Piece, _row_line
from .layout import _wrapped_figures as layout_figures
from .numbers import parse_cell
from .relazy import cached_compile

_VALUE_KINDS = ("number", "placeholder")
_PIECE_MAX = 16  # a piece of a continuation line is no longer (a label wrapped in a narrow column)
_LABEL_MAX = 40  # a label piece on a data line is no longer
_HEADER_LINES = 8  # a table's header takes no more lines than this
_TOKEN = cached_compile(r"\S+")
# the rank of an item number: 一、 (0), （一） (1), 1. (2), （1） (3)
_RANKS = ((cached_compile(r"第?[一二三四五六七八九十]+[、.,，．﹑]"), 0),
          (cached_compile(r"[（(][ \t]*[一二三四五六七八九十]"), 1),
          (cached_compile(r"\d{1,2}[.、．,，)）]"), 2),
          (cached_compile(r"[（(][ \t]*\d"), 3))
_UNNUMBERED = 9


@lru_cache(maxsize=4)
def _prefixes(known: frozenset) -> frozenset:
    """Every beginning of a known label key (the key itself too)."""
    return frozenset(k[:i] for k in known for i in range(1, len(k) + 1))


def _rank(text: str) -> int:
    for rx, r in _RANKS:
        if rx.match(text):
            return r
    return _UNNUMBERED


@lru_cache(maxsize=256)
def _cut_rank(text: str, known: frozenset) -> int:
    """The rank of ``text``, or, for a piece too short to hold its item number whole (``三`` / ``、``,
    ``（`` / ``三`` / ``）``: a group label wrapped one character a line in a narrow column), the
    rank of the item numbers of the known labels it starts, when those numbered are of one rank."""
    rank = _rank(text)
    if rank != _UNNUMBERED or len(text) > 2:
        return rank
    k = _key(text)
    ranks = {_rank(label) for label in known if label.startswith(k)} - {_UNNUMBERED}
    return ranks.pop() if len(ranks) == 1 else rank


class _Label:
    __slots__ = ("pieces", "rank", "key", "line")

    def __init__(self, piece: _Piece, rank: int) -> None:
        self.pieces = [piece]
        self.rank = rank
        self.key = _key(piece.text)
        self.line = 0  # the block's line it starts on

    def add(self, piece: _Piece) -> None:
        self.pieces.append(piece)
        self.key = _key("".join(p.text for p in self.pieces))


def _split(text: str, offset: int) -> tuple[list[_Piece], list[_Piece]]:
    """A line's words (label pieces) and its trailing values."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    k = len(toks)
    while k > 0 and parse_cell(toks[k - 1][0]).kind in _VALUE_KINDS:
        k -= 1
    out = [_Piece(w, offset + a, offset + b, a, b, a, b) for w, a, b in toks]
    return out[:k], out[k:]


def _continuation(text: str) -> bool:
    """A line that may hold pieces of wrapped labels: short words, no sentence end."""
    if "。" in text:
        return False
    words = text.split()
    return 0 < len(words) <= 8 and all(len(w) <= _PIECE_MAX for w in words)


def _wrapped_figures(above: list, values: list) -> Optional[list]:
    """The figures ``above`` (the data line above's) with ``values`` (a line's) joined to them one each,
    when these are the figures' lower digits wrapped in their narrow columns: as many, digits only,
    under figures that all fill their column (as long as the longest, two digits or more); else None."""
    if len(values) != len(above) or not all(v.text.isdigit() for v in values + above):
        return None
    width = len(above[0].text)
    if width < 2 or any(len(u.text) != width for u in above):
        return None
    return [_Piece(u.text + v.text, u.start, v.end, u.col, u.last, u.dcol, u.dlast) for u, v in zip(above, values)]


def rebuild(lines: list, text: str, known: frozenset) -> list:
    """``lines`` with each block of such a table read as logical rows (see the module's docstring);
    ``lines`` itself when there is none."""
    if not known:
        return lines
    n = len(lines)
    # cheap guard: a table line of labels and three values or more, followed by a line without values
    # that may hold a label's rest
    starts = []
    for i in [i for i, ln in enumerate(lines) if ln.kind == "SPACED" and i + 1 < n]:
        ln, nxt = lines[i], lines[i + 1]
        if (nxt.kind == "SPACED" or nxt.kind == "TEXT") and ln.text.rstrip()[-1:].isdigit() \
                and not nxt.text.rstrip()[-1:].isdigit() and _continuation(nxt.text):
            labels, values = _split(ln.text, ln.start)
            if len(values) >= 3 and labels and _runs_on(labels, nxt.text, known):
                starts.append(i)
    if not starts:
        return lines
    out: list = []
    changed = False
    i = seen = 0
    for s in starts:
        if s < seen:
            continue  # (in a block already read)
        # the block: the lines of labels and numbers and of label pieces around this one
        a = s
        while a > i and _member(lines[a - 1]):
            a -= 1
        # the body starts at its first row label (an item number) or figures, whichever comes first
        # (a label centred in its cell starts above its row's figures)
        first = next(j for j in range(a, s + 1) if _data(lines[j]) or _numbered(lines[j]))
        a = max(a, first - _HEADER_LINES)
        b = s
        while b < n and _member(lines[b]):
            b += 1
        seen = b
        rows = _read(lines[a:b], first - a, text, known)
        if rows is None:
            continue
        out.extend(lines[i:a])
        out.extend(rows)
        changed = True
        i = b
    if not changed:
        return lines
    out.extend(lines[i:])
    return out


def _runs_on(labels: list, below: str, known: frozenset) -> bool:
    """A word of the line ``below`` continues one of ``labels`` towards a known label."""
    prefixes = _prefixes(known)
    words = below.split()
    return any(_key(p.text + w) in prefixes for p in labels for w in words)


def _member(ln) -> bool:
    if ln.kind not in ("SPACED", "TEXT"):
        return False
    s = ln.text.strip()
    if _continuation(s):
        return True
    labels, values = _split(s, 0)
    return bool(values) and bool(labels) and all(len(p.text) <= _LABEL_MAX for p in labels)


def _data(ln) -> bool:
    labels, values = _split(ln.text, ln.start)
    return bool(labels) and len(values) >= 3


def _numbered(ln) -> bool:
    return bool(_ITEM_START.match(ln.text.lstrip())) or bool(_split(ln.text, ln.start)[1])


def _read(block: Sequence, first: int, text: str, known: frozenset) -> Optional[list]:
    """The logical rows of one block (its first data line at ``first``), or None."""
    prefixes = _prefixes(known)
    parsed = [_split(ln.text, ln.start) for ln in block]
    header_lines = {_compact(ln.text) for ln in block[:first]} if first > 1 else set()
    open_: list[_Label] = []
    rows: list[tuple[object, list, list]] = []  # (line, labels starting there, values)
    waiting: list[_Label] = []
    every: list[_Label] = []
    # header lines whose words all start labels; a header label running on past such a line (a word
    # centred lower in its cell than its neighbours, as 其他 beside 商业 / 企业): the header's words
    # cannot be put in their columns without positions, and its lines are left as they are
    lone: list[bool] = []
    unsure = False
    laid = any("  " in ln.text.strip() for ln in block)  # (pdftotext -layout: the words stand in their columns)

    def accepts(lab: _Label, piece: _Piece) -> bool:
        return _key("".join(p.text for p in lab.pieces) + piece.text) in prefixes

    def whole(lab: _Label) -> bool:
        return lab.key in known

    k = 0
    while k < len(block):
        ln, (labels, values) = block[k], parsed[k]
        in_header = k < first
        if values and not in_header and all(parse_cell(v.text).kind == "placeholder"
                                            and any(accepts(lab, v) for lab in open_) for v in values):
            # a label's character that reads as a blank cell's mark (``无`` of ``4.无正当理由…``, one
            # character a line), going on with an open label: a piece of it
            labels, values = labels + values, []
        if header_lines and k > first and not values and _compact(ln.text) in header_lines and (
                (k + 1 < len(block) and _compact(block[k + 1].text) in header_lines)
                or _compact(block[k - 1].text) in header_lines):
            k += 1  # the header repeated after a page break
            continue
        if values and rows and rows[-1][2] and k and block[k - 1] is rows[-1][0] \
                and all(any(accepts(lab, p) for lab in open_) for p in labels):
            # the lower digits of the line above's figures, each wrapped in its narrow column: one
            # under each, or, in a text laid out in columns, each under the figure it continues
            joined = _wrapped_figures(rows[-1][2], values)
            if joined is None and laid:
                joined = layout_figures(rows[-1][2], values)
            if joined is not None:
                rows[-1] = (rows[-1][0], rows[-1][1], joined)
                values = []
        is_data = bool(values) and not in_header
        started: list[_Label] = []
        last = -1
        for p in labels:
            numbered = not in_header and bool(_ITEM_START.match(p.text))
            at = None
            if not numbered:
                at = next((j for j in range(last + 1, len(open_)) if accepts(open_[j], p)), None)
                if at is None and not in_header:
                    at = next((j for j in range(last + 1, len(open_)) if not whole(open_[j])), None)
            if at is not None:
                lab = open_[at]
                if in_header and any(lone[j] for j in range(lab.line + 1, k)):
                    unsure = True  # (it runs on past a line of words of their own: see below)
                lab.add(p)
                last = at
                continue
            lab = _Label(p, _cut_rank(p.text, known) if not in_header else _UNNUMBERED)
            lab.line = k
            if in_header:
                open_.insert(last + 1, lab)
                last += 1
            else:
                # it ends the labels of its rank and below, but not those still short of a known
                # label (a group label centred in its rows, starting beside a row label's middle, on a
                # line of its own or on the row's figures): their rest may follow it (（五） 物;
                # 4.保护 / 第三方 / （三） 0 0 … / 合法权)
                keep = [o for o in open_ if o.rank >= lab.rank and not whole(o)
                        and o.key in prefixes]
                open_ = [o for o in open_ if o.rank < lab.rank] + [lab] + keep
                last = open_.index(lab)
            started.append(lab)
            every.append(lab)
        if in_header:
            lone.append(bool(started) and len(started) == len(labels))
            if started:
                rows.append((ln, started, []))
        elif is_data:
            # (a group label centred in its rows starts below its first row's label, beside a later
            # row's: its column is left of theirs, and it comes first)
            rows.append((ln, sorted(waiting + started, key=lambda lab: lab.rank), values))
            waiting = []
        else:
            waiting.extend(started)
            if values:  # values without labels on a line of their own: a row of their own
                rows.append((ln, [], values))
        if in_header and k == first - 1:
            open_ = []  # the body's labels are no header's
        k += 1
    # labels joined from pieces of several lines that came out known
    if sum(1 for lab in every if len(lab.pieces) > 1 and lab.key in known
           and len({text.rfind("\n", 0, p.start) for p in lab.pieces}) > 1) < 2:
        return None
    out = []
    if unsure:
        rows = [r for r in rows if r[0] not in block[:first]]
        out.extend(block[:first])
    for line, labels, values in rows:
        cells = [_join(lab.pieces) for lab in labels] + [(v.text, v.start, v.end) for v in values]
        out.append(_row_line(line, cells))
    for lab in waiting:  # labels after the last numbers: rows without values
        out.append(_row_line(block[-1], [_join(lab.pieces)]))
    # each row's line runs on to the next row's (the pieces of its labels lie in between)
    end = block[-1].start + len(block[-1].text)
    for j, ln in enumerate(out):
        stop = out[j + 1].start - 1 if j + 1 < len(out) else end
        seg = text[ln.start:stop] if stop > ln.start else ln.text
        out[j] = ln._replace(text=seg[:-1] if seg.endswith("\r") else seg)
    return out
