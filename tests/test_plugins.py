"""Third-party plugins through the entry-point group `govlint`: `govlint plugins`, `--block-plugins`,
`--require-plugins`, and isolation of broken plugins.

The first test installs govlint and tests/plugin_example (as wheels) into a fresh virtualenv with
pip and runs the installed `govlint`; the others install small plugins the way pip lays them out
(a package plus a ``.dist-info`` with ``entry_points.txt``) in a folder on PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workflow_support import PLUGIN_EXAMPLE, clean_report, copy_project, install_example_plugin, install_fake_plugin, \
    plugin_env, run_govlint

PLACEHOLDER_REPORT = clean_report().replace("共收到建议、提案9件", "共收到建议、提案××件", 1)


def _run(cmd: list, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for k in ("PYTHONPATH", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV"):
        env.pop(k, None)
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env, timeout=900, **kw)


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory) -> Path:
    """A new virtualenv with govlint and the example plugin installed from wheels by pip."""
    root = tmp_path_factory.mktemp("plugin-venv")
    src = copy_project(root / "govlint-src")
    plugin = shutil.copytree(PLUGIN_EXAMPLE, root / "plugin-src",
                             ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    wheels = root / "wheels"
    for project in (src, plugin):  # built from copies: pip builds in the source tree
        built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, project], cwd=root)
        assert built.returncode == 0, built.stdout + built.stderr
    venv = root / "venv"
    made = _run([sys.executable, "-m", "venv", venv])
    assert made.returncode == 0, made.stderr
    pip = venv / "bin" / "pip"
    wheel_files = sorted(wheels.glob("*.whl"))
    assert len(wheel_files) == 2, wheel_files
    inst = _run([pip, "install", "-q", "--find-links", wheels, *wheel_files])
    assert inst.returncode == 0, inst.stdout + inst.stderr
    return venv


def test_installed_plugin_rule_runs(fresh_venv: Path, tmp_path: Path) -> None:
    govlint = fresh_venv / "bin" / "govlint"
    listed = _run([govlint, "plugins"])
    assert listed.returncode == 0, listed.stderr
    line = next(ln for ln in listed.stdout.splitlines() if ln.startswith("example"))
    assert "loaded" in line and "govlint_example_plugin" in line and "GL9901, GL9902" in line
    assert "[govlint-example-plugin]" in line

    report = tmp_path / "r.txt"
    report.write_text(PLACEHOLDER_REPORT, encoding="utf-8")
    proc = _run([govlint, "check", "--format", "json", "--select", "GL99", report])
    assert proc.returncode == 1, proc.stderr
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert [(d["code"], d["message"]) for d in diags] == [("GL9901", "正文留有占位符“××”")]

    required = _run([govlint, "check", "--select", "GL99", "--require-plugins", "govlint-example-plugin", report])
    assert required.returncode == 1 and "GL9901" in required.stdout

    blocked = _run([govlint, "check", "--select", "GL99", "--block-plugins", "example", report])
    assert blocked.returncode == 0, blocked.stdout  # the plugin's rules are gone
    status = _run([govlint, "plugins", "--block-plugins", "example"])
    assert any(ln.startswith("example") and "blocked" in ln for ln in status.stdout.splitlines())

    missing = _run([govlint, "check", "--require-plugins", "example,govlint-other", report])
    assert missing.returncode == 2
    assert "required plugin 'govlint-other' is not available: it is not installed" in missing.stderr
    both = _run([govlint, "check", "--block-plugins", "example", "--require-plugins", "example", report])
    assert both.returncode == 2 and "blocked by --block-plugins" in both.stderr


BROKEN = "raise ImportError('needs a library that is not installed')\n"
CLASH = """import govlint

@govlint.rule("GL301", "clash.same-code", "error")
def clash(report, ctx):
    '''Uses a built-in code.'''
    return []

@govlint.hookimpl
def govlint_register_rules():
    return [clash]
"""
MISSPELT = """import govlint

@govlint.hookimpl
def govlint_register_rulez():
    return []
"""


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    install_example_plugin(site)
    install_fake_plugin(site, "broken-plugin", "broken_plugin", BROKEN, "broken")
    install_fake_plugin(site, "clash-plugin", "clash_plugin", CLASH, "clash")
    install_fake_plugin(site, "misspelt-plugin", "misspelt_plugin", MISSPELT, "misspelt")
    return site


def test_broken_plugins_are_listed_with_reasons_and_do_not_stop_govlint(site: Path, tmp_path: Path) -> None:
    env = plugin_env(site)
    proc = run_govlint("plugins", env=env)
    assert proc.returncode == 1  # something failed
    rows = {ln.split()[0]: ln for ln in proc.stdout.splitlines()}
    assert "loaded" in rows["example"]
    assert "failed" in rows["broken"] and "ImportError: needs a library that is not installed" in rows["broken"]
    assert "failed" in rows["clash"] and "GL301 registered twice" in rows["clash"]
    assert "failed" in rows["misspelt"] and "govlint_register_rulez" in rows["misspelt"]

    report = tmp_path / "r.txt"
    report.write_text(PLACEHOLDER_REPORT, encoding="utf-8")
    check = run_govlint("check", "--select", "GL99,GL301", "--format", "json", report, env=env)
    assert check.returncode == 1, check.stderr
    codes = [d["code"] for d in json.loads(check.stdout)["files"][0]["diagnostics"]]
    assert codes == ["GL9901"]  # the example plugin runs; the built-in GL301 is not replaced (and passes)
    req = run_govlint("check", "--require-plugins", "broken", report, env=env)
    assert req.returncode == 2 and "it failed to load: ImportError" in req.stderr

    ok = run_govlint("plugins", "--block-plugins", "broken,clash-plugin,misspelt", env=env)
    assert ok.returncode == 0, ok.stdout
    assert sum("blocked" in ln for ln in ok.stdout.splitlines()) == 3
