"""Part headings as reports number and mark them.

Besides ``一、总体情况`` reports write ``（一）总体情况``, ``1.总体情况``, ``1、总体情况``, a colon after the
heading, and in Markdown ``**一、总体情况**`` or ``### 一、总体情况``. Each is the part heading (its
text without the Markdown marks), and the report reads as with the template's headings. A section of
part 一 numbered the same way (``（一）主动公开``) is not a part heading: only the exact wording of a
part heading makes one.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import govlint
import render_shapes as rs
from govlint.parse import heading_match
from govlint.engine import default_engine

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
CASE = DATA.with_value("三", "new", "natural", str(int(DATA.values[("三", "new", "natural")]) + 1))
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
NUMERALS = "一二三四五六"

STYLES = {
    "（一）": lambda h: f"（{h[0]}）{h[2:]}",
    "(一)": lambda h: f"({h[0]}){h[2:]}",
    "1.": lambda h: f"{NUMERALS.index(h[0]) + 1}.{h[2:]}",
    "1、": lambda h: f"{NUMERALS.index(h[0]) + 1}、{h[2:]}",
    "１． (full-width digit)": lambda h: f"{'１２３４５６'[NUMERALS.index(h[0])]}．{h[2:]}",
    "colon": lambda h: h + "：",
    "full stop": lambda h: h + "。",
    "（一） full stop": lambda h: f"（{h[0]}）{h[2:]}。",
    "no-break space": lambda h: f"{h[:2]}\u00a0{h[2:]}",
    "em space": lambda h: f"{h[0]}\u2003{h[2:]}",
    "第一部分": lambda h: f"第{h[0]}部分 {h[2:]}",
    "第一部分、": lambda h: f"第{h[0]}部分、{h[2:]}",
    "一 space": lambda h: f"{h[0]} {h[2:]}",
    "**bold**": lambda h: f"**{h}**",
    "### heading": lambda h: f"### {h}",
    "### **bold**": lambda h: f"### **{h}**",
    # a line break typed in the heading (Shift+Enter in Word, <br> in a page): one heading
    "broken over two lines": lambda h: f"{h[:len(h) // 2 + 1]}\n{h[len(h) // 2 + 1:]}",
    "broken, blanks at the break": lambda h: f"{h[:len(h) // 2 + 1]} \n\u3000{h[len(h) // 2 + 1:]}",
}


def restyle(text: str, style) -> str:
    return "\n".join(style(line.strip()) if line.strip() in HEADINGS else line for line in text.split("\n"))


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.md")


def keys(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in result.diagnostics)


@pytest.mark.parametrize("shape", ["cells", "rows", "spaced"])
@pytest.mark.parametrize("style", list(STYLES))
def test_heading_styles(style, shape):
    if style.startswith(("**", "###")) and shape != "rows":
        pytest.skip("Markdown marks come with Markdown tables")
    text = rs.to_text(CASE, shape)
    changed = restyle(text, STYLES[style])
    assert changed != text
    assert keys(lint(changed)) == keys(lint(text))


def test_heading_text_and_place_leave_the_markdown_marks_out():
    text = restyle(rs.to_text(CASE, "rows"), STYLES["### **bold**"])
    report = default_engine().parse(default_engine().read(text.encode("utf-8"), "report.md"))
    assert [s.heading.text for s in report.sections] == HEADINGS
    lines = text.split("\n")
    for s in report.sections:
        sp = s.heading.span
        assert lines[sp.line - 1][sp.column - 1:sp.end_column - 1] == s.heading.text


@pytest.mark.parametrize("line", ["（一）主动公开", "（二）依申请公开情况", "1.行政复议", "（三）组织领导",
                                  "2、主动公开", "（七）总体情况工作"])
def test_sections_numbered_like_parts_are_not_part_headings(line):
    vocab = default_engine().vocab
    assert heading_match(line, vocab) is None
    text = rs.to_text(CASE, "rows")
    first = text.index("\n", text.index("一、总体情况"))
    with_section = text[:first + 1] + line + "\n" + text[first + 1:]
    assert keys(lint(with_section)) == keys(lint(text))


@pytest.mark.parametrize("name", ["2019-pingtan.txt", "2021-pingtan.txt", "2024-pingtan.txt"])
def test_bracketed_headings_inside_a_page_run_together(name):
    """A crawled page run together on one line, its part headings numbered （一）…（六）: found inside
    the line as the template's 一、…六、 are (with the exact words of a heading only)."""
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    changed = text
    for h in HEADINGS:
        assert h in changed
        changed = changed.replace(h, STYLES["（一）"](h), 1)
    assert changed != text
    assert keys(lint(changed)) == keys(lint(text))


@pytest.mark.parametrize("written, flagged", [
    ("四、政府信息公开行政复议，行政诉讼情况", False),  # another punctuation mark between the same words
    ("四、政府信息公开行政复议、行政诉讼情况。", False),
    ("四、政府信息公开行政复议和行政诉讼情况", True),  # another word: a deviation
    ("第五部分 存在的主要问题及改进措施", True),
])
def test_heading_wording_ignores_punctuation_and_numbering_only(written, flagged):
    text = rs.to_text(CASE, "rows")
    old = next(h for h in HEADINGS if h[0] == written.lstrip("第")[0])
    changed = text.replace(old, written, 1)
    assert changed != text
    gl103 = [d for d in lint(changed).diagnostics if d.code == "GL103"]
    assert bool(gl103) == flagged, gl103


