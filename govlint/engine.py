"""The engine: plugin manager, the read -> parse -> build -> check pipeline, and rule isolation."""

from __future__ import annotations

import os
import traceback
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Union

import attrs
import pluggy

from . import hookspecs
from .build import build, vocabulary
from .config import Config
from .diagnostics import Diagnostic, Rule, Severity
from .edition import Edition, load_editions
from .errors import InputError
from .model import Report
from .parse import parse_tree
from .readers import BUILTIN_READERS, Reader
from .source import Source

#: default cap on input size (bytes); configurable per call
MAX_BYTES = 20 * 1024 * 1024

#: GL0 codes are emitted by the engine itself, not by rule functions; they are documented here.
INPUT_RULES = (
    Rule("GL001", "input.unreadable", Severity.ERROR, None, "文件无法读取（不存在、无权限或是目录）",
         "the file cannot be read (missing, no permission, or a directory)"),
    Rule("GL002", "input.empty", Severity.ERROR, None, "文件为空或只有空白", "the file is empty or whitespace only"),
    Rule("GL003", "input.binary", Severity.ERROR, None, "文件是二进制数据而不是文本", "the file is binary, not text"),
    Rule("GL004", "input.encoding", Severity.ERROR, None, "文件编码无法识别", "the file's encoding cannot be determined"),
    Rule("GL005", "input.no-report", Severity.ERROR, None, "文件中找不到年度报告的结构（六个部分或统计表）",
         "no annual-report structure (parts or tables) found in the file"),
    Rule("GL006", "input.too-large", Severity.ERROR, None, "文件超过大小上限", "the file exceeds the size limit"),
    Rule("GL007", "input.unsupported", Severity.ERROR, None, "不支持的文件类型", "unsupported file type"),
    Rule("GL009", "internal.rule-error", Severity.ERROR, None, "规则运行出错（govlint 或插件的缺陷），其余规则照常运行",
         "a rule crashed (a bug in govlint or a plugin); the other rules still ran"),
)


@attrs.frozen
class RuleContext:
    """What a rule may use besides the report: its own metadata, the edition spec and its options."""

    rule: Rule
    edition: Optional[Edition]
    editions: dict
    options: dict
    source: Source


@attrs.frozen
class FileResult:
    path: Optional[str]
    report: Optional[Report]
    diagnostics: tuple[Diagnostic, ...]
    source: Optional[Source] = None

    @property
    def fatal(self) -> bool:
        return any(d.fatal for d in self.diagnostics)


@attrs.frozen
class PluginStatus:
    name: str
    status: str  # "loaded" | "failed"
    detail: str = ""


def input_diagnostic(code: str, zh: str, en: str, path: Optional[str], line: int = 1, column: int = 1) -> Diagnostic:
    meta = next(r for r in INPUT_RULES if r.code == code)
    return Diagnostic(code=code, rule=meta.name, severity=Severity.ERROR, message=zh, message_en=en, line=line,
                      column=column, end_line=line, end_column=column, path=path, fatal=True)


