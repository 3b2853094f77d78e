"""A web page printed (or saved as PDF) by a browser carries the date and time, the page's title, its
address and "2/7" in the margins of every page; the text extracted from that PDF has them between
the lines of tables and paragraphs. They are not part of the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.engine import default_engine
from govlint.parse import is_print_margin

SEED = next(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
URL = "https://www.example.gov.cn/xxgk/ndbg/202301/t20230131_1234567.html"
PAGE_TITLE = "益阳市行政审批服务局2022年政府信息公开工作年度报告_年度报告_益阳市人民政府"

# (header lines, footer lines) of a page, as browsers print them; {p}/{n}: page, pages
BROWSERS = {
    "chrome": ([f"2024/3/15 14:22{' ' * 12}{PAGE_TITLE}"], [f"{URL}{' ' * 8}{{p}}/{{n}}"]),
    "chrome, parts on lines of their own": (["2024/3/15 14:22", PAGE_TITLE], [URL, "{p}/{n}"]),
    "chrome, 12-hour clock": ([f"3/15/24, 2:22 PM {PAGE_TITLE}"], [f"{URL} {{p}}/{{n}}"]),
    "firefox": ([f"{PAGE_TITLE}"], ["Page {p} of {n}  2024/3/15 14:22"]),
    "edge, Chinese": ([f"2024/3/15 下午2:22 {PAGE_TITLE}"], [f"{URL} {{p}}/{{n}}"]),
}


def printed(text: str, header: list[str], footer: list[str], every: int = 47) -> str:
    lines = text.split("\n")
    n = (len(lines) + every - 1) // every
    out = []
    for p in range(n):
        out += [h.format(p=p + 1, n=n) for h in header]
        out += lines[p * every:(p + 1) * every]
        out += [f.format(p=p + 1, n=n) for f in footer]
    return "\n".join(out)


@pytest.mark.parametrize("browser", sorted(BROWSERS))
def test_a_printed_page_checks_as_the_page(browser: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    engine = default_engine()
    plain = engine.lint_bytes(seed.encode("utf-8"), "r.txt")
    out = engine.lint_bytes(printed(seed, *BROWSERS[browser]).encode("utf-8"), "r.txt")
    # the same findings (before: table 二 cut in two, table 四 with no row, the agency named
    # "2024/3/1514:22益阳市…")
    assert sorted(d.code for d in out.diagnostics) == sorted(d.code for d in plain.diagnostics)
    cells = lambda r: [(t.id, row.id, c.column, c.value) for t in r.tables for row in t.rows for c in row.cells]  # noqa: E731
    assert cells(out.report) == cells(plain.report)
    assert out.report.title is not None and out.report.title.text == plain.report.title.text


@pytest.mark.parametrize("line", [
    "2024/3/15 14:22 益阳市2022年政府信息公开工作年度报告", "2024-03-15 14:22:05", f"{URL} 3/8", "3/8 " + URL,
    "Page 2 of 7 2024/3/15 14:22", "3/15/24, 2:22 PM 年度报告", "2024/3/15 下午2:22",
])
def test_margins(line: str) -> None:
    assert is_print_margin(line)


@pytest.mark.parametrize("line", [
    "2022/06/15 10:00，我局举办了政府信息公开培训。",  # a sentence that starts with a date and time
    "网址：https://www.example.gov.cn",  # an address in the report's text
    "https://www.example.gov.cn",
    "3/8",  # (a page number alone is a page mark, not a margin of this kind)
    "2023年3月15日 14:00 召开会议",
])
def test_not_margins(line: str) -> None:
    assert not is_print_margin(line)


def test_a_date_and_time_alone_before_the_parts_is_kept() -> None:
    """(It may be the page's publication date.)"""
    assert not is_print_margin("2023-01-31 09:30", before_parts=True)
    assert is_print_margin("2023-01-31 09:30", before_parts=False)


def test_a_cut_off_report_printed_is_still_cut_off() -> None:
    """GL012 looks at the last line read, not at the margin printed under it."""
    seed = SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")
    five = next(i for i, s in enumerate(lines) if s.startswith("五、"))
    cut = "\n".join(lines[:five + 1]) + "\n一是持续在政务公开工作上出新招、出"
    engine = default_engine()
    plain = [d for d in engine.lint_bytes(cut.encode("utf-8"), "r.txt").diagnostics if d.code == "GL012"]
    assert plain
    for browser in sorted(BROWSERS):
        text = printed(cut, *BROWSERS[browser])
        found = [d for d in engine.lint_bytes(text.encode("utf-8"), "r.txt").diagnostics if d.code == "GL012"]
        assert [d.message for d in found] == [d.message for d in plain], browser
        last = text.split("\n")[found[0].line - 1]
        assert last.endswith("出新招、出"), browser
