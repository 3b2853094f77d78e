"""PDF reader (text layer, pdfplumber; the optional extra ``govlint[pdf]``).

Tables are read with pdfplumber's table extraction (ruling lines), never from the page text: each
cell's text is joined across its wrapped lines (``商业\\n企业`` -> ``商业企业``), merged cells come out
once (pdfplumber gives a cell only at its top-left corner; spans are computed from the cell boxes),
and each row is written as one ``a | b | c`` line (see :mod:`govlint.readers._layout`).

A table continued on the next page is joined to its first part when nothing but page headers or
footers lies between them and the columns are the same: a header row repeated on the new page is
dropped, and a row that the page break cut in two (the label's last characters at the top of the
next page, its value cells empty, drawn in the same cells) is put back together.

A web page printed by a browser (打印 → 另存为 PDF) adds its own shapes: a row cut by the page break
has its cells' sides drawn but no rule under them, a row moved whole to the next page has none over
it (collapsed borders) — such rows are closed with a rule (:func:`_open_ends`), else their text came
out as lines between the tables; the text of a cut cell spanning rows is printed under the table and
put back into the cell (:func:`_overflows`); a line set in two fonts is one line by the characters'
baselines (:func:`_on_baseline`); the browser's header and footer (date and time, title, address,
``2/7``) repeat on every page but for their numbers and are dropped.

Tables drawn without inside rules (no cells for pdfplumber) are read from their words' positions
(:func:`_word_tables`), their cells set at the top of their rows or vertically centred in them (a
header's words centred in cells spanning rows are put in their rows by how the cells stack in each
column, :func:`_centred_header`; a group label centred over its rows is put in the first,
:func:`_centred_groups`); a header the page break cut, its first rows at the foot of one
page, is read with the rest of its table on the next (:func:`_header_carried`), each cut cell going
on in its column; the figures of a last row the break cut (``10`` / ``6``, wrapped in narrow
cells) get their last digits back from the top of the next page (:func:`_cut_figures`).

Text outside tables comes out as paragraphs in reading order (top to bottom, tables in between; a
stretch set in two columns column by column, :func:`_columns`): visual lines are joined when a line
runs to the right margin (of its column) and the next one does not start a numbered item nor stands
apart by a paragraph's spacing; a title wrapped over centred lines is joined; page numbers and lines
repeated in the top or bottom margin of several pages (or, the same, in the same place near them:
a running header wrapped over two lines) are dropped.

Positions are line/column in the extracted text; locators give the page (``第3页``) and, for table
cells, ``第3页 表1 第2行 第4列`` (the first table on page 3, its 2nd row, 4th column).

A PDF with no text layer (scanned images), an encrypted one, one whose fonts have no Unicode map
and a damaged one each raise :class:`InputError` with the reason.
"""

from __future__ import annotations

import gc
import io
import re
from collections import Counter
from typing import Any, Optional, Sequence

import attrs

from .. import records
from ..errors import InputError
from ..numbers import parse_cell
from ..source import Source
from ._layout import GridCell, TableEmitter, TextBuilder, clean
from ..relazy import cached_compile

# a part's heading (四、政府信息公开行政复议、行政诉讼情况): never a table's header row
_PART_START = cached_compile(r"[一二三四五六七八九十]{1,3}、")

MAX_PAGES = 500
_PAGE_NO = cached_compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－\s]*$|^page\s*\d+", re.I)
_DIGITS = cached_compile(r"\d+")
_ITEM_START = cached_compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d))")
_SENTENCE_END = "。！？!?：:；;"
_NO_LINE_START = frozenset("）》」』”’〉】〕，。、；：！？)…")
# a space between a Chinese character and a half-width letter or digit (either order): in a PDF it
# is often no character at all but the gap Word and LibreOffice leave there (自动调整中文与西文的间距)
# a figure a narrow cell wrapped over lines (``138`` / ``1`` for 1381): digits, a decimal point or
# thousands separators, and line breaks (see :func:`_wrapped_figure`)
_WRAPPED_FIGURE = cached_compile(r"-?[\d.,]+(?:\n[\d.,]+)+")
_CJK_GAP = cached_compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[\u3400-\u9fff\uf900-\ufaff])")


@records.define
class _Line:
    page: int
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    # where it is read among the page's lines and tables (its top, but for the lines of a text set in
    # two columns: the right column's after the left one's, see :func:`_columns`)
    key: float = -1.0
    column: int = 0  # 0: across the page; 1, 2: the left or right column of a text set in two
    right: Optional[float] = None  # the right edge of its column

    def __attrs_post_init__(self) -> None:
        if self.key < 0:
            self.key = self.top


@records.define
class _Table:
    page: int
    index: int  # 1-based among the tables of its page
    top: float
    bottom: float
    xs: tuple[float, float]  # left and right edge
    rows: list[list[GridCell]]
    boxes: dict[int, tuple[float, float]]  # id(cell) -> (x0, x1)
    # id(cell) of the cells holding a figure that fills the cell's width (its last line): the page
    # break may cut the figure there, its last digits at the top of the next page
    full: set[int] = attrs.field(factory=set)
    # read from its words' positions, drawn without rules (:func:`_word_tables`): its left edge is
    # that of the leftmost label the page shows, not a rule's
    ruled: bool = True
    # read from its words: the indices of lines under it that it leaves as text (see :func:`_spilled`)
    spill: set[int] = attrs.field(factory=set)
    # read from its words: the figures of its last row that fill their cells, with the left and right
    # edges of their last pieces (the page break may cut them: see :func:`_cut_figures`)
    tail: list[tuple[GridCell, float, float]] = attrs.field(factory=list)


def _missing() -> InputError:
    return InputError("GL007", "读取 PDF 需要安装可选组件：pip install 'govlint[pdf]'",
                      "reading PDF needs the optional extra: pip install 'govlint[pdf]'")


def _open_error(exc: Exception) -> InputError:
    # pdfplumber wraps pdfminer's exceptions (PdfminerException(PDFPasswordIncorrect()))
    inner = [exc] + [a for a in exc.args if isinstance(a, BaseException)]
    names = " ".join(type(e).__name__ + " " + str(e) for e in inner)
    text = f"{type(inner[-1]).__name__}: {inner[-1]}"
    if re.search(r"password|encrypt", names, re.I):
        return InputError("GL007", "PDF 已加密（需要密码才能打开），请提供未加密的版本",
                          "the PDF is encrypted (a password is needed to open it); provide an unencrypted copy")
    return InputError("GL011", "PDF 文件已损坏或被截断，无法读取",
                      f"the PDF is damaged or truncated and cannot be read ({text})")


def read_pdf(data: bytes, path: Optional[str] = None) -> Source:
    """Read a PDF (bytes) with a text layer into a :class:`Source` with page and cell locators."""
    if not data.strip():
        raise InputError("GL002", "文件为空", "the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise InputError("GL011", "这不是 PDF 文件（没有 %PDF- 文件头）", "this is not a PDF file (no %PDF- header)")
    try:
        import pdfplumber
    except ImportError:
        raise _missing() from None
    _quiet_pdfminer()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = list(pdf.pages)
    except Exception as exc:  # pdfminer raises many types for damaged or encrypted files
        raise _open_error(exc) from None
    try:
        if len(pages) > MAX_PAGES:
            raise InputError("GL006", f"PDF 有 {len(pages)} 页，超过上限 {MAX_PAGES} 页",
                             f"the PDF has {len(pages)} pages, over the limit of {MAX_PAGES}")
        try:
            lines, tables, nchars, ncid = _collect(pages)
        except InputError:
            raise
        except Exception as exc:
            raise _open_error(exc) from None
    finally:
        try:
            pdf.close()
        except Exception:  # pragma: no cover
            pass
        # pdfminer leaves the parsed document behind in reference cycles: collected now, they do not
        # pile up over the files of a batch (20 PDFs: peak memory 75 MB before, now that of one, 52 MB)
        pages = pdf = None
        gc.collect()
    if nchars == 0:
        raise InputError("GL007", "PDF 没有文字层（可能是扫描件或图片），请先做文字识别（OCR）或提供可复制文字的版本",
                         "the PDF has no text layer (a scan or images); run OCR first or provide a version with text")
    if ncid > nchars * 0.3:
        raise InputError("GL004", "PDF 的字体缺少字符编码映射，文字无法提取（复制出来是乱码）；请提供 Word 或网页版本",
                         "the PDF's fonts have no Unicode mapping, so its text cannot be extracted; provide the Word or web version")
    b = TextBuilder()
    emitter = TableEmitter(b)
    items: list[tuple[int, float, int, Any]] = [(ln.page, ln.key, 0, ln) for ln in lines]
    items += [(t.page, t.top, 1, t) for t in _join_tables(tables, lines)]
    items.sort(key=lambda x: (x[0], x[1], x[2]))
    for _, _, kind, item in items:
        if kind == 0:
            b.line(item.text, locator=f"第{item.page}页")
        else:
            emitter.emit(item.rows)
    text = b.text()
    if not text.strip():
        raise InputError("GL002", "PDF 中没有可提取的文字", "the PDF holds no text that can be extracted")
    return Source(text=text, path=path, encoding="utf-8", kind="pdf", origin=b.origin())


def _quiet_pdfminer() -> None:
    """pdfminer logs a warning for each font it finds lacking (a browser's Type 3 fonts have no
    FontBBox: 132 lines of "Could not get FontBBox…" on the standard error for one printed page);
    nothing a reader of the report can act on. Unless the application set pdfminer's logging
    itself, only its errors are logged."""
    import logging

    log = logging.getLogger("pdfminer")
    if log.level == logging.NOTSET and not log.handlers:
        log.setLevel(logging.ERROR)


# ----------------------------------------------------------------------------- pages


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and t - 1 <= cy <= b + 1 for x0, t, x1, b in boxes)


