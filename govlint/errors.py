"""Errors raised while reading input. The engine turns each into one GL0 diagnostic (exit code 2)."""

from __future__ import annotations


class InputError(Exception):
    """The input cannot be checked. ``code`` is a GL0 code; the reasons are for the user."""

    def __init__(self, code: str, zh: str, en: str, line: int = 1, column: int = 1) -> None:
        super().__init__(en)
        self.code = code
        self.zh = zh
        self.en = en
        self.line = line
        self.column = column
