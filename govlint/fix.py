"""Safe fixes: apply the :class:`govlint.Fix` replacements that rules attach to diagnostics.

Rules only attach a fix when the correction is certain (a regulation's name, document-number
brackets, a doubled 《《, typography). This module never invents one, and guards the user's file:

* numbers are never changed: arithmetic (GL3) findings carry a suggestion (``expected``), not a
  fix, and any fix that would change the digits of the text is dropped;
* only text-based files are modified (.txt/.md and .html/.htm); others are reported with the reason;
* a fix is written only where the file holds its text as read, in one piece (in a page, a character
  reference counts as its character): one that a tag, a comment, a line break or an invisible
  character splits in the file, or whose correction the file's encoding cannot hold, is skipped
  whole, and counted (:attr:`FixOutcome.unapplied`) for ``--fix`` to say so;
* the file keeps its encoding, BOM and line endings; the result is written atomically (a temporary
  file in the same folder, then ``os.replace``), with the file's permissions, only if the file
  did not change meanwhile and is not read-only;
* after fixing, the text is checked again and fixed again until nothing changes (at most
  ``MAX_ROUNDS`` rounds; if it still changes, it stops and says so).
"""

from __future__ import annotations

import codecs
import difflib
import html
import os
import stat
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, Optional, Sequence

from . import records
from .diagnostics import Diagnostic, Fix
from .relazy import cached_compile

MAX_ROUNDS = 8
#: suffixes whose files govlint may rewrite
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")  # ("": no suffix, or standard input)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
FIXABLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
FIXABLE_KINDS = ("text", "html")  # the readers whose text can be written back exactly (Source.kind)

_DIGITS = cached_compile(r"\d")
_CHAR_REF = cached_compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")


class FixError(Exception):
    """A fix cannot be applied safely; ``zh``/``en`` say why."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


@records.frozen
class FixOutcome:
    """What ``--fix`` did (or would do) to one file."""

    path: Optional[str]
    original: bytes
    fixed: bytes  # equal to ``original`` when nothing changed
    applied: int  # fixes applied over all rounds
    rounds: int
    converged: bool  # False: still changing after MAX_ROUNDS rounds
    result: Any  # the FileResult of the final text
    available: int = 0  # fixes offered by the rules (for files that are not modified)
    skipped: Optional[tuple[str, str]] = None  # (zh, en): why the file was not modified
    #: fixes offered on the final text that cannot be written back to the file (their text is split
    #: there by markup, a character reference, a line break or an invisible character, or the file's
    #: encoding cannot hold the replacement)
    unapplied: int = 0

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff of the change (empty if nothing changed), that ``patch`` applies to the
        file: lines are cut at line feeds only and keep their endings (CRLF stays CRLF; a form feed
        or a U+2028 inside a line is no line break), and a last line without a line break is marked
        ``\\ No newline at end of file``."""
        if not self.changed:
            return ""
        before = _diff_lines(_decode_for_diff(self.original, self.result))
        after = _diff_lines(_decode_for_diff(self.fixed, self.result))
        name = self.path or "<text>"
        out = []
        for line in difflib.unified_diff(before, after, fromfile=f"a/{name}", tofile=f"b/{name}"):
            out.append(line)
            if not line.endswith("\n"):
                out.append("\n\\ No newline at end of file\n")
        return "".join(out)


def _diff_lines(text: str) -> list[str]:
    """``text`` cut after each line feed (``str.splitlines`` also cuts at form feeds, which
    ``pdftotext`` puts between pages, and at other separators no diff tool counts as line breaks)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _decode_for_diff(data: bytes, result: Any) -> str:
    """The file's text as the diff shows it; a UTF-8 BOM stays at the start of the first line (it is
    the first line's first bytes: ``patch`` finds that line only with it, and it shows as nothing)."""
    enc = getattr(result.source, "encoding", None) or "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        return "\ufeff" + _decode_for_diff(data[3:], result)
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            data = data[len(bom):]
            break
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return data.decode("utf-8", "replace")


# ----------------------------------------------------------------------------- applying fixes to text
def touches_numbers(old: str, new: str) -> bool:
    """True if replacing ``old`` by ``new`` changes the digits (numbers are never fixed)."""
    return _DIGITS.findall(unicodedata.normalize("NFKC", old)) != _DIGITS.findall(unicodedata.normalize("NFKC", new))


def safe_fixes(text: str, diagnostics: Sequence[Diagnostic]) -> list[Fix]:
    """The fixes that may be applied together: in range, not touching numbers, not overlapping
    (the first by position wins; the next round picks up the rest), not from arithmetic rules."""
    chosen: list[Fix] = []
    candidates = sorted({d.fix for d in diagnostics if d.fix is not None and not d.code.startswith("GL3")},
                        key=lambda f: (f.start, f.end, f.replacement))
    last_end = -1
    for f in candidates:
        if not (0 <= f.start <= f.end <= len(text)):
            continue
        if f.start < last_end or (f.start == last_end and chosen and chosen[-1].start == f.start == f.end):
            continue
        if text[f.start:f.end] == f.replacement or touches_numbers(text[f.start:f.end], f.replacement):
            continue
        chosen.append(f)
        last_end = f.end
    return chosen


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """Apply non-overlapping fixes (as returned by :func:`safe_fixes`) to ``text``."""
    out = []
    pos = 0
    for f in sorted(fixes, key=lambda f: (f.start, f.end)):
        out.append(text[pos:f.start])
        out.append(f.replacement)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def _bom_bytes(source: Any) -> bytes:
    if not source.bom:
        return b""
    enc = codecs.lookup(source.encoding).name
    return {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE}.get(enc, b"")


