"""govlint.records: attrs classes sharing one __repr__, which must print what attrs' own would."""

from __future__ import annotations

from typing import Optional

import attrs
import pytest

from govlint import records
from govlint.model import Cell, Span
from govlint.numbers import parse_cell


def _pair(decorator_ours, decorator_attrs):
    def body(ns):
        ns["__annotations__"] = {"a": "int", "b": "Optional[str]", "hidden": "int", "shown": "str"}
        ns["b"] = None
        ns["hidden"] = attrs.field(default=0, repr=False)
        ns["shown"] = attrs.field(default="x", repr=lambda v: f"<{v}>")

    ours = decorator_ours(type("Thing", (), _ns(body)))
    theirs = decorator_attrs(type("Thing", (), _ns(body)))
    return ours, theirs


def _ns(fill):
    ns: dict = {}
    fill(ns)
    return ns


@pytest.mark.parametrize("ours, theirs", [(records.frozen, attrs.frozen), (records.define, attrs.define)])
def test_repr_is_attrs_repr(ours, theirs):
    A, B = _pair(ours, theirs)
    for args in [(1,), (2, "说明"), (3, None)]:
        assert repr(A(*args)) == repr(B(*args))
    assert "hidden" not in repr(A(1)) and "shown=<x>" in repr(A(1))


def test_nested_and_recursive():
    @records.define
    class Node:
        name: str
        children: list = attrs.field(factory=list)
        parent: Optional[object] = None

    @attrs.define
    class Plain:
        name: str
        children: list = attrs.field(factory=list)
        parent: Optional[object] = None

    a, b = Node("a"), Plain("a")
    a.children.append(Node("b")), b.children.append(Plain("b"))
    assert repr(a).replace("Node", "X") == repr(b).replace("Plain", "X")
    a.children.append(a)  # a cycle: printed as ..., not a RecursionError
    assert "..." in repr(a)


def test_own_repr_kept_and_explicit_repr_honoured():
    @records.frozen
    class Own:
        x: int

        def __repr__(self) -> str:
            return "own"

    @records.frozen(repr=True)
    class Generated:
        x: int

    assert repr(Own(1)) == "own"
    assert Generated.__repr__ is not records.record_repr and repr(Generated(1)) == "Generated(x=1)"


def test_govlint_records_print_as_attrs_would():
    span = Span(1, 2, 1, 3, 0, 1)
    cell = Cell("3", span, "number", 3)
    assert type(cell).__repr__ is records.record_repr
    assert repr(cell).startswith("Cell(text='3', span=Span(line=1, column=2, ")
    assert repr(parse_cell("3")).startswith("CellValue(kind='number', value=3")
