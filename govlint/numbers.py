"""Numbers in 政府信息公开工作年度报告: table cells and quantities in prose.

This module is self-contained (standard library + ``attrs``) and is called on
every table cell and every paragraph of every report, so all regular
expressions are compiled once at import time and are written so that their
running time is linear in the input (every unbounded repetition is over a
single character class and is never followed by a mandatory element that
could make the engine retry it from every start position).

Table cells -- :func:`parse_cell`
---------------------------------
A cell is classified as ``"blank"`` (nothing but whitespace), ``"placeholder"``
(a filler such as ``-``, ``——``, ``/``, ``无``, ``—/—`` written instead of a
number), ``"number"`` (optionally signed Arabic number, ASCII or full-width
digits, optional thousands separators and decimals, optional unit suffix such
as ``件``, ``万元``, ``%``) or ``"text"`` (anything else, including list
labels such as ``2.其他法律行政法规禁止公开``).

Quantities in prose -- :func:`find_quantities`
----------------------------------------------
A *quantity* is a number that counts or measures something: ``503条``,
``347451万次左右``, ``约1.5万元``, ``三千二百件``, ``100%``, ``百分之八十``,
``3至5件``.  The linter compares such numbers with the statistical tables,
so anything that merely *looks* numeric but is not an amount must be left
out, otherwise every report would produce noise.  The following are **not**
quantities:

* years and dates: ``2022年``, ``2022年1月1日``, ``12月31日``, ``1月``,
  ``二〇二二年``, ``2023-02-20``, ``15:07``, ``(2022年版)``; a bare
  four-digit number between 1900 and 2100 is taken to be a year;
* ordinals and list markers: ``1.健全组织领导``, ``1、``, ``(1)``, ``（一）``,
  ``一是``, ``第二十条``, ``第(一)项``, ``第3季度``;
* document numbers and identifiers: ``国办公开办函〔2021〕30号``,
  ``国务院令第711号``, ``7号楼14层``, anything glued to ASCII letters or URL
  punctuation (``www.example.gov.cn/202302/t20230220_80629.htm``, e-mail
  addresses, ``5G``, ``WORD``);
* telephone numbers and postcodes: ``0591-23165250``, ``邮编：350400``,
  eleven-digit mobile numbers, ``12345热线``, numbers with leading zeros;
* Chinese numerals that are part of a word rather than a count: ``一张网``,
  ``一朵云``, ``统一``, ``唯一``, ``进一步``, ``一站式``, ``三安全一稳定``,
  ``三类内部事务``, ``四类过程性``, ``一定``, ``一些``, ``十四五``, ``二十大``,
  ``二中全会``.  Rule: a Chinese-numeral quantity counts only when it is
  followed by a counting unit (件 条 次 个 人次 篇 期 家 项 元 份 场 起 类 部 批
  户 人 天 日 个工作日 …) -- or ends in 万/亿 after a digit (``五万``) -- and
  is not preceded by ``第``.  A lone ``百``/``千``/``万``/``亿`` (``千家万户``)
  counts only when marked as approximate (``近千条``, ``千余件``); a lone
  ``十`` with its unit is ten (``十件``).

An Arabic number counts when it is followed by a unit, by 万/亿/千, or by
``%``, and also when it stands bare (then ``unit`` is ``None``) provided that
none of the exclusions above applies.

Spans
-----
``Quantity.raw`` is always ``text[start:end]``.  The span covers the whole
quantity expression: an approximation marker written *before* the number
(``约``, ``大约``, ``共约``, ``近``, ``将近``, ``超过``, ``逾``, ``达`` …) and one
written *after* the unit (``左右``, ``以上``, ``上下``, ``许``) are included, as
are ``余``/``多`` between number and unit.  So ``347451万次左右`` and
``约3.5亿元`` are single spans.  Returned quantities are sorted by ``start``
and never overlap.

Known limitations (deliberate, to stay fast and predictable): numbers with
more than 30 digits, or Chinese numerals longer than 32 characters, are
ignored; ``1万2千`` style mixed numbers are not combined; ``，`` (full-width
comma) is accepted as a thousands separator only with exactly three digits
after it, as for ``,``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache


from . import records
from .relazy import cached_compile, lazy_compile

__all__ = [
    "CellValue",
    "Quantity",
    "parse_cell",
    "find_quantities",
    "chinese_to_number",
    "lookalike_figure",
    "chinese_figure",
]

# ---------------------------------------------------------------------------
# Shared character tables
# ---------------------------------------------------------------------------

#: Full-width digits / punctuation -> ASCII, used before numeric conversion.
_FW_TABLE = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

#: Numbers longer than this (in digits) are not treated as numbers at all:
#: they are identifiers or garbage, and converting them would be slow.
_MAX_DIGITS = 30
#: Chinese numerals longer than this are rejected by chinese_to_number.
_MAX_CN_LEN = 32

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
#: Everything str.isspace() accepts (incl. U+3000 and NBSP) plus zero-width
#: characters.  str.strip(chars) is linear, unlike a regex anchored at "$".
#: (written out: computing it over range(0x3001) took ~2 ms at every start-up; tests/test_numbers.py
#: checks it against str.isspace())
_STRIP_CHARS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000") + _ZERO_WIDTH

_D = "0-9０-９"  # digit class body
_AR_NUM = rf"(?:[{_D}]{{1,3}}(?:[,，][{_D}]{{3}})+(?![{_D}])|[{_D}]+)(?:[.．][{_D}]+)*"
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN_NUM = f"[{_CN_CHARS}]+"

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_ALL = frozenset(_CN_DIGITS) | frozenset(_CN_SMALL_UNITS) | frozenset(_CN_BIG_UNITS)
_CN_UNIT_CHARS = frozenset(_CN_SMALL_UNITS) | frozenset(_CN_BIG_UNITS)
_CN_NONZERO_DIGITS = frozenset(k for k, v in _CN_DIGITS.items() if v)

_MULTIPLIERS = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
    "亿": 10**8,
    "千": 10**3,
}


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------

# unit -> negative-lookahead body (characters/words that, following the unit,
# show that the "unit" is really the start of another word: 条例, 期间, 部署 …).
_COMMON_UNITS: dict[str, str] = {
    "个工作日": "",
    "工作日": "",
    "个百分点": "",
    "个月": "",
    "人次": "",
    "批次": "",
    "家次": "",
    "件次": "",
    "户次": "",
    "场次": "",
    "篇次": "",
    "条次": "",
    "部门": "",
    "小时": "",
    "分钟": "",
    "大类": "",
    "小类": "",
    "大项": "",
    "小项": "",
    "个": "",
    "件": "",
    "条": "例",
    "次": "性|序|要|数|日",
    "篇": "",
    "家": "庭|长|属|具|乡|园",
    "项": "目",
    "元": "化|素|旦|首",
    "份": "额",
    "场": "所|景|地|合|馆",
    "起": "草|来|步|点|始|到|止",
    "类": "内部事务|过程性|似|别|型",
    "部": "署|分|长|委|队|位|件",
    "批": "准|复|评|示|注",
    "户": "籍|口|外|型",
    "人": "民|大|社|事|才|力|工|格|口",
    "天": "然|津|下|气|空",
    "日": "报|期|常|益|程|志|趋",
    "名": "单|称|义|录|额|片",
    "位": "置|于",
    "例": "",
    "宗": "旨",
    "套": "餐",
    "所": "有|在|属|以|述|得|谓",
    "处": "理|置|室|长|罚|分|于",
    "轮": "",
    "周": "年|边|末|围",
    "倍": "",
}
_CN_ONLY_UNITS: dict[str, str] = {
    # "一期/二期/三期" is very often a project phase ("雪亮工程(三期)").
    "期": "间|限|工程|项目|[)）]",
}
_AR_ONLY_UNITS: dict[str, str] = {
    "期": "间|限",
    "年": "度|初|底|末|中|以来|来",
    "张": "",
    "台": "",
    "册": "",
    "封": "",
    "座": "",
    "平方米": "",
    "公里": "",
    "海里": "",
    "千米": "",
    "米": "",
    "吨": "",
    "亩": "",
    "%": "",
    "％": "",
    "‰": "",
}


def _unit_alternation(specs: dict[str, str]) -> str:
    parts = []
    for unit in sorted(specs, key=len, reverse=True):
        la = specs[unit]
        parts.append(re.escape(unit) + (f"(?!{la})" if la else ""))
    return "|".join(parts)


_AR_UNITS = {**_COMMON_UNITS, **_AR_ONLY_UNITS}
_CN_UNITS = {**_COMMON_UNITS, **_CN_ONLY_UNITS}
_AR_UNIT_ALT = _unit_alternation(_AR_UNITS)
_CN_UNIT_ALT = _unit_alternation(_CN_UNITS)

_POST_APPROX = r"左右|以上|上下(?![级班游联齐文])|许(?![可多])"
_SP = "[ \u00a0\u3000]"

_AR_SUFFIX_RE = cached_compile(
    r"(?P<mid1>余|多)?"
    # a blank may stand before the multiplier as before the unit: text taken from a PDF puts one
    # between Latin digits and CJK characters (347451 万次, 2.28 亿条)
    rf"(?:{_SP}?(?P<mult>万亿|千万|百万|万|亿|千(?![米克瓦])))?"
    r"(?P<mid2>余|多)?"
    rf"(?:{_SP}?(?P<unit>{_AR_UNIT_ALT}))?"
    rf"(?P<post>{_POST_APPROX})?"
)
_CN_SUFFIX_RE = cached_compile(
    r"(?P<mid1>余|多)?"
    # a multiplier can only follow after 余/多 (一百多万元): the numeral run
    # itself is maximal and has already absorbed any directly following 万/亿
    r"(?P<mult>万亿|万|亿)?"
    rf"(?:{_SP}?(?P<unit>{_CN_UNIT_ALT}))?"
    rf"(?P<post>{_POST_APPROX})?"
)
_PCT_SUFFIX_RE = cached_compile(rf"(?P<post>{_POST_APPROX})?")

_TIME_UNITS = frozenset({"年", "个月", "天", "日", "周", "小时", "分钟", "个工作日", "工作日"})

# ---------------------------------------------------------------------------
# Scanner regexes
# ---------------------------------------------------------------------------

_TOKEN_RE = cached_compile(
    rf"(?P<pct>百分之)(?P<pctnum>{_AR_NUM}|{_CN_NUM})"
    rf"|(?P<ar>{_AR_NUM})"
    rf"|(?P<cn>{_CN_NUM})"
)
_AR_TOKEN_RE = cached_compile(_AR_NUM)
_CN_TOKEN_RE = cached_compile(_CN_NUM)
_RANGE_SEP_RE = cached_compile(r"——|[至到~～\-－—–]")
_HYPHENS = frozenset("-－—–~～")

#: Words in which a Chinese numeral is part of the word, not a count.
_CN_WORDS = [
    "统一", "唯一", "同一", "单一", "逐一", "专一", "划一", "归一", "合一", "之一",
    "(?<![零〇一二两三四五六七八九十百千])万一(?![十百千万亿])", "一一", "每一", "任一", "某一", "另一", "如一", "进一步", "一站式",
    "一次性", "一体化", "一体", "一条龙", "一件事", "一网通", "一网统管", "一把手",
    "一揽子", "一盘棋", "一张网", "一朵云", "一门式", "一窗", "一线", "一律", "一般",
    "一致", "一定", "一些", "一切", "一样", "一直", "一贯", "一并", "一道", "一度",
    "一流", "一方面", "一系列", "一手", "一起(?![案事诉纠投行复举])",
    "一[户人企村事案地品]一",
    "零件", "零部件", "零星", "零售", "零距离", "零跑腿",
    "三类内部事务", "四类过程性", "十[三四五]五", "[二十][十九八七]大(?![类项])",
    "一带一路", "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "两学一做",
    "千方百计", "千家万户", "十万火急", "三三两两", "一分为二",
]
_CN_WORDS_RE = lazy_compile("|".join(_CN_WORDS))

# Bare numbers preceded by one of these words are identifiers.
_ID_KEYWORD_RE = cached_compile(
    r"(?:电话|传真|邮编|邮政编码|热线|手机|号码|编号|编码|代码|账号|帐号|QQ|qq|微信|信箱|座机)"
    r"[：:\s]*$"
)
_HOTLINE_AFTER_RE = lazy_compile(r"[\u4e00-\u9fff]{0,6}热线")

_ASCII_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_@/\\:#&=?~")
_ASCII_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_@/\\:#&=")
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_ALPHA = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ALL_DIGITS = frozenset("0123456789０１２３４５６７８９")
_OPEN_DOC = frozenset("〔［[【")
_CLOSE_DOC = frozenset("〕］]】")
_CLOSE_PAREN = frozenset(")）")
_OPEN_PAREN = frozenset("(（")
#: Characters after which "N、" is a list marker rather than an enumeration.
_MARKER_BOUNDARY = frozenset("。；;：:！!？?）)】」』\"”，,\n\r\t \u3000\u00a0")
#: Arabic number followed by one of these is an address / ordinal / time.
_AR_STOP_AFTER = frozenset("号楼层室栋幢弄巷路届级版时")

# Approximation prefixes, longest first: (marker, characters that must not
# precede it for it to count, e.g. 节约 / 预约 are not "about").
_APPROX_PREFIXES: tuple[tuple[str, str], ...] = (
    ("共约", ""),
    ("大约", ""),
    ("约为", ""),
    ("将近", ""),
    ("接近", ""),
    ("超过", ""),
    ("多达", ""),
    ("高达", ""),
    ("约", "节制签预契公条违守履特邀婉相誓践"),
    ("近", "最附临就靠贴亲接将"),
    ("逾", ""),
    ("达", "到传下送表抵通直转发雷"),
    ("超", "赶"),
)

_APPROX_LAST_CHARS = frozenset(marker[-1] for marker, _ in _APPROX_PREFIXES)

# ---------------------------------------------------------------------------
# Public data types
# ---------------------------------------------------------------------------


@records.frozen
class CellValue:
    """Classification of one table cell.

    ``kind`` is ``"number"``, ``"blank"``, ``"placeholder"`` or ``"text"``.
    For numbers ``value`` is an ``int`` when the text had no decimal part and
    a ``float`` otherwise (the written number; a multiplier unit such as
    ``万元`` is *not* applied), ``unit`` is the unit suffix written in the
    cell (``"件"``, ``"万元"``, ``"%"`` -- full-width ``％`` is reported as
    ``"%"``; an approximation such as ``100余件`` keeps it: ``"余件"``) or
    ``None``, and ``is_integer_text`` tells whether the number was
    written without a decimal point (``"12"`` -> True, ``"12.0"`` -> False).
    ``note`` is what a number cell carries after its figure that is neither a unit nor part of the
    figure: a remark in brackets (``3（其中1件已撤回）`` -> ``"（其中1件已撤回）"``) or a footnote mark
    (``5*``, ``5①``, ``5注1`` -> ``"*"``, ``"①"``, ``"注1"``); ``None`` if there is none.
    """

    kind: str
    value: int | float | None
    unit: str | None
    is_integer_text: bool
    note: str | None = None


@records.frozen
class Quantity:
    """A quantity found in prose by :func:`find_quantities`.

    Attributes:
        raw: ``text[start:end]``; includes approximation markers written
            immediately before (``约``) or after (``左右``) the quantity.
        start, end: code-point offsets of ``raw`` in the input.
        value: normalised magnitude, multiplier applied (``1.2万`` -> 12000.0).
            For a range this is ``low``.
        number_text: the written number (``"347451"``, ``"三千二百"``); for a
            range, the text from the first number to the end of the second
            (``"3至5"``, ``"3万-5"``).
        multiplier: 1, 1000, 10_000, 100_000_000 … taken from a suffix only
            (``5万元`` -> 10000; ``三千`` -> 1; ``三千万`` -> 10000).
        unit: counted unit (``"件"``, ``"次"``, ``"元"``, ``"%"`` …) or None.
            Money is always ``"元"`` (``5万元`` -> multiplier 10000, unit 元).
        approx: marked as approximate (约/近/超过/逾/达 …, 余/多, 左右/以上 …,
            or a Chinese "N or N+1" form such as ``两三个``).
        low, high: bounds of a range (``3至5件``), otherwise None.
        is_percent: ``unit == "%"`` (also for ``百分之八十``).
    """

    raw: str
    start: int
    end: int
    value: float
    number_text: str
    multiplier: int
    unit: str | None
    approx: bool
    low: float | None
    high: float | None
    is_percent: bool


# ---------------------------------------------------------------------------
# Table cells
# ---------------------------------------------------------------------------

_PLACEHOLDER_RE = cached_compile(
    r"(?:[\-‐‑‒–—―−－﹣─━/／\\＼×✕✗xX*＊·•.．。…_＿~～\s]|无|空|暂无|不适用|N/?A|n/?a)+"
)
_CELL_UNIT_ALT = _unit_alternation({u: "" for u in _AR_UNITS})
# a currency sign before the number (¥1500, ￥0.5, -¥3 or ¥-3): the amount is in 元
_CELL_NUM_RE = cached_compile(
    r"(?P<cur>[¥￥])?[ \u00a0\u3000]*(?P<sign>[+\-＋－−﹣])?[ \u00a0\u3000]*(?(cur)|(?P<cur2>[¥￥])?[ \u00a0\u3000]*)"
    rf"(?P<int>[{_D}]{{1,3}}(?:[,，][{_D}]{{3}})+|[{_D}]+)?"
    rf"(?:[.．](?P<frac>[{_D}]+))?"
    r"[ \u00a0\u3000]*"
    rf"(?P<unit>(?:余|多)?(?:万亿|千万|百万|万|亿|千)?(?:{_CELL_UNIT_ALT})?)"
)
_NEGATIVE_SIGNS = frozenset("-－−﹣")

_BLANK = CellValue("blank", None, None, False)
_PLACEHOLDER = CellValue("placeholder", None, None, False)
_TEXT = CellValue("text", None, None, False)


def parse_cell(text: str) -> CellValue:
    """Classify and parse the text of one table cell (see :func:`_parse_cell`); memoised for short
    texts (cells repeat: most are ``0``), computed afresh for long ones so the cache stays small."""
    if len(text) <= 40:
        return _parse_cell_cached(text)
    return _parse_cell(text)


@lru_cache(maxsize=4096)
def _parse_cell_cached(text: str) -> CellValue:
    return _parse_cell(text)


#: footnote marks written after a figure (5*, 5※, 5①, 5¹, 5注, 5注1, 5注①)
_FOOTNOTE_MARKS = frozenset("*＊※†‡") | frozenset(chr(c) for c in range(0x2460, 0x2474)) | frozenset("¹²³⁰⁴⁵⁶⁷⁸⁹")
_NOTE_OPEN = {"）": "（", ")": "("}
_MAX_NOTE = 40


def _split_note(s: str) -> tuple[str, str] | None:
    """``s`` split into a figure and what follows it that is a remark in brackets or a footnote
    mark (see :attr:`CellValue.note`), or None. Linear: str.rfind and a scan of the tail only."""
    last = s[-1]
    if last in _NOTE_OPEN:
        i = max(s.rfind(_NOTE_OPEN[last]), s.rfind("（" if last == ")" else "("))
        if i <= 0 or len(s) - i > _MAX_NOTE:
            return None
        inner = s[i + 1:-1]
        if not inner.strip(_STRIP_CHARS) or any(ch in "（()）" for ch in inner):
            return None
        return s[:i], s[i:]
    j = len(s)
    while j > 0 and s[j - 1] in _FOOTNOTE_MARKS:
        j -= 1
    k = j
    while k > 0 and j - k < 2 and s[k - 1] in "0123456789０１２３４５６７８９":
        k -= 1
    if k > 1 and s[k - 1] == "注":
        return s[:k - 1], s[k - 1:]  # 5注, 5注1, 5注①
    if 0 < j < len(s) and len(s) - j <= 3:
        return s[:j], s[j:]  # 5*, 5①
    return None


def _parse_cell(text: str) -> CellValue:
    """:func:`_parse_plain`, and a figure followed by a remark in brackets or a footnote mark read as
    that figure with the remark as its ``note`` (``3（其中1件已撤回）``, ``5*``) -- not as text: a
    reviewer reads the figure, and the cell stays in its column."""
    v = _parse_plain(text)
    if v.kind != "text":
        return v
    s = text.strip(_STRIP_CHARS)
    cut = _split_note(s)
    if cut is None:
        return v
    head = _parse_plain(cut[0])
    if head.kind != "number":
        return v
    return CellValue("number", head.value, head.unit, head.is_integer_text, cut[1])


def _parse_plain(text: str) -> CellValue:
    """Classify and parse the text of one table cell.

    Whitespace (including U+3000, NBSP and zero-width characters) is stripped
    first.  Returns a :class:`CellValue` of kind ``blank``, ``placeholder``,
    ``number`` or ``text``; see the class docstring for the fields.

    >>> parse_cell(" １,２３４ 件")
    CellValue(kind='number', value=1234, unit='件', is_integer_text=True)
    >>> parse_cell("——").kind
    'placeholder'
    >>> parse_cell("2.其他法律行政法规禁止公开").kind
    'text'
    """
    s = text.strip(_STRIP_CHARS)
    if not s:
        return _BLANK
    if _PLACEHOLDER_RE.fullmatch(s):
        return _PLACEHOLDER
    m = _CELL_NUM_RE.fullmatch(s)
    if m is None:
        return _TEXT
    int_part, frac = m.group("int"), m.group("frac")
    if int_part is None and frac is None:
        return _TEXT
    digits = (int_part or "0").translate(_FW_TABLE).replace(",", "")
    if len(digits) + len(frac or "") > _MAX_DIGITS:
        return _TEXT
    negative = m.group("sign") in _NEGATIVE_SIGNS
    value: int | float
    if frac is None:
        value = int(digits)
        if negative:
            value = -value
    else:
        value = float(f"{digits}.{frac.translate(_FW_TABLE)}")
        if negative:
            value = -value
    unit = m.group("unit") or None
    if unit == "％":
        unit = "%"
    elif m.group("cur") or m.group("cur2"):
        if unit is None:
            unit = "元"  # ¥1500
        elif not unit.endswith("元"):
            return _TEXT  # ¥3件: no amount
    return CellValue("number", value, unit, frac is None)


# ---------------------------------------------------------------------------
# Figures misread by OCR
# ---------------------------------------------------------------------------

#: letters (and 〇) that OCR reads for the digit they look like: O/o/〇 for 0, l/I/| for 1, Z/z for 2,
#: S/s for 5, b for 6, B for 8, g/q for 9 (full-width forms through NFKC-free mapping below)
_LOOKALIKE_DIGITS = {"O": "0", "o": "0", "〇": "0", "Ｏ": "0", "ｏ": "0", "l": "1", "I": "1", "|": "1",
                     "ｌ": "1", "Ｉ": "1", "｜": "1", "Z": "2", "z": "2", "Ｚ": "2", "S": "5", "s": "5", "Ｓ": "5",
                     "b": "6", "B": "8", "Ｂ": "8", "g": "9", "q": "9"}
_LOOKALIKE_RE = cached_compile(
    "[" + _D + "".join(re.escape(c) for c in _LOOKALIKE_DIGITS) + "]{1,12}")


def lookalike_figure(text: str) -> str | None:
    """The figure a cell stands for whose digits OCR misread as the letters they look like (``1O`` ->
    ``10``, ``l`` -> ``1``, ``S`` -> ``5``, ``〇`` -> ``0``), or None: the text must be nothing but
    digits and such letters, at least one of them a letter, at most 12 characters.

    >>> lookalike_figure("1O"), lookalike_figure("S"), lookalike_figure("12"), lookalike_figure("OK")
    ('10', '5', None, None)
    """
    s = text.strip(_STRIP_CHARS)
    if not s or not _LOOKALIKE_RE.fullmatch(s):
        return None
    out = "".join(_LOOKALIKE_DIGITS.get(ch, ch) for ch in s).translate(_FW_TABLE)
    return out if out != s.translate(_FW_TABLE) else None


#: the counting units a Chinese numeral in a table cell may carry (十二件)
_CN_CELL_UNITS = ("人次", "件", "个", "项", "条", "次", "家", "宗", "起")


def chinese_figure(text: str) -> tuple[int, str | None] | None:
    """The count a table cell writes in Chinese numerals (``三`` -> 3, ``十二件`` -> 12 with unit
    ``件``, ``零`` -> 0, ``一百零五`` -> 105), or None: a single numeral character other than ``〇``
    (read by :func:`lookalike_figure` as the 0 OCR took it for), or a numeral with 十/百/千/万/亿;
    digit strings such as ``一二`` are not counts.

    >>> chinese_figure("十二件"), chinese_figure("三"), chinese_figure("一二"), chinese_figure("统一")
    ((12, '件'), (3, None), None, None)
    """
    s = text.strip(_STRIP_CHARS)
    if not s or len(s) > 12:
        return None
    unit = next((u for u in _CN_CELL_UNITS if s.endswith(u) and len(s) > len(u)), None)
    num = s[: -len(unit)] if unit else s
    if num == "〇" or (len(num) > 1 and not any(ch in _CN_UNIT_CHARS for ch in num)):
        return None
    v = chinese_to_number(num)
    return None if v is None else (v, unit)


# ---------------------------------------------------------------------------
# Chinese numerals
# ---------------------------------------------------------------------------


def _parse_section(s: str) -> int | None:
    """Parse a Chinese numeral below 10000 (no 万/亿).  '' -> 0."""
    total = 0
    pending: int | None = None
    last_unit = 10_000
    after_zero = False
    for idx, ch in enumerate(s):
        if ch == "零" or ch == "〇":
            if pending is not None:
                return None
            after_zero = True
            continue
        d = _CN_DIGITS.get(ch)
        if d is not None:
            if pending is not None:
                return None  # two digits in a row: 十四五
            pending = d
            continue
        u = _CN_SMALL_UNITS.get(ch)
        if u is None or u >= last_unit:
            return None
        if pending is None:
            if idx != 0:
                return None  # 一百十 / 零十
            pending = 1  # 十二, 百余, 千
        total += pending * u
        pending = None
        last_unit = u
        after_zero = False
    if pending is not None:
        if after_zero or last_unit in (10, 10_000):
            total += pending
        else:
            total += pending * (last_unit // 10)  # 三千五 = 3500, 两百五 = 250
    elif after_zero:
        return None  # trailing 零
    return total


def _parse_rest(s: str, big: int, sub) -> int | None:
    """Part after a 万/亿: handles 零-prefix and 一万五 abbreviation."""
    if not s:
        return 0
    if s[0] == "零" or s[0] == "〇":
        rest = s.lstrip("零〇")
        if not rest:
            return None
        v = sub(rest)
    elif len(s) == 1 and s in _CN_NONZERO_DIGITS:
        v = _CN_DIGITS[s] * (big // 10)
    else:
        v = sub(s)
    if v is None or v >= big:
        return None
    return v


def _parse_wan(s: str) -> int | None:
    i = s.rfind("万")
    if i < 0:
        return _parse_section(s)
    head, tail = s[:i], s[i + 1 :]
    hi = _parse_section(head) if head else 1
    if not hi:
        return None
    lo = _parse_rest(tail, 10_000, _parse_section)
    if lo is None:
        return None
    return hi * 10_000 + lo


def _parse_yi(s: str) -> int | None:
    i = s.rfind("亿")
    if i < 0:
        return _parse_wan(s)
    head, tail = s[:i], s[i + 1 :]
    hi = _parse_wan(head) if head else 1
    if not hi:
        return None
    lo = _parse_rest(tail, 100_000_000, _parse_wan)
    if lo is None:
        return None
    return hi * 100_000_000 + lo


def chinese_to_number(s: str) -> int | None:
    """Convert a Chinese numeral to an int, or return None.

    Supports the standard positional form (``三千二百`` -> 3200,
    ``一百零五`` -> 105, ``十二`` -> 12, ``一万二千`` -> 12000, ``一亿零五万``),
    the colloquial abbreviation after 百/千/万/亿 (``三千五`` -> 3500,
    ``一万五`` -> 15000), bare units (``千`` -> 1000), ``两`` as 2 and
    ``〇`` as a zero, and the digit-by-digit form used for years
    (``二〇二二`` -> 2022).  Malformed strings such as ``十四五`` and strings
    longer than 32 characters return None.
    """
    if not isinstance(s, str):
        return None
    s = s.strip(_STRIP_CHARS)
    if not s or len(s) > _MAX_CN_LEN:
        return None
    has_unit = False
    for ch in s:
        if ch not in _CN_ALL:
            return None
        if ch in _CN_UNIT_CHARS:
            has_unit = True
    if not has_unit:
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    return _parse_yi(s)


# ---------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------


def _ar_value(tok: str) -> tuple[Decimal, str, str] | None:
    """Decimal value, integer digits and fraction digits of an Arabic token."""
    norm = tok.translate(_FW_TABLE).replace(",", "")
    int_part, _, frac = norm.partition(".")
    if "." in frac:
        return None  # 1.2.3 -- section number, IP address, date
    if len(int_part) + len(frac) > _MAX_DIGITS:
        return None
    return Decimal(norm), int_part, frac


def _prev_char(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else ""


def _preceded_by_di(text: str, s: int) -> bool:
    """Ordinal: 第3 / 第 3 / 第(一) / 第（3）."""
    j = s - 1
    if j >= 0 and text[j] in " \u3000\u00a0":
        j -= 1
    if j >= 0 and text[j] in _OPEN_PAREN:
        j -= 1
    return j >= 0 and text[j] == "第"


def _approx_prefix(text: str, s: int, floor: int, unit: str | None) -> int:
    """Start of an approximation marker ending at ``s`` (``s`` if none)."""
    blank = s
    if s > floor and text[s - 1] in _BLANKS:
        s -= 1  # 约 3 件: one blank between the marker and the number
    if s <= floor or text[s - 1] not in _APPROX_LAST_CHARS:
        return blank
    window = text[max(floor, s - 2) : s]
    for marker, bad_before in _APPROX_PREFIXES:
        if window.endswith(marker):
            ps = s - len(marker)
            if bad_before:
                pc = _prev_char(text, ps)
                if pc and pc in bad_before:
                    continue
            if marker == "近" and unit in _TIME_UNITS:
                return blank  # 近3年 = "the last three years", not "about"
            return ps
    return blank


#: the blanks a typed or extracted text puts between a number and what follows it (2022 年, 30 号):
#: at most this many are looked across
_BLANKS = " \u00a0\u3000"
_MAX_BLANKS = 2


def _skip_blanks(text: str, e: int) -> int:
    """``e`` moved past up to two blanks (ASCII space, NBSP, U+3000) -- what follows a number."""
    n = min(len(text), e + _MAX_BLANKS)
    while e < n and text[e] in _BLANKS:
        e += 1
    return e


def _date_follows(text: str, e: int, int_part: str, frac: str, s: int) -> bool:
    """True if the Arabic number ending at ``e`` is part of a date/time/address (a blank may stand
    between: 2022 年, 〔2021〕30 号, 7 号楼)."""
    e = _skip_blanks(text, e)
    nxt = text[e] if e < len(text) else ""
    if not nxt:
        return False
    if nxt == "年":
        return (len(int_part) == 4 and not frac) or text.startswith("年度", e)
    if nxt == "月" or nxt == "号":
        return True
    if nxt == "日":
        j = s - 1
        while j >= 0 and text[j] in " \u3000\u00a0":
            j -= 1
        return j >= 0 and text[j] == "月"
    if nxt in _AR_STOP_AFTER:
        return True
    return text.startswith("季度", e) or text.startswith("点钟", e)


def _ar_context_excluded(text: str, s: int, e: int) -> bool:
    """Identifier/ordinal context tests that apply to every Arabic number."""
    prev = _prev_char(text, s)
    nxt = text[e] if e < len(text) else ""
    if prev:
        if prev in _ASCII_BEFORE or prev in _OPEN_DOC or prev in _CLOSE_DOC:
            return True
        if prev in ".．" and s >= 2 and text[s - 2] in _ASCII_ALNUM:
            return True
        if prev in _HYPHENS and s >= 2 and text[s - 2] in _ALL_DIGITS:
            return True  # second half of 0591-23165250 / 2023-02-20
    if nxt:
        if nxt in _ASCII_AFTER or nxt in _CLOSE_DOC:
            return True
        if nxt in ".．" and e + 1 < len(text) and text[e + 1] in _ASCII_ALPHA:
            return True  # 80629.htm
    return _preceded_by_di(text, s)


def _bare_excluded(text: str, s: int, e: int, int_part: str, frac: str) -> bool:
    """Exclusions for an Arabic number with no unit, multiplier or approx mark."""
    n = len(text)
    nxt = text[e] if e < n else ""
    prev = _prev_char(text, s)
    if len(int_part) == 4 and 1900 <= int(int_part) <= 2100 and len(frac) <= 2:
        return True  # a year (or 2022.12)
    if len(int_part) > 1 and int_part[0] == "0":
        return True  # 0591, 001
    if len(int_part) == 11 and int_part[0] == "1" and not frac:
        return True  # mobile phone
    if nxt:
        if nxt in ".．":
            return True  # 1.健全组织领导 (a decimal would have been consumed)
        if nxt == "、" and (not prev or prev in _MARKER_BOUNDARY) and len(int_part) <= 2:
            return True  # 1、
        if nxt in _CLOSE_PAREN:
            return True  # (1) / 1）
        rs = _RANGE_SEP_RE.match(text, e)
        if rs is not None and _AR_TOKEN_RE.match(text, rs.end()):
            return True  # 1-3月 / a range without a unit: ambiguous, not counted
        if _HOTLINE_AFTER_RE.match(text, e):
            return True
    if prev and _ID_KEYWORD_RE.search(text, max(0, s - 8), s):
        return True
    return False


def _arabic(text: str, s: int, e: int, floor: int) -> Quantity | None:
    tok = text[s:e]
    parsed = _ar_value(tok)
    if parsed is None:
        return None
    dec, int_part, frac = parsed
    if _ar_context_excluded(text, s, e):
        return None
    if _date_follows(text, e, int_part, frac, s):
        return None

    sm = _AR_SUFFIX_RE.match(text, e)
    mult_s = sm.group("mult")
    unit = sm.group("unit")
    mid = sm.group("mid1") or sm.group("mid2")
    post = sm.group("post")
    end = sm.end()
    mult = _MULTIPLIERS[mult_s] if mult_s else 1

    low = high = None
    number_text = tok
    if unit is None and not mid and not post:
        # range: 3-5件, 3至5件, 3万至5万元, 3-5万元
        p = sm.end("mult") if mult_s else e
        rs = _RANGE_SEP_RE.match(text, p)
        if rs is not None:
            t2 = _AR_TOKEN_RE.match(text, rs.end())
            if t2 is not None:
                rng = _arabic_range_tail(text, t2.start(), t2.end())
                if rng is not None:
                    dec2, mult2_s, unit, mid, post, end = rng
                    mult2 = _MULTIPLIERS[mult2_s] if mult2_s else 1
                    low_d = dec * (mult if mult_s else mult2)
                    high_d = dec2 * mult2
                    low, high = float(low_d), float(high_d)
                    number_text = text[s : t2.end()]
                    mult = mult2
                    mult_s = mult2_s
                    value = low
                    return _finish(
                        text, s, end, floor, value, number_text, mult, unit,
                        bool(mid or post), low, high,
                    )
        if not mult_s:
            if _bare_excluded(text, s, e, int_part, frac):
                return None
            end = e
    value = float(dec * mult)
    return _finish(text, s, end, floor, value, number_text, mult, unit, bool(mid or post), low, high)


def _arabic_range_tail(text: str, s2: int, e2: int):
    """Second half of an Arabic range; requires a multiplier or a unit."""
    parsed = _ar_value(text[s2:e2])
    if parsed is None:
        return None
    dec2, int2, frac2 = parsed
    nxt = text[e2] if e2 < len(text) else ""
    if nxt and (nxt in _ASCII_AFTER or nxt in _CLOSE_DOC):
        return None
    if _date_follows(text, e2, int2, frac2, s2):
        return None
    sm = _AR_SUFFIX_RE.match(text, e2)
    if not (sm.group("mult") or sm.group("unit")):
        return None
    return (
        dec2,
        sm.group("mult"),
        sm.group("unit"),
        sm.group("mid1") or sm.group("mid2"),
        sm.group("post"),
        sm.end(),
    )


def _finish(
    text: str,
    s: int,
    end: int,
    floor: int,
    value: float,
    number_text: str,
    multiplier: int,
    unit: str | None,
    approx: bool,
    low: float | None,
    high: float | None,
) -> Quantity:
    if unit == "％":
        unit = "%"
    start = _approx_prefix(text, s, floor, unit)
    if start < s:
        approx = True
    return Quantity(
        raw=text[start:end],
        start=start,
        end=end,
        value=value,
        number_text=number_text,
        multiplier=multiplier,
        unit=unit,
        approx=approx,
        low=low,
        high=high,
        is_percent=unit == "%",
    )


def _cn_blacklisted(text: str, s: int, e: int) -> bool:
    lo = max(0, s - 6)
    for m in _CN_WORDS_RE.finditer(text, lo, min(len(text), e + 8)):
        if m.start() < e and m.end() > s:
            return True
        if m.start() >= e:
            break
    return False


def _cn_value(run: str) -> tuple[float, str, int, float | None, float | None, bool] | None:
    """value, number_text, multiplier, low, high, approx for a Chinese run."""
    if not any(ch in _CN_UNIT_CHARS for ch in run):
        if len(run) == 2:
            a, b = _CN_DIGITS[run[0]], _CN_DIGITS[run[1]]
            if 0 < a < b:  # 两三个, 三五天: "two or three"
                return float(a), run, 1, float(a), float(b), True
            return None
        if len(run) > 2 and run[0] in "零〇":
            return None
    v = chinese_to_number(run)
    if v is None:
        return None
    # split a trailing 万/亿 off as the multiplier when the head is simple
    for suffix in ("万亿", "亿", "万"):
        if run.endswith(suffix):
            head = run[: -len(suffix)]
            if head and "万" not in head and "亿" not in head:
                hv = chinese_to_number(head)
                if hv is not None:
                    mult = 10**12 if suffix == "万亿" else _CN_BIG_UNITS[suffix]
                    return float(v), head, mult, None, None, False
            break
    return float(v), run, 1, None, None, False


def _chinese(text: str, s: int, e: int, floor: int) -> Quantity | None:
    if e - s > _MAX_CN_LEN:
        return None
    run = text[s:e]
    sm = _CN_SUFFIX_RE.match(text, e)
    unit = sm.group("unit")
    mid = sm.group("mid1")
    post = sm.group("post")
    end = sm.end()
    low = high = None

    range_end = None
    mult_s = sm.group("mult")
    if unit is None and not mid:
        rs = _RANGE_SEP_RE.match(text, e)
        if rs is not None:
            t2 = _CN_TOKEN_RE.match(text, rs.end())
            if t2 is not None and t2.end() - t2.start() <= _MAX_CN_LEN:
                sm2 = _CN_SUFFIX_RE.match(text, t2.end())
                if sm2.group("unit"):
                    range_end = t2
                    unit, mid, post, end = sm2.group("unit"), sm2.group("mid1"), sm2.group("post"), sm2.end()
                    mult_s = sm2.group("mult")

    has_digit = any(ch in _CN_DIGITS for ch in run)
    if unit is None and not mult_s:
        if not (has_digit and run[-1] in _CN_BIG_UNITS):
            return None  # 一是, 十四五, 二十大: no counting unit
    prev = _prev_char(text, s)
    if prev == "第" or _preceded_by_di(text, s):
        return None
    if prev and prev in _ALL_DIGITS:
        return None  # 2千: the Arabic number was rejected (e.g. a year)
    if prev and prev in "几数若" and run[0] not in _CN_DIGITS:
        return None  # 数十件, 几百条: vague
    nxt_after = text[end] if end < len(text) else ""
    if nxt_after and nxt_after in _ALL_DIGITS:
        return None
    if _cn_blacklisted(text, s, e):
        return None
    parsed = _cn_value(run)
    if parsed is None:
        return None
    value, number_text, mult, low, high, approx = parsed
    if range_end is not None:
        if low is not None:
            return None
        run2 = range_end.group()
        p2 = _cn_value(run2)
        if p2 is None or p2[3] is not None:
            return None
        low, high = value, p2[0]
        if mult == 1 and p2[2] > 1 and not any(ch in _CN_BIG_UNITS for ch in run):
            low *= p2[2]  # 三到五万元: the 万 applies to both ends
        value = low
        number_text = text[s : range_end.end()]
        mult = p2[2]
    if mult_s:
        # 一百多万元: explicit multiplier after 余/多
        mult = _MULTIPLIERS[mult_s]
        value *= mult
        if low is not None:
            low *= mult
            high *= mult
            value = low
    approx = approx or bool(mid or post)
    if not has_digit and run != "十":
        # a lone 百/千/万/亿: only as an approximate amount (近千条, 千余件); a lone 十 is ten
        # (行政复议案件十件, 十项措施), as 十一, 十二 are eleven and twelve
        if not approx and _approx_prefix(text, s, floor, unit) == s:
            return None
    return _finish(text, s, end, floor, value, number_text, mult, unit, approx, low, high)


def _percent_words(text: str, m: re.Match, floor: int) -> Quantity | None:
    s, e = m.start(), m.end()
    num = m.group("pctnum")
    if num[0] in _ALL_DIGITS:
        parsed = _ar_value(num)
        if parsed is None:
            return None
        value = float(parsed[0])
    else:
        if len(num) > _MAX_CN_LEN:
            return None
        v = chinese_to_number(num)
        if v is None:
            return None
        value = float(v)
    pm = _PCT_SUFFIX_RE.match(text, e)
    return _finish(text, s, pm.end(), floor, value, num, 1, "%", bool(pm.group("post")), None, None)


def find_quantities(text: str) -> list[Quantity]:
    """Find the quantities (counts, amounts, percentages) written in ``text``.

    See the module docstring for what is and is not a quantity.  The result
    is sorted by ``start``; spans never overlap and
    ``text[q.start:q.end] == q.raw`` always holds.

    >>> [(q.raw, q.value, q.unit) for q in find_quantities("共收到建议、提案9件")]
    [('9件', 9.0, '件')]
    """
    out: list[Quantity] = []
    floor = 0
    for m in _TOKEN_RE.finditer(text):
        s = m.start()
        if s < floor:
            continue
        if m.group("pct") is not None:
            q = _percent_words(text, m, floor)
        elif m.group("ar") is not None:
            q = _arabic(text, s, m.end(), floor)
        else:
            q = _chinese(text, s, m.end(), floor)
        if q is not None:
            out.append(q)
            floor = q.end
    return out
