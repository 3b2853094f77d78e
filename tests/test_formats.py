"""`govlint check --format sarif|github` as CI uses them, and the library's format_results."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import govlint
from govlint.reporters.github import escape_data, escape_property
from workflow_support import CORE, DATA, defective_report, run_govlint

SCHEMA = json.loads((DATA / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(defective_report(), encoding="utf-8")
    (tmp_path / "partial.txt").write_bytes((DATA / "2022-pingtan.txt").read_bytes())
    # a configuration that makes GL303 an info note, so that every severity occurs
    (tmp_path / "info.toml").write_text('[tool.govlint.severity]\nGL303 = "info"\n', encoding="utf-8")
    return tmp_path


def sarif(cwd: Path, *args: str) -> tuple[dict, int]:
    proc = run_govlint("check", "--format", "sarif", *args, cwd=cwd)
    assert proc.returncode in (0, 1, 2), proc.stderr
    return json.loads(proc.stdout), proc.returncode


def test_sarif_is_valid_and_describes_each_rule_once(reports: Path) -> None:
    doc, code = sarif(reports, "--config", "info.toml", "bad.txt", "partial.txt", "missing.txt")
    jsonschema.validate(doc, SCHEMA)
    assert code == 2  # missing.txt: GL001
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    results = run["results"]
    assert {r["ruleId"] for r in results} == set(ids)
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    gl301 = rules[ids.index("GL301")]
    assert gl301["shortDescription"]["text"]
    assert "equal" in gl301["fullDescription"]["text"]  # the rule's What: part
    assert "Why:" in gl301["help"]["text"] and "## Fails" in gl301["help"]["markdown"]
    assert gl301["helpUri"].startswith("https://") and gl301["helpUri"].endswith("docs/rules/GL301.md")
    assert gl301["defaultConfiguration"]["level"] == "error"
    # levels: error, warning and note (info) all map
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["GL301"] == "error" and levels["GL001"] == "error"
    assert levels["GL303"] == "note"  # info
    assert run["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["id"] == "GL001"
    # a file that could not be read was not analysed: the run is not successful (exit 2)
    assert run["invocations"][0]["executionSuccessful"] is False
    doc, code = sarif(reports, "bad.txt")
    assert code == 1 and doc["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_sarif_locations_and_suggestions(reports: Path) -> None:
    doc, _ = sarif(reports, "--select", CORE, "bad.txt")
    results = doc["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    assert set(by_rule) == {"GL301", "GL302", "GL303"}
    loc = by_rule["GL301"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "bad.txt", "uriBaseId": "%SRCROOT%"}
    lines = defective_report().splitlines()
    line = loc["region"]["startLine"]
    assert lines[line - 1] == "2 |"  # the (七)总计 cell of the 自然人 column
    # arithmetic carries a suggestion, never a fix
    assert by_rule["GL301"]["properties"]["expected"] == 3
    assert by_rule["GL301"]["properties"]["actual"] == 2
    assert all("fixes" not in r for r in results)


def test_sarif_fingerprints_survive_moved_lines(reports: Path) -> None:
    doc1, _ = sarif(reports, "--select", CORE, "bad.txt")
    text = defective_report().replace("一、总体情况\n", "一、总体情况\n补充说明一段。\n另一段补充。\n", 1)
    (reports / "bad.txt").write_text(text, encoding="utf-8")
    doc2, _ = sarif(reports, "--select", CORE, "bad.txt")

    def fp(doc: dict) -> dict:
        return {r["ruleId"]: (r["partialFingerprints"]["govlintFingerprint/v1"],
                              r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in doc["runs"][0]["results"]}

    a, b = fp(doc1), fp(doc2)
    assert set(a) == set(b) == {"GL301", "GL302", "GL303"}
    for code in a:
        assert a[code][0] == b[code][0], code
        assert b[code][1] == a[code][1] + 2  # the finding moved two lines down
    assert len({v[0] for v in a.values()}) == 3
    # a different wrong value is a different finding
    (reports / "bad.txt").write_text(defective_report("1"), encoding="utf-8")
    doc3, _ = sarif(reports, "--select", CORE, "bad.txt")
    assert fp(doc3)["GL301"][0] != a["GL301"][0]


def test_github_annotations(reports: Path) -> None:
    odd = reports / "a,b:c%d.txt"
    odd.write_text(defective_report(), encoding="utf-8")
    (reports / "second.txt").write_text(defective_report("1"), encoding="utf-8")
    proc = run_govlint("check", "--format", "github", "--config", "info.toml", "--select", CORE, odd.name,
                       "second.txt", cwd=reports)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "::group::a,b:c%25d.txt"
    errors = [ln for ln in lines if ln.startswith("::error ")]
    assert errors, proc.stdout
    first = errors[0]
    props, message = first[len("::error "):].split("::", 1)
    assert props.startswith("file=a%2Cb%3Ac%25d.txt,line=279,col=1,endLine=279,endColumn=2,title=GL301 arithmetic.balance")
    assert "（七）总计应为 3" in message
    assert "::endgroup::" in lines
    assert lines.count("::endgroup::") == 2  # one group per file with findings
    assert sum(ln.startswith("::notice ") and "title=GL303" in ln for ln in lines) == 2  # info: notices
    assert lines[-1].startswith("govlint：2 个文件中有 2 个存在问题，共") and "个问题（错误" in lines[-1]
    en = run_govlint("check", "--format", "github", "--lang", "en", "--select", CORE, odd.name, cwd=reports)
    assert en.stdout.splitlines()[-1].startswith("govlint: 3 problems in 1 of 1 file")


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # messages keep : and , (only properties escape them)
    assert escape_data("表三：a,b") == "表三：a,b"


def test_format_results_is_what_the_cli_prints(reports: Path) -> None:
    proc = run_govlint("check", "--format", "json", "--select", CORE, "bad.txt", "partial.txt", cwd=reports)
    cfg = govlint.Config(select=tuple(CORE.split(",")))
    import os

    old = os.getcwd()
    os.chdir(reports)
    try:
        results = govlint.lint_paths(["bad.txt", "partial.txt"], config=cfg)
        assert govlint.format_results(results, "json") == proc.stdout
        page = govlint.format_results(results, "html", lang="en")
        assert page.startswith("<!DOCTYPE html>") and "GL301" in page
    finally:
        os.chdir(old)
    with pytest.raises(KeyError):
        govlint.format_results(results, "xml")


def test_json_carries_the_arithmetic_suggestion(reports: Path) -> None:
    proc = run_govlint("check", "--format", "json", "--select", "GL301", "bad.txt", cwd=reports)
    d = json.loads(proc.stdout)["files"][0]["diagnostics"][0]
    assert d["code"] == "GL301" and d["expected"] == 3 and d["actual"] == 2 and "fix" not in d


def test_json_stream_nesting_is_what_json_dumps_writes() -> None:
    """The JSON stream indents its values itself (``json.dumps`` with ``indent`` encodes in pure
    Python): for any value, the text is ``json.dumps(value, indent=2)``'s, at any depth."""
    import random

    from govlint.reporters.json import _nested

    rng = random.Random(5)
    scalars = [0, -3, 2.5, 1e20, float("nan"), float("inf"), True, False, None, "", 'a"b\\c\n\t', "中文“引号”",
               "\u2028x", "\x00", 10 ** 30, 1.0]

    def value(depth: int):
        k = rng.random()
        if depth > 3 or k < 0.4:
            return rng.choice(scalars)
        if k < 0.7:
            return {rng.choice(["a", "中", "x y", "\n"]) + str(i): value(depth + 1) for i in range(rng.randint(0, 4))}
        if k < 0.8:
            return {rng.choice([1, 2.5, True, None]): value(depth + 1)}  # keys json.dumps turns into strings
        items = [value(depth + 1) for _ in range(rng.randint(0, 4))]
        return items if rng.random() < 0.8 else tuple(items)

    for _ in range(5000):
        v, level = value(0), rng.randint(0, 3)
        assert _nested(v, level) == json.dumps(v, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def test_github_paths_are_relative_to_the_workspace_from_a_subfolder(reports: Path) -> None:
    """GitHub resolves `file=` against $GITHUB_WORKSPACE: run in a subfolder (`cd reports && govlint
    check .`), the annotations named `bad.txt` instead of `reports/bad.txt` and landed nowhere."""
    sub = reports / "county"
    sub.mkdir()
    (sub / "bad.txt").write_text(defective_report(), encoding="utf-8")
    proc = run_govlint("check", "--format", "github", "--select", CORE, "bad.txt", cwd=sub,
                       env={"GITHUB_WORKSPACE": str(reports.parent)})
    files = {ln.split("file=", 1)[1].split(",", 1)[0] for ln in proc.stdout.splitlines() if "file=" in ln}
    assert files == {f"{reports.name}/county/bad.txt"}, proc.stdout
    # a path outside the workspace stays as given
    proc = run_govlint("check", "--format", "github", "--select", CORE, "bad.txt", cwd=sub,
                       env={"GITHUB_WORKSPACE": str(reports / "elsewhere")})
    assert {ln.split("file=", 1)[1].split(",", 1)[0] for ln in proc.stdout.splitlines() if "file=" in ln} == {"bad.txt"}
