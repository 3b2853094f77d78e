"""``govlint extract``: the parsed report as data — what govlint understood, for researchers.

One record per file::

    {"path", "reader", "encoding", "edition", "year", "agency", "title": {...},
     "parts":  [{"number", "part", "heading", "line", "column", "locator"}],
     "tables": [{"table", "section", "line", "column", "end_line", "columns", "missing_rows",
                 "missing_columns", "header_recognised", "layout", "merged_columns", "scrambled"}],
     "cells":  [{"table", "block", "row", "row_label", "row_written", "column_id", "column_label",
                 "text", "value", "kind", "unit", "line", "column", "end_line", "end_column",
                 "locator", "aligned", "recovered", "problem"}],
     "error":  null | {"code", "message", "message_en"}}

``row``/``column_id`` are the edition's ids (``row_label``/``column_label`` its official labels;
``row_written`` the label as the report writes it). Cells that could not be aligned to a column (a
row with too few or too many values, an unknown row, a stray value) are listed too, with
``aligned: false`` and ``column_id`` null. ``recovered`` is true for a cell govlint split out of
digits written together (a crawled page that lost the table's cell boundaries; see GL214). Lines
and columns are those of the user's file (HTML), or of the extracted text with a ``locator``
(DOCX, PDF). ``problem`` says why a cell is not a figure in its row and column (null when it is;
see docs/usage.md, "Tables as data"). The CSV form has one line per cell, and one line with
``error`` for a file that could not be read.

This module is imported by ``import govlint``: keep it free of heavy imports.
"""

from __future__ import annotations

import csv
import io
import os
from typing import Any, Optional, Sequence, Union

from . import __version__
from .compilation import report_ranges, report_views
from .dockind import not_a_report
from .errors import InputError

CSV_FIELDS = ("path", "edition", "year", "agency", "table", "block", "row", "row_label", "row_written", "column_id",
              "column_label", "text", "value", "kind", "unit", "line", "column", "end_line", "end_column", "locator",
              "aligned", "recovered", "problem", "reader", "error", "error_message", "table_index", "report_index")


