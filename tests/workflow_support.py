"""Helpers for the workflow tests (CLI formats, fixes, baselines, plugins, pre-commit, batch runs).

Reports are made from the seed (tests/data/seed.txt): ``clean_report()`` is the seed itself
(consistent tables), ``defective_report()`` breaks table 三's arithmetic in the 自然人 column
((七)总计 3 -> 2: GL301, GL302, GL303). ``install_fake_plugin`` makes a plugin importable the way an
installed distribution is (a package plus a ``*.dist-info`` with ``entry_points.txt``) in a folder
that is put on PYTHONPATH of the subprocess — what pip would do, without the pip run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
DATA = TESTS / "data"
SEED = DATA / "seed.txt"
PLUGIN_EXAMPLE = TESTS / "plugin_example"

#: the selection the workflow tests use: the seed is arithmetically consistent, and the defective
#: report breaks exactly table 三's arithmetic, whatever rules of other families find in the seed
CORE = "GL3"
CORE_TOML = 'select = ["GL3"]\n'

_TOTAL = "(七)总计 |\n3 |"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def clean_report() -> str:
    return seed_text()


def defective_report(value: str = "2") -> str:
    text = seed_text()
    assert text.count(_TOTAL) == 1, "the seed's table 三 changed shape"
    return text.replace(_TOTAL, f"(七)总计 |\n{value} |")


def govlint_cmd() -> list[str]:
    """The installed ``govlint`` console script next to this interpreter (as a user runs it)."""
    exe = Path(sys.executable).parent / "govlint"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "govlint"]


def run_govlint(*args: str, cwd: Optional[Path] = None, env: Optional[dict] = None,
                timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.pop("GITHUB_WORKSPACE", None)
    full_env.pop("GITHUB_ACTIONS", None)
    full_env.update(env or {})
    return subprocess.run([*govlint_cmd(), *map(str, args)], cwd=cwd, env=full_env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)


def install_fake_plugin(site: Path, dist: str, module: str, source: str, entry_name: Optional[str] = None,
                        version: str = "1.0") -> Path:
    """Make ``module`` (with ``source`` as its __init__) an installed distribution ``dist`` in ``site``
    exposing the entry point ``entry_name = module`` in the group ``govlint``."""
    pkg = site / module
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text(source, encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[govlint]\n{entry_name or module} = {module}\n", encoding="utf-8")
    return site


def install_example_plugin(site: Path) -> Path:
    """tests/plugin_example as if pip-installed (entry point ``example``)."""
    src = (PLUGIN_EXAMPLE / "govlint_example_plugin" / "__init__.py").read_text(encoding="utf-8")
    return install_fake_plugin(site, "govlint-example-plugin", "govlint_example_plugin", src, "example")


def plugin_env(site: Path) -> dict:
    old = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(site) + (os.pathsep + old if old else "")}


def copy_project(dest: Path) -> Path:
    """A copy of this checkout without VCS data, virtual environments and caches."""
    ignore = shutil.ignore_patterns(".git", ".venv", ".ci-venv", "__pycache__", "*.pyc", ".pytest_cache",
                                    ".hypothesis", "build", "dist", "*.egg-info", ".mypy_cache", ".ruff_cache")
    shutil.copytree(PROJECT, dest, ignore=ignore)
    return dest


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", GIT_CONFIG_NOSYSTEM="1", HOME=str(cwd))
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
