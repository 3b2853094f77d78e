"""Readers turn bytes into a :class:`govlint.source.Source`. They know formats and encodings, not reports."""

from __future__ import annotations

from typing import Callable, Optional

from ..errors import InputError
from ..source import Source
from .text import decode_text, read_text

#: suffix -> reader(data, path) -> Source; plugins add readers through the ``govlint_register_readers`` hook
Reader = Callable[[bytes, Optional[str]], Source]



# The format readers import their libraries (lxml, pdfplumber) lazily, so that `import govlint` and
# checking a .txt file stay fast.
def read_html(data: bytes, path: Optional[str] = None) -> Source:
    from .html import read_html as reader

    return reader(data, path)


def read_docx(data: bytes, path: Optional[str] = None) -> Source:
    from .docx import read_docx as reader

    return reader(data, path)


def read_legacy_word(data: bytes, path: Optional[str] = None) -> Source:
    from .docx import read_legacy as reader

    return reader(data, path)


def read_pdf(data: bytes, path: Optional[str] = None) -> Source:
    from .pdf import read_pdf as reader

    return reader(data, path)


BUILTIN_READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    "": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".shtml": read_html,
    ".docx": read_docx,
    ".doc": read_legacy_word,
    ".wps": read_legacy_word,
    ".pdf": read_pdf,
}

__all__ = ["BUILTIN_READERS", "Reader", "read_text", "decode_text", "read_html", "read_docx", "read_legacy_word",
           "read_pdf", "InputError", "Source"]
