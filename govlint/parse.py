"""parse: Source text -> Lark tree of title, preamble, parts, paragraphs and tables.

A small line classifier turns each non-blank line into one terminal (see ``grammar/report.lark``);
an LALR parser built once per process groups the terminals into the document tree. The parser knows
document structure only: which wording names which of the six parts is handed in as a
:class:`HeadingVocabulary` (built from the editions' data), so no edition knowledge lives here.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple, Optional, Sequence

import attrs
import lark
from lark.lexer import Lexer, Token

from . import records
from .labels import bare_key, common_writing, key as label_key
from .numbers import parse_cell
from .packagedata import cache_dir, cache_key, read_text
from .relazy import cached_compile, lazy_compile

NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# a part numeral written as a section's or an item's — （一） (一) 1. 1、 — (groups: the Chinese numeral,
# the digit; see section_number): a part heading so numbered must have the exact words of one
# — or as a list numbers it in another style (甲、 壹、 ①, as Word's ideographTraditional,
# chineseLegalSimplified and decimalEnclosedCircle number a list)
SECTION_NUMERAL = (r"(?:[（(][ \t\u3000]*([一二三四五六])[ \t\u3000]*[）)]"
                   r"|([1-6１-６甲乙丙丁戊己壹贰叁肆伍陆])[ \t\u3000]*[.、．,，](?!\d)|([①②③④⑤⑥]))")
_OTHER_NUMERALS = {ch: i + 1 for s in ("123456", "１２３４５６", "甲乙丙丁戊己", "壹贰叁肆伍陆", "①②③④⑤⑥") for i, ch in enumerate(s)}


def section_number(chinese: Optional[str], digit: Optional[str], circled: Optional[str] = None) -> int:
    """The part number of a :data:`SECTION_NUMERAL` match's groups."""
    return NUMERALS[chinese] if chinese else _OTHER_NUMERALS[digit or circled]

# 一、总体情况 / 一.总体情况 / 一．总体情况 / 第一部分 总体情况 / 一 总体情况
# Written so that no two quantifiers compete for the same characters (the earlier form backtracked
# cubically on a numeral followed by a long run of spaces): the separator (spaces, 部分, punctuation)
# is whatever lies between group 1 and group 2 and must not be empty; trailing spaces are cut in code.
_HEADING_RE = cached_compile(
    r"^[ \t\u3000\f]*(?:第[ \t\u3000]*)?([一二三四五六七八九十])[ \t\u3000]*(?:部分[ \t\u3000]*)?"
    r"(?:[、.．,，:：﹑][ \t\u3000]*)?(\S.*)"
)
_TRAILING = " \t\u3000|｜"
_SENTENCE_END = cached_compile(r"[。；;！!？?]")
_PIPE = cached_compile(r"[|｜]")
_ARTIFACT_RE = cached_compile(r"^[\s|｜:：\-—=+]*$")
# a Markdown separator cell (|---|, |:---:|); shorter dashes are cells ("-" or "——" written for "none")
_SEPARATOR_CELL = cached_compile(r":?(?:-{3,}|={3,}):?")


def _is_artifact(line: str) -> bool:
    """Pipes only (the scraper's empty cells), or a Markdown separator row."""
    if not _ARTIFACT_RE.match(line):
        return False
    cells = [c.strip() for c in _PIPE.split(line)]
    return all(not c or _SEPARATOR_CELL.fullmatch(c) for c in cells)


# a word of a space-separated line; str.split() cuts at exactly these blanks (``\s`` is what
# str.isspace() accepts, \u3000 among them) and is used where no offsets are needed
_WS_TOKEN = cached_compile(r"[^\s\u3000]+")
_CJK = lazy_compile(r"[\u3400-\u9fff]")  # compiled when first needed (~2 ms)
_BRACKETED = cached_compile(r"[（(][^（）()]*[）)]")


def normalize(text: str) -> str:
    """The matching key of a label: NFKC, no whitespace, 其它 as 其他. Used for matching only, never
    for positions."""
    return common_writing("".join(unicodedata.normalize("NFKC", text).split()))


@records.frozen
class HeadingVocabulary:
    """What the six part headings say: part number -> keywords, plus the exact official headings."""

    keywords: tuple[tuple[int, tuple[str, ...]], ...]
    max_length: int = 40
    # keys of labels that may open a part's body (table captions, column and row labels): where a
    # heading run into its body text ends (see govlint.flatten.split_line)
    starters: frozenset = frozenset()
    headings: frozenset = frozenset()  # keys of the exact official headings (without their numerals)
    labels: frozenset = frozenset()  # keys of every table label (full and bare), short ones too
    # part -> keys of its official headings (each edition's): what a reworded heading numbered as a
    # part (一、总体概况) is compared with when none of the part's keywords is in it
    official: tuple[tuple[int, tuple[str, ...]], ...] = ()
    # keys a heading written without its numeral may have: a keyword of four characters or more,
    # alone or followed by 情况 (derived from ``keywords``)
    bare: frozenset = attrs.field(init=False, eq=False, repr=False)
    # the first character and the first four characters of the exact headings (quick tests before a
    # heading numbered as a section is looked up)
    initials: frozenset = attrs.field(init=False, eq=False, repr=False)
    openings: tuple = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        words = [w for _, ws in self.keywords for w in ws if len(w) >= 4]
        object.__setattr__(self, "bare", frozenset(words) | frozenset(w + "情况" for w in words))
        object.__setattr__(self, "initials", frozenset(h[:1] for h in self.headings))
        object.__setattr__(self, "openings", tuple(sorted({h[:4] for h in self.headings})))

    def part_of(self, text: str) -> Optional[int]:
        key = normalize(text)
        best: tuple[int, int] | None = None  # (keyword length, -part)
        for part, words in self.keywords:
            for w in words:
                if w in key and (best is None or len(w) > best[0]):
                    best = (len(w), part)
        return best[1] if best else None

    def resembles(self, part: Optional[int], text: str) -> bool:
        """Whether ``text`` reads much like part ``part``'s official heading (a reworded heading:
        总体概况 for 总体情况, 其他需要说明的事项 for 其他需要报告的事项): most of its characters, in order;
        or its opening words alone (其他, 其他情况 for 其他需要报告的事项)."""
        k = normalize(text)
        if part is None or len(k) < 2:
            return False
        # the official heading's opening words alone, or with 情况/事项 (六、其他, 六、其他情况: the words
        # that name the part without the rest of its heading)
        opening = k[:-2] if len(k) > 3 and k[-2:] in ("情况", "事项") else k
        if len(opening) >= 2 and any(h.startswith(opening) for n, heads in self.official if n == part for h in heads):
            return True
        if len(k) < 4:
            return False
        import difflib  # (only here: a heading numbered as a part without its words is rare; ~1 ms to import)

        for n, heads in self.official:
            if n == part:
                return any(difflib.SequenceMatcher(None, k, h, autojunk=False).ratio() >= _RESEMBLES for h in heads)
        return False


