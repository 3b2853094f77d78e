"""The seed with table 三's 法人或其他组织 group written as one column (“自然人 | 法人或其他组织 |
总计”, without 商业企业 … 其他 under it), its figures the sum of the group's five columns."""

from __future__ import annotations

from pathlib import Path

import render_shapes as rs

_GRID = rs.table_grid


def merged_grid(data: rs.ReportData, tid: str):
    """Table 三's grid with the five 法人或其他组织 columns written as one, its figures their sum."""
    rows = _GRID(data, tid)
    if tid != "三":
        return rows
    out = []
    for row in rows:
        texts = [c.text for c in row]
        if texts[0] == rs.T3_NOTE:
            out.append([rs.GCell(rs.T3_NOTE, rowspan=2, colspan=3), rs.GCell("申请人情况", colspan=3)])
        elif "法人或其他组织" in texts:
            out.append([rs.GCell("自然人"), rs.GCell("法人或其他组织"), rs.GCell("总计")])
        elif "商业企业" not in texts:
            lead = [rs.GCell(c.text, c.rowspan, c.colspan) for c in row if c.key is None]
            figures = [c for c in row if c.key is not None]
            legal = sum(int(c.text) for c in figures[1:6])
            out.append(lead + [rs.GCell(figures[0].text, key=figures[0].key), rs.GCell(str(legal)),
                               rs.GCell(figures[6].text, key=figures[6].key)])
    return rs._place(out)


def merged(data: rs.ReportData, shape: str, path: Path):
    """``data`` in ``shape`` with table 三's group merged (a file for html and docx)."""
    rs.table_grid = merged_grid
    try:
        return plain(data, shape, path)
    finally:
        rs.table_grid = _GRID


def plain(data: rs.ReportData, shape: str, path: Path):
    if shape == "docx":
        rs.to_docx(data, path.with_suffix(".docx"))
        return path.with_suffix(".docx")
    if shape == "html":
        path.with_suffix(".html").write_bytes(rs.to_html(data).data)
        return path.with_suffix(".html")
    return rs.to_text(data, shape)


def seed_merged(text: str) -> str:
    """The seed's own text (one cell a line, a line of pipes ending each row) with the group merged."""
    lines = text.split("\n")
    start = lines.index("申请人情况 |")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("四、结转下年度继续办理")) + 9
    out, i = lines[:start], start
    sub = {"商业 企业 |", "科研 机构 |", "社会公益组织 |", "法律服务机构 |", "其他 |", "|||||"}
    while i < end:
        ln = lines[i]
        run = lines[i + 1:i + 8]
        if ln in sub:
            i += 1
            continue
        out.append(ln)
        if not ln[:-2].isdigit() and len(run) == 7 and all(x[:-2].isdigit() and x.endswith(" |") for x in run):
            nums = [int(x[:-2]) for x in run]
            out += [run[0], f"{sum(nums[1:6])} |", run[6]]
            i += 8
            continue
        i += 1
    return "\n".join(out + lines[end:])
