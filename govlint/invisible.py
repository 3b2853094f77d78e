"""Invisible format characters: left out of the text govlint reads, every position kept.

Web editors and copy-and-paste leave characters that take no room on the page inside words, labels
and figures: a zero-width space (U+200B) or joiner, a soft hyphen (U+00AD), a byte-order mark in the
middle of a text (U+FEFF, where two files were joined), direction marks. A reader sees
``一、总体情况``; govlint saw ``一、总\u200b体情况``, which is no heading of the format, and a table label
with one inside was no label, so the whole table went unread.

:func:`strip_invisible` gives the :class:`~govlint.source.Source` without them. Its text is shorter,
so it carries an :class:`~govlint.source.Origin` mapping each remaining character to where it was:
every line and column a finding names is still the one in the user's file, and a fix is written
back to the file through that map (``govlint.fix``), or not at all when it would touch a removed
character.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

import attrs

from .relazy import cached_compile
from .source import Origin, Source

#: the format characters (Unicode category Cf) that text carries unseen; not the Arabic or
#: Syriac number signs, which are visible
INVISIBLE = cached_compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def strip_invisible(source: Source) -> Source:
    """``source`` without its invisible format characters (``source`` itself when it has none)."""
    text = source.text
    if INVISIBLE.search(text) is None:
        return source
    kept = array("l")
    pieces = []
    pos = 0
    for m in INVISIBLE.finditer(text):
        a = m.start()
        if a > pos:
            pieces.append(text[pos:a])
            kept.extend(range(pos, a))
        pos = m.end()
    pieces.append(text[pos:])
    kept.extend(range(pos, len(text)))
    kept.append(len(text))  # (the end: an Origin maps one offset past the last character)
    new = "".join(pieces)
    old = source.origin
    locators = tuple((bisect_left(kept, start), loc) for start, loc in old.locators) if old is not None else ()
    if old is None or (not len(old.offsets) and not len(old.lines)):
        if old is not None and old.original_text is None:  # (DOCX, PDF: positions are the text's own)
            return attrs.evolve(source, text=new, origin=Origin(locators=locators))
        # plain text: offsets into the file's text
        origin = Origin(locators=locators, original_text=text, offsets=kept)
    elif len(old.offsets):
        offs = old.offsets
        origin = Origin(locators=locators, original_text=old.original_text,
                        offsets=array("l", [offs[k] for k in kept]))
    else:
        lines, columns, last = old.lines, old.columns, len(old.lines) - 1
        origin = Origin(lines=array("l", [lines[min(k, last)] for k in kept]),
                        columns=array("l", [columns[min(k, last)] for k in kept]),
                        locators=locators, original_text=old.original_text)
    return attrs.evolve(source, text=new, origin=origin)


#: line breaks other than LF: a CR alone in a file that has LFs, a line or paragraph separator
#: (U+2028/U+2029), a vertical tab (Word's manual line break in copied text); not NEL (U+0085), which
#: in Chinese text is a byte of UTF-8 read as Latin-1 (mojibake), not a line break
_OTHER_BREAK = cached_compile("\r(?!\n)|[\x0b\u2028\u2029]")


def as_lines(text: str) -> str:
    """``text`` with every other line break as LF (one character for one); ``text`` itself when it
    has none."""
    if text.count("\r") == text.count("\r\n") and "\x0b" not in text and "\u2028" not in text \
            and "\u2029" not in text:  # (str's own searches: the pattern alone took 40 µs on a short report)
        return text
    return _OTHER_BREAK.sub("\n", text)


#: spaces other than the ASCII space and U+3000 (which every pattern allows between words): the
#: no-break space (``&nbsp;`` pasted as a character, Word's Ctrl+Shift+Space), the narrow no-break
#: space and the typographic spaces (en, em, thin, …). A reader sees ``二、 主动公开政府信息情况``;
#: a heading whose numeral was followed by one of them was no heading, and a report so written
#: had every part "missing".
_OTHER_SPACE = cached_compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_AS_SPACE = {ord(c): " " for c in "\u00a0\u1680\u202f\u205f"} | {cp: " " for cp in range(0x2000, 0x200B)}


def as_spaces(text: str) -> str:
    """``text`` with every other space as an ASCII space (one character for one); ``text`` itself
    when it has none."""
    if _OTHER_SPACE.search(text) is None:
        return text
    return text.translate(_AS_SPACE)
