"""Which reports of a run are the same agency's, and which years follow one another."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from govlint.labels import key
from govlint.model import Report

from .._prose import people_government


def agency_key(report: Report) -> Optional[str]:
    """The issuing body its title names, as a comparable key, or None when the title names none: a
    title such as 2022年政府信息公开工作年度报告 is every untitled body's, and does not make two
    reports one agency's. See :func:`name_key`."""
    return name_key(report.agency) if report.agency else None


def name_key(name: str) -> Optional[str]:
    """An agency's name as a key that is the same however a title writes that agency's name: without
    spaces and punctuation variants, without a title's leading 关于 (关于某某局2022年…报告), 人民政府
    written 政府 (益阳市政府办公室 is 益阳市人民政府办公室), and a place that has a people's government
    standing for it (平潭县2022年…报告 is 平潭县人民政府's). A government and its office, or a
    county and its bureaux, keep different keys."""
    k = key(name)
    if k.startswith("关于"):
        k = k[2:]
    if not k:
        return None
    if people_government(k) and not k.endswith("政府"):
        k += "政府"
    return k.replace("人民政府", "政府")


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
