"""flatten: page text as crawlers save it — a header block, then the body run together.

A web-archive crawler saves a report page as a header block (``标题: …``, ``发布时间: …``, a line of
``=`` around ``正文``) followed by the body, often as *one* long line: part headings sit inside the
line (``…联系。一、总体情况2019年，在…``) and the tables lost their markup, so that labels and
numbers run together (``规章000行政规范性文件6233440``). This module restores the structure the
rest of the pipeline expects, without changing any position:

* :func:`crawler_header` recognises the header block (the title and the publication date);
* :func:`split_line` cuts a physical line at the part headings written inside it, so that the
  parser sees logical lines (each a sub-range of a physical line, with its own offset);
* :func:`paragraph_pieces` finds run-together tables inside paragraphs and cuts them into label
  cells and digit runs (:class:`DigitRun`) using the editions' label vocabulary (:class:`LabelIndex`).
  Which digits of a run belong to which cell is decided later, when the columns are known
  (``govlint.recover``).

Everything here is structure and vocabulary handed in from the editions; no report wording is
written into this module except the crawler's own header format.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Iterator, NamedTuple, Optional, Sequence

import attrs

from . import records
from .labels import bare_key, key
from .numbers import CellValue, parse_cell
from .parse import NUMERALS, SECTION_NUMERAL, HeadingVocabulary, RawCell, heading_match, section_number
from .relazy import cached_compile

# ----------------------------------------------------------------------------- crawler header

_HEADER_FIRST = cached_compile(r"^[ \t\u3000\ufeff]*标题[ \t\u3000]*[:：][ \t\u3000]*(.*?)[ \t\u3000\r]*$")
_HEADER_FIELD = cached_compile(r"^[ \t\u3000]*([^\s:：]{1,12})[ \t\u3000]*[:：][ \t\u3000]*(.*?)[ \t\u3000\r]*$")
_HEADER_END = cached_compile(r"^[ \t\u3000]*={3,}[^=\n]*={3,}[ \t\u3000\r]*$")
_DATE = cached_compile(r"((?:19|20|１９|２０)\d{2})\s*[-/.－／．年]\s*(\d{1,2})\s*[-/.－／．月]\s*(\d{1,2})")
_MAX_HEADER_LINES = 40


@records.frozen
class CrawlerHeader:
    end: int  # offset just after the separator line: the body starts here
    title: Optional[tuple[int, int]]  # offsets of the 标题 value
    published: Optional[tuple[int, int]]  # offsets of the date in the 发布时间 value
    published_date: Optional[str]  # YYYY-MM-DD
    lines: tuple[tuple[int, int], ...]  # (start, end) of every header line, separator included


def crawler_header(text: str) -> Optional[CrawlerHeader]:
    """The crawler's header block at the start of ``text``, if there is one.

    It is recognised by its shape: the first non-blank line is ``标题: …`` and a separator line of
    ``=`` (``==== 正文 ====``) follows within a few lines. Anything else is not a crawler header.
    """
    pos, n = 0, len(text)
    lines: list[tuple[int, int]] = []
    title = published = None
    date = None
    first = True
    while pos < n and len(lines) < _MAX_HEADER_LINES:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        line = text[pos:end]
        if first and not line.strip():
            pos = end + 1
            continue
        if first:
            m = _HEADER_FIRST.match(line)
            if m is None:
                return None
            first = False
            if m.group(1):
                title = (pos + m.start(1), pos + m.end(1))
        elif _HEADER_END.match(line):
            lines.append((pos, end))
            return CrawlerHeader(min(end + 1, n), title, published, date, tuple(lines))
        else:
            f = _HEADER_FIELD.match(line)
            if f is not None and f.group(1) == "发布时间" and published is None:
                d = _DATE.search(f.group(2))
                if d is not None:
                    a = pos + f.start(2) + d.start()
                    published = (a, a + len(d.group(0)))
                    y, mo, da = int(d.group(1)), int(d.group(2)), int(d.group(3))
                    if 1 <= mo <= 12 and 1 <= da <= 31:
                        date = f"{y:04d}-{mo:02d}-{da:02d}"
        lines.append((pos, end))
        pos = end + 1
    return None


# ----------------------------------------------------------------------------- pages joined by a separator

# A crawler that takes a page's text as ``get_text(separator=X)`` writes the whole page with X between
# every two pieces of text (cells, paragraphs, headings): with a character that prose and labels do
# not use — a pipe, a tab — every X is a line break the page lost.
_JOIN_SEPARATORS = "|｜\t"
# a part numeral and its separator (三、 第三部分 …), found first; a separator must come before it
# (a pattern that starts with a set of characters is searched for them quickly: one that starts
# with the separator is tried at every pipe of a Markdown table)
_JOINED_HEAD = cached_compile(r"[一二三四五六七八九十][ \t\u3000]*(?:部分[ \t\u3000]*)?[、.．﹑]")
_BLANKS = " \t\u3000\xa0"
_PIECE = cached_compile(r"[^|｜\t\n]*")  # up to the next separator or line end
_MIN_JOINED_PARTS = 2
# (a table's row labels numbered like parts, 一、本年新收…, are the same in every report)
_PART_MEMO: dict = {}


def joined_page(text: str, vocab: HeadingVocabulary) -> Optional[str]:
    """``text`` with the separator of a page joined by a crawler turned into line breaks (same length,
    same offsets), or None when ``text`` is no such page.

    A page is so joined when part headings of two parts or more stand between separators: a piece
    between two pipes (the page's other pieces may be on lines of their own, ``get_text("|")`` of an
    indented page), or between tabs on a line that holds other text too (a heading indented by a tab
    on a line of its own is an ordinary heading). A table row's label numbered like a part
    (``| 一、本年新收… |``) is no heading: its words name no part, or another part than its numeral.
    """
    if "|" not in text and "\t" not in text and "｜" not in text:  # (most reports)
        return None
    if _PART_MEMO.get("vocab") is not vocab:
        _PART_MEMO.clear()
        _PART_MEMO["vocab"], _PART_MEMO["pieces"] = vocab, {}
    memo = _PART_MEMO["pieces"]  # piece -> the part it is the heading of, or None
    parts: dict[str, set[int]] = {}
    tried: set[tuple[str, str]] = set()  # (a table's row labels numbered like parts come back in every copy)
    for m in _JOINED_HEAD.finditer(text):
        j = m.start()
        lead = max(0, j - 12)
        before = text[lead:j].rstrip(_BLANKS)
        if before.endswith("第"):
            before = before[:-1].rstrip(_BLANKS)
        sep = before[-1:]
        if not sep or sep not in _JOIN_SEPARATORS:
            continue
        a = lead + len(before)
        end = _PIECE.match(text, a, a + 3 * vocab.max_length + 1).end()
        piece = text[a:end].strip(" \t\u3000\xa0")
        if not piece or len(piece) > 3 * vocab.max_length:
            continue
        if sep == "\t":  # other text on the heading's line, across a tab
            ls = text.rfind("\n", 0, a - 1) + 1
            le = text.find("\n", end)
            le = len(text) if le == -1 else le
            if not text[ls:a - 1].strip() and not text[end:le].strip():
                continue
        if (sep, piece) in tried:
            continue
        tried.add((sep, piece))
        part = memo.get(piece, 0)
        if part == 0:
            if len(memo) > 2000:
                memo.clear()
            hm = heading_match(piece, vocab)
            part = memo[piece] = hm[1] if hm is not None and hm[0] is not None and hm[0] == hm[1] else None
        if part is not None:
            parts.setdefault(sep, set()).add(part)
    seps = [s for s, found in parts.items() if len(found) >= _MIN_JOINED_PARTS]
    if not seps:
        return None
    return text.translate({ord(s): "\n" for s in seps})


# ----------------------------------------------------------------------------- inline headings

# a part numeral followed by its separator: 一、 二． 第三部分 …
_INLINE_HEAD = cached_compile(
    r"(?:第[ \t\u3000]*)?([一二三四五六七八九十])[ \t\u3000]*(?:部分[ \t\u3000]*[、.．:：﹑]?|[、.．﹑])[ \t\u3000]*"
)
# what every match of _INLINE_HEAD holds, from its numeral on: searched first, as the regular-expression
# engine skips to a numeral at once here, while _INLINE_HEAD, which may start with 第, is tried at
# every character of a line (most lines have no such numeral)
_INLINE_NUMERAL = cached_compile(r"[一二三四五六七八九十][ \t\u3000]*(?:部分|[、.．﹑])")
# a part numeral written as a section's or an item's (parse.SECTION_NUMERAL) where a line starts, and
# just before a heading's first words, ending there (an item number's "not after a digit or a point"
# is checked on the match; see split_line)
_ALT_START = cached_compile(r"[ \t\u3000]*(" + SECTION_NUMERAL + r"[ \t\u3000]*)")
_ALT_BEFORE = cached_compile(SECTION_NUMERAL + r"[ \t\u3000]*\Z")
# after these a heading may start (besides the start of the line): the end of a sentence, a closing
# bracket, a space, or the last digit of a table written just before it
_BEFORE_HEADING = set("。！？；;!?：:）)】」』”’\"'，,、|｜") | set("0123456789０１２３４５６７８９")
# where the wording of a heading certainly ends: a space, a digit, sentence punctuation or a bracket
_HARD_END = set("。，；：:;,！!？?（(《“\"") | set("0123456789０１２３４５６７８９")
_QUOTE_CHARS = set("“”\"‘’'「」『』")


def _norm_map(text: str, start: int = 0, end: Optional[int] = None) -> tuple[str, list[int], list[int]]:
    """The matching key of ``text[start:end]`` (NFKC, no whitespace or quotes, as :func:`labels.key`)
    plus, for every key character, the offset of the character it came from, and for every offset
    in ``[start, end]`` the index of the first key character at or after it."""
    end = len(text) if end is None else end
    seg = text[start:end]
    normed = unicodedata.normalize("NFKC", seg)
    if len(normed) == len(seg):  # the usual case: NFKC maps character to character
        # the key keeps the stretches between dropped characters (whitespace, quotes): build the maps
        # stretch by stretch rather than character by character
        size = len(seg)
        src = []
        at = []
        kept = 0
        prev = 0
        for d in [m.start() for m in _DROP_RE.finditer(normed)] + [size]:
            src.extend(range(start + prev, start + d))
            at.extend(range(kept, kept + d - prev))
            kept += d - prev
            at.append(kept)  # at[d]: a dropped character (or the end) maps to the next key character
            prev = d + 1
        return _DROP_RE.sub("", normed), src, at
    out: list[str] = []
    src = []
    at = []
    for i in range(start, end):
        at.append(len(out))
        ch = text[i]
        if ch.isspace() or ch in _QUOTE_CHARS:
            continue
        for c in unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch:
            if not c.isspace() and c not in _QUOTE_CHARS:
                out.append(c)
                src.append(i)
    at.append(len(out))
    return "".join(out), src, at


def _by_first(keys: Iterable[str]) -> dict:
    """First character -> the keys that start with it, longest first."""
    out: dict[str, list[str]] = {}
    for k in sorted(keys, key=len, reverse=True):
        out.setdefault(k[0], []).append(k)
    return out


_by_first_char = lru_cache(maxsize=8)(_by_first)  # of the heading vocabulary's starters (a frozenset)


def _starts_with_label(norm: str, j: int, starters: frozenset) -> bool:
    """Does one of ``starters`` (label keys) start at ``norm[j]``? (Only those with its first character
    are tried: a heading line is tested at every character.)"""
    if j >= len(norm):
        return False
    keys = _by_first_char(starters).get(norm[j])
    return keys is not None and any(norm.startswith(s, j) for s in keys)


def _heading_end(line: str, p: int, vocab: HeadingVocabulary) -> Optional[tuple[int, bool]]:
    """Where the wording of a part heading that starts at ``p`` ends: (end offset, strong).

    Strong: the words after the numeral begin with one of the official headings (the longest that
    fits): the heading ends there, whatever follows. Otherwise a keyword of a part heading that is
    followed by a hard end (space, digit, punctuation) or a table label ends it; failing that, the
    heading runs up to the first hard end — or, if a table label starts before it, up to the last
    such label start that leaves a recognisable heading in front of it.
    """
    limit = min(len(line), p + 3 * vocab.max_length)
    norm, src, at = _norm_map(line, p, limit)
    if not norm:
        return None
    official = max((h for h in vocab.headings if norm.startswith(h)), key=len, default=None)
    if official is not None:  # exactly an official heading: the body follows, whatever it is
        return src[len(official) - 1] + 1, True
    words = [w for _, ws in vocab.keywords for w in ws]
    best = max((w for w in words if norm.startswith(w)), key=len, default=None)
    if best is not None:
        q = src[len(best) - 1] + 1
        nxt = line[q] if q < len(line) else ""
        rest_at = at[q - p] if q - p < len(at) else len(norm)
        if not nxt or nxt.isspace() or nxt in _HARD_END or _starts_with_label(norm, rest_at, vocab.starters):
            return q, False
    hard = None
    for i in range(p, limit):
        if line[i].isspace() or line[i] in _HARD_END:
            hard = i
            break
    if hard is None:
        hard = limit if limit == len(line) else None
    if hard is None or hard <= p:
        return None
    soft = [i for i in range(p + 1, hard) if at[i - p] < len(norm) and src[at[i - p]] == i
            and _starts_with_label(norm, at[i - p], vocab.starters)]
    for q in sorted(soft, reverse=True):
        if vocab.part_of(line[p:q]) is not None:
            return q, False
    if vocab.part_of(line[p:hard]) is not None:
        return hard, False
    return None


def split_line(line: str, vocab: HeadingVocabulary) -> Optional[list[tuple[str, int, int]]]:
    """Cut a line at the part headings written inside it.

    Returns ``[(kind, start, end), …]`` with kind ``"HEADING"`` or ``"BODY"`` and offsets into
    ``line`` (the stretches between headings, blank ones left out), or None when the line holds no
    heading (then it is classified as a whole, as before). A heading is found where a part numeral
    and separator (``三、``) are followed by the words of a part heading, and the numeral agrees with
    the part those words name. It must stand at the start of the line or after a sentence end,
    closing bracket, space or digit — unless its words are exactly a heading of the vocabulary.
    """
    if "|" in line or "｜" in line:
        return None
    found: list[tuple[int, int]] = []
    # numbered as a section or an item (（一）总体情况, 1.总体情况): only with a heading's exact words,
    # so only right before the first four characters of one (two would take 3.其他, （六）其他处理 …).
    # Found from the heading's first words backwards (str.find scans a line many times faster than
    # the regex engine, which would try a numeral pattern at every character)
    alts = []
    # (mid-line only in a long line — a page run together —; a line of text or a table row is
    # looked at where it starts, where such a heading would stand in it)
    firsts = vocab.openings
    for words in (firsts if len(line) >= 160 else ()):
        j = line.find(words)
        while j != -1:
            m = _ALT_BEFORE.search(line, max(0, j - 8), j)
            if m is not None and (m.group(1) or not (m.start() and (line[m.start() - 1].isdecimal()
                                                                    or line[m.start() - 1] == "."))):
                alts.append((m.start(), j, section_number(m.group(1), m.group(2), m.group(3)), True))
            j = line.find(words, j + 1)
    if len(line) < 160:
        m = _ALT_START.match(line)
        if m is not None and line[m.end():m.end() + 4] in firsts:
            alts.append((m.start(1), m.end(), section_number(m.group(2), m.group(3), m.group(4)), True))
    first = _INLINE_HEAD.search(line) if _INLINE_NUMERAL.search(line) is not None else None
    if first is None and not alts:
        return None  # (most lines: no numeral of a part heading at all)
    starts = [] if first is None else [(m.start(), m.end(), NUMERALS[m.group(1)], False)
                                       for m in _INLINE_HEAD.finditer(line, first.start())]
    if alts:
        starts = sorted(starts + alts)
    for a, end, numeral, alt in starts:
        if found and a < found[-1][1]:
            continue
        got = _heading_end(line, end, vocab)
        if got is None:
            continue
        q, strong = got
        if alt and not strong:
            continue
        before = line[:a].rstrip(" \t\u3000")
        if before and not strong and before[-1] not in _BEFORE_HEADING and len(before) == len(line[:a]):
            continue
        hm = heading_match(line[a:q], vocab)
        if hm is None or hm[0] != numeral or hm[1] != numeral:
            continue
        found.append((a, q))
    if not found:
        return None
    out: list[tuple[str, int, int]] = []
    pos = 0
    for a, q in found:
        if line[pos:a].strip():
            out.append(("BODY", pos, a))
        out.append(("HEADING", a, q))
        pos = q
    if line[pos:].strip():
        out.append(("BODY", pos, len(line)))
    return out


# ----------------------------------------------------------------------------- run-together tables


class DigitRun(NamedTuple):
    """Digits written without separators where a row's cells should be (``21710000218``): a
    :class:`~govlint.parse.RawCell` with ``pieces``, the (start, end) offsets of the parts of the
    run separated by whitespace or a sign; a cell never spans two pieces, but one piece may hold
    several cells."""

    text: str
    start: int
    end: int
    spaced: bool = False
    pieces: tuple[tuple[int, int], ...] = ()


_DIGITS = set("0123456789０１２３４５６７８９")
_SIGNS = set("-－−")
_POINTS = set(".．")
_UNITS = ("万元", "元", "件", "条", "个", "项", "次", "%", "％")
# an unknown stretch between labels and numbers must not contain these: it would be prose
_PROSE_MARKS = set("。，；！？!?;,、")
_NUMBER_START = cached_compile(r"[0-9０-９]|[-－−](?=[0-9０-９])")
_ONE_NUMBER = cached_compile(r"[0-9０-９][.．、]")
_ITEM_NUMBER = cached_compile(r"[0-9０-９]{1,2}[.．、]")
_ITEM_MARKS = frozenset(".．、")  # what ends an item number (_ONE_NUMBER, _ITEM_NUMBER)
_MIN_LABELS = 3
_MIN_SPECIFIC = 2  # labels of at least four characters: 规章, 其他, 总计 alone prove nothing
_MAX_UNKNOWN = 30


@records.frozen
class LabelIndex:
    """The table labels of the editions, as matching keys: full (with item numbers) and bare."""

    full: dict = attrs.field(eq=False)  # first char -> keys, longest first
    bare: dict = attrs.field(eq=False)
    specific: frozenset = frozenset()
    keys: frozenset = frozenset()  # every key, full and bare
    specific_by_first: dict = attrs.field(factory=dict, eq=False)  # first char -> specific keys
    # every key in one alternation: "does any label occur in this text?" in one search, the
    # regular-expression engine skipping the characters no key starts with
    any_key: Any = attrs.field(default=None, eq=False, repr=False)
    # word -> _plain_word(word, self): rows repeat their labels and numbers from report to report
    plain_words: dict = attrs.field(factory=dict, init=False, eq=False, hash=False, repr=False)

    @classmethod
    def of(cls, editions: Iterable) -> "LabelIndex":
        full: set[str] = set()
        bare: set[str] = set()
        for ed in editions:
            for t in ed.tables:
                texts = [t.label_column or "", *t.notes]
                for b in t.blocks:
                    texts.append(b.caption or "")
                    for c in b.columns:
                        texts += [c.label, *c.aliases]
                    for r in b.rows:
                        for lab in (r.label, *r.aliases):
                            texts.append(lab)
                            bare.add(bare_key(lab))
                full.update(key(x) for x in texts if x)
        full.discard("")
        bare -= full
        bare.discard("")

        specific = frozenset(k for k in full | bare if len(bare_key(k)) >= 4)
        # one branch for each first character (行(?:政许可|政处罚|…)|其(?:他|…)|…): the engine then
        # tries a few dozen branches where a key may start, not each of the ~130 keys (searches ~1.7×
        # faster). Only where a key starts and whether one does are asked of it, which the order and
        # grouping of the alternatives do not change.
        every: dict[str, list[str]] = {}
        for k in sorted(full | bare, key=lambda k: (-len(k), k)):
            every.setdefault(k[0], []).append(re.escape(k[1:]))
        any_key = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(every.items()))
        return cls(_by_first(full), _by_first(bare), specific, frozenset(full | bare), _by_first(specific),
                   cached_compile(any_key) if every else None)

    def starters(self) -> frozenset:
        """Keys that may start the body of a part (for finding where a run-in heading ends)."""
        return frozenset(k for ks in self.full.values() for k in ks if len(k) >= 4)


class _Tok(NamedTuple):
    kind: str  # "label" | "digits" | "other"
    start: int
    end: int
    key: str = ""
    pieces: tuple[tuple[int, int], ...] = ()


class _Scanner:
    """Tokenise ``text[a:b]`` into known labels, digit runs and other characters."""

    def __init__(self, text: str, a: int, b: int, index: LabelIndex) -> None:
        self.text, self.a, self.b, self.index = text, a, b, index
        self.norm, self.src, self.at = _norm_map(text, a, b)
        # where each label occurs (longest first), found with str.find: no per-character probing
        self.found = {id(index.full): self._occurrences(index.full), id(index.bare): self._occurrences(index.bare)}
        self.label_starts = {self.src[j] for found in self.found.values() for j in found}  # offsets

    def _occurrences(self, table: dict) -> dict[int, str]:
        out: dict[int, str] = {}
        for j, k in _label_occurrences(self.norm, table):
            if j not in out or len(k) > len(out[j]):
                out[j] = k
        return out

    @property
    def any_label(self) -> bool:
        return any(self.found.values())

    def _match(self, i: int, table: dict) -> Optional[tuple[str, int]]:
        j = self.at[i - self.a]
        if j >= len(self.norm) or self.src[j] != i:
            return None
        k = self.found[id(table)].get(j)
        if k is None:
            return None
        return k, self.src[j + len(k) - 1] + 1

    def label_at(self, i: int, in_run: bool = False) -> Optional[tuple[str, int]]:
        """A known label starting at ``i``: a full key, or an item number plus a bare key.

        ``in_run``: ``i`` follows a digit, so an item number there has one digit only (in
        ``…40000042.其他法律…`` the label is ``2.其他法律…``, not ``42.其他法律…``).
        """
        text = self.text
        if i not in self.label_starts:  # no label found here: only an item number could start one
            if text[i] not in _DIGITS or not (
                    (i + 1 < self.b and text[i + 1] in _ITEM_MARKS)
                    or (not in_run and i + 2 < self.b and text[i + 2] in _ITEM_MARKS)):
                return None
        hit = self._match(i, self.index.full) or self._match(i, self.index.bare)
        if hit is None and self.text[i] in _DIGITS:
            # an item number the edition does not use (1. where it has 2.), then a bare label
            m = (_ONE_NUMBER if in_run else _ITEM_NUMBER).match(self.text, i, min(self.b, i + 3))
            if m:
                j = m.end()
                while j < self.b and self.text[j] in " \t\u3000":
                    j += 1
                # a short bare label may be indexed only in full (其他 is also a column): 3、其他 is one label
                hit = (self._match(j, self.index.bare) or self._match(j, self.index.full)) if j < self.b else None
        if hit is None:
            return None
        end = hit[1]
        while end < self.b and self.text[end] in "”’」』":  # a closing quote the key leaves out
            end += 1
        return hit[0], end

    def tokens(self) -> list[_Tok]:
        text, b = self.text, self.b
        out: list[_Tok] = []
        if not self.any_label:
            return out
        # positions worth a look: where a label starts, and digits; the text between is "other"
        starts = sorted(self.label_starts)
        si = 0
        i = self.a
        while i < b:
            ch = text[i]
            if ch.isspace():
                i += 1
                continue
            starts_number = ch in _DIGITS or (ch in _SIGNS and i + 1 < b and text[i + 1] in _DIGITS)
            hit = self.label_at(i) if starts_number or self._starts_label(i) else None
            if hit is not None:
                out.append(_Tok("label", i, hit[1], hit[0]))
                i = hit[1]
                continue
            if starts_number:
                tok = self._digits(i)
                out.append(tok)
                i = tok.end
                continue
            # jump to the next label start or digit
            while si < len(starts) and starts[si] <= i:
                si += 1
            nxt = starts[si] if si < len(starts) else b
            m = _NUMBER_START.search(text, i + 1, nxt)
            if m is not None:
                nxt = m.start()
            out.append(_Tok("other", i, nxt))
            i = nxt
        return _merge_other(text, out)

    def _starts_label(self, i: int) -> bool:
        j = self.at[i - self.a]
        return j < len(self.norm) and self.src[j] == i and any(j in found for found in self.found.values())

    def _digits(self, i: int) -> _Tok:
        text, b = self.text, self.b
        pieces: list[tuple[int, int]] = []
        start = i
        j = i
        while True:
            p0 = j
            if text[j] in _SIGNS:
                j += 1
            while j < b:
                c = text[j]
                if c in _DIGITS:
                    if j > p0 and text[j - 1] not in _SIGNS and self.label_at(j, in_run=True) is not None:
                        break  # the item number of the next row's label (…00000042.其他法律…)
                    j += 1
                elif c in _POINTS and j > p0 and text[j - 1] in _DIGITS and j + 1 < b and text[j + 1] in _DIGITS:
                    j += 1
                elif c == "," and j > p0 and text[j - 1] in _DIGITS and j + 3 < b and all(
                        x in _DIGITS for x in text[j + 1:j + 4]):
                    j += 1  # a thousands separator (1,234): part of the number, not prose
                else:
                    break
            pieces.append((p0, j))
            # the run goes on after whitespace or a sign, if digits follow that start no label
            k = j
            while k < b and text[k] in " \t\u3000":
                k += 1
            if k < b and k > p0 and (text[k] in _DIGITS or (text[k] in _SIGNS and k + 1 < b and text[k + 1] in _DIGITS)) \
                    and (k > j or text[k] in _SIGNS) and self.label_at(k, in_run=True) is None:
                j = k
                continue
            break
        end = pieces[-1][1]
        for u in _UNITS:
            if text.startswith(u, end) and end + len(u) <= b:
                end += len(u)
                pieces[-1] = (pieces[-1][0], end)
                break
        return _Tok("digits", start, end, pieces=tuple(pieces))


def _merge_other(text: str, toks: list[_Tok]) -> list[_Tok]:
    """Join neighbouring single characters of unknown text (whitespace between them included)."""
    out: list[_Tok] = []
    for t in toks:
        if t.kind == "other" and out and out[-1].kind == "other" and not text[out[-1].end:t.start].strip():
            out[-1] = _Tok("other", out[-1].start, t.end)
        else:
            out.append(t)
    return out


def _stretches(text: str, toks: list[_Tok]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of ``toks`` that read as a run-together table (labels and digit runs)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if toks[i].kind != "label":
            i += 1
            continue
        j = i + 1
        last = i
        while j < len(toks):
            t = toks[j]
            if t.kind == "other":
                s = text[t.start:t.end]
                if any(c in _PROSE_MARKS for c in s) or len(s.strip()) > _MAX_UNKNOWN:
                    break
            else:
                last = j
            j += 1
        out.append((i, last + 1))
        i = last + 1
    return out


def _valid(toks: Sequence[_Tok], index: LabelIndex) -> bool:
    labels = [t for t in toks if t.kind == "label"]
    return (len(labels) >= _MIN_LABELS and any(t.kind == "digits" for t in toks)
            and len({t.key for t in labels if t.key in index.specific}) >= _MIN_SPECIFIC)


#: what counts follow in prose (因…被提起行政诉讼和申请行政复议合计3起。): a measure word after a figure
_MEASURES = frozenset("起件次个项宗份例人")


def _a_sentence(text: str, toks: Sequence[_Tok]) -> bool:
    """Is the stretch a sentence counting something, not a table: one figure only, after its labels,
    and a clause ends right after it (its measure word aside) — “因政府信息公开被提起行政诉讼和申请行政复议
    合计3起。” names two of table 四's groups and a word of table 三's (合计) before one count."""
    digits = [t for t in toks if t.kind == "digits"]
    if len(digits) != 1 or toks[-1] is not digits[0]:
        return False
    end = digits[0].end
    if end < len(text) and text[end] in _MEASURES:
        end += 1
    return end < len(text) and text[end] in _PROSE_MARKS


def _cells(text: str, toks: Sequence[_Tok]) -> list[tuple[RawCell, CellValue]]:
    out: list[tuple[RawCell, CellValue]] = []
    for t in toks:
        s = text[t.start:t.end]
        if t.kind == "digits":
            a, e = t.pieces[0]
            v = parse_cell(text[a:e])
            if v.kind != "number":  # too many digits to be one number: still values, never a label
                v = attrs.evolve(v, kind="number", value=None)
            out.append((DigitRun(s, t.start, t.end, pieces=t.pieces), v))
            continue
        if t.kind == "other":
            lead = len(s) - len(s.lstrip())
            s = s.strip()
            out.append((RawCell(s, t.start + lead, t.start + lead + len(s)), parse_cell(s)))
            continue
        out.append((RawCell(s, t.start, t.end), parse_cell(s)))
    return out


def _take_tail_rows(text: str, group: list[tuple[int, int, int]],
                    scans: Sequence[tuple[list[_Tok], list[tuple[int, int]]]]) -> None:
    """Rows of a table cut off from it by a mark that is no prose (``（七）总计3000003。四、结转下年度继续办理0000000``,
    ``…<!-- page -->…``): a stretch right after the table's last one in its paragraph, a label and
    its figures, too short to be a table of its own, is the table's (else its figures were lost)."""
    k, i, j = group[-1]
    toks, spans = scans[k]
    for i2, j2 in spans:
        if i2 < j:
            continue
        gap = toks[j:i2]
        if len(gap) > 1 or (gap and not _mark_only(text, gap[0])):
            return
        if j2 - i2 < 2 or toks[i2].kind != "label" or toks[i2 + 1].kind != "digits":
            return
        if j2 - i2 >= 2 * _MIN_LABELS:  # long enough to be a table of its own: it was judged as one
            return
        group.append((k, i2, j2))
        j = j2


