"""``govlint extract``: the parsed report as data (JSON and CSV), and ``govlint.extract``."""

from __future__ import annotations

import csv
import importlib
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import govlint
import render_shapes as rs
from test_shapes import DATA

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "data" / "seed.txt"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govlint", "extract", *args], capture_output=True, text=True, cwd=cwd)


def test_seed_directory_json_has_every_cell_of_table_3_with_labels():
    proc = run("seeds/")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    (rec,) = doc["files"]
    assert (rec["edition"], rec["year"], rec["agency"], rec["error"]) == ("2021", 2022, "益阳市行政审批服务局", None)
    assert [p["number"] for p in rec["parts"]] == [1, 2, 3, 4, 5, 6]
    t3 = [c for c in rec["cells"] if c["table"] == "三"]
    assert len(t3) == 175
    assert len({(c["row"], c["column_id"]) for c in t3}) == 175
    assert all(c["aligned"] and c["row_label"] and c["column_label"] and c["kind"] == "number" for c in t3)
    assert not any(c["recovered"] for c in rec["cells"])  # every cell written apart
    # the values are the seed's, in the template's order
    for c in t3:
        assert str(c["value"]) == DATA.values[("三", c["row"], c["column_id"])]
    first = next(c for c in t3 if (c["row"], c["column_id"]) == ("new", "natural"))
    assert first["row_label"] == "一、本年新收政府信息公开申请数量" and first["column_label"] == "自然人"
    line = SEED.read_text(encoding="utf-8").split("\n")[first["line"] - 1]
    assert line[first["column"] - 1:].startswith(first["text"])
    assert Counter(c["table"] for c in rec["cells"]) == {"二": 10, "三": 175, "四": 15}


def test_csv_one_line_per_cell(tmp_path):
    out = tmp_path / "cells.csv"
    proc = run("--format", "csv", "-o", str(out), str(SEED))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 200
    r = next(r for r in rows if r["table"] == "四" and r["column_id"] == "direct.total")
    assert (r["column_label"], r["value"], r["aligned"], r["edition"]) == ("总计", "0", "true", "2021")


def test_docx_cells_carry_locators(tmp_path):
    pytest.importorskip("docx")
    doc = rs.to_docx(DATA, tmp_path / "r.docx")
    rec = govlint.extract(tmp_path / "r.docx")
    assert rec["reader"] == "docx" and rec["error"] is None
    c = next(c for c in rec["cells"] if (c["table"], c["row"], c["column_id"]) == ("三", "new", "natural"))
    assert c["locator"] == doc.locators[("三", "new", "natural")]


def test_html_cells_carry_html_positions():
    page = rs.to_html(DATA)
    ex = importlib.import_module("govlint.extract")
    rec = ex.extract_bytes(page.data, "r.html")
    assert rec["reader"] == "html"
    c = next(c for c in rec["cells"] if (c["table"], c["row"], c["column_id"]) == ("三", "total", "total"))
    assert (c["line"], c["column"]) == page.positions[("三", "total", "total")]


