"""Build flattened page text for tests: what a crawler saves when it strips a report page's markup.

* :func:`flatten_text` turns a report in the seed's shape (one cell per line ending in ``|``) into
  one long line the way a crawler does: line breaks and table markup dropped, cells and labels run
  together, optionally behind a crawler header block (``标题: …``, ``发布时间: …``, ``=== 正文 ===``).
* :func:`table3_text` / :func:`table4_text` / :func:`table2_text` render tables run together from
  values, with the labels of an edition (so the tests can state the values they expect).
* :func:`consistent_table3` draws a table 三 whose identities all hold.
"""

from __future__ import annotations

import random
import re
from typing import Optional, Sequence

from govlint.engine import default_engine

CRAWLER_HEADER = (
    "标题: {title}\n发布时间: {published} 09:30\n文号: \n发布机构: \n栏目: 政府信息公开年报\n"
    "原文链接: https://www.example.gov.cn/zwgk/t{stamp}_1.htm\n页面链接与图片详见 links.tsv(同目录)\n"
    "==================== 正文 ====================\n"
)
_ARTIFACT = re.compile(r"^[\s|｜]*$")


def flatten_text(text: str, header: bool = True, published: str = "2023-01-20", glue: str = "") -> str:
    """``text`` (one cell or paragraph per line, cells ending in ``|``) as a crawler saves it.

    The title stays on the first line of the body, followed by a space; everything else is joined
    with ``glue`` (nothing: cells run together).
    """
    lines = [ln.rstrip("\r") for ln in text.split("\n")]
    title = lines[0].strip()
    pieces = []
    for ln in lines[1:]:
        if _ARTIFACT.match(ln):
            continue
        pieces.append(re.sub(r"[ \t]*[|｜][ \t]*$", "", ln).strip())
    body = title + " " + glue.join(pieces) + "\n"
    if not header:
        return body
    return CRAWLER_HEADER.format(title=title, published=published, stamp=published.replace("-", "")) + body


def scale_tables(text: str, factor: int, tables: Sequence[str] = ("三", "四")) -> str:
    """Multiply every value of the seed-shaped tables 三/四 by ``factor`` (the identities still hold)."""
    out = []
    current = None
    for ln in text.split("\n"):
        s = ln.strip()
        if s.startswith("三、收到和处理"):
            current = "三"
        elif s.startswith("四、政府信息公开行政复议"):
            current = "四"
        elif s.startswith("五、"):
            current = None
        m = re.fullmatch(r"(\d+)( \|)", s)
        if m and current in tables:
            ln = str(int(m.group(1)) * factor) + m.group(2)
        out.append(ln)
    return "\n".join(out)


def edition(eid: str = "2021"):
    return default_engine().editions[eid]


def table3_text(values: dict, eid: str = "2021", sep: str = "") -> str:
    """Table 三 run together: the note, the header labels, then every row label and its digits.

    ``values`` maps a data row id to its seven values (自然人, five 法人 columns, 总计); rows left
    out are written as zeros. ``sep`` goes between the values of a row ("" = run together).
    """
    spec = edition(eid).table("三")
    out = [spec.notes[0]] if spec.notes else []
    out += [c.label for c in spec.blocks[0].columns]
    for r in spec.rows():
        out.append(r.label)
        if not r.group:
            out.append(sep.join(str(v) for v in values.get(r.id, [0] * 7)))
    return "".join(out)


def table4_text(values: Sequence[int], sep: str = "") -> str:
    spec = edition("2021").table("四")
    labels = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉" + "结果维持结果纠正其他结果尚未审结总计" * 2
    assert all(c.label in labels for c in spec.blocks[0].columns)
    return labels + sep.join(str(v) for v in values)


def table2_text(values: dict, eid: str = "2021") -> str:
    """Table 二 run together; ``values`` maps a row id to its values (as strings)."""
    out = []
    spec = edition(eid).table("二")
    for b in spec.blocks:
        out.append(b.caption)
        out.append(spec.label_column)
        out += [c.label for c in b.columns]
        for r in b.rows:
            out.append(r.label)
            out.append("".join(values.get(r.id, ["0"] * len(b.leaves()))))
    return "".join(out)


def report_text(table3: str, table4: Optional[str] = None, table2: Optional[str] = None, year: int = 2022,
                header: bool = True) -> str:
    """A whole report on one line after a crawler header, with the given tables run together."""
    title = f"某某县人民政府{year}年政府信息公开工作年度报告"
    body = (
        f"{title} 本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。"
        f"一、总体情况{year}年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开。"
        f"二、主动公开政府信息情况{table2 if table2 is not None else table2_text({})}"
        f"三、收到和处理政府信息公开申请情况{table3}"
        f"四、政府信息公开行政复议、行政诉讼情况{table4 if table4 is not None else table4_text([0] * 15)}"
        f"五、存在的主要问题及改进情况{year}年，政策解读形式仍需丰富。下一步将加强培训。"
        f"六、其他需要报告的事项{year}年，未收取信息处理费。\n"
    )
    if not header:
        return body
    return CRAWLER_HEADER.format(title=title, published=f"{year + 1}-01-20", stamp=f"{year + 1}0120") + body


def consistent_table3(rng: random.Random, eid: str = "2021", big: int = 30) -> dict:
    """Values for every data row of table 三 with every identity of the edition holding.

    Outcome rows get random values (mostly 0, sometimes up to ``big``); （七）总计 is their sum per
    column; 二、上年结转 and 四、结转下年度 are drawn, 一、本年新收 is what the balance leaves (never
    negative); the 总计 column of each row is the sum of the six applicant columns.
    """
    spec = edition(eid).table("三")
    outcome_rows = spec.leaf_rows(["disclosed", "partly_disclosed", "withheld", "unable", "not_processed",
                                   "other_handling"])

    def six() -> list[int]:
        return [rng.choice([0, 0, 0, rng.randint(0, big)]) for _ in range(6)]

    rows: dict[str, list[int]] = {}
    for rid in outcome_rows:
        rows[rid] = six() if rng.random() < 0.4 else [0] * 6
    total = [sum(rows[r][c] for r in outcome_rows) for c in range(6)]
    carried = [rng.choice([0, 0, rng.randint(0, 5)]) for _ in range(6)]
    forward = [rng.choice([0, 0, rng.randint(0, 5)]) for _ in range(6)]
    carried = [min(c, t + f) for c, t, f in zip(carried, total, forward)]
    new = [t + f - c for t, f, c in zip(total, forward, carried)]
    rows.update(total=total, carried_over=carried, carry_forward=forward, new=new)
    return {rid: v + [sum(v)] for rid, v in rows.items()}
