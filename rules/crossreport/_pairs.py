"""Which reports of a run are the same agency's, and which years follow one another."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from govlint.labels import key
from govlint.model import Report

from .._prose import agency_name


def agency_key(report: Report) -> Optional[str]:
    """The issuing body as a comparable key (without spaces and punctuation variants), or None."""
    return key(agency_name(report)) or None


Item = tuple[Optional[str], dict]  # (path, facts)


def consecutive(items: Iterable[Item]) -> Iterator[tuple[Optional[str], dict, Optional[str], dict]]:
    """``(path, facts, last_path, last_facts)`` for each report whose agency also has a report of
    the year before. Facts carry ``agency`` and ``year``. An agency with two reports of one year is
    left out for those years: which of them continues which is not certain."""
    by_agency: dict[Any, dict[int, list]] = {}
    for path, facts in items:
        by_agency.setdefault(facts["agency"], {}).setdefault(facts["year"], []).append((path, facts))
    for years in by_agency.values():
        for year, reports in sorted(years.items()):
            before = years.get(year - 1)
            if len(reports) != 1 or before is None or len(before) != 1:
                continue
            (path, now), (last_path, last) = reports[0], before[0]
            yield path, now, last_path, last
