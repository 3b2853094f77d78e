"""Kangxi radicals and other look-alike characters (text copied out of a PDF): read as the Chinese
characters they stand for, every position kept; GL902 reports them, with a fix."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import pytest

import govlint
from govlint.engine import default_engine
from govlint.fix import fix_data
from govlint.lookalike import ideograph, lookalikes, unify

SEED = next(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))


def _radicals() -> dict[str, str]:
    """ideograph -> the Kangxi radical that looks like it (from Unicode's NFKC data, not govlint's table)."""
    out: dict[str, str] = {}
    for cp in range(0x2F00, 0x2FD6):
        n = unicodedata.normalize("NFKC", chr(cp))
        if len(n) == 1:
            out.setdefault(n, chr(cp))
    return out


def as_copied_from_pdf(text: str) -> str:
    table = _radicals()
    return "".join(table.get(ch, ch) for ch in text)


def _keys(diags) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.line, d.column) for d in diags)


def test_unify_keeps_length_and_plain_text() -> None:
    plain = "一、总体情况\n人民"
    assert unify(plain) is plain
    s = "\u2f00、总体情况 \u2f08民 \u2ed3期 \u2ed4户 \uf900 \u2ea1"  # ⼀ ⼈ ⻓ ⻔, a compatibility ideograph, ⺡ (a component)
    u = unify(s)
    assert len(u) == len(s)
    assert u == "一、总体情况 人民 长期 门户 \u8c48 \u2ea1"
    assert ideograph("\u2f42") == "文" and ideograph("文") is None and ideograph("\u2ea1") is None
    assert [(o, c) for o, c, _ in lookalikes(s)] == [(0, "\u2f00"), (7, "\u2f08"), (10, "\u2ed3"), (13, "\u2ed4"), (16, "\uf900")]


def test_a_report_copied_with_radicals_checks_as_the_report() -> None:
    seed = SEED.read_text(encoding="utf-8")
    copied = as_copied_from_pdf(seed)
    assert copied.count("\u2f00、") >= 1 and copied != seed  # ⼀、总体情况: the heading the parts are found by
    engine = default_engine()
    plain = engine.lint_bytes(seed.encode("utf-8"), "r.txt")
    radical = engine.lint_bytes(copied.encode("utf-8"), "r.txt")
    # the same findings at the same places (before: parts 一 and 二 "missing", GL110 and GL606 silent)
    assert _keys(radical.diagnostics) == _keys(plain.diagnostics)
    assert [s.part for s in radical.report.sections] == [s.part for s in plain.report.sections]
    assert _cells(radical.report) == _cells(plain.report) and len(_cells(plain.report)) > 100


def _cells(report) -> list:
    return [(t.id, r.id, c.column, c.value, c.span) for t in report.tables for r in t.rows for c in r.cells]


def test_gl902_names_the_characters_per_line_and_fixes_them(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    copied = as_copied_from_pdf(seed)
    config = govlint.Config(select=("GL902",))
    result = default_engine().lint_bytes(copied.encode("utf-8"), "r.txt", config)
    found = [d for d in result.diagnostics if d.code == "GL902"]
    lines_with = {i + 1 for i, line in enumerate(copied.split("\n")) if lookalikes(line)}
    assert {d.line for d in found} == lines_with and len(found) == len(lines_with)
    heading = next(d for d in found if copied.split("\n")[d.line - 1].startswith("\u2f00、"))
    assert heading.column == 1
    assert "“⼀”（U+2F00）应为“一”" in heading.message and "'⼀' (U+2F00) should be '一'" in heading.message_en
    out = fix_data(copied.encode("utf-8"), "r.txt", default_engine(), config)
    assert out.changed and out.fixed.decode("utf-8") == seed
    assert not lookalikes(out.fixed.decode("utf-8"))


def test_gl902_is_off_by_default_and_silent_on_plain_text() -> None:
    copied = as_copied_from_pdf(SEED.read_text(encoding="utf-8"))
    assert not [d for d in default_engine().lint_bytes(copied.encode("utf-8"), "r.txt").diagnostics
                if d.code == "GL902"]
    plain = SEED.read_bytes()
    assert not [d for d in default_engine().lint_bytes(plain, "r.txt", govlint.Config(select=("GL902",))).diagnostics
                if d.code == "GL902"]


@pytest.mark.parametrize("word, ideo", [("\u2ed3期", "长"), ("政府\u2ed4户网站", "门"), ("公\u2ea0", "民")])
def test_gl902_simplified_radicals(word: str, ideo: str) -> None:
    text = SEED.read_text(encoding="utf-8") + f"\n{word}\n"
    result = default_engine().lint_bytes(text.encode("utf-8"), "r.txt", govlint.Config(select=("GL902",)))
    found = [d for d in result.diagnostics if d.code == "GL902"]
    assert len(found) == 1 and f"应为“{ideo}”" in found[0].message
    assert (found[0].line, found[0].column) == (text.count("\n", 0, text.rindex(word)) + 1, 1 + word.index(found[0].message[found[0].message.index("“") + 1]))


def test_a_web_page_with_radicals_points_into_the_page() -> None:
    seed = SEED.read_text(encoding="utf-8")
    copied = as_copied_from_pdf(seed)
    page = "<html><body>" + "\n".join(f"<p>{html.escape(line)}</p>" for line in copied.split("\n")) + "</body></html>"
    engine = default_engine()
    result = engine.lint_bytes(page.encode("utf-8"), "p.html", govlint.Config(select=("GL902",)))
    found = [d for d in result.diagnostics if d.code == "GL902"]
    page_lines = page.split("\n")
    expected = {(i + 1, next(m.start() for m in re.finditer(".", ln) if lookalikes(m.group())) + 1)
                for i, ln in enumerate(page_lines) if lookalikes(ln)}
    assert {(d.line, d.column) for d in found} == expected
    # and the page checks as the text does (the same rules, the same parts)
    plain = engine.lint_bytes(("<html><body>" + "\n".join(f"<p>{html.escape(line)}</p>" for line in seed.split("\n"))
                               + "</body></html>").encode("utf-8"), "p.html")
    assert _keys(engine.lint_bytes(page.encode("utf-8"), "p.html").diagnostics) == _keys(plain.diagnostics)
