"""Diagnostics and the rule declaration shared by built-in and third-party rules."""

from __future__ import annotations

import enum
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional

import attrs

from . import records
from .model import Cell, Span, maker, remaker


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@records.frozen
class Fix:
    """A safe text replacement in the decoded text (offsets), applied only under ``--fix``."""

    start: int
    end: int
    replacement: str


@records.frozen
class Diagnostic:
    code: str
    rule: str
    severity: Severity
    message: str  # Chinese (default)
    message_en: str
    line: int
    column: int
    end_line: int
    end_column: int
    path: Optional[str] = None
    locator: Optional[str] = None
    table: Optional[str] = None
    row: Optional[str] = None
    col: Optional[str] = None
    expected: Any = None
    actual: Any = None
    fix: Optional[Fix] = None
    fatal: bool = False  # the file could not be checked (GL0 input errors): exit code 2
    offset: Optional[int] = None  # offset into the parsed text (maps to the reader's locator)
    end_offset: Optional[int] = None  # end of the flagged span in the parsed text (exclusive)

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message

    @property
    def sort_key(self) -> tuple:
        return (self.path or "", self.line, self.column, self.code)


#: ``Diagnostic(...)`` and ``attrs.evolve(diagnostic, ...)`` at a fraction of the cost (see
#: govlint.model.maker): a report gets a few dozen diagnostics, made by the rules and evolved by the engine
new_diagnostic = maker(Diagnostic)
evolve_diagnostic = remaker(Diagnostic)


@records.frozen
class Rule:
    """A check: a function ``(report, ctx) -> Iterable[Diagnostic]`` plus its metadata.

    The function's docstring is the rule's documentation: what it checks, why, a failing and a
    passing example, and its basis in the format.
    """

    code: str
    name: str
    severity: Severity
    func: Optional[Callable[..., Iterable[Diagnostic]]]
    summary: str = ""
    summary_en: str = ""
    enabled: bool = True  # default selection (GL9 style rules are off by default)
    fixable: bool = False
    # the options the rule reads from ``[tool.govlint.rules.<code>]``, name -> default (the type of
    # the default is the type expected); None: the rule does not declare them (any key is passed on)
    options: Optional[Mapping[str, Any]] = attrs.field(default=None, eq=False)
    # option name -> a check of a configured value beyond its type: None when the value is good,
    # else what it must be (``"must be a date such as 2026-01-20"``), said by the configuration error
    checks: Optional[Mapping[str, Callable[[Any], Optional[str]]]] = attrs.field(default=None, eq=False)

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "") if self.func is not None else self.summary

    def diag(self, span: Span, zh: str, en: str, *, severity: Optional[Severity] = None,
             cell: Optional[Cell] = None, table: Optional[str] = None, row: Optional[str] = None,
             col: Optional[str] = None, expected: Any = None, actual: Any = None, fix: Optional[Fix] = None) -> Diagnostic:
        """A diagnostic of this rule at ``span`` (the cell's coordinates are taken from ``cell``)."""
        if cell is not None:
            row = row or cell.row
            col = col or cell.column
        # (every field, in order: code, rule, severity, message, message_en, line, column, end_line,
        # end_column, path, locator, table, row, col, expected, actual, fix, fatal, offset, end_offset)
        return new_diagnostic(self.code, self.name, severity or self.severity, zh, en, span.line, span.column,
                              span.end_line, span.end_column, None, None, table, row, col, expected, actual, fix,
                              False, span.start, span.end)


def rule(code: str, name: str, severity: str = "error", *, summary: str = "", summary_en: str = "",
         enabled: bool = True, fixable: bool = False,
         options: Optional[Mapping[str, Any]] = None,
         checks: Optional[Mapping[str, Callable[[Any], Optional[str]]]] = None,
         ) -> Callable[[Callable[..., Iterable[Diagnostic]]], Rule]:
    """Declare a rule. The decorated function receives ``(report, ctx)`` and yields diagnostics;
    inside it, ``ctx.rule`` is the Rule itself (use ``ctx.rule.diag(...)`` to build diagnostics).
    ``options``: the options the rule reads from ``ctx.options``, name -> default; a configuration
    that sets another option of the rule, or one of another type than its default, is refused.
    ``checks``: option name -> a function of a configured value returning None when it is good, or
    what it must be (``"must be between 0 and 1"``); a configuration with a bad value is refused."""

    def wrap(func: Callable[..., Iterable[Diagnostic]]) -> Rule:
        doc = (func.__doc__ or "").strip().splitlines()
        return Rule(code=code, name=name, severity=Severity(severity), func=func,
                    summary=summary or (doc[0] if doc else ""), summary_en=summary_en, enabled=enabled,
                    fixable=fixable, options=options, checks=checks)

    return wrap


@records.frozen
class CrossRule(Rule):
    """A check across the reports of one run (GL8), in two steps so that reports can be checked in
    separate processes: ``func(report, ctx)`` takes from each report what the check needs (small and
    picklable, or None when the report has nothing to compare); ``compare(items, rule)`` gets
    ``[(path, facts), …]`` for every file of the run and yields ``(path, Diagnostic)`` for the files
    it finds fault with. Facts may name the places such a diagnostic may point at (a ``"spans"``
    list of :class:`~govlint.model.Span`): their lines are kept for showing the source."""

    compare: Optional[Callable[..., Iterable[tuple[Optional[str], Diagnostic]]]] = None


def cross_rule(code: str, name: str, severity: str = "warning", *, compare: Callable[..., Iterable[Any]],
               summary: str = "", summary_en: str = "", enabled: bool = True,
               options: Optional[Mapping[str, Any]] = None,
               checks: Optional[Mapping[str, Callable[[Any], Optional[str]]]] = None,
               ) -> Callable[[Callable[..., Any]], CrossRule]:
    """Declare a check across reports (see :class:`CrossRule`): the decorated function collects a
    report's facts; ``compare`` finds the faults among all of them."""

    def wrap(func: Callable[..., Any]) -> CrossRule:
        doc = (func.__doc__ or "").strip().splitlines()
        return CrossRule(code=code, name=name, severity=Severity(severity), func=func,
                         summary=summary or (doc[0] if doc else ""), summary_en=summary_en, enabled=enabled,
                         compare=compare, options=options, checks=checks)

    return wrap


def iter_rules(objects: Iterable[Any]) -> Iterator[Rule]:
    for obj in objects:
        if isinstance(obj, Rule):
            yield obj
