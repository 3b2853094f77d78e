"""The nightly fuzz run: heavier properties than ``tests/test_fuzz.py``, skipped unless
``GOVLINT_FUZZ=nightly``. Run both, for as long as the night allows::

    GOVLINT_FUZZ=nightly python -m pytest -q tests/test_fuzz.py tests/fuzz/

(``tests/test_fuzz.py`` then draws 50 times as many examples, fresh each run, and hypothesis keeps
any failure it finds in ``.hypothesis/`` so the next run tries it first.)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import fuzzlib  # noqa: E402
from test_fuzz import READER_SUFFIXES, check_result, ops  # noqa: E402

from govlint.cli import main  # noqa: E402
from govlint.engine import default_engine  # noqa: E402

pytestmark = pytest.mark.skipif(os.environ.get("GOVLINT_FUZZ") != "nightly",
                                reason="nightly fuzzing: set GOVLINT_FUZZ=nightly")

NIGHT = settings(max_examples=int(os.environ.get("GOVLINT_FUZZ_EXAMPLES", "2000")), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
ENGINE = default_engine()
TEXTS = fuzzlib.base_texts()


@NIGHT
@given(base=st.sampled_from(sorted(TEXTS)), rounds=st.lists(ops, min_size=1, max_size=8),
       encoding=st.sampled_from(fuzzlib.ENCODINGS), suffix=st.sampled_from(READER_SUFFIXES))
def test_many_mutation_rounds_any_reader(base, rounds, encoding, suffix):
    text = TEXTS[base]
    for r in rounds:
        text = fuzzlib.mutate(text, r)
    data = text.encode(encoding, "replace")
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        data = fuzzlib.to_html(text).encode("utf-8")
    elif suffix == ".docx":
        data = fuzzlib.to_docx(text)
    check_result(ENGINE.lint_bytes(data, "report" + suffix), f"{base} {suffix}")


@NIGHT
@given(data=st.binary(max_size=65536), suffix=st.sampled_from(READER_SUFFIXES))
def test_large_random_bytes(data, suffix):
    check_result(ENGINE.lint_bytes(data, "input" + suffix))


@settings(max_examples=20, deadline=None)
@given(data=st.binary(min_size=1, max_size=4096), suffix=st.sampled_from([".doc", ".wps"]))
def test_legacy_word_conversion_of_garbage(data, suffix):
    """Through LibreOffice when it is installed (seconds per file): a GL0, never a hang."""
    check_result(ENGINE.lint_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + data, "input" + suffix))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.tuples(st.sampled_from(sorted(TEXTS)), ops), min_size=1, max_size=6),
       fmt=st.sampled_from(["text", "json", "sarif", "github"]))
def test_cli_over_a_directory_of_fuzzed_files(tmp_path_factory, texts, fmt, capsys):
    d = tmp_path_factory.mktemp("fuzz")
    for i, (base, o) in enumerate(texts):
        (d / f"r{i}.txt").write_text(fuzzlib.mutate(TEXTS[base], o), encoding="utf-8", errors="surrogatepass")
    rc = main(["check", "--format", fmt, "--no-show-source", str(d)])
    out = capsys.readouterr().out
    assert rc in (0, 1, 2)
    assert "GL009" not in out and "GL008" not in out
    if fmt in ("json", "sarif"):
        json.loads(out)
