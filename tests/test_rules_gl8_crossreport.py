"""GL8: checks across reports — the same agency's reports of consecutive years in one run."""

from __future__ import annotations

import dataclasses
import json
import re
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
        (folder / name).parent.mkdir(parents=True, exist_ok=True)  # (a name may be a nested path)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


GL8 = govlint.Config(extend_select=("GL8",))


def gl8(results) -> list:
    """GL801's findings (the reports below are one text: the other checks across reports see copies)."""
    return [(Path(r.path).name, d.row, d.col, d.expected, d.actual) for r in results for d in r.diagnostics
            if d.code == "GL801"]


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
    {"2021.txt": report(2021, 0, carry_forward=2), "2021b.txt": report(2021, 0, carry_forward=3),
     "2022.txt": report(2022, 3)},  # two reports of last year: which one is continued is not certain
    {"2022.txt": report(2022, 3)},  # alone
])
def test_nothing_certain_to_compare(tmp_path, files):
    assert gl8(govlint.lint_paths([write(tmp_path, files)], GL8)) == []


def test_each_version_of_this_years_report_is_compared(tmp_path):
    """This year's page and attachment are both this year's report: each is compared with last year's."""
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2), "2022.txt": report(2022, 3),
                              "2022b.txt": report(2022, 2)})
    assert [f[0] for f in gl8(govlint.lint_paths([folder], GL8))] == ["2022.txt", "2022.txt"]


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
    text = _cli("--select", "GL801", "--show-source", str(folder))
    assert text.returncode == 1 and text.stdout.count("GL801") == 2
    assert "2 problems in 2 files" in text.stdout  # (written after the last file, counted once)
    github = _cli("--format", "github", "--select", "GL801", str(folder))
    assert github.stdout.count("GL801") == 2 and "1 of 2" in github.stdout
    assert "2021.txt" in text.stdout and "^" in text.stdout  # names last year's file; shows this year's line
    out = _cli("--format", "json", "--extend-select", "GL801", str(folder))
    files = {Path(f["path"]).name: f for f in json.loads(out.stdout)["files"]}
    assert [d["column_id"] for d in files["2022.txt"]["diagnostics"] if d["code"] == "GL801"] == ["natural", "total"]
    sarif = json.loads(_cli("--format", "sarif", "--select", "GL801", str(folder)).stdout)
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


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_disable_comments_hide_it(tmp_path, jobs, suffix):
    """A Markdown or web-page report's ``<!-- govlint: disable=GL801 -->`` hides GL801 as it hides the
    report's own findings (the checks across reports add theirs after those were filtered)."""
    if suffix == ".md":
        last, this = report(2021, 0, carry_forward=2), report(2022, 3, shape="rows")
    else:
        last, this = _html(2021, 0, carry_forward=2), _html(2022, 3)
    shown = write(tmp_path / "shown", {f"2021{suffix}": last, f"2022{suffix}": this})
    assert len(gl8(govlint.lint_paths([shown], GL8, jobs=jobs))) == 2
    for comment in ("<!-- govlint: disable=GL801 -->", "<!-- govlint: disable=GL8 -->", "<!-- govlint: disable -->"):
        hidden = write(tmp_path / f"hidden{len(comment)}", {f"2021{suffix}": last, f"2022{suffix}": this + comment + "\n"})
        assert gl8(govlint.lint_paths([hidden], GL8, jobs=jobs)) == [], comment
    # a comment in last year's report does not hide this year's finding, nor one for another rule
    other = write(tmp_path / "other", {f"2021{suffix}": last + "<!-- govlint: disable=GL801 -->\n",
                                       f"2022{suffix}": this + "<!-- govlint: disable=GL802,GL3 -->\n"})
    assert len(gl8(govlint.lint_paths([other], GL8, jobs=jobs))) == 2


def _html(year: int, carried_over: int, carry_forward: int = 0) -> str:
    data = DATA
    for col in ("natural", "total"):
        data = data.with_value("三", "carried_over", col, str(carried_over))
        data = data.with_value("三", "carry_forward", col, str(carry_forward))
    return rs.to_html(data).data.decode("utf-8").replace("2022", str(year))


