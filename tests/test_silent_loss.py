"""No figure of a statistical table is lost without a word: every digit written in the tables of
parts 二, 三 and 四 is in a cell of the model (an aligned cell, a raw value of a row that could not be
aligned, an unknown row or column, a stray value, a block of another edition) or inside the span of
a GL0/GL2 finding that says govlint could not read it."""

from __future__ import annotations

import pytest

import govlint
import reportgen as rg
from govlint.engine import default_engine

_DIGITS = frozenset("0123456789０１２３４５６７８９")
_NUMBERING = frozenset(".．、)）")


def unaccounted(text: str) -> list[str]:
    """The digits of the table areas (from the heading of part 二, 三 or 四 to the next heading) that
    neither the model nor a GL0/GL2 finding accounts for, each run as ``digits@context``."""
    result = default_engine().lint_bytes(text.encode("utf-8"), "r.txt")
    report = result.report
    t = report.text
    covered = bytearray(len(t))
    labels = bytearray(len(t))

    def mark(buf: bytearray, a: int, b: int) -> None:
        buf[a:b] = b"\x01" * (b - a)

    for d in result.diagnostics:
        if d.code.startswith(("GL0", "GL2")) and d.offset is not None:
            mark(covered, d.offset, d.end_offset or d.offset + 1)
    for table in report.tables:
        rows = [*table.rows, *table.unknown_rows, *(r for o in table.other_edition_blocks for r in o.rows)]
        for r in rows:
            mark(labels, r.span.start, r.span.end)
            for c in (*r.cells, *r.raw_values):
                mark(covered, c.span.start, c.span.end)
        for c in (*table.unknown_columns, *table.stray_values):
            mark(covered, c.span.start, c.span.end)
    prose = bytearray(len(t))
    for s in report.sections:
        for p in s.paragraphs:
            if any(m in p.text for m in "。，；"):
                mark(prose, p.span.start, p.span.end)
    heads = sorted(report.sections, key=lambda s: s.heading.span.start)
    lost = []
    for k, s in enumerate(heads):
        if s.part not in (2, 3, 4):
            continue
        i, end = s.heading.span.end, heads[k + 1].heading.span.start if k + 1 < len(heads) else len(t)
        while i < end:
            if t[i] not in _DIGITS:
                i += 1
                continue
            j = i
            while j < end and t[j] in _DIGITS:
                j += 1
            numbering = j < len(t) and t[j] in _NUMBERING
            if any(not covered[x] and not prose[x] and not (labels[x] and numbering) for x in range(i, j)):
                lost.append(f"{t[i:j]}@{t[max(0, i - 12):j + 4]!r}")
            i = j
    return lost


def _rows(doc: rg.Doc, tid: str) -> dict[str, list]:
    return {r.id: [c.value for c in r.cells] for r in govlint.parse(rg.render(doc, "spaced").text).table(tid).rows}


def _join_digits(text: str, labels: list[str]) -> str:
    """Each row line starting with one of ``labels``: its figures run together after the label."""
    out = []
    for line in text.split("\n"):
        for label in labels:
            if line.startswith(label + " ") and line[len(label) + 1:].replace(" ", "").isdigit():
                line = label + line[len(label) + 1:].replace(" ", "")
                break
        out.append(line)
    return "\n".join(out)


# ----------------------------------------------------------------------------- header words spaced, figures run together


def _doc_2019() -> rg.Doc:
    doc = rg.seed_doc().use_2019_tables().set_year(2019)
    t2 = doc.tables["二"]
    for n, key in enumerate(sorted(t2.values)):
        t2.values[key] = str((n * 7) % 10)
    return doc


def test_2019_table_2_spaced_header_words_with_figures_run_together():
    """``行政事业性收费00`` under ``信息内容 上一年项目数量 本年增/减``: every row of table 二 is read
    (the 收费 and 采购 rows were lost, the table split into a piece per block)."""
    doc = _doc_2019()
    t2 = doc.tables["二"]
    labels = [r.label for r in t2.rowdefs()]
    text = _join_digits(rg.render(doc, "spaced").text, labels)
    assert "行政事业性收费" + t2.values[("fees", "previous")] + t2.values[("fees", "change")] in text
    report = govlint.parse(text)
    tables = [t for t in report.tables if t.id == "二"]
    assert len(tables) == 1 and not tables[0].missing_rows
    for r in tables[0].rows:
        cols = t2.block_of(r.id).columns
        assert [c.text for c in r.cells] == [t2.values[(r.id, c)] for c in cols], r.id
    assert unaccounted(text) == []


@pytest.mark.parametrize("tid,row", [("二", "fees"), ("二", "regulations"), ("三", "carry_forward"), ("三", "new")])
def test_one_row_with_figures_run_together_in_a_spaced_table(tid, row):
    """A single row of a spaced table with its figures run together (``四、结转下年度继续办理0000000``,
    ``行政事业性收费0``): read, not left as a paragraph while its row is reported missing."""
    doc = rg.seed_doc()
    t = doc.tables[tid]
    text = _join_digits(rg.render(doc, "spaced").text, [t.row(row).label])
    assert text != rg.render(doc, "spaced").text
    table = govlint.parse(text).table(tid)
    assert not table.missing_rows
    assert [c.text for c in table.row(row).cells] == [t.values[(row, c)] for c in t.block_of(row).columns]
    assert unaccounted(text) == []


def test_a_note_with_a_label_next_to_a_spaced_row_is_no_run_together_table():
    """A note line naming a column (``本年增/减``) with digits, next to a spaced row, stays a note:
    the row after it is not read into a table made of the note."""
    doc = rg.seed_doc()
    text = rg.render(doc, "spaced").text
    note = "注：1.本年增/减为负数的，以“-”表示；2.数据来源于12345平台。"
    text = text.replace("\n四、结转下年度继续办理", "\n" + note + "\n四、结转下年度继续办理", 1)
    report = govlint.parse(text)
    assert any(p.text == note for p in report.section(3).paragraphs)
    assert unaccounted(text) == []