def _collect(pages: list[Any]) -> tuple[list[_Line], list[_Table], int, int]:
    lines: list[_Line] = []
    tables: list[_Table] = []
    nchars = ncid = 0
    carry: list[tuple[dict, _Line]] = []  # the previous page's last lines (see :func:`_header_carried`)
    heads: list[dict] = []  # and its first ones
    ended: Optional[_Table] = None  # the table read from its words that ends the page before
    for pno, page in enumerate(pages, 1):
        chars = page.chars
        nchars += sum(1 for c in chars if not c.get("text", "").isspace())
        found = (page.find_tables({"explicit_horizontal_lines": _open_ends(page)}) if page.edges else page.find_tables()) if chars else []
        boxes = [t.bbox for t in found]
        for k, t in enumerate(found, 1):
            tables.append(_table(pno, k, t))
        outside = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) if boxes else page
        blanks: Optional[list[dict]] = None
        page_lines = _text_lines(outside)
        on_page = [t for t in tables if t.page == pno]
        if on_page:
            last = max(on_page, key=lambda t: t.bottom)
            page_lines = [ln for ln in page_lines if not _overflows(last, ln, page_lines, page.height)]
        if ended is not None and page_lines:
            page_lines = _cut_figures(ended, page_lines, heads, min((t.top for t in on_page), default=page.height))
        if any(ln["text"].count(" ") >= _MIN_VALUES - 1 for ln in page_lines):
            every = page_lines
            rules = [(e["top"], e["x0"], e["x1"]) for e in page.edges if e.get("orientation") == "h"] if page.edges else []
            more, page_lines = _word_tables(pno, page_lines, len(found) + 1, rules)
            if carry and more and not found:
                more, page_lines, taken = _header_carried(pno, carry, heads, more, every, page_lines)
                if taken:
                    lines = [ln for ln in lines if id(ln) not in taken]
            tables.extend(more)
        carry = []
        heads = [ln for ln in page_lines if ln["top"] < 0.15 * page.height]
        on_page = [t for t in tables if t.page == pno]
        ended = max(on_page, key=lambda t: t.bottom) if on_page else None
        for ln in _columns(page_lines):
            text = ln["text"]
            if " " in text and _CJK_GAP.search(text):
                if blanks is None:
                    blanks = [c for c in chars if c.get("text", "").isspace()]
                text = _drop_gap_spaces(text, ln.get("chars") or [], blanks)
            ncid += text.count("(cid:")
            if not text.strip():
                continue
            sizes = [c.get("size", 0) for c in ln.get("chars", [])] or [10.0]
            lines.append(_Line(pno, text, ln["top"], ln["bottom"], ln["x0"], ln["x1"], max(set(sizes), key=sizes.count),
                               ln.get("key", -1.0), ln.get("column", 0), ln.get("right")))
            # the lines at the foot of the page, under its tables and above its bottom margin (its
            # page number): the first rows of a table drawn without rules that the page break cut
            # from its body — after a part's heading (四、… over table 四's first header row at the
            # foot of the page), never the heading or the text before it
            if _PART_START.match(text.lstrip()):
                carry = []
            elif ln["bottom"] <= 0.95 * page.height and not ln.get("column") and not _PAGE_NO.match(text.strip()) \
                    and all(t.bottom < ln["top"] for t in tables if t.page == pno):
                carry.append((ln, lines[-1]))
        if carry or (ended is not None and not ended.tail):
            ended = None
        for t in tables:
            if t.page == pno:
                ncid += sum(c.text.count("(cid:") for row in t.rows for c in row)
    return _paragraphs(_drop_margins(lines, pages)), tables, nchars, ncid


def _columns(lines: list[dict]) -> list[dict]:
    """The page's text lines in reading order when a stretch of it is set in two columns (a section
    in two columns, 分栏): pdfplumber joins a line of the left column and the one of the right
    column standing at the same height into one line, and gives the two columns' lines in turns; the
    text was read across the columns. A gap as wide as a character or more in the middle of the
    page, under which at least three lines hold words on both sides, is a gutter; the lines around
    it keeping clear of it are the two columns: the left one's lines are read first, then the right
    one's (each line given its column's right edge, so that a line filling its column goes on in
    the next)."""
    if len(lines) < 3:
        return lines
    lo = min(ln["x0"] for ln in lines)
    hi = max(ln["x1"] for ln in lines)
    width = hi - lo
    if width <= 0:
        return lines

    def chars_of(ln: dict) -> list[dict]:
        return sorted((c for c in ln.get("chars") or [] if not c.get("text", " ").isspace()), key=lambda c: c["x0"])

    # (a line of two columns of text has one wide gap, each side of it filling most of its column, some
    # 40% of the page's width: the rows of a table drawn without rules, words and figures apart, have
    # more, or short sides)
    gaps: list[tuple[float, float]] = []
    for ln in lines:
        cs = chars_of(ln)
        wide = [(a, b) for a, b in zip(cs, cs[1:]) if b["x0"] - a["x1"] > 1.2 * max(a.get("size", 0) or 10.0, b.get("size", 0) or 10.0)]
        if len(wide) != 1:
            continue
        a, b = wide[0]
        if lo + 0.25 * width < (a["x1"] + b["x0"]) / 2 < lo + 0.75 * width \
                and a["x1"] - cs[0]["x0"] >= 0.4 * width and cs[-1]["x1"] - b["x0"] >= 0.4 * width:
            gaps.append((a["x1"], b["x0"]))
    if len(gaps) < 3:
        return lines
    best = max(((sum(1 for a, b in gaps if a <= (g0 + g1) / 2 <= b), (g0 + g1) / 2) for g0, g1 in gaps))
    if best[0] < 3:
        return lines
    # the middle of the gutter (a line of the left column may reach into it by a half-width
    # character or two where the others end short of it)
    x = (max(a for a, b in gaps if a <= best[1] <= b) + min(b for a, b in gaps if a <= best[1] <= b)) / 2

    def side(ln: dict) -> str:
        cs = chars_of(ln)
        if not cs:
            return "none"
        if any(c["x0"] < x < c["x1"] for c in cs):
            return "cross"
        left = any(c["x1"] <= x for c in cs)
        right = any(c["x0"] >= x for c in cs)
        return "both" if left and right else "left" if left else "right"

    kinds = [side(ln) for ln in lines]
    out: list[dict] = []
    i = 0
    while i < len(lines):
        if kinds[i] == "cross":
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and kinds[j] != "cross":
            j += 1
        run = list(range(i, j))
        if sum(1 for n in run if kinds[n] == "both") < 3:
            out.extend(lines[n] for n in run)
            i = j
            continue
        # the lines after the right column's last are the left column's only one line further down
        last_right = max(n for n in run if kinds[n] in ("both", "right"))
        t_right = lines[last_right]["top"]
        end = last_right + 1
        while end < j and kinds[end] == "left" and lines[end]["top"] - t_right <= 1.5 * (lines[end]["bottom"] - lines[end]["top"]):
            end += 1
        left_parts, right_parts = [], []
        for n in range(i, end):
            ln = lines[n]
            cs = chars_of(ln)
            k = sum(1 for c in cs if c["x1"] <= x)
            if kinds[n] in ("left", "none"):
                left_parts.append(ln)
                continue
            if kinds[n] == "right":
                right_parts.append(ln)
                continue
            # split the text after its k-th character (the text's spaces are no characters)
            text, seen, cut = ln["text"], 0, len(ln["text"])
            for pos, ch in enumerate(text):
                if ch != " ":
                    if seen == k:
                        cut = pos
                        break
                    seen += 1
            lc, rc = cs[:k], cs[k:]
            left_parts.append(dict(ln, text=text[:cut].rstrip(), chars=lc, x0=lc[0]["x0"], x1=lc[-1]["x1"]))
            right_parts.append(dict(ln, text=text[cut:].strip(), chars=rc, x0=rc[0]["x0"], x1=rc[-1]["x1"]))
        col_right = max(p["x1"] for p in left_parts)
        page_right = max(p["x1"] for p in right_parts)
        last_top = lines[end - 1]["top"]
        for p in left_parts:
            out.append(dict(p, column=1, right=col_right))
        for k2, p in enumerate(right_parts, 1):
            out.append(dict(p, column=2, right=page_right, key=last_top + 1e-3 * k2))
        out.extend(lines[n] for n in range(end, j))
        i = j
    return out


def _open_ends(page: Any) -> list[dict]:
    """Horizontal rules for cells drawn open at the top or bottom: where the vertical rules of a row
    of cells end together and no horizontal rule joins them there, though one does above (or below)
    them. A browser printing a table cut by the page break draws the cut row's cells with their
    sides only; a row moved to the next page whole lost its top rule to the row above it (collapsed
    borders). Such a row was no table row: its text came out as a line between the tables, its
    numbers joined to its label (``6.属于四类过程性信息0 0 0``), the table one row short."""
    hs = _joined_rules([e for e in page.edges if e["orientation"] == "h"])
    vs = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= 3]
    if not hs or len(vs) < 2:
        return []

    by_x: dict[int, list[dict]] = {}
    for v in vs:
        by_x.setdefault(int(v["x0"]), []).append(v)

    def near(x: float) -> list[dict]:  # the vertical rules within 2 pt of x (and a few more)
        k = int(x)
        return [w for d in (-2, -1, 0, 1, 2) for w in by_x.get(k + d, ())]

    def reach(v: dict, end: str) -> float:
        """How far the rule goes from ``v`` away from its ``end``, over pieces drawn end to end."""
        y = v["bottom"] if end == "top" else v["top"]
        moved = True
        while moved:
            moved = False
            for w in near(v["x0"]):
                if abs(w["x0"] - v["x0"]) <= 1.5 and (abs(w["top"] - y) <= 1.5 if end == "top" else abs(w["bottom"] - y) <= 1.5):
                    y = w["bottom"] if end == "top" else w["top"]
                    moved = True
        return y

    out: list[dict] = []
    for end in ("top", "bottom"):
        other = "top" if end == "bottom" else "bottom"
        by_y: dict[int, list[dict]] = {}
        for v in vs:
            by_y.setdefault(int(v[end]), []).append(v)
        for y in _cluster([v[end] for v in vs], 1.0):
            # (a rule drawn in pieces, one a row, goes on past y: the sides of a cell spanning rows)
            ends = sorted((v for d in (-2, -1, 0, 1, 2) for v in by_y.get(int(y) + d, ()) if abs(v[end] - y) <= 1.0
                           and not any(abs(w[other] - y) <= 1.5 and abs(w["x0"] - v["x0"]) <= 1.5 for w in near(v["x0"]))),
                          key=lambda v: v["x0"])
            for a, b in zip(ends, ends[1:]):
                lo, hi = a["x1"], b["x0"]
                if hi - lo < 3:
                    continue
                spans = [h for h in hs if h["x0"] <= lo + 1.5 and h["x1"] >= hi - 1.5]
                if any(abs(h["top"] - y) <= 1.5 for h in spans):
                    continue  # closed
                if end == "bottom":
                    far = max(reach(a, end), reach(b, end))
                    sides = any(far - 1.5 <= h["top"] <= y - 3 for h in spans)
                else:
                    far = min(reach(a, end), reach(b, end))
                    sides = any(y + 3 <= h["top"] <= far + 1.5 for h in spans)
                if not sides:
                    continue  # no rule at the other end: two lines, not the sides of a cell
                out.append({"object_type": "rect_edge", "orientation": "h", "x0": lo, "x1": hi, "top": y, "bottom": y,
                            "width": hi - lo, "height": 0.0, "doctop": y, "y0": page.height - y, "y1": page.height - y})
    return out


def _joined_rules(hs: list[dict]) -> list[dict]:
    """Horizontal rules drawn in pieces (a border a cell) joined into one, as pdfplumber joins them."""
    out: list[dict] = []
    for h in sorted(hs, key=lambda h: (round(h["top"] * 2), h["x0"])):
        if out and abs(out[-1]["top"] - h["top"]) <= 0.5 and h["x0"] <= out[-1]["x1"] + 1.5:
            out[-1]["x1"] = max(out[-1]["x1"], h["x1"])
        else:
            out.append({"top": h["top"], "x0": h["x0"], "x1": h["x1"]})
    return [h for h in out if h["x1"] - h["x0"] >= 3]


def _overflows(t: _Table, ln: dict, lines: list[dict], height: float) -> bool:
    """Is ``ln`` the rest of the text of the cells at the bottom of ``t``, printed below them (and
    then put into them)? A browser that cuts a row spanning two rows at the page break draws the
    cells' sides to the end of the first row but their text whole (``结果`` in the cell, ``维持``
    under the table): the line lies right under the table, each of its words within one of the
    cells of the table's last row that hold text, one word a cell, and nothing but the page's
    margin below it."""
    chars = [c for c in ln.get("chars") or [] if not c.get("text", " ").isspace()]
    size = max((c.get("size", 0) for c in chars), default=0)
    if not chars or size <= 0 or not (t.bottom - 2 <= ln["top"] <= t.bottom + 0.6 * size):
        return False
    if any(o is not ln and o["top"] > ln["top"] and o["top"] < 0.91 * height for o in lines):
        return False
    end = max(c.row + c.rowspan for r in t.rows for c in r)
    cells = [c for r in t.rows for c in r if c.row + c.rowspan == end and c.text]
    words: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: c["x0"]):
        if words and c["x0"] - words[-1][-1]["x1"] < 0.3 * size:
            words[-1].append(c)
        else:
            words.append([c])
    into: dict[int, tuple[GridCell, str]] = {}
    for w in words:
        x0, x1 = w[0]["x0"], w[-1]["x1"]
        cell = next((c for c in cells if t.boxes[id(c)][0] - 0.5 <= x0 and x1 <= t.boxes[id(c)][1] + 0.5), None)
        if cell is None or id(cell) in into:
            return False
        into[id(cell)] = (cell, "".join(c["text"] for c in w))
    for cell, text in into.values():
        joined = cell.text + "\n" + text
        cell.text, cell.offs = clean(list(joined), [-1] * len(joined))
    return True