def test_disable_next_line_hides_it_on_that_line_only(tmp_path):
    """In a web page, ``disable-next-line`` before a cell's line hides GL801 on that cell only."""
    last, this = _html(2021, 0, carry_forward=2), _html(2022, 3)
    found = [d for r in govlint.lint_paths([write(tmp_path / "a", {"2021.html": last, "2022.html": this})], GL8)
             for d in r.diagnostics if d.code == "GL801"]
    assert [d.col for d in found] == ["natural", "total"]
    lines = this.split("\n")
    natural = found[0].line
    for codes, left in (("GL801", ["total"]), ("GL8", ["total"]), ("GL802", ["natural", "total"])):
        one = "\n".join(lines[:natural - 1] + [f"<!-- govlint: disable-next-line={codes} -->"] + lines[natural - 1:])
        folder = write(tmp_path / codes, {"2021.html": last, "2022.html": one})
        assert [f[2] for f in gl8(govlint.lint_paths([folder], GL8))] == left, codes


def test_comments_in_a_text_report_are_text(tmp_path):
    """A .txt report takes no comments (it is what is published): GL801 is still reported there, as
    its own findings are."""
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2),
                              "2022.txt": report(2022, 3) + "<!-- govlint: disable=GL801 -->\n"})
    assert len(gl8(govlint.lint_paths([folder], GL8))) == 2


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_cli_honours_disable_comments_in_every_format(tmp_path, fmt):
    folder = write(tmp_path, {"2021.md": report(2021, 0, carry_forward=2),
                              "2022.md": report(2022, 3, shape="rows") + "<!-- govlint: disable=GL801 -->\n"})
    proc = _cli("--format", fmt, "--select", "GL801", "--no-progress", str(folder))
    assert proc.returncode == 0 and "GL801" not in proc.stdout, proc.stdout
    base = tmp_path / "baseline.json"  # and a baseline written of the run records nothing for it
    made = subprocess.run([sys.executable, "-m", "govlint", "baseline", "write", "-o", str(base), "--select",
                           "GL801", str(folder)], capture_output=True, text=True)
    assert made.returncode == 0 and "GL801" not in base.read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- GL802 documents in force

def documents(year: int, issued: int, repealed: int, in_force: int, agency: str = AGENCY) -> str:
    """The seed as ``agency``'s report of ``year``, table 二's 行政规范性文件 row set as given."""
    data = DATA
    for col, v in (("issued", issued), ("repealed", repealed), ("in_force", in_force)):
        data = data.with_value("二", "normative_documents", col, str(v))
    return rs.to_text(data).replace("2022", str(year)).replace(AGENCY, agency)


def codes(results, code: str) -> list:
    return [(Path(r.path).name, d.row, d.col, d.expected, d.actual, d.severity.value) for r in results
            for d in r.diagnostics if d.code == code]


def test_in_force_that_follows_from_last_year(tmp_path):
    folder = write(tmp_path, {"2021.txt": documents(2021, 5, 0, 20), "2022.txt": documents(2022, 3, 1, 22)})
    assert codes(govlint.lint_paths([folder], GL8), "GL802") == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_in_force_that_does_not_follow_from_last_year(tmp_path, jobs):
    folder = write(tmp_path, {"2021.txt": documents(2021, 5, 0, 20), "2022.txt": documents(2022, 3, 1, 25)})
    results = govlint.lint_paths([folder], GL8, jobs=jobs)
    assert codes(results, "GL802") == [("2022.txt", "normative_documents", "in_force", 22, 25, "info")]
    d = next(d for r in results for d in r.diagnostics if d.code == "GL802")
    line = (folder / "2022.txt").read_text(encoding="utf-8").split("\n")[d.line - 1]
    assert line[d.column - 1:].startswith("25")  # this year's 现行有效件数 cell
    assert "20 + 3 − 1 = 22" in d.message_en and "2021.txt" in d.message


