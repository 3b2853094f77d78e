"""govlint.packagedata: shipped data files, and the private cache of what is derived from them."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from govlint import packagedata
from govlint.packagedata import cache_dir, load_toml, loads_toml, read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv("GOVLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "govlint"


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A throw-away package holding one TOML file, as the editions are held by govlint_rules."""
    root = tmp_path / "pkgs"
    (root / "fakedata").mkdir(parents=True)
    (root / "fakedata" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.delitem(sys.modules, "fakedata", raising=False)
    return root / "fakedata"


def _entries(cache):
    return sorted(p.name for p in cache.iterdir() if p.name.startswith("e.toml-"))


def test_the_shipped_editions_load_as_tomllib_parses_them(cache):
    for name in ("2019.toml", "2021.toml"):
        expected = tomllib.loads(read_text("govlint_rules", "editions", name))
        assert load_toml("govlint_rules", "editions", name) == expected  # parsed, entry written
        assert load_toml("govlint_rules", "editions", name) == expected  # from the entry
    assert len([p for p in cache.iterdir() if p.suffix == ".marshal"]) == 2


def test_an_entry_is_used_only_for_the_same_text(cache, package):
    f = package / "e.toml"
    f.write_text('a = 1\nb = ["x", "y"]\n[t]\nc = 1.5\n', encoding="utf-8")
    assert load_toml("fakedata", "e.toml") == {"a": 1, "b": ["x", "y"], "t": {"c": 1.5}}
    first = _entries(cache)
    assert len(first) == 1
    f.write_text("a = 2\n", encoding="utf-8")  # an edited file: a new key, never the old entry
    assert load_toml("fakedata", "e.toml") == {"a": 2}
    assert len(_entries(cache)) == 2


def test_a_damaged_entry_is_parsed_again_and_rewritten(cache, package):
    f = package / "e.toml"
    f.write_text("a = 1\n", encoding="utf-8")
    assert load_toml("fakedata", "e.toml") == {"a": 1}
    (entry,) = _entries(cache)
    for junk in (b"", b"\x00garbage", b"\xe9" * 10, __import__("marshal").dumps([1, 2])):
        (cache / entry).write_bytes(junk)
        assert load_toml("fakedata", "e.toml") == {"a": 1}
        assert loads_toml("a = 1\n") == __import__("marshal").loads((cache / entry).read_bytes())


def test_the_entry_is_read_not_the_file(cache, package):
    """(proves the cache is used: an entry planted under the file's key wins over the file)"""
    import marshal

    f = package / "e.toml"
    f.write_text("a = 1\n", encoding="utf-8")
    load_toml("fakedata", "e.toml")
    (entry,) = _entries(cache)
    (cache / entry).write_bytes(marshal.dumps({"a": "from the cache"}))
    assert load_toml("fakedata", "e.toml") == {"a": "from the cache"}


def test_no_cache_when_turned_off_or_unsafe(cache, package, monkeypatch):
    f = package / "e.toml"
    f.write_text("when = 2023-01-01\n", encoding="utf-8")  # a date: marshal cannot hold it
    assert str(load_toml("fakedata", "e.toml")["when"]) == "2023-01-01"
    assert _entries(cache) == []
    f.write_text("a = 1\n", encoding="utf-8")
    monkeypatch.setenv("GOVLINT_NO_CACHE", "1")
    assert cache_dir() is None
    assert load_toml("fakedata", "e.toml") == {"a": 1}
    assert _entries(cache) == []
    monkeypatch.delenv("GOVLINT_NO_CACHE")
    if hasattr(os, "getuid"):
        os.chmod(cache, 0o777)  # writable by others: not used
        try:
            assert cache_dir() is None
            assert load_toml("fakedata", "e.toml") == {"a": 1}
            assert _entries(cache) == []
        finally:
            os.chmod(cache, stat.S_IRWXU)
    assert cache_dir() == str(cache)


def test_bad_toml_raises_value_error():
    with pytest.raises(ValueError):
        loads_toml("a = = 1")
    assert issubclass(tomllib.TOMLDecodeError, ValueError)  # what config.py and load_toml catch


def test_cache_keys_tell_inputs_apart():
    keys = {packagedata.cache_key(*parts) for parts in (("a",), ("b",), ("a", "b"), ("ab",), ("a", "b", ""))}
    assert len(keys) == 5
