"""The command line: check on files and directories, text and JSON output, selection, language,
exit codes, the caret under CJK text."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest

import govlint
from govlint.cli import main
from govlint.reporters.text import caret_line, display_width

import reportgen as rg

CORE = "GL0,GL10,GL2,GL3"  # the structural rules (GL11x check the content of parts)

#: the public JSON contract (README, issue 2): fields may be added, never removed
CONTRACT = {
    "type": "object",
    "required": ["govlint", "files", "summary"],
    "properties": {
        "govlint": {"type": "string"},
        "files": {"type": "array", "items": {
            "type": "object",
            "required": ["path", "edition", "year", "diagnostics"],
            "properties": {
                "path": {"type": ["string", "null"]},
                "edition": {"enum": ["2019", "2021", None]},
                "year": {"type": ["integer", "null"]},
                "diagnostics": {"type": "array", "items": {
                    "type": "object",
                    "required": ["code", "rule", "severity", "message", "line", "column", "end_line", "end_column"],
                    "properties": {
                        "code": {"type": "string", "pattern": "^GL[0-9]{3}$"},
                        "rule": {"type": "string", "minLength": 1},
                        "severity": {"enum": ["error", "warning", "info"]},
                        "message": {"type": "string", "minLength": 1},
                        "line": {"type": "integer", "minimum": 1},
                        "column": {"type": "integer", "minimum": 1},
                        "end_line": {"type": "integer", "minimum": 1},
                        "end_column": {"type": "integer", "minimum": 1},
                    }}},
            }}},
        "summary": {"type": "object", "required": ["files", "error", "warning", "info"],
                    "properties": {k: {"type": "integer", "minimum": 0} for k in ("files", "error", "warning", "info")}},
    },
}


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def reports(tmp_path):
    """A directory with a clean report, a report with two table errors, and a nested report."""
    clean = rg.render(rg.seed_doc(), "pipe")
    bad = rg.render(rg.seed_doc().set("三", "new", "natural", "4"), "pipe")
    (tmp_path / "clean.txt").write_text(clean.text, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(bad.text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.md").write_text(bad.text, encoding="utf-8")
    (tmp_path / "notes.docx.bak").write_text("not a report", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("", encoding="utf-8")
    return tmp_path, clean, bad


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"govlint {govlint.__version__}"


def test_no_command_and_bad_options_are_usage_errors(capsys, tmp_path):
    assert main([]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml", str(tmp_path)])
    assert exc.value.code == 2
    (tmp_path / "r.txt").write_text("x", encoding="utf-8")
    assert run(capsys, "check", "--select", "NOTACODE", str(tmp_path / "r.txt"))[0] == 2


def test_check_a_clean_file(reports, capsys):
    d, clean, _ = reports
    code, out, _ = run(capsys, "check", "--select", CORE, str(d / "clean.txt"))
    assert code == 0
    assert out.strip() == "全部检查通过（1 个文件）。"


def test_check_findings_text_format(reports, capsys):
    d, _, bad = reports
    code, out, _ = run(capsys, "check", "--select", CORE, "--no-show-source", str(d / "bad.txt"))
    assert code == 1
    lines = out.splitlines()
    l301, l303 = bad.cell("三", "total", "natural"), bad.cell("三", "new", "total")
    assert l303 < l301  # sorted by position
    assert re.fullmatch(rf"{re.escape(str(d / 'bad.txt'))}:{l303}:\d+: GL303 表三“一、本年新收政府信息公开申请数量”行：.+", lines[0])
    assert re.fullmatch(rf"{re.escape(str(d / 'bad.txt'))}:{l301}:\d+: GL301 表三“自然人”列：.+", lines[1])
    assert lines[-1] == "在 1 个文件中发现 2 个问题（错误 2，警告 0，提示 0）。"


def test_check_a_directory_recursively(reports, capsys):
    d, _, bad = reports
    code, out, _ = run(capsys, "check", "--select", CORE, "--format", "json", str(d))
    assert code == 1
    doc = json.loads(out)
    paths = [f["path"] for f in doc["files"]]
    assert sorted(paths) == sorted(str(d / n) for n in ("bad.txt", "clean.txt", "sub/nested.md"))
    assert doc["summary"] == {"files": 3, "error": 4, "warning": 0, "info": 0}


def test_files_and_directories_together(reports, capsys):
    d, _, _ = reports
    code, out, _ = run(capsys, "check", "--select", CORE, "--format", "json", str(d / "clean.txt"), str(d / "sub"))
    assert code == 1
    assert [f["path"] for f in json.loads(out)["files"]] == [str(d / "clean.txt"), str(d / "sub" / "nested.md")]


def test_json_contract(reports, capsys, tmp_path):
    d, _, bad = reports
    # positions are in the user's file: with a BOM and CRLF they are the same lines and columns
    (tmp_path / "crlf.txt").write_bytes(bad.encode("utf-8", "\r\n", bom=True))
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, _ = run(capsys, "check", "--format", "json", "--select", CORE,
                       str(d / "bad.txt"), str(tmp_path / "crlf.txt"), str(tmp_path / "empty.txt"))
    assert code == 2
    doc = json.loads(out)
    jsonschema.validate(doc, CONTRACT)
    assert doc["govlint"] == govlint.__version__
    by_path = {f["path"]: f for f in doc["files"]}
    for name in (str(d / "bad.txt"), str(tmp_path / "crlf.txt")):
        f = by_path[name]
        assert (f["edition"], f["year"]) == ("2021", 2022)
        got = [(x["code"], x["line"], x["column"], x["end_line"], x["end_column"], x["severity"]) for x in f["diagnostics"]]
        line = bad.text.splitlines()[bad.cell("三", "total", "natural") - 1]
        col = line.index(" | 3 |") + 4  # the value 3 of （七）总计 × 自然人
        assert got[1] == ("GL301", bad.cell("三", "total", "natural"), col, bad.cell("三", "total", "natural"), col + 1,
                          "error")
        assert [g[0] for g in got] == ["GL303", "GL301"]
        g301 = f["diagnostics"][1]
        assert g301["rule"] == "arithmetic.balance" and "自然人" in g301["message"]
        assert (g301["table"], g301["row"], g301["column_id"], g301["expected"]) == ("三", "total", "natural", 4)
    empty = by_path[str(tmp_path / "empty.txt")]
    assert (empty["edition"], empty["year"]) == (None, None)
    assert [(x["code"], x["line"], x["column"]) for x in empty["diagnostics"]] == [("GL002", 1, 1)]
    assert doc["summary"] == {"files": 3, "error": 5, "warning": 0, "info": 0}


def test_json_english(reports, capsys):
    d, _, _ = reports
    _, out, _ = run(capsys, "check", "--format", "json", "--lang", "en", "--select", "GL303", str(d / "bad.txt"))
    (diag,) = json.loads(out)["files"][0]["diagnostics"]
    assert diag["message"].startswith("table 三, row “一、本年新收政府信息公开申请数量”")
    assert not re.search(r"[应为但]", diag["message"])


@pytest.mark.parametrize("args,codes", [
    (["--select", "GL301"], ["GL301"]),
    (["--select", "GL30"], ["GL303", "GL301"]),
    (["--select", "gl3", "--ignore", "GL303"], ["GL301"]),
    (["--select", "GL3", "--ignore", "GL3"], []),
    (["--select", "GL10,GL2"], []),
    (["--select", "GL1,GL3", "--ignore", "GL301,GL1"], ["GL303"]),
    (["--select", "ALL", "--ignore", "GL0,GL1,GL2,GL4,GL5,GL6,GL7,GL8,GL9"], ["GL303", "GL301"]),
])
def test_select_and_ignore(reports, capsys, args, codes):
    d, _, _ = reports
    code, out, _ = run(capsys, "check", "--format", "json", *args, str(d / "bad.txt"))
    assert [x["code"] for x in json.loads(out)["files"][0]["diagnostics"]] == codes
    assert code == (1 if codes else 0)


def test_ignore_alone_keeps_the_default_selection(reports, capsys):
    d, _, _ = reports
    _, out, _ = run(capsys, "check", "--format", "json", "--ignore", "GL301", str(d / "bad.txt"))
    codes = [x["code"] for x in json.loads(out)["files"][0]["diagnostics"]]
    assert "GL303" in codes and "GL301" not in codes


def test_english_summary_counts_one_error_in_the_singular():
    from govlint.reporters import counts_en

    assert counts_en({"error": 1, "warning": 1, "info": 1}) == "1 error, 1 warning, 1 info"
    assert counts_en({"error": 0, "warning": 2, "info": 3}) == "0 errors, 2 warnings, 3 info"


def test_lang_en_text(reports, capsys):
    d, _, _ = reports
    code, out, _ = run(capsys, "check", "--lang", "en", "--select", CORE, "--no-show-source", str(d / "bad.txt"))
    assert code == 1
    assert "GL301 table 三, column “自然人”:" in out
    assert out.splitlines()[-1] == "Found 2 problems in 1 file (2 errors, 0 warnings, 0 info)."
    code, out, _ = run(capsys, "check", "--lang", "en", "--select", CORE, str(d / "clean.txt"))
    assert out.strip() == "All checks passed (1 file)."


def test_exit_zero(reports, capsys):
    d, _, _ = reports
    code, out, _ = run(capsys, "check", "--exit-zero", "--select", CORE, str(d / "bad.txt"))
    assert code == 0 and "GL301" in out


def test_info_findings_do_not_fail(tmp_path, capsys):
    r = rg.render(rg.seed_doc().set("二", "fees", "fee_amount", ""), "pipe")
    (tmp_path / "r.txt").write_text(r.text, encoding="utf-8")
    (tmp_path / "govlint.toml").write_text('select = ["GL2"]\n[severity]\nGL207 = "info"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "r.txt"))
    assert code == 0 and f"r.txt:{r.cell('二', 'fees', 'fee_amount')}:" in out and "GL207" in out
    (tmp_path / "govlint.toml").write_text('select = ["GL2"]\n[severity]\nGL207 = "warning"\n', encoding="utf-8")
    assert run(capsys, "check", str(tmp_path / "r.txt"))[0] == 1


def test_output_file(reports, capsys, tmp_path):
    d, _, _ = reports
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "check", "--format", "json", "--select", CORE, "-o", str(target), str(d / "bad.txt"))
    assert code == 1 and out == ""
    jsonschema.validate(json.loads(target.read_text(encoding="utf-8")), CONTRACT)


def test_statistics(reports, capsys):
    d, _, _ = reports
    _, out, _ = run(capsys, "check", "--select", CORE, "--statistics", str(d))
    assert re.search(r"^\s+2\s+GL301\s+arithmetic\.balance$", out, re.M)


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "html"])
def test_statistics_beside_the_other_formats(reports, capsys, tmp_path, fmt):
    """`--statistics --format json` printed nothing: the counts per rule were the text report's only.
    They go to stderr (stdout with -o), as --summary does; the report itself is unchanged."""
    d, _, _ = reports
    code, out, err = run(capsys, "check", "--select", CORE, "--statistics", "--format", fmt, str(d))
    assert code == 1 and re.search(r"^\s+2\s+GL301\s+arithmetic\.balance$", err, re.M)
    assert "GL301  arithmetic.balance" not in out
    _, plain, _ = run(capsys, "check", "--select", CORE, "--format", fmt, str(d))
    assert out == plain
    code, out, err = run(capsys, "check", "--select", CORE, "--statistics", "--format", fmt,
                         "-o", str(tmp_path / "report.out"), str(d))
    assert code == 1 and re.search(r"^\s+2\s+GL301\s+arithmetic\.balance$", out, re.M)


# ----------------------------------------------------------------------------- source and caret


def test_display_width():
    assert display_width("abc") == 3
    assert display_width("自然人") == 6
    assert display_width("（七）总计") == 10
    assert display_width("(七)总计 | 3") == 4 + 4 + 4
    assert caret_line("（七）总计 | 3 |", 9) == " " * 13 + "^"
    assert caret_line("a\t自然人", 3, 6) == "  " + "^" * 6


def test_caret_under_cjk_text(reports, capsys):
    d, _, bad = reports
    code, out, _ = run(capsys, "check", "--select", "GL301", "--show-source", str(d / "bad.txt"))
    lines = out.splitlines()
    src = bad.text.splitlines()[bad.cell("三", "total", "natural") - 1]
    assert src.startswith("（七）总计 | 3 |")
    assert lines[1] == "    " + src
    # （七）总计 is five wide characters (10 cells), then " | ": the 3 is in cell 14
    assert lines[2] == "    " + " " * 13 + "^"


def test_caret_in_the_seed_shape(tmp_path, capsys):
    r = rg.render(rg.seed_doc().set("三", "new", "natural", "12"), "cells")
    (tmp_path / "r.txt").write_bytes(r.encode("utf-8", "\r\n", bom=True))
    _, out, _ = run(capsys, "check", "--select", "GL303", "--show-source", str(tmp_path / "r.txt"))
    assert out.splitlines()[1:3] == ["    3 |", "    ^"]


def test_source_line_of_a_pdftotext_page_start(tmp_path, capsys):
    """``pdftotext -layout`` starts each page with a form feed, inside the page's first line: the
    source line is shown with it (and any other control character, an escape among them) as a
    space, so that the terminal does not break the line there and the caret stays under the
    flagged text (was: the raw form feed printed, the caret one line off on most terminals)."""
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "layout-seed-plain.txt").read_text(encoding="utf-8")
    assert "\f5.加强管理维护" in text
    text = text.replace("\f5.加强管理维护", "\f保障获取信息的权力。\x1b[2K5.加强管理维护", 1)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--select", "GL606", "--show-source", str(tmp_path / "r.txt"))
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'r.txt'}:45:9: GL606")
    assert lines[1].startswith("     保障获取信息的权力。 [2K5.加强管理维护")
    assert lines[2] == "    " + " " * display_width(" 保障获取信息的") + "^^^^"
    assert not any(ch in out for ch in "\f\x1b")
    assert caret_line("\f\x1b自然人", 3, 6) == "  " + "^" * 6


def test_no_source_by_default_when_not_a_terminal(reports, capsys):
    d, _, _ = reports
    _, out, _ = run(capsys, "check", "--select", "GL301", str(d / "bad.txt"))
    assert len(out.splitlines()) == 2


# ----------------------------------------------------------------------------- other commands


def test_rules_and_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert re.search(r"^GL301\s+arithmetic\.balance\s+error\s+\S", out, re.M)
    code, out, _ = run(capsys, "rules", "--lang", "en")
    assert re.search(r"^GL303\s+arithmetic\.row-total\s+error\s+table 三", out, re.M)
    code, out, _ = run(capsys, "rule", "gl301")
    assert code == 0 and out.startswith("GL301 arithmetic.balance")
    for part in ("What:", "Why:", "Fails:", "Passes:", "Basis:"):
        assert part in out
    assert run(capsys, "rule", "GL999")[0] == 2


def test_rules_select_checks_its_codes(capsys):
    """``rules --select`` takes what ``check --select`` takes (prefixes, lower case, ALL) and says so,
    with exit 2, when a code is none or names no rule — not an empty table and exit 0."""
    code, out, _ = run(capsys, "rules", "--select", "gl30")
    assert code == 0 and {x.split()[0] for x in out.splitlines()[1:]} == {f"GL30{i}" for i in range(1, 7)}
    code, out, _ = run(capsys, "rules", "--select", "ALL")
    assert code == 0 and any(x.startswith("GL901") for x in out.splitlines())
    code, out, err = run(capsys, "rules", "--select", "XYZ")
    assert code == 2 and not out and "--select" in err and "XYZ" in err
    code, out, err = run(capsys, "rules", "--select", "GL99")
    assert code == 2 and not out and "GL99" in err


def test_rules_list_notes_rules_off_by_default_once(capsys):
    """The listing says once, in the reader's language, that a rule is off by default."""
    _, out, _ = run(capsys, "rules", "--lang", "en")
    line = next(x for x in out.splitlines() if x.startswith("GL901"))
    assert line.count("off by default") == 1 and line.endswith("(off by default)")
    _, out, _ = run(capsys, "rules")
    line = next(x for x in out.splitlines() if x.startswith("GL901"))
    assert line.count("默认关闭") == 1 and line.endswith("（默认关闭）")
    assert "默认关闭" not in next(x for x in out.splitlines() if x.startswith("GL301"))


