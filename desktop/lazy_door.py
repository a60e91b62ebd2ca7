"""A package's public names, each imported from its module on first use (PEP 562 ``__getattr__``).

``desktop.export`` and ``desktop.library`` are the one module a caller imports, yet importing them must not
load Jinja2 or sqlite-utils before a name from those modules is asked for (``parallax compare`` needs neither).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_door(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """The ``__getattr__`` of ``package``: ``homes`` maps each public name to the submodule that defines it."""

    def attribute(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{home}"), name)

    return attribute