def _encode(text: str, source: Any) -> bytes:
    if source.newline == "\r" and source.kind in FIXABLE_KINDS:  # a file whose lines end in CR alone (read as LF)
        text = text.replace("\n", "\r")
    try:
        return _bom_bytes(source) + text.encode(source.encoding)
    except (UnicodeEncodeError, LookupError) as exc:
        raise FixError(f"修复后的文字无法用原编码 {source.encoding} 保存：{exc}",
                       f"the fixed text cannot be saved in the file's encoding {source.encoding}: {exc}") from None


def _original_text(source: Any) -> str:
    if source.plain:
        return source.text
    if source.kind in ("html", "text") and source.origin is not None and source.origin.original_text is not None \
            and source.origin.has_positions:  # (a page's markup; a text file that held invisible characters)
        return source.origin.original_text
    raise FixError(f"{source.kind} 文件的文字是提取出来的，无法把修改写回原文件",
                   f"the text of a {source.kind} file is extracted; changes cannot be written back to it")


def _map_to_original(source: Any, fixes: Sequence[Fix], original: str) -> list[Fix]:
    """Map fixes on the text read (a page's extracted text, a text file without its invisible characters)
    onto the original file; each must land on exactly the
    same characters (no tag, comment, line break or invisible character inside it; in a page, characters
    written as character references — ``&#26435;力`` — are the characters they stand for, and the whole
    stretch is replaced), otherwise it is dropped."""
    o = source.origin
    starts = [0] + [i + 1 for i, ch in enumerate(original) if ch == "\n"]
    page = source.kind == "html"

    def off(i: int) -> int:
        line, column = o.position(i)
        return starts[line - 1] + column - 1

    mapped = []
    for f in fixes:
        if f.end > f.start:
            a, last = off(f.start), off(f.end - 1)
            b = last + 1
            want = source.text[f.start:f.end]
            if original[a:b] != want:
                if not page:
                    continue
                ref = _CHAR_REF.match(original, last)  # (a reference's character maps to its "&")
                if ref is not None:
                    b = ref.end()
                piece = original[a:b]
                if "<" in piece or html.unescape(piece) != want:  # (no markup; the very characters read)
                    continue
        else:
            if f.start == 0:
                continue
            a = off(f.start - 1) + 1
            if a != off(f.start):
                continue
            b = a
        mapped.append(Fix(a, b, f.replacement))
    return mapped