SEED_TEXT = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("official, reworded", [
    ("一、总体情况", "一、总体概况"),
    ("一、总体情况", "一、总体工作情况"),
    ("六、其他需要报告的事项", "六、其他需要说明的事项"),
    ("六、其他需要报告的事项", "六、其他需报告的情况"),
    # the official heading's opening words alone, or with 情况: the part named short
    ("六、其他需要报告的事项", "六、其他"),
    ("六、其他需要报告的事项", "六、其他情况"),
    ("六、其他需要报告的事项", "六、其它"),
])
def test_a_reworded_heading_numbered_as_its_part_is_that_part(official, reworded):
    """A part heading numbered as its part and worded much like the official heading, though with
    none of the words govlint knows the part by, is the part reworded (GL103 at it), not a part
    missing (GL101) whose text runs into the part before."""
    text = SEED_TEXT.replace(official, reworded, 1)
    line = text[:text.index(reworded)].count("\n") + 1
    found = [(d.code, d.line) for d in govlint.lint(text) if d.code in ("GL101", "GL102", "GL103")]
    assert found == [("GL103", line)]


@pytest.mark.parametrize("line", ["一、健全组织领导", "四、政府信息管理情况", "五、监督保障情况", "六、平台建设情况",
                                  "六、其他工作情况", "二、其他"])
def test_a_section_of_part_one_numbered_like_a_part_is_not_one(line):
    """A section of part 一 numbered 一、… 六、 that does not read like that part's heading stays a
    paragraph of part 一."""
    assert heading_match(line, default_engine().vocab) is None


@pytest.mark.parametrize("subheads", [
    ("一、加强组织领导", "二、主动公开", "三、依申请公开", "四、平台建设"),
    ("一、总体要求", "二、主动公开情况", "六、其他"),
])
def test_sections_of_part_one_worded_like_parts_are_not_parts_when_the_parts_follow(subheads):
    """Part 一 written in sections numbered as parts are, some of them naming or resembling a part
    (二、主动公开, 六、其他): the report writes those parts' own headings later, so the sections are
    lines of part 一 — not parts 二, 三, 六 that then "appear again" (GL102) and swallow part 一."""
    lines = SEED_TEXT.split("\n")
    assert lines[2] == "一、总体情况"
    body = [x for h in subheads for x in (h, "本局认真做好这方面的工作。")]
    text = "\n".join(lines[:3] + body + lines[3:])
    found = [(d.code, d.line) for d in govlint.lint(text) if d.code in ("GL101", "GL102", "GL103")]
    assert found == []
    report = govlint.parse(text)
    assert [s.part for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert subheads[1] in "\n".join(p.text for p in report.section(1).paragraphs)


@pytest.mark.parametrize("numerals, sep", [("甲乙丙丁戊己", "、"), ("壹贰叁肆伍陆", "、"), ("①②③④⑤⑥", "")])
def test_parts_numbered_as_a_list_in_another_style(numerals, sep):
    """Word numbers a list 甲、 壹、 ① in its ideographTraditional, chineseLegalSimplified and
    decimalEnclosedCircle styles (the .docx reader writes the numbers as Word shows them): with a
    heading's exact words, each is its part, and its wording is the format's."""
    import govlint
    from seedvariants import SEED_TEXT

    text = SEED_TEXT
    for n, numeral in zip("一二三四五六", numerals):
        text = text.replace(f"\n{n}、", f"\n{numeral}{sep}", 1)
    found = {d.code for d in govlint.lint(text)}
    assert not found & {"GL101", "GL102", "GL103"}
    assert [s.part for s in govlint.parse(text).sections] == [1, 2, 3, 4, 5, 6]


def test_a_heading_broken_over_two_lines_is_one_heading():
    """``三、收到和处理政府信息公开`` / ``申请情况`` (a line break typed in the heading) is the heading of
    part 三 in the format's words (it was GL103, the second line a paragraph); its text is the words
    joined, its place starts at the heading."""
    text = SEED_TEXT.replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开\n申请情况", 1)
    assert not {d.code for d in govlint.lint(text)} & {"GL101", "GL102", "GL103"}
    section = govlint.parse(text).section(3)
    assert section.heading.text == "三、收到和处理政府信息公开申请情况"
    assert (section.heading.span.line, section.heading.span.column) == (text[:text.index("三、收到")].count("\n") + 1, 1)
    assert not any("申请情况" == p.text for p in section.paragraphs)


@pytest.mark.parametrize("heading, body", [
    ("四、政府信息公开行政复议、行政诉讼情况", "无。"),
    ("六、其他需要报告的事项", "本年度未收取信息处理费。"),
    ("六、其他需要报告的事项", "无"),
    ("五、存在的主要问题", "及改进情况不够及时。"),
])
def test_a_heading_and_its_body_on_the_next_line_stay_apart(heading, body):
    """A heading followed by its body after a line break (``四、……情况<br>无。``) is not joined: the
    heading alone is the format's words, or the two together are no heading's."""
    official = next(h for h in HEADINGS if h[0] == heading[0])
    text = SEED_TEXT.replace(official, f"{heading}\n{body}", 1)
    section = govlint.parse(text).section(NUMERALS.index(heading[0]) + 1)
    assert section.heading.text == heading and section.heading.span.end_line == section.heading.span.line
