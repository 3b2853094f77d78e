"""The library entry points apply the same input safety as ``govlint check``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import govlint
from govlint.engine import Engine

SEED = Path(__file__).parent / "data" / "seed.txt"


def test_lint_of_a_device_does_not_hang():
    [d] = govlint.lint(Path("/dev/zero"))
    assert d.code == "GL001" and d.fatal


def test_parse_of_a_directory_raises_input_error(tmp_path):
    with pytest.raises(govlint.InputError) as exc:
        govlint.parse(tmp_path)
    assert exc.value.code == "GL001"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_lint_of_a_fifo_does_not_block(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    [d] = govlint.lint(fifo)
    assert d.code == "GL001"


def test_path_str_bytes_and_text_agree():
    text = SEED.read_text(encoding="utf-8")
    by_path = [(d.code, d.line, d.column) for d in govlint.lint(SEED)]
    assert by_path == [(d.code, d.line, d.column) for d in govlint.lint(str(SEED))]
    assert by_path == [(d.code, d.line, d.column) for d in govlint.lint(SEED.read_bytes())]
    assert by_path == [(d.code, d.line, d.column) for d in govlint.lint(text)]


def test_size_cap_applies_to_paths(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes() * 3)
    result = Engine().lint_path(big, max_bytes=len(SEED.read_bytes()))
    [d] = result.diagnostics
    assert d.code == "GL006" and d.fatal