#: how much of an official heading a reworded one keeps (difflib ratio: 2 × matching characters over
#: both lengths; 总体概况/总体情况 0.75, 其他需要说明的事项/其他需要报告的事项 0.78)
_RESEMBLES = 0.75


class RawCell(NamedTuple):
    """A cell as cut from a table line: text and offsets in the source text (a named tuple: a
    report has a few hundred)."""

    text: str
    start: int
    end: int
    spaced: bool = False  # cut at whitespace (a space-separated row): may be part of a longer label


# Markdown around a heading: "## 一、总体情况", "**一、总体情况**"
_MARKUP_CHARS = " \t\u3000\f#*_'"  # (\f: a page break before it, in text from a PDF; ': MediaWiki's '''bold''')


def heading_bounds(line: str) -> tuple[int, int]:
    """Where the heading text of a heading line starts and ends: without surrounding blanks, table
    pipes or Markdown marks (``**一、总体情况**``, ``## 一、总体情况``)."""
    end = len(line.rstrip(" \t\u3000|｜*_'"))
    start = len(line) - len(line.lstrip(_MARKUP_CHARS))
    return (start, end) if start < end else (0, len(line.strip()))


#: a title's mark in a markup other than Markdown: AsciiDoc's and MediaWiki's ``=`` (``== 标题``,
#: ``= 标题 =``), Textile's block signature (``h1.``, ``h1(class#id).``), reStructuredText's
#: ``.. rubric::`` / ``.. title::`` (pandoc writes a page's title so)
_TITLE_MARK = cached_compile(r"(?:=+|h[1-6](?:\([^()\n]{0,300}\))?\.|\.\.[ \t]*(?:rubric|title)::)[ \t\u3000]+")
_TITLE_MARK_FIRST = frozenset("=h.")


def title_bounds(line: str) -> tuple[int, int]:
    """:func:`heading_bounds` of a title line, without a markup's title marks as well (see
    ``_TITLE_MARK``; MediaWiki's closing ``=`` too)."""
    a, b = heading_bounds(line)
    if line[a:a + 1] in _TITLE_MARK_FIRST:
        m = _TITLE_MARK.match(line, a, b)
        if m is not None and m.end() < b:
            if line[a] == "=":  # (MediaWiki closes it: = 标题 =)
                b = len(line[:b].rstrip("=").rstrip(" \t\u3000"))
            a = m.end()
    return (a, b) if a < b else heading_bounds(line)


# a part heading numbered as a section or an item — "（一）总体情况", "1.总体情况", "1、总体情况": taken
# for a part heading only with the exact wording of one (a section of part 一 is "（一）主动公开")
_ALT_HEADING_RE = cached_compile(r"[ \t\u3000]*" + SECTION_NUMERAL + r"[ \t\u3000]*(\S.*)")


_ALT_FIRST = frozenset("（(123456１２３４５６甲乙丙丁戊己壹贰叁肆伍陆①②③④⑤⑥")  # (what such a heading starts with, tested before the pattern)


_MISREAD_NUMERALS = {"=": "二", "-": "一", "—": "一", "－": "一", "≡": "三"}
_NUMERAL_SEPARATORS = frozenset("、.．,，﹑")


def heading_match(line: str, vocab: HeadingVocabulary) -> Optional[tuple[Optional[int], Optional[int]]]:
    """(written numeral, part named by the wording) if ``line`` is a part heading, else None."""
    m = _heading_match(line, vocab)
    return None if m is None else m[:2]


def _heading_match(line: str, vocab: HeadingVocabulary) -> Optional[tuple[Optional[int], Optional[int], bool]]:
    """``heading_match`` and whether the words are a part heading's as the format (or a common
    variant of it) writes them, rather than only naming or resembling the part (``二、主动公开``)."""
    if _PIPE.search(line):
        return None
    if "\n" in line:  # a heading broken over two lines (see _join_broken_headings): read as one
        line = one_line(line)
    if line[:1] in "#*_'" or line[-1:] in "*_' \t\u3000" and line.rstrip()[-1:] in "*_'":  # Markdown's (MediaWiki's) marks
        a, b = heading_bounds(line)
        line = line[a:b]
    stripped = line.strip()
    if stripped[:1] in _MISREAD_NUMERALS and stripped[1:2] in _NUMERAL_SEPARATORS:
        # a part's numeral OCR misread: =、 for 二、, -、 for 一、 (the wording must still name the part)
        line = line.replace(stripped[0], _MISREAD_NUMERALS[stripped[0]], 1)
        stripped = line.strip()
    # (a heading is short: a numbered paragraph "1.健全组织领导……" is not tried)
    alt = _ALT_HEADING_RE.match(line) if stripped[:1] in _ALT_FIRST and len(stripped) <= vocab.max_length + 8 else None
    if alt is not None and alt.group(4)[:1] in vocab.initials and (
            label_key(alt.group(4)) in vocab.headings or _full_stop_heading(alt.group(4), vocab) is not None):
        part = vocab.part_of(alt.group(4))
        return (section_number(alt.group(1), alt.group(2), alt.group(3)), part, True) if part is not None else None
    m = _HEADING_RE.match(line)
    if m and m.end(1) < m.start(2):  # a separator after the numeral
        rest = m.group(2)
        rest = rest[:1] + rest[1:].rstrip(_TRAILING)
        if len(normalize(rest)) > vocab.max_length:
            return None
        if _SENTENCE_END.search(rest):
            # a full stop after the exact words of a part heading (二、主动公开政府信息情况。, as the
            # format's own text writes its items: （一）总体情况。) ends the heading, not a sentence
            rest = _full_stop_heading(rest, vocab)
            if rest is None:
                return None
        if any(_value_like(t) for t in rest.split()[1:]):
            return None  # a table row label followed by its values
        part = vocab.part_of(rest)
        if part is None:
            # none of the words that name a part: a heading numbered as a part and worded much like
            # that part's official heading is that part, reworded (GL103 says how)
            number = NUMERALS.get(m.group(1))
            return (number, number, False) if vocab.resembles(number, rest) else None
        return NUMERALS.get(m.group(1)), part, label_key(rest) in vocab.headings
    # a heading written without its numeral: only the exact wording of a part heading
    if 2 <= len(stripped) <= vocab.max_length and not _SENTENCE_END.search(stripped):
        if normalize(stripped) in vocab.bare:
            part = vocab.part_of(stripped)
            if part is not None:
                return None, part, True
    return None


_FULL_STOPS = "。．."


def one_line(text: str) -> str:
    """A heading broken over lines (see :func:`_join_broken_headings`) as one: its lines joined,
    the blanks at the break left out (a heading is Chinese: no space between its words)."""
    pieces = text.splitlines()
    return pieces[0].rstrip() + "".join(x.strip() for x in pieces[1:]) if len(pieces) > 1 else text


#: what a numbered part heading's line starts with (三、 （三） 3. ③ 第三部分), tested before a
#: broken heading is looked for
_BROKEN_FIRST = frozenset("一二三四五六第") | _ALT_FIRST


