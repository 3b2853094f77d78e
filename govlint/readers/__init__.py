"""Readers turn bytes into a :class:`govlint.source.Source`. They know formats and encodings, not reports."""

from __future__ import annotations

from typing import Callable, Optional

from ..errors import InputError
from ..source import Source
from .text import decode_text, read_text

#: suffix -> reader(data, path) -> Source; plugins add readers through the ``govlint_register_readers`` hook
Reader = Callable[[bytes, Optional[str]], Source]

BUILTIN_READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    "": read_text,
}

__all__ = ["BUILTIN_READERS", "Reader", "read_text", "decode_text", "InputError", "Source"]
