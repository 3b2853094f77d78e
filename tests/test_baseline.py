"""`govlint baseline write` + `govlint check --baseline`, and `<!-- govlint: disable=... -->` comments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint.baseline import Baseline, BaselineError
from workflow_support import CORE, clean_report, defective_report, run_govlint


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "bad.txt").write_text(defective_report(), encoding="utf-8")
    (reports / "good.txt").write_text(clean_report(), encoding="utf-8")
    return tmp_path


def write_baseline(repo: Path, *extra: str):
    return run_govlint("baseline", "write", "reports", "--select", CORE, *extra, cwd=repo)


def test_baseline_hides_known_findings_by_meaning(repo: Path) -> None:
    proc = write_baseline(repo, "--reason", "已向上级说明")
    assert proc.returncode == 0, proc.stderr
    assert "recorded 3 findings of 2 files" in proc.stderr
    data = json.loads((repo / "govlint-baseline.json").read_text(encoding="utf-8"))
    entries = data["entries"]
    assert {e["code"] for e in entries} == {"GL301", "GL302", "GL303"}
    for e in entries:
        assert e["path"] == "reports/bad.txt"
        assert e["reason"] == "已向上级说明" and e["table"] == "三" and e["part"] == 3
        assert "line" not in e and "column_number" not in e
    gl301 = next(e for e in entries if e["code"] == "GL301")
    assert (gl301["row"], gl301["column"], gl301["value"]) == ("total", "natural", "2")

    hidden = run_govlint("check", "--select", CORE, "--baseline", "govlint-baseline.json", "reports", cwd=repo)
    assert hidden.returncode == 0, hidden.stdout
    assert "全部检查通过（2 个文件）" in hidden.stdout

    # lines move (two paragraphs added in part 一): still the same findings, still hidden
    bad = repo / "reports" / "bad.txt"
    bad.write_text(defective_report().replace("一、总体情况\n", "一、总体情况\n新增一段。\n再增一段。\n", 1), encoding="utf-8")
    moved = run_govlint("check", "--select", CORE, "--baseline", "govlint-baseline.json", "reports", cwd=repo)
    assert moved.returncode == 0, moved.stdout

    # run from another folder: paths in the baseline are relative to the baseline file
    elsewhere = run_govlint("check", "--select", CORE, "--baseline", repo / "govlint-baseline.json",
                            repo / "reports", cwd=repo.parent)
    assert elsewhere.returncode == 0, elsewhere.stdout


def test_new_findings_and_stale_entries_are_reported(repo: Path) -> None:
    assert write_baseline(repo).returncode == 0
    bad = repo / "reports" / "bad.txt"
    # the wrong value changes: a different finding (reported) and the old entries no longer match
    bad.write_text(defective_report("1"), encoding="utf-8")
    proc = run_govlint("check", "--select", CORE, "--baseline", "govlint-baseline.json", "--format", "json",
                       "reports", cwd=repo)
    assert proc.returncode == 1
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    codes = sorted(d["code"] for d in diags)
    assert codes.count("GL301") == 1 and codes.count("GL010") >= 1
    gl301 = next(d for d in diags if d["code"] == "GL301")
    assert gl301["actual"] == 1

    # corrected: nothing left but the stale entries, each reported once as GL010 (a warning)
    bad.write_text(clean_report(), encoding="utf-8")
    fixed = run_govlint("check", "--select", CORE, "--baseline", "govlint-baseline.json", "--lang", "en",
                        "reports", cwd=repo)
    assert fixed.returncode == 1
    stale = [ln for ln in fixed.stdout.splitlines() if " GL010 " in ln]
    assert len(stale) == 3 and all(ln.startswith("reports/bad.txt:1:1: GL010 baseline entry GL30") for ln in stale)
    assert "no longer matches" in stale[0]
    # GL010 follows the configuration like any rule
    quiet = run_govlint("check", "--select", CORE, "--ignore", "GL010", "--baseline", "govlint-baseline.json",
                        "reports", cwd=repo)
    assert quiet.returncode == 0, quiet.stdout


def test_rewriting_keeps_reasons_and_counts_duplicates(repo: Path) -> None:
    assert write_baseline(repo, "--reason", "第一次").returncode == 0
    (repo / "reports" / "other.txt").write_text(defective_report(), encoding="utf-8")
    assert write_baseline(repo).returncode == 0
    entries = json.loads((repo / "govlint-baseline.json").read_text(encoding="utf-8"))["entries"]
    by_path = {}
    for e in entries:
        by_path.setdefault(e["path"], []).append(e.get("reason"))
    assert by_path["reports/bad.txt"] == ["第一次"] * 3  # kept
    assert by_path["reports/other.txt"] == [None] * 3  # new entries, no reason given


def test_bad_baseline_file_is_a_usage_error(repo: Path) -> None:
    (repo / "b.json").write_text("{not json", encoding="utf-8")
    proc = run_govlint("check", "--baseline", "b.json", "reports", cwd=repo)
    assert proc.returncode == 2 and "cannot read baseline" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_govlint("check", "--baseline", "nope.json", "reports", cwd=repo)
    assert proc.returncode == 2 and "baseline file not found" in proc.stderr
    with pytest.raises(BaselineError):
        Baseline.load(repo / "b.json")


def test_disable_comments_in_markdown(tmp_path: Path) -> None:
    text = defective_report().replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施")
    plain = tmp_path / "plain.md"
    plain.write_text(text, encoding="utf-8")
    base = run_govlint("check", "--select", "GL3,GL103", "--format", "json", plain, cwd=tmp_path)
    codes = sorted(d["code"] for d in json.loads(base.stdout)["files"][0]["diagnostics"])
    assert codes == ["GL103", "GL301", "GL302", "GL303"]

    commented = tmp_path / "commented.md"
    commented.write_text(text.replace("五、存在的主要问题及改进措施",
                                      "<!-- govlint: disable-next-line=GL103 -->\n\n五、存在的主要问题及改进措施")
                         + "\n<!-- govlint: disable=GL301, GL302 -->\n", encoding="utf-8")
    proc = run_govlint("check", "--select", "GL3,GL103", "--format", "json", commented, cwd=tmp_path)
    codes = sorted(d["code"] for d in json.loads(proc.stdout)["files"][0]["diagnostics"])
    assert codes == ["GL303"]

    # the same comments in a .txt report are just text: nothing is hidden there
    txt = tmp_path / "commented.txt"
    txt.write_text(commented.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run_govlint("check", "--select", "GL3", "--format", "json", txt, cwd=tmp_path)
    assert sorted(d["code"] for d in json.loads(proc.stdout)["files"][0]["diagnostics"]) == ["GL301", "GL302", "GL303"]


def test_disable_all_with_a_prefix(tmp_path: Path) -> None:
    md = tmp_path / "r.md"
    md.write_text("<!-- govlint: disable=GL3 -->\n" + defective_report(), encoding="utf-8")
    proc = run_govlint("check", "--select", "GL3", md, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
