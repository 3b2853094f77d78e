"""govlint.relazy: a lazily compiled pattern behaves as the compiled one."""

import re

from govlint.relazy import lazy_compile


def test_lazy_pattern_compiles_on_first_use_and_behaves_like_re():
    lazy = lazy_compile(r"(?P<n>\d+)\s*件", re.I)
    assert lazy._compiled is None  # nothing compiled yet
    eager = re.compile(r"(?P<n>\d+)\s*件", re.I)
    text = "收到申请 12 件，办结 3件"
    assert lazy.search(text).group("n") == eager.search(text).group("n") == "12"
    assert lazy._compiled is not None
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("#", text) == eager.sub("#", text)
    assert lazy.subn("#", text, count=1) == eager.subn("#", text, count=1)
    assert lazy.split(text) == eager.split(text)
    assert lazy.match(text) is None and lazy.match(text, 5).group("n") == "12"
    assert lazy.fullmatch("7件").group("n") == "7"
    assert lazy.pattern == eager.pattern and lazy.groupindex == eager.groupindex and lazy.flags == eager.flags


# ----------------------------------------------------------------------------- the program cache

import importlib  # noqa: E402
import pkgutil  # noqa: E402

import pytest  # noqa: E402

from govlint import relazy  # noqa: E402
from govlint.relazy import cached_compile  # noqa: E402


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """The program cache emptied, in a temporary cache directory (restored afterwards)."""
    monkeypatch.delenv("GOVLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(relazy, "_programs", None)
    monkeypatch.setattr(relazy, "_new", 0)
    monkeypatch.setattr(relazy.atexit, "register", lambda fn: None)  # the test saves by itself
    return tmp_path / "govlint"


def _forget(monkeypatch):
    """A new process, as far as the cache is concerned: nothing loaded, nothing new."""
    monkeypatch.setattr(relazy, "_programs", None)
    monkeypatch.setattr(relazy, "_new", 0)


def _project_patterns() -> list[tuple[str, int]]:
    """Every pattern govlint and its rules compile at module level (eagerly or lazily)."""
    import govlint
    import govlint_rules

    found = set()
    for pkg in (govlint, govlint_rules):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            for value in vars(importlib.import_module(info.name)).values():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found.add((value.pattern, value.flags))
                elif isinstance(value, relazy.LazyPattern):
                    found.add(value._args)
    return sorted(found)


def _compiled_ways(fresh, monkeypatch, patterns):
    """Each pattern compiled afresh (and cached), then read back from the saved cache."""
    first = [cached_compile(p, f) for p, f in patterns]
    relazy._save()
    _forget(monkeypatch)

    def no_compiling(pattern, flags):
        raise AssertionError(f"compiled again: {pattern!r}")

    monkeypatch.setattr(relazy, "_compile_program", no_compiling)
    second = [cached_compile(p, f) for p, f in patterns]
    return first, second


def test_cached_programs_make_the_patterns_re_compile_makes(fresh, monkeypatch):
    """Patterns are equal when their text, flags and compiled program are: a pattern made from the
    cache is the one ``re.compile`` makes, for every pattern of govlint and its rules."""
    patterns = _project_patterns()
    assert len(patterns) > 100
    first, second = _compiled_ways(fresh, monkeypatch, patterns)
    for (p, f), a, b in zip(patterns, first, second):
        expected = re.compile(p, f)
        assert a == expected and b == expected, p
        assert b.groupindex == expected.groupindex and b.groups == expected.groups
    assert len(list(fresh.glob("regex-programs-*.marshal"))) == 1


def test_a_pattern_from_the_cache_matches_as_re_does(fresh, monkeypatch):
    patterns = [(r"(?P<n>[0-9０-９]+)\s*(?:件|条)", 0), (r"[\u4e00-\u9fff]{2,}?(?:市|县)", 0), (r"(?i)title|bt", 0),
                (r"^\s*(\d+)\s*$", re.M)]
    _, cached = _compiled_ways(fresh, monkeypatch, patterns)
    text = "某某市共收到申请１２ 件，办结3条\nTITLE 7\n  42  \n"
    for (p, f), c in zip(patterns, cached):
        assert [m.span() for m in c.finditer(text)] == [m.span() for m in re.finditer(p, text, f)]
        assert c.findall(text) == re.findall(p, text, f)


def test_a_damaged_cache_is_compiled_past_and_written_again(fresh, monkeypatch):
    cached_compile(r"[\u4e00-\u9fff]+年", 0)
    relazy._save()
    (path,) = fresh.glob("regex-programs-*.marshal")
    path.write_bytes(b"\x00garbage")
    _forget(monkeypatch)
    assert cached_compile(r"[\u4e00-\u9fff]+年", 0) == re.compile(r"[\u4e00-\u9fff]+年")
    relazy._save()
    import marshal

    assert (r"[\u4e00-\u9fff]+年", 0) in marshal.loads(path.read_bytes())


def test_a_bad_program_is_dropped_and_the_pattern_compiled_the_ordinary_way(fresh, monkeypatch):
    pattern = r"(\d+)件"
    relazy._load()[(pattern, 0)] = (32, [0, 1, 2, 99999], 1, {}, (None, None))  # not a program _sre accepts
    assert cached_compile(pattern, 0) == re.compile(pattern)
    assert (pattern, 0) not in relazy._load()


def test_no_cache_file_when_caching_is_off(fresh, monkeypatch):
    monkeypatch.setenv("GOVLINT_NO_CACHE", "1")
    assert cached_compile(r"[\u4e00-\u9fff]+", 0) == re.compile(r"[\u4e00-\u9fff]+")
    relazy._save()
    assert not fresh.exists() or not list(fresh.glob("regex-programs-*"))