def _join_broken_headings(lines: list[Line], text: str, vocab: HeadingVocabulary) -> bool:
    """A part heading broken over two lines (a line break typed in it, Shift+Enter in Word, ``<br>``
    in a page: ``三、收到和处理政府信息公开`` / ``申请情况``) is one heading line: joined when the first
    line alone is no part heading or not in the format's words, and the two together are the exact
    words of one. A heading followed by its body (``四、……情况`` / ``无。``) is exact alone, or the two
    together are not a heading's words: left apart. Whether a heading was joined."""
    joined = False
    limit = vocab.max_length + 8
    # (the lines that may open one, looked for in one pass; taken from the last, so that a join does
    # not move those before it — a line that opens one is never the end of another)
    starts = [i for i, a in enumerate(lines) if (a.kind == "TEXT" or a.kind == "HEADING") and a.text.lstrip()[:1] in _BROKEN_FIRST]
    for i in reversed(starts):
        if i + 1 >= len(lines):
            continue
        a, b = lines[i], lines[i + 1]
        i += 1
        if b.kind not in ("TEXT", "SPACED", "HEADING") or b.number != a.number + 1:
            continue
        first, second = a.text.strip(), b.text.strip()
        if first[:1] not in _BROKEN_FIRST or len(first) > limit or not second or len(second) > limit \
                or second[:1] in _BROKEN_FIRST:
            continue
        alone = _heading_match(a.text, vocab)
        if alone is not None and alone[2]:
            continue
        both = _heading_match(a.text.rstrip() + second, vocab)
        if both is None or not both[2] or both[0] is None or (alone is not None and alone[1] != both[1]):
            continue
        lines[i - 1] = Line("HEADING", text[a.start:b.start + len(b.text)], a.start, a.number)
        del lines[i]
        joined = True
    return joined


def _full_stop_heading(rest: str, vocab: HeadingVocabulary) -> Optional[str]:
    """``rest`` without the full stop it ends in, when what comes before is the exact wording of a
    part heading and holds no sentence end of its own; else None."""
    words = rest.rstrip(_TRAILING)
    if words[-1:] not in _FULL_STOPS:
        return None
    words = words.rstrip(_FULL_STOPS).rstrip(_TRAILING)
    if not words or _SENTENCE_END.search(words) or label_key(words) not in vocab.headings:
        return None
    return words


def _demote_lookalikes(lines: list[Line], vocab: HeadingVocabulary) -> None:
    """A heading numbered as a part whose words only name or resemble the part's (``二、主动公开`` as a
    sub-heading of part 一, numbered as parts are) is no part heading when the report writes that
    part's own heading (the format's words, or a common variant) too: it is a line of the part it is in."""
    heads = [i for i, ln in enumerate(lines) if ln.kind == "HEADING"]
    if len(heads) <= 6 and len({lines[i].text.strip()[:1] for i in heads}) == len(heads):
        return  # (each heading with its own numeral, six at most: no part has two)
    by_part: dict[Optional[int], list[tuple[int, bool]]] = {}
    for i in heads:
        m = _heading_match(lines[i].text, vocab)
        if m is not None:
            by_part.setdefault(m[1], []).append((i, m[2]))
    for found in by_part.values():
        if len(found) > 1 and any(exact for _, exact in found):
            for i, exact in found:
                if not exact:
                    lines[i] = lines[i]._replace(kind=_classify_line(lines[i].text))
    # a heading without its numeral that is a label of a table (表四's 行政复议, 行政诉讼 alone on their
    # lines, as text extracted from a PDF box by box writes them) after the part's numbered heading:
    # a cell of the part's table
    if vocab.labels:
        numbered: set = set()
        for i in heads:
            m = _heading_match(lines[i].text, vocab)
            if m is None or lines[i].kind != "HEADING":
                continue
            if m[0] is not None:
                numbered.add(m[1])
            elif m[1] in numbered and label_key(lines[i].text) in vocab.labels:
                lines[i] = lines[i]._replace(kind=_classify_line(lines[i].text))


def split_cells(kind: str, line: str, offset: int) -> list[RawCell]:
    """Cut a table line (CELL/ROW/SPACED) into cells with their offsets in the source text."""
    cells: list[RawCell] = []
    if kind == "SPACED":
        pos, find = 0, line.find
        for word in line.split():  # (each word starts at the first character after the blanks)
            a = find(word, pos)
            pos = a + len(word)
            cells.append(_new_tuple(RawCell, (word, offset + a, offset + pos, True)))
        return cells
    if kind == "ARTIFACT":
        return cells
    return _cells_of(_PIPE.split(line), offset)


def _cells_of(pieces: Sequence[str], offset: int) -> list[RawCell]:
    """The cells of a line cut at its pipes (each pipe is one character). A blank first piece is what
    comes before a leading pipe (Markdown opens the row with one) and a blank last piece what follows
    the last pipe: neither is a cell; a blank piece in between is an empty cell."""
    cells: list[RawCell] = []
    last = len(pieces) - 1
    a = offset
    for i, seg in enumerate(pieces):
        s = seg.strip()
        if s:
            lead = a + len(seg) - len(seg.lstrip())
            cells.append(_new_tuple(RawCell, (s, lead, lead + len(s), False)))
        elif 0 < i < last:
            cells.append(_new_tuple(RawCell, ("", a, a, False)))
        a += len(seg) + 1
    return cells


def _pipe_line(line: str, offset: int) -> tuple[str, tuple[RawCell, ...]]:
    """Kind (as :func:`_classify_line`) and cells (as :func:`split_cells`) of a line holding a
    pipe, from one split."""
    if not line.strip().strip("|｜"):  # pipes only (the scraper's empty cells: |||): no need to cut
        return "ARTIFACT", ()
    pieces = line.split("|") if "｜" not in line else _PIPE.split(line)  # (str.split: the usual ASCII pipes)
    if _ARTIFACT_RE.match(line) and all(not c.strip() or _SEPARATOR_CELL.fullmatch(c.strip()) for c in pieces):
        return "ARTIFACT", ()
    cells = _cells_of(pieces, offset)
    return ("ROW" if sum(1 for c in cells if c.text) > 1 else "CELL"), tuple(cells)


def _value_like(token: str) -> bool:
    return parse_cell(token).kind in ("number", "placeholder")


# a web page's pager (第1页 第2页 下一页 尾页): short words set apart, but no table's header
_PAGER = cached_compile(r"[上下]\s*一\s*页")


# a comma or semicolon outside brackets: words of a sentence (a line of prose with its figures set
# apart, 行政复议 0 件，行政诉讼 0 件，), never a table's header line
_CLAUSE_MARKS = cached_compile(r"[，；;]")


_TRAILING_BLANKS = frozenset("\t \u3000")


