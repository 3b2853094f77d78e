"""Fill-in notes left inside table labels (defects B3; format-spec §5.1: 湖北 reports keep the local
template's notes in the labels, e.g. 规章（设区的市、自治州人民政府应提供相关数据）).

A row label, column label or block caption written with a note in brackets after the official label
is read as the official row or column — its figures are read and checked — and reported once
(GL215), never as an unknown header (GL205), a missing row (GL202) and values outside any row
(GL211). The brackets that are part of an official label (（二）部分公开（区分处理的，只计这一情形，不计
其他情形）, 本年收费金额（单位：万元）) are no notes and keep matching exactly.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import render_shapes as rs
from govlint.engine import default_engine

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
SEED = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
# defects in tables 三 and 四, so that the arithmetic has something to find
CASE = (DATA.with_value("三", "new", "natural", str(int(DATA.values[("三", "new", "natural")]) + 1))
        .with_value("四", "cases", "review.upheld", "1"))
# every cell a different number, so that a value read into another cell shows
UNIQUE = DATA
for _i, _k in enumerate(sorted(DATA.values)):
    UNIQUE = UNIQUE.with_value(*_k, str(100 + _i))
SHAPES = ["cells", "rows"]  # one cell a line (the seed's shape), and `a | b | c` rows


def lint(text: str):
    return default_engine().lint_bytes(text.encode("utf-8"), "report.txt").diagnostics


def keys(text: str) -> Counter:
    return Counter((d.code, d.table, d.row, d.col) for d in lint(text))


def cells(text: str) -> dict:
    from govlint.extract import extract_bytes
    record = extract_bytes(text.encode("utf-8"), "report.txt")
    return {(c["table"], c["row"], c["column_id"]): c["text"] for c in record["cells"]}


def _once(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return change


# (the change, the finding expected: (table, row, column))
NOTES = {
    "规章 (two characters)": (_once("规章 |", "规章（设区的市、自治州人民政府应提供相关数据） |"), ("二", "regulations", None)),
    "行政规范性文件": (_once("行政规范性文件 |", "行政规范性文件（含本级政府及其部门） |"), ("二", "normative_documents", None)),
    "行政许可": (_once("行政许可 |", "行政许可（含行政确认） |"), ("二", "licensing", None)),
    "a column of table 二": (_once("本年制发件数 |", "本年制发件数（以印发日期为准） |"), ("二", None, "issued")),
    "a row of table 三": (_once("一、本年新收政府信息公开申请数量 |", "一、本年新收政府信息公开申请数量（含网上申请） |"),
                         ("三", "new", None)),
    "a sub-row with the 区分处理 note": (_once("2.重复申请 |", "2.重复申请（区分处理的，只计这一情形，不计其他情形） |"),
                                        ("三", "not_processed.repeated", None)),
    "another note on 部分公开": (_once("（二）部分公开（区分处理的，只计这一情形，不计其他情形） |", "（二）部分公开（含部分不予公开） |"),
                             ("三", "partly_disclosed", None)),
    "a column of table 三": (_once("自然人 |", "自然人（个人） |"), ("三", None, "natural")),
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("variant", list(NOTES))
def test_a_label_with_a_fill_in_note_is_read_and_reported_once(variant, shape):
    change, (table, row, col) = NOTES[variant]
    text = rs.to_text(CASE, shape)
    expected = keys(text)
    assert any(k[0] == "GL303" for k in expected) and any(k[0] == "GL304" for k in expected)  # not vacuous
    found = keys(change(text))
    assert found - expected == Counter({("GL215", table, row, col): 1}), found - expected
    assert expected - found == Counter()  # the arithmetic findings are all still there
    # the figures of the row or column are read into their cells
    assert cells(change(rs.to_text(UNIQUE, shape))) == UNIQUE.values


def test_the_seed_with_the_note_on_规章():
    """The probe's case, on the seed file itself: no GL202, GL205, GL211; one GL215 naming the note."""
    text = SEED.replace("规章 |", "规章(设区的市、自治州人民政府应提供相关数据) |", 1)
    before = Counter(d.code for d in lint(SEED))
    diags = lint(text)
    assert Counter(d.code for d in diags) - before == Counter({"GL215": 1})
    d = next(d for d in diags if d.code == "GL215")
    assert d.row == "regulations" and d.table == "二"
    assert "(设区的市、自治州人民政府应提供相关数据)" in d.message and "“规章”" in d.message
    assert "adds" in d.message_en and "规章" in d.message_en


@pytest.mark.parametrize("shape", SHAPES)
def test_a_caption_with_a_note_still_opens_its_block(shape):
    text = rs.to_text(CASE, shape)
    changed = _once("第二十条第（一）项", "第二十条第（一）项（行政法规、规章和规范性文件）")(text)
    found = keys(changed)
    assert found - keys(text) <= Counter({("GL215", "二", None, None): 1})
    assert keys(text) - found == Counter()
    assert cells(_once("第二十条第（一）项", "第二十条第（一）项（行政法规、规章和规范性文件）")(rs.to_text(UNIQUE, shape))) \
        == UNIQUE.values


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("old, new", [
    # the official labels' own brackets, cut short as a PDF's line cuts them, or with a stray stop
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形）"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形。）"),
    ("本年收费金额（单位：万元）", "本年收费金额（万元）"),
])
def test_the_official_brackets_are_no_notes(shape, old, new):
    text = rs.to_text(CASE, shape)
    assert not any(k[0] == "GL215" for k in keys(text))
    assert keys(_once(old, new)(text)) == keys(text)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_note_naming_another_unit_says_so(shape):
    text = _once("本年收费金额（单位：万元）", "本年收费金额（元）")(rs.to_text(CASE, shape))
    diags = [d for d in lint(text) if d.code == "GL215"]
    assert len(diags) == 1 and diags[0].col == "fee_amount"
    assert "“元”" in diags[0].message and "万元" in diags[0].message
    assert not any(d.code in ("GL203", "GL205", "GL211") for d in lint(text))


@pytest.mark.parametrize("written, official, full, note", [
    ("规章(设区的市、自治州人民政府应提供相关数据)", "规章", "规章", "(设区的市、自治州人民政府应提供相关数据)"),
    ("规章(设区的市", "规章", "规章", None),  # a short label's note must be closed
    ("行政规范性文件(含本级", "行政规范性文件", "行政规范性文件", "(含本级"),  # (a long label's may be cut)
    ("部分公开(一)予以公开", "部分公开", "部分公开", None),  # the next item, not a note
    ("部分公开(区分处理的", "部分公开", "部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("规章", "规章", "规章", None),
])
def test_note_after(written, official, full, note):
    from govlint.labels import key, note_after
    full = key(full)
    assert note_after(written, official, full) == note
