
from govlint import Fix, rule

from .._prose import prose, span_of, text_at
from govlint.relazy import cached_compile

_OPEN, _CLOSE = "《", "》"
_MARKS = cached_compile("[《》]")
# a title in doubled marks on both sides (balanced, so _unmatched sees nothing): 《《X》》
_DOUBLED_PAIR = cached_compile("《《([^《》\n]+)》》")
#: a page's breadcrumb trail written with 》 between its steps (当前位置：首页》政务公开》年报): no title marks
_BREADCRUMB = cached_compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置|现在位置|首页)")


def _unmatched(text: str) -> tuple[list[int], list[int]]:
    """(unmatched 《 offsets, unmatched 》 offsets) of a paragraph."""
    opens: list[int] = []
    stray: list[int] = []
    for m in _MARKS.finditer(text):  # the marks only, not every character
        if m.group() == _OPEN:
            opens.append(m.start())
        elif opens:
            opens.pop()
        else:
            stray.append(m.start())
    return opens, stray


@rule("GL605", "citations.title-marks", "warning", fixable=True, summary_en="doubled or unbalanced 《 》")
def title_marks(report, ctx):
    """书名号应成对使用，不重复：《……》。

    What: in each paragraph every 《 has its 》 and no mark is doubled (《《, 》》). When a doubled
    mark is the only imbalance — removing one of the two balances the paragraph — the fix removes
    it, as it removes both extra marks of a title doubled on both sides (《《…》》); other imbalances (a 《 never closed, a 》 never opened) are reported without a fix, since
    where the missing mark belongs is not certain. A page's breadcrumb trail written with 》 between
    its steps (当前位置：首页》政务公开》年报) holds no title marks.
    Why: a doubled or missing book-title mark is a typing slip that readers notice and that breaks
    searching for the cited document; GB/T 15834—2011 §4.15 defines the marks as a pair.
    Fails: “严格按照《《中华人民共和国政府信息公开条例》”; “根据《中华人民共和国政府信息公开条例的规定”;
    “根据《《中华人民共和国政府信息公开条例》》” (doubled on both sides: balanced, and still a slip).
    Passes: “严格按照《中华人民共和国政府信息公开条例》”.
    Basis: GB/T 15834—2011 《标点符号用法》 §4.15; issue 4 (doubled or unbalanced 《《 》).
    """
    for _, p in prose(report, title=True):
        text = p.text
        if _OPEN not in text and _CLOSE not in text:
            continue
        opens, stray = _unmatched(text)
        if stray and not opens and _OPEN not in text and _BREADCRUMB.search(text):
            continue
        if not opens and not stray:
            for m in _DOUBLED_PAIR.finditer(text) if "《《" in text else ():
                a, b = m.span()
                single = f"《{m.group(1)}》"
                fix = Fix(p.offset(a), p.end_offset(b), single) if text_at(report, p, a, b) == m.group() else None
                yield ctx.rule.diag(span_of(ctx, p, a, b), f"书名号重复：“{m.group()}”应为“{single}”",
                                    f"doubled book-title marks: “{m.group()}” should be “{single}”", expected=single,
                                    actual=m.group(), fix=fix)
            continue
        # a doubled mark that accounts for the whole imbalance
        doubled = None
        if len(opens) == 1 and not stray:
            i = text.find(_OPEN * 2)
            if i >= 0:
                doubled = (i, _OPEN * 2)
        elif len(stray) == 1 and not opens:
            i = text.find(_CLOSE * 2)
            if i >= 0:
                doubled = (i, _CLOSE * 2)
        if doubled is not None:
            i, pair = doubled
            fix = Fix(p.offset(i), p.end_offset(i + 2), pair[0]) if text_at(report, p, i, i + 2) == pair else None
            yield ctx.rule.diag(span_of(ctx, p, i, i + 2), f"书名号重复：“{pair}”应为“{pair[0]}”",
                                f"doubled book-title mark: “{pair}” should be “{pair[0]}”", expected=pair[0], actual=pair,
                                fix=fix)
            continue
        for i in opens[:1]:
            yield ctx.rule.diag(span_of(ctx, p, i, i + 1), "书名号“《”没有对应的“》”",
                                "the book-title mark “《” is never closed with “》”", expected="》")
        for i in stray[:1]:
            yield ctx.rule.diag(span_of(ctx, p, i, i + 1), "书名号“》”前面没有对应的“《”",
                                "the book-title mark “》” has no opening “《”", expected="《")
