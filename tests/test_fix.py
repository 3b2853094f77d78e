"""`govlint check --fix` / `--diff`: safe fixes written back atomically in the file's own encoding.

The fixable rule comes from the example plugin (tests/plugin_example, GL9902: 《政府信息公开条例》 ->
《中华人民共和国政府信息公开条例》), installed for the subprocess through its entry point; the
library-level tests register small plugins directly with ``Engine(plugins=[...])``.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import types
from array import array
from pathlib import Path

import pytest

import govlint
from govlint.engine import Engine
from govlint.fix import FixError, fix_data, write_atomic, write_fixed
from govlint.source import Origin, Source
from workflow_support import PLUGIN_EXAMPLE, clean_report, install_example_plugin, install_fake_plugin, plugin_env, \
    run_govlint

FULL = "《中华人民共和国政府信息公开条例》"
SHORT = "《政府信息公开条例》"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    site = tmp_path_factory.mktemp("site")
    install_example_plugin(site)
    # a reader for .docx that just decodes text: stands in for a real Word reader, so that the test
    # sees what --fix says about a file it must not rewrite
    install_fake_plugin(site, "fake-docx-reader", "fake_docx_reader", (
        "import govlint\nfrom govlint.readers import read_text\n\n"
        "@govlint.hookimpl\ndef govlint_register_readers():\n    return {'.docx': read_text}\n"))
    return plugin_env(site)


def short_named() -> str:
    text = clean_report()
    assert text.count(FULL) >= 2
    return text.replace(FULL, SHORT)


def test_fix_rewrites_in_place_keeping_bom_crlf_and_mode(tmp_path: Path, env: dict) -> None:
    report = tmp_path / "r.txt"
    data = codecs.BOM_UTF8 + short_named().replace("\n", "\r\n").encode("utf-8")
    report.write_bytes(data)
    report.chmod(0o640)
    inode = report.stat().st_ino
    before = run_govlint("check", "--select", "GL99", report, env=env)
    assert before.returncode == 1 and before.stdout.count("GL9902") == short_named().count(SHORT)
    proc = run_govlint("check", "--fix", "--select", "GL99", report, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # everything fixable was fixed
    assert "已修复 1 个文件中的" in proc.stderr
    new = report.read_bytes()
    assert new.startswith(codecs.BOM_UTF8) and not new.startswith(codecs.BOM_UTF8 * 2)
    text = new[3:].decode("utf-8")
    assert SHORT not in text and text.count(FULL) == short_named().count(SHORT)
    assert text.count("\r\n") == data.count(b"\r\n") and "\n" not in text.replace("\r\n", "")
    assert text == clean_report().replace("\n", "\r\n")
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert report.stat().st_ino != inode  # written to a new file, then renamed over the old one
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]  # no temporary file left behind
    again = run_govlint("check", "--select", "GL99", report, env=env)
    assert again.returncode == 0, again.stdout


def test_fix_keeps_gb18030(tmp_path: Path, env: dict) -> None:
    report = tmp_path / "gbk.txt"
    report.write_bytes(short_named().encode("gb18030"))
    proc = run_govlint("check", "--fix", "--select", "GL99", report, env=env)
    assert proc.returncode == 0, proc.stderr
    data = report.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("gb18030") == clean_report()


def test_diff_shows_and_writes_nothing(tmp_path: Path, env: dict) -> None:
    report = tmp_path / "r.md"
    report.write_text(short_named(), encoding="utf-8")
    before = report.read_bytes()
    mtime = report.stat().st_mtime_ns
    proc = run_govlint("check", "--diff", "--select", "GL99", report, env=env)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"--- a/{report}\n+++ b/{report}\n")
    assert f"-根据{SHORT}的有关规定" in proc.stdout and f"+根据{FULL}的有关规定" in proc.stdout
    assert report.read_bytes() == before and report.stat().st_mtime_ns == mtime
    assert "可在 1 个文件中修复" in proc.stderr
    clean = tmp_path / "clean.txt"
    clean.write_text(clean_report(), encoding="utf-8")
    proc = run_govlint("check", "--diff", "--select", "GL99", clean, env=env)
    assert proc.returncode == 0 and proc.stdout == ""


def test_other_formats_are_not_rewritten(tmp_path: Path, env: dict) -> None:
    report = tmp_path / "r.docx"
    report.write_text(short_named(), encoding="utf-8")
    before = report.read_bytes()
    proc = run_govlint("check", "--fix", "--select", "GL99", "--lang", "en", report, env=env)
    assert report.read_bytes() == before
    assert "not applied: .docx files are not modified" in proc.stderr
    assert proc.returncode == 1 and "GL9902" in proc.stdout  # the findings are still reported


def test_arithmetic_findings_are_never_fixed(tmp_path: Path, env: dict) -> None:
    from workflow_support import defective_report

    report = tmp_path / "bad.txt"
    report.write_text(defective_report(), encoding="utf-8")
    before = report.read_bytes()
    proc = run_govlint("check", "--fix", "--select", "GL3", report, env=env)
    assert proc.returncode == 1 and "GL301" in proc.stdout
    assert report.read_bytes() == before


def test_fix_follows_a_symlink(tmp_path: Path, env: dict) -> None:
    real = tmp_path / "real.txt"
    real.write_text(short_named(), encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    proc = run_govlint("check", "--fix", "--select", "GL99", link, env=env)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8") == clean_report()


# ----------------------------------------------------------------------------- library level
def _plugin(*rules) -> types.ModuleType:
    mod = types.ModuleType("test_fix_plugin")
    mod.govlint_register_rules = govlint.hookimpl(lambda: list(rules))
    return mod


def _finditer_rule(code: str, pattern: str, replacement, severity: str = "warning"):
    import re

    def func(report, ctx):
        """Test rule."""
        for m in re.finditer(pattern, ctx.source.text):
            new = replacement(m.group()) if callable(replacement) else replacement
            yield ctx.rule.diag(ctx.source.span(m.start(), m.end()), "x", "x",
                                fix=govlint.Fix(m.start(), m.end(), new))

    return govlint.rule(code, f"test.{code.lower()}", severity, fixable=True)(func)


def test_relint_until_nothing_changes() -> None:
    doubled = _finditer_rule("GL6990", "《《", "《")
    engine = Engine(load_entry_points=False, plugins=[_plugin(doubled)])
    text = clean_report().replace(FULL, "《《《" + FULL[1:], 1)
    out = fix_data(text.encode("utf-8"), "r.txt", engine, govlint.Config(select=("GL6990",)))
    assert out.converged and out.rounds == 2 and out.applied == 2  # 《《《 -> 《《 -> 《
    assert out.fixed.decode("utf-8") == clean_report()


def test_oscillating_fixes_stop() -> None:
    flip = _finditer_rule("GL6991", "[甲乙]", lambda s: "乙" if s == "甲" else "甲")
    engine = Engine(load_entry_points=False, plugins=[_plugin(flip)])
    text = clean_report().replace("一、总体情况", "一、总体情况甲", 1)
    out = fix_data(text.encode("utf-8"), "r.txt", engine, govlint.Config(select=("GL6991",)))
    assert not out.converged and out.rounds <= 8


def test_numbers_are_never_changed() -> None:
    tamper = _finditer_rule("GL6992", r"(?m)^3 \|$", "4 |")
    engine = Engine(load_entry_points=False, plugins=[_plugin(tamper)])
    data = clean_report().encode("utf-8")
    out = fix_data(data, "r.txt", engine, govlint.Config(select=("GL6992",)))
    assert any(d.code == "GL6992" and d.fix is not None for d in out.result.diagnostics)
    assert not out.changed and out.applied == 0


def test_write_refuses_a_file_changed_meanwhile(tmp_path: Path) -> None:
    sys.path.insert(0, str(PLUGIN_EXAMPLE))
    try:
        import govlint_example_plugin
    finally:
        sys.path.remove(str(PLUGIN_EXAMPLE))
    engine = Engine(load_entry_points=False, plugins=[govlint_example_plugin])
    report = tmp_path / "r.txt"
    report.write_text(short_named(), encoding="utf-8")
    out = fix_data(report.read_bytes(), str(report), engine, govlint.Config(select=("GL99",)))
    assert out.changed
    report.write_text(short_named() + "\n补充。\n", encoding="utf-8")  # someone saved meanwhile
    with pytest.raises(FixError):
        write_fixed(out)
    assert report.read_text(encoding="utf-8").endswith("补充。\n")


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "r.txt"
    target.write_bytes(b"old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(str(target), b"new", expected=b"old")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def _html_reader(data: bytes, path=None) -> Source:
    """A minimal HTML reader: drops tags, decodes &amp;, keeps an exact character origin map."""
    raw = data.decode("utf-8")
    out, lines, cols = [], array("l"), array("l")
    line, col, i = 1, 1, 0
    while i < len(raw):
        ch = raw[i]
        if ch == "<":
            j = raw.index(">", i)
            seg = raw[i:j + 1]
            line += seg.count("\n")
            col = len(seg) - seg.rfind("\n") if "\n" in seg else col + len(seg)
            i = j + 1
            continue
        if raw.startswith("&amp;", i):
            out.append("&")
            lines.append(line)
            cols.append(col)
            col += 5
            i += 5
            continue
        out.append(ch)
        lines.append(line)
        cols.append(col)
        if ch == "\n":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    lines.append(line)
    cols.append(col)
    return Source(text="".join(out), path=path, kind="html",
                  origin=Origin(lines=lines, columns=cols, original_text=raw))


def test_html_fixes_map_onto_the_markup_exactly() -> None:
    reader = types.ModuleType("test_html_reader")
    reader.govlint_register_readers = govlint.hookimpl(lambda: {".html": _html_reader})
    sys.path.insert(0, str(PLUGIN_EXAMPLE))
    try:
        import govlint_example_plugin
    finally:
        sys.path.remove(str(PLUGIN_EXAMPLE))
    engine = Engine(load_entry_points=False, plugins=[govlint_example_plugin, reader])
    body = "\n".join(f"<p>{line}</p>" for line in short_named().split("\n"))
    # the second citation is split by markup: it cannot be mapped onto one run of text, so it stays
    body = body.replace(SHORT, "《政府信息<b>公开</b>条例》", 2).replace("《政府信息<b>公开</b>条例》", SHORT, 1)
    data = f"<html><body>\n{body}\n</body></html>\n".encode("utf-8")
    out = fix_data(data, "r.html", engine, govlint.Config(select=("GL99",)))
    assert out.changed and out.converged
    html = out.fixed.decode("utf-8")
    assert html.count("《政府信息<b>公开</b>条例》") == 1  # untouched
    assert html.count(FULL) == short_named().count(SHORT) - 1
    assert html.replace(FULL, SHORT) == data.decode("utf-8")  # nothing else changed


def test_html_report_is_fixed_through_the_real_reader(tmp_path: Path, env: dict) -> None:
    pytest.importorskip("lxml")
    lines = short_named().split("\n")
    body = "\n".join(f"<p>{ln}</p>" for ln in lines)
    page = (f'<html><head><meta charset="utf-8"><title>报告</title></head><body>\n<div class="content">\n'
            f"{body}\n</div>\n</body></html>\n")
    report = tmp_path / "r.html"
    report.write_text(page, encoding="utf-8")
    proc = run_govlint("check", "--fix", "--select", "GL99", report, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    fixed = report.read_text(encoding="utf-8")
    assert SHORT not in fixed and fixed == page.replace(SHORT, FULL)


def test_fix_with_jobs(tmp_path: Path, env: dict) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(short_named(), encoding="utf-8")
    proc = run_govlint("check", "--fix", "--jobs", "2", "--select", "GL99", tmp_path, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "已修复 3 个文件中的" in proc.stderr
    assert all((tmp_path / n).read_text(encoding="utf-8") == clean_report() for n in ("a.txt", "b.txt", "c.txt"))


# ----------------------------------------------------------------------------- --diff applies as it says
def _apply_unified_diff(data: bytes, diff: str, encoding: str = "utf-8") -> bytes:
    """Apply a unified diff the way ``patch`` does (lines are cut at line feeds only, a line
    followed by ``\\ No newline at end of file`` has no line feed); fails if a context or removed
    line is not the file's."""
    import re

    old = data.decode(encoding).split("\n")  # (a BOM is the first line's, as for patch)
    old = [x + "\n" for x in old[:-1]] + ([old[-1]] if old[-1] else [])
    rows = diff.split("\n")
    rows = [x + "\n" for x in rows[:-1]] + ([rows[-1]] if rows[-1] else [])
    assert rows[0].startswith("--- ") and rows[1].startswith("+++ ")
    out: list[str] = []
    pos = 0
    k = 2
    while k < len(rows):
        m = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", rows[k])
        assert m, rows[k]
        start = int(m.group(1)) - 1
        out += old[pos:start]
        pos = start
        k += 1
        while k < len(rows) and not rows[k].startswith("@@"):
            row = rows[k]
            body = row[1:]
            if k + 1 < len(rows) and rows[k + 1] == "\\ No newline at end of file\n":
                body = body[:-1]
                k += 1
            if row[0] in " -":
                assert old[pos] == body, (pos, old[pos], body)
                pos += 1
            if row[0] in " +":
                out.append(body)
            k += 1
    out += old[pos:]
    return "".join(out).encode(encoding)


