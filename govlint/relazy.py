"""Regular expressions compiled on first use.

Compiling a pattern with a CJK range (``[\\u4e00-\\u9fff]``) costs about a millisecond, and most of
the patterns of the rule modules are needed only when a report says something particular; compiled
at import they made up a good part of govlint's start-up. ``lazy_compile`` has the same signature as
``re.compile`` and returns an object with the methods of a compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)``, done the first time a method is used."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled = None

    def compiled(self) -> "re.Pattern[str]":
        c = self._compiled
        if c is None:
            c = self._compiled = re.compile(*self._args)
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
