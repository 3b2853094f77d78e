"""Batch runs: collect report files, check them (optionally in a process pool), in input order.

``lint_paths`` is what ``govlint check`` runs; it is public API (``govlint.lint_paths``)::

    results = govlint.lint_paths(["reports/"], jobs=4, exclude=["*/archive/*"])

Directories are walked recursively (hidden entries skipped) for files with a registered reader;
``include`` globs narrow that, ``exclude`` globs drop files (named ones too). Globs match the path
as given and relative to each walked directory, and the bare file name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

import attrs

from .config import Config, find_config, glob_match, load_config
from .diagnostics import Diagnostic

PathLike = Union[str, "os.PathLike[str]"]
Progress = Callable[[int, int, Optional[str]], None]


# ----------------------------------------------------------------------------- collecting files
def _matches(patterns: Sequence[str], candidates: Iterable[str]) -> bool:
    return glob_match(candidates, patterns)


def _candidates(path: str, root: Optional[str] = None) -> list[str]:
    p = Path(path)
    out = [p.as_posix(), p.name]
    if root is not None:
        try:
            out.append(p.relative_to(root).as_posix())
        except ValueError:
            pass
    return out


def collect(paths: Sequence[PathLike], include: Sequence[str] = (), exclude: Sequence[str] = (),
            suffixes: Optional[Sequence[str]] = None) -> tuple[list[str], list[str]]:
    """(files to check, paths that do not exist). Files named explicitly are kept whatever their
    suffix (unless excluded); in directories, files with one of ``suffixes`` (default: those with a
    registered reader) that match an ``include`` glob (if any) are taken."""
    items = collect_items(paths, include, exclude, suffixes)
    return [p for p, ok in items if ok], [p for p, ok in items if not ok]


#: suffixes of files that may hold a report govlint cannot read (a scan, a spreadsheet of its tables,
#: an archive of reports, an OFD or other fixed-layout document, a presentation, a Word template or
#: macro file): left out of a directory walk, they are counted on stderr (``passed_over``); a
#: configuration, a baseline, a note or a script in the folder is no report and is passed over silently
_REPORT_LIKE = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp",
                ".zip", ".rar", ".7z", ".gz", ".tgz", ".tar",
                ".ofd", ".xps", ".oxps", ".ceb", ".caj",
                ".xls", ".xlsx", ".et", ".ods", ".ppt", ".pptx", ".dps", ".odp",
                ".dot", ".dotx", ".docm", ".wpt", ".pages", ".uof", ".uot")


def collect_items(paths: Sequence[PathLike], include: Sequence[str] = (), exclude: Sequence[str] = (),
                  suffixes: Optional[Sequence[str]] = None,
                  passed_over: Optional[list[str]] = None) -> list[tuple[str, bool]]:
    """Like :func:`collect`, in input order: (path, exists) pairs. ``passed_over``, when given, gets
    the files of the walked directories left out for a suffix that may be a report's in a form govlint
    cannot read (a picture, a spreadsheet, an archive, an OFD file: ``_REPORT_LIKE``) — not hidden ones, and none when
    ``include`` narrows the walk (the user chose the files) — so that the command line can say so."""
    if suffixes is None:
        from .engine import default_engine

        suffixes = tuple(s for s in default_engine().readers if s)
    sfx = tuple(s.lower() for s in suffixes)
    items: list[tuple[str, bool]] = []
    seen: set[str] = set()

    def add(f: str) -> None:
        key = os.path.normcase(os.path.abspath(f))
        if key not in seen:
            seen.add(key)
            items.append((f, True))

    for raw in (str(os.fspath(x)) for x in paths):
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not (exclude and _matches(exclude, _candidates(os.path.join(root, d), raw))))
                for n in sorted(names):
                    if n.startswith(".") or not n.lower().endswith(sfx):
                        if (passed_over is not None and not include and not n.startswith(".")
                                and n.lower().endswith(_REPORT_LIKE)):
                            f = os.path.join(root, n)
                            if not (exclude and _matches(exclude, _candidates(f, raw))):
                                passed_over.append(f)
                        continue
                    f = os.path.join(root, n)
                    cands = _candidates(f, raw)
                    if include and not _matches(include, cands):
                        continue
                    if exclude and _matches(exclude, cands):
                        continue
                    add(f)
        elif p.exists() or p.is_symlink():
            if exclude and _matches(exclude, _candidates(raw)):
                continue
            add(raw)
        else:
            items.append((raw, False))
    return items


def passed_over_note(paths: Sequence[str], en: bool) -> str:
    """One line for stderr: how many files of the walked directories were not checked (see
    ``collect_items(passed_over=…)``) and their suffixes, the commonest first."""
    kinds: dict[str, int] = {}
    for p in paths:
        ext = os.path.splitext(os.path.basename(p))[1].lower()
        kinds[ext] = kinds.get(ext, 0) + 1
    shown = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    names = [(k or ("no suffix" if en else "无后缀")) + (f" ×{n}" if n > 1 else "") for k, n in shown[:8]]
    if len(shown) > 8:
        names.append("…")
    n = len(paths)
    if en:
        return (f"govlint: {n} file{'s' if n != 1 else ''} in the folders not checked, of a kind govlint does not "
                f"read ({', '.join(names)}); name one on the command line to be told what it is")
    return (f"govlint：目录中有 {n} 个文件不是 govlint 能读取的格式，未检查（{'、'.join(names)}）；"
            "在命令行上单独指定文件可看到它是什么文件、该如何处理")


# ----------------------------------------------------------------------------- configuration per file
class ConfigResolver:
    """The Config of each file: an explicit one, or the nearest govlint.toml/pyproject.toml; then
    the command-line ``overrides`` on top. Discovery is cached per folder."""

    def __init__(self, explicit: Optional[Config] = None, overrides: Optional[dict] = None) -> None:
        self.explicit = explicit
        self.overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        self._cache: dict[str, Config] = {}
        self._merged: dict[int, tuple[Config, Config]] = {}  # id(base) -> (base, base with the overrides)

    def __call__(self, path: Optional[str]) -> Config:
        if self.explicit is not None:
            base = self.explicit
        else:
            d = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
            if d not in self._cache:
                found = find_config(Path(d))
                self._cache[d] = load_config(found) if found else Config()
            base = self._cache[d]
        if not self.overrides:
            return base
        # one merged Config per base, not per file: a Config remembers which rules it selects
        hit = self._merged.get(id(base))
        if hit is None or hit[0] is not base:
            hit = self._merged[id(base)] = (base, base.merged(**self.overrides))
        return hit[1]


# ----------------------------------------------------------------------------- running
_WORKER: dict[str, Any] = {}


def _init_worker(block_plugins: tuple[str, ...], explicit: Optional[Config], overrides: dict, options: dict) -> None:
    _WORKER.update(block=block_plugins, resolver=ConfigResolver(explicit, overrides), options=options)


def _work(task: tuple[str, str]) -> Any:
    from .engine import default_engine

    kind, path = task
    engine = default_engine(_WORKER["block"])
    return _run_one(engine, kind, path, _WORKER["resolver"], _WORKER["options"])


def _run_one(engine: Any, kind: str, path: str, resolver: ConfigResolver, options: dict) -> Any:
    from .engine import MAX_BYTES

    cfg = resolver(path)
    max_bytes = options.get("max_bytes") or MAX_BYTES
    extra = {k: options[k] for k in ("timeout",) if options.get(k) is not None}
    stdin = options.get("stdin")  # (name, bytes): the report read from standard input, under that name
    if stdin is not None and path == stdin[0]:
        if kind == "fix":
            from .fix import fix_data

            return fix_data(stdin[1], path, engine, cfg, max_bytes=max_bytes)
        result = engine.lint_bytes(stdin[1], path, cfg, max_bytes, **extra)
        return result.slim(keep_source=options.get("keep_source", True)) if options.get("slim") else result
    if kind == "fix":
        from .fix import fix_path

        try:
            return fix_path(path, engine, cfg, max_bytes=max_bytes)
        except OSError:
            return engine.lint_path(path, cfg, max_bytes, **extra)
    result = engine.lint_path(path, cfg, max_bytes, **extra)
    # ``slim``: drop what only the rules read before the result travels back from a worker (pickling
    # the whole report model costs ~7 ms a file); reporters, baselines and summaries keep what they use
    return result.slim(keep_source=options.get("keep_source", True)) if options.get("slim") else result


def missing_result(path: str) -> Any:
    from .engine import FileResult, input_diagnostic

    return FileResult(path, None, (input_diagnostic("GL001", "路径不存在", "no such file or directory", path),))


def run(files: Sequence[str], kind: str = "lint", *, jobs: int = 1, engine: Any = None,
        explicit: Optional[Config] = None, overrides: Optional[dict] = None, block_plugins: Sequence[str] = (),
        progress: Optional[Progress] = None, **options: Any) -> Iterator[Any]:
    """Check (``kind="lint"``: FileResult) or compute fixes for (``kind="fix"``: FixOutcome) each
    file, yielding results in the order of ``files``. ``jobs > 1`` uses a process pool in which each
    worker builds the default engine once (a custom ``engine`` object forces ``jobs=1``). ``slim=True``
    yields :meth:`FileResult.slim` results (what reporters use; the report's tables and paragraphs
    are dropped), which is much cheaper to send back from worker processes."""
    total = len(files)
    tasks = [(kind, f) for f in files]
    jobs = max(1, int(jobs or 1))
    if engine is not None or jobs == 1 or total < 2:
        if engine is None:
            from .engine import default_engine

            engine = default_engine(tuple(block_plugins))
        resolver = ConfigResolver(explicit, overrides)
        for n, (k, f) in enumerate(tasks, 1):
            result = _run_one(engine, k, f, resolver, options)
            if progress:
                progress(n, total, f)
            yield result
        return
    from concurrent.futures import ProcessPoolExecutor  # only here: importing it costs ~7 ms at start-up

    with ProcessPoolExecutor(max_workers=min(jobs, total), initializer=_init_worker,
                             initargs=(tuple(block_plugins), explicit, dict(overrides or {}), options)) as pool:
        chunk = max(1, min(16, total // (jobs * 4) or 1))
        for n, result in enumerate(pool.map(_work, tasks, chunksize=chunk), 1):
            if progress:
                progress(n, total, files[n - 1])
            yield result


def lint_paths(paths: Sequence[PathLike], config: Optional[Config] = None, jobs: int = 1, *,
               include: Sequence[str] = (), exclude: Sequence[str] = (), baseline: Any = None,
               progress: Optional[Progress] = None, engine: Any = None, max_bytes: Optional[int] = None,
               **options: Any) -> list[Any]:
    """Check files and directories; one FileResult per file, in input order (a path that does not
    exist gives a GL001 result). ``config``: one Config for every file (default: the nearest
    govlint.toml/pyproject.toml of each file). ``baseline``: a :class:`govlint.baseline.Baseline`
    or the path of a baseline file, whose known findings are hidden. A ``config`` setting an option
    a rule does not have, or a value the rule refuses, raises :class:`govlint.config.ConfigError`."""
    if config is not None:
        from .engine import default_engine

        config.check_options((engine or default_engine()).rules)
    items = collect_items(paths, include, exclude,
                          suffixes=tuple(s for s in engine.readers if s) if engine is not None else None)
    checked = iter(list(run([p for p, ok in items if ok], "lint", jobs=jobs, engine=engine, explicit=config,
                            progress=progress, max_bytes=max_bytes, **options)))
    results = [next(checked) if ok else missing_result(p) for p, ok in items]
    if engine is None:
        from .engine import default_engine

        engine = default_engine()
    results = cross_check(results, engine, ConfigResolver(config))
    if baseline is not None:
        from .baseline import Baseline

        if not isinstance(baseline, Baseline):
            baseline = Baseline.load(baseline)
        results = baseline.apply(results, ConfigResolver(config))
    return results


def cross_check(results: Sequence[Any], engine: Any, resolver: Optional["ConfigResolver"] = None) -> list[Any]:
    """Run the checks across reports (GL8, :class:`~govlint.diagnostics.CrossRule`) over the facts the
    files of one run gave, and add what they find to the files it concerns (each file's own
    configuration decides whether the finding is shown, and its severity; its ``<!-- govlint:
    disable… -->`` comments hide it, as they hide the file's own findings)."""
    from .diagnostics import CrossRule

    results = list(results)
    resolver = resolver or ConfigResolver()
    added: dict[int, list[Diagnostic]] = {}
    index = {r.path: i for i, r in enumerate(results)}
    for rule in engine.rules.values():
        if not isinstance(rule, CrossRule) or rule.compare is None:
            continue
        items = [(r.path, facts) for r in results for code, facts in r.facts if code == rule.code]
        if len(items) < 2:
            continue
        for path, d in rule.compare(items, rule):
            i = index.get(path)
            if i is None:
                continue
            cfg = resolver(path)
            if not cfg.selects(d.code, rule.enabled, path):
                continue
            sup = getattr(results[i], "suppressions", None)
            if sup is not None and sup.hides(d):
                continue
            source = results[i].source
            locator = source.locator(d.offset) if d.offset is not None and hasattr(source, "locator") else None
            added.setdefault(i, []).append(attrs.evolve(d, path=path, severity=cfg.severity_of(d.code, d.severity),
                                                        locator=d.locator or locator))
    for i, found in added.items():
        r = results[i]
        results[i] = attrs.evolve(r, diagnostics=tuple(sorted((*r.diagnostics, *found), key=lambda d: d.sort_key)))
    return results


def cross_rules_selected(engine: Any, resolver: "ConfigResolver", paths: Iterable[str]) -> bool:
    """Does any file's configuration select a check across reports? (Then a run must see every file
    before it can report any.)"""
    from .diagnostics import CrossRule

    cross = [r for r in engine.rules.values() if isinstance(r, CrossRule)]
    return bool(cross) and any(resolver(p).selects(r.code, r.enabled, p) for p in paths for r in cross)


def failing(results: Iterable[Any]) -> bool:
    """True if any finding counts against the exit code (errors and warnings; info does not)."""
    return any(d.severity.rank >= 2 for r in results for d in r.diagnostics)


def by_file_and_rule(results: Iterable[Any]) -> list[tuple[str, dict[str, int], dict[str, int]]]:
    """(path, counts by severity, counts by rule code) for every file: the cross-file summary."""
    out = []
    for r in results:
        sev = {"error": 0, "warning": 0, "info": 0}
        codes: dict[str, int] = {}
        d: Diagnostic
        for d in r.diagnostics:
            sev[d.severity.value] += 1
            codes[d.code] = codes.get(d.code, 0) + 1
        out.append((r.path or "<text>", sev, dict(sorted(codes.items()))))
    return out
