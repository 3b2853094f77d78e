from govlint import rule
from govlint.relazy import lazy_compile

from .._common import NUMERALS, TABLE_NAMES, TABLE_NAMES_EN, cut_row, last_end, table_at_end, tables_only

# a line cut in the middle of a sentence: prose (a dozen characters or more) ending in a Chinese
# character or in a mark that cannot end one (，、：（“); see _unended
_UNENDED_LAST = lazy_compile(r"[\u4e00-\u9fff，,、：:（(“‘]")
_SENTENCE_END = "。！？!?；;"
_CJK = lazy_compile(r"[\u4e00-\u9fff]")
# words set apart by blanks: a page's furniture (联系我们 网站地图 …), not a sentence
_WORDS_APART = lazy_compile(r"[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]")
# a line a page or document closes with, after the text: attachments, copies, the page's metadata
_CLOSING = lazy_compile(r"^[（(【\[]?(?:附件|附：|抄送|来源|信息来源|发布|责任编辑|编辑|审核|校对|打印|关闭|分享|扫一扫|相关)")
# a pager: the page is one of several (第1页 第2页 下一页 尾页, 共3页 下一页)
_PAGER = lazy_compile(r"下\s*一\s*页")
_PAGER_PAGES = lazy_compile(r"第\s*\d+\s*页|共\s*\d+\s*页|尾\s*页|末\s*页|(?<!\d)\d+\s*/\s*\d+")
# a signature line (the agency's name) or the date under it end a complete text without a full stop
_SIGNATURE = lazy_compile(r"(?:局|委|委员会|办|办公室|院|府|政府|厅|中心|街道|镇|乡|区|县|市|所|站|队|会|[年月日])$")


def _unended(line: str) -> bool:
    """``line`` ends in a Chinese character or in 、，：（“, after a Chinese character of the same
    sentence (no 。！？； between them). Read from the end, so a line of any length is read once."""
    if len(line) < 2 or not _UNENDED_LAST.fullmatch(line[-1]):
        return False
    body = line[:-1]
    start = max(body.rfind(c) for c in _SENTENCE_END) + 1
    return _CJK.search(body, start) is not None


def _parts(numbers) -> tuple[str, str]:
    """(zh, en): 第四至六部分 / parts 四–六."""
    first, last = NUMERALS[numbers[0]], NUMERALS[numbers[-1]]
    if len(numbers) == 1:
        return f"第{first}部分", f"part {first}"
    return f"第{first}至{last}部分", f"parts {first}–{last}"


@rule("GL012", "input.truncated", "warning", summary_en="the text stops (or starts) in the middle of the report")
def truncated(report, ctx):
    """文本在报告中途中断（或从中途开始）：网页或文件可能被截断。

    What: the text ends before part 六 and in the middle of something — a sentence without its end
    (a line of prose ending in a Chinese character, a comma or 、, that is not a signature, a date,
    an attachment line or a page's furniture such as 信息来源 or 【打印本页】),
    or a table that lacks its last rows or whose last row lacks values; or it starts at a later
    part, with the parts before it and any opening text missing. One finding for the end (on the
    last line) and one for the start (on the first heading), naming the parts that are not there.
    The parts and tables that are missing are still reported (GL101, GL201, GL202): this finding
    says why.
    Why: a page cut off by the publishing system or by a crawler, a PDF page saved on its own, or a
    file copied in part all look like a report with missing parts; the cause (an incomplete page or
    file) is what to check first, against the original.
    A text ending with a pager (``第1页 第2页 下一页 尾页``: a web page showing one page of a report
    split over several) gets a finding saying so on the pager.
    Fails: a text that ends “……二是持续在政务公开工作上出新招、出” after part 五; one that ends
    inside table 三 at “7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0”.
    Passes: a complete report; an attachment holding only the tables under the headings 二–四
    (GL101 says the text is elsewhere); a report without part 六 whose part 五 ends “……进一步提升工作水平。”
    (GL101 only).
    Basis: format-spec §3 (the six parts, in order), §4–§5 (the tables' rows).
    """
    found = sorted({s.part for s in report.sections if s.part})
    if not found:
        return
    text = report.text
    # -- the end
    later = list(range(found[-1] + 1, 7))
    if later:
        # the end of what was read: a page number, a running title or a browser's margin after it is
        # no part of the report (the parser left them out)
        end = min(len(text.rstrip()), last_end(report) or len(text))
        start = text.rfind("\n", 0, end) + 1
        last_line = text[start:end].strip()
        last_table = table_at_end(report)
        cut = None
        if len(last_line) <= 100 and _PAGER.search(last_line) and _PAGER_PAGES.search(last_line):
            a = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            zh, en = _parts(later)
            yield ctx.rule.diag(
                ctx.source.span(a, end),
                f"报告分页发布（“{last_line}”），本页只是其中一页：其后没有{zh}，报告的其余部分在后面的页面上；"
                "请检查完整的报告（各页合并，或“全文”“单页显示”的页面）",
                f"the report is published over several pages (“{last_line}”) and this is one of them: {en} "
                "are not here but on the following pages; check the whole report (the pages put together, or "
                "the page showing it all)",
                actual=last_line)
        elif last_table is not None:
            if last_table.missing_rows or cut_row(report) is not None:
                cut = (f"，{TABLE_NAMES[last_table.id]}也不完整", f", {TABLE_NAMES_EN[last_table.id]} is incomplete")
        elif len(last_line) >= 12 and _unended(last_line) and not _WORDS_APART.search(last_line) \
                and not _CLOSING.match(last_line) and not (len(last_line) <= 30 and _SIGNATURE.search(last_line)):
            cut = ("", "")
        if cut is not None:
            a = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            quote = last_line if len(last_line) <= 30 else "…" + last_line[-28:]
            zh, en = _parts(later)
            yield ctx.rule.diag(
                ctx.source.span(a, end),
                f"文本在此处中断（“{quote}”）：其后没有{zh}{cut[0]}，网页或文件可能被截断了；请对照原文核对是否完整",
                f"the text stops here (“{quote}”) with {en} not there{cut[1]}: the page or file looks cut off; "
                "check it against the original",
                actual=last_line[-30:])
    # -- the start
    earlier = list(range(1, found[0]))
    # (a file of the tables alone, under the headings 二–四, is an attachment, not a piece cut off: GL101)
    if earlier and not report.preamble and not tables_only(report):
        first = min((s for s in report.sections if s.part), key=lambda s: s.heading.span.start)
        zh, en = _parts(earlier)
        yield ctx.rule.diag(
            first.heading.span,
            f"文本从第{NUMERALS[found[0]]}部分开始，前面没有{zh}和报告开头，网页或文件可能只是报告的一部分；请对照原文核对是否完整",
            f"the text starts at part {NUMERALS[found[0]]}: {en} and the report's opening are not there; the page "
            "or file looks like a piece of the report; check it against the original",
            actual=first.heading.text)
