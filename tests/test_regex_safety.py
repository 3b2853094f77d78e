"""Adversarial strings through every regular expression and the whole pipeline.

A regular expression with two quantifiers competing for the same characters backtracks
polynomially or exponentially on the right input (``一`` + 4,000 spaces took minutes in the part
heading pattern before it was rewritten). These tests feed long runs of the characters the patterns
care about -- alone (up to 1 MB on one line), injected into a real report at the places each stage
reads (title, prose, heading, label cell, value cell), and straight into every compiled pattern of
``govlint`` and ``govlint_rules`` -- and only require that each run finishes with diagnostics and no
rule crash. There are no timing assertions: a pattern that backtracks catastrophically makes this
file hang, which is the failure (run ``python benchmarks/run.py`` for speed figures).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import govlint
from govlint.engine import default_engine

SEED = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
LINES = SEED.split("\n")

#: name -> (builder(n) -> str); each is one line (no line break) unless it says otherwise
PAYLOADS = {
    "cjk": lambda n: "一" * n,
    "pipes": lambda n: "|" * n,
    "fullwidth-pipes": lambda n: "｜" * n,
    "digits": lambda n: "1" * n,
    "fullwidth-digits": lambda n: "１" * n,
    "open-parens": lambda n: "（" * n,
    "close-parens": lambda n: "）" * n,
    "ascii-parens": lambda n: "(" * n,
    "spaces": lambda n: "x" + " " * n + "x",
    "ideographic-spaces": lambda n: "x" + "\u3000" * n + "x",
    "tabs": lambda n: "x" + "\t" * n + "x",
    "numeral-spaces": lambda n: "一" + " " * n,
    "numeral-spaces-x": lambda n: "第一" + " " * n + "部分" + " " * n + "x",
    "heading-spaces": lambda n: "一、总体情况" + " " * n + "。",
    "dashes": lambda n: "-" * n,
    "em-dashes": lambda n: "—" * n,
    "digit-commas": lambda n: "1," * (n // 2),
    "digit-dots": lambda n: "1." * (n // 2),
    "numbered": lambda n: "一、" * (n // 2),
    "bracketed-numbers": lambda n: "（一）" * (n // 3),
    "di": lambda n: "第" * n,
    "years": lambda n: "2022年" * (n // 5),
    "cn-years": lambda n: "二〇二二年" * (n // 5),
    "future-years": lambda n: "2030年" * (n // 5),  # later than the report's year: GL702 looks closer
    "future-year-spaces": lambda n: "2030年" + " " * n + "x",
    "date-spaces": lambda n: "2022年1月1日" + " " * n + "至x",
    "percent-words": lambda n: "百分之" * (n // 3),
    "ranges": lambda n: "1至" * (n // 2),
    "counts": lambda n: "收到申请1件" * (n // 6),
    "applicants": lambda n: "收到" + "公民" * (n // 2) + "法人申请1件",
    "quantities": lambda n: "1,1.1万元" * (n // 7),
    "phone-spaces": lambda n: "电话" + " " * n + "1",
    "book-titles": lambda n: "《" * n,
    "doc-numbers": lambda n: "〔" * n,
    "approx": lambda n: "约" * n,
    "colons": lambda n: "：" * n,
    "comments": lambda n: "<!---->" * (n // 7) + "x",
    "comment-opens": lambda n: "<!--" * (n // 4),
    "directive-spaces": lambda n: "<!-- govlint: disable =" + " " * n + "x",
    "angle": lambda n: "<" * n,
}

#: the positions of the seed the payloads are put at (line index, how)
POSITIONS = {
    "title": (0, "append"),
    "preamble": (1, "append"),
    "heading": (2, "append"),
    "prose": (4, "append"),
    "label-cell": (17, "cell"),
    "value-cell": (18, "cell"),
}


def _inject(payload: str, where: str) -> str:
    index, how = POSITIONS[where]
    lines = list(LINES)
    lines[index] = lines[index] + payload if how == "append" else payload + " |"
    return "\n".join(lines)


def _assert_clean(diagnostics) -> None:
    assert isinstance(diagnostics, list)
    assert all(isinstance(d, govlint.Diagnostic) for d in diagnostics)
    crashed = [d for d in diagnostics if d.code in ("GL008", "GL009")]
    assert not crashed, [d.message for d in crashed]


def test_positions_point_at_what_they_name():
    assert LINES[0].endswith("年度报告")
    assert LINES[2].startswith("一、")
    assert LINES[17] == "规章 |" and LINES[18] == "0 |"


# 1 MB on one line where the pipeline is fast on it; the rest at 200 KB (still far past any
# quadratic pattern's patience, so a regression hangs instead of passing)
ONE_MB = {"cjk", "pipes", "digits", "spaces", "numeral-spaces", "heading-spaces", "open-parens", "date-spaces",
          "directive-spaces", "comments"}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_alone(name):
    n = 1_000_000 if name in ONE_MB else 200_000
    _assert_clean(govlint.lint(PAYLOADS[name](n)))


@pytest.mark.parametrize("where", sorted(POSITIONS))
@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_in_report(name, where):
    _assert_clean(govlint.lint(_inject(PAYLOADS[name](20_000), where)))


@pytest.mark.parametrize("suffix", [".md", ".html"])
@pytest.mark.parametrize("name", ["directive-spaces", "comments", "comment-opens", "spaces", "angle", "cjk"])
def test_payload_through_other_readers(name, suffix):
    payload = PAYLOADS[name](20_000)
    if suffix == ".md":
        data = _inject(payload, "prose").encode("utf-8")
    else:
        import html

        body = "\n".join(f"<p>{html.escape(line)}</p>" for line in LINES[:12])
        data = f"<html><body>{body}<p>{payload}</p>{payload}</body></html>".encode("utf-8")
    result = default_engine().lint_bytes(data, "report" + suffix)
    _assert_clean(list(result.diagnostics))


def test_single_one_megabyte_line_of_a_report():
    """The whole seed joined into one line (what a careless crawler writes), repeated to 1 MB."""
    line = SEED.replace("\n", " ")
    text = (line + " ") * (1_000_000 // len(line) + 1)
    _assert_clean(govlint.lint(text))


@pytest.mark.parametrize("line", ["a", "1 |", "|||", "规章 0 0 0", "一、总体情况"])
def test_hundred_thousand_short_lines(line):
    _assert_clean(govlint.lint((line + "\n") * 100_000))


def test_many_parts_and_tables():
    """Thousands of headings each followed by a table: table-to-part assignment used to be quadratic."""
    _assert_clean(govlint.lint("一、总体情况\n规章 |\n0 |\n" * 20_000))


# ----------------------------------------------------------------------------- every compiled pattern


def _patterns() -> dict[str, re.Pattern]:
    import govlint_rules
    from govlint.relazy import LazyPattern

    found: dict[str, re.Pattern] = {}

    def collect(name: str, value, depth: int = 0) -> None:
        if isinstance(value, LazyPattern):  # compiled on first use (govlint.relazy): compile it now
            value = value.compiled()
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found[name] = value
        elif isinstance(value, (tuple, list)) and depth < 2:
            for i, v in enumerate(value):
                collect(f"{name}[{i}]", v, depth + 1)
        elif isinstance(value, dict) and depth < 2:
            for k, v in value.items():
                collect(f"{name}[{k!r}]", v, depth + 1)

    for pkg in (govlint, govlint_rules):
        mods = [pkg] + [importlib.import_module(i.name) for i in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")
                        if not i.name.endswith("__main__")]
        for mod in mods:
            for attr, value in vars(mod).items():
                collect(f"{mod.__name__}.{attr}", value)
    return found


PATTERNS = _patterns()
_FILL = [" ", "\u3000", "\t", "一", "十", "〇", "1", "１", "|", "（", "(", "）", "-", "—", "年", ".", "，", "、", "<",
         "《", "〔", "：", "公民", "法人", "a"]
_LEAD = ["", "2022年1月1日", "二〇二二年", "一、", "第一", "（一）", "1.", "<!-- govlint: disable =", "<!--", "公民",
         "百分之", "电话", "第二十条第", "约"]


def _strings(n: int) -> list[str]:
    out = []
    for f in _FILL:
        out.append(f * n)
        for lead in _LEAD:
            if lead:
                out.append(lead + f * n + "x")
                out.append((lead + f) * (n // (len(lead) + len(f))) + "x")
    return out


def test_patterns_found():
    assert len(PATTERNS) >= 20  # the walk above really reaches the modules
    assert "govlint.parse._HEADING_RE" in PATTERNS
    assert "govlint.parse._CJK" in PATTERNS  # a lazily compiled one (govlint.relazy)


def _read_uses() -> dict[str, set[str]]:
    """name -> what the code does with it, anywhere in govlint or the rules (read with ``tokenize``,
    so a name in a comment or a docstring is no use): the method called on it (``match``, ``search``,
    ...), or ``other`` where it is passed on, kept or imported (anything could be done with it then)."""
    import io
    import tokenize

    uses: dict[str, set[str]] = {}
    for root in ("govlint", "rules"):
        for path in (Path(__file__).parent.parent / root).rglob("*.py"):
            toks = [t for t in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
                    if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                                      tokenize.DEDENT)]
            for i, t in enumerate(toks):
                if t.type != tokenize.NAME:
                    continue
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if nxt is not None and nxt.string == "=" and (i == 0 or toks[i - 1].string != "."):
                    continue  # where it is bound
                if nxt is not None and nxt.string == "." and i + 2 < len(toks) and toks[i + 2].type == tokenize.NAME:
                    uses.setdefault(t.string, set()).add(toks[i + 2].string)
                else:
                    uses.setdefault(t.string, set()).add("other")
    return uses


_USES = _read_uses()
_ANCHORED_USES = {"match", "fullmatch"}


def _uses(name: str) -> set[str]:
    """What the code does with the pattern bound to ``name`` (by its last dotted part; a name two
    modules share counts the uses of both)."""
    return _USES.get(name.rsplit(".", 1)[1].split("[", 1)[0], {"other"})


def test_uses_are_read_from_the_source():
    assert _uses("govlint.parse._HEADING_RE")  # found at all
    assert _uses("govlint.build._POINT_GROUPED") == {"fullmatch"}
    assert "search" in _uses("govlint.readers.html._PAGER_PAGES")
    # a pattern kept in a table of patterns is "other": searched in full below
    assert _uses("govlint.dockind._KINDS[0][3]") - _ANCHORED_USES
    assert _uses("govlint.parse._PAGE_MARK") <= _ANCHORED_USES  # named in a docstring: no use


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_on_adversarial_strings(name):
    """Each pattern as the code uses it: search and finditer as well wherever the code searches
    with it, passes it on or keeps it (so it stays safe whatever is done with it later). A pattern
    only ever matched where the text starts (``match``/``fullmatch``) is tried so: searched, a
    pattern that starts with blanks (``\\s*x``) rescans them from every position, which the code
    never does (a 1 MB line through the whole pipeline is tested above)."""
    pattern = PATTERNS[name]
    searched = bool(_uses(name) - _ANCHORED_USES)
    for s in _strings(5_000):
        if searched:
            pattern.search(s)
            for _ in pattern.finditer(s):
                pass
        pattern.match(s)
        pattern.fullmatch(s)
