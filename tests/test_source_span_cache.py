"""Source remembers whether its origin has positions (asked once, not at each span); its spans are
those the origin gives when it has, the text's own when it has not."""

from __future__ import annotations

from array import array

import attrs

from govlint.model import Span
from govlint.source import Origin, Source


def test_positions_flag_follows_the_origin():
    text = "一、总体情况\n规章 | 0 |\n"
    plain = Source(text)
    located = Source(text, origin=Origin(locators=((0, "第1段"),)))  # (DOCX/PDF: locators, no positions)
    mapped = Source(text, origin=Origin(original_text="<p>" + text, offsets=array("l", range(3, len(text) + 4))))
    assert plain._positions is None and located._positions is None and mapped._positions is mapped.origin
    for src in (plain, located, mapped, plain.with_text(text.replace("|", "｜")), attrs.evolve(mapped, origin=None)):
        o = src.origin
        assert src._positions is (o if o is not None and o.has_positions else None)
        for a in range(len(text)):
            for b in (a, a + 1, a + 4):
                if b > len(text):
                    continue
                got = src.span(a, b)
                if o is not None and o.has_positions:
                    assert got == Span(*o.span(a, b), a, b)
                else:
                    assert got == Span(*src.position(a), *src.position(b), a, b)
