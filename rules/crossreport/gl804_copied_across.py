from govlint import cross_rule

from .._common import share

from ._pairs import agencies
from ._text import THRESHOLD, bands, copied, estimate, shared, text_facts

_MARGIN = 0.15  # how far below the threshold an estimate may be and still be counted exactly
_EXACT = 5  # the closest reports (by estimate) whose shares are counted exactly
_CROWD = 64  # a band shared by more reports than this is crowded (see _compare)
_WINDOW = 32


def _compare(items, rule):
    """Candidates: reports of other agencies whose min-hashes agree on a whole band; the share of
    each one's text the other has, estimated from the min-hashes, then counted exactly for the
    closest few; each report is told of the other agency's report most like it, and how many more
    there are (at least: in a crowded band, only neighbours are compared)."""
    agency_of = agencies(items)  # (赫山区财政局 and 益阳市赫山区财政局 are one agency)
    buckets: dict = {}
    for i, (_, facts) in enumerate(items):
        for band in bands(facts["fingerprint"]):
            buckets.setdefault(band, []).append(i)
    pairs, crowded = set(), set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        # a band that many reports share (one template filled in by many bodies): each is paired with
        # the next _WINDOW only, so that the work grows with the reports, not with their pairs
        window = len(members) if len(members) <= _CROWD else _WINDOW
        if window < len(members):
            crowded.update(members)
        for k, i in enumerate(members):
            pairs.update((i, j) for j in members[k + 1:k + 1 + window] if agency_of[j] != agency_of[i])
    near: dict[int, list] = {}
    for i, j in pairs:
        fi, fj = items[i][1], items[j][1]
        for me, other, mine, theirs in ((i, j, fi, fj), (j, i, fj, fi)):
            guess = estimate(mine["fingerprint"], theirs["fingerprint"])
            if guess >= mine["threshold"] - _MARGIN:
                near.setdefault(me, []).append((guess, other))
    for me, found in sorted(near.items()):
        path, facts = items[me]
        found.sort(key=lambda x: (-x[0], items[x[1]][0] or ""))
        exact = [(shared(facts["fingerprint"], items[o][1]["fingerprint"]), o) for _, o in found[:_EXACT]]
        exact.sort(key=lambda x: (-x[0], items[x[1]][0] or ""))
        share, other = exact[0]
        if share < facts["threshold"]:
            continue
        more = sum(1 for s, _ in exact[1:] if s >= facts["threshold"])
        more += sum(1 for g, _ in found[_EXACT:] if g >= facts["threshold"])
        other_path, other_facts = items[other]
        at_least, at_least_en = ("至少", "at least ") if me in crowded else ("", "")
        also = f"；另有{at_least}{more}份其他机关的报告也与本报告高度相同" if more else ""
        also_en = f"; {at_least_en}{more} more reports of other agencies are also largely the same" if more else ""
        yield path, copied(rule, facts, share,
                           (f"另一机关（{other_facts['name']}）的报告（{other_path}）",
                            f"the report of another agency ({other_facts['name']}, {other_path})"),
                           ("各机关的年度报告应写本机关的工作，不宜相互照搬",
                            "each agency's report should describe its own work rather than copy another's"),
                           (also, also_en))


@cross_rule("GL804", "crossreport.copied-across", "warning", compare=_compare, enabled=False, options={"threshold": THRESHOLD}, checks={"threshold": share},
            summary_en="the running text largely repeats another agency's report")
def copied_across(report, ctx):
    """本报告正文大部分与另一机关的报告相同。

    What: among the reports one run checks, the share of a report's running text — its paragraphs,
    not the headings or the tables, with every figure and year counted as unchanged — that the report
    of another agency (as the titles name them) also has. At or above ``threshold`` (default 0.8) it
    is reported on the report's title, naming the other agency's report most like it and how many
    more there are; both reports of such a pair are told. The texts are compared as sets of
    overlapping five-character pieces (kept as hashes, a few KB a report); only reports whose
    min-hashes agree somewhere are compared, so that a run of thousands of reports is not compared
    pair by pair (a report whose text is mostly another's, but which is much shorter or longer than
    it, may escape). Reports without an agency in the title, and texts of a few lines, are not
    compared; the same agency's reports of other years are GL803's.
    Why: evaluations of the annual reports found copying across agencies and regions (大范围的跨区域
    抄袭); 国办公开办函〔2021〕30号 names 内容雷同 among the faults to be held to account. An office
    reviewing its subordinate bodies' reports in one run sees which ones share their text.
    Fails: a township's report that is a neighbouring township's with the name and the figures
    changed.
    Passes: two townships' reports that each describe their own work.
    Options: ``threshold`` (0–1, the share of this report's text).
    Off by default (enable with ``--extend-select GL8``), as the other checks across reports.
    Basis: defects E2, E3.
    """
    return text_facts(report, ctx)
