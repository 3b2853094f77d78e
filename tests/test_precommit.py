"""A real pre-commit run of this project's hooks (.pre-commit-hooks.yaml) in a temporary git repo.

`pre-commit try-repo` installs govlint from a git repository into its own virtualenv, exactly as a
user's `.pre-commit-config.yaml` entry would; the project tree is copied (without .git and
virtualenvs) into a fresh repository for that. Network access to the package index is needed for
govlint's dependencies (pip's cache makes repeated runs quick).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workflow_support import CORE_TOML, clean_report, copy_project, defective_report, git

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    pytest.importorskip("pre_commit")
    repo = copy_project(tmp_path_factory.mktemp("hooks") / "govlint")
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "snapshot", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def pc_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(hook_repo: Path, reports: Path, hook: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", GIT_CONFIG_NOSYSTEM="1")
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([*PRE_COMMIT, "try-repo", str(hook_repo), hook, "--all-files", "--verbose"],
                          cwd=reports, env=env, capture_output=True, text=True, timeout=900)


def make_reports_repo(root: Path, text: str, name: str = "reports/2022年度报告.txt") -> Path:
    root.mkdir()
    report = root / name
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    (root / "govlint.toml").write_text(CORE_TOML, encoding="utf-8")
    git("init", "-q", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "report", cwd=root)
    return root


def test_hook_fails_on_a_defective_report_and_passes_a_clean_one(hook_repo: Path, pc_home: Path,
                                                                  tmp_path: Path) -> None:
    bad = make_reports_repo(tmp_path / "bad", defective_report())
    proc = try_repo(hook_repo, bad, "govlint", pc_home)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "govlint" in out and "Failed" in out
    assert "GL301" in out and "2022年度报告.txt" in out

    good = make_reports_repo(tmp_path / "good", clean_report())
    proc = try_repo(hook_repo, good, "govlint", pc_home)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Passed" in out


def test_hook_ignores_files_that_are_not_reports(hook_repo: Path, pc_home: Path, tmp_path: Path) -> None:
    repo = make_reports_repo(tmp_path / "other", clean_report())
    (repo / "setup.cfg").write_text("[metadata]\nname = x\n", encoding="utf-8")
    (repo / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "more", cwd=repo)
    proc = try_repo(hook_repo, repo, "govlint", pc_home)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_fix_hook_rewrites_and_then_passes(hook_repo: Path, pc_home: Path, tmp_path: Path) -> None:
    from govlint.engine import default_engine

    gl601 = default_engine().rules.get("GL601")
    if gl601 is None or not gl601.fixable:
        pytest.skip("no built-in fixable regulation-name rule (GL601) in this checkout")
    wrong = "《中华人民共和国信息公开条例》"  # the seed's own slip: 政府 is missing
    assert wrong in clean_report()
    repo = make_reports_repo(tmp_path / "fix", clean_report())
    (repo / "govlint.toml").write_text('select = ["GL601"]\n', encoding="utf-8")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "config", cwd=repo)
    proc = try_repo(hook_repo, repo, "govlint-fix", pc_home)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "files were modified by this hook" in out, out
    text = (repo / "reports/2022年度报告.txt").read_text(encoding="utf-8")
    assert wrong not in text and text == clean_report().replace(wrong, "《中华人民共和国政府信息公开条例》")
    proc = try_repo(hook_repo, repo, "govlint-fix", pc_home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = try_repo(hook_repo, repo, "govlint", pc_home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
