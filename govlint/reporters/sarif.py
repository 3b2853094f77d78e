"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run; the rules that produced results are described once in ``tool.driver.rules`` (short and
full description, help text and Markdown from the rule's docstring, a ``helpUri`` for built-in
rules, the default level). Columns are Unicode code points (``columnKind: unicodeCodePoints``), as
everywhere in govlint. Each result carries ``partialFingerprints["govlintFingerprint/v1"]``: a hash
of the finding's meaning (rule, part, table, row, column and flagged text — the same key as
``govlint baseline``), so it stays the same when lines move. Arithmetic findings carry the expected
value in ``properties``; safe fixes (text files only) are given as SARIF ``fixes``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence
from urllib.parse import quote

from .. import __version__
from ..baseline import result_fingerprints
from ..diagnostics import Diagnostic, Rule
from ..engine import FileResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/govlint/govlint"
FINGERPRINT_KEY = "govlintFingerprint/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: Optional[str]) -> tuple[str, Optional[str]]:
    """(uri, uriBaseId): relative paths are relative to %SRCROOT% (the checkout), absolute ones are file URIs."""
    if not path:
        return "stdin", None
    p = Path(path)
    if p.is_absolute():
        try:
            rel = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.resolve().as_uri(), None
        p = rel
    posix = p.as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe="/"), "%SRCROOT%"


def _text(rule: Rule, lang: str) -> str:
    if lang == "en":
        return rule.summary_en or rule.summary or rule.name
    return rule.summary or rule.summary_en or rule.name


def _rule_descriptor(rule: Rule, lang: str, plugin: Optional[str]) -> dict[str, Any]:
    from ..docs import rule_markdown, rule_text, rule_url, split_doc

    lead, sections = split_doc(rule.doc)
    full = sections.get("What") or lead or _text(rule, lang)
    desc: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _text(rule, lang)},
        "fullDescription": {"text": full},
        "help": {"text": rule_text(rule), "markdown": rule_markdown(rule, plugin)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value], "enabled": rule.enabled},
        "properties": {"tags": ["govlint", rule.name.split(".")[0]], "fixable": rule.fixable},
    }
    if plugin in (None, "govlint_rules", "engine"):
        desc["helpUri"] = rule_url(rule)
    elif plugin:
        desc["properties"]["plugin"] = plugin
    return desc


def _unknown_descriptor(d: Diagnostic) -> dict[str, Any]:
    return {"id": d.code, "name": d.rule, "shortDescription": {"text": d.rule},
            "defaultConfiguration": {"level": _LEVEL[d.severity.value]}}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    region = {"startLine": max(1, line), "startColumn": max(1, column)}
    if (end_line, end_column) > (line, column):
        region["endLine"] = end_line
        region["endColumn"] = max(1, end_column)
    return region


def _fix(d: Diagnostic, r: FileResult, uri: dict[str, Any], lang: str) -> Optional[dict[str, Any]]:
    src = r.source
    if d.fix is None or src is None or not src.plain:
        return None
    (l1, c1), (l2, c2) = src.position(d.fix.start), src.position(d.fix.end)
    region = {"startLine": l1, "startColumn": c1, "endLine": l2, "endColumn": c2}
    return {"description": {"text": "govlint --fix"},
            "artifactChanges": [{"artifactLocation": uri,
                                 "replacements": [{"deletedRegion": region,
                                                   "insertedContent": {"text": d.fix.replacement}}]}]}


def document(results: Sequence[FileResult], lang: str = "zh", rules: Optional[Mapping[str, Rule]] = None,
             rule_plugin: Optional[Mapping[str, str]] = None) -> dict[str, Any]:
    rules = rules or {}
    rule_plugin = rule_plugin or {}
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    out_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for r in results:
        uri, base = _uri(r.path)
        loc: dict[str, Any] = {"uri": uri}
        if base:
            loc["uriBaseId"] = base
        for d, fp, fingerprint in result_fingerprints(r):
            if d.code not in index:
                index[d.code] = len(descriptors)
                rule = rules.get(d.code)
                descriptors.append(_rule_descriptor(rule, lang, rule_plugin.get(d.code)) if rule is not None
                                   else _unknown_descriptor(d))
            physical = {"artifactLocation": loc, "region": _region(d.line, d.column, d.end_line, d.end_column)}
            res: dict[str, Any] = {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": _LEVEL[d.severity.value],
                "message": {"text": d.text(lang)},
                "locations": [{"physicalLocation": physical}],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            }
            logical = [x for x in (d.locator,) if x]
            if logical:
                res["locations"][0]["logicalLocations"] = [{"name": logical[0], "kind": "element"}]
            props: dict[str, Any] = {"rule": d.rule}
            if lang != "en":
                props["message_en"] = d.message_en
            for name, value in (("table", d.table), ("row", d.row), ("column", d.col),
                                ("expected", d.expected), ("actual", d.actual)):
                if value is not None:
                    props[name] = value
            if fp.get("part") is not None:
                props["part"] = fp["part"]
            res["properties"] = props
            fix = _fix(d, r, loc, lang)
            if fix is not None:
                res["fixes"] = [fix]
            out_results.append(res)
            if d.fatal:
                notifications.append({"level": "error", "message": {"text": f"{r.path or '<text>'}: {d.text(lang)}"},
                                      "descriptor": {"id": d.code}})
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "govlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": descriptors}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        # a file that could not be read (GL0, exit 2) was not analysed: the run did not complete
        "invocations": [{"executionSuccessful": not notifications,
                         **({"toolExecutionNotifications": notifications} if notifications else {})}],
        "results": out_results,
        "properties": {"files": len(results)},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results: Sequence[FileResult], lang: str = "zh", rules: Optional[Mapping[str, Rule]] = None,
           rule_plugin: Optional[Mapping[str, str]] = None, **_: Any) -> str:
    if rules is None:
        from ..engine import default_engine

        engine = default_engine()
        rules, rule_plugin = engine.rules, engine.rule_plugin
    return json.dumps(document(results, lang, rules, rule_plugin), ensure_ascii=False, indent=2) + "\n"
