"""An example govlint plugin (see docs/plugins.md): two rules, one of them with a safe fix.

Third-party rules use four-digit codes (GL9901) so that they never collide with built-in ones.
"""

from __future__ import annotations

import re

import govlint

_PLACEHOLDER = re.compile(r"×{2,}|X{2,}|[（(]?待填写?[）)]?")
_SHORT_NAME = "《政府信息公开条例》"
_FULL_NAME = "《中华人民共和国政府信息公开条例》"


@govlint.rule("GL9901", "example.placeholder", "warning",
              summary_en="a fill-in placeholder (××, XX, 待填) was left in the text")
def placeholder(report, ctx):
    """正文中不应留有“××”“XX”“待填”等占位符。

    What: paragraphs contain no fill-in placeholders such as ××, XX or 待填.
    Why: a placeholder left in a published report means a figure or a name was never filled in.
    Fails: “本机关共收到××件申请。”
    Passes: “本机关共收到3件申请。”
    Basis: an example rule shipped with govlint's plugin documentation.
    """
    for p in report.paragraphs():
        for m in _PLACEHOLDER.finditer(p.text):
            # (p.offset: a paragraph of text hard-wrapped at a page's margin joins several lines)
            span = ctx.source.span(p.offset(m.start()), p.end_offset(m.end()))
            yield ctx.rule.diag(span, f"正文留有占位符“{m.group()}”", f"placeholder “{m.group()}” left in the text")


@govlint.rule("GL9902", "example.regulation-short-name", "warning", fixable=True,
              summary_en="the regulation is cited by a shortened name")
def regulation_short_name(report, ctx):
    """引用条例应使用全称《中华人民共和国政府信息公开条例》。

    What: the regulation is cited by its full title, 《中华人民共和国政府信息公开条例》.
    Why: official documents cite a regulation by its full title; the short form is a common slip.
    Fails: “根据《政府信息公开条例》的规定”
    Passes: “根据《中华人民共和国政府信息公开条例》的规定”
    Basis: an example rule shipped with govlint's plugin documentation (safe fix: the full title).
    """
    text = ctx.source.text
    start = text.find(_SHORT_NAME)
    while start != -1:
        end = start + len(_SHORT_NAME)
        yield ctx.rule.diag(ctx.source.span(start, end), f"应写全称{_FULL_NAME}",
                            f"cite the regulation by its full title {_FULL_NAME}",
                            fix=govlint.Fix(start, end, _FULL_NAME))
        start = text.find(_SHORT_NAME, end)


@govlint.hookimpl
def govlint_register_rules():
    return [placeholder, regulation_short_name]
