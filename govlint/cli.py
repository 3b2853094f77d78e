"""Command line: a thin layer over the library API.

    govlint check PATH... [--format text|json|sarif|github|html] [--select ...] [--ignore ...]
                          [--config FILE] [--lang zh|en] [--exit-zero] [--statistics] [--show-source]
                          [--fix] [--diff] [--baseline FILE] [--include GLOB] [--exclude GLOB]
                          [--jobs N] [--summary] [--summary-csv FILE]
                          [--block-plugins NAME] [--require-plugins NAME]
    govlint baseline write PATH... [-o govlint-baseline.json] [--reason TEXT]
    govlint rules            list the rules (code, name, default severity, fixable, summary)
    govlint rule GL301       show one rule's documentation
    govlint plugins          list loaded, failed and blocked plugins

Exit codes: 0 no finding (info notes do not count), 1 findings, 2 a file could not be read, a
usage/configuration error or a required plugin is missing.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Iterator, Optional, Sequence

from . import __version__
from .config import Config, ConfigError, load_config
from .config import _codes as _config_codes

FORMATS = ("text", "json", "sarif", "github", "html")  # govlint.reporters.FORMATS (not imported: start-up time)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, like ruff
        self.print_usage(sys.stderr)
        self.exit(2, f"govlint: error: {message}\n")



def _count(n: int, one: str, many: str = "") -> str:
    """``n`` with its noun in English: 1 file, 2 files (not “file(s)”)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"

def _codes(value: Optional[str]) -> Optional[tuple[str, ...]]:
    if value is None:
        return None
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


def _seconds(value: str) -> float:
    try:
        v = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not v >= 0 or v == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds >= 0 (0 = no limit), not {value!r}")
    return v


#: the path that stands for standard input
STDIN = "-"


def _add_stdin_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stdin-filename", metavar="NAME",
                   help="with PATH '-' (the report read from standard input): the file name to report it "
                        "under; its suffix chooses the reader and its folder the configuration")


def _stdin(args: argparse.Namespace) -> Optional[tuple[str, bytes]]:
    """(name, bytes) of the report on standard input when PATH is ``-``; None otherwise. Raises
    _Usage when ``-`` is mixed with other paths."""
    if STDIN not in args.paths:
        if getattr(args, "stdin_filename", None):
            raise _Usage("--stdin-filename is only used with the path '-' (standard input)")
        return None
    if len(args.paths) > 1:
        raise _Usage("'-' (standard input) cannot be combined with other paths")
    return (args.stdin_filename or STDIN), sys.stdin.buffer.read()