@pytest.mark.parametrize("files", [
    {"2021.txt": documents(2021, 5, 0, 20), "2022.txt": documents(2022, 3, 1, 25, agency="益阳市财政局")},
    {"2020.txt": documents(2020, 5, 0, 20), "2022.txt": documents(2022, 3, 1, 25)},  # not consecutive (and 2019 format)
])
def test_in_force_nothing_to_compare(tmp_path, files):
    assert codes(govlint.lint_paths([write(tmp_path, files)], GL8), "GL802") == []


# ----------------------------------------------------------------------------- GL803/GL804 copied text

PINGTAN = {year: (Path(__file__).parent / "data" / f"{year}-pingtan.txt").read_text(encoding="utf-8")
           for year in (2021, 2022)}


def changed_figures(text: str) -> str:
    """Every figure other than a year changed (as a report copied with this year's figures)."""
    import re

    return re.sub(r"(?<!\d)(?!20[12]\d)\d+(?!\d)", lambda m: str(int(m.group()) * 3 + 1), text)


def test_two_years_of_one_agency_that_differ_are_not_copies(tmp_path):
    """Pingtan's 2021 and 2022 reports as published: the same agency, consecutive years, their own text."""
    folder = write(tmp_path, {"2021.txt": PINGTAN[2021], "2022.txt": PINGTAN[2022]})
    results = govlint.lint_paths([folder], GL8)
    assert codes(results, "GL803") == [] and codes(results, "GL804") == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_last_years_text_with_new_figures_is_a_copy(tmp_path, jobs):
    copied = changed_figures(PINGTAN[2021].replace("2021", "2022"))
    folder = write(tmp_path, {"2021.txt": PINGTAN[2021], "2022.txt": copied})
    results = govlint.lint_paths([folder], GL8, jobs=jobs)
    assert codes(results, "GL803") == [("2022.txt", None, None, "< 80%", "100%", "warning")]
    assert codes(results, "GL804") == []  # the same agency: not a copy across agencies
    d = next(d for r in results for d in r.diagnostics if d.code == "GL803")
    assert d.line == 1 and "2021.txt" in d.message  # on this year's title, naming last year's file


def test_a_partly_rewritten_report_is_measured_by_its_own_text(tmp_path):
    """Half of last year's paragraphs kept: all of this year's text is last year's (a copy), though
    half of last year's is gone; the other way round, half of this year's text is new (no copy). The
    threshold decides."""
    paragraphs = [b for b in DATA.blocks if b[0] == "p" and len(b[1]) > 40]
    half = dataclasses.replace(DATA, blocks=[b for b in DATA.blocks if b not in paragraphs[1::2]])
    assert rs.to_text(half) != rs.to_text(DATA)
    folder = write(tmp_path / "a", {"2022.txt": rs.to_text(DATA), "2023.txt": rs.to_text(half).replace("2022", "2023")})
    assert codes(govlint.lint_paths([folder], GL8), "GL803") == [("2023.txt", None, None, "< 80%", "100%", "warning")]
    # (all of it: the strictest threshold there is, 1, still finds it; one above 1 is no share, refused)
    strict = govlint.Config(extend_select=("GL8",), rules={"GL803": {"threshold": 1}})
    assert codes(govlint.lint_paths([folder], strict), "GL803") == [("2023.txt", None, None, "< 100%", "100%", "warning")]
    with pytest.raises(govlint.ConfigError, match="at most 1"):
        govlint.lint_paths([folder], govlint.Config(extend_select=("GL8",), rules={"GL803": {"threshold": 1.01}}))
    grown = write(tmp_path / "b", {"2022.txt": rs.to_text(half), "2023.txt": rs.to_text(DATA).replace("2022", "2023")})
    assert codes(govlint.lint_paths([grown], GL8), "GL803") == []


def test_two_agencies_with_one_text(tmp_path):
    other = "益阳市财政局"
    folder = write(tmp_path, {"a.txt": rs.to_text(DATA), "b.txt": changed_figures(rs.to_text(DATA)).replace(AGENCY, other),
                              "c.txt": PINGTAN[2022]})
    results = govlint.lint_paths([folder], GL8)
    found = codes(results, "GL804")
    assert [f[0] for f in found] == ["a.txt", "b.txt"] and all(int(f[4][:-1]) >= 90 for f in found)
    msgs = {Path(r.path).name: d.message for r in results for d in r.diagnostics if d.code == "GL804"}
    assert other in msgs["a.txt"] and "b.txt" in msgs["a.txt"] and AGENCY in msgs["b.txt"]
    assert codes(results, "GL803") == []