def _mark_only(text: str, tok: _Tok) -> bool:
    """An unknown stretch of marks only (``。``, ``<!-- page -->``): no Chinese word, short."""
    s = text[tok.start:tok.end].strip()
    return len(s) <= _MAX_UNKNOWN and not any("\u3400" <= ch <= "\u9fff" for ch in s)


def paragraph_pieces(text: str, paragraphs: Sequence[tuple[int, int]], index: LabelIndex) -> list[tuple]:
    """Find run-together tables in consecutive paragraphs (``(start, end)`` offsets into ``text``).

    Returns the pieces in order: ``("paragraph", k)`` for paragraph ``k`` left as it is,
    ``("text", start, end)`` for prose cut from a paragraph, ``("table", cells)`` for a table (the
    cells as :class:`RawCell` / :class:`DigitRun` with their values, as the aligner consumes them).
    A table may continue over several paragraphs (one row per line); paragraphs without a table
    come back unchanged.
    """
    if not any(_DIGIT_RE.search(text, a, b) for a, b in paragraphs):
        # a table needs a digit run (see _valid), and digit runs start at a digit
        return [("paragraph", k) for k in range(len(paragraphs))]
    keyed = [_key_text(text, a, b) if b > a else "" for a, b in paragraphs]
    # where the first label starts in each paragraph's key (-1: none); the count below goes on from
    # there rather than searching the key from its start a second time
    firsts = [_first_label(norm, index) for norm in keyed]
    labelled = [f >= 0 for f in firsts]
    # a table needs _MIN_LABELS label tokens in one group, and each label token starts where a label
    # was found; a group spans paragraphs only through one whose last token is a label or digits,
    # which a paragraph ending in a sentence mark (the mark is in no label) does not have. (The
    # label starts are counted on the key, which is the scanner's: its offset maps are not needed.)
    # This test comes before the one for specific labels below: it is the cheaper of the two, and it
    # settles the part 一 of most reports, several paragraphs of prose ending in 。
    if _GROUP_SHORTCUT and all(f < 0 or (_ends_sentence(text, a, b)
                                         and not _label_starts_reach(norm, index, _MIN_LABELS - 1, f + 1))
                               for f, norm, (a, b) in zip(firsts, keyed, paragraphs)):
        return [("paragraph", k) for k in range(len(paragraphs))]
    # a table needs two specific labels (see _valid); every label token's key occurs in its paragraph
    joined = "\n".join(keyed)  # keys hold no whitespace: a key occurs in the joined text iff in one paragraph
    if not _has_specific(joined, index):
        return [("paragraph", k) for k in range(len(paragraphs))]
    scanners = [_Scanner(text, a, b, index) if has else None for has, (a, b) in zip(labelled, paragraphs)]
    scans: list[tuple[list[_Tok], list[tuple[int, int]]]] = []
    for sc in scanners:
        toks = sc.tokens() if sc is not None else []
        scans.append((toks, _stretches(text, toks)))
    # groups of stretches: a stretch that ends its paragraph continues into one that opens the next
    groups: list[list[tuple[int, int, int]]] = []  # [(paragraph, i, j)]
    prev_open = False
    for k, (toks, spans) in enumerate(scans):
        for n, (i, j) in enumerate(spans):
            if n == 0 and i == 0 and prev_open and groups:  # the stretch opens its paragraph
                groups[-1].append((k, i, j))
            else:
                groups.append([(k, i, j)])
        prev_open = bool(spans) and spans[-1][1] == len(toks)
        if not spans:
            prev_open = False
    tables: dict[int, list[tuple[int, int, int]]] = {}
    for g in groups:
        toks = [t for k, i, j in g for t in scans[k][0][i:j]]
        if _valid(toks, index) and not _a_sentence(text, toks):
            tables[id(g)] = g
    if not tables:
        return [("paragraph", k) for k in range(len(paragraphs))]
    for g in tables.values():
        _take_tail_rows(text, g, scans)
    cut: dict[int, list[tuple[int, int, Optional[list]]]] = {}  # paragraph -> [(start, end, group or None)]
    for g in tables.values():
        for n, (k, i, j) in enumerate(g):
            toks = scans[k][0]
            cut.setdefault(k, []).append((toks[i].start, toks[j - 1].end, g if n == 0 else None))
    out: list[tuple] = []
    for k, (a, b) in enumerate(paragraphs):
        if k not in cut:
            out.append(("paragraph", k))
            continue
        pos = a
        for s, e, g in sorted(cut[k], key=lambda x: x[0]):
            if text[pos:s].strip():
                out.append(("text", pos, s))
            if g is not None:
                toks = [t for kk, i, j in g for t in scans[kk][0][i:j]]
                out.append(("table", _cells(text, toks)))
            pos = e
        if text[pos:b].strip():
            out.append(("text", pos, b))
    return out