@pytest.mark.parametrize("shape", ["lf", "crlf", "no-final-newline", "crlf-no-final-newline", "bom-first-line"])
def test_diff_patches_the_file_into_the_fixed_one(shape: str) -> None:
    """``--diff`` of a ``pdftotext -layout`` text (a form feed starts each page, inside a line) is
    the change ``--fix`` makes: its lines are the file's (cut at line feeds, not at the form feeds
    ``str.splitlines`` cuts at; was: every page's first line split in two, hunks at the wrong line
    numbers, a patch that does not apply), CRLF line ends are kept, a last line without a line
    break says so and a UTF-8 BOM stays on the first line (was: ``patch`` refused all three)."""
    text = (Path(__file__).parent / "data" / "layout-seed-plain.txt").read_text(encoding="utf-8")
    assert "\f" in text and "获取信息的权力" in text
    if "no-final-newline" in shape:
        text = text.rstrip("\n") + "\n保障群众获取信息的权力。"  # (fixed: 权力 in the last line)
    if shape.startswith("crlf"):
        text = text.replace("\n", "\r\n")
    if shape == "bom-first-line":  # (a page's text on one line, as a crawler saved it: the fix is in line 1)
        text = "\ufeff" + text.replace("\n", "|").rstrip("|") + "\n"
    data = text.encode("utf-8")
    from govlint.engine import default_engine

    out = fix_data(data, "r.txt", default_engine())
    assert out.changed and out.fixed.count(b"\n") == data.count(b"\n")
    diff = out.diff()
    assert diff.count("\n@@ ") + diff.startswith("@@") >= 1
    assert _apply_unified_diff(data, diff) == out.fixed
    assert ("\\ No newline at end of file" in diff) == ("no-final-newline" in shape)