def test_many_agencies_with_one_text_name_the_closest_and_count_the_rest(tmp_path):
    names = ["甲镇人民政府", "乙镇人民政府", "丙镇人民政府"]
    files = {f"{i}.txt": rs.to_text(DATA).replace(AGENCY, n) for i, n in enumerate(names)}
    results = govlint.lint_paths([write(tmp_path, files)], GL8)
    msgs = [d.message for r in results for d in r.diagnostics if d.code == "GL804"]
    assert len(msgs) == 3 and all("另有1份" in m for m in msgs)
    # the count follows the sentence it adds to (not inside it: “…的报告（1.txt）；另有1份…相同相同：”)
    assert all(re.search(r"的报告（[^）]*）相同；另有1份其他机关的报告也与本报告高度相同：各机关", m) for m in msgs), msgs
    assert all("; 1 more reports of other agencies are also largely the same: each agency" in d.message_en
               for r in results for d in r.diagnostics if d.code == "GL804")


def test_short_or_anonymous_texts_are_not_compared(tmp_path):
    short = "某某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度无。\n二、主动公开政府信息情况\n无。\n"
    untitled = "\n".join(rs.to_text(DATA).split("\n")[1:])  # no title: no agency
    assert untitled.count("\n") > 100 and AGENCY in rs.to_text(DATA).split("\n")[0]
    folder = write(tmp_path, {"a.txt": short, "b.txt": short.replace("某某局", "某某办"), "c.txt": untitled,
                              "d.txt": rs.to_text(DATA).replace(AGENCY, "益阳市财政局")})
    results = govlint.lint_paths([folder], GL8)
    assert codes(results, "GL804") == [] and codes(results, "GL803") == []


def test_one_template_filled_in_by_many_bodies_is_found_in_linear_work(tmp_path):
    """70 bodies, one text: every report is told, and the count says "at least" (a crowded band pairs
    each report with its neighbours only, so that the work does not grow with the pairs)."""
    from govlint_rules.crossreport import gl804_copied_across as gl804

    files = {f"{i:02d}.txt": rs.to_text(DATA).replace(AGENCY, f"第{i}镇人民政府") for i in range(70)}
    assert len(files) > gl804._CROWD
    results = govlint.lint_paths([write(tmp_path, files)], GL8)
    msgs = [d.message for r in results for d in r.diagnostics if d.code == "GL804"]
    assert len(msgs) == 70 and all("另有至少" in m for m in msgs)


# ----------------------------------------------------------------------------- GL805 versions of one report

def test_the_page_and_the_attachment_of_one_report_agree(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "page.html").write_bytes(rs.to_html(DATA).data)
    (folder / "attachment.txt").write_text(rs.to_text(DATA, "spaced"), encoding="utf-8")
    assert codes(govlint.lint_paths([folder], GL8), "GL805") == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_page_and_the_attachment_of_one_report_differ(tmp_path, jobs):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "page.html").write_bytes(rs.to_html(DATA).data)
    changed = DATA.with_value("三", "new", "total", "4").with_value("二", "licensing", "decisions", "7")
    (folder / "attachment.txt").write_text(rs.to_text(changed, "rows"), encoding="utf-8")
    results = govlint.lint_paths([folder], GL8, jobs=jobs)
    found = [(Path(r.path).name, d.table, d.actual) for r in results for d in r.diagnostics if d.code == "GL805"]
    assert sorted(found) == [("attachment.txt", "三", 1), ("attachment.txt", "二", 1),
                             ("page.html", "三", 1), ("page.html", "二", 1)]
    msg = next(d for r in results for d in r.diagnostics if d.code == "GL805" and d.table == "三"
               and r.path.endswith("page.html"))
    assert "一、本年新收政府信息公开申请数量" in msg.message and "3（另一份为4）" in msg.message
    assert "attachment.txt" in msg.message and "(there 4)" in msg.message_en
    # it points at table 三 of the page
    page = (folder / "page.html").read_text(encoding="utf-8").split("\n")
    assert msg.line <= len(page) and "<td" in page[msg.line - 1]


