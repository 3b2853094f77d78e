"""JSON output — a public contract: fields may be added, never removed or renamed.

``{"govlint": VERSION, "files": [{"path", "edition", "year", "diagnostics": [{"code", "rule",
"severity", "message", "line", "column", "end_line", "end_column", ...}]}], "summary": {"files",
"error", "warning", "info"}}``. Lines and columns are 1-based, in code points of the user's file.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from .. import __version__
from ..diagnostics import Diagnostic
from ..engine import FileResult
from . import counts


def diagnostic_dict(d: Diagnostic, lang: str = "zh") -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": d.code, "rule": d.rule, "severity": d.severity.value, "message": d.text(lang),
        "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
        "message_zh": d.message, "message_en": d.message_en,
    }
    if d.locator:
        out["locator"] = d.locator
    for name in ("table", "row", "col"):
        value = getattr(d, name)
        if value is not None:
            out["column_id" if name == "col" else name] = value
    if d.expected is not None:
        out["expected"] = d.expected
    if d.actual is not None:
        out["actual"] = d.actual
    if d.fix is not None:
        out["fix"] = {"start": d.fix.start, "end": d.fix.end, "replacement": d.fix.replacement}
    return out


def file_dict(r: FileResult, lang: str = "zh") -> dict[str, Any]:
    return {
        "path": r.path,
        "edition": r.report.edition if r.report else None,
        "year": r.report.year if r.report else None,
        "agency": r.report.agency if r.report else None,
        "diagnostics": [diagnostic_dict(d, lang) for d in r.diagnostics],
    }


def document(results: Sequence[FileResult], lang: str = "zh") -> dict[str, Any]:
    files = [file_dict(r, lang) for r in results]
    return {"govlint": __version__, "files": files, "summary": {"files": len(results), **counts(results)}}


def render(results: Sequence[FileResult], lang: str = "zh", **_: Any) -> str:
    return json.dumps(document(results, lang), ensure_ascii=False, indent=2) + "\n"


_scalar = json.JSONEncoder(ensure_ascii=False).encode  # (C-accelerated for strings and numbers)


def _nested(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``level`` levels deep in a document.

    Written here rather than by ``json.dumps``: with ``indent`` it encodes in pure Python, and this
    was the most of what ``govlint check --format json`` added per file. Dicts with keys other
    than strings are left to ``json.dumps``."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(type(k) is str for k in value):
            return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
        pad = "\n" + "  " * (level + 1)
        body = ",".join(f"{pad}{_scalar(k)}: {_nested(v, level + 1)}" for k, v in value.items())
        return f"{{{body}\n{'  ' * level}}}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        pad = "\n" + "  " * (level + 1)
        body = ",".join(f"{pad}{_nested(v, level + 1)}" for v in value)
        return f"[{body}\n{'  ' * level}]"
    return _scalar(value)


class Stream:
    """The JSON document written file by file, byte for byte what :func:`render` writes (see
    :class:`govlint.reporters.text.Stream`)."""

    def __init__(self, lang: str = "zh", **_: Any) -> None:
        self.lang = lang
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.files = 0

    def file(self, r: FileResult) -> str:
        head = "" if self.files else f'{{\n  "govlint": {_nested(__version__, 1)},\n  "files": ['
        self.files += 1
        for d in r.diagnostics:
            self.counts[d.severity.value] += 1
        return head + ("\n" if self.files == 1 else ",\n") + "    " + _nested(file_dict(r, self.lang), 2)

    def end(self) -> str:
        head = "\n  ]" if self.files else f'{{\n  "govlint": {_nested(__version__, 1)},\n  "files": []'
        return f'{head},\n  "summary": {_nested({"files": self.files, **self.counts}, 1)}\n}}\n'
