"""The engine: plugin manager, the read -> parse -> build -> check pipeline, and rule isolation."""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
import time
import traceback
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Union

import attrs
import pluggy

from . import hookspecs, records
from .build import build, vocabulary
from .config import Config
from .diagnostics import CrossRule, Diagnostic, Rule, Severity, evolve_diagnostic
from .compilation import report_ranges, report_views
from .dockind import not_a_report
from .edition import Edition, load_editions
from .flatten import joined_page
from .invisible import as_lines, as_spaces, strip_invisible
from .lookalike import unify
from .errors import InputError
from .model import Report, maker
from .parse import parse_tree
from .readers import BUILTIN_READERS, Reader, read_text, sniff
from .source import Source

#: default cap on input size (bytes); configurable per call
MAX_BYTES = 20 * 1024 * 1024
#: default time limit for one file, read to last rule (seconds; None or 0: no limit); the CLI's --timeout
TIMEOUT = 60.0
#: default time budget of one rule on one file (seconds; None or 0: no limit)
RULE_BUDGET = 10.0

#: GL0 codes are emitted by the engine itself, not by rule functions; they are documented here.
INPUT_RULES = (
    Rule("GL001", "input.unreadable", Severity.ERROR, None, "文件无法读取（不存在、无权限或是目录）",
         "the file cannot be read (missing, no permission, or a directory)"),
    Rule("GL002", "input.empty", Severity.ERROR, None, "文件为空或只有空白", "the file is empty or whitespace only"),
    Rule("GL003", "input.binary", Severity.ERROR, None, "文件是二进制数据而不是文本", "the file is binary, not text"),
    Rule("GL004", "input.encoding", Severity.ERROR, None, "文件编码无法识别", "the file's encoding cannot be determined"),
    Rule("GL005", "input.no-report", Severity.ERROR, None, "文件中找不到年度报告的结构（六个部分或统计表），或文件是另一种文件（工作要点、指南、答复书等）",
         "no annual-report structure (parts or tables) found in the file, or the file is a document of another "
         "kind (a work plan, a disclosure guide, a reply letter, …)"),
    Rule("GL006", "input.too-large", Severity.ERROR, None, "文件超过大小上限", "the file exceeds the size limit"),
    Rule("GL007", "input.unsupported", Severity.ERROR, None, "不支持的文件类型", "unsupported file type"),
    Rule("GL008", "input.time-limit", Severity.ERROR, None, "检查超过每个文件的时间上限（--timeout）",
         "checking the file took longer than the time limit per file (--timeout)"),
    Rule("GL009", "internal.rule-error", Severity.ERROR, None,
         "规则运行出错或超出时间预算（govlint 或插件的缺陷），其余规则照常运行；解析文件时内部出错则该文件未能检查",
         "a rule crashed or ran past its time budget (a bug in govlint or a plugin); the other rules still ran. "
         "A crash while parsing leaves that file unchecked (exit 2)"),
    Rule("GL011", "input.malformed", Severity.ERROR, None,
         "文件已损坏或不安全（截断、不是其扩展名所示的格式、声明 XML 实体、解压后过大）",
         "the file is damaged or unsafe (truncated, not the format its suffix says, XML entity declarations, "
         "a zip bomb)"),
    Rule("GL013", "input.several-reports", Severity.INFO, None,
         "文件中有多份年度报告（如各部门报告的汇编），已逐份检查",
         "the file holds several annual reports (a compilation of departments' reports, say); each is checked "
         "on its own"),
    Rule("GL010", "baseline.unmatched", Severity.WARNING, None,
         "基线（--baseline）中的条目已不再匹配任何问题：问题可能已改正，请重新生成基线",
         "a baseline (--baseline) entry no longer matches any finding: the problem may have been corrected; "
         "regenerate the baseline"),
)


class _Overrun(BaseException):
    """Raised by the SIGALRM handler when a time limit runs out; never escapes the engine. A
    BaseException, so that a rule's own ``except Exception`` cannot swallow it."""


