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
