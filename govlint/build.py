"""build: parse tree + editions -> the immutable :class:`~govlint.model.Report`.

This is where table cells meet the format: each table is identified (二/三/四) by its labels, the
edition is detected from the labels only one edition uses, and every value is aligned to a row and
a column *by label* — the header's written order decides which value is which column, never a fixed
index. What cannot be aligned is recorded on the model (missing/unknown rows and columns, rows with
the wrong number of values) for the GL2 rules to report; nothing here emits diagnostics.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Iterable, Optional, Sequence

import attrs
import lark

from . import records
from .edition import BlockSpec, ColumnSpec, Edition, RowSpec, TableSpec
from .labels import bare_key, key, lookalike_fold, note_after, numbering, strip_numbering
from .model import Cell, Heading, LabelNote, OtherEditionBlock, Paragraph, Report, Row, Section, Span, Table, maker
from .numbers import CellValue, chinese_figure, chinese_to_number, lookalike_figure, parse_cell
from .parse import (HeadingVocabulary, Line, RawCell, heading_bounds, heading_match, is_page_mark, line_tokens,
                    one_line, page_mark_prefix, split_cells, title_bounds)
from .source import Source
from . import flatten, recover
from .layout import wide_chars
from .relazy import cached_compile

_VALUE_KINDS = ("number", "blank", "placeholder")
_NOTE_KEY = key("本列数据的勾稽关系")
#: a note written under a table in a cell of the table's last row (注：…, 注1：…, 说明：…, 备注：…)
_NOTE_INITIALS = frozenset("注说备")
_TABLE_NOTE = cached_compile(r"[ \t\u3000]*(?:注[0-9０-９①-⑨]?|说明|备注)[ \t\u3000]*[：:]")
_NOTE_WHOLE = key("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
_YEAR_RE = cached_compile(r"((?:19|20|１９|２０)\d{2})\s*年")
_CN_YEAR_RE = cached_compile(r"([二〇零一二三四五六七八九○]{4})\s*年")
#: after 2024年: a month (a date: 2024年1月20日, 二〇二四年一月), or 发布/印发/公布 — the year the document is
#: dated, not the one it reports; not a range of months (2023年1—12月: a period)
_DATING_RE = cached_compile(r"\s*(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?!份?\s*[至到—–~～－-])"
                            r"|发布|印发|公布|修订)")
#: after a title's year: the report's name (2023年政府信息公开工作年度报告, 2023年度政务公开年报)
_REPORT_NAMED = cached_compile(r"度?\s*的?(?:政府信息公开|政务公开|信息公开|政府信息与政务公开)")
_PERIOD_YEAR_RE = cached_compile(r"((?:19|20|１９|２０)\d{2})\s*年\s*[1１]\s*月\s*[1１]\s*日")


def vocabulary(editions: Iterable[Edition]) -> HeadingVocabulary:
    """The heading vocabulary of all editions (union of each part's keywords)."""
    editions = list(editions)
    words: dict[int, set[str]] = {}
    for ed in editions:
        for p in ed.parts:
            words.setdefault(p.number, set()).update(key(w) for w in (*p.keywords, p.heading))
    return HeadingVocabulary(tuple((n, tuple(sorted(w, key=len, reverse=True))) for n, w in sorted(words.items())),
                             starters=_label_index(editions).starters(), labels=_label_index(editions).keys,
                             headings=frozenset(k for ed in editions for p in ed.parts for k in p.exact_keys()),
                             official=tuple((n, tuple(sorted({key(p.heading) for ed in editions for p in ed.parts
                                                             if p.number == n}))) for n in sorted(words)))


def _scrambled(tables: list[Table], edition: Edition) -> list[Table]:
    """``tables`` with each table whose text is not in reading order made one table of that id without
    rows, its ``scrambled`` the number of figures found in it (GL211 says so once, nothing else is
    checked in it).

    Text extracted from a PDF box by box or column by column (pdftotext's default mode, pdfminer)
    writes a table's row labels, wrapped piece by piece, apart from its figures, which follow column
    by column: read as rows, the table has many labels without figures and many figures outside any
    row, in pieces of the table that the text cuts apart. A table (all its pieces of one id) is so
    when fewer than half of the format's rows were read whole and the labels without figures and the
    figures without their place are at least twice the format's rows, three of each at least, or when
    none of its rows was read whole from pieces (or, for a table of one row, table 四's, runs of
    figures) holding three figures or more outside their place (its header's characters cut apart).
    A piece of another table inside the text of a table so judged is dropped with it."""
    by_id: dict[str, list[int]] = {}
    for k, t in enumerate(tables):
        if t.id is not None and not t.positional:
            by_id.setdefault(t.id, []).append(k)
    drop: set[int] = set()
    out = list(tables)
    changed = False
    for tid, ks in by_id.items():
        spec = edition.table(tid)
        if spec is None:
            continue
        n = max(1, len(spec.data_rows()))  # (table 四: its one row, implicit)
        parts = [tables[k] for k in ks]
        good = len({r.id for t in parts for r in t.rows if r.id is not None and r.problem is None and r.cells})
        if 2 * good >= n:
            continue
        bare = sum(1 for t in parts for r in (*t.rows, *t.unknown_rows) if not r.raw_values)
        loose = sum(len(t.stray_values) + sum(len(r.raw_values) for r in t.unknown_rows)
                    + sum(len(r.raw_values) for r in t.rows if r.problem in ("too_few", "too_many")) for t in parts)
        # (the figures of a table of one row in more than one run: pieces of it, or rows of it)
        runs = len(parts) if n > 1 else sum(len(t.rows) + len(t.unknown_rows) for t in parts)
        if loose < 3 or not ((bare >= 3 and bare + loose >= 2 * n) or (not good and runs >= 2)):
            continue
        figures = sum(len(t.stray_values) + sum(len(r.raw_values) for r in (*t.rows, *t.unknown_rows)) for t in parts)
        first, last = parts[0], max(parts, key=lambda t: t.span.end)
        out[ks[0]] = Table(tid, first.span.to(last.span), section=first.section, scrambled=figures)
        drop.update(ks[1:])
        changed = True
    if changed:
        # a piece of another table inside a scrambled one's text is a piece of that text (table 三's
        # header words read as a table 二 between its labels and its figures)
        spans = [t.span for t in out if t.scrambled]
        for k, t in enumerate(out):
            if not t.scrambled and any(a.start <= t.span.start and t.span.end <= a.end for a in spans):
                drop.add(k)
    return [t for k, t in enumerate(out) if k not in drop] if changed else tables


def _label_index(editions: Sequence[Edition]) -> "flatten.LabelIndex":
    """The editions' table labels for reading run-together tables (cached per set of editions)."""
    return _edition_data(editions).labels


# ----------------------------------------------------------------------------- raw tables


@records.define
class _RawTable:
    cells: list[tuple[RawCell, CellValue]]
    section: Optional[int]
    order: int  # position among all blocks, to keep document order


def _known_keys(editions: Iterable[Edition]) -> set[str]:
    keys: set[str] = set()
    for ed in editions:
        for t in ed.tables:
            keys |= t.all_keys()
            if t.label_column:
                keys.add(key(t.label_column))
    return keys


def _is_known(text: str, known: set[str]) -> bool:
    return key(text) in known or bare_key(text) in known


def _is_misread_label(text: str, known: set[str]) -> bool:
    """``text`` is a known label but for characters OCR misread: look-alikes (子以公开, 公幵, (=)) or one
    Chinese character of a label of three or more (自然入, 其他结杲) — a whole header word, not the top
    half of a wrapped one."""
    folded = lookalike_fold(text)
    if folded != text and _is_known(folded, known):
        return True
    k = key(folded)
    if len(k) < 3 or len(k) > 40:
        return False
    hits = 0
    for sk in known:
        if len(sk) == len(k):
            diff = [(a, b) for a, b in zip(k, sk) if a != b]
            if len(diff) == 1 and all("\u4e00" <= ch <= "\u9fff" for ch in diff[0]):
                hits += 1
    return hits == 1


_new_tuple = tuple.__new__  # (RawCell(...) goes through the named tuple's Python-level __new__)
# Cell(...) and Row(...), every field given (model.maker: a frozen class's __init__ costs ~1,000
# instructions a field; these are made a few hundred times a report)
_new_cell = maker(Cell)
_new_row = maker(Row)


def _merge(source: Source, a: RawCell, b: RawCell, spaced: bool = False) -> RawCell:
    if a.end <= b.start and "\n" not in source.text[a.end:b.start]:
        return _new_tuple(RawCell, (source.text[a.start:b.end], a.start, b.end, spaced))
    return _new_tuple(RawCell, (a.text + b.text, a.start, b.end, spaced))


def _greedy_labels(source: Source, run: Sequence[RawCell], known: set[str]) -> list[RawCell]:
    """Join space-separated pieces into the longest known labels (``商业 企业`` -> ``商业企业``)."""
    out: list[RawCell] = []
    k = 0
    while k < len(run):
        best: Optional[tuple[int, RawCell]] = None
        merged = run[k]
        if _is_known(merged.text, known):
            best = (k + 1, merged)
        for m in range(k + 1, len(run)):
            merged = _merge(source, merged, run[m], spaced=True)
            if _is_known(merged.text, known):
                best = (m + 1, merged)
        if best is None:
            out.append(run[k])
            k += 1
        else:
            out.append(best[1])
            k = best[0]
    return out


# a count whose thousands are grouped by points (1.234, 12.345.678): a point followed by three digits
_POINT_GROUPED = cached_compile(r"\s*[-－]?[0-9０-９]{1,3}(?:[.．][0-9０-９]{3})+\s*")
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_BLANK = parse_cell("")
# an approximate figure written as text (约3, 近10, 3左右, 3以上, 3+); 3余 and 10多 parse as a number
# with 余/多 for a unit
_APPROX = cached_compile(r"^\s*(?:约|近|大约|大概|将近|接近|≈|~|～)\s*[0-9０-９]|[0-9０-９]\s*(?:余|多|左右|以上|\+|＋)\S{0,2}\s*$")
_CN_NUMERAL_START = frozenset("零一二两三四五六七八九十百千")
_FIGURE_LIKE = cached_compile(r"[0-9０-９][0-9０-９,，.．]*")


def _misread_figure(text: str) -> bool:
    """``text`` is a figure OCR misread: its digits as letters (1O, l, S) or with its separators
    garbled (1,5 read for 125), not a word of a label."""
    return lookalike_figure(text) is not None or _FIGURE_LIKE.fullmatch(text.strip()) is not None


_LONE_PIPES = frozenset({"|", "｜"})
# a lone pipe (an empty cell) that the next row's label follows: the row's last empty cell, or the
# scraper's padding of a row one cell short of the table's width (``|``) — equal to a blank, told
# apart by identity in _Aligner._close_row, which drops it where the row fits without it
_LAST_BLANK = attrs.evolve(_BLANK)


def _table_cells(source: Source, tokens: Sequence[lark.Token], known: set[str]) -> list[tuple[RawCell, CellValue]]:
    """Cells of one table block in reading order.

    Space-separated lines are re-joined where the pieces form a known label (``商业 企业``); a row
    label followed by values keeps all its words; and header words that a PDF wrapped column by
    column (``结果 结果 其他`` over ``维持 纠正 结果``) are paired up again: a line of short fragments
    is held back and joined piecewise with the next line when every pair is a known label, or, when
    the lower line also holds whole labels of wide columns, in order (see :func:`_stacked`).
    """
    out: list[tuple[RawCell, CellValue]] = []
    pending: list[RawCell] = []  # fragments of the previous header line, waiting for their lower halves
    # whole labels on the line of those fragments (总计 beside 结果维 / 持): written with them, in the
    # order of their columns (not before them: table 四's 总计 read as its first column)
    held: list[RawCell] = []
    spaced_seen = False

    def emit(cells: Iterable[RawCell]) -> None:
        if held:
            cells = sorted([*held, *cells], key=lambda c: c.start)
            held.clear()
        out.extend((c, parse_cell(c.text)) for c in cells)

    def flush() -> None:
        if pending:
            emit(_greedy_labels(source, pending, known))
            pending.clear()

    copies = _SpanCopies()
    lines: Optional[Iterable] = (_without_index_column(tokens) or _without_serial_column(tokens)) if tokens else None
    if lines is None:
        lines = (line for tok in tokens for line in line_tokens(tok))
    prev = None  # the kind of the line before (a lone pipe after a cell line may be an empty cell)
    for kind, text, start, _, cut in lines:
        if kind != "SPACED":  # (the commonest lines, one cell each in a scraped page: kept lean)
            if pending:
                flush()
            if kind == "ARTIFACT":
                if prev is not None and len(text) <= 4 and text.strip() in _LONE_PIPES:
                    if prev == "BLANK" and out and out[-1][1] is _LAST_BLANK:
                        out[-1] = (out[-1][0], _BLANK)  # (not the last of its run)
                    # a table written one cell per line (``3 |``) writes an empty cell as a lone
                    # pipe; the scraper's padding after a row's last cell (``||``, ``|`` when one
                    # cell is missing) comes once after a cell line, never after another such
                    # line: an empty cell, as ``| |`` is in a row; padding read as a last empty
                    # cell is trimmed where the row has its values (_trim_padding)
                    out.append((_new_tuple(RawCell, ("", start, start, False)), _LAST_BLANK))
                    prev = "BLANK"
                    continue
                if prev == "BLANK" and out[-1][1] is _LAST_BLANK:
                    out[-1] = (out[-1][0], _BLANK)  # (padding follows it: a cell)
                prev = "PAD" if prev == "CELL" else None
                if "|" in text and (" |" in text or "\t|" in text or "\u3000|" in text) and text.count("|") > 2 \
                        and not text.strip(" \t\u3000|"):
                    # a row of empty cells (``|  |  |  |``): its cells, empty (header padding is
                    # told from them by the aligner); a row of pipes alone (``||||``) is a
                    # scraper's padding, a row of dashes a separator
                    out.extend((c, _BLANK) for c in split_cells("ROW", text, start))
                continue
            row = cut if cut is not None else split_cells(kind, text, start)
            if prev == "BLANK" and out[-1][1] is _LAST_BLANK and row and parse_cell(row[0].text).kind in _VALUE_KINDS:
                out[-1] = (out[-1][0], _BLANK)  # (a figure follows it: a cell of the row)
            prev = "CELL" if kind == "CELL" else None
            if len(row) > 1:
                row = copies.collapse(row, True)
            for c in row:
                out.append((c, parse_cell(c.text)))
            continue
        spaced_seen = True
        prev = None
        cells = split_cells(kind, text, start) if cut is None else list(cut)
        if not cells:  # tabs alone (see parse.classify): one empty cell a field
            flush()
            out.extend((_new_tuple(RawCell, ("", start + k, start + k, True)), _BLANK)
                       for k in range(text.count("\t") + 1))
            continue
        if len(cells) > 1:  # (a line cut at spaces starts no such table: wrapped words repeat, 结果 结果)
            cells = copies.collapse(cells, "\t" in text)
        values = [parse_cell(c.text) for c in cells]
        if not any(v.kind in _VALUE_KINDS for v in values):  # a header line
            if pending:
                n = min(len(pending), len(cells))
                pairs = [_merge(source, pending[i], cells[i]) for i in range(n)]
                if all(_is_known(p.text, known) for p in pairs):
                    del pending[:n]
                    flush()  # fragments without a lower half
                    emit(pairs)
                    cells = cells[n:]
                    if not cells:
                        continue
                else:
                    stacked = _stacked(source, pending, cells, known)
                    if stacked is not None:
                        pending.clear()
                        emit(stacked)
                        continue
                    flush()  # words without a lower half: labels of their own (known or not), not lost
            labels = _greedy_labels(source, cells, known)
            if all(len(c.text) <= 2 for c in cells) and not all(_is_known(c.text, known) for c in labels):
                pending.extend(cells)  # maybe the top halves of wrapped header words
            elif any(len(c.text) <= 4 and not _is_known(c.text, known) and not _is_misread_label(c.text, known)
                     for c in labels):
                # the top halves of wrapped words among whole labels or a note (申请人情况 商业 科研
                # 社会公益): the rest now, the halves when their lower halves come
                whole = [len(c.text) > 4 or _is_known(c.text, known) or _is_misread_label(c.text, known) for c in labels]
                held.extend(c for c, w in zip(labels, whole) if w)
                pending.extend(c for c, w in zip(labels, whole) if not w)
            else:
                emit(labels)
            continue
        flush()
        i, n = 0, len(cells)
        while i < n:  # a row: label words up to the values, then the values
            if values[i].kind in _VALUE_KINDS:
                out.append((cells[i], values[i]))
                i += 1
                continue
            j = i + 1
            while j < n and values[j].kind not in _VALUE_KINDS:
                j += 1
            # figures OCR misread as letters (1O, l, S) written after the label: the row's first
            # cells, not words of its label (GL208 reports them), when the label without them is known
            misread = j
            while misread > i + 1 and _misread_figure(cells[misread - 1].text):
                misread -= 1
            if misread < j:
                label = cells[i]
                for c in cells[i + 1:misread]:
                    label = _merge(source, label, c, spaced=True)
                if _is_known(label.text, known) or _is_misread_label(label.text, known) or all(
                        _is_known(p.text, known) or _is_misread_label(p.text, known)
                        for p in _greedy_labels(source, cells[i:misread], known)):
                    emit([label])
                    out.extend((c, v) for c, v in zip(cells[misread:j], values[misread:j]))
                    i = j
                    continue
            if j == i + 1:  # a one-word label
                out.append((cells[i], values[i]))
            else:
                label = cells[i]
                for c in cells[i + 1:j]:
                    label = _merge(source, label, c, spaced=True)
                if not _is_known(label.text, known):
                    parts = _greedy_labels(source, cells[i:j], known)
                    if len(parts) > 2 and all(_is_known(p.text, known) for p in parts):
                        emit(parts)
                        i = j
                        continue
                emit([label])
            i = j
    flush()
    if spaced_seen:
        out = _join_wrapped_labels(source, out, known)
    out = _without_serial_cells(out)
    return _join_broken_labels(source, _join_split_words(source, out, known), known)


def _join_broken_labels(source: Source, cells: list[tuple[RawCell, CellValue]],
                        known: set[str]) -> list[tuple[RawCell, CellValue]]:
    """A row label that OCR or a conversion broke over two lines (``1.本机关不掌-`` / ``握相关政府信息 |
    5 | …``, ``2.申请人逾期未按收费通知要求`` / ``缴纳费用、…``): two text cells on consecutive lines,
    neither a label of the format, that together make one are one cell."""
    if not any(v.kind == "text" and not _is_label(c.text, known) for c, v in cells):
        return cells
    out: list[tuple[RawCell, CellValue]] = []
    k, n = 0, len(cells)
    while k < n:
        c, v = cells[k]
        if k + 1 < n and v.kind == "text" and cells[k + 1][1].kind == "text":
            d = cells[k + 1][0]
            between = source.text[c.end:d.start]
            if between.count("\n") == 1 and not between.strip(" \t\r\n\u3000|｜") \
                    and not _is_label(c.text, known) and not _is_label(d.text, known):
                merged = _merge(source, c, d)
                if _is_label(merged.text, known):
                    out.append((merged, parse_cell(merged.text)))
                    k += 2
                    continue
        if v.kind == "text" and not _is_label(c.text, known):
            # … or with the row's figures on the first line and the rest of the label alone on the next
            m = k + 1
            while m < n and cells[m][1].kind in _VALUE_KINDS:
                m += 1
            if k + 1 < m < n and cells[m][1].kind == "text":
                d = cells[m][0]
                between = source.text[cells[m - 1][0].end:d.start]
                after = source.text.find("\n", d.end)
                rest = source.text[d.end:] if after == -1 else source.text[d.end:after]
                if between.count("\n") == 1 and not between.strip(" \t\r\n\u3000|｜") \
                        and not rest.strip(" \t\r\u3000|｜") and not _is_label(d.text, known):
                    merged = _merge(source, c, d)
                    if _is_label(merged.text, known):
                        out.append((merged, parse_cell(merged.text)))
                        out.extend(cells[k + 1:m])
                        k = m + 1
                        continue
        out.append((c, v))
        k += 1
    return out


_SPLIT_PIECE = 4  # the longest piece of a header word cut by a line break (商业 / 企业, 社会公益 / 组织)


def _join_split_words(source: Source, cells: list[tuple[RawCell, CellValue]],
                      known: set[str]) -> list[tuple[RawCell, CellValue]]:
    """Header words that a line break inside their cell (``商业<br>企业``) cut into cells of their own,
    as the text of a page gives them one piece a line (``商业 |`` / ``企业 |``, or ``商业`` / ``企业``):
    two or three short pieces in a row are one cell when together they make a label of the format and
    one of them is no label by itself (``其他`` / ``结果`` is 其他结果, ``结果`` / ``纠正`` is 结果纠正 though
    纠正 alone is a label too, while ``其他`` / ``总计`` stays two columns)."""
    if not any(v.kind == "text" and len(c.text) <= _SPLIT_PIECE and not _is_known(c.text, known)
               for c, v in cells):  # (the usual table: no piece that is no label)
        return cells
    out: list[tuple[RawCell, CellValue]] = []
    k, n = 0, len(cells)
    while k < n:
        c, v = cells[k]
        if v.kind == "text" and len(c.text) <= _SPLIT_PIECE:
            merged, m, best = c, k + 1, None
            alone = _is_known(c.text, known)  # every piece so far a label by itself
            while m < n and m < k + 3:
                d, w = cells[m]
                if w.kind != "text" or len(d.text) > _SPLIT_PIECE:
                    break
                alone = alone and _is_known(d.text, known)
                merged = _merge(source, merged, d)
                m += 1
                if not alone and _is_known(merged.text, known):
                    best = (m, merged)
            if best is not None:
                out.append((best[1], parse_cell(best[1].text)))
                k = best[0]
                continue
        out.append((c, v))
        k += 1
    return out


def _line_cells(line) -> Sequence[RawCell]:
    """A table line's cells (as the parser cut them, or cut now)."""
    kind, text, start, _, cut = line
    return cut if cut is not None else split_cells(kind, text, start)


def _words(line) -> list[str]:
    """The texts of a table line's cells, empty ones left out."""
    return [c.text for c in _line_cells(line) if c.text]


def _without_first_cell(line):
    """``line`` without its first cell written (a serial or index number before the label)."""
    cells = _line_cells(line)
    skip = next(i for i, c in enumerate(cells) if c.text)
    kind, text, start, number, _ = line
    return _new_tuple(Line, (kind, text, start, number, tuple(cells[skip + 1:])))


def _counting(words: list[str]) -> bool:
    return len(words) >= 3 and words == [str(i) for i in range(len(words))]


def _without_index_column(tokens: Sequence[lark.Token]) -> Optional[list]:
    """A table printed by pandas (``DataFrame.to_string()``, ``to_markdown()``) carries the frame's
    row index before each row (0, 1, 2 …) and, over the rows, the column numbers (0 1 2 … 9) when
    the page's table had no header pandas recognised: the table's lines without the index cells and
    with the line of column numbers as a separator, or None when the table has no such index. The
    index is recognised only as such: the first cells of every line of two cells or more count up by
    one from 0 or 1, over three lines at least."""
    words = _words(line_tokens(tokens[0])[0])
    # (isdecimal, not isdigit: ² is a digit that int() refuses)
    if not words or not (words[0].isdecimal() and len(words) > 1 or _counting(words)):
        return None  # (the usual table: its first line is a caption or labels)
    lines = [line for tok in tokens for line in line_tokens(tok)]
    header = 0 if _counting(words) else None
    index: list[int] = []
    first: Optional[int] = None  # the first row's index number
    for k, line in enumerate(lines):
        if k == header or line[0] == "ARTIFACT":
            continue
        w = _words(line)
        if len(w) < 2:
            continue
        if not w[0].isdecimal() or len(w[0]) > 4:
            return None
        if first is None:
            first = int(w[0])
        if int(w[0]) != first + len(index):
            return None
        index.append(k)
    if len(index) < 3 or first not in (0, 1):
        return None
    out = list(lines)
    for k in index:
        out[k] = _without_first_cell(lines[k])
    if header is not None:
        kind, text, start, number, _ = lines[header]
        out[header] = _new_tuple(Line, ("ARTIFACT", text, start, number, ()))
    return out


_SERIAL_HEADS = frozenset({"序号", "编号"})
_SERIAL_START = cached_compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?")
_SERIAL_FIRST = frozenset("0123456789一二三四五六七八九十")
# a row number before a label in one cell: a space after it, or a mark and the label's own number
_ROW_NUMBER = cached_compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:[ \t\u3000]+|[.、．](?=[ \t\u3000]*(?:[(（]?[一二三四五六七八九十\d])))[ \t\u3000]*")
_SERIAL = cached_compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$")


def _without_serial_column(tokens: Sequence[lark.Token]) -> Optional[list]:
    """A table with a 序号 column the reporter added before the labels (``序号 | 信息内容 | 本年制发件数
    …`` over ``1 | 规章 | 0 | …``): the table's lines without that column, or None when no line is
    headed 序号. After such a header, a line's first cell is left out when it is a serial number (1,
    12, 一) followed by a label, never when a number follows it (a row of values)."""
    if not any("序号" in tok or "编号" in tok for tok in tokens):  # (the usual table: no such header)
        return None
    lines = [line for tok in tokens for line in line_tokens(tok)]
    out = list(lines)
    on = False
    for k, line in enumerate(lines):
        if line[0] == "ARTIFACT":
            continue
        w = _words(line)
        if len(w) < 2:
            continue
        if key(w[0]) in _SERIAL_HEADS:
            on = True
        elif not (on and _SERIAL.match(w[0].strip()) and parse_cell(w[1]).kind not in _VALUE_KINDS):
            continue
        out[k] = _without_first_cell(line)
    return out if on else None


def _serial_number(text: str) -> Optional[int]:
    """The number a cell of a 序号 column writes (``12``, ``12.``, ``十二``, ``十二、``), or None."""
    t = text.strip()
    if not t or len(t) > 5 or not _SERIAL.match(t):
        return None
    t = t.rstrip(".、．")
    return int(t) if t.isdecimal() else chinese_to_number(t)


def _row_numbers(labels: list[bool], heads: list[int], number_at: Any,
                 among: bool) -> tuple[list[int], list[Optional[int]]]:
    """Where each row's labels begin, and its number cell if any: the cell right before them, or
    (``among``) one between two labels of the row (``三、本年度办理结果 | 3 | （一）予以公开``; the
    cell before the row's labels is then the last of the row before). ``labels``: whether each
    cell is a label (see :func:`_without_serial_cells`); ``heads``: the first cell of each run of
    labels; ``number_at(j)``: the row number cell ``j`` writes, or None."""
    starts: list[int] = []
    numbers: list[Optional[int]] = []
    for j in heads:
        number = j and number_at(j - 1) is not None
        if among and number and j >= 2 and starts and labels[j - 2]:
            numbers[-1] = j - 1  # (the labels after it go on the row)
            continue
        starts.append(j)
        numbers.append(j - 1 if number else None)
    return starts, numbers


def _without_serial_cells(cells: list[tuple[RawCell, CellValue]]) -> list[tuple[RawCell, CellValue]]:
    """The cells of a table without its row numbers, however the table was written (one cell a line,
    in rows, spaced, tab-separated; headed 序号 or not): a row number is the cell written right
    before the first label of a row (or between two labels of the row), and a table is numbered
    when those cells count the rows — the same number minus the row's rank, for three rows and for
    half the table's rows at least, from one of its first rows and starting at 1 (or 0): sub-rows
    whose totals happen to be 1, 2, 3 are no such column. The row numbers left blank
    (or not written) are the blank cells right before a row's label; the column's heading (序号,
    编号) is left out with them."""
    best = None
    # which cells are labels: words, not a row number (made once: a report has a few hundred cells; a
    # text longer than a row number is a label)
    labels = [v.kind == "text" and bool(c.text) and (len(c.text.strip()) > 5 or _serial_number(c.text) is None)
              for c, v in cells]
    heads = [j for j, label in enumerate(labels) if label and (j == 0 or not labels[j - 1])]
    if len(heads) < 4:
        return cells
    known: dict[int, Optional[int]] = {}

    def number_at(j: int) -> Optional[int]:
        if j not in known:
            known[j] = _serial_number(cells[j][0].text)
        return known[j]

    # (numbers between two labels of a row: looked for only where a row number follows a label)
    passes = (False, True) if any(j >= 2 and labels[j - 2] and number_at(j - 1) is not None for j in heads) else (False,)
    for among in passes:
        starts, numbers = _row_numbers(labels, heads, number_at, among)
        if len(starts) < 4:
            return cells
        offsets: dict[int, list[int]] = {}
        for rank, at in enumerate(numbers):
            if at is not None:
                offsets.setdefault(number_at(at) - rank, []).append(rank)  # type: ignore[operator]
        if offsets:
            offset, ranks = max(offsets.items(), key=lambda kv: len(kv[1]))
            if best is None or len(ranks) > len(best[3]):
                best = (starts, numbers, offset, ranks)
    if best is None:
        return _without_block_numbers(cells, labels, heads, number_at)
    starts, numbers, offset, ranks = best
    first = ranks[0]
    if len(ranks) < 3 or 2 * len(ranks) < len(starts) - 1 or first > 3 or first + offset not in (0, 1, 2, 3):
        return _without_block_numbers(cells, labels, heads, number_at)
    drop = {numbers[r] for r in ranks}
    for j in starts[first:]:
        if j and j - 1 not in drop and cells[j - 1][1].kind == "blank":
            drop.add(j - 1)
    head = starts[first - 1] if first else None
    if head is not None and key(cells[head][0].text) in _SERIAL_HEADS:
        drop.add(head)
    return [cv for j, cv in enumerate(cells) if j not in drop]


def _without_block_numbers(cells: list[tuple[RawCell, CellValue]], labels: list[bool], heads: list[int],
                           number_at: Any) -> list[tuple[RawCell, CellValue]]:
    """The cells of a table of blocks (table 二) without its row numbers, numbered block by block:
    starting again at 1 under each block's header, or going on from one block to the next (the
    blocks' headers are rows the numbers do not count). A header is three labels or more with
    nothing but blank cells between them (the block's caption, 信息内容 and its column labels),
    followed by its first row's number (blank cells between: a table without numbers has its first
    row's label run on from its header's labels instead); a row is its label (one, or two with its
    group's) after its number, the next one, in the cell right before it — and every row after the
    first header is one. Else, or for fewer than three rows or two headers, ``cells`` as they are.
    A heading of the column (序号, 编号) in a block's header is left out with the numbers."""
    n = len(cells)
    size: dict[int, int] = {}  # the labels of each run of labels
    for j in heads:
        k = j
        while k < n and labels[k]:
            k += 1
        size[j] = k - j
    # the runs of labels with blank cells only between them: [first cell of each run of labels, …]
    groups: list[list[int]] = []
    end = -1
    for j in heads:
        if groups and all(cells[k][1].kind == "blank" for k in range(end, j)):
            groups[-1].append(j)
        else:
            groups.append([j])
        end = j + size[j]
    for again in (True, False):
        expect: Optional[int] = None
        drop: set[int] = set()
        headers = rows = 0
        after: Optional[int] = None  # the cell after the last header: the next row's number, blanks before it
        for g in groups:
            j = g[0]
            header = g
            numbered = expect is not None and j and not labels[j - 1] and number_at(j - 1) == expect
            if after is not None and not (numbered and all(cells[k][1].kind == "blank" for k in range(after, j - 1))):
                break  # a header not followed by a numbered row (its first row's label run on with its labels)
            after = None
            if numbered:
                if size[j] > 2:
                    break
                rows += 1
                drop.add(j - 1)
                expect += 1  # type: ignore[operator]
                header = g[1:]  # (a header after the row's blank figure: the next block's)
            if not header:
                continue
            if sum(size[h] for h in header) < 3:
                break
            # a block's header: its rows are numbered from 1 again (or go on)
            expect = 1 if again or expect is None else expect
            headers += 1
            after = header[-1] + size[header[-1]]
            drop.update(k for h in header for k in range(h, h + size[h]) if key(cells[k][0].text) in _SERIAL_HEADS)
        else:
            if headers >= 2 and rows >= 3 and after is None:
                return [cv for j, cv in enumerate(cells) if j not in drop]
    return cells


class _SpanCopies:
    """A table whose merged cells were written out in every row and column they cover, as
    ``pandas.read_html`` and some crawlers and spreadsheet exports give them (``第二十条第（一）项 |
    第二十条第（一）项 | …``; ``三、本年度办理结果 | （一）予以公开 | （一）予以公开 | 5 | …`` then
    ``三、本年度办理结果 | （二）部分公开 | …``): each merged cell is read once, where it starts.

    Such a table is recognised by a label (of four characters or more) written twice side by side in
    a line whose cells are delimited (by ``|`` or tabs; labels of the format never repeat so, while
    the halves of header words a PDF wrapped may: ``结果 结果 其他``). From that line on, a label is left out where it repeats the one before it in the line
    or the one above it in a line of as many cells (the spans' copies); a number is left out where it
    repeats the one before it under a header label that was itself such a copy (a figure written
    across the two columns of a header cell). Numbers are never left out for repeating the row above."""

    __slots__ = ("on", "above", "header_copies")

    def __init__(self) -> None:
        self.on = False
        self.above: Optional[list[str]] = None  # the texts of the previous line of two cells or more
        self.header_copies: dict[int, set[int]] = {}  # cells in a line -> the copies in the last such header

    def collapse(self, cells: Sequence[RawCell], delimited: bool) -> Sequence[RawCell]:
        """``cells`` of one line without the copies (``delimited``: the line's cells are delimited,
        so it may be the one that shows the table to have copies)."""
        if not self.on and not delimited:
            self.above = None
            return cells
        texts = [c.text for c in cells]
        if not self.on:
            self.on = any(a == b and len(a) >= 4 and _is_text_cell(a) for a, b in zip(texts, texts[1:]))
            if not self.on:
                self.above = texts
                return cells
        above = self.above if self.above is not None and len(self.above) == len(texts) else None
        self.above = texts
        n = len(texts)
        kept: list[RawCell] = []
        copied: set[int] = set()
        numbers = False
        spanned = self.header_copies.get(n, ())
        for i, c in enumerate(cells):
            t = texts[i]
            if not t:
                kept.append(c)
                continue
            if not _is_text_cell(t):
                numbers = True
                if i and t == texts[i - 1] and i in spanned:
                    continue  # one figure written across the columns of a merged header cell
                kept.append(c)
                continue
            if i and t == texts[i - 1]:
                copied.add(i)
                continue
            if above is not None and t == above[i]:
                continue
            kept.append(c)
        if not numbers and n - texts.count("") > 1:  # (a label and blanks: a row left blank, no header)
            self.header_copies[n] = copied
        return kept


def _is_text_cell(text: str) -> bool:
    return parse_cell(text).kind == "text"


def _stacked(source: Source, upper: Sequence[RawCell], lower: Sequence[RawCell],
             known: set[str]) -> Optional[list[RawCell]]:
    """The labels of a header a PDF wrote over two lines, narrow columns' words wrapped and wide
    ones on the lower line only (``商业 科研 社会公益`` over ``自然人 企业 机构 组织 其他``): the upper
    pieces joined, in order, with the lower words they complete; a lower word that completes none is
    a label by itself. None unless every upper piece finds its lower half and every word is a label."""
    out: list[RawCell] = []
    u = 0
    for word in lower:
        if u < len(upper):
            joined = _merge(source, upper[u], word)
            if _is_known(joined.text, known):
                out.append(joined)
                u += 1
                continue
        if not _is_known(word.text, known):
            return None
        out.append(word)
    return out if u == len(upper) else None


def _is_label(text: str, known: set[str]) -> bool:
    """A label of the format, alone or after a group label (``（三）不予公开 1.属于国家秘密``);
    remembered per text (the same labels come back in every report) for one set of known keys."""
    memo = _LABEL_MEMO.get(id(known))
    if memo is None or memo[0] is not known:
        _LABEL_MEMO.clear()
        memo = _LABEL_MEMO[id(known)] = (known, {})
    answers = memo[1]
    hit = answers.get(text)
    if hit is None:
        if len(answers) > 20000:
            answers.clear()
        words = text.split()
        hit = answers[text] = _is_known(text, known) or (len(words) > 1 and _is_known(words[-1], known))
    return hit


_LABEL_MEMO: dict[int, tuple[set, dict]] = {}


def _join_wrapped_labels(source: Source, cells: list[tuple[RawCell, CellValue]],
                         known: set[str]) -> list[tuple[RawCell, CellValue]]:
    """Row labels a PDF wrapped over two or three lines, joined again.

    Text taken from a PDF writes a long label (``（二）部分公开（区分处理的，只计这一情形，不计其他情形）``)
    on as many lines as its cell needed, with the row's values on one of them, first, middle or last.
    A label of a space-separated table followed, on the next lines, by pieces that are not labels of
    the format themselves, but that make one with it (or with its last word: a group label may come
    first, ``（四）无法提供 1.本机关不掌握`` + ``相关政府信息``), is joined with them, and the row's
    values follow the joined label. Only the values of one of the pieces' lines may lie between or
    after them: pieces that each have values are rows of their own."""
    # a join needs a piece that is no label of the format (most tables have none: nothing to do)
    unknown = [k for k, (c, v) in enumerate(cells)
               if v.kind not in _VALUE_KINDS and k and c.spaced and c.text and not _is_label(c.text, known)]
    if not unknown:
        return cells
    i, n = unknown[0] - 1, len(cells)
    while i > 0 and cells[i][1].kind in _VALUE_KINDS:
        i -= 1  # a join starts at the text just before the first such piece (its values between)
    out: list[tuple[RawCell, CellValue]] = cells[:i]

    def is_text(k: int) -> bool:
        c, v = cells[k]
        return v.kind not in _VALUE_KINDS and c.spaced and bool(c.text)

    def values_from(k: int) -> int:
        while k < n and cells[k][1].kind in _VALUE_KINDS:
            k += 1
        return k

    while i < n:
        if not is_text(i):
            out.append(cells[i])
            i += 1
            continue
        joined = None
        label = cells[i][0]
        last_word = label.text.split()[-1]
        after = values_from(i + 1)  # the values on the first piece's line end here
        had_values, at, prev = after > i + 1, after, i
        rest, pieces = "", 1
        while pieces < 3 and at < n and is_text(at) and not _is_label(cells[at][0].text, known) \
                and "\n" in source.text[cells[prev][0].end:cells[at][0].start]:
            pieces += 1
            label = _merge(source, label, cells[at][0], spaced=True)
            rest += cells[at][0].text
            nxt = values_from(at + 1)
            if had_values and nxt > at + 1:
                break  # values on two pieces' lines: two rows
            had_values = had_values or nxt > at + 1
            prev, at = at, nxt
            if _is_known(label.text, known) or _is_known(last_word + rest, known):
                joined = at
                break
        if joined is None:
            out.append(cells[i])
            i += 1
            continue
        out.append((label, parse_cell(label.text)))
        out += [c for c in cells[i + 1:joined] if c[1].kind in _VALUE_KINDS]
        i = joined
    return out


# ----------------------------------------------------------------------------- table identification


def _table_keys(editions: Sequence[Edition]) -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for ed in editions:
        for t in ed.tables:
            keys.setdefault(t.id, set()).update(t.all_keys())
            keys[t.id] |= {key(n) for n in t.notes}
    return keys


def _unique_keys(table_keys: dict[str, set[str]]) -> dict[str, set[str]]:
    out = {}
    for tid, ks in table_keys.items():
        others = set().union(*(v for k, v in table_keys.items() if k != tid))
        out[tid] = ks - others
    return out


def _signal(text: str, unique: dict[str, set[str]]) -> Optional[str]:
    """The table a label belongs to, if it belongs to one table only and is specific enough;
    remembered per text (the same labels come back in every report) for one ``unique``."""
    memo = _SIGNAL_MEMO.get(id(unique))
    if memo is None or memo[0] is not unique:
        _SIGNAL_MEMO.clear()
        memo = _SIGNAL_MEMO[id(unique)] = (unique, {})
    answers = memo[1]
    hit = answers.get(text, _UNSEEN)
    if hit is _UNSEEN:
        if len(answers) > 20000:
            answers.clear()
        hit = answers[text] = _find_signal(text, unique)
    return hit


_SIGNAL_MEMO: dict[int, tuple[dict, dict]] = {}
_UNSEEN = object()


def _find_signal(text: str, unique: dict[str, set[str]]) -> Optional[str]:
    k, b = key(text), bare_key(text)
    if len(b) < 4:
        return None  # 其他, 规章, 总计 …: too generic to split tables on
    if k.startswith(_NOTE_KEY) or k.lstrip("(").startswith(_NOTE_KEY):
        return "三"
    for tid, ks in unique.items():
        if k in ks or b in ks:
            return tid
    return None


def _split_by_table(raw: _RawTable, unique: dict[str, set[str]]) -> list[tuple[Optional[str], _RawTable]]:
    """Split a run of table lines that holds two tables (a dropped heading between them)."""
    pieces: list[tuple[Optional[str], _RawTable]] = []
    current: list[tuple[RawCell, CellValue]] = []
    current_id: Optional[str] = None
    for cell, value in raw.cells:
        sig = _signal(cell.text, unique) if value.kind == "text" else None
        if sig is not None and current_id is not None and sig != current_id:
            pieces.append((current_id, _RawTable(current, raw.section, raw.order)))
            current = []
            current_id = None
        if sig is not None and current_id is None:
            current_id = sig
        current.append((cell, value))
    if current:
        pieces.append((current_id, _RawTable(current, raw.section, raw.order)))
    return pieces


def _continues(prev: _RawTable, piece: _RawTable, row_keys: frozenset) -> bool:
    """Does ``piece`` go on with the table ``prev`` (the one before it, of the same table, in the
    same part, only paragraphs between)? When it writes rows and none that ``prev`` wrote: the rest
    of one table, not the table written again."""
    if piece.section != prev.section or piece.order == prev.order or not piece.cells or not prev.cells:
        return False
    mine = _row_labels(piece, row_keys)
    return bool(mine) and not (mine & _row_labels(prev, row_keys))


def _row_labels(rt: _RawTable, row_keys: frozenset) -> set[str]:
    out = set()
    for cell, value in rt.cells:
        if value.kind == "text":
            text = cell.text
            k = bare_key(text)
            if k in row_keys:
                out.add(k)
            elif " " in text:
                k = bare_key(text.split()[-1])
                if k in row_keys:
                    out.add(k)
    return out


def _edition_scores(tables: Sequence[tuple[Optional[str], _RawTable]], editions: Sequence[Edition]) -> dict[str, int]:
    """How many written labels only this edition uses."""
    owners = _edition_data(editions).owners
    scores = {ed.id: 0 for ed in editions}
    for _, rt in tables:
        for cell, value in rt.cells:
            if value.kind != "text":
                continue
            k, b = key(cell.text), bare_key(cell.text)
            eds = owners.get(k, _NONE) | owners.get(b, _NONE)
            if len(eds) == 1:
                (ed_id,) = eds
                scores[ed_id] += 1
    return scores


_NONE: frozenset = frozenset()


@records.frozen
class _EditionData:
    """What build derives from a set of editions (the same for every report): computed once."""

    known: set  # every label key of every table
    unique: dict  # table id -> keys only that table uses
    owners: dict  # label key -> ids of the editions whose tables use it
    labels: "flatten.LabelIndex"  # the labels for reading run-together tables
    row_keys: dict = attrs.field(factory=dict)  # table id -> bare keys of its row labels (no column's)

    @classmethod
    def of(cls, editions: Sequence[Edition]) -> "_EditionData":
        owners: dict[str, set[str]] = {}
        rows: dict[str, set[str]] = {}
        columns: set[str] = set()
        for ed in editions:
            for t in ed.tables:
                for k in t.all_keys():
                    owners.setdefault(k, set()).add(ed.id)
                for b in t.blocks:
                    for r in b.rows:
                        rows.setdefault(t.id, set()).update(r.keys())
                    for c in b.columns:
                        columns |= {bare_key(x) for x in (c.label, *c.aliases)}
        return cls(_known_keys(editions), _unique_keys(_table_keys(editions)),
                   {k: frozenset(v) for k, v in owners.items()}, flatten.LabelIndex.of(editions),
                   {tid: frozenset(ks - columns) for tid, ks in rows.items()})


def _edition_data(editions: Sequence[Edition]) -> _EditionData:
    ids = tuple(id(e) for e in editions)
    hit = _EDITION_DATA.get(ids)
    if hit is None or hit[0] != list(editions):
        if len(_EDITION_DATA) > 16:
            _EDITION_DATA.clear()
        hit = _EDITION_DATA[ids] = (list(editions), _EditionData.of(editions))
    return hit[1]


_EDITION_DATA: dict = {}


def _choose_edition(scores: dict[str, int], year: Optional[int], editions: Sequence[Edition]) -> Optional[Edition]:
    if not editions:
        return None
    best = max(scores.values(), default=0)
    if best > 0:
        leaders = [ed for ed in editions if scores.get(ed.id, 0) == best]
        if len(leaders) == 1:
            return leaders[0]
    else:
        leaders = list(editions)
    if year is not None:
        for ed in leaders:
            if ed.covers(year):
                return ed
    return max(leaders, key=lambda e: e.first_year)


# ----------------------------------------------------------------------------- alignment


def _leaf_order(block: BlockSpec, header: Sequence[tuple[str, RawCell]],
                summed: frozenset[str] = frozenset(), rows: Optional[Sequence[int]] = None) -> list[ColumnSpec]:
    """Leaf columns in the order the header writes them (a multi-level header read row by row). A
    group of ``summed`` (see :meth:`TableSpec.summed_groups`) written without any of its sub-columns
    stands for them as one column (“自然人 | 法人或其他组织 | 总计”): the group's own spec is in the order.

    ``rows``: the header row of each label, when the header is written a row a line. A column
    written in the row of its group's label, not under it (``申请人情况 | 总计`` over ``自然人 |
    法人或其他组织``: 总计 spanning the header's rows beside the group's label), lies beside all the
    columns written under that label: after them when written after the label, before them when
    before it (row by row, it comes first)."""
    first: dict[str, int] = {}
    for i, (k, _) in enumerate(header):
        first.setdefault(k, i)
    short = _short_keys(block, header)

    def pos(c: ColumnSpec) -> Optional[int]:
        found = [first[k] for k in c.keys() if k in first]
        return min(found) if found else None

    def present(c: ColumnSpec) -> bool:
        if not c.group:
            return pos(c) is not None
        return any(present(x) for x in block.children(c.id))

    def whole(c: ColumnSpec) -> bool:  # a summed group written as one column
        return c.id in summed and pos(c) is not None and not present(c)

    def expand(parent: Optional[str]) -> list[ColumnSpec]:
        kids = [c for c in block.children(parent) if present(c) or (summed and whole(c))]
        positions = [pos(c) for c in kids]
        if rows is not None and parent is not None and None not in positions:
            own = block.column(parent)
            at = pos(own) if own is not None else None
            if at is not None:  # (a label in the group label's row: before (-1) or after (1) those under it)
                positions = [(0 if rows[p] != rows[at] else -1 if p < at else 1, p) for p in positions]  # type: ignore[misc]
        # a label several columns share (table 四's 其他结果 under each group) written fewer times than
        # they are: its first place is another group's; the format's order then, not a shuffle
        if all(p is not None for p in positions) and not any(k in short for c in kids for k in c.keys()):
            kids = [c for _, _, c in sorted((p, i, c) for i, (p, c) in enumerate(zip(positions, kids)))]
        out: list[ColumnSpec] = []
        for c in kids:
            out.extend(expand(c.id) if c.group and present(c) else [c])
        return out

    return expand(None)


def _short_keys(block: BlockSpec, header: Sequence[tuple[str, RawCell]]) -> set[str]:
    """Label keys that several leaf columns of ``block`` share but ``header`` writes fewer times
    (a header word misread or replaced in one group of table 四)."""
    written: dict[str, int] = {}
    for k, _ in header:
        written[k] = written.get(k, 0) + 1
    sharers: dict[str, int] = {}
    for c in block.leaves():
        for k in c.keys():
            sharers[k] = sharers.get(k, 0) + 1
    return {k for k, n in sharers.items() if n > 1 and 0 < written.get(k, 0) < n}


#: the head words of what offices write in a table's corner cell over its row labels, in the place
#: of the format's own heading (信息内容 over table 二's rows; the 勾稽 note in table 三's corner;
#: nothing in table 四's): “项目”, “类别”, “统计指标”, “事项名称”, “信息内容” itself
_CORNER_HEADS = ("项目", "内容", "类别", "事项", "情况", "指标", "名称", "类型", "分类", "数量")
#: a count's label: what a table without row labels (table 四's one row of cases) has its row
#: labelled with when a label column is added (“数量”, “件数”, “案件数”, “数量(件)”)
_COUNT_LABEL = cached_compile(r"^(?:案件数量?|数量|件数)(?:\(件\))?$")


def _corner_word(k: str) -> bool:
    """Is the key ``k`` a corner heading word (see :data:`_CORNER_HEADS`): a head word, after at most
    four characters naming what (“统计项目”, “申请事项”, “信息内容”)?"""
    return 2 <= len(k) <= 6 and k.endswith(_CORNER_HEADS)


@records.define
class _OpenRow:
    spec: Optional[RowSpec]
    label: RawCell
    block: Optional[BlockSpec]
    values: list[tuple[RawCell, CellValue]] = attrs.field(factory=list)
    group_with_values: bool = False
    foreign: Optional[RowSpec] = None  # a sub-row another edition splits this edition's data row into
    other: bool = False  # a row of a block written in another edition (see _Aligner.other)
    # a row only that other edition has (2019 政府集中采购 in a 2021 table 二): its id there and its block
    other_row: Optional[RowSpec] = None
    other_block: Optional["_OtherBlock"] = None
    other_row_block: Optional[str] = None


def _trim_padding(values: list, n: int) -> list:
    """A row with more values than columns whose extra cells are empty at its start or end: the
    empty cells are padding (a converter's cell for a merged label, or the row padded to the table's
    width; an empty cell standing for a rowspan before the next row's label ends the row before it)."""
    values = list(values)
    while len(values) > n and values[0][1].kind == "blank":
        values.pop(0)
    while len(values) > n and values[-1][1].kind == "blank":
        values.pop()
    return values


#: (id(table spec), id(block)) -> (spec, block, {label text: RowSpec or None}, {label text: column
#: specs}, {header label keys: the block's leaf columns in written order}); the spec and block are
#: kept so that their ids cannot be reused while the entry lives (see _Aligner._memo)
_SPEC_MEMO: dict[tuple[int, int], tuple[Any, Any, dict[str, Optional[RowSpec]], dict[str, tuple],
                                        dict[tuple[str, ...], tuple[ColumnSpec, ...]]]] = {}


class _Aligner:
    """Walk the cells of one table and align values to the edition's rows and columns."""

    def __init__(self, source: Source, spec: TableSpec, section: Optional[int],
                 foreign: Sequence[RowSpec] = (), others: Optional["_OtherLabels"] = None) -> None:
        self.source = source
        self.spec = spec
        # the labels only other editions' blocks of this table use (table 二), and the block being read
        # in another edition (its rows are not read into this edition's columns), if any
        self.others = others
        self.other: Optional[_OtherBlock] = None
        self.other_blocks: list[_OtherBlock] = []
        # (the column order, the label as written of each of its unknown columns), see _finish_header
        self._unknown_labels: Optional[tuple[list, list]] = None
        # sub-rows another edition splits one of this edition's data rows into (the 2021 （六）其他处理
        # 1./2./3. in a 2019 table 三): read as parts of that row, not as unknown rows
        self.foreign = tuple(foreign)
        self.foreign_rows: list[tuple[RowSpec, RawCell, list[tuple[RawCell, CellValue]]]] = []
        self.last_row: Optional[str] = None  # id of the data row opened last (a foreign sub-row: its parent)
        self.section = section
        self.block: Optional[BlockSpec] = spec.blocks[0] if len(spec.blocks) == 1 else None
        self.header: list[tuple[str, RawCell]] = []
        self.unknown_header: list[tuple[int, RawCell]] = []
        self.order: Optional[list[Optional[ColumnSpec]]] = None
        self.phase = "header"
        self.row: Optional[_OpenRow] = None
        self.rows: list[Row] = []
        self.unknown_rows: list[Row] = []
        self.unknown_columns: list[Cell] = []
        self.stray: list[Cell] = []
        self.seen_columns: dict[Optional[str], dict[str, None]] = {}  # block -> column ids in written order
        self.header_recognised = True
        self.col_keys = {k for b in spec.blocks for c in b.columns for k in c.keys()}
        self.label_col = key(spec.label_column) if spec.label_column else None
        self.captions = {key(b.caption): b for b in spec.blocks if b.caption}
        self.plans: list[recover.Plan] = []  # rows of run-together digits, split in finish()
        self.notes: list[LabelNote] = []  # labels read despite a fill-in note after them
        self._span = source.span
        # the header's corner cell (the heading of the row labels: the format's, or a word in its
        # place, see _corner) read, and its key if it may be the first of two words: a second is not one
        self.corner: Optional[tuple[RawCell, str]] = None

    # -- lookups
    def _row_spec(self, text: str) -> tuple[Optional[RowSpec], str]:
        """The row labelled ``text``, and the fill-in note written after its label ("" if none)."""
        memo = self._memo(self.block)[0]
        found = memo.get(text)
        if found is None:
            if len(memo) > 20000:
                memo.clear()
            found = memo[text] = self._find_row_spec(text)
        return found

    def _memo(self, block: Optional[BlockSpec]) -> tuple[dict, dict, dict]:
        """What the aligner looks up for this table spec and ``block`` — row specs and column specs by
        label text, leaf orders by header — remembered across tables and reports (the answers depend
        on these only, and the same labels and headers come back in every report)."""
        slot = (id(self.spec), id(block))
        entry = _SPEC_MEMO.get(slot)
        if entry is None or entry[0] is not self.spec or entry[1] is not block:
            if len(_SPEC_MEMO) > 256:
                _SPEC_MEMO.clear()
            entry = _SPEC_MEMO[slot] = (self.spec, block, {}, {}, {})
        return entry[2], entry[3], entry[4]

    def _find_row_spec(self, text: str, numbered: bool = True) -> tuple[Optional[RowSpec], str]:
        """(``numbered``: ``text`` may start with the row's number, written before its label.)"""
        k, b = key(text), bare_key(text)
        blocks = ([self.block] if self.block is not None else []) + [x for x in self.spec.blocks if x is not self.block]
        for blk in blocks:
            for r in blk.rows:
                if b in r.keys() or k in r.keys():
                    return r, ""
        # composite label: "三、本年度办理结果(一)予以公开"; or a label with a fill-in note after it
        # (“规章(设区的市、自治州人民政府应提供相关数据)”, as 湖北 reports keep the template's notes): the
        # row, and the note (unless it is the beginning of the template's own note, as a label cut
        # short by a PDF's line gives it: “(二)部分公开(区分处理的”)
        best: Optional[RowSpec] = None
        best_len = 0
        best_note = ""
        for blk in blocks:
            for r in blk.rows:
                for rk in r.keys():
                    if len(rk) < 2 or len(rk) <= best_len:
                        continue
                    if k.endswith(rk) or b.endswith(rk):
                        prefix = (k if k.endswith(rk) else b)[: -len(rk)]
                        if self._is_group_prefix(prefix):
                            best, best_len, best_note = r, len(rk), ""
                            continue
                    if b.startswith(rk) and b[len(rk):len(rk) + 1] == "(" and not numbering(b[len(rk):]):
                        # a note, not the next item "(一)予以公开"
                        note = note_after(b, rk, bare_key(r.label))
                        if note is not None:
                            best, best_len, best_note = r, len(rk), note
        if best is None and numbered and text[:1] in _SERIAL_FIRST and (m := _ROW_NUMBER.match(text)) is not None:
            # the row's number written before its label in the label's cell (a 序号 column joined to
            # the labels: ``5 1.属于国家秘密``, ``十一 （二）部分公开``, ``3.（一）予以公开``)
            found = self._find_row_spec(text[m.end():], False)
            if found[0] is not None:
                return found
        return best, self._written_note(text, best_note) if best_note else ""

    @staticmethod
    def _written_note(text: str, note: str) -> str:
        """The note ``note`` (a key) as ``text`` writes it: the shortest ending of ``text`` from a
        bracket whose key is ``note`` (full-width brackets and all); ``note`` itself if none is."""
        for i in range(len(text) - 1, -1, -1):
            if text[i] in "(（" and key(text[i:]) == note:
                return text[i:].strip()
        return note

    def _foreign_row(self, k: str) -> Optional[RowSpec]:
        """The foreign sub-row (see ``self.foreign``) labelled ``k``, written right after its parent
        row or a sibling, or with the parent's label before its own (“（六）其他处理 1.申请人…”)."""
        b = strip_numbering(k) or k
        for sub in self.foreign:
            parent = self.spec.row(sub.parent) if sub.parent else None
            if parent is None:
                continue
            if b in sub.keys() or k in sub.keys():
                if self.last_row == sub.parent:
                    return sub
                continue
            for sk in sub.keys():
                if len(sk) < 2 or not k.endswith(sk):
                    continue
                prefix = _TRAILING_NUMBER.sub("", k[: -len(sk)])
                for pk in parent.keys():
                    if prefix.endswith(pk) and self._is_group_prefix(prefix[: -len(pk)]):
                        return sub
        return None

    def _is_group_prefix(self, prefix: str) -> bool:
        # ``prefix`` is already a key: strip numbers without re-keying (key() drops a trailing "1.")
        rest = strip_numbering(prefix)
        groups = [r for r in self.spec.rows() if r.group]
        while rest:
            for g in groups:
                for gk in g.keys():
                    if rest.startswith(gk):
                        rest = strip_numbering(rest[len(gk):])
                        break
                else:
                    continue
                break
            else:
                # the row's number written between its group's label and its own (a 序号 column joined
                # to the labels: ``（三）不予公开 五 1.属于国家秘密``)
                m = _SERIAL_START.match(rest)
                return rest != prefix and m is not None and not strip_numbering(rest[m.end():])
        return True

    def _column_specs(self, text: str) -> tuple[tuple[ColumnSpec, ...], str, str]:
        """The columns labelled ``text``; the key of their label as the format writes it; and the
        fill-in note written after it ("" if none)."""
        memo = self._memo(self.block)[1]
        found = memo.get(text)
        if found is None:
            if len(memo) > 20000:
                memo.clear()
            found = memo[text] = self._find_column_specs(text)
        return found

    def _find_column_specs(self, text: str) -> tuple[tuple[ColumnSpec, ...], str, str]:
        k = key(text)
        blocks = [self.block] if self.block is not None else list(self.spec.blocks)
        exact = tuple(c for blk in blocks for c in blk.columns if k in c.keys())
        if exact or "(" not in k:
            return exact, k, ""
        # a label with a fill-in note after it (“本年制发件数(以文件印发日期为准)”): the columns of the
        # longest official label it starts with
        best: list[ColumnSpec] = []
        best_key, note = "", ""
        for blk in blocks:
            for c in blk.columns:
                for ck in c.keys():
                    if len(ck) < max(2, len(best_key)) or not k.startswith(ck):
                        continue
                    if ck == best_key:
                        if c not in best:
                            best.append(c)
                        continue
                    found = note_after(k, ck, key(c.label))
                    if found is not None:
                        best, best_key, note = [c], ck, found
        if not best:
            return (), k, ""
        best_t = tuple(best)
        return best_t, best_key, self._written_note(text, note) if note else ""

    # -- row lifecycle
    def _columns_for(self, block: Optional[BlockSpec]) -> list[Optional[ColumnSpec]]:
        if self.order is None:
            self._finish_header(block)
        assert self.order is not None
        return self.order

    def _finish_header(self, block: Optional[BlockSpec]) -> None:
        blk = block or self.block or self.spec.blocks[0]
        # the order depends on the block, the header's label keys and the lines they stand on only
        orders = self._memo(blk)[2]
        text = self.source.text
        cells = [c for _, c in self.header]
        keys = (tuple(k for k, _ in self.header),
                tuple(text.count("\n", a.end, b.start) for a, b in zip(cells, cells[1:])))
        hit = orders.get(keys)
        if hit is None:
            if len(orders) > 4096:
                orders.clear()
            header = [h for h in self.header if any(h[0] in c.keys() for c in blk.columns)]
            hit = orders[keys] = tuple(_leaf_order(blk, header, self.spec.summed_groups(), self._header_lines(header)))
        leaves = list(hit)
        if leaves and self.unknown_header and self.others is not None and self.others.renamed \
                and self._renamed_columns(blk, leaves):
            self._finish_header(block)
            return
        if leaves and len(self.unknown_header) >= 2 and self._broken_header(blk, leaves):
            leaves = []  # (the header as unreadable: the format's own order, GL212)
        if not leaves and self.others is not None and self.unknown_header and self._other_header(blk):
            return
        if not leaves:
            # header missing or unreadable: assume the format's own order, and say so (GL212)
            self.header_recognised = self._stacked_header(blk)
            self.order = list(blk.leaves())
            self.unknown_header.clear()
        else:
            order: list[Optional[ColumnSpec]] = list(leaves)
            written: list[Optional[str]] = [None] * len(order)  # the label of each unknown column
            short = _short_keys(blk, self.header) if self.unknown_header else set()
            for idx, cell in self.unknown_header:
                at = self._unknown_column_at(blk, order, cell)
                order.insert(at, None)
                written.insert(at, cell.text.strip())
                # written in the place of a column whose shared label is missing there (其他结果 of
                # 行政复议 replaced by 调解结案): that column is not in the header, the unknown one is
                for nb in (at + 1, at - 1):
                    c = order[nb] if 0 <= nb < len(order) else None
                    if c is not None and any(k in short for k in c.keys()):
                        del order[nb]
                        del written[nb]
                        short -= set(c.keys())
                        break
                self.unknown_columns.append(self._cell(cell, parse_cell(cell.text)))
            self.order = order
            if self.unknown_header:
                self._unknown_labels = (order, written)
        self.seen_columns.setdefault(blk.id, {}).update(dict.fromkeys(c.id for c in self.order if c is not None))
        self.unknown_header = []

    def _header_lines(self, header: Sequence[tuple[str, RawCell]]) -> Optional[tuple[int, ...]]:
        """The line of each label of ``header`` (0 for the first), when the header is written a row a
        line (two labels share a line; one label a line tells no rows); else None."""
        if len(header) < 2:
            return None
        text = self.source.text
        lines = [0]
        shared = False
        for (_, a), (_, b) in zip(header, header[1:]):
            n = text.count("\n", a.end, b.start)
            shared = shared or not n
            lines.append(lines[-1] + n)
        return tuple(lines) if shared else None

    def _renamed_columns(self, blk: BlockSpec, leaves: list[ColumnSpec]) -> bool:
        """A header of block ``blk`` with this edition's labels and a label a later edition gives one of
        the block's columns (本年处理决定数量, 2021's name of the 2019 处理决定数量): that label is read as
        this edition's column (as this edition's 2021 row names are read as its rows), if the header has
        not that column already. Whether it was: a block wholly in the later edition is
        :meth:`_other_header`'s."""
        renamed = self.others.renamed if self.others is not None else {}
        kept: list = []
        shift = 0
        for idx, cell in self.unknown_header:
            hit = renamed.get(key(cell.text), {}).get(blk.id)
            if hit is None or hit in leaves:
                kept.append((idx + shift, cell))
                continue
            self.header.insert(idx + shift, (key(hit.label), cell))
            shift += 1
            leaves.append(hit)
        if not shift:
            return False
        self.unknown_header = kept
        return True

    def _other_header(self, blk: BlockSpec) -> bool:
        """A header of block ``blk`` without a label of this edition but with column labels only
        another edition uses (本年新制作数量 … in a 2021 table 二): the block is written in that edition.
        Its rows are read as such (see :meth:`_other_label`); labels of no edition stay unknown."""
        others = self.others
        assert others is not None
        hits = [(cell, others.columns.get(key(cell.text))) for _, cell in self.unknown_header]
        first = next(((cell, h) for cell, h in hits if h is not None), None)
        if first is None:
            return False
        cell, (edition, block) = first
        self._start_other(edition, block, blk, cell)
        assert self.other is not None
        self.other.labels += [c.text.strip() for c, h in hits if h is not None]
        if all(h is not None and h[0] == edition for _, h in hits):
            self.other.columns = self._other_columns(others.blocks.get((edition, blk.id)), blk,
                                                     [c for c, _ in hits])
        self.unknown_columns += [self._cell(c, parse_cell(c.text)) for c, h in hits if h is None]
        self.unknown_header = []
        self.order = list(blk.leaves())
        self.seen_columns.setdefault(blk.id, {}).update(dict.fromkeys(c.id for c in self.order))
        return True

    @staticmethod
    def _other_columns(theirs: Optional[BlockSpec], blk: BlockSpec, header: list[RawCell]) -> list:
        """The columns of this edition's block ``blk`` that a header of the other edition's block of the
        same id (``theirs``) names, in written order (None for a column ``blk`` has not), the format
        giving a column the same id in both editions where it is the same column (2019 处理决定数量 is
        2021's 本年处理决定数量; 上一年项目数量 has no 2021 column); empty unless every column of
        ``blk`` is named once and the header reads as ``theirs``'s columns, one a label."""
        if theirs is None:
            return []
        order = _leaf_order(theirs, [(key(c.text), c) for c in header])
        if len(order) != len(header):
            return []
        mine = [blk.column(c.id) for c in order]
        mine = [c if c is not None and not c.group else None for c in mine]
        leaves = blk.leaves()
        if sorted(c.id for c in mine if c is not None) != sorted(c.id for c in leaves):
            return []
        return mine

    def _unknown_column_at(self, blk: BlockSpec, order: list[Optional[ColumnSpec]], cell: RawCell) -> int:
        """Where in ``order`` (the leaf columns read so far) the column of an unknown header label
        goes: after the known label written just before it in its header row, or, when it opens
        its row, before the known label just after it (“小计 | 商业企业 | …”); a group label stands
        for its columns (“法人或其他组织 | 小计 | 总计”: after 其他, the group's last). Rows are
        lines; in a header written one label a line they end at a line of pipes only (as pages
        scraped one cell a line mark them). Failing both, after the nearest known label before it."""
        known = self.header
        before = [(k, c) for k, c in known if c.start < cell.start]
        after = [(k, c) for k, c in known if c.start > cell.start]
        if before and self._same_header_row(before[-1][1], cell):
            at = self._leaf_hits(blk, order, before[-1][0])
            if at:
                return self._nth(order, at, known, before[-1]) + 1
        if after and self._same_header_row(cell, after[0][1]):
            at = self._leaf_hits(blk, order, after[0][0])
            if at:
                return self._nth(order, at, known, after[0], first=True)
        for pk, _ in reversed(before):
            at = self._leaf_hits(blk, order, pk)
            if at:
                return at[-1] + 1
        return 0

    @staticmethod
    def _nth(order: list[Optional[ColumnSpec]], hits: list[int], header: Sequence[tuple[str, RawCell]],
             label: tuple[str, RawCell], first: bool = False) -> int:
        """The place among ``hits`` of the column the header cell ``label`` heads: a label several
        leaf columns share (结果纠正 under each group of table 四) heads the n-th of them at its n-th
        writing; a group label (all its leaves in ``hits``) its last leaf, or its first (``first``)."""
        k, cell = label
        c = order[hits[0]]
        if len(hits) > 1 and c is not None and k in c.keys():
            n = sum(1 for hk, hc in header if hk == k and hc.start < cell.start)
            return hits[min(n, len(hits) - 1)]
        return hits[0] if first else hits[-1]

    @staticmethod
    def _leaf_hits(blk: BlockSpec, order: list[Optional[ColumnSpec]], k: str) -> list[int]:
        """The places in ``order`` of the leaf columns labelled ``k``, or of the leaves under the
        group labelled ``k``."""
        hits = [i for i, c in enumerate(order) if c is not None and k in c.keys()]
        if hits:
            return hits
        groups = {g.id for g in blk.columns if g.group and k in g.keys()}
        if not groups:
            return []

        def under(c: ColumnSpec) -> bool:
            p = c.parent
            while p is not None:
                if p in groups:
                    return True
                parent = blk.column(p)
                p = parent.parent if parent is not None else None
            return False

        return [i for i, c in enumerate(order) if c is not None and under(c)]

    def _broken_header(self, blk: BlockSpec, leaves: Sequence[Optional[ColumnSpec]]) -> bool:
        """Is the header a few of the format's labels among pieces of the others — two or more of its
        unknown cells a single character that starts a label missing from it (自 of 自然人, 总 of 总计:
        a header extracted from a PDF column by column, its labels' characters scattered)? Such a
        header says nothing of the columns' order; what it found of them is no reading either."""
        found = {c.id for c in leaves if c is not None}
        starts = {c.label[:1] for c in blk.leaves() if c.id not in found and c.label}
        pieces = [cell for _, cell in self.unknown_header if len(cell.text.strip()) == 1]
        return len(pieces) >= 2 and sum(cell.text.strip() in starts for cell in pieces) >= 2

    def _stacked_header(self, blk: BlockSpec) -> bool:
        """Is the header the format's, its column labels written one character a line (columns too
        narrow for a word: text extracted from a PDF, ``结 结 其 尚 总`` / ``果 果 他 未 计`` / …)? Read
        without its group labels (``未经复议直接起诉``, whole or wrapped), the header's lines hold
        each label's characters one a line, in order, and nothing else; every label read whole. (A
        character set a little higher than its neighbours may come earlier on its line or on the
        line above: pdftotext -layout's ``未结  计``.)"""
        cells = sorted([c for _, c in self.header] + [c for _, c in self.unknown_header], key=lambda c: c.start)
        leaves = [c.label for c in blk.leaves()]
        if len(cells) < len(leaves) or len([c for c in cells if len(c.text.strip()) <= 2]) * 2 < len(cells):
            return False  # (cheap: only a header mostly of single characters)
        groups = [k for c in blk.columns if c.group for k in c.keys()]
        text = self.source.text
        lines: list[str] = []
        rests: list[str] = []  # the rest of a group label wrapped over lines
        prev = None
        for c in cells:
            k = key(c.text)
            if k in groups or k in rests:
                if k in rests:
                    rests.remove(k)
                continue
            head = next((g for g in groups if len(k) >= 3 and g.startswith(k)), None)
            if head is not None:
                rests.append(head[len(k):])
                continue
            piece = "".join(c.text.split())
            if prev is not None and "\n" not in text[prev.end:c.start]:
                lines[-1] += piece
            else:
                lines.append(piece)
            prev = c
        if sum(map(len, lines)) != sum(map(len, leaves)):
            return False
        # the labels of one group (结果维持 … 总计 of 行政复议) come in their order on a line: a header
        # with two of them swapped is not the format's
        parents = {c.parent for c in blk.leaves()}
        group_of = [sorted(parents, key=str).index(c.parent) for c in blk.leaves()]
        done = [0] * len(leaves)
        steps = [0]
        failed: set = set()

        def place(n: int, at: int, last: tuple) -> bool:
            # the character ``at`` of line ``n``: the next one of a label after the last one of its
            # group on this line (``last``: the index of that label in each group, -1: none yet)
            if n == len(lines):
                return all(d == len(lb) for d, lb in zip(done, leaves))
            if at == len(lines[n]):
                return place(n + 1, 0, (-1,) * len(parents))
            state = (n, at, tuple(done), last)
            steps[0] += 1
            if state in failed or steps[0] > 5000:
                return False
            ch = lines[n][at]
            for i, lb in enumerate(leaves):
                g = group_of[i]
                if i > last[g] and done[i] < len(lb) and lb[done[i]] == ch:
                    done[i] += 1
                    if place(n, at + 1, last[:g] + (i,) + last[g + 1:]):
                        return True
                    done[i] -= 1
            failed.add(state)
            return False

        return place(0, 0, (-1,) * len(parents))

    def _same_header_row(self, a: RawCell, b: RawCell) -> bool:
        """Are header cells ``a`` and then ``b`` in one row of the header? On one line, yes; on two,
        only in a header written one label a line, with no line of pipes only between them."""
        between = self.source.text[a.end:b.start]
        if "\n" not in between:
            return True
        cells = sorted([c for _, c in self.header] + [c for _, c in self.unknown_header], key=lambda c: c.start)
        text = self.source.text
        if any("\n" not in text[x.end:y.start] for x, y in zip(cells, cells[1:])):
            return False  # several labels on a line: its lines are its rows
        inner = between.split("\n")[1:-1]
        return not any(ln.strip() and not ln.strip().strip("|｜") for ln in inner)

    def _cell(self, raw: RawCell, v: CellValue, row: Optional[str] = None, column: Optional[ColumnSpec] = None) -> Cell:
        # every field positional (see model.maker): a few hundred cells per report
        if column is None:
            return _new_cell(raw.text, self._span(raw.start, raw.end), v.kind, v.value, v.unit, v.is_integer_text, row,
                             None, None, False, False, None, v.note)
        if (v.kind == "number" and v.unit is not None and v.unit[:1] in "余多") \
                or (v.kind == "text" and _APPROX.search(raw.text)):
            # 约3, 3余, 10多件, 3+: an approximate figure, no count (GL208); not added up as if it were one
            return _new_cell(raw.text, self._span(raw.start, raw.end), "text", None, None, False, row, column.id,
                             column.label, False, False, "approximate", None)
        if v.kind == "text" and raw.text and raw.text.strip()[:1] in _CN_NUMERAL_START:
            cn = chinese_figure(raw.text)
            if cn is not None:  # 三, 十二件: the count written in Chinese numerals (GL208 says so)
                return _new_cell(raw.text, self._span(raw.start, raw.end), "number", cn[0], cn[1], True, row, column.id,
                                 column.label, False, False, "chinese_numeral", None)
        if column.integer and not v.is_integer_text and v.kind == "number" and _POINT_GROUPED.fullmatch(raw.text):
            # 1.234 in a column of counts: the point groups thousands (OCR, a European locale)
            value = int(re.sub(r"[^0-9０-９]", "", raw.text).translate(_FW_DIGITS))
            return _new_cell(raw.text, self._span(raw.start, raw.end), v.kind, -value if v.value < 0 else value, v.unit,
                             True, row, column.id, column.label, False, False, "point_grouping", v.note)
        return _new_cell(raw.text, self._span(raw.start, raw.end), v.kind, v.value, v.unit, v.is_integer_text, row,
                         column.id, column.label, False, False, None, v.note)

    def _close_row(self) -> None:
        r = self.row
        self.row = None
        if r is None:
            return
        if r.foreign is not None:
            self.foreign_rows.append((r.foreign, r.label, list(r.values)))
            return
        if r.other:  # a row of a block in another edition: there, not read into this edition's columns
            if r.spec is None and r.other_row is not None and r.other_block is not None:
                # a row this edition does not have: kept with its block (its figures as written)
                r.other_block.rows.append(Row(r.other_row.id, r.label.text, self._span(r.label.start, r.label.end),
                                              (), r.other_row_block, "other_edition",
                                              tuple(self._cell(c, v) for c, v in r.values)))
            if r.spec is not None:
                owner = self.spec.block_of_row(r.spec.id) if len(self.spec.blocks) > 1 else r.block
                ob = r.other_block
                cols = ob.columns if ob is not None and owner is not None and owner.id == ob.block else []
                values = _trim_padding(r.values, len(cols)) if cols and len(r.values) > len(cols) else r.values
                if cols and len(values) == len(cols) and r.other_row is None:
                    # its header names every column of this edition's block: its figures are read into
                    # them (a figure of a column this edition has not is left out)
                    assert ob is not None and owner is not None
                    cells = tuple(self._cell(c, v, r.spec.id, col) for (c, v), col in zip(values, cols)
                                  if col is not None)
                    self.rows.append(_new_row(r.spec.id, r.label.text, self._span(r.label.start, r.label.end),
                                              cells, owner.id, None, cells, None, None))
                    ob.read = True
                    return
                self.rows.append(Row(r.spec.id, r.label.text, self._span(r.label.start, r.label.end), (),
                                     owner.id if owner is not None else None, "other_edition",
                                     tuple(self._cell(c, v, r.spec.id) for c, v in r.values)))
            return
        cols = self._columns_for(r.block)
        plan = None
        if recover.has_run(r.values):  # digits run together (flattened page text): see govlint.recover
            pieces = recover.pieces(r.values)
            r.values = [(p.raw, p.value) for p in pieces]
            if r.spec is not None and not r.spec.group and len(pieces) < len(cols):
                plan = recover.Plan(len(self.rows), r.spec.id, pieces, list(cols))
        if len(r.values) > len(cols):
            r.values = _trim_padding(r.values, len(cols))
        if len(r.values) > len(cols) and r.spec is not None and not r.spec.group:
            # a row written on its line, and a figure alone on a line of its own between it and the next
            # row or the header (a page number OCR or a PDF left there): not the row's; GL211 reports it
            alone = [self._alone(c) for c, _ in r.values]
            k = len(r.values) - len(cols)
            for kept, extra, flags in ((r.values[:-k], r.values[-k:], alone[-k:]), (r.values[k:], r.values[:k], alone[:k])):
                if all(flags) and sum(alone) == k:  # (also before the row: table 四's, after its header)
                    r.values = kept
                    self.stray.extend(self._cell(c, v) for c, v in extra)
                    break
        if len(r.values) < len(cols) and r.spec is not None and not r.spec.group and r.values \
                and r.values[-1][0].spaced and "\t" in self.source.text[r.label.end:r.values[-1][0].start]:
            r.values = self._tab_blanks(r.label, r.values, len(cols))
        if r.values and r.values[-1][1] is _LAST_BLANK and None in cols \
                and len(r.values) - 1 == len(cols) - cols.count(None):
            r.values = r.values[:-1]  # padding after the row's last figure (see _LAST_BLANK)
        if len(r.values) != len(cols) and None in cols and len(r.values) == len(cols) - cols.count(None):
            # the header has labels the format does not know (GL205) but the row has a value for each
            # known column only: the unknown labels head no values of their own (a reworded group
            # label over its columns, a heading cell), so the values are the known columns'
            cols = [c for c in cols if c is not None]
        label_span = self.source.span(r.label.start, r.label.end)
        label_text = r.label.text
        aligned = r.spec is not None and not r.spec.group and not r.group_with_values and len(r.values) == len(cols) \
            and plan is None
        if aligned:  # the usual case: the written values are the aligned cells (made once)
            cell, rid = self._cell, r.spec.id
            cells = tuple([cell(c, v, rid, col) for (c, v), col in zip(r.values, cols)])
            if None in cols:  # a column the format does not know: its cells carry its label as written
                known = self._unknown_labels
                if known is not None and known[0] is cols:
                    cells = tuple(attrs.evolve(x, column_label=known[1][i]) if col is None else x
                                  for i, (x, col) in enumerate(zip(cells, cols)))
            self.rows.append(_new_row(r.spec.id, label_text, label_span, cells, r.block.id if r.block else None,
                                      None, cells, None, None))
            return
        raw_values = tuple(self._cell(c, v, r.spec.id if r.spec else None) for c, v in r.values)
        if plan is not None and not r.group_with_values:
            self.plans.append(plan)
            self.rows.append(Row(r.spec.id, label_text, label_span, (), r.block.id if r.block else None,
                                 "too_few", raw_values))
            return
        if r.spec is None:
            if not r.values and label_text.lstrip()[:1] in _NOTE_INITIALS and _TABLE_NOTE.match(label_text):
                return  # a note under the table in a cell of its own (注：本表数据…): no row
            self.unknown_rows.append(Row(None, label_text, label_span, (), r.block.id if r.block else None,
                                         None, raw_values))
            return
        if r.spec.group and not r.values:
            return
        if r.group_with_values:
            problem = "group_has_values"
        elif len(r.values) < len(cols):
            problem = "too_few"
        else:
            problem = "too_many"
        self.rows.append(Row(r.spec.id, label_text, label_span, (), r.block.id if r.block else None,
                             problem, raw_values))

    def _tab_blanks(self, label: RawCell, values: list, n: int) -> list:
        """A row of a table copied as tab-separated text (from a web page, Word or a spreadsheet)
        writes an empty cell as nothing between two tabs, which a split at blanks loses: the row's
        values with a blank cell put in for each such field — between its cells, then after its last
        one — when that makes the row exactly ``n`` cells; else the values as they were."""
        text = self.source.text
        out: list = []
        at = label.end
        if not label.text:  # table 四's row, no label: the fields before its first figure are empty
            at = text.rfind("\n", 0, values[0][0].start) + 1
            gap = text[at:values[0][0].start]
            if gap and not gap.strip("\t"):
                out.extend((RawCell("", at + k, at + k, True), _BLANK) for k in range(len(gap)))
                at = values[0][0].start
        for raw, v in values:
            gap = text[at:raw.start]
            if len(gap) > 1 and not gap.strip("\t"):  # tabs alone: one field more than one tab is empty
                out.extend((RawCell("", at + k, at + k, True), _BLANK) for k in range(1, len(gap)))
            out.append((raw, v))
            at = raw.end
        if len(out) < n:
            end = text.find("\n", at)
            tail = text[at:len(text) if end == -1 else end].rstrip("\r")
            if tail and not tail.strip("\t") and len(out) + len(tail) >= n:
                # (more tabs than empty cells: the fields of a figure merged across columns)
                out.extend((RawCell("", at + k, at + k, True), _BLANK) for k in range(1, n - len(out) + 1))
        # a label merged across columns (三、本年度办理结果's rows: the label's columns, one field
        # each) leaves empty fields between it and the first value: theirs, not the row's cells
        while len(out) > n and out[0][1] is _BLANK and out[0][0].start < values[0][0].start:
            del out[0]
        return out if len(out) == n else values

    def _alone(self, raw: RawCell) -> bool:
        """Is ``raw`` all there is on its line (cell marks aside)?"""
        text = self.source.text
        a = text.rfind("\n", 0, raw.start) + 1
        b = text.find("\n", raw.end)
        line = text[a:] if b == -1 else text[a:b]
        return line.strip(" \t\r\f\u3000|｜") == raw.text.strip()

    def feed(self, raw: RawCell, v: CellValue) -> None:
        if v.kind in _VALUE_KINDS:
            row = self.row
            if v.kind != "blank" and row is not None and (row.spec is None or not row.spec.group):
                row.values.append((raw, v))  # the usual value (as _value does, without the call)
                return
            self._value(raw, v)
            return
        k = key(raw.text)
        if k.lstrip("(").startswith(_NOTE_KEY):
            self.corner = (raw, "")
            return
        if k[-1:] == ")" and len(k) >= 6 and _NOTE_WHOLE.endswith(k):
            # the rest of the 勾稽 note, its cell's text broken over two lines (…第一项加第 / 二项之和…）):
            # its first line a cell of its own, or a line before the table
            self.corner = (raw, "")
            return
        if self.label_col and k == self.label_col:
            if self.phase != "header" and len(self.spec.blocks) > 1:
                # the label column's head after rows: the next block's header, its caption left out
                # (which block, the first row says); its labels are read as a header even when one
                # of them is not the format's (an unknown column, not an unknown row)
                self._close_row()
                self.block = None
                self.phase, self.header, self.order = "header", [], None
                self.other = None
            self.corner = (raw, "")
            return
        caption = self.captions.get(k)
        if caption is None and k[:1] == "第" and "(" in k:
            caption = self._caption(raw, k)
        if caption is not None:
            self._close_row()
            self.block = caption
            self.phase = "header"
            self.corner = None
            self.header, self.order = [], None
            self.other = None
            return
        if self.others is not None and self._other_label(raw, k):
            return
        cols, col_key, col_note = self._column_specs(raw.text)
        row_spec, row_note = self._row_spec(raw.text)
        if not cols and row_spec is None:
            # a label OCR misread (子以公开, 公幵, (=)部分公开, l.属于国家秘密): read as the format's,
            # GL215 names the look-alikes
            folded = lookalike_fold(raw.text)
            if folded != raw.text:
                cols, col_key, col_note = self._column_specs(folded)
                row_spec, row_note = self._row_spec(folded)
            if not cols and row_spec is None and not (self.foreign and self._foreign_row(k) is not None):
                # one character misread (自然入, 其他结杲, 行政许叫): the one label of the table that
                # differs from it in that character alone
                near = self._near_label(key(folded))
                if near is not None:
                    folded = near
                    cols, col_key, col_note = self._column_specs(near)
                    row_spec, row_note = self._row_spec(near)
            if cols or row_spec is not None:
                self._lookalike_note(raw, folded, row_spec, cols[0] if cols else None)
        in_header = self.phase == "header"
        if row_spec is None and self.foreign and not in_header:
            sub = self._foreign_row(k)
            if sub is not None:
                self._open(raw, None)
                assert self.row is not None
                self.row.foreign = sub
                self.last_row = sub.parent
                return
        if not cols and row_spec is None and self.block is not None and k in self.col_keys:
            # a column of another block: that block's header, its caption left out (which block it
            # is, the first row says: see _open)
            corner = self._corner_row(raw)
            self._close_row()
            self.block = None
            self.phase, self.header, self.order = "header", [(k, raw)], None
            self.other = None
            self.corner = corner
            return
        if cols and (in_header and (row_spec is None or col_key in self.col_keys) or row_spec is None):
            if not in_header:  # a new header (e.g. the next block of table 二 without its caption)
                corner = self._corner_row(raw)
                self._close_row()
                self.phase, self.header, self.order = "header", [], None
                self.other = None
                self.corner = corner
            self.header.append((col_key, raw))
            if col_note:
                self._note(raw, col_note, cols[0].label, column=cols[0].id)
            return
        if row_spec is not None:
            self._open(raw, row_spec)
            if row_note:
                self._note(raw, row_note, row_spec.label, row=row_spec.id)
            return
        # unrecognised text
        if self.row is not None and self.row.spec is not None and not self.row.spec.group and self.order is not None \
                and len(self.row.values) < len(self.order) and len(k) <= 6:
            self.row.values.append((raw, v))  # a word where a number should be (e.g. 不详)
            return
        if self.row is None and self.spec.implicit_row is not None and _misread_figure(raw.text):
            self._value(raw, v)  # the first figure of a row without a label (table 四), misread: l for 1
            return
        if in_header and self.row is None:
            implicit = self.spec.implicit_row
            if implicit is not None and (_COUNT_LABEL.match(k) or k in implicit.keys()) and self._header_read() \
                    and not self.source.text[self.source.text.rfind("\n", 0, raw.start) + 1:raw.start].strip(" \t\u3000|｜"):
                # the label of a table's one row without a label in the format (table 四's cases),
                # written in a label column the reporter added (“数量”), opening its line: that row opens
                self.phase = "body"
                self._finish_header(self.block)
                self.row = _OpenRow(implicit, raw, self.block)
                return
            if not self._corner(raw, k):
                self.unknown_header.append((len(self.header), raw))
            return
        self._open(raw, None)

    def _corner_row(self, raw: RawCell) -> Optional[tuple[RawCell, str]]:
        """A header begins at ``raw`` after rows: the row just opened, without figures, by a corner word
        right before ``raw`` (“项目 | 本年处理决定数量”, a block of table 二 without its caption) is the
        new header's corner cell, not a row (it is dropped); the corner cell, if so."""
        row = self.row
        if row is None or row.spec is not None or row.values or row.foreign is not None or row.other:
            return None
        label = row.label
        k = key(label.text)
        if label.end > raw.start or self.source.text[label.end:raw.start].strip(" \t\n\r\u3000|｜") or \
                not (_corner_word(k) or self._label_word(k, rows_only=True)):
            return None
        self.row = None
        return (label, "")

    def _corner(self, raw: RawCell, k: str) -> bool:
        """Read the header text ``raw`` (key ``k``) as the table's corner cell if it is one (see
        :meth:`_corner_cell`), and the header has none yet."""
        corner = self.corner
        if corner is not None:
            # the second word of a diagonal corner cell, split from the first by spaces (“项目 申请人”)
            first, k0 = corner
            if not k0 or first.end > raw.start or self.source.text[first.end:raw.start].strip(" \u3000") or \
                    not self._corner_words(k0, k):
                return False
            self.corner = (raw, "")
            return True
        if not self._corner_cell(raw, k):
            return False
        self.corner = (raw, k)
        return True

    def _corner_cell(self, raw: RawCell, k: str) -> bool:
        """Is the header text ``raw`` (key ``k``), which labels no column, the table's corner cell, the
        heading of its row labels (as 信息内容 is table 二's)? It opens its header row, and it is a
        corner word (项目, 类别, 统计指标: :func:`_corner_word`) or a word of the table's row labels
        (办理结果); or, the header's first cell, two words as a corner cell with a diagonal border
        holds them, one over the row labels and one over the columns, each a corner word or a word
        of the table's labels (“申请人情况/办理结果”, “项目 申请人”: in either order, with a slash, a
        backslash, a line break, spaces or nothing between). Any other word stays an unknown column."""
        before = [c for _, c in self.header if c.start < raw.start] + \
            [c for _, c in self.unknown_header if c.start < raw.start and key(c.text) not in _SERIAL_HEADS]
        if len(k) < 2 or len(k) > 24:
            return False
        if before and self._same_header_row(max(before, key=lambda c: c.start), raw):
            # the second word of a diagonal corner cell, read as a cell of its own after the first
            # (the header's first cell, a space only between them: “申请人情况 办理结果<tab>…”)
            return len(before) == 1 and not self.source.text[before[0].end:raw.start].strip(" \u3000") \
                and self._corner_words(key(before[0].text), k)
        if _corner_word(k) or self._label_word(k, rows_only=True):
            return True
        if before:
            return False
        parts = [p for p in k.replace("\\", "/").split("/") if p]
        if len(parts) == 1:
            parts = next(([k[:i], k[i:]] for i in range(2, len(k) - 1)
                          if self._corner_words(k[:i], k[i:])), [])
        return len(parts) == 2 and self._corner_words(*parts)

    def _corner_words(self, *words: str) -> bool:
        """Is each of ``words`` (keys) a corner word or a word of the table's labels: the words of a
        diagonal corner cell?"""
        return all(_corner_word(w) or self._label_word(w) for w in words)

    def _label_word(self, w: str, rows_only: bool = False) -> bool:
        """Is ``w`` (a key, two characters or more) a word of a row label of the table (of a column
        label too, unless ``rows_only``)?"""
        if len(w) < 2:
            return False
        words = self.__dict__.get("_label_words")
        if words is None:
            rows = {bare_key(k) for r in self.spec.rows() for k in r.keys()}
            words = self._label_words = (tuple(rows), tuple(self.col_keys - rows))
        return any(w in lk for lk in words[0]) or (not rows_only and any(w in lk for lk in words[1]))

    def _other_label(self, raw: RawCell, k: str) -> bool:
        """Read ``raw`` (key ``k``) as a label only another edition's table uses, if it is one: that
        edition's block caption (2019 第二十条第（九）项 in a 2021 table) opens a block in that edition;
        in such a block, that edition's column labels are its header and its row labels open its rows
        (read as this edition's row of the same id, if there is one, but not into its columns)."""
        others = self.others
        assert others is not None
        hit = others.captions.get(k)
        if hit is not None:
            self._close_row()
            self.block = None
            self.phase, self.header, self.order = "header", [], None
            self._start_other(hit[0], hit[1], None, raw)
            return True
        other = self.other
        if other is None:
            return False  # (a block of this edition; 2019 column labels in its header: see _finish_header)
        if k in others.columns:
            other.labels.append(raw.text.strip())
            return True
        found = others.rows.get(bare_key(raw.text)) or others.rows.get(k)
        if found is None:
            return False
        self._close_row()
        same = self.spec.row(found[2].id)
        self.row = _OpenRow(same if same is not None and not same.group else None, raw, self.block, other=True,
                            other_row=found[2], other_block=other, other_row_block=found[1].id)
        other.labels.append(raw.text.strip())
        return True

    def _start_other(self, edition: str, block: BlockSpec, mine: Optional[BlockSpec], raw: RawCell) -> None:
        """A block in the edition ``edition`` (its block ``block``) begins at ``raw``, standing in for
        this edition's block ``mine`` (None: this edition has no such block)."""
        self.other = _OtherBlock(edition, block.caption or "", mine.id if mine is not None else None,
                                 self._span(raw.start, raw.end))
        self.other_blocks.append(self.other)

    def _caption(self, raw: RawCell, k: str) -> Optional[BlockSpec]:
        """The block whose caption ``k`` (a key) is, written with a fill-in note after it
        (“第二十条第（一）项（行政法规、规章和规范性文件）”); the note is recorded."""
        for ck, blk in self.captions.items():
            note = note_after(k, ck)
            if note is not None:
                self._note(raw, self._written_note(raw.text, note), blk.caption or ck)
                return blk
        return None

    def _note(self, raw: RawCell, note: str, official: str, row: Optional[str] = None,
              column: Optional[str] = None) -> None:
        """Record a label read as the official ``official`` though written with the note ``note``."""
        if any(n.span.start == raw.start for n in self.notes):
            return
        self.notes.append(LabelNote(raw.text.strip(), self._span(raw.start, raw.end), note, row, column, official))

    def _near_label(self, k: str) -> Optional[str]:
        """The label (as the format writes it) of the only column or row of the table whose key differs
        from the key ``k`` in one Chinese character, at least three characters long; None if none
        or several do."""
        if len(k) < 3 or len(k) > 40:
            return None
        found: Optional[str] = None
        found_key = ""
        specs = [c for b in self.spec.blocks for c in b.columns] + list(self.spec.rows())
        for spec in specs:
            for sk in spec.keys():
                if len(sk) != len(k) or sk == found_key:
                    continue
                diff = [(a, b) for a, b in zip(k, sk) if a != b]
                if len(diff) != 1 or not all("\u4e00" <= ch <= "\u9fff" for ch in diff[0]):
                    continue
                if found is not None:
                    return None  # two labels one character away: no guess
                found, found_key = spec.label, sk
        return found

    def _lookalike_note(self, raw: RawCell, folded: str, row: Optional[RowSpec], column: Optional[ColumnSpec]) -> None:
        """Record a label read as the format's row ``row`` or column ``column`` once its look-alike
        characters were written as the format's (``folded``)."""
        if any(n.span.start == raw.start for n in self.notes):
            return
        written = " ".join(raw.text.split())  # (a tab or a run of blanks between two labels: one space)
        folded = " ".join(folded.split())
        pairs = []
        for a, b in zip(written, folded):
            if a != b and f"{a}→{b}" not in pairs:
                pairs.append(f"{a}→{b}")
        # the label as it reads with the look-alikes corrected (a composite label, （三）不子公开 1.属于
        # 国家秘密, is shown whole): the official label when it is only that
        official = folded.strip()
        for label in (row.label if row is not None else None, column.label if column is not None else None):
            if label is not None and key(label) == key(official):
                official = label
        self.notes.append(LabelNote(written, self._span(raw.start, raw.end), "、".join(pairs),
                                    row.id if row is not None else None,
                                    column.id if column is not None and row is None else None, official,
                                    lookalike=True))

    def _open(self, raw: RawCell, spec: Optional[RowSpec]) -> None:
        self._close_row()
        if self.phase == "header":
            self.phase = "body"
            block = self.spec.block_of_row(spec.id) if spec is not None and len(self.spec.blocks) > 1 else self.block
            self._finish_header(block)
            if block is not None:
                self.block = block  # the header just read is this block's (no caption named it)
        block = self.block
        if spec is not None and len(self.spec.blocks) > 1:
            owner = self.spec.block_of_row(spec.id)
            if owner is not self.block:  # a row of another block of table 二: its own columns apply
                block = owner
                self.block = owner
                self.order = None
                self.other = None
        self.row = _OpenRow(spec, raw, block, other=self.other is not None, other_block=self.other)
        self.last_row = spec.id if spec is not None else None

    def _padding(self, raw: RawCell) -> bool:
        """An empty cell in a line without numbers: header padding (a Markdown row of merged header
        cells, a caption row), not a blank figure."""
        # once per line (found by bisection): a long line has many cells, and scanning it for each
        # one was quadratic
        text, starts = self.source.text, self.source.line_starts
        i = bisect.bisect_right(starts, raw.start) - 1
        cache = self.__dict__.setdefault("_padding_lines", {})
        if i not in cache:
            line = text[starts[i]:starts[i + 1] - 1] if i + 1 < len(starts) else text[starts[i]:]
            cache[i] = not any(parse_cell(p).kind == "number" for p in re.split(r"[|｜]", line))
        return cache[i]

    def _header_read(self) -> bool:
        """Whether the header read so far names every leaf column of the table's one block (table 四:
        a line of empty cells after it is its data row left blank, not header padding)."""
        blk = self.block or self.spec.blocks[0]
        leaves = blk.leaves()
        keys = {k for c in leaves for k in c.keys()}
        return sum(1 for k, _ in self.header if k in keys) >= len(leaves)

    def _value(self, raw: RawCell, v: CellValue) -> None:
        if v.kind == "blank" and (self.phase == "header" or self.row is None) and self._padding(raw) \
                and not (self.row is None and self.spec.implicit_row is not None and self._header_read()):
            return
        if v.kind == "blank" and self.row is not None and self.row.spec is not None and self.row.spec.group \
                and not self.row.values:
            return  # a group label's row padded with empty cells
        if self.row is None:
            if self.spec.implicit_row is not None:
                if self.phase == "header":
                    self.phase = "body"
                    self._finish_header(self.block)
                self.row = _OpenRow(self.spec.implicit_row, raw, self.block)
                self.row.label = RawCell("", raw.start, raw.start)
            else:
                self.stray.append(self._cell(raw, v))
                return
        if self.row.spec is not None and self.row.spec.group:
            self.row.group_with_values = True
        self.row.values.append((raw, v))

    def finish(self, span: Span) -> Table:
        if self.order is None and (self.header or self.unknown_header):
            self._finish_header(self.block)
        self._close_row()
        self._merge_foreign()
        positional = self._positional_rows()
        self.rows = recover.resolve(self.spec, self.rows, self.plans, self._cell)
        found_rows = {r.id for r in self.rows}
        # a group row written with values (2019 （六）其他处理 in a 2021 table) stands in for its children
        for r in self.rows:
            if r.problem == "group_has_values" and r.id is not None:
                found_rows |= set(self.spec.leaf_rows([r.id]))
        # a block written in another edition has that edition's rows (GL206 says so): none is missing
        for o in self.other_blocks:
            blk = next((b for b in self.spec.blocks if b.id == o.block), None) if o.block else None
            if blk is not None:
                found_rows |= {r.id for r in blk.rows}
        missing_rows = tuple(r.id for r in self.spec.data_rows() if r.id not in found_rows)
        if self.spec.implicit_row is not None and self.spec.implicit_row.id not in found_rows:
            missing_rows += (self.spec.implicit_row.id,)
        missing_cols: list[str] = []
        merged: list[str] = []
        if self.header_recognised:
            for blk in self.spec.blocks:
                seen = self.seen_columns.get(blk.id)
                if seen is None:
                    continue
                # a group written as one column (see _leaf_order): its leaves are in it, not missing
                merged += [c for c in seen if c in self.spec.summed_groups()]
                under = {c for g in merged for c in self.spec.leaf_columns(g)}
                missing_cols += [c.id for c in blk.leaves()
                                 if c.id not in seen and c.id not in under and c.id not in missing_cols]
        columns: list[str] = []
        for blk_id, ids in self.seen_columns.items():
            columns += [c for c in ids if c not in columns]
        return Table(self.spec.id, span, tuple(self.rows), tuple(columns), self.header_recognised,
                     missing_rows, tuple(missing_cols), tuple(self.unknown_rows), tuple(self.unknown_columns),
                     tuple(self.stray), self.section, tuple(self.notes),
                     tuple(OtherEditionBlock(o.edition, o.caption, o.block, o.span, tuple(dict.fromkeys(o.labels)),
                                             tuple(o.rows), self._read_labels(o))
                           for o in self.other_blocks), positional, merged_columns=tuple(merged))

    @staticmethod
    def _read_labels(o: "_OtherBlock") -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(the labels of ``o``'s header whose figures were read into this edition's columns, those of
        its columns this edition has not), if its rows were so read; else ((), ())."""
        if not o.read:
            return (), ()
        header = o.labels[:len(o.columns)]
        return (tuple(lab for lab, c in zip(header, o.columns) if c is not None),
                tuple(lab for lab, c in zip(header, o.columns) if c is None))

    def _positional_rows(self) -> int:
        """A one-block table written with its header but no row label, its figures one a line (a table
        OCR'd as figures only), exactly as many as the format's rows have cells: the figures are read
        row by row in the format's order (GL202 says so; the arithmetic checks them). Returns how many
        figures were read so, 0 if none."""
        if self.rows or self.unknown_rows or len(self.spec.blocks) != 1 or self.spec.implicit_row is not None \
                or not self.stray or self.order is None or None in self.order:
            return 0
        rows = [r for r in self.spec.data_rows()]
        width = len(self.order)
        stray = self.stray
        if len(stray) != len(rows) * width or any(c.kind not in ("number", "blank", "placeholder") for c in stray):
            return 0
        text = self.source.text
        for a, b in zip(stray, stray[1:]):  # one a line, nothing else between them but page marks
            if "\n" not in text[a.span.end:b.span.start]:
                return 0
        for i, spec in enumerate(rows):
            cells = tuple(attrs.evolve(c, row=spec.id, column=col.id, column_label=col.label)
                          for c, col in zip(stray[i * width:(i + 1) * width], self.order))
            self.rows.append(Row(spec.id, "", cells[0].span, cells, None, None, cells))
        self.stray = []
        return len(stray)

    def _merge_foreign(self) -> None:
        """Sub-rows of another edition (2021 （六）其他处理 1./2./3. in a 2019 table 三) stand for their
        parent row: the parent gets the column sums (so the arithmetic is still checked) and the
        problem ``split_rows`` (GL206 says which edition the sub-rows belong to)."""
        if not self.foreign_rows:
            return
        by_parent: dict[str, list] = {}
        for sub, label, values in self.foreign_rows:
            by_parent.setdefault(sub.parent, []).append((sub, label, values))
        for parent_id, subs in by_parent.items():
            spec = self.spec.row(parent_id)
            if spec is None:
                continue
            at = next((i for i, r in enumerate(self.rows) if r.id == parent_id), None)
            old = self.rows[at] if at is not None else None
            block = self.spec.block_of_row(parent_id) if len(self.spec.blocks) > 1 else self.block
            cols = [c for c in self._columns_for(block) if c is not None]
            raw_cells = tuple(self._cell(c, v, sub.id) for sub, _, values in subs for c, v in values)
            cells: tuple[Cell, ...] = ()
            if old is not None and old.cells:
                cells = old.cells  # the parent row has figures of its own: keep them
            elif all(len(values) == len(cols) and all(v.kind == "number" for _, v in values) for _, _, values in subs):
                made = []
                for j, col in enumerate(cols):
                    parts = [values[j] for _, _, values in subs]
                    first = parts[0][0]
                    total = sum(v.value for _, v in parts)
                    text = "+".join(c.text.strip() for c, _ in parts)
                    made.append(Cell(text, self._span(first.start, first.end), "number", total, None,
                                     all(v.is_integer_text for _, v in parts), parent_id, col.id, col.label,
                                     derived=True))
                cells = tuple(made)
            first_label = subs[0][1]
            label = old.label if old is not None else first_label.text
            span = old.span if old is not None else self._span(first_label.start, first_label.end)
            row = Row(parent_id, label, span, cells, old.block if old is not None else (block.id if block else None),
                      "split_rows", raw_cells)
            if at is not None:
                self.rows[at] = row
            else:
                self.rows.append(row)


@records.define
class _OtherBlock:
    """A block of table 二 being read in another edition (see :class:`~govlint.model.OtherEditionBlock`)."""

    edition: str
    caption: str
    block: Optional[str]
    span: Span
    labels: list = attrs.field(factory=list)
    rows: list = attrs.field(factory=list)  # its rows this edition does not have (Row, problem "other_edition")
    # this edition's column for each column of its header, in written order (None: this edition has
    # none), when they include every column of this edition's block: its rows' figures are read
    # into those columns (see _Aligner._other_columns); else empty
    columns: list = attrs.field(factory=list)
    read: bool = False  # a row's figures were so read


@records.frozen
class _OtherLabels:
    """The labels of a table's blocks that only other editions use (cached per spec)."""

    captions: dict  # caption key -> (edition id, that edition's block)
    columns: dict  # column key -> (edition id, that edition's block)
    rows: dict  # row key -> (edition id, that edition's block, its row)
    # column key -> {block id: this edition's column}: a later edition's name of a column the block of
    # the same id has here (2021 本年处理决定数量 for the 2019 处理决定数量)
    renamed: dict = attrs.field(factory=dict)
    # (edition id, block id) -> that edition's block of this table
    blocks: dict = attrs.field(factory=dict)


def other_labels(spec: TableSpec, editions: Sequence[Edition]) -> Optional[_OtherLabels]:
    """The block captions, column labels and row labels of the other editions' table ``spec.id``
    that ``spec`` does not use (None for a table of one block, or when there are none)."""
    ids = tuple(id(e) for e in editions)
    hit = spec._memo.get(("other", ids), False)
    if hit is False:
        hit = None
        if len(spec.blocks) > 1:
            own = spec.all_keys() | ({key(spec.label_column)} if spec.label_column else set())
            captions: dict = {}
            columns: dict = {}
            rows: dict = {}
            renamed: dict = {}
            blocks: dict = {}
            mine = next((e for e in editions if e.table(spec.id) is spec), None)
            for ed in editions:
                other = ed.table(spec.id)
                if other is None or other is spec:
                    continue
                later = mine is not None and ed.first_year > mine.first_year
                for b in other.blocks:
                    blocks.setdefault((ed.id, b.id), b)
                    if b.caption and key(b.caption) not in own:
                        captions.setdefault(key(b.caption), (ed.id, b))
                    for c in b.columns:
                        here = spec.column(c.id, block=b.id) if later and b.id else None
                        for k in c.keys() - own:
                            columns.setdefault(k, (ed.id, b))
                            if here is not None:
                                renamed.setdefault(k, {}).setdefault(b.id, here)
                    for r in b.rows:
                        for k in r.keys() - own:
                            rows.setdefault(k, (ed.id, b, r))
            if captions or columns:
                hit = _OtherLabels(captions, columns, rows, renamed, blocks)
        spec._memo[("other", ids)] = hit
    return hit


def foreign_rows(spec: TableSpec, editions: Sequence[Edition]) -> tuple[RowSpec, ...]:
    """The rows other editions split one of ``spec``'s data rows into (2021 （六）其他处理 1./2./3.
    for the 2019 table 三), cached per spec."""
    ids = tuple(id(e) for e in editions)
    hit = spec._memo.get(("foreign", ids))
    if hit is None:
        known = {k for r in spec.rows() for k in r.keys()}
        out = []
        for ed in editions:
            other = ed.table(spec.id)
            if other is None or other is spec:
                continue
            for r in other.rows():
                parent = spec.row(r.parent) if r.parent else None
                if parent is None or parent.group or r.group or r.keys() & known:
                    continue
                if all(x.keys() != r.keys() for x in out):
                    out.append(r)
        hit = spec._memo[("foreign", ids)] = tuple(out)
    return hit


_TRAILING_NUMBER = cached_compile(r"(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）])$")


def align(source: Source, spec: TableSpec, cells: Sequence[tuple[RawCell, CellValue]], section: Optional[int],
          padding_lines: Optional[dict] = None, foreign: Sequence[RowSpec] = (),
          others: Optional[_OtherLabels] = None) -> Table:
    """Align one table. ``padding_lines``: a cache shared by the tables of one source (see
    ``_Aligner._padding``; a page run together into one line holds every table). ``foreign``: see
    :func:`foreign_rows`; ``others``: see :func:`other_labels`."""
    aligner = _Aligner(source, spec, section, foreign, others)
    if padding_lines is not None:
        aligner._padding_lines = padding_lines
    first, last = cells[0][0], cells[-1][0]
    folded = _folded(spec, cells) if spec.implicit_row is not None and len(spec.blocks) == 1 else None
    if folded is not None:  # table 四 redrawn as a grid or a list (see _folded): its figures, in the format's order
        layout, label, values = folded
        blk = spec.blocks[0]
        aligner.phase, aligner.order = "body", list(blk.leaves())
        aligner.seen_columns[blk.id] = dict.fromkeys(c.id for c in blk.leaves())
        aligner.row = _OpenRow(spec.implicit_row, RawCell("", label.start, label.start), blk, values)
        return attrs.evolve(aligner.finish(source.span(first.start, last.end)), layout=layout)
    for raw, v in cells:
        aligner.feed(raw, v)
    return aligner.finish(source.span(first.start, last.end))


#: the most cells a folded table 四 has (15 figures, 8 labels and a corner: a few more for labels cut
#: in pieces and empty cells); a longer table is not one
_FOLD_MAX_CELLS = 80


def _outcome(c: ColumnSpec) -> str:
    """A leaf column's id after its group's (``upheld`` of ``review.upheld``): what it counts within
    its group."""
    return c.id[len(c.parent) + 1:] if c.parent and c.id.startswith(c.parent + ".") else c.id


def _fold_shape(spec: TableSpec) -> Optional[tuple]:
    """What :func:`_folded` needs of a table (made once per table spec): its leaf columns, its groups
    of leaves, each leaf label's key → the leaf's outcome (its id after its group's: ``upheld``), the
    keys of the groups' parents (行政诉讼) and the groups' keys, longest first; None for a table
    without two groups of leaves."""
    memo = spec._memo
    if "fold" not in memo:
        blk = spec.blocks[0]
        leaves = blk.leaves()
        groups = [c for c in blk.columns if c.group and any(x.parent == c.id for x in leaves)]
        role_of: dict[str, str] = {}
        for c in leaves:
            for k in c.keys():
                role_of.setdefault(k, _outcome(c))
        parents = {c.parent for c in groups if c.parent}
        parent_keys = {k for c in blk.columns if c.id in parents for k in c.keys()} | {""}
        group_keys = sorted(((k, c.id) for c in groups for k in c.keys()), key=lambda kv: -len(kv[0]))
        memo["fold"] = (leaves, groups, role_of, parent_keys, group_keys) if len(groups) >= 2 else None
    return memo["fold"]


def _folded(spec: TableSpec, cells: Sequence[tuple[RawCell, CellValue]]) -> Optional[tuple[str, RawCell, list]]:
    """A table of one row without a label (table 四: 15 figures under two levels of column labels, a
    group — 行政复议, 未经复议直接起诉, 复议后起诉 — over the same five outcomes each) written as a grid of
    groups and outcomes instead: ``folded``, a row per group (“行政复议 | 1 | 0 | 0 | 0 | 1”) under a
    header of the outcomes, or ``transposed``, a row per outcome (“结果维持 | 1 | 0 | 0”) under a header
    of the groups, or ``listed``, a row per figure labelled with its group and outcome (“行政复议 |
    结果维持 | 1”). Returns the layout, the first cell and the figures in the format's column order
    (each still where it is written); None for any other table — every label one of the table's (a
    corner word aside), each group and outcome once, each row as many figures as the header has
    labels (one in a list)."""
    if len(cells) > _FOLD_MAX_CELLS:
        return None
    # runs: (labels, figures) — the labels before each stretch of figures
    runs: list[tuple[list[RawCell], list[tuple[RawCell, CellValue]]]] = []
    labels: list[RawCell] = []
    for raw, v in cells:
        if v.kind in _VALUE_KINDS:
            if v.kind == "blank" and not runs and not labels:
                continue
            figures = _spaced_figures(raw, v)
            if not labels and runs:
                runs[-1][1].extend(figures)
            else:
                runs.append((labels, figures))
                labels = []
        else:
            labels.append(raw)
    if labels or len(runs) < 3:
        return None

    shape = _fold_shape(spec)
    if shape is None:
        return None
    leaves, groups, role_of, parent_keys, group_keys = shape

    def group_of(k: str) -> Optional[str]:
        """The group a row or header label names: its own label, or its parent's and its own
        (行政诉讼（未经复议直接起诉）, 行政诉讼-复议后起诉) — the longest label first (经复议后起诉 holds 行政复议)."""
        for gk, gid in group_keys:
            if gk in k and (k == gk or k.replace(gk, "").strip("()（）-—:：") in parent_keys):
                return gid
        return None

    def joined(raws: Sequence[RawCell]) -> str:  # a label cut in pieces (at its brackets, by a space)
        return key("".join(r.text for r in raws))

    found = _grid(runs, joined, group_of, role_of, groups, parent_keys) \
        or _listed(runs, joined, group_of, role_of, len(leaves))
    if found is None:
        return None
    layout, at = found
    values = []
    for c in leaves:
        hit = at.get((c.parent, _outcome(c)))
        if hit is None:
            return None
        values.append(runs[hit[0]][1][hit[1]])
    return layout, cells[0][0], values


def _grid(runs: list, joined: Any, group_of: Any, role_of: dict, groups: list,
          parent_keys: set) -> Optional[tuple[str, dict]]:
    """Table 四 as a grid (see :func:`_folded`): ``folded`` or ``transposed``, and where each (group,
    outcome)'s figure is: (run, figure in the run); None if ``runs`` are not one."""
    # the first row's label ends the labels before the first figures: the fewest cells that name a group
    # or an outcome (行政复议; 行政诉讼 / （ / 复议后起诉 / ）, a label cut at its brackets)
    first = runs[0][0]
    cut = next((k for k in range(1, min(4, len(first)) + 1)
                if group_of(joined(first[-k:])) or joined(first[-k:]) in role_of), None)
    if cut is None:
        return None
    # (a corner word — 类别, 项目 — and the groups' parent — 行政诉讼, over two groups — head no column)
    head = [r for r in first[:-cut] if not _corner_word(key(r.text)) and key(r.text) not in parent_keys]
    row_keys = [joined(first[-cut:])] + [joined(run[0]) for run in runs[1:]]
    head_roles = [role_of.get(key(r.text)) for r in head]
    head_groups = [group_of(key(r.text)) for r in head]
    row_roles = [role_of.get(k) for k in row_keys]
    row_groups = [group_of(k) for k in row_keys]
    roles = set(role_of.values())
    if None not in head_roles and None not in row_groups and len(set(head_roles)) == len(roles) == len(head) \
            and len(set(row_groups)) == len(groups) == len(runs):
        layout, across = "folded", head_roles
        at = {(g, r): (i, j) for i, g in enumerate(row_groups) for j, r in enumerate(head_roles)}
    elif None not in head_groups and None not in row_roles and len(set(head_groups)) == len(groups) == len(head) \
            and len(set(row_roles)) == len(roles) == len(runs):
        layout, across = "transposed", head_groups
        at = {(g, r): (i, j) for i, r in enumerate(row_roles) for j, g in enumerate(head_groups)}
    else:
        return None
    if any(len(figures) != len(across) for _, figures in runs):
        return None
    return layout, at


def _listed(runs: list, joined: Any, group_of: Any, role_of: dict, n: int) -> Optional[tuple[str, dict]]:
    """Table 四 as a list (see :func:`_folded`): a row per figure, labelled with its group and its
    outcome (“行政复议 | 结果维持 | 1”, “行政复议结果维持 | 1”; the group left out of the rows after its
    first, as a cell spanning them is written) — ``listed``, and where each (group, outcome)'s figure
    is; None if ``runs`` are not one."""
    if len(runs) != n:
        return None
    roles = sorted(role_of, key=len, reverse=True)  # (longest first: 结果维持 before 维持)

    def named(k: str, group: Optional[str]) -> Optional[tuple[str, str]]:
        """(group, outcome) a row label ``k`` names: its outcome at its end, its group before it (else
        the row before's)."""
        role_key = next((r for r in roles if k.endswith(r)), None)
        if role_key is None:
            return None
        rest = k[:-len(role_key)].strip("()（）-—:：·、")
        if rest:
            group = group_of(rest)
        return (group, role_of[role_key]) if group is not None else None

    first = runs[0][0]
    hit = next(((k, named(joined(first[-k:]), None)) for k in range(1, min(5, len(first)) + 1)
                if named(joined(first[-k:]), None) is not None), None)
    if hit is None or len(first) - hit[0] > 4:
        return None
    if any(group_of(key(r.text)) or key(r.text) in role_of for r in first[:-hit[0]]):
        return None  # the header is words of its own (类别, 结果, 数量), not the table's labels
    pairs = [hit[1]]
    for run in runs[1:]:
        pair = named(joined(run[0]), pairs[-1][0])
        if pair is None:
            return None
        pairs.append(pair)
    # one figure a row: a blank after it is the empty cell of a label spanning rows, written again
    if any(not figures or any(v.kind != "blank" for _, v in figures[1:]) for _, figures in runs):
        return None
    if len(set(pairs)) != n:
        return None
    return "listed", {pair: (i, 0) for i, pair in enumerate(pairs)}


_SPACED_FIGURES = cached_compile(r"\S+")


def _spaced_figures(raw: RawCell, v: CellValue) -> list[tuple[RawCell, CellValue]]:
    """A cell of figures a space apart (“0 0 1 0 1”, a row of a table typed with spaces) as its
    figures, each where it is written; any other cell as it is."""
    if v.kind != "number" or not any(ch.isspace() for ch in raw.text.strip()):
        return [(raw, v)]
    out = []
    for m in _SPACED_FIGURES.finditer(raw.text):
        piece = parse_cell(m.group())
        if piece.kind != "number":
            return [(raw, v)]
        out.append((RawCell(m.group(), raw.start + m.start(), raw.start + m.end(), True), piece))
    return out


# ----------------------------------------------------------------------------- report


_ROW_LINE_MAX = 60  # a row of a table: a label (table 三's longest is ~40 characters) and its figures
_PROSE_MARKS = frozenset("。，；：！？,;:!?")


def _row_like(tok: lark.Token) -> bool:
    """A paragraph that may be a row or a caption of a table: short, no sentence or clause marks."""
    s = str(tok).strip()
    return len(s) <= _ROW_LINE_MAX and not any(ch in _PROSE_MARKS for ch in s)


_FIGURES_ONLY = cached_compile(r"[-－−]?[0-9０-９](?:[0-9０-９.．,，\s－−-]*[0-9０-９])?")


def _figure_lines_as_table(children: list[lark.Tree]) -> list[lark.Tree]:
    """In a part that holds a table (二, 三, 四), a paragraph of nothing but figures
    (``100230000011002``: table 四 without its header, its figures run together) is a line of the
    table, not prose: it joins the table next to it, or makes one (read by the part's table; its
    figures are then split, or reported, as any run-together row's). As prose it was lost."""
    if not any(c.data == "paragraph" and _FIGURES_ONLY.fullmatch(str(c.children[0]).strip()) for c in children):
        return children
    out: list[lark.Tree] = []
    for c in children:
        if c.data == "paragraph":
            tok = c.children[0]
            text = str(tok)
            if not _FIGURES_ONLY.fullmatch(text.strip()):
                out.append(c)
                continue
            line = lark.Token("SPACED", text, start_pos=tok.start_pos, line=tok.line)
            c = lark.Tree("table", [line])
        if c.data == "table" and out and out[-1].data == "table":
            out[-1] = lark.Tree("table", [*out[-1].children, *c.children])
            continue
        out.append(c)
    return out


def _mixed_stretch(source: Source, children: Sequence[lark.Tree], i: int, run: Sequence[lark.Token],
                   labels: "flatten.LabelIndex") -> Optional[tuple[int, int]]:
    """When ``children[i]`` is a table of space-separated lines and the short paragraphs next to
    it — with the tables of space-separated lines among them — hold a row whose label and digits
    run together (``规章000``): how many of the paragraphs of ``run`` (the paragraphs just before)
    and the end (exclusive) of the children from ``i`` they make up; else None. Such a table is
    written with spaces between its header words but none between its figures: each row is a
    paragraph, and read apart from its header its figures would be lost."""
    def spaced(c: lark.Tree) -> bool:  # (a run of space-separated lines is one SPACES token: see parse.tokens)
        return c.data == "table" and all(t.type == "SPACES" or t.type == "SPACED" for t in c.children)

    if not spaced(children[i]):
        return None
    j = i
    while j < len(children) and (spaced(children[j]) or (children[j].data == "paragraph"
                                                          and _row_like(children[j].children[0]))):
        j += 1
    k = len(run)
    while k > 0 and _row_like(run[k - 1]):
        k -= 1
    text = source.text
    for tok in [*run[k:], *(c.children[0] for c in children[i:j] if c.data == "paragraph")]:
        a = tok.start_pos
        if flatten.run_together(text, a, a + len(str(tok)), labels):
            return len(run) - k, j
    return None


def _line_tokens(children: Sequence[lark.Token]) -> list[lark.Token]:
    """A table's tokens with every run (PIPES, SPACES) cut back into one token per line."""
    return [lark.Token(kind, text, start_pos=start, line=number)
            for tok in children for kind, text, start, number, _ in line_tokens(tok)]


def _title_paragraph(source: Source, tok: lark.Token) -> Paragraph:
    """A title line's words, without a markup's marks (``# ``, ``== ``, ``h1. ``: see title_bounds)."""
    text = str(tok)
    a, b = title_bounds(text)
    return Paragraph(text[a:b], source.span(tok.start_pos + a, tok.start_pos + b))


def _paragraph(source: Source, tok: lark.Token) -> Paragraph:
    text = str(tok)
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return Paragraph(body, source.span(tok.start_pos + lead, tok.start_pos + lead + len(body)))


# ----------------------------------------------------------------------------- hard-wrapped text
# Text copied from a PDF or a printout (pdftotext, a PDF viewer's "copy") keeps the page's line
# breaks inside each paragraph: a sentence, a date or a 《title》 is cut in two at the right margin.
# Such a text is recognised by its lines: many end at one width (the margin) in the middle of a
# sentence. A line that reaches the margin without ending a sentence then goes on in the next line.

_SENTENCE_STOPS = frozenset("。！？!?；;：:")
# punctuation that may not start a line: the characters before it go to the next line with it, so
# the line before stops short of the margin by their width
_NO_LINE_START = frozenset("）》」』”’〉】〕，。、；：！？)…,.;:")
_ASCII_WORD = cached_compile(r"[A-Za-z0-9%.]+")


def _width(line: str) -> int:
    """A line's width in columns, near enough: a non-ASCII character (CJK, full-width punctuation)
    takes two."""
    return len(line) + wide_chars(line)


def wrap_width(lines: Iterable[str]) -> Optional[int]:
    """The width (:func:`_width`) the paragraph lines ``lines`` are hard-wrapped at, or None when
    they are not: at least six lines of eight characters or more, the widest tenth no wider than a
    page's line (100 CJK characters), and a quarter of them, three at least, reaching that width
    (within three characters, or a twelfth of the width: a browser's dump wraps at word boundaries,
    raggedly) without ending a sentence."""
    widths: list[tuple[int, bool]] = []
    for line in lines:
        line = line.rstrip()
        if len(line) - len(line.lstrip()) + 8 <= len(line):
            widths.append((_width(line), line[-1] in _SENTENCE_STOPS))
    if len(widths) < 6:
        return None
    ordered = sorted(w for w, _ in widths)
    top = ordered[int(len(ordered) * 0.9)]
    if top > 200:
        return None
    open_ended = sum(1 for w, stop in widths if w >= top - _slack(top) and not stop)
    if open_ended < 3 or open_ended * 4 < len(widths):
        return None
    return top


def _slack(width: int) -> int:
    """How far short of the margin a line that goes on may stop: three characters (six columns), or
    a twelfth of a wide page's width (text a browser dumps wraps at word boundaries, raggedly)."""
    return max(6, width // 12)


_PAIRED = (("《", "》"), ("（", "）"), ("“", "”"))


def left_open(line: str, nxt: str) -> bool:
    """Does ``line`` leave a 《, （ or “ open that the next line ``nxt`` closes before opening another?
    Then the two lines are one paragraph broken inside a title or a bracket, however the text was
    wrapped (a browser's dump wraps where a blank allows it: ``《益阳市行政许可事项清单`` /
    ``（2022年版）》``)."""
    line = line.rstrip()
    if not line or line[-1] in _SENTENCE_STOPS:
        return False
    for a, b in _PAIRED:
        if a in line and _open_at_end(line, a, b):
            close = nxt.find(b)
            if close != -1 and not 0 <= nxt.find(a) < close:
                return True
    return False


def _open_at_end(line: str, a: str, b: str) -> bool:
    """Is an ``a`` still open at the end of ``line`` (a ``b`` closing one opened on the line before
    does not count)?"""
    depth = 0
    for ch in line[line.find(a):]:
        if ch == a:
            depth += 1
        elif ch == b and depth:
            depth -= 1
    return depth > 0


def _page_break_between(text: str, a: lark.Token, b: lark.Token) -> bool:
    """Are paragraph lines ``a`` and then ``b`` a few lines apart with only a page break between them
    (a page number on its line, blank lines, a form feed: text extracted from a PDF, a paragraph
    going on over the page; the parser leaves the page number out)? Whether ``b`` goes on with
    ``a`` is then told as for the lines of one page."""
    if a.line is None or b.line is None or not 1 < b.line - a.line <= 8:
        return False
    between = text[a.start_pos + len(str(a)):b.start_pos].split("\n")[1:-1]
    return any(ln.strip(" \t\u3000") for ln in between) and \
        all(is_page_mark(ln) or not ln.strip(" \t\u3000\f") for ln in between)


def continues(line: str, nxt: str, width: int) -> bool:
    """Does paragraph line ``nxt`` go on with ``line`` (text hard-wrapped at ``width``)? ``line``
    reaches the margin (short of it by at most three characters, and by the ASCII word or the
    punctuation that moved to ``nxt`` whole) and does not end a sentence."""
    line = line.rstrip()
    head = nxt.lstrip()
    if not line or not head or line[-1] in _SENTENCE_STOPS:
        return False
    slack = _slack(width)
    word = _ASCII_WORD.match(head)
    if word is not None:  # a number or a Latin word that did not fit moved down whole
        slack += word.end()
    for k, ch in enumerate(head[:3]):
        if ch in _NO_LINE_START:
            slack += 2 * (k + 1)
            break
    return _width(line) >= width - slack


def _joined(source: Source, toks: Sequence[lark.Token]) -> Paragraph:
    """One paragraph of the lines ``toks`` (hard-wrapped text): their texts joined without the line
    breaks (a space between two Latin words), the pieces remembered for :meth:`Paragraph.offset`."""
    first = _paragraph(source, toks[0])
    if len(toks) == 1:
        return first
    text, pieces = first.text, []
    for tok in toks[1:]:
        raw = str(tok)
        body = raw.strip()
        if not body:
            continue
        if text[-1:].isascii() and text[-1:].isalpha() and body[0].isascii() and body[0].isalpha():
            text += " "  # two Latin words (a number is never broken: its digits join)
        pieces.append((len(text), tok.start_pos + len(raw) - len(raw.lstrip())))
        text += body
    end = pieces[-1][1] + len(text) - pieces[-1][0] if pieces else first.span.end
    return Paragraph(text, source.span(first.span.start, end), tuple(pieces))


def _year_of(text: str) -> Optional[tuple[int, int, int]]:
    """(year, start, end) of the first year written in ``text`` (Arabic or Chinese digits) — passing over
    a year that dates the document (2024年1月发布, 2024年01月20日, 二〇二四年一月, 发布日期：2024年1月20日):
    the day a report is published is no year it reports, and a title whose only year dates it names
    none (the year is then read from the statistics period, and GL104 reports the title) — and
    preferring the year the report's name follows (益阳市2026年世界园艺博览会筹备办公室2023年政府信息公开
    工作年度报告: the office's name holds a year) when there are several."""
    found = list(_YEAR_RE.finditer(text))
    if len(found) > 1 or (found and _CN_YEAR_RE.search(text)) or len(_CN_YEAR_RE.findall(text)) > 1:
        for m in sorted([*found, *_CN_YEAR_RE.finditer(text)], key=lambda m: m.start()):
            if _REPORT_NAMED.match(text, m.end()):
                y = int(m.group(1)) if m.group(1).isdecimal() else chinese_to_number(m.group(1))
                if y is not None and 1990 <= y <= 2100:
                    return y, m.start(1), m.end(1)
    for m in found:
        if not _DATING_RE.match(text, m.end()):
            return int(m.group(1)), m.start(1), m.end(1)
    for m in _CN_YEAR_RE.finditer(text):
        y = chinese_to_number(m.group(1))
        if y is not None and 1990 <= y <= 2100 and not _DATING_RE.match(text, m.end()):
            return y, m.start(1), m.end(1)
    return None


_YEAR_WORD = cached_compile(r"(?:19|20|１９|２０)\d{2}年度?|[二〇零一三四五六七八九○]{4}年度?")


def _agency(title: str, year_span: Optional[tuple[int, int]]) -> Optional[str]:
    t = key(title[page_mark_prefix(title):])  # (a page's running header may put its number first)
    t = _YEAR_WORD.sub("", t)
    # the agency ends where the report's name starts: at its words on disclosure followed by 报告/年报 —
    # the agency's own name may hold them (某市政务公开办公室, 某县政务公开和政务服务办公室) — or else at the first
    cut = _REPORT_NAME.search(t) or _DISCLOSURE_WORDS.search(t)
    if cut is not None:
        t = t[:cut.start()]
    # a title that announces the report ("关于印发《××局…年度报告》的通知") or quotes it: the agency
    # is the one inside the title marks
    t = _ANNOUNCING.sub("", t).lstrip("《<")
    t = _ATTACHMENT.sub("", t)  # 附件：××局…统计表 (an attachment's title names the agency after its label)
    if t.endswith("本级"):  # 某某县人民政府（2022年）本级, 某某县县本级: the government's own report, not its region's
        t = t[:-2]
        if len(t) >= 2 and t[-1] == t[-2] and t[-1] in "省市县区旗镇乡":
            t = t[:-1]
    return t or None


_ATTACHMENT = cached_compile(r"^附件\s*\d*\s*[:：]?")


def _byline(first: Paragraph, title: Paragraph) -> Optional[str]:
    """The agency a title that names none (2022年政府信息公开工作年度报告) has on the line below it, as a
    byline: a body's name alone (某某县教育局, 某某镇人民政府), no sentence, no date."""
    if first.span.line - title.span.end_line > 2:
        return None
    name = "".join(first.text.split())
    return name if body_name(name) else None


def _line_below(text: str, title: Paragraph) -> Optional[str]:
    """A body's name written alone on the line below ``title`` (or the line after a blank one), read
    from the source ``text`` itself: a byline spaced out character by character (某 某 市 财 政 局)
    reads as a row of cells, not as a paragraph, yet names the body as well."""
    end = title.span.end
    if not 0 < end <= len(text):
        return None
    for line in text[end:end + 400].split("\n")[1:3]:
        name = "".join(line.split())
        if name:
            return name if body_name(name) else None
    return None


def body_name(name: str) -> bool:
    """Is ``name`` written as a body's name (Chinese characters ending in 局, 委员会, 政府, 镇…)?"""
    return _BYLINE.fullmatch(name) is not None


#: a body's name: Chinese characters only, ending in the word a body's name ends in (and a
#: government's （本级）: its own report, not its region's)
_BYLINE = cached_compile(r"[\u4e00-\u9fff]{1,30}(?:局|委|委员会|办|办公室|厅|院|政府|中心|部|署|处|所|站|队|镇|乡|街道|县|市|区|旗|会)"
                         r"(?:[（(]本级[）)])?")
_DISCLOSURE_WORDS = cached_compile(r"(?:关于)?(?:政府信息公开|政务公开|信息公开)")
_REPORT_NAME = cached_compile(r"(?:关于)?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)")


_ANNOUNCING = cached_compile(r"^(?:.*?关于)?(?:印发|发布|公布|公开)?(?=《)")


def build(source: Source, tree: lark.Tree, editions: Sequence[Edition], vocab: Optional[HeadingVocabulary] = None) -> Report:
    """Build the report model from the parse tree, aligning tables to the detected edition."""
    vocab = vocab or vocabulary(editions)
    title: Optional[Paragraph] = None
    title_parts: list[Paragraph] = []
    preamble: list[Paragraph] = []
    raw_sections: list[tuple[Heading, list[Paragraph], list[_RawTable]]] = []
    raw_tables: list[_RawTable] = []
    data = _edition_data(editions)
    known = data.known
    order = 0
    # the width the prose is hard-wrapped at (text copied from a PDF), or None
    wrap = wrap_width(str(p.children[0]) for node in tree.children for p in node.children
                      if isinstance(p, lark.Tree) and p.data == "paragraph")

    def body(node: lark.Tree, section: Optional[int], paragraphs: list[Paragraph], tables: list[_RawTable]) -> None:
        nonlocal order
        run: list[lark.Token] = []  # consecutive paragraphs: they may hold a run-together table

        def pieces_of(toks: Sequence[lark.Token]) -> list[tuple]:
            return flatten.paragraph_pieces(source.text, [(t.start_pos, t.start_pos + len(str(t))) for t in toks],
                                            data.labels)

        def flush(lines: Optional[list[lark.Token]] = None, pieces: Optional[list[tuple]] = None) -> bool:
            """Read the pending paragraphs (or the lines of a table whose labels and numbers run
            together) for run-together tables; False if ``lines`` holds no such table."""
            nonlocal order
            toks = run if lines is None else lines
            if pieces is None:
                pieces = pieces_of(toks)
            if lines is not None and not any(p[0] == "table" for p in pieces):
                return False
            held: list[lark.Token] = []  # the lines of one paragraph (several: text hard-wrapped)
            for piece in pieces:
                if piece[0] == "paragraph":
                    tok = toks[piece[1]]
                    if held and not (tok.line is not None and held[-1].line is not None
                                     and (tok.line == held[-1].line + 1
                                          or _page_break_between(source.text, held[-1], tok)) and (
                                         (wrap is not None and continues(str(held[-1]), str(tok), wrap))
                                         or left_open(str(held[-1]), str(tok)))):
                        paragraphs.append(_joined(source, held))
                        held = []
                    held.append(tok)
                    continue
                if held:
                    paragraphs.append(_joined(source, held))
                    held = []
                if piece[0] == "text":
                    seg = source.text[piece[1]:piece[2]]
                    lead = len(seg) - len(seg.lstrip())
                    a = piece[1] + lead
                    paragraphs.append(Paragraph(seg.strip(), source.span(a, a + len(seg.strip()))))
                else:
                    order += 1
                    rt = _RawTable(_without_serial_cells(piece[1]), section, order)
                    tables.append(rt)
                    raw_tables.append(rt)
            if held:
                paragraphs.append(_joined(source, held))
            run.clear()
            return True

        children = [c for c in node.children if isinstance(c, lark.Tree)]
        if section in (2, 3, 4):
            children = _figure_lines_as_table(children)
        skip_to = 0
        for i, child in enumerate([*children, None]):
            if i < skip_to:
                continue
            if child is not None and child.data == "paragraph":
                order += 1
                run.append(child.children[0])
                continue
            if child is not None and child.data == "table":
                mixed = _mixed_stretch(source, children, i, run, data.labels)
                if mixed is not None:
                    # header lines with spaces between the words, rows with the digits run together
                    # (``行政事业性收费00`` under ``信息内容 上一年项目数量 本年增/减``): the rows are no
                    # spaced table lines, so they came as paragraphs, each block's header as a table of
                    # its own; the stretch is read as one flattened table, as the page is without spaces
                    before, stretch = mixed
                    tail = run[len(run) - before:]
                    lines = [*tail, *(t for c in children[i:stretch] for t in
                                      (_line_tokens(c.children) if c.data == "table" else c.children[:1]))]
                    pieces = pieces_of(lines)
                    if any(p[0] == "table" for p in pieces):
                        del run[len(run) - before:]
                        flush()
                        flush(lines, pieces)
                        order += stretch - i
                        skip_to = stretch
                        continue
            flush()
            if child is None:
                break
            order += 1
            if child.data == "table" and any(t.type == "SPACES" or t.type == "SPACED" for t in child.children) and any(
                    kind == "SPACED" and flatten.run_together(source.text, start, start + len(line), data.labels)
                    for t in child.children for kind, line, start, _, _ in line_tokens(t)) \
                    and flush(_line_tokens(child.children)):
                continue  # labels and numbers run together inside the words: a flattened table
            if child.data == "table":
                rt = _RawTable(_table_cells(source, child.children, known), section, order)
                tables.append(rt)
                raw_tables.append(rt)

    pre_tables: list[_RawTable] = []
    for node in tree.children:
        if node.data == "title":
            title_parts = [_title_paragraph(source, tok) for tok in node.children]
            title = title_parts[0]
            if len(title_parts) > 1:  # a title on two lines reads as one
                title = Paragraph("".join(p.text for p in title_parts), title.span.to(title_parts[-1].span))
        elif node.data == "preamble":
            body(node, None, preamble, pre_tables)
        elif node.data == "part":
            tok = node.children[0]
            number, part = heading_match(str(tok), vocab) or (None, None)
            a, b = heading_bounds(str(tok))
            text = str(tok)[a:b]
            if "\n" in text:  # a heading broken over two lines (Shift+Enter, <br>): one heading
                text = one_line(text)
            heading = Heading(text, source.span(tok.start_pos + a, tok.start_pos + b), number, part)
            paragraphs: list[Paragraph] = []
            tables: list[_RawTable] = []
            node_body = lark.Tree("body", node.children[1:])
            body(node_body, part, paragraphs, tables)
            raw_sections.append((heading, paragraphs, tables))

    # report year: the title first, then the statistical period, then the preamble
    year: Optional[int] = None
    year_span: Optional[Span] = None
    for part in title_parts:
        found = _year_of(part.text)
        if found:
            year = found[0]
            year_span = source.span(part.span.start + found[1], part.span.start + found[2])
            break
    if year is None:
        for p in [*preamble, *(pp for _, ps, _ in raw_sections[:1] for pp in ps)]:
            m = _PERIOD_YEAR_RE.search(p.text)
            if m:
                year = int(m.group(1))
                year_span = source.span(p.offset(m.start(1)), p.end_offset(m.end(1)))
                break

    unique = data.unique
    identified: list[tuple[Optional[str], _RawTable]] = []
    for rt in raw_tables:
        for tid, piece in _split_by_table(rt, unique):
            if tid is None and piece.section in (2, 3, 4):
                tid = {2: "二", 3: "三", 4: "四"}[piece.section]
            if identified and tid is not None and identified[-1][0] == tid and _continues(
                    identified[-1][1], piece, data.row_keys.get(tid, frozenset())):
                # the rest of the table after a line that is none of its (a note, a comment): its
                # rows, read apart from the header, were a second table whose rows the first lacked
                prev = identified[-1][1]
                identified[-1] = (tid, _RawTable([*prev.cells, *piece.cells], prev.section, prev.order))
                continue
            identified.append((tid, piece))
    # (per table id as well: a report of a transition year may mix the editions' tables)
    by_table: dict[Optional[str], dict[str, int]] = {}
    for tid, rt in identified:
        got = _edition_scores([(tid, rt)], editions)
        mine = by_table.setdefault(tid, dict.fromkeys(got, 0))
        for ed_id, n in got.items():
            mine[ed_id] += n
    scores = {ed.id: sum(t[ed.id] for t in by_table.values()) for ed in editions}
    edition = _choose_edition(scores, year, editions)

    padding_lines: dict[int, bool] = {}
    all_tables: list[Table] = []
    for tid, rt in identified:
        if not rt.cells:
            continue
        spec = edition.table(tid) if (edition is not None and tid is not None) else None
        if spec is None:
            first, last = rt.cells[0][0], rt.cells[-1][0]
            table = Table(None, source.span(first.start, last.end), section=rt.section)
        else:
            table = align(source, spec, rt.cells, rt.section, padding_lines, foreign_rows(spec, editions),
                          other_labels(spec, editions))
        all_tables.append(table)
    if edition is not None:
        all_tables = _scrambled(all_tables, edition)

    # a table belongs to the section whose heading it follows
    # (bisect over the tables sorted by start: linear scans made this quadratic in the number of parts)
    sections: list[Section] = []
    by_start = sorted(range(len(all_tables)), key=lambda j: all_tables[j].span.start)
    starts = [all_tables[j].span.start for j in by_start]
    for i, (heading, paragraphs, _) in enumerate(raw_sections):
        nxt = raw_sections[i + 1][0].span.start if i + 1 < len(raw_sections) else len(source.text) + 1
        lo, hi = bisect.bisect_right(starts, heading.span.start), bisect.bisect_left(starts, nxt)
        sections.append(Section(heading, tuple(paragraphs),
                                tuple(all_tables[j] for j in sorted(by_start[lo:hi]))))

    agency = _agency(title.text, None) if title is not None else None
    below = _line_below(source.text, title) if title is not None else None
    if agency is None and title is not None:
        agency = below or (_byline(preamble[0], title) if preamble else None)
    header = flatten.crawler_header(source.text)  # a crawler's 发布时间: the publication date
    published = header.published_date if header is not None and header.published_date else None
    published_span = source.span(*header.published) if published is not None else None
    return Report(path=source.path, text=source.text, title=title, preamble=tuple(preamble), sections=tuple(sections),
                  tables=tuple(all_tables), edition=edition.id if edition else None, edition_scores=scores,
                  table_edition_scores={t: sc for t, sc in by_table.items() if t is not None},
                  year=year, year_span=year_span, agency=agency, byline=below, published=published,
                  published_span=published_span)