def _can_encode(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _writable(source: Any, fixes: Sequence[Fix]) -> tuple[str, list[Fix], int]:
    """(the file's decoded text, ``fixes`` on it as they are written, how many of ``fixes`` cannot be
    written). Fixes on text that is not the file's go through the map (see :func:`_map_to_original`);
    in a page, the replacement is markup-escaped and a character its encoding cannot hold is written
    as a character reference (``&#12308;`` for 〔 in an ISO-8859-1 page: the page reads the same); in a
    text file, a fix whose replacement the file's encoding cannot hold is left out (the others are
    applied)."""
    if source.plain:
        text, out = source.text, list(fixes)
    else:
        text = source.origin.original_text
        out = _map_to_original(source, fixes, text)
    dropped = len(fixes) - len(out)
    enc = source.encoding
    if source.kind == "html":
        escaped = []
        for f in out:
            rep = html.escape(f.replacement, quote=False)
            if not _can_encode(rep, enc):
                try:
                    rep = rep.encode(enc, "xmlcharrefreplace").decode(enc)
                except LookupError:
                    pass
            escaped.append(Fix(f.start, f.end, rep))
        out = escaped
    else:
        kept = [f for f in out if _can_encode(f.replacement, enc)]
        dropped += len(out) - len(kept)
        out = kept
    return text, out, dropped


def fix_data(data: bytes, path: Optional[str], engine: Any, config: Any = None,
             max_rounds: int = MAX_ROUNDS, max_bytes: Optional[int] = None) -> FixOutcome:
    """Lint ``data``, apply the safe fixes, lint again, repeat; nothing is written."""
    from .engine import MAX_BYTES

    limit = max_bytes or MAX_BYTES
    result = engine.lint_bytes(data, path, config, limit)
    available = sum(1 for d in result.diagnostics if d.fix is not None)
    if result.source is None or not available:
        return FixOutcome(path, data, data, 0, 0, True, result, available)
    suffix = Path(path).suffix.lower() if path else ""
    if result.source.kind not in FIXABLE_KINDS or suffix not in FIXABLE_SUFFIXES:
        # only text that was read as text (or as a web page) and whose name says so is written back
        what = suffix or {"docx": "Word", "pdf": "PDF"}.get(result.source.kind, result.source.kind)
        return FixOutcome(path, data, data, 0, 0, True, result, available,
                          (f"{what} 文件不会被修改（只修复 .txt、.md、.html 等文本文件），请在原文档中改正",
                           f"{what} files are not modified (only text files such as .txt, .md, .html are "
                           "fixed); correct the original document"))
    try:
        original = _original_text(result.source)
        if _encode(original, result.source) != data:
            raise FixError("无法按原编码原样重现文件的字节，为安全起见不修改",
                           "the file's bytes cannot be reproduced exactly from its decoded text; not modified")
    except FixError as exc:
        return FixOutcome(path, data, data, 0, 0, True, result, available, (exc.zh, exc.en))
    current, applied, rounds, seen = data, 0, 0, {data}
    converged = False
    while rounds < max_rounds:
        source = result.source
        text, fixes, _ = _writable(source, safe_fixes(source.text, result.diagnostics))
        if not fixes:
            converged = True
            break
        new_text = apply_fixes(text, [Fix(f.start, f.end, f.replacement.replace("\r\n", "\n").replace(
            "\n", source.newline)) for f in fixes])
        try:
            new = _encode(new_text, source)
        except FixError as exc:
            return FixOutcome(path, data, current, applied, rounds, False, result, available, (exc.zh, exc.en))
        rounds += 1
        applied += len(fixes)
        if new in seen:  # a cycle: the rules undo each other
            current = new
            result = engine.lint_bytes(current, path, config, limit)
            break
        seen.add(new)
        current = new
        result = engine.lint_bytes(current, path, config, limit)
        if result.source is None:  # the fixed text no longer reads: keep the original
            return FixOutcome(path, data, data, 0, rounds, False, engine.lint_bytes(data, path, config, limit),
                              available, ("修复后的文件无法读取，未修改", "the fixed file could not be read; not modified"))
    else:
        converged = not safe_fixes(result.source.text, result.diagnostics)
    return FixOutcome(path, data, current, applied, rounds, converged, result, available,
                      unapplied=_unwritable(result.source, result.diagnostics))


def _unwritable(source: Any, diagnostics: Sequence[Diagnostic]) -> int:
    """How many of the fixes offered on ``source`` cannot be written to the file (see :func:`_writable`)."""
    if source is None:
        return 0
    fixes = safe_fixes(source.text, diagnostics)
    return _writable(source, fixes)[2] if fixes else 0


def fix_path(path: str, engine: Any, config: Any = None, max_rounds: int = MAX_ROUNDS,
             max_bytes: Optional[int] = None) -> FixOutcome:
    """Compute the fixes of one file (nothing is written; see :func:`write_fixed`)."""
    with open(path, "rb") as fh:
        data = fh.read()
    return fix_data(data, path, engine, config, max_rounds, max_bytes)


# ----------------------------------------------------------------------------- writing
def write_atomic(path: str, data: bytes, expected: Optional[bytes] = None, must_exist: bool = True) -> bool:
    """Replace ``path`` by ``data`` atomically: a temporary file in the same folder (same
    permissions and, where it may be given, the same owner and group), flushed to disk, then
    ``os.replace``. With ``expected``, refuses (FixError) if the file no longer holds those bytes,
    and writes nothing (returns False) if it already holds ``data`` (one file named twice, through a
    link). A read-only file is refused (renaming over it needs only the folder's permission, and
    root may write anything), and so is a file with several hard links. Symbolic links are followed
    (the link stays a link). Returns True if the file was written."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    mode = st = None
    try:
        st = os.stat(target)
        mode = stat.S_IMODE(st.st_mode)
    except FileNotFoundError:
        if must_exist:
            raise FixError("文件已不存在，未写入", "the file no longer exists; nothing written") from None
    if mode is not None and (not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK)):
        raise FixError("文件是只读的，未写入", "the file is read-only; nothing written")
    if st is not None and st.st_nlink > 1:  # (renaming over one name leaves the others on the old text)
        raise FixError(f"文件有 {st.st_nlink} 个硬链接，替换后其他链接仍是旧内容，未写入",
                       f"the file has {st.st_nlink} hard links; replacing it would leave the others with the "
                       "old text; nothing written")
    if expected is not None:
        with open(target, "rb") as fh:
            current = fh.read()
        if current == data and data != expected:
            return False
        if current != expected:
            raise FixError("检查期间文件被改动过，未写入", "the file changed while it was being checked; nothing written")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".govlint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                try:  # (the file stays its owner's: root fixing a user's file, a file of a shared group)
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
        return True
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_fixed(outcome: FixOutcome) -> bool:
    """Write a changed file back (atomically). Returns True if it was written (False: nothing to
    write, or the file already holds the fixed text)."""
    if not outcome.changed or outcome.path is None:
        return False
    return write_atomic(outcome.path, outcome.fixed, expected=outcome.original)
