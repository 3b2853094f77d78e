"""govlint benchmark: throughput per input shape, the floor, cold start and memory, in one run.

    python benchmarks/run.py [--out benchmarks/results.json] [--text 1000 --html 200 --docx 100 --pdf 20]
                             [--repeat 3] [--quick] [--profile SHAPE]

Makes a corpus from the seed report and its variants (see ``benchmarks/corpus.py``) in a temporary
directory, then measures, per shape:

* ``in-process``: ``Engine.lint_path`` over the files in this process (one core): reports per
  second of wall-clock and of CPU time (CPU time is what a busy shared machine does not distort);
* ``cli -j1`` / ``cli -j2``: ``govlint check --jobs N`` over the shape's directory, wall-clock,
  start-up included;
* ``floor``: the same files merely read, decoded and scanned for numbers with one regex, and the
  ratio govlint / floor (in-process CPU time);

each the fastest of ``--repeat`` runs (as ``timeit`` reports its minimum: on a shared machine a
slower run measures other load as well); then the cold start of ``govlint check`` on one file
(median of 20 runs), the import time of ``govlint.cli``, the peak RSS of the CLI processes, and the
RSS of this process as the in-process run goes through the text corpus (after 250, 500, … files:
flat means no leak). Results go to stdout
as a table and to ``--out`` as JSON. Targets (2-core machine): text >= 300 reports/s per core,
HTML >= 200/s, DOCX >= 50/s, ratio to the floor <= 10 (text), cold start <= 150 ms, RSS flat.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

TARGETS = {"text": 300.0, "html": 200.0, "docx": 50.0}  # reports/s per core
FLOOR_RATIO = 10.0
COLD_START_MS = 150.0
TEXT = set(corpus.TEXT_SHAPES)


def rss_now() -> int:
    """Resident set size of this process (bytes)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


#: environment of the CLI runs: bytecode cached (in a private folder), as after ``pip install``
CHILD_ENV = dict(os.environ)


def set_bytecode_cache(folder: Path) -> None:
    CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(folder)


def govlint_cmd() -> list[str]:
    script = Path(sys.executable).parent / "govlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "govlint"]


