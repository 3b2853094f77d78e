"""The plugin contract. Built-in rules and editions register through exactly these hooks; a
third-party package does the same by exposing a module under the entry-point group ``govlint``::

    [project.entry-points.govlint]
    my_rules = "my_package.govlint_plugin"

and implementing any of the hooks below with ``@govlint.hookimpl``.
"""

from __future__ import annotations

import pluggy

PROJECT = "govlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def govlint_register_rules() -> list:
    """Return a list of :class:`govlint.Rule` objects (made with :func:`govlint.rule`)."""


@hookspec
def govlint_register_editions() -> list:
    """Return a list of edition data dicts (the shape of ``rules/editions/*.toml``)."""


@hookspec
def govlint_register_readers() -> dict:
    """Return ``{suffix: reader}`` where ``reader(data: bytes, path: str | None) -> Source``."""