def _pos(span: Any, source: Any) -> dict[str, Any]:
    out = {"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column}
    loc = source.locator(span.start) if source is not None else None
    out["locator"] = loc
    return out


def _value(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def report_record(report: Any, source: Any, engine: Any) -> dict[str, Any]:
    """The record of one parsed report (see the module doc)."""
    edition = engine.editions.get(report.edition) if report.edition else None
    rec: dict[str, Any] = {
        "path": report.path, "reader": source.kind, "encoding": source.encoding, "edition": report.edition,
        "year": report.year, "agency": report.agency, "title": None, "parts": [], "tables": [], "cells": [],
        "error": None,
    }
    if report.title is not None:
        rec["title"] = {"text": report.title.text, **_pos(report.title.span, source)}
    for s in report.sections:
        h = s.heading
        rec["parts"].append({"number": h.number, "part": h.part, "heading": h.text, **_pos(h.span, source)})
    for index, t in enumerate(report.tables):
        spec = edition.table(t.id) if (edition is not None and t.id) else None
        rec["tables"].append({
            "table": t.id, "index": index, "section": t.section, **_pos(t.span, source), "columns": list(t.columns),
            "missing_rows": list(t.missing_rows), "missing_columns": list(t.missing_columns),
            "header_recognised": t.header_recognised, "layout": t.layout,
            "merged_columns": list(t.merged_columns), "scrambled": t.scrambled,
        })

        def official(row_id: Optional[str], other: Any = None) -> Optional[str]:
            table_spec = other if other is not None else spec
            if table_spec is None or row_id is None:
                return None
            r = table_spec.row(row_id)
            return r.label if r is not None else None

        def cell(c: Any, row_id: Optional[str], written: Optional[str], block: Optional[str], aligned: bool,
                 problem: Optional[str] = None, other: Any = None) -> None:
            kind, value = c.kind, _value(c.value)
            if problem is not None and problem.startswith("run_together"):
                kind, value = "run_together", None  # digits that stand for several cells: no one value
            elif problem is None and getattr(c, "derived", False):
                problem = "sum_of_sub_rows"
            elif problem is None and aligned and c.column is None:
                problem = "unknown_column"  # a column the format does not have (column_label: as written)
            rec["cells"].append({
                "table": t.id, "block": block, "row": row_id, "row_label": official(row_id, other) or written,
                "row_written": written, "column_id": c.column if aligned else None,
                "column_label": c.column_label if aligned else None, "text": c.text, "value": value,
                "kind": kind, "unit": c.unit, **_pos(c.span, source), "aligned": aligned,
                "recovered": c.recovered, "problem": problem, "table_index": index,
            })

        for r in t.rows:
            if r.cells:
                for c in r.cells:
                    cell(c, r.id, r.label, r.block, True)
                if r.problem == "split_rows":  # the sub-rows of another edition as written (their sums above)
                    for c in r.raw_values:
                        cell(c, c.row, r.label if c.row == r.id else None, r.block, False, "other_edition",
                             _other_spec(engine, report.edition, t.id, c.row))
            else:
                why = "run_together_" + r.unsplit if r.unsplit else (r.problem or "unaligned")
                for c in r.raw_values:
                    if r.problem == "split_rows":
                        cell(c, c.row, None, r.block, False, "other_edition",
                             _other_spec(engine, report.edition, t.id, c.row))
                    else:
                        cell(c, r.id, r.label, r.block, False, why)
        for r in t.unknown_rows:
            for c in r.raw_values:
                cell(c, None, r.label, r.block, False, "unknown_row")
        for o in getattr(t, "other_edition_blocks", ()):
            other_ed = engine.editions.get(o.edition)
            other_spec = other_ed.table(t.id) if other_ed is not None and t.id else None
            for r in getattr(o, "rows", ()):
                for c in r.raw_values:
                    cell(c, r.id, r.label, r.block, False, "other_edition", other_spec)
        for c in t.stray_values:
            cell(c, None, None, None, False, "stray")
    return rec


def _other_spec(engine: Any, edition: Optional[str], table: Optional[str], row_id: Optional[str]) -> Any:
    """The table ``table`` of the edition (not ``edition``) that has the row ``row_id``."""
    for ed_id, ed in engine.editions.items():
        if ed_id == edition or table is None:
            continue
        spec = ed.table(table)
        if spec is not None and row_id is not None and spec.row(row_id) is not None:
            return spec
    return None


def error_record(path: Optional[str], code: str, zh: str, en: str) -> dict[str, Any]:
    return {"path": path, "reader": None, "encoding": None, "edition": None, "year": None, "agency": None,
            "title": None, "parts": [], "tables": [], "cells": [], "report_index": 0,
            "error": {"code": code, "message": zh, "message_en": en}}


def extract_bytes(data: bytes, path: Optional[str] = None, engine: Any = None) -> dict[str, Any]:
    """Read and parse one file's bytes; a file that cannot be read gives a record with ``error``."""
    from .engine import MAX_BYTES, default_engine

    engine = engine or default_engine()
    if len(data) > MAX_BYTES:
        return error_record(path, "GL006", f"文件大小 {len(data):,} 字节，超过上限 {MAX_BYTES:,} 字节",
                            f"the file is {len(data):,} bytes, over the limit of {MAX_BYTES:,} bytes")
    try:
        source = engine.read(data, path)
    except InputError as exc:
        return error_record(path, exc.code, exc.zh, exc.en)
    report = engine.parse(source)
    ranges = report_ranges(report)
    if ranges:  # several reports in one file (a 汇编): a record for each, the first holding the others
        recs = [report_record(engine.parse(view), source, engine) for view in report_views(source, ranges)]
        for k, r in enumerate(recs):
            r["report_index"] = k
        recs[0]["more_reports"] = recs[1:]
        return recs[0]
    rec = report_record(report, source, engine)
    rec["report_index"] = 0
    why = not_a_report(report)
    if why is not None:
        rec["error"] = {"code": "GL005", "message": why.zh, "message_en": why.en}
    return rec


def flatten(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with those of a file's later reports (``more_reports``, a 汇编) after its first."""
    out = []
    for rec in records:
        more = rec.pop("more_reports", ())
        out.append(rec)
        out.extend(more)
    return out


def extract_path(path: Union[str, "os.PathLike[str]"], engine: Any = None) -> dict[str, Any]:
    p = os.fspath(path)
    try:
        with open(p, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        return error_record(p, "GL001", "这是一个目录，不是文件", "this is a directory, not a file")
    except FileNotFoundError:
        return error_record(p, "GL001", "文件不存在", "no such file")
    except OSError as exc:
        from .engine import os_error_text
        return error_record(p, "GL001", *os_error_text(exc))
    return extract_bytes(data, p, engine)


def document(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {"govlint": __version__, "files": list(records)}


def to_json(records: Sequence[dict[str, Any]]) -> str:
    import json

    return json.dumps(document(records), ensure_ascii=False, indent=2) + "\n"


def to_csv(records: Sequence[dict[str, Any]]) -> str:
    """One line per cell; a file that could not be read has one line with its ``error`` (the GL0
    code) and ``error_message``, and no cell fields."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for rec in records:
        head = {"path": rec["path"], "edition": rec["edition"], "year": rec["year"], "agency": rec["agency"],
                "reader": rec.get("reader"), "report_index": rec.get("report_index", 0)}
        err = rec.get("error")
        if err is not None:
            head["error"], head["error_message"] = err["code"], err["message"]
            if not rec["cells"]:
                w.writerow(head)
        for c in rec["cells"]:
            w.writerow({**c, **head, "aligned": "true" if c["aligned"] else "false",
                        "recovered": "true" if c["recovered"] else "false"})
    return buf.getvalue()


#: the fields before the figures in the wide form (``--format wide``)
WIDE_FIELDS = ("path", "report_index", "edition", "year", "agency", "reader", "error", "error_message")


def wide_columns(editions: Sequence[Any]) -> list[tuple[tuple[str, str, str], str]]:
    """The figure columns of the wide form: ``((table, row id, column id), header)`` for every cell of
    every edition's tables, in the editions' order (a cell two editions share — most of table 三 —
    is one column, named by the first). A header names the table, the row and the column by their
    official labels, each label as short as it can be while it stays unique in its table: the
    leaf's label, with its group's (and the group's group's) put before it where leaves share a
    label (table 四's 结果维持 under 行政复议 and under each kind of 行政诉讼)."""
    out: list[tuple[tuple[str, str, str], str]] = []
    seen: set[tuple[str, str, str]] = set()
    for ed in editions:
        for spec in ed.tables:
            cells: list[tuple[tuple[str, str, str], list[str], list[str]]] = []
            for block in spec.blocks:
                rows = [spec.implicit_row] if spec.implicit_row is not None else [r for r in block.rows if not r.group]
                for r in rows:
                    row_path = [] if r is spec.implicit_row else _label_path(r, spec.row)
                    for c in block.leaves():
                        cells.append(((spec.id, r.id, c.id), row_path, _label_path(c, block.column)))
            row_names = _shortest([p for _, p, _ in cells])
            col_names = _shortest([p for _, _, p in cells], per_row=[k[1] for k, _, _ in cells])
            for (key, _, _), rn, cn in zip(cells, row_names, col_names):
                if key in seen:
                    continue
                seen.add(key)
                out.append((key, "/".join(x for x in (f"表{spec.id}", rn, cn) if x)))
    return out


def _label_path(spec: Any, find: Any) -> list[str]:
    """The labels from the top group down to ``spec`` (a row or a column; ``find``: id → spec)."""
    path = [spec.label]
    parent, depth = spec.parent, 0
    while parent is not None and depth < 8:
        up = find(parent)
        if up is None:
            break
        path.insert(0, up.label)
        parent, depth = up.parent, depth + 1
    return path


def _shortest(paths: list[list[str]], per_row: Optional[list[str]] = None) -> list[str]:
    """Each path's shortest tail that no different path of its group shares (``per_row``: the
    group of each path, e.g. the columns of one row; else all paths are one group)."""
    groups = per_row or [""] * len(paths)
    out = []
    for path, g in zip(paths, groups):
        others = {tuple(p) for p, h in zip(paths, groups) if h == g and p != path}
        n = 1
        while n < len(path) and any(o[-n:] == tuple(path[-n:]) for o in others):
            n += 1
        out.append("/".join(path[-n:]) if path else "")
    return out


def to_wide_csv(records: Sequence[dict[str, Any]], editions: Sequence[Any]) -> str:
    """One line per report, one column per figure of the tables (see :func:`wide_columns`): the
    figure as govlint read it in its row and column (a cell whose ``problem`` is null and that holds
    a number), else empty — a blank, ``无``, a cell that could not be aligned or a row missing all
    leave the field empty, never 0. A table printed twice gives its first figures."""
    columns = wide_columns(editions)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(WIDE_FIELDS) + [h for _, h in columns])
    for rec in records:
        err = rec.get("error") or {}
        figures: dict[tuple[str, str, str], Any] = {}
        for c in rec["cells"]:
            if c["problem"] is None and c["aligned"] and c["value"] is not None and c["kind"] == "number":
                figures.setdefault((c["table"], c["row"], c["column_id"]), c["value"])
        w.writerow([rec["path"], rec.get("report_index", 0), rec["edition"], rec["year"], rec["agency"],
                    rec.get("reader"), err.get("code"), err.get("message")]
                   + [figures.get(key, "") for key, _ in columns])
    return buf.getvalue()
