from array import array

from govlint import cross_rule

from .._common import fmt
from ._pairs import VERSIONS, agencies, agency_key

_LISTED = 4  # differing cells named in a finding (the others are counted)
_KEYS: dict = {}  # the tuples of cell ids seen, each kept once
_LABELS: dict = {}  # (table spec, cell ids) -> (spec, (row labels, column labels)), see _labels


def _labels(ctx, table_id: str, keys: tuple) -> tuple[dict, dict]:
    """The format's labels of the rows and columns ``keys`` name (row id -> label, column id ->
    label): the message names cells by them. Kept once per table and set of cells, as ``keys``."""
    spec = ctx.edition.table(table_id) if ctx.edition is not None else None
    hit = _LABELS.get((id(spec), keys))
    if hit is None or hit[0] is not spec:
        rows = {rid: (spec.row(rid).label if spec is not None and spec.row(rid) else rid) for rid, _ in keys}
        cols = {cid: (spec.column(cid).label if spec is not None and spec.column(cid) else cid) for _, cid in keys}
        hit = (spec, (rows, cols))
        if len(_LABELS) < 256:
            _LABELS[(id(spec), keys)] = hit
    return hit[1]


def _compare(items, rule):
    """The reports of one agency and one year, two by two, table by table: each report is told, per
    table, of the first other version that differs (and how many more do)."""
    groups: dict = {}
    for i, ((path, facts), agency) in enumerate(zip(items, agencies(items))):
        groups.setdefault((agency, facts["year"]), []).append(i)
    for members in groups.values():
        if len(members) > VERSIONS:
            continue  # more reports of one agency and year than versions of one report: a name many share
        for a in members:
            path, mine = items[a]
            for table_id, (span, keys, numbers, labels) in sorted(mine["tables"].items()):
                values = dict(zip(keys, numbers))
                differing = []  # (other path, cells compared, [(key, mine, theirs)])
                for b in members:
                    other_path, theirs = items[b]
                    got = theirs["tables"].get(table_id) if b != a else None
                    if got is None:
                        continue
                    other = dict(zip(got[1], got[2]))
                    common = [k for k in values if k in other]
                    diffs = [(k, values[k], other[k]) for k in common if values[k] != other[k]]
                    if diffs:
                        differing.append((other_path, len(common), diffs))
                if not differing:
                    continue
                other_path, n_common, diffs = differing[0]
                named = []
                rows, cols = labels
                for (row_id, col_id), v, w in diffs[:_LISTED]:
                    named.append((rows.get(row_id, row_id), cols.get(col_id, col_id), v, w))
                more = len(diffs) - len(named)
                zh_list = "；".join(f"“{r}”行“{c}”列 {fmt(v)}（另一份为{fmt(w)}）" for r, c, v, w in named)
                en_list = "; ".join(f"row “{r}”, column “{c}”: {fmt(v)} (there {fmt(w)})" for r, c, v, w in named)
                zh_more = f"等{len(diffs)}处" if more else ""
                en_more = f"; and {more} more" if more else ""
                others = len(differing) - 1
                zh_others = f"；另有{others}份同年报告也与本报告不一致" if others else ""
                en_others = f"; {others} more reports of that year also differ from this one" if others else ""
                yield path, rule.diag(
                    span,
                    f"表{table_id}与同一机关同一年度的另一份报告（{other_path}）不一致：{zh_list}{zh_more}"
                    f"（共比较{n_common}个单元格）{zh_others}；同一份报告的不同版本（网页、附件）数字应当相同",
                    f"table {table_id} differs from the same agency's other report of the same year ({other_path}): "
                    f"{en_list}{en_more} ({len(diffs)} of {n_common} cells compared){en_others}; the versions of "
                    "one report (the web page, the attachment) must give the same figures",
                    table=table_id, actual=len(diffs))


@cross_rule("GL805", "crossreport.versions-differ", "warning", compare=_compare, enabled=False,
            summary_en="two reports of one agency and one year give different figures in a table")
def versions_differ(report, ctx):
    """同一机关同一年度的两份报告（如网页版与附件版）表格数字不一致。

    What: when one run checks two or more reports of the same agency and year (as their titles give
    them) — typically the web page and the attached PDF or Word file of one report, or a report
    and its corrected re-issue — every number in tables 二, 三 and 四 that both have is the same in
    both. Each report is told, once per table, which cells differ from another version (the first
    few, with both figures), how many do, and how many more versions differ; the finding points at
    the table. More than four reports of one agency and year are not versions of one report (a
    name many reports share, such as an untitled agency) and are not compared.
    Why: offices often publish a report twice, as a page and as an attachment, and correct one
    without the other; readers cannot tell which figures are right.
    Fails: the web page's table 三 “一、本年新收…” 总计 is 75, the attached PDF's is 76.
    Passes: both 75 (or a report published once).
    Off by default (enable with ``--extend-select GL8``), as the other checks across reports.
    Basis: format-spec §4 (the tables); the checks across reports of defects C9–C10.
    """
    agency = agency_key(report)
    if report.year is None or not agency or report.edition is None:
        return None
    tables, spans = {}, []
    for table in report.tables:
        if table.id is None or table.id in tables:
            continue
        cells = [((r.id, c.column), c.value) for r in table.rows if r.id is not None
                 for c in r.cells if c.column and c.is_number and c.value is not None]
        if cells:
            span = table.rows[0].cells[0].span if table.rows and table.rows[0].cells else table.span
            keys = tuple(k for k, _ in cells)
            # the cells' ids are the same in most reports: one tuple of them is kept for all (the
            # facts of a thousand reports are held until the run ends), the values as an array
            keys = _KEYS.setdefault(keys, keys) if len(_KEYS) < 256 else keys
            tables[table.id] = (span, keys, array("d", [v for _, v in cells]), _labels(ctx, table.id, keys))
            spans.append(span)
    if not tables:
        return None
    return {"agency": agency, "year": report.year, "tables": tables, "spans": spans}
