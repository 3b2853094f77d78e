"""Limits and isolation: the size cap (GL006), the time limit per file (GL008), the time budget per
rule and a rule that raises (GL009 naming the rule), and that checking never writes to its input.

The slow rules here sleep in short steps for a bounded time (20 s at most), so a limit that failed to
stop them would show as a wrong result, not a hang; the limits under test are far below that.
"""

from __future__ import annotations

import shutil
import signal
import stat
import threading
import time
import types
from pathlib import Path

import pytest

import govlint
from govlint import cli
from govlint.engine import MAX_BYTES, RULE_BUDGET, TIMEOUT, Engine, FileResult

DATA = Path(__file__).parent / "data"
SEED = (DATA / "seed.txt").read_bytes()
MARK = "慢慢检查"  # a report containing this makes the slow rules slow


def _slow(report, seconds: float) -> None:
    if MARK not in report.text:
        return
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.005)


@govlint.rule("GL891", "test.hangs", "warning")
def hangs(report, ctx):
    """Loops (up to 20 s) on a report that holds the mark."""
    _slow(report, 20.0)
    return []


@govlint.rule("GL892", "test.dawdles", "warning")
def dawdles(report, ctx):
    """Takes 0.3 s on a report that holds the mark, then finds something."""
    _slow(report, 0.3)
    if MARK in report.text:
        yield ctx.rule.diag(report.title.span, "慢规则的发现", "the slow rule's finding")


@govlint.rule("GL893", "test.raises", "warning")
def raises(report, ctx):
    """Raises on every report."""
    raise RuntimeError("boom")


@govlint.rule("GL894", "test.swallows", "warning")
def swallows(report, ctx):
    """Catches every Exception itself while looping: the budget must still stop it."""
    end = time.monotonic() + (20.0 if MARK in report.text else 0)
    while time.monotonic() < end:
        try:
            time.sleep(0.005)
        except Exception:  # noqa: BLE001 - the point of the test
            pass
    return []


def _engine(*rules) -> Engine:
    plugin = types.ModuleType("limits_plugin")
    plugin.govlint_register_rules = govlint.hookimpl(lambda: list(rules))
    return Engine(load_entry_points=False, plugins=[plugin])


def _marked() -> bytes:
    return SEED.replace("2022年政府信息公开工作年度报告".encode(), f"2022年政府信息公开工作年度报告{MARK}".encode(), 1)


def _codes(result: FileResult) -> list[str]:
    return [d.code for d in result.diagnostics]


needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM/setitimer is POSIX only")


# ----------------------------------------------------------------------------- size


def test_defaults_are_generous():
    assert MAX_BYTES >= 10 * 1024 * 1024 and TIMEOUT >= 30 and RULE_BUDGET >= 5


def test_size_cap_is_configurable_per_call(tmp_path):
    engine = _engine()
    r = engine.lint_bytes(SEED, "r.txt", max_bytes=len(SEED) - 1)
    assert _codes(r) == ["GL006"] and r.fatal and f"{len(SEED):,}" in r.diagnostics[0].message
    assert not engine.lint_bytes(SEED, "r.txt", max_bytes=len(SEED)).fatal
    p = tmp_path / "r.txt"
    p.write_bytes(SEED)
    assert _codes(engine.lint_path(p, max_bytes=100)) == ["GL006"]


def test_max_bytes_on_the_command_line(tmp_path, capsys):
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_bytes(SEED)
    small.write_bytes(SEED[:4000])
    rc = cli.main(["check", "--no-show-source", "--max-bytes", "5000", str(big), str(small)])
    out = capsys.readouterr().out
    assert rc == 2
    assert "big.txt:1:1: GL006" in out
    assert "small.txt" in out and "small.txt:1:1: GL006" not in out  # the other file was still checked


# ----------------------------------------------------------------------------- time


@needs_alarm
def test_file_time_limit_stops_a_hanging_rule_and_the_next_file_is_checked():
    engine = _engine(hangs)
    t0 = time.monotonic()
    slow = engine.lint_bytes(_marked(), "slow.txt", timeout=0.5, rule_budget=None)
    assert time.monotonic() - t0 < 15  # stopped, not run to its 20 s
    assert _codes(slow) == ["GL008"] and slow.fatal
    assert "0.5" in slow.diagnostics[0].message and "GL891" in slow.diagnostics[0].message
    fine = engine.lint_bytes(SEED, "fine.txt", timeout=0.5, rule_budget=None)
    assert not fine.fatal and "GL008" not in _codes(fine)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@needs_alarm
def test_rule_budget_stops_a_hanging_rule_and_the_others_still_run():
    engine = _engine(hangs, dawdles)
    r = engine.lint_bytes(_marked(), "slow.txt", timeout=None, rule_budget=1.0)
    over = [d for d in r.diagnostics if d.code == "GL009"]
    assert len(over) == 1 and "GL891" in over[0].message and "test.hangs" in over[0].message
    assert "GL892" in _codes(r)  # the next rule ran and reported
    assert not r.fatal


@needs_alarm
def test_rule_budget_stops_a_rule_that_swallows_exceptions():
    r = _engine(swallows).lint_bytes(_marked(), "slow.txt", timeout=None, rule_budget=0.5)
    assert [d.code for d in r.diagnostics if d.code == "GL009"] == ["GL009"]
    assert "GL894" in next(d.message for d in r.diagnostics if d.code == "GL009")


def _in_thread(fn):
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("r", fn()))
    t.start()
    t.join(60)
    return box["r"]


