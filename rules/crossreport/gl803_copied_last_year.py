from govlint import cross_rule

from .._common import share

from ._pairs import consecutive
from ._text import THRESHOLD, copied, shared, text_facts


def _compare(items, rule):
    for path, now, before in consecutive(items):
        # last year's versions (a page, its attachment) are one report: the one most like this year's
        share, last_path = -1.0, None
        for other_path, last in before:
            s = shared(now["fingerprint"], last["fingerprint"])
            if s > share:
                share, last_path = s, other_path
        if share < now["threshold"]:
            continue
        yield path, copied(rule, now, share,
                           (f"本机关上一年度报告（{last_path}）",
                            f"the agency's report of the year before ({last_path})"),
                           ("年度报告应写本年度的工作、问题和改进，不宜照搬上一年度的内容",
                            "an annual report should describe this year's work, problems and improvements rather than "
                            "repeat last year's"))


@cross_rule("GL803", "crossreport.copied-last-year", "warning", compare=_compare, enabled=False, options={"threshold": THRESHOLD}, checks={"threshold": share},
            summary_en="the running text largely repeats the agency's report of the year before")
def copied_last_year(report, ctx):
    """本报告正文大部分照搬本机关上一年度报告。

    What: when one run checks the same agency's reports of two consecutive years (the agency and the
    year as their titles give them), the share of this year's running text — its paragraphs, not the
    headings or the tables, with every figure and year counted as unchanged — that last year's report
    also has. At or above ``threshold`` (default 0.8) it is reported on this year's title. The texts
    are compared as sets of overlapping five-character pieces (kept as hashes, a few KB a report).
    When last year's report was published in versions (a page and its attachment), this year's
    is compared with the one most like it. Texts of a few lines are not compared.
    Why: evaluations of the annual reports (the 法治蓝皮书's transparency index) found reports about 90%
    identical to the year before; 国办公开办函〔2021〕30号 names 内容雷同 and 敷衍塞责 among the faults
    to be held to account. A report that repeats last year's text with new figures says nothing about
    this year's work.
    Fails: a 2022 report whose parts 一 and 五 are the 2021 report's paragraphs with the years and
    figures changed.
    Passes: a 2022 report that describes the work done and the problems found in 2022.
    Options: ``threshold`` (0–1, the share of this year's text).
    Off by default (enable with ``--extend-select GL8``), as the other checks across reports.
    Basis: defects E1, E3.
    """
    if report.year is None:
        return None
    return text_facts(report, ctx)
