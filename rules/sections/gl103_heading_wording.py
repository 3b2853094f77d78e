from govlint import rule
from govlint.labels import bare_key, key

from .._common import NUMERALS


@rule("GL103", "sections.heading-wording", "warning", summary_en="a part heading deviates from the format's wording")
def heading_wording(report, ctx):
    """部分标题应与格式规定的措辞一致（标点、空格、“一、”与“一.”的差异不算）。

    What: each part heading, after its numeral, reads exactly as the edition prescribes (compared
    after NFKC normalisation, without spaces and quotation marks).
    Why: the headings are fixed by the format; a reworded heading (“存在的主要问题及改进措施” for
    “存在的主要问题及改进情况”) is a deviation reviewers note. It is a warning because the part is
    still recognisable.
    Fails: “五、存在的主要问题及改进措施”.
    Passes: “五、存在的主要问题及改进情况”, “五.存在的主要问题及改进情况”.
    Basis: format-spec §6 (variants seen in the wild), §5.4; defects B5.
    """
    if ctx.edition is None:
        return
    for s in report.sections:
        h = s.heading
        if h.part is None:
            continue
        spec = ctx.edition.part(h.part)
        if spec is None:
            continue
        written = bare_key(h.text)
        if written in spec.exact_keys() or key(h.text) in spec.exact_keys():
            continue
        official = f"{NUMERALS[h.part]}、{spec.heading}"
        yield ctx.rule.diag(h.span, f"标题“{h.text}”与格式规定的“{official}”不一致",
                            f"heading “{h.text}” differs from the format's “{official}”", expected=official, actual=h.text)
