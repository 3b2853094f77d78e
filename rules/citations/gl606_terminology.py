from functools import lru_cache

from govlint import Fix, rule
from govlint.relazy import cached_compile, lazy_compile

from .._prose import clause_end, load_data, prose, span_of, text_at

_LITERAL_W = cached_compile(r"\(\?P<w>([^()\[\]\\|?*+.{}^$]+)\)")


@lru_cache(maxsize=1)
def _terms():
    """(pattern, entry, the literal the wrong word is — or "" if the pattern does not say) per entry:
    a paragraph without the literal cannot match, and most paragraphs hold none of them."""
    out = []
    for t in load_data("terminology.toml").get("terms", ()):
        lit = _LITERAL_W.search(t["pattern"])
        out.append((lazy_compile(t["pattern"]), t, lit.group(1) if lit else ""))
    return tuple(out)


@rule("GL606", "citations.terminology", "warning", fixable=True, summary_en="a word confused with another (权力/权利 …)",
      options={"ignore": []})
def terminology(report, ctx):
    """用词混淆：如“获取信息的权力”应为“权利”。

    What: word confusions typical of these reports, kept as data in ``rules/data/terminology.toml``
    — each entry a pattern that matches only where the wording is certainly wrong, the correction
    and the reason: 权力/权利 in 获取信息的权利, 知情权利, 权利义务, 合法权利; 依申请公布 → 依申请公开;
    部份公开 → 部分公开; 既时 → 及时; 截止 + a date → 截至; 行政复义 → 行政复议. Each finding carries a
    safe fix replacing only the wrong word.
    Why: 权力 (power) for 权利 (right) turns the public's right to information into a power; the
    other slips are as visible to a reader. Only unambiguous contexts are listed, so that a finding is
    always worth fixing (公布/公开 in general are both correct words and are not checked).
    Options: ``ignore`` — a list of entry ids to skip.
    Fails: “保障群众通过网络平台获取信息的权力”.
    Passes: “保障群众通过网络平台获取信息的权利”; “推动权力在阳光下运行”.
    Basis: 条例 第一条 (保障公民、法人和其他组织依法获取政府信息); issue 4 (genre-specific confusions).
    """
    skip = set((ctx.options or {}).get("ignore", ()))
    paragraphs = [p for _, p in prose(report, title=True)]
    # the entries whose wrong word the report holds at all (most reports hold none of them)
    every = "\n".join(p.text for p in paragraphs)
    terms = [(pat, t, literal) for pat, t, literal in _terms()
             if t["id"] not in skip and (not literal or literal in every)]
    for p in paragraphs if terms else ():
        text = p.text
        seen: set[tuple[int, int]] = set()
        for pat, t, literal in terms:
            if literal and literal not in text:
                continue
            for m in pat.finditer(text):
                s, e = m.span("w")
                if (s, e) in seen:
                    continue
                seen.add((s, e))
                wrong = m.group("w")
                fix = Fix(p.offset(s), p.end_offset(e), t["replacement"]) if text_at(report, p, s, e) == wrong else None
                phrase = m.group(0)
                if len(phrase) <= len(wrong) + 1:  # the pattern is mostly lookahead: show what follows
                    phrase = text[m.start():clause_end(text, m.end())][:len(wrong) + 10]
                yield ctx.rule.diag(span_of(ctx, p, s, e),
                                    f"“{phrase}”中的“{wrong}”应为“{t['replacement']}”：{t['zh']}",
                                    f"in “{phrase}”, “{wrong}” should be “{t['replacement']}”: {t['en']}",
                                    expected=t["replacement"], actual=wrong, fix=fix)
