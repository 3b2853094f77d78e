"""`govlint check --format html`: the page rendered by a real headless browser (Debian's chromium)."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from workflow_support import CORE, defective_report, run_govlint

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed "
                                   "(apt-get install -y chromium) — the page is not rendered")

INJECTED = ("<script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script>\n"
            "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">\n")


def browser(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--window-size=1280,2000", *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture()
def page(tmp_path: Path) -> tuple[Path, dict]:
    """An HTML page for a defective report whose first line is a script, plus the JSON of the same run."""
    report = tmp_path / "<b>evil<b>.txt"
    text = defective_report()
    title, rest = text.split("\n", 1)
    report.write_text(f"{title}\n{INJECTED}{rest}", encoding="utf-8")
    out = tmp_path / "report.html"
    proc = run_govlint("check", "--format", "html", "-o", out, "--select", CORE, report.name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    js = run_govlint("check", "--format", "json", "--select", CORE, report.name, cwd=tmp_path)
    return out, json.loads(js.stdout)


def test_page_is_self_contained_and_escaped(page: tuple[Path, dict]) -> None:
    out, _ = page
    html = out.read_text(encoding="utf-8")
    assert "document.title='pwned'" in html.replace("&#x27;", "'")  # the text is there …
    assert "<script>document.title" not in html and "<img src=x" not in html  # … but not as markup
    assert "&lt;b&gt;evil&lt;b&gt;.txt" in html
    assert html.count("<script>") == 1  # govlint's own filter script only
    assert 'http-equiv="Content-Security-Policy"' in html and "script-src 'sha256-" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)  # no external resources


@needs_browser
def test_findings_visible_and_no_script_ran(page: tuple[Path, dict], tmp_path: Path) -> None:
    out, doc = page
    expected = len(doc["files"][0]["diagnostics"])
    assert expected == 3
    dom = browser(out.as_uri(), tmp_path / "profile", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    body = re.search(r"<body[^>]*>", dom.stdout).group(0)
    assert 'data-ready="1"' in body, body  # the page's own script ran
    assert f'data-shown="{expected}"' in body
    marks = int(re.search(r'data-visible-marks="(\d+)"', body).group(1))
    assert marks >= 1  # highlighted spans laid out with a size on the page
    assert "data-pwned" not in body
    assert "<title>govlint 检查报告</title>" in dom.stdout
    assert "&lt;script&gt;document.title" in dom.stdout  # shown as text
    for code in ("GL301", "GL302", "GL303"):
        assert f'data-rule="{code}"' in dom.stdout
    shot = tmp_path / "page.png"
    run = browser(out.as_uri(), tmp_path / "profile2", f"--screenshot={shot}")
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000) and len(data) > 20_000


@needs_browser
def test_filters_from_the_address(page: tuple[Path, dict], tmp_path: Path) -> None:
    out, _ = page
    dom = browser(out.as_uri() + "#sev=error&rule=GL301", tmp_path / "profile", "--dump-dom")
    body = re.search(r"<body[^>]*>", dom.stdout).group(0)
    assert 'data-shown="1"' in body, body
    hidden = re.findall(r'<li data-finding="d\d+" data-sev="\w+" data-rule="(GL\d+)"[^>]*hidden', dom.stdout)
    assert sorted(hidden) == ["GL302", "GL303"]
    dom = browser(out.as_uri() + "#sev=info", tmp_path / "profile", "--dump-dom")
    assert 'data-shown="0"' in re.search(r"<body[^>]*>", dom.stdout).group(0)
