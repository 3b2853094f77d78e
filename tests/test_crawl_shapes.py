"""The text that common HTML-to-text tools make of a report's web page.

The seed (and a second report with other, consistent values) is rendered as the official page
(``render_shapes.to_html``: merged header cells, header words broken by ``<br>``) and turned into
text here the way the tools do it, without the tools: every tag a line break, as
``BeautifulSoup.get_text("\\n")``, lxml's ``text_content()`` of a page with one ``<td>`` a line, and
``lynx -dump`` give it (one cell per line, no pipes). Each shape must give the reference's findings
(codes, messages and table coordinates) and the reference's cells.
"""

from __future__ import annotations

import html
import random
import re
from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine
from govlint.parse import classify

SEED = Path(__file__).parent / "data" / "seed.txt"
DATA = rs.load_seed(SEED)


def second_values(table2=(0, 1, 3, 12, 27, 105), table3=lambda rnd, column: rnd.choice([0, 0, 0, 1, 2, 5, 14]),
                  seed: int = 7) -> dict:
    """Another report's values, every identity of the format kept: a draw of ``table2``'s values for
    table 二, of ``table3(rnd, column)`` for each outcome cell of table 三, the totals computed."""
    rnd = random.Random(seed)
    vals: dict = {}
    for rid, cols in rs.T2_ROWS:
        for c in cols:
            vals[("二", rid, c)] = str(rnd.choice(list(table2)))
    apps = [c for c in rs.T3_COLS if c != "total"]
    leaves = [r for r, _ in rs.T3_LEAVES if r not in ("new", "carried_over", "total", "carry_forward")]
    for c in apps:
        total = 0
        for r in leaves:
            v = table3(rnd, c)
            vals[("三", r, c)] = str(v)
            total += v
        carried, forward = rnd.choice([0, 1, 3]), rnd.choice([0, 2, 4])
        vals.update({("三", "carried_over", c): str(carried), ("三", "carry_forward", c): str(forward),
                     ("三", "total", c): str(total), ("三", "new", c): str(total + forward - carried)})
    for r, _ in rs.T3_LEAVES:
        vals[("三", r, "total")] = str(sum(int(vals[("三", r, c)]) for c in apps))
    for g in ("review", "direct", "after_review"):
        s = 0
        for o in ("upheld", "corrected", "other", "pending"):
            v = rnd.choice([0, 1, 2, 4])
            vals[("四", "cases", f"{g}.{o}")] = str(v)
            s += v
        vals[("四", "cases", f"{g}.total")] = str(s)
    return vals


def _second(seed: rs.ReportData) -> rs.ReportData:
    """Another report: other values in every table, every identity of the format kept."""
    out = seed
    for k, v in second_values().items():
        out = out.with_value(*k, v)
    return out


CASES = {
    "seed": DATA,
    "second": _second(DATA),
    "changed_cell": DATA.with_value("三", "new", "natural", str(int(DATA.values[("三", "new", "natural")]) + 1)),
}


def tags_to_lines(page: str, strip: bool = True) -> str:
    """Every tag a line break (``<br>`` too), entities decoded, scripts and styles dropped: what
    ``get_text("\\n", strip=True)`` gives; without ``strip`` the blank lines and indents stay."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", page)
    text = html.unescape(re.sub(r"<[^>]*>", "\n", page))
    if strip:
        return "\n".join(s.strip() for s in text.split("\n") if s.strip()) + "\n"
    return text


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "page.txt")


def findings(result) -> Counter:
    return Counter((d.code, d.table, d.row, d.col, d.message) for d in result.diagnostics)


@pytest.fixture(scope="module")
def reference():
    return {name: lint(rs.to_text(d, "cells")) for name, d in CASES.items()}


@pytest.mark.parametrize("strip", [True, False])
@pytest.mark.parametrize("case", list(CASES))
def test_page_text_one_cell_a_line(case, strip, reference):
    data = CASES[case]
    text = tags_to_lines(rs.to_html(data).data.decode("utf-8"), strip)
    assert "\n0\n" in text and "商业\n企业" in text.replace("\n\n", "\n")  # (the shape is what it should be)
    assert findings(lint(text)) == findings(reference[case])


@pytest.mark.parametrize("case", ["seed", "second"])
def test_page_text_cells_are_the_reports(case):
    import govlint
    data = CASES[case]
    text = tags_to_lines(rs.to_html(data).data.decode("utf-8"))
    report = govlint.extract(text)
    got = {(c["table"], c["row"], c["column_id"]): c["text"] for c in report["cells"]}
    assert got == data.values


def test_header_words_broken_over_cells_in_the_seed_shape():
    """``商业 |`` / ``企业 |``: a line break inside a header cell, in the seed's own shape."""
    text = re.sub(r"^(\S\S) (\S\S) \|$", r"\1 |\n\2 |", SEED.read_text(encoding="utf-8"), flags=re.M)
    assert "\n商业 |\n企业 |\n" in text and "\n其他 |\n结果 |\n" in text and "\n结果 |\n纠正 |\n" in text
    assert findings(lint(text)) == findings(lint(SEED.read_text(encoding="utf-8")))


