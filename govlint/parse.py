"""parse: Source text -> Lark tree of title, preamble, parts, paragraphs and tables.

A small line classifier turns each non-blank line into one terminal (see ``grammar/report.lark``);
an LALR parser built once per process groups the terminals into the document tree. The parser knows
document structure only: which wording names which of the six parts is handed in as a
:class:`HeadingVocabulary` (built from the editions' data), so no edition knowledge lives here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator, Optional, Sequence

import attrs
import lark
from lark.lexer import Lexer, Token

from .numbers import parse_cell

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# 一、总体情况 / 一.总体情况 / 一．总体情况 / 第一部分 总体情况 / 一 总体情况
_HEADING_RE = re.compile(
    r"^[ \t\u3000]*(?:第[ \t\u3000]*)?([一二三四五六七八九十])[ \t\u3000]*(?:部分)?[ \t\u3000]*"
    r"(?:[、.．,，:：﹑]|(?<=分)|[ \t\u3000])[ \t\u3000]*(\S.*?)[ \t\u3000|｜]*$"
)
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_PIPE = re.compile(r"[|｜]")
_ARTIFACT_RE = re.compile(r"^[\s|｜:：\-—=+]*$")
_WS_TOKEN = re.compile(r"[^\s\u3000]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def normalize(text: str) -> str:
    """The matching key of a label: NFKC, no whitespace. Used for matching only, never for positions."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@attrs.frozen
class HeadingVocabulary:
    """What the six part headings say: part number -> keywords, plus the exact official headings."""

    keywords: tuple[tuple[int, tuple[str, ...]], ...]
    max_length: int = 40

    def part_of(self, text: str) -> Optional[int]:
        key = normalize(text)
        best: tuple[int, int] | None = None  # (keyword length, -part)
        for part, words in self.keywords:
            for w in words:
                if w in key and (best is None or len(w) > best[0]):
                    best = (len(w), part)
        return best[1] if best else None


@attrs.frozen
class RawCell:
    """A cell as cut from a table line: text and offsets in the source text."""

    text: str
    start: int
    end: int
    spaced: bool = False  # cut at whitespace (a space-separated row): may be part of a longer label


def heading_match(line: str, vocab: HeadingVocabulary) -> Optional[tuple[Optional[int], Optional[int]]]:
    """(written numeral, part named by the wording) if ``line`` is a part heading, else None."""
    if _PIPE.search(line):
        return None
    stripped = line.strip()
    m = _HEADING_RE.match(line)
    if m:
        rest = m.group(2)
        if len(normalize(rest)) > vocab.max_length or _SENTENCE_END.search(rest):
            return None
        if any(_value_like(t) for t in _WS_TOKEN.findall(rest)[1:]):
            return None  # a table row label followed by its values
        part = vocab.part_of(rest)
        if part is None:
            return None
        return _NUMERALS.get(m.group(1)), part
    # a heading written without its numeral: only the exact wording of a part heading
    if 2 <= len(stripped) <= vocab.max_length and not _SENTENCE_END.search(stripped):
        part = vocab.part_of(stripped)
        if part is not None and _is_bare_heading(stripped, vocab):
            return None, part
    return None


def _is_bare_heading(text: str, vocab: HeadingVocabulary) -> bool:
    key = normalize(text)
    return any(key == w or key == w + "情况" for _, words in vocab.keywords for w in words if len(w) >= 4)


def split_cells(kind: str, line: str, offset: int) -> list[RawCell]:
    """Cut a table line (CELL/ROW/SPACED) into cells with their offsets in the source text."""
    cells: list[RawCell] = []
    if kind == "SPACED":
        for m in _WS_TOKEN.finditer(line):
            cells.append(RawCell(m.group(), offset + m.start(), offset + m.end(), spaced=True))
        return cells
    if kind == "ARTIFACT":
        return cells
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _PIPE.finditer(line):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(line)))
    # a leading pipe (Markdown) opens the row; the piece after the last pipe closes it
    if pieces and not line[: pieces[0][1]].strip():
        first_blank = True
    else:
        first_blank = False
    last = len(pieces) - 1
    for i, (a, b) in enumerate(pieces):
        seg = line[a:b]
        s = seg.strip()
        if i == last and not s:
            continue
        if i == 0 and first_blank and (kind == "ROW" and line.lstrip()[:1] in "|｜"):
            continue
        if s:
            lead = len(seg) - len(seg.lstrip())
            cells.append(RawCell(s, offset + a + lead, offset + a + lead + len(s)))
        else:
            cells.append(RawCell("", offset + a, offset + a))
    return cells