class _Alarm:
    """Interrupt code that runs past a limit: ``with _Alarm(on) as a: a.run(seconds, fn)`` calls ``fn``
    and raises :class:`_Overrun` in it after ``seconds``. The handler is installed once for the
    ``with`` block (only on the main thread, and only when no one else's interval timer is running)
    with a periodic POSIX interval timer (``setitimer``; a tick of at most :attr:`TICK` seconds) whose
    handler raises only while ``fn`` runs and its time is up, so a late signal can never land in the
    engine's own code, and the dozens of rules of one file cost no system call each. Where it cannot
    be installed, ``run`` just calls ``fn`` and the engine falls back to measuring: elapsed time is
    checked between stages and after each rule."""

    TICK = 0.05

    def __init__(self, on: bool = True) -> None:
        self.on = on and hasattr(signal, "setitimer")
        self.installed = False
        self.active = False
        self.previous = None
        self.tick = 0.0  # the interval the timer runs at (0: not started)
        self.until = 0.0  # time.monotonic() at which the running fn is stopped

    def __enter__(self) -> "_Alarm":
        if not self.on or threading.current_thread() is not threading.main_thread():
            return self
        try:
            if signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0):
                return self  # someone else's timer (e.g. pytest-timeout): do not disturb it
            self.previous = signal.signal(signal.SIGALRM, self._handler)
            self.installed = True
        except (ValueError, OSError):  # not the main interpreter, or no SIGALRM
            pass
        return self

    def __exit__(self, *exc) -> bool:
        if self.installed:
            self.installed = self.active = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False

    def _handler(self, signum, frame) -> None:
        if self.active and time.monotonic() >= self.until:
            self.active = False
            raise _Overrun()

    def run(self, seconds: Optional[float], fn, *args):
        if not self.installed or seconds is None:
            return fn(*args)
        seconds = max(seconds, 0.001)
        tick = min(seconds, self.TICK)
        if not self.tick or tick < self.tick:  # start the timer, or make it tick finer for a short limit
            self.tick = tick
            signal.setitimer(signal.ITIMER_REAL, tick, tick)
        self.until = time.monotonic() + seconds
        self.active = True
        try:
            return fn(*args)
        finally:
            self.active = False


def _file_alarm(deadline: Optional[float], rule_budget: Optional[float]) -> _Alarm:
    """The alarm that serves one file's reading, parsing and rules (installing one costs system
    calls): needed when the file has a deadline or its rules a budget."""
    return _Alarm(deadline is not None or bool(rule_budget and rule_budget > 0))


def _deadline(timeout: Optional[float]) -> Optional[float]:
    return time.monotonic() + timeout if timeout and timeout > 0 else None


def _left(deadline: Optional[float]) -> Optional[float]:
    return None if deadline is None else deadline - time.monotonic()


def _timed_out(path: Optional[str], timeout: float, stage_zh: str, stage_en: str) -> "FileResult":
    return FileResult(path, None, (input_diagnostic(
        "GL008", f"检查本文件超过时间上限 {timeout:g} 秒（{stage_zh}时；可用 --timeout 调整），未完成检查",
        f"checking this file took longer than the time limit of {timeout:g} s (during {stage_en}; see --timeout); "
        "the file was not fully checked", path),))


@records.frozen
class RuleContext:
    """What a rule may use besides the report: its own metadata, the edition spec and its options."""

    rule: Rule
    edition: Optional[Edition]
    editions: dict
    options: dict
    source: Source


_new_context = maker(RuleContext)  # (RuleContext(...) for each rule of each file: see model.maker)