def test_rule_budget_measured_where_no_alarm_can_be_used():
    """Off the main thread there is no SIGALRM: the rule's time is measured after it returns, and
    an overrun is still one GL009 naming the rule (its findings kept)."""
    engine = _engine(dawdles)
    r = _in_thread(lambda: engine.lint_bytes(_marked(), "slow.txt", timeout=None, rule_budget=0.05))
    over = [d for d in r.diagnostics if d.code == "GL009"]
    assert len(over) == 1 and "GL892" in over[0].message
    assert "GL892" in _codes(r)


def test_file_time_limit_checked_between_rules_where_no_alarm_can_be_used():
    engine = _engine(dawdles)
    r = _in_thread(lambda: engine.lint_bytes(_marked(), "slow.txt", timeout=0.1, rule_budget=None))
    assert _codes(r) == ["GL008"] and r.fatal


@needs_alarm
def test_someone_elses_timer_is_left_alone():
    """With another interval timer running (pytest-timeout, the caller's own alarm) the engine does
    not touch SIGALRM and measures instead."""
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 1000)
    try:
        r = _engine(dawdles).lint_bytes(_marked(), "slow.txt", timeout=None, rule_budget=0.05)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        handler = signal.getsignal(signal.SIGALRM)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert 900 < remaining <= 1000 and handler is not signal.SIG_DFL and not fired
    over = [d for d in r.diagnostics if d.code == "GL009"]
    assert len(over) == 1 and "GL892" in over[0].message and "GL892" in _codes(r)


@needs_alarm
def test_timeout_on_the_command_line(tmp_path, monkeypatch, capsys):
    engine = _engine(hangs)
    monkeypatch.setattr("govlint.engine.default_engine", lambda *a, **k: engine)
    (tmp_path / "a-slow.txt").write_bytes(_marked())
    (tmp_path / "b-fine.txt").write_bytes(SEED)
    rc = cli.main(["check", "--no-show-source", "--timeout", "0.5", str(tmp_path)])
    out = capsys.readouterr().out
    assert rc == 2
    assert "a-slow.txt:1:1: GL008" in out
    assert "b-fine.txt" not in out or "b-fine.txt:1:1: GL008" not in out
    rc = cli.main(["check", "--no-show-source", "--format", "json", "--timeout", "0.5", str(tmp_path / "b-fine.txt")])
    assert rc in (0, 1) and "GL008" not in capsys.readouterr().out


@pytest.mark.parametrize("value", ["-1", "abc", "inf", "nan"])
def test_timeout_must_be_seconds(value, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["check", "--timeout", value, str(DATA / "seed.txt")])
    assert exc.value.code == 2


def test_timeout_zero_means_no_limit():
    r = _engine().lint_bytes(SEED, "r.txt", timeout=0, rule_budget=0)
    assert not r.fatal


# ----------------------------------------------------------------------------- isolation


def test_a_rule_that_raises_is_one_gl009_naming_it_and_the_others_run():
    r = _engine(raises, dawdles).lint_bytes(_marked(), "r.txt")
    crashed = [d for d in r.diagnostics if d.code == "GL009"]
    assert len(crashed) == 1
    assert "GL893" in crashed[0].message and "RuntimeError: boom" in crashed[0].message
    assert "GL892" in _codes(r)


def test_rule_times_are_recorded():
    engine = _engine(dawdles)
    engine.lint_bytes(_marked(), "r.txt")
    assert engine.rule_times["GL892"] >= 0.25
    assert set(engine.rule_times) > {"GL892", "GL101"}


# ----------------------------------------------------------------------------- never writes


def _snapshot(root: Path) -> dict:
    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        out[str(p.relative_to(root))] = (st.st_mode, st.st_size, st.st_mtime_ns,
                                         p.read_bytes() if p.is_file() else None)
    return out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_check_never_writes_to_its_input(tmp_path, fmt, capsys):
    src = tmp_path / "reports"
    src.mkdir()
    for p in sorted(DATA.glob("*.txt")):
        shutil.copy2(p, src / p.name)
    (src / "sub").mkdir()
    shutil.copy2(DATA / "seed.txt", src / "sub" / "seed-crlf.txt")
    (src / "sub" / "seed-crlf.txt").write_bytes(SEED.replace(b"\n", b"\r\n"))
    for p in src.rglob("*.txt"):
        p.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # read-only, as a published archive may be
    before = _snapshot(src)
    out = tmp_path / f"out.{fmt}"
    try:
        rc = cli.main(["check", "--format", fmt, "--output", str(out), str(src)])
        rc2 = cli.main(["check", "--statistics", "--show-source", str(src)])
    finally:
        for p in src.rglob("*.txt"):
            p.chmod(stat.S_IRUSR | stat.S_IWUSR)
    capsys.readouterr()
    assert rc in (0, 1) and rc2 in (0, 1)
    for p in src.rglob("*.txt"):
        p.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    assert _snapshot(src) == before  # same files, same bytes, same modes and mtimes, nothing new
    assert out.exists() and out.stat().st_size > 0


def test_a_file_larger_than_its_stat_size_is_read_whole_and_capped(tmp_path, monkeypatch):
    """The read is sized by the file's stat size; a file that has grown since (or reports no size,
    as /proc files do) is still read to its end, and the size cap still applies."""
    import os

    from govlint.engine import read_file
    from govlint.errors import InputError

    p = tmp_path / "grown.txt"
    data = "一、总体情况\n".encode("utf-8") * 500
    p.write_bytes(data)
    real_stat = os.stat

    def stale_stat(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        if str(path) != str(p):
            return st
        fields = list(st)
        fields[stat.ST_SIZE] = 0 if stale_stat.zero else st.st_size // 3
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", stale_stat)
    for zero in (False, True):
        stale_stat.zero = zero
        assert read_file(str(p)) == data
        assert read_file(str(p), max_bytes=len(data)) == data
        with pytest.raises(InputError) as err:
            read_file(str(p), max_bytes=len(data) - 1)
        assert err.value.code == "GL006"
