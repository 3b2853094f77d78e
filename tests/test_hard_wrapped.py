"""Text hard-wrapped at a page's width, as ``pdftotext`` or a PDF viewer's "copy" gives it.

Each paragraph is broken into lines at the right margin, wherever that falls: inside a sentence, a
date, a 《title》 or a regulation's name. The lines of one paragraph must read as one paragraph (no
unpaired 《, no statistics period cut in two), findings must point at the right characters of the
file, and a fix must never delete a line break.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import govlint
from govlint.build import continues, left_open, wrap_width
from govlint.engine import default_engine
from govlint.fix import apply_fixes
from govlint.model import Paragraph, Span

SEED = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
NO_LINE_START = "）》」』”’〉】〕，。、；：！？)…,.;:"


def _w(ch: str) -> int:
    return 1 if ch.isascii() else 2


def hard_wrap(text: str, width: int, indent: str = "") -> str:
    """``text`` with every long prose line broken at ``width`` columns (a CJK character takes two), as
    a PDF lays it out: punctuation that may not start a line takes the character before it along,
    and a number or a Latin word is never broken. Table lines (with ``|``) are left alone."""
    out: list[str] = []
    for line in text.split("\n"):
        if "|" in line or len(line) <= 30:
            out.append(line)
            continue
        cur, w = indent, len(indent)
        i = 0
        while i < len(line):
            j = i + 1
            if line[i].isascii() and line[i].isalnum():  # a number or a word: kept whole
                while j < len(line) and line[j].isascii() and (line[j].isalnum() or line[j] == "."):
                    j += 1
            token = line[i:j]
            tw = sum(_w(c) for c in token)
            if w + tw > width and cur.strip():
                if token[0] in NO_LINE_START and len(cur) > 1:
                    out.append(cur[:-1])
                    cur = cur[-1]
                else:
                    out.append(cur)
                    cur = ""
                w = sum(_w(c) for c in cur)
            cur += token
            w += tw
            i = j
        out.append(cur)
    return "\n".join(out)


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.txt")


def found(result) -> Counter:
    """Each finding with the text it points at (so a finding at the wrong place counts as another)."""
    source = result.source
    return Counter((d.code, source.text[d.offset:d.end_offset].replace("\n", "") if d.offset is not None else None)
                   for d in result.diagnostics)


SEED_FINDINGS = found(lint(SEED))


@pytest.mark.parametrize("width, indent", [(60, ""), (76, ""), (84, "    "), (90, "  ")])
def test_a_hard_wrapped_seed_reads_like_the_seed(width, indent):
    wrapped = hard_wrap(SEED, width, indent)
    assert wrapped.count("\n") > SEED.count("\n") + 30  # (the wrapping did break the paragraphs)
    assert found(lint(wrapped)) == SEED_FINDINGS


def test_a_defect_broken_over_two_lines_is_found_where_it_is():
    # the wrong regulation name, cut in the middle by the margin of a narrow column (10 characters)
    text = SEED.replace("根据《中华人民共和国政府信息公开条例》的有关规定",
                        "根据《中华人民共和国信息公开条例》的有关规定", 1)
    wrapped = hard_wrap(text, 20)
    lines = wrapped.split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("根据《中华人民共和国"))
    assert lines[k] == "根据《中华人民共和国" and lines[k + 1].startswith("信息公开条例》")
    result = lint(wrapped)
    hits = [d for d in result.diagnostics if d.code == "GL601" and d.line in (k + 1, k + 2)]
    assert len(hits) == 1
    d = hits[0]
    assert (d.line, d.column) == (k + 1, 3)
    assert result.source.text[d.offset:d.end_offset].replace("\n", "") == "《中华人民共和国信息公开条例》"
    # the fix would have to remove the line break: it is not offered, and --fix leaves the file whole
    assert d.fix is None
    fixed = apply_fixes(wrapped, [x.fix for x in result.diagnostics if x.fix is not None])
    assert fixed.count("\n") == wrapped.count("\n")
    assert not [x for x in result.diagnostics if x.code == "GL605"]  # the 《》 pair is one


@pytest.mark.parametrize("mark", ["- 1 -", "\n\n                     -3-\n\f", "第 2 页", "\f"])
def test_a_paragraph_goes_on_over_a_page_break(mark):
    """A paragraph going on over the page (pdfplumber's pages joined, pdftotext's page number, blank
    lines and form feed between) is one paragraph: a 《title》 cut by the page break is one pair
    (GL605 on both halves before), a year inside it the title's (GL702 before, with another year)."""
    wrapped = hard_wrap(SEED, 52)
    lines = wrapped.split("\n")
    k = next(i for i, line in enumerate(lines) if "《" in line and "》" not in line and len(line) > 20)
    lines[k + 1:k + 1] = [mark]
    paged = "\n".join(lines)
    assert found(lint(paged)) == SEED_FINDINGS
    count = sum(len(s.paragraphs) for s in govlint.parse(paged).sections)
    assert count == sum(len(s.paragraphs) for s in govlint.parse(SEED).sections)
    # a sentence ended before the page break: the next page starts a paragraph
    lines = wrapped.split("\n")
    k = next(i for i, line in enumerate(lines) if line.endswith("。") and i > 5 and len(lines[i + 1]) > 20)
    lines[k + 1:k + 1] = [mark]
    assert sum(len(s.paragraphs) for s in govlint.parse("\n".join(lines)).sections) == count


