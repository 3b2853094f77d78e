"""Inputs for the fuzz tests (``tests/test_fuzz.py``, ``tests/fuzz/``) and the benchmark corpus.

* :func:`base_texts` -- real reports in every text shape: the seed as published (one cell per line),
  and, when ``tests/reportgen.py`` is importable, the seed's content rendered as ``|`` rows,
  Markdown and space-separated rows, plus the other reports in ``tests/data``;
* :func:`mutate` -- text-level mutations driven by plain data (so hypothesis shrinks them well):
  cells, labels, headings, punctuation, inserted ``|``/digits/full-width characters, deleted or
  duplicated lines, truncation at a part boundary or at an offset, line-ending changes;
* :func:`encode` -- the text as UTF-8 (with or without BOM), GB18030, UTF-16 with BOM, and bytes
  corrupted after encoding;
* :func:`to_html`, :func:`mutate_markup`, :func:`to_docx` -- the same reports as a web page (with
  mangled markup) and as a minimal Word file.

Nothing here reads ``/work/shared``; everything comes from ``tests/data``.
"""

from __future__ import annotations

import html
import io
import re
import sys
import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: the shared PDF writer
from pdfbytes import make_pdf  # noqa: E402

TESTS = Path(__file__).resolve().parent.parent
DATA = TESTS / "data"
SEED = DATA / "seed.txt"

