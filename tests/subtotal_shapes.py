"""The seed with a column the format does not have added to table 三 (format-spec §4.2: a
"法人或其他组织小计" column, as one third-party schema adds; defects B3)."""

from __future__ import annotations

import render_shapes as rs

#: where the added column goes: after 其他 (before 总计), before 商业企业, or under 申请人情况 beside
#: 法人或其他组织 (a header cell two rows tall, as 自然人 and 总计 are)
WHERE = ("last", "first", "beside")
_GRID = rs.table_grid


def added_grid(data: rs.ReportData, label: str = "法人或其他组织小计", where: str = "last", value=None):
    """Table 三's grid with the column ``label`` added; its values the sum of the five 法人或其他组织
    columns (or ``value(those five values)``)."""
    rows = _GRID(data, "三")
    for row in rows:
        texts = [c.text for c in row]
        if texts and texts[0].startswith("（本列"):
            row[1].colspan += 1
        elif "法人或其他组织" in texts:
            i = texts.index("法人或其他组织")
            if where == "beside":
                row.insert(i + 1, rs.GCell(label, rowspan=2))
            else:
                row[i].colspan += 1
        elif "商业企业" in texts:
            if where == "last":
                row.append(rs.GCell(label))
            elif where == "first":
                row.insert(0, rs.GCell(label))
        elif row and row[-1].key is not None:
            nums = [int(c.text) for c in row[-6:-1]]
            row.insert(len(row) - 1 if where != "first" else len(row) - 6,
                       rs.GCell(str(value(nums) if value else sum(nums))))
    return rs._place([[rs.GCell(c.text, c.rowspan, c.colspan, c.key) for c in row] for row in rows])


def with_added_column(data: rs.ReportData, shape: str = "rows", label: str = "法人或其他组织小计",
                      where: str = "last", value=None) -> str:
    """``data`` as text in ``shape`` (see :func:`render_shapes.to_text`; ``html``: a web page) with
    table 三's column added."""
    rs.table_grid = lambda d, tid: added_grid(d, label, where, value) if tid == "三" else _GRID(d, tid)
    try:
        return rs.to_html(data).data.decode("utf-8") if shape == "html" else rs.to_text(data, shape)
    finally:
        rs.table_grid = _GRID


def seed_with_added_column(text: str, where: str = "last", label: str = "法人或其他组织小计") -> str:
    """The seed's own text (one cell a line, a line of pipes ending each row) with table 三's column
    ``label`` added (see :data:`WHERE`), its values the sum of the five 法人或其他组织 columns."""
    lines = text.split("\n")
    start = lines.index("申请人情况 |")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("四、结转下年度继续办理")) + 9
    out = lines[:start]
    i = start
    anchor = {"last": "其他 |", "beside": "法人或其他组织 |", "first": "|||||||"}[where]
    while i < end:
        ln = lines[i]
        out.append(ln)
        if ln == anchor:
            out.append(f"{label} |")
        run = lines[i + 1:i + 8]
        if not ln[:1].isdigit() and len(run) == 7 and all(x[:-2].isdigit() and x.endswith(" |") for x in run):
            nums = [int(x[:-2]) for x in run]
            added = f"{sum(nums[1:6])} |"
            out += [run[0], added] + run[1:] if where == "first" else run[:6] + [added, run[6]]
            i += 8
            continue
        i += 1
    return "\n".join(out + lines[end:])
