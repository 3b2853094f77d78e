"""Word reader: ``.docx`` read directly (zip + lxml), ``.doc``/``.wps`` converted with LibreOffice.

Paragraphs and tables come out in body order, in the shapes the parser reads (see
:mod:`govlint.readers._layout`). Merged cells are resolved once: ``w:gridSpan`` is a column span,
``w:vMerge`` continuation cells belong to the cell above and are not written again; ``w:gridBefore``
skips grid columns; in a row of fewer cells than the grid has columns whose cells carry no
``w:gridSpan``, each cell spans the grid columns its width (``w:tcW``) covers. Automatic numbering (``w:numPr``, e.g. a heading numbered ``一、`` by Word, set on
the paragraph or on its style, or a row label numbered ``1.`` in a table cell) is written in front of
the paragraph, numbered as Word and LibreOffice show it: the lists of one abstract list continue one
another, ``w:startOverride`` restarts one, an empty numbered paragraph takes its number, ``甲`` ``壹``
``①`` are written as such, a list defined as a list style (``w:numStyleLink``) numbered by the
list defining it. Text boxes (a title often is one, a note in a cell sometimes) are read as
paragraphs before the paragraph they are anchored in, once (not again from their VML fallback copy).
Deleted revisions (text, a paragraph, a table row: ``w:trPr/w:del``), field codes, hidden text (set
on a run or by its styles) and drawings are left out; a paragraph whose mark alone is deleted (or
hidden: ``w:pPr/w:rPr/w:vanish``) is one paragraph with the next, as Word shows it; the text of an equation (``m:t``) and a symbol
(``w:sym``) are read; of an ``mc:AlternateContent`` one branch is read (its ``mc:Choice``, else
its ``mc:Fallback``). A table holding tables that have fewer rows in all than it has (a unit note in
a header cell) is a table of data, the small ones read into their cells; one holding more lays out
the report, its cells read as paragraphs. The main part and its numbering and
styles are found through the package's relationships; Strict OOXML is read as the usual namespaces. A
table of contents (a ``TOC`` field, a TOC content control, paragraphs in a ``toc`` style) is left out
too: it repeats the headings with page numbers. An imported chunk (``w:altChunk``: an HTML page or
web archive, as web systems generate .docx files, text, a Word or RTF document) is read where it
stands, with the reader of its format, its lines named ``嵌入内容1（afchunk.htm） 第12行`` (the
chunk, the line of the page); a body that is one HTML chunk is read as that page. Positions are line/column in the extracted text; every paragraph and table cell also gets
a locator: ``第12段`` (the 12th non-empty body paragraph), ``表3 第5行 第2列`` (table 3 of the
document, its 5th row, 2nd grid column — a column a point wide or less, which LibreOffice leaves, not counted), ``表1 第1行 第1列 第5段`` (the 5th paragraph of a layout
table's cell that holds several: a report laid out in a one-cell table). A table continued as a second
Word table right after the first (nothing but a mark such as （续表） between) that types the first's
leading rows again (its header, a title row) has them read once.

Safety: the file must be a zip holding a Word body (``word/document.xml`` or the part its
relationships or content types name); the members' declared sizes are checked
before anything is decompressed (at most 64 MiB per part read, 512 MiB in all, and a compression
ratio of at most 200 for parts over 1 MiB); XML is parsed with entity resolution, DTD loading and
network access off, and a part that declares a DTD or entities is refused. Each problem is an
:class:`InputError` (GL011, GL006 for a zip bomb) with the reason.

Legacy ``.doc`` / ``.wps`` (and a ``.docx`` that is really one of them, or RTF) are converted with
LibreOffice (``soffice --headless --convert-to docx``, in a private temporary profile, with a time
limit) when it is installed; otherwise GL007 says how to convert. A Word file that is really an
HTML page (some sites serve those) is read as HTML.
"""

from __future__ import annotations

import bisect
import io
import os
import posixpath
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any, Iterator, Optional

