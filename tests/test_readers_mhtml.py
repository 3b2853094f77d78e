"""Web archives (.mht/.mhtml: a page saved as one file by Internet Explorer, Edge or Chrome)."""

from __future__ import annotations

import base64
import html
import quopri
from pathlib import Path

import pytest

from govlint.engine import default_engine
from govlint.readers import sniff

SEED = next(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))


def _page(charset: str = "utf-8", meta: bool = True) -> str:
    text = SEED.read_text(encoding="utf-8")
    head = f"<meta charset='{charset}'>" if meta else ""
    return f"<html><head>{head}<title>t</title></head><body>" + "\n".join(
        f"<p>{html.escape(s)}</p>" for s in text.split("\n")) + "</body></html>"


def archive(page: str, charset: str = "utf-8", encoding: str = "quoted-printable", saved_by: str = "Blink") -> bytes:
    raw = page.encode(charset)
    body = quopri.encodestring(raw) if encoding == "quoted-printable" else base64.encodebytes(raw)
    body = body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return (f"From: <Saved by {saved_by}>\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_01\"\r\n\r\n"
            "------=_NextPart_01\r\n"
            f"Content-Type: text/html; charset=\"{charset}\"\r\nContent-Transfer-Encoding: {encoding}\r\n"
            "Content-Location: https://www.example.gov.cn/a.html\r\n\r\n").encode("ascii") + body + \
        b"\r\n------=_NextPart_01\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n" \
        b"------=_NextPart_01--\r\n"


def _keys(diags) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.line, d.column) for d in diags)


@pytest.mark.parametrize("charset, encoding, meta", [("utf-8", "quoted-printable", True),
                                                     ("gb2312", "base64", False),  # IE: the charset in the part only
                                                     ("gbk", "quoted-printable", True)])
def test_a_web_archive_reads_as_its_page(charset: str, encoding: str, meta: bool) -> None:
    engine = default_engine()
    page = _page(charset, meta)
    plain = engine.lint_bytes(page.encode(charset), "p.html")
    for name in ("r.mht", "r.mhtml", "r.txt"):  # (a .txt that is an archive is known by its first lines)
        got = engine.lint_bytes(archive(page, charset, encoding), name)
        assert _keys(got.diagnostics) == _keys(plain.diagnostics), name  # (was one GL005: no structure)
        assert got.source.kind == "html"


def test_positions_are_the_pages_lines() -> None:
    page = _page()
    got = default_engine().lint_bytes(archive(page), "r.mht")
    lines = page.split("\n")
    d = next(d for d in got.diagnostics if d.code == "GL601")
    assert lines[d.line - 1][d.column - 1:].startswith("《中华人民共和国信息公开条例》")


def test_an_archive_without_a_page() -> None:
    data = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n" \
           b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n"
    assert sniff(data) == ".mhtml"
    got = default_engine().lint_bytes(data, "r.mht")
    assert [d.code for d in got.diagnostics] == ["GL011"] and "text/html" in got.diagnostics[0].message


def test_a_mail_like_text_is_not_an_archive() -> None:
    assert sniff("Subject: 2022年政府信息公开工作年度报告\n一、总体情况\n".encode("utf-8")) is None
