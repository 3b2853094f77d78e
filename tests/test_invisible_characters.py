"""Invisible format characters (zero-width spaces, soft hyphens, a BOM inside the text …) are left
out of the text govlint reads; every finding still names its place in the user's file, and --fix
writes through the same map."""

from __future__ import annotations

import html
from array import array
from pathlib import Path

import pytest

import govlint
from govlint.engine import default_engine
from govlint.fix import fix_data
from govlint.invisible import strip_invisible
from govlint.source import Origin, Source

SEED = next(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
INVISIBLE = {"zero-width space": "\u200b", "soft hyphen": "\u00ad", "BOM inside the text": "\ufeff",
             "zero-width joiner": "\u200d", "word joiner": "\u2060", "left-to-right mark": "\u200e"}


def sprinkle(text: str, ch: str, every: int = 7) -> str:
    """``ch`` after every ``every``-th Chinese character (inside headings, labels, sentences)."""
    out, n = [], 0
    for c in text:
        out.append(c)
        if "\u4e00" <= c <= "\u9fff":
            n += 1
            if n % every == 0:
                out.append(ch)
    return "".join(out)


def _at(text: str, line: int, column: int) -> str:
    return text.split("\n")[line - 1][column - 1:column + 3]


@pytest.mark.parametrize("name", sorted(INVISIBLE))
def test_a_text_with_invisible_characters_checks_as_the_text(name: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    marked = sprinkle(seed, INVISIBLE[name])
    engine = default_engine()
    plain = engine.lint_bytes(seed.encode("utf-8"), "r.txt").diagnostics
    found = engine.lint_bytes(marked.encode("utf-8"), "r.txt").diagnostics
    # the same findings (before: headings "reworded", table 二 unread, GL211 for every figure) ...
    assert sorted(d.code for d in found) == sorted(d.code for d in plain)
    # ... each pointing at the same text, now in the marked file
    for a, b in zip(sorted(plain, key=lambda d: (d.code, d.line, d.column)),
                    sorted(found, key=lambda d: (d.code, d.line, d.column))):
        assert a.line == b.line
        assert _at(seed, a.line, a.column).replace(INVISIBLE[name], "")[:2] == \
            _at(marked, b.line, b.column).replace(INVISIBLE[name], "")[:2]


def test_a_figure_with_a_zero_width_space_is_read_whole() -> None:
    seed = SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")
    i = next(k for k, s in enumerate(lines) if s == "3 |")
    lines[i] = "1\u200b2 |"
    result = default_engine().lint_bytes("\n".join(lines).encode("utf-8"), "r.txt")
    cells = [c for t in result.report.tables for r in t.rows for c in r.cells if c.span.line == i + 1]
    assert len(cells) == 1 and cells[0].value == 12 and (cells[0].span.column, cells[0].span.end_column) == (1, 4)


def test_fix_writes_through_the_map_and_keeps_the_invisible_characters(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    marked = "\u200b" + seed.replace("获取信息的权力", "获取\u200b信息的权力", 1)
    out = fix_data(marked.encode("utf-8"), "r.txt", default_engine(), govlint.Config(select=("GL606",)))
    assert out.changed
    fixed = out.fixed.decode("utf-8")
    assert fixed == marked.replace("信息的权力", "信息的权利", 1)  # only the word; the invisible characters stay


def test_a_fix_across_an_invisible_character_is_not_applied() -> None:
    seed = SEED.read_text(encoding="utf-8")
    marked = seed.replace("获取信息的权力", "获取信息的权\u200b力", 1)
    out = fix_data(marked.encode("utf-8"), "r.txt", default_engine(), govlint.Config(select=("GL606",)))
    assert any(d.code == "GL606" for d in out.result.diagnostics)
    assert not out.changed


def test_a_web_page_with_invisible_characters() -> None:
    seed = SEED.read_text(encoding="utf-8")

    def page(text: str) -> bytes:
        return ("<html><body>" + "\n".join(f"<p>{html.escape(s)}</p>" for s in text.split("\n"))
                + "</body></html>").encode("utf-8")

    engine = default_engine()
    plain = engine.lint_bytes(page(seed), "p.html").diagnostics
    found = engine.lint_bytes(page(sprinkle(seed, "\u200b")), "p.html").diagnostics
    assert sorted((d.code, d.line) for d in found) == sorted((d.code, d.line) for d in plain)
    as_entity = page(sprinkle(seed, "\u200b")).replace("\u200b".encode("utf-8"), b"&#8203;")
    found = engine.lint_bytes(as_entity, "p.html").diagnostics
    assert sorted((d.code, d.line) for d in found) == sorted((d.code, d.line) for d in plain)


def test_strip_keeps_positions_and_locators() -> None:
    s = Source(text="一、总\u200b体情况\n表\u00ad格", path="x.docx", kind="docx",
               origin=Origin(locators=((0, "第1段"), (8, "表1 第1行 第1列"))))
    out = strip_invisible(s)
    assert out.text == "一、总体情况\n表格"
    assert out.origin.locators == ((0, "第1段"), (7, "表1 第1行 第1列"))
    t = strip_invisible(Source(text="ab\u200bcd\nef"))
    assert t.text == "abcd\nef" and t.position(2) == (1, 4) and t.position(5) == (2, 1)
    assert t.line_text(1) == "ab\u200bcd"
    h = strip_invisible(Source(text="a\u200bb", kind="html",
                               origin=Origin(original_text="<p>a&#8203;b</p>", offsets=array("l", [3, 4, 11, 15]))))
    assert h.text == "ab" and h.position(1) == (1, 12)
    plain = Source(text="no invisible characters")
    assert strip_invisible(plain) is plain


def _codes_at(diags) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.line, d.column) for d in diags)


def test_a_file_whose_lines_end_in_cr_alone() -> None:
    seed = SEED.read_text(encoding="utf-8")
    engine = default_engine()
    plain = engine.lint_bytes(seed.encode("utf-8"), "r.txt")
    cr = engine.lint_bytes(seed.replace("\n", "\r").encode("utf-8"), "r.txt")
    assert _codes_at(cr.diagnostics) == _codes_at(plain.diagnostics)  # (was one line: no part, no title)
    out = fix_data(seed.replace("\n", "\r").encode("utf-8"), "r.txt", engine, govlint.Config(select=("GL606",)))
    assert out.changed and b"\n" not in out.fixed
    assert out.fixed.decode("utf-8") == seed.replace("获取信息的权力", "获取信息的权利", 1).replace("\n", "\r")


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x0b", "\r"])
def test_other_line_breaks_are_line_breaks(brk: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    engine = default_engine()
    plain = engine.lint_bytes(seed.encode("utf-8"), "r.txt")
    lines = seed.split("\n")
    # every third line break written as another one (a file that still has LFs)
    text = "".join(line + (brk if i % 3 == 1 else "\n") for i, line in enumerate(lines[:-1])) + lines[-1]
    other = engine.lint_bytes(text.encode("utf-8"), "r.txt")
    assert sorted(d.code for d in other.diagnostics) == sorted(d.code for d in plain.diagnostics)
    assert _cells_of(other.report) == _cells_of(plain.report)


def _cells_of(report) -> list:
    return [(t.id, r.id, c.column, c.value) for t in report.tables for r in t.rows for c in r.cells]


def test_a_web_page_whose_lines_end_in_cr_alone() -> None:
    seed = SEED.read_text(encoding="utf-8")
    page = "<html><body>" + "\n".join(f"<p>{html.escape(s)}</p>" for s in seed.split("\n")) + "</body></html>"
    engine = default_engine()
    lf = engine.lint_bytes(page.encode("utf-8"), "p.html").diagnostics
    cr = engine.lint_bytes(page.replace("\n", "\r").encode("utf-8"), "p.html").diagnostics
    assert _codes_at(cr) == _codes_at(lf)  # (every finding was on line 1)


def test_the_api_reads_a_str_as_a_file_is_read() -> None:
    seed = SEED.read_text(encoding="utf-8")
    plain = _codes_at(govlint.lint(seed))
    # (the same findings; their columns move with the characters added before them)
    assert sorted(c for c, _, _ in _codes_at(govlint.lint(sprinkle(seed, "\u200b")))) == sorted(c for c, _, _ in plain)
    assert _codes_at(govlint.lint(seed.replace("\n", "\r"))) == plain
    assert [s.part for s in govlint.parse(sprinkle(seed, "\u200b")).sections] == [s.part for s in govlint.parse(seed).sections]
