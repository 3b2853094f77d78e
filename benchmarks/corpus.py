"""The benchmark corpus: the seed report and variants of it in every shape govlint reads.

Variants differ in their values (random counts; the arithmetic then mostly fails, as it would in a
careless report), and about a third carry a structural defect (a blank or ``无`` cell, a part
dropped, reworded or moved, a row dropped, another year). Text comes in four shapes (one cell per
line as the seed is published, ``|`` rows, Markdown, space-separated rows); web pages (plain markup,
and Word's "save as web page" markup) and Word files hold the ``|``-row content as ``<table>``/``w:tbl``; PDFs are made from the Word files by LibreOffice
when it is installed. Everything is generated from ``tests/data`` and ``tests/reportgen.py``.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

import fuzzlib  # noqa: E402

TEXT_SHAPES = ("cells", "pipe", "markdown", "spaced")
YEARS = (2021, 2022, 2023, 2024)
AGENCIES = ("益阳市行政审批服务局", "平潭综合实验区管理委员会", "威海市文登区信访局", "镇安县茅坪回族镇人民政府",
            "深圳市龙岗区人民政府办公室", "某某县自然资源局")


def _value(rng: random.Random) -> str:
    return str(rng.choice((0, 0, 0, 0, 1, 1, 2, 3, 5, 8, 13, rng.randint(0, 60), rng.randint(0, 5000))))


def _consistent(rg, d, rng: random.Random) -> bool:
    """Fill tables 二, 三, 四 with random counts for which every identity holds (as in most real
    reports); False if the renderer lacks the helpers."""
    try:
        t2, t3, t4 = d.tables["二"], d.tables["三"], d.tables["四"]
        for key in t2.values:
            t2.values[key] = _value(rng)
        leaves = [r.id for r in t3.rowdefs() if r.id not in ("new", "carried_over", "total", "carry_forward")]
        outcomes = {(r, c): rng.choice((0, 0, 0, 1, 2, rng.randint(0, 40)))
                    for r in leaves for c in rg.T3_APPLICANTS}
        carried = {c: rng.choice((0, 0, 1, 2)) for c in rg.T3_APPLICANTS}
        forward = {c: carried[c] + rng.choice((0, 1, 3)) for c in rg.T3_APPLICANTS}
        rg.consistent_table3(t3, outcomes, carried, forward)
        counts = {f"{g}.{o}": rng.choice((0, 0, 0, 1, 2)) for g, _ in rg.T4_GROUPS for o, _ in rg.T4_OUTCOMES[:-1]}
        rg.consistent_table4(t4, counts)
    except (AttributeError, KeyError, ValueError, TypeError):
        return False
    return True


def _variant_doc(rg, base, rng: random.Random):
    d = base.copy()
    if not _consistent(rg, d, rng):
        for t in d.tables.values():
            for key in list(t.values):
                if rng.random() < 0.6:
                    t.values[key] = _value(rng)
    elif rng.random() < 0.15:  # one figure off: the arithmetic breaks
        t = d.tables[rng.choice(("三", "四"))]
        key = rng.choice(sorted(t.values))
        t.values[key] = str(int(t.values[key]) + rng.choice((1, 2, 10)))
    year = rng.choice(YEARS)
    agency = rng.choice(AGENCIES)
    if d.title:
        d.title = f"{agency}{year}年政府信息公开工作年度报告"
    r = rng.random()
    try:
        if r < 0.06:
            tid = rng.choice(sorted(d.tables))
            key = rng.choice(sorted(d.tables[tid].values))
            d.tables[tid].values[key] = rng.choice(("", "无", "-", "/", "3件", "1.5"))
        elif r < 0.12:
            d.drop_part(rng.randint(1, 6))
        elif r < 0.18:
            n = rng.randint(1, 6)
            d.set_heading(n, d.part(n).heading[:2] + rng.choice(("工作概况", "存在问题及改进措施", "其他事项")))
        elif r < 0.22:
            d.swap_parts(rng.randint(1, 3), rng.randint(4, 6))
        elif r < 0.28:
            tid = rng.choice(sorted(d.tables))
            rows = [rd.id for rd in d.tables[tid].rowdefs()]
            d.drop_row(tid, rng.choice(rows))
        elif r < 0.33:
            d.title = (d.title or "").replace(str(year), str(year - 3))
    except (KeyError, IndexError, ValueError, StopIteration):
        pass  # the renderer's data changed under us: keep the value-only variant
    return d


def text_variants(n: int, seed: int = 20240601) -> dict[str, list[str]]:
    """shape -> n texts (``cells`` variants come from the renderer too; the first is the seed file)."""
    rng = random.Random(seed)
    rg = fuzzlib.reportgen()
    out: dict[str, list[str]] = {s: [] for s in TEXT_SHAPES}
    seed_text = fuzzlib.SEED.read_text(encoding="utf-8")
    if rg is None:  # no renderer: text-level variants of the seed file only
        for i in range(n):
            ops = [("cell", rng.randint(0, 1 << 20), rng.randint(0, 1 << 20), _value(rng)) for _ in range(20)]
            out["cells"].append(seed_text if i == 0 else fuzzlib.mutate(seed_text, ops))
        return {k: v for k, v in out.items() if v}
    base = rg.seed_doc()
    shapes = [s for s in TEXT_SHAPES if s in rg.SHAPES]
    for i in range(n):
        doc = _variant_doc(rg, base, rng)
        for s in shapes:
            out[s].append(seed_text if (s == "cells" and i == 0) else rg.render(doc, s).text)
    return {k: v for k, v in out.items() if v}


def write_corpus(root: Path, n_text: int, n_html: int, n_docx: int, n_pdf: int,
                 note: Callable[[str], None] = print) -> dict[str, list[Path]]:
    """Write the corpus under ``root``: one directory per shape. Returns shape -> files."""
    from govlint.readers import BUILTIN_READERS

    per_shape = max(1, -(-n_text // len(TEXT_SHAPES)))
    variants = text_variants(max(per_shape, n_html, n_docx, n_pdf))
    files: dict[str, list[Path]] = {}
    for shape, texts in variants.items():
        d = root / shape
        d.mkdir(parents=True)
        files[shape] = []
        for i, text in enumerate(texts[:per_shape]):
            p = d / f"r{i:04d}.txt"
            p.write_text(text, encoding="utf-8")
            files[shape].append(p)
    table_texts = variants.get("pipe") or variants.get("markdown") or variants["cells"]
    if n_html:
        if ".html" not in BUILTIN_READERS:
            note("html: skipped (no HTML reader in govlint/readers)")
        else:
            # two kinds of page: plain markup, and a Word document saved as a web page (every
            # paragraph and cell wrapped in styled <p>/<span>, ~7x the markup)
            for shape, page in (("html", fuzzlib.to_html), ("html-word", fuzzlib.to_word_html)):
                d = root / shape
                d.mkdir()
                files[shape] = []
                for i, text in enumerate(table_texts[:n_html]):
                    p = d / f"r{i:04d}.html"
                    p.write_text(page(text), encoding="utf-8")
                    files[shape].append(p)
    docx_files: list[Path] = []
    if n_docx or n_pdf:
        if ".docx" not in BUILTIN_READERS:
            note("docx: skipped (no DOCX reader in govlint/readers)")
        else:
            d = root / "docx"
            d.mkdir()
            make = _docx_maker(note)
            for i, text in enumerate(table_texts[:max(n_docx, n_pdf)]):
                p = d / f"r{i:04d}.docx"
                p.write_bytes(make(text))
                docx_files.append(p)
            files["docx"] = docx_files[:n_docx]
    if n_pdf:
        pdfs = _pdfs(root / "pdf", docx_files[:n_pdf], note)
        if pdfs:
            files["pdf"] = pdfs
    return files


def _docx_maker(note: Callable[[str], None]) -> Callable[[str], bytes]:
    """Word files as Word writes them (python-docx: styles, numbering, table grid) if python-docx is
    installed, else the minimal package of ``fuzzlib.to_docx``."""
    try:
        import docx  # type: ignore[import-not-found]
    except ImportError:
        note("docx: python-docx not installed, using minimal .docx packages")
        return fuzzlib.to_docx
    import io

    def make(text: str) -> bytes:
        document = docx.Document()
        for kind, item in fuzzlib._blocks(text):
            if kind == "p":
                document.add_paragraph(item)
            else:
                width = max(len(r) for r in item)
                table = document.add_table(rows=len(item), cols=width)
                table.style = "Table Grid"
                for row_obj, row in zip(table.rows, item):
                    cells = row_obj.cells  # (table.cell(r, c) walks the whole table each time)
                    for c, cell in enumerate(row):
                        cells[c].text = cell
        buf = io.BytesIO()
        document.save(buf)
        return buf.getvalue()

    return make


def _pdfs(d: Path, docx_files: list[Path], note: Callable[[str], None]) -> list[Path]:
    from govlint.readers import BUILTIN_READERS

    if ".pdf" not in BUILTIN_READERS or not docx_files:
        note("pdf: skipped (no PDF reader)" if docx_files else "pdf: skipped (no .docx to convert)")
        return []
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        note("pdf: skipped (pdfplumber, the extra govlint[pdf], is not installed)")
        return []
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        note("pdf: skipped (LibreOffice is needed to make PDFs for the corpus)")
        return []
    d.mkdir()
    profile = (d.parent / "lo-profile").as_uri()
    try:
        subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                        "--outdir", str(d), *map(str, docx_files)], capture_output=True, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        note("pdf: LibreOffice took over 10 minutes; PDFs skipped")
        return []
    out = sorted(d.glob("*.pdf"))
    if len(out) < len(docx_files):
        note(f"pdf: LibreOffice made {len(out)} of {len(docx_files)} PDFs")
    return out


def floor_scan(paths: list[Path]) -> int:
    """The floor: read each file, decode it and find the numbers in it with one regex. Returns a count
    (so the work cannot be optimised away)."""
    import re

    digits = re.compile(r"\d+")
    total = 0
    for p in paths:
        text = p.read_bytes().decode("utf-8", "replace")
        total += len(digits.findall(text))
    return total
