"""Command line: a thin layer over the library API.

    govlint check PATH... [--format text|json] [--select ...] [--ignore ...] [--config FILE]
                          [--lang zh|en] [--exit-zero] [--statistics] [--show-source]
    govlint rules            list the rules
    govlint rule GL301       show one rule's documentation
    govlint plugins          list loaded and failed plugins

Exit codes: 0 no finding (info notes do not count), 1 findings, 2 a file could not be read or a
usage/configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .config import Config, ConfigError, find_config, load_config

SUFFIXES = (".txt", ".text", ".md", ".markdown")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, like ruff
        self.print_usage(sys.stderr)
        self.exit(2, f"govlint: error: {message}\n")


def _codes(value: Optional[str]) -> Optional[tuple[str, ...]]:
    if value is None:
        return None
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="govlint", description="政府信息公开工作年度报告检查工具 / a linter for annual disclosure reports")
    p.add_argument("--version", action="version", version=f"govlint {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    c = sub.add_parser("check", help="check reports (files or directories)")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--select", help="comma-separated codes or prefixes to enable (replaces the default set)")
    c.add_argument("--extend-select", help="codes or prefixes to enable in addition")
    c.add_argument("--ignore", help="comma-separated codes or prefixes to disable")
    c.add_argument("--config", help="a govlint.toml or pyproject.toml to use instead of discovery")
    c.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    c.add_argument("--statistics", action="store_true", help="print counts per rule")
    c.add_argument("--show-source", dest="show_source", action="store_true", default=None,
                   help="show the source line and a caret (default: on a terminal)")
    c.add_argument("--no-show-source", dest="show_source", action="store_false")
    c.add_argument("--max-bytes", type=int, default=None, help="skip files larger than this (GL006)")
    c.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    r = sub.add_parser("rules", help="list the rules")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")
    one = sub.add_parser("rule", help="show a rule's documentation")
    one.add_argument("code")
    sub.add_parser("plugins", help="list plugins")
    return p


def _collect(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Files to check (directories walked recursively, hidden entries skipped) and missing paths."""
    files: list[str] = []
    missing: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    if not n.startswith(".") and n.lower().endswith(SUFFIXES):
                        files.append(os.path.join(root, n))
        elif p.exists() or p.is_symlink():
            files.append(raw)
        else:
            missing.append(raw)
    return files, missing


def _config_for(path: str, explicit: Optional[Config], cache: dict) -> Config:
    if explicit is not None:
        return explicit
    d = os.path.dirname(os.path.abspath(path))
    if d not in cache:
        found = find_config(Path(d))
        cache[d] = load_config(found) if found else Config()
    return cache[d]


def cmd_check(args: argparse.Namespace) -> int:
    from .engine import FileResult, MAX_BYTES, default_engine, input_diagnostic
    from .reporters import get_reporter

    overrides = dict(select=_codes(args.select), ignore=_codes(args.ignore), extend_select=_codes(args.extend_select))
    try:
        explicit = load_config(args.config) if args.config else None
        for v in overrides.values():
            if v:
                Config.from_mapping({"select": list(v)})
    except ConfigError as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return 2
    files, missing = _collect(args.paths)
    engine = default_engine()
    results: list[FileResult] = []
    cache: dict = {}
    for m in missing:
        results.append(FileResult(m, None, (input_diagnostic("GL001", "路径不存在", "no such file or directory", m),)))
    lang = args.lang
    for f in files:
        try:
            cfg = _config_for(f, explicit, cache).merged(**overrides)
        except ConfigError as exc:
            print(f"govlint: {exc}", file=sys.stderr)
            return 2
        lang = lang or cfg.lang
        results.append(engine.lint_path(f, cfg, args.max_bytes or MAX_BYTES))
    if not files and not missing:
        print("govlint: no report files found (looked for " + ", ".join(SUFFIXES) + ")", file=sys.stderr)
        return 2
    lang = lang or "zh"
    out_stream = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        tty = out_stream.isatty()
        show = tty if args.show_source is None else args.show_source
        text = get_reporter(args.format)(results, lang=lang, show_source=show, colour=tty and not os.environ.get("NO_COLOR"),
                                         statistics=args.statistics)
        out_stream.write(text)
    finally:
        if args.output:
            out_stream.close()
    if any(r.fatal for r in results):
        return 2
    failing = any(d.severity.rank >= 2 for r in results for d in r.diagnostics)
    return 0 if (args.exit_zero or not failing) else 1


def cmd_rules(args: argparse.Namespace) -> int:
    from .engine import default_engine

    for r in default_engine().rules.values():
        summary = (r.summary_en or r.summary) if args.lang == "en" else r.summary
        flags = ("" if r.enabled else " (off by default)") + (" [fix]" if r.fixable else "")
        print(f"{r.code}  {r.name:<32} {r.severity.value:<8} {summary}{flags}")
    return 0


def cmd_rule(args: argparse.Namespace) -> int:
    from .engine import default_engine

    r = default_engine().rules.get(args.code.upper())
    if r is None:
        print(f"govlint: unknown rule {args.code}", file=sys.stderr)
        return 2
    import inspect

    print(f"{r.code} {r.name} ({r.severity.value}{'' if r.enabled else ', off by default'})\n")
    print(inspect.cleandoc(r.doc) if r.doc else r.summary)
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    from .engine import default_engine

    status = default_engine().plugin_status
    for s in status:
        print(f"{s.name:<24} {s.status:<8} {s.detail}")
    return 0 if all(s.status == "loaded" for s in status) else 1


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    handler = {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule, "plugins": cmd_plugins}[args.command]
    try:
        return handler(args)
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