@pytest.mark.parametrize("other", [
    report(2021, 0),  # another year
    report(2022, 5, agency="益阳市财政局"),  # another agency
])
def test_versions_only_of_one_agency_and_year(tmp_path, other):
    folder = write(tmp_path, {"a.txt": report(2022, 0), "b.txt": other})
    assert codes(govlint.lint_paths([folder], GL8), "GL805") == []


def test_many_differences_are_counted(tmp_path):
    data = DATA
    for row in ("new", "total", "unable.not_held"):
        data = data.with_value("三", row, "natural", "9").with_value("三", row, "total", "9")
    folder = write(tmp_path, {"a.txt": rs.to_text(DATA), "b.txt": rs.to_text(data)})
    notes = [d for r in govlint.lint_paths([folder], GL8) for d in r.diagnostics if d.code == "GL805"]
    assert [d.actual for d in notes] == [6, 6] and all("等6处" in d.message for d in notes)


def test_more_reports_of_one_agency_and_year_than_versions_are_not_compared(tmp_path):
    files = {f"{i}.txt": rs.to_text(DATA.with_value("三", "new", "total", str(i))) for i in range(6)}
    assert codes(govlint.lint_paths([write(tmp_path, files)], GL8), "GL805") == []
    three = {f"{i}.txt": rs.to_text(DATA.with_value("三", "new", "total", str(i))) for i in range(3)}
    notes = [d for r in govlint.lint_paths([write(tmp_path / "3", three)], GL8) for d in r.diagnostics
             if d.code == "GL805"]
    assert len(notes) == 3 and all("另有1份" in d.message for d in notes)  # one per report, the others counted


# ----------------------------------------------------------------------------- which reports are one agency's

def untitled(text: str, title: str) -> str:
    """``text`` under ``title`` (a title that names no agency)."""
    return "\n".join([title, *text.split("\n")[1:]]).replace(AGENCY, "本机关")


@pytest.mark.parametrize("titles", [("2021年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告"),
                                    ("政府信息公开工作年度报告", "政府信息公开工作年度报告")])
def test_titles_that_name_no_agency_do_not_make_reports_one_agencys(tmp_path, titles):
    """Two bodies whose titles name no agency: their reports are not paired across years (GL801,
    GL802) nor taken for versions of one report (GL805)."""
    folder = write(tmp_path, {"x-2021.txt": untitled(report(2021, 0, carry_forward=4), titles[0]),
                              "y-2022.txt": untitled(report(2022, 1), titles[1]),
                              "z-2022.txt": untitled(report(2022, 3), titles[1])})
    results = govlint.lint_paths([folder], GL8)
    parsed = [govlint.parse(folder / name) for name in ("x-2021.txt", "y-2022.txt", "z-2022.txt")]
    assert [p.agency for p in parsed] == [None, None, None] and [p.year for p in parsed] == [2021, 2022, 2022]
    assert [d.code for r in results for d in r.diagnostics if d.code.startswith("GL8")] == []


