"""Reporters format results; they never decide what is wrong."""

from __future__ import annotations

from typing import Callable, Sequence

from ..engine import FileResult

Reporter = Callable[..., str]


def get_reporter(name: str) -> Reporter:
    if name == "json":
        from .json import render
    elif name == "text":
        from .text import render
    else:
        raise KeyError(name)
    return render


def counts(results: Sequence[FileResult]) -> dict[str, int]:
    c = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for d in r.diagnostics:
            c[d.severity.value] += 1
    return c