# a table's caption: 表1 主动公开政府信息情况, 表2：…, 附表3 … (a row never starts so)
_CAPTION = cached_compile(r"[ \t\u3000]*附?表[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,2}(?![0-9０-９])")
_CAPTION_FIRST = frozenset("表附 \t\u3000")
# the mark a table continued on the next page carries: 续表, （续表）, 续表2, 续上表, 表2（续）
_CONTINUED = cached_compile(r"[（(]?(?:续上?表[0-9０-９一二三四五六七八九十]{0,2}|表[0-9０-９一二三四五六七八九十]{1,2}[（(]续[）)])[）)]?[:：]?")
_CONTINUED_FIRST = frozenset("（(续表")
# a rule of a table drawn with dashes (pandoc's simple and multiline tables, ``tabulate``'s "simple"
# format): a run of dashes or equals signs the width of the table, or one such run a column
_RULE_LINE = cached_compile(r"[ \t\u3000]*(?:[-=]{4,}[ \t\u3000]+){1,60}[-=]{4,}[ \t\u3000]*|[ \t\u3000]*[-=]{10,}[ \t\u3000]*")


def is_rule_line(line: str) -> bool:
    """A line drawing a rule of a table with dashes, not a cell: several runs of four or more
    (``-------- ------ ------``, a run a column), or one run of ten or more (the table's width). Shorter
    runs are left to the table readers: fillers (``--- --- ---``, a row of cells written with dashes),
    or the separator under a Markdown header (``---``)."""
    return _RULE_LINE.fullmatch(line) is not None


def is_caption(line: str) -> bool:
    """A table's caption (表1 …) or the mark of a table continued (（续表）): never a row of it."""
    return line[:1] in _CAPTION_FIRST and _CAPTION.match(line) is not None


def _classify_line(line: str) -> str:
    """Table-line kind of a line that is not a heading or title: CELL, ROW, SPACED, ARTIFACT or TEXT."""
    if is_caption(line):
        return "TEXT"  # 表1 主动公开政府信息情况: a caption, not a header of short labels
    if _PIPE.search(line):
        if _is_artifact(line):
            return "ARTIFACT"
        return "ROW" if len([p for p in _PIPE.split(line) if p.strip()]) > 1 else "CELL"
    tokens = line.split()
    if not tokens:
        return "TEXT"
    value = [_value_like(t) for t in tokens]
    if len(tokens) > 2 and tokens[-1] == "。":
        return "TEXT"  # a sentence with its figure set apart by blanks (行政复议数为 0 。), not a row ending in a mark
    if line[-1:] in _TRAILING_BLANKS and len(tokens) <= 3 and line.rstrip(" \u3000")[-1:] == "\t" \
            and not any(value) and all(len(t) <= _LONE_CELL_MAX for t in tokens) \
            and not _SENTENCE_END.search(line) and _CJK.search(line):
        # a row's labels and the tabs of its empty cells (a tab-separated table copied with the row
        # left blank: ``行政强制\t\t\t``): a table line, not a paragraph
        return "SPACED"
    if all(value[1:]):  # (two tokens or more: with one, whether it is a value)
        return "SPACED" if len(tokens) > 1 or value[0] else "TEXT"  # label followed by values, or values only
    first_value = value.index(True) if True in value else len(tokens)
    if first_value < len(tokens) - 3 and not value[first_value + 1] and len(tokens[first_value]) <= 3 \
            and tokens[first_value].isdecimal():
        # the row's number before its label or among its words (a 序号 column: ``3 （一）予以公开 1 2 …``,
        # ``三、本年度办理结果 3 （一）予以公开 1 2 …``): a word of the label
        first_value = value.index(True, first_value + 1) if True in value[first_value + 1:] else len(tokens)
    if len(tokens) - first_value >= 2 and all(value[first_value:]) and "。" not in line:
        return "SPACED"  # a label of several words followed by values (三、本年度办理结果 （一）予以公开 0 0 …)
    if "。" not in line and all(len(_BRACKETED.sub("", t)) <= 12 for t in tokens) and _CJK.search(line) \
            and not _PAGER.search(line) and not _CLAUSE_MARKS.search(_BRACKETED.sub("", line)):
        return "SPACED"  # a header line of short labels (a bracketed note or unit does not count)
    return "TEXT"


# a page number printed in a page's margin, as text extracted from a PDF or a printout carries it
# between the lines of a table or a paragraph: "- 3 -", "— 3 —", "· 3 ·", "第3页", "第 3 页 共 8 页", "3/8",
# "Page 3 of 8", "P. 3". A number alone is not one (it is a table value in a space-separated table),
# nor is a number with one dash ("-3"): both sides of the number must be marked.
_B = r"[ \t\u3000]*"
_PAGE_MARK = cached_compile(
    rf"[ \t\u3000\f]*(?:"
    rf"[-—–－~～·•]+{_B}\d{{1,4}}{_B}[-—–－~～·•]+"
    rf"|第{_B}\d{{1,4}}{_B}页(?:{_B}[,，/／]?{_B}共{_B}\d{{1,4}}{_B}页)?"
    rf"|共{_B}\d{{1,4}}{_B}页{_B}[,，/／]?{_B}第{_B}\d{{1,4}}{_B}页"
    rf"|\d{{1,4}}{_B}[/／]{_B}\d{{1,4}}"
    rf"|(?i:page|p\.){_B}\d{{1,4}}(?:{_B}(?i:of|/){_B}\d{{1,4}})?"
    rf"){_B}\f?")


_MARGIN_FIRST = frozenset("0123456789hfawP")  # (how a browser's margin line starts)
_RULE_FIRST = frozenset("-=")
_PAGE_FIRST = frozenset("-—–－~～·•第共0123456789０１２３４５６７８９PpＰｐ\f")  # (how a page number starts)


def is_page_mark(line: str) -> bool:
    """Is ``line`` (without its line ending) a page number and nothing else? (See ``_PAGE_MARK``;
    stripped, such a line is short: callers may skip ones longer than 40 characters.)"""
    m = _PAGE_MARK.fullmatch(line)
    if m is None:
        return False
    nums = [int(x) for x in _DIGITS_RE.findall(line)]
    if len(nums) < 2:
        return True
    # "3/8", "第3页 共8页", "共8页 第3页": the page is within the count (9/4 is a ratio, not a page)
    page, count = (nums[1], nums[0]) if line.lstrip(" \t\u3000\f").startswith("共") else (nums[0], nums[1])
    return 1 <= page <= count


# what a browser prints in a page's margins when a web page is printed or saved as PDF, and the text
# extracted from that PDF then carries between the lines of a table or a paragraph: the date and
# time (and the page's title) at the top, the address and "2/7" at the bottom
_STAMP = (r"(?:\d{4}[/\-.]\d{1,2}[/\-.]\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}),?[ \t\u3000]{0,4}(?:上午|下午|[AaPp][Mm])?"
          r"[ \t\u3000]{0,4}\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u3000]{0,4}(?:[AaPp][Mm]|上午|下午))?")
