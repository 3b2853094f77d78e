"""HTML reader: the report body of a web page, as lines the parser reads, mapped back to the HTML.

Decoding (never raw bytes to the parser): a BOM; else strict UTF-8; else the charset the page
declares (``<meta charset>``, ``<meta http-equiv content="…charset=…">``, ``<?xml encoding=…?>``),
with the GB family (gb2312, gbk, x-gbk, …) widened to gb18030 (and a declared Latin-1 or
windows-1252 read as gb18030 when the bytes decode so, mostly as ideographs); a page that is UTF-8 or
GB18030 but for a few bytes is GL004 at the first of them (as a text file is: not a guess that decodes
it all as mojibake); else detection (charset-normalizer), then gb18030. The decoded text is handed to lxml as UTF-8 with the encoding fixed, so a declared
``gbk`` cannot make it re-decode (or drop) the rest of the page.

Finding the body: scripts, styles, forms' controls, ``nav``/``aside``/``footer``, hidden elements
and elements whose class or id names navigation (``nav``, ``menu``, ``footer``, ``crumb``, …) are
skipped unless they hold a table, a top-level heading or a lot of text. Hidden: the ``hidden``
attribute, an inline ``display: none`` or ``visibility: hidden``, or a rule of the page's style
sheets whose selector of tags, classes and ids selects the element (``.hid {display: none}``,
``tr.tpl``, ``#zoom .print-copy``; not in ``@media print``; a more specific rule showing it again
wins, as in a browser). The body is the deepest
element holding at least 60 % of the page's remaining text (text that is not a link: a sidebar of
news or a list of related documents weighs nothing; of two elements side by side, one whose text the other
holds whole is a copy of the report — a print version a linked style sheet hides — and is not read); the article title is the nearest
``h1``–``h3`` (or element whose class/id says ``title``) before it, or the first one at its start;
else the nearest element before it whose whole text names a year's 政府信息公开 report. A hidden
element holding more text than the page shows is the article hidden until a script shows it (a
WeChat article); a ``<noscript>`` holding more text than a page showing next to nothing is the
article of a page a script draws. A pager after the article (``第1页 第2页 下一页``) is written after it (GL012 says
the page is one of several); a page showing little but its title and a frame (``<iframe src>``,
a PDF in ``<embed>``/``<object>``) is GL005 naming the frame; a page showing little but its title and
an ``<iframe srcdoc="…">`` is read as the document written (escaped) into that attribute, each
character at its place there.

Tables: a table whose cells hold tables (or a one-column table) is layout: its cells are read as
blocks. Other tables are data: ``rowspan``/``colspan`` are expanded into a grid and each row is
written as one ``a | b | c`` line (see :mod:`govlint.readers._layout`); ``<br>`` inside a cell is a
line break that joins without a space between CJK characters (and between one and a half-width letter
or digit, as a line break in the source does), ``&nbsp;`` is a space. Rows and row groups hidden from
view (a template row, ``<tbody style="display:none">``) are left out; a ``<tfoot>`` written before the
body (HTML 4's order) is read after it, where a browser shows it; a text field in a cell
(``<input value="3" readonly>``, ``<textarea>``: a page made from a form) is read as its value, at
the value's place.

Positions: lxml gives elements a source line but text no column, so the decoded HTML is also
tokenised in one regular-expression pass (comments, declarations, tags with quoted attributes, raw
script/style content, character references left unconverted, as ``html.parser`` tokenises; a run of
adjacent markup that needs nothing done is one match), which yields the text outside markup as one
string, the *stream*, cut in pieces that are contiguous in the file: a run of text between tags is
one piece (its start in the stream and in the file: two ints, not one per character), each
character of a reference another (an entity's characters map to its ``&``). lxml's text nodes are
then matched, in document order, against the stream (exact match of the whole node first, then
character by character with whitespace ignored), never before the line lxml reports for the node's
element; the same walk of the tree measures every element's text. A node found whole inside one
piece — most of them — gets its offsets as a ``range``, which cleaning keeps and the table writer
copies into the builder's array; only entities, markup inside a node and whitespace around it
spell offsets out one by one. Each extracted character therefore carries the line and column it has
in the HTML file; what cannot be matched takes the position of the character before it.
"""

from __future__ import annotations

import bisect
from array import array
import codecs
import html as _html
import re
import sys
from itertools import chain
from typing import Any, Optional, Sequence

from ..errors import InputError
from ..source import Origin, Source, line_starts
from ._layout import GridCell, TableEmitter, TextBuilder, clean, place
from ..relazy import cached_compile

_GB_FAMILY = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "cp936", "ms936",
              "windows-936", "euc-cn", "euccn", "x-euc-cn", "gb18030", "hz-gb-2312"}
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENC_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "nav", "aside",
    "footer", "select", "option", "button", "input", "textarea", "iframe", "object", "embed", "svg", "canvas",
    "map", "audio", "video", "img", "applet", "frameset", "frame", "math",
})
_BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
    "main", "header", "blockquote", "pre", "center", "form", "hr", "address", "figure", "figcaption", "caption",
    "fieldset", "legend", "body", "html", "tr", "td", "th", "table", "thead", "tbody", "tfoot", "details", "summary",
})
_JUNK_NAME = cached_compile(
    r"(?:^|[\s_-])(?:nav|navi|navbar|menu|menus|footer|foot|bottom|crumb|crumbs|breadcrumb|location|position|"
    r"sidebar|side|share|copyright|toolbar|topbar|top|banner|search|login|logo|friendlink|links|fontsize|"
    r"print|close)(?:$|[\s_-]|\d)", re.I)
_TITLE_NAME = cached_compile(r"(?:^|[\s_-])(?:title|tit|bt|biaoti|headline)(?:$|[\s_-]|\d)", re.I)
_HIDDEN_STYLE = cached_compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MAY_HIDE = cached_compile(r"display\s*:\s*none|\bhidden\b", re.I)
_SHOWN_STYLE = cached_compile(r"display\s*:\s*(?!none)[a-z]|visibility\s*:\s*visible", re.I)  # (over a sheet's rule)


def _may_hide(page: str) -> bool:
    """Whether a page's markup may hide an element (display: none, visibility: hidden, the hidden
    attribute). Looked for with ``str.find`` first: the case-blind pattern alone took 3 ms on a
    200 KB page of Word's markup."""
    if not any(w in page for w in ("isplay", "ISPLAY", "idden", "IDDEN")):
        return False
    return _MAY_HIDE.search(page) is not None
# the answers of those patterns by attribute value: a page repeats a few class names and styles on
# hundreds of elements (Word's HTML puts a long style on every cell)
_ANSWERS: dict[Any, dict[str, bool]] = {_HIDDEN_STYLE: {}, _SHOWN_STYLE: {}, _JUNK_NAME: {}, _TITLE_NAME: {}}


_HIDDEN_ANSWERS, _JUNK_ANSWERS = _ANSWERS[_HIDDEN_STYLE], _ANSWERS[_JUNK_NAME]


def _found(pattern: Any, value: str) -> bool:
    """``pattern.search(value) is not None``, remembered (a bounded memo per pattern)."""
    answers = _ANSWERS[pattern]
    hit = answers.get(value)
    if hit is None:
        if len(answers) >= 4096:
            answers.clear()
        hit = answers[value] = pattern.search(value) is not None
    return hit


_WS = cached_compile(r"\s+")
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_TABLE_META = frozenset({"caption", "colgroup", "col"})
_TABLE_PARTS = frozenset({"table", "tr", "tbody", "thead", "tfoot", "td", "th"})


# ----------------------------------------------------------------------------- decoding


_LATIN_CODECS = frozenset({"iso8859-1", "cp1252", "iso8859-15"})  # (as codecs.lookup names them)


