"""Readers turn bytes into a :class:`govlint.source.Source`. They know formats and encodings, not reports."""

from __future__ import annotations

import codecs
import re
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


def read_mhtml(data: bytes, path: Optional[str] = None) -> Source:
    from .mhtml import read_mhtml as reader

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
    ".mht": read_mhtml,  # a web archive (a page saved as one file)
    ".mhtml": read_mhtml,
    ".docx": read_docx,
    ".doc": read_legacy_word,
    ".wps": read_legacy_word,
    ".rtf": read_legacy_word,  # (converted with LibreOffice, as .doc is)
    ".odt": read_legacy_word,
    ".pdf": read_pdf,
}

# what a file is, from its first bytes, when its name does not say (no suffix, ``.txt``, standard
# input): a page saved without its extension, a PDF or Word file renamed
_HTML_START = re.compile(rb"(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta)[\s/>]", re.I | re.S)


_MHTML_START = re.compile(rb"\s*(?:From|MIME-Version|Subject|Date|Snapshot-Content-Location|Content-Type|X-MimeOLE)\s*:", re.I)


def sniff(data: bytes) -> Optional[str]:
    """The suffix of the format ``data`` is in, when its first bytes say so unmistakably: ``.pdf``
    (``%PDF-``), ``.docx`` (a zip holding ``word/document.xml``), ``.doc`` (an OLE2 compound file:
    Word 97–2003 or WPS), ``.rtf`` (``{\\rtf``), ``.odt`` (a zip whose ``mimetype`` says so), ``.mhtml`` (a web archive: mail headers and
    ``multipart/related``), ``.html`` (a page that opens with a doctype or an ``html``/``head``/
    ``body``/``meta`` tag, after blanks, comments or an XML declaration); otherwise None (text)."""
    head = data[:1024]
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:200]:
            return ".odt"
        return ".docx" if b"word/document.xml" in data else None
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return ".doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return ".rtf"
    if _MHTML_START.match(head) and b"multipart/related" in head.lower():
        return ".mhtml"
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    return ".html" if _HTML_START.match(head) else None


__all__ = ["BUILTIN_READERS", "sniff", "Reader", "read_text", "decode_text", "read_html", "read_docx",
           "read_legacy_word", "read_pdf", "read_mhtml", "InputError", "Source"]
