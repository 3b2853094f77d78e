"""Baselines and inline suppression comments.

Published reports cannot carry suppression comments, so known findings are recorded in a baseline
file instead (``govlint baseline write``) and hidden by ``govlint check --baseline FILE``. An entry
is a *semantic* fingerprint — rule code, part, table, row, column and the (normalised) text of the
flagged span — never a line number, so it survives edits elsewhere in the report. An entry that no
longer matches anything in a checked file is reported as GL010.

HTML and Markdown sources may also carry comments::

    <!-- govlint: disable=GL301,GL207 -->        the whole file (anywhere in it)
    <!-- govlint: disable-next-line=GL301 -->    the next non-blank line
    <!-- govlint: disable -->                    every rule, for the whole file

Codes may be prefixes (``GL3``). They hide the findings of the checks across reports (GL8) too: a
file's result keeps its comments (``FileResult.suppressions``) for ``batch.cross_check``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

import attrs

from . import records
from .diagnostics import Diagnostic, Severity
from .relazy import cached_compile

FORMAT_VERSION = 1
DEFAULT_BASELINE = "govlint-baseline.json"
_VALUE_LIMIT = 120
_WS = cached_compile(r"\s+")

#: the fields of a fingerprint, in order
KEY_FIELDS = ("code", "part", "table", "row", "column", "value")


class BaselineError(Exception):
    """The baseline file cannot be read or has the wrong shape."""


# ----------------------------------------------------------------------------- fingerprints
def normalise(text: str) -> str:
    """NFKC, no whitespace: the form in which flagged text is compared."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def _part_of(report: Any, offset: Optional[int]) -> Optional[int]:
    if report is None or offset is None:
        return None
    part = None
    for s in getattr(report, "sections", ()):
        if s.heading.span.start <= offset:
            part = s.part if s.part is not None else s.heading.number
        else:
            break
    return part


def _flagged_text(d: Diagnostic, source: Any) -> Optional[str]:
    if source is None or d.offset is None:
        return None
    chunk = source.flagged(d.offset, d.end_offset)
    first = next((ln for ln in chunk.splitlines() if ln.strip()), "")
    return normalise(first)[:_VALUE_LIMIT] or None


def fingerprint(d: Diagnostic, report: Any = None, source: Any = None) -> dict[str, Any]:
    """The semantic key of a diagnostic: code, part, table, row, column and value.

    ``value`` is the normalised text of the flagged span (its first non-blank line, at most 120
    characters): the cell as written for a table finding, the sentence or heading for a prose
    finding. Without a position it falls back to the ``actual`` value, then to the English message.
    """
    value = _flagged_text(d, source)
    if value is None:
        value = normalise(str(d.actual)) if d.actual is not None else normalise(d.message_en)[:_VALUE_LIMIT]
    return {"code": d.code, "part": _part_of(report, d.offset), "table": d.table, "row": d.row,
            "column": d.col, "value": value}


def _key(fp: dict[str, Any]) -> tuple:
    return tuple(fp.get(k) for k in KEY_FIELDS)


