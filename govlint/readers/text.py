"""Plain-text reader: BOM, UTF-16 without a BOM, strict UTF-8, GB18030 (the superset of GBK/GB2312),
then detection."""

from __future__ import annotations

import codecs
import re
from array import array
from typing import Optional

import attrs

from ..errors import InputError
from ..markup import guard as markup_guard
from ..relazy import lazy_compile
from ..source import Origin, Source

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


#: control bytes that do not occur in text (tab, LF, FF, CR and ESC do)
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))  # (a loop over the bytes took 0.5 ms)
    return controls > max(8, len(sample) // 20)


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """``utf-16-le``/``utf-16-be`` when ``data`` is UTF-16 text saved without a BOM (as some Windows
    tools write "Unicode" text), else None. A report's UTF-16 has zero bytes in one position of its
    code units only (the high byte of its digits, blanks and line breaks; a Chinese character's
    bytes are rarely zero); what it decodes to must then be text: CJK, ASCII, punctuation, no
    control characters."""
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:8192]
    units = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < max(2, units // 50) or min(even, odd) * 8 > max(even, odd):
        return None
    enc = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = sample[:units * 2].decode(enc)
    except UnicodeDecodeError:
        return None
    texty = sum(1 for ch in text if ch in "\t\n\r\f" or " " <= ch <= "~" or "\u3000" <= ch <= "\u9fff"
                or "\uff00" <= ch <= "\uffef")
    return enc if texty >= 0.9 * len(text) else None


def _first_error(data: bytes, encoding: str) -> int:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        return exc.start
    return len(data)


def _where(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """1-based line and column (code points) of the byte at ``offset``."""
    before = data[:offset].decode(encoding, errors="replace")
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


_READ = ".txt、.md、.html、.docx、.doc、.wps、.rtf、.pdf"
_OCR = ("图片中的文字需先做文字识别（OCR）", "run OCR on it first")
_UNPACK = ("请解压后检查其中的报告", "extract it and check the report inside")
#: (first bytes, what the file is (zh, en), what to do (zh, en)): files that reach the text reader by
#: name or by mistake
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ("PNG 图片", "a PNG image"), _OCR),
    (b"\xff\xd8\xff", ("JPEG 图片", "a JPEG image"), _OCR),
    (b"GIF8", ("GIF 图片", "a GIF image"), _OCR),
    (b"BM", ("BMP 图片", "a BMP image"), _OCR),
    (b"II*\x00", ("TIFF 图片（可能是扫描件）", "a TIFF image (a scan?)"), _OCR),
    (b"MM\x00*", ("TIFF 图片（可能是扫描件）", "a TIFF image (a scan?)"), _OCR),
    (b"Rar!", ("RAR 压缩包", "a RAR archive"), _UNPACK),
    (b"7z\xbc\xaf\x27\x1c", ("7z 压缩包", "a 7z archive"), _UNPACK),
    (b"\x1f\x8b", ("gzip 压缩文件", "a gzip file"), _UNPACK),
)


def binary_kind(data: bytes) -> Optional[tuple[tuple[str, str], tuple[str, str]]]:
    """What a binary file that is in none of the report's formats is, and what to do with it
    (``((zh, en), (zh, en))``), when its first bytes say so; else None."""
    for magic, what, todo in _MAGIC:
        if data.startswith(magic):
            return what, todo
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return ("WebP 图片", "a WebP image"), _OCR
    if data.startswith(b"PK\x03\x04"):  # a zip that is not a .docx (the docx reader has it otherwise)
        head = data[:65536]
        if b"OFD.xml" in head:
            return (("OFD 版式文件", "an OFD document"),
                    ("govlint 不能读取 OFD，请导出为 PDF 或另存为 .docx 后检查",
                     "govlint cannot read OFD; export it as PDF or save it as .docx"))
        if b"xl/" in head:
            return (("Excel 表格（.xlsx）", "an Excel workbook (.xlsx)"),
                    (f"govlint 读取 {_READ} 格式的报告，请检查报告正文所在的文件",
                     f"govlint reads reports as {_READ.replace('、', ', ')}; check the file that holds the report"))
        if b"ppt/" in head:
            return ("PowerPoint 演示文稿（.pptx）", "a PowerPoint presentation (.pptx)"), \
                ("请检查报告正文所在的文件", "check the file that holds the report")
        return ("zip 压缩包", "a zip archive"), _UNPACK
    return None


