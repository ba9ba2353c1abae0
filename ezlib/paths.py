"""Where the project's files live, found from the project root, never from the working dir."""

from __future__ import annotations

import os
from pathlib import Path

_MARKER = "pyproject.toml"


def project_root() -> Path:
    """Return the root of the ezlib project (the folder holding ``pyproject.toml`` and ``data/``).

    The ``EZLIB_ROOT`` environment variable wins when set; otherwise the root is found from
    this file's location (ezlib is installed editable), so notebooks run from any directory.

    Returns:
        The absolute path of the project root.

    Raises:
        FileNotFoundError: If no folder above the package holds ``pyproject.toml`` and ``data/``.
    """
    env = os.environ.get("EZLIB_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve().parent
    for folder in (here, *here.parents):
        if (folder / _MARKER).is_file() and (folder / "data").is_dir():
            return folder
    raise FileNotFoundError(
        f"cannot find the ezlib project root above {here}; set EZLIB_ROOT to the folder "
        "that holds pyproject.toml and data/"
    )


def data_dir() -> Path:
    """Return ``data/`` under the project root."""
    return project_root() / "data"


def raw_dir() -> Path:
    """Return ``data/raw/``: sources exactly as received, never edited."""
    return data_dir() / "raw"


def build_dir() -> Path:
    """Return ``build/``: everything that one command can delete and rebuild.

    The ``EZLIB_BUILD_DIR`` environment variable moves it (tests build into a temporary folder).
    """
    env = os.environ.get("EZLIB_BUILD_DIR")
    return Path(env).resolve() if env else project_root() / "build"