from ..errors import InputError
from ..source import Source
from ._layout import GridCell, TableEmitter, TextBuilder, clean

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
_R_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
# Strict OOXML (Word's "Strict Open XML Document") writes the same markup under other namespaces
_STRICT = ((b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
           (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"))

MAX_PART = 64 * 1024 * 1024
MAX_TOTAL = 512 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 20000
CONVERT_TIMEOUT = 50.0  # seconds for LibreOffice (under the engine's default 60 s per file)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SKIP = {_W + t for t in ("del", "moveFrom", "instrText", "delInstrText", "drawing", "pict", "object", "rPr",
                          "pPr", "tblPr", "trPr", "tcPr", "sectPr", "fldData", "footnoteReference",
                          "endnoteReference", "commentReference")}
_TCPR, _GRID_SPAN, _VMERGE, _HMERGE, _TCW = (_W + t for t in ("tcPr", "gridSpan", "vMerge", "hMerge", "tcW"))
_RPR, _VANISH = _W + "rPr", _W + "vanish"
_MC_ALT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"


def _malformed(zh: str, en: str) -> InputError:
    return InputError("GL011", zh, en)


# ----------------------------------------------------------------------------- the zip


class _Package:
    """A .docx zip, checked against zip bombs before anything is decompressed."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            # (NotImplementedError: a damaged header claiming a zip version zipfile does not know, 6.4)
            raise _malformed("不是完整的 .docx 文件（zip 结构损坏或文件被截断）",
                             f"not a complete .docx file (the zip structure is damaged or the file is truncated: {exc})") from None
        if len(infos) > MAX_MEMBERS:
            raise InputError("GL006", f".docx 内含 {len(infos)} 个部件，超过上限 {MAX_MEMBERS}",
                             f"the .docx holds {len(infos)} parts, over the limit of {MAX_MEMBERS}")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL:
            raise InputError("GL006", f".docx 解压后共 {total:,} 字节，超过上限 {MAX_TOTAL:,} 字节（疑似压缩炸弹）",
                             f"the .docx would decompress to {total:,} bytes, over the limit of {MAX_TOTAL:,} "
                             "(a zip bomb?)")
        self.infos = {i.filename: i for i in infos}

    def read(self, name: str) -> Optional[bytes]:
        info = self.infos.get(name)
        if info is None:
            return None
        if info.file_size > MAX_PART:
            raise InputError("GL006", f".docx 部件 {name} 解压后 {info.file_size:,} 字节，超过上限 {MAX_PART:,} 字节",
                             f"the .docx part {name} would decompress to {info.file_size:,} bytes, "
                             f"over the limit of {MAX_PART:,}")
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError("GL006", f".docx 部件 {name} 的压缩比超过 {MAX_RATIO}:1（疑似压缩炸弹）",
                             f"the .docx part {name} has a compression ratio over {MAX_RATIO}:1 (a zip bomb?)")
        if info.flag_bits & 0x1:
            raise InputError("GL007", ".docx 已加密（需要密码），请去掉密码后再检查",
                             "the .docx is encrypted (needs a password); remove the password and check again")
        try:
            with self.zf.open(info) as fh:
                # sized by the declared size (at most MAX_PART, checked above; zipfile returns no more
                # than it, and a part whose data do not match it fails its CRC check): asking for
                # MAX_PART + 1 bytes cost ~35 µs more per part (measured)
                out = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError) as exc:
            # (ValueError: zipfile seeks to a negative offset when a damaged header points before the file)
            raise _malformed(f".docx 部件 {name} 无法解压（文件损坏或被截断：{exc}）",
                             f"the .docx part {name} cannot be decompressed (damaged or truncated: {exc})") from None
        if len(out) > MAX_PART:
            raise InputError("GL006", f".docx 部件 {name} 解压后超过上限 {MAX_PART:,} 字节",
                             f"the .docx part {name} decompresses to more than {MAX_PART:,} bytes")
        return out


def _xml(data: bytes, name: str) -> Any:
    from lxml import etree

    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = data[:8192].decode("utf-16")[:4096].encode("utf-8")
        except UnicodeDecodeError:
            pass
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", head, re.I):
        raise _malformed(f".docx 部件 {name} 声明了 DTD 或 XML 实体；Word 不会写这样的文件，出于安全不予读取",
                         f"the .docx part {name} declares a DTD or XML entities; Word never writes that, "
                         "so it is refused for safety")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise _malformed(f".docx 部件 {name} 不是合法的 XML（{exc}）", f"the .docx part {name} is not valid XML ({exc})") from None
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise _malformed(f".docx 部件 {name} 声明了 DTD 或 XML 实体，出于安全不予读取",
                         f"the .docx part {name} declares a DTD or XML entities; refused for safety")
    return root


def _transitional(data: bytes) -> bytes:
    """A Strict OOXML part in the (transitional) namespaces the reader reads."""
    if b"purl.oclc.org/ooxml/" in data:
        for strict, transitional in _STRICT:
            data = data.replace(strict, transitional)
    return data


def _rels(pkg: _Package, source: str) -> dict[str, str]:
    """The internal relationships of part ``source`` (``""``: the package), by the last segment of
    their type (``officeDocument``, ``numbering``, ``styles``), as part names."""
    base, name = posixpath.split(source)
    rels_name = posixpath.join(base, "_rels", name + ".rels")
    data = pkg.read(rels_name)
    out: dict[str, str] = {}
    if data is None:
        return out
    for rel in _xml(_transitional(data), rels_name):
        kind, target = rel.get("Type") or "", rel.get("Target")
        if not target or rel.get("TargetMode") == "External":
            continue
        path = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(base, target))
        out.setdefault(kind.rsplit("/", 1)[-1], path)
        out.setdefault("#" + (rel.get("Id") or ""), path)  # (and by id, as w:altChunk names it)
    return out


_MAIN_TYPE = re.compile(r"application/vnd\.(?:openxmlformats-officedocument\.wordprocessingml|ms-word)\."
                        r"(?:document|template)(?:\.macroEnabled)?(?:\.main)?\+xml")


def _main_part(pkg: _Package) -> str:
    """The Word body: named by the package's relationships, else by its content type in
    ``[Content_Types].xml``, else ``word/document.xml``."""
    main = _rels(pkg, "").get("officeDocument")
    if main:
        return main
    types = pkg.read("[Content_Types].xml") if "word/document.xml" not in pkg.infos else None
    if types is not None:
        for el in _xml(types, "[Content_Types].xml"):
            if el.get("PartName") and _MAIN_TYPE.fullmatch(el.get("ContentType") or ""):
                return posixpath.normpath(el.get("PartName").lstrip("/"))
    return "word/document.xml"


# ----------------------------------------------------------------------------- numbering

_CN = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


_STEMS = "甲乙丙丁戊己庚辛壬癸"  # ideographTraditional: the ten heavenly stems
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"  # ideographZodiac: the twelve earthly branches
_LEGAL = str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾")  # chineseLegalSimplified (大写)


def _fmt(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n).translate(_LEGAL)
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = _STEMS if fmt == "ideographTraditional" else _BRANCHES
        return cycle[n - 1] if 1 <= n <= len(cycle) else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        s = chr(ord("A") + (n - 1) % 26) * (1 + (n - 1) // 26)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _inherit(props: dict, sid: str, based: dict[str, str]) -> None:
    """``props[sid]`` from the nearest style ``sid`` is based on that has it (``w:basedOn``, followed
    until a style has it or the chain ends or loops), when ``sid`` has none of its own."""
    seen, cur = set(), sid
    while cur not in props and cur in based and cur not in seen:
        seen.add(cur)
        cur = based[cur]
    if sid not in props and cur in props:
        props[sid] = props[cur]


_LEVEL_PROPS = frozenset(_W + t for t in ("start", "numFmt", "lvlText", "pStyle"))
_STYLE_PROPS = frozenset(_W + t for t in ("basedOn", "pPr", "name", "rPr"))
_TOC_STYLE = re.compile(r"(?i)toc ?\d|toc heading")  # Word's (and WPS's) names of table-of-contents styles


def _first_children(el: Any, tags: frozenset) -> dict:
    """The first child of ``el`` with each of ``tags`` (as ``el.find(tag)`` would give), in one pass."""
    out: dict = {}
    for child in el:
        tag = child.tag
        if tag in tags and tag not in out:
            out[tag] = child
    return out


class _Numbering:
    def __init__(self, root: Any, styles: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        # counters per abstract list: the lists (w:num) of one abstract list continue one another's
        # numbers, as Word and LibreOffice show them; a list's w:startOverride restarts a level
        # where that list is first used ("restart numbering")
        self.counters: dict[str, dict[int, int]] = {}
        self.starts: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()
        self.style_num: dict[str, tuple[Optional[str], Optional[int]]] = {}
        self.style_level: dict[str, dict[str, int]] = {}  # abstractNum -> style linked to a level -> level
        self.toc_styles: set[str] = set()
        # the styles that set hidden text (w:vanish), or unset it, themselves or by those they are based on
        self.hidden_styles: dict[str, bool] = {}
        # a list defined as a list style: the abstract list a w:num names only links to the style
        # (w:numStyleLink); the levels are in the abstract list that defines it (w:styleLink)
        style_links: dict[str, str] = {}  # abstractNum with no levels -> the list style it uses
        defines: dict[str, str] = {}  # list style -> the abstractNum defining it
        if root is not None:
            for a in root.iter(_W + "abstractNum"):
                lv: dict[int, tuple[int, str, str]] = {}
                linked: dict[str, int] = {}
                for link in a.iterchildren(_W + "numStyleLink", _W + "styleLink"):
                    if link.tag == _W + "numStyleLink":
                        style_links[a.get(_W + "abstractNumId") or ""] = _val(link) or ""
                    else:
                        defines.setdefault(_val(link) or "", a.get(_W + "abstractNumId") or "")
                for lvl in a.iter(_W + "lvl"):
                    i = _int(lvl.get(_W + "ilvl"), 0)
                    props = _first_children(lvl, _LEVEL_PROPS)
                    start = _int(_val(props.get(_W + "start")), 1)
                    fmt = _val(props.get(_W + "numFmt")) or "decimal"
                    text = _val(props.get(_W + "lvlText")) or ""
                    lv[i] = (start, fmt, text)
                    if props.get(_W + "pStyle") is not None:
                        linked.setdefault(_val(props[_W + "pStyle"]) or "", i)
                abs_id = a.get(_W + "abstractNumId") or ""
                self.levels[abs_id] = lv
                if linked:
                    self.style_level[abs_id] = linked
            for n in root.iter(_W + "num"):
                overrides = {}
                for o in n.iter(_W + "lvlOverride"):
                    s = o.find(_W + "startOverride")
                    if s is not None:
                        overrides[_int(o.get(_W + "ilvl"), 0)] = _int(_val(s), 1)
                self.nums[n.get(_W + "numId") or ""] = (_val(n.find(_W + "abstractNumId")) or "", overrides)
        if styles is not None:
            based: dict[str, str] = {}
            for st in styles.iter(_W + "style"):
                sid = st.get(_W + "styleId") or ""
                props = _first_children(st, _STYLE_PROPS)
                if _TOC_STYLE.fullmatch(_val(props.get(_W + "name")) or "") or _TOC_STYLE.fullmatch(sid):
                    self.toc_styles.add(sid)
                b = props.get(_W + "basedOn")
                if b is not None:
                    based[sid] = _val(b) or ""
                rpr = props.get(_W + "rPr")
                vanish = rpr.find(_VANISH) if rpr is not None else None
                if vanish is not None:
                    self.hidden_styles[sid] = _val(vanish) not in ("0", "false", "off")
                ppr = props.get(_W + "pPr")
                np_ = ppr.find(_W + "numPr") if ppr is not None else None
                if np_ is not None:
                    ilvl_el = np_.find(_W + "ilvl")  # (none: the level linked to the style, else 0)
                    self.style_num[sid] = (_val(np_.find(_W + "numId")), _int(_val(ilvl_el), 0) if ilvl_el is not None else None)
            for sid in list(based):  # inherit numbering and hidden text through basedOn
                _inherit(self.style_num, sid, based)
                if self.hidden_styles:
                    _inherit(self.hidden_styles, sid, based)
            if not any(self.hidden_styles.values()):
                self.hidden_styles = {}
        if style_links:
            for num_id, (abs_id, overrides) in list(self.nums.items()):
                if abs_id in style_links and not self.levels.get(abs_id):
                    name = style_links[abs_id]
                    target = defines.get(name)
                    if target is None:  # (else the list style's own w:numPr names a list of it)
                        via = self.nums.get(self.style_num.get(name, (None, None))[0] or "")
                        target = via[0] if via is not None else None
                    if target is not None and self.levels.get(target):
                        self.nums[num_id] = (target, overrides)

    def label(self, p: Any) -> str:
        if not self.nums:  # (no lists: nothing is numbered)
            return ""
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return ""
        num_id: Optional[str] = None
        ilvl: Optional[int] = None
        style = ppr.find(_W + "pStyle")
        style_id = _val(style) or ""
        if style_id in self.style_num:
            num_id, ilvl = self.style_num[style_id]
        np_ = ppr.find(_W + "numPr")
        if np_ is not None:
            nid = _val(np_.find(_W + "numId"))
            if nid is not None:
                num_id = nid
            lvl = np_.find(_W + "ilvl")
            if lvl is not None:
                ilvl = _int(_val(lvl), 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abs_id, overrides = self.nums[num_id]
        if ilvl is None:  # a heading style linked to a level of a multi-level list (w:lvl/w:pStyle)
            ilvl = self.style_level.get(abs_id, {}).get(style_id, 0)
        levels = self.levels.get(abs_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abs_id, {})
        starts = self.starts.setdefault(abs_id, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for k, v in overrides.items():
                starts[k] = v
                counters.pop(k, None)
        start = starts.get(ilvl, levels[ilvl][0])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        start_fmt, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k)
            if lv is None:
                return ""
            n = counters.get(k, starts.get(k, lv[0]))
            return _fmt(n, lv[1] if k != ilvl else fmt)

        out = re.sub(r"%(\d)", sub, text)
        if out and out[-1] not in "、.．)）:：":
            out += " "
        return out


def _val(el: Any) -> Optional[str]:
    return el.get(_W + "val") if el is not None else None


def _int(s: Optional[str], default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


# ----------------------------------------------------------------------------- the body


class _Writer:
    def __init__(self, numbering: _Numbering, toc: frozenset = frozenset(), boxes: bool = True,
                 chunks: Optional["_Chunks"] = None) -> None:
        self.b = TextBuilder()
        self.chunks = chunks  # the imported chunks (w:altChunk) of the package, read where they stand
        self.own = False  # whether text of the document's own (not of a chunk) has been written
        self.tables = TableEmitter(self.b)
        self.numbering = numbering
        self.hidden = numbering.hidden_styles
        self.toc = toc  # the paragraphs of a table of contents (the headings again, with pages)
        self.boxes = boxes  # whether the document has text boxes at all
        self.paragraphs = 0
        self.ntables = 0
        # the leading rows of the table just written (a table continued in another repeats them),
        # while nothing but a mark such as （续表） has been written after it
        self.last_head: Optional[list[tuple]] = None
        # the paragraphs read so far of the layout table's cell being read, when it holds several
        # (a report laid out in a one-cell table: each its own place, 表1 第1行 第1列 第5段)
        self.cell_paragraphs_seen: Optional[int] = None
        # the text (with its number) of paragraphs whose mark is deleted with track changes: Word
        # shows them joined with the paragraph after them, as one
        self.joined: Optional[str] = None

    def blocks(self, parent: Any, locator: Optional[str] = None) -> None:
        for el in _children(parent):
            if el.tag == _W + "p":
                self.paragraph(el, locator)
            elif el.tag == _W + "tbl":
                self.flush_joined(locator)
                self.table(el)
            elif el.tag == _ALT_CHUNK and self.chunks is not None:
                self.flush_joined(locator)
                self.chunk(el)
        self.flush_joined(locator)

    def chunk(self, el: Any) -> None:
        """An imported chunk (``w:altChunk``) read where it stands, each line named by the chunk
        (``嵌入内容1（afchunk.htm）``) and, for an HTML page or text, by its line in the chunk (a table
        row's cells each by its own); a Word or RTF chunk's lines by its own locators."""
        n, part, src, kind = self.chunks.read(el)
        if src is None:
            return
        self.last_head = None
        name = f"嵌入内容{n}（{posixpath.basename(part)}）"
        text = src.text
        start = 0
        number = 0
        for line in text.split("\n"):
            number += 1
            if line.strip():
                marks = [0]
                k = line.find(" | ")
                while k >= 0:  # (a row's cells: each named by where it is)
                    marks.append(k + 3)
                    k = line.find(" | ", k + 3)
                locs = []
                for j in marks:
                    if kind == "html":
                        loc = f"{name} 第{src.position(start + j)[0]}行"
                    elif kind == "text":
                        loc = f"{name} 第{number}行"
                    else:
                        inner = src.locator(start + j)
                        loc = f"{name} {inner}" if inner else name
                    if not locs or locs[-1][1] != loc:
                        locs.append((j, loc))
                self.b.located_line(line, locs)
            start += len(line) + 1

    def flush_joined(self, locator: Optional[str]) -> None:
        """The paragraphs joined so far written as one when no paragraph follows to take them (a table
        does, or the end of the body or cell)."""
        if self.joined is not None:
            text, self.joined = self.joined, None
            self.write_paragraph(text, locator)

    def paragraph(self, p: Any, locator: Optional[str] = None) -> None:
        if self.boxes:  # a title or a note in a text box: its paragraphs first
            outer, self.joined = self.joined, None
            for box in _text_boxes(p):
                self.blocks(box, locator)
            self.joined = outer
        if self.toc and p in self.toc:
            return
        pieces = list(_runs(p, self.hidden))
        text = "".join(pieces)
        joined, deleted = self.joined, _mark_deleted(p)
        if not text.strip():
            if not deleted and joined is None:
                self.numbering.label(p)  # (an empty numbered paragraph shows, and counts, its number too)
            elif not deleted:  # (the paragraphs before it end in it: one paragraph, numbered by the first)
                self.joined = None
                self.write_paragraph(joined, locator)
            return
        # (a paragraph joined to those before it is one paragraph with them: numbered as the first)
        label = self.numbering.label(p) if joined is None else ""
        if deleted:
            self.joined = (joined or "") + label + text
            return
        if joined is not None:
            self.joined = None
            text = joined + text
        self.write_paragraph(label + text, locator)

    def write_paragraph(self, text: str, locator: Optional[str]) -> None:
        """Write a paragraph's text (its number in front), named by its place."""
        self.own = self.own or bool(text.strip())
        if self.last_head is not None and not (len(text.strip()) <= 12 and "续" in text):
            self.last_head = None
        if locator is None:
            self.paragraphs += 1
            loc = f"第{self.paragraphs}段"
        elif self.cell_paragraphs_seen is not None:  # one of several paragraphs of a layout table's cell
            self.cell_paragraphs_seen += 1
            loc = f"{locator} 第{self.cell_paragraphs_seen}段"
        else:
            loc = locator
        for line in text.split("\n"):
            self.b.line(line, locator=loc)

    def table(self, tbl: Any) -> None:
        # (a row deleted with track changes, w:trPr/w:del, is gone from the final text, even when
        # its runs are not marked deleted themselves; a table of deleted rows only is gone, and
        # takes no number: the tables after it keep theirs)
        all_rows = [tr for tr in _children(tbl) if tr.tag == _W + "tr"]
        rows = [tr for tr in all_rows if not _row_deleted(tr)]
        if all_rows and not rows:
            return
        self.own = True
        self.ntables += 1
        n = self.ntables
        cells_of = [[tc for tc in _children(tr) if tc.tag == _W + "tc"] for tr in rows]
        nested = tbl.find(".//" + _W + "tbl") is not None and \
            any(tc.find(".//" + _W + "tbl") is not None for cs in cells_of for tc in cs)
        if nested and max(map(len, cells_of), default=0) > 2:
            # a table of many cells holding tables that have fewer rows in all than it has (a note,
            # a unit, laid out as a small table in a header cell) is a table of data, the small
            # tables read into their cells; a table laying out a report holds the report's tables
            inner = sum(1 for tc in (tc for cs in cells_of for tc in cs) for _ in tc.iterfind(".//" + _W + "tr"))
            nested = inner >= len(rows)
        grid_cols = tbl.find(_W + "tblGrid")
        width = len(grid_cols.findall(_W + "gridCol")) if grid_cols is not None else 0
        if nested or (width <= 1 and all(len(cs) <= 1 for cs in cells_of)):
            outer = self.cell_paragraphs_seen
            for r, cs in enumerate(cells_of):
                for c, tc in enumerate(cs):
                    self.b.end_line()
                    several = sum(1 for el in _children(tc) if el.tag == _P and "".join(_runs(el, self.hidden)).strip()) > 1
                    self.cell_paragraphs_seen = 0 if several else None
                    self.blocks(tc, f"表{n} 第{r + 1}行 第{c + 1}列")
            self.cell_paragraphs_seen = outer
            self.last_head = None
            return
        grid: list[list[GridCell]] = []
        open_cells: dict[int, GridCell] = {}  # grid column -> cell a vMerge continues
        grid_widths: Optional[list[int]] = None
        shown = _shown_columns(grid_cols)
        for r, (tr, cs) in enumerate(zip(rows, cells_of)):
            trpr = tr.find(_W + "trPr")
            col = _int(_val(trpr.find(_W + "gridBefore")), 0) if trpr is not None else 0
            row: list[GridCell] = []
            spans: Optional[list[int]] = None
            if col + len(cs) < width:  # fewer cells than the grid has columns: merged cells, maybe
                if grid_widths is None:
                    grid_widths = [_int(gc.get(_W + "w"), 0) for gc in grid_cols.iterchildren(_W + "gridCol")]
                spans = _width_spans(cs, grid_widths, col)
            for i, tc in enumerate(cs):
                span, vm, hm = 1, None, None
                tcpr = next(tc.iterchildren(_TCPR), None)  # (find() costs twice as much, per cell)
                if tcpr is not None:
                    grid_span = None
                    for prop in tcpr:  # the first of each, as find() gives it
                        tag = prop.tag
                        if tag == _GRID_SPAN and grid_span is None:
                            grid_span = prop
                        elif tag == _VMERGE and vm is None:
                            vm = prop
                        elif tag == _HMERGE and hm is None:
                            hm = prop
                    span = max(1, _int(_val(grid_span), 1))
                if spans is not None:  # (none of the row's cells has a gridSpan)
                    span = spans[i]
                if hm is not None and _val(hm) != "restart" and row:
                    row[-1].colspan += span  # legacy horizontal merge continues the cell to the left
                    col += span
                    continue
                if vm is not None and _val(vm) != "restart" and col in open_cells:
                    open_cells[col].rowspan += 1  # continuation of the cell above: written once
                    col += span
                    continue
                raw = "\n".join(self.cell_paragraphs(tc))
                text, offs = clean(raw, [-1] * len(raw))
                cell = GridCell(text, offs, row=r, col=col, colspan=span,
                                locator=f"表{n} 第{r + 1}行 第{shown[col] if col < len(shown) else col + 1}列")
                row.append(cell)
                for k in range(col, col + span):
                    open_cells.pop(k, None)
                if vm is not None:
                    open_cells[col] = cell
                col += span
            grid.append(row)
        self.tables.emit(self.repeated_head(grid))

    def repeated_head(self, grid: list[list[GridCell]]) -> list[list[GridCell]]:
        """``grid`` without the rows it starts with that repeat those the table just before started
        with (two or more: a table continued on the next page as a table of its own, its header typed
        again, a title row in it that names the part). Written again they read as a new table, and
        such a title row as the part's heading a second time."""
        head = [tuple((c.col, c.colspan, c.text) for c in row) for row in grid[:8]]
        prev, self.last_head = self.last_head, head
        if not prev:
            return grid
        k = 0
        while k < len(prev) and k < len(head) and prev[k] == head[k] and any(t for _, _, t in head[k]):
            k += 1
        return grid[k:] if 2 <= k < len(grid) else grid


    def cell_paragraphs(self, parent: Any, out: Optional[list[str]] = None) -> list[str]:
        """The paragraphs of a table cell, each once (a text box before its anchor, not again from
        its VML copy), with their automatic numbers (``1.`` in front of a row label)."""
        out = [] if out is None else out
        joined: Optional[str] = None  # paragraphs whose mark is deleted: joined with the next one
        for el in parent:
            tag = el.tag
            if tag == _P:
                if self.boxes:
                    for box in _text_boxes(el):
                        self.cell_paragraphs(box, out)
                if self.toc and el in self.toc:
                    continue
                text = "".join(_runs(el, self.hidden))
                deleted = _mark_deleted(el)
                if not text.strip() and (deleted or joined is not None):
                    if not deleted:
                        out.append(joined)
                        joined = None
                    continue
                label = self.numbering.label(el) if joined is None else ""
                text = label + text if label and text.strip() else text
                if deleted:
                    joined = (joined or "") + text
                    continue
                out.append(text if joined is None else joined + text)
                joined = None
            elif tag == _TBL:
                for tc in el.iter(_W + "tc"):
                    self.cell_paragraphs(tc, out)
            elif tag == _ALT_CHUNK and self.chunks is not None:  # (a chunk in a cell: its lines)
                src = self.chunks.read(el)[2]
                if src is not None:
                    out.extend(x for x in src.text.split("\n") if x.strip())
            elif tag in _WRAPPERS:  # content controls, custom XML, markup compatibility alternatives
                for child in _children([el]):
                    self.cell_paragraphs([child], out)
        if joined is not None:
            out.append(joined)
        return out


def _width_spans(cells: list, grid_widths: list[int], start: int) -> Optional[list[int]]:
    """The grid columns each of a row's ``cells`` spans, from their widths (``w:tcW``) against the
    grid's (``w:tblGrid``), the row starting at grid column ``start``: for a row of merged cells that
    carry no ``w:gridSpan`` (as some converters and WPS write them: a cell three columns wide is one
    ``w:tc`` as wide as the three). Each cell ends at the column boundary nearest its right edge,
    one column at least, leaving one for each cell after it. None when a cell gives its span
    (``w:gridSpan``, ``w:hMerge``) or no usable width (``auto``, none), or the grid has none."""
    n = len(grid_widths)
    if not n or min(grid_widths) <= 0 or start >= n:
        return None
    edges = [0]
    for w in grid_widths:
        edges.append(edges[-1] + w)
    total = edges[-1]
    x = edges[start]
    col = start
    out: list[int] = []
    for i, tc in enumerate(cells):
        tcpr = next(tc.iterchildren(_TCPR), None)
        if tcpr is None:
            return None
        tcw = None
        for prop in tcpr:
            if prop.tag in (_GRID_SPAN, _HMERGE):
                return None
            if prop.tag == _TCW and tcw is None:
                tcw = prop
        if tcw is None:
            return None
        kind, raw = tcw.get(_W + "type", "dxa"), (tcw.get(_W + "w") or "").strip()
        try:
            if kind == "pct":  # fiftieths of a percent, or "50%"
                w = float(raw[:-1]) * total / 100 if raw.endswith("%") else float(raw) * total / 5000
            elif kind == "dxa":
                w = float(raw)
            else:
                return None
        except ValueError:
            return None
        if w <= 0:
            return None
        x += w
        last = n - (len(cells) - i - 1)  # the last boundary this cell may end at
        if last <= col:
            return None
        j = bisect.bisect_left(edges, x, col + 1, last + 1)  # (the boundaries ascend: no scan)
        end = min((b for b in (j - 1, j) if col < b <= last), key=lambda b: abs(edges[b] - x))
        out.append(end - col)
        col, x = end, edges[end]
    return out if len(out) < sum(out) else None


def _toc_paragraphs(root: Any, raw: bytes, styles: set[str]) -> frozenset:
    """The entries of a table of contents: paragraphs in a toc style, and, in a ``TOC`` field's result
    or a TOC content control, the paragraphs that look like entries (:func:`_toc_entry`) — not the
    rest: LibreOffice writes a control or field that runs on over the body, and a field never closed
    (a damaged file) must not drop the document."""
    out: set = set()
    if styles:
        for st in root.iter(_W + "pStyle"):
            ppr = st.getparent()
            if _val(st) in styles and ppr.tag == _W + "pPr" and ppr.getparent() is not None:
                out.add(ppr.getparent())
    if b"TOC" not in raw and b"Table of Contents" not in raw:
        return frozenset(out)
    candidates: list = []
    for sdt in root.iter(_W + "sdt"):
        if _toc_control(sdt):
            candidates.extend(sdt.iter(_W + "p"))
    fields: list[list] = []  # [instruction, in its result?, paragraphs of its result] of the fields open here
    for el in root.iter(_W + "fldChar", _W + "instrText", _W + "t"):
        tag = el.tag
        if tag == _W + "fldChar":
            kind = el.get(_W + "fldCharType")
            if kind == "begin":
                fields.append(["", False, []])
            elif kind == "separate" and fields:
                fields[-1][1] = True
            elif kind == "end" and fields:
                instr, _, paragraphs = fields.pop()
                if instr.split()[:1] == ["TOC"]:
                    candidates.extend(paragraphs)
        elif tag == _W + "instrText":
            if fields and not fields[-1][1]:
                fields[-1][0] += el.text or ""
        elif fields:
            toc = next((f for f in fields if f[1] and f[0].split()[:1] == ["TOC"]), None)
            if toc is not None:
                p = el.getparent()
                while p is not None and p.tag != _W + "p":
                    p = p.getparent()
                if p is not None and (not toc[2] or toc[2][-1] is not p):
                    toc[2].append(p)
    out.update(p for p in candidates if _toc_entry(p))
    return frozenset(out)


_TOC_TITLE = re.compile(r"目\s*录|(?i:contents)")
# a tab or a leader (..., …, ···, ___) in what fills the space before the page number (see _toc_page)
_TOC_LEADER = re.compile(r"\t|\.{3}|…|·{3}")
_TOC_FILL = frozenset(".…·")


def _toc_page(text: str) -> bool:
    """``text`` ends in a page number of one to three digits after a tab or a leader (and any blanks
    and leader characters between them). Read from the end, so a paragraph of any length is read once."""
    t = text.rstrip()
    i = len(t)
    while i > 0 and t[i - 1].isdecimal():
        i -= 1
    if not 1 <= len(t) - i <= 3:
        return False
    j = i
    while j > 0 and (t[j - 1].isspace() or t[j - 1] in _TOC_FILL):
        j -= 1
    return _TOC_LEADER.search(t, j, i) is not None or t.endswith("___", 0, j)


def _toc_entry(p: Any) -> bool:
    """A paragraph of a table of contents that is an entry (a link to a heading's ``_Toc`` bookmark,
    a ``PAGEREF`` field, or a tab or leader before a page number at its end) or its title (目录)."""
    for link in p.iter(_W + "hyperlink"):
        if (link.get(_W + "anchor") or "").startswith("_Toc"):
            return True
    for instr in p.iter(_W + "instrText"):
        if "PAGEREF" in (instr.text or ""):
            return True
    text = "".join(_runs(p))
    return bool(_TOC_TITLE.fullmatch(text.strip()) or _toc_page(text))


_MARK_DELETED = frozenset(_W + t for t in ("del", "moveFrom"))


#: a grid column this narrow (twips: 1 pt) is no column a reader sees: LibreOffice leaves one in a
#: table it saved from .doc or .rtf, the cell over its neighbour spanning it
_SLIVER = 20


def _shown_columns(grid_cols: Any) -> list[int]:
    """The number a reader gives each grid column of a table (1-based, in a locator's 第N列): its
    place among the columns wider than a sliver (a sliver takes its left neighbour's number);
    the grid's own numbering when its widths are not all given."""
    widths = [_int(gc.get(_W + "w"), -1) for gc in grid_cols.iterchildren(_W + "gridCol")] if grid_cols is not None else []
    if not widths or min(widths) < 0 or min(widths) > _SLIVER or max(widths) <= _SLIVER:
        return list(range(1, len(widths) + 1))
    out: list[int] = []
    for w in widths:
        out.append(1 if not out else out[-1] + (w > _SLIVER))
    return out


def _row_deleted(tr: Any) -> bool:
    """Whether a table row is a tracked deletion (``w:trPr/w:del``): Word shows the final text without it."""
    trpr = tr.find(_W + "trPr")
    return trpr is not None and trpr.find(_W + "del") is not None


def _mark_deleted(p: Any) -> bool:
    """Whether the paragraph's mark is a tracked deletion (or a move away), or hidden text
    (``w:vanish``: Word shows no paragraph end there either): the paragraph is one with the next;
    with its text deleted (or hidden), the paragraph is gone and takes no number."""
    ppr = p.find(_W + "pPr")
    rpr = ppr.find(_W + "rPr") if ppr is not None else None
    if rpr is None:
        return False
    for child in rpr:
        tag = child.tag
        if tag in _MARK_DELETED or (tag == _VANISH and _val(child) not in ("0", "false", "off")):
            return True
    return False


def _toc_control(sdt: Any) -> bool:
    """A content control holding a table of contents (Word's and WPS's ``docPartGallery``)."""
    pr = sdt.find(_W + "sdtPr")
    gallery = pr.find(_W + "docPartObj/" + _W + "docPartGallery") if pr is not None else None
    return gallery is not None and (_val(gallery) or "").lower() == "table of contents"


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MC_CHOICE = _MC + "Choice"
_TEXT_OR_BLOCK = tuple(_W + t for t in ("t", "p", "tbl", "tr", "tc", "txbxContent"))


def _alternative(alt: Any) -> Any:
    """The branch of an ``mc:AlternateContent`` to read: its first ``mc:Choice`` (Word's and WPS's
    current markup: a text box as DrawingML, a run with Word 2010 effects), else, or when that
    holds no text and the ``mc:Fallback`` does, the fallback. Reading both would read the text twice;
    reading neither (as the reader did) lost whatever an editor wrapped in one: a heading, a table."""
    choice = fallback = None
    for child in alt:
        if child.tag == _MC_CHOICE and choice is None:
            choice = child
        elif child.tag == _MC_FALLBACK:
            fallback = child
    if choice is None or fallback is None:
        return choice if choice is not None else fallback
    if next(choice.iter(*_TEXT_OR_BLOCK), None) is None and next(fallback.iter(*_TEXT_OR_BLOCK), None) is not None:
        return fallback
    return choice


def _children(parent: Any) -> Iterator[Any]:
    """Block-level children, looking through content controls, custom XML wrappers and markup
    compatibility alternatives (one branch of each, :func:`_alternative`)."""
    for el in parent:
        tag = el.tag
        if tag in (_W + "sdt",):
            content = el.find(_W + "sdtContent")
            if content is not None:
                yield from _children(content)
        elif tag in (_W + "customXml", _W + "sdtContent"):
            yield from _children(el)
        elif tag == _MC_ALT:
            branch = _alternative(el)
            if branch is not None:
                yield from _children(branch)
        else:
            yield el


_P, _TBL = _W + "p", _W + "tbl"
_WRAPPERS = frozenset([_MC_ALT] + [_W + t for t in ("sdt", "customXml", "sdtContent")])
_TXBX = _W + "txbxContent"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes (``w:txbxContent``) anchored in paragraph ``p``, not those inside another text
    box of it (read with that one) nor the VML copy Word writes in ``mc:Fallback`` next to the
    DrawingML one it reads (the same text twice)."""
    out = []
    for box in p.iter(_TXBX):
        el = box.getparent()
        while el is not None and el is not p:
            if el.tag == _TXBX or el.tag == _MC_FALLBACK:
                break
            el = el.getparent()
        else:
            out.append(box)
    return out


_M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
# the characters of the Symbol font that are those of ASCII at the same code (its letters are Greek)
_SYMBOL_ASCII = frozenset(range(0x20, 0x41)) | frozenset(b"[]_{|}")


def _symbol(sym: Any) -> str:
    """The character a ``w:sym`` shows (Word writes one for a character inserted from a symbol font):
    its code (``w:char``, hex) as Unicode; a code in the private area F000–F0FF is the font's own
    code plus F000, which in the Symbol font is ASCII's for its digits and punctuation; another
    (a check mark of Wingdings) is read as a blank: a glyph stands there, between what is on its sides."""
    try:
        code = int((sym.get(_W + "char") or "").strip(), 16)
        char = chr(code)
    except (ValueError, OverflowError):
        return ""
    if 0xF000 <= code <= 0xF0FF and (sym.get(_W + "font") or "").strip().lower() == "symbol" \
            and code - 0xF000 in _SYMBOL_ASCII:
        return chr(code - 0xF000)
    return char if char.isprintable() else " "


def _hidden(run: Any, styles: Optional[dict[str, bool]] = None, default: bool = False) -> bool:
    """Whether a run is hidden text (``w:vanish``): set on the run, else by its character style, else
    by its paragraph's style (``default``), as ``styles`` (style id -> hidden) give them."""
    rpr = next(run.iterchildren(_RPR), None)
    if rpr is None:
        return default
    v = next(rpr.iterchildren(_VANISH), None)
    if v is not None:
        return _val(v) not in ("0", "false", "off")
    if styles:
        st = next(rpr.iterchildren(_RSTYLE), None)
        if st is not None:
            return styles.get(_val(st) or "", default)
    return default


_RSTYLE, _PSTYLE = _W + "rStyle", _W + "pStyle"


def _runs(p: Any, styles: Optional[dict[str, bool]] = None) -> Iterator[str]:
    """The text of a paragraph, in order (``w:br`` is a line break); without its hidden text, and,
    given ``styles`` (style id -> hidden), without the text its styles hide."""
    default = False
    if styles:
        ppr = p.find(_W + "pPr")
        st = ppr.find(_PSTYLE) if ppr is not None else None
        default = styles.get(_val(st) or "", False) if st is not None else False
    stack = [iter(p)]
    while stack:
        try:
            el = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _MC_ALT:  # (read one of its alternatives: the same text in other markup)
            branch = _alternative(el)
            if branch is not None:
                stack.append(iter(branch))
            continue
        if tag == _W + "t" or tag == _M_T:  # (m:t: the text of an equation, Office Math)
            yield el.text or ""
        elif tag == _W + "sym":
            yield _symbol(el)
        elif tag == _W + "tab" or tag == _W + "ptab":
            yield "\t"
        elif tag in (_W + "br", _W + "cr"):
            yield "\n"
        elif tag == _W + "noBreakHyphen":
            yield "-"
        elif tag == _W + "r" and _hidden(el, styles, default):
            continue
        elif tag == _W + "p":  # a paragraph inside a paragraph (text box content that slipped through)
            continue
        else:
            stack.append(iter(el))


# ----------------------------------------------------------------------------- entry points


def read_docx(data: bytes, path: Optional[str] = None) -> Source:
    """Read a .docx (bytes) into a :class:`Source` with paragraph and cell locators."""
    if not data.strip():
        raise InputError("GL002", "文件为空", "the file is empty")
    if not data.startswith(b"PK"):
        return _not_a_zip(data, path, ".docx")
    try:
        import lxml  # noqa: F401
    except ImportError:  # pragma: no cover - lxml is a base dependency
        raise InputError("GL007", "读取 .docx 需要 lxml：pip install lxml", "reading .docx needs lxml: pip install lxml") from None
    pkg = _Package(data)
    main = _main_part(pkg)
    doc = pkg.read(main)
    if doc is None:
        raise _malformed(f"这个 zip 文件里没有 Word 正文（缺少 {main}），不是 .docx 文档",
                         f"this zip holds no Word body ({main} is missing): it is not a .docx document")
    root = _xml(_transitional(doc), main)
    base = posixpath.dirname(main)
    parts = _rels(pkg, main)
    extra = {}
    for name in ("numbering", "styles"):  # (named by the main part's relationships; else the usual name)
        part = parts.get(name) or posixpath.join(base, name + ".xml")
        raw = pkg.read(part)
        extra[name] = _xml(_transitional(raw), part) if raw is not None else None
    body = root.find(_W + "body")
    if body is None:
        raise _malformed("Word 正文中没有 body 元素，文件已损坏", "the Word body has no body element: the file is damaged")
    numbering = _Numbering(extra["numbering"], extra["styles"])
    chunks = _Chunks(pkg, parts, path) if b"altChunk" in doc else None
    writer = _Writer(numbering, _toc_paragraphs(root, doc, numbering.toc_styles), b"txbxContent" in doc, chunks)
    writer.blocks(body)
    text = writer.b.text()
    if chunks is not None and chunks.count == 1 and chunks.only is not None and not writer.own:
        # a body that is one imported page (web systems generate such files): that page, read with
        # its own positions
        return chunks.only
    if not text.strip():
        raise InputError("GL002", "Word 文档中没有文字（正文可能是图片）", "the Word document holds no text (the body may be images)")
    return Source(text=text, path=path, encoding="utf-8", kind="docx", origin=writer.b.origin())


_ALT_CHUNK = _W + "altChunk"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class _Chunks:
    """The imported chunks (``w:altChunk``) of a package, read as the reader of their format reads
    them: an HTML page (``afchunk.htm``) or web archive (``.mht``) with the HTML reader, text, a Word
    document, RTF (converted with LibreOffice, when it is installed). Word shows each where it stands."""

    def __init__(self, pkg: _Package, parts: dict[str, str], path: Optional[str]) -> None:
        self.pkg, self.parts, self.path = pkg, parts, path
        self.count = 0  # the chunks met so far (the number that names each)
        self.only: Optional[Source] = None  # the first chunk read, if it is a page

    def read(self, el: Any) -> tuple[int, str, Optional[Source], str]:
        """(number, part name, the chunk read or None, its kind: html, text or word)."""
        self.count += 1
        part = self.parts.get("#" + (el.get(_R_ID) or ""))
        data = self.pkg.read(part) if part else None
        src, kind = (None, "") if data is None else _read_chunk(data, part, self.path)
        if self.count == 1 and kind == "html":
            self.only = src
        return self.count, part or "", src, kind


def _read_chunk(data: bytes, part: str, path: Optional[str]) -> tuple[Optional[Source], str]:
    """An imported chunk read, and its kind (``html``, ``text``, ``word``); (None, "") for one
    without text, or of a format not read (an RTF chunk without LibreOffice)."""
    suffix = posixpath.splitext(part)[1].lower()
    head = data[:2048].lstrip().lower()
    try:
        if suffix in (".mht", ".mhtml") or head.startswith((b"mime-version", b"content-type")):
            from .mhtml import read_mhtml

            return read_mhtml(data, path), "html"
        if suffix in (".htm", ".html", ".xhtml") or b"<html" in head:
            from .html import read_html

            return read_html(data, path), "html"
        if head.startswith(b"{\\rtf") or suffix == ".rtf":
            return (convert_and_read(data, path, ".rtf"), "word") if soffice() else (None, "")
        if data.startswith(b"PK"):
            return read_docx(data, path), "word"
        if suffix == ".txt":
            from .text import read_text

            return read_text(data, path), "text"
    except InputError as exc:
        if exc.code == "GL002":  # (a chunk without text: nothing to read there)
            return None, ""
        raise
    return None, ""


def _not_a_zip(data: bytes, path: Optional[str], suffix: str) -> Source:
    head = data[:2048].lstrip()
    if data.startswith(_OLE) or head.startswith((b"{\\rtf", b"MIME-Version")):
        return convert_and_read(data, path, suffix)
    low = head.lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low[:1024]:
        from .html import read_html

        return read_html(data, path)
    raise _malformed(f"这不是 {suffix} 文件（不是 zip，也不是旧版 Word 或网页）",
                     f"this is not a {suffix} file (not a zip, nor legacy Word, nor a web page)")


def read_legacy(data: bytes, path: Optional[str] = None) -> Source:
    """Read a .doc / .wps: converted with LibreOffice (a .doc that is really .docx or HTML is read as such)."""
    if not data.strip():
        raise InputError("GL002", "文件为空", "the file is empty")
    suffix = Path(path).suffix.lower() if path else ".doc"
    if data.startswith(b"PK"):
        if is_odt(data):  # an OpenDocument text (LibreOffice's, WPS's .odt): converted as .doc is
            return convert_and_read(data, path, ".odt")
        return read_docx(data, path)
    return _not_a_zip(data, path, suffix or ".doc")


_ODT_MIME = b"mimetypeapplication/vnd.oasis.opendocument.text"


def is_odt(data: bytes) -> bool:
    """An OpenDocument text: a zip whose first member, ``mimetype``, says so (as the format requires)."""
    return data.startswith(b"PK\x03\x04") and _ODT_MIME in data[:200]


def soffice() -> Optional[str]:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_and_read(data: bytes, path: Optional[str], suffix: str) -> Source:
    exe = soffice()
    if exe is None and suffix == ".odt":
        raise InputError(
            "GL007",
            "ODT（OpenDocument 文本）文件需要先转换：请用 WPS、Word 或 LibreOffice “另存为” .docx，或安装 LibreOffice 后重试"
            "（也可手动转换：soffice --headless --convert-to docx 文件.odt）",
            "an ODT (OpenDocument text) file must be converted first: save it as .docx in WPS, Word or LibreOffice, "
            "or install LibreOffice and run again (or convert by hand: soffice --headless --convert-to docx file.odt)")
    if exe is None and (suffix == ".rtf" or data[:2048].lstrip().startswith(b"{\\rtf")):
        raise InputError(
            "GL007",
            f"RTF 文件需要先转换：请用 Word 或 WPS “另存为” .docx，或安装 LibreOffice 后重试"
            f"（也可手动转换：soffice --headless --convert-to docx 文件{suffix}）",
            f"an RTF file must be converted first: save it as .docx in Word or WPS, or install LibreOffice and "
            f"run again (or convert by hand: soffice --headless --convert-to docx file{suffix})")
    if exe is None:
        raise InputError(
            "GL007",
            f"{suffix} 是旧版 Word/WPS 格式，需要先转换：请用 Word 或 WPS “另存为” .docx，或安装 LibreOffice 后重试"
            f"（也可手动转换：soffice --headless --convert-to docx 文件{suffix}）",
            f"{suffix} is a legacy Word/WPS format and must be converted first: save it as .docx in Word or WPS, or "
            f"install LibreOffice and run again (or convert by hand: soffice --headless --convert-to docx file{suffix})")
    with tempfile.TemporaryDirectory(prefix="govlint-") as tmp:
        src = Path(tmp) / f"input{suffix if suffix in ('.doc', '.wps', '.rtf', '.docx', '.odt') else '.doc'}"
        src.write_bytes(data)
        outdir = Path(tmp) / "out"
        cmd = [exe, f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(src)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        try:
            proc.communicate(timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise InputError("GL011", f"LibreOffice 在 {CONVERT_TIMEOUT:g} 秒内未能转换该文件（文件可能已损坏）",
                             f"LibreOffice could not convert the file within {CONVERT_TIMEOUT:g} s (it may be damaged)") from None
        finally:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    pass
                proc.wait()
        out = outdir / (src.stem + ".docx")
        if not out.exists():
            raise _malformed(f"LibreOffice 无法转换该 {suffix} 文件（文件可能已损坏或不是 Word/WPS 文档）",
                             f"LibreOffice could not convert this {suffix} file (it may be damaged or not a Word/WPS document)")
        converted = out.read_bytes()
    if not converted.startswith(b"PK"):
        raise _malformed("LibreOffice 转换结果不是 .docx", "LibreOffice's conversion is not a .docx")
    return read_docx(converted, path)