@records.frozen
class FileResult:
    path: Optional[str]
    report: Optional[Report]
    diagnostics: tuple[Diagnostic, ...]
    source: Optional[Source] = None
    # what the checks across reports (GL8, :class:`~govlint.diagnostics.CrossRule`) took from this
    # report: (rule code, facts) pairs, compared once every file of a run is checked (a file that holds
    # several reports names a rule once for each)
    facts: tuple[tuple[str, Any], ...] = ()
    # the file's ``<!-- govlint: disable… -->`` comments (a :class:`~govlint.baseline.Suppressions`;
    # None when it has none or its kind takes none): the checks across reports find faults with a
    # file after its own findings were filtered, and hide what it disables with these
    suppressions: Any = None

    @property
    def fatal(self) -> bool:
        return any(d.fatal for d in self.diagnostics)

    def slim(self, keep_source: bool = True) -> "FileResult":
        """This result without what only the rules read (tables, paragraphs, the preamble); what
        reporters, baselines and summaries use stays: title, year, edition, agency, the part headings
        and the source. Holding thousands of results then costs a few KB each, not ~150 KB.
        ``keep_source=False`` also replaces the source by a :class:`~govlint.source.SourceExcerpt`
        (the lines the diagnostics point at, the positions of their fixes, the text they flag) and
        drops the report's copy of the text: what the text, JSON, SARIF and GitHub reports need."""
        out = self
        rep = self.report
        if rep is not None and (rep.tables or rep.preamble or any(s.paragraphs or s.tables for s in rep.sections)):
            sections = tuple(attrs.evolve(s, paragraphs=(), tables=()) for s in rep.sections)
            out = attrs.evolve(out, report=attrs.evolve(rep, preamble=(), sections=sections, tables=()))
        if not keep_source and isinstance(out.source, Source):
            diags = out.diagnostics
            offsets = [o for d in diags if d.fix is not None for o in (d.fix.start, d.fix.end)]
            spans = [(d.offset, d.end_offset) for d in diags if d.offset is not None]
            lines = [d.line for d in diags]
            for _, facts in self.facts:  # where a check across reports may point later (see CrossRule)
                for sp in (facts.get("spans", ()) if isinstance(facts, dict) else ()):
                    lines.append(sp.line)
                    spans.append((sp.start, sp.end))
            out = attrs.evolve(out, source=out.source.excerpt(lines, offsets, spans),
                               report=attrs.evolve(out.report, text="") if out.report is not None else None)
        return out


@records.frozen
class PluginStatus:
    name: str
    status: str  # "loaded" | "failed" | "blocked"
    detail: str = ""
    dist: str = ""  # the distribution (package) that provides it, for entry-point plugins