# (every repetition bounded, no blanks around: the patterns are matched against a stripped line, and
# stay linear however they are used — tests/test_regex_safety.py)
_ADDRESS = r"(?:https?://|file:///|about:blank|www\.)\S{0,400}"
_PAGE_OF = r"(?:\d{1,4}[ \t]{0,4}/[ \t]{0,4}\d{1,4}|\d{1,4}[ \t]{1,4}of[ \t]{1,4}\d{1,4}|(?i:page)[ \t]{0,4}\d{1,4}(?:[ \t]{0,4}of[ \t]{0,4}\d{1,4})?)"
_GAP = r"[ \t\u3000]{1,200}"
# the date and time, then the page's title (a title, not a sentence: no comma or full stop)
_MARGIN_STAMP = cached_compile(rf"{_STAMP}(?:{_GAP}[^\s，。；！？,;][^，。；！？\n]{{0,200}})?")
_STAMP_ALONE = cached_compile(_STAMP)
_MARGIN_ADDRESS = cached_compile(  # the address and the page, or the page and the date
    rf"{_ADDRESS}{_GAP}{_PAGE_OF}|{_PAGE_OF}{_GAP}{_ADDRESS}|{_PAGE_OF}{_GAP}{_STAMP}")


def is_print_margin(line: str, before_parts: bool = False) -> bool:
    """Is ``line`` what a browser prints in a page's margin (``2024/3/15 14:22 ××局2022年…报告``,
    ``https://www.….html 2/7``, ``1 of 7 2024/3/15``)? ``before_parts``: the line comes before the
    first part heading, where a date and time alone may be the page's publication date (kept)."""
    s = line.strip(" \t\u3000")
    if not s or not (s[0].isdigit() or s[0] in "hfawP"):
        return False
    if _MARGIN_ADDRESS.fullmatch(s):
        return True
    if _MARGIN_STAMP.fullmatch(s) is None:
        return False
    return not before_parts or _STAMP_ALONE.fullmatch(s) is None


_AFTER_PAGE_MARK = cached_compile(r"[-—–－:：|｜]?[ \t\u3000]*")


def page_mark_prefix(line: str) -> int:
    """The length of a page number written before a line's own text, with the blanks, dash or colon
    after it (``Page 8 - ××局2022年…报告``, ``- 3 - ××局…``, as a PDF's running header puts it): 0 if
    there is none."""
    m = _PAGE_MARK.match(line)
    if m is None or not m.group().strip() or not is_page_mark(m.group()):
        return 0
    end = _AFTER_PAGE_MARK.match(line, m.end()).end()
    if end >= len(line) or not (end > m.end() or line[m.end() - 1] in " \t\u3000-—–－~～"):
        return 0  # nothing after it, or the number runs into the text (第8页某局 is no running header)
    return end


_DIGITS_RE = cached_compile(r"\d+")
_TABLE_KINDS = frozenset({"CELL", "ROW", "SPACED", "ARTIFACT"})
_MARKS_ONLY = cached_compile(r"[\s:：\-—=+]*")  # such a line is an artefact or a separator (see _pipe_line)
_MARK_CHARS = frozenset(":：-—=+")  # (a stripped cell starts with one of these if _MARKS_ONLY matches it)
_new_tuple = tuple.__new__
_CELL_LINE_SHORTCUT = True  # (tests turn it off to compare with the line-by-line classification)


def _cell_line(raw: str, pos: int) -> Optional[tuple[RawCell]]:
    """The one cell of a line ``规章 |`` (a cell, then its pipe, then nothing but blanks; ``raw`` is
    the line without its line ending, at offset ``pos``), as :func:`_pipe_line` cuts it; None for any
    other line (which _pipe_line reads). Written with the operations that cost least in Python 3.11
    (``in``, partition, strip): str.find, count and endswith parse their arguments with a format
    string (~1,000 instructions each), slicing copies, and a regular expression's match costs
    several of them."""
    left, _, tail = raw.partition("|")
    if (tail and not tail.isspace()) or "｜" in left:
        return None  # (another pipe, or text after the pipe)
    core = left.lstrip()
    cell = core.rstrip()
    if not cell or (cell[0] in _MARK_CHARS and _MARKS_ONLY.fullmatch(cell)):
        return None  # (no cell, or marks only: an artefact or a separator)
    a = pos + len(left) - len(core)  # (where the stripped cell starts: after the blanks)
    # the tuple is made directly: a named tuple's __new__ is a Python-level call
    return (_new_tuple(RawCell, (cell, a, a + len(cell), False)),)


class Line(NamedTuple):
    """One classified line (a tuple: a report has a few hundred, made in the parser's inner loop)."""

    kind: str
    text: str  # without the line ending
    start: int  # offset of the line in the source text
    number: int  # 1-based line number
    cells: Optional[tuple[RawCell, ...]] = None  # a ``|`` line's cells, cut while classifying it


_MARKS_AND_BLANKS = " \t\u3000#*>"
#: the first character of a numbered heading (三、, 3., （三）): such a heading is no table's title
_NUMERAL_FIRST = frozenset("一二三四五六七八九十0123456789０１２３４５６７８９(（")


def _demote_table_titles(lines: list[Line], vocab: HeadingVocabulary) -> None:
    """A part's heading written again without its numeral right after it, with nothing but its
    table's lines between (``二、主动公开政府信息情况`` then a table whose first row is
    ``主动公开政府信息情况``), is the table's title, not the part a second time."""
    last = -1  # the index of the last heading while only table lines follow it, else -1
    for i, ln in enumerate(lines):
        kind = ln.kind
        if kind == "HEADING":
            # (headings are matched only when one follows another with table lines alone between)
            if last >= 0 and ln.text.lstrip(_MARKS_AND_BLANKS)[:1] not in _NUMERAL_FIRST:
                m = _heading_match(ln.text, vocab)
                if m is not None and m[0] is None:
                    p = _heading_match(lines[last].text, vocab)
                    if p is not None and p[0] is not None and p[1] == m[1]:
                        lines[i] = ln._replace(kind=_classify_line(ln.text))
                        continue
            last = i
        elif kind not in _TABLE_KINDS:
            last = -1


