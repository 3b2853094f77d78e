from govlint import Fix, rule
from govlint.lookalike import lookalikes

#: at most this many characters are named in one message (a line copied from a PDF may hold dozens)
_NAMED = 6


@rule("GL902", "style.lookalike-characters", "warning", enabled=False, fixable=True,
      summary_en="a radical or compatibility character in place of a Chinese character")
def lookalike_characters(report, ctx):
    """正文中的康熙部首等字符看起来是汉字，实际不是，应换成对应的汉字。

    What: a Kangxi radical (U+2F00–U+2FD5), a CJK radical that stands for a whole simplified
    character (⻓ 长, ⻔ 门, ⺠ 民, …) or a CJK compatibility ideograph, written where the Chinese
    character it looks like belongs: ``⼀、总体情况`` (U+2F00, not 一), ``⼈民``, ``⽂件``. Reported
    once per line of the checked text, naming the characters and what they should be, with a fix that
    replaces them (one character for one).
    Why: such text is usually copied out of a PDF whose fonts map glyphs to radicals. It looks right
    but is wrong for every reader that is not a person: the site's search, screen readers, anyone who
    copies a sentence to quote it, and statistics over published reports. govlint itself reads each
    such character as the character it stands for (so a heading ``⼀、总体情况`` is part 一 and the
    other rules are not misled); this rule, off unless selected like every GL9 rule (`--select GL9`
    or `extend-select = ["GL902"]`), reports them in the published text.
    Fails: “⼀、总体情况”（“⼀”是康熙部首 U+2F00）
    Passes: “一、总体情况”
    Basis: GB 18030 / Unicode: Kangxi radicals and compatibility ideographs are not for running
    text; format-spec “Headings” (the parts' headings as the format writes them).
    """
    text = ctx.source.text  # the text as read (the report is built from it with these characters replaced)
    hits = lookalikes(text)
    if not hits:
        return
    lines: dict[int, list[tuple[int, str, str]]] = {}
    for off, ch, ideo in hits:
        lines.setdefault(text.rfind("\n", 0, off), []).append((off, ch, ideo))
    for group in lines.values():
        first, last = group[0][0], group[-1][0] + 1
        replaced = list(text[first:last])
        for off, _, ideo in group:
            replaced[off - first] = ideo
        pairs = []
        for _, ch, ideo in group:
            pair = (ch, ideo)
            if pair not in pairs:
                pairs.append(pair)
        more = len(pairs) > _NAMED
        shown = pairs[:_NAMED]
        zh = "、".join(f"“{ch}”（U+{ord(ch):04X}）应为“{ideo}”" for ch, ideo in shown) + ("等" if more else "")
        en = ", ".join(f"'{ch}' (U+{ord(ch):04X}) should be '{ideo}'" for ch, ideo in shown) + (", …" if more else "")
        n = len(group)
        yield ctx.rule.diag(
            ctx.source.span(first, first + 1),
            f"本行有{n}个字符不是汉字，而是外形相同的部首或兼容字符（多见于从 PDF 复制的文字），"
            f"检索、读屏和复制都会出错：{zh}",
            (f"{n} characters on this line are not Chinese characters but radicals or compatibility characters"
             if n > 1 else "a character on this line is not a Chinese character but a radical or compatibility "
                           "character")
            + f" that look{'s' if n == 1 else ''} the same (typical of text copied from a PDF), which breaks search, "
              f"screen readers and copying: {en}",
            fix=Fix(first, last, "".join(replaced)), actual=n)
