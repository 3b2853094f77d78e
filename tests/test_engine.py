"""The engine: rule isolation (GL009), rule registration through pluggy, rule documentation."""

from __future__ import annotations

import inspect
import re
import types

import pytest

import govlint
from govlint.config import Config
from govlint.engine import Engine, default_engine

import reportgen as rg

DOC_PARTS = ("What:", "Why:", "Fails:", "Passes:", "Basis:")
# family package under rules/ -> the code prefix its rules must use
FAMILY_PREFIX = {"sections": "GL1", "tables": "GL2", "arithmetic": "GL3", "plausibility": "GL4", "narrative": "GL5",
                 "citations": "GL6", "dates": "GL7", "style": "GL9"}


def plugin(name: str, *rules_):
    mod = types.ModuleType(name)

    @govlint.hookimpl
    def govlint_register_rules():
        return list(rules_)

    mod.govlint_register_rules = govlint_register_rules
    return mod


@govlint.rule("GL899", "test.crashes", "error")
def crashing(report, ctx):
    """What: nothing. Why: it crashes. Fails: always. Passes: never. Basis: the test suite."""
    raise ZeroDivisionError("boom")


@govlint.rule("GL898", "test.crashes-midway", "warning")
def crashing_midway(report, ctx):
    """What: nothing. Why: it crashes after one finding. Fails: always. Passes: never. Basis: the tests."""
    yield ctx.rule.diag(report.title.span, "第一个", "first")
    raise KeyError("later")


@govlint.rule("GL897", "test.counts-tables", "info")
def counts_tables(report, ctx):
    """What: one note per table. Why: to see a plugin rule run. Fails: -. Passes: -. Basis: the tests."""
    for t in report.tables:
        yield ctx.rule.diag(t.span, f"表{t.id}", f"table {t.id}", table=t.id)


def test_a_crashing_rule_becomes_gl009_and_the_others_still_run():
    engine = Engine(load_entry_points=False, plugins=[plugin("crashy", crashing, crashing_midway, counts_tables)])
    r = rg.render(rg.seed_doc().set("三", "new", "natural", "4"), "pipe")
    result = engine.lint_source(govlint.Source(text=r.text))
    codes = [d.code for d in result.diagnostics]
    crashes = [d for d in result.diagnostics if d.code == "GL009"]
    assert len(crashes) == 2
    assert any("GL899" in d.message and "ZeroDivisionError" in d.message and "boom" in d.message for d in crashes)
    assert any("GL898" in d.message_en and "KeyError" in d.message_en for d in crashes)
    assert all(d.severity.value == "error" and not d.fatal for d in crashes)
    # the built-in rules and the plugin's working rule still ran
    assert "GL301" in codes and "GL303" in codes
    assert [d.table for d in result.diagnostics if d.code == "GL897"] == ["二", "三", "四"]
    assert "GL898" not in codes  # findings of a crashed run are not reported half-way


def test_gl009_survives_select_and_ignore():
    engine = Engine(load_entry_points=False, plugins=[plugin("crashy", crashing)])
    source = govlint.Source(text=rg.render(rg.seed_doc(), "pipe").text)
    assert [d.code for d in engine.lint_source(source, Config(select=("GL899",))).diagnostics] == ["GL009"]
    assert [d.code for d in engine.lint_source(source, Config(ignore=("GL899",))).diagnostics
            if d.code == "GL009"] == []


