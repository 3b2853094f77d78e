"""Tables an HTML-to-text converter lays out in columns by spaces, as ``inscriptis`` does.

The files ``data/crawl-*-inscriptis.txt`` are ``inscriptis.get_text`` (2.7) of the seed's page, of a
second report's (``display_links=False``) and of the seed's with one cell changed, as
``render_shapes.to_html`` writes them (merged header cells, header words broken by ``<br>``). Such
a converter ignores ``colspan`` and ``rowspan``: each row's cells are packed from the left, so the
columns of the page's grid hold different table columns row by row, a cell broken by ``<br>`` runs
on below under its start, and the rows are set apart by blank lines. Each must give the reference's
findings and cells (the page's text in the seed's shape), and so must variants made here from the
files: lines stripped of their padding, and row labels broken over two lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import render_shapes as rs
import test_crawl_shapes as tc
from govlint.engine import default_engine
from govlint.parse import classify

DATA_DIR = Path(__file__).parent / "data"
FILES = {"seed": "crawl-seed-inscriptis.txt", "second": "crawl-second-inscriptis.txt",
         "changed_cell": "crawl-changed-cell-inscriptis.txt"}


def page_text(case: str) -> str:
    return (DATA_DIR / FILES[case]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference():
    return {name: tc.lint(rs.to_text(tc.CASES[name], "cells")) for name in FILES}


def cells(text: str) -> dict:
    import govlint
    return {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}


def _rows(text: str) -> list[list[str]]:
    return [[c.text for c in ln.cells] for ln in classify(text, default_engine().vocab) if ln.kind == "ROW"]


def break_label(text: str, label: str, at: int) -> str:
    """``label``'s row with the label broken after ``at`` characters, its rest on the next line under
    its start (as a ``<br>`` in the cell is laid out)."""
    m = re.search(rf"^( *){re.escape(label)}", text, flags=re.M)
    assert m, label
    indent, end = m.group(1), text.index("\n", m.end())
    line = text[m.start():end].replace(label, label[:at] + " " * (len(label) - at), 1)
    return text[:m.start()] + line + "\n" + indent + label[at:] + text[end:]


@pytest.mark.parametrize("case", list(FILES))
def test_inscriptis_text_of_the_page(case, reference):
    text = page_text(case)
    assert "\n      商业  " in text and "\n      企业  " in text  # (the shape is what it should be)
    assert tc.findings(tc.lint(text)) == tc.findings(reference[case])
    assert cells(text) == tc.CASES[case].values


def test_changed_cell_is_found():
    """The changed cell (table 三, 一、本年新收…, 自然人: one more) breaks the table's sums."""
    seed, changed = (tc.findings(tc.lint(page_text(c))) for c in ("seed", "changed_cell"))
    new = changed - seed
    assert new and all(k[1] == "三" for k in new)
    assert cells(page_text("changed_cell"))[("三", "new", "natural")] == \
        str(int(cells(page_text("seed"))[("三", "new", "natural")]) + 1)


def test_header_rows_are_the_pages_rows():
    """Each row of the header is one row of its cells, the words a ``<br>`` broke joined again;
    ``自 然 人`` is not joined to ``商业`` under it (the next row's first cell)."""
    rows = _rows(page_text("seed"))
    assert ["自 然 人", "法人或其他组织", "总计"] in rows
    assert ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] in rows
    assert ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"] in rows
    assert ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2 in rows  # (行政复议's span two rows)


@pytest.mark.parametrize("case", ["seed", "second"])
def test_padding_stripped(case, reference):
    """The blank lines between the rows are empty once each line is stripped of its padding."""
    text = "\n".join(s.rstrip() for s in page_text(case).split("\n"))
    assert tc.findings(tc.lint(text)) == tc.findings(reference[case])
    assert cells(text) == tc.CASES[case].values


@pytest.mark.parametrize("case", ["seed", "second"])
def test_row_labels_broken_over_lines(case, reference):
    """Row labels with a ``<br>`` in them: the rest of the label on the line below, long enough to
    be no table line by itself."""
    text = page_text(case)
    for label, at in [("一、本年新收政府信息公开申请数量", 4), ("三、本年度办理结果", 5),
                      ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 4)]:
        text = break_label(text, label, at)
    assert "\n      人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n" in text
    assert tc.findings(tc.lint(text)) == tc.findings(reference[case])
    assert cells(text) == tc.CASES[case].values


def test_pairs_of_a_word_and_a_value_are_left_alone():
    """Lines of a word and a value set apart by blank lines (a contact block) are no such table."""
    text = ("某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常开展。\n\n"
            "联系电话  0737-1234567\n\n地址  某某路1号\n\n邮编  413000\n")
    assert not _rows(text)
