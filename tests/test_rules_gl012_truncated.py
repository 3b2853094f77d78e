"""GL012: a text cut off at its end (or starting at a later part) is said to be so, once."""

from __future__ import annotations

from pathlib import Path

import pytest
import render_shapes as rs
from seedvariants import LINES, SEED_TEXT, run, where

import govlint
from govlint.config import Config

PART5, PART6 = LINES.index("五、存在的主要问题及改进情况") + 1, LINES.index("六、其他需要报告的事项") + 1
PART5_TEXT = LINES[PART5]  # the paragraph of part 五 (line PART5 + 1)


def upto(line: int, last: str | None = None) -> str:
    """The seed's first ``line`` lines, the last one replaced by ``last``."""
    lines = LINES[:line]
    if last is not None:
        lines[-1] = last
    return "\n".join(lines) + "\n"


def test_a_complete_report_is_not_cut_off():
    assert run(SEED_TEXT, "GL012") == []


def test_a_report_without_part_6_that_ends_a_sentence_is_only_missing_it():
    text = upto(PART5 + 1)  # ends “……进一步提升政务公开工作水平。”
    assert run(text, "GL012") == [] and [d.code for d in run(text, "GL101")] == ["GL101"]


@pytest.mark.parametrize("ending", ["益阳市行政审批服务局", "2023年1月20日", "打印本页 关闭窗口", "（完）",
                                    "联系我们 网站地图 隐私声明 使用帮助 主办单位", "主办单位：益阳市行政审批服务局",
                                    "附件：益阳市行政审批服务局2022年度政府信息公开工作年度报告",
                                    "【打印本页】【关闭窗口】【我要纠错】收藏本页", "信息来源：益阳市行政审批服务局办公室"])
def test_signatures_dates_and_page_furniture_are_endings(ending):
    assert run(upto(PART5 + 1) + ending + "\n", "GL012") == []


def test_a_sentence_cut_in_part_5():
    cut = PART5_TEXT[:PART5_TEXT.index("主要表现在") + 3]  # “……主要表现在:对政府” without its end
    ds = run(upto(PART5 + 1, cut), "GL012")
    assert where(ds) == [("GL012", PART5 + 1)]
    assert "第六部分" in ds[0].message and "part 六" in ds[0].message_en and ds[0].column == 1


def test_a_table_cut_in_a_row():
    row = LINES.index("7.属于行政执法案卷 |") + 1
    text = upto(row + 4)  # the label and three of its seven values
    ds = run(text, "GL012")
    assert where(ds) == [("GL012", row + 4)]
    assert "表三" in ds[0].message and "第四至六部分" in ds[0].message and "parts 四–六" in ds[0].message_en


def test_the_row_a_table_is_cut_in_is_the_cut_not_a_short_row():
    """The row the text stops in lacks values because the text does: GL012 says so, GL211 does not add
    a “too few values” for it. A short row the text goes on after is still GL211's."""
    row = LINES.index("7.属于行政执法案卷 |") + 1
    text = upto(row + 4)  # the label and three of its seven values
    assert where(run(text, "GL012")) == [("GL012", row + 4)] and run(text, "GL211") == []
    short = LINES[:row + 4] + LINES[row + 7:]  # three values missing, the report goes on to its end
    assert where(run("\n".join(short) + "\n", "GL211")) == [("GL211", row)]
    ended = LINES[:row + 4] + LINES[PART5 - 1:]  # … or goes on to parts 五 and 六 after the short row
    assert where(run("\n".join(ended) + "\n", "GL211")) == [("GL211", row)]


def test_a_table_cut_between_rows():
    row = LINES.index("7.属于行政执法案卷 |") + 1
    ds = run(upto(row + 7), "GL012")  # the row complete, the next rows gone
    assert where(ds) == [("GL012", row + 7)] and "不完整" in ds[0].message


def test_a_text_that_starts_at_a_later_part():
    start = LINES.index("四、政府信息公开行政复议、行政诉讼情况")
    text = "\n".join(LINES[start:]) + "\n"
    ds = run(text, "GL012")
    assert where(ds) == [("GL012", 1)] and "第一至三部分" in ds[0].message and "parts 一–三" in ds[0].message_en


def test_a_web_page_cut_off():
    page = rs.to_html(rs.load_seed(Path(__file__).parent / "data" / "seed.txt")).data.decode()
    cut = page[:page.index("主要表现在") + 5]  # the page's bytes end in part 五's paragraph
    found = govlint.lint(cut.encode(), Config(select=("GL012",)))
    assert [d.code for d in found] == ["GL012"] and "第六部分" in found[0].message
    assert "主要表现在" in cut.split("\n")[found[0].line - 1]  # it points into the page's own line


def test_gl201_does_not_blame_images_for_a_table_the_text_ends_before():
    head = LINES.index("三、收到和处理政府信息公开申请情况") + 1
    text = upto(head)
    ds = run(text, "GL201")
    t3 = next(d for d in ds if d.table == "三")
    assert "图片" not in t3.message
    # a heading followed by the next part's heading: the table may be an image
    start4 = LINES.index("四、政府信息公开行政复议、行政诉讼情况")
    text = "\n".join(LINES[:head] + LINES[start4:]) + "\n"
    t3 = next(d for d in run(text, "GL201") if d.table == "三")
    assert "图片" in t3.message