def classify(text: str, vocab: HeadingVocabulary) -> list[Line]:
    """Classify every non-blank line of ``text``.

    The lines are logical: a crawler's header block is skipped (its ``标题:`` value becomes the
    TITLE), and a physical line with part headings written inside it is cut into segments there
    (see :mod:`govlint.flatten`); ``Line.start`` is always the offset of the segment in ``text``.
    """
    from . import boxgrid, flatten, layout

    lines: list[Line] = []
    number = 0
    title_seen = False
    running: Optional[str] = None  # the title line, as a running header would repeat it
    running_hits = 0  # the times it was
    in_parts = False  # a part heading has been read
    bare_heading = False  # a heading without its numeral has been read (see _demote_table_titles)
    header = flatten.crawler_header(text)
    shortcut = _CELL_LINE_SHORTCUT
    crs = "\r" in text
    end = -1
    # (the lines cut in one call: str.find and slicing cost more a line, in Python 3.11, than the split)
    for raw in text.split("\n"):
        pos = end + 1
        end = pos + len(raw)
        if crs and raw[-1:] == "\r":
            raw = raw[:-1]
        number += 1
        if header is not None and pos < header.end:
            if header.title is not None and pos <= header.title[0] < end and not lines:
                a, b = header.title
                lines.append(Line("TITLE", text[a:b], a, number))
                title_seen = True
        elif "|" in raw and shortcut and (cut := _cell_line(raw, pos)) is not None:
            # the commonest line of a scraped table, ``规章 |`` (as _pipe_line cuts it)
            lines.append(_new_tuple(Line, ("CELL", raw, pos, number, cut)))
        elif "|" in raw or "｜" in raw:  # a table line: never a heading or a title, never cut
            if raw.strip():
                kind, cells = _pipe_line(raw, pos)
                lines.append(Line(kind, raw, pos, number, cells))
        elif "\t" in raw and lines and lines[-1].kind == "SPACED" and raw.count("\t") > 1 \
                and not raw.strip(" \t\u3000\r"):
            # tabs alone under a tab-separated table line: a row of empty cells (the figures of table
            # 四 not filled in), a table line (build._table_cells gives it its empty cells)
            lines.append(Line("SPACED", raw, pos, number))
        elif core := raw.strip():
            if in_parts and core == running:
                running_hits += 1
            if core[:1] in _RULE_FIRST and is_rule_line(core):
                continue  # a table's rule drawn with dashes: no cell (the table goes on after it)
            if (len(core) <= 40 and core[:1] in _PAGE_FIRST and is_page_mark(raw)) or (in_parts and core == running) \
                    or (core[:1] in _MARGIN_FIRST and ("/" in core or ":" in core) and is_print_margin(raw, not in_parts)) \
                    or (len(core) <= 12 and core[:1] in _CONTINUED_FIRST and _CONTINUED.fullmatch(core)):
                # a page number, the title repeated at the top of a later page, a browser's margin
                # (text extracted from a PDF or a printout), or the mark of a table continued on the next
                # page (（续表）): not part of the report; a table or paragraph it interrupts goes on
                # after it (see tokens)
                continue
            kind: str
            is_heading = heading_match(raw, vocab) is not None
            if is_heading and not bare_heading and raw.lstrip(_MARKS_AND_BLANKS)[:1] not in _NUMERAL_FIRST:
                bare_heading = True
            segments = None if is_heading else flatten.split_line(raw, vocab)
            if segments is not None:
                for seg_kind, a, b in segments:
                    seg = raw[a:b]
                    first = _WS_TOKEN.search(seg)
                    if not lines and not title_seen and seg_kind == "BODY" and first and seg[first.end():].strip() \
                            and _looks_like_title(first.group()):
                        # a page run together starts with its title, then a space, then the body
                        lines.append(Line("TITLE", first.group(), pos + a + first.start(), number))
                        title_seen = True
                        a += first.end()
                        seg = raw[a:b]
                    elif not lines and not title_seen and seg_kind == "BODY" and (run_in := _run_in_title(seg)):
                        # … or with its title run into the body, nothing between (get_text(""))
                        lines.append(Line("TITLE", seg[run_in[0]:run_in[1]], pos + a + run_in[0], number))
                        title_seen = True
                        a += run_in[1]
                        seg = raw[a:b]
                    if seg_kind == "HEADING":
                        in_parts = True
                        bare_heading = bare_heading or seg.lstrip(_MARKS_AND_BLANKS)[:1] not in _NUMERAL_FIRST
                        lines.append(Line("HEADING", seg, pos + a, number))
                        continue
                    lines.append(Line(_classify_line(seg), seg, pos + a, number))
                continue
            if is_heading:
                kind = "HEADING"
            elif not title_seen and not lines and _looks_like_title(raw):
                kind = "TITLE"
            else:
                kind = _classify_line(raw)
            if kind == "TITLE":
                title_seen, running = True, core
            in_parts = in_parts or is_heading
            lines.append(Line(kind, raw, pos, number))
    if len(lines) > 1 and _join_broken_headings(lines, text, vocab):
        in_parts = True
    if in_parts:
        _demote_lookalikes(lines, vocab)
        if bare_heading:
            _demote_table_titles(lines, vocab)
        lines = _drop_running(lines, running_hits)
    lines = boxgrid.rebuild(lines, text)  # tables drawn with box-drawing characters (w3m -dump, tabulate)
    _two_line_title(lines)
    if not title_seen and lines and lines[0].kind != "TITLE":
        lines = _title_after_chrome(lines)
    # tables whose labels wrap over lines, read from the labels' pieces and the known labels (pdfplumber's
    # text, one blank between cells; pdftotext -layout's too, whose columns may drift from line to line),
    # then the tables laid out in columns by spaces that are left (pdftotext -layout: table 四's header)
    if "SPACED" in [ln.kind for ln in lines]:  # (such a table's lines are space-separated ones)
        from . import wrapped  # (imported when needed: ~3 ms of a cold start)

        lines = wrapped.rebuild(lines, text, vocab.labels)
    lines = layout.rebuild(lines, text, vocab.starters)
    if "---" in text or "===" in text:  # (a Markdown separator row: |---| or html2text's bare ---)
        _one_column_markdown_header(lines)
    _cells_without_pipes(lines, vocab.starters)
    _settle(lines)
    return lines


def _one_column_markdown_header(lines: list[Line]) -> None:
    """A Markdown table whose header row is one cell (a caption spanning the table, as html2text
    writes ``第二十条第（一）项`` / ``---`` / ``信息内容 | 本年制发件数 | …``): the separator line has no
    pipe, so it is no value ``---`` but an ARTIFACT, and the line above it is the header cell."""
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if ln.kind in ("SPACED", "TEXT") and ln.text.lstrip()[:1] in "-:" and lines[i + 1].kind == "ROW" \
                and _SEPARATOR_CELL.fullmatch(ln.text.strip()) and lines[i + 1].start > ln.start:
            lines[i] = ln._replace(kind="ARTIFACT", cells=())
            up = lines[i - 1]
            cell = up.text.strip()
            if up.kind in ("SPACED", "TEXT") and cell and len(cell) <= _LONE_CELL_MAX and not _SENTENCE_END.search(cell):
                lines[i - 1] = _as_cell(up)


_MIN_LONE_VALUES = 3  # value lines a table written one cell per line without pipes has at least
_LONE_CELL_MAX = 60  # a cell on a line of its own is no longer than this (a long row label of table 三 ~40)


def _lone_value(ln: Line) -> bool:
    """A TEXT or SPACED line holding one value and nothing else (``0``, ``3``, ``—``)."""
    if ln.kind != "SPACED" and ln.kind != "TEXT":
        return False
    s = ln.text.strip()
    return len(s) <= 24 and len(s.split()) == 1 and _value_like(s)


def _cells_without_pipes(lines: list[Line], starters: frozenset) -> None:
    """A table written one cell per line with nothing between the cells — the text of a page's
    ``<td>``s as ``BeautifulSoup.get_text("\\n")``, lxml's ``text_content()``, ``lynx -dump`` and most
    crawlers give it (``规章`` / ``0`` / ``0`` / ``0`` / ``行政规范性文件`` / ``0`` …) — is the seed's shape
    without its pipes: each such line becomes a CELL. A run of short lines (no sentence end) counts
    when it holds a few lines of one value alone; it is read from its first label of the format (a
    table caption, column or row label) to its last value, so a sub-heading before the table or a
    line after it stays prose. A part heading written without its numeral inside the run (表四's
    column label 行政复议 alone on its line) is a cell too."""
    n = len(lines)
    lone = 0
    for ln in lines:  # (the usual report has none: no work)
        if (ln.kind == "TEXT" or ln.kind == "SPACED") and _lone_value(ln):
            lone += 1
            if lone >= _MIN_LONE_VALUES:
                break
    else:
        return
    i = 0
    while i < n:
        j = i
        while j < n and _cell_like(lines[j]):
            j += 1
        if j == i:
            i += 1
            continue
        _mark_cells(lines, i, j, starters)
        i = j


