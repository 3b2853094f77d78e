"""Coverage-guided fuzzing with atheris (libFuzzer) -- optional, for long unattended runs::

    pip install atheris
    python tests/fuzz/atheris_harness.py -max_total_time=3600 [corpus_dir]

The first input byte picks the reader (``.txt``, ``.md``, ``.html``, ``.docx``, ``.pdf``); the rest is
the file. A result with a GL008/GL009, a fatal diagnostic that is not alone, or any exception is a
crash that libFuzzer reports with the input that caused it. Without atheris the script says so and
exits 0 (it is skipped, not failed).
"""

from __future__ import annotations

import sys
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")


def main(argv: list[str]) -> int:
    try:
        import atheris  # type: ignore[import-not-found]
    except ImportError:
        print("atheris is not installed (pip install atheris): skipped")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    with atheris.instrument_imports():
        import govlint.engine  # noqa: F401
        from govlint.engine import default_engine
    import fuzzlib

    engine = default_engine()
    seeds = Path(argv[-1]) if len(argv) > 1 and Path(argv[-1]).is_dir() else None
    if seeds is not None and not any(seeds.iterdir()):  # give libFuzzer real reports to start from
        for i, (name, text) in enumerate(sorted(fuzzlib.base_texts().items())):
            (seeds / f"{i:02d}-{name}.txt").write_bytes(b"\x00" + text.encode("utf-8"))
            (seeds / f"{i:02d}-{name}.html").write_bytes(b"\x02" + fuzzlib.to_html(text).encode("utf-8"))
            (seeds / f"{i:02d}-{name}.docx").write_bytes(b"\x03" + fuzzlib.to_docx(text))

    def one(data: bytes) -> None:
        if not data:
            return
        suffix = SUFFIXES[data[0] % len(SUFFIXES)]
        result = engine.lint_bytes(data[1:], "input" + suffix)
        bad = [d for d in result.diagnostics if d.code in ("GL008", "GL009")]
        if bad:
            raise RuntimeError("; ".join(d.message for d in bad))
        fatal = [d for d in result.diagnostics if d.fatal]
        if fatal and len(result.diagnostics) != 1:
            raise RuntimeError(f"a fatal diagnostic with others: {[d.code for d in result.diagnostics]}")

    atheris.Setup(argv, one)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