def test_lone_numbers_in_prose_stay_prose():
    """Short lines with a number alone but no label of the format around them are not a table."""
    text = ("某局2022年政府信息公开工作年度报告\n一、总体情况\n全年办理事项\n3\n受理窗口\n12\n"
            "咨询电话\n5\n工作人员\n7\n")
    kinds = [ln.kind for ln in classify(text, default_engine().vocab)]
    assert "CELL" not in kinds


def test_table_four_label_that_is_a_part_keyword_is_a_cell():
    """行政复议 alone on its line (a part 四 keyword, so a heading written without its numeral) is
    table 四's first column label when other labels of the format follow it."""
    text = tags_to_lines(rs.to_html(DATA).data.decode("utf-8"))
    lines = classify(text, default_engine().vocab)
    four = [ln for ln in lines if ln.text.strip() == "行政复议"]
    assert four and all(ln.kind == "CELL" for ln in four)


# ----------------------------------------------------------------------------- a whole page dumped

DATA_DIR = Path(__file__).parent / "data"


@pytest.mark.parametrize("case", ["seed", "second"])
def test_html2text_markdown_of_the_page(case, reference):
    """``html2text`` (body_width=0) of the whole page, stored: the site's navigation and breadcrumbs
    before the ``# `` title, table 二's one-cell caption rows over a ``---`` with no pipe, header
    words broken by ``<br>`` inside Markdown cells."""
    text = (DATA_DIR / f"crawl-{case}-html2text.md").read_text(encoding="utf-8")
    assert text.startswith("  * [首页]") and "\n---  \n信息内容 |" in text
    assert findings(lint(text)) == findings(reference[case])
    import govlint
    got = {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}
    assert got == CASES[case].values


def test_title_after_the_sites_navigation():
    """A page dumped whole (lynx, w3m, html2text) starts with the navigation and breadcrumbs: the
    title is the first line naming a year's report, and the lines before it are not the preamble."""
    seed = SEED.read_text(encoding="utf-8")
    title, rest = seed.split("\n", 1)
    for chrome, mark in [("     * 首页\n     * 政务公开\n\n   当前位置：首页 > 政府信息公开年报\n\n", ""),
                         ("  * [首页](/)\n  * [政务公开](/zwgk)\n\n当前位置：[首页](/) > [年报](/zwgk)\n\n", "# "),
                         # the breadcrumbs on the first line name the column (年报): no title
                         ("首页 > 政务公开 > 政府信息公开年报\n", ""),
                         ("当前位置：首页 > 政务公开 > 政府信息公开工作年度报告\n", "")]:
        text = chrome + mark + title + "\n\n" + rest
        assert findings(lint(text)) == findings(lint(seed))
        lines = classify(text, default_engine().vocab)
        assert lines[0].kind == "TITLE" and lines[0].text == title


def test_no_title_taken_after_prose():
    """A line naming the report after a sentence of prose is no title found after page chrome."""
    text = ("根据条例的规定，现予公布。\n某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常开展。\n")
    assert all(ln.kind != "TITLE" for ln in classify(text, default_engine().vocab))


@pytest.mark.parametrize("case", ["seed", "second"])
def test_markdown_bold_part_headings_between_tables_of_one_cell_a_line(case, reference):
    """html2text with ``ignore_tables``: cells one a line, part headings in ``**…**`` between the
    tables; a heading so marked ends the table before it (it was read as a row label of table 二)."""
    page = rs.to_html(CASES[case]).data.decode("utf-8")
    page = re.sub(r"<strong>(.*?)</strong>", r"**\1**", page)
    text = tags_to_lines(page)
    assert "\n**三、收到和处理政府信息公开申请情况**\n" in text
    assert findings(lint(text)) == findings(reference[case])
