"""What a file is when it is not a 政府信息公开工作年度报告: the documents that sit beside the reports
in an office's folders and in a crawl (工作要点, 工作总结, 指南, 目录, 答复书, a university's or a
hospital's 信息公开年度报告, 政府工作报告, 统计公报, a news item about a report, a list of reports).

:func:`not_a_report` decides, once the file is built, whether govlint checks it as a report or says
in one finding (GL005) that it is not one. A file with a statistical table of the format (a row of
table 二, 三 or 四 identified) is always a report, even with no text (an attachment of the tables)
or with blank cells (an unfilled template); so is one whose opening names it a 政府信息公开工作年度报告,
and one with four of the six parts numbered and worded as the format has them."""

from __future__ import annotations

import re
from typing import Any, NamedTuple, Optional

from .model import Report
from .relazy import lazy_compile

# (zh, en) of each kind, and what names it in a title line (the whole line, whitespace removed)
# (compiled on first use: a report with a table of the format never needs them)
_KINDS: tuple[tuple[str, str, str, Any], ...] = tuple(
    (kind, zh, en, lazy_compile(rx)) for kind, zh, en, rx in (
        ("news", "一篇关于年度报告发布的新闻报道", "a news item about a report's publication",
         r"(?:发布|公布|出炉|晒出|亮相|印发).{0,30}(?:年度报告|年报)(?!》)"),
        ("university", "高等学校的信息公开年度报告（按教育部《高等学校信息公开办法》的格式）",
         "a university's 信息公开年度报告 (the Ministry of Education's format for 高等学校)",
         r"^(?!.*政府信息公开)(?=.*(?:大学|学院|学校|学年)).*(?:大学|学院|学校|学年).{0,24}信息公开.{0,6}报告"),
        ("hospital", "医疗卫生机构的信息公开年度报告（公共企事业单位，不是行政机关的政府信息公开工作年度报告）",
         "a hospital's 信息公开年度报告 (a public institution's, not an administrative body's annual report)",
         r"^(?!.*政府信息公开).*(?:医院|卫生院|保健院|疾病预防控制中心|急救中心).{0,24}信息公开.{0,6}报告"),
        ("enterprise", "企业的信息公开报告（国有企业等，不是行政机关的政府信息公开工作年度报告）",
         "an enterprise's 信息公开 report (a state-owned enterprise's, not an administrative body's annual report)",
         r"^(?!.*政府信息公开).*(?:公司|集团|企业|银行).{0,24}信息(?:公开|披露).{0,6}报告"),
        ("annual-report", "", "", r"(?:政府信息公开|政务公开|政府信息与政务公开|信息公开).{0,8}(?:年度报告|年报)"
                                  r"|(?:政府信息公开|政务公开).{0,4}工作.{0,4}报告"),
        ("government-work-report", "政府工作报告", "a 政府工作报告 (the government's work report to the people's congress)",
         r"政府工作报告"),
        ("statistical-bulletin", "统计公报", "a 统计公报 (statistical bulletin)", r"统计公报|国民经济和社会发展统计"),
        ("guide", "政府信息公开指南", "a 政府信息公开指南 (disclosure guide)", r"信息公开指南"),
        ("catalogue", "政府信息公开目录", "a 政府信息公开目录 (disclosure catalogue)", r"信息公开目录"),
        ("reply", "依申请公开的答复书或告知书", "a reply (答复书/告知书) to an application for disclosure",
         r"答复书|告知书|答复意见书|补正通知书|延期答复"),
        ("plan", "政务公开工作要点、计划、总结或方案", "a 政务公开 work plan, programme or summary (工作要点/计划/总结/方案)",
         r"(?:公开|政务).{0,12}(?:要点|总结|计划|方案|安排|实施意见|清单)$"),
    ))
