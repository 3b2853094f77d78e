"""Label keys: how a label written in a report is compared with an official one.

Comparison is after NFKC normalisation (full-width brackets and digits become ASCII), with all
whitespace, quotation marks and trailing colons removed; a second key also drops the leading item
number (一、 （一） 1. (1)), so that a label written without its number still matches.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional
from .relazy import cached_compile

_QUOTES = str.maketrans("", "", "“”\"‘’'「」『』")
_NUMBERING = cached_compile(
    r"^(?:第?[一二三四五六七八九十]+[、.,，．﹑]|\([一二三四五六七八九十]+\)[、.]?|\d{1,2}[.、．,，)](?!\d)|\(\d{1,2}\))+"
)


# an article and item of the regulation, as table 二's captions cite them: 第二十条第（一）项, also
# written 第二十条第一项, 第二十条(一)项, 第20条第1项. The key keeps the template's Chinese numerals: keys
# are also looked for as they stand in text run together (govlint.flatten)
_ARTICLE = cached_compile(r"第(\d{1,2}|[一二三四五六七八九十]{1,3})条第?\(?(\d{1,2}|[一二三四五六七八九十]{1,3})\)?项")
_CN_DIGITS = "零一二三四五六七八九"


def _chinese(n: str) -> str:
    """A number of 1–99 in Chinese numerals (二十, 十五, 八); Chinese numerals are kept as written."""
    if not n.isdecimal():
        return n
    v = int(n)
    if not 0 < v < 100:
        return n
    tens, ones = divmod(v, 10)
    return ((_CN_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") + (_CN_DIGITS[ones] if ones else "")


def _article(m) -> str:
    return f"第{_chinese(m.group(1))}条第({_chinese(m.group(2))})项"


# an item number written as a circled digit (①属于国家秘密, which NFKC would make "1属于国家秘密") or
# as a number set off by a space alone (1 属于国家秘密, which loses its space with the whitespace):
# both written as "1." before the key is made, as the template numbers its sub-rows (not a number
# and its unit: 12 件)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_LOOSE_NUMBER = cached_compile(r"^\s*(?:([①-⑳])\s*|(\d{1,2})\s+(?=[^\s\d.．、,，)）%％件个人次项条万元亿家份篇天日月年]))")


def _item_number(m) -> str:
    return f"{_CIRCLED.index(m.group(1)) + 1 if m.group(1) else m.group(2)}."


_WORD_HYPHEN = cached_compile(r"(?<=[\u4e00-\u9fff])[-‐‑](?=[\u4e00-\u9fff])")


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """NFKC, without whitespace, quotes, soft hyphens (or a hyphen between two Chinese characters,
    where a line was broken) or trailing punctuation; an article and item cited in any of the usual
    ways written as 第二十条第(一)项; 其它 as 其他; a leading ① or "1 " as "1."."""
    if text[:1] in _CIRCLED or text[:1].isspace() or text[:1].isdigit():
        text = _LOOSE_NUMBER.sub(_item_number, text, count=1)
    s = "".join(unicodedata.normalize("NFKC", text).split()).translate(_QUOTES)
    if "\u00ad" in s or "-" in s or "‐" in s:
        # a soft hyphen, or a hyphen a line was broken at inside a Chinese word (不掌-握): not written
        s = _WORD_HYPHEN.sub("", s.replace("\u00ad", ""))
    if "项" in s and "条" in s:
        s = _ARTICLE.sub(_article, s)
    return common_writing(s).rstrip(":：。.,，;；")


def common_writing(s: str) -> str:
    """``s`` with the variant writings reports use in labels and headings as the template writes them:
    其它 as 其他 (其它结果, 3.其它, 六、其它需要报告的事项)."""
    return s.replace("其它", "其他") if "其它" in s else s


@lru_cache(maxsize=4096)
def bare_key(text: str) -> str:
    """:func:`key` without the leading item number(s)."""
    k = key(text)
    stripped = _NUMBERING.sub("", k)
    return stripped or k


def strip_numbering(k: str) -> str:
    """A key (already normalised by :func:`key`) without its leading item number(s); "" if nothing else."""
    return _NUMBERING.sub("", k)


_NOT_WORD = cached_compile(r"[^\w]+")


def note_after(written: str, official: str, full: str = "") -> Optional[str]:
    """The fill-in note that the label key ``written`` adds after the official label key
    ``official`` (``规章(设区的市、自治州人民政府应提供相关数据)`` after ``规章``): the bracketed rest; None
    when ``written`` is not ``official`` followed by a note in brackets. A note after a label of two
    or three characters must be closed (``其他(`` starts no note). ``full`` is the template's own
    label key (``official`` may be a shorter alias of it): a rest that is the template's own note or
    its beginning, punctuation aside (``部分公开(区分处理的`` for ``部分公开(区分处理的,只计这一情形,
    不计其他情形)``, as a PDF's line cuts it), is the official label itself: ""."""
    n = len(official)
    if len(written) <= n + 2 or written[n] != "(" or not written.startswith(official) or numbering(written[n:]):
        return None
    rest = written[n:]
    if full.startswith(official) and len(full) > n and _NOT_WORD.sub("", full[n:]).startswith(_NOT_WORD.sub("", rest)):
        return ""
    if n < 4 and not written.endswith(")"):
        return None
    return rest


def numbering(text: str) -> str:
    """The leading item number as written (normalised), e.g. "(三)" or "1."; "" if none."""
    k = key(text)
    m = _NUMBERING.match(k)
    return m.group(0) if m else ""


# ----------------------------------------------------------------------------- OCR look-alikes

#: characters OCR reads for a character of the format's labels they look like, none of them in any
#: label of the format: 子 for 予 (予以公开, 不予处理), 末 for 未, 己/巳 for 已, 幵 for 开, 仵 for 件
_LOOKALIKE_CHARS = str.maketrans({"子": "予", "末": "未", "己": "已", "巳": "已", "幵": "开", "仵": "件"})
# item numbers OCR misreads: (=) for (二), (-) for (一), =、 for 二、, -、 for 一、, l. / I. for 1., Z. for 2.
_LOOKALIKE_NUMBER = cached_compile(
    r"(?:(?<=^)|(?<=[\s)）]))(?:([(（]\s*)([=\-—－一≡])(\s*[)）])|([=\-—－≡])(?=\s*[、，,])|([lI|ZzSB])(?=\s*[.．、]\s*[\u4e00-\u9fff]))")
_NUMERAL_FOR = {"=": "二", "-": "一", "—": "一", "－": "一", "一": "一", "≡": "三"}
_DIGIT_FOR = {"l": "1", "I": "1", "|": "1", "Z": "2", "z": "2", "S": "5", "B": "8"}


def _number_for(m) -> str:
    if m.group(2) is not None:
        return f"{m.group(1)}{_NUMERAL_FOR[m.group(2)]}{m.group(3)}"
    if m.group(4) is not None:
        return _NUMERAL_FOR[m.group(4)]
    return _DIGIT_FOR[m.group(5)]


def lookalike_fold(text: str) -> str:
    """``text`` with the characters and item numbers OCR misreads (子以公开, 公幵, 己获取, 逾期末按,
    (=), l.) written as the format's labels have them; ``text`` itself if it has none."""
    out = text.translate(_LOOKALIKE_CHARS)
    return _LOOKALIKE_NUMBER.sub(_number_for, out)