def _value_like(token: str) -> bool:
    return parse_cell(token).kind in ("number", "placeholder")


def _classify_line(line: str) -> str:
    """Table-line kind of a line that is not a heading or title: CELL, ROW, SPACED, ARTIFACT or TEXT."""
    if _PIPE.search(line):
        if _ARTIFACT_RE.match(line):
            return "ARTIFACT"
        return "ROW" if len([p for p in _PIPE.split(line) if p.strip()]) > 1 else "CELL"
    tokens = _WS_TOKEN.findall(line)
    if not tokens:
        return "TEXT"
    if len(tokens) == 1:
        return "SPACED" if _value_like(tokens[0]) else "TEXT"
    values = [t for t in tokens[1:] if _value_like(t)]
    if values and len(values) == len(tokens) - 1:
        return "SPACED"  # label followed by values, or values only
    if all(_value_like(t) for t in tokens):
        return "SPACED"
    if "。" not in line and all(len(t) <= 12 for t in tokens) and _CJK.search(line):
        return "SPACED"  # a header line of short labels
    return "TEXT"


_TABLE_KINDS = frozenset({"CELL", "ROW", "SPACED", "ARTIFACT"})


@attrs.frozen
class Line:
    kind: str
    text: str  # without the line ending
    start: int  # offset of the line in the source text
    number: int  # 1-based line number


def classify(text: str, vocab: HeadingVocabulary) -> list[Line]:
    """Classify every non-blank line of ``text``."""
    lines: list[Line] = []
    pos = 0
    number = 0
    title_seen = False
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        raw = text[pos:end]
        if raw.endswith("\r"):
            raw = raw[:-1]
        number += 1
        if raw.strip():
            kind: str
            if heading_match(raw, vocab):
                kind = "HEADING"
            elif not title_seen and not lines and _looks_like_title(raw):
                kind = "TITLE"
            else:
                kind = _classify_line(raw)
            title_seen = title_seen or kind == "TITLE"
            lines.append(Line(kind, raw, pos, number))
        if nl == -1:
            break
        pos = nl + 1
    _settle(lines)
    return lines


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return len(s) <= 120 and ("报告" in s or "年报" in s) and not _PIPE.search(s) and "。" not in s


def _settle(lines: list[Line]) -> None:
    """Context fixes: a lone short SPACED line among prose is prose; a short label between table
    lines belongs to the table (space-separated tables put group labels such as 三、本年度办理结果 or
    wrapped header words on lines of their own)."""
    kinds = [ln.kind for ln in lines]
    for i, ln in enumerate(lines):
        prev_t = i > 0 and kinds[i - 1] in _TABLE_KINDS
        next_t = i + 1 < len(lines) and kinds[i + 1] in _TABLE_KINDS
        if ln.kind == "SPACED" and not prev_t and not next_t and len(_WS_TOKEN.findall(ln.text)) < 3:
            lines[i] = attrs.evolve(ln, kind="TEXT")
        elif ln.kind == "TEXT" and prev_t and next_t:
            s = ln.text.strip()
            if len(s) <= 40 and not _SENTENCE_END.search(s):
                lines[i] = attrs.evolve(ln, kind="SPACED")
        kinds[i] = lines[i].kind


class _LineLexer(Lexer):
    def __init__(self, lexer_conf) -> None:  # noqa: D401 - lark protocol
        pass

    def lex(self, data: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        yield from data


@lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    grammar = resources.files("govlint.grammar").joinpath("report.lark").read_text(encoding="utf-8")
    return lark.Lark(grammar, parser="lalr", lexer=_LineLexer, propagate_positions=True, maybe_placeholders=False)


def tokens(lines: Sequence[Line]) -> list[Token]:
    out = []
    for ln in lines:
        out.append(Token(ln.kind, ln.text, start_pos=ln.start, line=ln.number, column=1,
                         end_line=ln.number, end_column=len(ln.text) + 1, end_pos=ln.start + len(ln.text)))
    return out


def parse_tree(text: str, vocab: HeadingVocabulary) -> lark.Tree:
    """Parse the text of a report into its document tree."""
    return _parser().parse(tokens(classify(text, vocab)))