def decode_text(data: bytes) -> tuple[str, str, bool]:
    """Decode bytes to text. Returns (text, encoding, had_bom). Raises InputError (GL002/GL003/GL004)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8", True
        except UnicodeDecodeError as exc:
            line, col = _where(data[3:], exc.start, "utf-8")
            raise InputError("GL004", f"带 UTF-8 BOM 但内容不是合法的 UTF-8（第{line}行第{col}列有无法解码的字节）",
                             f"starts with a UTF-8 BOM but is not valid UTF-8 (undecodable bytes at line {line}, "
                             f"column {col})", line, col) from None
    for bom in _UTF16_BOMS:
        if data.startswith(bom):
            enc = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
            try:
                return data[2:].decode(enc), enc, True
            except UnicodeDecodeError:
                raise InputError("GL004", "带 UTF-16 BOM 但内容无法按 UTF-16 解码",
                                 "starts with a UTF-16 BOM but cannot be decoded as UTF-16") from None
    if not data.strip():
        raise InputError("GL002", "文件为空（没有任何文字）", "the file is empty (no text at all)")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16, False
        except UnicodeDecodeError:
            pass  # (the sample decoded, the rest does not: binary after all, or damaged)
    if _looks_binary(data):
        known = binary_kind(data)
        if known is not None:
            (what, what_en), (todo, todo_en) = known
            gap = " " if what[:1].isascii() else ""  # (文件是 PNG 图片: a space between Chinese and Latin)
            raise InputError("GL003", f"文件是{gap}{what}，不是报告的文字：{todo}",
                             f"the file is {what_en}, not the report's text: {todo_en}")
        raise InputError("GL003", "文件是二进制数据，不是文本（含空字节或大量控制字符）",
                         "the file is binary, not text (NUL bytes or many control characters)")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030", False
    except UnicodeDecodeError:
        pass
    # mostly UTF-8 (or GB18030) with a few bad bytes: a damaged file, not another encoding; say where
    for enc in ("utf-8", "gb18030"):
        decoded = data.decode(enc, errors="replace")
        bad = decoded.count("\ufffd")
        if bad and bad <= max(3, len(decoded) // 200):
            first = _first_error(data, enc)
            line, col = _where(data, first, enc)
            name = "UTF-8" if enc == "utf-8" else "GB18030/GBK"
            raise InputError("GL004", f"文件是 {name} 编码，但第{line}行第{col}列有无法解码的字节（共 {bad} 处），请修复后再检查",
                             f"the file is {name} but has undecodable bytes at line {line}, column {col} "
                             f"({bad} in all); repair the file", line, col)
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        best = None
    else:
        best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding, False
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError("GL004", "无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK，请另存为 UTF-8 后再检查",
                     "cannot determine the encoding: neither UTF-8 nor GB18030/GBK; save the file as UTF-8")


def read_text(data: bytes, path: Optional[str] = None) -> Source:
    text, encoding, bom = decode_text(data)
    if not text.strip():
        raise InputError("GL002", "文件只有空白，没有任何文字", "the file contains only whitespace")
    newline = "\r\n" if "\r\n" in text[:10000] else "\n"
    if "\n" not in text and "\r" in text:  # lines ended by CR alone (classic Mac OS, some exporters)
        text, newline = text.replace("\r", "\n"), "\r"  # (one character for one; --fix writes CR back)
    source = Source(text=text, path=path, encoding=encoding, bom=bom, newline=newline, kind="text")
    if ("<table" in text or "<TABLE" in text or "<Table" in text) and _TABLE_TAG.search(text) is not None:
        source = _with_html_tables(source)
    if markup_guard(source.text):  # (AsciiDoc, Org, MediaWiki tables: rows of cells between pipes)
        source = _with_markup_tables(source)
    return source


def _with_markup_tables(source: Source) -> Source:
    from ..markup import rewrite

    got = rewrite(source.text)
    if got is None:
        return source
    new, offsets = got
    o = source.origin
    if o is not None and len(o.offsets):  # (HTML tables read before: offsets into the file, through both)
        inner = o.offsets
        offsets = array("l", (inner[x] if x >= 0 else -1 for x in offsets))
    original = o.original_text if o is not None else source.text
    return attrs.evolve(source, text=new, origin=Origin(original_text=original, offsets=offsets))


# a table left in HTML inside a text or Markdown file: pandoc's Markdown writes a table with merged
# cells so (``<table>`` … ``<td colspan="3" rowspan="3">`` …), and so do many HTML-to-Markdown tools
_TABLE_TAG = lazy_compile(r"<(/?)table\b[^<>]{0,2000}>", re.IGNORECASE)
_MAX_ISLANDS = 50


def _table_islands(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each outermost ``<table>…</table>`` of ``text`` (a table opened and never
    closed, as a cut-off file has it, is left as text)."""
    found: list[tuple[int, int]] = []
    depth, start = 0, 0
    for m in _TABLE_TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                found.append((start, m.end()))
                if len(found) >= _MAX_ISLANDS:
                    break
    return found


def _with_html_tables(source: Source) -> Source:
    """``source`` with each HTML table written inside it read as the HTML reader reads a page's table
    (one line per row, its cells between pipes, merged cells written once), the rest of the text as
    it is; the source maps every character back to its place in the file."""
    from .html import read_html

    text = source.text
    pieces: list[str] = []
    offsets = array("l")
    pos = 0
    for a, b in _table_islands(text):
        try:
            frag = read_html(text[a:b].encode("utf-8", "surrogatepass"))
        except Exception:  # noqa: BLE001 - markup the HTML reader cannot read stays text, as written
            continue
        o = frag.origin
        table = frag.text.rstrip("\n")
        if o is None or len(o.offsets) < len(table) or not table.strip():
            continue
        pieces.append(text[pos:a])
        offsets.extend(range(pos, a))
        if a > 0 and text[a - 1] != "\n":
            pieces.append("\n")  # (the table on lines of its own)
            offsets.append(-1)
        pieces.append(table)
        offsets.extend(x + a if x >= 0 else -1 for x in o.offsets[:len(table)])
        if b < len(text) and text[b] != "\n":
            pieces.append("\n")
            offsets.append(-1)
        pos = b
    if not pieces:
        return source
    pieces.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))  # (and the end: an Origin maps one offset past the last character)
    return attrs.evolve(source, text="".join(pieces), origin=Origin(original_text=text, offsets=offsets))
