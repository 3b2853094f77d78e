"""The cross-file summary of a batch run: which files fail which rules (text table and CSV)."""

from __future__ import annotations

import csv
import io
from typing import Any, Sequence

from ..batch import by_file_and_rule
from .text import display_width


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def render_text(results: Sequence[Any], lang: str = "zh") -> str:
    """One line per file with findings: counts by severity and the rules it fails; then per rule,
    how many files fail it."""
    rows = [(p, sev, codes) for p, sev, codes in by_file_and_rule(results) if codes]
    en = lang == "en"
    head = ("file", "E", "W", "I", "rules") if en else ("文件", "错误", "警告", "提示", "规则")
    if not rows:
        return ("Summary: no file has findings.\n" if en else "汇总：没有文件存在问题。\n")
    width = max(display_width(head[0]), *(display_width(p) for p, _, _ in rows))
    nw = [max(display_width(h), 3) for h in head[1:4]]
    out = ["Summary by file:" if en else "按文件汇总：",
           "  ".join([_pad(head[0], width)] + [_pad(h, w) for h, w in zip(head[1:4], nw)] + [head[4]])]
    for p, sev, codes in rows:
        cells = [_pad(str(sev[k]), w) for k, w in zip(("error", "warning", "info"), nw)]
        listed = " ".join(f"{c}×{n}" if n > 1 else c for c, n in codes.items())
        out.append("  ".join([_pad(p, width)] + cells + [listed]))
    per_rule: dict[str, int] = {}
    for _, _, codes in rows:
        for c in codes:
            per_rule[c] = per_rule.get(c, 0) + 1
    total = len(results)
    out.append("")
    out.append("Files with findings of each rule:" if en else "各规则涉及的文件数：")
    for c, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  {c}  {n}/{total}")
    clean = total - len(rows)
    # what the exit code goes by, for a reviewing office's tally: files that could not be read (GL0,
    # exit 2), files with errors or warnings (exit 1), files with notes only (info: they pass)
    unread = sum(1 for r in results if r.fatal)
    failing = sum(1 for r in results if not r.fatal and any(d.severity.rank >= 2 for d in r.diagnostics))
    notes = len(rows) - failing - unread
    if en:
        out.append(f"{clean} of {total} files have no findings; {failing} have errors or warnings"
                   + (f", {notes} notes only" if notes else "") + (f", {unread} could not be read (GL0)" if unread else "")
                   + ".")
    else:
        out.append(f"{total} 个文件中 {clean} 个没有问题，{failing} 个有错误或警告"
                   + (f"，{notes} 个只有提示" if notes else "") + (f"，{unread} 个无法读取（GL0）" if unread else "") + "。")
    return "\n".join(out) + "\n"


def render_csv(results: Sequence[Any]) -> str:
    """CSV: path, edition, year, agency, errors, warnings, info, then one column per rule code
    (the number of findings of that rule in the file). Every checked file is a row."""
    table = by_file_and_rule(results)
    codes = sorted({c for _, _, cs in table for c in cs})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["path", "edition", "year", "agency", "errors", "warnings", "info", *codes])
    for r, (path, sev, cs) in zip(results, table):
        rep = r.report
        w.writerow([path, getattr(rep, "edition", None) or "", getattr(rep, "year", None) or "",
                    getattr(rep, "agency", None) or "", sev["error"], sev["warning"], sev["info"],
                    *[cs.get(c, 0) for c in codes]])
    return buf.getvalue()