_DIGIT_RE = cached_compile(r"[0-9０-９]")
# a character the matching key leaves out (as in _norm_map: str.isspace(), which ``\s`` matches
# exactly, and quotes)
_DROP_RE = cached_compile("[\\s" + re.escape("".join(sorted(_QUOTE_CHARS))) + "]")


def _key_text(text: str, a: int, b: int) -> str:
    """The matching key of ``text[a:b]`` as :func:`_norm_map` computes it, without the offset maps."""
    seg = text[a:b]
    normed = unicodedata.normalize("NFKC", seg)
    if len(normed) == len(seg):
        return _DROP_RE.sub("", normed)
    return _DROP_RE.sub("", "".join(unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch for ch in seg))


def _may_hold_table(text: str, a: int, b: int, index: LabelIndex) -> bool:
    """Cheap pre-check: does any known label occur in ``text[a:b]``? Without one the scanner finds
    no token worth keeping (:meth:`_Scanner.tokens` returns nothing), so the offset maps of
    :func:`_norm_map` need not be built. (A table's header line may have no digit and a paragraph of
    prose may be long, so neither decides.)"""
    return b > a and _has_label(_key_text(text, a, b), index)


_SENTENCE_MARKS = frozenset("。；！？!?;")
_GROUP_SHORTCUT = True  # (tests turn it off to compare with the full scan)


