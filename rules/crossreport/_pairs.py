"""Which reports of a run are the same agency's, and which years follow one another."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from govlint.labels import key
from govlint.model import Report
from govlint.relazy import lazy_compile

from .._prose import people_government
from ._names import canonical, kind_at_end


def agency_key(report: Report) -> Optional[str]:
    """The issuing body its title names, as a comparable key, or None when the title names none: a
    title such as 2022年政府信息公开工作年度报告 is every untitled body's, and does not make two
    reports one agency's. See :func:`name_key`. A title that names only a kind of body (财政局2022年…)
    or none takes the body the report names below it (see :func:`named_below`)."""
    k = name_key(report.agency) if report.agency else None
    return k if k is not None else named_below(report)


def named_below(report: Report) -> Optional[str]:
    """The key of the body a report whose title names only a kind of body (财政局, 县市场监管局) names
    below its title: on a line of its own (a byline, 益阳市赫山区财政局) or in its opening sentence
    (本报告由益阳市赫山区财政局编制, 现将益阳市赫山区财政局2022年政府信息公开工作年度报告…); the name
    must be one of that kind (财政局 is not 益阳市教育局's title). A title that names no body takes the
    opening sentence's name of whose report it is (现将……2022年…报告), not the body that compiled
    it (本报告由……办公室编制: a government's report is compiled by its office)."""
    from govlint.build import body_name

    title = report.title
    if title is None or report.year is None:
        return None
    kind = canonical(_bare(key(report.agency)).replace("人民政府", "政府")) if report.agency else None
    if kind is not None and not kind:
        return None
    found = [report.byline] if kind is not None else []
    paragraphs = [*report.preamble[:3], *(report.sections[0].paragraphs[:1] if report.sections else ())]
    for p in paragraphs:
        text = p.text
        if text.find("本报告由") < 0 and text.find("现将") < 0 and text.find("现对") < 0:
            continue
        for m in _OPENING.finditer(text):
            if kind is not None or m.group(1) is None:
                found.append(m.group(2))
    for name in found:
        if not name or not body_name(name):
            continue
        k = name_key(name)
        if k is not None and (kind is None or k.endswith(kind)):
            return k
    return None


#: the opening sentence's name of the body whose report it is: 本报告由某某局编制 (or 根据……编制),
#: 现将某某局2022年政府信息公开工作年度报告予以公布
_OPENING = lazy_compile(r"(本(?:年度)?报告由)?(?(1)|现[将对])([\u4e00-\u9fff]{2,30}?)"
                        r"(?(1)(?:根据|依据|按照|编制|编写|制作|汇总|负责)|(?:[12]\d{3}|[二〇零一三四五六七八九○]{4})年度?的?"
                        r"(?:政府信息公开|政务公开|信息公开))")


def name_key(name: str) -> Optional[str]:
    """An agency's name as a key that is the same however a title writes that agency's name: without
    spaces and punctuation variants, without a title's leading 关于 (关于某某局2022年…报告), the
    brackets a title may put around the name (【某某局】2022年…), a trailing （本级） (某某县人民政府
    （本级）: the government's own report), the party's name before a party body's (中共某某市委宣传部
    and 中国共产党某某市委员会宣传部 are 某某市委宣传部), 人民政府 written 政府 (益阳市政府办公室 is
    益阳市人民政府办公室), and a place that has a people's government standing for it (平潭县2022年…
    报告 is 平潭县人民政府's). A government and its office, or a county and its bureaux, keep
    different keys. (A name written with or without the places above it is one agency's only
    within a run: see :func:`one_agency`.)"""
    k = _bare(key(name))
    if not k or _generic(k):
        return None
    if people_government(k) and not k.endswith("政府"):
        k += "政府"
    return canonical(k.replace("人民政府", "政府"))


def _bare(k: str) -> str:
    """A key without a title's 关于, brackets, （本级） and the party's name (see :func:`name_key`)."""
    if k.startswith("关于"):
        k = k[2:]
    k = k.strip(_BRACKETS)
    if k.endswith("本级"):
        k = k[:-2].rstrip(_BRACKETS)
    if k.startswith("中国共产党"):
        k = k[5:]
        at = k.find("委员会")
        if at > 0:
            k = k[:at + 1] + k[at + 3:]  # 中国共产党某某市委员会宣传部: 某某市委宣传部
    elif k.startswith("中共"):
        k = k[2:]
    return k


def _generic(name: str) -> bool:
    """Does ``name`` name a kind of local body rather than one body: a bureau or office without the
    place it serves (财政局, 县财政局, 区教育局, 政府办公室, as a county's site titles its bureaux' reports)?
    Every county has one: two such reports are not one agency's. A central body's name (国家统计局,
    教育部, 海关总署) and a name led by a place (桃江县财政局) are not."""
    if name.startswith(_NATIONAL):
        return False
    full = canonical(name.replace("人民政府", "政府"))
    at = kind_at_end(full)
    if at is not None and not full.endswith("部"):  # a kind of the table, whose name may hold 乡 or 市 (住房和城乡建设局)
        return not _place_led(full[:at])
    if _place_led(name):
        return False
    return name[0] in _LOCAL_ENDS or name.endswith(("局", "办", "办公室", "政府"))


_NATIONAL = ("国家", "中国", "中华", "国务院", "全国", "中央")
_BRACKETS = "()（）[]【】〔〕《》<>“”\"'"

#: the last character of a place's name (省, 市, 县, 区, 州, 盟, 旗; 镇, 乡 for a township's)
_PLACE_ENDS = frozenset("省市县区州盟旗")
_LOCAL_ENDS = _PLACE_ENDS | frozenset("镇乡")


def _place_led(name: str) -> bool:
    """Does ``name`` start with a place's name (赫山区财政局, 灰山港镇政府; not 财政局, 市场监督管理局)?"""
    return any(c in _LOCAL_ENDS for c in name[1:10]) or "街道" in name[:12]


def one_agency(keys: Iterable[str]) -> dict[str, str]:
    """Among the agency keys of one run, the names written without the places above them, each with
    the one fuller name it stands for: 赫山区财政局 is 益阳市赫山区财政局's, 益阳市教育局 is 湖南省益阳市
    教育局's, when the run holds that fuller name and no other. A name several fuller ones end with
    (鼓楼区教育局, with 福州市鼓楼区教育局 and 南京市鼓楼区教育局) stays itself: which body it is, is not
    certain. Keys without such a fuller name are not in the result."""
    known = set(keys)
    fuller: dict[str, set[str]] = {}
    for k in known:
        for i in range(2, len(k) - 1):
            if k[i - 1] in _PLACE_ENDS:
                rest = k[i:]
                if rest in known and _place_led(rest):
                    fuller.setdefault(rest, set()).add(k)
    out = {}
    for k, names in fuller.items():
        # the fullest names: those no other of them ends with (湖南省益阳市X stands for 益阳市X too)
        top = [n for n in names if not any(m != n and m.endswith(n) for m in names)]
        if len(top) == 1:
            out[k] = top[0]
    return out


def agencies(items: Iterable["Item"]) -> list:
    """The agency of each of ``items`` (their facts' ``agency``), a name written without the places
    above it taken for the fuller name the run holds (see :func:`one_agency`)."""
    names = [facts["agency"] for _, facts in items]
    branch = branches({n for n in names if n})
    if branch:
        names = [branch.get(n, n) for n in names]
    fuller = one_agency(n for n in names if n)
    return [fuller.get(n, n) for n in names]


#: a city bureau's branch named for a county or district (益阳市生态环境局桃江分局): the city's name, the
#: bureau's kind, the county's name without its 县/区/市
_BRANCH = lazy_compile(r"(.*?[市州盟])([\u4e00-\u9fff]{2,12}?局)([\u4e00-\u9fff]{2,5}?)分局")


def branches(keys: Iterable[str]) -> dict[str, str]:
    """Among the agency keys of one run, the branches of a city's bureau named for a county, each with
    the one county bureau of that kind the run holds: in the 机构改革 a county's 环境保护局 became the
    city's 生态环境局's branch (桃江县环境保护局, then 益阳市生态环境局桃江分局), one body under two names;
    a district's 公安分局 is its public security bureau. The city's own bureau is another agency."""
    known = set(keys)
    out = {}
    for k in known:
        if not k.endswith("分局"):
            continue
        m = _BRANCH.fullmatch(k)
        if m is None:
            continue
        kind, place = m.group(2), m.group(3)
        ends = tuple(f"{place}{c}{kind}" for c in "县区市旗")
        hits = [n for n in known if n.endswith(ends)]
        if len(hits) == 1:
            out[k] = hits[0]
    return out


Item = tuple[Optional[str], dict]  # (path, facts)


#: at most this many reports of one agency and year are versions of one report (a web page, its
#: attachment, a corrected re-issue); more share a name without being one agency's report
VERSIONS = 4


def consecutive(items: Iterable[Item]) -> Iterator[tuple[Optional[str], dict, list[tuple[Optional[str], dict]]]]:
    """``(path, facts, last_year)`` for each report whose agency has a report of the year before;
    ``last_year`` lists that year's versions (``(path, facts)``: a page and its attachment, a
    corrected re-issue). Facts carry ``agency`` and ``year`` (the agency as :func:`agencies` takes
    it). Each version of this year's report is
    compared; a rule takes a figure of last year's when its versions agree on it (see :func:`agreed`).
    More than :data:`VERSIONS` reports of one agency and year are not versions of one report, and
    are not compared."""
    items = list(items)
    by_agency: dict[Any, dict[int, list]] = {}
    for (path, facts), agency in zip(items, agencies(items)):
        by_agency.setdefault(agency, {}).setdefault(facts["year"], []).append((path, facts))
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
