"""GL9 style: off by default; half-width punctuation in Chinese text, with a fix."""

from __future__ import annotations

import govlint
from govlint.config import Config
from seedvariants import SEED, SEED_TEXT, run, text_with, where


def apply(text: str, diags) -> str:
    for d in sorted((d for d in diags if d.fix), key=lambda d: d.fix.start, reverse=True):
        text = text[: d.fix.start] + d.fix.replacement + text[d.fix.end:]
    return text


def test_off_by_default():
    assert not [d for d in govlint.lint(SEED) if d.code.startswith("GL9")]


def test_seed_opening_paragraph_has_a_halfwidth_comma():
    ds = [d for d in run(SEED, "GL901") if d.line == 2]
    assert where(ds) == [("GL901", 2)]
    assert ds[0].column == SEED_TEXT.split("\n")[1].index(",") + 1


def test_fix_makes_punctuation_fullwidth_and_then_nothing_is_left():
    text = text_with(replace={2: "根据《条例》的有关规定,现对本机关(试行)报告予以公布:全文如下。"})
    ds = [d for d in run(text, "GL901") if d.line == 2]
    assert len(ds) == 1 and ds[0].fix is not None and ds[0].actual == 3
    fixed = apply(text, ds)
    assert fixed.split("\n")[1] == "根据《条例》的有关规定，现对本机关（试行）报告予以公布：全文如下。"
    assert not [d for d in run(fixed, "GL901") if d.line == 2]


def test_numbers_times_and_addresses_are_left_alone():
    text = text_with(replace={2: "全年收到1,234件,访问www.example.gov.cn,时间10:30,共计3(件)。"})
    ds = [d for d in run(text, "GL901") if d.line == 2]
    # counted: 件,访 and the brackets of (件); not 1,234, not cn,时 (n is Latin), not 10:30
    assert len(ds) == 1 and ds[0].actual == 2
    fixed = apply(text, ds).split("\n")[1]
    assert fixed == "全年收到1,234件，访问www.example.gov.cn,时间10:30,共计3（件）。"


def test_selected_by_extend_select():
    ds = govlint.lint(SEED, Config(extend_select=("GL9",)))
    assert any(d.code == "GL901" for d in ds) and any(d.code == "GL401" for d in ds)
