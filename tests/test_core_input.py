"""Bad input: one GL0 diagnostic, exit code 2, never a traceback."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys

import pytest

import govlint
from govlint.cli import main

import reportgen as rg

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
SEED_BYTES = rg.SEED.read_bytes()
_AT = SEED_BYTES.index("五、存在".encode())

BAD = [
    ("empty", b"", "GL002", 1),
    ("whitespace", " \r\n\t\n\u3000\n".encode(), "GL002", 1),
    ("bom-only", codecs.BOM_UTF8, "GL002", 1),
    ("binary", PNG, "GL003", 1),
    ("nul-bytes", b"abc\x00\x00\x00def" * 20, "GL003", 1),
    ("utf16-bom-odd", codecs.BOM_UTF16_LE + b"\x00\xd8a", "GL004", 1),
    ("utf8-bom-then-invalid", codecs.BOM_UTF8 + "一、总体情况\n".encode() + b"\xff\xfe\n", "GL004", 2),
    ("undecodable", bytes(range(128, 256)) * 8, "GL004", 1),
    ("damaged-utf8", SEED_BYTES[:_AT] + b"\xff" + SEED_BYTES[_AT:], "GL004", 333),
    ("no-structure", "这是一段普通的文字，没有任何报告结构。\n第二段文字。\n".encode(), "GL005", 1),
    ("ascii-prose", b"hello world\nnothing to see here\n", "GL005", 1),
]


@pytest.mark.parametrize("data,code,line", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_bytes_give_one_gl0(data, code, line, tmp_path, capsys):
    ds = govlint.lint(data)
    assert [(d.code, d.line) for d in ds] == [(code, line)]
    assert ds[0].fatal and ds[0].severity.value == "error" and ds[0].message and ds[0].message_en
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    assert [(d.code, d.line) for d in govlint.lint(path)] == [(code, line)]
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"{path}:{line}:1: {code} " in out
    if code != "GL005":
        with pytest.raises(govlint.InputError) as exc:
            govlint.parse(data)
        assert exc.value.code == code


def test_exit_zero_does_not_hide_unreadable_input(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"")
    assert main(["check", "--exit-zero", str(path)]) == 2


def test_utf16_with_bom_is_read(tmp_path):
    r = rg.render(rg.seed_doc().set("三", "new", "natural", "4"), "pipe")
    for enc in ("utf-16-le", "utf-16-be"):
        ds = govlint.lint(r.encode(enc, bom=True), govlint.Config(select=("GL0", "GL10", "GL2", "GL3")))
        assert sorted((d.code, d.line) for d in ds) == [("GL301", r.cell("三", "total", "natural")),
                                                         ("GL303", r.cell("三", "new", "total"))]


def test_missing_path(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert [d.code for d in govlint.lint(missing)] == ["GL001"]
    assert main(["check", str(missing)]) == 2
    assert f"{missing}:1:1: GL001" in capsys.readouterr().out


def test_directory_given_as_a_file(tmp_path):
    d = tmp_path / "reports.txt"
    d.mkdir()
    ds = govlint.lint(d)
    assert [x.code for x in ds] == ["GL001"] and ds[0].fatal
    from govlint.engine import default_engine

    assert [x.code for x in default_engine().lint_path(d).diagnostics] == ["GL001"]


def test_empty_directory_is_a_usage_error(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "no report files" in capsys.readouterr().err


def test_one_bad_file_among_good_ones(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(SEED_BYTES)
    (tmp_path / "b.txt").write_bytes(PNG)
    assert main(["check", "--select", "GL0,GL10,GL2,GL3", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "b.txt:1:1: GL003" in out and "a.txt" not in out


def test_text_api_rejects_empty_text():
    assert [d.code for d in govlint.lint("   \n")] == ["GL002"]
    with pytest.raises(govlint.InputError):
        govlint.parse("")


def test_too_large(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_bytes(SEED_BYTES)
    assert main(["check", "--max-bytes", "100", str(path)]) == 2
    assert "GL006" in capsys.readouterr().out


def test_no_traceback_from_the_command_line(tmp_path):
    """The installed entry point on every kind of bad input: exit 2, GL0 lines, no traceback."""
    paths = []
    for name, data, code, _ in BAD:
        p = tmp_path / f"{name}.txt"
        p.write_bytes(data)
        paths.append(str(p))
    paths.append(str(tmp_path / "missing.txt"))
    env = dict(os.environ, PYTHONWARNINGS="error::DeprecationWarning:govlint")
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", *paths], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    for name, _, code, line in BAD:
        assert f"{name}.txt:{line}:1: {code} " in proc.stdout
    assert "missing.txt:1:1: GL001" in proc.stdout