def test_a_defect_on_one_line_of_a_wrapped_paragraph_is_fixed_in_place():
    wrapped = hard_wrap(SEED, 76)
    result = lint(wrapped)
    d = next(d for d in result.diagnostics if d.code == "GL606")  # 权力 → 权利
    assert d.fix is not None and wrapped[d.fix.start:d.fix.end] == "权力"
    fixed = apply_fixes(wrapped, [d.fix])
    assert fixed == wrapped[:d.fix.start] + "权利" + wrapped[d.fix.end:]


def test_paragraphs_of_one_line_are_left_as_they_are():
    report = govlint.parse(SEED)
    assert all(not p.pieces for s in report.sections for p in s.paragraphs)
    wrapped = govlint.parse(hard_wrap(SEED, 76))
    assert sum(len(s.paragraphs) for s in wrapped.sections) == sum(len(s.paragraphs) for s in report.sections)


def test_wrap_width():
    assert wrap_width(SEED.split("\n")) is None  # a web page: a paragraph a line
    assert wrap_width(hard_wrap(SEED, 76).split("\n")) in range(70, 77)
    # short lines of a list, each its own item: too few reach one width without ending a sentence
    items = [f"{i}.加强政府网站管理，及时更新网站信息内容。" for i in range(1, 9)]
    assert wrap_width(items) is None
    assert wrap_width(["短句"] * 20) is None


LINE = "根据《中华人民共和国政府信息公开条例》的有关规定，现对本机关"  # 60 columns


@pytest.mark.parametrize("line, nxt, width, joins", [
    (LINE + "年度报告", "予以公布。", 68, True),  # at the margin
    (LINE + "年度", "报告予以公布。", 68, True),  # three columns short: still at it
    (LINE, "年度报告予以公布。", 68, False),  # four characters short: the paragraph ended there
    (LINE + "年度报告。", "一是加强组织领导。", 70, False),  # a sentence ends at the margin
    (LINE, "12345678901号文件予以公布。", 70, True),  # a number too wide for the rest of the line moved down
    (LINE + "公开《清", "单》等文件。", 71, True),  # 》 may not start a line: 单 went down with it
    (LINE + "公开", "《清单》等文件。", 72, False),
])
def test_continues(line, nxt, width, joins):
    assert continues(line, nxt, width) is joins


