"""Configuration: ``[tool.govlint]`` in pyproject.toml or a ``govlint.toml`` (the nearest wins).

Keys (all optional)::

    select = ["GL1", "GL2", "GL3"]        # codes or prefixes; default: every rule enabled by default
    extend-select = ["GL9"]               # add to the default selection
    ignore = ["GL207"]
    lang = "zh"                           # or "en"
    [severity]                            # per-rule (or prefix) severity
    GL207 = "info"
    [per-file-ignores]                    # glob (relative to the config file) -> codes or prefixes
    "archive/*.txt" = ["GL1"]
    [rules.GL401]                         # options a rule documents
    threshold = 100000000
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

import attrs

from . import records
from .diagnostics import Severity
from .packagedata import loads_toml


class ConfigError(Exception):
    pass


def _codes(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v for v in value.replace(" ", "").split(",") if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule codes or prefixes")
    out = tuple(v.strip().upper() for v in value if v.strip())
    for v in out:
        if not (v == "ALL" or (v.startswith("GL") and v[2:].isdigit())):
            raise ConfigError(f"{where}: {v!r} is not a rule code or prefix (such as GL3 or GL301)")
    return out


@records.frozen
class Config:
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict = attrs.field(factory=dict)
    per_file_ignores: dict = attrs.field(factory=dict)
    rules: dict = attrs.field(factory=dict)  # code -> options
    lang: str = "zh"
    path: Optional[str] = None  # the file the config came from
    # (code, enabled by default) -> selected: asked for every rule and every finding of every file
    _decided: dict = attrs.field(factory=dict, init=False, repr=False, eq=False, hash=False)

    @classmethod
    def from_mapping(cls, data: dict, path: Optional[str] = None) -> "Config":
        where = path or "config"
        known = {"select", "extend-select", "ignore", "severity", "per-file-ignores", "rules", "lang",
                 "extend_select", "per_file_ignores"}
        unknown = set(data) - known
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) in [tool.govlint]: {', '.join(sorted(unknown))}")
        sev = {}
        for k, v in (data.get("severity") or {}).items():
            try:
                sev[_codes([k], f"{where} severity")[0]] = Severity(str(v).lower())
            except ValueError:
                raise ConfigError(f"{where}: severity of {k} must be error, warning or info, not {v!r}") from None
        pfi = {str(g): _codes(c, f"{where} per-file-ignores[{g}]")
               for g, c in (data.get("per-file-ignores") or data.get("per_file_ignores") or {}).items()}
        lang = data.get("lang", "zh")
        if lang not in ("zh", "en"):
            raise ConfigError(f"{where}: lang must be 'zh' or 'en'")
        rules = {str(k).upper(): dict(v) for k, v in (data.get("rules") or {}).items()}
        return cls(select=_codes(data.get("select"), f"{where} select"),
                   extend_select=_codes(data.get("extend-select", data.get("extend_select")), f"{where} extend-select"),
                   ignore=_codes(data.get("ignore"), f"{where} ignore"), severity=sev, per_file_ignores=pfi,
                   rules=rules, lang=lang, path=path)

    def merged(self, **overrides: Any) -> "Config":
        """A copy with command-line values layered on top (None leaves the file's value).

        Selection is layered as in ruff: a command-line ``select`` starts the selection afresh (the
        file's ``ignore`` and ``extend-select`` no longer apply); without it, the command line's
        ``ignore`` and ``extend_select`` add to the file's."""
        given = {k: v for k, v in overrides.items() if v is not None}
        if "select" in given:
            given.setdefault("ignore", ())
            given.setdefault("extend_select", ())
        else:
            for k in ("ignore", "extend_select"):
                if k in given:
                    given[k] = tuple(getattr(self, k)) + tuple(given[k])
        return attrs.evolve(self, **given)

    # --------------------------------------------------------------- selection
    def selects(self, code: str, enabled_by_default: bool, path: Optional[str] = None) -> bool:
        selected = self._decided.get((code, enabled_by_default))
        if selected is None:
            selected = self._decided[(code, enabled_by_default)] = _decide(
                code, self.select or ("DEFAULT",), self.extend_select, self.ignore, enabled_by_default)
        if selected and path and self.per_file_ignores:
            for pattern, codes in self.per_file_ignores.items():
                if _path_matches(path, pattern, self.path) and any(_matches(code, c) for c in codes):
                    return False
        return selected

    def severity_of(self, code: str, default: Severity) -> Severity:
        best = None
        for prefix, sev in self.severity.items():
            if _matches(code, prefix) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, sev)
        return best[1] if best else default

    def options(self, code: str) -> dict:
        """The options of rule ``code`` (``[rules.<code>]``), names written with ``-`` as with ``_``."""
        given = self.rules.get(code)
        if not given:
            return {}
        return {str(k).replace("-", "_"): v for k, v in given.items()}

    def check_codes(self, known: Iterable[str], where: Optional[str] = None) -> list[str]:
        """Codes this configuration names that match none of the ``known`` rule codes (a misspelt
        ``GL3O1`` is refused by :meth:`from_mapping` already; ``GL391`` only here). A three-digit code
        is in govlint's own range, so one that names no rule is a mistake: ConfigError (as ruff
        refuses unknown selectors), also for ``[rules.GL391]``. Plugins' codes have four digits
        (docs/plugins.md): a four-digit code or a family prefix (``GL99``) that matches nothing may
        belong to a plugin that is not installed or is blocked, which is not an error (see
        ``--require-plugins``); those are returned, as messages to show as warnings."""
        known = tuple(known)
        where = where if where is not None else f"{self.path or 'config'} "
        named = [("select", c) for c in self.select] + [("extend-select", c) for c in self.extend_select]
        named += [("ignore", c) for c in self.ignore] + [("severity", c) for c in self.severity]
        named += [(f"per-file-ignores[{g!r}]", c) for g, codes in self.per_file_ignores.items() for c in codes]
        named += [(f"[rules.{c}]", c) for c in self.rules]
        warnings = []
        for key, code in named:
            if code == "ALL" or any(k.startswith(code) for k in known):
                continue
            if len(code) == 5:  # GL + three digits: govlint's own range
                raise ConfigError(f"{where}{key}: there is no rule {code} (see `govlint rules`)")
            warnings.append(f"{where}{key}: {code!r} matches no rule (a plugin's that is not loaded?)")
        return warnings


    def check_options(self, rules: Mapping[str, Any], where: Optional[str] = None) -> None:
        """ConfigError for a ``[rules.<code>]`` option the rule does not declare (``threshhold``), or
        one of another type than the rule's default (``max_wan = "big"``); rules that declare no
        options (``Rule.options`` None: a plugin's, perhaps) take any; or a value the rule's own check
        of it refuses (``Rule.checks``: ``today = "yesterday"``). An option may be written with ``-``
        for ``_``."""
        where = where if where is not None else f"{self.path or 'config'} "
        for code, given in self.rules.items():
            r = rules.get(code)
            declared = getattr(r, "options", None)
            if declared is None:
                continue
            for name, value in given.items():
                key = str(name).replace("-", "_")
                if key not in declared:
                    takes = ", ".join(declared) or "no options"
                    raise ConfigError(f"{where}[rules.{code}]: unknown option {name!r} ({code} takes {takes})")
                default = declared[key]
                if not _same_kind(value, default):
                    raise ConfigError(f"{where}[rules.{code}]: {name} must be {_kind(default)}, not {value!r}")
                check = (getattr(r, "checks", None) or {}).get(key)
                try:
                    why = check(value) if check is not None else None
                except Exception as exc:  # (a plugin's check that fails on a value: said, not a traceback)
                    why = f"cannot be checked ({type(exc).__name__}: {exc})"
                if why:
                    raise ConfigError(f"{where}[rules.{code}]: {name} {why}, not {value!r}")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _same_kind(value: Any, default: Any) -> bool:
    """Is ``value`` of the kind of ``default`` (a number for a number: 10 for 1e4; a list for a list …)?"""
    if default is None:
        return True
    return _kind(value) == _kind(default)


def _matches(code: str, prefix: str) -> bool:
    return prefix == "ALL" or code.startswith(prefix)


def _specificity(prefix: str) -> int:
    return 0 if prefix == "ALL" else len(prefix)


def _decide(code: str, select: Iterable[str], extend: Iterable[str], ignore: Iterable[str], default: bool) -> bool:
    """The most specific matching prefix wins; on a tie, ignore wins (as in ruff)."""
    best: Optional[tuple[int, bool]] = None
    for p in select:
        if p == "DEFAULT":
            if default:
                best = max(best or (-1, False), (0, True))
            continue
        if _matches(code, p):
            cand = (_specificity(p), True)
            best = cand if best is None or cand[0] > best[0] else best
    for p in extend:
        if _matches(code, p):
            cand = (_specificity(p), True)
            best = cand if best is None or cand[0] > best[0] else best
    for p in ignore:
        if _matches(code, p):
            cand = (_specificity(p), False)
            best = cand if best is None or cand[0] >= best[0] else best
    return bool(best and best[1])


def glob_variants(pattern: str) -> tuple[str, ...]:
    """The fnmatch patterns a path glob stands for. Folders may be separated by ``\\`` as on Windows
    (``archive\\2019\\*.txt``), and ``**/`` matches no folder as well as any number of them
    (``**/*.md`` takes ``a.md``), as in ruff's and gitignore globs; ``*`` matches across folders."""
    pattern = pattern.replace("\\", "/")
    out = [pattern]
    while any("**/" in p for p in out) and len(out) < 64:
        nxt = []
        for p in out:
            i = p.find("**/")
            if i < 0:
                nxt.append(p)
                continue
            # keep it (as "*/": one folder or more) or drop it (no folder); "*" matches across folders
            nxt += [p[:i] + "*/" + p[i + 3:], p[:i] + p[i + 3:]]
        out = nxt
    return tuple(dict.fromkeys(out))


def glob_match(candidates: Iterable[str], patterns: Iterable[str]) -> bool:
    """Does any of the (POSIX-style) ``candidates`` match any of the path ``patterns``
    (:func:`glob_variants`)?"""
    cands = list(candidates)
    return any(fnmatch.fnmatch(c, v) for p in patterns for v in glob_variants(p) for c in cands)


def _path_matches(path: str, pattern: str, config_path: Optional[str]) -> bool:
    p = Path(path)
    candidates = {p.as_posix(), p.name}
    if config_path:
        try:
            candidates.add(p.resolve().relative_to(Path(config_path).resolve().parent).as_posix())
        except ValueError:
            pass
    return glob_match(candidates, (pattern,))


def find_config(start: Path) -> Optional[Path]:
    """The nearest govlint.toml, or pyproject.toml with a [tool.govlint] table, from ``start`` upward.
    A pyproject.toml that is not valid TOML is skipped, unless it mentions govlint: then it raises
    ConfigError (its [tool.govlint] cannot be told apart from a typo)."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for d in (here, *here.parents):
        g = d / "govlint.toml"
        if g.is_file():
            return g
        p = d / "pyproject.toml"
        if p.is_file():
            try:
                text = p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            try:
                data = loads_toml(text)
            except ValueError as exc:  # TOMLDecodeError
                if "govlint" in text:  # our table may be in it: going on without it would check with other rules
                    raise ConfigError(f"{p}: cannot read config: {exc}") from None
                continue
            if "govlint" in data.get("tool", {}):
                return p
    return None


def load_config(path: Optional[os.PathLike | str]) -> Config:
    if path is None:
        return Config()
    p = Path(path)
    try:
        data = loads_toml(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: config file not found") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # ValueError: TOMLDecodeError
        raise ConfigError(f"{p}: cannot read config: {exc}") from None
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("govlint", {})
    elif "tool" in data and "govlint" in data["tool"]:
        data = data["tool"]["govlint"]
    return Config.from_mapping(data, str(p))
