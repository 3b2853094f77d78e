import unicodedata
from functools import lru_cache

from govlint import Fix, Severity, rule
from govlint.relazy import lazy_compile

from .._prose import prose, span_of, text_at
from ._docs import titles

NAME = "中华人民共和国政府信息公开条例"
_ABOUT = lazy_compile(r"信息公[开布]|政府信息|公开信息|政务公开")
_REGULATION = lazy_compile(r"条[例列]|信息公开法$")
#: a national instrument on disclosure other than the regulation does not exist: 《中华人民共和国政府信息公开规定》
#: (or 办法) is the regulation misnamed, while a local one names its place (《××市政府信息公开规定》)
_NATIONAL_KIND = lazy_compile(r"^中华人民共和国.+(?:规定|办法)$")
_LOCAL = lazy_compile(r"省|自治区|市|县|州|盟|旗|区|镇|乡|实施|办法|规定|细则|释义|解读|学习|问答|知识|汇编")
#: the regulation's name in quotation marks instead of book-title marks: “中华人民共和国政府信息公开条例”
_QUOTED = lazy_compile(r"[“\"「『]((?:中华人民共和国)?政府信息公开条例)[”\"」』]"
                       # … or in angle brackets, which mark a title only inside another one (《关于…〈…〉的通知》)
                       r"|(?:<<|<|＜＜|＜|〈〈|〈)((?:中华人民共和国)?政府信息公开条例)(?:>>|>|＞＞|＞|〉〉|〉)")
#: a note on the revision after the name, inside the title marks: 《…条例（2019年修订）》, （修订版）, （国务院令第711号）
_ANNOTATION = lazy_compile(r"\s*[（(]\s*(?:(?:19|20)\d{2}\s*年?\s*)?(?:新)?修[订正改](?:版|稿|本)?\s*[）)]\s*$"
                           r"|\s*[（(]\s*(?:中华人民共和国)?国务院令\s*第?\s*\d{1,4}\s*号\s*[）)]\s*$"
                           r"|\s*[（(]\s*(?:19|20)\d{2}\s*年?版?\s*[）)]\s*$")


@lru_cache(maxsize=1024)
def _key(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


@rule("GL601", "citations.regulation-name", "warning", fixable=True,
      summary_en="the regulation is cited under a wrong name")
def regulation_name(report, ctx):
    """条例名称应为《中华人民共和国政府信息公开条例》。

    What: a book title naming the national regulation on government-information disclosure is
    exactly 《中华人民共和国政府信息公开条例》 (after the first citation, the short form 《条例》 may be
    introduced with 以下简称). A name missing a word (《中华人民共和国信息公开条例》), with a typo
    (条列), with the words changed (信息公布, 政府公开信息, 政务公开), called a law (信息公开法) or a national
    规定/办法 (《中华人民共和国政府信息公开规定》: there is none) is reported with a safe fix to the exact name; the
    short 《政府信息公开条例》 without the country prefix is reported as a note (info) with the same fix.
    Local measures (《福建省政府信息公开办法》, 《××市政府信息公开规定》) are not concerned.
    A note on the revision inside the marks (《…条例（2019年修订）》, （修订版）, （国务院令第711号）) is
    no part of the name: the name before it is judged, and the note kept.
    The regulation's name in quotation marks or angle brackets instead of book-title marks
    (“中华人民共和国政府信息公开条例”, <…>, <<…>>, 〈…〉 outside a title) is reported too, with a safe fix to
    the book-title marks: the name of a regulation is a title (〈〉 marks a title inside another).
    Why: the regulation is the legal basis of the report; citing it under a name that does not exist
    is an error readers notice at once, and 30号 asks for reports that are 文字严谨. GB/T 15834—2011
    §4.15 marks the titles of laws and regulations with 《》 (〈〉 for a title inside a title), not with
    quotation marks.
    Fails: “在今后的工作中，我局将严格按照《中华人民共和国信息公开条例》” (missing 政府); “根据“中华人民共和国政府
    信息公开条例”的规定”.
    Passes: “严格按照《中华人民共和国政府信息公开条例》”.
    Basis: format-spec §1 (S1, the regulation's title); issue 4 (the seed's last paragraph); GB/T
    15834—2011 《标点符号用法》 §4.15.
    """
    for _, p in prose(report, title=True):
        if "公开条例" in p.text:
            inside = [(s - 1, e + 1) for s, e, _ in titles(p.text)]
            for m in _QUOTED.finditer(p.text):
                s, e = m.span()
                if any(a <= s < b for a, b in inside):
                    continue  # 〈…〉 (or “…”) inside a title: a title in a title
                written, name = m.group(0), m.group(1) or m.group(2)
                fix = Fix(p.offset(s), p.end_offset(e), f"《{name}》") if text_at(report, p, s, e) == written else None
                yield ctx.rule.diag(span_of(ctx, p, s, e),
                                    f"条例名称应使用书名号：{written}应为《{name}》",
                                    f"the regulation's name takes book-title marks: {written} should be 《{name}》",
                                    expected=f"《{name}》", actual=written, fix=fix)
        for s, end, content in titles(p.text):
            # a note after the name (（2019年修订）): the name is judged without it, and the note kept
            # (every note ends in a closing bracket: most titles have none there)
            note = _ANNOTATION.search(content) if content.rstrip()[-1:] in ("）", ")") else None
            tail = content[note.start():] if note is not None and note.start() > 0 else ""
            content = content[:len(content) - len(tail)]
            e = s + len(content)
            key = _key(content)
            national = (key.startswith("中华人民共和国") and _NATIONAL_KIND.search(key) is not None
                        and not _LOCAL.search(key[7:-2]))
            if key == NAME or not ((_REGULATION.search(key) or national) and _ABOUT.search(key)):
                continue
            if not national and _LOCAL.search(key.replace("中华人民共和国", "")):
                continue
            if len(key) > len(NAME) + 4:
                continue
            fix = Fix(p.offset(s), p.end_offset(e), NAME) if text_at(report, p, s, e) == content else None
            if key == "政府信息公开条例":
                yield ctx.rule.diag(span_of(ctx, p, s - 1, end + 1),
                                    f"条例名称宜写全称《{NAME}{tail}》（或在首次引用后用“以下简称《条例》”），而不是《{content}{tail}》",
                                    f"cite the regulation by its full name 《{NAME}{tail}》 (or introduce 《条例》 with 以下简称), "
                                    f"not 《{content}{tail}》", severity=Severity.INFO, expected=NAME, actual=content, fix=fix)
                continue
            yield ctx.rule.diag(span_of(ctx, p, s - 1, end + 1),
                                f"条例名称有误：《{content}{tail}》应为《{NAME}{tail}》",
                                f"the regulation's name is wrong: 《{content}{tail}》 should be 《{NAME}{tail}》",
                                expected=NAME, actual=content, fix=fix)