def test_unaligned_values_are_listed():
    text = rs.to_text(DATA, "rows").replace("二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                                              "二、上年结转政府信息公开申请数量 | 0 | 0 | 0")
    rec = govlint.extract(text)
    row = [c for c in rec["cells"] if c["row"] == "carried_over"]
    assert len(row) == 3 and not any(c["aligned"] for c in row) and all(c["column_id"] is None for c in row)


def test_bad_input_is_an_error_record_and_exit_2(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    proc = run(str(bad), str(SEED), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert files["bad.docx"]["error"]["code"] == "GL011"
    assert files["missing.txt"]["error"]["code"] == "GL001"
    assert files["seed.txt"]["error"] is None and len(files["seed.txt"]["cells"]) == 200
    assert "GL011" in proc.stderr
    assert govlint.extract(b"")["error"]["code"] == "GL002"


def test_extract_is_the_function_not_the_module():
    importlib.import_module("govlint.extract")  # importing the module must not shadow the function
    assert callable(govlint.extract) and govlint.extract.__module__ == "govlint"


def test_cells_split_from_run_together_digits_are_marked_recovered():
    """A crawled page whose table lost its cell boundaries: the cells govlint split out of the digits
    say so (JSON true, CSV "true"), the others do not."""
    path = Path(__file__).parent / "data" / "2024-pingtan.txt"
    rec = govlint.extract(path)
    new = [c for c in rec["cells"] if (c["table"], c["row"]) == ("三", "new")]
    assert [c["value"] for c in new] == [217, 1, 0, 0, 0, 0, 218] and all(c["recovered"] for c in new)
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv", str(path)).stdout)))
    assert {r["recovered"] for r in rows if (r["table"], r["row"]) == ("三", "new")} == {"true"}
    seed = list(csv.DictReader(io.StringIO(run("--format", "csv", str(SEED)).stdout)))
    assert {r["recovered"] for r in seed} == {"false"}


# ----------------------------------------------------------------------------- cells that are not a table's figures


def _cells(rec, **where):
    return [c for c in rec["cells"] if all(c[k] == v for k, v in where.items())]


def test_digits_run_together_that_cannot_be_split_have_no_value():
    """A crawled 2019 row whose digits run together and split several ways (规范性文件898989: 8|98|989,
    89|89|89, …) is one piece of text standing for three cells: it is listed with its text, no value
    (never 898989 as if it were one figure), kind ``run_together`` and why it was not split."""
    rec = govlint.extract(Path(__file__).parent / "data" / "2019-pingtan.txt")
    (c,) = _cells(rec, table="二", row="normative_documents")
    assert (c["text"], c["value"], c["kind"], c["aligned"]) == ("898989", None, "run_together", False)
    assert c["problem"] == "run_together_ambiguous"
    # the cells split the only way the table allows keep their values, and say they were split
    regs = _cells(rec, table="二", row="regulations")
    assert [x["value"] for x in regs] == [0, 0, 0] and all(x["recovered"] and x["problem"] is None for x in regs)


def test_unaligned_cells_say_why():
    """Every cell not in a column says why: the row has too few values (a cell lost in copying), the
    row is unknown, or the value stands nowhere; aligned cells have ``problem`` null."""
    import reportgen as rg

    doc = rg.seed_doc().lose_value("三", "disclosed", "research")
    doc.add_row("三", "carry_forward", "五、本年度新增咨询数量", ["1"] * 7, row_id="extra")
    rec = govlint.extract(rg.render(doc, "pipe").text)
    row = _cells(rec, table="三", row="disclosed")
    assert len(row) == 6 and {c["problem"] for c in row} == {"too_few"} and not any(c["aligned"] for c in row)
    extra = _cells(rec, table="三", row_written="五、本年度新增咨询数量")
    assert len(extra) == 7 and {c["problem"] for c in extra} == {"unknown_row"} and extra[0]["row"] is None
    assert {c["problem"] for c in rec["cells"] if c["aligned"]} == {None}


def test_a_block_of_the_other_edition_keeps_its_figures():
    """The 2019 block 第二十条第（九）项 written in a 2021 table 二: its figures were dropped from the
    extract (no cell at all); they are listed with the 2019 row and label, not in a 2021 column."""
    import reportgen as rg

    doc = rg.seed_doc()
    t2 = doc.tables["二"]
    t2.blocks.append(rg.table2("2019").blocks[-1])
    t2.values[("procurement", "projects")] = "5"
    t2.values[("procurement", "amount")] = "300.5"
    for shape in ("cells", "pipe", "spaced"):
        rec = govlint.extract(rg.render(doc, shape).text)
        assert rec["edition"] == "2021"
        cells = _cells(rec, table="二", row="procurement")
        assert [c["value"] for c in cells] == [5, 300.5], shape
        assert all(c["problem"] == "other_edition" and not c["aligned"] and c["block"] == "art20_9" for c in cells)
        assert cells[0]["row_label"] == "政府集中采购"
        assert len(_cells(rec, table="二", aligned=True)) == 10  # the 2021 cells as before


def test_sums_made_for_sub_rows_of_the_other_edition_are_marked_and_the_sub_rows_listed():
    """A 2019 table 三 written with the 2021 sub-rows of （六）其他处理: govlint reads the row as their
    sums (for the arithmetic); the extract marks those sums as made (``sum_of_sub_rows``) and lists
    the sub-rows' figures as written, with their 2021 row ids."""
    import reportgen as rg

    doc = rg.seed_doc().set_year(2020)
    doc.use_2019_tables()
    t3 = doc.tables["三"]
    b = t3.blocks[0]
    i = next(k for k, r in enumerate(b.rows) if r.id == "other_handling")
    subs = [r for r in rg.T3_ROWS_2021 if r.id.startswith("other_handling.")]
    b.rows[i:i + 1] = subs
    b.groups["other_handling"] = "（六）其他处理"
    for n, r in enumerate(subs, 1):
        for c in b.columns:
            t3.values[(r.id, c)] = str(n) if c in ("natural", "total") else "0"
    rec = govlint.extract(rg.render(doc, "pipe").text)
    assert rec["edition"] == "2019"
    sums = _cells(rec, table="三", row="other_handling")
    assert [c["value"] for c in sums] == [6, 0, 0, 0, 0, 0, 6]
    assert all(c["aligned"] and c["problem"] == "sum_of_sub_rows" for c in sums)
    for n, r in enumerate(subs, 1):
        written = _cells(rec, table="三", row=r.id)
        assert [c["value"] for c in written] == [n, 0, 0, 0, 0, 0, n]
        assert all(c["problem"] == "other_edition" and not c["aligned"] for c in written)
        assert written[0]["row_label"] == r.label  # the 2021 edition's label


def test_csv_file_has_a_byte_order_mark_for_excel(tmp_path):
    """Excel opens a CSV without a BOM in the system code page (GBK on Chinese Windows): the labels
    come out garbled. ``-o cells.csv`` writes UTF-8 with a BOM; standard output has none."""
    out = tmp_path / "cells.csv"
    assert run("--format", "csv", "-o", str(out), str(SEED)).returncode == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfpath,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["path"].endswith("seed.txt") and rows[0]["agency"] == "益阳市行政审批服务局"
    assert run("--format", "csv", str(SEED)).stdout.startswith("path,")
    assert run("-o", str(tmp_path / "x.json"), str(SEED)) and (tmp_path / "x.json").read_bytes()[:1] == b"{"


def test_csv_lists_files_that_could_not_be_read(tmp_path):
    """A folder of reports read into one CSV: a file that could not be read has a line with its
    error (before, it had none: only the JSON form or standard error said it was left out)."""
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    proc = run("--format", "csv", str(tmp_path))
    assert proc.returncode == 2
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    bad = [r for r in rows if r["path"].endswith("bad.docx")]
    assert len(bad) == 1 and bad[0]["error"] == "GL011" and bad[0]["error_message"] and bad[0]["table"] == ""
    good = [r for r in rows if r["path"].endswith("a.txt")]
    assert len(good) == 200 and {r["error"] for r in good} == {""} and {r["reader"] for r in good} == {"text"}


def test_cells_of_a_column_the_format_does_not_have_carry_its_label():
    """Table 三 with a column added (个体工商户 between 法律服务机构 and 其他): its cells were listed with
    column_id and column_label null, so nothing said which column they were; now they carry the label
    as written and ``problem: unknown_column``, and the other cells stay in their columns."""
    import reportgen as rg

    doc = rg.seed_doc().add_column("三", "legal_services", "个体工商户", "7")
    for shape in ("cells", "pipe", "markdown", "spaced"):
        rec = govlint.extract(rg.render(doc, shape).text)
        added = [c for c in rec["cells"] if c["table"] == "三" and c["column_id"] is None]
        assert len(added) == 25 and all(c["value"] == 7 for c in added), shape
        assert {(c["column_label"], c["problem"]) for c in added} == {("个体工商户", "unknown_column")}
        known = [c for c in rec["cells"] if c["table"] == "三" and c["column_id"] is not None]
        assert len(known) == 175 and all(str(c["value"]) == doc.value("三", c["row"], c["column_id"]) for c in known)


def test_a_table_printed_twice_has_its_copies_told_apart():
    """A report that prints table 四 twice (the page, and its attachment after part 六): each copy's
    cells carry the index of their table, so the copies can be told apart (and the tables list
    gives each table's index, in document order)."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("四、政府信息公开行政复议、行政诉讼情况")
    body = text[start:text.index("五、", start)].split("\n", 1)[1]
    twice = text.rstrip("\n") + "\n附件：本机关政府信息公开行政复议、行政诉讼情况统计表如下。\n" + body
    rec = govlint.extract(twice)
    assert [t["index"] for t in rec["tables"]] == list(range(len(rec["tables"])))
    copies = [t["index"] for t in rec["tables"] if t["table"] == "四"]
    assert len(copies) == 2
    cells = [c for c in rec["cells"] if c["table"] == "四"]
    assert Counter(c["table_index"] for c in cells) == {copies[0]: 15, copies[1]: 15}
    assert all(rec["tables"][c["table_index"]]["table"] == c["table"] for c in rec["cells"])


# ----------------------------------------------------------------------------- the wide form


def _wide(*args: str) -> tuple[subprocess.CompletedProcess, list[dict]]:
    proc = run("--format", "wide", *args)
    return proc, list(csv.DictReader(io.StringIO(proc.stdout)))


def test_wide_one_line_per_report_with_the_same_figures_as_the_long_form(tmp_path):
    """``--format wide``: one line per report, one column per figure (for a spreadsheet of a
    province's reports). Each figure is the one the long form gives for its row and column."""
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes((ROOT / "tests" / "data" / "2019-pingtan.txt").read_bytes())
    proc, rows = _wide(str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert [Path(r["path"]).name for r in rows] == ["a.txt", "b.txt"]
    long = govlint.extract(SEED)
    written = {(c["table"], c["row"], c["column_id"]): c["value"] for c in long["cells"] if c["problem"] is None}
    a = rows[0]
    assert (a["edition"], a["year"], a["agency"]) == ("2021", "2022", "益阳市行政审批服务局")
    assert a["表三/一、本年新收政府信息公开申请数量/自然人"] == str(written[("三", "new", "natural")]) == "3"
    assert a["表四/未经复议直接起诉/总计"] == "0" and a["表二/行政许可/本年处理决定数量"] == "0"
    from govlint.engine import default_engine
    from govlint.extract import wide_columns

    columns = wide_columns(sorted(default_engine().editions.values(), key=lambda ed: -ed.first_year))
    assert [k for k in a if k.startswith("表")] == [h for _, h in columns]
    assert all(a[h] == str(written.get(key, "")) for key, h in columns) and len(written) == 200
    # a 2019 report fills the 2019 columns (its table 二 has other cells), not the 2021 ones
    b = rows[1]
    assert b["edition"] == "2019" and b["表二/规章/本年制发件数"] == "" and b["表二/规章/本年新制作数量"] != ""
    assert b["表三/（六）其他处理/总计"] != "" and a["表三/（六）其他处理/总计"] == ""


def test_wide_headers_are_unique_and_name_the_group_where_labels_repeat():
    from govlint.engine import default_engine
    from govlint.extract import wide_columns

    cols = wide_columns(list(default_engine().editions.values()))
    headers = [h for _, h in cols]
    assert len(set(headers)) == len(headers) and len({k for k, _ in cols}) == len(cols)
    # 结果维持 is a column of 行政复议 and of each kind of 行政诉讼: its group tells them apart
    assert {"表四/行政复议/结果维持", "表四/未经复议直接起诉/结果维持", "表四/复议后起诉/结果维持"} <= set(headers)
    assert "表三/1.属于国家秘密/商业企业" in headers  # a leaf's own label where it is unique


def test_wide_leaves_cells_without_a_figure_empty_never_zero(tmp_path):
    """A blank cell, 无, a row whose figures could not be aligned: an empty field, not 0."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = lines.index("一、本年新收政府信息公开申请数量 |") + 1  # its first figure, 自然人 (3)
    assert lines[at] == "3 |"
    lines[at] = " |"
    p = tmp_path / "r.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    _, rows = _wide(str(p))
    assert rows[0]["表三/一、本年新收政府信息公开申请数量/自然人"] == ""
    assert rows[0]["表三/一、本年新收政府信息公开申请数量/商业企业"] == "0"


def test_wide_lists_a_file_that_could_not_be_read_with_its_error(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "wide.csv"
    proc = run("--format", "wide", "-o", str(out), str(tmp_path))
    assert proc.returncode == 2
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfpath,")  # for Excel, as the long CSV
    rows = {Path(r["path"]).name: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    assert rows["bad.docx"]["error"] == "GL011" and rows["bad.docx"]["error_message"]
    assert all(v == "" for k, v in rows["bad.docx"].items() if k.startswith("表"))
    assert rows["a.txt"]["error"] == ""