def corpus_in_child(root: Path, n_text: int, n_html: int, n_docx: int, n_pdf: int, note) -> dict[str, list[Path]]:
    """:func:`corpus.write_corpus` run in a child process: making the Word files and PDFs leaves this
    process with ~100 MB of objects and libraries that slowed every in-process run after it by half
    (cells 6.9 ms a file against 4.4 ms in a fresh process); the in-process figures are to be those of
    a process that only checks reports."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); import corpus; from pathlib import Path; "
            "notes = []; files = corpus.write_corpus(Path(sys.argv[2]), *map(int, sys.argv[3:7]), notes.append); "
            "print(json.dumps({'files': {k: [str(p) for p in v] for k, v in files.items()}, 'notes': notes}))")
    proc = subprocess.run([sys.executable, "-c", code, str(HERE), str(root), str(n_text), str(n_html), str(n_docx),
                           str(n_pdf)], capture_output=True, text=True, env=dict(os.environ))
    if proc.returncode != 0:
        raise SystemExit(f"run.py: making the corpus failed:\n{proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    for msg in out["notes"]:
        note(msg)
    return {k: [Path(p) for p in v] for k, v in out["files"].items()}


def in_process(files: list[Path], checkpoints: tuple[int, ...] = ()) -> dict:
    from govlint.engine import default_engine

    engine = default_engine()
    engine.lint_path(files[0])  # build the parser, load the editions
    rss = {}
    w0, c0 = time.perf_counter(), time.process_time()
    findings = 0
    for i, f in enumerate(files, 1):
        findings += len(engine.lint_path(f).diagnostics)
        if i in checkpoints:
            rss[i] = rss_now()
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    return {"files": len(files), "wall_s": wall, "cpu_s": cpu, "per_s_wall": len(files) / wall,
            "per_s_cpu": len(files) / cpu, "diagnostics": findings, "rss": rss}


def cli_run(paths: list[Path], jobs: int, fmt: str = "json") -> dict:
    """``govlint check`` over ``paths``: wall time and the peak RSS of that run (its own and its
    workers', from wait4)."""
    cmd = govlint_cmd() + ["check", "--jobs", str(jobs), "--exit-zero", "--no-progress", "--format", fmt,
                           "-o", os.devnull, *map(str, paths)]
    # Linux carries a process's peak RSS over into what it execs, so the CLI is started from a small
    # wrapper (not from this big process) that reports the peak RSS of its children
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
               "print(rc, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    proc = subprocess.run([sys.executable, "-S", "-c", wrapper, *cmd], capture_output=True, text=True, env=CHILD_ENV)
    try:
        rc, wall, peak_kb = proc.stdout.split()
    except ValueError:
        return {"error": f"wrapper failed: {proc.stderr[-500:]}"}
    if int(rc) not in (0, 1):
        return {"error": f"exit {rc}: {proc.stderr[-500:]}"}
    return {"wall_s": float(wall), "peak_rss_bytes": int(peak_kb) * 1024}


def floor(files: list[Path]) -> dict:
    corpus.floor_scan(files[:5])
    c0, w0 = time.process_time(), time.perf_counter()
    corpus.floor_scan(files)
    return {"cpu_s": time.process_time() - c0, "wall_s": time.perf_counter() - w0}


def cold_start(path: Path, runs: int) -> dict:
    """``govlint check FILE`` in a new process, with bytecode cached (as installed) and, for
    comparison, without any cache (no .pyc, no grammar cache: the first run after installing)."""
    cmd = govlint_cmd() + ["check", "--no-show-source", "--exit-zero", str(path)]
    subprocess.run(cmd, capture_output=True, env=CHILD_ENV)  # warm the caches

    def timed(env: dict, n: int) -> list[float]:
        out = []
        for _ in range(n):
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    times = timed(CHILD_ENV, runs)
    bare = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", GOVLINT_NO_CACHE="1")
    bare.pop("PYTHONPYCACHEPREFIX", None)
    no_cache = timed(bare, max(3, runs // 4)) if not any(Path(ROOT, "govlint").glob("__pycache__/*.pyc")) else []
    py = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True, env=CHILD_ENV)
        py.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
            "no_cache_median_ms": statistics.median(no_cache) if no_cache else None,
            "python_startup_ms": statistics.median(py)}


def import_time() -> dict:
    """``python -X importtime -c 'import govlint.cli'``: the total and the slowest modules (self time)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import govlint.cli"],
                          capture_output=True, text=True, env=CHILD_ENV)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        parts = [x.strip() for x in line.split(":", 1)[1].split("|")]
        try:
            rows.append((int(parts[0]), int(parts[1]), parts[2]))
        except (ValueError, IndexError):
            continue
    total = next((cum for _, cum, name in rows if name == "govlint.cli"), None)
    top = sorted(rows, reverse=True)[:8]
    return {"govlint.cli_ms": (total or 0) / 1000, "slowest_self_ms": [(name, s / 1000) for s, _, name in top]}


def profile(files: list[Path]) -> None:
    """Profile the in-process run of one shape with cProfile; print the top of the table."""
    import cProfile
    import pstats

    from govlint.engine import default_engine

    engine = default_engine()
    engine.lint_path(files[0])
    prof = cProfile.Profile()
    prof.enable()
    for f in files:
        engine.lint_path(f)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    slow = sorted(engine.rule_times.items(), key=lambda kv: -kv[1])[:10]
    print("slowest rules (s, all files):", ", ".join(f"{k} {v:.2f}" for k, v in slow))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    ap.add_argument("--text", type=int, default=1000, help="text reports in all (split over the four text shapes)")
    ap.add_argument("--html", type=int, default=200)
    ap.add_argument("--docx", type=int, default=100)
    ap.add_argument("--pdf", type=int, default=20, help="PDFs (made by LibreOffice from the .docx files)")
    ap.add_argument("--cold-runs", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per shape (in-process and CLI); the fastest is reported, as timeit does")
    ap.add_argument("--jobs", default="1,2", help="--jobs values for the CLI runs")
    ap.add_argument("--quick", action="store_true", help="a small corpus (a smoke test of this script)")
    ap.add_argument("--profile", metavar="SHAPE", help="also profile the in-process run of SHAPE")
    ap.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = ap.parse_args(argv)
    if args.quick:
        args.text, args.html, args.docx, args.pdf, args.cold_runs, args.repeat = 40, 10, 5, 0, 5, 1
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    notes: list[str] = []

    def note(msg: str) -> None:
        notes.append(msg)
        print("note:", msg, flush=True)

    import govlint

    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
               "govlint": govlint.__version__, "load_before": os.getloadavg() if hasattr(os, "getloadavg") else None}
    tmp = tempfile.TemporaryDirectory(prefix="govlint-bench-")
    root = args.keep or Path(tmp.name)
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        print(f"run.py: --keep {args.keep}: the folder exists and is not empty; name a new one", file=sys.stderr)
        return 2
    root.mkdir(parents=True, exist_ok=True)
    set_bytecode_cache(Path(tmp.name) / "pycache")
    t0 = time.perf_counter()
    files = corpus_in_child(root, args.text, args.html, args.docx, args.pdf, note)
    print(f"corpus: {', '.join(f'{k} {len(v)}' for k, v in files.items())} in {root} "
          f"({time.perf_counter() - t0:.1f} s to make)", flush=True)

    results: dict = {"machine": machine, "corpus": {k: len(v) for k, v in files.items()}, "shapes": {},
                     "notes": notes}
    text_files = [f for s in corpus.TEXT_SHAPES for f in files.get(s, [])]
    marks = tuple(k for k in (250, 500, 750, 1000, 1500, 2000) if k <= len(text_files)) or (len(text_files),)
    interleaved = [f for group in zip(*(files[s] for s in corpus.TEXT_SHAPES if s in files)) for f in group]
    rss_run = in_process(interleaved or text_files, marks)  # all text shapes, interleaved: the RSS curve
    results["rss_text_corpus"] = {str(k): v for k, v in rss_run["rss"].items()}

    for shape, paths in files.items():
        row: dict = {"files": len(paths)}
        # best of --repeat runs, as timeit reports its minimum: a slower run measures other load too
        runs = [in_process(paths) for _ in range(max(1, args.repeat))]
        row["in_process"] = min(runs, key=lambda r: r["cpu_s"])
        row["in_process"].pop("rss")
        row["in_process"]["cpu_s_all"] = [r["cpu_s"] for r in runs]
        fl = floor(paths)
        row["floor"] = {"per_s_cpu": len(paths) / max(fl["cpu_s"], 1e-9), "cpu_s": fl["cpu_s"]}
        row["ratio_to_floor"] = row["in_process"]["cpu_s"] / max(fl["cpu_s"], 1e-9)
        for j in jobs:
            tries = [cli_run([paths[0].parent], j) for _ in range(max(1, args.repeat))]
            r = min(tries, key=lambda t: t.get("wall_s", float("inf")))
            if "wall_s" in r:
                r["per_s"] = len(paths) / r["wall_s"]
                r["per_s_per_core"] = r["per_s"] / min(j, os.cpu_count() or 1)
            row[f"cli_j{j}"] = r
        results["shapes"][shape] = row
        print(f"  {shape:9s} done", flush=True)

    # the CLI's memory as the corpus grows: one text shape, then all of them
    dirs = [files[s][0].parent for s in corpus.TEXT_SHAPES if s in files]
    growth = {}
    for k in range(1, len(dirs) + 1, max(1, len(dirs) - 1)):
        r = cli_run(dirs[:k], 1, "text")
        growth[str(sum(len(files[s]) for s in corpus.TEXT_SHAPES[:k] if s in files))] = r.get("peak_rss_bytes")
    results["rss_cli_text"] = growth
    seed = files["cells"][0] if "cells" in files else text_files[0]
    results["cold_start"] = cold_start(seed, args.cold_runs)
    results["import_time"] = import_time()
    results["peak_rss_cli_bytes"] = max((r.get(f"cli_j{j}", {}).get("peak_rss_bytes") or 0
                                         for r in results["shapes"].values() for j in jobs), default=0)
    results["peak_rss_bench_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    machine["load_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    results["targets"] = _targets(results)

    _print(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=list), encoding="utf-8")
    print(f"\nresults written to {args.out}")
    if args.profile:
        if args.profile not in files:
            print(f"no shape {args.profile!r}; shapes: {', '.join(files)}")
        else:
            profile(files[args.profile])
    tmp.cleanup()
    return 0


def _targets(res: dict) -> dict:
    out = {}
    for shape, row in res["shapes"].items():
        family = "text" if shape in TEXT else shape.split("-")[0]  # html-word: an HTML target
        if family not in TARGETS:
            continue
        rate = row["in_process"]["per_s_cpu"]
        j1 = row.get("cli_j1", {}).get("per_s")
        out[f"{shape} reports/s per core (cpu, in-process) >= {TARGETS[family]:g}"] = (round(rate, 1), rate >= TARGETS[family])
        if j1:
            out[f"{shape} reports/s per core (wall, cli -j1) >= {TARGETS[family]:g}"] = (round(j1, 1), j1 >= TARGETS[family])
        if family == "text":
            out[f"{shape} ratio to floor <= {FLOOR_RATIO:g}"] = (round(row["ratio_to_floor"], 1), row["ratio_to_floor"] <= FLOOR_RATIO)
    cs = res["cold_start"]["median_ms"]
    out[f"cold start median ms <= {COLD_START_MS:g}"] = (round(cs, 1), cs <= COLD_START_MS)
    rss = [v for _, v in sorted(res["rss_text_corpus"].items(), key=lambda kv: int(kv[0]))]
    if len(rss) >= 2:
        growth = (rss[-1] - rss[0]) / rss[0]
        out["RSS flat in-process over the text corpus (growth <= 10% after the first checkpoint)"] = (f"{growth:+.1%}", growth <= 0.10)
    cli = [v for _, v in sorted(res.get("rss_cli_text", {}).items(), key=lambda kv: int(kv[0])) if v]
    if len(cli) >= 2:
        growth = (cli[-1] - cli[0]) / cli[0]
        out["RSS of govlint check, 4x the files (growth <= 50%)"] = (f"{growth:+.1%}", growth <= 0.50)
    return out


def _print(res: dict) -> None:
    m = res["machine"]
    print(f"\ngovlint {m['govlint']} · Python {m['python']} · {m['cpus']} CPUs · load {m['load_before']} -> {m['load_after']}")
    head = f"{'shape':9s} {'files':>5s} {'in-proc/s':>9s} {'cpu/s':>7s} {'cli -j1/s':>9s} {'cli -j2/s':>9s} " \
           f"{'per core':>8s} {'floor/s':>8s} {'ratio':>6s} {'ms/file':>7s}"
    print(head)
    print("-" * len(head))
    for shape, row in res["shapes"].items():
        ip = row["in_process"]
        j1 = row.get("cli_j1", {}).get("per_s")
        j2 = row.get("cli_j2", {}).get("per_s")
        pc = row.get("cli_j2", {}).get("per_s_per_core")
        f = lambda v: f"{v:9.0f}" if isinstance(v, (int, float)) else f"{'-':>9s}"  # noqa: E731
        print(f"{shape:9s} {row['files']:5d} {ip['per_s_wall']:9.0f} {ip['per_s_cpu']:7.0f} {f(j1)} {f(j2)} "
              f"{(pc or 0):8.0f} {row['floor']['per_s_cpu']:8.0f} {row['ratio_to_floor']:6.1f} "
              f"{1000 * ip['cpu_s'] / row['files']:7.2f}")
    cs = res["cold_start"]
    print(f"\ncold start (govlint check one file): median {cs['median_ms']:.0f} ms (min {cs['min_ms']:.0f}, "
          f"max {cs['max_ms']:.0f}; python -c pass: {cs['python_startup_ms']:.0f} ms"
          + (f"; with no bytecode or grammar cache: {cs['no_cache_median_ms']:.0f} ms)" if cs.get("no_cache_median_ms") else ")"))
    it = res["import_time"]
    print(f"import govlint.cli: {it['govlint.cli_ms']:.0f} ms; slowest modules (self): "
          + ", ".join(f"{n} {t:.0f}" for n, t in it["slowest_self_ms"][:5]))
    rss = res["rss_text_corpus"]
    print("RSS of the in-process run over the text corpus: "
          + ", ".join(f"{k} files {v / 2**20:.1f} MB" for k, v in rss.items()))
    print("peak RSS of govlint check (text output) over the text corpus: "
          + ", ".join(f"{k} files {v / 2**20:.1f} MB" for k, v in res["rss_cli_text"].items() if v))
    print(f"peak RSS: govlint check runs {res['peak_rss_cli_bytes'] / 2**20:.1f} MB at most, this script "
          f"{res['peak_rss_bench_bytes'] / 2**20:.1f} MB")
    print("\ntargets:")
    for name, (value, ok) in res["targets"].items():
        print(f"  [{'ok' if ok else 'MISS'}] {name}: {value}")


if __name__ == "__main__":
    sys.exit(main())