def _norm_name(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(".", "-")


def input_diagnostic(code: str, zh: str, en: str, path: Optional[str], line: int = 1, column: int = 1) -> Diagnostic:
    meta = next(r for r in INPUT_RULES if r.code == code)
    return Diagnostic(code=code, rule=meta.name, severity=Severity.ERROR, message=zh, message_en=en, line=line,
                      column=column, end_line=line, end_column=column, path=path, fatal=True)


class Engine:
    """Holds the plugin manager, the registered rules, editions and readers. Build it once."""

    def __init__(self, load_entry_points: bool = True, plugins: Iterable[object] = (),
                 block_plugins: Iterable[str] = ()) -> None:
        self.blocked = frozenset(_norm_name(b) for b in block_plugins if b.strip())
        pm = pluggy.PluginManager(hookspecs.PROJECT)
        pm.add_hookspecs(hookspecs)
        import govlint_rules

        pm.register(govlint_rules, "govlint_rules")
        self.plugin_status: list[PluginStatus] = [PluginStatus("govlint_rules", "loaded", "built-in")]
        for p in plugins:
            pm.register(p)
            self.plugin_status.append(PluginStatus(getattr(p, "__name__", repr(p)), "loaded", "given"))
        if load_entry_points:
            self._load_entry_points(pm)
        pm.check_pending()
        self.pm = pm
        rules: dict[str, Rule] = {r.code: r for r in INPUT_RULES}
        #: rule code -> the plugin that registered it ("engine" for GL0, "govlint_rules" for built-ins)
        self.rule_plugin: dict[str, str] = {r.code: "engine" for r in INPUT_RULES}
        entry_point_plugins = {s.name for s in self.plugin_status if s.status == "loaded" and s.detail != "given"}
        for impl in pm.hook.govlint_register_rules.get_hookimpls():
            new: dict[str, Rule] = {}
            try:
                for r in impl.function() or ():
                    if not isinstance(r, Rule):
                        raise TypeError(f"govlint_register_rules returned {r!r}, not a govlint.Rule")
                    if r.code in rules or r.code in new:
                        other = rules.get(r.code) or new[r.code]
                        raise ValueError(f"rule code {r.code} registered twice ({other.name} and {r.name})")
                    new[r.code] = r
            except Exception as exc:  # an entry-point plugin's bad rules disable that plugin, not govlint
                if impl.plugin_name == "govlint_rules" or impl.plugin_name not in entry_point_plugins:
                    raise
                pm.unregister(name=impl.plugin_name)
                self.plugin_status = [PluginStatus(s.name, "failed", f"{type(exc).__name__}: {exc}", s.dist)
                                      if s.name == impl.plugin_name else s for s in self.plugin_status]
                continue
            rules.update(new)
            self.rule_plugin.update({code: impl.plugin_name for code in new})
        self.rules = dict(sorted(rules.items()))
        raws = [e for batch in pm.hook.govlint_register_editions() for e in (batch or ())]
        self.editions: dict[str, Edition] = load_editions(raws)
        self.vocab = vocabulary(self.editions.values())
        self.readers: dict[str, Reader] = dict(BUILTIN_READERS)
        self.rule_times: dict[str, float] = {}  # rule code -> seconds spent in it by this engine (profiling)
        self._selection: dict[int, tuple[Config, dict, list[tuple[Rule, dict]]]] = {}  # see _selected
        for batch in pm.hook.govlint_register_readers():
            self.readers.update(batch or {})

    def _load_entry_points(self, pm: pluggy.PluginManager) -> None:
        for ep in plugin_entry_points(hookspecs.PROJECT):
            if pm.has_plugin(ep.name) or ep.value.split(":")[0] == "govlint_rules":
                continue
            dist = getattr(getattr(ep, "dist", None), "name", "") or ""
            if _norm_name(ep.name) in self.blocked or (dist and _norm_name(dist) in self.blocked):
                self.plugin_status.append(PluginStatus(ep.name, "blocked", "blocked (--block-plugins)", dist))
                continue
            try:
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
                pm.check_pending()
            except Exception as exc:  # a broken plugin must not take govlint down
                if pm.has_plugin(ep.name):
                    pm.unregister(name=ep.name)
                self.plugin_status.append(PluginStatus(ep.name, "failed", f"{type(exc).__name__}: {exc}", dist))
            else:
                self.plugin_status.append(PluginStatus(ep.name, "loaded", ep.value, dist))

    def missing_plugins(self, required: Iterable[str]) -> list[tuple[str, Optional[PluginStatus]]]:
        """The required plugins (entry-point or distribution names) that are not loaded, each with
        its status if it was found but failed or was blocked."""
        missing = []
        for name in required:
            n = _norm_name(name)
            if not n:
                continue
            found = [s for s in self.plugin_status if n in (_norm_name(s.name), _norm_name(s.dist or s.name))]
            if not any(s.status == "loaded" for s in found):
                missing.append((name.strip(), found[0] if found else None))
        return missing

    # ------------------------------------------------------------------ pipeline
    def read(self, data: bytes, path: Optional[str] = None) -> Source:
        suffix = Path(path).suffix.lower() if path else ""
        reader = self.readers.get(suffix)
        if reader is None or reader is read_text:
            # no reader for the suffix, or a text one: the first bytes may say what the file really is
            # (a web page saved without its extension, a renamed PDF, standard input); else it is text
            found = sniff(data)
            reader = self.readers.get(found or ".txt") or self.readers[".txt"]
        # a zero-width space or soft hyphen inside a heading, a label or a figure: left out of the text
        # read (the source maps every character back to its place in the file)
        return strip_invisible(reader(data, path))

    def parse(self, source: Source) -> Report:
        # a Kangxi radical copied from a PDF for 一, 人, 文: read as the character; a line or paragraph
        # separator, a vertical tab: as a line break; a no-break or typographic space: as a space
        text = as_spaces(as_lines(unify(source.text)))
        view = joined_page(text, self.vocab)
        if view is not None:  # a page a crawler joined with a separator: read with line breaks there
            text = view
        if text is not source.text:  # (same length: every offset stays where it was)
            source = source.with_text(text)
        tree = parse_tree(source.text, self.vocab)
        return build(source, tree, list(self.editions.values()), self.vocab)

    def check(self, report: Report, source: Source, config: Optional[Config] = None, *,
              rule_budget: Optional[float] = RULE_BUDGET, deadline: Optional[float] = None,
              _alarm: Optional["_Alarm"] = None, facts: Optional[dict] = None,
              _suppressions: Any = ...) -> list[Diagnostic]:
        """Run the selected rules. A rule that raises, or runs past ``rule_budget`` seconds, gives one
        GL009 diagnostic naming it and the other rules still run. ``deadline`` (``time.monotonic()``)
        is the file's time limit: past it, :class:`_TimeUp` is raised (``lint_*`` turn it into GL008).
        ``facts``: where the selected checks across reports put what they take from this report
        (without it they do not run)."""
        config = config or _DEFAULT_CONFIG  # (one instance: it remembers which rules it selects)
        edition = self.editions.get(report.edition) if report.edition else None
        out: list[Diagnostic] = []
        why = not_a_report(report)
        if why is not None:  # a file of another kind (工作要点, 指南, …), or no structure at all: one finding
            line, column = 1, 1
            if why.end > why.start:
                at = source.span(why.start, why.end)
                line, column = at.line, at.column
            out.append(input_diagnostic("GL005", why.zh, why.en, source.path, line, column))
            return out
        budget = rule_budget if rule_budget and rule_budget > 0 else None
        rule_times, editions, path = self.rule_times, self.editions, source.path
        clock, monotonic = time.perf_counter, time.monotonic
        # (the lint_* methods hand in the alarm they installed for the whole file)
        with nullcontext(_alarm) if _alarm is not None else _file_alarm(deadline, rule_budget) as alarm:
            for r, options in self._selected(config, path):
                cross = isinstance(r, CrossRule)
                if cross and facts is None:
                    continue
                ctx = _new_context(r, edition, editions, options, source)
                limit = budget
                if deadline is not None:
                    left = deadline - monotonic()
                    if left <= 0:
                        raise _TimeUp(f"规则 {r.code} 运行前", f"before rule {r.code}")
                    limit = left if budget is None else min(budget, left)
                t0 = clock()
                try:
                    found = alarm.run(limit, _call_rule, r, report, ctx)
                except _Overrun:
                    if deadline is not None and monotonic() >= deadline:
                        raise _TimeUp(f"规则 {r.code} 运行", f"rule {r.code}") from None
                    out.append(_rule_overrun(r, budget or 0.0, clock() - t0, path, stopped=True))
                    continue
                except Exception as exc:
                    tb = traceback.extract_tb(exc.__traceback__)[-1]
                    where = f"{os.path.basename(tb.filename)}:{tb.lineno}"
                    out.append(Diagnostic("GL009", "internal.rule-error", Severity.ERROR,
                                          f"规则 {r.code}（{r.name}）运行出错：{type(exc).__name__}: {exc}（{where}），其余规则照常运行",
                                          f"rule {r.code} ({r.name}) crashed: {type(exc).__name__}: {exc} ({where}); "
                                          "the other rules still ran", 1, 1, 1, 1, path))
                    continue
                finally:
                    elapsed = clock() - t0
                    rule_times[r.code] = rule_times.get(r.code, 0.0) + elapsed
                if deadline is not None and monotonic() >= deadline:  # measured: no alarm was available
                    raise _TimeUp(f"规则 {r.code} 运行", f"rule {r.code}")
                if budget is not None and elapsed > budget:  # no alarm here (not the main thread, or not POSIX)
                    out.append(_rule_overrun(r, budget, elapsed, path, stopped=False))
                if cross:
                    if found:
                        facts[r.code] = found[0]
                    continue
                out.extend(found)
        final = []
        for d in out:
            if d.code != "GL009" and not config.selects(d.code, True, source.path):
                continue
            sev = config.severity_of(d.code, d.severity)
            locator = d.locator or (source.locator(d.offset) if d.offset is not None else None)
            if d.path != source.path or d.severity is not sev or d.locator != locator:
                d = evolve_diagnostic(d, path=source.path, severity=sev, locator=locator)
            final.append(d)
        final.sort(key=lambda d: d.sort_key)
        # (lint_* hand in the comments they read: the file's result keeps them for the checks across reports)
        sup = source_suppressions(source) if _suppressions is ... else _suppressions
        if sup is not None:  # <!-- govlint: disable=... --> comments
            final = [d for d in final if not sup.hides(d)]
        return final

    def _selected(self, config: Config, path: Optional[str]) -> list[tuple[Rule, dict]]:
        """The rules ``config`` selects for ``path``, with their options; remembered per config when
        the selection cannot depend on the path (no per-file ignores)."""
        def select() -> list[tuple[Rule, dict]]:
            return [(r, config.options(r.code)) for r in self.rules.values()
                    if r.func is not None and config.selects(r.code, r.enabled, path)]

        if config.per_file_ignores:
            return select()
        hit = self._selection.get(id(config))
        if hit is None or hit[0] is not config or hit[1] is not self.rules:
            if len(self._selection) > 64:
                self._selection.clear()
            # (the config and the rule table are kept with the entry: an id is reused only once its
            # object is gone, and a replaced rule table makes the entry stale)
            hit = self._selection[id(config)] = (config, self.rules, select())
        return hit[2]

    def lint_source(self, source: Source, config: Optional[Config] = None, *, timeout: Optional[float] = TIMEOUT,
                    rule_budget: Optional[float] = RULE_BUDGET, deadline: Optional[float] = None) -> FileResult:
        """Parse, build and check ``source``. ``timeout`` (seconds) limits the whole file: past it, the
        file gets one fatal GL008 (checked between stages and rules, and by SIGALRM where available)."""
        if deadline is None:
            deadline = _deadline(timeout)
        with _file_alarm(deadline, rule_budget) as alarm:
            return self._lint_source(source, config, timeout, rule_budget, deadline, alarm)

    def _lint_source(self, source: Source, config: Optional[Config], timeout: Optional[float],
                     rule_budget: Optional[float], deadline: Optional[float], alarm: "_Alarm") -> FileResult:
        limit = timeout if timeout and timeout > 0 else 0.0
        try:
            report = alarm.run(_left(deadline), self.parse, source)
        except _Overrun:
            return _timed_out(source.path, limit, "解析", "parsing")
        except Exception as exc:  # a bug in govlint's parsing: this file cannot be checked, the others are
            return FileResult(source.path, None, (_parse_error(exc, source.path),), source)
        left = _left(deadline)
        if left is not None and left <= 0:
            return _timed_out(source.path, limit, "解析", "parsing")
        facts: dict = {}
        sup = source_suppressions(source)
        ranges = report_ranges(report)
        try:
            if ranges:  # several reports in one file (a 汇编): each checked on its own
                return self._lint_compilation(source, ranges, config, rule_budget, deadline, alarm, sup)
            diagnostics = self.check(report, source, config, rule_budget=rule_budget, deadline=deadline, _alarm=alarm,
                                     facts=facts, _suppressions=sup)
        except _TimeUp as up:
            return _timed_out(source.path, limit, up.zh, up.en)
        except _Overrun:
            return _timed_out(source.path, limit, "解析", "parsing")
        return FileResult(source.path, report, tuple(diagnostics), source, tuple(facts.items()), sup)

    def _lint_compilation(self, source: Source, ranges: list[tuple[int, int]], config: Optional[Config],
                          rule_budget: Optional[float], deadline: Optional[float], alarm: "_Alarm",
                          sup: Any) -> FileResult:
        """Check each report of a file that holds several, in a view of the file with the others blanked
        out (every position is the file's). Each report gives its own facts to the checks across reports
        (the result's ``facts`` name a rule once per report); the first is the result's report."""
        found: dict[tuple, Diagnostic] = {}
        first: Optional[Report] = None
        every: list[tuple[str, Any]] = []
        for view in report_views(source, ranges):
            try:
                report = alarm.run(_left(deadline), self.parse, view)
            except _Overrun:
                raise
            except Exception as exc:  # a bug in govlint's parsing: this report cannot be checked, the others are
                d = _parse_error(exc, source.path)
                found.setdefault((d.code, d.line, d.column, d.message), d)
                continue
            first = first or report
            own: dict = {}
            for d in self.check(report, source, config, rule_budget=rule_budget, deadline=deadline, _alarm=alarm,
                                facts=own, _suppressions=sup):
                found.setdefault((d.code, d.line, d.column, d.message), d)  # (a rule reading the whole file: once)
            every.extend(own.items())
        config = config or _DEFAULT_CONFIG
        if config.selects("GL013", True, source.path):
            lines = "、".join(str(source.position(a)[0]) for a, _ in ranges)
            line, column = source.position(ranges[1][0])
            meta = next(r for r in INPUT_RULES if r.code == "GL013")
            note = Diagnostic(
                code="GL013", rule=meta.name, severity=config.severity_of("GL013", Severity.INFO),
                message=f"文件中有{len(ranges)}份年度报告（分别从第{lines}行开始），已逐份检查，各份的问题在其所在位置报告",
                message_en=f"the file holds {len(ranges)} annual reports (starting at lines {lines.replace('、', ', ')}); "
                           "each was checked on its own and its findings are reported where they are",
                line=line, column=column, end_line=line, end_column=column, path=source.path)
            found.setdefault(("GL013",), note)
        diagnostics = sorted(found.values(), key=lambda d: d.sort_key)
        return FileResult(source.path, first, tuple(diagnostics), source, tuple(every), sup)

    def lint_bytes(self, data: bytes, path: Optional[str] = None, config: Optional[Config] = None,
                   max_bytes: int = MAX_BYTES, *, timeout: Optional[float] = TIMEOUT,
                   rule_budget: Optional[float] = RULE_BUDGET) -> FileResult:
        if len(data) > max_bytes:
            return _too_large(len(data), max_bytes, path)
        deadline = _deadline(timeout)
        with _file_alarm(deadline, rule_budget) as alarm:
            try:
                source = alarm.run(_left(deadline), self.read, data, path)
            except InputError as exc:
                return FileResult(path, None, (input_diagnostic(exc.code, exc.zh, exc.en, path, exc.line, exc.column),))
            except _Overrun:
                return _timed_out(path, timeout or 0.0, "读取", "reading")
            except Exception as exc:  # a reader's bug (or a library's) on damaged input: this file only
                return FileResult(path, None, (_parse_error(exc, path, ("读取", "reading")),))
            return self._lint_source(source, config, timeout, rule_budget, deadline, alarm)

    def lint_path(self, path: Union[str, os.PathLike], config: Optional[Config] = None,
                  max_bytes: int = MAX_BYTES, *, timeout: Optional[float] = TIMEOUT,
                  rule_budget: Optional[float] = RULE_BUDGET) -> FileResult:
        p = str(path)
        try:
            data = read_file(p, max_bytes)
        except InputError as exc:
            return FileResult(p, None, (input_diagnostic(exc.code, exc.zh, exc.en, p),))
        return self.lint_bytes(data, p, config, max_bytes, timeout=timeout, rule_budget=rule_budget)


def plugin_entry_points(group: str) -> list:
    """The installed distributions' entry points in ``group``, as ``importlib.metadata.entry_points``
    finds them, without its start-up cost when there are none: the metadata folders on ``sys.path``
    are scanned for an ``entry_points.txt`` naming the group first, and ``importlib.metadata`` (which
    imports the email and zip machinery, ~10 ms) is consulted only if one does. Where a location is
    not a folder (a zip) the full ``importlib.metadata`` look-up is used."""
    import sys

    header = f"[{group}]"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except (NotADirectoryError, FileNotFoundError):
            if entry and os.path.isfile(entry):
                break  # a zip on the path: let importlib.metadata look into it
            continue
        except OSError:
            continue
        hit = False
        for name in names:
            if name.endswith((".dist-info", ".egg-info")) or name == "EGG-INFO":  # (EGG-INFO: an egg on the path)
                meta = os.path.join(entry or ".", name, "entry_points.txt")
            elif name.endswith(".egg"):  # an egg folder keeps its metadata in EGG-INFO
                meta = os.path.join(entry or ".", name, "EGG-INFO", "entry_points.txt")
            else:
                continue
            try:
                with open(meta, encoding="utf-8") as fh:
                    hit = any(line.strip() == header for line in fh)
            except (OSError, UnicodeDecodeError):
                continue
            if hit:
                break
        if hit:
            break
    else:
        return []
    from importlib.metadata import entry_points

    return list(entry_points(group=group))


def read_file(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``max_bytes``; InputError (GL001/GL006) otherwise."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("GL001", "这是一个目录，不是文件", "this is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block, /dev/zero would never end
            raise InputError("GL001", "不是普通文件（设备、管道或套接字），不予读取",
                             "not a regular file (a device, pipe or socket): not read")
        if st.st_size > max_bytes:
            raise _too_large_error(st.st_size, max_bytes)
        with open(path, "rb") as fh:
            # sized by the file (asking for max_bytes at once allocates that much for every file);
            # one byte more shows whether it has grown since, and then the rest is read up to the cap
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += fh.read(max_bytes + 1 - len(data))
        if len(data) > max_bytes:
            raise _too_large_error(len(data), max_bytes)
        return data
    except FileNotFoundError:
        raise InputError("GL001", "文件不存在", "no such file") from None
    except PermissionError:
        raise InputError("GL001", "没有读取权限", "permission denied") from None
    except OSError as exc:
        raise InputError("GL001", *os_error_text(exc)) from None


def os_error_text(exc: OSError) -> tuple[str, str]:
    """(zh, en) saying why a file cannot be read: the system's reason in Chinese where it is known
    (its own text, ``strerror``, is English and capitalised), else its number."""
    why = _OS_ERRORS_ZH.get(exc.errno or 0)
    zh = f"无法读取：{why}" if why else f"无法读取（系统错误号 {exc.errno}）"
    reason = exc.strerror or "an operating-system error"
    return zh, f"cannot read: {reason[:1].lower()}{reason[1:]}"


#: the reasons a file cannot be read, in Chinese (the system's own text, strerror, is English)
_OS_ERRORS_ZH = {
    errno.ELOOP: "符号链接循环（链接指向自身）",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.EIO: "磁盘读写错误",
    errno.ENOTDIR: "路径中的某一级不是目录",
    errno.EACCES: "没有读取权限",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.ENXIO: "设备不存在",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "打开的文件过多",
}


_DEFAULT_CONFIG = Config()


def source_suppressions(source: Source) -> Any:
    """The ``<!-- govlint: disable… -->`` comments of ``source`` (a
    :class:`~govlint.baseline.Suppressions`), or None: only web pages and Markdown take them (a
    plain-text report is what is published; a comment in it is text)."""
    if source.kind == "html" or (source.path or "").lower().endswith((".md", ".markdown", ".html", ".htm")):
        from .baseline import suppressions

        return suppressions(source) or None
    return None


def _call_rule(r: Rule, report: Report, ctx: RuleContext) -> list:
    if isinstance(r, CrossRule):  # what a check across reports takes from this one (see CrossRule)
        got = r.func(report, ctx)
        return [] if got is None else [got]
    return list(r.func(report, ctx) or ())


class _TimeUp(Exception):
    """The file's time limit ran out during ``stage`` (zh, en)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _parse_error(exc: Exception, path: Optional[str], stage: tuple[str, str] = ("解析", "parsing")) -> Diagnostic:
    """GL009 for an exception raised while the file was read or its text parsed (``stage``, zh and
    en: a bug in govlint, never the user's fault): the file could not be checked (fatal, exit 2);
    the other files of the run still are."""
    tb = traceback.extract_tb(exc.__traceback__)[-1]
    where = f"{os.path.basename(tb.filename)}:{tb.lineno}"
    return input_diagnostic("GL009", f"{stage[0]}文件时 govlint 内部出错：{type(exc).__name__}: {exc}（{where}），该文件未能检查；"
                                  "请将文件报告给 govlint 的维护者",
                         f"govlint failed internally while {stage[1]} the file: {type(exc).__name__}: {exc} ({where}); "
                         "the file was not checked; please report it to govlint's maintainers", path)


def _rule_overrun(r: Rule, budget: float, elapsed: float, path: Optional[str], stopped: bool) -> Diagnostic:
    zh_how = "已被中止，本规则的结果未计入" if stopped else "其结果仍已计入"
    en_how = "it was stopped and its findings are not included" if stopped else "its findings are still included"
    return Diagnostic("GL009", "internal.rule-error", Severity.ERROR,
                      f"规则 {r.code}（{r.name}）运行 {elapsed:.1f} 秒，超出时间预算 {budget:g} 秒（govlint 或插件的缺陷），"
                      f"{zh_how}；其余规则照常运行",
                      f"rule {r.code} ({r.name}) ran {elapsed:.1f} s, past its time budget of {budget:g} s "
                      f"(a bug in govlint or a plugin); {en_how}; the other rules still ran", 1, 1, 1, 1, path)


def _too_large_error(size: int, limit: int) -> InputError:
    return InputError("GL006", f"文件大小 {size:,} 字节，超过上限 {limit:,} 字节（可用 --max-bytes 调整）",
                      f"the file is {size:,} bytes, over the limit of {limit:,} bytes (see --max-bytes)")


def _too_large(size: int, limit: int, path: Optional[str]) -> FileResult:
    exc = _too_large_error(size, limit)
    return FileResult(path, None, (input_diagnostic(exc.code, exc.zh, exc.en, path),))


def default_engine(block_plugins: Iterable[str] = ()) -> Engine:
    """The engine with the built-in rules and every installed plugin (except ``block_plugins``),
    built once per process (per set of blocked plugins)."""
    return _cached_engine(tuple(sorted({_norm_name(b) for b in block_plugins if b.strip()})))


@lru_cache(maxsize=4)
def _cached_engine(block_plugins: tuple[str, ...]) -> Engine:
    return Engine(block_plugins=block_plugins)


default_engine.cache_clear = _cached_engine.cache_clear  # type: ignore[attr-defined]
