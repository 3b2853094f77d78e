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


def document(results: Sequence[FileResult], lang: str = "zh") -> dict[str, Any]:
    files = []
    for r in results:
        files.append({
            "path": r.path,
            "edition": r.report.edition if r.report else None,
            "year": r.report.year if r.report else None,
            "agency": r.report.agency if r.report else None,
            "diagnostics": [diagnostic_dict(d, lang) for d in r.diagnostics],
        })
    return {"govlint": __version__, "files": files, "summary": {"files": len(results), **counts(results)}}


def render(results: Sequence[FileResult], lang: str = "zh", **_: Any) -> str:
    return json.dumps(document(results, lang), ensure_ascii=False, indent=2) + "\n"