@pytest.mark.parametrize("names", [
    ("平潭县人民政府", "平潭县"), ("平潭县", "平潭县政府"), ("益阳市人民政府办公室", "益阳市政府办公室"),
    (AGENCY, f"关于{AGENCY}"),  # 关于益阳市行政审批服务局2022年政府信息公开工作年度报告
    (AGENCY, f"【{AGENCY}】"), ("益阳市人民政府", "益阳市人民政府（本级）"), ("益阳市人民政府", "益阳市本级"),
    ("中共益阳市委宣传部", "益阳市委宣传部"), ("中共益阳市委宣传部", "中国共产党益阳市委员会宣传部"),
    # with or without the places above it (one fuller name in the run)
    ("湖南省益阳市教育局", "益阳市教育局"), ("益阳市赫山区财政局", "赫山区财政局"),
    ("灰山港镇人民政府", "桃江县灰山港镇人民政府"), ("湖南省益阳市人民政府", "益阳市"),
    # a kind of body's full name, its standard short form, its abbreviation, its name before a renaming
    ("益阳市卫生健康委员会", "益阳市卫健委"), ("桃江县市场监督管理局", "桃江县市场监管局"),
    ("益阳市发展和改革委员会", "益阳市发展改革委"), ("安化县人力资源和社会保障局", "安化县人力社保局"),
    ("沅江市住房和城乡建设局", "沅江市住房城乡建设局"), ("赫山区住建局", "益阳市赫山区住房和城乡建设局"),
    ("南县自然资源和规划局", "南县自然资源局"), ("益阳市环境保护局", "益阳市生态环境局"),
    ("国家发展和改革委员会", "国家发展改革委"), ("平潭综合实验区管理委员会", "平潭综合实验区管委会"),
    # a government's general office: 办公厅 or 办公室, 人民政府 or 政府, in full or 政府办
    ("益阳市人民政府办公厅", "益阳市政府办公室"), ("桃江县人民政府办公室", "桃江县政府办"),
    ("中共益阳市委办公厅", "益阳市委办公室"),
    # 市监局 after the city's name written once; a body renamed; a county's bureau made the city's branch
    ("益阳市市场监督管理局", "益阳市监局"), ("桃江县扶贫开发办公室", "桃江县乡村振兴局"), ("安化县扶贫办", "安化县乡村振兴局"),
    ("桃江县环境保护局", "益阳市生态环境局桃江分局"), ("益阳市赫山区环保局", "益阳市生态环境局赫山分局"),
])
def test_one_agencys_name_written_differently_in_two_years(tmp_path, names):
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2, agency=names[0]),
                              "2022.txt": report(2022, 3, agency=names[1])})
    assert [f[0] for f in gl8(govlint.lint_paths([folder], GL8))] == ["2022.txt", "2022.txt"]


@pytest.mark.parametrize("names", [("益阳市人民政府", "益阳市人民政府办公室"), ("平潭县", "平潭县教育局"),
                                   ("平潭综合实验区", "平潭县"), ("益阳市教育局", "桃江县教育局"),
                                   ("益阳市市场监督管理局", "益阳市市场监督管理局赫山分局"),
                                   ("福州市鼓楼区教育局", "南京市鼓楼区教育局"), ("益阳市赫山区财政局", "财政局"),
                                   ("益阳市人民政府", "湖南省人民政府"), ("益阳市赫山区人民政府", "赫山区财政局"),
                                   ("中共益阳市委宣传部", "益阳市委"),
                                   # one kind of body in two places, or two kinds with like names
                                   ("益阳市卫生健康委", "益阳市赫山区卫生健康委"), ("益阳市市场监管局", "益阳市监察局"),
                                   ("益阳市住建局", "益阳市住房公积金管理中心"), ("益阳市政府办公室", "益阳市委办公室"),
                                   ("益阳市生态环境局", "益阳市生态环境局赫山分局"),
                                   ("桃江县生态环境局", "益阳市生态环境局赫山分局"), ("桃江县财政局", "益阳市生态环境局桃江分局"),
                                   ("益阳市乡村振兴局", "桃江县乡村振兴局"), ("益阳市发展改革委", "益阳市改革办"),
                                   ("北京市规划和自然资源委员会", "北京市自然资源局")])
def test_a_government_and_its_office_or_bureau_are_two_agencies(tmp_path, names):
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2, agency=names[0]),
                              "2022.txt": report(2022, 3, agency=names[1])})
    assert gl8(govlint.lint_paths([folder], GL8)) == []


# ----------------------------------------------------------------------------- last year's report in versions

def test_last_years_versions_that_agree_are_compared(tmp_path):
    """Last year's report as a page and as an attachment (as an office downloads every report): the
    figure both give is the one this year continues."""
    folder = write(tmp_path, {"2021.md": report(2021, 0, carry_forward=2, shape="rows"),
                              "2021.txt": report(2021, 0, carry_forward=2),
                              "2022.txt": report(2022, 3)})
    results = govlint.lint_paths([folder], GL8)
    assert gl8(results) == [("2022.txt", "carried_over", "natural", 2, 3), ("2022.txt", "carried_over", "total", 2, 3)]
    d = next(d for r in results for d in r.diagnostics if d.code == "GL801")
    assert "2021.md、" in d.message and "2021.txt）" in d.message and "2021.md, " in d.message_en