def _cell_like(ln: Line) -> bool:
    if ln.kind not in ("TEXT", "SPACED", "HEADING"):
        return False
    s = ln.text.strip()
    if not s or len(s) > _LONE_CELL_MAX or _SENTENCE_END.search(s):
        return False
    if ln.kind == "HEADING":  # only a heading without its numeral (行政复议): the others end a run
        a, b = heading_bounds(ln.text)  # (without Markdown marks: **三、收到和处理…**)
        s = ln.text[a:b].strip()
        return _HEADING_RE.match(s) is None and s[:1] not in _ALT_FIRST
    return True


def _mark_cells(lines: list[Line], i: int, j: int, starters: frozenset) -> None:
    values = [k for k in range(i, j) if _lone_value(lines[k])]
    if len(values) < _MIN_LONE_VALUES or 4 * len(values) < j - i:
        return
    def starter(k: int) -> bool:
        return label_key(lines[k].text) in starters or bare_key(lines[k].text) in starters

    # (a heading without its numeral opens the table only followed by another label of the format:
    # 行政复议 / 行政诉讼 / 结果维持 …, not 行政复议 as the part's own heading before the table)
    first = next((k for k in range(i, values[0])
                  if starter(k) and (lines[k].kind != "HEADING" or k + 1 < j and starter(k + 1))), None)
    if first is None:
        return
    for k in range(first, values[-1] + 1):
        lines[k] = _as_cell(lines[k])


def _as_cell(ln: Line) -> Line:
    """``ln`` read as one table cell (its stripped text), as a scraped page's ``规章 |`` line is."""
    cell = ln.text.strip()
    a = ln.start + ln.text.find(cell)
    return ln._replace(kind="CELL", cells=(_new_tuple(RawCell, (cell, a, a + len(cell), False)),))


_CHROME_LINES = 12  # a page's navigation and breadcrumbs before the title: this many lines at most
_TITLE_YEAR = cached_compile(r"(?:(?:19|20|１９|２０)\d{2}|[二〇零○][〇零○一二三四五六七八九]{3})\s*年")


_ADDRESS_ALONE = cached_compile(_ADDRESS)  # (matched against a stripped line)


def _drop_running(lines: list[Line], running_hits: int) -> list[Line]:
    """What a printout repeats on every page, standing on a line of its own, is no part of the report:
    the page's title (a line naming a report) when it comes again twice after the first part heading,
    and its address when it comes again. The repeats go, and so does the first one when the report's own title
    follows it before the parts (a browser prints the page's title above it on the first page).
    ``running_hits``: the times the TITLE line came again (those repeats were not kept)."""
    first = next((i for i, ln in enumerate(lines) if ln.kind == "HEADING"), len(lines))
    if running_hits and first > 1 and lines[0].kind == "TITLE" and lines[1].kind in ("TEXT", "SPACED") \
            and _looks_like_title(lines[1].text):
        lines = [lines[1]._replace(kind="TITLE")] + lines[2:]  # (the page's title above the report's)
        first -= 1
    groups: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.kind == "TEXT" or ln.kind == "SPACED":
            s = ln.text.strip()
            if (s[:1] in _MARGIN_FIRST and _ADDRESS_ALONE.fullmatch(s)) or ("报告" in s and _looks_like_title(s)):
                groups.setdefault(s, []).append(i)
    drop: set[int] = set()
    for s, found in groups.items():
        inside = [i for i in found if i > first]
        # an address comes again once at least; a page's title on two pages at least (a report's title
        # in a 汇编's table of contents comes again once: where that report starts)
        if len(found) < 2 or len(inside) < (1 if s[:1] in _MARGIN_FIRST and _ADDRESS_ALONE.fullmatch(s) else 2):
            continue
        drop.update(inside)
        before = [i for i in found if i < first]
        if before and any(ln.kind in ("TEXT", "SPACED", "TITLE") and i not in before and _looks_like_title(ln.text)
                          for i, ln in enumerate(lines[:first])):
            drop.update(before)  # the page's title on the first page, with the report's own title near it
    if not drop:
        return lines
    return [ln for i, ln in enumerate(lines) if i not in drop]


def _title_after_chrome(lines: list[Line]) -> list[Line]:
    """The title of a page's text that starts with the site's navigation and breadcrumbs (``首页`` /
    ``政务公开`` / ``当前位置：首页 > …``, as html2text, lynx and w3m dump a whole page): the first line
    before any part heading that names a year's 政府信息公开 report (a Markdown ``# `` heading too) is
    the TITLE when every line before it is short and no sentence; those lines are left out, like a
    crawler's header block."""
    for t, ln in enumerate(lines[:_CHROME_LINES + 1]):
        if ln.kind == "HEADING" or ln.kind == "TITLE":
            return lines
        a, b = title_bounds(ln.text)
        core = ln.text[a:b].strip()
        if t and _looks_like_title(core) and "政府信息公开" in core and len(core) <= 80 and _TITLE_YEAR.search(core):
            return [ln._replace(kind="TITLE", text=core, start=ln.start + ln.text.find(core), cells=None)] + lines[t + 1:]
        if "&" in core:  # (a character reference a converter left, &gt; in 首页 &gt; 政务公开: no sentence's end)
            core = _CHAR_REF.sub("", core)
        if len(core) > 60 or _SENTENCE_END.search(core):
            return lines
    return lines


_CHAR_REF = cached_compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")


_NOT_IN_TITLE = cached_compile(r"[。，,；;：:！!？?]")


def _two_line_title(lines: list[Line]) -> None:
    """A title broken over two lines (the agency, then ``2022年政府信息公开工作年度报告``), as PDF
    pages and some pages set it: both lines are the title; so is an attachment's label on the line
    before them (``附件``, ``附件2：``), which the agency's name then follows (see build)."""
    if len(lines) > 2 and lines[0].kind in ("TEXT", "SPACED") and _ATTACHMENT_LABEL.fullmatch(lines[0].text.strip()) \
            and lines[1].number - lines[0].number <= 2 and _title_lines(lines, 1):
        return
    _title_lines(lines, 0)