class _Usage(Exception):
    """A command line that cannot be run (exit 2, the reason on stderr)."""


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="govlint", description="政府信息公开工作年度报告检查工具 / a linter for annual disclosure reports")
    p.add_argument("--version", action="version", version=f"govlint {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    c = sub.add_parser("check", help="check reports (files or directories)")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=FORMATS, default="text",
                   help="text (default), json (the stable contract), sarif (code scanning), github (annotations), "
                        "html (a page with the findings highlighted)")
    c.add_argument("--select", help="comma-separated codes or prefixes to enable (replaces the default set)")
    c.add_argument("--extend-select", help="codes or prefixes to enable in addition")
    c.add_argument("--ignore", help="comma-separated codes or prefixes to disable")
    c.add_argument("--config", help="a govlint.toml or pyproject.toml to use instead of discovery")
    c.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    c.add_argument("--statistics", action="store_true", help="print counts per rule (after the text report; with another --format on stderr, or stdout with -o)")
    c.add_argument("--show-source", dest="show_source", action="store_true", default=None,
                   help="show the source line and a caret (default: on a terminal)")
    c.add_argument("--no-show-source", dest="show_source", action="store_false",
                   help="do not show the source line (default when the output is not a terminal)")
    c.add_argument("--max-bytes", type=int, default=None, help="skip files larger than this (GL006)")
    c.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="time limit per file (default 60; 0 = none); a file over it gets GL008, the others are "
                        "still checked")
    c.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    _add_stdin_option(c)
    _add_workflow_options(c)
    r = sub.add_parser("rules", help="list the rules")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.add_argument("--select", help="only codes with these prefixes (comma-separated)")
    _add_plugin_options(r)
    one = sub.add_parser("rule", help="show a rule's documentation")
    one.add_argument("code", help="a rule code (GL301) or name (arithmetic.balance)")
    _add_plugin_options(one)
    _add_plugin_options(sub.add_parser("plugins", help="list plugins: loaded, failed and blocked"))
    x = sub.add_parser("extract", help="the parsed report as data: parts and every table cell with its labels")
    x.add_argument("paths", nargs="+", metavar="PATH")
    x.add_argument("--format", choices=("json", "csv", "wide"), default="json",
                   help="json (default: one record per file), csv (one line per table cell) or wide "
                        "(CSV, one line per report, one column per figure of the tables)")
    x.add_argument("-o", "--output", help="write to this file instead of stdout")
    _add_stdin_option(x)
    b = sub.add_parser("baseline", help="record the current findings so that check --baseline hides them")
    bsub = b.add_subparsers(dest="baseline_command", parser_class=_Parser, required=True)
    bw = bsub.add_parser("write", help="write a baseline of the findings in PATH...")
    bw.add_argument("paths", nargs="+", metavar="PATH")
    bw.add_argument("-o", "--output", default="govlint-baseline.json",
                    help="the baseline file (default govlint-baseline.json)")
    bw.add_argument("--reason", help="why these findings are accepted (stored with each new entry)")
    bw.add_argument("--select", help="comma-separated codes or prefixes to enable (replaces the default set)")
    bw.add_argument("--extend-select", help="codes or prefixes to enable in addition")
    bw.add_argument("--ignore", help="comma-separated codes or prefixes to disable")
    bw.add_argument("--config", help="a govlint.toml or pyproject.toml to use instead of discovery")
    _add_run_options(bw)
    return p


def _names(value: Optional[Sequence[str]]) -> tuple[str, ...]:
    """Plugin names from repeated and/or comma-separated options."""
    out: list[str] = []
    for v in value or ():
        out += [x.strip() for x in v.split(",") if x.strip()]
    return tuple(out)


def _globs(value: Optional[Sequence[str]]) -> tuple[str, ...]:
    out: list[str] = []
    for v in value or ():
        out += [x.strip() for x in v.split(",") if x.strip()]
    return tuple(out)


def _add_plugin_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--block-plugins", action="append", metavar="NAME[,NAME]",
                   help="do not load these plugins (entry-point or package names)")
    p.add_argument("--require-plugins", action="append", metavar="NAME[,NAME]",
                   help="fail (exit 2) unless these plugins are installed and load")


def _add_run_options(c: argparse.ArgumentParser) -> None:
    """Options shared by `check` and `baseline write`: selection, files, parallelism."""
    c.add_argument("--include", action="append", metavar="GLOB",
                   help="in directories, only check files matching this glob (repeatable, comma-separated)")
    c.add_argument("--exclude", action="append", metavar="GLOB",
                   help="skip files and directories matching this glob (repeatable, comma-separated)")
    c.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="check files in N processes (default 1; 0 = one per CPU); output stays in input order")
    c.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="show a progress counter on stderr (default: on a terminal, for 10 files or more)")
    c.add_argument("--no-progress", dest="progress", action="store_false",
                   help="no progress counter (default when stderr is not a terminal)")
    _add_plugin_options(c)


def _add_workflow_options(c: argparse.ArgumentParser) -> None:
    """`check` options for fixes, baselines and batch summaries."""
    c.add_argument("--fix", action="store_true",
                   help="apply safe fixes to text files (.txt/.md/.html) in place, atomically; numbers are never changed")
    c.add_argument("--diff", action="store_true", help="with or without --fix: print the fixes as a unified diff, "
                   "write nothing (exit 1 if there is any)")
    c.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE (govlint baseline write); "
                   "entries that no longer match are reported as GL010")
    c.add_argument("--summary", action="store_true", help="print a table of which files fail which rules")
    c.add_argument("--summary-csv", metavar="FILE", help="write that table as CSV (one row per file, one column per rule)")
    _add_run_options(c)


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return n or (os.cpu_count() or 1)


