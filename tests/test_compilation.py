"""A file that holds several reports (a 汇编 of departments' reports, or reports copied one after
another) is checked report by report, every finding at its place in the file (GL013 says so)."""

from __future__ import annotations

from pathlib import Path

import govlint
from govlint.compilation import report_starts
from govlint.engine import default_engine

SEED = next(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
AGENCY = "益阳市行政审批服务局"
OTHERS = ("益阳市自然资源和规划局", "益阳市教育局")


def _rel(diags, first_line: int) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.line - first_line + 1, d.column) for d in diags if d.code != "GL013")


def _compiled(head: str = "") -> tuple[str, list[int]]:
    seed = SEED.read_text(encoding="utf-8").rstrip("\n")
    reports = [seed] + [seed.replace(AGENCY, a) for a in OTHERS]
    text, firsts = head, []
    for r in reports:
        firsts.append(text.count("\n") + 1)
        text += r + "\n\n"
    return text, firsts


def test_each_report_of_a_compilation_is_checked_on_its_own() -> None:
    engine = default_engine()
    seed = SEED.read_text(encoding="utf-8")
    alone = engine.lint_bytes(seed.encode("utf-8"), "r.txt").diagnostics
    alone_other = engine.lint_bytes(seed.replace(AGENCY, OTHERS[0]).encode("utf-8"), "r.txt").diagnostics
    text, firsts = _compiled()
    found = engine.lint_bytes(text.encode("utf-8"), "all.txt").diagnostics
    assert "GL102" not in {d.code for d in found}  # (every part was "repeated" after the first report)
    bounds = firsts + [10 ** 6]
    per_report = [[d for d in found if a <= d.line < b] for a, b in zip(bounds, bounds[1:])]
    assert _rel(per_report[0], firsts[0]) == _rel(alone, 1)
    assert _rel(per_report[1], firsts[1]) == _rel(alone_other, 1)  # (GL405 is the 审批服务局's alone)
    note = [d for d in found if d.code == "GL013"]
    assert len(note) == 1 and note[0].line == firsts[1] and note[0].severity.value == "info"
    assert "3份年度报告" in note[0].message and f"第{firsts[0]}、{firsts[1]}、{firsts[2]}行" in note[0].message


def test_a_compilations_own_title_and_contents_are_no_reports() -> None:
    head = "益阳市市直部门2022年政府信息公开工作年度报告汇编\n目录\n" + "".join(
        f"{a}2022年政府信息公开工作年度报告\n" for a in (AGENCY,) + OTHERS) + "\n"
    text, firsts = _compiled(head)
    result = default_engine().lint_bytes(text.encode("utf-8"), "all.txt")
    assert result.report is not None and result.report.title.text.startswith(AGENCY)
    note = next(d for d in result.diagnostics if d.code == "GL013")
    assert f"第{firsts[0]}、" in note.message
    seed_codes = sorted(d.code for d in default_engine().lint_bytes(SEED.read_bytes(), "r.txt").diagnostics)
    first = [d.code for d in result.diagnostics if firsts[0] <= d.line < firsts[1]]
    assert sorted(first) == seed_codes


def test_a_part_written_twice_in_one_report_is_still_a_repeated_part() -> None:
    seed = SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")
    five = next(i for i, s in enumerate(lines) if s.startswith("五、"))
    text = "\n".join(lines[:five] + [lines[2]] + lines[five:])  # 一、总体情况 again, no title before it
    result = default_engine().lint_bytes(text.encode("utf-8"), "r.txt")
    assert report_starts(result.report) == []
    assert "GL102" in {d.code for d in result.diagnostics} and "GL013" not in {d.code for d in result.diagnostics}


def test_gl013_can_be_ignored() -> None:
    text, _ = _compiled()
    found = default_engine().lint_bytes(text.encode("utf-8"), "all.txt", govlint.Config(ignore=("GL013",))).diagnostics
    assert found and "GL013" not in {d.code for d in found}


def test_extract_gives_a_record_per_report(tmp_path) -> None:
    import csv
    import io
    import json

    from govlint import cli

    text, firsts = _compiled()
    f = tmp_path / "all.txt"
    f.write_text(text, encoding="utf-8")
    one = govlint.extract(str(f))
    assert one["report_index"] == 0 and [r["report_index"] for r in one["more_reports"]] == [1, 2]
    assert [one["agency"]] + [r["agency"] for r in one["more_reports"]] == [AGENCY, *OTHERS]
    out = tmp_path / "out.json"
    assert cli.main(["extract", "--format", "json", "-o", str(out), str(f)]) == 0
    records = json.loads(out.read_text(encoding="utf-8"))["files"]
    assert [(r["report_index"], r["agency"]) for r in records] == list(enumerate([AGENCY, *OTHERS]))
    seed_cells = govlint.extract(str(SEED))["cells"]
    assert all(len(r["cells"]) == len(seed_cells) for r in records)
    assert records[1]["cells"][0]["line"] == firsts[1] + seed_cells[0]["line"] - 1
    out = tmp_path / "out.csv"
    assert cli.main(["extract", "--format", "csv", "-o", str(out), str(f)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {r["report_index"] for r in rows} == {"0", "1", "2"}


def test_an_attachment_repeating_the_tables_is_no_second_report() -> None:
    """附件：…统计表 and the headings 二–四 with their tables after part 六: the same report's tables."""
    seed = SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")
    two = next(i for i, s in enumerate(lines) if s.startswith("二、"))
    five = next(i for i, s in enumerate(lines) if s.startswith("五、"))
    att = ["", f"附件：{AGENCY}2022年政府信息公开工作年度报告统计表", ""] + lines[two:five]
    result = default_engine().lint_bytes((seed.rstrip("\n") + "\n" + "\n".join(att)).encode("utf-8"), "r.txt")
    assert report_starts(result.report) == [] and "GL013" not in {d.code for d in result.diagnostics}


def test_parse_all_gives_each_report_and_parse_the_first(tmp_path) -> None:
    text, firsts = _compiled()
    path = tmp_path / "all.txt"
    path.write_text(text, encoding="utf-8")
    reports = govlint.parse_all(path)
    assert [r.title.text[:len(a)] for r, a in zip(reports, (AGENCY,) + OTHERS)] == [AGENCY, *OTHERS]
    assert [r.title.span.line for r in reports] == firsts  # (the file's lines)
    for r in reports:
        assert [s.part for s in r.sections] == [1, 2, 3, 4, 5, 6]  # (nothing of the others)
        assert r.table("三").cell("new", "natural").value == govlint.parse(SEED).table("三").cell("new", "natural").value
    assert govlint.parse(path).title.text == reports[0].title.text
    assert len(govlint.parse(path).sections) == 6
    assert len(govlint.parse_all(SEED)) == 1
