"""Build the wheel, install it into a fresh venv and run the CLI from outside the source tree.

This proves that ``rules/`` ships as the import package ``govlint_rules`` together with its TOML
data (editions, terminology) and the grammar, and that the console script works. The dependencies
are installed offline (``--no-index --find-links``) from a wheelhouse kept in pytest's cache
directory; it is filled once with ``pip download`` of the versions installed here, which must
satisfy the lower bounds the wheel declares.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b7938c474e787140.txt"
TIMEOUT = 600


def _run(*cmd, cwd=None, env=None, check=True):
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=TIMEOUT)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory, request):
    tmp = tmp_path_factory.mktemp("wheel")
    # build from a copy of the project, so that nothing is written into the working tree
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache", ".hypothesis", ".venv", "venv", "tests"))
    dist = tmp / "dist"
    _run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, src)
    (wheel,) = dist.glob("govlint-*.whl")

    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        requires = [Requirement(line.split(":", 1)[1].strip()) for line in zf.read(meta).decode().splitlines()
                    if line.startswith("Requires-Dist:")]
    runtime = [r for r in requires if r.marker is None or r.marker.evaluate({"extra": ""})]

    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    wheelhouse = Path(cache.mkdir("govlint-wheelhouse")) if cache is not None else tmp / "wheelhouse"
    wheelhouse.mkdir(exist_ok=True)
    pins = []
    for r in runtime:
        v = version(r.name)
        assert r.specifier.contains(v, prereleases=True), f"installed {r.name} {v} does not satisfy {r}"
        pins.append(f"{r.name}=={v}")
    norm = {p.split("==")[0].lower().replace("-", "_") + "-" + p.split("==")[1] for p in pins}
    have = {"-".join(w.name.split("-")[:2]).lower() for w in wheelhouse.glob("*.whl")}
    if not norm <= have:
        _run(sys.executable, "-m", "pip", "download", "--only-binary=:all:", "--no-deps", "-q", "-d", wheelhouse, *pins)

    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    _run(sys.executable, "-m", "pip", "--python", py, "install", "-q", "--no-index", "--find-links", wheelhouse, wheel)
    work = tmp / "elsewhere"
    work.mkdir()
    shutil.copy(SEED, work / "seed.txt")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PATH"] = str(py.parent) + os.pathsep + env.get("PATH", "")
    return {"wheel": wheel, "names": names, "py": py, "bin": py.parent, "work": work, "env": env, "src": src}


def test_wheel_contains_the_rules_and_their_data(installed):
    names = installed["names"]
    assert "govlint_rules/__init__.py" in names
    assert "govlint_rules/editions/2019.toml" in names and "govlint_rules/editions/2021.toml" in names
    assert "govlint/grammar/report.lark" in names
    assert not [n for n in names if n.startswith(("rules/", "tests/"))]
    # every rule module of the source is in the wheel (not so if a family is missing from pyproject's packages)
    rules = installed["src"] / "rules"
    for module in rules.rglob("*.py"):
        assert "govlint_rules/" + module.relative_to(rules).as_posix() in names, module
    for data in rules.rglob("*.toml"):
        assert "govlint_rules/" + data.relative_to(rules).as_posix() in names, data


def test_installed_packages_come_from_the_venv(installed):
    out = _run(installed["py"], "-c", "import govlint, govlint_rules; print(govlint.__file__); print(govlint_rules.__file__)",
               cwd=installed["work"], env=installed["env"]).stdout.split()
    venv = installed["py"].parent.parent
    assert all(Path(p).resolve().is_relative_to(venv.resolve()) for p in out), out


def test_cli_on_the_seed_from_outside_the_source_tree(installed):
    env, work = installed["env"], installed["work"]
    govlint = installed["bin"] / "govlint"
    version_out = _run(govlint, "--version", cwd=work, env=env).stdout.strip()
    assert version_out.startswith("govlint ")
    proc = _run(govlint, "check", "--format", "json", "seed.txt", cwd=work, env=env, check=False)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    doc = json.loads(proc.stdout)
    (f,) = doc["files"]
    assert (f["path"], f["edition"], f["year"]) == ("seed.txt", "2021", 2022)
    codes = [d["code"] for d in f["diagnostics"]]
    assert "GL009" not in codes and not [c for c in codes if c.startswith(("GL0", "GL10", "GL2", "GL3"))]


def test_installed_cli_finds_a_defect_and_lists_the_same_rules(installed, tmp_path):
    env, work = installed["env"], installed["work"]
    govlint = installed["bin"] / "govlint"
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert lines[66] == "3 |"  # 一、本年新收 × 自然人
    lines[66] = "4 |"
    (work / "bad.txt").write_text("\n".join(lines), encoding="utf-8")
    proc = _run(govlint, "check", "--select", "GL3", "--no-show-source", "bad.txt", cwd=work, env=env, check=False)
    assert proc.returncode == 1
    assert [line.split(": ")[1].split()[0] for line in proc.stdout.splitlines()[:-1]] == ["GL303", "GL301"]
    assert proc.stdout.startswith("bad.txt:73:1: GL303 ")
    listed = _run(govlint, "rules", cwd=work, env=env).stdout
    installed_codes = {line.split()[0] for line in listed.splitlines() if line.startswith("GL")}
    declared = {m.group(1) for f in (installed["src"] / "rules").rglob("*.py")
                for m in re.finditer(r"@(?:cross_)?rule\(\s*[\"'](GL\d{3})[\"']", f.read_text(encoding="utf-8"))}
    assert declared and declared <= installed_codes
    assert all(c.startswith("GL0") for c in installed_codes - declared)
    assert _run(installed["py"], "-m", "govlint", "check", "/nonexistent.txt", cwd=work, env=env,
                check=False).returncode == 2
