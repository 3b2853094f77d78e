"""Helpers shared by the rules that read the report's prose (GL4 plausibility, GL5 narrative, GL6
citations, GL7 dates, GL11x content). Not a rule module.

Positions: a paragraph's text is its stripped line (or its lines joined, for text hard-wrapped at a
page's width), and ``p.offset(k)`` is the offset of its character ``k`` in ``report.text``
(:func:`span_of` builds the Span through ``ctx.source`` so lines and columns are those of the user's
file; :func:`text_at` is what the report holds there, to check a fix before offering it).
"""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional, Sequence

from govlint.model import Cell, Paragraph, Report, Span
from govlint.numbers import Quantity, chinese_to_number, find_quantities
from govlint.packagedata import load_toml
from govlint.relazy import lazy_compile

SENTENCE_END = frozenset("。；;！!？?\n")
CLAUSE_END = frozenset("。；;！!？?，,：:\n")

#: words that mark a statement as a plan or an intention rather than something done
#: words of what will be done: a sentence holding one looks ahead (将进一步, 拟于, 下一步, 今后)
PLAN_INTENT = lazy_compile(r"将|拟|预计|力争|争取|下一步|明年|来年|今后|未来|展望|谋划|打算")
#: nouns naming a plan or a target (计划, 目标, 要点): a sentence looks ahead by one only where it governs
#: what follows (根据规划，…), not where work done is measured against it (按照年度工作计划共收到申请3件)
PLAN_NOUNS = lazy_compile(r"计划|目标|规划|要点|远景")
PLAN_WORDS = lazy_compile(r"将|计划|拟|预计|力争|争取|下一步|明年|来年|今后|未来|目标|规划|展望|谋划|打算|要点|远景")


@lru_cache(maxsize=4096)
def quantities(text: str) -> tuple[Quantity, ...]:
    """``find_quantities`` memoised: several rules read the same paragraphs."""
    return tuple(find_quantities(text))


def prose(report: Report, parts: Optional[Sequence[int]] = None, preamble: bool = True,
          title: bool = False) -> Iterator[tuple[Optional[int], Paragraph]]:
    """``(part, paragraph)`` for the report's running text; ``part`` is None before the first heading.

    ``parts`` restricts the sections (by part number); ``preamble``/``title`` include those.
    """
    if title and report.title is not None:
        yield None, report.title
    if preamble:
        for p in report.preamble:
            yield None, p
    for s in report.sections:
        if parts is not None and s.part not in parts:
            continue
        for p in s.paragraphs:
            yield s.part, p


def span_of(ctx, p: Paragraph, start: int, end: int) -> Span:
    """The span of ``p.text[start:end]`` in the user's file."""
    return ctx.source.span(p.offset(start), p.end_offset(end) if end > start else p.offset(start))


def text_at(report: Report, p: Paragraph, start: int, end: int) -> str:
    """``report.text`` at the offsets of ``p.text[start:end]`` (to check a fix before offering it)."""
    return report.text[p.offset(start):p.end_offset(end) if end > start else p.offset(start)]


# The boundaries of a text are found once (by a regex, in C) and looked up by bisection: walking
# from each figure to its sentence's ends made a long sentence with many figures quadratic.
_SENTENCE_END_RE = lazy_compile("[" + re.escape("".join(sorted(SENTENCE_END))) + "]")
#: (a comma between digits that groups thousands — 1,317件, 23,456条 — is inside a figure, not a clause's end)
_CLAUSE_END_RE = lazy_compile(r"(?!(?<=\d),\d{3}(?!\d))[" + re.escape("".join(sorted(CLAUSE_END))) + "]")


@lru_cache(maxsize=256)
def _sentence_ends(text: str) -> list[int]:
    return [m.start() for m in _SENTENCE_END_RE.finditer(text)]


@lru_cache(maxsize=256)
def _clause_ends(text: str) -> list[int]:
    return [m.start() for m in _CLAUSE_END_RE.finditer(text)]


