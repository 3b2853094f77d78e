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


def consecutive(items: Iterable[Item]) -> Iterator[tuple[Optional[str], dict, list[tuple[Optional[str], dict]]]]:
    """``(path, facts, last_year)`` for each report whose agency has a report of the year before;
    ``last_year`` lists that year's versions (``(path, facts)``: a page and its attachment, a
    corrected re-issue). Facts carry ``agency`` and ``year``. Each version of this year's report is
    compared; a rule takes a figure of last year's when its versions agree on it (see :func:`agreed`).
    More than :data:`VERSIONS` reports of one agency and year are not versions of one report, and
    are not compared."""
    by_agency: dict[Any, dict[int, list]] = {}
    for path, facts in items:
        by_agency.setdefault(facts["agency"], {}).setdefault(facts["year"], []).append((path, facts))
    for years in by_agency.values():
        for year, reports in sorted(years.items()):
            before = years.get(year - 1)
            if len(reports) > VERSIONS or not before or len(before) > VERSIONS:
                continue
            for path, now in reports:
                yield path, now, before


def agreed(found: list[tuple[Optional[str], Any]]) -> Optional[tuple[list[Optional[str]], Any]]:
    """``(paths, value)`` when last year's versions that give a figure (``(path, value)`` each) all
    give the same one; None when none does, or they disagree (which one is right is not certain;
    GL805 tells)."""
    if not found or any(v != found[0][1] for _, v in found[1:]):
        return None
    return [p for p, _ in found], found[0][1]


def paths(found: list[Optional[str]], sep: str = "、") -> str:
    """The files of last year's versions, as a message names them."""
    return sep.join(str(p) for p in found)


def table2_facts(report, ctx, edition: str, row_ids, columns, at: str):
    """What a check of table 二 across years takes from ``report`` (of the ``edition`` format): for
    each of ``row_ids`` whose ``columns`` all hold numbers, (the row's label, {column: value}, the
    span of the cell ``at``), with the agency and the year; None when there is nothing to compare."""
    from .._common import row_label

    table = report.table("二")
    if report.year is None or report.edition != edition or table is None:
        return None
    agency = agency_key(report)
    if not agency:
        return None
    rows, spans = {}, []
    for row_id in row_ids:
        row = table.row(row_id)
        if row is None:
            continue
        cells = {c.column: c for c in row.cells if c.column in columns}
        if any(c not in cells or not cells[c].is_number or cells[c].value is None for c in columns):
            continue
        span = cells[at].span
        rows[row_id] = (row_label(ctx, "二", row_id), {c: cells[c].value for c in columns}, span)
        spans.append(span)
    if not rows:
        return None
    return {"agency": agency, "year": report.year, "rows": rows, "spans": spans}
