"""Which reports of a run are the same agency's, and which years follow one another."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from govlint.labels import key
from govlint.model import Report



def agency_key(report: Report) -> Optional[str]:
    """The issuing body its title names, as a comparable key (without spaces and punctuation
    variants), or None when the title names none: a title such as 2022年政府信息公开工作年度报告
    is every untitled body's, and does not make two reports one agency's."""
    return key(report.agency) or None if report.agency else None


Item = tuple[Optional[str], dict]  # (path, facts)


#: at most this many reports of one agency and year are versions of one report (a web page, its
#: attachment, a corrected re-issue); more share a name without being one agency's report
VERSIONS = 4


def consecutive(items: Iterable[Item]) -> Iterator[tuple[Optional[str], dict, Optional[str], dict]]:
    """``(path, facts, last_path, last_facts)`` for each report whose agency has one report of the
    year before. Facts carry ``agency`` and ``year``. Each version of this year's report (up to
    :data:`VERSIONS`) is compared; when last year has several, which one this year continues is not
    certain, and none is."""
    by_agency: dict[Any, dict[int, list]] = {}
    for path, facts in items:
        by_agency.setdefault(facts["agency"], {}).setdefault(facts["year"], []).append((path, facts))
    for years in by_agency.values():
        for year, reports in sorted(years.items()):
            before = years.get(year - 1)
            if len(reports) > VERSIONS or before is None or len(before) != 1:
                continue
            last_path, last = before[0]
            for path, now in reports:
                yield path, now, last_path, last
