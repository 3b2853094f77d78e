"""The seed report and one-defect variants of it, shared by the rule tests."""

from __future__ import annotations

from pathlib import Path

import govlint
from govlint.config import Config

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
LINES = SEED_TEXT.split("\n")


def text_with(replace=None, insert_after=None, sub=None) -> str:
    """The seed with 1-based lines replaced, lines inserted after a line, and/or substrings replaced."""
    lines = list(LINES)
    for n, new in (replace or {}).items():
        lines[n - 1] = new
    for n, new in sorted((insert_after or {}).items(), reverse=True):
        lines[n:n] = [new] if isinstance(new, str) else list(new)
    text = "\n".join(lines)
    for old, new in (sub or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def run(text, code, **options):
    """Lint ``text`` (or a path) with only ``code`` selected and the rule's options set."""
    return govlint.lint(text, Config(select=(code,), rules={code: options} if options else {}))


def where(diags):
    return [(d.code, d.line) for d in diags]
