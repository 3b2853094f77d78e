from govlint import Fix, rule
from govlint.relazy import lazy_compile

from .._prose import prose, span_of, text_at

_CJK = "\u3400-\u9fff\uf900-\ufaff"
# , ; : ? ! between Chinese characters (a half-width mark inside a number, a time, a URL or
# English text is left alone because one of its neighbours is not Chinese)
_MARK = lazy_compile(rf"(?<=[{_CJK}“”《》）])([,;:?!])(?=[{_CJK}“《（])")
# (…) whose content starts and ends with a Chinese character: (试行), (汇总)
_PARENS = lazy_compile(rf"\(([{_CJK}][^()\n]{{0,30}}?[{_CJK}]|[{_CJK}])\)")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def _fixed(text: str) -> str:
    """The text with the marks made full-width (one character for one: offsets stay valid)."""
    text = _MARK.sub(lambda m: _FULL[m.group(1)], text)
    return _PARENS.sub(lambda m: f"（{m.group(1)}）", text)


@rule("GL901", "style.halfwidth-punctuation", "info", enabled=False, fixable=True,
      summary_en="half-width punctuation in Chinese text")
def halfwidth_punctuation(report, ctx):
    """中文正文应使用全角标点（，；：？！（））。

    What: in the running text, a comma, semicolon, colon, question or exclamation mark written
    half-width between Chinese characters, and half-width brackets around Chinese words, are
    reported once per paragraph, with a fix that makes them full-width. Marks inside numbers
    (1,234), times (10:30), web addresses or English text are left alone.
    Why: the published template and GB/T 15834—2011 《标点符号用法》 use full-width punctuation in
    Chinese text. Text copied through some tools (or NFKC-normalised, as scraped pages often are)
    comes out half-width. It is a matter of typography, not of content, so the rule is off unless
    selected (`--select GL9` or `extend-select = ["GL9"]`).
    Fails: “根据《条例》的有关规定,现对本机关2022年政府信息公开工作报告予以公布。”
    Passes: “根据《条例》的有关规定，现对本机关2022年政府信息公开工作报告予以公布。”
    Basis: GB/T 15834—2011; format-spec “Punctuation” (report punctuation differences only as style).
    """
    for _, p in prose(report, title=True):
        hits = [m.span(1) for m in _MARK.finditer(p.text)] + [m.span() for m in _PARENS.finditer(p.text)]
        if not hits:
            continue
        first = min(a for a, _ in hits)
        last = max(b for _, b in hits)
        fix = None
        if text_at(report, p, first, last) == p.text[first:last]:
            fix = Fix(p.offset(first), p.end_offset(last), _fixed(p.text)[first:last])
        marks = "".join(sorted({p.text[a] for a, _ in hits}))
        yield ctx.rule.diag(span_of(ctx, p, first, first + 1),
                            f"本段有{len(hits)}处半角标点（{'、'.join(f'“{m}”' for m in marks)}）夹在中文之间，应使用全角标点",
                            f"{len(hits)} half-width punctuation mark{'s' if len(hits) != 1 else ''} "
                            f"({', '.join(f'“{m}”' for m in marks)}) in Chinese text in this paragraph; "
                            "use full-width punctuation", fix=fix, actual=len(hits))
