import unicodedata
from functools import lru_cache

from govlint import rule
from govlint.labels import bare_key, key
from govlint.relazy import lazy_compile

from .._common import NUMERALS, year_edition

#: a part numeral as part headings are numbered besides 一、: 第一部分, the numeral set off by a
#: space alone (一 总体情况), or a list's other numerals (甲、 壹、, as Word numbers a list in those
#: styles); whatever separator follows it
_PART_NUMERAL = lazy_compile(r"^[ \t\u3000]*(?:第[ \t\u3000]*[一二三四五六七八九十][ \t\u3000]*部分|[一二三四五六七八九十](?=[ \t\u3000])"
                             r"|[甲乙丙丁戊己壹贰叁肆伍陆](?=[ \t\u3000、.．,，:：﹑]))[ \t\u3000、.．,，:：﹑]*")


@lru_cache(maxsize=4096)  # (headings and the format's keys come back in every report)
def _words(k: str) -> str:
    """A heading key without its punctuation: 复议，行政诉讼 and 复议、行政诉讼 say the same."""
    return "".join(ch for ch in k if not unicodedata.category(ch).startswith("P"))


@lru_cache(maxsize=4096)
def _keys(text: str) -> frozenset[str]:
    """The keys the heading's wording may be compared by: with and without its numbering."""
    found = {bare_key(text), key(text)}
    m = _PART_NUMERAL.match(text)
    if m and m.end() < len(text):
        found.add(key(text[m.end():]))
    return frozenset(_words(k) for k in found)


@lru_cache(maxsize=256)
def _official(keys: frozenset) -> frozenset[str]:
    """The format's heading keys (``PartSpec.exact_keys``) without their punctuation."""
    return frozenset(_words(k) for k in keys)


@rule("GL103", "sections.heading-wording", "warning", summary_en="a part heading deviates from the format's wording")
def heading_wording(report, ctx):
    """部分标题应与格式规定的措辞一致（标点、空格、“一、”与“一.”的差异不算）。

    What: each part heading, after its numeral, reads exactly as the edition prescribes (compared
    after NFKC normalisation, without spaces and punctuation: “复议，行政诉讼” reads as “复议、行政
    诉讼”). The numeral may be written in any way a part heading is numbered (一、 一. （一） 1.
    第一部分, the numeral and a space, or a list's 甲、 壹、 ①). A heading numbered as a part is that part when it names it
    (主要问题, 其他事项 …) or reads much like its official heading (most of its characters in order:
    一、总体概况, 六、其他需要说明的事项; or its opening words alone or with 情况: 六、其他, 六、其他情况); it
    is then reported here, not as a part missing (GL101).
    Why: the headings are fixed by the format; a reworded heading (“存在的主要问题及改进措施” for
    “存在的主要问题及改进情况”) is a deviation reviewers note. It is a warning because the part is
    still recognisable.
    Fails: “五、存在的主要问题及改进措施”.
    Passes: “五、存在的主要问题及改进情况”, “五.存在的主要问题及改进情况”, “第五部分 存在的主要问题及改进情况”.
    The report year decides which edition's headings apply (format-spec §2), as for part 一 (GL110):
    a heading exact in the year's edition is accepted even when the tables follow the other edition,
    and one exact only in the other edition is reported even when the tables follow it (a 2022 report
    in the replaced 2019 tables, GL206, headed “五、政府信息公开工作存在的主要问题及改进情况”); the
    tables' edition decides when the year is unknown.
    Basis: format-spec §6 (variants seen in the wild), §5.4; defects B5.
    """
    if ctx.edition is None:
        return
    # the report year's edition decides (the tables may follow the other one: GL206 says so)
    edition = year_edition(report, ctx)
    for s in report.sections:
        h = s.heading
        if h.part is None:
            continue
        spec = edition.part(h.part)
        if spec is None:
            continue
        written = _keys(h.text)
        if written & _official(spec.exact_keys()):
            continue
        official = f"{NUMERALS[h.part]}、{spec.heading}"
        yield ctx.rule.diag(h.span, f"标题“{h.text}”与格式规定的“{official}”不一致",
                            f"heading “{h.text}” differs from the format's “{official}”", expected=official, actual=h.text)
