"""Reports that do not say what they are by their name: standard input (``govlint check -``) and
files whose suffix is missing or wrong (a page saved without its extension, a renamed PDF)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import render_shapes as rs
from pdfbytes import make_pdf

from govlint.engine import default_engine
from govlint.readers import sniff

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
SEED = (Path(__file__).parent / "data" / "seed.txt").read_bytes()
PAGE = rs.to_html(DATA).data


def keys(result) -> Counter:
    return Counter((d.code, d.line, d.column) for d in result.diagnostics)


def govlint_cli(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govlint", *args], input=stdin, capture_output=True, cwd=cwd,
                          timeout=120)


# ----------------------------------------------------------------------------- sniffing

@pytest.mark.parametrize("head, kind", [
    (b"%PDF-1.7\n", ".pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, ".doc"),
    (b"<!DOCTYPE html>\n<html>", ".html"),
    (b"\xef\xbb\xbf  <html lang='zh'>", ".html"),
    (b"<?xml version='1.0'?>\n<!-- saved -->\n<html xmlns='x'>", ".html"),
    (b"\n\n<HEAD><META charset=gbk>", ".html"),
    (b"<meta http-equiv='Content-Type' content='text/html; charset=gb2312'>", ".html"),
    (b"PK\x03\x04 not a word file", None),  # a zip without word/document.xml
    (b"<2022\xe5\xb9\xb4>", None),  # text that opens with "<"
    (b"<htmlish>", None),
    ("一、总体情况".encode(), None),
    (b"", None),
])
def test_sniff(head, kind):
    assert sniff(head) == kind


@pytest.mark.parametrize("name", ["page", "page.txt", "page.aspx", "page.jsp", None])
def test_a_web_page_whatever_its_name_is_read_as_html(name):
    engine = default_engine()
    ref = engine.lint_bytes(PAGE, "page.html")
    got = engine.lint_bytes(PAGE, name)
    assert got.source.kind == "html" and keys(got) == keys(ref) and len(ref.diagnostics) >= 5


def test_a_word_file_with_the_wrong_suffix_is_read_as_word(tmp_path):
    pytest.importorskip("docx")
    rs.to_docx(DATA, tmp_path / "r.docx")
    data = (tmp_path / "r.docx").read_bytes()
    engine = default_engine()
    ref, got = engine.lint_bytes(data, "r.docx"), engine.lint_bytes(data, "r.txt")
    assert got.source.kind == "docx" and keys(got) == keys(ref) and ref.diagnostics


def test_a_pdf_or_old_word_file_with_the_wrong_suffix_gets_its_own_reasons():
    pytest.importorskip("pdfplumber")
    engine = default_engine()
    scanned = make_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])
    assert [d.code for d in engine.lint_bytes(scanned, "r.txt").diagnostics] == ["GL007"]  # no text layer
    broken = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096
    (d,) = engine.lint_bytes(broken, "r").diagnostics  # not GL003 "binary": a Word file, and why it cannot be read
    assert d.code in ("GL007", "GL011") and (".doc" in d.message_en or "LibreOffice" in d.message_en)


def test_text_and_markdown_stay_text():
    engine = default_engine()
    assert engine.lint_bytes(SEED, "r.txt").source.kind == "text"
    assert engine.lint_bytes(b"# " + SEED, "r.md").source.kind == "text"


# ----------------------------------------------------------------------------- standard input

def test_check_reads_standard_input():
    proc = govlint_cli("check", "--lang", "en", "-", stdin=SEED)
    ref = govlint_cli("check", "--lang", "en", str(Path(__file__).parent / "data" / "seed.txt"))
    lines, ref_lines = proc.stdout.splitlines(), ref.stdout.splitlines()
    assert proc.returncode == 1 and len(lines) == len(ref_lines) == 8  # seven findings and the count
    for line, ref_line in zip(lines[:7], ref_lines[:7]):
        assert line.startswith(b"-:") and line.split(b":", 1)[1] == ref_line.split(b":", 1)[1]


def test_stdin_filename_names_the_report_and_finds_its_configuration(tmp_path):
    (tmp_path / "govlint.toml").write_text('[tool.govlint]\nignore = ["GL112"]\n', encoding="utf-8")
    proc = govlint_cli("check", "--format", "json", "--stdin-filename", str(tmp_path / "reports" / "a.txt"), "-",
                       stdin=SEED)
    (f,) = json.loads(proc.stdout)["files"]
    assert f["path"] == str(tmp_path / "reports" / "a.txt")
    codes = [d["code"] for d in f["diagnostics"]]
    assert "GL606" in codes and "GL112" not in codes


def test_a_web_page_on_standard_input_points_into_the_page():
    proc = govlint_cli("check", "--format", "json", "-", stdin=PAGE)
    got = {(d["code"], d["line"], d["column"]) for d in json.loads(proc.stdout)["files"][0]["diagnostics"]}
    ref = {(d.code, d.line, d.column) for d in default_engine().lint_bytes(PAGE, "p.html").diagnostics}
    assert got == ref


def test_fix_on_standard_input_writes_the_fixed_report_to_standard_output(tmp_path):
    copy = tmp_path / "r.txt"
    copy.write_bytes(SEED)
    assert govlint_cli("check", "--fix", str(copy)).returncode == 1
    proc = govlint_cli("check", "--fix", "--lang", "en", "-", stdin=SEED)
    assert proc.stdout == copy.read_bytes() != SEED  # the same fixes as on the file
    assert b"Found 5 problems" in proc.stderr  # what is left, on standard error
    report = tmp_path / "report.json"
    proc = govlint_cli("check", "--fix", "--format", "json", "-o", str(report), "-", stdin=SEED)
    assert proc.stdout == copy.read_bytes() and len(json.loads(report.read_text())["files"][0]["diagnostics"]) == 5
    diff = govlint_cli("check", "--diff", "-", stdin=SEED)
    assert diff.returncode == 1 and b"+++ b/-" in diff.stdout and "权利".encode() in diff.stdout


def test_extract_reads_standard_input():
    proc = govlint_cli("extract", "--stdin-filename", "a.html", "-", stdin=PAGE)
    (rec,) = json.loads(proc.stdout)["files"]
    assert proc.returncode == 0 and rec["path"] == "a.html" and rec["reader"] == "html"
    assert (rec["edition"], rec["year"], len(rec["cells"])) == ("2021", 2022, 200)
    csv_lines = govlint_cli("extract", "--format", "csv", "-", stdin=SEED).stdout.decode().splitlines()
    assert len(csv_lines) == 201 and csv_lines[1].startswith("-,2021,2022,")


@pytest.mark.parametrize("args", [["check", "-", "seeds/"], ["check", "--stdin-filename", "a.txt", "seeds/"],
                                  ["extract", "-", "-"]])
def test_standard_input_usage_errors(args):
    proc = govlint_cli(*args, cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 2 and b"govlint:" in proc.stderr


def test_binary_on_standard_input_is_a_clear_error():
    proc = govlint_cli("check", "-", stdin=b"\x00\x01\x02" * 100)
    assert proc.returncode == 2 and b"GL003" in proc.stdout


def test_fix_never_rewrites_a_word_file_named_as_text(tmp_path):
    pytest.importorskip("docx")
    rs.to_docx(DATA.with_value("三", "new", "natural", "3"), tmp_path / "r.docx")
    disguised = tmp_path / "r.txt"
    disguised.write_bytes((tmp_path / "r.docx").read_bytes())
    before = disguised.read_bytes()
    proc = govlint_cli("check", "--fix", "--lang", "en", str(disguised))
    assert disguised.read_bytes() == before and b"not applied" in proc.stderr and b"GL606" in proc.stdout


def test_fix_rewrites_a_report_without_a_suffix_but_not_a_page_named_otherwise(tmp_path):
    """A file named without a suffix is rewritten like a .txt (or .html) one; a page saved as .aspx
    is read as a page, and left alone (its name does not say it is text)."""
    bare, aspx = tmp_path / "report", tmp_path / "report.aspx"
    bare.write_bytes(SEED)
    aspx.write_bytes(PAGE)
    govlint_cli("check", "--fix", str(bare), str(aspx))
    assert "获取信息的权利".encode() in bare.read_bytes()
    assert aspx.read_bytes() == PAGE