def _declared(data: bytes) -> Optional[str]:
    head = data[:8192]
    m = _XML_ENC_RE.match(head) or _CHARSET_RE.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").strip().lower()
    if name in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str, bool]:
    """Decode an HTML page: (text, encoding, had_bom). Raises InputError (GL002/GL003/GL004)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, True
            except UnicodeDecodeError:
                raise InputError("GL004", f"网页带 {enc} 字节序标记，但内容无法按 {enc} 解码",
                                 f"the page starts with a {enc} byte-order mark but cannot be decoded as {enc}") from None
    if not data.strip():
        raise InputError("GL002", "网页文件为空", "the HTML file is empty")
    if b"\x00" in data[:8192]:
        # a page saved as UTF-16 without its byte-order mark (a Windows editor's "Unicode"), as text is read
        from .text import _utf16_without_bom

        enc = _utf16_without_bom(data)
        if enc is not None:
            try:
                return data.decode(enc), enc, False
            except UnicodeDecodeError:
                pass
        raise InputError("GL003", "文件含空字节，是二进制数据，不是网页", "the file holds NUL bytes: it is binary, not HTML")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    declared = _declared(data)
    if declared in _LATIN_CODECS:
        # a Chinese page declared Latin-1 (a template's default left in place): its bytes are GB
        # characters when they decode so, and mostly as ideographs (Latin-1 decodes any byte: mojibake)
        try:
            gb = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            wide = sum(1 for ch in gb if ord(ch) > 127)
            if wide and sum(1 for ch in gb if "\u4e00" <= ch <= "\u9fff") >= 0.8 * wide:
                return gb, "gb18030", False
    if declared:
        try:
            return data.decode(declared), declared, False
        except (UnicodeDecodeError, LookupError):
            pass
    # mostly UTF-8 (or GB18030) with a few bad bytes: a damaged page, not another encoding; say where,
    # as the text reader does (detection would pick an encoding that decodes it all, as mojibake)
    from .text import _first_error, _where

    for enc in ("utf-8", "gb18030") if declared in (None, "utf-8", "gb18030") else ():
        decoded = data.decode(enc, errors="replace")
        bad = decoded.count("\ufffd")
        if bad and bad <= max(3, len(decoded) // 200):
            line, col = _where(data, _first_error(data, enc), enc)
            name = "UTF-8" if enc == "utf-8" else "GB18030/GBK"
            raise InputError("GL004", f"网页是 {name} 编码，但第{line}行第{col}列有无法解码的字节（共 {bad} 处），请修复后再检查",
                             f"the page is {name} but has undecodable bytes at line {line}, column {col} "
                             f"({bad} in all); repair the file", line, col)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # pragma: no cover - detection is best effort
        best = None
    if best is not None and best.encoding:
        enc = "gb18030" if best.encoding.lower() in _GB_FAMILY else best.encoding
        try:
            return data.decode(enc), enc, False
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("gb18030"), "gb18030", False
    except UnicodeDecodeError:
        pass
    raise InputError("GL004", "无法识别网页编码：不是 UTF-8，声明的编码也无法解码，请另存为 UTF-8 后再检查",
                     "cannot determine the page's encoding: not UTF-8, and the declared charset does not decode it")


# ----------------------------------------------------------------------------- positions


# a tag's attributes: runs of plain characters and quoted values. Possessive where Python has it
# (3.11): giving back part of the attributes can never let the tag end at a ">" (the character given
# back would come first), so the match is the same, found without trying every split of a long
# style (Word's HTML has one in every cell)
_ATTRS = (r"(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+" if sys.version_info >= (3, 11)
          else r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*")
# the start tags _scan acts on (see _ACTED_ON) and the end tags (title, textarea): a tag whose name
# begins so (``<thead>`` too). Not only the whole name: when a tag with a stray quote fails whole,
# the tag patterns below try shorter names, so ``<td"x y="z>`` is read as a ``td`` tag
_ACTED_NAME = (r"(?:[sS][cC][rR][iI][pP][tT]|[sS][tT][yY][lL][eE]|[tT][iI][tT][lL][eE]"
               r"|[tT][eE][xX][tT][aA][rR][eE][aA]|[tT][dDhH])")
_ACTED_END = r"(?:[tT][iI][tT][lL][eE]|[tT][eE][xX][tT][aA][rR][eE][aA])"
# one piece of markup that _scan does nothing with but leave out: a comment, a declaration, or a tag
# other than those — the alternatives below, in their order, limited to those names
_NO_OP = (r"<!--.*?(?:-->|\Z)"
          r"|<[!?][^>]*(?:>|\Z)"
          rf"|<(?!{_ACTED_NAME})[a-zA-Z][^\s/>\x00]*{_ATTRS}(?:>|\Z)"
          rf"|</(?!{_ACTED_END})[a-zA-Z][^\s/>\x00]*{_ATTRS}(?:>|\Z)"
          rf"|<(?!{_ACTED_NAME})[a-zA-Z][^\s/>\x00]*[^>]*(?:>|\Z)"
          rf"|</(?!{_ACTED_END})[a-zA-Z][^\s/>\x00]*[^>]*(?:>|\Z)")
# markup the character stream leaves out, and character references (see _scan). The first group
# takes a run of adjacent markup that needs nothing done (``</span></p><p class=…><span style=…>``)
# at once: where it matches, the alternatives after it would match the same first piece, and the
# pieces that follow would be found there by the next searches, with no text between
_MARKUP = cached_compile(
    r"(?=[<&])(?:"  # (every piece starts so: the engine passes text by without trying each alternative)
    rf"(?P<run>(?:{_NO_OP})+)"
    r"|(?P<comment><!--.*?(?:-->|\Z))"
    r"|<[!?][^>]*(?:>|\Z)"  # doctype, CDATA section, processing instruction
    rf"|<(?P<end>/?)(?P<name>[a-zA-Z][^\s/>\x00]*)(?P<attrs>{_ATTRS})(?:>|\Z)"
    r"|<(?P<end2>/?)(?P<name2>[a-zA-Z][^\s/>\x00]*)(?P<attrs2>[^>]*)(?:>|\Z)"  # an unclosed quote in a tag
    r"|(?P<ref>&(?:#(?:[0-9]+|[xX][0-9a-fA-F]+)|[a-zA-Z][-.a-zA-Z0-9]*);?))",
    re.S,
)
_FIELD_TAG = cached_compile(rf"<(?:[iI][nN][pP][uU][tT]|(?P<area>[tT][eE][xX][tT][aA][rR][eE][aA]))(?=[\s/>]){_ATTRS}(?:>|\Z)")
_AREA_END = cached_compile(r"</[tT][eE][xX][tT][aA][rR][eE][aA](?=[\s/>]|\Z)")
_REF = cached_compile(r"&(?:#(?:[0-9]+|[xX][0-9a-fA-F]+)|[a-zA-Z][-.a-zA-Z0-9]*);?")


def _unescaped_offsets(raw: str, at: int, value: str) -> Sequence[int]:
    """The offsets of the characters of ``value`` (``raw``, written at offset ``at``, with its
    character references resolved): an escaped character takes its ``&``'s; ``[at] * len(value)``
    when ``raw`` does not give ``value`` so (an attribute the parser normalised)."""
    if raw == value:
        return range(at, at + len(raw))
    out: list[int] = []
    pos = 0
    for r in _REF.finditer(raw):
        out += range(at + pos, at + r.start())
        out += [at + r.start()] * len(_html.unescape(r.group()))
        pos = r.end()
    out += range(at + pos, at + len(raw))
    if len(out) == len(value) + 1 and raw[:1] == "\n":  # (a textarea's first line break is not its text)
        out = out[1:]
    return out if len(out) == len(value) else [at] * len(value)
_VALUE_ATTR = cached_compile(r"""[\s"'/][vV][aA][lL][uU][eE]\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TEXT_INPUTS = frozenset({"text", "number", "tel", "search", ""})  # fields that show their value as text
_ACTED_ON = frozenset({"script", "style", "title", "textarea", "td", "th"})  # start tags _scan acts on
_RAW_END = {name: cached_compile(rf"</{name}(?=[\s/>]|\Z)", re.I) for name in ("script", "style")}


def _scan(text: str, starts: tuple[int, ...]) -> tuple[str, list[int], list[int], list[tuple[int, int]]]:
    """The text outside markup (and outside script, style, title and textarea) as one string, the
    *stream*, with where its pieces stand in ``text``; and (line, offset) of every ``<td``/``<th``
    start tag (the line where the tag ends, the offset of its ``<``).

    The stream is cut in pieces, each contiguous in ``text``: piece ``k`` starts at stream index
    ``at[k]`` and at offset ``off[k]`` of ``text``, and its characters follow one another there. A
    run of text between two tags is one piece; each character of a character reference is a piece of
    one (an entity's characters all map to its ``&``).

    One regular-expression pass over the page, tokenising as the standard library's ``html.parser``
    does (comments, declarations, tags with quoted attributes, raw script/style content, character
    references left unconverted) at a fraction of its cost."""
    chars: list[str] = []
    at: list[int] = []
    off: list[int] = []
    cells: list[tuple[int, int]] = []
    pos, n, skip, length = 0, len(text), 0, 0
    search = _MARKUP.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            if not skip:
                chars.append(text[pos:])
                at.append(length)
                off.append(pos)
            break
        a = m.start()
        if a > pos and not skip:
            chars.append(text[pos:a])
            at.append(length)
            off.append(pos)
            length += a - pos
        pos = m.end()
        if m.lastindex == 1:  # markup that needs nothing done
            continue
        _, _, end, name, attrs, end2, name2, attrs2, ref = m.groups()  # (one call: a page has a few hundred)
        if ref is not None:
            if not skip:
                body = ref[1:].rstrip(";")
                s = _html.unescape(f"&{body};")
                chars.append(s)
                for _ in s:
                    at.append(length)
                    off.append(a)
                    length += 1
            continue
        name = name or name2
        if name is None:  # comment or declaration
            continue
        name = name.lower()
        if end or end2:
            if skip and name in ("title", "textarea"):
                skip -= 1
            continue
        if name in _ACTED_ON:
            if name == "td" or name == "th":
                # (the line of the tag's ">", which is the line lxml gives the element: Word writes a
                # cell's attributes over two or three lines)
                cells.append((bisect.bisect_right(starts, pos - 1), a))
            elif not (attrs or attrs2 or "").rstrip().endswith("/"):
                if name in _RAW_END:  # script, style: raw text up to the end tag
                    close = _RAW_END[name].search(text, pos)
                    pos = close.start() if close is not None else n
                else:  # title, textarea: text that is not the page's, up to the end tag
                    skip += 1
    return "".join(chars), at, off, cells


#: the largest line lxml reports for an element of an HTML page (libxml2 stores it in 16 bits)
_LAST_LINE = 65535


class _Aligner:
    """Matches lxml text nodes against the page's stream (see the module doc and :func:`_scan`)."""

    WINDOW = 4000

    def __init__(self, text: str) -> None:
        self.page = text
        self.starts = line_starts(text)
        self.text, self.at, self.off, self.cells = _scan(text, self.starts)
        self.cursor = 0
        self.last = 0
        self.top_line = 0  # the furthest line a floor was taken for

    def offset(self, j: int) -> int:
        """The offset in the page of character ``j`` of the stream."""
        k = bisect.bisect_right(self.at, j) - 1
        return self.off[k] + j - self.at[k]

    def offsets(self, j: int, n: int) -> Sequence[int]:
        """The offsets in the page of characters ``j`` to ``j + n`` of the stream (``n`` > 0): a
        ``range`` when they lie in one piece (most text nodes), else a list."""
        at, off = self.at, self.off
        k = bisect.bisect_right(at, j) - 1
        o = off[k] + j - at[k]
        end = j + n
        k += 1
        if k == len(at) or at[k] >= end:
            return range(o, o + n)
        out = list(range(o, o + at[k] - j))
        while k < len(at) and at[k] < end:
            stop = at[k + 1] if k + 1 < len(at) and at[k + 1] < end else end
            out += range(off[k], off[k] + stop - at[k])
            k += 1
        return out

    def _floor(self, x: int) -> int:
        """The first character of the stream at or after offset ``x`` of the page."""
        at, off = self.at, self.off
        k = bisect.bisect_left(off, x)  # the first piece starting at or after x ...
        if k and off[k - 1] + ((at[k] if k < len(at) else len(self.text)) - at[k - 1]) > x:
            return at[k - 1] + x - off[k - 1]  # ... unless the piece before holds x
        return at[k] if k < len(at) else len(self.text)

    def align(self, s: str, line: Optional[int]) -> Sequence[int]:
        """Offsets in the HTML of the characters of one text node (``line``: its element's line)."""
        if line and self.top_line < line <= len(self.starts):
            # the floor grows with the line, and the cursor never falls below a floor once taken:
            # a line at or before the furthest one seen cannot move the cursor
            self.top_line = line
            floor = self._floor(self.starts[line - 1])
            if floor > self.cursor:
                self.cursor = floor
                if floor < len(self.text):
                    self.last = self.offset(floor)
        core = s.strip()
        if not core:  # whitespace only (the indentation between tags): where the stream stands
            return [self.last] * len(s)
        n = len(core)
        j = self.text.find(core, self.cursor, self.cursor + self.WINDOW + n)
        if j != -1:
            at = self.at
            k = bisect.bisect_right(at, j)
            if k == len(at) or at[k] >= j + n:  # in one piece (as :meth:`offsets` says, a call less)
                o = self.off[k - 1] + j - at[k - 1]
                found: Sequence[int] = range(o, o + n)
            else:
                found = self.offsets(j, n)
            self.cursor = j + n
            self.last = found[-1]
            if n == len(s):
                return found
            lead = len(s) - len(s.lstrip())
            # blanks around the text take the offset of the character after (before) them
            return [found[0]] * lead + list(found) + [found[-1]] * (len(s) - lead - n)
        out = [-1] * len(s)  # not found whole (an entity, markup inside): character by character
        for k, ch in enumerate(s):
            if ch.isspace():
                continue
            j = self.text.find(ch, self.cursor, self.cursor + self.WINDOW)
            if j == -1:
                continue
            out[k] = self.last = self.offset(j)
            self.cursor = j + 1
        return self._fill(out)

    def _fill(self, out: list[int]) -> list[int]:
        prev = None
        for k, o in enumerate(out):
            if o >= 0:
                prev = o
            elif prev is not None:
                out[k] = prev
        nxt = next((o for o in out if o >= 0), self.last)
        return [nxt if o < 0 else o for o in out]


# ----------------------------------------------------------------------------- the page


_TAG_NAMES: dict[str, str] = {}  # element tag as parsed -> its name (a page uses a few dozen)
_name_of = _TAG_NAMES.get  # in the hot loops: ``_name_of(el.tag) or _tag(el)`` is ``_tag(el)``, one call less
_NO_TEXT = frozenset({"", "script", "style", "title", "textarea"})  # elements whose text is not the page's


def _tag(el: Any) -> str:
    t = el.tag
    if not isinstance(t, str):
        return ""  # comment, processing instruction, entity
    name = _TAG_NAMES.get(t)
    if name is None:
        name = t
        if "}" in name:
            name = name.rsplit("}", 1)[1]
        if ":" in name:
            name = name.rsplit(":", 1)[1]  # o:p and friends from Word's HTML
        name = name.lower()
        if len(_TAG_NAMES) < 4096:  # bounded: a hostile page may invent any number of tags
            _TAG_NAMES[t] = name
    return name


_CSS_COMMENT = cached_compile(r"/\*.*?(?:\*/|\Z)", re.S)
_CSS_DISPLAY = cached_compile(r"(?:^|[;{\s])(display|visibility)\s*:\s*([-a-zA-Z]+)", re.I)
_CSS_SIMPLE = cached_compile(r"([a-zA-Z][a-zA-Z0-9]*)?((?:[.#][-_a-zA-Z0-9\u00a0-\uffff]+)*)")
_CSS_PART = cached_compile(r"([.#])([-_a-zA-Z0-9\u00a0-\uffff]+)")
_CSS_COMBINATOR = cached_compile(r"\s*>\s*|\s+")

# a compound selector: (tag or None, ids, classes)
_Compound = tuple[Optional[str], frozenset, frozenset]


def _compounds(selector: str) -> Optional[tuple[list[_Compound], list[str]]]:
    """A selector's compounds and the combinators between them (" ": descendant, ">": child), or None
    for a selector of another kind (a pseudo-class, an attribute, ``+``, ``~``, ``*``), or one whose
    last compound names no class or id."""
    selector = selector.strip()
    if not selector:
        return None
    compounds: list[_Compound] = []
    combinators: list[str] = []
    pos = 0
    for m in _CSS_COMBINATOR.finditer(selector):
        part = selector[pos:m.start()]
        if not part:
            return None
        compounds.append(_compound(part))
        combinators.append(">" if ">" in m.group() else " ")
        pos = m.end()
    compounds.append(_compound(selector[pos:]))
    if any(c is None for c in compounds) or not (compounds[-1][1] or compounds[-1][2]):
        return None
    return compounds, combinators  # type: ignore[return-value]


def _compound(part: str) -> Optional[_Compound]:
    m = _CSS_SIMPLE.fullmatch(part)
    if m is None or not part:
        return None
    parts = _CSS_PART.findall(m.group(2))
    return (m.group(1).lower() if m.group(1) else None, frozenset(v for t, v in parts if t == "#"),
            frozenset(v for t, v in parts if t == "."))


def _matches(el: Any, c: _Compound) -> bool:
    tag, ids, classes = c
    if tag is not None and _tag(el) != tag:
        return False
    if ids and ids != {el.get("id")}:
        return False
    return not classes or classes.issubset((el.get("class") or "").split())


class _Css:
    """What a page's style sheets (its ``<style>`` elements) say about showing elements named by class
    or id: the rules setting ``display`` or ``visibility`` whose selectors are of tags, classes and ids
    (``.hid``, ``tr.tpl``, ``#print-area``, ``.a.b``, ``#zoom .print-copy``, ``table > tr.x``; none with
    a pseudo-class, an attribute, ``+`` or ``~``), the last compound naming a class or id, outside
    ``@media`` and other at-rules (``@media print {.noprint {display: none}}`` hides nothing on
    screen). An element's last rule of the highest specificity decides, as a browser's cascade does
    (``.tab {display: none} .tab.on {display: block}``)."""

    def __init__(self, rules: list[tuple[tuple[int, int, int], int, list[_Compound], list[str], bool]]) -> None:
        self.rules = rules  # (specificity, order, compounds, combinators, hides)
        self.names = frozenset(n for r in rules for n in r[2][-1][1] | r[2][-1][2])

    @staticmethod
    def of(root: Any) -> Optional["_Css"]:
        rules: list = []
        for el in root.iter("style"):
            sheet = el.text or ""
            if "isplay" not in sheet and "ISPLAY" not in sheet and "isibility" not in sheet and "ISIBILITY" not in sheet:
                continue
            sheet = _CSS_COMMENT.sub(" ", sheet)
            i, n = 0, len(sheet)
            while i < n:
                j = sheet.find("{", i)
                if j < 0:
                    break
                prelude = sheet[i:j].strip()
                if prelude.startswith("@") or ";" in prelude and prelude.rsplit(";", 1)[1].strip().startswith("@"):
                    depth, k = 1, j + 1  # an at-rule's block, skipped whole
                    while k < n and depth:
                        depth += {"{": 1, "}": -1}.get(sheet[k], 0)
                        k += 1
                    i = k
                    continue
                k = sheet.find("}", j)
                k = n if k < 0 else k
                body = sheet[j + 1:k]
                i = k + 1
                hides = None
                for m in _CSS_DISPLAY.finditer(body):
                    prop, value = m.group(1).lower(), m.group(2).lower()
                    if prop == "display":
                        hides = value == "none"
                    elif value in ("hidden", "collapse", "visible"):
                        hides = value != "visible"
                if hides is None:
                    continue
                prelude = prelude.rsplit(";", 1)[-1].rsplit("}", 1)[-1]
                for sel in prelude.split(","):
                    found = _compounds(sel)
                    if found is None:
                        continue
                    compounds, combinators = found
                    spec = (sum(len(c[1]) for c in compounds), sum(len(c[2]) for c in compounds),
                            sum(1 for c in compounds if c[0]))
                    rules.append((spec, len(rules), compounds, combinators, hides))
        return _Css(rules) if any(r[4] for r in rules) else None

    def hides(self, el: Any, tag: str) -> Optional[bool]:
        """Whether the sheets hide ``el`` (True), show it (False), or say nothing (None)."""
        get = el.get
        classes = (get("class") or "").split()
        ident = get("id")
        if not any(c in self.names for c in classes) and ident not in self.names:
            return None
        best = None
        for r in self.rules:
            if (best is None or r[:2] > best[:2]) and self._applies(el, r[2], r[3]):
                best = r
        return None if best is None else best[4]

    @staticmethod
    def _applies(el: Any, compounds: list[_Compound], combinators: list[str]) -> bool:
        """Whether ``el`` is what the selector selects, matched right to left (a descendant
        combinator takes the nearest ancestor that matches: enough for these selectors)."""
        if not _matches(el, compounds[-1]):
            return False
        at = el
        for c, comb in zip(reversed(compounds[:-1]), reversed(combinators)):
            at = at.getparent()
            if comb == ">":
                if at is None or not _matches(at, c):
                    return False
                continue
            while at is not None and not _matches(at, c):
                at = at.getparent()
            if at is None:
                return False
        return True


class _Page:
    def __init__(self, root: Any, aligner: _Aligner, may_hide: bool = True) -> None:
        self.root = root
        self.aligner = aligner
        self.may_hide = may_hide  # the page's markup hides something (else no element is looked at for it)
        self.css = _Css.of(root) if may_hide else None  # (classes and ids a style sheet hides)
        self.pos: dict[tuple[Any, str], list[int]] = {}
        self._lengths: dict[Any, int] = {}
        self._linked: dict[Any, int] = {}  # of an element's length, what is link text
        self._junk: dict[Any, bool] = {}
        self._layouts: dict[Any, bool] = {}
        self._links = root.find(".//a[@href]") is not None
        self._fields: Optional[list[tuple[int, int, int]]] = None  # (see field_value)
        self._field_at: dict[Any, tuple[int, int, int]] = {}
        self._align(root)
        self.anchors = self._anchors(root)

    def _anchors(self, root: Any) -> dict[Any, int]:
        """Offset of each cell's ``<td``/``<th`` tag: lxml's cells matched in order with the tokenizer's
        on the same source line — the line of the tag's ``>`` for both (a blank cell has no text to
        take a position from)."""
        out: dict[Any, int] = {}
        toks = self.aligner.cells
        i = 0
        for el in root.iter("td", "th"):
            line = el.sourceline or 0
            while i < len(toks) and toks[i][0] < line:
                i += 1
            # libxml2 gives HTML elements no line past 65535: from there on, cells are matched in order
            if i < len(toks) and (toks[i][0] == line or line >= _LAST_LINE):
                out[el] = toks[i][1]
                i += 1
        return out

    # -- positions of every text node, in document order; lengths of every element
    def _align(self, root: Any) -> None:
        """Align every text node (:attr:`pos`) and measure every element (:meth:`length`), in one
        walk: a node's text is fetched from the tree once for both."""
        pos, align = self.pos, self.aligner.align
        lengths, junk_memo, is_junk = self._lengths, self._junk, self._is_junk
        junk_of = junk_memo.get
        # per open element: its length so far, or -1 for one that counts nothing (a skipped tag)
        counts: list[int] = []
        # document order: an element's text at its start, its tail after its end. The elements come
        # from ``iter()`` (a tenth of the cost of lxml's ``iterwalk`` events); an element ends where
        # the next one is not inside it: the open elements down to the next one's parent are closed
        opened: list[Any] = []
        for el in chain(root.iter(), (None,)):  # (None: the end, which closes every element)
            if opened:
                parent = el.getparent() if el is not None else None
                while opened and opened[-1] is not parent:
                    done = opened.pop()
                    n = counts.pop()
                    lengths[done] = n if n > 0 else 0
                    tail = done.tail
                    if tail:
                        line = done.sourceline
                        if not line:
                            up = done.getparent()
                            line = up.sourceline if up is not None else None
                        pos[(done, "tail")] = align(tail, line)
                    if counts and counts[-1] >= 0:  # the parent counts this element and its tail
                        add = 0
                        if n > 0:  # (a length of 0 adds nothing, junk or not)
                            hit = junk_of(done)
                            if hit is None:  # (as self.junk(el) does)
                                hit = junk_memo[done] = is_junk(done)
                            if not hit:
                                add = n
                        if tail:
                            add += len("".join(tail.split()))
                        counts[-1] += add
            if el is None:
                break
            opened.append(el)
            tag = _name_of(el.tag) or _tag(el)
            if tag and tag not in _SKIP_TAGS:
                text = el.text
                if text:
                    pos[(el, "text")] = align(text, el.sourceline)
                    counts.append(len("".join(text.split())))
                else:
                    counts.append(0)
            else:
                if tag not in _NO_TEXT:  # (a skipped tag's text is aligned all the same)
                    text = el.text
                    if text:
                        pos[(el, "text")] = align(text, el.sourceline)
                counts.append(-1)

    def field_value(self, el: Any, tag: str) -> Optional[tuple[str, Sequence[int]]]:
        """(value, its offsets in the page) of a text field the page shows in a table cell
        (``<input value="12" readonly>``, ``<textarea>12</textarea>``: pages made from a form write
        figures so), or None: another kind of input (hidden, a button, a check box), a hidden one,
        an empty one."""
        if tag == "textarea":
            value = el.text
        else:
            value = el.get("value")
            if value and (el.get("type") or "text").strip().lower() not in _TEXT_INPUTS:
                return None
        if not value or self._hidden(el):
            return None
        if self._fields is None:  # the fields' tags in the page: (line of their ">", value's start and end)
            self._fields = []
            text, starts = self.aligner.page, self.aligner.starts
            end: Any = None  # (the end tag found last: textareas before it end there, each not searched again)
            for m in _FIELD_TAG.finditer(text):
                if m.group("area") is not None:
                    if end is None or (end is not False and end.start() < m.end()):
                        end = _AREA_END.search(text, m.end()) or False  # (False: no end tag after)
                    at, stop = m.end(), end.start() if end is not False else len(text)
                else:
                    v = _VALUE_ATTR.search(m.group())
                    at = stop = m.start()
                    if v is not None and v.lastindex:
                        at, stop = at + v.start(v.lastindex), at + v.end(v.lastindex)
                self._fields.append((bisect.bisect_right(starts, m.end() - 1), at, stop))
            i, toks = 0, self._fields
            for e in self.root.iter("input", "textarea"):  # matched in order on their line, as the cells' tags are
                line = e.sourceline or 0
                while i < len(toks) and toks[i][0] < line:
                    i += 1
                if i < len(toks) and (toks[i][0] == line or line >= _LAST_LINE):
                    self._field_at[e] = toks[i]
                    i += 1
        tok = self._field_at.get(el)
        if tok is None:
            return value, [-1] * len(value)
        at, stop = tok[1], tok[2]
        if stop - at > 8 * len(value) + 64:  # (not the value as written: not copied out of the page)
            return value, [at] * len(value)
        return value, _unescaped_offsets(self.aligner.page[at:stop], at, value)

    def offs(self, el: Any, which: str, text: str) -> list[int]:
        o = self.pos.get((el, which))
        return o if o is not None and len(o) == len(text) else [-1] * len(text)

    # -- what to skip
    def junk(self, el: Any) -> bool:
        hit = self._junk.get(el)
        if hit is None:
            hit = self._is_junk(el)
            self._junk[el] = hit
        return hit

    def _is_junk(self, el: Any) -> bool:
        tag = _name_of(el.tag) or _tag(el)
        if not tag:
            return True
        if tag in _SKIP_TAGS:
            return True
        keys = el.keys()
        if tag != "header" and not keys:  # no attributes (most elements of a plain page)
            return False
        if "hidden" in keys:
            return True
        # (an attribute is fetched only when there: Word's elements have a style and no id; the
        # patterns' memos looked up here, a call less for each of Word's thousands of elements)
        style = None
        if "style" in keys:
            style = el.get("style")
            hit = _HIDDEN_ANSWERS.get(style)
            if hit is None:
                hit = _found(_HIDDEN_STYLE, style)
            if hit:
                return True
        junk_name = False
        if "class" in keys or "id" in keys:
            if self.css is not None and self.css.hides(el, tag) and not (style is not None and _found(_SHOWN_STYLE, style)):
                return True
            get = el.get
            name = f"{get('class') or ''} {get('id') or ''}"
            if name.strip():
                junk_name = _JUNK_ANSWERS.get(name)
                if junk_name is None:
                    junk_name = _found(_JUNK_NAME, name)
        if tag == "header" or junk_name:
            if el.find(".//table") is not None or el.find(".//h1") is not None:
                return False
            return self.length(el) < 2000
        return False

    def length(self, el: Any) -> int:
        """The characters other than whitespace in ``el``: its text, and the length and tail of each
        child (a junk child counts its tail only; a skipped tag such as ``script`` is 0). Measured
        for every element of the page, children before parents, as the text is aligned."""
        return self._lengths[el]

    def content(self, el: Any) -> int:
        """:meth:`length` without the text of links (``<a href>``; a bookmark ``<a name>`` is text):
        what a list of links (a sidebar of news, related documents) weighs when the report's body is
        looked for."""
        n = self.length(el)
        if not self._links or not n:
            return n
        links = self._linked.get(el)
        if links is None:
            if _tag(el) == "a" and el.get("href") is not None:
                links = n
            else:  # the links counted in el's length: none of them, nor anything between, left out
                links = 0
                for a in el.iterdescendants("a"):
                    if a.get("href") is None:
                        continue
                    p = a
                    while p is not el and not self.junk(p) and (p is a or _tag(p) != "a" or p.get("href") is None):
                        p = p.getparent()
                    if p is el:
                        links += self.length(a)
            self._linked[el] = links
        return n - links

    # -- where the report is
    def body(self) -> tuple[Any, Optional[Any]]:
        """(content element, title element before it or None)."""
        body = self.root.find(".//body")
        if body is None:
            body = self.root
        if self.may_hide:  # (most pages hide nothing: no walk)
            self._reveal(body)
        if self.content(body) < 200 and body.find(".//noscript") is not None:
            self._unscripted(body)
        # by the text that is not links: a sidebar or a list of related documents is mostly links
        size = self.content if self.content(body) else self.length
        total = size(body) or 1
        node = body
        deduped = False
        while True:
            kids = [c for c in node if _tag(c) and not self.junk(c)]
            if not kids:
                break
            best = max(kids, key=size)
            if size(best) < 0.6 * total:
                if not deduped and len(kids) > 1:
                    deduped = True
                    if self._drop_copies(kids, body, total):
                        total = size(body) or 1
                        continue
                break
            tag = _tag(best)
            if tag in ("p", "li"):
                break
            if tag in _TABLE_PARTS and not self._layout(best):
                break
            node = best
        title = None
        for el in body.iter():
            if el is node:
                break
            if self._title_like(el) and not self._inside_junk(el, body):
                if not self._contains(el, node):
                    title = el
        return node, title

    def _drop_copies(self, kids: list[Any], body: Any, total: int) -> bool:
        """Of elements side by side each holding a quarter of the page's text or more, one whose
        text (what is read of it) the other holds whole is a copy of the report (a print version
        hidden by a style sheet the page links to, or by a framework's class: ``d-none``): it is
        not read. Equal texts: the first is kept. Whether one was dropped."""
        big = [c for c in kids if self.content(c) >= 0.25 * total]
        if len(big) < 2:
            return False
        texts = {c: self._plain(c) for c in big}
        dropped = False
        for c in big:
            mine = texts[c]
            if len(mine) < 200:
                continue
            if any(o is not c and not self._junk.get(o) and mine in texts[o] and (len(texts[o]) > len(mine) or big.index(o) < big.index(c))
                   for o in big):
                self._junk[c] = True
                n = self._lengths.get(c, 0)
                p = c.getparent()
                while p is not None:
                    self._lengths[p] = self._lengths.get(p, 0) - n
                    if p is body:
                        break
                    p = p.getparent()
                dropped = True
        if dropped:
            self._linked.clear()
        return dropped

    def _plain(self, el: Any) -> str:
        """The text of ``el`` that is read (its junk left out), without whitespace."""
        out: list[str] = []
        stack = [el]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                out.append(node)
                continue
            if node is not el and node.tail:
                stack.append(node.tail)
            if node is not el and (not _tag(node) or self.junk(node)):
                continue
            stack.extend(reversed(list(node)))
            if node.text:
                stack.append(node.text)
        return _WS.sub("", "".join(out))

    def _reveal(self, body: Any) -> None:
        """A hidden element holding more text than all the page shows is the article, hidden until a
        script shows it (a WeChat article's ``<div id="js_content" style="visibility: hidden">``,
        content faded in once fonts load): it is read as the page's content, not skipped."""
        # (found by libxml2's XPath: most pages hide nothing, and Word's pages have thousands of elements)
        hidden = [el for el in body.xpath(".//*[@hidden or @style or @class or @id]" if self.css is not None
                                          else ".//*[@hidden or @style]") if self._hidden(el)]
        if not hidden:
            return
        best = max(hidden, key=self.content)  # (a hidden element's own length counts all its text)
        if self.content(best) > self.content(body) and not self._inside_junk(best.getparent(), body):
            self._junk[best] = False
            # its ancestors were measured without it: each gets its length, up to one that is junk
            # itself (its parent does not count it)
            delta, lengths = self._lengths.get(best, 0), self._lengths
            p = best.getparent()
            while p is not None and delta:
                lengths[p] = lengths.get(p, 0) + delta
                if self.junk(p):
                    break
                p = p.getparent()
            self._linked.clear()

    def _unscripted(self, body: Any) -> None:
        """A page showing next to nothing whose ``<noscript>`` holds the article (what a browser
        without scripts shows; a script draws the page otherwise): the ``noscript`` is read as the
        page's content, as a hidden article is (:meth:`_reveal`)."""
        best, most = None, self.content(body)
        for el in body.iter("noscript"):
            n = sum(self.length(c) + len("".join((c.tail or "").split())) for c in el if not self.junk(c))
            n += len("".join((el.text or "").split()))
            if n > most and not self._inside_junk(el.getparent(), body):
                best, most = el, n
        if best is None:
            return
        self._junk[best] = False
        self._lengths[best] = most
        p = best.getparent()
        while p is not None:
            self._lengths[p] = self._lengths.get(p, 0) + most
            if self.junk(p):
                break
            p = p.getparent()
        self._linked.clear()

    def _hidden(self, el: Any) -> bool:
        keys = el.keys()
        if "hidden" in keys or ("style" in keys and _found(_HIDDEN_STYLE, el.get("style"))):
            return True
        return (self.css is not None and ("class" in keys or "id" in keys) and bool(self.css.hides(el, _tag(el)))
                and not ("style" in keys and _found(_SHOWN_STYLE, el.get("style"))))

    def _layout(self, el: Any) -> bool:
        """Whether ``el`` (a table or a part of one) belongs to a table that lays a page out: one
        holding another table (old CMS pages put header, sidebar and article in the cells of one
        table, the report's tables in the article's cell). A data table is never descended into."""
        t = el
        while t is not None and _tag(t) != "table":
            t = t.getparent()
        if t is None:
            return False
        hit = self._layouts.get(t)
        if hit is None:
            hit = self._layouts[t] = t.find(".//table") is not None
        return hit

    def _contains(self, a: Any, b: Any) -> bool:
        p = b
        while p is not None:
            if p is a:
                return True
            p = p.getparent()
        return False

    def _inside_junk(self, el: Any, stop: Any) -> bool:
        p = el
        while p is not None and p is not stop:
            if self.junk(p):
                return True
            p = p.getparent()
        return False

    def _title_like(self, el: Any) -> bool:
        tag = _name_of(el.tag) or _tag(el)
        if tag in ("h1", "h2", "h3"):
            pass
        elif tag in ("div", "p", "span", "td", "strong", "font", "b") and el.keys() and _found(
                _TITLE_NAME, f"{el.get('class') or ''} {el.get('id') or ''}"):
            pass
        else:
            return False
        n = self.length(el)
        return 4 <= n <= 150


class _Writer:
    def __init__(self, page: _Page) -> None:
        self.page = page
        self.b = TextBuilder()
        self.tables = TableEmitter(self.b)

    def text(self, el: Any, which: str) -> None:
        s = el.text if which == "text" else el.tail
        if s:
            self.b.inline(s, self.page.offs(el, which, s))

    def block(self, el: Any, skip_before: Optional[Any] = None) -> None:
        """Write an element and its content (``skip_before``: start at this descendant)."""
        stack: list[tuple[Any, int]] = [(el, 0)]
        started = skip_before is None
        while stack:
            node, state = stack.pop()
            tag = _name_of(node.tag) or _tag(node)
            if state == 1:  # after the children
                if tag in _BLOCK_TAGS:
                    self.b.end_line()
                if node is not el and started:
                    self.text(node, "tail")
                continue
            if node is skip_before:
                started = True
            if not tag or self.page.junk(node):
                if node is not el and started:
                    self.text(node, "tail")
                continue
            if tag == "br":
                if started:
                    self.b.end_line()
                    self.text(node, "tail")
                continue
            if tag == "table" and started:
                self.table(node)
                if node is not el:
                    self.text(node, "tail")
                continue
            if tag in _BLOCK_TAGS:
                self.b.end_line()
            if started:
                self.text(node, "text")
            stack.append((node, 1))
            for child in reversed(list(node)):
                stack.append((child, 0))

    # -- tables
    def _parts(self, table: Any) -> list[Any]:
        """The table's rows (``tr`` elements, in lists), and what stands between them in the tree: a
        table whose end tag is missing gets the next table, and the paragraphs after it, as its own
        children from libxml2 (a browser closes the first table there); rows wrapped in a ``form``
        or ``div`` are rows. Each such element is an item of the list after the rows before it."""
        parts: list[Any] = []
        run: list[Any] = []

        def after(el: Any, t: str) -> None:  # the text after an element (not after a row)
            nonlocal run
            tail = el.tail
            if tail and not tail.isspace() and t != "tr" and t not in _ROW_GROUPS:
                if run:
                    parts.append(run)
                    run = []
                parts.append((el, "tail"))

        # (a stack, not a recursive inner function: that is a reference cycle, which kept each page's
        # tree alive until the cyclic collector ran — 24 MB more for 100 pages in Word's markup)
        page = self.page
        hides = page.may_hide
        stack: list[tuple[Any, Any, str]] = [(iter(_row_order(table)), None, "")]
        while stack:
            it, owner, owner_tag = stack[-1]
            child = next(it, None)
            if child is None:
                stack.pop()
                if owner is not None:
                    after(owner, owner_tag)
                continue
            t = _name_of(child.tag) or _tag(child)
            if hides and (t == "tr" or t in _ROW_GROUPS) and page._hidden(child) and page.junk(child):
                # a row (or a group of rows) hidden from view: a template row, a copy for a script
                continue
            if t == "tr":
                run.append(child)
            elif t in _ROW_GROUPS or (t and t != "table" and t not in _TABLE_META and child.find("tr") is not None):
                stack.append((iter(child), child, t))  # (its tail once its children are read)
                continue
            elif t and t not in _TABLE_META:
                if run:
                    parts.append(run)
                    run = []
                parts.append(child)
            after(child, t)
        if run or not parts:
            parts.append(run)
        return parts

    def table(self, table: Any) -> None:
        parts = self._parts(table)
        caption = next((c for c in table if _tag(c) == "caption"), None)
        if caption is not None:
            self.b.end_line()
            self.block(caption)
        for part in parts:
            if isinstance(part, list):
                self._rows_out(table, part)
            elif isinstance(part, tuple):  # text left between the rows
                self.b.end_line()
                self.text(part[0], "tail")
                self.b.end_line()
            else:  # an element left inside the table (a table, paragraphs after an unclosed table)
                self.b.end_line()
                self.block(part)
                self.b.end_line()
                self.text(part, "tail")

    def _rows_out(self, table: Any, rows: list[Any]) -> None:
        junk = self.page.junk
        cells_of = [[c for c in r if (_name_of(c.tag) or _tag(c)) in ("td", "th") and not junk(c)] for r in rows]
        nested = table.find(".//table") is not None and any(c.find(".//table") is not None for cs in cells_of for c in cs)
        single_column = all(len(cs) <= 1 for cs in cells_of)
        if nested or single_column:  # layout table: read its cells as blocks
            for cs in cells_of:
                for c in cs:
                    self.b.end_line()
                    self.block(c)
            self.b.end_line()
            return
        grid: list[list[GridCell]] = []
        for cs in cells_of:
            grid.append([self._cell(c) for c in cs])
        place(grid)
        self.tables.emit(grid)

    def _cell(self, td: Any) -> GridCell:
        get = td.get
        rowspan, colspan = get("rowspan"), get("colspan")
        page = self.page
        if not len(td):  # text only (most cells): no walk
            s = td.text
            text, toffs = clean(s, page.offs(td, "text", s)) if s else ("", [])
            return GridCell(text, toffs, 0, -1, _span(rowspan) if rowspan else 1, _span(colspan) if colspan else 1,
                            page.anchors.get(td, -1))
        # the cell's text in pieces, each with its offsets (a line break: "\n" at offset -1, _BREAK)
        pieces: list[str] = []
        segs: list[Sequence[int]] = []
        pos_get, junk_get = page.pos.get, page._junk.get

        def offs_of(node: Any, which: str, s: str) -> Sequence[int]:  # (page.offs)
            o = pos_get((node, which))
            return o if o is not None and len(o) == len(s) else [-1] * len(s)

        s = td.text
        if s:
            pieces.append(s)
            segs.append(offs_of(td, "text", s))
        stack: list[tuple[Any, int]] = [(child, 0) for child in reversed(td)]
        while stack:
            node, state = stack.pop()
            if state == 0:
                tag = _name_of(node.tag) or _tag(node)
                hit = junk_get(node) if tag else True
                if hit is None:
                    hit = page.junk(node)
                if hit:  # left out: only the text after it
                    if tag == "input" or tag == "textarea":  # a form's field shows its value
                        shown = page.field_value(node, tag)
                        if shown is not None:
                            pieces.append(shown[0])
                            segs.append(shown[1])
                    s = node.tail
                    if s:
                        pieces.append(s)
                        segs.append(offs_of(node, "tail", s))
                    continue
                block = tag in _BLOCK_TAGS
                if tag == "br" or block:
                    pieces.append("\n")
                    segs.append(_BREAK)
                    if tag == "br":
                        s = node.tail
                        if s:
                            pieces.append(s)
                            segs.append(offs_of(node, "tail", s))
                        continue
                s = node.text
                if s:
                    pieces.append(s)
                    segs.append(offs_of(node, "text", s))
                if len(node):
                    stack.append((node, 1))
                    stack += [(child, 0) for child in reversed(node)]
                    continue
            else:
                block = (_name_of(node.tag) or _tag(node)) in _BLOCK_TAGS
            # after an element's children (a leaf: at once): a block ends its line, then its tail
            if block:
                pieces.append("\n")
                segs.append(_BREAK)
            s = node.tail
            if s:
                pieces.append(s)
                segs.append(offs_of(node, "tail", s))
        # line breaks at either end are blanks that cleaning drops: left out before
        i, j = 0, len(pieces)
        while i < j and segs[i] is _BREAK:
            i += 1
        while j > i and segs[j - 1] is _BREAK:
            j -= 1
        if j - i == 1:  # one piece (Word's td > p > span): its offsets as they are, a range most often
            text, toffs = clean(pieces[i], segs[i])
        else:
            offs: list[int] = []
            for seg in segs[i:j]:
                offs += seg
            text, toffs = clean("".join(pieces[i:j]), offs)
        return GridCell(text, toffs, 0, -1, _span(rowspan), _span(colspan), page.anchors.get(td, -1))


_BREAK = (-1,)  # the offsets of a line break written into a cell's text (see _Writer._cell)

def _row_order(table: Any) -> Any:
    """The table's children in the order a browser shows them: a ``<tfoot>`` written before the
    body (as HTML 4 had it) is shown after it."""
    foot = table.find("tfoot")
    if foot is None:
        return table
    kids = list(table)
    i = kids.index(foot)
    if not any((_name_of(k.tag) or _tag(k)) in ("tbody", "tr") for k in kids[i + 1:]):
        return table
    return kids[:i] + kids[i + 1:] + [foot]


def _span(value: Optional[str]) -> int:
    if not value:
        return 1
    m = _SPAN_RE.match(value)
    if not m:
        return 1
    n = int(m.group(1)[:4])
    return n if n >= 1 else 1


_SPAN_RE = cached_compile(r"\s*(\d+)")

# -- the publication date printed outside the article (a CMS's meta line above or below the title:
# 来源：××局 发布时间：2023-02-20, or only a <meta name="PubDate">): GL703 needs it
_PUB_DATE = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"
#: labels that name the publication (not 成文日期, 更新时间: another date), and a CMS's bare
#: 日期：/时间： (日期：2023-01-20 来源：…), not another word's (更新时间：, 打印日期：)
_PUB_LABEL = cached_compile(rf"(?:发布时间|发布日期|公开日期|发表时间|发布于|首发时间|(?<![\u4e00-\u9fff])(?:日期|时间)\s*[:：])"
                            rf"\s*[:：|｜]?\s*{_PUB_DATE}")
_PUB_WORD = cached_compile(r"发布时间|发布日期|公开日期|发表时间|发布于|首发时间|(?<![\u4e00-\u9fff])(?:日期|时间)\s*[:：]")
_PUB_META_NAMES = frozenset({"pubdate", "publishdate", "firstpublishedtime", "publishtime", "publish_date",
                             "publishdatetime", "article:published_time"})
_PUB_VALUE = cached_compile(_PUB_DATE)


def _published_line(page: _Page, body: Any, stop: Any, skip: Any) -> Optional[Any]:
    """The element holding the labelled publication date printed before ``stop`` (the article, or the
    title within it) outside ``skip`` (the title, written anyway), not in navigation, a footer or a
    list (a sidebar of other documents: each item has its date): the last one, nearest the article."""
    found = None
    for el in body.iter():
        if el is stop:
            break
        if not isinstance(el.tag, str) or not el.text or _PUB_WORD.search(el.text) is None:
            continue
        block = el
        while block is not None and block is not body and (_name_of(block.tag) or _tag(block)) not in _BLOCK_TAGS:
            block = block.getparent()
        if block is None or block is body:
            block = el
        if (skip is not None and page._contains(skip, block)) or page._inside_junk(block, None):
            continue
        anc, listed = block, False
        while anc is not None:
            if _tag(anc) in ("li", "ul", "ol"):
                listed = True
                break
            anc = anc.getparent()
        if listed or page.length(block) > 200:
            continue
        if _PUB_LABEL.search("".join(block.itertext())):
            found = block
            continue
        # the label and the date in sibling elements (<div class="time">发布日期：</div><div class="date">…)
        parent = block.getparent()
        if (parent is not None and parent is not body and page.length(parent) <= 200
                and not (skip is not None and page._contains(parent, skip)) and not page._contains(parent, stop)
                and _PUB_LABEL.search("".join(parent.itertext()))):
            found = parent
    return found


def _meta_published(root: Any, text: str, starts: tuple[int, ...]) -> Optional[tuple[str, list[int]]]:
    """(date, its offsets in the page) from a <meta name="PubDate" content="2023-02-20 10:00"> tag."""
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        if name not in _PUB_META_NAMES:
            continue
        m = _PUB_VALUE.match((el.get("content") or "").strip())
        line = el.sourceline
        if m is None or not line:
            continue
        if line > len(starts):
            return None
        at = starts[line - 1]  # (the start of the tag's line: the aligner's line starts)
        i = text.find(m.group(), at, at + 4000)
        return (m.group(), list(range(i, i + len(m.group())))) if i >= 0 else None
    return None

#: nesting depth at which libxml2 (without ``huge_tree``) stops building the tree; a deeper page is GL006
MAX_DEPTH = 255


def _first_title(page: _Page, content: Any) -> Optional[Any]:
    """An h1 (or an element named "title") near the start of the content is the title: what little
    comes before it (breadcrumbs, a date: less than 300 characters) is skipped; an h2/h3 there may be
    a part heading. (The search stops where that much text has gone by.)"""
    before = 0
    for el in content.iter():
        if page._title_like(el) and _tag(el) not in ("h2", "h3") and not page._inside_junk(el, content):
            return el
        if _tag(el) and not page.junk(el):
            before += len(_WS.sub("", el.text or ""))
            if before >= 300:
                break
    return None


def _named_title(page: _Page, body: Any, content: Any) -> Optional[Any]:
    """The title of a page whose markup names none (old sites set it in ``<font size="4"><b>`` in a
    cell of a layout table above the article's cell): the element nearest before the content whose
    whole text names a year's 政府信息公开 report, as a title line of the text does (no sentence, no
    link, no list item: a sidebar of other reports is a list of links)."""
    from ..parse import _TITLE_YEAR, _looks_like_title

    found = None
    for el in body.iter():
        if el is content:
            break
        tag = _name_of(el.tag) or _tag(el)
        if not tag or tag in ("a", "li", "ul", "ol") or not 4 <= page.length(el) <= 80:
            continue
        if el.find(".//a[@href]") is not None or el.find(".//li") is not None:  # (a list of links to reports)
            continue
        text = _WS.sub("", "".join(el.itertext()))
        if (text.count("报告") + text.count("年报") != 1 or "政府信息公开" not in text or not _TITLE_YEAR.search(text) or not _looks_like_title(text)
                or _TITLE_STOPS.search(text) or page._contains(el, content) or page._inside_junk(el, body)):
            continue
        anc = el.getparent()
        while anc is not None and anc is not body and _tag(anc) not in ("a", "li"):
            anc = anc.getparent()
        if anc is None or anc is body:
            found = el
    return found


_PAGER = cached_compile(r"下\s*一\s*页")
_PAGER_PAGES = cached_compile(r"第\s*\d+\s*页|共\s*\d+\s*页|尾\s*页|末\s*页|(?<!\d)\d+\s*/\s*\d+")


def _pager(page: _Page, body: Any, content: Any) -> Optional[Any]:
    """The pager after an article split over several pages (``第1页 第2页 下一页 尾页``, ``共3页``): the
    first short element after the content whose text says so. It is written after the article, so
    that a page holding only part of the report says why the rest is missing (GL012)."""
    after = False
    for el in body.iter():
        if el is content:
            after = True
            continue
        tag = _name_of(el.tag) or _tag(el)
        if not after or not tag or tag in _SKIP_TAGS or page._contains(content, el):
            continue
        if page.length(el) > 200 or page._inside_junk(el.getparent(), body):
            continue
        text = "".join(el.itertext())
        if _PAGER.search(text) and _PAGER_PAGES.search(text):
            return el
    return None


_EMBEDS = ("iframe", "embed", "object", "frame")
_EMBED_ZH = {"iframe": "内嵌框架", "frame": "框架", "embed": "嵌入的文件", "object": "嵌入的文件"}
_MAIN_FRAME = cached_compile(r"(?i)main|content|body|right|center|centre|mid|article|text|zw")


_APP_ROOTS = frozenset({"app", "root", "__next", "__nuxt"})  # (where a single-page application draws itself)


def _scripted(root: Any, out: str) -> Optional[InputError]:
    """GL005 for a page with next to no text whose scripts fill an empty element (one whose id a
    script names, ``$("#content").html(…)``, or a single-page application's ``<div id="app">``): the
    report is loaded into the page when a browser shows it, and the file holds an empty container."""
    if len(_WS.sub("", out)) > 200:
        return None
    scripts = [el for el in root.iter("script")]
    if not scripts:
        return None
    code = " ".join(el.text or "" for el in scripts)
    for el in root.iter():
        name = el.get("id") if isinstance(el.tag, str) and el.tag not in ("script", "style") else None
        if not name or len(el) or (el.text or "").strip():
            continue
        if name in _APP_ROOTS or f"#{name}" in code or f"'{name}'" in code or f'"{name}"' in code:
            break
    else:
        return None
    line = el.sourceline or 1
    return InputError("GL005", "网页中没有报告正文：正文是浏览器打开网页时由脚本载入的，保存的网页里只有空的容器。"
                               "请在浏览器中打开网页，待报告显示后“另存为”完整网页再检查，或检查报告的附件",
                      "the page holds no report text: a script loads the body when a browser opens the page, and "
                      "the saved file holds an empty container. Open it in a browser and save it once the report "
                      "shows, then check that file, or check the report's attachment", line, 1)


def _title_alone(out: str, title: Any) -> bool:
    """Is the text read from a page little more than its title (under 100 characters besides it)?"""
    rest = out.replace("".join(title.itertext()).strip(), "", 1) if title is not None else out
    return len(_WS.sub("", rest)) < 100


def _framed(page: _Page, root: Any, html_text: str, out: str, title: Any) -> Optional[InputError]:
    """GL005 for a page that shows the report in a frame (``<iframe src>``, a PDF in ``<embed>`` or
    ``<object data>``): next to nothing read but the title, and a frame that is not the
    page's furniture. The frame's address is named, at its tag."""
    if len(out) > 2000 or not _title_alone(out, title):  # (the text read collapses blanks: 2000 is more than a title)
        return None
    frames = [el for el in root.iter("frame") if (el.get("src") or "").strip()]
    if frames:  # a frameset: the frame named as the main one (main, content, …), else the last
        main = [el for el in frames if _MAIN_FRAME.search((el.get("name") or "") + " " + (el.get("id") or ""))]
        embeds = [main[0] if main else frames[-1]]
    else:
        embeds = [el for el in root.iter(*_EMBEDS) if el.tag != "frame"]
    for el in embeds:
        src = (el.get("src") or el.get("data") or "").strip()
        if not src or el.tag != "frame" and page._inside_junk(el.getparent(), None):
            continue
        line = el.sourceline or 1
        column = 1
        if line <= len(page.aligner.starts):
            at = page.aligner.starts[line - 1]
            j = html_text.find(src, at)
            k = html_text.rfind("<", at, j) if j >= 0 else -1
            column = (k - at + 1) if k >= 0 else 1
        shown = src if len(src) <= 80 else src[:79] + "…"
        kind = _EMBED_ZH.get(_tag(el), "嵌入的文件")
        return InputError("GL005", f"网页正文不在本页中，而在内嵌的框架或文件里（{kind}“{shown}”）：请打开该地址，检查其中的报告",
                          f"the page's body is not in the page but in an embedded frame or file ({_tag(el)} “{shown}”): "
                          "open that address and check the report there", line, column)
    return None


_TITLE_STOPS = cached_compile(r"[。，,；;：:！!？?]")


_IFRAME_TAG = cached_compile(rf"<[iI][fF][rR][aA][mM][eE](?=[\s/>]){_ATTRS}(?:>|\Z)")
_SRCDOC_ATTR = cached_compile(r"""[\s"'/][sS][rR][cC][dD][oO][cC]\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def _srcdoc(page: _Page, root: Any, text: str, out: str, title: Any) -> Optional[tuple[str, Any]]:
    """(text, offsets in the page) of the report a page shows in an ``<iframe srcdoc="…">`` (the
    article written into the frame's attribute, escaped), when the page shows little else than its
    title: the frame's document is read as a page, and each of its characters is given the place in
    the attribute it was written at (an escaped character: its ``&``)."""
    if not _title_alone(out, title):
        return None
    frames = [el for el in root.iter("iframe") if (el.get("srcdoc") or "").strip()]
    if not frames:
        return None
    frame = max(frames, key=lambda el: len(el.get("srcdoc")))
    doc = frame.get("srcdoc")
    try:
        inner = _read(doc.encode("utf-8", "surrogatepass"), None, framed=True)
    except InputError:
        return None
    written = []  # the srcdoc attributes as written: (raw value, its offset)
    for m in _IFRAME_TAG.finditer(text):
        a = _SRCDOC_ATTR.search(m.group())
        if a is not None and a.lastindex:
            written.append((a.group(a.lastindex), m.start() + a.start(a.lastindex)))
    raw, at = next((w for w in written if _html.unescape(w[0]) == doc), max(written, key=lambda w: len(w[0]), default=("", 0)))
    where = _unescaped_offsets(raw, at, doc) if raw else ()
    offsets = inner.origin.offsets
    n = len(where)
    mapped = array("l", (where[o] if 0 <= o < n else -1 for o in offsets))
    return inner.text, mapped


def read_html(data: bytes, path: Optional[str] = None) -> Source:
    """Read an HTML page (bytes) into a :class:`Source` whose positions are lines/columns of the page."""
    return _read(data, path)


def _read(data: bytes, path: Optional[str], framed: bool = False) -> Source:
    """:func:`read_html`; ``framed``: the document of a frame's ``srcdoc`` (whose frames are not read)."""
    text, encoding, bom = decode_html(data)
    newline = "\n"
    if "\r" in text and "\n" not in text:  # lines ended by CR alone: libxml2 counts LF only (same length)
        text, newline = text.replace("\r", "\n"), "\r"  # (--fix writes CR back)
    if not text.strip():
        raise InputError("GL002", "网页只有空白，没有任何文字", "the page contains only whitespace")
    try:
        from lxml import etree
    except ImportError:  # pragma: no cover - lxml is a base dependency
        raise InputError("GL007", "读取网页需要 lxml：pip install lxml", "reading HTML needs lxml: pip install lxml") from None
    # lxml.etree's HTML parser (libxml2), not lxml.html's: that one looks a Python class up for every
    # element the reader touches, and the reader needs none of its methods
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                              default_doctype=False)
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError("GL005", "无法解析网页：网页的结构已损坏", f"the page cannot be parsed: {exc}") from None
    if root is None:
        raise InputError("GL005", "无法解析网页：文档为空", "the page cannot be parsed: the document is empty")
    limit = next((e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if limit is not None:  # libxml2 stopped building the tree: what lies beyond would be lost without a word
        if "depth" in limit:
            raise InputError("GL006", f"网页标签嵌套超过 {MAX_DEPTH} 层（上限），更深处的内容无法读取",
                             f"the page nests tags deeper than {MAX_DEPTH} levels (the limit); "
                             "content below that depth cannot be read")
        raise InputError("GL006", f"网页超过解析器的资源上限（{limit}），无法完整读取",
                         f"the page exceeds a parser resource limit ({limit}) and cannot be read in full")
    page = _Page(root, _Aligner(text), may_hide=_may_hide(text))
    content, title = page.body()
    writer = _Writer(page)
    first = None
    if title is None:
        first = _first_title(page, content)
        if first is None:
            title = _named_title(page, root.find(".//body") if root.find(".//body") is not None else root, content)
    body = root.find(".//body")
    pub = _published_line(page, body if body is not None else root, first if first is not None else content, title)
    if pub is not None:  # the meta line, on its own line before the title (as a copied page has it)
        writer.block(pub)
        writer.b.end_line()
    elif title is not None or first is not None:
        meta = _meta_published(root, text, page.aligner.starts)
        if meta is not None:
            writer.b.line("发布时间：" + meta[0], [-1] * 5 + meta[1])
    if title is not None:
        writer.block(title)
        writer.b.end_line()
        writer.block(content)
    else:
        writer.block(content, skip_before=first)
    pager = _pager(page, body if body is not None else root, content) if _PAGER.search(text) else None
    if pager is not None:
        page._junk[pager] = False  # (a pager named "page-nav" is read: it is what is written)
        writer.b.end_line()
        writer.block(pager)
        writer.b.end_line()
    out = writer.b.text()
    if not framed and "srcdoc" in text:  # (the report written into a frame's srcdoc attribute)
        found = _srcdoc(page, root, text, out, title if title is not None else first)
        if found is not None:
            inner, offsets = found
            head = out.split("\n", 2)[:2] if out else []
            if head and not any(h.strip() and h.strip() in inner[:1000] for h in head):
                # the frame's document names no title: the page's title (and meta line) before it
                offsets = array("l", writer.b.offs) + offsets
                inner = out + inner
            origin = Origin(original_text=text, offsets=offsets)
            return Source(text=inner, path=path, encoding=encoding, bom=bom, newline=newline, kind="html", origin=origin)
    framed = _framed(page, root, text, out, title if title is not None else first) or _scripted(root, out)
    if framed is not None:
        raise framed
    if not out.strip():
        raise InputError("GL005", "网页正文中没有文字（正文可能是图片，或由脚本加载）",
                         "the page body holds no text (it may be an image, or loaded by a script)")
    origin = writer.b.origin(text)
    return Source(text=out, path=path, encoding=encoding, bom=bom, newline=newline, kind="html", origin=origin)
