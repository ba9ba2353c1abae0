"""Package faces that import on first use: ``from ezlib import load_facts`` loads only that.

A package's ``__init__`` lists the names it re-exports and the module each comes from; Python
calls the returned ``__getattr__`` (PEP 562) the first time a name is asked for. So ``python -m
ezlib report`` starts without pandas, and a notebook still imports from one place.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_face(
    package: str, exports: Mapping[str, str]
) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``__all__``, ``__getattr__`` and ``__dir__`` for a package face.

    Args:
        package: The package's ``__name__``.
        exports: Each public name and the module it is defined in, e.g.
            ``{"load_facts": "ezlib.data.load"}``.

    Returns:
        The three module attributes, to assign in the package's ``__init__``.

    Example:
        >>> all_, getattr_, _ = lazy_face("demo", {"sqrt": "math"})
        >>> all_, getattr_("sqrt")(9.0)
        (['sqrt'], 3.0)
    """

    def __getattr__(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(exports[name]), name)

    def __dir__() -> list[str]:
        return sorted(exports)

    return list(exports), __getattr__, __dir__


def resolve_face(module: Any) -> None:
    """Import every name a lazy package face exports (the kernel server preloads them all).

    Args:
        module: An imported module; one without ``__all__`` is left as it is.
    """
    for name in getattr(module, "__all__", ()):
        getattr(module, name)