def test_a_crash_while_parsing_is_one_fatal_gl009_and_the_other_files_are_checked(tmp_path, monkeypatch):
    import govlint.engine as engine_module
    from govlint.batch import lint_paths

    good = tmp_path / "a.txt"
    good.write_text(rg.render(rg.seed_doc(), "pipe").text, encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_text("trigger\n" + rg.render(rg.seed_doc(), "pipe").text, encoding="utf-8")
    real = engine_module.build

    def build(source, tree, *args, **kwargs):
        if source.text.startswith("trigger"):
            raise TypeError("unsupported operand")
        return real(source, tree, *args, **kwargs)

    monkeypatch.setattr(engine_module, "build", build)
    engine = Engine(load_entry_points=False)
    result = engine.lint_path(bad)
    (d,) = result.diagnostics
    assert d.code == "GL009" and d.fatal and result.report is None
    assert "TypeError: unsupported operand" in d.message and "解析" in d.message and "parsing" in d.message_en
    monkeypatch.setattr(engine_module, "default_engine", lambda *a, **k: engine)
    results = lint_paths([str(good), str(bad)])
    assert [r.fatal for r in results] == [False, True]


def test_a_crash_while_reading_is_one_fatal_gl009_not_a_traceback():
    """A reader that raises (a bug, or a library's on damaged input) gives that file one fatal GL009
    naming the reading stage; the engine goes on with the next file."""
    engine = Engine(load_entry_points=False)

    def broken(data, path):
        raise ValueError("negative seek value -231")

    engine.readers = {**engine.readers, ".txt": broken}
    result = engine.lint_bytes(b"whatever", "r.txt")
    (d,) = result.diagnostics
    assert d.code == "GL009" and d.fatal and result.report is None
    assert "ValueError: negative seek value" in d.message and "读取" in d.message and "reading" in d.message_en
    ok = Engine(load_entry_points=False).lint_bytes(rg.render(rg.seed_doc(), "pipe").text.encode(), "a.txt")
    assert not ok.fatal


def test_plugin_rules_are_registered_and_selectable():
    engine = Engine(load_entry_points=False, plugins=[plugin("counting", counts_tables)])
    assert engine.rules["GL897"].name == "test.counts-tables"
    assert any(s.name == "counting" and s.status == "loaded" for s in engine.plugin_status)
    source = govlint.Source(text=rg.render(rg.seed_doc(), "cells").text)
    assert [d.code for d in engine.lint_source(source, Config(select=("GL897",))).diagnostics] == ["GL897"] * 3
    assert [d.code for d in engine.lint_source(source, Config(select=("GL8",), ignore=("GL897",))).diagnostics] == []


def test_duplicate_rule_code_is_refused():
    @govlint.rule("GL301", "test.duplicate", "error")
    def dup(report, ctx):
        """What: -. Why: -. Fails: -. Passes: -. Basis: -."""
        return []

    with pytest.raises(ValueError, match="GL301"):
        Engine(load_entry_points=False, plugins=[plugin("dup", dup)])


def test_a_broken_entry_point_is_reported_not_fatal(monkeypatch):
    class BrokenEP:
        name = "broken"
        value = "no_such_module_for_govlint_tests:plugin"

        def load(self):
            raise ImportError("no module named no_such_module_for_govlint_tests")

    import govlint.engine as engine_mod

    monkeypatch.setattr(engine_mod, "plugin_entry_points", lambda group: [BrokenEP()] if group == "govlint" else [])
    engine = Engine()
    status = {s.name: s for s in engine.plugin_status}
    assert status["broken"].status == "failed" and "ImportError" in status["broken"].detail
    assert "GL301" in engine.rules  # the built-in rules are still there


def test_plugin_entry_points_are_found_by_the_quick_scan(tmp_path, monkeypatch):
    from govlint.engine import plugin_entry_points

    site = tmp_path / "site"
    (site / "other-1.0.dist-info").mkdir(parents=True)
    (site / "other-1.0.dist-info" / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n")
    monkeypatch.syspath_prepend(str(site))
    assert [ep.name for ep in plugin_entry_points("govlint") if ep.value.startswith("myplugin")] == []
    dist = site / "govlint_myplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: govlint-myplugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[govlint]\nmyplugin = myplugin:plugin\n")
    found = [ep for ep in plugin_entry_points("govlint") if ep.value == "myplugin:plugin"]
    assert [ep.name for ep in found] == ["myplugin"]


def test_plugin_entry_points_of_an_egg_on_the_path(tmp_path, monkeypatch):
    from govlint.engine import plugin_entry_points

    egg = tmp_path / "govlint_eggplugin-1.0-py3.11.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: govlint-eggplugin\nVersion: 1.0\n")
    (egg / "EGG-INFO" / "entry_points.txt").write_text("[govlint]\neggplugin = eggplugin:plugin\n")
    monkeypatch.syspath_prepend(str(egg))
    assert "eggplugin" in [ep.name for ep in plugin_entry_points("govlint")]


# ----------------------------------------------------------------------------- the built-in rules


def _rules():
    return [r for r in default_engine().rules.values() if r.func is not None]