_HEADING = re.compile(r"^[ \t\u3000]*(?:第)?[一二三四五六七八九十][、.．]")
_NUMERIC_CELL = re.compile(r"^\s*[-+]?[0-9０-９.,]+\s*[|｜]?\s*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_HALF_FULL = str.maketrans("()|:,;0123456789", "（）｜：，；０１２３４５６７８９")
_FULL_HALF = str.maketrans("（）｜：，；０１２３４５６７８９", "()|:,;0123456789")


def reportgen():
    """``tests/reportgen.py`` (the report renderer of the core tests), or None if it is missing."""
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    try:
        import reportgen as rg  # type: ignore[import-not-found]

        rg.render(rg.seed_doc(), "pipe")
    except Exception:  # noqa: BLE001 - a renderer that does not work is the same as none here
        return None
    return rg


@lru_cache(maxsize=1)
def base_texts() -> dict[str, str]:
    """name -> report text. Always has ``seed`` (the file as published, one cell per line)."""
    out = {"seed": SEED.read_text(encoding="utf-8")}
    rg = reportgen()
    if rg is not None:
        doc = rg.seed_doc()
        for shape in rg.SHAPES:
            out[f"seed-{shape}"] = rg.render(doc, shape).text
    for p in sorted(DATA.glob("*.txt")):
        if p.name != "seed.txt":
            out[p.stem] = p.read_text(encoding="utf-8")
    return out


def shape_texts() -> dict[str, str]:
    """The seed's content in each text shape this checkout can render (``cells`` is the seed file)."""
    texts = base_texts()
    shapes = {"cells": texts["seed"]}
    for name in ("pipe", "markdown", "spaced"):
        if f"seed-{name}" in texts:
            shapes[name] = texts[f"seed-{name}"]
    return shapes


# ----------------------------------------------------------------------------- text mutations

#: the kinds of mutation :func:`mutate` knows
KINDS = ("cell", "label", "heading", "punct", "insert", "delete-line", "dup-line", "swap-lines",
         "truncate-part", "truncate", "newlines", "nfkc", "fullwidth", "blank-lines")

#: replacement texts for a value cell
CELL_VALUES = ("0", "1", "-1", "-0", "1.5", "0.0", "１２", "1,234", "99999999999999999999999", "无", "-", "——", "/",
               "", " ", "N/A", "3件", "5万元", "12%", "一", "十二", "1e5", "∞", "0x10", "１．５", "(3)", "3 4",
               "1|2", "|", "\t", "二〇二二年", "1至3", "约3")
#: what may be inserted anywhere
INSERTS = ("|", "｜", " | ", "||||", "1", "0", "１２３", "，", "、", "。", "（", "）", "(", ")", "\n", "\r", "\t",
           "\u3000", "\u00a0", "\u200b", "\ufeff", "一、", "（一）", "1.", "第", "部分", "总计", "其他", "合计",
           "一、总体情况\n", "三、收到和处理政府信息公开申请情况\n", "2022年", "二〇二二年", "<!--", "-->",
           "<!-- govlint: disable -->", "\x00", "\x1b", "&amp;", "<b>", "\ud7ff", "𠀀", "ｶ", "Ⅻ", "①")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _pick(items: Sequence[int], n: int) -> Optional[int]:
    return items[n % len(items)] if items else None


def mutate(text: str, ops: Sequence[tuple[str, int, int, str]]) -> str:
    """Apply ``ops`` in turn. Each op is ``(kind, a, b, payload)``: ``a`` and ``b`` pick lines,
    offsets or options (taken modulo what exists), ``payload`` is text to put in."""
    for kind, a, b, payload in ops:
        text = _mutate_one(text, kind, a, b, payload)
    return text


def part_starts(text: str) -> list[int]:
    """Offsets of the lines that look like part headings (一、 … 六、): short, no ``|``, no digits
    (table rows such as ``二、上年结转政府信息公开申请数量 |`` are not headings)."""
    starts, pos = [], 0
    for line in text.split("\n"):
        if _HEADING.match(line) and len(line) < 40 and not re.search(r"[|｜0-9]", line):
            starts.append(pos)
        pos += len(line) + 1
    return starts


def _mutate_one(text: str, kind: str, a: int, b: int, payload: str) -> str:
    lines = _lines(text)
    if kind == "cell":
        idx = [i for i, ln in enumerate(lines) if _NUMERIC_CELL.match(ln)]
        i = _pick(idx, a)
        if i is None:
            return text
        value = payload if b % 3 == 0 else CELL_VALUES[b % len(CELL_VALUES)]
        lines[i] = re.sub(r"[-+]?[0-9０-９.,]+", lambda _: value, lines[i], count=1)
    elif kind == "label":
        idx = [i for i, ln in enumerate(lines) if _CJK.search(ln) and len(ln) < 60 and not _HEADING.match(ln)]
        i = _pick(idx, a)
        if i is None:
            return text
        ln = lines[i]
        how = b % 5
        if how == 0:
            lines[i] = payload + (" |" if ln.rstrip().endswith("|") else "")
        elif how == 1:
            lines[i] = ln[: b % (len(ln) + 1)]  # cut short
        elif how == 2:
            lines[i] = ln.replace(" ", "") if " " in ln else " ".join(ln)  # spaces removed / spread
        elif how == 3:
            k = b % (len(ln) + 1)
            lines[i] = ln[:k] + payload + ln[k:]
        else:
            lines[i] = ln.translate(_HALF_FULL) if b % 2 else ln.translate(_FULL_HALF)
    elif kind == "heading":
        idx = [i for i, ln in enumerate(lines) if _HEADING.match(ln)]
        i = _pick(idx, a)
        if i is None:
            return text
        how = b % 6
        if how == 0:
            del lines[i]
        elif how == 1:
            lines[i] = "一二三四五六七八九十"[b % 10] + lines[i].lstrip()[1:]  # wrong numeral
        elif how == 2:
            lines[i] = lines[i][:2] + payload  # reworded
        elif how == 3:
            lines.insert((b // 7) % (len(lines) + 1), lines[i])  # duplicated elsewhere
        elif how == 4:
            lines[i] = lines[i] + " " + payload  # trailing words
        else:
            lines[i] = lines[i].replace("、", ".") if "、" in lines[i] else lines[i].replace(".", "、")
    elif kind == "punct":
        i = a % len(lines)
        table = _HALF_FULL if b % 2 else _FULL_HALF
        if b % 3 == 0:
            return text.translate(table)
        lines[i] = lines[i].translate(table)
    elif kind == "insert":
        k = a % (len(text) + 1)
        what = payload if b % 2 else INSERTS[b % len(INSERTS)]
        return text[:k] + what + text[k:]
    elif kind == "delete-line":
        if len(lines) > 1:
            del lines[a % len(lines)]
    elif kind == "dup-line":
        i = a % len(lines)
        lines.insert(b % (len(lines) + 1), lines[i])
    elif kind == "swap-lines":
        i, j = a % len(lines), b % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "truncate-part":
        starts = part_starts(text)
        if not starts:
            return text[: a % (len(text) + 1)]
        cut = starts[a % len(starts)]
        return text[:cut] if b % 2 else text[cut:]  # everything before part k, or from part k on
    elif kind == "truncate":
        return text[: a % (len(text) + 1)]
    elif kind == "newlines":
        return text.replace("\n", ("\r\n", "\r", "\n\n", "\u2028", "\x85")[b % 5])
    elif kind == "nfkc":
        return unicodedata.normalize("NFKC", text)
    elif kind == "fullwidth":
        return text.translate(_HALF_FULL)
    elif kind == "blank-lines":
        i = a % len(lines)
        lines.insert(i, ("", " ", "\u3000", "\t", "|||")[b % 5])
    else:  # pragma: no cover - a typo in a test
        raise ValueError(kind)
    return "\n".join(lines)


# ----------------------------------------------------------------------------- bytes

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "big5", "latin-1")


def encode(text: str, encoding: str, corruptions: Sequence[tuple[int, int]] = (), cut: Optional[int] = None) -> bytes:
    """``text`` in ``encoding`` (characters it cannot hold become ``?``; ``utf-16`` writes a BOM),
    then each ``(offset, byte)`` of ``corruptions`` overwrites one byte, then the bytes are cut at ``cut``."""
    data = bytearray(text.encode(encoding, "replace") if encoding not in ("utf-8", "utf-8-sig", "gb18030")
                     else text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace"))
    for off, byte in corruptions:
        if data:
            data[off % len(data)] = byte % 256
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    return bytes(data)


# ----------------------------------------------------------------------------- HTML and DOCX


def _cells(line: str) -> Optional[list[str]]:
    s = line.strip()
    if "|" not in s and "｜" not in s:
        return None
    parts = [p.strip() for p in re.split(r"[|｜]", s)]
    if parts and parts[0] == "":
        parts = parts[1:]
    if parts and parts[-1] == "":
        parts = parts[:-1]
    return parts


def _blocks(text: str) -> list[tuple[str, object]]:
    """("p", text) and ("table", [[cell, …], …]) in order; ``|`` lines make tables."""
    out: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        cells = _cells(line)
        if cells is not None and not re.fullmatch(r"[\s|｜:\-]*", line):
            rows.append(cells)
            continue
        if cells is not None:
            continue  # a separator row
        if rows:
            out.append(("table", rows))
            rows = []
        if line.strip():
            out.append(("p", line.strip()))
    if rows:
        out.append(("table", rows))
    return out


def to_html(text: str, title: Optional[str] = None) -> str:
    """A web page as government sites publish one: the text in ``<p>``, ``|`` rows in a ``<table>``."""
    parts = ['<!DOCTYPE html><html><head><meta charset="utf-8">',
             f"<title>{html.escape(title or text.split(chr(10), 1)[0])}</title></head><body>",
             '<div class="nav">首页 &gt; 政务公开 &gt; 年报</div><div class="content">']
    for kind, item in _blocks(text):
        if kind == "p":
            parts.append(f"<p>{html.escape(item)}</p>")  # type: ignore[arg-type]
        else:
            parts.append('<table border="1">')
            for row in item:  # type: ignore[union-attr]
                parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
            parts.append("</table>")
    parts.append('</div><div class="footer">网站标识码 主办单位</div></body></html>')
    return "\n".join(parts)


def to_word_html(text: str, title: Optional[str] = None) -> str:
    """The same page as a Word document saved as a web page and published through a site's editor
    (as many offices publish theirs): every paragraph and cell wrapped in ``<p class="MsoNormal">``
    and ``<span style=…>``, long inline styles, a site header, navigation, breadcrumbs, scripts and
    a footer around the article."""
    head = html.escape(title or text.split(chr(10), 1)[0])
    parts = ['<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
             f"<title>{head}_门户网站</title>",
             '<style>p.MsoNormal{margin:0cm;font-size:10.5pt;font-family:"Times New Roman"}</style>',
             '<script type="text/javascript">var _hmt = _hmt || []; (function () { var hm = '
             'document.createElement("script"); hm.src = "https://hm.example/hm.js"; })();</script></head><body>',
             '<div class="header"><div class="logo"><img src="/images/logo.png" alt="logo"></div><ul class="nav">'
             '<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>',
             '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>',
             f'<div class="article"><h1 class="article-title">{head}</h1><div class="TRS_Editor">'
             '<div class="Section0" style="layout-grid:15.6pt">']
    for kind, item in _blocks(text):
        if kind == "p":
            parts.append('<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly">'
                         f'<span style="font-family:仿宋_GB2312;font-size:16.0pt">{html.escape(item)}</span></p>')  # type: ignore[arg-type]
        else:
            parts.append('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%" '
                         'style="border-collapse:collapse;border:none">')
            for row in item:  # type: ignore[union-attr]
                parts.append('<tr style="height:20.0pt">' + "".join(
                    '<td width="64" valign="center" style="width:48.0pt;border:solid windowtext 1.0pt;'
                    'padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal" align="center" style="text-align:center">'
                    f'<span style="font-family:宋体;font-size:10.5pt">{html.escape(c)}</span></p></td>' for c in row) + "</tr>")
            parts.append("</table>")
    parts.append('</div></div></div><div class="footer"><p>主办：某某市人民政府办公室 网站标识码：4309000001</p>'
                 '<p><a href="/sitemap">网站地图</a> | <a href="/contact">联系我们</a></p></div>')
    parts.append('<script>document.write("<td>1</td>")</script></body></html>')
    return "\n".join(parts)


#: markup damage :func:`mutate_markup` can do
MARKUP = ("drop-tag", "unclose", "nest", "entity", "attr", "comment", "script", "raw-lt", "dup-tag", "colspan")


def mutate_markup(page: str, ops: Sequence[tuple[str, int, int]]) -> str:
    """Damage the markup of ``page``: drop or duplicate tags, leave elements unclosed, nest deeply,
    put in odd entities, attributes, comments, scripts, stray ``<`` and odd col/rowspans."""
    for kind, a, b in ops:
        tags = [m.span() for m in re.finditer(r"<[^<>]{0,200}>", page)]
        k = a % (len(page) + 1)
        if kind == "drop-tag" and tags:
            s, e = tags[a % len(tags)]
            page = page[:s] + page[e:]
        elif kind == "dup-tag" and tags:
            s, e = tags[a % len(tags)]
            page = page[:e] + page[s:e] + page[e:]
        elif kind == "unclose":
            page = re.sub(r"</(td|tr|p|table|div)>", "", page, count=1 + b % 50)
        elif kind == "nest":
            depth = 1 + b % 600
            page = page[:k] + "<div><span>" * depth + page[k:]
        elif kind == "entity":
            page = page[:k] + ("&nbsp;", "&#12288;", "&#0;", "&#xD800;", "&#99999999;", "&bogus;", "&amp", "&#x7C;")[b % 8] + page[k:]
        elif kind == "attr":
            page = page.replace("<td>", f'<td rowspan="{b % 1000}" colspan="{(b // 7) % 1000}">', 1 + b % 5)
        elif kind == "comment":
            page = page[:k] + ("<!--", "-->", "<!-- x -->", "<![CDATA[", "<?php ?>")[b % 5] + page[k:]
        elif kind == "script":
            page = page[:k] + "<script>document.write('一、总体情况')</script><style>p{}</style>" + page[k:]
        elif kind == "raw-lt":
            page = page[:k] + ("<", ">", "</", "<td", "<table>", "</table>")[b % 6] + page[k:]
        elif kind == "colspan":
            page = page.replace("<td>", f'<td colspan="{("0", "-1", "abc", "99999", "2")[b % 5]}">', 1)
    return page


_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="word/document.xml"/></Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml_text(s: str) -> str:
    s = "".join(ch for ch in s if ch in "\t\n\r" or ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                and ch not in "\ufffe\uffff")
    return html.escape(s, quote=False)


def document_xml(text: str) -> str:
    """The ``word/document.xml`` of ``text``: paragraphs, and ``|`` rows as a table."""
    body = []
    for kind, item in _blocks(text):
        if kind == "p":
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{_xml_text(item)}</w:t></w:r></w:p>')  # type: ignore[arg-type]
        else:
            rows = []
            for row in item:  # type: ignore[union-attr]
                tcs = "".join(f"<w:tc><w:p><w:r><w:t>{_xml_text(c)}</w:t></w:r></w:p></w:tc>" for c in row)
                rows.append(f"<w:tr>{tcs}</w:tr>")
            body.append("<w:tbl>" + "".join(rows) + "</w:tbl>")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
            + "".join(body) + "</w:body></w:document>")


def to_docx(text: str, document: Optional[str] = None, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx (content types, package relationships, the document part) holding ``text``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document if document is not None else document_xml(text))
    return buf.getvalue()


def to_pdf(text: str, encrypted: bool = False) -> bytes:
    """A one-page PDF with ``text`` (ASCII kept; other characters become ``?``) in Helvetica.
    ``encrypted`` adds a Standard security handler whose user password is not empty."""
    safe = "".join(ch if 32 <= ord(ch) < 127 and ch not in "()\\" else "?" for ch in text)
    stream = f"BT /F1 12 Tf 72 720 Td ({safe}) Tj ET".encode("ascii")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    trailer = b""
    if encrypted:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
        trailer = b"/Encrypt %d 0 R /ID [<%s> <%s>] " % (len(objects), b"ab" * 16, b"ab" * 16)
    return make_pdf(objects, trailer)
