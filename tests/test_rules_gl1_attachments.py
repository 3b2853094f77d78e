"""A report published in two files: the tables alone (an attachment) and the text alone (its
parts 二–四 sending the reader to the attachment). Each is checked for what it holds, with one
finding saying the other half is elsewhere — not a GL101 per part, a GL105 and a GL012 “cut off”."""

from __future__ import annotations

import re

import govlint

import reportgen as rg


def _tables_only(headings: bool) -> str:
    doc = rg.minimal_doc()
    doc.title = "附件：某某局2022年政府信息公开工作年度报告统计表"
    doc.preamble = []
    doc.parts = [p for p in doc.parts if p.number in (2, 3, 4)]
    lines = rg.render(doc, "pipe").text.splitlines()
    return "\n".join(ln for ln in lines if headings or not re.match(r"[二三四]、", ln)) + "\n"


def test_tables_alone_under_the_headings_are_one_gl101():
    report = govlint.parse(_tables_only(True).encode())
    assert report.agency == "某某局"  # not “附件：某某局”
    ds = govlint.lint(_tables_only(True).encode())
    assert [d.code for d in ds] == ["GL101"], [(d.code, d.message) for d in ds]
    assert ds[0].line == 1 and "文件只有统计表，没有报告正文（缺少第一、五、六部分）" in ds[0].message
    assert "parts 一、五、六 are missing" in ds[0].message_en


def test_tables_alone_without_headings_are_one_gl101():
    text = _tables_only(False)
    assert "一、总体情况" not in text and "三、收到" not in text
    ds = [d for d in govlint.lint(text.encode()) if d.code in ("GL101", "GL105", "GL012")]
    assert [d.code for d in ds] == ["GL101"], [(d.code, d.message) for d in ds]


def test_a_report_with_text_and_tables_keeps_a_gl101_per_missing_part():
    doc = rg.minimal_doc()
    doc.parts = [p for p in doc.parts if p.number != 5]
    ds = [d for d in govlint.lint(rg.render(doc, "pipe").text.encode()) if d.code == "GL101"]
    assert [d.message for d in ds] == ["缺少第五部分“五、存在的主要问题及改进情况”"]


def test_text_alone_says_the_tables_are_in_the_attachment():
    doc = rg.minimal_doc()
    for p in doc.parts:
        if p.number in (2, 3, 4):
            p.body = ["详见附件《2022年政府信息公开工作年度报告统计表》。"]
    ds = [d for d in govlint.lint(rg.render(doc, "pipe").text.encode()) if d.code == "GL201"]
    assert len(ds) == 3
    assert all("正文说表格在附件中" in d.message and "图片" not in d.message for d in ds)
    assert all("in an attachment" in d.message_en for d in ds)
