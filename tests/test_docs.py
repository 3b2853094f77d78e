"""Rules as documentation: `govlint rules`, `govlint rule CODE`, and docs/rules/ kept in step with
the rules (regenerate with `python -m govlint.docs`)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from govlint import docs
from workflow_support import PROJECT, install_example_plugin, plugin_env, run_govlint

DOCS = PROJECT / "docs"


def test_docs_rules_are_up_to_date() -> None:
    problems = docs.stale(DOCS / "rules")
    assert not problems, (f"docs/rules/ is stale ({', '.join(problems[:8])}{' …' if len(problems) > 8 else ''}); "
                          f"run `{docs.REGENERATE}` and commit the result")


def test_generator_check_and_write(tmp_path: Path) -> None:
    out = tmp_path / "rules"
    cmd = [sys.executable, "-m", "govlint.docs", "--out", str(out)]
    check = subprocess.run([*cmd, "--check"], capture_output=True, text=True)
    assert check.returncode == 1 and "run `python -m govlint.docs`" in check.stderr
    write = subprocess.run(cmd, capture_output=True, text=True)
    assert write.returncode == 0, write.stderr
    assert subprocess.run([*cmd, "--check"], capture_output=True, text=True).returncode == 0
    page = (out / "GL301.md").read_text(encoding="utf-8")
    for section in ("## What", "## Why", "## Fails", "## Passes", "## Basis"):
        assert section in page
    assert "| Default severity | error |" in page
    index = (out / "README.md").read_text(encoding="utf-8")
    assert "[GL301](GL301.md)" in index
    # a page edited by hand is stale again
    (out / "GL301.md").write_text(page + "edited\n", encoding="utf-8")
    again = subprocess.run([*cmd, "--check"], capture_output=True, text=True)
    assert again.returncode == 1 and "outdated GL301.md" in again.stderr


def test_every_rule_function_documents_what_why_fails_passes_basis() -> None:
    rules, _ = docs.builtin_rules()
    missing = {}
    for code, r in rules.items():
        if r.func is None:
            continue
        _lead, sections = docs.split_doc(r.doc)
        lack = [s for s in docs.SECTIONS if not sections.get(s)]
        if lack:
            missing[code] = lack
    assert not missing, f"rule docstrings without these parts: {missing}"


def test_rules_table(tmp_path: Path) -> None:
    site = install_example_plugin(tmp_path / "site")
    proc = run_govlint("rules", env=plugin_env(site))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert re.match(r"代码\s+名称\s+默认级别\s+可修复\s+说明", lines[0])
    rows = {ln.split()[0]: ln for ln in lines[1:]}
    rules, _ = docs.builtin_rules()
    assert set(rules) <= set(rows)
    assert re.match(r"GL301\s+arithmetic\.balance\s+error\s+表三每一列", rows["GL301"])
    # a plugin's fixable rule: marked fixable and attributed to its plugin
    assert re.match(r"GL9902\s+example\.regulation-short-name\s+warning\s+是\s+引用条例应使用全称", rows["GL9902"])
    assert "插件 example" in rows["GL9902"]
    en = run_govlint("rules", "--lang", "en", "--select", "GL3")
    assert en.stdout.splitlines()[0].split() == ["code", "name", "severity", "fix", "summary"]
    assert all(ln.startswith("GL3") for ln in en.stdout.splitlines()[1:])


def test_rule_page() -> None:
    proc = run_govlint("rule", "gl301")
    assert proc.returncode == 0
    out = proc.stdout
    assert out.startswith("GL301 arithmetic.balance\n")
    for part in ("What:", "Why:", "Fails:", "Passes:", "Basis:"):
        assert part in out
    assert out.rstrip().endswith("docs/rules/GL301.md")
    by_name = run_govlint("rule", "arithmetic.balance")
    assert by_name.stdout == out
    unknown = run_govlint("rule", "GL999")
    assert unknown.returncode == 2 and "unknown rule GL999" in unknown.stderr


@pytest.mark.parametrize("page", ["configuration.md", "pre-commit.md", "github-code-scanning.md", "api.md",
                                  "plugins.md", "guide-zh.md", "usage.md"])
def test_guides_exist_and_their_links_resolve(page: str) -> None:
    path = DOCS / page
    text = path.read_text(encoding="utf-8")
    assert len(text) > 500
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        assert (path.parent / target).exists(), f"{page}: broken link {target}"


def test_the_chinese_guide_says_what_govlint_does(tmp_path) -> None:
    """docs/guide-zh.md, the guide for disclosure staff: every ``govlint`` command it shows takes the
    options it is given (parsed as the CLI parses it), its sample configuration is one govlint reads,
    and every rule code it names exists."""
    import shlex

    from govlint.cli import _build_parser
    from govlint.config import load_config
    from govlint.engine import default_engine

    text = (DOCS / "guide-zh.md").read_text(encoding="utf-8")
    parser = _build_parser()
    commands = [line.split("#")[0].strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)
                for line in block.splitlines() if line.strip().startswith("govlint ")]
    assert len(commands) >= 10
    for cmd in commands:
        args = shlex.split(cmd)[1:]
        try:
            parser.parse_args(args)
        except SystemExit:  # (argparse's way of refusing)
            pytest.fail(f"the guide's command does not parse: {cmd}")
    (toml,) = re.findall(r"```toml\n(.*?)```", text, re.S)
    (tmp_path / "govlint.toml").write_text(toml, encoding="utf-8")
    cfg = load_config(tmp_path / "govlint.toml")
    cfg.check_options(default_engine().rules)
    assert cfg.ignore and cfg.severity and cfg.per_file_ignores and cfg.rules
    known = set(default_engine().rules)
    named = set(re.findall(r"GL\d{3}\b", text))
    assert named and named <= known, named - known
