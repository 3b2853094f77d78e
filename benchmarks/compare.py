"""Compare the speed of this checkout with a git revision, run by run, on the same corpus.

    python benchmarks/compare.py REV [--shapes cells pipe html] [--rounds 5] [--files 100]

The machine a benchmark runs on may itself change speed from one minute to the next (a shared
virtual machine: 10–15 % was seen here), so two figures measured minutes apart compare the machine
as much as the code. This script checks out ``REV`` into a temporary git worktree and times both
versions in turns — REV, this checkout, REV, this checkout, … — each run a fresh process that checks
the shape's files in-process (CPU time, after a warm-up of five files), and prints the median and the
fastest run of each, and the speed-up of the medians. Both versions run with the dependencies of
this environment.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

#: one timed run: check every file of a folder in this process, print ms of CPU time per file
_RUN = """
import sys, time
from pathlib import Path
from govlint.engine import default_engine
engine = default_engine()
files = sorted(Path(sys.argv[1]).iterdir())
for f in files[:5]:
    engine.lint_path(f)
t = time.process_time()
for f in files:
    engine.lint_path(f)
print((time.process_time() - t) / len(files) * 1000)
"""


def _package_root(tree: Path, into: Path) -> Path:
    """A folder holding ``govlint`` and ``govlint_rules`` (rules/ installs under that name) of ``tree``."""
    into.mkdir(parents=True)
    os.symlink(tree / "govlint", into / "govlint")
    os.symlink(tree / "rules", into / "govlint_rules")
    return into


def _timed(pkgs: Path, folder: Path) -> float:
    # -S: no site module, so no editable-install finder can put this checkout's govlint first;
    # the environment's site-packages come after the version's own packages
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(pkgs), sysconfig.get_paths()["purelib"],
                                                      sysconfig.get_paths()["platlib"]]))
    out = subprocess.run([sys.executable, "-S", "-c", _RUN, str(folder)], capture_output=True, text=True,
                         env=env, cwd=tempfile.gettempdir(), check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rev", help="the git revision to compare with (e.g. HEAD~5, a tag, a commit)")
    ap.add_argument("--shapes", nargs="+", default=["cells", "pipe", "markdown", "spaced", "html", "docx"])
    ap.add_argument("--rounds", type=int, default=5, help="runs of each version per shape")
    ap.add_argument("--files", type=int, default=100, help="files per shape")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="govlint-compare-") as tmp:
        base = Path(tmp)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base / "rev"), args.rev],
                       check=True, capture_output=True)
        try:
            old = _package_root(base / "rev", base / "pkgs-rev")
            new = _package_root(ROOT, base / "pkgs-this")
            n = args.files
            files = corpus.write_corpus(base / "corpus", 4 * n, n if "html" in args.shapes else 0,
                                        n if "docx" in args.shapes else 0, 0, note=print)
            print(f"{'shape':9s} {args.rev + ' (ms/file)':>20s} {'this (ms/file)':>16s}  speed-up  (fastest runs)")
            for shape in args.shapes:
                if shape not in files:
                    continue
                folder = files[shape][0].parent
                a, b = [], []
                for _ in range(args.rounds):
                    a.append(_timed(old, folder))
                    b.append(_timed(new, folder))
                ma, mb = statistics.median(a), statistics.median(b)
                print(f"{shape:9s} {ma:8.2f} ({1000 / ma:4.0f}/s) {mb:8.2f} ({1000 / mb:4.0f}/s)  {ma / mb:6.2f}x"
                      f"   ({min(a):.2f} / {min(b):.2f})", flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base / "rev")],
                           capture_output=True)
            shutil.rmtree(base / "rev", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