def _engine_for(args: argparse.Namespace):
    """The engine with --block-plugins applied; None (after a message) if --require-plugins fails."""
    from .engine import default_engine

    engine = default_engine(_names(getattr(args, "block_plugins", None)))
    _started()
    missing = engine.missing_plugins(_names(getattr(args, "require_plugins", None)))
    for name, status in missing:
        if status is None:
            why = "it is not installed (no entry point in the group 'govlint')"
        elif status.status == "blocked":
            why = "it is blocked by --block-plugins"
        else:
            why = f"it failed to load: {status.detail}"
        print(f"govlint: required plugin {name!r} is not available: {why}", file=sys.stderr)
    return None if missing else engine


class _Progress:
    """`[ 12/300] path` on stderr, rewritten in place; cleared at the end."""

    def __init__(self, total: int, stream=None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.width = 80
        try:
            self.width = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            pass

    def __call__(self, done: int, total: int, path: Optional[str]) -> None:
        head = f"[{done:>{len(str(total))}}/{total}] "
        tail = path or ""
        room = max(10, self.width - len(head) - 1)
        if len(tail) > room:
            tail = "…" + tail[-(room - 1):]
        self.stream.write("\r\x1b[K" + head + tail)
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def _wants_progress(args: argparse.Namespace, total: int) -> bool:
    want = args.progress
    if want is None:
        want = total >= 10 and sys.stderr.isatty()
    return bool(want and total)


def _make_progress(args: argparse.Namespace, total: int) -> Optional[_Progress]:
    return _Progress(total) if _wants_progress(args, total) else None


def _prepare(args: argparse.Namespace):
    """(engine, explicit config, overrides, items) or an exit code."""
    from .batch import collect_items

    args.passed_over = []  # files of the walked folders left out for their suffix (said on stderr)
    overrides = dict(select=_codes(args.select), ignore=_codes(args.ignore), extend_select=_codes(args.extend_select))
    try:
        explicit = load_config(args.config) if args.config else None
        for key, v in overrides.items():
            if v:  # named as the option it came from (not "config select": it is no file's)
                _config_codes(list(v), "--" + key.replace("_", "-"))
    except ConfigError as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return 2
    for option in ("output", "summary_csv"):
        problem = _unwritable(getattr(args, option, None))
        if problem:
            print(f"govlint: --{option.replace('_', '-')}: {problem}", file=sys.stderr)
            return 2
    engine = _engine_for(args)
    if engine is None:
        return 2
    suffixes = tuple(s for s in engine.readers if s)
    if getattr(args, "stdin", None) is not None:
        items = [(args.stdin[0], True)]
    else:
        items = collect_items(args.paths, _globs(args.include), _globs(args.exclude), suffixes,
                              passed_over=args.passed_over)
    if not items:
        if args.passed_over:
            from .batch import passed_over_note

            print(passed_over_note(args.passed_over, args.lang == "en"), file=sys.stderr)
        print("govlint: no report files found (looked for " + ", ".join(suffixes) + ")", file=sys.stderr)
        return 2
    try:
        _check_configs(engine, explicit, overrides, [p for p, ok in items if ok])
    except ConfigError as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return 2
    return engine, explicit, overrides, items


def _check_configs(engine, explicit: Optional[Config], overrides: dict, files: Sequence[str]) -> None:
    """ConfigError, before any file is checked, if the command line or a configuration that applies
    to one of ``files`` (the nearest of each folder) cannot be read or names a rule that does not
    exist (:meth:`Config.check_codes`; codes that may be a missing plugin's: a warning on stderr) or
    sets an option a rule does not have (:meth:`Config.check_options`)."""
    from .batch import ConfigResolver

    known = tuple(engine.rules)
    warnings = Config(**{k: v for k, v in overrides.items() if v}).check_codes(known, where="--")
    resolver, seen = ConfigResolver(explicit), set()
    for folder in dict.fromkeys(os.path.dirname(os.path.abspath(f)) for f in files):
        cfg = resolver(os.path.join(folder, "_"))
        if id(cfg) not in seen:
            seen.add(id(cfg))
            warnings += cfg.check_codes(known)
            cfg.check_options(engine.rules)
    for w in warnings:
        print(f"govlint: warning: {w}", file=sys.stderr)


def _unwritable(path: Optional[str]) -> Optional[str]:
    """Why an output file cannot be written there (checked before the files, not after), or None."""
    if not path or path == "-":
        return None
    if os.path.isdir(path):
        return f"{path} is a directory"
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return f"cannot write {path}: the folder {folder} does not exist"
    return None


def _open_output(path: str, encoding: str = "utf-8", **kw):
    """``open(path, "w")``, or _Usage with the reason when it cannot be written."""
    try:
        return open(path, "w", encoding=encoding, **kw)
    except OSError as exc:
        raise _Usage(f"cannot write {path}: {exc.strerror or exc}") from None


def _results(args: argparse.Namespace, kind: str, explicit, overrides, items, keep_source: bool = True,
             progress: Optional["_Progress"] = None) -> Iterator:
    """The result of every item, in order, as each file is checked (a missing path: GL001)."""
    from .batch import missing_result, run
    from .engine import TIMEOUT

    files = [p for p, ok in items if ok]
    # results are slimmed where they are made (batch.run's ``slim``: the report model's tables and
    # paragraphs are dropped, and, unless the HTML report or a baseline needs the whole text, the
    # source is cut down to the lines the diagnostics point at)
    done = run(files, kind, jobs=args.jobs, explicit=explicit, overrides=overrides,
               block_plugins=_names(args.block_plugins), progress=progress,
               max_bytes=getattr(args, "max_bytes", None), slim=kind == "lint", keep_source=keep_source,
               stdin=getattr(args, "stdin", None),
               timeout=TIMEOUT if getattr(args, "timeout", None) is None else args.timeout)
    for p, ok in items:
        yield next(done) if ok else missing_result(p)


def _run(args: argparse.Namespace, kind: str, explicit, overrides, items, keep_source: bool = True) -> list:
    progress = _make_progress(args, sum(1 for _, ok in items if ok))
    try:
        return list(_results(args, kind, explicit, overrides, items, keep_source, progress))
    finally:
        if progress is not None:
            progress.close()


def _stream(args: argparse.Namespace, explicit, overrides, items, lang: str, cross=None) -> int:
    """``govlint check`` in the text, JSON or GitHub format: each file's findings are written as soon
    as it is checked and then forgotten, so memory stays flat however many files are checked.
    ``cross``: (engine, config resolver) when checks across reports (GL8) run: each file's facts for
    them are kept (a few hundred bytes), and what they find is written after the last file."""
    import importlib

    from .batch import cross_check, failing

    reporter = importlib.import_module(f"{__package__}.reporters.{args.format}")  # text, json or github only
    out_stream = _open_output(args.output) if args.output else sys.stdout
    fatal = failed = False
    try:
        tty = out_stream.isatty()
        show = tty if args.show_source is None else args.show_source
        stream = reporter.Stream(
            lang=lang, show_source=show, colour=tty and not os.environ.get("NO_COLOR"), statistics=args.statistics)
        held = []  # (facts of a file, had findings) for the checks across reports
        for r in _results(args, "lint", explicit, overrides, items, keep_source=False):
            out_stream.write(stream.file(r))
            fatal = fatal or r.fatal
            failed = failed or failing([r])
            if cross is not None and r.facts:
                held.append((_facts_only(r), bool(r.diagnostics)))
        if held:
            found = cross_check([h for h, _ in held], *cross)
            for r, (_, had) in zip(found, held):
                if r.diagnostics:
                    out_stream.write(stream.file(r, written_before=had))
                    failed = failed or failing([r])
        out_stream.write(stream.end())
    finally:
        if args.output:
            out_stream.close()
    if fatal:
        return 2
    return 0 if (args.exit_zero or not failed) else 1


def _facts_only(r):
    """A result cut down to its facts for the checks across reports, and the lines those may point at."""
    from .source import SourceExcerpt

    spans = [sp for _, f in r.facts if isinstance(f, dict) for sp in f.get("spans", ())]
    src = r.source
    if src is not None:
        src = SourceExcerpt(src.path, src.kind, src.encoding, src.plain, {sp.line: src.line_text(sp.line) for sp in spans},
                            {}, {(sp.start, sp.end): src.flagged(sp.start, sp.end) for sp in spans})
    return type(r)(r.path, None, (), src, r.facts, r.suppressions)


def cmd_check(args: argparse.Namespace) -> int:
    from .batch import ConfigResolver, cross_check, cross_rules_selected, failing

    prepared = _prepare(args)
    if isinstance(prepared, int):
        return prepared
    engine, explicit, overrides, items = prepared
    resolver = ConfigResolver(explicit, overrides)
    baseline = None
    if args.baseline:
        from .baseline import Baseline, BaselineError

        try:
            baseline = Baseline.load(args.baseline)
        except BaselineError as exc:
            print(f"govlint: {exc}", file=sys.stderr)
            return 2
    fixing = args.fix or args.diff
    try:
        lang = args.lang or next((resolver(p).lang for p, ok in items if ok), None) or "zh"
        if args.passed_over:
            from .batch import passed_over_note

            print(passed_over_note(args.passed_over, lang == "en"), file=sys.stderr)
        files = [p for p, ok in items if ok]
        # checks across reports (GL8) compare every file with the others: the report waits for the last
        cross = not fixing and len(files) > 1 and cross_rules_selected(engine, resolver, files)
        if args.format in ("text", "json", "github") and not (fixing or baseline is not None or args.summary
                                                      or args.summary_csv or (cross and args.format == "json")
                                                      or (args.statistics and args.format != "text")
                                                      or _wants_progress(args, len(files))):
            # (with a progress bar on the terminal, the report is written at the end, below it; a JSON
            # report holds each file's findings in one place, so with checks across reports it waits
            # for the last file; the text and GitHub reports add those findings at the end)
            return _stream(args, explicit, overrides, items, lang, (engine, resolver) if cross else None)
        # the HTML report shows whole files and a baseline fingerprints the flagged text: they need the
        # whole source; the other reports need only the lines the diagnostics point at
        outcomes = _run(args, "fix" if fixing else "lint", explicit, overrides, items,
                        keep_source=args.format == "html" or baseline is not None)
    except ConfigError as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return 2
    write_failed = False
    # --fix on standard input: the fixed report goes to standard output, the findings left to
    # standard error (or -o); nothing is written to a file
    stdin_fix = args.fix and not args.diff and args.stdin is not None
    if stdin_fix:
        (o,) = outcomes
        _note_skipped(o, lang == "en")
        sys.stdout.buffer.write(o.fixed)
        sys.stdout.flush()
        outcomes = [o.result]
    elif fixing:
        outcomes, diff_text, write_failed = _apply_fixes(args, engine, resolver, outcomes, lang)
        if args.diff:
            sys.stdout.write(diff_text)
            if any(r.fatal for r in outcomes):
                return 2
            return 1 if diff_text else 0
    results = outcomes
    if cross:
        results = cross_check(results, engine, resolver)
    if baseline is not None:
        results = baseline.apply(results, resolver)
    from .reporters import get_reporter

    out_stream = _open_output(args.output) if args.output else (sys.stderr if stdin_fix else sys.stdout)
    try:
        tty = out_stream.isatty()
        show = tty if args.show_source is None else args.show_source
        text = get_reporter(args.format)(results, lang=lang, show_source=show,
                                         colour=tty and not os.environ.get("NO_COLOR"), statistics=args.statistics,
                                         rules=engine.rules, rule_plugin=engine.rule_plugin)
        out_stream.write(text)
        if args.summary:
            from .reporters.summary import render_text

            summary_stream = out_stream if args.format == "text" else (
                sys.stdout if args.output and not stdin_fix else sys.stderr)
            summary_stream.write(render_text(results, lang))
        if args.statistics and args.format != "text":  # (the text report ends with them)
            stats_stream = sys.stdout if args.output and not stdin_fix else sys.stderr
            stats_stream.write(_statistics(results))
    finally:
        if args.output:
            out_stream.close()
    if args.summary_csv:
        from .reporters.summary import render_csv

        with _open_output(args.summary_csv, newline="") as fh:
            fh.write(render_csv(results))
    if write_failed or any(r.fatal for r in results):
        return 2
    return 0 if (args.exit_zero or not failing(results)) else 1


def _statistics(results) -> str:
    """``--statistics`` beside a JSON, SARIF, GitHub or HTML report (which have no place for it): the
    count of findings per rule, as the text report ends with them."""
    from collections import Counter

    stats = Counter((d.code, d.rule) for r in results for d in r.diagnostics)
    return "".join(f"{k:5d}  {code}  {name}\n" for (code, name), k in sorted(stats.items(), key=lambda kv: (-kv[1], kv[0])))


def _note_skipped(o, en: bool) -> None:
    """On stderr: the fixes found for a file that is not modified, and why."""
    if o.skipped and o.available:
        zh, msg = o.skipped
        print(f"{o.path}: " + (f"{o.available} fix(es) available, not applied: {msg}" if en
                               else f"有 {o.available} 处可修复，未修复：{zh}"), file=sys.stderr)
    elif getattr(o, "unapplied", 0):
        n = o.unapplied
        print(f"{o.path}: " + (f"{_count(n, 'fix', 'fixes')} not applied: the text to fix is split in the file "
                               "by markup, a character reference, a line break or an invisible character, or the file's "
                               "encoding cannot hold the correction, so it cannot be written back safely; correct it "
                               "by hand" if en
                               else f"有 {n} 处可修复的问题无法安全写回文件（要改的文字在文件中被标记、字符引用、"
                               "换行或不可见字符隔开，或文件的编码容不下改正后的字符），未修复，请手工改正"), file=sys.stderr)


def _apply_fixes(args: argparse.Namespace, engine, resolver, outcomes: list, lang: str):
    """Write (or diff) the fixes; messages on stderr. Returns (FileResults, diff text, a write failed)."""
    from .engine import FileResult
    from .fix import FixError, write_fixed

    results, diffs, failed, fixed, files = [], [], False, 0, 0
    en = lang == "en"
    for o in outcomes:
        if isinstance(o, FileResult):  # a missing path
            results.append(o)
            continue
        _note_skipped(o, en)
        if not o.converged:
            print(f"{o.path}: " + (f"fixes still change the text after {o.rounds} rounds; stopped" if en
                                   else f"修复 {o.rounds} 轮后文字仍在变化，已停止"), file=sys.stderr)
        if args.diff:
            diffs.append(o.diff())
            if o.changed:
                fixed += o.applied
                files += 1
            results.append(o.result)
            continue
        if o.changed:
            try:
                written = write_fixed(o)
            except (FixError, OSError) as exc:
                failed = True
                reason = (exc.en if en else exc.zh) if isinstance(exc, FixError) else str(exc)
                print(f"{o.path}: " + (f"not written: {reason}" if en else f"未写入：{reason}"), file=sys.stderr)
                results.append(engine.lint_bytes(o.original, o.path, resolver(o.path)))
                continue
            if written:  # (not: the same file, named again through a link, already written)
                fixed += o.applied
                files += 1
        results.append(o.result)
    if args.diff:
        print((f"{_count(fixed, 'fix', 'fixes')} would be applied to {_count(files, 'file')}" if en
               else f"可在 {files} 个文件中修复 {fixed} 处") if fixed else ("no fixes to apply" if en else "没有可修复的问题"),
              file=sys.stderr)
    elif fixed:
        print(f"Fixed {_count(fixed, 'problem')} in {_count(files, 'file')}." if en else f"已修复 {files} 个文件中的 {fixed} 处问题。",
              file=sys.stderr)
    return results, "".join(diffs), failed


def cmd_baseline(args: argparse.Namespace) -> int:
    from .baseline import Baseline, BaselineError

    prepared = _prepare(args)
    if isinstance(prepared, int):
        return prepared
    engine, explicit, overrides, items = prepared
    try:
        from .batch import ConfigResolver, cross_check

        results = cross_check(_run(args, "lint", explicit, overrides, items), engine, ConfigResolver(explicit, overrides))
    except ConfigError as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return 2
    previous = None
    if os.path.exists(args.output):
        try:
            previous = Baseline.load(args.output)
        except BaselineError:
            previous = None
    baseline = Baseline.from_results(results, args.output, reason=args.reason, previous=previous)
    for r in results:
        for d in r.diagnostics:
            if d.fatal:
                print(f"govlint: {d.path}: {d.message_en} ({d.code}; not recorded in the baseline)", file=sys.stderr)
    try:
        target = baseline.write(args.output)
    except OSError as exc:
        print(f"govlint: cannot write {args.output}: {exc}", file=sys.stderr)
        return 2
    n = sum(e.count for e in baseline.entries)
    print(f"govlint: recorded {_count(n, 'finding')} of {_count(len(results), 'file')} in {target}", file=sys.stderr)
    return 2 if any(r.fatal for r in results) else 0


def cmd_rules(args: argparse.Namespace) -> int:
    from .docs import summary
    from .reporters.text import display_width

    engine = _engine_for(args)
    if engine is None:
        return 2
    try:  # (a code that is none, as check says it)
        wanted = _config_codes(_codes(args.select), "--select") if args.select else ()
    except ConfigError as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return 2
    rules = [r for r in engine.rules.values() if not wanted or "ALL" in wanted or r.code.startswith(wanted)]
    if wanted and not rules:
        print(f"govlint: --select: no rule's code starts with {', '.join(wanted)}", file=sys.stderr)
        return 2
    if args.format == "json":
        import json

        print(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.value, "enabled": r.enabled,
                           "fixable": r.fixable, "summary": r.summary, "summary_en": r.summary_en,
                           "plugin": engine.rule_plugin.get(r.code)} for r in rules], ensure_ascii=False, indent=2))
        return 0
    en = args.lang == "en"
    head = ("code", "name", "severity", "fix", "summary") if en else ("代码", "名称", "默认级别", "可修复", "说明")
    width = [max([display_width(head[0])] + [len(r.code) for r in rules]),
             max([display_width(head[1])] + [len(r.name) for r in rules]),
             max(display_width(head[2]), 8), max(display_width(head[3]), 3)]

    def pad(text: str, w: int) -> str:
        return text + " " * max(0, w - display_width(text))

    print("  ".join(pad(h, w) for h, w in zip(head, width)) + "  " + head[4])
    for r in rules:
        notes = []
        if not r.enabled:
            notes.append("off by default" if en else "默认关闭")
        plugin = engine.rule_plugin.get(r.code)
        if plugin not in (None, "govlint_rules", "engine"):
            notes.append(f"plugin {plugin}" if en else f"插件 {plugin}")
        note = (f" ({'; '.join(notes)})" if en else f"（{'；'.join(notes)}）") if notes else ""
        text = summary(r, "en" if en else "zh") + note
        cells = (r.code, r.name, r.severity.value, ("yes" if en else "是") if r.fixable else "")
        print("  ".join(pad(c, w) for c, w in zip(cells, width)) + "  " + text)
    return 0


