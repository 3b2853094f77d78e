from govlint import rule
from govlint.relazy import lazy_compile

MIN_CHARS = 60
_NOTHING = lazy_compile(r"^(?:本年度?|\d{4}年度?)?[，,]?(?:本(?:单位|机关|局)|我(?:单位|局|委|办|区|县|市|镇|乡))?(?:暂)?(?:无|没有|不存在)")


@rule("GL111", "sections.part5-substance", "warning", summary_en="part 五 is empty or a one-line formality",
      options={"min_chars": MIN_CHARS})
def part5_substance(report, ctx):
    """“五、存在的主要问题及改进情况”不能空着或只写一句套话。

    What: part 五 has at least ``min_chars`` characters of text (default 60, punctuation and spaces
    not counted) and does not merely say there were no problems (无, 暂无, 不存在问题).
    Why: Art. 50(四) of the regulation requires the report to state the main problems of the work and
    how they were improved; CASS evaluations single out reports that skip or gloss over this part.
    A sentence cannot name a problem and a measure.
    Options: ``min_chars``.
    Fails: “五、存在的主要问题及改进情况 / 无。”
    Passes: a part 五 naming problems (政策解读形式单一 …) and measures (一是… 二是…).
    Basis: 条例 第五十条（四） (format-spec §1.1); defects D1.
    """
    section = report.section(5)
    if section is None:
        return
    limit = int((ctx.options or {}).get("min_chars", MIN_CHARS))
    text = "".join(ch for p in section.paragraphs for ch in p.text if ch.isalnum())
    if len(text) >= limit and not (_NOTHING.match(text) and len(text) < 2 * limit):
        return
    span = section.paragraphs[0].span if section.paragraphs else section.heading.span
    what = "为空" if not text else f"只有{len(text)}个字" + ("，且只说没有问题" if _NOTHING.match(text) else "")
    what_en = "empty" if not text else f"only {len(text)} character{'s' if len(text) != 1 else ''} long"
    spec = ctx.edition.part(5) if ctx.edition is not None else None
    heading = f"五、{spec.heading}" if spec is not None else "五、存在的主要问题及改进情况"  # (the edition's wording)
    yield ctx.rule.diag(span, f"“{heading}”{what}：应写明工作中存在的主要问题和相应的改进措施",
                        f"part 五 is {what_en}: it should name the "
                        "main problems of the work and the measures taken", expected=f"≥ {limit}", actual=len(text))
