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

import gc as _gc

# Importing govlint makes tens of thousands of long-lived objects (modules, attrs classes, compiled
# patterns): the cyclic collector would walk them again and again while they are made, for nothing.
# It is paused for the import and put back as it was at the end of this file.
_gc_was_enabled = _gc.isenabled()
_gc.disable()

import os  # noqa: E402
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

__version__ = "0.1.0"

from .config import Config, ConfigError, find_config, load_config  # noqa: E402
from .diagnostics import CrossRule, Diagnostic, Fix, Rule, Severity, cross_rule, rule  # noqa: E402
from .errors import InputError  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402
from .model import Cell, Heading, Paragraph, Report, Row, Section, Span, Table  # noqa: E402
from .source import Source  # noqa: E402

# Load the submodule govlint.parse now: importing it later (the engine does) would set the package
# attribute ``parse`` to the module, shadowing the function defined below.
from . import parse as _parse_module  # noqa: E402,F401
from . import extract as _extract_module  # noqa: E402,F401  (same for govlint.extract)

Input = Union[str, bytes, "os.PathLike[str]"]

if TYPE_CHECKING:  # pragma: no cover
    from .engine import FileResult

__all__ = [
    "__version__", "parse", "parse_all", "lint", "Config", "ConfigError", "Diagnostic", "Fix", "Rule", "Severity", "rule",
    "CrossRule", "cross_rule",
    "hookimpl", "InputError", "Report", "Section", "Heading", "Paragraph", "Table", "Row", "Cell", "Span", "Source",
    "find_config", "load_config", "lint_paths", "format_results", "extract",
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

    from .engine import read_file

    engine = default_engine()
    path = _as_path(obj)
    if path is not None:
        return engine, engine.read(read_file(path), path)
    if isinstance(obj, bytes):
        return engine, engine.read(obj, None)
    if isinstance(obj, str):
        if not obj.strip():
            raise InputError("GL002", "文本为空", "the text is empty")
        from .invisible import strip_invisible

        newline = "\n"
        if "\r" in obj and "\n" not in obj:  # lines ended by CR alone, as the text reader reads them
            obj, newline = obj.replace("\r", "\n"), "\r"
        return engine, strip_invisible(Source(text=obj, newline=newline))  # (as Engine.read does for a file)
    raise TypeError(f"expected a path, str or bytes, not {type(obj).__name__}")


def parse(obj: Input) -> Report:
    """Read and parse a report; tables are aligned to the edition detected from their labels. Of a
    file holding several reports (a 汇编), the first (:func:`parse_all` gives each).

    Raises :class:`InputError` (with a GL0 code) when the input cannot be read.
    """
    return parse_all(obj)[0]


def parse_all(obj: Input) -> list[Report]:
    """Read and parse every report of a file: one for most files, one for each report of a file
    holding several (a 汇编), each parsed from a view of the file with the others blanked out, so
    that every position is the file's.

    Raises :class:`InputError` (with a GL0 code) when the input cannot be read.
    """
    from .compilation import report_ranges, report_views

    engine, source = _source(obj)
    report = engine.parse(source)
    ranges = report_ranges(report)
    if not ranges:
        return [report]
    return [engine.parse(view) for view in report_views(source, ranges)]


def lint(obj: Input, config: Optional[Config] = None) -> list[Diagnostic]:
    """Check a report and return its diagnostics (sorted by position). Never raises for bad input:
    unreadable input gives one GL0 diagnostic. A ``config`` that sets an option a rule does not have,
    or a value the rule refuses, raises :class:`ConfigError` (as ``govlint check`` refuses it)."""
    from .engine import default_engine, input_diagnostic

    if config is not None:
        config.check_options(default_engine().rules)
    path = _as_path(obj)
    if path is not None:  # size cap, non-regular files, time budget: as `govlint check` does
        return list(default_engine().lint_path(path, config).diagnostics)
    try:
        engine, source = _source(obj)
    except InputError as exc:
        return [input_diagnostic(exc.code, exc.zh, exc.en, _as_path(obj), exc.line, exc.column)]
    except OSError as exc:
        return [input_diagnostic("GL001", f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}", _as_path(obj))]
    return list(engine.lint_source(source, config).diagnostics)


def extract(obj: Input) -> dict:
    """The parsed report as data: edition, year, agency, parts, and every table cell with its table,
    row and column ids and labels, raw text, value and position (see :mod:`govlint.extract` for the
    fields). Never raises for bad input: the record's ``error`` holds the GL0 code and reason."""
    path = _as_path(obj)
    if path is not None:
        return _extract_module.extract_path(path)
    if isinstance(obj, bytes):
        return _extract_module.extract_bytes(obj, None)
    if isinstance(obj, str):
        return _extract_module.extract_bytes(obj.encode("utf-8"), None)
    raise TypeError(f"expected a path, str or bytes, not {type(obj).__name__}")


def lint_paths(paths: "list[Union[str, os.PathLike[str]]]", config: Optional[Config] = None, jobs: int = 1,
               **options) -> "list[FileResult]":
    """Check files and directories as ``govlint check`` does; one :class:`govlint.engine.FileResult`
    (``path``, ``report``, ``diagnostics``, ``source``) per file, in input order.

    Directories are walked recursively. ``config``: one Config for every file (default: the nearest
    govlint.toml / pyproject.toml of each file). ``jobs``: processes to use. Keyword options:
    ``include``/``exclude`` (globs), ``baseline`` (a path or :class:`govlint.baseline.Baseline`),
    ``progress`` (``callback(done, total, path)``), ``max_bytes``, ``timeout``, ``engine``.
    """
    from .batch import lint_paths as _lint_paths

    return _lint_paths(paths, config, jobs, **options)


def format_results(results: "list[FileResult]", fmt: str = "text", *, lang: str = "zh", **options) -> str:
    """Format results with the reporter ``govlint check --format FMT`` uses: ``text``, ``json``,
    ``sarif``, ``github`` or ``html``. Options: ``show_source``, ``colour``, ``statistics`` (text)."""
    from .reporters import format_results as _format

    return _format(results, fmt, lang=lang, **options)


if _gc_was_enabled:
    _gc.enable()
