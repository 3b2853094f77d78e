"""A whole page on one line: the text a crawler takes with ``get_text(separator=X, strip=True)``.

BeautifulSoup's ``get_text(X, strip=True)`` puts every text node of the page (the ``<title>``, the
navigation, every paragraph and every table cell) on one line with X between them. The seed (and a
second report, and the seed with one changed cell) is rendered as its page (``render_shapes.to_html``)
and its text nodes joined here the same way, without BeautifulSoup. With X a space, a tab or a pipe
each shape must give the reference's findings and cells; with X empty the digits of a row run
together, and the only findings added are the notes that say so (GL214, and GL211 where the table's
identities allow more than one split).
"""

from __future__ import annotations

import lxml.html
import pytest

import render_shapes as rs
from govlint.engine import default_engine
from govlint.flatten import joined_page
from test_crawl_shapes import CASES, SEED, findings, lint


def page_text(data: rs.ReportData, sep: str, strip: bool = True) -> str:
    """The page's text nodes (no script or style) joined by ``sep``; with ``strip`` each node is
    stripped and blank ones are left out (``get_text(sep, strip=True)``)."""
    root = lxml.html.fromstring(rs.to_html(data).data)
    nodes = root.xpath("//text()[not(ancestor::script) and not(ancestor::style)]")
    if strip:
        nodes = [s.strip() for s in nodes if s.strip()]
    return sep.join(nodes)


@pytest.fixture(scope="module")
def reference():
    return {name: lint(rs.to_text(d, "cells")) for name, d in CASES.items()}


def cells(text: str) -> dict:
    import govlint

    return {(c["table"], c["row"], c["column_id"]): c["text"] for c in govlint.extract(text)["cells"]}


SHAPES = [(" ", True), ("\t", True), ("|", True), ("|", False), ("｜", True)]


@pytest.mark.parametrize("sep,strip", SHAPES, ids=["space", "tab", "pipe", "pipe-unstripped", "fullwidth-pipe"])
@pytest.mark.parametrize("case", list(CASES))
def test_page_joined_on_one_line(case, sep, strip, reference):
    text = page_text(CASES[case], sep, strip)
    if strip:
        assert "\n" not in text and f"{sep}规章{sep}" in text  # (the shape is what it should be)
    assert findings(lint(text)) == findings(reference[case])
    got = cells(text)
    assert {k: got.get(k) for k in CASES[case].values} == CASES[case].values


@pytest.mark.parametrize("case", list(CASES))
def test_page_joined_with_nothing_between(case, reference):
    """``get_text("", strip=True)``: a row's digits run together (``规章000``). The title is found
    (it runs into the site's name: ``…年度报告_门户网站首页…``); what is added is forced: GL214 on
    every table whose rows were split the one way the table allows, GL211 on a row no identity
    splits (second report: 表二's ``3112``, ``10500``), and its cells are then missing."""
    text = page_text(CASES[case], "")
    assert "\n" not in text and "规章" in text
    result = lint(text)
    got, ref = findings(result), findings(reference[case])
    assert not ref - got  # nothing lost
    added = got - ref
    assert {k[0] for k in added} <= {"GL214", "GL211"} and any(k[0] == "GL214" for k in added)
    assert all(k[0] != "GL211" or "连在一起" in k[4] for k in added)
    assert result.report.title is not None and result.report.title.text.endswith("年度报告")
    values = cells(text)
    unsplit = {k for k, v in CASES[case].values.items() if values.get(k) != v}
    if case != "second":
        assert not unsplit
    else:
        assert {(t, r) for t, r, _ in unsplit} <= {("二", "regulations"), ("二", "normative_documents")}


def test_positions_are_the_files():
    """A page joined with pipes is read with line breaks for its pipes; the findings still point at
    the file's one line (the changed cell of table 三)."""
    data = CASES["changed_cell"]
    text = page_text(data, "|")
    result = lint(text)
    assert result.diagnostics and all(d.line == 1 for d in result.diagnostics)
    # every finding on a cell of table 三 points at a cell of the line (a pipe before and after it)
    on_cells = [d for d in result.diagnostics if d.table == "三" and d.row is not None]
    assert on_cells
    for d in on_cells:
        at = d.column - 1
        assert text[at - 1] == "|" and text[at:].split("|", 1)[0].strip()


def test_ordinary_texts_are_not_joined_pages():
    """Pipes and tabs of ordinary texts are no separators: the seed's cell lines (``规章 |``), a
    Markdown table whose row labels are numbered like parts (``| 一、本年新收… |``), tab-separated
    rows, headings indented by a tab on lines of their own."""
    vocab = default_engine().vocab
    seed = SEED.read_text(encoding="utf-8")
    assert joined_page(seed, vocab) is None
    rows = rs.to_text(CASES["seed"], "rows")
    markdown = "\n".join(f"| {ln} |" if " | " in ln else ln for ln in rows.split("\n"))
    assert "| 一、本年新收政府信息公开申请数量 |" in markdown and joined_page(markdown, vocab) is None
    tabbed = "\n".join("\t" + ln.replace(" | ", "\t") for ln in rows.split("\n"))
    assert "\t一、总体情况" in tabbed and joined_page(tabbed, vocab) is None
    assert findings(lint(tabbed)) == findings(lint(rows.replace(" | ", "\t")))


def test_two_parts_between_pipes_make_a_joined_page():
    vocab = default_engine().vocab
    text = "某局2022年政府信息公开工作年度报告|一、总体情况|本年度工作正常开展。|二、主动公开政府信息情况|规章|0|0|0"
    view = joined_page(text, vocab)
    assert view is not None and len(view) == len(text) and "|" not in view
    assert joined_page(text.replace("|二、主动公开政府信息情况", ""), vocab) is None  # one part only