def fingerprint_hash(fp: dict[str, Any]) -> str:
    data = json.dumps([fp.get(k) for k in KEY_FIELDS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def result_fingerprints(result: Any) -> list[tuple[Diagnostic, dict[str, Any], str]]:
    """For each diagnostic of a FileResult: (diagnostic, semantic key, stable hash).

    Identical keys in one file are told apart by their order of appearance (``hash:2``, ``hash:3``).
    """
    seen: Counter = Counter()
    out = []
    for d in result.diagnostics:
        fp = fingerprint(d, result.report, result.source)
        h = fingerprint_hash(fp)
        seen[h] += 1
        out.append((d, fp, h if seen[h] == 1 else f"{h}:{seen[h]}"))
    return out


# ----------------------------------------------------------------------------- baseline files
@records.frozen
class Entry:
    path: str  # relative to the baseline file's folder, POSIX separators
    code: str
    part: Optional[int]
    table: Optional[str]
    row: Optional[str]
    column: Optional[str]
    value: Optional[str]
    count: int = 1
    reason: Optional[str] = None
    message: str = ""  # for people reading the file; not used for matching
    rule: str = ""

    @property
    def key(self) -> tuple:
        return (self.code, self.part, self.table, self.row, self.column, self.value)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "code": self.code, "rule": self.rule, "part": self.part,
                               "table": self.table, "row": self.row, "column": self.column, "value": self.value}
        if self.count != 1:
            out["count"] = self.count
        if self.reason:
            out["reason"] = self.reason
        out["message"] = self.message
        return out

    def describe(self, lang: str = "zh") -> str:
        where = [w for w in (self.table and (f"表{self.table}" if lang == "zh" else f"table {self.table}"),
                             self.row, self.column) if w]
        value = f"“{self.value}”" if self.value else ""
        if lang == "en":
            return f"{self.code} ({', '.join(where) + '; ' if where else ''}value {value or '-'})"
        return f"{self.code}（{'，'.join(where) + '；' if where else ''}值{value or '—'}）"


def _rel(path: Optional[str], base: Path) -> str:
    if not path:
        return "<text>"
    p = os.path.abspath(path)
    try:
        rel = os.path.relpath(p, base)
    except ValueError:  # another drive on Windows
        rel = p
    return Path(rel).as_posix()


@records.frozen
class Baseline:
    """Known findings to hide. Load with :meth:`load`, make with :meth:`from_results`."""

    entries: tuple[Entry, ...] = ()
    path: Optional[str] = None  # the file it was loaded from (paths are relative to its folder)
    created: Optional[str] = None

    @property
    def base(self) -> Path:
        return Path(os.path.abspath(self.path)).parent if self.path else Path.cwd()

    # ------------------------------------------------------------------ reading and writing
    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "Baseline":
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{p}: baseline file not found (create it with `govlint baseline write`)") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise BaselineError(f"{p}: cannot read baseline: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise BaselineError(f"{p}: not a govlint baseline (expected an object with \"entries\")")
        version = data.get("govlint_baseline", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise BaselineError(f"{p}: baseline format {version!r} is not supported (expected {FORMAT_VERSION})")
        entries = []
        for i, e in enumerate(data["entries"]):
            try:
                entries.append(Entry(path=str(e["path"]), code=str(e["code"]), part=e.get("part"),
                                     table=e.get("table"), row=e.get("row"), column=e.get("column"),
                                     value=e.get("value"), count=int(e.get("count", 1)), reason=e.get("reason"),
                                     message=str(e.get("message", "")), rule=str(e.get("rule", ""))))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(f"{p}: entry {i + 1} is malformed (needs at least \"path\" and \"code\")") from None
        return cls(tuple(entries), str(p), data.get("created"))

    @classmethod
    def from_results(cls, results: Iterable[Any], path: Union[str, os.PathLike] = DEFAULT_BASELINE,
                     reason: Optional[str] = None, previous: Optional["Baseline"] = None) -> "Baseline":
        """A baseline of every non-fatal finding in ``results``, to be saved at ``path``.

        Reasons of entries that were already in ``previous`` are kept unless ``reason`` is given.
        """
        base = Path(os.path.abspath(path)).parent
        old = {}
        if previous is not None:
            for e in previous.entries:
                old[(_rel(os.path.join(previous.base, e.path), base), e.key)] = e.reason
        grouped: dict[tuple, Entry] = {}
        for r in results:
            rel = _rel(r.path, base)
            for d, fp, _h in result_fingerprints(r):
                if d.fatal:
                    continue
                k = (rel, _key(fp))
                if k in grouped:
                    grouped[k] = attrs.evolve(grouped[k], count=grouped[k].count + 1)
                else:
                    grouped[k] = Entry(path=rel, code=d.code, part=fp["part"], table=fp["table"], row=fp["row"],
                                       column=fp["column"], value=fp["value"], reason=reason or old.get(k),
                                       message=d.message, rule=d.rule)
        entries = sorted(grouped.values(), key=lambda e: (e.path, e.code, str(e.key)))
        return cls(tuple(entries), str(path), _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat())

    def dumps(self) -> str:
        from . import __version__

        doc = {"govlint_baseline": FORMAT_VERSION, "govlint": __version__, "created": self.created,
               "note": "Known findings hidden by `govlint check --baseline`; matched by meaning (rule, part, "
                       "table, row, column, value), not by line. Regenerate with `govlint baseline write`.",
               "entries": [e.to_json() for e in self.entries]}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    def write(self, path: Optional[Union[str, os.PathLike]] = None) -> str:
        from .fix import write_atomic

        target = str(path or self.path or DEFAULT_BASELINE)
        write_atomic(target, self.dumps().encode("utf-8"), must_exist=False)
        return target

    # ------------------------------------------------------------------ applying
    def apply(self, results: Sequence[Any], config_for: Any = None) -> list[Any]:
        """Hide the findings the baseline knows; add a GL010 for each entry of a checked file that
        no longer matches. ``config_for(path) -> Config`` lets ``ignore``, ``per-file-ignores`` and
        ``severity`` apply to GL010 (``select`` does not drop it: the baseline asked for it)."""
        by_path: dict[str, Counter] = {}
        entry_of: dict[tuple, Entry] = {}
        for e in self.entries:
            by_path.setdefault(e.path, Counter())[e.key] += e.count
            entry_of[(e.path, e.key)] = e
        out = []
        base = self.base
        for r in results:
            rel = _rel(r.path, base)
            budget = by_path.get(rel)
            if budget is None or any(d.fatal for d in r.diagnostics):
                out.append(r)
                continue
            budget = Counter(budget)
            kept = []
            for d, fp, _h in result_fingerprints(r):
                k = _key(fp)
                if budget.get(k, 0) > 0:
                    budget[k] -= 1
                    continue
                kept.append(d)
            for k, left in budget.items():
                if left <= 0:
                    continue
                e = entry_of[(rel, k)]
                d = unmatched_diagnostic(e, r.path, left)
                cfg = config_for(r.path) if config_for is not None else None
                if cfg is not None:
                    # reported whatever --select says (the baseline asked for it), unless ignored
                    if not attrs.evolve(cfg, select=()).selects(d.code, True, r.path):
                        continue
                    d = attrs.evolve(d, severity=cfg.severity_of(d.code, d.severity))
                kept.append(d)
            kept.sort(key=lambda d: d.sort_key)
            out.append(attrs.evolve(r, diagnostics=tuple(kept)))
        return out


def unmatched_diagnostic(e: Entry, path: Optional[str], left: int = 1) -> Diagnostic:
    times = f"（{left} 处）" if left > 1 else ""
    times_en = f" ({left} occurrences)" if left > 1 else ""
    reason = f"；记录的理由：{e.reason}" if e.reason else ""
    reason_en = f"; recorded reason: {e.reason}" if e.reason else ""
    return Diagnostic(
        code="GL010", rule="baseline.unmatched", severity=Severity.WARNING,
        message=f"基线中的条目 {e.describe('zh')}{times}已不再匹配（问题可能已经改正{reason}）；"
                f"请用 govlint baseline write 重新生成基线",
        message_en=f"baseline entry {e.describe('en')}{times_en} no longer matches (the problem may have been "
                   f"corrected{reason_en}); regenerate the baseline with `govlint baseline write`",
        line=1, column=1, end_line=1, end_column=1, path=path, expected=None, actual=e.message or None)


# ----------------------------------------------------------------------------- inline comments
_DIRECTIVE = cached_compile(
    # (no two quantifiers over the same spaces: "=\s*(codes*?)\s*-->" backtracked cubically on a long run of spaces)
    r"<!--\s*govlint\s*:\s*(disable-next-line|disable-file|disable)\b\s*(?:=([A-Za-z0-9,\s]*))?-->")
#: sources whose text may carry ``<!-- govlint: ... -->`` comments
DIRECTIVE_SUFFIXES = (".md", ".markdown", ".html", ".htm")


@records.frozen
class Suppressions:
    file_codes: tuple[str, ...] = ()  # "ALL" for every rule
    line_codes: dict = attrs.field(factory=dict)  # line -> codes

    def hides(self, d: Diagnostic) -> bool:
        if d.fatal:
            return False
        if _codes_match(d.code, self.file_codes):
            return True
        return _codes_match(d.code, self.line_codes.get(d.line, ()))

    def __bool__(self) -> bool:
        return bool(self.file_codes or self.line_codes)


def _codes_match(code: str, codes: Iterable[str]) -> bool:
    return any(c == "ALL" or code.startswith(c) for c in codes)


def _parse_codes(raw: Optional[str]) -> tuple[str, ...]:
    if raw is None or not raw.strip():
        return ("ALL",)
    return tuple(c.strip().upper() for c in raw.split(",") if c.strip())


def directive_text(source: Any) -> Optional[str]:
    """The text in which comments are looked for: the original HTML, or the Markdown itself."""
    origin = getattr(source, "origin", None)
    kind = getattr(source, "kind", "text")
    path = getattr(source, "path", None) or ""
    if kind == "html" or path.lower().endswith((".html", ".htm")):
        if origin is not None and origin.original_text is not None:
            return origin.original_text
        return source.text if kind != "html" else None
    if path.lower().endswith((".md", ".markdown")):
        return source.text
    return None


def suppressions(source: Any) -> Suppressions:
    text = directive_text(source)
    if not text or "govlint" not in text:
        return Suppressions()
    file_codes: list[str] = []
    line_codes: dict[int, tuple[str, ...]] = {}
    lines: Optional[list[str]] = None
    for m in _DIRECTIVE.finditer(text):
        kind, codes = m.group(1), _parse_codes(m.group(2))
        if kind in ("disable", "disable-file"):
            file_codes.extend(codes)
            continue
        if lines is None:
            lines = text.split("\n")
        end_line = text.count("\n", 0, m.end()) + 1  # 1-based line the comment ends on
        target = end_line + 1
        while target <= len(lines) and _blank_or_comment(lines[target - 1]):
            target += 1
        line_codes[target] = line_codes.get(target, ()) + codes
    return Suppressions(tuple(file_codes), line_codes)


# a comment ends at its first "-->" (the lazy "(<!--.*?-->\s*)*" could end it at any later one: exponential)
_ONLY_COMMENT = cached_compile(r"^\s*(?:<!--(?:(?!-->).)*-->\s*)*$")


def _blank_or_comment(line: str) -> bool:
    return bool(_ONLY_COMMENT.match(line))


def apply_suppressions(diagnostics: Sequence[Diagnostic], source: Any) -> list[Diagnostic]:
    sup = suppressions(source)
    if not sup:
        return list(diagnostics)
    return [d for d in diagnostics if not sup.hides(d)]
