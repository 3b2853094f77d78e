"""Bad input, as a table: each case is a file (or directory) made in ``tmp_path``, the GL0 code it
must get, and the exit code of ``govlint check`` on it together with a good report -- which must
still be checked (its findings appear in the output). No case may end in a traceback or a hang.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
import zipfile
from pathlib import Path
from typing import Callable, Optional

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))

import fuzzlib  # noqa: E402

from govlint import cli  # noqa: E402
from govlint.engine import MAX_BYTES, default_engine  # noqa: E402
from govlint.readers import BUILTIN_READERS  # noqa: E402

DATA = Path(__file__).parent / "data"
SEED_TEXT = (DATA / "seed.txt").read_text(encoding="utf-8")
SEED = SEED_TEXT.encode("utf-8")
GOOD_NAME = "zz-good.txt"  # sorts last: the bad file is checked first, the good one after it


def _pipe_text() -> str:
    return fuzzlib.shape_texts().get("pipe", SEED_TEXT)


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _zip_bomb() -> bytes:
    """300 MB of one character, deflated to ~300 KB, as word/document.xml."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>'.encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", fuzzlib._CT)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(body)
            chunk = b"a" * (1 << 20)
            for _ in range(300):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


_LOL = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        '<w:t>一、总体情况 &lol9;</w:t></w:r></w:p></w:body></w:document>')


def _deep_html(depth: int) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in SEED_TEXT.splitlines()[:40])
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>".encode("utf-8")


def _fifty_megabytes(path: Path) -> None:
    with open(path, "wb") as fh:
        block = SEED * (1 << 20 // len(SEED) + 1)
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)


def _reader(suffix: str) -> bool:
    return suffix in BUILTIN_READERS


def _pdf_reader_works() -> bool:
    if not _reader(".pdf"):
        return False
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        return False
    return True


#: name -> (file name, maker(path) writes it, expected code (None: read, no GL0), exit code, skip reason)
Case = tuple[str, Callable[[Path], None], Optional[str], int, Optional[str]]


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