def _title_lines(lines: list[Line], at: int) -> bool:
    """Mark ``lines[:at + 2]`` TITLE when ``lines[at]`` and ``lines[at + 1]`` are a title on two lines."""
    if len(lines) < at + 2 or lines[at].kind not in ("TEXT", "SPACED") or lines[at + 1].kind not in ("TEXT", "SPACED"):
        return False
    first, second = lines[at].text.strip(), lines[at + 1].text.strip()
    if lines[at + 1].number - lines[at].number > 2 or len(first) > 40 or not _CJK.search(first):
        return False
    if _NOT_IN_TITLE.search(first) or _NOT_IN_TITLE.search(second) or "报告" in first or "年报" in first:
        return False
    if not _looks_like_title(second):
        return False
    for i in range(at + 2):
        lines[i] = lines[i]._replace(kind="TITLE")
    return True


_ATTACHMENT_LABEL = cached_compile(r"附件\s*\d{0,2}\s*[:：]?")


_REPORT_WORD = cached_compile(r"报告|年报")
_TITLE_MAX = 80


def _run_in_title(seg: str) -> Optional[tuple[int, int]]:
    """Where the title of a page run together with nothing between its pieces ends, if the page
    starts with one: its first words up to 报告 (or 年报), naming a year's 政府信息公开 report, no
    punctuation before them (``某局2022年政府信息公开工作年度报告_门户网站首页…``)."""
    start = len(seg) - len(seg.lstrip())
    head = seg[start:start + _TITLE_MAX]
    m = _REPORT_WORD.search(head)
    if m is None:
        return None
    cand = head[:m.end()]
    if _NOT_IN_TITLE.search(cand) or "。" in cand or "政府信息公开" not in cand or not _TITLE_YEAR.search(cand):
        return None
    return start, start + m.end()


#: a page's breadcrumb trail (首页 > 政务公开 > 政府信息公开年报, 当前位置：…): it names the report's
#: column (年报) but is no title
_BREADCRUMB = cached_compile(r"[>＞›»]|^(?:当前位置|您的位置|您现在的位置|所在位置|现在位置)")


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return (len(s) <= 120 and ("报告" in s or "年报" in s) and not _PIPE.search(s) and "。" not in s
            and not _BREADCRUMB.search(s))


def _settle(lines: list[Line]) -> None:
    """Context fixes: a lone short SPACED line among prose is prose; a short label between table
    lines belongs to the table (space-separated tables put group labels such as 三、本年度办理结果 or
    wrapped header words on lines of their own)."""
    kinds = [ln.kind for ln in lines]
    # only SPACED and TEXT lines change, each seeing its neighbours as settled so far
    for i in [i for i, k in enumerate(kinds) if k == "SPACED" or k == "TEXT"]:
        ln = lines[i]
        prev_t = i > 0 and kinds[i - 1] in _TABLE_KINDS
        next_t = i + 1 < len(lines) and kinds[i + 1] in _TABLE_KINDS
        if ln.kind == "SPACED" and not prev_t and not next_t and len(ln.text.split()) < 3:
            lines[i] = ln._replace(kind="TEXT")
        elif ln.kind == "TEXT" and prev_t and next_t:
            s = ln.text.strip()
            if len(s) <= 40 and not _SENTENCE_END.search(s) and not is_caption(s):
                lines[i] = ln._replace(kind="SPACED")
        kinds[i] = lines[i].kind


class _LineLexer(Lexer):
    def __init__(self, lexer_conf) -> None:  # noqa: D401 - lark protocol
        pass

    def lex(self, data: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        yield from data


@lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    """The LALR parser, built once per process. Lark's analysis of the grammar is cached in the user's
    cache directory (never a shared temp folder), keyed by the grammar, lark and Python versions, and
    written atomically; without a usable cache directory it is built afresh (~15 ms)."""
    grammar = read_text("govlint.grammar", "report.lark")
    # no propagate_positions: every token carries its own offsets, and filling in the tree's meta
    # cost more than the rest of the LALR parse
    options = dict(parser="lalr", lexer=_LineLexer, propagate_positions=False, maybe_placeholders=False)
    d = cache_dir()
    if d is not None:
        path = os.path.join(d, f"report-grammar-{cache_key(grammar, lark.__version__, sys.version)}.lark-cache")
        try:
            if os.path.exists(path):
                return lark.Lark(grammar, cache=path, **options)
            tmp = f"{path}.{os.getpid()}.tmp"
            try:
                parser = lark.Lark(grammar, cache=tmp, **options)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.remove(tmp)
            return parser
        except Exception:  # noqa: BLE001 - a cache problem must never stop a check
            pass
    return lark.Lark(grammar, **options)


#: line kinds read as one run (token type of the run)
_RUN_OF = {"CELL": "PIPES", "ROW": "PIPES", "ARTIFACT": "PIPES", "SPACED": "SPACES"}


class LineRun(Token):
    """A PIPES or SPACES token: consecutive ``|``-delimited lines (one-cell lines of a scraped page,
    ``|`` rows and their empty-cell artefacts), or consecutive space-separated table lines, as one
    terminal, so that the parser is fed the table, not each of its rows or cells. Its value is the
    source text from the first line's start to the last line's end; ``lines`` holds its lines (the
    :class:`Line` records: kind, text, start offset, line number, cells)."""

    __slots__ = ("lines",)

    lines: tuple[Line, ...]


def line_tokens(tok: Token) -> tuple[tuple[str, str, int, int, Optional[tuple[RawCell, ...]]], ...]:
    """``(kind, text, start offset, line number, cells or None)`` of each line a table token stands
    for (as :class:`Line` holds them)."""
    if isinstance(tok, LineRun):
        return tok.lines
    return ((tok.type, str(tok), tok.start_pos, tok.line, None),)


def _token(ln: Line) -> Token:
    return Token(ln.kind, ln.text, start_pos=ln.start, line=ln.number, column=1,
                 end_line=ln.number, end_column=len(ln.text) + 1, end_pos=ln.start + len(ln.text))


def tokens(lines: Sequence[Line], text: Optional[str] = None) -> list[Token]:
    """One token per line; with ``text``, a run of two or more ``|`` lines (or of space-separated
    table lines) in a row, with nothing but blank lines between them, is one :class:`LineRun`."""
    out: list[Token] = []
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        j = i + 1
        run = _RUN_OF.get(ln.kind) if text is not None else None
        if run is not None:
            prev_end = ln.start + len(ln.text)
            while j < n:
                nxt = lines[j]
                if _RUN_OF.get(nxt.kind) != run or nxt.number <= lines[j - 1].number:
                    break
                # only blank lines between (the usual case: one line break)
                if nxt.start != prev_end + 1 and text[prev_end:nxt.start].strip():
                    break
                prev_end = nxt.start + len(nxt.text)
                j += 1
        if j - i < 2:
            out.append(_token(ln))
            i = j
            continue
        last = lines[j - 1]
        end = last.start + len(last.text)
        tok = LineRun(run, text[ln.start:end], start_pos=ln.start, line=ln.number, column=1,
                      end_line=last.number, end_column=len(last.text) + 1, end_pos=end)
        tok.lines = tuple(lines[i:j])
        out.append(tok)
        i = j
    return out


def parse_tree(text: str, vocab: HeadingVocabulary) -> lark.Tree:
    """Parse the text of a report into its document tree."""
    return _parser().parse(tokens(classify(text, vocab), text))