def _ends_sentence(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` end (blanks aside) with a sentence mark? No label key holds one (checked
    in tests), so the paragraph's last token is then unknown text."""
    seg = text[a:b].rstrip()
    return bool(seg) and seg[-1] in _SENTENCE_MARKS


def _label_starts_reach(norm: str, index: LabelIndex, limit: int = _MIN_LABELS, pos: int = 0) -> bool:
    """Do labels start at ``limit`` or more places of ``norm`` (from ``pos`` on)? (As
    ``len(_Scanner(…).label_starts) >= limit`` for the paragraph whose key ``norm`` is, stopping at
    ``limit``.)"""
    if index.any_key is None:  # (no labels at all)
        return limit <= 0
    # ``any_key`` holds every key, full and bare: searching again from just after each match finds
    # every place where some key starts, in one pass of the regular-expression engine instead of a
    # str.find for each key whose first character occurs
    for _ in range(limit):
        m = index.any_key.search(norm, pos)
        if m is None:
            return False
        pos = m.start() + 1
    return True


def _label_occurrences(norm: str, table: dict) -> Iterator[tuple[int, str]]:
    """(position, key) of every occurrence in ``norm`` of a key of ``table`` (first char -> keys),
    found with str.find: no per-character probing."""
    for first, keys in table.items():
        if first not in norm:
            continue
        for k in keys:
            j = norm.find(k)
            while j != -1:
                yield j, k
                j = norm.find(k, j + 1)


def _has_specific(norm: str, index: LabelIndex) -> bool:
    """Do at least ``_MIN_SPECIFIC`` of the specific labels occur in ``norm``?"""
    found = 0
    for first, keys in index.specific_by_first.items():
        if first in norm:
            for k in keys:
                if k in norm:
                    found += 1
                    if found >= _MIN_SPECIFIC:
                        return True
    return False


def _first_label(norm: str, index: LabelIndex) -> int:
    """Where the first label key (full or bare) starts in ``norm``; -1 if none occurs."""
    m = index.any_key.search(norm) if index.any_key is not None else None
    return -1 if m is None else m.start()


def _has_label(norm: str, index: LabelIndex) -> bool:
    """Does any label key (full or bare) occur in ``norm``?"""
    return index.any_key is not None and index.any_key.search(norm) is not None


def _plain_word(word: str, index: LabelIndex) -> bool:
    """A word that cannot hold a label run together with anything: a number (no letter or CJK
    character, so no label), or exactly one known label (``1.属于国家秘密``; without its item number
    only if it has no digit, which could start a digit run)."""
    if word.isdigit() or not any(ch.isalpha() for ch in word):  # (isdigit: the usual figure, in one call)
        return True
    k = key(word)
    return k in index.keys or (not any(ch in _DIGITS for ch in k) and bare_key(word) in index.keys)


def run_together(text: str, start: int, end: int, index: LabelIndex) -> bool:
    """Does a whitespace-separated word of ``text[start:end]`` hold several known labels, or a
    label and digits, run together (``结果维持结果纠正…总计``, ``规章000``)? Then the line is read as
    a flattened table rather than cell by cell."""
    if not _DIGIT_RE.search(text, start, end):
        return False
    memo = index.plain_words
    for w in text[start:end].split():
        plain = memo.get(w)
        if plain is None:
            if len(memo) > 20000:
                memo.clear()
            plain = memo[w] = _plain_word(w, index)
        if not plain:
            break
    else:
        return False  # a label, then numbers (the usual row): no word holds two things
    return _scanned_run_together(text, start, end, index)


def _scanned_run_together(text: str, start: int, end: int, index: LabelIndex) -> bool:
    """:func:`run_together` by scanning the words for labels and digit runs."""
    if not _may_hold_table(text, start, end, index):
        return False
    toks = _Scanner(text, start, end, index).tokens()
    for m in re.finditer(r"\S+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        inside = [t for t in toks if a <= t.start and t.end <= b]
        if any(t.kind == "label" for t in inside) and sum(t.kind != "other" for t in inside) >= 2:
            return True
    return False
