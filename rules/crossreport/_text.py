"""How much of one report's running text another report also has, from small fingerprints.

A report's running text (its paragraphs: not the title, the headings or the tables) is folded —
only letters, digits and CJK characters kept, every run of digits written ``#`` so that changed
years and figures do not count as changed text — and cut into overlapping pieces of ``SHINGLE``
characters. The fingerprint is the set of the pieces' 32-bit hashes (4 bytes a piece: a few KB
for a report, so that a run of thousands keeps them all, and they cross processes under ``--jobs``):
the share of one report's pieces that another also has is counted exactly on them. To find the
pairs worth counting among many reports, the fingerprint also keeps the smallest hash in each of
``BINS`` ranges (one-permutation min-hashing): two reports that agree on a whole band of those are
compared (locality-sensitive hashing), the others are too unlike to be.
"""

from __future__ import annotations

import zlib
from array import array
from functools import lru_cache
from operator import eq
from typing import Iterator, NamedTuple, Optional

from govlint.model import Report
from govlint.relazy import lazy_compile

from .._common import start_span
from .._prose import prose
from ._pairs import agency_key

SHINGLE = 5  # characters per piece: short enough for Chinese phrasing, long enough to be specific
BINS = 128
MIN_PIECES = 150  # texts shorter than this (a few lines) are not compared: too little to tell
_EMPTY = 0xFFFFFFFF
_SHIFT = 32 - (BINS - 1).bit_length()  # the hash's top bits choose the range (BINS is a power of 2)


_NOT_WORD = lazy_compile(r"[\W_]+")
_DIGITS = lazy_compile(r"\d+")


def fold(text: str) -> str:
    """Letters, digits and CJK characters only; a run of digits (with what stood between them, as in
    ``2022.1.1``) as one ``#``."""
    return _DIGITS.sub("#", _NOT_WORD.sub("", text)).lower()


def pieces(report: Report) -> set[str]:
    """The distinct pieces of the report's running text (each paragraph cut separately)."""
    out: set[str] = set()
    for _, p in prose(report):
        t = fold(p.text)
        out.update(t[i:i + SHINGLE] for i in range(len(t) - SHINGLE + 1))
    return out


class Fingerprint(NamedTuple):
    hashes: bytes  # the distinct pieces' hashes, sorted (array("I").tobytes())
    mins: bytes  # BINS unsigned 32-bit minimums (array("I").tobytes())


_last: list = [None, None]  # (report, fingerprint): GL803 and GL804 ask for the same report's in turn


def fingerprint(report: Report) -> Optional[Fingerprint]:
    """The report's fingerprint, or None when its running text is too short to compare."""
    if _last[0] is report:
        return _last[1]
    fp = _fingerprint(report)
    _last[:] = [report, fp]
    return fp


def _hash(piece: str) -> int:
    """A 32-bit hash of a piece, the same in every process (unlike ``hash``): CRC-32, whose bits are
    then mixed (a multiplication and a shift) so that its smallest values behave as random ones."""
    h = (zlib.crc32(piece.encode()) * 0x9E3779B1) & 0xFFFFFFFF
    return h ^ (h >> 15)


def _fingerprint(report: Report) -> Optional[Fingerprint]:
    found = pieces(report)
    if len(found) < MIN_PIECES:
        return None
    hashes = sorted(set(map(_hash, found)))
    mins = array("I", [_EMPTY]) * BINS
    for h in hashes:
        b = h >> _SHIFT
        if h < mins[b]:
            mins[b] = h
    # an empty range borrows the minimum of the next range that has one (densification): then every
    # range takes part in the estimate, and two reports agree on a range as often as J
    for b in range(BINS):
        if mins[b] == _EMPTY:
            k = 1
            while mins[(b + k) % BINS] == _EMPTY:
                k += 1
            mins[b] = mins[(b + k) % BINS] ^ k  # (^ k: a borrowed value is not the other range's own)
    return Fingerprint(array("I", hashes).tobytes(), mins.tobytes())


@lru_cache(maxsize=64)  # (a report is compared with its few closest in turn; bytes keep their hash)
def _set(hashes: bytes) -> frozenset[int]:
    return frozenset(_words(hashes))


def shared(a: Fingerprint, b: Fingerprint) -> float:
    """The share of ``a``'s pieces that ``b`` also has (|A ∩ B| / |A|)."""
    mine = _set(a.hashes)
    return len(mine.intersection(_set(b.hashes))) / len(mine) if mine else 0.0


def estimate(a: Fingerprint, b: Fingerprint) -> float:
    """:func:`shared` estimated from the min-hashes alone (much cheaper; within ±0.1 or so): the
    Jaccard similarity J of the two sets is the share of ranges whose smallest hash is the same, and
    |A ∩ B| = J (|A| + |B|) / (1 + J)."""
    j = sum(map(eq, _words(a.mins), _words(b.mins))) / BINS
    size_a, size_b = len(a.hashes) // 4, len(b.hashes) // 4
    return min(1.0, j * (size_a + size_b) / (1 + j) / size_a)


def _words(data: bytes) -> array:
    a = array("I")
    a.frombytes(data)
    return a


def bands(fp: Fingerprint, rows: int = 3) -> Iterator[tuple[int, bytes]]:
    """(band number, bytes of its ``rows`` minimums): two fingerprints that agree on a whole band are
    candidates for a closer comparison (locality-sensitive hashing)."""
    width = 4 * rows
    for i in range(0, len(fp.mins), width):
        yield i // width, fp.mins[i:i + width]


THRESHOLD = 0.8  # the share of a report's text that makes it a copy (GL803, GL804; option ``threshold``)


def text_facts(report: Report, ctx) -> Optional[dict]:
    """What GL803 and GL804 keep of a report: its agency (as a key and as written), year, text
    fingerprint, the ``threshold`` its configuration sets, and its title's place; None when the
    title names no agency or the text is too short to compare."""
    agency = agency_key(report)
    if not agency:
        return None
    fp = fingerprint(report)
    if fp is None:
        return None
    span = start_span(report)
    return {"agency": agency, "name": report.agency or agency, "year": report.year, "fingerprint": fp,
            "threshold": float((ctx.options or {}).get("threshold", THRESHOLD)), "span": span, "spans": [span]}


def copied(rule, facts: dict, share: float, source: tuple[str, str], advice: tuple[str, str],
           also: tuple[str, str] = ("", "")):
    """The finding of a copy: ``share`` of the report's text is also in ``source`` (zh, en: 本机关上一
    年度报告（…） / the agency's report of the year before (…)), then ``also`` (zh, en: what more is
    known, after the sentence it adds to), with ``advice`` (zh, en)."""
    pct = round(share * 100)
    return rule.diag(facts["span"], f"本报告的正文约{pct}%与{source[0]}相同{also[0]}：{advice[0]}",
                     f"about {pct}% of this report's running text is the same as {source[1]}{also[1]}: {advice[1]}",
                     expected=f"< {round(facts['threshold'] * 100)}%", actual=f"{pct}%")
