from govlint import Fix, rule

from .._prose import prose, span_of, text_at
from ._docs import doc_numbers


@rule("GL604", "citations.doc-number-brackets", "warning", fixable=True,
      summary_en="a document number's year is not in 〔〕")
def doc_brackets(report, ctx):
    """文号中的年份应使用六角括号〔〕，如“国办公开办函〔2021〕30号”。

    What: in a document number — issuer abbreviation, year, serial, 号 — the year is enclosed in
    六角括号 〔〕, not in [] () （） 【】 ［］ 〈〉 ｛｝ {} 〖〗 <>. The fix replaces the two brackets (digits untouched).
    Why: GB/T 9704—2012 《党政机关公文格式》 §7.2.3 prescribes 〔〕 for the year of a 发文字号; other
    brackets are a common slip when typing, and make the number harder to search for. A year left
    without brackets (``国办公开办函2021年30号``, ``国办函2020 109号``, ``国办公开办函202130号``: an issuer ending as 发文字号 do,
    in 函, 发, 字, 规 or 电, glued to the year) is reported too, without a fix.
    Fails: “国办公开办函[2021]30号”, “国办函（2020）109号”, “国办函〈2020〉109号”, “国办公开办函2021年30号”.
    Passes: “国办公开办函〔2021〕30号”.
    Basis: GB/T 9704—2012 §7.2.3 (发文字号); issue 4 (document numbers with 〔〕).
    """
    for _, p in prose(report, title=True):
        for num in doc_numbers(p.text):
            if num.open_at < 0 or (num.open == "〔" and num.close == "〕"):
                continue
            written = p.text[num.start:num.end]
            if not num.open:  # no brackets at all (国办公开办函2021年30号): where the year ends is less certain, no fix
                yield ctx.rule.diag(span_of(ctx, p, num.start, num.end),
                                    f"文号“{written}”的年份应使用六角括号“〔〕”：{num.canonical}",
                                    f"the year of the document number “{written}” belongs in 〔〕: {num.canonical}",
                                    expected=num.canonical, actual=written)
                continue
            # (the file must hold the number as the paragraph reads it: not broken over two lines)
            fixes_ok = text_at(report, p, num.open_at, num.close_at + 1) == p.text[num.open_at:num.close_at + 1]
            fix = None
            if fixes_ok:
                body = p.text[num.open_at + 1:num.close_at]
                fix = Fix(p.offset(num.open_at), p.end_offset(num.close_at + 1), f"〔{body}〕")
            yield ctx.rule.diag(span_of(ctx, p, num.start, num.end),
                                f"文号“{written}”的年份应使用六角括号“〔〕”：{num.canonical}",
                                f"the year of the document number “{written}” belongs in 〔〕: {num.canonical}",
                                expected=num.canonical, actual=written, fix=fix)
