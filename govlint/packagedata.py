"""Reading the data files shipped inside govlint's packages (the grammar, the editions, rule data).

They are plain files next to the modules in every normal install (wheel, sdist, editable), so they
are read with ``open``; ``importlib.resources`` — which also reads packages inside zip files, and
costs several milliseconds of start-up to import — is the fallback when that fails.

What is derived from them at every start (Lark's analysis of the grammar, the parsed TOML) is kept
in a private per-user cache (:func:`cache_dir`), keyed by a checksum of the file's text and the
Python version, so that a changed file or another Python never reads a stale entry.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from typing import Any, Optional


def _folder(package: str) -> str:
    module = sys.modules.get(package)
    if module is None:
        import importlib

        module = importlib.import_module(package)
    return os.path.dirname(getattr(module, "__file__", None) or "")


def read_text(package: str, *parts: str) -> str:
    """The text (UTF-8) of the file ``parts`` inside ``package``."""
    try:
        with open(os.path.join(_folder(package), *parts), encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        from importlib import resources

        return resources.files(package).joinpath(*parts).read_text(encoding="utf-8")


def file_names(package: str, *parts: str) -> list[str]:
    """The names of the files in the folder ``parts`` inside ``package``, sorted."""
    try:
        folder = os.path.join(_folder(package), *parts)
        return sorted(n for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n)))
    except OSError:
        from importlib import resources

        return sorted(f.name for f in resources.files(package).joinpath(*parts).iterdir() if f.is_file())


def cache_dir() -> Optional[str]:
    """govlint's per-user cache directory (``$XDG_CACHE_HOME/govlint`` or ``~/.cache/govlint``, made
    0700); None if ``GOVLINT_NO_CACHE`` is set or the directory cannot be used safely (not ours,
    writable by others, or not writable)."""
    if os.environ.get("GOVLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    d = os.path.join(base, "govlint")
    try:
        os.makedirs(d, mode=0o700, exist_ok=True)
        st = os.stat(d)
        if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
            return None
        if not os.access(d, os.W_OK):
            return None
    except OSError:
        return None
    return d


def cache_key(*parts: str) -> str:
    """A checksum of ``parts`` naming a cache entry (zlib's: hashlib's OpenSSL costs ~3 ms of start-up;
    the cache is private, so the key only has to tell honest inputs apart)."""
    ident = "\0".join(parts).encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(ident):08x}{zlib.adler32(ident):08x}{len(ident):x}"


def write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: a reader sees the whole
    entry or none."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def read_entry(path: str) -> Any:
    """The data of the marshal cache entry ``path``, or None when there is none or it is damaged."""
    try:
        with open(path, "rb") as fh:
            return marshal.loads(fh.read())  # (marshal.load reads a file piece by piece: 8x slower)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write_entry(path: str, data: Any) -> None:
    """Write ``data`` as the marshal cache entry ``path``; a cache problem never stops a check, so
    one that cannot be written is left unwritten (ValueError: data marshal cannot write)."""
    try:
        write_atomically(path, marshal.dumps(data))
    except (OSError, ValueError):
        pass


def loads_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads`` (``tomli`` before Python 3.11), imported on first use. Raises ValueError
    (``TOMLDecodeError``) for bad TOML."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def load_toml(package: str, *parts: str) -> dict[str, Any]:
    """The parsed TOML file ``parts`` inside ``package``, from the cache when its text is unchanged
    (parsing the editions with the pure-Python ``tomllib`` took ~4 ms of every start)."""
    text = read_text(package, *parts)
    d = cache_dir()
    if d is None:
        return loads_toml(text)
    path = os.path.join(d, f"{parts[-1]}-{cache_key(text, sys.version)}.marshal")
    data = read_entry(path)
    if isinstance(data, dict):
        return data
    data = loads_toml(text)  # no entry yet, or a damaged one: parse and write it again
    write_entry(path, data)  # (not written for a TOML date, which marshal cannot write)
    return data