def test_console_script_and_module_entry_points(reports):
    d, _, bad = reports
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", "--format", "json", "--select", CORE,
                           str(d / "bad.txt")], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert [x["line"] for x in doc["files"][0]["diagnostics"]] == [bad.cell("三", "new", "total"),
                                                                   bad.cell("三", "total", "natural")]


def test_start_up_pauses_the_collector_and_restores_it(reports):
    """`import govlint` pauses the cyclic collector and puts it back as it was; the `govlint` command
    (console_main) pauses it for the start-up, then freezes what start-up made and runs it again,
    collecting its youngest generation less often; main() in-process (a library caller) changes
    none of it."""
    probe = (
        "import gc, sys\n"
        "gc.disable() if sys.argv[1] == 'off' else None\n"
        "import govlint\n"
        "print(gc.isenabled())\n"
    )
    for state, expect in (("on", "True"), ("off", "False")):
        out = subprocess.run([sys.executable, "-c", probe, state], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == expect
    run = (
        "import gc, sys, io, contextlib\n"
        "from govlint.cli import console_main, main\n"
        "sys.argv = ['govlint', 'check', '--exit-zero', sys.argv[1]]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(sys.argv[1:])\n"
        "print(gc.isenabled(), gc.get_freeze_count() == 0, gc.get_threshold()[0] == 700)\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = console_main()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0, code, gc.get_threshold()[0])\n"
        "sys.argv = ['govlint', '--no-such-option']\n"
        "gc.unfreeze()\n"
        "try:\n"
        "    with contextlib.redirect_stderr(io.StringIO()):\n"
        "        console_main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() == 0)\n"
    )
    folder, _, _ = reports
    out = subprocess.run([sys.executable, "-c", run, str(folder / "clean.txt")], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split("\n")[:3] == ["True True True", "True True 0 5000", "True True"]


@pytest.mark.parametrize("args", [
    ["check", "-o", "{missing}/out.txt"],
    ["check", "--format", "html", "-o", "{missing}/out.html"],
    ["check", "--format", "sarif", "-o", "{missing}/out.sarif"],
    ["check", "--summary", "--summary-csv", "{missing}/s.csv"],
    ["check", "--statistics", "-o", "{dir}"],
    ["check", "--summary-csv", "{dir}"],
    ["extract", "-o", "{missing}/x.json"],
])
def test_an_output_that_cannot_be_written_is_a_usage_error(tmp_path, capsys, args):
    """`-o` or `--summary-csv` into a folder that does not exist (or onto a folder) ended in a
    traceback and exit 1 — after every file had been checked; now exit 2 with the reason, at once."""
    report = tmp_path / "r.txt"
    report.write_text(rg.render(rg.seed_doc(), "pipe").text, encoding="utf-8")
    argv = [a.format(missing=tmp_path / "nope", dir=tmp_path) for a in args]
    assert main([*argv, str(report)]) == 2
    out, err = capsys.readouterr()
    assert "govlint: " in err and ("does not exist" in err or "is a directory" in err) and "Traceback" not in err
    assert out == ""


def test_an_output_that_fails_when_opened_is_a_usage_error(tmp_path, capsys, monkeypatch):
    import builtins

    report = tmp_path / "r.txt"
    report.write_text(rg.render(rg.seed_doc(), "pipe").text, encoding="utf-8")
    real_open = builtins.open

    def deny(path, *a, **kw):
        if str(path).endswith("out.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr(builtins, "open", deny)
    assert main(["check", "-o", str(tmp_path / "out.txt"), str(report)]) == 2
    assert f"govlint: cannot write {tmp_path / 'out.txt'}: Permission denied" in capsys.readouterr().err


def test_a_locator_is_written_in_the_message_language():
    from govlint.reporters import locator_text

    assert locator_text("第12段", "en") == "paragraph 12"
    assert locator_text("第3页 表1 第2行 第4列", "en") == "page 3, table 1, row 2, column 4"
    assert locator_text("表3 第5行 第2列", "en") == "table 3, row 5, column 2"
    assert locator_text("表3 第5行 第2列", "zh") == "表3 第5行 第2列"
