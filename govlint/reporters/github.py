"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::group::reports/a.txt
    ::error file=reports/a.txt,line=80,col=1,endLine=80,endColumn=2,title=GL301 arithmetic.balance::message
    ::endgroup::
    govlint: 3 problems in 2 files (1 error, 2 warnings, 0 info)

Escaping follows the runner: in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in
property values ``:`` and ``,`` also become ``%3A`` and ``%2C``. Info notes are ``::notice``.
Paths are made relative to ``$GITHUB_WORKSPACE`` when they lie inside it, wherever govlint runs.
"""

from __future__ import annotations

import os
from typing import Any, Optional, Sequence

from ..engine import FileResult
from . import counts_en

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: Optional[str]) -> str:
    if not path:
        return "<text>"
    ws = os.environ.get("GITHUB_WORKSPACE")
    if ws:
        # GitHub resolves an annotation's file against the workspace, not the folder govlint ran in
        # (`cd reports && govlint check .` gives `a.txt`, which GitHub must see as `reports/a.txt`)
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(ws))
        except ValueError:  # another drive (Windows)
            rel = os.pardir
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            path = rel
    return path.replace(os.sep, "/")


class Stream:
    """The annotations written file by file (see :class:`govlint.reporters.text.Stream`)."""

    def __init__(self, lang: str = "zh", **_: Any) -> None:
        self.lang = lang
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.files = self.flagged = 0

    def file(self, r: FileResult, written_before: Optional[bool] = None) -> str:
        """(``written_before``: see :meth:`govlint.reporters.text.Stream.file`.)"""
        if written_before is None:
            self.files += 1
        if not r.diagnostics:
            return ""
        if not written_before:
            self.flagged += 1
        path = _path(r.path)
        out = [f"::group::{escape_data(path)}"]
        for d in r.diagnostics:
            self.counts[d.severity.value] += 1
            props = [("file", path), ("line", str(d.line)), ("col", str(d.column))]
            if (d.end_line, d.end_column) > (d.line, d.column):
                props += [("endLine", str(d.end_line)), ("endColumn", str(d.end_column))]
            props.append(("title", f"{d.code} {d.rule}"))
            prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
            out.append(f"::{_COMMAND[d.severity.value]} {prop_text}::{escape_data(d.text(self.lang))}")
        out.append("::endgroup::")
        return "".join(line + "\n" for line in out)

    def end(self) -> str:
        c, n, files = self.counts, self.files, self.flagged
        total = sum(c.values())
        if self.lang == "en":
            return (f"govlint: {total} problem{'s' if total != 1 else ''} in {files} of {n} "
                    f"file{'s' if n != 1 else ''} ({counts_en(c)})\n")
        return (f"govlint：{n} 个文件中有 {files} 个存在问题，共 {total} 个问题"
                f"（错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}）\n")


def render(results: Sequence[FileResult], lang: str = "zh", **_: Any) -> str:
    stream = Stream(lang)
    return "".join(stream.file(r) for r in results) + stream.end()
