"""Web archive reader: a page saved as one file (``.mht``/``.mhtml``: Internet Explorer's and Edge's
"web archive", Chrome's "save as MHTML"; a MIME ``multipart/related`` message).

The page is the archive's first ``text/html`` part, decoded from its transfer encoding
(quoted-printable or base64, by the standard library's :mod:`email`) and, when the part names its
charset, from that; it is then read as any web page (:mod:`govlint.readers.html`). Positions are
lines and columns of that page as decoded, which is what the archive shows when opened as a page
(the archive file itself holds it encoded, line-wrapped at 76 characters).
"""

from __future__ import annotations

import email
import email.policy
from typing import Optional

from ..errors import InputError
from ..source import Source


def read_mhtml(data: bytes, path: Optional[str] = None) -> Source:
    from .html import read_html

    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception:  # noqa: BLE001 - the email package parses leniently; never a traceback for a bad file
        msg = None
    part = None
    if msg is not None:
        part = next((p for p in msg.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise InputError("GL011", "网页存档（.mht/.mhtml）中没有网页（text/html 部分），文件可能已损坏",
                         "the web archive (.mht/.mhtml) holds no page (no text/html part); it may be damaged")
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if charset:
        try:  # the part's own charset, when the page does not declare one (gb2312 pages often do not)
            payload = payload.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass  # (the page's own declaration, or detection, decides: see read_html)
    return read_html(payload, path)
