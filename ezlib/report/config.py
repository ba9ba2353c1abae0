"""The report configuration (notebooks/reports.toml): which notebook runs with which parameters."""

from __future__ import annotations

import ast
import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ezlib.errors import DataError
from ezlib.paths import project_root
from ezlib.vocabulary import LANGUAGES

ZONE_PARAMETERS: dict[str, str] = {
    "01_zone_report.ipynb": "zone",
    "02_plan_check.ipynb": "zone",
}
"""The notebooks whose runs read the data of one zone only, and the parameter that names it.

A run of one of these reads the facts of that zone's entities, the sources they cite and the
reference tables, nothing of another zone (``ezlib.report.inputs``): editing another zone's
facts leaves it as it is. The zone report and the plan check are such notebooks. A notebook
not listed here (the zone comparison, the data audit, any new one) is taken to read all of
``data/`` and reruns on any change of it; a notebook listed here must never read beyond its
zone (``tests/notebooks/test_dependencies.py`` runs the listed ones without the other zones'
facts and compares their outputs)."""


def notebooks_dir() -> Path:
    """Return ``notebooks/`` under the project root."""
    return project_root() / "notebooks"


def config_path() -> Path:
    """Return the report configuration file, ``notebooks/reports.toml``."""
    return notebooks_dir() / "reports.toml"


@dataclass(frozen=True)
class Run:
    """One report: a notebook executed with one parameter set.

    Attributes:
        notebook: File name under ``notebooks/``, e.g. ``01_zone_report.ipynb``.
        parameters: The parameters papermill injects (the rest keep their defaults).
        defaults: The notebook's own defaults, read from its ``parameters`` cell.
        folder: The folder holding the notebook (the configuration file's folder).
    """

    notebook: str
    parameters: dict[str, Any]
    defaults: dict[str, Any] = field(default_factory=dict, compare=False)
    folder: Path = field(default_factory=lambda: notebooks_dir(), compare=False)

    @property
    def path(self) -> Path:
        """The notebook file."""
        return self.folder / self.notebook

    @property
    def stem(self) -> str:
        """The notebook's name without ``.ipynb``."""
        return Path(self.notebook).stem

    @property
    def effective(self) -> dict[str, Any]:
        """The parameters the notebook actually runs with: defaults overridden by the config."""
        return {**self.defaults, **self.parameters}

    @property
    def slug(self) -> str:
        """A file-name-safe id, unique per notebook and parameter set."""
        values = [str(v) for v in self.parameters.values()]
        tail = "_".join(re.sub(r"[^A-Za-z0-9.-]+", "-", v) for v in values)
        return f"{self.stem}__{tail}" if tail else self.stem

    @property
    def zone(self) -> str | None:
        """The zone whose data alone the run reads (:data:`ZONE_PARAMETERS`); None for all."""
        name = ZONE_PARAMETERS.get(self.notebook)
        value = self.effective.get(name) if name else None
        return None if value is None else str(value)

    def key_material(self) -> str:
        """The run's identity as text, for the cache key."""
        return json.dumps(
            {"notebook": self.notebook, "parameters": self.parameters}, sort_keys=True
        )