def _on_baseline(c: dict) -> dict:
    """``c`` with its box set from its baseline and size (0.88 em above, 0.12 em below), the same for
    every font: pdfminer boxes a character by its font's descent, so in one line a digit set in a
    Latin font and the Chinese characters around it sit at different heights (5 pt apart at 24 pt,
    Liberation Serif beside Noto Sans CJK, as a browser prints a page's title), more than
    pdfplumber's tolerance; the line came out as two (``××局 年政府信息公开工作年度报告`` and ``2022``)."""
    m = c.get("matrix")
    size = c.get("size") or 0.0
    if not m or not c.get("upright", True) or size <= 0 or abs(m[1]) > 1e-6 or abs(m[2]) > 1e-6 or "y1" not in c:
        return c
    base = c["top"] + (c["y1"] - m[5])  # the baseline, measured from the top of the page
    top = base - 0.88 * size
    d = top - c["top"]
    if abs(d) < 0.01 and abs(base + 0.12 * size - c["bottom"]) < 0.01:
        return c
    out = dict(c)
    out["top"], out["bottom"] = top, base + 0.12 * size
    if "doctop" in c:
        out["doctop"] = c["doctop"] + d
    return out


def _text_lines(page: Any) -> list[dict]:
    """The page's text lines (pdfplumber's), the characters grouped by their baselines (see
    :func:`_on_baseline`)."""
    from pdfplumber.utils import chars_to_textmap

    chars = [_on_baseline(c) for c in page.chars]
    tm = chars_to_textmap(chars, layout_bbox=page.bbox, layout_width=page.width, layout_height=page.height,
                          keep_blank_chars=False)
    return tm.extract_text_lines(strip=True, return_chars=True)


