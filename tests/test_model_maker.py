"""model.maker / model.remaker: the cheap constructors of the frozen model classes make what the
classes' own ``__init__`` (and ``attrs.evolve``) make — the same type, fields, equality, hash, repr,
pickling, and immutability — for every class they are used for."""

from __future__ import annotations

import pickle
from typing import Optional

import attrs
import pytest
from hypothesis import given, settings, strategies as st

from govlint.diagnostics import Diagnostic, Fix, Severity, evolve_diagnostic, new_diagnostic
from govlint.model import Cell, Row, Span, Table, maker, remaker

_spans = st.builds(Span, st.integers(1, 50), st.integers(1, 80), st.integers(1, 50), st.integers(1, 80),
                   st.integers(0, 999), st.integers(0, 999))
_opt_text = st.none() | st.text(max_size=6)
_values = st.none() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)


def _cell_args():
    return st.tuples(st.text(max_size=8), _spans, st.sampled_from(["number", "blank", "placeholder", "text"]), _values,
                     _opt_text, st.booleans(), _opt_text, _opt_text, _opt_text, st.booleans(), st.booleans(),
                     _opt_text, _opt_text)


def _same(made, plain) -> None:
    assert type(made) is type(plain)
    assert made == plain and not (made != plain)
    assert repr(made) == repr(plain)
    assert attrs.asdict(made, recurse=False) == attrs.asdict(plain, recurse=False)
    assert pickle.loads(pickle.dumps(made)) == plain
    name = attrs.fields(type(made))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(made, name, None)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(made, name)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_cell_args(), st.integers(3, 13))
def test_cell_maker_makes_what_cell_makes(args, n):
    """Every field given, or only the first ``n`` (the others default)."""
    for given_args in (args, args[:n]):
        made, plain = maker(Cell)(*given_args), Cell(*given_args)
        _same(made, plain)
        assert hash(made) == hash(plain)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_cell_args(), st.dictionaries(st.sampled_from(["text", "value", "kind", "column_label", "reading", "note"]),
                                     _opt_text, max_size=3))
def test_cell_remaker_is_evolve(args, changes):
    cell = Cell(*args)
    _same(remaker(Cell)(cell, **changes), attrs.evolve(cell, **changes))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.data())
def test_row_maker_makes_what_row_makes(data):
    cells = tuple(Cell(*a) for a in data.draw(st.lists(_cell_args(), max_size=3)))
    args = (data.draw(_opt_text), data.draw(st.text(max_size=6)), data.draw(_spans), cells, data.draw(_opt_text),
            data.draw(_opt_text), cells[:1], data.draw(_opt_text), data.draw(_opt_text))
    n = data.draw(st.integers(3, len(args)))
    _same(maker(Row)(*args[:n]), Row(*args[:n]))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.data())
def test_diagnostic_maker_and_remaker(data):
    args = (data.draw(st.text(max_size=5)), data.draw(st.text(max_size=5)), data.draw(st.sampled_from(list(Severity))),
            data.draw(st.text(max_size=9)), data.draw(st.text(max_size=9)), *data.draw(st.tuples(*[st.integers(1, 99)] * 4)),
            data.draw(_opt_text), data.draw(_opt_text), data.draw(_opt_text), data.draw(_opt_text), data.draw(_opt_text),
            data.draw(_values), data.draw(_values), data.draw(st.none() | st.builds(Fix, st.integers(0, 9), st.integers(0, 9),
                                                                                   st.text(max_size=3))),
            data.draw(st.booleans()), data.draw(st.none() | st.integers(0, 99)), data.draw(st.none() | st.integers(0, 99)))
    n = data.draw(st.integers(9, len(args)))
    made, plain = new_diagnostic(*args[:n]), Diagnostic(*args[:n])
    _same(made, plain)
    assert hash(made) == hash(plain)
    changes = data.draw(st.fixed_dictionaries({}, optional={"path": _opt_text, "locator": _opt_text,
                                                            "severity": st.sampled_from(list(Severity))}))
    _same(evolve_diagnostic(plain, **changes), attrs.evolve(plain, **changes))


def test_factories_and_fields_outside_init_are_made_afresh():
    """Table's ``_index`` (init=False, a factory): a new dict for each table, made or evolved."""
    t = maker(Table)(None, Span(1, 1, 1, 1))
    _same(t, Table(None, Span(1, 1, 1, 1)))
    assert t._index == {} and maker(Table)(None, Span(1, 1, 1, 1))._index is not t._index
    t.cell("x", "y")  # (builds the index)
    again = remaker(Table)(t, id="三")
    assert again == attrs.evolve(t, id="三") and again._index == {} and again._index is not t._index


def test_maker_refuses_what_it_cannot_copy():
    @attrs.frozen
    class Checked:
        x: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Converted:
        x: int = attrs.field(converter=int)

    @attrs.frozen
    class Hooked:
        x: int

        def __attrs_post_init__(self) -> None:
            pass

    @attrs.define
    class Mutable:
        x: int

    @attrs.frozen(slots=False)
    class WithDict:
        x: int

    @attrs.frozen
    class SelfFactory:
        x: Optional[int] = attrs.field(default=attrs.Factory(lambda self: 1, takes_self=True))

    for cls in (Checked, Converted, Hooked, Mutable, WithDict, SelfFactory):
        with pytest.raises(TypeError):
            maker(cls)


def test_rule_context_maker():
    from govlint.engine import RuleContext, _new_context, default_engine
    from govlint.source import Source

    engine = default_engine()
    rule = next(iter(engine.rules.values()))
    args = (rule, engine.editions.get("2021"), engine.editions, {"x": 1}, Source("一、总体情况\n"))
    _same(_new_context(*args), RuleContext(*args))
