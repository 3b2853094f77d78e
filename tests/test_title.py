"""The report's year and agency as titles write them (GL104, GL404, GL405, GL113 and GL8 read them)."""

from pathlib import Path

import pytest

import govlint
from govlint.build import _agency, _year_of

SEED = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
SEED_TITLE = "益阳市行政审批服务局2022年政府信息公开工作年度报告"


@pytest.mark.parametrize("title, year, agency", [
    ("益阳市行政审批服务局2023年政府信息公开工作年度报告", 2023, "益阳市行政审批服务局"),
    ("某县人民政府办公室关于2023年度政府信息公开工作年度报告", 2023, "某县人民政府办公室"),
    ("2023年某市自然资源和规划局政府信息公开工作年度报告", 2023, "某市自然资源和规划局"),
    ("某市生态环境局政府信息公开工作2023年度报告", 2023, "某市生态环境局"),
    ("二〇二三年某县交通运输局政府信息公开工作年度报告", 2023, "某县交通运输局"),
    ("某市公安局 2023 年政府信息公开工作年度报告", 2023, "某市公安局"),
    ("某市财政局2023年政府信息公开年报", 2023, "某市财政局"),
    # a title announcing the report, or quoting it: the agency is the one inside the title marks
    ("关于印发《某市卫生健康委员会2023年政府信息公开工作年度报告》的通知", 2023, "某市卫生健康委员会"),
    ("某局关于印发《某局2023年政府信息公开工作年度报告》的通知", 2023, "某局"),
    ("《某镇人民政府2023年政府信息公开工作年度报告》", 2023, "某镇人民政府"),
    # 本级: the government's own report (not its region's); the agency is the government
    ("某县人民政府2023年本级政府信息公开工作年度报告", 2023, "某县人民政府"),
    ("某县2023年县本级政府信息公开工作年度报告", 2023, "某县"),
    ("某市市本级2023年政府信息公开工作年度报告", 2023, "某市"),
    # an agency named for disclosure: the report's name starts at the disclosure words before 报告
    ("某市政务公开和政务服务办公室2023年政府信息公开工作年度报告", 2023, "某市政务公开和政务服务办公室"),
    ("某县政务公开办公室2023年政务公开工作年度报告", 2023, "某县政务公开办公室"),
    ("某县人民政府办公室关于2023年政府信息公开工作情况的报告", 2023, "某县人民政府办公室"),
])
def test_year_and_agency_of_a_title(title, year, agency):
    y = _year_of(title)
    assert y is not None and y[0] == year
    assert _agency(title, (y[1], y[2])) == agency


def test_an_announcing_title_in_a_whole_report():
    text = SEED.replace(SEED_TITLE, "关于印发《益阳市行政审批服务局2022年政府信息公开工作年度报告》的通知", 1)
    report = govlint.parse(text)
    assert (report.year, report.agency) == (2022, "益阳市行政审批服务局")
