"""govlint's built-in rules and the national format editions, registered through the same pluggy
hooks a third-party plugin uses (see ``govlint.hookspecs``).

Layout: one module per rule, grouped by code family (``sections`` GL1, ``tables`` GL2,
``arithmetic`` GL3, …); the editions are data in ``editions/*.toml``.
"""

from __future__ import annotations

import importlib
import pkgutil

from govlint.diagnostics import Rule
from govlint.hookspecs import hookimpl
from govlint.packagedata import file_names, load_toml

_FAMILIES = ("input", "sections", "tables", "arithmetic", "plausibility", "narrative", "citations", "dates", "crossreport",
             "style")


def _rule_modules():
    for family in _FAMILIES:
        try:
            pkg = importlib.import_module(f"{__name__}.{family}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{family}":
                continue
            raise
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
            if not info.name.startswith("_"):
                yield importlib.import_module(f"{pkg.__name__}.{info.name}")


@hookimpl
def govlint_register_rules() -> list[Rule]:
    return [obj for mod in _rule_modules() for obj in vars(mod).values() if isinstance(obj, Rule)]


@hookimpl
def govlint_register_editions() -> list[dict]:
    return [load_toml(__name__, "editions", name) for name in file_names(__name__, "editions")
            if name.endswith(".toml")]