def cmd_rule(args: argparse.Namespace) -> int:
    from .docs import rule_text, rule_url

    engine = _engine_for(args)
    if engine is None:
        return 2
    key = args.code.strip()
    r = engine.rules.get(key.upper()) or next((x for x in engine.rules.values() if x.name == key), None)
    if r is None:
        print(f"govlint: unknown rule {args.code} (see `govlint rules`)", file=sys.stderr)
        return 2
    sys.stdout.write(rule_text(r))
    plugin = engine.rule_plugin.get(r.code)
    if plugin in ("govlint_rules", "engine"):
        print(f"\n{rule_url(r)}")
    elif plugin:
        print(f"\nPlugin: {plugin}")
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    engine = _engine_for(args)
    if engine is None:
        return 2
    status = engine.plugin_status
    width = max(len(s.name) for s in status)
    for s in status:
        rules = sorted(c for c, p in engine.rule_plugin.items() if p == s.name)
        detail = s.detail + (f" [{s.dist}]" if s.dist else "")
        if rules and s.status == "loaded":
            detail += f" — {len(rules)} rule(s): " + (", ".join(rules) if len(rules) <= 6 else
                                                         f"{rules[0]} … {rules[-1]}")
        print(f"{s.name:<{width}}  {s.status:<7}  {detail}")
    return 1 if any(s.status == "failed" for s in status) else 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Exit 0, or 2 when a file could not be read (its record carries the GL0 ``error``)."""
    from .batch import collect_items
    from .engine import default_engine
    from .extract import error_record, extract_bytes, extract_path, flatten, to_csv, to_json, to_wide_csv

    problem = _unwritable(args.output)
    if problem:
        print(f"govlint: --output: {problem}", file=sys.stderr)
        return 2
    engine = default_engine()
    if args.stdin is not None:
        items = [(args.stdin[0], True)]
    else:
        suffixes = tuple(s for s in engine.readers if s)
        passed_over: list[str] = []
        items = collect_items(args.paths, suffixes=suffixes, passed_over=passed_over)
        if passed_over:
            from .batch import passed_over_note

            print(passed_over_note(passed_over, False), file=sys.stderr)
        if not items:
            print("govlint: no report files found (looked for " + ", ".join(suffixes) + ")", file=sys.stderr)
            return 2
    _started()
    records = [(extract_bytes(args.stdin[1], p, engine) if args.stdin is not None else extract_path(p, engine))
               if ok else error_record(p, "GL001", "路径不存在", "no such file or directory") for p, ok in items]
    records = flatten(records)  # (a file holding several reports: one record each)
    if args.format == "wide":  # (the current edition's columns first)
        text = to_wide_csv(records, sorted(engine.editions.values(), key=lambda ed: -ed.first_year))
    else:
        text = to_json(records) if args.format == "json" else to_csv(records)
    if args.output:
        # a CSV file gets a byte-order mark: Excel reads a CSV without one in the system's code page
        # (GBK on a Chinese Windows), and the labels come out garbled; csv readers skip it
        # (encoding="utf-8-sig"; pandas does by default)
        encoding = "utf-8" if args.format == "json" else "utf-8-sig"
        with _open_output(args.output, encoding=encoding, newline="") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    for r in records:
        if r["error"] is not None:
            print(f"{r['path']}: {r['error']['code']} {r['error']['message']}", file=sys.stderr)
    return 2 if any(r["error"] is not None for r in records) else 0


_gc_paused = False


#: the collector's youngest-generation threshold while the command checks files (Python's default:
#: 700 allocations). A report makes tens of thousands of short-lived objects; at 700 the collector
#: ran dozens of times per report, ~4-8 % of a check. The older generations are collected about as
#: often as before (by allocations), so garbage that reaches them (PDF parsing makes a lot) is not
#: kept longer.
_GEN0_THRESHOLD = 5000


def _started() -> None:
    """Start-up is over (the engine, its rules and editions are loaded): what exists now lives as
    long as the process, so it is moved out of the cyclic collector's reach (``gc.freeze``) — neither
    the collections while files are checked nor the one at exit walk it again — and the collector,
    paused by :func:`console_main` for the start-up, runs again, its youngest generation collected
    every :data:`_GEN0_THRESHOLD` allocations. A no-op in-process (:func:`main`): a library caller's
    collector is left as it is."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        first, second, third = gc.get_threshold()
        if 0 < first < _GEN0_THRESHOLD:  # (0: the collector is switched off that way; leave it)
            # the middle generation collected about as often as before, by allocations (Python's
            # defaults: every 700 x 10; now every 5000 x 2)
            gc.set_threshold(_GEN0_THRESHOLD, max(1, first * second // _GEN0_THRESHOLD + 1), third)
        gc.enable()


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    handler = {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule, "plugins": cmd_plugins,
               "baseline": cmd_baseline, "extract": cmd_extract}[args.command]
    try:
        if args.command in ("check", "extract"):
            try:
                args.stdin = _stdin(args)
            except _Usage as exc:
                print(f"govlint: {exc}", file=sys.stderr)
                return 2
        return handler(args)
    except _Usage as exc:  # e.g. an output file that cannot be written
        print(f"govlint: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        return 130


def console_main() -> int:
    """The ``govlint`` command (and ``python -m govlint``): :func:`main` in a process of its own, with
    the cyclic collector paused for the start-up (see :func:`_started`). Not for in-process callers,
    whose own objects would be frozen along with govlint's."""
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True
    try:
        return main()
    finally:
        if _gc_paused:  # a command that loads no engine, or a start-up cut short
            _gc_paused = False
            gc.enable()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(console_main())
