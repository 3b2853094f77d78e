"""Web pages printed to PDF by a browser (headless Chromium's "print to PDF", as 打印 → 另存为 PDF).

:func:`print_pdf` prints one page, with the browser's margins (date and time, the page's title, its
address, "2/7") or without them. The small fixtures under ``tests/pdf/`` were made with
:func:`make_fixtures` (``python tests/print_pages.py``); tests that print pages themselves skip
when Chromium is missing (:func:`chromium_missing`).
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

import render_shapes as rs

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "pdf"


def chromium() -> Optional[str]:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def chromium_missing() -> Optional[str]:
    """Why Chromium cannot print these pages here (None: it can): it needs a CJK font too."""
    if chromium() is None:
        return "Chromium is not installed (apt-get install chromium fonts-noto-cjk)"
    return rs.cjk_font_missing("Chromium")


def print_pdf(page: str, margins: bool = True, timeout: int = 120) -> bytes:
    """``page`` (HTML) printed by headless Chromium; ``margins``: with the browser's header and footer."""
    exe = chromium()
    if exe is None:
        raise RuntimeError("Chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "page.html", Path(tmp) / "out.pdf"
        src.write_text(page, encoding="utf-8")
        opts = [] if margins else ["--no-pdf-header-footer"]
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}/profile", *opts,
                        f"--print-to-pdf={out}", src.as_uri()], check=True, capture_output=True, timeout=timeout)
        if not out.exists():
            raise RuntimeError("Chromium did not write the PDF")
        return out.read_bytes()


E = html.escape
NAV = ('<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>\n'
       '<div class="crumbs">当前位置：<a href="/">首页</a> &gt; 年度报告</div>\n')
FOOT = '<div class="footer"><p>版权所有：益阳市行政审批服务局</p></div>\n'


def table_two_page(data: rs.ReportData, spacer: int) -> str:
    """A small page: the site's navigation, the title (h1: ``2022`` in a Latin font beside the Chinese
    characters), part 二 with two blocks of its table, the footer; ``spacer`` (px) moves the table down so that a
    page break falls between two of its blocks. """
    rows = []
    grid = rs.table_grid(data, "二")
    starts = [i for i, row in enumerate(grid) if len(row) == 1]  # the blocks' headings (第二十条第（×）项)
    for row in grid[starts[1]:starts[3]]:  # two blocks: (五) and (六)
        rows.append("<tr>" + "".join(
            "<td" + (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
            + f">{E(c.text.translate(rs.FULLWIDTH))}</td>" for c in row) + "</tr>")
    part = next(x for k, x in data.blocks if k == "h" and x.startswith("二"))
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{E(data.title)}_门户网站</title>"
            "<style>td { border: 1px solid #000 } "
            "table { border-collapse: collapse }</style></head><body>\n"
            + NAV + f"<h1>{E(data.title)}</h1>\n<p>{E(part)}</p>\n<div style=\"height:{spacer}px\"></div>\n"
            + '<table border="1" cellspacing="0">' + "\n".join(rows) + "</table>\n" + FOOT + "</body></html>\n")


WORD_HEAD = ('<meta name="Generator" content="Microsoft Word 15"><style>p.MsoNormal { margin: 0; font-size: 10.5pt; '
             'font-family: 仿宋_GB2312 } table.MsoNormalTable { border-collapse: collapse } '
             'td { border: solid windowtext 1.0pt; padding: 0 5.4pt }</style>')


