"""Fuzzing: mutated reports and random bytes through every reader, the parser and all rules.

The only acceptable outcomes are diagnostics, or one fatal GL0 diagnostic: never an exception,
never a rule crash (GL009), never the time limit (GL008). Examples are derived from a fixed seed
(``derandomize=True``) so CI runs the same bounded set every time; ``GOVLINT_FUZZ=nightly`` runs
50 times as many fresh examples (see ``tests/fuzz/README.md``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))

import fuzzlib  # noqa: E402

from govlint.config import Config  # noqa: E402
from govlint.engine import FileResult, default_engine  # noqa: E402
from govlint.readers import BUILTIN_READERS  # noqa: E402

NIGHTLY = os.environ.get("GOVLINT_FUZZ") == "nightly"


def fuzz_settings(examples: int) -> settings:
    """CI: ``examples`` examples from a fixed seed. Nightly: 50× as many, fresh each run."""
    checks = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
    if NIGHTLY:
        return settings(max_examples=examples * 50, deadline=None, suppress_health_check=checks)
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=checks)


ENGINE = default_engine()
TEXTS = fuzzlib.base_texts()
SHAPES = fuzzlib.shape_texts()
#: suffixes whose reader converts with LibreOffice (seconds per file): fuzzed only in the nightly run
CONVERTING = {".doc", ".wps"}
READER_SUFFIXES = sorted(s for s in BUILTIN_READERS if s and s not in CONVERTING)


def check_result(result: FileResult, what: str = "") -> None:
    """The invariants every run must keep."""
    assert isinstance(result, FileResult)
    diags = list(result.diagnostics)
    bad = [d for d in diags if d.code in ("GL008", "GL009")]
    assert not bad, f"{what}: " + "; ".join(d.message for d in bad)
    fatal = [d for d in diags if d.fatal]
    if fatal:
        assert len(diags) == 1 and fatal[0].code.startswith("GL0"), [(d.code, d.message) for d in diags]
    for d in diags:
        assert d.line >= 1 and d.column >= 1, (d.code, d.line, d.column)
        assert (d.end_line, d.end_column) >= (d.line, d.column), (d.code, d.line, d.column, d.end_line, d.end_column)
    src = result.source
    if src is not None and src.origin is None:  # plain text: positions are lines of the decoded file
        for d in diags:
            assert d.line <= len(src.line_starts), (d.code, d.line, len(src.line_starts))


_PIECES = fuzzlib.INSERTS + fuzzlib.CELL_VALUES + ("一", "二", "三", "、", "总计", "其他", "本年", "申请", "公开")
payloads = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=6).map("".join)
ops = st.lists(st.tuples(st.sampled_from(fuzzlib.KINDS), st.integers(0, 1 << 20), st.integers(0, 1 << 20), payloads),
               max_size=6)
corruptions = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=3)


def test_bases_are_real_reports():
    """The fuzz starts from reports govlint reads as reports (otherwise it would fuzz GL005 only)."""
    assert "seed" in TEXTS
    for name in SHAPES:
        result = ENGINE.lint_bytes(SHAPES[name].encode("utf-8"), f"{name}.txt")
        assert result.report is not None and result.report.tables, name
        assert not result.fatal, name


@fuzz_settings(400)
@given(base=st.sampled_from(sorted(TEXTS)), ops=ops, encoding=st.sampled_from(fuzzlib.ENCODINGS),
       corruptions=corruptions, cut=st.none() | st.integers(0, 1 << 20), suffix=st.sampled_from([".txt", ".md", ""]))
def test_mutated_text_reports(base, ops, encoding, corruptions, cut, suffix):
    text = fuzzlib.mutate(TEXTS[base], ops)
    data = fuzzlib.encode(text, encoding, corruptions, cut)
    check_result(ENGINE.lint_bytes(data, "report" + suffix), f"{base} {ops} {encoding}")


@pytest.mark.parametrize("base, ops, cut, encoding, suffix", [
    # found by the nightly run: tables rebuilt from a box drawing or a column layout whose lines were
    # moved or cut gave spans ending before they start (a table's first cell after its last in the file)
    ("crawl-second-w3m", [("swap-lines", 163, 3512, "")], None, "utf-8", ".txt"),
    ("crawl-second-w3m", [], 10045, "gb18030", ".txt"),
    ("layout-second-split3", [("dup-line", 3, 95, "")], None, "utf-8", ".docx"),
])
def test_found_by_fuzzing(base, ops, cut, encoding, suffix):
    text = fuzzlib.mutate(TEXTS[base], ops)
    data = fuzzlib.to_docx(text) if suffix == ".docx" else fuzzlib.encode(text, encoding)
    check_result(ENGINE.lint_bytes(data if cut is None else data[:cut], "report" + suffix), f"{base} {ops} {cut}")


@fuzz_settings(150)
@given(base=st.sampled_from(sorted(TEXTS)), k=st.integers(0, 1 << 20), encoding=st.sampled_from(("utf-8", "gb18030", "utf-16")))
def test_truncated_anywhere(base, k, encoding):
    data = TEXTS[base].encode(encoding)
    check_result(ENGINE.lint_bytes(data[: k % (len(data) + 1)], "report.txt"), f"{base} cut at {k}")


@pytest.mark.parametrize("base", sorted(SHAPES))
def test_truncated_at_every_part_boundary(base):
    text = SHAPES[base]
    starts = fuzzlib.part_starts(text)
    assert len(starts) >= 6
    for cut in starts + [s + 1 for s in starts] + [s - 1 for s in starts if s]:
        for piece in (text[:cut], text[cut:]):
            if piece.strip():
                check_result(ENGINE.lint_bytes(piece.encode("utf-8"), "report.txt"), f"{base} cut at {cut}")


@fuzz_settings(150)
@given(base=st.sampled_from(sorted(set(SHAPES) - {"cells"}) or ["cells"]), text_ops=ops,
       markup=st.lists(st.tuples(st.sampled_from(fuzzlib.MARKUP), st.integers(0, 1 << 20), st.integers(0, 1 << 20)),
                       max_size=5),
       encoding=st.sampled_from(("utf-8", "gb18030", "utf-16")), word=st.booleans())
def test_mutated_html(base, text_ops, markup, encoding, word):
    to_page = fuzzlib.to_word_html if word else fuzzlib.to_html
    page = fuzzlib.mutate_markup(to_page(fuzzlib.mutate(SHAPES[base], text_ops)), markup)
    if encoding == "gb18030":
        page = page.replace('charset="utf-8"', 'charset="gb18030"')
    check_result(ENGINE.lint_bytes(page.encode(encoding, "replace"), "report.html"), f"{base} {text_ops} {markup}")


@fuzz_settings(120)
@given(base=st.sampled_from(sorted(set(SHAPES) - {"cells"}) or ["cells"]), text_ops=ops,
       xml_ops=st.lists(st.tuples(st.integers(0, 1 << 20), st.sampled_from(["<", ">", "&", "</w:p>", "<w:p>", "<w:tbl>",
                                                                             "</w:tc>", '<w:gridSpan w:val="99"/>',
                                                                             '<w:vMerge/>', "\x00", "&#0;", "]]>"])),
                        max_size=3),
       damage=st.none() | st.tuples(st.sampled_from(["cut", "flip"]), st.integers(0, 1 << 20), st.integers(0, 255)))
def test_mutated_docx(base, text_ops, xml_ops, damage):
    check_result(ENGINE.lint_bytes(_mutated_docx(base, text_ops, xml_ops, damage), "report.docx"),
                 f"{base} {text_ops} {xml_ops} {damage}")


def _mutated_docx(base, text_ops, xml_ops, damage) -> bytes:
    xml = fuzzlib.document_xml(fuzzlib.mutate(SHAPES[base], text_ops))
    for k, what in xml_ops:
        k %= len(xml) + 1
        xml = xml[:k] + what + xml[k:]
    data = fuzzlib.to_docx("", document=xml)
    if damage is not None:
        how, k, byte = damage
        k %= len(data)
        data = data[:k] if how == "cut" else data[:k] + bytes([byte]) + data[k + 1:]
    return data


@pytest.mark.parametrize("base, text_ops, xml_ops, damage", [
    # found by the nightly run: a flipped byte in a zip header pointing before the file made zipfile
    # raise ValueError (negative seek), which went up as a traceback
    ("markdown", [("truncate", 13904, 0, "")], [(157, "&")], ("flip", 710932, 15)),
    # … and one claiming a zip version zipfile does not know (6.4): NotImplementedError
    ("markdown", [("blank-lines", 0, 0, ""), ("blank-lines", 3, 124, ""), ("truncate", 56110, 0, "")],
     [(0, "</w:p>")], ("flip", 907, 64)),
])
def test_docx_found_by_fuzzing(base, text_ops, xml_ops, damage):
    result = ENGINE.lint_bytes(_mutated_docx(base, text_ops, xml_ops, damage), "report.docx")
    check_result(result, f"{base} {text_ops} {xml_ops} {damage}")
    assert [d.code for d in result.diagnostics] == ["GL011"]


PREFIXES = [b"", b"PK\x03\x04", b"%PDF-1.4\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html><body>",
            b"<!DOCTYPE html>", b"\x1f\x8b", "一、总体情况\n".encode("utf-8")]


@fuzz_settings(500)
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2048), suffix=st.sampled_from(READER_SUFFIXES))
def test_random_bytes_through_every_reader(prefix, data, suffix):
    check_result(ENGINE.lint_bytes(prefix + data, "input" + suffix), f"{suffix} {prefix!r}")


@pytest.mark.parametrize("data, suffix", [
    # found by the nightly run: ² is a digit to str.isdigit() that int() refuses (a table's first
    # cell taken for a pandas row index)
    (b"\xc2\xb2\t-\t-", ".htm"),
    ("²\t-\t-\n³\t-\t-\n⁴\t-\t-\n".encode("utf-8"), ".txt"),
])
def test_random_bytes_found_by_fuzzing(data, suffix):
    check_result(ENGINE.lint_bytes(data, "input" + suffix), suffix)


@fuzz_settings(80)
@given(k=st.integers(0, 1 << 20), byte=st.integers(0, 255), flip=st.booleans())
def test_damaged_pdf(k, byte, flip):
    pdf = fuzzlib.to_pdf("一、总体情况 2022 report")
    k %= len(pdf)
    data = pdf[:k] + bytes([byte]) + pdf[k + 1:] if flip else pdf[:k]
    check_result(ENGINE.lint_bytes(data, "report.pdf"), f"pdf {k} {byte} {flip}")


def test_reporters_take_whatever_the_engine_gives():
    """Odd messages and positions from fuzzed input reach the reporters; each must format them."""
    from govlint.reporters import FORMATS, format_results

    inputs = [(TEXTS["seed"].encode("gb18030"), "a.txt"), (b"\x00\x01", "b.txt"), (b"", "c.txt"),
              (fuzzlib.mutate(TEXTS["seed"], [("insert", 500, 1, "|\r\u2028"), ("heading", 1, 2, "<&>")]).encode(), "d.md"),
              (fuzzlib.to_html(SHAPES.get("pipe", TEXTS["seed"])).encode(), "e.html")]
    results = [ENGINE.lint_bytes(data, path) for data, path in inputs]
    for r in results:
        check_result(r)
    for fmt in FORMATS:
        for lang in ("zh", "en"):
            out = format_results(results, fmt, lang=lang)
            assert isinstance(out, str) and out


_EVERY_RULE = Config(select=("ALL",))  # the rules off by default too (GL8 across reports, GL9 style)


@fuzz_settings(60)
@given(bases=st.lists(st.sampled_from(sorted(TEXTS)), min_size=2, max_size=4),
       edits=st.lists(ops, min_size=4, max_size=4), years=st.lists(st.integers(2019, 2024), min_size=4, max_size=4))
def test_every_rule_and_the_checks_across_reports(bases, edits, years):
    """Mutated reports of one agency and nearby years, with every rule selected, then compared with
    each other (GL8): only findings, never a crashed rule."""
    from govlint.batch import cross_check

    results = []
    for i, base in enumerate(bases):
        text = fuzzlib.mutate(TEXTS[base], edits[i]).replace("2022", str(years[i]))
        result = ENGINE.lint_bytes(text.encode("utf-8"), f"r{i}.txt", _EVERY_RULE)
        check_result(result, f"{base} {edits[i]}")
        results.append(result)
    for r in cross_check(results, ENGINE, lambda path: _EVERY_RULE):
        check_result(r, "across reports")
