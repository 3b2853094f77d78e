"""Reading the data files shipped inside govlint's packages (the grammar, the editions, rule data).

They are plain files next to the modules in every normal install (wheel, sdist, editable), so they
are read with ``open``; ``importlib.resources`` — which also reads packages inside zip files, and
costs several milliseconds of start-up to import — is the fallback when that fails.
"""

from __future__ import annotations

import os
import sys


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
