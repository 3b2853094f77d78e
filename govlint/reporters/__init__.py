"""Reporters format results; they never decide what is wrong."""

from __future__ import annotations

from typing import Callable, Sequence

from ..engine import FileResult

Reporter = Callable[..., str]


def counts_en(counts: dict) -> str:
    """``1 error, 2 warnings, 0 info``: the counts by severity, in English."""
    e, w = counts["error"], counts["warning"]
    return f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}, {counts['info']} info"


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
