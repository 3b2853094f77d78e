"""Regular expressions: compiled programs kept between runs, and patterns compiled on first use.

Compiling a pattern with a CJK range (``[\\u4e00-\\u9fff]``) costs about a millisecond: Python's
compiler visits each of the range's 20,000 characters. govlint has a few dozen such patterns, and
compiling them made up a fifth of a ``govlint check`` start. So:

* :func:`cached_compile` is ``re.compile`` with the compiled program (the list of opcodes Python's
  ``re`` compiler produces and the ``_sre`` engine runs) kept in govlint's per-user cache directory,
  in one file per Python build (its version and the engine's ``MAGIC``), written atomically at
  exit when new patterns were compiled. A cached program is handed to the engine, which checks
  every program it is given before running it; anything unexpected — another Python, a damaged
  file, a private interface changed — and the pattern is compiled the ordinary way. The pattern
  object is the one ``re.compile`` makes (equal to it: same pattern, flags and program).
* :func:`lazy_compile` defers even that to the first use, for the many patterns of the rule
  modules that are needed only when a report says something particular.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
from typing import Any, Optional

from .packagedata import cache_dir, cache_key, read_entry, write_entry

#: (pattern, flags) -> (flags as compiled, program, groups, group index, index group)
_Program = tuple[int, list, int, dict, tuple]
_programs: Optional[dict[tuple[str, int], _Program]] = None
_new = 0  # programs compiled in this process and not yet in the cache file
_MAX_PROGRAMS = 4000  # a cache file that grew past this (patterns long gone) is started afresh


def _cache_path() -> Optional[str]:
    d = cache_dir()
    if d is None:
        return None
    import _sre

    return os.path.join(d, f"regex-programs-{cache_key(sys.version, str(_sre.MAGIC), str(_sre.CODESIZE))}.marshal")


def _load() -> dict[tuple[str, int], _Program]:
    global _programs
    if _programs is None:
        _programs = {}
        path = _cache_path()
        data = read_entry(path) if path is not None else None
        if isinstance(data, dict) and len(data) <= _MAX_PROGRAMS:
            _programs = data  # (else no cache yet, or a damaged one: it is written afresh at exit)
    return _programs


def _save() -> None:
    """Write the programs known to this process (those read from the cache and the new ones)."""
    global _new
    if not _new or _programs is None:
        return
    _new = 0
    path = _cache_path()
    if path is not None:
        write_entry(path, _programs)


def _compile_program(pattern: str, flags: int) -> tuple["re.Pattern[str]", _Program]:
    """``re._compiler.compile``, keeping what it hands to the engine."""
    import _sre

    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser

    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[Optional[str]] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # (plain ints: the compiler's opcodes are int subclasses, which marshal does not write)
    program = (int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, *program), program


def cached_compile(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """``re.compile(pattern, flags)`` (``str`` patterns), from the program cache when it has one."""
    global _new
    flags = int(flags)
    programs = _load()
    program = programs.get((pattern, flags))
    try:
        import _sre

        if program is not None:
            return _sre.compile(pattern, *program)
        compiled, program = _compile_program(pattern, flags)
    except Exception:  # noqa: BLE001 - another Python's internals, a damaged entry: the ordinary way
        programs.pop((pattern, flags), None)
        return re.compile(pattern, flags)
    if len(programs) < _MAX_PROGRAMS:
        programs[(pattern, flags)] = program
        if not _new:
            atexit.register(_save)
        _new += 1
    return compiled


class LazyPattern:
    """``re.compile(pattern, flags)``, done the first time a method is used."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled = None

    def compiled(self) -> "re.Pattern[str]":
        c = self._compiled
        if c is None:
            c = self._compiled = cached_compile(*self._args)
            for name in self._METHODS:  # from now on the compiled pattern's own methods answer directly
                setattr(self, name, getattr(c, name))
        return c

    def search(self, *args: Any) -> Any:
        return self.compiled().search(*args)

    def match(self, *args: Any) -> Any:
        return self.compiled().match(*args)

    def fullmatch(self, *args: Any) -> Any:
        return self.compiled().fullmatch(*args)

    def finditer(self, *args: Any) -> Any:
        return self.compiled().finditer(*args)

    def findall(self, *args: Any) -> Any:
        return self.compiled().findall(*args)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:  # pattern, groups, groupindex, flags …
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._args[0]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
