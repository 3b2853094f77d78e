"""Reporters format results; they never decide what is wrong."""

from __future__ import annotations

from typing import Callable, Sequence

from ..engine import FileResult

Reporter = Callable[..., str]


def counts_en(counts: dict) -> str:
    """``1 error, 2 warnings, 0 info``: the counts by severity, in English."""
    e, w = counts["error"], counts["warning"]
    return f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}, {counts['info']} info"


_LOCATOR_PARTS = (("段", "paragraph"), ("页", "page"), ("行", "row"), ("列", "column"))


def locator_text(locator: str, lang: str) -> str:
    """A reader's locator (``第12段``, ``第3页 表1 第2行 第4列``, ``表3 第5行 第2列``) in the message
    language: ``paragraph 12``, ``page 3, table 1, row 2, column 4``. The JSON output keeps it as the
    reader wrote it (a field of the contract)."""
    if lang != "en" or not locator:
        return locator
    out = []
    for word in locator.split():
        if word.startswith("表") and word[1:].isdigit():
            out.append(f"table {word[1:]}")
            continue
        for zh, en in _LOCATOR_PARTS:
            if word.startswith("第") and word.endswith(zh) and word[1:-1].isdigit():
                out.append(f"{en} {word[1:-1]}")
                break
        else:
            out.append(word)
    return ", ".join(out)


#: the output formats (``--format``)
FORMATS = ("text", "json", "sarif", "github", "html")


def get_reporter(name: str) -> Reporter:
    """The render function of a format: ``render(results, lang=..., rules=..., **options) -> str``."""
    if name == "json":
        from .json import render
    elif name == "text":
        from .text import render
    elif name == "sarif":
        from .sarif import render
    elif name == "github":
        from .github import render
    elif name == "html":
        from .html import render
    else:
        raise KeyError(name)
    return render


def format_results(results: Sequence[FileResult], fmt: str = "text", *, lang: str = "zh", rules=None,
                   **options) -> str:
    """Format results exactly as ``govlint check --format FMT`` does (``rules``: code -> Rule, for the
    formats that describe rules; default: the rules of the default engine)."""
    if rules is None and fmt in ("sarif", "html"):
        from ..engine import default_engine

        rules = default_engine().rules
        options.setdefault("rule_plugin", default_engine().rule_plugin)
    return get_reporter(fmt)(results, lang=lang, rules=rules, **options)


def counts(results: Sequence[FileResult]) -> dict[str, int]:
    c = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for d in r.diagnostics:
            c[d.severity.value] += 1
    return c