class Engine:
    """Holds the plugin manager, the registered rules, editions and readers. Build it once."""

    def __init__(self, load_entry_points: bool = True, plugins: Iterable[object] = ()) -> None:
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
        for batch in pm.hook.govlint_register_rules():
            for r in batch or ():
                if not isinstance(r, Rule):
                    raise TypeError(f"govlint_register_rules returned {r!r}, not a govlint.Rule")
                if r.code in rules:
                    raise ValueError(f"rule code {r.code} registered twice ({rules[r.code].name} and {r.name})")
                rules[r.code] = r
        self.rules = dict(sorted(rules.items()))
        raws = [e for batch in pm.hook.govlint_register_editions() for e in (batch or ())]
        self.editions: dict[str, Edition] = load_editions(raws)
        self.vocab = vocabulary(self.editions.values())
        self.readers: dict[str, Reader] = dict(BUILTIN_READERS)
        for batch in pm.hook.govlint_register_readers():
            self.readers.update(batch or {})

    def _load_entry_points(self, pm: pluggy.PluginManager) -> None:
        from importlib.metadata import entry_points

        for ep in entry_points(group=hookspecs.PROJECT):
            if pm.has_plugin(ep.name) or ep.value.split(":")[0] == "govlint_rules":
                continue
            try:
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
                pm.check_pending()
            except Exception as exc:  # a broken plugin must not take govlint down
                if pm.has_plugin(ep.name):
                    pm.unregister(name=ep.name)
                self.plugin_status.append(PluginStatus(ep.name, "failed", f"{type(exc).__name__}: {exc}"))
            else:
                self.plugin_status.append(PluginStatus(ep.name, "loaded", ep.value))

    # ------------------------------------------------------------------ pipeline
    def read(self, data: bytes, path: Optional[str] = None) -> Source:
        suffix = Path(path).suffix.lower() if path else ""
        reader = self.readers.get(suffix)
        if reader is None:
            if suffix in (".doc", ".docx", ".wps", ".pdf", ".html", ".htm"):
                raise InputError("GL007", f"暂不支持 {suffix} 文件，请另存为 .txt（UTF-8）后再检查",
                                 f"{suffix} files are not supported yet; save the report as .txt (UTF-8)")
            reader = self.readers[".txt"]
        return reader(data, path)

    def parse(self, source: Source) -> Report:
        tree = parse_tree(source.text, self.vocab)
        return build(source, tree, list(self.editions.values()), self.vocab)

    def check(self, report: Report, source: Source, config: Optional[Config] = None) -> list[Diagnostic]:
        config = config or Config()
        edition = self.editions.get(report.edition) if report.edition else None
        out: list[Diagnostic] = []
        if not report.sections and not report.tables:
            out.append(input_diagnostic("GL005", "文件中找不到年度报告的结构：没有“一、总体情况”等六部分标题，也没有统计表",
                                        "no annual-report structure found: none of the six part headings "
                                        "(一、总体情况 …) and no statistical table", source.path))
            return out
        for r in self.rules.values():
            if r.func is None or not config.selects(r.code, r.enabled, source.path):
                continue
            ctx = RuleContext(r, edition, self.editions, config.options(r.code), source)
            try:
                found = list(r.func(report, ctx) or ())
            except Exception as exc:
                tb = traceback.extract_tb(exc.__traceback__)[-1]
                where = f"{os.path.basename(tb.filename)}:{tb.lineno}"
                out.append(Diagnostic("GL009", "internal.rule-error", Severity.ERROR,
                                      f"规则 {r.code}（{r.name}）运行出错：{type(exc).__name__}: {exc}（{where}），其余规则照常运行",
                                      f"rule {r.code} ({r.name}) crashed: {type(exc).__name__}: {exc} ({where}); "
                                      "the other rules still ran", 1, 1, 1, 1, source.path))
                continue
            out.extend(found)
        final = []
        for d in out:
            if d.code != "GL009" and not config.selects(d.code, True, source.path):
                continue
            sev = config.severity_of(d.code, d.severity)
            locator = d.locator or (source.locator(d.offset) if d.offset is not None else None)
            final.append(attrs.evolve(d, path=source.path, severity=sev, locator=locator))
        final.sort(key=lambda d: d.sort_key)
        return final

    def lint_source(self, source: Source, config: Optional[Config] = None) -> FileResult:
        report = self.parse(source)
        return FileResult(source.path, report, tuple(self.check(report, source, config)), source)

    def lint_bytes(self, data: bytes, path: Optional[str] = None, config: Optional[Config] = None,
                   max_bytes: int = MAX_BYTES) -> FileResult:
        if len(data) > max_bytes:
            return _too_large(len(data), max_bytes, path)
        try:
            source = self.read(data, path)
        except InputError as exc:
            return FileResult(path, None, (input_diagnostic(exc.code, exc.zh, exc.en, path, exc.line, exc.column),))
        return self.lint_source(source, config)

    def lint_path(self, path: Union[str, os.PathLike], config: Optional[Config] = None,
                  max_bytes: int = MAX_BYTES) -> FileResult:
        p = str(path)
        try:
            size = os.path.getsize(p)
            if size > max_bytes:
                return _too_large(size, max_bytes, p)
            with open(p, "rb") as fh:
                data = fh.read()
        except IsADirectoryError:
            return FileResult(p, None, (input_diagnostic("GL001", "这是一个目录，不是文件", "this is a directory, not a file", p),))
        except FileNotFoundError:
            return FileResult(p, None, (input_diagnostic("GL001", "文件不存在", "no such file", p),))
        except PermissionError:
            return FileResult(p, None, (input_diagnostic("GL001", "没有读取权限", "permission denied", p),))
        except OSError as exc:
            return FileResult(p, None, (input_diagnostic("GL001", f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}", p),))
        return self.lint_bytes(data, p, config, max_bytes)


def _too_large(size: int, limit: int, path: Optional[str]) -> FileResult:
    return FileResult(path, None, (input_diagnostic(
        "GL006", f"文件大小 {size:,} 字节，超过上限 {limit:,} 字节（可用 --max-bytes 调整）",
        f"the file is {size:,} bytes, over the limit of {limit:,} bytes (see --max-bytes)", path),))


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    return Engine()
