"""Rule documentation generated from the rules themselves.

    python -m govlint.docs            write docs/rules/<CODE>.md and docs/rules/README.md
    python -m govlint.docs --check    exit 1 if those files are stale (what the test suite checks)

A rule's documentation is its metadata (code, name, default severity, enabled by default,
fixable) plus its docstring, whose ``What:``/``Why:``/``Fails:``/``Passes:``/``Basis:`` parts
become the sections of its page. Only the built-in rules are documented here (installed plugins
are not loaded), so the output does not depend on the machine.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from pathlib import Path
from typing import Mapping, Optional, Sequence

from .diagnostics import Rule
from .relazy import cached_compile

#: where the generated rule pages are published (SARIF ``helpUri``, links in other output)
DOCS_BASE_URL = "https://github.com/govlint/govlint/blob/main/docs/rules/"
SECTIONS = ("What", "Why", "Fails", "Passes", "Basis")
_SECTION = cached_compile(r"^(What|Why|Fails|Passes|Basis|Options|Note|Notes):\s*", re.MULTILINE)
_FAMILIES = {
    "GL0": ("输入", "input"), "GL1": ("部分结构", "parts"), "GL2": ("统计表", "tables"),
    "GL3": ("表内计算", "arithmetic"), "GL4": ("数据合理性", "plausibility"),
    "GL5": ("叙述与数据一致", "narrative consistency"), "GL6": ("引用与用语", "citations and terminology"),
    "GL7": ("日期", "dates"), "GL8": ("跨年度比对", "cross-report"), "GL9": ("文字规范（默认关闭）", "style (off by default)"),
}
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "rules"
REGENERATE = "python -m govlint.docs"


def rule_url(rule: Rule, base: str = DOCS_BASE_URL) -> str:
    return f"{base}{rule.code}.md"


def split_doc(doc: str) -> tuple[str, dict[str, str]]:
    """(lead, {section: text}) of a rule docstring; the lead is the text before ``What:``."""
    text = inspect.cleandoc(doc or "")
    parts = _SECTION.split(text)
    lead = parts[0].strip()
    sections: dict[str, str] = {}
    for name, body in zip(parts[1::2], parts[2::2]):
        body = inspect.cleandoc(body) if "\n" in body else body.strip()
        sections[name] = _unwrap(body)
    return lead, sections


def _unwrap(text: str) -> str:
    """Join hard-wrapped lines into paragraphs (a CJK line break joins without a space)."""
    paras = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
        out = ""
        for ln in lines:
            if out and not (_cjk(out[-1]) and _cjk(ln[0])) and not ln.startswith(("- ", "* ", "|")):
                out += " "
            elif out and ln.startswith(("- ", "* ", "|")):
                out += "\n"
            out += ln
        paras.append(out)
    return "\n\n".join(paras)


def _cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def summary(rule: Rule, lang: str = "zh") -> str:
    if lang == "en":
        return rule.summary_en or rule.summary
    return rule.summary or rule.summary_en


def rule_text(rule: Rule) -> str:
    """The full plain-text documentation (``govlint rule CODE``, SARIF ``help.text``)."""
    lead, sections = split_doc(rule.doc)
    out = [f"{rule.code} {rule.name}", ""]
    first = lead or rule.summary
    if first:
        out.append(first)
    if rule.summary_en and rule.summary_en != first:
        out.append(rule.summary_en)
    out.append("")
    out.append(f"Severity: {rule.severity.value}   Enabled by default: {'yes' if rule.enabled else 'no'}   "
               f"Fixable: {'yes' if rule.fixable else 'no'}")
    if rule.options:
        out.append(f"Options ([tool.govlint.rules.{rule.code}]): {options_summary(rule)}")
    for name, body in sections.items():
        out += ["", f"{name}:", _indent(body)]
    if rule.func is None and not sections:
        out += ["", "Reported by the engine itself (not a rule function)."]
    return "\n".join(out).rstrip() + "\n"


def options_summary(rule: Rule) -> str:
    """The options a rule declares, with their defaults (``max_wan = 10000, max_visits = 1000000000``;
    a list or table default is named, not printed): "" for none."""
    def shown(v) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return f"{v:g}" if isinstance(v, float) else str(v)
        if isinstance(v, str):
            return f'"{v}"'
        return "a list" if isinstance(v, (list, tuple)) else "a table"
    return ", ".join(f"{k} = {shown(v)}" for k, v in (rule.options or {}).items())


def _indent(text: str) -> str:
    return "\n".join(("    " + ln) if ln else "" for ln in text.splitlines())


def rule_markdown(rule: Rule, plugin: Optional[str] = None) -> str:
    """The Markdown page of one rule (docs/rules/<CODE>.md, SARIF ``help.markdown``)."""
    lead, sections = split_doc(rule.doc)
    out = [f"# {rule.code} `{rule.name}`", ""]
    first = lead or rule.summary
    if first:
        out += [first, ""]
    if rule.summary_en and rule.summary_en != first:
        out += [f"*{rule.summary_en}*", ""]
    out += ["| | |", "|---|---|",
            f"| Default severity | {rule.severity.value} |",
            f"| Enabled by default | {'yes' if rule.enabled else 'no (enable with `--extend-select ' + rule.code + '`)'} |",
            f"| Fixable (`--fix`) | {'yes' if rule.fixable else 'no'} |"]
    if rule.options:
        out.append(f"| Options (`[tool.govlint.rules.{rule.code}]`) | `{options_summary(rule).replace(', ', '`, `')}` |")
    if plugin and plugin not in ("govlint_rules", "engine"):
        out.append(f"| Plugin | `{plugin}` |")
    if rule.func is None:
        out.append("| Reported by | the engine (not a rule function) |")
    out.append("")
    for name, body in sections.items():
        out += [f"## {name}", "", body, ""]
    if not sections and rule.doc and rule.func is not None and not lead:
        out += [inspect.cleandoc(rule.doc), ""]
    out += ["## Configuration", "",
            "```toml",
            "[tool.govlint]",
            f'ignore = ["{rule.code}"]                 # turn it off',
            "[tool.govlint.severity]",
            f'{rule.code} = "{"warning" if rule.severity.value == "error" else "error"}"                # change its severity',
            "```", "",
            f"Command line: `govlint check --ignore {rule.code}`, `govlint check --select {rule.code}`; "
            f"`govlint rule {rule.code}` prints this page.", ""]
    return "\n".join(out)


def index_markdown(rules: Mapping[str, Rule]) -> str:
    out = ["# Rules", "",
           f"Generated from the rules' metadata and docstrings by `{REGENERATE}`; do not edit by hand.", "",
           "`govlint rules` lists them, `govlint rule CODE` prints one page. Severity is the default; "
           "configure it with `[tool.govlint.severity]`.", ""]
    fam = None
    for code, r in rules.items():
        f = code[:3]
        if f != fam:
            fam = f
            zh, en = _FAMILIES.get(f, ("", ""))
            out += ["", f"## {f}xx — {zh} / {en}" if zh else f"## {f}xx", "",
                    "| code | name | severity | fixable | summary |", "|---|---|---|---|---|"]
        flags = "" if r.enabled else " (off by default)"
        out.append(f"| [{code}]({code}.md) | `{r.name}` | {r.severity.value}{flags} | "
                   f"{'yes' if r.fixable else ''} | {_cell(summary(r))} |")
    return "\n".join(out).lstrip("\n").replace("\n\n\n", "\n\n") + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def builtin_rules() -> tuple[dict[str, Rule], dict[str, str]]:
    """The built-in rules (no entry-point plugins), with the plugin each came from."""
    from .engine import Engine

    engine = Engine(load_entry_points=False)
    return engine.rules, engine.rule_plugin


def render_all(rules: Optional[Mapping[str, Rule]] = None,
               origins: Optional[Mapping[str, str]] = None) -> dict[str, str]:
    """{file name: content} of every page of docs/rules/."""
    if rules is None:
        rules, origins = builtin_rules()
    origins = origins or {}
    pages = {f"{code}.md": rule_markdown(r, origins.get(code)) for code, r in rules.items()}
    pages["README.md"] = index_markdown(rules)
    return pages


def stale(out: Path = DEFAULT_OUT, pages: Optional[Mapping[str, str]] = None) -> list[str]:
    """Names of the pages under ``out`` that differ from the generated ones, are missing or are extra."""
    pages = pages if pages is not None else render_all()
    problems = []
    for name, content in pages.items():
        f = out / name
        if not f.is_file():
            problems.append(f"missing {name}")
        elif f.read_text(encoding="utf-8") != content:
            problems.append(f"outdated {name}")
    if out.is_dir():
        for f in sorted(out.glob("*.md")):
            if f.name not in pages:
                problems.append(f"extra {f.name}")
    return problems


def write_all(out: Path = DEFAULT_OUT, pages: Optional[Mapping[str, str]] = None) -> list[str]:
    pages = pages if pages is not None else render_all()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in pages.items():
        f = out / name
        if not f.is_file() or f.read_text(encoding="utf-8") != content:
            f.write_text(content, encoding="utf-8")
            written.append(name)
    for f in sorted(out.glob("*.md")):
        if f.name not in pages:
            f.unlink()
            written.append(f"-{f.name}")
    return written


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python -m govlint.docs", description="generate docs/rules/ from the rules")
    p.add_argument("--check", action="store_true", help="exit 1 if docs/rules/ is stale; write nothing")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder (default {DEFAULT_OUT})")
    args = p.parse_args(argv)
    if args.check:
        problems = stale(args.out)
        for prob in problems:
            print(f"{args.out}: {prob}", file=sys.stderr)
        if problems:
            print(f"docs are stale: run `{REGENERATE}`", file=sys.stderr)
        return 1 if problems else 0
    written = write_all(args.out)
    print(f"{len(written)} page(s) updated in {args.out}" if written else f"{args.out} is up to date")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