_BY_KIND = {k: (zh, en) for k, zh, en, _ in _KINDS}
# a line that may be a title: short, not a sentence
_TITLE_LINE = lazy_compile(r"^[^。；;！!？?]{4,60}$")
# the crawler's header of a saved page (标题: …) and a heading's own decoration
_LINE_PREFIX = lazy_compile(r"^(?:标题|题目|title)\s*[:：]\s*", re.I)
# a line of a list of reports: a report's name, maybe with a date after it
_LIST_ENTRY = lazy_compile(r"(?:年度报告|年报)(?:[\s　]*[\[（(]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\]）)]?)?$")
#: how many lines from the top are read for a title
_TOP_LINES = 12
#: how many parts numbered and worded as the format has them make a report whatever its title says
_PARTS_FOR_REPORT = 4


class NotReport(NamedTuple):
    """Why a file is not checked as a report: the kind it looks like (None: no structure at all),
    the Chinese and English messages, and where the line that says so is (offsets in the text)."""

    kind: Optional[str]
    zh: str
    en: str
    start: int = 0
    end: int = 0


def _lines(text: str, stop: int) -> list[tuple[str, int, int]]:
    """The non-blank lines of ``text[:stop]`` with their offsets, stripped."""
    out = []
    pos = 0
    for raw in text[:stop].split("\n"):
        s = raw.strip()
        if s:
            a = pos + raw.index(s[0])
            out.append((s, a, a + len(s)))
        pos += len(raw) + 1
    return out


def _kind_of(line: str) -> Optional[str]:
    key = "".join(_LINE_PREFIX.sub("", line).split())
    if not _TITLE_LINE.match(key) or "《" in key and "》" in key and not key.startswith("《"):
        return None  # a sentence, or a line that quotes a document's name
    for kind, _, _, rx in _KINDS:
        if rx.search(key):
            return kind
    return None


def document_kind(report: Report) -> Optional[tuple[str, int, int]]:
    """(kind, start, end) of the first line near the top that names what the file is, else None.
    A page listing many reports (each line a report's name) is a ``list``."""
    first = min((s.heading.span.start for s in report.sections if s.part is not None), default=len(report.text))
    lines = _lines(report.text, first)
    entries = {s for s, _, _ in lines if len(s) <= 80 and _LIST_ENTRY.search(s)}
    if len(entries) >= 5:
        # (the first report named with its year: not the column's name above the list, 政府信息公开年报)
        listed = [x for x in lines if x[0] in entries]
        s, a, b = next((x for x in listed if re.search(r"\d{4}", x[0])), listed[0])
        return "list", a, b
    # a line naming a report wins over the lines before it (a saved page's menu and breadcrumbs:
    # 首页 > 政务公开 > 政府信息公开指南 above the report's title); else the first line naming a kind
    first_kind = None
    for s, a, b in lines[:_TOP_LINES]:
        kind = _kind_of(s)
        if kind == "annual-report":
            return kind, a, b
        if kind is not None and first_kind is None:
            first_kind = (kind, a, b)
    return first_kind


# an attachment's line: 附件：… / 附件1. …, or a file's name (an office document, a PDF, an archive)
_ATTACHMENT = lazy_compile(r"^[（(【\[]?附\s*件\s*\d*\s*[:：.、]?|\.(?:pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z)\s*[）)】\]]?$",
                           re.I)


def _attachment(text: str) -> Optional[tuple[str, int, int]]:
    """(the line, start, end) of the first line naming an attachment, if any."""
    for s, a, b in _lines(text, len(text)):
        if len(s) <= 120 and _ATTACHMENT.search(s):
            return (s if len(s) <= 40 else s[:39] + "…"), a, b
    return None


def _identified(report: Report) -> bool:
    return any(t.id is not None and any(r.id is not None for r in t.rows) for t in report.tables)


NO_STRUCTURE = ("文件中找不到年度报告的结构：没有“一、总体情况”等六部分标题，也没有统计表",
                "no annual-report structure found: none of the six part headings (一、总体情况 …) and no "
                "statistical table")


#: (how the bytes were written, how they were then read): the usual ways Chinese text turns to mojibake
_MISREADINGS = (("utf-8", "gbk"), ("utf-8", "latin-1"), ("utf-8", "cp1252"), ("gbk", "latin-1"))
_REPORT_WORDS = ("政府信息公开", "年度报告", "总体情况", "信息公开", "政府")


