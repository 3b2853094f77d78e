from govlint import rule
from govlint.relazy import lazy_compile

from .._prose import prose, span_of

_USE = lazy_compile(r"《条例》")
#: （以下简称《条例》）, also with the short form in quotes or bare: “条例”, 「条例」, 条例; as the revised one
#: (以下简称新《条例》, 新修订《条例》); 统称 for 简称
_DEFINE = lazy_compile(r"(?:以下简称|以下称|下称|简称|以下统称|统称)\s*[:：]?\s*[“\"「『‘]?\s*"
                       r"(?:新修订的?|修订后的?|新)?\s*《?条例(?![\u4e00-\u9fff])")


@rule("GL602", "citations.short-form", "info", summary_en="《条例》 used before it is introduced")
def short_form(report, ctx):
    """简称《条例》应先在全称后用“以下简称《条例》”引出。

    What: the short form 《条例》 appears only after the full name has been cited with
    “（以下简称《条例》）” (also accepted: 下称, 简称, 统称, the short form in quotes, “条例” or
    「条例」, and as the revised one, 新《条例》 or 新修订《条例》). The first use before any such introduction is reported, once per report.
    Why: 《条例》 alone names no document; the reader learns which regulation is meant only from the
    introduction. Reports that write 《条例》 from the first line leave it implicit (a note, not an
    error: the context usually makes it clear).
    Fails: “认真贯彻落实《条例》要求” with no “以下简称《条例》” before it.
    Passes: “根据《中华人民共和国政府信息公开条例》（以下简称《条例》）…认真贯彻落实《条例》要求”;
    the same with （以下简称“条例”）.
    Basis: drafting convention for short forms (以下简称); issue 4 (accepted short form).
    """
    for _, p in prose(report, title=True):
        text = p.text
        if "条例" not in text:  # (what both patterns need)
            continue
        defined = [m.start() for m in _DEFINE.finditer(text)]
        for m in _USE.finditer(text):
            if defined and defined[0] < m.end():
                return  # introduced before (or at) this use: every later use is fine
            yield ctx.rule.diag(span_of(ctx, p, m.start(), m.end()),
                                "《条例》在引出简称之前就已使用：应在首次引用时写全称《中华人民共和国政府信息公开条例》并注明“以下简称《条例》”",
                                "《条例》 is used before it is introduced: cite the full name 《中华人民共和国政府信息公开条例》 "
                                "first, with （以下简称《条例》）")
            return
        if defined:
            return
