"""GL8: checks across reports — the same agency's reports of consecutive years in one run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govlint
import render_shapes as rs
from govlint.diagnostics import CrossRule

DATA = rs.load_seed(Path(__file__).parent / "data" / "seed.txt")
AGENCY = "益阳市行政审批服务局"


def report(year: int, carried_over: int, carry_forward: int = 0, agency: str = AGENCY, shape: str = "cells") -> str:
    """The seed as ``agency``'s report of ``year``: 二、上年结转 and 四、结转下年度继续办理 in the
    自然人 and 总计 columns set as given."""
    data = DATA
    for col in ("natural", "total"):
        data = data.with_value("三", "carried_over", col, str(carried_over))
        data = data.with_value("三", "carry_forward", col, str(carry_forward))
    return rs.to_text(data, shape).replace("2022", str(year)).replace(AGENCY, agency)


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


GL8 = govlint.Config(extend_select=("GL8",))


def gl8(results) -> list:
    return [(Path(r.path).name, d.row, d.col, d.expected, d.actual) for r in results for d in r.diagnostics
            if d.code.startswith("GL8")]


def test_the_rule_is_registered_as_a_check_across_reports():
    from govlint.engine import default_engine

    rule = default_engine().rules["GL801"]
    assert isinstance(rule, CrossRule) and rule.compare is not None and not rule.enabled  # (opt-in)


def test_carry_over_that_matches_last_year(tmp_path):
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2), "2022.txt": report(2022, 2)})
    assert gl8(govlint.lint_paths([folder], GL8)) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_carry_over_that_differs_from_last_year(tmp_path, jobs):
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2), "2022.txt": report(2022, 3)})
    found = gl8(govlint.lint_paths([folder], GL8, jobs=jobs))
    assert found == [("2022.txt", "carried_over", "natural", 2, 3), ("2022.txt", "carried_over", "total", 2, 3)]
    # it points at this year's cell
    text = (folder / "2022.txt").read_text(encoding="utf-8").split("\n")
    for r in govlint.lint_paths([folder / "2022.txt", folder / "2021.txt"], GL8):
        for d in r.diagnostics:
            if d.code == "GL801":
                assert text[d.line - 1][d.column - 1:].startswith("3")


@pytest.mark.parametrize("files", [
    {"2021.txt": report(2021, 0, carry_forward=2), "2022.txt": report(2022, 3, agency="益阳市财政局")},  # two agencies
    {"2020.txt": report(2020, 0, carry_forward=2), "2022.txt": report(2022, 3)},  # not consecutive
    {"2021.txt": report(2021, 0, carry_forward=2), "2022.txt": report(2022, 3), "2022b.txt": report(2022, 2)},  # two 2022s
    {"2022.txt": report(2022, 3)},  # alone
])
def test_nothing_certain_to_compare(tmp_path, files):
    assert gl8(govlint.lint_paths([write(tmp_path, files)], GL8)) == []


def test_shapes_and_order_do_not_matter(tmp_path):
    folder = write(tmp_path, {"b-2021.txt": report(2021, 0, carry_forward=2, shape="spaced"),
                              "a-2022.md": report(2022, 3, shape="rows")})
    assert [f[0] for f in gl8(govlint.lint_paths([folder], GL8))] == ["a-2022.md", "a-2022.md"]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govlint", "check", "--lang", "en", *args],
                          capture_output=True, text=True, encoding="utf-8")


def test_off_by_default(tmp_path):
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2), "2022.txt": report(2022, 3)})
    assert gl8(govlint.lint_paths([folder])) == []
    assert "GL801" not in _cli(str(folder)).stdout


def test_cli_reports_it_in_every_format_and_honours_ignore(tmp_path):
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2), "2022.txt": report(2022, 3)})
    text = _cli("--select", "GL8", "--show-source", str(folder))
    assert text.returncode == 1 and text.stdout.count("GL801") == 2
    assert "2 problems in 2 files" in text.stdout  # (written after the last file, counted once)
    github = _cli("--format", "github", "--select", "GL8", str(folder))
    assert github.stdout.count("GL801") == 2 and "1 of 2" in github.stdout
    assert "2021.txt" in text.stdout and "^" in text.stdout  # names last year's file; shows this year's line
    out = _cli("--format", "json", "--extend-select", "GL8", str(folder))
    files = {Path(f["path"]).name: f for f in json.loads(out.stdout)["files"]}
    assert [d["column_id"] for d in files["2022.txt"]["diagnostics"] if d["code"] == "GL801"] == ["natural", "total"]
    sarif = json.loads(_cli("--format", "sarif", "--select", "GL8", str(folder)).stdout)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"GL801"}
    ignored = _cli("--ignore", "GL8", "--select", "GL8", str(folder))
    assert "GL801" not in ignored.stdout


def test_baseline_records_and_hides_it(tmp_path):
    folder = write(tmp_path / "r", {"2021.txt": report(2021, 0, carry_forward=2), "2022.txt": report(2022, 3)})
    base = tmp_path / "baseline.json"
    made = subprocess.run([sys.executable, "-m", "govlint", "baseline", "write", "-o", str(base), "--extend-select",
                           "GL8", str(folder)],
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert "GL801" in base.read_text(encoding="utf-8")
    again = _cli("--baseline", str(base), "--extend-select", "GL8", str(folder))
    assert "GL801" not in again.stdout