# ----------------------------------------------------------------------------- fixes that cannot be written
WRONG = "获取信息的权力"  # (GL606: 权力 -> 权利)


def test_a_fix_split_in_the_file_is_skipped_and_said(tmp_path: Path) -> None:
    """A fix whose text the file holds split — by a zero-width space or a soft hyphen in a text file,
    by a tag, a comment or a character reference in a page — cannot be written back: it is skipped
    whole (the others are applied), and ``--fix`` says so (was: dropped without a word, "fixed 3
    problems", and the finding still there)."""
    from govlint.engine import default_engine

    text = clean_report()
    assert text.count(WRONG) == 1
    engine = default_engine()
    cfg = govlint.Config(select=("GL606",))
    for split in ("获取信息的权\u200b力", "获取信息的权\u00ad力"):
        data = text.replace("\n", f"\n保障{split}。\n", 1).encode("utf-8")
        out = fix_data(data, "r.txt", engine, cfg)
        assert out.changed and out.applied == 1 and out.unapplied == 1, split
        assert out.fixed == data.replace(WRONG.encode(), "获取信息的权利".encode())  # the split one is kept whole
    lines = [ln for ln in text.split("\n") if ln.strip()]
    lines.insert(3, "保障获取信息的权<span>力</span>。")
    page = ('<html><head><meta charset="utf-8"><title>报告</title></head><body>\n<div class="content">\n'
            + "\n".join(f"<p>{ln}</p>" for ln in lines) + "\n</div>\n</body></html>\n")
    report = tmp_path / "r.html"
    report.write_text(page, encoding="utf-8")
    proc = run_govlint("check", "--fix", "--select", "GL606", report)
    assert report.read_text(encoding="utf-8") == page.replace(WRONG, "获取信息的权利")
    assert "有 1 处可修复的问题无法安全写回文件" in proc.stderr, proc.stderr
    assert proc.returncode == 1 and "GL606" in proc.stdout
    proc = run_govlint("check", "--diff", "--select", "GL606", "--lang", "en", report)
    assert "1 fix not applied" in proc.stderr and proc.stdout == "", proc.stderr


