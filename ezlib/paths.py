"""Where the project's files live, found from the project root, never from the working dir."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ezlib.errors import DataError

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


PACKAGE = Path(__file__).resolve().parent
"""The ezlib package that runs (the project's ``ezlib/`` when installed editable), wherever
``EZLIB_ROOT`` points."""


def files_under(folder: Path) -> list[Path]:
    """Return every file under a folder, compiled bytecode left out, in a stable order."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def package_files() -> list[Path]:
    """Return the files of the running ezlib package (:func:`files_under` :data:`PACKAGE`).

    What a cache keyed by code hashes: a project elsewhere (``EZLIB_ROOT``) has no ``ezlib/``
    of its own, and its caches still follow the code that made them.
    """
    return files_under(PACKAGE)


def inputs_digest(names: Iterable[str]) -> str:
    """Return a sha256 over the files under the named project paths (names and bytes).

    Used as a cache key: change any file under ``data/`` or ``ezlib/`` (say) and it changes.
    Compiled bytecode is left out.

    Args:
        names: Paths relative to the project root, files or folders (``"data"``, ``"ezlib"``).
    """
    root = project_root()
    files = []
    for name in names:
        path = root / name
        if path.is_dir():
            files += files_under(path)
        elif path.is_file():
            files.append(path)
    return _files_digest(root, sorted(files))


def package_digest() -> str:
    """Return a sha256 over the running ezlib package (:func:`package_files`).

    Hashed as :func:`inputs_digest` hashes project paths: names and bytes.
    """
    return _files_digest(PACKAGE, package_files())


def _files_digest(root: Path, files: Iterable[Path]) -> str:
    """A sha256 over each file's path relative to ``root`` and its bytes."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise DataError(f"cannot be read ({exc.strerror or exc})", file=path) from None
        digest.update(b"\0")
    return digest.hexdigest()


def build_dir() -> Path:
    """Return ``build/``: everything that one command can delete and rebuild.

    The ``EZLIB_BUILD_DIR`` environment variable moves it (tests build into a temporary folder).
    """
    env = os.environ.get("EZLIB_BUILD_DIR")
    return Path(env).resolve() if env else project_root() / "build"
