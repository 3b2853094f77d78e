"""The publication date a CMS prints outside the article (a meta line above or below the title, or
only a <meta> tag) is kept by the HTML reader, at its place in the page, for GL703."""

from __future__ import annotations

import html

import pytest

import govlint
from govlint.config import Config
from govlint.readers.html import read_html
from seedvariants import SEED_TEXT

TITLE, *BODY = SEED_TEXT.split("\n")


def article() -> str:
    return "".join(f"<p>{html.escape(line)}</p>\n" for line in BODY if line.strip())


SIDEBAR = ('<div class="side"><h3>相关文件</h3><ul><li><a href="/a">关于某事的通知</a><span>发布时间：2023-05-06</span></li>'
           '<li><a href="/b">另一份通知</a> 发布日期：2023-06-01</li></ul></div>\n')
FOOTER = '<div class="footer">网站更新时间：2023-09-01 主办单位：益阳市行政审批服务局</div>\n'


def page(head: str, top: str, between: str, body: str = "") -> bytes:
    return (f'<html><head><meta charset="utf-8">{head}</head><body>\n<div class="nav"><a href="/">首页</a></div>\n'
            f'{SIDEBAR}<div class="main">{top}<h1>{html.escape(TITLE)}</h1>\n{between}'
            f'<div class="content">{body}{article()}</div></div>\n{FOOTER}</body></html>').encode("utf-8")


META_LINE = '<div class="info"><span>来源：益阳市行政审批服务局</span> <span class="fbsj">发布时间：{}</span></div>\n'
SHAPES = {
    "above the title": lambda d: page("", META_LINE.format(d), ""),
    "below the title": lambda d: page("", "", META_LINE.format(d)),
    "own divs": lambda d: page("", "", f'<div class="property"><div class="time">发布日期：</div><div class="date">{d}</div></div>\n'),
    "meta tag only": lambda d: page(f'<meta name="PubDate" content="{d} 09:30:00">', "", ""),
    "firstpublishedtime": lambda d: page(f'<meta name="firstpublishedtime" content="{d}">', "", ""),
}


def gl703(data: bytes):
    return [d for d in govlint.lint(data, Config(select=("GL703",)))]


@pytest.mark.parametrize("shape", list(SHAPES))
def test_late_publication_outside_the_article_is_gl703_at_its_place(shape):
    data = SHAPES[shape]("2023-02-20")
    ds = gl703(data)
    assert len(ds) == 1 and ds[0].actual == "2023-02-20", ds
    text = data.decode("utf-8")
    # the finding points at the date in the page
    line = text.split("\n")[ds[0].line - 1]
    assert line[ds[0].column - 1:].startswith("2023-02-20")
    assert gl703(SHAPES[shape]("2023-01-20")) == []


def test_other_dates_are_not_the_publication():
    # a sidebar list of other documents (labelled, but items of a list), the footer's 更新时间, a 成文日期 in the body
    data = page("", "", '<div class="info">成文日期：2023-03-01</div>\n')
    assert gl703(data) == []
    src = read_html(data)
    assert "2023-05-06" not in src.text and "2023-09-01" not in src.text
    # a <meta> tag of another date is not the publication
    assert gl703(page('<meta name="ModifiedDate" content="2023-04-01">', "", "")) == []


def test_the_meta_line_does_not_change_the_title():
    r = govlint.parse(SHAPES["above the title"]("2023-02-20"))
    assert r.title is not None and r.title.text == TITLE


@pytest.mark.parametrize("label", ["日期：", "时间："])
def test_a_bare_date_label_in_the_meta_line_is_the_publication(label):
    """A CMS's meta line may label the publication date only 日期： or 时间： (日期：2023/2/20 来源：…);
    it is kept and checked, above or below the title. 更新时间： (another date) stays out."""
    line = '<div class="info"><span>{}</span> <span>来源：益阳市行政审批服务局</span></div>\n'
    for late, ok in (("2023/2/20", "2023/1/20"), ("2023-02-20 09:00", "2023-01-20 09:00")):
        for where in ("top", "between"):
            args = {"head": "", "top": "", "between": ""}
            args[where] = line.format(label + late)
            ds = gl703(page(**args))
            assert len(ds) == 1 and ds[0].actual == "2023-02-20", (where, late)
            args[where] = line.format(label + ok)
            assert gl703(page(**args)) == []
    assert gl703(page("", "", line.format("更新时间：2023-03-01"))) == []