def test_a_read_only_file_is_not_written(tmp_path: Path) -> None:
    """A file without write permission is left as it is (was: replaced all the same — renaming over
    a file needs only the folder's permission — and by root whatever its mode)."""
    report = tmp_path / "r.txt"
    data = clean_report().encode("utf-8")
    report.write_bytes(data)
    report.chmod(0o444)
    try:
        with pytest.raises(FixError) as exc:
            write_atomic(str(report), data.replace(WRONG.encode(), "获取信息的权利".encode()), expected=data)
        assert "只读" in exc.value.zh and "read-only" in exc.value.en
        assert report.read_bytes() == data and [p.name for p in tmp_path.iterdir()] == ["r.txt"]
        proc = run_govlint("check", "--fix", "--select", "GL606", report)
        assert proc.returncode == 2 and "未写入：文件是只读的" in proc.stderr, proc.stderr
        assert report.read_bytes() == data and stat.S_IMODE(report.stat().st_mode) == 0o444
    finally:
        report.chmod(0o644)


def test_one_file_named_twice_through_a_link_is_fixed_once(tmp_path: Path) -> None:
    """A file given on the command line both by its name and through a symbolic link is fixed once
    and both report its fixed text (was: the second write refused, "the file changed while it was
    being checked", exit status 2 and the original findings reported for a fixed file)."""
    real = tmp_path / "real.txt"
    real.write_text(clean_report(), encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    proc = run_govlint("check", "--fix", "--select", "GL606", link, real)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "未写入" not in proc.stderr and "已修复 1 个文件中的 1 处问题" in proc.stderr
    assert real.read_text(encoding="utf-8") == clean_report().replace(WRONG, "获取信息的权利") and link.is_symlink()


def _gb2312_text_reader(data: bytes, path=None) -> Source:
    return Source(text=data.decode("gb2312"), path=path, encoding="gb2312", kind="text")


def test_a_replacement_the_encoding_cannot_hold() -> None:
    """A page in an encoding without the corrected character gets it as a character reference (the
    page reads the same); in a text file such a fix alone is left out and counted, the others are
    applied (was: no fix at all, "still changing after 0 rounds")."""
    from govlint.engine import default_engine

    lines = [ln for ln in clean_report().split("\n") if ln.strip()]
    lines.insert(3, "依据国办公开办函[2021]30号，caf&eacute;。")
    page = ('<html><head><meta charset="iso-8859-1"><title>x</title></head><body>\n<div class="content">\n'
            + "\n".join(f"<p>{ln}</p>" for ln in lines) + "\n</div>\n</body></html>\n")
    data = page.encode("latin-1", "xmlcharrefreplace") + b"<!-- caf\xe9 -->\n"  # (not UTF-8: the declared charset)
    out = fix_data(data, "r.html", default_engine(), govlint.Config(select=("GL604",)))
    assert out.skipped is None and out.converged and out.unapplied == 0
    assert out.fixed == data.replace(b"[2021]", b"&#12308;2021&#12309;")
    reader = types.ModuleType("gb2312_reader")
    reader.govlint_register_readers = govlint.hookimpl(lambda: {".txt": _gb2312_text_reader})
    engine = Engine(load_entry_points=False, plugins=[reader, _plugin(
        _finditer_rule("GL9801", r"\[", "〔"), _finditer_rule("GL9802", "EUR", "\u20ac"))])
    text = clean_report() + "\n国办函[2021]1号，100 EUR\n"
    out = fix_data(text.encode("gb2312"), "r.txt", engine, govlint.Config(select=("GL98",)))
    assert out.skipped is None and out.unapplied == 1  # (€: not in GB2312)
    assert out.fixed == text.replace("[", "〔").encode("gb2312")


def test_a_fix_around_an_invisible_character_in_a_text_file_is_not_escaped() -> None:
    """A text file read without its invisible characters is fixed through the map; the replacement
    is written as it is (was: escaped as for HTML, ``&`` written as ``&amp;`` into a text file)."""
    engine = Engine(load_entry_points=False, plugins=[_plugin(_finditer_rule("GL9803", "A and B", "A & <B>"))])
    text = clean_report().replace("一、总体情况", "一、总\u200b体情况", 1) + "\nA and B\n"
    out = fix_data(text.encode("utf-8"), "r.txt", engine, govlint.Config(select=("GL98",)))
    assert out.fixed == text.replace("A and B", "A & <B>").encode("utf-8")


def test_a_fix_over_character_references_in_a_page() -> None:
    """In a page, a word written partly as character references (``&#26435;力``, ``&#91;2021&#93;``, as
    pages in a Western encoding write Chinese) is fixed: the stretch holding it, references
    included, is replaced (was: skipped); one split by a tag or an invisible character stays."""
    from govlint.engine import default_engine

    lines = [ln for ln in clean_report().split("\n") if ln.strip()]
    lines[3:3] = ["依据国办公开办函&#91;2021&#93;30号，保障获取信息的&#26435;力&amp;义务。",
                  "保障获取信息的权&#x529B;&nbsp;和获取信息的权<b>力</b>。"]
    page = ('<html><head><meta charset="utf-8"><title>报告</title></head><body>\n<div class="content">\n'
            + "\n".join(f"<p>{ln}</p>" for ln in lines) + "\n</div>\n</body></html>\n")
    out = fix_data(page.encode("utf-8"), "r.html", default_engine(), govlint.Config(select=("GL604", "GL606")))
    want = (page.replace("&#91;2021&#93;", "〔2021〕").replace("获取信息的&#26435;力", "获取信息的权利")
            .replace("获取信息的权&#x529B;", "获取信息的权利").replace(WRONG, "获取信息的权利"))
    assert out.fixed.decode("utf-8") == want and out.unapplied == 1  # (权<b>力</b> stays)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_a_fixed_file_keeps_its_owner(tmp_path: Path) -> None:
    """Root fixing another user's file leaves it that user's (was: the new file was root's, and the
    user could no longer edit a report in a folder that is not theirs)."""
    report = tmp_path / "r.txt"
    report.write_bytes(b"old\n")
    os.chown(report, 1234, 2345)
    report.chmod(0o664)
    assert write_atomic(str(report), b"new\n", expected=b"old\n")
    st = report.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 2345, 0o664) and report.read_bytes() == b"new\n"


