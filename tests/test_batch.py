"""Batch runs: recursive walks with --include/--exclude, --jobs, progress, --statistics, --summary,
--summary-csv, and the same through the library (govlint.lint_paths)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import govlint
from workflow_support import CORE, clean_report, defective_report, run_govlint


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "2022" / "county").mkdir(parents=True)
    (root / "archive").mkdir()
    (root / ".cache").mkdir()
    (root / "2022" / "a.txt").write_text(defective_report(), encoding="utf-8")
    (root / "2022" / "b.md").write_text(clean_report(), encoding="utf-8")
    (root / "2022" / "county" / "c.txt").write_text(defective_report("1"), encoding="utf-8")
    (root / "archive" / "old.txt").write_text(defective_report(), encoding="utf-8")
    (root / ".cache" / "hidden.txt").write_text(defective_report(), encoding="utf-8")
    (root / "2022" / "notes.json").write_text("{}", encoding="utf-8")
    return root


def paths(proc) -> list[str]:
    assert proc.returncode in (0, 1), proc.stderr
    return [f["path"] for f in json.loads(proc.stdout)["files"]]


def test_walk_include_exclude(tree: Path) -> None:
    base = ("check", "--format", "json", "--select", CORE)
    everything = paths(run_govlint(*base, "reports", cwd=tree.parent))
    assert everything == ["reports/2022/a.txt", "reports/2022/b.md", "reports/2022/county/c.txt",
                          "reports/archive/old.txt"]  # recursive, sorted, hidden and non-report files skipped
    assert paths(run_govlint(*base, "--exclude", "archive", "reports", cwd=tree.parent)) == everything[:3]
    assert paths(run_govlint(*base, "--exclude", "*/county/*,*.md", "reports", cwd=tree.parent)) == \
        ["reports/2022/a.txt", "reports/archive/old.txt"]
    assert paths(run_govlint(*base, "--include", "*.md", "reports", cwd=tree.parent)) == ["reports/2022/b.md"]
    assert paths(run_govlint(*base, "--include", "2022/*", "reports", cwd=tree.parent)) == everything[:3]
    # a file named on the command line is checked even if --include does not match, unless excluded
    named = run_govlint(*base, "--include", "*.md", "--exclude", "old.txt", "reports/2022/a.txt",
                        "reports/archive/old.txt", cwd=tree.parent)
    assert paths(named) == ["reports/2022/a.txt"]
    nothing = run_govlint("check", "--include", "*.pdf", "reports", cwd=tree.parent)
    assert nothing.returncode == 2 and "no report files found" in nothing.stderr


def test_files_of_a_kind_govlint_does_not_read_are_said_not_checked(tree: Path) -> None:
    """A reviewing office's folder holding a scanned report (.jpg), a spreadsheet or a zip of
    reports: they were left out without a word, and a folder of nothing else said only "no report
    files found". One line on stderr now counts them by suffix (not hidden files, not files the user
    chose out with --include/--exclude); the findings and the exit code are unchanged."""
    (tree / "2022" / "county" / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (tree / "2022" / "tables.xlsx").write_bytes(b"PK\x03\x04" + bytes(64))
    (tree / ".cache" / "x.zip").write_bytes(b"PK\x03\x04")
    base = ("check", "--format", "json", "--select", CORE)
    proc = run_govlint(*base, "--lang", "en", "reports", cwd=tree.parent)
    assert paths(proc) == ["reports/2022/a.txt", "reports/2022/b.md", "reports/2022/county/c.txt",
                           "reports/archive/old.txt"] and proc.returncode == 1
    # (notes.json, like a baseline or a govlint.toml beside the reports, is no report: not counted)
    assert "2 files in the folders not checked, of a kind govlint does not read (.jpg, .xlsx)" in proc.stderr
    zh = run_govlint(*base, "reports", cwd=tree.parent).stderr
    assert "目录中有 2 个文件不是 govlint 能读取的格式，未检查（.jpg、.xlsx）" in zh
    assert "not checked" not in run_govlint(*base, "--include", "*.txt", "reports", cwd=tree.parent).stderr
    assert "1 file in" in run_govlint(*base, "--lang", "en", "--exclude", "*.xlsx", "reports", cwd=tree.parent).stderr
    only = run_govlint("check", "--lang", "en", "reports/2022/county/scan.jpg", cwd=tree.parent)
    assert "not checked" not in only.stderr and "GL003" in only.stdout  # named: read, and told what it is
    (tree / "2022" / "county" / "c.txt").unlink()
    nothing = run_govlint("check", "--lang", "en", "reports/2022/county", cwd=tree.parent)
    assert nothing.returncode == 2
    assert "1 file in the folders not checked, of a kind govlint does not read (.jpg)" in nothing.stderr
    assert "no report files found" in nothing.stderr
    extract = run_govlint("extract", "--format", "csv", "reports/2022", cwd=tree.parent)
    assert "目录中有 2 个文件" in extract.stderr


def test_jobs_give_the_same_output_in_input_order(tree: Path) -> None:
    args = ("check", "--format", "json", "--select", CORE, "reports/2022/county", "reports/2022", "missing.txt",
            "reports/archive")
    one = run_govlint(*args, cwd=tree.parent)
    two = run_govlint(*args, "--jobs", "2", cwd=tree.parent)
    assert one.returncode == two.returncode == 2  # missing.txt
    assert one.stdout == two.stdout
    assert paths_with_missing(one) == ["reports/2022/county/c.txt", "reports/2022/a.txt", "reports/2022/b.md",
                                       "missing.txt", "reports/archive/old.txt"]


def paths_with_missing(proc) -> list[str]:
    return [f["path"] for f in json.loads(proc.stdout)["files"]]


def test_progress_on_request_only(tree: Path) -> None:
    quiet = run_govlint("check", "--select", CORE, "reports", cwd=tree.parent)
    assert "[" not in quiet.stderr  # not a terminal: no progress by default
    shown = run_govlint("check", "--select", CORE, "--progress", "--jobs", "2", "reports", cwd=tree.parent)
    assert "[4/4] reports/archive/old.txt" in shown.stderr and "[1/4]" in shown.stderr
    assert shown.stdout == quiet.stdout


def test_statistics_and_summary(tree: Path, tmp_path: Path) -> None:
    proc = run_govlint("check", "--select", CORE, "--statistics", "--summary", "--summary-csv", tmp_path / "s.csv",
                       "--no-show-source", "reports", cwd=tree.parent)
    assert proc.returncode == 1
    out = proc.stdout
    assert "    3  GL301  arithmetic.balance" in out  # --statistics: counts by rule
    summary = out[out.index("按文件汇总："):]
    rows = summary.splitlines()
    a_row = next(r for r in rows if r.startswith("reports/2022/a.txt"))
    assert a_row.split() == ["reports/2022/a.txt", "3", "0", "0", "GL301", "GL302", "GL303"]
    assert not any(r.startswith("reports/2022/b.md") for r in rows)  # no findings: not in the table
    assert "GL301  3/4" in summary and "4 个文件中 1 个没有问题，3 个有错误或警告。" in summary

    table = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8"))))
    assert [r["path"] for r in table] == ["reports/2022/a.txt", "reports/2022/b.md", "reports/2022/county/c.txt",
                                          "reports/archive/old.txt"]
    assert table[0]["GL301"] == "1" and table[0]["errors"] == "3" and table[0]["year"] == "2022"
    assert table[1]["GL301"] == "0" and table[1]["errors"] == "0"
    assert list(table[0])[:7] == ["path", "edition", "year", "agency", "errors", "warnings", "info"]

    # with a machine format on stdout, the text summary goes to stderr
    js = run_govlint("check", "--select", CORE, "--format", "json", "--summary", "reports", cwd=tree.parent)
    json.loads(js.stdout)
    assert "按文件汇总：" in js.stderr


def test_summary_tallies_what_the_exit_code_goes_by(tree: Path) -> None:
    """The summary's last line said only how many files had no findings: a reviewing office could not
    tell the reports that fail (errors, warnings) from those with notes only (info, which pass) and
    the files that could not be read at all (GL0, exit 2); "Files failing each rule" counted notes too."""
    (tree / "archive" / "govlint.toml").write_text('[severity]\nGL3 = "info"\n', encoding="utf-8")
    (tree / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    args = ("check", "--select", CORE, "--summary", "--no-show-source", "reports", "reports/scan.png", "missing.txt")
    en = run_govlint(*args, "--lang", "en", cwd=tree.parent)
    assert en.returncode == 2
    assert "Files with findings of each rule:" in en.stdout and "failing" not in en.stdout
    assert ("1 of 6 files have no findings; 2 have errors or warnings, 1 notes only, 2 could not be read (GL0)."
            in en.stdout)
    zh = run_govlint(*args, cwd=tree.parent)
    assert "6 个文件中 1 个没有问题，2 个有错误或警告，1 个只有提示，2 个无法读取（GL0）。" in zh.stdout


def test_library_lint_paths(tree: Path, monkeypatch) -> None:
    monkeypatch.chdir(tree.parent)
    seen = []
    cfg = govlint.Config(select=(CORE,))
    results = govlint.lint_paths(["reports"], config=cfg, jobs=2, exclude=["archive"],
                                 progress=lambda done, total, path: seen.append((done, total, path)))
    assert [r.path for r in results] == ["reports/2022/a.txt", "reports/2022/b.md", "reports/2022/county/c.txt"]
    assert [d.code for d in results[0].diagnostics] == ["GL301", "GL302", "GL303"]
    assert results[0].report.table("三").cell("total", "natural").value == 2  # attrs model objects
    assert results[1].diagnostics == ()
    assert [s[0] for s in seen] == [1, 2, 3] and all(s[1] == 3 for s in seen)
    sequential = govlint.lint_paths(["reports"], config=cfg, exclude=["archive"])
    assert [r.diagnostics for r in sequential] == [r.diagnostics for r in results]
    text = govlint.format_results(results, "text", lang="en")
    assert text.endswith("Found 6 problems in 3 files (6 errors, 0 warnings, 0 info).\n")


def test_slim_results_from_workers_keep_what_reporters_use(tree: Path) -> None:
    from govlint.batch import collect, run

    files, _ = collect([tree])
    full = list(run(files, jobs=1))
    slim = list(run(files, jobs=2, slim=True))
    assert [r.diagnostics for r in slim] == [r.diagnostics for r in full]
    for f, s in zip(full, slim):
        assert s.source.text == f.source.text
        assert (s.report.title, s.report.year, s.report.edition, s.report.agency) == \
            (f.report.title, f.report.year, f.report.edition, f.report.agency)
        assert [x.heading for x in s.report.sections] == [x.heading for x in f.report.sections]
        assert not s.report.tables
    # without slim=True (the library's lint_paths) workers send the whole model
    assert any(r.report.tables for r in run(files, jobs=2))


def test_source_excerpts_give_the_same_reports(tree: Path, tmp_path: Path) -> None:
    """``slim(keep_source=False)`` (what ``govlint check`` keeps per file unless the HTML report or a
    baseline needs the whole text) renders the text, JSON, SARIF and GitHub reports exactly as the
    whole source does — shown source lines, fix regions and fingerprints included."""
    from govlint.batch import collect, run
    from govlint.engine import default_engine
    from govlint.reporters import get_reporter
    from govlint.source import SourceExcerpt
    from render_shapes import load_seed, to_html

    seed = Path(__file__).parent / "data" / "seed.txt"
    page = tmp_path / "page.html"
    page.write_bytes(to_html(load_seed(seed)).data)
    files, _ = collect([tree, page, seed])
    whole = [r.slim() for r in run(files, jobs=1)]
    cut = list(run(files, jobs=2, slim=True, keep_source=False))
    assert all(isinstance(r.source, SourceExcerpt) and r.report.text == "" for r in cut)
    assert any(d.fix is not None for r in cut for d in r.diagnostics)  # the seed has a fixable finding
    assert any(r.source.kind == "html" for r in cut)
    engine = default_engine()
    for fmt in ("text", "json", "sarif", "github"):
        render = get_reporter(fmt)
        for show in (False, True):
            kw = dict(lang="zh", show_source=show, rules=engine.rules, rule_plugin=engine.rule_plugin)
            assert render(cut, **kw) == render(whole, **kw), (fmt, show)
    # what is kept is small: a few lines, not the file
    for r in cut:
        assert sum(len(t) for t in r.source.lines.values()) < len(Path(r.path).read_bytes())


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_streamed_reports_equal_the_whole_report(tree: Path, fmt: str) -> None:
    """``govlint check`` writes text, JSON and GitHub reports file by file (memory stays flat); what it
    writes is the report the library renders from all results at once, and the exit code agrees."""
    from govlint.reporters import format_results

    missing = tree / "missing.txt"
    for jobs in ("1", "2"):
        for extra in ([], ["--statistics", "--show-source"], ["--lang", "en"]):
            proc = run_govlint("check", "--format", fmt, "--jobs", jobs, *extra, tree, missing)
            results = govlint.lint_paths([tree, missing])
            expected = format_results(results, fmt, lang="en" if "en" in extra else "zh",
                                      statistics="--statistics" in extra, show_source="--show-source" in extra)
            assert proc.stdout == expected, (fmt, jobs, extra)
            assert proc.returncode == 2  # the missing path is a GL001
    proc = run_govlint("check", "--format", fmt, tree / "2022" / "a.txt")
    assert proc.returncode == 1 and proc.stdout == format_results(govlint.lint_paths([tree / "2022" / "a.txt"]), fmt)


def test_json_stream_is_byte_identical_for_no_and_many_files(tree: Path) -> None:
    from govlint.reporters import json as json_reporter

    for results in ([], govlint.lint_paths([tree / "2022" / "a.txt"]), govlint.lint_paths([tree])):
        stream = json_reporter.Stream(lang="zh")
        assert "".join(stream.file(r) for r in results) + stream.end() == json_reporter.render(results), len(results)


def test_globs_take_windows_separators_and_double_star(tree: Path) -> None:
    """`--exclude "reports\\archive\\*"` (a Windows user's habit) and `--include "reports/**/*.txt"`
    (where `**/` may stand for no folder) matched nothing."""
    base = ("check", "--format", "json", "--select", CORE)
    assert paths(run_govlint(*base, "--exclude", "reports\\archive\\*,2022\\county", "reports", cwd=tree.parent)) == \
        ["reports/2022/a.txt", "reports/2022/b.md"]
    assert paths(run_govlint(*base, "--include", "2022/**/*.txt", "reports", cwd=tree.parent)) == \
        ["reports/2022/a.txt", "reports/2022/county/c.txt"]
