"""govlint's attrs classes, made as ``attrs.frozen`` and ``attrs.define`` make them, but sharing one
``__repr__``.

attrs writes the methods of each class it makes as Python source and compiles it; the ``__repr__``
is about a third of that work (~1 M instructions a class, Python 3.11). govlint makes some fifty
classes while it starts, and a record's repr is read only when debugging or in a test's failure
message, so they share :func:`record_repr`, which gives what attrs' would (``Span(line=1, …)``).
A class that writes its own ``__repr__``, or asks for attrs' (``repr=True``), keeps it."""

from __future__ import annotations

import reprlib
from typing import Any, Callable, Optional

import attrs

__all__ = ["define", "frozen", "record_repr"]


@reprlib.recursive_repr("...")
def record_repr(self: Any) -> str:
    """``ClassName(field=value, …)`` over the fields attrs would show (``repr=False`` left out, a
    field's own repr function used), as attrs' generated ``__repr__`` writes it."""
    cls = type(self)
    parts = []
    for a in attrs.fields(cls):
        if a.repr is False:
            continue
        value = getattr(self, a.name, attrs.NOTHING)
        parts.append(f"{a.name}={a.repr(value) if callable(a.repr) else repr(value)}")
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"


def _record(make: Callable[..., Any], maybe_cls: Optional[type], kwargs: dict) -> Any:
    def wrap(cls: type) -> type:
        if "repr" in kwargs or "__repr__" in cls.__dict__:
            return make(cls, **kwargs)
        made = make(cls, repr=False, **kwargs)
        made.__repr__ = record_repr
        return made

    return wrap if maybe_cls is None else wrap(maybe_cls)


def frozen(maybe_cls: Optional[type] = None, **kwargs: Any) -> Any:
    """``attrs.frozen``, the repr shared (see the module)."""
    return _record(attrs.frozen, maybe_cls, kwargs)


def define(maybe_cls: Optional[type] = None, **kwargs: Any) -> Any:
    """``attrs.define``, the repr shared (see the module)."""
    return _record(attrs.define, maybe_cls, kwargs)
