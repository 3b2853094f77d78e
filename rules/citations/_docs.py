"""Document numbers and book titles in prose, shared by the GL6 citation rules."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator, NamedTuple

from govlint.relazy import lazy_compile

from .._prose import load_data

#: a blank typed (or left by a PDF's or Word's spacing) inside a document number: 〔2021〕 30 号, 国办公开办函 〔2021〕30号,
#: 〔 2021 〕, 国务院令第 711 号 (at most one, ASCII, NBSP or U+3000: 12 34 is two figures, not one number)
_B = "[ \u00a0\u3000]?"
#: 国办公开办函〔2021〕30号 with any bracket pair — [] （） 【】 〈〉 ｛｝ 〖〗 <> … (GL604 reports the wrong ones), or 国务院令第711号
DOCNUM = lazy_compile(
    rf"(?P<issuer>[\u4e00-\u9fff]{{2,12}}?){_B}(?P<open>[〔\[（(【［〈｛{{〖<＜]){_B}(?P<year>(?:19|20|１９|２０)\d{{2}}){_B}"
    rf"(?P<close>[〕\]）)】］〉｝}}〗>＞]){_B}(?:第{_B})?(?P<serial>\d{{1,4}}){_B}号"
    rf"|(?P<decree>国务院令){_B}(?:第{_B})?(?P<dserial>\d{{1,4}}){_B}号"
    # … also written 国务院第711号令
    rf"|(?P<decree2>国务院){_B}第{_B}(?P<dserial2>\d{{1,4}}){_B}号令"
)
_BRACKET_YEAR = lazy_compile(rf"[〔\[（(【［〈｛{{〖<＜]{_B}(?:19|20|１９|２０)\d{{2}}{_B}[〕\]）)】］〉｝}}〗>＞]")  # the part of DOCNUM the issuer is glued to
#: a document number whose year lost its brackets (国办公开办函2021年30号, 国办函2020 109号, 国办发2019第2号,
#: 国办公开办函202130号): an issuer ending as 发文字号 do (…函, …发, …字, …规, …电) glued to the year, then the
#: serial (glued to the year too: the year has four digits, the serial is the rest, at most four before 号)
_BARE = lazy_compile(
    rf"(?P<issuer>[\u4e00-\u9fff]{{1,10}}?[函发字规电])(?P<year>(?:19|20)\d{{2}})(?=\D|\d{{1,4}}{_B}号)"
    rf"{_B}(?:年{_B}第|年|第|[-—－])?{_B}(?P<serial>\d{{1,4}}){_B}号(?![楼院房室线路街巷门栋])")
_BARE_HINT = lazy_compile(r"[函发字规电](?:19|20)\d\d")
#: … not the verb 发 before a year (印发2021年3号文件, 下发, 转发)
_NOT_ISSUER = lazy_compile(r"[印转下颁制签核分研开引出收启补再重首新散批派]发$")
_TITLE = lazy_compile(r"《([^《》\n]{1,150})》")
_STRIP = lazy_compile(r"[\s〈〉<>《》“”\"'‘’]")
_LEAD = lazy_compile(r"^(?:按照|根据|依据|依照|参照|对照|贯彻|落实|执行|遵照|结合|印发|转发|关于|见|即|文件|通知|要求)+")
_ISSUE = lazy_compile(r"^.*?关于印发(.*)的通知$")


class DocNumber(NamedTuple):
    start: int
    end: int
    canonical: str
    issuer: str
    open: str  # "" for a year written without brackets
    close: str
    open_at: int  # offset of the opening bracket (-1 for 国务院令; for a bare year, the year's)
    close_at: int


def _digits(number: str) -> str:
    """A number's digits as ASCII (〔２０２１〕３０号 names 〔2021〕30号)."""
    return unicodedata.normalize("NFKC", number)


def norm(title: str) -> str:
    t = _STRIP.sub("", unicodedata.normalize("NFKC", title))
    m = _ISSUE.match(t)
    return m.group(1) if m else t


def doc_numbers(text: str) -> Iterator[DocNumber]:
    if "号" not in text:  # both forms end in 号: skip the (slow) scan of text without one
        return
    # the scan tries a 2–12 character issuer at every Chinese character: start it where a match can
    # start at all — at most 12 characters (and a blank) before the first bracketed year, or at 国务院令
    first = _BRACKET_YEAR.search(text)
    decrees = [i for i in (text.find("国务院令"), text.find("国务院第")) if i != -1]
    starts = ([max(0, first.start() - 13)] if first else []) + decrees
    found = list(_doc_numbers_from(text, min(starts))) if starts else []
    hint = _BARE_HINT.search(text)
    if hint is not None:
        bare = [n for n in _bare_numbers(text, max(0, hint.start() - 11))
                if not any(o.start < n.end and n.start < o.end for o in found)]
        found = sorted(found + bare)
    yield from found


def _bare_numbers(text: str, pos: int) -> Iterator[DocNumber]:
    for m in _BARE.finditer(text, pos):
        issuer = _issuer(m.group("issuer"))
        if len(issuer) < 2 or _NOT_ISSUER.search(issuer):
            continue
        canon = f"{issuer}〔{m.group('year')}〕{_digits(m.group('serial'))}号"
        yield DocNumber(m.end("issuer") - len(issuer), m.end(), canon, issuer, "", "", m.start("year"), m.end("year"))


def _issuer(glued: str) -> str:
    """The issuer: the run of characters glued to the year, its tail after 和/、/的 etc., without 根据/按照 …"""
    issuer = re.split(r"[的和与及、，。；：（）()“”《》]", glued)[-1]
    return _LEAD.sub("", issuer) or issuer


def _doc_numbers_from(text: str, pos: int) -> Iterator[DocNumber]:
    for m in DOCNUM.finditer(text, pos):
        if m.group("decree") or m.group("decree2"):
            serial = _digits(m.group("dserial") or m.group("dserial2"))
            yield DocNumber(m.start(), m.end(), f"国务院令第{serial}号", "国务院令", "", "", -1, -1)
            continue
        # the issuer is the run of characters glued to the bracket
        issuer = _issuer(m.group("issuer"))
        start = m.end("issuer") - len(issuer)
        canon = f"{issuer}〔{_digits(m.group('year'))}〕{_digits(m.group('serial'))}号"
        yield DocNumber(start, m.end(), canon, issuer, m.group("open"), m.group("close"), m.start("open"), m.start("close"))


@lru_cache(maxsize=1)
def known_documents() -> tuple[dict, ...]:
    return tuple(load_data("citations.toml").get("documents", ()))


@lru_cache(maxsize=1024)
def titles(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, content) of every 《…》 (start/end are those of the content); remembered per
    text, as GL601 and GL603 read the titles of the same paragraphs."""
    if "《" not in text:  # (most paragraphs cite nothing)
        return ()
    return tuple((m.start(1), m.end(1), m.group(1)) for m in _TITLE.finditer(text))