def test_a_page_whose_lines_end_in_cr_alone() -> None:
    """A page whose lines end in CR alone (read with LFs) is fixed and keeps its CRs (was: not
    modified, "the file's bytes cannot be reproduced exactly")."""
    from govlint.engine import default_engine

    lines = [ln for ln in clean_report().split("\n") if ln.strip()]
    page = ('<html><head><meta charset="utf-8"><title>报告</title></head><body>\r<div class="content">\r'
            + "\r".join(f"<p>{ln}</p>" for ln in lines) + "\r</div>\r</body></html>\r")
    assert "\n" not in page and WRONG in page
    out = fix_data(page.encode("utf-8"), "r.html", default_engine(), govlint.Config(select=("GL606",)))
    assert out.skipped is None and out.fixed == page.replace(WRONG, "获取信息的权利").encode("utf-8")


def test_a_file_with_hard_links_is_not_written(tmp_path: Path) -> None:
    """Replacing one name of a file with several hard links would leave the others on the old text:
    it is refused and said (was: written, the link silently broken)."""
    report = tmp_path / "r.txt"
    report.write_bytes(b"old\n")
    os.link(report, tmp_path / "other.txt")
    with pytest.raises(FixError) as exc:
        write_atomic(str(report), b"new\n", expected=b"old\n")
    assert "硬链接" in exc.value.zh and "hard links" in exc.value.en
    assert report.read_bytes() == (tmp_path / "other.txt").read_bytes() == b"old\n"
    assert report.stat().st_ino == (tmp_path / "other.txt").stat().st_ino
