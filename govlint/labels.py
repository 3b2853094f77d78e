"""Label keys: how a label written in a report is compared with an official one.

Comparison is after NFKC normalisation (full-width brackets and digits become ASCII), with all
whitespace, quotation marks and trailing colons removed; a second key also drops the leading item
number (一、 （一） 1. (1)), so that a label written without its number still matches.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from .relazy import cached_compile

_QUOTES = str.maketrans("", "", "“”\"‘’'「」『』")
_NUMBERING = cached_compile(
    r"^(?:第?[一二三四五六七八九十]+[、.,，．﹑]|\([一二三四五六七八九十]+\)[、.]?|\d{1,2}[.、．,，)](?!\d)|\(\d{1,2}\))+"
)


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """NFKC, without whitespace, quotes or trailing punctuation."""
    s = "".join(unicodedata.normalize("NFKC", text).split()).translate(_QUOTES)
    return s.rstrip(":：。.,，;；")


@lru_cache(maxsize=4096)
def bare_key(text: str) -> str:
    """:func:`key` without the leading item number(s)."""
    k = key(text)
    stripped = _NUMBERING.sub("", k)
    return stripped or k


def strip_numbering(k: str) -> str:
    """A key (already normalised by :func:`key`) without its leading item number(s); "" if nothing else."""
    return _NUMBERING.sub("", k)


def numbering(text: str) -> str:
    """The leading item number as written (normalised), e.g. "(三)" or "1."; "" if none."""
    k = key(text)
    m = _NUMBERING.match(k)
    return m.group(0) if m else ""
