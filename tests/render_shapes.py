"""Render one report into the shapes reports are published in: text (three shapes), HTML, DOCX, PDF.

The report's content is read from a seed-shaped text file (one cell per line ending in ``|``)
*without govlint*: paragraphs and part headings are the lines that are not table lines, and the
values of tables 二/三/四 are the numeric cells of each table, in order. The tables are then laid
out like the official 2021 template (format-spec §4): merged header cells (``rowspan``/``colspan``
in HTML, merged cells in DOCX), row labels spanning several rows, each written once.

Every renderer gets the same :class:`ReportData`, so the same report in every shape must give the
same diagnostics. Defects are injected on the data (:meth:`ReportData.with_value`,
:meth:`ReportData.without_row`), never on a rendered file.
"""

from __future__ import annotations

import copy
import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

# ----------------------------------------------------------------------------- the 2021 template

FULLWIDTH = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})

T2_BLOCKS = [
    ("第二十条第（一）项", [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")],
     [("regulations", "规章"), ("normative_documents", "行政规范性文件")]),
    ("第二十条第（五）项", [("decisions", "本年处理决定数量")], [("licensing", "行政许可")]),
    ("第二十条第（六）项", [("decisions", "本年处理决定数量")], [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
    ("第二十条第（八）项", [("fee_amount", "本年收费金额（单位：万元）")], [("fees", "行政事业性收费")]),
]
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLS = ["natural", "business", "research", "nonprofit", "legal_services", "other", "total"]
# (id, label) for a data row; (label, [children]) for a group row label spanning its children
T3_ROWS: list = [
    ("new", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("三、本年度办理结果", [
        ("disclosed", "（一）予以公开"),
        ("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("（三）不予公开", [
            ("withheld.state_secret", "1.属于国家秘密"), ("withheld.prohibited", "2.其他法律行政法规禁止公开"),
            ("withheld.security", "3.危及“三安全一稳定”"), ("withheld.third_party", "4.保护第三方合法权益"),
            ("withheld.internal", "5.属于三类内部事务信息"), ("withheld.process", "6.属于四类过程性信息"),
            ("withheld.enforcement_file", "7.属于行政执法案卷"), ("withheld.inquiry", "8.属于行政查询事项")]),
        ("（四）无法提供", [
            ("unable.not_held", "1.本机关不掌握相关政府信息"), ("unable.needs_creation", "2.没有现成信息需要另行制作"),
            ("unable.unclear", "3.补正后申请内容仍不明确")]),
        ("（五）不予处理", [
            ("not_processed.petition", "1.信访举报投诉类申请"), ("not_processed.repeated", "2.重复申请"),
            ("not_processed.publication", "3.要求提供公开出版物"), ("not_processed.mass", "4.无正当理由大量反复申请"),
            ("not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息")]),
        ("（六）其他处理", [
            ("other_handling.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ("other_handling.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            ("other_handling.other", "3.其他")]),
        ("total", "（七）总计"),
    ]),
    ("carry_forward", "四、结转下年度继续办理"),
]
# the 2019 edition (国办公开办函〔2019〕60号, report years 2019 and 2020; format-spec §5): table 二's
# columns and rows, and table 三 with （六）其他处理 as one data row
T2_BLOCKS_2019 = [
    ("第二十条第（一）项", [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total_published", "对外公开总数量")],
     [("regulations", "规章"), ("normative_documents", "规范性文件")]),
    ("第二十条第（五）项", [("previous", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
     [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
    ("第二十条第（六）项", [("previous", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
     [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
    ("第二十条第（八）项", [("previous", "上一年项目数量"), ("change", "本年增/减")], [("fees", "行政事业性收费")]),
    ("第二十条第（九）项", [("projects", "采购项目数量"), ("amount", "采购总金额")], [("procurement", "政府集中采购")]),
]
T4_COLS = [f"{g}.{c}" for g in ("review", "direct", "after_review") for c in ("upheld", "corrected", "other", "pending", "total")]
T4_SUB = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T4_COLS_OF = ["upheld", "corrected", "other", "pending", "total"]  # the outcomes of each group, as T4_SUB


def _leaves(nodes: list) -> list[tuple[str, str]]:
    out = []
    for a, b in nodes:
        if isinstance(b, list):
            out += _leaves(b)
        else:
            out.append((a, b))
    return out


T3_LEAVES = _leaves(T3_ROWS)
# 2019: （六）其他处理 is one data row (format-spec §5.2)
T3_ROWS_2019: list = copy.deepcopy(T3_ROWS)
_results = T3_ROWS_2019[2][1]
_results[[a for a, _ in _results].index("（六）其他处理")] = ("other_handling", "（六）其他处理")
T2_ROWS = [(rid, [c for c, _ in cols]) for _, cols, rows in T2_BLOCKS for rid, _ in rows]


# ----------------------------------------------------------------------------- the report as data


@dataclass
class ReportData:
    title: str
    blocks: list[tuple[str, str]]  # ("p" | "h" | "table", text or table id), in document order
    values: dict[tuple[str, str, str], str]  # (table, row id, column id) -> text of the value cell
    dropped: set[tuple[str, str]] = field(default_factory=set)  # (table, row id) rows left out
    # (table, row id, column id) -> separator: the cell written together with the next one in one
    # cell ("12 3", "123"), the row's last cell left empty (as a grid converted from a page has it)
    joined: dict[tuple[str, str, str], str] = field(default_factory=dict)
    # table 四 laid out otherwise than the template (see table_grid): "folded" (a row per group:
    # 行政复议, 行政诉讼（未经复议直接起诉）, …), "folded_spans" (行政诉讼 spanning its two rows),
    # "transposed" (a row per outcome, the groups across), "listed" (a row per figure: group, outcome,
    # figure), "listed_spans" (the group cells spanning their rows); None: the template's one row of 15
    t4_layout: Optional[str] = None
    # the edition of each table's layout ("2019": table 二 of T2_BLOCKS_2019, table 三 with one
    # （六）其他处理 row); a table not named is laid out as the 2021 edition has it (see as_2019)
    editions: dict[str, str] = field(default_factory=dict)

    def with_t4_layout(self, layout: str) -> "ReportData":
        out = copy.deepcopy(self)
        out.t4_layout = layout
        return out

    def with_value(self, table: str, row: str, col: str, text: str) -> "ReportData":
        out = copy.deepcopy(self)
        assert (table, row, col) in out.values
        out.values[(table, row, col)] = text
        return out

    def with_joined(self, table: str, row: str, col: str, sep: str = "") -> "ReportData":
        out = copy.deepcopy(self)
        assert (table, row, col) in out.values
        out.joined[(table, row, col)] = sep
        return out

    def without_row(self, table: str, row: str) -> "ReportData":
        out = copy.deepcopy(self)
        out.dropped.add((table, row))
        return out


_NUM = re.compile(r"^-?\d+(?:\.\d+)?$")
_PART = re.compile(r"^[一二三四五六]、")


def load_seed(path: Path) -> ReportData:
    """Read a seed-shaped text file (cells one per line, each ending in ``|``)."""
    lines = [ln.rstrip("\r") for ln in path.read_text(encoding="utf-8").split("\n")]
    title = lines[0].strip()
    blocks: list[tuple[str, str]] = []
    numbers: dict[str, list[str]] = {}
    part: Optional[str] = None
    for ln in lines[1:]:
        s = ln.strip()
        if not s:
            continue
        if "|" in s:
            tid = {"二": "二", "三": "三", "四": "四"}.get(part or "")
            assert tid, f"table line outside parts 二/三/四: {s}"
            if not blocks or blocks[-1] != ("table", tid):
                blocks.append(("table", tid))
            for cell in s.split("|"):
                if _NUM.match(cell.strip()):
                    numbers.setdefault(tid, []).append(cell.strip())
            continue
        if _PART.match(s) and len(s) < 40:
            part = s[0]
            blocks.append(("h", s))
        else:
            blocks.append(("p", s))
    values: dict[tuple[str, str, str], str] = {}
    n2, n3, n4 = numbers.get("二", []), numbers.get("三", []), numbers.get("四", [])
    assert (len(n2), len(n3), len(n4)) == (10, 175, 15), (len(n2), len(n3), len(n4))
    it = iter(n2)
    for rid, cols in T2_ROWS:
        for c in cols:
            values[("二", rid, c)] = next(it)
    it = iter(n3)
    for rid, _ in T3_LEAVES:
        for c in T3_COLS:
            values[("三", rid, c)] = next(it)
    for c, v in zip(T4_COLS, n4):
        values[("四", "cases", c)] = v
    return ReportData(title, blocks, values)


def as_2019(data: ReportData, t2: dict[tuple[str, str], str], tables: str = "二三") -> ReportData:
    """``data`` with ``tables`` laid out in the 2019 edition: table 二 holds ``t2`` ((row, column) ->
    text, the ids of T2_BLOCKS_2019), table 三's （六）其他处理 the sum of its 2021 sub-rows."""
    out = copy.deepcopy(data)
    if "二" in tables:
        out.editions["二"] = "2019"
        out.values = {k: v for k, v in out.values.items() if k[0] != "二"}
        want = {(rid, c) for _, cols, rows in T2_BLOCKS_2019 for rid, _ in rows for c, _ in cols}
        assert set(t2) == want, set(t2) ^ want
        out.values.update({("二", r, c): v for (r, c), v in t2.items()})
    if "三" in tables:
        out.editions["三"] = "2019"
        for c in T3_COLS:
            subs = [out.values.pop(("三", r, c)) for r in ("other_handling.no_correction", "other_handling.no_fee",
                                                        "other_handling.other")]
            out.values[("三", "other_handling", c)] = str(sum(int(x) for x in subs))
    return out


# ----------------------------------------------------------------------------- tables as grids


@dataclass
class GCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    key: Optional[tuple[str, str, str]] = None  # (table, row id, column id) for a value cell
    row: int = 0  # grid position, set by _place
    col: int = 0


def _place(rows: list[list[GCell]]) -> list[list[GCell]]:
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            cell.row, cell.col = r, c
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return rows


def table_grid(data: ReportData, tid: str) -> list[list[GCell]]:
    """The table laid out like the official template (rows of cells with their spans)."""
    v = data.values
    rows: list[list[GCell]] = []
    if tid == "二":
        for caption, cols, trows in (T2_BLOCKS_2019 if data.editions.get("二") == "2019" else T2_BLOCKS):
            rows.append([GCell(caption, colspan=4)])
            # the last column spans what the block's columns leave of the table's 3
            spans = [1] * (len(cols) - 1) + [4 - len(cols)]
            rows.append([GCell("信息内容")] + [GCell(label, colspan=n) for (_, label), n in zip(cols, spans)])
            for rid, label in trows:
                if ("二", rid) in data.dropped:
                    continue
                rows.append([GCell(label)] + [GCell(v[("二", rid, c)], colspan=n, key=("二", rid, c))
                                              for (c, _), n in zip(cols, spans)])
    elif tid == "三":
        rows.append([GCell(T3_NOTE, rowspan=3, colspan=3), GCell("申请人情况", colspan=7)])
        rows.append([GCell("自然人", rowspan=2), GCell("法人或其他组织", colspan=5), GCell("总计", rowspan=2)])
        rows.append([GCell(x) for x in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")])

        def walk(nodes: list, depth: int) -> list[list[GCell]]:
            out: list[list[GCell]] = []
            for a, b in nodes:
                if isinstance(b, list):
                    sub = walk(b, depth + 1)
                    if sub:
                        sub[0].insert(0, GCell(a, rowspan=len(sub)))
                    out += sub
                elif ("三", a) not in data.dropped:
                    out.append([GCell(b, colspan=3 - depth)] + [GCell(v[("三", a, c)], key=("三", a, c)) for c in T3_COLS])
            return out

        rows += walk(T3_ROWS_2019 if data.editions.get("三") == "2019" else T3_ROWS, 0)
    elif tid == "四" and data.t4_layout in ("folded", "folded_spans"):
        spans = data.t4_layout == "folded_spans"
        rows.append([GCell("类别", colspan=2 if spans else 1)] + [GCell(x) for x in T4_SUB])
        for g, label in (("review", "行政复议"), ("direct", "未经复议直接起诉"), ("after_review", "复议后起诉")):
            cells = [GCell(v[("四", "cases", f"{g}.{c}")], key=("四", "cases", f"{g}.{c}")) for c in T4_COLS_OF]
            if g == "review":
                rows.append([GCell(label, colspan=2 if spans else 1)] + cells)
            elif spans:
                rows.append(([GCell("行政诉讼", rowspan=2)] if g == "direct" else []) + [GCell(label)] + cells)
            else:
                rows.append([GCell(f"行政诉讼（{label}）")] + cells)
    elif tid == "四" and data.t4_layout == "transposed":
        rows.append([GCell("项目", rowspan=2), GCell("行政复议", rowspan=2), GCell("行政诉讼", colspan=2)])
        rows.append([GCell("未经复议直接起诉"), GCell("复议后起诉")])
        for c, label in zip(T4_COLS_OF, T4_SUB):
            rows.append([GCell(label)] + [GCell(v[("四", "cases", f"{g}.{c}")], key=("四", "cases", f"{g}.{c}"))
                                          for g in ("review", "direct", "after_review")])
    elif tid == "四" and data.t4_layout in ("listed", "listed_spans"):
        spans = data.t4_layout == "listed_spans"
        rows.append([GCell("类别", colspan=2 if spans else 1), GCell("结果"), GCell("数量")])
        for g, label in (("review", "行政复议"), ("direct", "未经复议直接起诉"), ("after_review", "复议后起诉")):
            for k, (c, outcome) in enumerate(zip(T4_COLS_OF, T4_SUB)):
                figure = GCell(v[("四", "cases", f"{g}.{c}")], key=("四", "cases", f"{g}.{c}"))
                if not spans:
                    name = label if g == "review" else f"行政诉讼（{label}）"
                    rows.append([GCell(name), GCell(outcome), figure])
                    continue
                lead = []
                if k == 0 and g == "review":
                    lead = [GCell(label, rowspan=5, colspan=2)]
                elif k == 0:
                    lead = ([GCell("行政诉讼", rowspan=10)] if g == "direct" else []) + [GCell(label, rowspan=5)]
                rows.append(lead + [GCell(outcome), figure])
    elif tid == "四":
        rows.append([GCell("行政复议", colspan=5), GCell("行政诉讼", colspan=10)])
        rows.append([GCell(x, rowspan=2) for x in T4_SUB] + [GCell("未经复议直接起诉", colspan=5), GCell("复议后起诉", colspan=5)])
        rows.append([GCell(x) for x in T4_SUB * 2])
        if ("四", "cases") not in data.dropped:
            rows.append([GCell(v[("四", "cases", c)], key=("四", "cases", c)) for c in T4_COLS])
    for row in rows:
        for i, c in enumerate(row[:-1]):
            if c.key is not None and c.key in data.joined:
                row[i:i + 2] = [GCell(c.text + data.joined[c.key] + row[i + 1].text)]
                row.append(GCell(""))  # the cell the figures after it left
                break
    return _place(rows)


# ----------------------------------------------------------------------------- text shapes


def to_text(data: ReportData, shape: str = "cells") -> str:
    """``cells``: one cell per line ending in `` |`` (the seed); ``rows``: ``a | b | c``; ``spaced``:
    cells separated by spaces (blank cells cannot be written in this shape)."""
    out = [data.title]
    for kind, x in data.blocks:
        if kind != "table":
            out.append(x)
            continue
        for row in table_grid(data, x):
            cells = [c.text for c in row]
            if shape == "cells":
                out += [f"{c} |" for c in cells]
            elif shape == "rows":
                line = " | ".join(cells)
                out.append(f"| {line} |" if not cells[0] or not cells[-1] else line)
            else:
                out.append(" ".join(c for c in cells if c))
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- HTML


@dataclass
class Rendered:
    data: bytes
    positions: dict[tuple[str, str, str], tuple[int, int]]  # value cell -> (line, column) of its text (HTML)
    locators: dict[tuple[str, str, str], str] = field(default_factory=dict)  # value cell -> locator (DOCX)


def to_html(data: ReportData, encoding: str = "utf-8", fullwidth: bool = True) -> Rendered:
    """A whole page: navigation, breadcrumbs, a script, the article, a footer. One ``<td>`` per line."""
    fw = (lambda s: s.translate(FULLWIDTH)) if fullwidth else (lambda s: s)
    meta = '<meta charset="gbk">' if encoding.lower() in ("gbk", "gb2312", "gb18030") else f'<meta charset="{encoding}">'
    lines = [
        "<!DOCTYPE html>", "<html>", "<head>", meta, f"<title>{html.escape(data.title)}_门户网站</title>",
        "<style>td { border: 1px solid #000 }</style>",
        "<script>var nav = '<td>1</td>'; if (a < b && c) { document.write(nav); }</script>",
        "</head>", "<body>",
        '<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>'
        '<li><a href="/hd">互动交流</a></li></ul></div>',
        '<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开年报</a></div>',
        '<div class="article">',
        f'<h1 class="article-title">{html.escape(fw(data.title))}</h1>',
        '<div id="zoom">',
    ]
    positions: dict[tuple[str, str, str], tuple[int, int]] = {}
    for kind, x in data.blocks:
        if kind == "h":
            lines.append(f"<p><strong>{html.escape(fw(x))}</strong></p>")
        elif kind == "p":
            lines.append(f"<p>&nbsp;&nbsp;{html.escape(fw(x))}</p>")
        else:
            lines.append('<table border="1" cellspacing="0"><tbody>')
            for row in table_grid(data, x):
                lines.append("<tr>")
                for c in row:
                    attrs = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
                    text = html.escape(c.text)
                    if c.key is None and c.text in ("商业企业", "科研机构", "结果纠正", "其他结果", "尚未审结"):
                        text = f"{text[:2]}<br>{text[2:]}"  # wrapped header words, as pages write them
                    if c.key is None and c.text == "自然人":
                        text = "自&nbsp;然&nbsp;人"
                    prefix = f'<td{attrs}><p align="center"><span>'
                    lines.append(f"{prefix}{text}</span></p></td>")
                    if c.key is not None and c.text:
                        positions[c.key] = (len(lines), len(prefix) + 1)
                lines.append("</tr>")
            lines.append("</tbody></table>")
    lines += ["</div>", "</div>", '<div class="footer"><p>版权所有：某某市人民政府办公室 网站标识码 4309000000</p>'
              '<p>技术支持：某某公司 联系电话：0737-1234567</p></div>', "</body>", "</html>"]
    text = "\n".join(lines) + "\n"
    return Rendered(text.encode(encoding), positions)


# ----------------------------------------------------------------------------- DOCX and PDF


def to_docx(data: ReportData, path: Path) -> Rendered:
    """A Word file made with python-docx: paragraphs, and the tables with merged cells."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = docx.Document()
    t = doc.add_paragraph(data.title.translate(FULLWIDTH))
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    locators: dict[tuple[str, str, str], str] = {}
    ntable = 0
    for kind, x in data.blocks:
        if kind != "table":
            doc.add_paragraph(x.translate(FULLWIDTH))
            continue
        ntable += 1
        grid = table_grid(data, x)
        width = max(c.col + c.colspan for row in grid for c in row)
        table = doc.add_table(rows=len(grid), cols=width)
        table.style = "Table Grid"
        for row in grid:
            for c in row:
                cell = table.cell(c.row, c.col)
                if c.rowspan > 1 or c.colspan > 1:
                    cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
                if c.key is None and c.text in ("商业企业", "科研机构"):
                    cell.text = c.text[:2]
                    cell.add_paragraph(c.text[2:])  # a header word on two lines
                else:
                    cell.text = c.text
                if c.key is not None:
                    locators[c.key] = f"表{ntable} 第{c.row + 1}行 第{c.col + 1}列"
    doc.save(str(path))
    return Rendered(path.read_bytes(), {}, locators)


def soffice() -> Optional[str]:
    return shutil.which("soffice") or shutil.which("libreoffice")


def cjk_font_missing(tool: str) -> Optional[str]:
    """Why ``tool`` cannot render Chinese here (no CJK font fontconfig knows of), or None."""
    fc = shutil.which("fc-list")
    if fc is not None:
        out = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True).stdout
        if not out.strip():
            return f"no Chinese font for {tool} (apt-get install fonts-noto-cjk)"
    return None


def office_missing() -> Optional[str]:
    """Why LibreOffice cannot print these reports here (None: it can): it needs a CJK font too."""
    if soffice() is None:
        return "LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk)"
    return cjk_font_missing("LibreOffice")


def convert(sources, fmt: str, outdir: Path, timeout: int = 300) -> list[Path]:
    """Convert files with LibreOffice in one run (``fmt``: pdf, doc, …); raises if it is missing or fails."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice is not installed")
    sources = [sources] if isinstance(sources, Path) else list(sources)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        "--convert-to", fmt, "--outdir", str(outdir), *map(str, sources)],
                       check=True, capture_output=True, timeout=timeout)
    outs = [outdir / (src.stem + "." + fmt.split(":")[0]) for src in sources]
    for out in outs:
        if not out.exists():
            raise RuntimeError(f"LibreOffice did not write {out}")
    return outs


# ----------------------------------------------------------------------------- distinct figures


def distinct(data: ReportData) -> ReportData:
    """``data`` with tables 三 and 四 holding non-zero figures that all differ (every identity of the
    format holds), so that a figure read into another row or column always breaks a sum."""
    out = copy.deepcopy(data)
    v = out.values
    appl = T3_COLS[:-1]
    outcomes = [rid for rid, _ in T3_LEAVES if rid not in ("new", "carried_over", "total", "carry_forward")]
    for i, r in enumerate(outcomes):
        for j, c in enumerate(appl):
            v[("三", r, c)] = str(1 + i * 6 + j)
    for j, c in enumerate(appl):
        total = sum(int(v[("三", r, c)]) for r in outcomes)
        v[("三", "carried_over", c)], v[("三", "carry_forward", c)] = str(200 + j), str(300 + 2 * j)
        v[("三", "total", c)] = str(total)
        v[("三", "new", c)] = str(total + 300 + 2 * j - (200 + j))
    for rid, _ in T3_LEAVES:
        v[("三", rid, "total")] = str(sum(int(v[("三", rid, c)]) for c in appl))
    k = 0
    for g in ("review", "direct", "after_review"):
        s = 0
        for o in ("upheld", "corrected", "other", "pending"):
            k += 1
            v[("四", "cases", f"{g}.{o}")] = str(3 * k + 7 * (g != "review"))
            s += 3 * k + 7 * (g != "review")
        v[("四", "cases", f"{g}.total")] = str(s)
    return out