def test_paragraph_offsets():
    # "ab" at 10, "cd" at 20 (line 2), "ef" at 30 (line 3)
    p = Paragraph("abcdef", Span(1, 1, 3, 3, 10, 32), ((2, 20), (4, 30)))
    assert [p.offset(i) for i in range(6)] == [10, 11, 20, 21, 30, 31]
    assert (p.offset(2), p.end_offset(4)) == (20, 22)  # "cd": the break after it is not taken along
    assert p.end_offset(2) == 12
    plain = Paragraph("abc", Span(1, 1, 1, 4, 5, 8))
    assert [plain.offset(i) for i in range(3)] == [5, 6, 7] and plain.end_offset(3) == 8


def ragged_wrap(text: str, width: int, seed: int = 7) -> str:
    """Like :func:`hard_wrap`, but each line stops somewhere in the last twelfth of the width, as a
    browser's text dump (lynx, html2text) wraps where a blank or punctuation allows it."""
    import random

    rng = random.Random(seed)
    out: list[str] = []
    for line in text.split("\n"):
        if "|" in line or len(line) <= 30:
            out.append(line)
            continue
        rest = line
        while rest:
            w = width - rng.randint(0, width // 12)
            cut, cols = 0, 0
            while cut < len(rest) and cols + _w(rest[cut]) <= w:
                cols += _w(rest[cut])
                cut += 1
            while 0 < cut < len(rest) and rest[cut].isascii() and rest[cut].isalnum() \
                    and rest[cut - 1].isascii() and rest[cut - 1].isalnum():
                cut -= 1  # (a number is not broken)
            while 0 < cut < len(rest) and rest[cut] in NO_LINE_START:
                cut -= 1
            out.append(rest[:cut] if cut else rest)
            rest = rest[cut:] if cut else ""
    return "\n".join(out)


@pytest.mark.parametrize("width", [100, 141])
def test_a_raggedly_wrapped_seed_reads_like_the_seed(width):
    wrapped = ragged_wrap(SEED, width)
    assert len({_w_line(x) for x in wrapped.split("\n") if len(x) > 40}) > 3  # (ragged: several widths)
    assert found(lint(wrapped)) == SEED_FINDINGS


def _w_line(line: str) -> int:
    return sum(_w(c) for c in line)


@pytest.mark.parametrize("line, nxt, joins", [
    ("对《益阳市行政许可事项", "清单（2022年版）》等政策做了解读。", True),
    ("清单（2022年版）》《益阳市创建“无证明城市”", "实施方案（试行）》《益阳市园区赋权目录》", True),  # 》 closes the line before's
    ("局主要领导任政府信息和政务公开第一责任人（主要", "负责人），年初召开专题会议。", True),
    ("根据《条例》规定，现予公布。", "》等文件", False),  # nothing left open
    ("学习《条例》，", "《清单》等文件。", False),
    ("学习《条例", "《清单》》等文件。", False),  # the next line opens another before it closes
    ("一、学习《条例。", "》等文件。", False),  # a sentence ends
])
def test_left_open(line, nxt, joins):
    assert left_open(line, nxt) is joins


def test_a_typo_left_open_in_unwrapped_text_is_still_reported():
    # one paragraph a line (a web page): a 《 never closed is reported, the next paragraph is its own
    text = SEED.replace("对《益阳市行政许可事项清单 (2022年版)》", "对《益阳市行政许可事项清单 (2022年版)", 1)
    assert text != SEED
    assert sum(1 for d in lint(text).diagnostics if d.code == "GL605") == 1


def test_lines_of_a_table_read_as_paragraphs_have_their_line_numbers():
    """A table block cut back into its lines (one of them labels and digits run together) hands its
    other lines over as paragraphs: joining them must not need more than the lines themselves (they
    had no line numbers, and the check for hard-wrapped lines raised a TypeError; found by fuzzing)."""
    text = ("企业 | 科研  \n"
            "409 然许│九《章┬许规章结┐2 “━规└=规总四行━可└”┤├行九 ┴六\n"
            "2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0  \n"
            "（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3  \n"
            "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0  ")
    result = lint(text)
    assert not [d for d in result.diagnostics if d.code in ("GL008", "GL009")]
    assert result.report is not None
