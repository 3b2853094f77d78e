"""Characters that look like Chinese characters but are not: read as the characters they stand for.

Text copied out of a PDF (and web pages made from such text) often holds a Kangxi radical or a
CJK radical in place of the ideograph it looks like: ``⼀、总体情况`` is U+2F00 KANGXI RADICAL ONE,
not 一 (U+4E00); ``⼈民`` and ``⽂件`` likewise. A font maps the glyph to the radical's code point,
and every copy of the text inherits it. The report looks right, but no search finds 一、总体情况 in it,
and neither did govlint: the parts so headed were "missing", the regulation's name went unread.

:func:`unify` gives the text with each such character replaced by its ideograph, one character for
one (every offset, hence every line and column, stays where it was). The engine checks that text;
rule GL902 (a style rule, off by default) reports the characters in the published text.

Which characters: the Kangxi radicals (U+2F00–U+2FD5) and the CJK compatibility ideographs
(U+F900–U+FAFF, U+2F800–U+2FA1F), each as its NFKC form when that is one character; and the CJK
radicals supplement's forms that are characters of their own in simplified Chinese (⻓ 长, ⻔ 门,
⻛ 风, ⺠ 民, …; Unicode's EquivalentUnifiedIdeograph data). A radical that is only a component
(⺡, the water radical; ⺮, bamboo) is no character of running text and is left alone.

And the zero of a year written in Chinese digits typed as a Latin letter O or a digit 0 (二O二三年,
二Ｏ二三年度, 二0二三年: 〇 is not on the keyboard): read as 〇 inside a year of four characters
before 年, so that the year is one (the title's year, the statistics period, a date).
"""

from __future__ import annotations

import unicodedata
from typing import Optional

from .relazy import cached_compile

#: the CJK radicals supplement forms that are whole characters (Unicode EquivalentUnifiedIdeograph.txt)
_SUPPLEMENT = {
    "\u2e9f": "母", "\u2ea0": "民", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ecb": "车",
    "\u2ed1": "長", "\u2ed3": "长", "\u2ed4": "门", "\u2ed7": "雨", "\u2ed8": "青", "\u2eda": "页",
    "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee5": "鱼",
    "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eec": "齐", "\u2eee": "齿",
    "\u2ef0": "龙", "\u2ef3": "龟",
}

#: any character :func:`unify` may replace (a quick test before the table is consulted)
_CANDIDATE = cached_compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")

_TABLE: dict[int, str] = {}


def _table() -> dict[int, str]:
    if not _TABLE:
        table = {ord(k): v for k, v in _SUPPLEMENT.items()}
        for lo, hi in ((0x2F00, 0x2FD5), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
            for cp in range(lo, hi + 1):
                ch = chr(cp)
                n = unicodedata.normalize("NFKC", ch)
                if n != ch and len(n) == 1:
                    table[cp] = n
        _TABLE.update(table)
    return _TABLE


#: a year in Chinese digits with its zero typed as O, Ｏ, 0 or ０ (二O二三年): the hint, then the year
_ZERO_HINT = cached_compile("二[OＯ0０]")
_ZERO_YEAR = cached_compile("二[〇○零OＯ0０][〇○零OＯ0０一二三四五六七八九]{2}(?=[ \t\u3000]*年)")
_ZEROS = str.maketrans("OＯ0０", "〇〇〇〇")


def _year_zeros(text: str) -> str:
    """``text`` with the zeros typed as O or 0 in the years written in Chinese digits read as 〇."""
    if _ZERO_HINT.search(text) is None:
        return text
    parts, last = [], 0
    for m in _ZERO_YEAR.finditer(text):
        y = m.group()
        if any(c in "一二三四五六七八九" for c in y[2:]) or y[1] in "〇○零":  # (二O00年: no year)
            parts.append(text[last:m.start()])
            parts.append(y.translate(_ZEROS))
            last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def unify(text: str) -> str:
    """``text`` with each look-alike character replaced by the ideograph it stands for (same length),
    and a year's zero typed as O read as 〇; ``text`` itself when it has none."""
    unified = _year_zeros(text)
    if _CANDIDATE.search(unified) is not None:
        unified = unified.translate(_table())
    return text if unified == text else unified


def ideograph(ch: str) -> Optional[str]:
    """The ideograph a look-alike character stands for, or None when ``ch`` is not one."""
    return _table().get(ord(ch)) if len(ch) == 1 else None


def lookalikes(text: str) -> list[tuple[int, str, str]]:
    """``(offset, character, ideograph)`` of each look-alike character in ``text``."""
    if _CANDIDATE.search(text) is None:
        return []
    table = _table()
    return [(m.start(), m.group(), table[ord(m.group())]) for m in _CANDIDATE.finditer(text)
            if ord(m.group()) in table]
