from govlint import rule

from govlint.relazy import lazy_compile

from .._prose import prose, sentence_bounds, span_of
from ._docs import doc_numbers, known_documents, norm, titles

#: words telling the history of a document (the regulation 以国务院令第492号公布, 以国务院令第711号修订)
_HISTORY = lazy_compile(r"修订|修改|修正|取代|替代|代替|废止|不再|原|旧|公布|施行")


def _applies(doc: dict, year: int) -> bool:
    return doc.get("valid_from", 0) <= year <= doc.get("valid_until", 9999)


@rule("GL603", "citations.documents", "warning",
      summary_en="a known document cited with a wrong number, or one that does not apply to the report year")
def documents(report, ctx):
    """引用的文件文号应与文件相符，且适用于本报告年度。

    What: the documents reports cite most (kept as data in ``rules/data/citations.toml``: the
    regulation, 国务院令第711号; the format notices 国办公开办函〔2019〕60号 and 〔2021〕30号; the fee
    measures, 国办函〔2020〕109号) are cited (1) with their own number — a title immediately followed by
    another document's number, or an unknown one, is reported; (2) only in the report years they
    apply to: the 2019 trial format (60号) is superseded for 2021 and later reports, the 2021 format
    (30号) did not exist for 2019–2020 reports, the 2007 regulation (国务院令第492号) was replaced in
    May 2019 — unless the sentence tells the history, citing the old document beside the one that
    replaced it (“以国务院令第492号公布，…以国务院令第711号修订”). Numbers are read with any digits
    (〔２０２１〕３０号) and the decree also as 国务院第711号令.
    Why: a 2022 report that says it was compiled under 60号 followed a superseded format (wrong
    tables — see GL206); a wrong number sends readers to another document.
    Fails: a 2022 report “按照国办公开办函〔2019〕60号要求编制”; “《政府信息公开信息处理费管理办法》（国办函〔2020〕108号）”.
    Passes: a 2022 report citing 国办公开办函〔2021〕30号; “《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）”.
    Basis: format-spec §2 (which format for which year), §1 (S1), S13 (fee measures).
    """
    docs = known_documents()
    by_number = {d["number"]: d for d in docs}
    year = report.year
    for _, p in prose(report, title=True):
        text = p.text
        tlist = list(titles(text))
        numbers = list(doc_numbers(text))
        for num in numbers:
            doc = by_number.get(num.canonical)
            # the number as written, and as issued when written otherwise (国务院第492号令, 〔２０１９〕, 2019年60号)
            written = text[num.start:num.end]
            cited = f"“{written}”" if written == num.canonical else f"“{written}”（{num.canonical}）"
            cited_en = f"“{written}”" if written == num.canonical else f"“{written}” ({num.canonical})"
            # (1) the title written right before the number names another document
            before = [t for t in tlist if t[1] <= num.start and num.start - t[1] <= 6]
            if before:
                s, e, content = before[-1]
                key = norm(content)
                named = [d for d in docs if d["title"] == key]
                if named and (doc is None or doc["title"] != key):
                    # the number of the document that applies to the report year (the regulation as revised)
                    named = [d for d in named if year is None or _applies(d, year)] or named
                    right = "、".join(dict.fromkeys(d["number"] for d in named))
                    yield ctx.rule.diag(span_of(ctx, p, num.start, num.end),
                                        f"《{content}》的文号是{right}，这里写的是{cited}",
                                        f"《{content}》 is {right}, but it is cited as {cited_en}",
                                        expected=right, actual=num.canonical)
                    continue
            # (2) the document does not apply to the report year
            if doc is None or year is None or _applies(doc, year):
                continue
            instead = doc.get("instead")
            # a sentence telling the history (the regulation 以国务院令第492号公布，…以国务院令第711号修订;
            # 30号 修订了 60号的格式) cites the old document beside the one that replaced it
            ss, se = sentence_bounds(text, num.start)
            if instead and _HISTORY.search(text, ss, se) and any(
                    o.canonical == instead and ss <= o.start < se for o in numbers):
                continue
            alt = by_number.get(instead) if instead else None
            hint = alt is not None and _applies(alt, year) and alt["number"] not in doc["zh"]
            hint_zh = f"；{year}年度报告应依据{alt['number']}" if hint else ""
            hint_en = f"; a {year} report follows {alt['number']}" if hint else ""
            yield ctx.rule.diag(span_of(ctx, p, num.start, num.end),
                                f"引用了{cited}：{doc['zh']}，不适用于{year}年度报告{hint_zh}",
                                f"cites {cited_en}: {doc['en']}; it does not apply to a {year} report{hint_en}",
                                expected=alt["number"] if alt else None, actual=num.canonical)