def notebook_defaults(path: Path) -> dict[str, Any]:
    """Read the defaults of a notebook's cell tagged ``parameters``.

    The cell must hold plain assignments of literals (``zone = "hp-zones"``), so that
    papermill, JupyterLab and this reader agree on them.

    Args:
        path: The notebook file.

    Returns:
        Parameter name to default value.

    Raises:
        DataError: If the notebook has no ``parameters`` cell, or the cell holds anything
            other than assignments of literals.
    """
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            defaults: dict[str, Any] = {}
            for node in ast.parse(source).body:
                if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                    raise DataError("the parameters cell may hold only assignments", file=path)
                target = node.targets[0]
                if not isinstance(target, ast.Name):
                    raise DataError("the parameters cell assigns to plain names only", file=path)
                try:
                    defaults[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    raise DataError(
                        f"parameter {target.id!r} needs a literal default", file=path
                    ) from None
            return defaults
    raise DataError("the notebook has no cell tagged 'parameters'", file=path)


def validate_parameters(
    notebook: Path,
    parameters: dict[str, Any],
    *,
    where: Path,
    resolve: Callable[[str], str] | None = None,
    defaults: dict[str, Any] | None = None,
) -> None:
    """Check parameter names against the notebook and values against the reference data.

    Args:
        notebook: The notebook file.
        parameters: The parameters to inject.
        where: The configuration file, for error messages.
        resolve: Resolves a zone's name to its id; ``ezlib.data.reference.resolve_entity``
            when None.
        defaults: The notebook's defaults, if already read (:func:`notebook_defaults`).

    Raises:
        DataError: On an unknown parameter name, an unknown zone or indicator, or a language
            other than vi or en, listing the valid ones.
    """
    from ezlib.data.reference import indicator_ids, resolve_entity

    resolve = resolve or resolve_entity
    defaults = notebook_defaults(notebook) if defaults is None else defaults
    for name in parameters:
        if name not in defaults:
            raise DataError(
                f"{notebook.name} has no parameter {name!r}; valid: {', '.join(defaults)}",
                file=where,
                column=name,
            )
    merged = {**defaults, **parameters}
    if "lang" in merged and merged["lang"] not in LANGUAGES:
        raise DataError(
            f"lang {merged['lang']!r} is not one of {LANGUAGES}", file=where, column="lang"
        )
    if "zone" in merged:
        try:
            resolve(str(merged["zone"]))
        except DataError as exc:
            raise DataError(f"{notebook.name}: {exc.message}", file=where, column="zone") from None
    if "indicator" in merged:
        valid = indicator_ids()
        if merged["indicator"] not in valid:
            raise DataError(
                f"unknown indicator {merged['indicator']!r}; valid: {', '.join(valid)}",
                file=where,
                column="indicator",
            )


def load_runs(path: Path | None = None) -> list[Run]:
    """Read and validate the report configuration.

    Args:
        path: The TOML file; ``notebooks/reports.toml`` when None.

    Returns:
        The runs, in file order.

    Raises:
        DataError: On a missing notebook, an unknown parameter or value, or a duplicate run.
    """
    path = path or config_path()
    if not path.is_file():
        raise DataError("the report configuration is missing", file=path)
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", file=path) from None
    runs: list[Run] = []
    seen: set[str] = set()
    resolve = _memo_resolve()
    read: dict[Path, dict[str, Any]] = {}  # each notebook's defaults, parsed once
    for number, entry in enumerate(config.get("run", []), start=1):
        unknown = set(entry) - {"notebook", "parameters"}
        if unknown or "notebook" not in entry:
            raise DataError(
                f"each [[run]] has a notebook and optional parameters; got {sorted(entry)}",
                file=path,
                row=number,
            )
        notebook = path.parent / entry["notebook"]
        if not notebook.is_file():
            raise DataError(f"no notebook {entry['notebook']!r} beside it", file=path, row=number)
        parameters = dict(entry.get("parameters", {}))
        try:
            if notebook not in read:
                read[notebook] = notebook_defaults(notebook)
            defaults = read[notebook]
            validate_parameters(
                notebook, parameters, where=path, resolve=resolve, defaults=defaults
            )
        except DataError as exc:
            raise DataError(exc.message, file=path, row=number, column=exc.column) from None
        run = Run(entry["notebook"], parameters, dict(defaults), path.parent)
        if run.slug in seen:
            raise DataError(f"run {run.slug} is listed twice", file=path, row=number)
        seen.add(run.slug)
        runs.append(run)
    return runs


def _memo_resolve() -> Callable[[str], str]:
    """Return ``resolve_entity``, remembered for one reading of the configuration.

    Sixty zones in two languages resolve sixty names, not a hundred and twenty; an unknown
    name still raises.
    """
    from ezlib.data.reference import resolve_entity

    known: dict[str, str] = {}

    def resolve(name: str) -> str:
        if name not in known:
            known[name] = resolve_entity(name)
        return known[name]

    return resolve
