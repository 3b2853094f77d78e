"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::group::reports/a.txt
    ::error file=reports/a.txt,line=80,col=1,endLine=80,endColumn=2,title=GL301 arithmetic.balance::message
    ::endgroup::
    govlint: 3 problems in 2 files (1 error, 2 warnings, 0 info)

Escaping follows the runner: in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in
property values ``:`` and ``,`` also become ``%3A`` and ``%2C``. Info notes are ``::notice``.
Paths are made relative to ``$GITHUB_WORKSPACE`` when they lie inside it.
"""

from __future__ import annotations

import os
from typing import Any, Optional, Sequence

from ..engine import FileResult
from . import counts

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: Optional[str]) -> str:
    if not path:
        return "<text>"
    ws = os.environ.get("GITHUB_WORKSPACE")
    if ws and os.path.isabs(path):
        rel = os.path.relpath(path, ws)
        if not rel.startswith(".."):
            path = rel
    return path.replace(os.sep, "/")


def render(results: Sequence[FileResult], lang: str = "zh", **_: Any) -> str:
    out: list[str] = []
    for r in results:
        if not r.diagnostics:
            continue
        path = _path(r.path)
        out.append(f"::group::{escape_data(path)}")
        for d in r.diagnostics:
            props = [("file", path), ("line", str(d.line)), ("col", str(d.column))]
            if (d.end_line, d.end_column) > (d.line, d.column):
                props += [("endLine", str(d.end_line)), ("endColumn", str(d.end_column))]
            props.append(("title", f"{d.code} {d.rule}"))
            prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
            out.append(f"::{_COMMAND[d.severity.value]} {prop_text}::{escape_data(d.text(lang))}")
        out.append("::endgroup::")
    c = counts(results)
    total = sum(c.values())
    files = sum(1 for r in results if r.diagnostics)
    if lang == "en":
        out.append(f"govlint: {total} problem{'s' if total != 1 else ''} in {files} of {len(results)} "
                   f"file{'s' if len(results) != 1 else ''} ({c['error']} errors, {c['warning']} warnings, "
                   f"{c['info']} info)")
    else:
        out.append(f"govlint：{len(results)} 个文件中有 {files} 个存在问题，共 {total} 个"
                   f"（错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}）")
    return "\n".join(out) + "\n"