CASES: dict[str, Case] = {
    "empty": ("r.txt", _bytes(b""), "GL002", 2, None),
    "whitespace only": ("r.txt", _bytes(" \t\r\n\u3000".encode("utf-8") * 100), "GL002", 2, None),
    "utf-8 BOM then nothing": ("r.txt", _bytes(codecs.BOM_UTF8 + b"\n\n"), "GL002", 2, None),
    "binary": ("r.txt", _bytes(bytes(range(256)) * 64), "GL003", 2, None),
    "NUL bytes in text": ("r.txt", _bytes(SEED[:3000] + b"\x00" * 10 + SEED[3000:]), "GL003", 2, None),
    "utf-16 with BOM": ("r.txt", _bytes(SEED_TEXT.encode("utf-16")), None, 1, None),
    "utf-16-be with BOM": ("r.txt", _bytes(codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be")), None, 1, None),
    "utf-16-le without BOM": ("r.txt", _bytes(SEED_TEXT.encode("utf-16-le")), None, 1, None),
    "utf-16-be without BOM": ("r.txt", _bytes(SEED_TEXT.encode("utf-16-be")), None, 1, None),
    "utf-16-le without BOM, then binary": ("r.txt", _bytes(SEED_TEXT.encode("utf-16-le") + b"\x00\xd8" + bytes(range(256))),
                                           "GL003", 2, None),
    "gb18030": ("r.txt", _bytes(SEED_TEXT.encode("gb18030")), None, 1, None),
    "utf-8 with BOM and CRLF": ("r.txt", _bytes(codecs.BOM_UTF8 + SEED_TEXT.replace("\n", "\r\n").encode()), None, 1, None),
    "mixed utf-8 and gb18030": ("r.txt", _bytes(SEED_TEXT[:4000].encode() + SEED_TEXT[4000:].encode("gb18030")),
                                "GL004", 2, None),
    "utf-16 BOM, odd byte count": ("r.txt", _bytes(SEED_TEXT.encode("utf-16") + b"\x00"), "GL004", 2, None),
    "no report in it": ("r.txt", _bytes("这是一封信，不是年度报告。\n祝好。\n".encode()), "GL005", 2, None),
    "50 MB text": ("big.txt", _fifty_megabytes, "GL006", 2, None),
    "a dangling symlink": ("gone.txt", lambda p: os.symlink(p.parent / "nowhere.txt", p), "GL001", 2,
                           None if hasattr(os, "symlink") else "no symlinks on this platform"),
    "a FIFO": ("pipe.txt", lambda p: os.mkfifo(p), "GL001", 2,
               None if hasattr(os, "mkfifo") else "no FIFOs on this platform"),
    "10,000-deep nested HTML": ("r.html", _bytes(_deep_html(10_000)), "GL006", 2,
                                None if _reader(".html") else "the HTML reader (govlint/readers/html.py) is missing"),
    "HTML nested 200 deep (fine)": ("r.html", _bytes(_deep_html(200)), None, 1,
                                    None if _reader(".html") else "the HTML reader is missing"),
    "zip bomb .docx": ("r.docx", _bytes(_zip_bomb()), "GL006", 2,
                       None if _reader(".docx") else "the DOCX reader (govlint/readers/docx.py) is missing"),
    ".docx with entity declarations": ("r.docx", _bytes(_zip({"[Content_Types].xml": fuzzlib._CT.encode(),
                                                               "word/document.xml": _LOL.encode()})), "GL011", 2,
                                       None if _reader(".docx") else "the DOCX reader is missing"),
    "truncated .docx": ("r.docx", lambda p: p.write_bytes(fuzzlib.to_docx(_pipe_text())[:700]), "GL011", 2,
                        None if _reader(".docx") else "the DOCX reader is missing"),
    "zip without a document": ("r.docx", _bytes(_zip({"a.txt": b"x"})), "GL011", 2,
                               None if _reader(".docx") else "the DOCX reader is missing"),
    "encrypted PDF": ("r.pdf", _bytes(fuzzlib.to_pdf("2022 report", encrypted=True)), "GL007", 2,
                      None if _pdf_reader_works() else "the PDF reader (govlint/readers/pdf.py, pdfplumber) is missing"),
    "truncated PDF": ("r.pdf", _bytes(fuzzlib.to_pdf("2022 report")[:200]), "GL011", 2,
                      None if _pdf_reader_works() else "the PDF reader is missing"),
}


def _make(tmp_path: Path, name: str) -> tuple[Path, Path]:
    fname, maker, _, _, skip = CASES[name]
    if skip:
        pytest.skip(skip)
    d = tmp_path / "in"
    d.mkdir()
    bad = d / fname
    maker(bad)
    good = d / GOOD_NAME
    good.write_bytes(SEED)
    return bad, good


@pytest.mark.parametrize("name", list(CASES))
def test_engine(tmp_path, name):
    bad, _ = _make(tmp_path, name)
    _, _, code, _, _ = CASES[name]
    result = default_engine().lint_path(bad)
    codes = [d.code for d in result.diagnostics]
    assert not any(c in ("GL008", "GL009") for c in codes), codes
    if code is None:
        assert not result.fatal, [(d.code, d.message) for d in result.diagnostics]
        assert result.report is not None and result.report.tables
    else:
        assert codes == [code], [(d.code, d.message) for d in result.diagnostics]
        assert result.fatal and result.diagnostics[0].message


@pytest.mark.parametrize("name", list(CASES))
def test_cli_exit_code_and_the_other_file_is_still_checked(tmp_path, name, capsys):
    bad, good = _make(tmp_path, name)
    _, _, code, exit_code, _ = CASES[name]
    rc = cli.main(["check", "--no-show-source", str(bad), str(good)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert rc == exit_code, out[-2000:]
    if code is not None:
        assert f"{bad.name}:1:1: {code}" in out
    assert f"{GOOD_NAME}:" in out  # the good report's findings are there: it was checked


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])  # with a BOM, and without
def test_utf16_reads_like_utf8(tmp_path, encoding):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(SEED)
    b.write_bytes(SEED_TEXT.encode(encoding))
    ra, rb = default_engine().lint_path(a), default_engine().lint_path(b)
    assert [(d.code, d.line, d.column) for d in ra.diagnostics] == [(d.code, d.line, d.column) for d in rb.diagnostics]
    assert rb.source.encoding == ("utf-16-le" if encoding == "utf-16" else encoding)


def test_utf16_without_bom_is_never_guessed_for_binary():
    """Bytes with zeros in every other position, as UTF-16 has, are binary unless they decode to
    text (CJK, ASCII, punctuation, no control characters)."""
    import random

    rnd = random.Random(7)
    engine = default_engine()
    for _ in range(500):
        p = rnd.random()
        data = bytes((0 if rnd.random() < p else rnd.randrange(256)) if k % 2 else rnd.randrange(256)
                     for k in range(rnd.choice([16, 64, 512, 4096])))
        r = engine.lint_bytes(data, "x.txt")
        assert r.source is None or not r.source.encoding.startswith("utf-16")


def test_truncated_at_every_part(tmp_path):
    """The seed cut before each of its parts: the parts that are gone are reported missing (GL101),
    and with no part left at all there is no report (GL005)."""
    starts = fuzzlib.part_starts(SEED_TEXT)
    assert len(starts) == 6
    engine = default_engine()
    for k, cut in enumerate(starts):
        p = tmp_path / f"cut{k}.txt"
        p.write_text(SEED_TEXT[:cut], encoding="utf-8")
        result = engine.lint_path(p)
        codes = [d.code for d in result.diagnostics]
        assert "GL009" not in codes and "GL008" not in codes
        if k == 0:
            assert codes == ["GL005"], codes
        else:
            missing = [d for d in result.diagnostics if d.code == "GL101"]
            assert len(missing) == 6 - k, (k, [(d.code, d.message) for d in result.diagnostics])
    rc = cli.main(["check", "--no-show-source", str(tmp_path)])
    assert rc == 2  # cut0 is GL005; the others were checked (findings, exit 1 alone)


def test_directory_with_unreadable_files(tmp_path, capsys):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    d = tmp_path / "reports"
    d.mkdir()
    locked = d / "a-locked.txt"
    locked.write_bytes(SEED)
    (d / GOOD_NAME).write_bytes(SEED)
    locked.chmod(0)
    try:
        rc = cli.main(["check", "--no-show-source", str(d)])
    finally:
        locked.chmod(0o600)
    out = capsys.readouterr().out
    assert rc == 2
    assert "a-locked.txt:1:1: GL001" in out and f"{GOOD_NAME}:" in out


def test_default_cap_is_below_fifty_megabytes():
    assert MAX_BYTES < 50 * 1024 * 1024


def test_utf16_without_bom_is_fixed_in_its_own_encoding():
    from govlint.fix import fix_data

    data = SEED_TEXT.encode("utf-16-le")
    out = fix_data(data, "r.txt", default_engine())
    assert out.changed and not out.fixed.startswith(codecs.BOM_UTF16_LE)
    fixed = out.fixed.decode("utf-16-le")
    assert "获取信息的权利" in fixed and fixed.replace("获取信息的权利", "获取信息的权力") != SEED_TEXT  # (GL601 too)
    assert len(fixed.splitlines()) == len(SEED_TEXT.splitlines())


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symlink_loop_is_one_gl001_in_the_users_language(tmp_path, capsys):
    """A link that points at itself cannot be read: one GL001 whose Chinese message is Chinese (the
    system's reason, strerror, is English), the other file still checked."""
    d = tmp_path / "reports"
    d.mkdir()
    (d / "loop.txt").symlink_to(d / "loop.txt")
    (d / GOOD_NAME).write_bytes(SEED)
    rc = cli.main(["check", "--no-show-source", str(d / "loop.txt"), str(d / GOOD_NAME)])
    out = capsys.readouterr().out
    assert rc == 2
    line = next(ln for ln in out.splitlines() if "loop.txt:1:1: GL001" in ln)
    assert "符号链接循环" in line and "Too many" not in line
    assert f"{GOOD_NAME}:" in out
    cli.main(["check", "--lang", "en", "--no-show-source", str(d / "loop.txt")])
    assert "cannot read: too many levels of symbolic links" in capsys.readouterr().out


def _zip(names: tuple[str, ...]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize("name, data, says, says_en", [
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG 图片", "OCR"),
    ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "JPEG 图片", "OCR"),
    ("scan.tif", b"II*\x00" + b"\x00" * 64, "TIFF", "OCR"),
    ("tables.xlsx", _zip(("[Content_Types].xml", "xl/workbook.xml")), "Excel", "Excel"),
    ("report.ofd", _zip(("OFD.xml", "Doc_0/Document.xml")), "OFD", "OFD"),
    ("reports.zip", _zip(("a.txt",)), "解压", "extract"),
    ("report.rar", b"Rar!\x1a\x07\x00" + b"\x00" * 64, "RAR", "extract"),
])
def test_a_file_in_another_format_is_named(name, data, says, says_en):
    """A picture, a spreadsheet, an OFD file or an archive is named, with what to do (it was "binary")."""
    found = default_engine().lint_bytes(data, name).diagnostics
    assert [d.code for d in found] == ["GL003"]
    assert says in found[0].message and says_en in found[0].message_en