def garbled(text: str) -> Optional[tuple[str, str, str, str]]:
    """When ``text`` is mojibake — Chinese text whose bytes were read in the wrong encoding and saved
    as read — (written as, read as, a piece of the text, the same piece read right); else None.
    Text already damaged beyond repair (most characters U+FFFD) gives ("", "", piece, "")."""
    sample = text[:3000]
    for written, read in _MISREADINGS:
        try:
            raw = sample.encode(read, errors="replace")
        except LookupError:  # pragma: no cover - the codecs are the standard library's
            continue
        right = raw.decode(written, errors="replace")
        if right.count("\ufffd") * 4 < len(right) and any(w in right for w in _REPORT_WORDS):
            k = next(i for i, ch in enumerate(sample) if not ch.isascii() and not ch.isspace()) if any(
                not ch.isascii() for ch in sample) else 0
            piece = " ".join(sample[k:k + 12].split())
            fixed = " ".join(piece.encode(read, errors="replace").decode(written, errors="replace").split())
            return written, read, piece, fixed
    bad = sample.count("\ufffd")
    if bad >= 20 and bad * 5 >= sum(1 for ch in sample if not ch.isascii()):
        k = sample.index("\ufffd")
        return "", "", " ".join(sample[max(0, k - 6):k + 6].split()), ""
    return None


def not_a_report(report: Report) -> Optional[NotReport]:
    """Why ``report`` is not to be checked as a 政府信息公开工作年度报告, or None when it is one."""
    if _identified(report):
        return None
    aligned = {s.part for s in report.sections if s.part is not None and s.heading.number == s.part}
    found = document_kind(report)
    titled = found is not None and found[0] == "annual-report"
    if titled and (report.sections or report.tables):
        return None
    if found is not None and not titled and len(aligned) < _PARTS_FOR_REPORT:
        kind, a, b = found
        quote = " ".join(report.text[a:b].split())
        if len(quote) > 40:
            quote = quote[:39] + "…"
        if kind == "list":
            zh, en = "一个列出多份年度报告的页面（报告的目录或栏目页）", "a page listing several reports (an index of reports)"
        else:
            zh, en = _BY_KIND[kind]
        return NotReport(kind, f"文件不是政府信息公开工作年度报告：看起来是{zh}（“{quote}”），不按年度报告的格式检查",
                         f"not a 政府信息公开工作年度报告 (government-information disclosure annual report): it looks "
                         f"like {en} (“{quote}”); not checked against the report format", a, b)
    if not any(s.part is not None for s in report.sections):
        tables = report.tables
        zh, en = NO_STRUCTURE
        moji = garbled(report.text)
        if moji is not None:
            written, read, piece, fixed = moji
            if written:
                zh += (f"：文字是乱码（“{piece}”），是 {written.upper()} 编码的文字被按 {read.upper()} 读取后又保存的结果"
                       f"（还原后为“{fixed}”）；请从原始文件或网页重新获取")
                en += (f": the text is mojibake (“{piece}”), {written.upper()} text read as {read.upper()} and saved "
                       f"so (it reads “{fixed}” when repaired); get the text again from the original file or page")
            else:
                zh += f"：文字中大量字符已被替换为“\ufffd”（“{piece}”），文件在转换编码时已损坏；请从原始文件或网页重新获取"
                en += (f": most characters were replaced by “\ufffd” (“{piece}”): the text was damaged when its encoding "
                       "was converted; get it again from the original file or page")
            return NotReport(None, zh, en)
        if tables:  # tables, none of them one of the format's
            zh += "（文件中的表格不是年度报告的统计表）"
            en += " (the file's tables are not the report's statistical tables)"
        elif titled:  # the title of a report, and nothing after it
            attached = _attachment(report.text)
            if attached is not None:  # a page that only links to the report's file
                quote, a, b = attached
                return NotReport(None, zh + f"：只有标题和附件（“{quote}”），报告正文在附件中；请下载附件，检查附件文件",
                                 en + f": only the title and an attachment (“{quote}”); the report is "
                                 "in the attached file: download it and check that file", a, b)
            zh += "（只有标题和开头：正文可能被截断，或以图片形式发布）"
            en += " (only the title and opening: the text may have been cut off, or published as images)"
        return NotReport(None, zh, en)
    return None
