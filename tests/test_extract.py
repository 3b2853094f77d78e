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