def test_codes_are_unique_and_well_formed():
    rules = default_engine().rules
    assert len({r.code for r in rules.values()}) == len(rules)
    assert len({r.name for r in rules.values()}) == len(rules)
    for r in rules.values():
        assert re.fullmatch(r"GL\d{3}", r.code), r.code
        assert re.fullmatch(r"[a-z0-9]+(?:[.-][a-z0-9]+)+", r.name), r.name
    core = {c for c in rules if c[:3] in ("GL1", "GL2", "GL3")}
    assert {"GL101", "GL102", "GL103", "GL104", "GL105", "GL201", "GL202", "GL203", "GL204", "GL205", "GL206",
            "GL207", "GL208", "GL209", "GL210", "GL211", "GL301", "GL302", "GL303", "GL304"} <= core


def test_every_rule_lives_in_the_family_of_its_code():
    for r in _rules():
        module = r.func.__module__
        if not module.startswith("govlint_rules."):
            continue
        family = module.split(".")[1]
        if family in FAMILY_PREFIX:
            assert r.code.startswith(FAMILY_PREFIX[family]), (r.code, module)


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.code)
def test_every_rule_is_documented(rule):
    doc = inspect.cleandoc(rule.doc)
    positions = [doc.find(part) for part in DOC_PARTS]
    assert all(p >= 0 for p in positions), f"{rule.code} lacks {[p for p, i in zip(DOC_PARTS, positions) if i < 0]}"
    assert positions == sorted(positions), f"{rule.code}: parts out of order"
    for part, start, end in zip(DOC_PARTS, positions, positions[1:] + [len(doc)]):
        assert len(doc[start + len(part):end].strip()) >= 2, f"{rule.code}: {part} is empty"
    assert rule.summary and rule.severity.value in ("error", "warning", "info")


def test_input_rules_are_documented_in_the_engine():
    rules = default_engine().rules
    for code in ("GL001", "GL002", "GL003", "GL004", "GL005", "GL009"):
        assert rules[code].summary and rules[code].summary_en


def test_rules_run_in_isolation_from_each_other_on_every_shape():
    """No built-in rule crashes on any shape of a report with many defects at once."""
    doc = rg.seed_doc().set("三", "new", "natural", "无").set("二", "fees", "fee_amount", "-3").drop_row("三", "total")
    doc.drop_part(6).set_heading(5, "五、存在的问题")
    for shape in rg.SHAPES:
        codes = [d.code for d in govlint.lint(rg.render(doc, shape).text)]
        assert "GL009" not in codes and codes


def test_each_config_gets_its_own_selection_in_one_engine(tmp_path):
    """The engine remembers the rules a Config selects; configs used in turn, one with per-file
    ignores, each still get their own selection."""
    engine = default_engine()
    bad = rg.render(rg.seed_doc().set("三", "new", "natural", "4"), "pipe").text
    (tmp_path / "a.txt").write_text(bad, encoding="utf-8")
    (tmp_path / "b.txt").write_text(bad, encoding="utf-8")
    only3 = Config(select=("GL3",))
    no3 = Config(ignore=("GL3",))
    per_file = Config(per_file_ignores={"a.txt": ("GL3",)})
    for _ in range(2):
        assert {d.code[:3] for d in engine.lint_path(tmp_path / "a.txt", only3).diagnostics} == {"GL3"}
        assert not any(d.code.startswith("GL3") for d in engine.lint_path(tmp_path / "a.txt", no3).diagnostics)
        assert not any(d.code.startswith("GL3") for d in engine.lint_path(tmp_path / "a.txt", per_file).diagnostics)
        assert any(d.code.startswith("GL3") for d in engine.lint_path(tmp_path / "b.txt", per_file).diagnostics)
        assert any(d.code.startswith("GL3") for d in engine.lint_path(tmp_path / "a.txt").diagnostics)


def test_table_signal_remembered_per_text_answers_as_computed():
    """build's ``_signal`` (the one table a label names) remembers its answer per label text for one
    set of unique keys: the same answer as computed afresh, for every label of the editions and some
    that are none, and another set of unique keys is not answered from the first one's memory."""
    from govlint import build as b
    from govlint.engine import default_engine

    unique = b._edition_data(list(default_engine().editions.values())).unique
    texts = sorted(k for ks in unique.values() for k in ks) + ["其他", "规章", "我局", "", "行政许可", "自 然 人"]
    for text in texts * 2:  # (the second time from memory)
        assert b._signal(text, unique) == b._find_signal(text, unique)
    label = next(t for t in texts if b._find_signal(t, unique) not in (None, "x") and b._find_signal(t, {"x": {t}}) == "x")
    other = {"x": {label}}
    assert b._signal(label, unique) != "x" and b._signal(label, other) == "x"
