"""Configuration: [tool.govlint] in pyproject.toml or govlint.toml, nearest wins; --config; per-rule
severity; per-file-ignores; bad configuration is a usage error (exit 2)."""

from __future__ import annotations

import json

import pytest

import govlint
from govlint.cli import main
from govlint.config import Config, ConfigError, find_config, load_config

import reportgen as rg

BAD = rg.render(rg.seed_doc().set("三", "new", "natural", "4").set("二", "penalty", "decisions", ""), "pipe")
# findings of BAD: GL207 (warning) for the blank, GL301 and GL303 (errors) for the changed cell


def codes(capsys, *args) -> tuple[int, dict]:
    code = main(["check", "--format", "json", *args])
    doc = json.loads(capsys.readouterr().out)
    return code, {f["path"]: [(d["code"], d["severity"]) for d in f["diagnostics"]] for f in doc["files"]}


@pytest.fixture
def tree(tmp_path):
    """tmp/pyproject.toml ([tool.govlint]) > tmp/a/r.txt, tmp/a/b/govlint.toml > tmp/a/b/r.txt,
    tmp/a/b/c/r.txt (nearest is b's), tmp/other/pyproject.toml without [tool.govlint] > tmp/other/r.txt"""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.govlint]\nselect = ["GL2", "GL3"]\nignore = ["GL301"]\n', encoding="utf-8")
    for sub in ("a", "a/b", "a/b/c", "other"):
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
        (tmp_path / sub / "r.txt").write_text(BAD.text, encoding="utf-8")
    (tmp_path / "a" / "b" / "govlint.toml").write_text(
        'select = ["GL3"]\n[severity]\nGL303 = "warning"\n', encoding="utf-8")
    (tmp_path / "other" / "pyproject.toml").write_text('[project]\nname = "y"\n', encoding="utf-8")
    return tmp_path


def test_find_config_nearest_wins(tree):
    assert find_config(tree / "a" / "r.txt") == tree / "pyproject.toml"
    assert find_config(tree / "a" / "b" / "r.txt") == tree / "a" / "b" / "govlint.toml"
    assert find_config(tree / "a" / "b" / "c") == tree / "a" / "b" / "govlint.toml"
    assert find_config(tree / "other") == tree / "pyproject.toml"  # a pyproject without [tool.govlint] is skipped


def test_discovery_applies_per_file(tree, capsys):
    code, got = codes(capsys, str(tree))
    assert code == 1
    assert got[str(tree / "a" / "r.txt")] == got[str(tree / "other" / "r.txt")] == [
        ("GL207", "warning"), ("GL303", "error")]
    assert got[str(tree / "a" / "b" / "r.txt")] == got[str(tree / "a" / "b" / "c" / "r.txt")] == [
        ("GL303", "warning"), ("GL301", "error")]


