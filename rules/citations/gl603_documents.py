from govlint import rule

from .._prose import prose, span_of
from ._docs import doc_numbers, known_documents, norm, titles


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
    May 2019.
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
        for num in doc_numbers(text):
            doc = by_number.get(num.canonical)
            # (1) the title written right before the number names another document
            before = [t for t in tlist if t[1] <= num.start and num.start - t[1] <= 6]
            if before:
                s, e, content = before[-1]
                key = norm(content)
                named = [d for d in docs if d["title"] == key]
                if named and (doc is None or doc["title"] != key):
                    right = "、".join(dict.fromkeys(d["number"] for d in named))
                    yield ctx.rule.diag(span_of(ctx, p, num.start, num.end),
                                        f"《{content}》的文号是{right}，这里写的是“{num.canonical}”",
                                        f"《{content}》 is {right}, but it is cited as “{num.canonical}”",
                                        expected=right, actual=num.canonical)
                    continue
            # (2) the document does not apply to the report year
            if doc is None or year is None or _applies(doc, year):
                continue
            instead = doc.get("instead")
            alt = by_number.get(instead) if instead else None
            hint = alt is not None and _applies(alt, year) and alt["number"] not in doc["zh"]
            hint_zh = f"；{year}年度报告应依据{alt['number']}" if hint else ""
            hint_en = f"; a {year} report follows {alt['number']}" if hint else ""
            yield ctx.rule.diag(span_of(ctx, p, num.start, num.end),
                                f"引用了“{num.canonical}”：{doc['zh']}，不适用于{year}年度报告{hint_zh}",
                                f"cites “{num.canonical}”: {doc['en']}; it does not apply to a {year} report{hint_en}",
                                expected=alt["number"] if alt else None, actual=num.canonical)