def test_last_years_versions_in_force_and_text(tmp_path):
    copied = changed_figures(PINGTAN[2021].replace("2021", "2022"))
    folder = write(tmp_path, {"a/2021.txt": documents(2021, 5, 0, 20), "b/2021.txt": documents(2021, 5, 0, 20),
                              "2022.txt": documents(2022, 3, 1, 25)})
    assert codes(govlint.lint_paths([folder], GL8), "GL802") == [
        ("2022.txt", "normative_documents", "in_force", 22, 25, "info")]
    pages = write(tmp_path / "p", {"2021.txt": PINGTAN[2021], "2021-attachment.txt": PINGTAN[2021],
                                   "2022.txt": copied})
    results = govlint.lint_paths([pages], GL8)
    assert codes(results, "GL803") == [("2022.txt", None, None, "< 80%", "100%", "warning")]


def test_every_report_of_a_compilation_is_compared(tmp_path):
    """A file holding several agencies' reports (a 汇编) gives the checks across reports each one's
    facts: last year's report of the second agency is compared with that agency's, not with the first's."""
    other = "益阳市教育局"
    compiled = report(2022, 0) + "\n\n" + report(2022, 3, agency=other) + "\n"
    folder = write(tmp_path, {"2022/all.txt": compiled, "2021/edu.txt": report(2021, 0, carry_forward=2, agency=other)})
    results = govlint.lint_paths([folder], GL8)
    assert "GL013" in {d.code for r in results for d in r.diagnostics}  # (read as two reports)
    second = compiled.split("\n").index(report(2022, 3, agency=other).split("\n")[0]) + 1
    found = [(Path(r.path).name, d.row, d.col, d.expected, d.actual, d.line > second)
             for r in results for d in r.diagnostics if d.code == "GL801"]
    assert found == [("all.txt", "carried_over", "natural", 2, 3, True), ("all.txt", "carried_over", "total", 2, 3, True)]


def test_a_name_several_fuller_names_end_with_is_no_ones(tmp_path):
    """鼓楼区教育局 with both 福州市鼓楼区教育局 and 南京市鼓楼区教育局 in the run: which one it is, is not
    certain: it is paired with neither (GL801), nor taken for a version of either (GL805)."""
    folder = write(tmp_path, {"a.txt": report(2021, 0, carry_forward=2, agency="鼓楼区教育局"),
                              "b.txt": report(2022, 3, agency="福州市鼓楼区教育局"),
                              "c.txt": report(2022, 4, agency="南京市鼓楼区教育局"),
                              "d.txt": report(2021, 0, carry_forward=1, agency="南京市鼓楼区教育局")})
    results = govlint.lint_paths([folder], GL8)
    assert gl8(results) == [("c.txt", "carried_over", "natural", 1, 4), ("c.txt", "carried_over", "total", 1, 4)]
    assert codes(results, "GL805") == []


def test_versions_named_with_and_without_the_city_are_one_agencys(tmp_path):
    """A page titled 赫山区财政局… and its attachment titled 益阳市赫山区财政局…: one agency's report of
    one year (GL805 compares their figures), not two agencies with one text (GL804)."""
    folder = write(tmp_path, {"page.txt": report(2022, 0, agency="赫山区财政局"),
                              "attachment.txt": report(2022, 1, agency="益阳市赫山区财政局")})
    results = govlint.lint_paths([folder], GL8)
    assert sorted(f[0] for f in codes(results, "GL805")) == ["attachment.txt", "page.txt"]
    assert codes(results, "GL804") == []


@pytest.mark.parametrize("name", ["财政局", "县财政局", "区教育局", "县人民政府办公室", "镇人民政府",
                                  # kinds whose names hold 乡 or 市, or end in 委员会
                                  "住房和城乡建设局", "城市管理局", "卫生健康委员会", "卫健委", "县住建局"])