def _drop_gap_spaces(text: str, chars: list[dict], blanks: list[dict]) -> str:
    """``text`` without the spaces pdfplumber wrote for a mere gap between a Chinese character and a
    half-width letter or digit (``2023 年 3 月`` for 2023年3月 set in 三号 with CJK/Latin spacing:
    the gap, 0.2–0.25 em, passes pdfplumber's fixed 3pt word gap from about 14pt up). A space
    typed in the document (a blank glyph between the two characters) stays, and so does a gap wider
    than a character."""
    if len(chars) != len(text) - text.count(" "):
        return text  # not one character per non-space: leave the line as it is
    out, last, nsp = [], 0, 0
    pos = 0
    for m in _CJK_GAP.finditer(text):
        i = m.start()
        nsp += text.count(" ", pos, i)
        pos = i
        a, b = chars[i - 1 - nsp], chars[i - nsp]  # the characters before and after the space
        lo, hi, mid = a["x1"] - 0.5, b["x0"] + 0.5, (a["top"] + a["bottom"]) / 2
        # a gap wider than a character is no spacing but a separation (a browser's margin: the
        # date and time at the left, the page's title in the middle): it stays a space
        if b["x0"] - a["x1"] > max(a.get("size", 0), b.get("size", 0)):
            continue
        if not any(lo <= c["x0"] and c["x1"] <= hi and c["top"] <= mid <= c["bottom"] for c in blanks):
            out.append(text[last:i])
            last = i + 1
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(bounds: list[float], v: float, tol: float = 2.0) -> int:
    for i, b in enumerate(bounds):
        if abs(b - v) <= tol:
            return i
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _table(pno: int, k: int, t: Any) -> _Table:
    """One table of one page; grid columns are assigned later (:func:`_assign_columns`), once tables
    continued across pages are joined, because a page may not show every column boundary."""
    cells = t.cells
    ys = _cluster([c[1] for c in cells] + [t.bbox[3]])
    texts = t.extract()
    rows: list[list[GridCell]] = []
    boxes: dict[int, tuple[float, float]] = {}
    full: set[int] = set()
    x0, top, x1, bottom = t.bbox
    chars = [c for c in t.page.chars if not c.get("text", " ").isspace()
             and x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    for ri, row in enumerate(t.rows):
        out: list[GridCell] = []
        for ci, box in enumerate(row.cells):
            if box is None:
                continue
            raw = (texts[ri][ci] if ri < len(texts) and ci < len(texts[ri]) else "") or ""
            fills = _figure_lines(chars, box) if _WRAPPED_FIGURE.fullmatch(raw + "\n0") else []
            if len(fills) == raw.count("\n") + 1 > 1 and all(fills[:-1]):
                raw = raw.replace("\n", "")
            text, offs = clean(list(raw), [-1] * len(raw))
            r0, r1 = _index(ys, box[1]), _index(ys, box[3])
            cell = GridCell(text, offs, row=r0, rowspan=max(1, r1 - r0), locator=f"第{pno}页 表{k} 第{ri + 1}行")
            boxes[id(cell)] = (box[0], box[2])
            if fills and fills[-1]:
                full.add(id(cell))
            out.append(cell)
        rows.append(out)
    return _Table(pno, k, t.bbox[1], t.bbox[3], (t.bbox[0], t.bbox[2]), rows, boxes, full)


def _figure_lines(chars: list[dict], box: tuple[float, float, float, float]) -> list[bool]:
    """For each line of the figure in the cell ``box`` (``chars``: the table's characters), does it
    fill the cell? Word and LibreOffice break a figure wider than its cell anywhere (``138`` / ``1``
    for 1381: A5 pages, a 三号 table, bold figures, table 三's seven columns on a narrow page): each
    line but the last then fills the cell — what is left of the cell's width beside it (the cell's
    padding, up to about 6pt a side) is less than the next line's first digit. Figures set on lines
    of their own in a wide cell leave more room and stay apart. The last line is measured against
    a digit of its own: a figure the page break may have cut, its last digits on the next page."""
    x0, top, x1, bottom = box
    inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    lines: list[list[dict]] = []
    for c in sorted(inside, key=lambda c: (c["top"], c["x0"])):
        if lines and abs(c["top"] - lines[-1][0]["top"]) < 0.5 * max(c.get("size", 0), 1.0):
            lines[-1].append(c)
        else:
            lines.append([c])
    out = []
    for a, b in zip(lines, lines[1:] + [lines[-1][-1:]] if lines else []):
        size = max(c.get("size", 0) for c in a)
        used = max(c["x1"] for c in a) - min(c["x0"] for c in a)
        nxt = min(b, key=lambda c: c["x0"])
        out.append((x1 - x0) - used < (nxt["x1"] - nxt["x0"]) + 2 * max(6.0, 0.6 * size))
    return out


def _assign_columns(tables: list[_Table]) -> None:
    """Grid columns from the union of the cell edges of all parts of one (joined) table."""
    edges = _cluster([x for t in tables for (a, b) in t.boxes.values() for x in (a, b)])
    for t in tables:
        for row in t.rows:
            for c in row:
                a, b = t.boxes[id(c)]
                c.col = _index(edges, a)
                c.colspan = max(1, _index(edges, b) - c.col)
                c.locator = f"{c.locator} 第{c.col + 1}列"


def _drop_margins(lines: list[_Line], pages: list[Any]) -> list[_Line]:
    """Drop page numbers and running headers/footers (lines in the top or bottom margin)."""
    heights = {i: p.height for i, p in enumerate(pages, 1)}

    def in_margin(ln: _Line) -> bool:
        h = heights.get(ln.page, 842.0)
        return ln.top < 0.09 * h or ln.bottom > 0.91 * h

    repeated = Counter(ln.text.strip() for ln in lines if in_margin(ln))
    npages = len(pages)
    # a running footer that carries the page number (a browser's ``https://….html 2/7``, ``第2页 共7页
    # ××局``) differs on every page: it repeats with its numbers left out, on most pages
    pages_of = {}
    for ln in lines:
        if in_margin(ln) and _DIGITS.search(ln.text):
            pages_of.setdefault(_DIGITS.sub("#", ln.text.strip()), set()).add(ln.page)
    most = max(2, (npages + 1) // 2)
    # a running header wrapped over two lines (a long title on a narrow page, in large type) reaches
    # past the margin: a line near the top or the bottom of the page that stands, the same, in the
    # same place on most pages is one too (``报告`` under ``××局2021年政府信息公开工作年度``)
    placed: dict[str, list[_Line]] = {}
    for ln in lines:
        h = heights.get(ln.page, 842.0)
        if ln.top < 0.15 * h or ln.bottom > 0.85 * h:
            placed.setdefault(ln.text.strip(), []).append(ln)

    def running(ln: _Line) -> bool:
        same = placed.get(ln.text.strip(), ())
        return len({o.page for o in same if abs(o.top - ln.top) <= 1.5}) >= most

    out = []
    for ln in lines:
        if npages >= 2 and running(ln):
            continue
        if in_margin(ln):
            s = ln.text.strip()
            if _PAGE_NO.match(s) or (npages >= 2 and repeated[s] >= 2):
                continue
            if npages >= 2 and len(pages_of.get(_DIGITS.sub("#", s), ())) >= most:
                continue
        out.append(ln)
    return out


def _paragraphs(lines: list[_Line]) -> list[_Line]:
    """Join visual lines into paragraphs (see the module doc)."""
    if not lines:
        return lines
    right = {}
    left = {}
    for ln in lines:
        right[ln.page] = max(right.get(ln.page, 0.0), ln.x1)
        left[ln.page] = min(left.get(ln.page, 1e9), ln.x0)
    # the gap between the lines of a paragraph: the most common one, of the whole file (a page may
    # hold a table and a few headings only); a paragraph set apart by spacing before or after it
    # (段前/段后) stands wider apart — a title as wide as the page is not joined to the paragraph
    # under it
    gaps = Counter(round(b.top - a.bottom) for a, b in zip(lines, lines[1:])
                   if a.page == b.page and 0 <= b.top - a.bottom < 1.5 * max(a.size, 1.0))
    lead = gaps.most_common(1)[0][0] if gaps else None
    out: list[_Line] = []
    for i, ln in enumerate(lines):
        if out:
            prev = out[-1]
            # a line that runs to the right margin goes on; Latin words and numbers wrap whole, so
            # before one the line may stop short by the width of the word
            slack = 1.5 if not ln.text[:1].isascii() else 1.5 + 0.55 * len(re.match(r"[!-~]*", ln.text).group())
            # punctuation that may not start a line (``）》，``) takes the characters before it along
            # to the next line: the line before stops short by their width
            slack += max((k + 1 for k, ch in enumerate(ln.text[:4]) if ch in _NO_LINE_START), default=0)
            full = prev.x1 >= (prev.right if prev.right is not None else right[prev.page]) - slack * max(prev.size, 1.0)
            ends = prev.text.rstrip()[-1:] in _SENTENCE_END
            same_size = abs(prev.size - ln.size) < 0.6
            apart = lead is not None and ln.page == prev.page and ln.top - prev.bottom > lead + 0.5 * max(prev.size, 1.0)
            if full and not ends and same_size and not apart and not _ITEM_START.match(ln.text) and _adjacent(prev, ln):
                prev.text = _join(prev.text, ln.text)
                prev.x1, prev.bottom = ln.x1, ln.bottom
                prev.column, prev.right = ln.column, ln.right
                continue
            # (a centred line wraps only when it fills the width: a short title and the first line
            # of an indented paragraph under it are two)
            wrapped = prev.x1 - prev.x0 >= right[prev.page] - left[prev.page] - 3 * max(prev.size, 1.0)
            if len(out) == 1 and i == 1 and wrapped and _centred(prev, left, right) and _centred(ln, left, right) \
                    and same_size and prev.page == ln.page and ln.top - prev.bottom < 2 * prev.size:
                prev.text = _join(prev.text, ln.text)  # a title wrapped over two centred lines
                prev.x1, prev.bottom = max(prev.x1, ln.x1), ln.bottom
                continue
        out.append(attrs.evolve(ln))
    return out


def _adjacent(a: _Line, b: _Line) -> bool:
    if a.page == b.page:
        if a.column == 1 and b.column == 2 and b.top < a.bottom:
            return True  # from the foot of the left column to the head of the right one
        return 0 <= b.top - a.bottom < 1.5 * max(a.size, 1.0)
    return b.page == a.page + 1


def _centred(ln: _Line, left: dict, right: dict) -> bool:
    lo, hi = left[ln.page], right[ln.page]
    mid = (lo + hi) / 2
    return ln.x0 > lo + 2 * ln.size and abs((ln.x0 + ln.x1) / 2 - mid) < 2 * ln.size


def _join(a: str, b: str) -> str:
    a, b = a.rstrip(), b.lstrip()
    if a and b and (ord(a[-1]) < 0x2E80 and ord(b[0]) < 0x2E80) and a[-1].isalnum() and b[0].isalnum():
        return a + " " + b
    return a + b


# ----------------------------------------------------------------------------- tables across pages


def _has_number(row: list[GridCell]) -> bool:
    return any(c.text and parse_cell(c.text).kind == "number" for c in row)


def _join_tables(tables: list[_Table], lines: list[_Line]) -> list[_Table]:
    """Join a table with its continuation on the next page (see the module doc)."""
    groups: list[list[_Table]] = []
    for t in tables:
        if groups and _continues(groups[-1][-1], t, lines):
            groups[-1].append(t)
        else:
            groups.append([t])
    out: list[_Table] = []
    for group in groups:
        for k in range(1, len(group)):
            _snap_edges(group[:k], group[k])
        _assign_columns(group)
        first = attrs.evolve(group[0], rows=[list(r) for r in group[0].rows])
        for t in group[1:]:
            _append(first, t)
        out.append(first)
    return out


def _edge_tolerance(a: list[float], b: list[float], ruled: bool) -> float:
    """How far apart the same column edge may stand in two parts of one table (``a``, ``b``: their
    edges). Rules are drawn where they are: 3 pt. A table drawn without rules has its value
    columns' edges estimated from its figures' centres (:func:`_grid_table`): figures set at the
    left of their cells, four digits on one page and one or two on the next, put them a few points
    apart (7 pt, 10.5 pt with 10.5 pt digits in 45 pt columns) — a third of the columns' middle
    width (not the narrowest: the first value column runs from the labels' edge to the middle of
    its figure and the next, 27 pt under one-digit figures)."""
    if ruled:
        return 3.0
    widths = sorted(y - x for e in (a, b) for x, y in zip(e, e[1:]))
    return max(3.0, 0.3 * widths[len(widths) // 2]) if widths else 3.0


def _snap_edges(before: list[_Table], t: _Table) -> None:
    """Set the column edges of ``t``, continuing the parts ``before`` of its table on the next page,
    on theirs when either is drawn without rules (its edges estimated, see :func:`_edge_tolerance`):
    the same column is one grid column, each cell of a row the page break cut in the column of its
    part above."""
    if t.ruled and all(p.ruled for p in before):
        return
    ref = _cluster([x for p in before for ab in p.boxes.values() for x in ab])
    own = _cluster([x for ab in t.boxes.values() for x in ab])
    if not ref or not own:
        return
    tol = _edge_tolerance(ref, own, False)

    def snap(x: float) -> float:
        y = min(ref, key=lambda y: abs(y - x))
        return y if abs(y - x) <= tol else x

    t.boxes = {k: (snap(a), snap(b)) for k, (a, b) in t.boxes.items()}


def _continues(prev: _Table, t: _Table, lines: list[_Line]) -> bool:
    if t.page != prev.page + 1 or t.index != 1:
        return False
    a = _cluster([x for ab in prev.boxes.values() for x in ab])
    b = _cluster([x for ab in t.boxes.values() for x in ab])
    tol = _edge_tolerance(a, b, prev.ruled and t.ruled)
    if (abs(prev.xs[0] - t.xs[0]) > 3 and prev.ruled and t.ruled) or abs(prev.xs[1] - t.xs[1]) > tol:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not all(any(abs(x - y) <= tol for y in large) for x in small):
        return False  # different columns: another table
    between = [ln for ln in lines if (ln.page == prev.page and ln.top > prev.bottom) or (ln.page == t.page and ln.top < t.top)]
    return not between


def _append(prev: _Table, t: _Table) -> None:
    rows = [list(r) for r in t.rows]
    base = max((c.row + c.rowspan for r in prev.rows for c in r), default=0)
    # a header repeated at the top of the new page
    header = []
    for r in prev.rows:
        if _has_number(r):
            break
        header.append([c.text for c in r])
    k = 0
    while k < len(rows) and k < len(header) and [c.text for c in rows[k]] == header[k]:
        k += 1
    if k:
        rows = rows[k:]
    shift = min((c.row for r in rows for c in r), default=0)
    # a row cut in two by the page break: label text continues, its value cells are empty
    if rows and prev.rows:
        first = rows[0]
        last_row = max(c.row for r in prev.rows for c in r)
        covering = {}
        for r in prev.rows:
            for c in r:
                if c.row <= last_row < c.row + c.rowspan:
                    for col in range(c.col, c.col + c.colspan):
                        covering[col] = c
        last_has_numbers = any(c.text and parse_cell(c.text).kind == "number" for c in covering.values())
        # figures at the top of the new page are the rest of figures cut (each above it filled its
        # cell, see :func:`_continues_cell`) unless a label starts a numbered item (``5.属于三类…``):
        # that is a row of its own
        figures = [c for c in first if c.text and parse_cell(c.text).kind == "number"]
        own = bool(figures) and any(_ITEM_START.match(c.text) for c in first if c.text)
        if last_has_numbers and not own and any(c.text for c in first):
            # the rest of a cut row is drawn in the cells of that row, each as wide as its part above;
            # a row of other cells (a block's heading across the table, ``第二十条第（六）项``, after
            # ``行政许可 | 0``) is a row of its own
            # the rest of a figure that filled its cell (1381 cut as ``30`` / ``9``) is its last
            # digits
            same = all(c.col in covering and covering[c.col].col == c.col and covering[c.col].colspan == c.colspan
                       for c in first)
            ok = same and all((not c.text) or _continues_cell(covering[c.col], c, prev.full) for c in first)
            if ok:
                for c in first:
                    target = covering[c.col]
                    if c.text:
                        sep = "" if id(target) in prev.full else "\n"
                        target.text, target.offs = clean(list(target.text + sep + c.text),
                                                         [-1] * (len(target.text) + len(sep) + len(c.text)))
                    # a label spanning rows (``（三）不予公开``) goes on over the rows after the cut one
                    # (in a table drawn without rules: down to the next cell in its columns; the rest
                    # of its text over the first line of figures was read as a header cell)
                    more = c.rowspan - 1
                    if not t.ruled:
                        cols = range(c.col, c.col + c.colspan)
                        free = 0
                        while free + 1 < len(rows) and not any(d.col in cols or c.col in range(d.col, d.col + d.colspan)
                                                               for d in rows[free + 1]):
                            free += 1
                        more = max(more, free)
                    target.rowspan += more
                rows = rows[1:]
                shift = min((c.row for r in rows for c in r), default=0)
        elif (not last_has_numbers and prev.ruled and t.ruled and not _has_number(first)
              and any(c.text for c in first if c.col > 0)):
            # a header row the page break cut (rows may break across pages: Word's default): the
            # cells drawn again in the same columns, as wide, go on with their text (``自`` /
            # ``然人``, ``总`` / ``计``); the others (``商业企业`` under ``法人或其他组织``) start the
            # header's next row
            for c in [c for c in first if c.text and c.col in covering]:
                target = covering[c.col]
                if target.col != c.col or target.colspan != c.colspan or not _continues_cell(target, c, prev.full):
                    continue
                target.text, target.offs = clean(list(target.text + c.text), [-1] * (len(target.text) + len(c.text)))
                target.rowspan += c.rowspan
                first.remove(c)
            if not first:
                rows = rows[1:]
                shift = min((c.row for r in rows for c in r), default=0)
    prev.full = prev.full | t.full
    if rows and prev.rows:
        _continue_groups(prev, rows[0])
    for r in rows:
        for c in r:
            c.row = c.row - shift + base
    prev.rows.extend(rows)


def _continues_cell(above: GridCell, c: GridCell, full: set[int]) -> bool:
    """May ``c``, at the top of the next page, be the rest of the cell ``above`` the page break cut?
    Text goes on a label; digits go on a figure that filled its cell."""
    if not above.text:
        return False
    if parse_cell(above.text).kind == "text":
        return True
    return id(above) in full and bool(_WRAPPED_FIGURE.fullmatch(above.text + "\n" + c.text))


def _group_cells(row: list[GridCell]) -> list[GridCell]:
    """The label cells of a row that group rows: text cells with another text cell after them
    before the row's values."""
    texts = []
    for c in sorted(row, key=lambda c: c.col):
        if c.text and parse_cell(c.text).kind == "number":
            break
        texts.append(c)
    return texts[:-1]


def _continue_groups(prev: _Table, first: list[GridCell]) -> None:
    """A group label spanning rows (``（五）不予处理`` over its five rows) that the page break cut:
    the part on the new page (the rest of its text, or nothing) is drawn as a cell of its own in
    the same column; it is the same cell, not the label of a new group (which starts with its
    numbering: ``（六）``)."""
    last_row = max(c.row for r in prev.rows for c in r)
    open_groups = {}
    for r in prev.rows:
        for c in r:
            if c.row <= last_row < c.row + c.rowspan:
                open_groups[c.col] = c
    last = [c for c in open_groups.values()]
    keep = {id(c) for c in _group_cells(last)}
    drop = []
    for c in _group_cells(first):
        g = open_groups.get(c.col)
        if g is None or id(g) not in keep or g.colspan != c.colspan or _ITEM_START.match(c.text):
            continue
        # (the same label again — each row of a list labelled with its group, 行政复议 | 结果维持 | 1 —
        # is no rest of it: the cell goes on, its text once)
        if c.text and "".join(c.text.split()) != "".join(g.text.split()):
            g.text, g.offs = clean(list(g.text + "\n" + c.text), [-1] * (len(g.text) + 1 + len(c.text)))
        g.rowspan += c.rowspan
        drop.append(c)
    for c in drop:
        first.remove(c)


# ----------------------------------------------------------------------------- tables drawn without rules


# an item number at the start of a label, whole or cut by the column's edge (``（三`` over ``）不``)
_ITEM_CUT = cached_compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]|\d{1,2}[.．、](?!\d))")
_NUMERALS = frozenset("一二三四五六七八九十")
_MIN_VALUES = 5  # figures a line of a table drawn without rules holds (table 三's seven, 四's fifteen)


def _segments(ln: dict) -> list[dict]:
    """The runs of characters of a text line set apart by a gap of more than half a character."""
    chars = sorted((c for c in ln.get("chars") or [] if not c.get("text", " ").isspace()), key=lambda c: c["x0"])
    out: list[dict] = []
    for c in chars:
        size = c.get("size", 0) or 10.0
        if out and c["x0"] - out[-1]["x1"] <= 0.6 * size:
            s = out[-1]
            s["text"] += c["text"]
            s["x1"] = max(s["x1"], c["x1"])
            s["top"], s["bottom"] = min(s["top"], c["top"]), max(s["bottom"], c["bottom"])
        else:
            out.append({"text": c["text"], "x0": c["x0"], "x1": c["x1"], "size": size, "top": c["top"], "bottom": c["bottom"]})
    return out


def _is_figure(s: dict) -> bool:
    return parse_cell(s["text"]).kind == "number"


def _word_tables(pno: int, lines: list[dict], first: int = 1,
                 rules: Sequence[tuple[float, float, float]] = ()) -> tuple[list[_Table], list[dict]]:
    """Tables drawn without inside rules (no borders, horizontal rules only, an outer frame only),
    which pdfplumber finds no cells in, read from the positions of their words: a block of lines
    holding rows of figures in aligned columns (five or more a line: table 三's, 四's), the lines
    between them holding the rest of the row labels wrapped in their narrow columns, and the header
    lines above. The figures' centres give the value columns, the labels' left edges the label
    columns; a row starts at its line of figures, each label cell runs on over the lines below it
    in its column until the next cell of that column starts; a header cell wrapped over lines goes
    on under a line that fills its columns. The cells are given to the builder as those of a ruled
    table; read as text, the wrapped labels were glued to the totals (``8616开申请数量``). They are
    numbered on from ``first`` (after the page's ruled tables), as their locators say. ``rules``: the
    page's horizontal rules (top, left and right end), the rows' edges in a header drawn with them."""
    lines = sorted(lines, key=lambda ln: ln["top"])
    segs = [_segments(ln) for ln in lines]
    data = [sum(1 for s in ss[1:] if _is_figure(s)) + (1 if ss and _is_figure(ss[0]) and all(_is_figure(s) for s in ss) else 0)
            >= _MIN_VALUES for ss in segs]
    tables: list[_Table] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if not data[i] or i in used:
            i += 1
            continue
        size = max(s["size"] for s in segs[i])
        # the value columns: the figures' centres
        figs = [s for s in segs[i] if _is_figure(s)]
        # (and the columns whose figure its narrow cell wrapped over the lines around the row's,
        # vertically centred: lines of digits only, right over or under it, beside its figures)
        mid = (lines[i]["top"] + lines[i]["bottom"]) / 2
        for n in (i - 1, i + 1):
            if 0 <= n < len(lines) and segs[n] and not data[n] and all(s["text"].isdigit() for s in segs[n]) \
                    and abs((lines[n]["top"] + lines[n]["bottom"]) / 2 - mid) <= 1.5 * size:
                figs += [s for s in segs[n] if not any(t["x0"] < s["x1"] and s["x0"] < t["x1"] for t in segs[i])]
        centres = _cluster([(s["x0"] + s["x1"]) / 2 for s in figs], 0.5 * size)
        if len(centres) < _MIN_VALUES:
            i += 1
            continue
        step = min(b - a for a, b in zip(centres, centres[1:]))
        # the label area ends before the first figure (set at the left of its cell, its centre is
        # not that of the column: a label may reach past it)
        left = max(centres[0] - step / 2, min(s["x0"] for s in figs) - 1)

        def in_columns(n: int) -> bool:
            """Does each figure of line ``n`` stand in one value column (set at its left, middle or
            right: a figure of one digit under one of four)?"""
            vals = [s for s in segs[n] if s["x0"] >= left - 1]
            return all(any(c - step / 2 - 1 <= s["x0"] and s["x1"] <= c + step / 2 + 1 for c in centres) for s in vals)

        def _rows_on(n: int) -> bool:
            """Do the lines from ``n`` on hold labels only, close together, down to a line of figures
            in the table's columns?"""
            while n < len(lines) and not data[n]:
                if not segs[n] or any(s["x1"] > left + 1 for s in segs[n]) or n + 1 == len(lines):
                    return False
                g = lines[n + 1]["top"] - lines[n]["bottom"]
                if g > (3 * size if data[n + 1] else max(gap or 0.0, 0.5 * size) + 1.0):
                    return False
                n += 1
            return n < len(lines) and in_columns(n)

        gap = None
        wide = 0.0  # the widest gap between rows set apart
        j = i + 1
        while j < len(lines):
            g = lines[j]["top"] - lines[j - 1]["bottom"]
            if data[j] and not in_columns(j):
                break
            if not data[j] and not all(s["x1"] <= left + 1 or _figure_rest(s, centres, step) for s in segs[j]):
                break
            if gap is not None and g > max(gap + 1.0, 0.5 * size):
                # rows set wider apart (taller rows, their labels and figures centred in them): the
                # table goes on only to a line of figures in its columns, over lines of labels
                if g > 3 * size or not _rows_on(j):
                    break
                wide = max(wide, g)
            else:
                gap = g if gap is None else max(gap, g)
            j += 1
        end = j  # (the label of the last row wrapped over the lines under it: they stay with it)
        body = list(range(i, end))
        if gap is None:
            gap = 0.5 * size
        right = centres[-1] + step / 2
        # the header: lines right above, within the table, a line of one piece only if it keeps to
        # the label area or the value area
        # (the lines of labels right over the first row's figures, close together, are the table's
        # wherever they start — a group label further left than any in the body of a page the table
        # goes on to, ``年度办`` / ``理结果`` of ``三、本年度办理结果``, see :func:`_continue_groups` —
        # down from one starting a numbered item (that row's label, vertically centred) or from one
        # holding labels of two columns (no paragraph of text: the rest of a row the page break cut))
        labels_from = i
        n = i
        while n > 0 and n - 1 not in used and segs[n - 1] and not data[n - 1] \
                and all(s["x1"] <= left + 1 for s in segs[n - 1]) and lines[n]["top"] - lines[n - 1]["bottom"] <= max(gap or 0.0, 0.5 * size):
            n -= 1
            if len(segs[n]) > 1 or (labels_from == i and any(_ITEM_CUT.match(s["text"]) for s in segs[n])):
                labels_from = n
        k = i
        # (how far left of the body a header word may start: in a table of figures only, table 四,
        # the first column's words centred over figures set at the right of their cells stand
        # left of them by up to a column's width)
        reach = 2 * size if any(s["x1"] <= left + 1 for n in body for s in segs[n]) else max(2 * size, step)
        while k > 0 and k - 1 not in used:
            ln, below = lines[k - 1], lines[k]
            ss = segs[k - 1]
            if not ss or data[k - 1] or below["top"] - ln["bottom"] > max(gap, wide) + (0.5 * size if len(ss) > 1 else 1.0):
                break
            if any(s["x1"] > right + 2 or (s["x0"] < min(lines[n]["x0"] for n in body) - reach and k - 1 < labels_from)
                   for s in ss):
                break
            if len(ss) == 1 and ss[0]["x0"] < left - 1 < ss[0]["x1"]:
                break
            k -= 1
        # the first row's label vertically centred in its row: its lines above the row's figures
        # (the first starting a numbered item, all in the label columns) are no header
        m = i
        while m > k and segs[m - 1] and all(s["x1"] <= left + 1 for s in segs[m - 1]):
            m -= 1
            if any(_ITEM_CUT.match(s["text"]) for s in segs[m]):
                break
        else:
            m = i
        # and the first parts of figures wrapped in their cells, set over the row's line (vertically
        # centred) in columns where it has none, are no header either
        taken = [s for s in segs[i] if s["x1"] > left + 1]
        while m > k and segs[m - 1] and all(
                s["text"].isdigit() and s["x0"] >= left - 1 and not any(t["x0"] < s["x1"] and s["x0"] < t["x1"] for t in taken)
                for s in segs[m - 1]) and lines[i]["top"] - lines[m - 1]["bottom"] <= size:
            m -= 1
        head = list(range(k, m))
        body = list(range(m, end))
        t = _grid_table(pno, first + len(tables), lines, segs, head, body, data, centres, left, right, size, rules)
        if t is None:
            i += 1
            continue
        tables.append(t)
        used.update(n for n in head + body if n not in t.spill)
        i = end
    rest = [ln for n, ln in enumerate(lines) if n not in used]
    return tables, rest


def _shifted(ln: dict, dy: float) -> dict:
    """A text line moved down by ``dy``, its characters with it."""
    chars = [dict(c, top=c["top"] + dy, bottom=c["bottom"] + dy) for c in ln.get("chars") or []]
    return dict(ln, top=ln["top"] + dy, bottom=ln["bottom"] + dy, chars=chars)


def _header_carried(pno: int, carry: list[tuple[dict, "_Line"]], heads: list[dict], tables: list[_Table], lines: list[dict],
                    rest: list[dict]) -> tuple[list[_Table], list[dict], set[int]]:
    """The page's tables read again with the last lines of the page before set right over them, when
    the first starts the page (drawn without rules): a table whose header the page break cut, its
    first rows at the foot of one page (``申请人情况``, ``自然人 法人或其他组织 总计``) and the rest
    over its body on the next, was read as lines of text and a table with half a header; the
    running header or footer between them stays out. ``heads``: the lines at the top of the page
    before; ``lines``: the page's lines, ``rest``: those outside its tables. Returns the tables, the lines left and the ids of the previous page's lines
    now in the first table."""
    first = min(tables, key=lambda t: t.top)
    # (text over the table but the running header, standing the same in the same place on the page
    # before: the table does not go on from the page before)
    running = {(_DIGITS.sub("#", ln["text"].strip()), round(ln["top"])) for ln in heads}
    if any(ln["top"] < first.top - 1 and (_DIGITS.sub("#", ln["text"].strip()), round(ln["top"])) not in running for ln in rest):
        return tables, rest, set()
    prev = sorted((ln for ln, _ in carry), key=lambda ln: ln["top"])
    size = max((c.get("size", 0) for ln in prev for c in ln.get("chars") or []), default=10.0) or 10.0
    gaps = [b["top"] - a["bottom"] for a, b in zip(prev, prev[1:]) if b["top"] >= a["bottom"]]
    dy = first.top - min(gaps, default=0.3 * size) - prev[-1]["bottom"]
    moved = [dict(_shifted(ln, dy), carried=True) for ln in prev]
    over = [ln for ln in lines if ln["top"] < first.top - 1]  # (the running header)
    again, left = _word_tables(pno, moved + [ln for ln in lines if ln["top"] >= first.top - 1], first.index)
    kept = {id(ln) for ln in left}
    taken = {id(line) for (_, line), m in zip(sorted(carry, key=lambda x: x[0]["top"]), moved) if id(m) not in kept}
    if not taken or len(again) != len(tables):
        return tables, rest, set()
    ids = {id(m) for m in moved}
    return again, over + [ln for ln in left if id(ln) not in ids], taken


def _cut_figures(t: _Table, lines: list[dict], heads: list[dict], below: float) -> list[dict]:
    """The page's lines, without the rest of figures the page break cut in the last row of ``t``
    (read from its words, ending the page before), now put back on them: a figure wider than its
    narrow cell wraps (``10`` / ``6`` for 106), and the break may fall between its lines, the last
    digits alone at the top of the next page, in the same column, set like the first (at its left,
    centred or at its right). That is the page's first line (but the running header, ``heads``: the
    lines at the top of the page before), over its first table (``below``: its top), holding digits
    only, each under a figure of the row that fills its cell and no wider."""
    running = {(_DIGITS.sub("#", ln["text"].strip()), round(ln["top"])) for ln in heads}
    first = next((ln for ln in sorted(lines, key=lambda ln: ln["top"])
                  if (_DIGITS.sub("#", ln["text"].strip()), round(ln["top"])) not in running), None)
    if first is None or first["bottom"] > below:
        return lines
    picks: dict[int, tuple[GridCell, str]] = {}
    for s in _segments(first):
        if not s["text"].isdigit():
            return lines
        mid = (s["x0"] + s["x1"]) / 2
        # (no wider than the line that filled the cell)
        hit = [c for c, x0, x1 in t.tail if s["x1"] - s["x0"] <= x1 - x0 + 1
               and (abs(x0 - s["x0"]) <= 2 or abs(x1 - s["x1"]) <= 2 or abs((x0 + x1) / 2 - mid) <= 2)]
        if len(hit) != 1 or id(hit[0]) in picks:
            return lines
        picks[id(hit[0])] = (hit[0], s["text"])
    if not picks:
        return lines
    for cell, digits in picks.values():
        cell.text, cell.offs = clean(list(cell.text + digits), [-1] * (len(cell.text) + len(digits)))
    t.tail = []
    return [ln for ln in lines if ln is not first]


def _figure_rest(s: dict, centres: list[float], step: float) -> bool:
    """Are these digits in a value column the rest of a figure its narrow cell wrapped (``10`` /
    ``6`` for 106, see :func:`_figure_lines`)?"""
    m = (s["x0"] + s["x1"]) / 2
    return s["text"].isdigit() and any(abs(m - c) <= step / 2 for c in centres)


def _label_cells(pieces: list[dict], figure_lines: set[int], rights: list[float]) -> list[list[dict]]:
    """The label pieces of a table drawn without rules grouped into cells, column by column, top to
    bottom: a piece goes on the cell above it in its column when it starts no numbered item, stands
    close under it (no wider apart than the column's lines are) and, on a line of figures, when the
    line above filled the cell (a label set at the top of its row starts on its row's figures; one
    vertically centred in its row, as many offices set their tables, has lines above them).
    ``rights``: the right edges of the label columns."""
    by_col: dict[int, list[dict]] = {}
    for p in pieces:
        by_col.setdefault(p["col"], []).append(p)
    out: list[list[dict]] = []
    for c, ps in sorted(by_col.items()):
        ps.sort(key=lambda p: p["top"])
        gaps = [b["top"] - a["bottom"] for a, b in zip(ps, ps[1:]) if b["top"] >= a["bottom"] - 1]
        lead = max(0.0, min(gaps, default=0.0))
        cur: Optional[list[dict]] = None
        for k, p in enumerate(ps):
            # (a numeral alone, its ``、`` starting the line under it: an item number a column one
            # character wide cut, ``三`` / ``、`` / ``本`` …)
            numeral = p["text"] in _NUMERALS and k + 1 < len(ps) and ps[k + 1]["text"][:1] in "、.．"
            if cur is not None and not numeral and not _ITEM_CUT.match(p["text"]):
                a = cur[-1]
                room = min((r for r in rights if r >= a["x1"] - 1), default=a["x1"]) - a["x1"]
                fills = room < 2.5 * a["size"]
                if p["top"] - a["bottom"] <= lead + 0.5 * p["size"] and (fills or p["line"] not in figure_lines):
                    cur.append(p)
                    continue
            cur = [p]
            out.append(cur)
    return out


def _aligned_row(block: list[dict], mids: list[float]) -> int:
    """The row (index into ``mids``, the middles of the lines of figures) a label cell stands in: the
    row its first line is on (set at the top), else the one its middle is on (centred), else its
    last line (at the bottom), else the nearest."""
    size = max(p["size"] for p in block)

    def near(y: float) -> tuple[float, int]:
        return min((abs(m - y), k) for k, m in enumerate(mids))

    first = (block[0]["top"] + block[0]["bottom"]) / 2
    last = (block[-1]["top"] + block[-1]["bottom"]) / 2
    middle = (block[0]["top"] + block[-1]["bottom"]) / 2
    for y, tol in ((first, 0.35), (middle, 0.5), (last, 0.35)):
        d, k = near(y)
        if d <= tol * size:
            return k
    return near(middle)[1]


def _centred_groups(blocks: list[list[dict]], rows: list[int], extents: list[tuple[float, float]],
                    figure_lines: set[int], before: Optional[float] = None) -> list[int]:
    """The rows of the label cells when group labels are vertically centred over their rows
    (``（四）无法提供`` over its three, ``三、本年度办理结果`` over all of its part on the page): such a
    label's middle is on its middle row, where :func:`_aligned_row` puts it; the group above then
    took its first rows. In each label column, bottom up, a group label (a cell beside another
    label cell of its row) spans the rows down to the row before the next cell in its column; it
    starts at the row, from the one after the cell above it down to its own, that centres it best
    over them. Only in a table whose labels are centred (some label's first line on no line of
    figures): a label set at the top of its cell starts on its row's figures, while a one-line group
    label centred over its part of the cell may stand on some row's figures too. ``rows``: the row
    (index into ``extents``) of each block; ``extents``: the top and bottom of each row's figures
    and own label (its rightmost); ``before``: where the rows start above the first (the rest of a
    row the page break cut: a label of that row goes on over it), None: at the first row's own
    text. Returns the rows."""
    n = len(extents)
    if n < 2 or len(blocks) < 2 or all(b[0]["line"] in figure_lines for b in blocks):
        return rows  # (every label set at the top of its cell)
    lo = [a for a, _ in extents]
    hi = [b for _, b in extents]
    gaps = sorted(lo[r + 1] - hi[r] for r in range(n - 1))
    pad = max(0.0, gaps[len(gaps) // 2] / 2)
    edges = [lo[0] - pad if before is None else min(before, lo[0] - pad)]
    edges += [(hi[r] + lo[r + 1]) / 2 for r in range(n - 1)] + [hi[-1] + pad]
    rows = list(rows)
    cols = sorted({b[0]["col"] for b in blocks})
    for c in cols:
        def spans(k: int) -> bool:  # does block k cover column c?
            ck = blocks[k][0]["col"]
            if ck == c:
                return True
            return ck < c and not any(rows[j] == rows[k] and ck < blocks[j][0]["col"] <= c for j in range(len(blocks)))
        starts = sorted((k for k in range(len(blocks)) if spans(k)), key=lambda k: (rows[k], blocks[k][0]["top"]))
        for pos in range(len(starts) - 1, -1, -1):
            k = starts[pos]
            b = blocks[k]
            if b[0]["col"] != c:
                continue
            if not any(rows[j] == rows[k] and blocks[j][0]["col"] > c for j in range(len(blocks))):
                continue  # no label beside it: not a group's
            end = rows[starts[pos + 1]] - 1 if pos + 1 < len(starts) else n - 1
            first = rows[starts[pos - 1]] + 1 if pos else 0
            if end < rows[k] or first > rows[k]:
                continue
            middle = (b[0]["top"] + b[-1]["bottom"]) / 2
            best = min((abs((edges[r] + edges[end + 1]) / 2 - middle), -r) for r in range(first, rows[k] + 1))
            if best[0] <= 0.5 * max(p["size"] for p in b):
                rows[k] = -best[1]
    return rows


def _leading(head: list[int], segs: list[list[dict]]) -> Optional[float]:
    """The gap between two lines of one header cell (the line's leading): the smallest gap between
    a piece and the next under it in the same place, None when no cell has two lines."""
    gaps = []
    for n, m in ((n, m) for k, n in enumerate(head) for m in head[k + 1:k + 4]):
        for a in segs[n]:
            for b in segs[m]:
                if (abs(a["x0"] - b["x0"]) <= 2 or abs(a["x0"] + a["x1"] - b["x0"] - b["x1"]) <= 4) \
                        and 0 <= b["top"] - a["bottom"] <= 0.6 * a["size"]:
                    gaps.append(b["top"] - a["bottom"])
    return min(gaps, default=None)


def _centred_header(blocks: dict[int, tuple[float, float, float, float, float]], columns: list[tuple[float, float]],
                    left: float, lead: Optional[float], span: Optional[tuple[float, float]] = None) -> Optional[dict[int, int]]:
    """The header row of each header cell (``blocks``: cell -> top and bottom of its text, left and
    right edge, size) when the header's cells are vertically centred in cells spanning rows
    (``w:vAlign``): a word centred in a cell over two rows (``自然人`` beside ``法人或其他组织`` and
    its ``商业企业``) stands on the lines of the row below; by its lines it was put in that row.

    Cells of a header tile each value column from the header's top to its bottom, each centred in
    its box: going down the cells whose text stands in a column, each box ends as far below the
    text's middle as it starts above it. The columns where the boxes so found tile the header
    exactly (its text is in every cell of the column: a spanning cell's text, at its left or its
    middle, does not reach every column it spans) give the rows' edges; each cell is in the rows
    whose edges it is centred between, the lowest cell of a column in rows down to the header's
    bottom. None when no column gives an edge between rows, or a cell is centred between none (the
    header is set at the top of its cells). ``span``: the header's top and bottom edges when its rows
    are set taller than their text (see :func:`_tall_header`), the boxes then measured from them."""
    if lead is None or not blocks or not columns:
        return None
    size = max(b[4] for b in blocks.values())
    tol = 0.25 * size
    box = {ci: (t - lead / 2, b + lead / 2, x0, x1) for ci, (t, b, x0, x1, _) in blocks.items()}
    top = min(b[0] for b in box.values()) if span is None else span[0]
    bottom = max(b[1] for b in box.values()) if span is None else span[1]
    edges = [top, bottom]
    leaves = set()  # the cells lowest in a column

    def tiles(stack: list[tuple[float, float, float, float]], y: float) -> Optional[list[float]]:
        """The edges under the boxes of a column going down from ``y``, None if they do not tile it."""
        seen = []
        for t, b, _, _ in stack:
            end = t + b - y  # (centred: as far below the middle as the box starts above it)
            if t < y - tol or end < b - tol:
                return None
            seen.append(end)
            y = end
        return seen if abs(y - bottom) <= tol else None

    stacks = []
    for c0, c1 in columns:
        stack = sorted((b for b in box.values() if b[2] >= left - 1 and min(c1, b[3]) - max(c0, b[2]) > 1), key=lambda b: b[0])
        if stack:
            leaves.add(stack[-1])
            seen = tiles(stack, top)
            if seen is None:
                stacks.append(stack)
            else:
                edges += seen[:-1]
    # a column whose first cells hold no text of theirs (the text of a cell spanning columns, at its
    # middle, does not reach it: ``行政诉讼`` over ``未经复议直接起诉`` and ``复议后起诉``) tiles the
    # header from an edge the other columns gave
    for stack in stacks if len(edges) > 2 else ():
        for y in sorted(_cluster(edges, tol)):
            seen = tiles(stack, y) if tol < y - top and y <= stack[0][0] + tol else None
            if seen is not None:
                edges += [y] + seen[:-1]
                break
    edges = _cluster(edges, tol)
    if len(edges) < 3:
        return None
    out = {}
    for ci, (t, b, _, _) in box.items():
        # (the lowest cell of a column reaches the header's bottom: a word set at the top of a cell
        # of one row under one spanning two stands where it would stand centred in both)
        last = len(edges) - 1
        fits = [(abs(edges[i] + edges[j] - t - b), i) for i in range(len(edges)) for j in range(i + 1, len(edges))
                if edges[i] <= t + tol and edges[j] >= b - tol and abs(edges[i] + edges[j] - t - b) <= 2 * tol
                and (j == last or box[ci] not in leaves)]
        if not fits:
            return None
        out[ci] = min(fits)[1]
    return out


def _ruled_header(blocks: dict[int, tuple[float, float, float, float, float]], rules: Sequence[tuple[float, float, float]],
                  top: float, bottom: float) -> Optional[dict[int, int]]:
    """The header row of each header cell (``blocks``: cell -> top and bottom of its text, left and
    right edge, size) of a table drawn with horizontal rules only, from its rules: the rules
    between the header's first line (``top``) and its body (``bottom``) are the edges of its rows,
    each drawn under the cells above it (``申请人情况`` over the value columns, ``法人或其他组织``
    over five), and a cell is in the row of the nearest rule over its text in its place. Rows set
    taller than their text (a row height, 0.9 cm) with the cells vertically centred leave no
    measure in the text's lines (:func:`_centred_header`). None when no rule runs inside the
    header or one runs through a cell's text (not an edge)."""
    if not blocks:
        return None
    size = max(b[4] for b in blocks.values())
    inner = [(y, x0, x1) for y, x0, x1 in rules if top + 1 < y < bottom - 1 and x1 - x0 >= 2 * size]
    if not inner:
        return None
    if any(t + 1 < y < b - 1 and x0 < bx1 and bx0 < x1 for y, x0, x1 in inner for t, b, bx0, bx1, _ in blocks.values()):
        return None
    edges = [top] + _cluster([y for y, _, _ in inner], 1.0)
    out = {}
    for ci, (t, b, x0, x1, _) in blocks.items():
        mid = (x0 + x1) / 2
        over = [y for y, r0, r1 in inner if y <= t + 1 and r0 - 1 <= mid <= r1 + 1]
        out[ci] = _index(edges, max(over), 1.0) if over else 0
    return out


def _tall_header(blocks: dict[int, tuple[float, float, float, float, float]], columns: list[tuple[float, float]],
                 left: float, rules: Sequence[tuple[float, float, float]] = (), floor: Optional[float] = None) -> Optional[dict[int, int]]:
    """The header row of each header cell (as :func:`_centred_header`) when the header's rows are set
    taller than their text (a row height, 0.9 cm) and its cells vertically centred, drawn without
    rules inside it: the boxes are not the text and its leading, and the header's top and bottom
    edges are not its text's. Going down a column whose cells tile it, each box ends as far below
    its text's middle as it starts above it: the header's bottom is ``a - top`` under an odd number
    of cells, ``a + top`` under an even number (``a`` from the texts' middles); a column of each
    (``申请人情况`` / ``自然人`` beside ``申请人情况`` / ``法人或其他组织`` / ``商业企业``) gives both
    edges. Each pair of such columns is tried, those most columns agree with first; then, when a
    rule is drawn over the header (an outer frame: its top edge), each column with it (the header's
    words centred across their cells too, ``申请人情况`` over none but the middle columns, no
    column may have two cells); last, with the top of the body's first line (``floor``) as its bottom
    edge."""
    size = max(b[4] for b in blocks.values())
    tol = 0.25 * size
    odd: list[float] = []
    even: list[float] = []
    for c0, c1 in columns:
        stack = sorted((b for b in blocks.values() if b[2] >= left - 1 and min(c1, b[3]) - max(c0, b[2]) > 1), key=lambda b: b[0])
        a, sign = 0.0, 1
        for t, b, _, _, _ in stack:
            a, sign = t + b - a, -sign
        if stack:
            (odd if sign < 0 else even).append(a)
    text_top = min(b[0] for b in blocks.values())
    text_bottom = max(b[1] for b in blocks.values())
    pairs = sorted({(o, e) for o in odd for e in even},
                   key=lambda p: -sum(abs(o - p[0]) <= tol for o in odd) - sum(abs(e - p[1]) <= tol for e in even))
    spans = [((o - e) / 2, (o + e) / 2) for o, e in pairs]
    x0, x1 = min(b[2] for b in blocks.values()), max(b[3] for b in blocks.values())
    over = [y for y, r0, r1 in rules if text_top - 3 * size <= y <= text_top and r0 <= x0 + 1 and r1 >= x1 - 1]
    if over:
        y = max(over)
        spans += [(y, o - y) for o in sorted(set(odd), key=lambda v: -sum(abs(o - v) <= tol for o in odd))]
        spans += [(y, e + y) for e in sorted(set(even), key=lambda v: -sum(abs(e - v) <= tol for e in even))]
    if floor is not None:
        # (no rule over it: the header ends where the body starts, its first line's top, when no
        # column of an even number of cells tiles it — ``申请人情况`` centred across the value
        # columns reaches none of those beside the middle ones)
        spans += [(o - floor, floor) for o in sorted(set(odd), key=lambda v: -sum(abs(o - v) <= tol for o in odd))]
    for top, bottom in spans:
        if top > text_top + tol or bottom < text_bottom - tol:
            continue
        out = _centred_header(blocks, columns, left, 0.0, (top, bottom))
        if out is not None:
            return out
    return None


def _right_set(segs: list[list[dict]], head: list[int], figure_lines: list[int], centres: list[float], left: float) -> float:
    """The left edge of the value columns (``left``: where the first figures start) when the figures
    are set at the right of their cells (WPS): the first column's figures end at one right edge,
    none of them wider than its cell, so the cells start a column's width (the figures' pitch) left
    of it. Measured from the figures, the label area took in the first column's left part: a header
    word centred in it (``自然人``) and a label wrapped before it (``（二）部分公开（区分处``, its
    cell filled) were read as the labels' and as not filling their cells. With one line of figures
    only, the header's words (``head``: its lines) tell: centred in their columns, they stand left
    of the figures' centres by one and the same amount."""
    if len(centres) < 2:
        return left
    pitch = sorted(b - a for a, b in zip(centres, centres[1:]))[(len(centres) - 1) // 2]
    first = [s for n in figure_lines for s in segs[n] if s["x1"] > left + 1 and abs((s["x0"] + s["x1"]) / 2 - centres[0]) < pitch / 2]
    if len(first) >= 2:
        x1s = [s["x1"] for s in first]
        x0s = [s["x0"] for s in first]
        if max(x1s) - min(x1s) <= 1.0 and max(x0s) - min(x0s) > 2.0:
            return min(left, max(x1s) - pitch)
    # (one line of figures only, at the foot of a page: the header words, centred in their
    # columns, stand left of the figures' centres by one and the same amount)
    # (words of different widths: words set at the left of their cells over centred figures stand
    # left of them by amounts that differ with their widths)
    offsets = sorted(((s["x0"] + s["x1"]) / 2 - c, s["x1"] - s["x0"]) for n in head for s in segs[n] if s["x0"] >= left - pitch
                     for c in centres if abs((s["x0"] + s["x1"]) / 2 - c) < pitch / 2)
    if len(offsets) < 4:
        return left
    mid = offsets[len(offsets) // 2][0]
    near = [w for o, w in offsets if abs(o - mid) <= 1.5]
    if mid < -2.0 and len(near) >= max(4, len(offsets) // 2) and max(near) - min(near) > 5.0:
        return min(left, centres[0] + mid - pitch / 2)
    return left


def _spilled(blocks: list[list[dict]], rows: list[int], mids: list[float], last: int) -> set[int]:
    """The lines under a table drawn without rules that its last row's label took but cannot hold,
    its labels vertically centred in their rows (some label stands over and under its row's line of
    figures): a label of the last row whose first line is on its figures or under them, none of it
    over them, is one line at most; the lines under them are text right under the table (a landscape page leaves no gap: part
    四's heading under ``四、结转下年度继续办理`` was read as the rest of that label). ``blocks``: the
    label cells, ``rows``: their rows, ``mids``: the middles of the lines of figures, ``last``: the
    last one's index among the lines. Returns the indices of the lines."""
    if not any(b[0]["bottom"] < mids[r] < b[-1]["top"] for b, r in zip(blocks, rows)):
        return set()  # (labels set at the top of their cells run on under their figures)
    # (a centred label is as much over its figures as under them: nothing of the last row's lies
    # wholly under them, nor runs on under them from their line)
    row = [b for b, r in zip(blocks, rows) if r == len(mids) - 1]
    over = {b[0]["col"] for b in row if b[0]["line"] < last}
    return {p["line"] for b in row if b[0]["line"] >= last and b[0]["col"] not in over for p in b if p["line"] > last}


def _grid_table(pno: int, k: int, lines: list[dict], segs: list[list[dict]], head: list[int], body: list[int],
                data: list[bool], centres: list[float], left: float, right: float, size: float,
                rules: Sequence[tuple[float, float, float]] = ()) -> Optional[_Table]:
    """The cells of one table drawn without rules (see :func:`_word_tables`), the page's ``k``-th table."""
    moved = _right_set(segs, head, [n for n in body if data[n]], centres, left)
    # (no further left than a label reaches: the table's lines were taken up to ``left``)
    moved = max([moved] + [s["x1"] for n in body for s in segs[n] if s["x1"] <= left + 1])
    shift = 0.0
    if moved < left:
        # (and the edges between the value columns stand as far left of the figures' middles)
        shift = moved + (centres[1] - centres[0]) / 2 - centres[0]
        left = moved
    # (lines over the first row holding labels only: the rest of a row the page break cut, its
    # labels in the label columns)
    cut = bool(head) and all(s["x1"] <= left + 1 for n in head for s in segs[n])
    label_x = _cluster([s["x0"] for n in (head + body if cut else body) for s in segs[n] if s["x1"] <= left + 1], 3.0)
    edges = label_x + [left] + [(a + b) / 2 + shift for a, b in zip(centres, centres[1:])] + [right]
    nlab = len(label_x)

    def col_of(x0: float) -> int:
        return max((k for k, e in enumerate(edges[:-1]) if e <= x0 + 3), default=0)

    def value_col(s: dict) -> int:
        m = (s["x0"] + s["x1"]) / 2
        return nlab + min(range(len(centres)), key=lambda k: abs(centres[k] - m))

    cells: list[tuple[int, int, int, list[str], float]] = []  # (row, col, colspan, pieces, last piece's width)
    # header: a cell goes on under a piece that fills the columns it stands in (on the line under
    # it: header words vertically centred in cells of different heights are set on lines between
    # each other's, ``其他`` between ``商业`` and ``企业``)
    ends: dict[int, dict] = {}  # cell index -> its last piece
    tops: dict[int, float] = {}  # cell index -> the top of its first piece
    ends_first: dict[int, dict] = {}  # cell index -> its first piece
    spans: dict[int, tuple[float, float]] = {}  # cell index -> the left and right edges of its pieces
    # (the header's pieces on the page before, its first rows the page break cut: see :func:`_header_carried`)
    before = {id(s) for n in head if lines[n].get("carried") for s in segs[n]}
    foot = max((lines[n]["bottom"] for n in head if lines[n].get("carried")), default=0.0)

    def cut_on(a: dict, s: dict) -> bool:
        """Does ``s``, on the page after the break, go on with the cell whose last piece on the page
        before is ``a``? The rest of a cell the page break cut is centred in its part on the new page,
        each cell by its own lines (``维`` / ``持`` under ``结`` / ``果`` a line lower than ``果`` / ``维`` /
        ``持`` under ``结``): it is the first piece under ``a`` in its column, wherever it stands."""
        if id(a) not in before or id(s) in before or s["top"] <= a["bottom"]:
            return False
        if a["x1"] <= left + 1:
            # (the corner cell, its words filling it)
            if not (s["x1"] <= left + 1 and abs(a["x0"] - s["x0"]) <= 2 and left - a["x1"] < 2.5 * a["size"]):
                return False
        # (a cell of the value columns going down to the foot of the page before, its words wrapped
        # in it: set at the left of the cell or centred in it, the same on both pages)
        elif not (a["bottom"] >= foot - 1.0 and s["x0"] >= left - 1 and (
                abs(a["x0"] - s["x0"]) <= 2 or abs((a["x0"] + a["x1"]) / 2 - (s["x0"] + s["x1"]) / 2) <= 2)):
            return False
        return not any(a["bottom"] <= b["top"] and b["bottom"] <= s["top"] and b["x0"] < a["x1"] and a["x0"] < b["x1"]
                       for m in head for b in segs[m])

    for n in head:
        for s in segs[n]:
            w = s["x1"] - s["x0"]
            cont = None
            for ci, a in ends.items():
                if not (-1.0 <= s["top"] - a["bottom"] <= 0.6 * a["size"]) and not cut_on(a, s):
                    continue  # (not on the line under it)
                aw = a["x1"] - a["x0"]
                same = abs(a["x0"] - s["x0"]) <= 2 or abs((a["x0"] + a["x1"]) / 2 - (s["x0"] + s["x1"]) / 2) <= 2
                ks = [k for k in range(len(edges) - 1) if min(edges[k + 1], a["x1"]) - max(edges[k], a["x0"]) > 1]
                room = (edges[ks[-1] + 1] - edges[ks[0]]) if ks else aw
                full = room - aw < 2.5 * a["size"] or a["x1"] <= left + 1
                under = [b for b in segs[n] if b["x0"] < a["x1"] and a["x0"] < b["x1"]]  # (one cell under it, not several)
                if same and not full:
                    # a word broken over two lines in a wide cell (``商业`` / ``企业``, WPS): a word of
                    # the same row in another column, centred in a cell of the same height, stands on
                    # a line between theirs (``其他``), a word of one line (not the first line of
                    # words wrapped in a narrow cell, ``结果维`` / ``持``, beside a cell of the row above)
                    mid = (a["top"] + s["top"]) / 2
                    full = any(abs(b["top"] - mid) <= 0.25 * a["size"] and (b["x1"] <= a["x0"] or b["x0"] >= a["x1"])
                               and not any(-1.0 <= d["top"] - b["bottom"] <= 0.6 * b["size"] and d["x0"] < b["x1"] and b["x0"] < d["x1"]
                                           for m2 in head for d in segs[m2])
                               for m in head for b in segs[m])
                if same and full and w <= aw + 1.5 * a["size"] and len(under) == 1:
                    cont = ci
            if cont is not None:
                cells[cont][3].append(s["text"])
                ends[cont] = s
                spans[cont] = (min(spans[cont][0], s["x0"]), max(spans[cont][1], s["x1"]))
                continue
            c0, c1 = col_of(s["x0"]), col_of(s["x1"] - 1)
            cells.append((0, c0, c1 - c0 + 1, [s["text"]], 0.0))
            ends[len(cells) - 1] = ends_first[len(cells) - 1] = s
            tops[len(cells) - 1] = s["top"]
            spans[len(cells) - 1] = (s["x0"], s["x1"])
    # rows: the cells of a header vertically centred in cells spanning rows are stacked in each
    # value column (:func:`_centred_header`); else a cell started on a line set between the lines
    # of the cells started on the line above (centred in a cell of another height) is in their row
    blocks = {ci: (ends_first[ci]["top"], ends[ci]["bottom"], spans[ci][0], spans[ci][1], ends[ci]["size"]) for ci in tops}
    centred = _ruled_header(blocks, rules, lines[head[0]]["top"], lines[body[0]]["top"]) if rules and head else None
    if centred is None:
        columns = [(edges[k], edges[k + 1]) for k in range(nlab, len(edges) - 1)]
        centred = _centred_header(blocks, columns, left, _leading(head, segs))
        if centred is None and blocks:
            centred = _tall_header(blocks, columns, left, rules, lines[body[0]]["top"])
    hrow = 0
    if centred is not None:
        for ci, r in centred.items():
            cells[ci] = (r,) + cells[ci][1:]
        hrow = max(centred.values(), default=-1) + 1
    row_bottom = None
    for ci in sorted(tops, key=tops.get) if centred is None else ():
        s0 = ends_first[ci]
        if row_bottom is None or s0["top"] >= row_bottom - 1.0:
            hrow += 1
            row_bottom = s0["bottom"]
        else:
            row_bottom = max(row_bottom, s0["bottom"])
        cells[ci] = (hrow - 1,) + cells[ci][1:]
    # body: a row at each line of figures; the label pieces of each label column are grouped into cells
    # (:func:`_label_cells`), each cell put in the row of the figures it is aligned with
    figure_lines = [n for n in body if data[n]]
    brow = hrow + len(figure_lines) - 1
    mids = []
    for n in figure_lines:
        vals = [s for s in segs[n] if s["x1"] > left + 1]
        mids.append((min(s["top"] for s in vals) + max(s["bottom"] for s in vals)) / 2)
    # the figures: those on the row's line, and the parts of figures their narrow cells wrapped,
    # on the lines under it (set at the top of the cell: ``138`` / ``1``) or around it (vertically
    # centred: ``10`` over the row's line, ``6`` under it, where the row's line has no figure)
    on_line: dict[tuple[int, int], dict] = {}
    for r, n in enumerate(figure_lines):
        for s in segs[n]:
            if s["x1"] > left + 1:
                on_line[(r, value_col(s))] = s
    parts: dict[tuple[int, int], list[dict]] = {k: [v] for k, v in on_line.items()}
    for n in body:
        if data[n]:
            continue
        for s in segs[n]:
            if s["x1"] <= left + 1:
                continue
            c = value_col(s)
            y = (s["top"] + s["bottom"]) / 2
            if not s["text"].isdigit():
                return None
            # the nearest: a row with no figure on its line, or the row above, the rest of its figure
            # (see _figure_rest; the nearer one, the row above when as near)
            options = [(abs(m - y), 1, r) for r, m in enumerate(mids) if (r, c) not in on_line and abs(m - y) <= 1.5 * s["size"]]
            above = [r for r, m in enumerate(mids) if m < y]
            if above and (above[-1], c) in on_line and parts[(above[-1], c)][-1]["text"].isdigit():
                options.append((y - mids[above[-1]], 0, above[-1]))
            if not options:
                return None
            r = min(options)[2]
            parts.setdefault((r, c), []).append(s)
    for r in range(len(figure_lines)):
        for c in range(nlab, nlab + len(centres)):
            ps = sorted(parts.get((r, c), ()), key=lambda s: s["top"])
            cells.append((hrow + r, c, 1, ["".join(s["text"] for s in ps)] if ps else [], 0.0))
    pieces = [dict(s, line=n, col=col_of(s["x0"])) for n in body for s in segs[n] if s["x1"] <= left + 1]
    blocks = _label_cells(pieces, set(figure_lines), [edges[c] for c in range(1, nlab)] + [left])
    rows_of = [_aligned_row(b, mids) for b in blocks]
    spill = _spilled(blocks, rows_of, mids, figure_lines[-1])
    # (and text goes on under them on the page: at its foot, the row the page break cut)
    if spill and (max(spill) + 1 >= len(lines) or lines[max(spill) + 1]["top"] - lines[max(spill)]["bottom"] > 2 * size):
        spill = set()
    if spill:
        t = _grid_table(pno, k, lines, segs, head, [n for n in body if n not in spill], data, centres, left, right, size, rules)
        if t is not None:
            t.spill = spill
        return t
    if len(blocks) > 1 and len(figure_lines) > 1:
        extents = []
        for r, n in enumerate(figure_lines):
            vals = [s for s in segs[n] if s["x1"] > left + 1]
            own = max((b for b, r2 in zip(blocks, rows_of) if r2 == r), key=lambda b: b[0]["col"], default=None)
            ys = [(s["top"], s["bottom"]) for s in vals] + ([(own[0]["top"], own[-1]["bottom"])] if own else [])
            extents.append((min(y[0] for y in ys), max(y[1] for y in ys)))
        rows_of = _centred_groups(blocks, rows_of, extents, set(figure_lines), lines[head[0]]["top"] if cut else None)
    rows_of = [hrow + r for r in rows_of]
    for b, row in zip(blocks, rows_of):
        c = b[0]["col"]
        top, bottom = b[0]["top"], b[-1]["bottom"]
        # the cell spans the label columns up to the next one holding a cell in its row or beside it
        stop = min((b2[0]["col"] for b2, r2 in zip(blocks, rows_of) if b2[0]["col"] > c
                    and (r2 == row or any(p["top"] < bottom and top < p["bottom"] for p in b2))), default=nlab)
        same = [k for k, (r0, c0, _, ps, _) in enumerate(cells) if r0 == row and c0 == c and c0 < nlab]
        if same:  # (two cells of one column in one row: one label)
            cells[same[0]][3].extend(p["text"] for p in b)
            continue
        cells.append((row, c, max(1, stop - c), [p["text"] for p in b], b[-1]["x1"] - b[-1]["x0"]))
    nrows = brow + 1
    top = lines[head[0] if head else body[0]]["top"]
    bottom = lines[body[-1]]["bottom"]
    grid: list[list[GridCell]] = [[] for _ in range(nrows)]
    boxes: dict[int, tuple[float, float]] = {}
    # (the figures of the last row filling their cells: each line leaves less room beside it than a
    # digit and the cell's padding, as in :func:`_figure_lines`)
    fills: dict[int, dict] = {}
    for c in range(nlab, nlab + len(centres)):
        ps = sorted(parts.get((len(figure_lines) - 1, c), ()), key=lambda s: s["top"])
        if ps and ps[-1]["text"].isdigit():
            used = ps[-1]["x1"] - ps[-1]["x0"]
            if (edges[c + 1] - edges[c]) - used < used / len(ps[-1]["text"]) + 2 * max(6.0, 0.6 * ps[-1]["size"]):
                fills[c] = ps[-1]
    tail: list[tuple[GridCell, float, float]] = []
    starts: dict[int, list[tuple[int, int]]] = {}
    for row, col, span, pieces, _ in cells:
        starts.setdefault(row, []).append((col, span))
    for row, col, span, pieces, _ in cells:
        raw = "\n".join(pieces)
        text, offs = clean(list(raw), [-1] * len(raw))
        # a label spans the rows down to the next cell started in its columns
        end = row + 1
        if pieces and col < nlab and row >= hrow:
            while end < nrows and not any(c < col + span and col < c + s for c, s in starts.get(end, ())):
                end += 1
        cell = GridCell(text, offs, row=row, rowspan=end - row, locator=f"第{pno}页 表{k} 第{row + 1}行")
        boxes[id(cell)] = (edges[col], edges[col + span])
        grid[row].append(cell)
        if row == brow and col in fills:
            tail.append((cell, fills[col]["x0"], fills[col]["x1"]))
    for row in grid:
        row.sort(key=lambda c: boxes[id(c)][0])
    return _Table(pno, k, top, bottom, (edges[0], right), grid, boxes, ruled=False, tail=tail)