def word_table_page(data: rs.ReportData, tid: str, spacer: int) -> str:
    """A page in the markup of Word's "save as web page" (``MsoNormal`` paragraphs, collapsed 1 pt
    borders): a short centred title, an indented paragraph, part ``tid``'s heading and its table;
    ``spacer`` (px) moves the table down to where a page break falls in it."""
    part = next(x for k, x in data.blocks if k == "h" and x.startswith(tid))
    para = next(x for k, x in data.blocks if k == "p")
    rows = []
    for row in rs.table_grid(data, tid):
        rows.append("<tr>" + "".join(
            "<td" + (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
            + f'><p class="MsoNormal" align="center"><span>{E(c.text.translate(rs.FULLWIDTH))}</span></p></td>' for c in row) + "</tr>")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">" + WORD_HEAD + f"<title>{E(data.title)}</title></head>\n"
            f'<body><div class="WordSection1"><p class="MsoTitle" align="center">{E(data.title)}</p>\n'
            f'<p class="MsoNormal" style="text-indent:2em">{E(para.translate(rs.FULLWIDTH))}</p>\n'
            f'<p class="MsoNormal" style="text-indent:2em">{E(part)}</p>\n<div style="height:{spacer}px"></div>\n'
            '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0">' + "\n".join(rows) + "</table>\n"
            "</div></body></html>\n")


def make_fixtures() -> None:
    seed = next(HERE.parent.joinpath("seeds").glob("*.txt"))
    data = rs.load_seed(seed)
    FIXTURES.mkdir(exist_ok=True)
    page = table_two_page(data, 640)  # the page break falls after 行政许可 | 0
    (FIXTURES / "chromium-table2.html").write_text(page, encoding="utf-8")
    (FIXTURES / "chromium-table2.pdf").write_bytes(slim(print_pdf(page, margins=True)))
    # Word's markup, no margins: the header row of table 四 cut by the page break (its cells' text
    # printed whole, their sides drawn to the end of the row above), the next page's part with no
    # top rule
    page = word_table_page(data, "四", 790)
    (FIXTURES / "chromium-word-table4.html").write_text(page, encoding="utf-8")
    (FIXTURES / "chromium-word-table4.pdf").write_bytes(slim(print_pdf(page, margins=False)))


def slim(pdf: bytes) -> bytes:
    """``pdf`` with the glyphs' drawings left out (Type 3 glyph procedures emptied, embedded font
    programs dropped): a text layer keeps every character, its code, width and position, which is
    all a reader of the text sees, in a tenth of the size (Chromium draws each Noto CJK glyph as a
    Type 3 procedure). Works on the classic cross-reference table Chromium (Skia) writes."""
    import re
    import zlib

    objs = dict((int(n), body) for n, body in re.findall(rb"(?m)^(\d+) 0 obj\n(.*?)\nendobj", pdf, re.S))
    procs: set[int] = set()
    for body in objs.values():
        m = re.search(rb"/CharProcs\s*<<(.*?)>>", body, re.S)
        if m:
            procs.update(int(x) for x in re.findall(rb"(\d+) 0 R", m.group(1)))
    programs = {int(x) for body in objs.values() for x in re.findall(rb"/FontFile[23]? (\d+) 0 R", body)}
    out = bytearray(pdf[:pdf.index(b"\n", pdf.index(b"\n") + 1) + 1])  # the header and its binary comment
    offsets: dict[int, int] = {}
    for n in sorted(objs):
        body = objs[n]
        if n in procs:
            m = re.match(rb"<<(.*?)>>\s*stream\r?\n", body, re.S)
            if m is None:
                raise ValueError(f"object {n}: not a stream")
            data = zlib.compress(b"0 0 d0")
            body = b"<</Filter /FlateDecode /Length %d>> stream\n" % len(data) + data + b"\nendstream"
        elif n in programs:
            continue
        else:
            body = re.sub(rb"/FontFile[23]? \d+ 0 R", b"", body)
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    size = max(offsets) + 1
    trailer = re.search(rb"trailer\s*(<<.*?>>)\s*startxref", pdf, re.S)
    if trailer is None:
        raise ValueError("no classic trailer")
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[n]) if n in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n" + re.sub(rb"/Size \d+", b"/Size %d" % size, trailer.group(1)) + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


if __name__ == "__main__":
    make_fixtures()