def test_a_name_without_its_place_is_no_ones(tmp_path, name):
    """Titles that name a kind of body without its place (财政局2022年…, as a county's site titles its
    bureaux' reports): two counties' reports are not one agency's, across years (GL801) or as
    versions (GL805)."""
    folder = write(tmp_path, {"a-2021.txt": report(2021, 0, carry_forward=2, agency=name),
                              "b-2022.txt": report(2022, 5, agency=name), "c-2022.txt": report(2022, 1, agency=name)})
    results = govlint.lint_paths([folder], GL8)
    assert gl8(results) == [] and codes(results, "GL805") == []


@pytest.mark.parametrize("name", ["国家统计局", "教育部", "国家税务总局益阳市税务局"])
def test_a_central_body_names_one_agency(tmp_path, name):
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2, agency=name),
                              "2022.txt": report(2022, 3, agency=name)})
    assert [f[0] for f in gl8(govlint.lint_paths([folder], GL8))] == ["2022.txt", "2022.txt"]


# ----------------------------------------------------------------------------- the body named below the title

def below(text: str, title: str, lines: tuple = (), opening: str = "") -> str:
    """``text`` under ``title``, with ``lines`` below the title (a byline) and, when given, ``opening``
    for its first sentence."""
    rows = text.split("\n")
    if opening:
        rows[1] = opening
    return "\n".join([title, *lines, *rows[1:]])


OPENING = "本报告由{}根据《中华人民共和国政府信息公开条例》编制。本报告数据统计时限为2022年1月1日至2022年12月31日。"


@pytest.mark.parametrize("byline", ["益 阳 市 行 政 审 批 服 务 局", "益阳市 行政审批服务局", "益　阳　市　行　政　审　批　服　务　局"])
def test_a_spaced_byline_names_the_agency(tmp_path, byline):
    """A title that names no body, with the body's name spaced out on the line below (which reads as a
    row of cells): that body's report."""
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2),
                              "2022.txt": below(report(2022, 3), "2022年政府信息公开工作年度报告", (byline,))})
    assert govlint.parse(folder / "2022.txt").agency == AGENCY
    assert [f[0] for f in gl8(govlint.lint_paths([folder], GL8))] == ["2022.txt", "2022.txt"]


@pytest.mark.parametrize("title, lines, opening", [
    ("行政审批服务局2022年政府信息公开工作年度报告", (AGENCY,), ""),
    ("行政审批服务局2022年政府信息公开工作年度报告", (), OPENING.format(AGENCY)),
    ("市行政审批局2022年政府信息公开工作年度报告", ("益 阳 市 行 政 审 批 服 务 局",), ""),
])
def test_a_title_naming_a_kind_of_body_takes_the_body_named_below_it(tmp_path, title, lines, opening):
    """A title that names only a kind of body (行政审批服务局2022年…, as a county's site titles its
    bureaux' reports): the body its byline or its opening sentence names, when it is of that kind."""
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2),
                              "2022.txt": below(report(2022, 3), title, lines, opening)})
    assert [f[0] for f in gl8(govlint.lint_paths([folder], GL8))] == ["2022.txt", "2022.txt"]


@pytest.mark.parametrize("title, lines, opening", [
    ("财政局2022年政府信息公开工作年度报告", (AGENCY,), ""),  # the byline names a body of another kind
    ("行政审批服务局2022年政府信息公开工作年度报告", ("桃江县行政审批服务局",), ""),  # ... or in another place
    ("市行政审批服务局2022年政府信息公开工作年度报告", (), OPENING.format("益阳市赫山区行政审批服务局")),
    # a title that names no body, and the body that compiled the report (a government's, by its office)
    ("2022年政府信息公开工作年度报告", (), OPENING.format(AGENCY)),
])
def test_a_body_named_below_a_title_of_another_kind_is_not_taken(tmp_path, title, lines, opening):
    folder = write(tmp_path, {"2021.txt": report(2021, 0, carry_forward=2),
                              "2022.txt": below(report(2022, 3), title, lines, opening)})
    assert gl8(govlint.lint_paths([folder], GL8)) == []