def _between(ends: list[int], text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the stretch of ``text`` around ``pos`` between two of the offsets ``ends``."""
    i = bisect.bisect_left(ends, pos)
    s = ends[i - 1] + 1 if i > 0 and pos > 0 else 0
    e = ends[i] if i < len(ends) else max(pos, len(text))
    return min(s, pos), e


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence around ``pos`` (ends at 。；！？ or a line break, excluded)."""
    return _between(_sentence_ends(text), text, pos)


_FULL_STOP_RE = lazy_compile(r"[。！!？?\n]")


@lru_cache(maxsize=256)
def _full_stops(text: str) -> list[int]:
    return [m.start() for m in _FULL_STOP_RE.finditer(text)]


def full_sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence around ``pos`` up to the full stops (。！？ or a line break, excluded):
    unlike :func:`sentence_bounds`, clauses joined by “；” are one sentence."""
    return _between(_full_stops(text), text, pos)


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Offset just after the last clause-ending punctuation before ``pos`` (not before ``floor``)."""
    if pos <= floor:
        return pos
    ends = _clause_ends(text)
    i = bisect.bisect_left(ends, pos) - 1
    return ends[i] + 1 if i >= 0 and ends[i] >= floor else floor


def clause_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return pos
    ends = _clause_ends(text)
    i = bisect.bisect_left(ends, pos)
    return ends[i] if i < len(ends) else len(text)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-empty sentence of ``text``."""
    start = 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            if i > start:
                yield start, i
            start = i + 1
    if start < len(text):
        yield start, len(text)


_TITLE_RE = lazy_compile(r"《[^《》\n]{0,120}》|〈[^〈〉\n]{0,120}〉|<[^<>\n]{0,120}>|〔[^〔〕\n]{0,12}〕")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of book titles 《…》 (and 〈…〉, <…>) and document-number brackets 〔…〕: numbers and years
    inside them name documents, they do not count anything."""
    return [(m.start(), m.end()) for m in _TITLE_RE.finditer(text)]


_SLOGAN_RE = lazy_compile(r"[“\"‘'「『][^“”\"‘’'「」『』\n]{1,14}[”\"’'」』]")


def slogan_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of short quoted phrases (“三个一”, “两不愁三保障”, “一网通办”): numbers in slogans are
    names, not counts."""
    return [(m.start(), m.end()) for m in _SLOGAN_RE.finditer(text)]


def inside(ranges: Sequence[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in ranges)


def snippet(text: str, start: int, end: int, width: int = 24) -> str:
    """The sentence part around text[start:end] for a message (at most ``width`` characters before)."""
    s = max(clause_start(text, start), start - width)
    e = end
    return text[s:e].strip(" \u3000，,、")


# ------------------------------------------------------------------ numbers in messages

def fmt(v: Optional[float]) -> str:
    if v is None:
        return "?"
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def magnitude(value: float, unit: Optional[str] = "") -> str:
    """A value in 万/亿 for a message: 3474510000, 次 -> 34.7亿次."""
    unit = unit or ""
    if abs(value) >= 1e8:
        return f"{value / 1e8:.3g}亿{unit}" if value / 1e8 < 1000 else f"{value / 1e8:,.0f}亿{unit}"
    if abs(value) >= 1e4:
        return f"{value / 1e4:.4g}万{unit}"
    return f"{fmt(value)}{unit}"


def magnitude_en(value: float, unit: Optional[str] = "") -> str:
    unit = unit or ""
    if abs(value) >= 1e9:
        return f"{value / 1e9:.3g} billion {unit}".rstrip()
    if abs(value) >= 1e6:
        return f"{value / 1e6:.3g} million {unit}".rstrip()
    return f"{fmt(value)} {unit}".rstrip()


# ------------------------------------------------------------------ the agency, read from the title

_GOV = lazy_compile(r"人民政府|政府办公室|政府办公厅|人民政府办|政府$")
_OFFICE_OF_GOV = lazy_compile(r"人民政府办公(?:室|厅)$")
_DEPT_END = lazy_compile(r"(?:局|厅|委员会|委|署|中心|站|所|队|院|办公室|办|处|部|馆|会|公司)$")
#: a zone and its committee (…开发区管理委员会, …景区管委会); not a department named …管理委员会
#: (国有资产监督管理委员会, 城市管理委员会)
_ZONE = lazy_compile(r"[区园港场]管理委员会|管委会|实验区|试验区|开发区|高新区|新区|园区|示范区|合作区|保税区|综合区")
#: a 街道办事处 is the agency of a district or city government in its streets (派出机关), not one of
#: its departments, though its name ends as one (…办事处): the regulation sets it no deadline of its own
_STREET = lazy_compile(r"街道办事处|街道办|街道$")


def agency_name(report: Report) -> str:
    """The issuing body as written in the title (without year and report wording)."""
    if report.agency:
        return report.agency
    return report.title.text if report.title is not None else ""


def agency_kind(name: str) -> Optional[str]:
    """"government" (a people's government or its general office), "department" (a bureau,
    commission, office of a government), or None when the title does not say clearly (development
    zones, management committees, street offices (街道办事处), names govlint cannot read)."""
    if not name:
        return None
    if _OFFICE_OF_GOV.search(name) or (_GOV.search(name) and not _DEPT_END.search(name.split("政府")[-1] or "")):
        return "government"
    if _ZONE.search(name) or _STREET.search(name):
        return None
    if _DEPT_END.search(name):
        return "department"
    return None


_LEVEL_RE = lazy_compile(
    r"^(?P<prov>[\u4e00-\u9fff]{1,9}?(?:省|自治区))?"
    r"(?P<city>[\u4e00-\u9fff]{1,9}?(?:市|自治州|州|盟|地区))?"
    r"(?P<county>[\u4e00-\u9fff]{1,9}?(?:自治县|县|旗|区))?"
    r"(?P<town>[\u4e00-\u9fff]{1,9}?(?:镇|乡|街道办事处|街道))?"
)
_NOT_COUNTY = lazy_compile(r"(?:实验|试验|开发|高新|新|园|示范|合作|保税|综合|景|社|功能|管理|矿|林|牧|垦|库|片|辖|城|校|厂)区$")
#: … but a ××城区 or ××新区 with a people's government is a district (婺城区人民政府, 浦东新区人民政府办公室),
#: not a town's old quarter or a zone run by a committee
_GOV_DISTRICTS = frozenset({"城区", "新区"})
_GOV_NAME_AFTER = lazy_compile(r"人民政府|政府")
#: what follows a township's name is its government or one of its offices (人民政府, 财政所, 便民服务中心,
#: 街道办事处), never a bureau: a 乡 or 镇 before one ends a word of a department's name (住房和城乡建设局,
#: 城乡规划局, 乡镇企业局), not a township's
_NOT_TOWN_BODY = lazy_compile(r"(?:局|厅|委员会|(?<!党)委)$")


#: a place that has a people's government (a title naming the place alone is its government's
#: report: 某某县2022年政府信息公开工作年度报告); 地区 and 盟 have an 行政公署 (an agency of the
#: province), a 街道 an 办事处 (an agency of the district or city), not a government
_GOV_PLACE = lazy_compile(r"(?:省|自治区|市|自治州|州|县|自治县|旗|自治旗|区|镇|乡|苏木)$")
_GOV_NAME = lazy_compile(r"(?:人民政府|政府)$")


def people_government(name: str) -> bool:
    """Is the body named ``name`` (as the title gives it) a people's government (各级人民政府, from
    the province to the township), not one of its departments or offices, an agency such as a
    街道办事处, or a development zone's committee? 镇安县人民政府, 某某县政府, 某某镇人民政府, 某某乡,
    某某市某某区 are; 某某市人民政府办公室, 某某县教育局, 某某街道办事处, 平潭综合实验区 are not."""
    name = "".join(name.split())
    if not name:
        return False
    if _GOV_NAME.search(name):
        return True
    if _DEPT_END.search(name) or _ZONE.search(name):
        return False
    if _GOV_PLACE.search(name):
        return not (name.endswith("区") and _NOT_COUNTY.search(name))
    return False


def admin_level(name: str) -> Optional[str]:
    """"province" | "city" | "county" | "township" | None (cannot tell), from an agency name such as
    威海市文登区信访局 (county), 茅坪回族镇人民政府 (township), 益阳市行政审批服务局 (city)."""
    if not name:
        return None
    m = _LEVEL_RE.match(name)
    if not m:
        return None
    if m.group("town") and not _NOT_TOWN_BODY.search(name, m.end("town")):
        return "township"
    county = m.group("county")
    if county and (not _NOT_COUNTY.search(county) or (county[-2:] in _GOV_DISTRICTS and _GOV_NAME_AFTER.match(name, m.end("county")))):
        return "county"
    if county:
        return None
    if m.group("city"):
        return "city"
    if m.group("prov"):
        return "province"
    return None


# ------------------------------------------------------------------ table cells

def cell_number(cell: Optional[Cell]) -> Optional[float]:
    if cell is None or cell.kind != "number" or cell.value is None:
        return None
    return float(cell.value)


def row_sum(ctx, report: Report, table_id: str, row_id: str, col: str) -> tuple[Optional[float], list[Cell]]:
    """The value of ``row_id`` in column ``col``: the cell itself, or for a group row (（三）不予公开)
    the sum of its data rows. (None, []) when a cell is missing or not a number."""
    table = report.table(table_id)
    if table is None or ctx.edition is None:
        return None, []
    spec = ctx.edition.table(table_id)
    if spec is None or spec.row(row_id) is None:
        return None, []
    total = 0.0
    cells: list[Cell] = []
    for rid in spec.leaf_rows([row_id]):
        c = table.cell(rid, col)
        v = cell_number(c)
        if v is None:
            return None, []
        total += v
        cells.append(c)
    if not cells:
        return None, []
    return total, cells


# ------------------------------------------------------------------ dates

_CN_DIGIT = "〇零○一二三四五六七八九"
DATE_RE = lazy_compile(
    r"(?P<y>(?:19|20|１９|２０)\d{2}|[" + _CN_DIGIT + r"]{4})\s*年\s*(?P<m>\d{1,2}|[十一二三四五六七八九]{1,2})\s*月"
    r"(?:\s*(?P<d>\d{1,2}|[十一二三四五六七八九]{1,3})\s*[日号])?"
)
ISO_DATE_RE = lazy_compile(r"(?<!\d)(?P<y>(?:19|20|１９|２０)\d{2})[-/.－／．](?P<m>\d{1,2})[-/.－／．](?P<d>\d{1,2})(?!\d)")
YEAR_RE = lazy_compile(r"(?<![\d〔\[（(])(?P<y>(?:19|20|１９|２０)\d{2}|[" + _CN_DIGIT + r"]{4})\s*年(?!代)")
_CN_DIGITS = frozenset(_CN_DIGIT)
_NOT_BEFORE_YEAR = frozenset("〔[（(")
_CENTURIES = frozenset(("19", "20", "１９", "２０"))  # (a year's first two digits, ASCII or full-width)


class YearMatch(NamedTuple):
    """A match of :data:`YEAR_RE` (``m.start()``, ``m.end()``, ``m.group(0)``, ``m.group("y")``)."""

    begin: int
    finish: int
    string: str

    def start(self, group: object = 0) -> int:
        return self.begin

    def end(self, group: object = 0) -> int:
        return self.begin + 4 if group == "y" else self.finish

    def span(self, group: object = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, group: object = 0) -> str:
        return self.string[self.begin:self.end(group)]


def find_years(text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[YearMatch]:
    """``YEAR_RE.finditer(text, pos, endpos)``, found from each 年 backwards: the regular expression
    tries its pattern at every character of the prose (a third of the cost of a date rule), while a
    year is four digits, perhaps spaces, then 年 (tested against YEAR_RE in tests/test_rules_prose_helpers.py)."""
    n = len(text) if endpos is None else min(endpos, len(text))
    j = text.find("年", pos, n)
    while j != -1:
        if not (j + 1 < n and text[j + 1] == "代"):
            k = j
            while k > pos and text[k - 1].isspace():
                k -= 1
            s = k - 4
            if s >= pos:
                y = text[s:k]
                if (y[:2] in _CENTURIES and y[2].isdecimal()
                        and y[3].isdecimal()) or all(c in _CN_DIGITS for c in y):
                    if s == 0 or not (text[s - 1].isdecimal() or text[s - 1] in _NOT_BEFORE_YEAR):
                        yield YearMatch(s, j + 1, text)
        j = text.find("年", j + 1, n)


# a statistics period: two dates (the second may leave its year out) written with 年月日 or as numbers
# (2022.1.1, 2022-01-01, 2022/1/1), or a whole year named as the period (统计期限为2022年度)
_PY = r"(?:19|20|１９|２０)\d{2}|[" + _CN_DIGIT + r"]{4}"
_PN = r"\d{1,2}|[十一二三四五六七八九]{1,3}"
# (自…起，至…止: a comma after 起; one class, not \s*[，,]?\s*: quadratic)
_RANGE = r"\s*(?:起[\s，,]*)?(?:至|到|—|–|-|~|～|－)+\s*"  # (not \s*(?:起)?\s*: quadratic)
# the hour a day is counted from or to (2023年1月1日零时至2023年12月31日24时), right after 日
_HOUR = r"(?:(?:[零〇0０]|二十四|24|２４)\s*(?:时|点|:00|：00))?"
_PERIOD_CN = lazy_compile(
    rf"(?P<y1>{_PY})\s*年\s*(?P<m1>{_PN})\s*月\s*(?P<d1>{_PN})\s*[日号]{_HOUR}{_RANGE}"
    rf"(?:(?P<y2>{_PY})\s*年\s*)?(?P<m2>{_PN})\s*月\s*(?P<d2>{_PN})\s*[日号]{_HOUR}")
# a period of whole months: 2022年1月至12月, 2022年1月—2022年12月, 2022年1-12月 (not followed by a day)
_PERIOD_MONTH = lazy_compile(
    rf"(?P<y1>{_PY})\s*年\s*(?P<m1>{_PN})(?:\s*月份?)?{_RANGE}"
    rf"(?:(?P<y2>{_PY})\s*年\s*)?(?P<m2>{_PN})\s*月(?!\s*(?:\d|[十一二三四五六七八九日号]))份?")
_PERIOD_NUM = lazy_compile(
    r"(?P<y1>(?:19|20|１９|２０)\d{2})(?P<sep>[.．/／－-])(?P<m1>\d{1,2})(?P=sep)(?P<d1>\d{1,2})(?![\d.])" + _RANGE +
    r"(?:(?P<y2>(?:19|20|１９|２０)\d{2})[.．/／－-])?(?P<m2>\d{1,2})[.．/／－-](?P<d2>\d{1,2})(?![\d.])")
_PERIOD_YEAR = lazy_compile(rf"统计(?:期限|时限|时间|区间|周期|期间)[为是:：]?\s*(?:自\s*)?(?P<y1>{_PY})\s*年(?:度|全年)?"
                            rf"(?!\s*(?:\d|[十一二三四五六七八九])+\s*月)")


class Period(NamedTuple):
    """A date range written in the text: its place and its ends (year, month, day)."""

    start: int
    end: int
    first: tuple[Optional[int], Optional[int], Optional[int]]
    last: tuple[Optional[int], Optional[int], Optional[int]]
    #: written as whole months (2022年1月至12月): also how campaigns are dated (2022年3月至5月开展…),
    #: so it is a statistics period only in a sentence that says so (:func:`states_period`)
    months: bool = False

    def is_year(self, year: int) -> bool:
        """Does it cover exactly 1 January to 31 December of ``year``?"""
        return self.first == (year, 1, 1) and self.last == (year, 12, 31)


_NUM_DATE = r"(?:19|20|１９|２０)\d\d[.．/／－-]\d"  # how a numeric date starts
_NUM_HINT = lazy_compile(_NUM_DATE)
_NUM_START = lazy_compile(f"(?={_NUM_DATE})")  # (every start, overlapping ones too)


def _at_years(text: str, pattern) -> Iterator["re.Match[str]"]:
    """The matches of ``pattern`` (a date starting with a year of four characters) in ``text``, tried
    only where such a year can stand: before a 年, blanks between allowed; left to right, none
    overlapping the one before."""
    end = 0
    j = text.find("年")
    while j != -1:
        k = j
        while k > end and text[k - 1].isspace():
            k -= 1
        if k - 4 >= end:
            m = pattern.match(text, k - 4)
            if m is not None:
                yield m
                end = m.end()
        j = text.find("年", max(j + 1, end))


def find_periods(text: str) -> list[Period]:
    """Every statistics period in ``text``, in order: what ``finditer`` of the four patterns above
    finds (overlaps left to the earlier pattern), tried only where one can start — at a 年 for dates
    with 年月日 or whole months, at a year followed by a separator for numeric ones, in a text that says 统计 for a
    whole year (tested against the plain scans in tests/test_rules_prose_helpers.py)."""
    return list(_periods(text))


@lru_cache(maxsize=256)
def _periods(text: str) -> tuple[Period, ...]:
    """:func:`find_periods` memoised (GL105, GL701 and GL702 read the same paragraphs)."""
    found: list[Period] = []
    if "月" in text:
        found.extend([_period(m) for m in _at_years(text, _PERIOD_CN)])
        # whole months (2022年1月至12月), where no period with days was found
        found.extend([_month_period(m) for m in _at_years(text, _PERIOD_MONTH)
                      if not any(p.start < m.end() and m.start() < p.end for p in found)])
    hint = _NUM_HINT.search(text)  # (a plain search finds the first candidate fast)
    if hint is not None:
        for s in _NUM_START.finditer(text, hint.start()):
            a = s.start()
            if a and (text[a - 1].isdecimal() or text[a - 1] == "."):
                continue
            m = _PERIOD_NUM.match(text, a)
            if m is not None and not any(p.start < m.end() and m.start() < p.end for p in found):
                found.append(_period(m))
    if "统计" in text:
        for m in _PERIOD_YEAR.finditer(text):
            y = cn_int(m.group("y1"))
            if not any(p.start <= m.start("y1") < p.end for p in found):
                found.append(Period(m.start("y1"), m.end(), (y, 1, 1), (y, 12, 31)))
    return tuple(sorted(found))


def _days_in(year: int, month: int) -> int:
    """The days of a month: the day before the first of the next (``calendar`` would cost ~1.5 ms of a
    start to import)."""
    return 31 if month == 12 else (date(year, month + 1, 1) - timedelta(days=1)).day


def _month_period(m: "re.Match[str]") -> Period:
    y1 = cn_int(m.group("y1"))
    y2 = cn_int(m.group("y2")) if m.group("y2") else y1
    m1, m2 = cn_int(m.group("m1")), cn_int(m.group("m2"))
    last = _days_in(y2, m2) if y2 and m2 and 1 <= m2 <= 12 else None
    return Period(m.start(), m.end(), (y1, m1, 1), (y2, m2, last), True)


_STATES_PERIOD = lazy_compile(r"统计|期限|时限|报告期|本报告")


def states_period(text: str, period: Period) -> bool:
    """Is ``period`` (found in ``text``) a statement of the statistics period? A range of days is
    (govlint has always read it so); a range of whole months only in a sentence about 统计/期限/时限/报告期."""
    if not period.months:
        return True
    ss, se = sentence_bounds(text, period.start)
    return bool(_STATES_PERIOD.search(text, ss, se))


#: words about the data or the period (统计时限为…, 本报告所列数据…), before a period in its clause
_ABOUT_DATA = lazy_compile(r"统计|数据|期限|时限|报告期|本报告")
#: what names the period right after it (2022年1月1日至11月30日为本报告统计期限); used with .match
_NAMED_AFTER = lazy_compile(r"[^，,；;。]{0,8}?(?:期限|时限|报告期|统计期|统计时)")
_CLAUSE = "，,；;：:"
_NEAR = 10


def the_statistics_period(text: str, period: Period) -> bool:
    """Is ``period`` (found in ``text``) the statement of the statistics period — what GL701 checks
    against the report year and GL702 takes as the year the report is of? It is a statement
    (:func:`states_period`), and it is read as the period when a word about the data or the period
    stands just before it in its clause (统计时限为…, 本报告所列数据的统计期限自…), or names it just
    after (…为本报告统计期限), or when it is a whole calendar year in a sentence about the data. Not a
    range of days in a sentence that only mentions data elsewhere (2022年3月1日至5月31日，开展政务数据
    清理专项行动: a campaign)."""
    if not states_period(text, period):
        return False
    ss, se = sentence_bounds(text, period.start)
    first, last = period.first, period.last
    if first[1:] == (1, 1) and last[1:] == (12, 31) and first[0] == last[0] and _ABOUT_DATA.search(text, ss, se):
        return True
    a = max(ss, period.start - _NEAR)
    before = text[a:period.start]
    cut = max(before.rfind(c) for c in _CLAUSE)
    if cut != -1 and before[cut] in "：:" and not before[cut + 1:].strip():
        cut = max(before.rfind(c, 0, cut) for c in _CLAUSE)  # (统计期限：2022年…: the label's colon)
    if _ABOUT_DATA.search(before, cut + 1):
        return True
    return _NAMED_AFTER.match(text, period.end, se) is not None


def _period(m: "re.Match[str]") -> Period:
    y1 = cn_int(m.group("y1"))
    y2 = cn_int(m.group("y2")) if m.group("y2") else y1
    return Period(m.start(), m.end(), (y1, cn_int(m.group("m1")), cn_int(m.group("d1"))),
                  (y2, cn_int(m.group("m2")), cn_int(m.group("d2"))))


def cn_int(s: Optional[str]) -> Optional[int]:
    """An Arabic or Chinese-digit number (二〇二三 -> 2023, 十二 -> 12)."""
    if s is None:
        return None
    if s.isdecimal():  # (not isdigit: ² is a digit that int() refuses)
        return int(s)
    y = year_value(s)
    if y is not None:
        return y
    v = chinese_to_number(s)
    return int(v) if v is not None else None


def year_value(s: str) -> Optional[int]:
    if s.isdecimal():
        return int(s)
    digits = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if len(s) == 4 and all(ch in digits for ch in s):
        return int("".join(str(digits[ch]) for ch in s))
    return None


# ------------------------------------------------------------------ data files

@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """A TOML file of ``rules/data/`` (installed as ``govlint_rules/data``)."""
    return load_toml(__package__ or "govlint_rules", "data", name)


def option(ctx, name: str, default):
    """A rule option from ``[tool.govlint.rules.GLxxx]``, falling back to ``default``."""
    opts = ctx.options or {}
    return opts.get(name, opts.get(name.replace("_", "-"), default))