def test_explicit_config_overrides_discovery(tree, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("cfg") / "govlint.toml"
    elsewhere.write_text('select = ["GL207"]\n[severity]\nGL2 = "error"\n', encoding="utf-8")
    _, got = codes(capsys, "--config", str(elsewhere), str(tree / "a" / "b" / "r.txt"))
    assert got == {str(tree / "a" / "b" / "r.txt"): [("GL207", "error")]}
    # a pyproject.toml given explicitly is read from [tool.govlint]
    _, got = codes(capsys, "--config", str(tree / "pyproject.toml"), str(tree / "a" / "b" / "r.txt"))
    assert got == {str(tree / "a" / "b" / "r.txt"): [("GL207", "warning"), ("GL303", "error")]}


def test_command_line_layers_on_the_config(tree, capsys):
    _, got = codes(capsys, "--ignore", "GL207", str(tree / "a" / "r.txt"))
    assert got == {str(tree / "a" / "r.txt"): [("GL303", "error")]}
    _, got = codes(capsys, "--select", "GL301", str(tree / "a" / "r.txt"))
    assert got == {str(tree / "a" / "r.txt"): [("GL301", "error")]}


def test_severity_by_prefix_most_specific_wins(tmp_path, capsys):
    (tmp_path / "govlint.toml").write_text('select = ["GL2", "GL3"]\n[severity]\nGL3 = "info"\nGL303 = "warning"\n',
                                           encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    code, got = codes(capsys, str(tmp_path / "r.txt"))
    assert got[str(tmp_path / "r.txt")] == [("GL207", "warning"), ("GL303", "warning"), ("GL301", "info")]
    assert code == 1


def test_severity_info_only_exits_zero(tmp_path, capsys):
    (tmp_path / "govlint.toml").write_text('select = ["GL2", "GL3"]\n[severity]\nALL = "info"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    code, got = codes(capsys, str(tmp_path / "r.txt"))
    assert code == 0 and {s for _, s in got[str(tmp_path / "r.txt")]} == {"info"}


def test_per_file_ignores(tmp_path, capsys):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "2019.txt").write_text(BAD.text, encoding="utf-8")
    (tmp_path / "current.txt").write_text(BAD.text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govlint]\nselect = ["GL2", "GL3"]\n[tool.govlint.per-file-ignores]\n"archive/*.txt" = ["GL3"]\n'
        '"current.txt" = ["GL207"]\n', encoding="utf-8")
    _, got = codes(capsys, str(tmp_path))
    assert got[str(tmp_path / "archive" / "2019.txt")] == [("GL207", "warning")]
    assert got[str(tmp_path / "current.txt")] == [("GL303", "error"), ("GL301", "error")]


def test_lang_from_config(tmp_path, capsys):
    (tmp_path / "govlint.toml").write_text('select = ["GL303"]\nlang = "en"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) == 1
    out = capsys.readouterr().out
    assert "GL303 table 三, row" in out and out.rstrip().endswith("(1 error, 0 warnings, 0 info).")
    main(["check", "--lang", "zh", str(tmp_path / "r.txt")])
    assert "GL303 表三" in capsys.readouterr().out


@pytest.mark.parametrize("content", [
    'select = ["XYZ"]\n',
    'unknown_key = 1\n',
    '[severity]\nGL301 = "fatal"\n',
    'lang = "fr"\n',
    'select = [\n',  # not TOML
])
def test_bad_config_is_a_usage_error(tmp_path, capsys, content):
    (tmp_path / "govlint.toml").write_text(content, encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert "govlint.toml" in err and "Traceback" not in err
    assert main(["check", "--config", str(tmp_path / "govlint.toml"), str(tmp_path / "r.txt")]) == 2


def test_missing_explicit_config(tmp_path, capsys):
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    assert main(["check", "--config", str(tmp_path / "nope.toml"), str(tmp_path / "r.txt")]) == 2
    assert "not found" in capsys.readouterr().err


def test_config_api():
    cfg = Config.from_mapping({"select": ["GL3"], "ignore": "GL301, GL302", "severity": {"gl303": "info"}})
    assert cfg.selects("GL303", True) and not cfg.selects("GL301", True) and not cfg.selects("GL201", True)
    assert cfg.severity_of("GL303", govlint.Severity.ERROR) == govlint.Severity.INFO
    # rules off by default (GL9 style) need an explicit selection
    assert not Config().selects("GL901", False) and Config(select=("GL9",)).selects("GL901", False)
    assert Config(extend_select=("GL901",)).selects("GL901", False)
    with pytest.raises(ConfigError):
        Config.from_mapping({"select": "GL1x"})
    assert load_config(None) == Config()


def test_lint_api_takes_a_config():
    ds = govlint.lint(BAD.text, Config(select=("GL3",), severity={"GL3": govlint.Severity.WARNING}))
    assert [(d.code, d.severity.value) for d in ds] == [("GL303", "warning"), ("GL301", "warning")]


def test_broken_pyproject_with_govlint_is_an_error_not_skipped(tmp_path, capsys):
    """A pyproject.toml that is not TOML was skipped, and the reports checked with the default rules
    (exit 1, no word of the config); one that mentions govlint is now reported (exit 2). One that
    does not (someone else's table) is still skipped."""
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.govlint\nselect = ["GL3"]\n', encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml: cannot read config" in err and "line 1" in err and "Traceback" not in err
    (tmp_path / "pyproject.toml").write_text('[tool.poetry\nname = "x"\n', encoding="utf-8")
    (tmp_path / "govlint.toml").write_text('select = ["GL303"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.black\n', encoding="utf-8")
    (tmp_path / "sub" / "r.txt").write_text(BAD.text, encoding="utf-8")
    _, got = codes(capsys, str(tmp_path / "sub" / "r.txt"))
    assert got == {str(tmp_path / "sub" / "r.txt"): [("GL303", "error")]}


@pytest.mark.parametrize("content, where", [
    ('select = ["GL391"]\n', "select"),
    ('extend-select = ["GL999"]\n', "extend-select"),
    ('ignore = ["GL3", "GL208", "GL2080"]\n[severity]\nGL720 = "info"\n', "severity"),
    ('[per-file-ignores]\n"*.txt" = ["GL1", "GL119"]\n', "per-file-ignores"),
    ('[rules.GL999]\nthreshold = 5\n', "[rules.GL999]"),
])
def test_a_three_digit_code_that_names_no_rule_is_an_error(tmp_path, capsys, content, where):
    """`select = ["GL391"]` (GL301 mistyped) selected nothing and the run passed (exit 0)."""
    (tmp_path / "govlint.toml").write_text(content, encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert f"govlint.toml {where}" in err and "there is no rule GL" in err and "Traceback" not in err


def test_unknown_codes_on_the_command_line(tmp_path, capsys):
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    assert main(["check", "--select", "GL3,GL391", str(tmp_path / "r.txt")]) == 2
    assert "--select: there is no rule GL391" in capsys.readouterr().err
    # a prefix or four-digit code may be a plugin's that is not installed: a warning, and the run goes on
    code, got = codes(capsys, "--select", "GL303,GL99", "--ignore", "GL9901", str(tmp_path / "r.txt"))
    assert code == 1 and got == {str(tmp_path / "r.txt"): [("GL303", "error")]}
    main(["check", "--select", "GL303,GL99", str(tmp_path / "r.txt")])
    assert "warning: --select: 'GL99' matches no rule" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--select", "--extend-select", "--ignore"])
def test_a_malformed_code_on_the_command_line_names_its_option(tmp_path, capsys, option):
    """`--ignore XYZ` said "config select: 'XYZ' is not a rule code": neither a config nor --select."""
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    assert main(["check", option, "GL3,XYZ", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert f"govlint: {option}: 'XYZ' is not a rule code or prefix" in err and "config" not in err


def test_per_file_ignores_windows_separators_and_double_star(tmp_path, capsys):
    """`"archive\\2019\\*.txt"` (written on Windows) and `"**/*.txt"` for a file next to the config
    matched nothing on POSIX."""
    (tmp_path / "archive" / "2019").mkdir(parents=True)
    (tmp_path / "archive" / "2019" / "a.txt").write_text(BAD.text, encoding="utf-8")
    (tmp_path / "archive" / "b.txt").write_text(BAD.text, encoding="utf-8")
    (tmp_path / "top.txt").write_text(BAD.text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govlint]\nselect = ["GL2", "GL3"]\n[tool.govlint.per-file-ignores]\n'
        '"archive\\\\2019\\\\*.txt" = ["GL3"]\n"archive/**/b.txt" = ["GL303"]\n"**/*.txt" = ["GL207"]\n',
        encoding="utf-8")
    _, got = codes(capsys, str(tmp_path))
    assert got[str(tmp_path / "archive" / "2019" / "a.txt")] == []
    assert got[str(tmp_path / "archive" / "b.txt")] == [("GL301", "error")]
    assert got[str(tmp_path / "top.txt")] == [("GL303", "error"), ("GL301", "error")]


@pytest.mark.parametrize("content, said", [
    ('[rules.GL401]\nthreshhold = 5\n', "unknown option 'threshhold' (GL401 takes max_wan, max_visits)"),
    ('[rules.GL401]\nmax_visits = "big"\n', "max_visits must be a number, not 'big'"),
    ('[rules.GL112]\nkeywords = "信息处理费"\n', "keywords must be a list"),
    ('[rules.GL703]\ngovernment_deadline = 331\n', "government_deadline must be a string"),
])
def test_an_option_a_rule_does_not_take_is_a_usage_error(tmp_path, capsys, content, said):
    """A rule that declares its options refuses others, and values of another type than its
    default, before any file is checked (as ruff refuses unknown settings) — not a silent default."""
    (tmp_path / "govlint.toml").write_text(content, encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err


def test_options_are_taken_with_dashes_or_underscores(tmp_path, capsys):
    """``max-visits`` is ``max_visits``: both are accepted and both reach the rule."""
    text = BAD.text.replace("五、", "网站全年访问量1200万次。\n五、", 1)
    assert "1200万次" in text
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    for name in ("max_visits", "max-visits"):
        (tmp_path / "govlint.toml").write_text(f'select = ["GL401"]\n[rules.GL401]\n{name} = 1000000\n',
                                               encoding="utf-8")
        assert main(["check", "--format", "json", str(tmp_path / "r.txt")]) == 1
        found = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
        assert any("1200万次" in d["message"] and "100万次" in d["message"] for d in found), found


def test_a_rule_that_declares_no_options_takes_any():
    """A plugin's rule without declared options gets whatever its table holds."""
    from govlint import rule

    @rule("GL9901", "plugin.sample", "warning")
    def sample(report, ctx):
        """Sample."""
        return ()

    cfg = Config.from_mapping({"rules": {"GL9901": {"anything": [1, 2]}}})
    cfg.check_options({"GL9901": sample})
    assert cfg.options("GL9901") == {"anything": [1, 2]}
    with pytest.raises(ConfigError, match="unknown option"):
        Config.from_mapping({"rules": {"GL401": {"anything": 1}}}).check_options(
            {"GL401": govlint.engine.default_engine().rules["GL401"]})


@pytest.mark.parametrize("code, name, value, said", [
    ("GL705", "today", "2026-13-01", "must be a date"),
    ("GL705", "today", "yesterday", "must be a date"),
    ("GL703", "department_deadline", "31-01", "month-day"),
    ("GL703", "government-deadline", "3/31", "month-day"),
    ("GL803", "threshold", 80, "at most 1"),
    ("GL804", "threshold", 0, "more than 0"),
    ("GL401", "max_visits", -5, "greater than 0"),
    ("GL402", "max_percent", 0, "greater than 0"),
    ("GL403", "max_fee_wan", -1.5, "greater than 0"),
    ("GL111", "min_chars", -1, "0 or more"),
    ("GL112", "since", 21, "a year"),
    ("GL115", "since", 2021.5, "a year"),
])
def test_an_option_value_the_rule_refuses_is_a_configuration_error(tmp_path, capsys, code, name, value, said):
    """A value of the right type that the rule cannot use (a date that is none, a share above 1, a
    negative limit) is refused before any file is checked, naming the rule, the option and the value:
    exit 2 from ``govlint check``, ConfigError from the library; the same option with a good value passes."""
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    literal = json.dumps(value)
    (tmp_path / "govlint.toml").write_text(f"[rules.{code}]\n{name} = {literal}\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert f"[rules.{code}]" in err and name in err and said in err and "Traceback" not in err, err
    cfg = Config.from_mapping({"rules": {code: {name: value}}})
    with pytest.raises(ConfigError, match=said):
        govlint.lint(BAD.text, cfg)


@pytest.mark.parametrize("code, name, value", [
    ("GL705", "today", "2026-01-20"), ("GL705", "today", ""), ("GL703", "department_deadline", "02-15"),
    ("GL803", "threshold", 1), ("GL804", "threshold", 0.5), ("GL111", "min_chars", 0), ("GL115", "since", 2022),
])
def test_a_good_option_value_is_taken(tmp_path, code, name, value):
    (tmp_path / "r.txt").write_text(BAD.text, encoding="utf-8")
    (tmp_path / "govlint.toml").write_text(f"[rules.{code}]\n{name} = {json.dumps(value)}\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) in (0, 1)
    govlint.lint(BAD.text, Config.from_mapping({"rules": {code: {name: value}}}))


def test_a_plugins_option_check_that_fails_is_a_configuration_error():
    """A plugin's check of an option value that raises refuses the value with the reason, no traceback."""
    from govlint import rule

    def broken(value):
        raise ValueError("no such thing")

    @rule("GL9902", "plugin.checked", "warning", options={"level": 1}, checks={"level": broken})
    def checked(report, ctx):
        """Sample."""
        return ()

    with pytest.raises(ConfigError, match=r"\[rules.GL9902\]: level cannot be checked \(ValueError: no such thing\)"):
        Config.from_mapping({"rules": {"GL9902": {"level": 3}}}).check_options({"GL9902": checked})
