"""govlint — a linter for 政府信息公开工作年度报告 (government-information disclosure annual reports).

Library API::

    import govlint
    report = govlint.parse("report.txt")          # -> Report (tables aligned to the detected edition)
    for d in govlint.lint("report.txt"):          # -> list[Diagnostic]
        print(d.line, d.column, d.code, d.message)

``parse`` and ``lint`` accept a path (``os.PathLike``, or a ``str`` naming an existing file with no line
break), the report's text as ``str``, or its raw ``bytes``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

__version__ = "0.1.0"

from .config import Config, ConfigError, find_config, load_config  # noqa: E402
from .diagnostics import Diagnostic, Fix, Rule, Severity, rule  # noqa: E402
from .errors import InputError  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402
from .model import Cell, Heading, Paragraph, Report, Row, Section, Span, Table  # noqa: E402
from .source import Source  # noqa: E402

Input = Union[str, bytes, "os.PathLike[str]"]

__all__ = [
    "__version__", "parse", "lint", "Config", "ConfigError", "Diagnostic", "Fix", "Rule", "Severity", "rule",
    "hookimpl", "InputError", "Report", "Section", "Heading", "Paragraph", "Table", "Row", "Cell", "Span", "Source",
    "find_config", "load_config",
]


def _as_path(obj: Input) -> Optional[str]:
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    if isinstance(obj, str) and "\n" not in obj and len(obj) < 4096:
        try:
            if Path(obj).is_file():
                return obj
        except (OSError, ValueError):
            return None
    return None


def _source(obj: Input):
    from .engine import default_engine

    engine = default_engine()
    path = _as_path(obj)
    if path is not None:
        with open(path, "rb") as fh:
            return engine, engine.read(fh.read(), path)
    if isinstance(obj, bytes):
        return engine, engine.read(obj, None)
    if isinstance(obj, str):
        if not obj.strip():
            raise InputError("GL002", "文本为空", "the text is empty")
        return engine, Source(text=obj)
    raise TypeError(f"expected a path, str or bytes, not {type(obj).__name__}")


def parse(obj: Input) -> Report:
    """Read and parse a report; tables are aligned to the edition detected from their labels.

    Raises :class:`InputError` (with a GL0 code) when the input cannot be read.
    """
    engine, source = _source(obj)
    return engine.parse(source)


def lint(obj: Input, config: Optional[Config] = None) -> list[Diagnostic]:
    """Check a report and return its diagnostics (sorted by position). Never raises for bad input:
    unreadable input gives one GL0 diagnostic."""
    from .engine import default_engine, input_diagnostic

    try:
        engine, source = _source(obj)
    except InputError as exc:
        return [input_diagnostic(exc.code, exc.zh, exc.en, _as_path(obj), exc.line, exc.column)]
    except OSError as exc:
        return [input_diagnostic("GL001", f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}", _as_path(obj))]
    return list(engine.lint_source(source, config).diagnostics)
