"""GL207 on an unfilled table (the format's template): one finding for the table, not one per cell."""

from __future__ import annotations

import pytest

import govlint

import reportgen as rg


def _blank(doc: rg.Doc, tables=("二", "三", "四")) -> rg.Doc:
    for tid in tables:
        t = doc.tables[tid]
        for k in t.values:
            t.values[k] = ""
    return doc


@pytest.mark.parametrize("shape", ["pipe", "cells", "markdown"])
def test_an_unfilled_table_is_one_finding(shape):
    r = rg.render(_blank(rg.minimal_doc(), ("二", "三")), shape)
    ds = [d for d in govlint.lint(r.text.encode()) if d.code == "GL207"]
    assert [(d.table, d.message) for d in ds] == [
        ("二", "表二（主动公开政府信息情况）的10个数字单元格全部为空：表格尚未填写，应填写数字（没有的填0）"),
        ("三", "表三（收到和处理政府信息公开申请情况）的175个数字单元格全部为空：表格尚未填写，应填写数字（没有的填0）")]
    assert ds[0].message_en.startswith("all 10 figures of table 二")


def test_a_table_with_one_figure_keeps_a_finding_per_blank_cell():
    doc = _blank(rg.minimal_doc(), ("三",)).set("三", "new", "natural", "3")
    ds = [d for d in govlint.lint(rg.render(doc, "pipe").text.encode()) if d.code == "GL207"]
    assert len(ds) > 100 and all("全部为空" not in d.message for d in ds)
