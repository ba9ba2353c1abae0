"""What each report reads, as digests: the inputs behind the report runner's cache keys.

A run's key (:func:`ezlib.report.runner.run_key`) is its notebook, its parameters, the code
(:func:`code_digest`: the ezlib package, ``templates/``, ``requirements.lock``) and the digest
of the data it reads (:meth:`BuildInputs.data_digest`):

* a run of a notebook that reads one zone (``ezlib.report.config.ZONE_PARAMETERS``: the zone
  report, the plan check) reads that zone's data: the rows of ``data/facts.csv`` about the
  zone's entities (:func:`zone_entity_ids`), the rows of ``data/raw/sources.csv`` those facts
  cite with the raw article files of those sources, every other file under ``data/`` (the
  reference tables, an article not yet registered, any new table), and the date of the data
  (the latest publication date of any cited source: the day plans are judged at);
* every other run (the zone comparison, the data audit, a notebook not listed) reads all of
  ``data/``.

So editing one zone's facts reruns that zone's reports and the all-zone pages, and no other
zone's report; moving a fact from one zone to another reruns both; editing a reference table,
ezlib, a template or the lock reruns every report; editing a notebook reruns its runs.

A table that cannot be read as a table (a malformed CSV, an unexpected header) makes every
run read all of ``data/``: every report then reruns and shows the fault itself.

Everything is read with the project's CSV reader, without pandas, so that ``python -m ezlib
report`` is quick when nothing changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path, PurePosixPath

from ezlib.data.csvio import decode_utf8, read_file_bytes, read_rows
from ezlib.data.reference import resolve_entity
from ezlib.errors import DataError
from ezlib.paths import data_dir, files_under, inputs_digest, package_digest, project_root

CODE_INPUTS = ("templates", "requirements.lock")
"""Files and folders under the project root that every report depends on, besides ezlib."""
FACTS = "facts.csv"
SOURCES = "raw/sources.csv"
ENTITIES = "reference/entities.csv"
"""The tables under ``data/`` that :class:`BuildInputs` reads row by row."""


def _digest(files: Iterable[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, raw in files:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()


def code_digest() -> str:
    """Return a digest of the code every report runs: ezlib, ``templates/``, the lock.

    The ezlib package is the one imported (:func:`ezlib.paths.package_digest`: ``ezlib/`` of
    the project when installed editable), so a project elsewhere (``EZLIB_ROOT``) still keys
    its reports by the code that runs them.
    """
    both = f"{package_digest()}\0{inputs_digest(CODE_INPUTS)}"
    return hashlib.sha256(both.encode()).hexdigest()


def _table(raw: bytes, path: Path) -> list[dict[str, str]]:
    """A CSV's rows, under its own header, read by the project's strict reader."""
    import csv

    first = decode_utf8(raw, path).split("\n", 1)[0].rstrip("\r")
    header = next(csv.reader([first]), [])
    return read_rows(path, header)


def zone_entity_ids(zone: str, entities: list[dict[str, str]]) -> set[str]:
    """Return the entities whose facts a zone's reports may read.

    The zone, every entity below it in the parent tree (what
    :func:`ezlib.progress.pairing.zone_entities` pairs), and, where the entity table records
    successions (``successor``, the 2025 mergers), the entities a member succeeds or is
    succeeded by, with theirs: a merged zone's report may read its predecessors' history.

    Args:
        zone: An ``entity_id``.
        entities: The rows of ``entities.csv``.

    Returns:
        The entity ids, the zone's own included.
    """
    linked: dict[str, set[str]] = {}
    for row in entities:
        entity = row.get("entity_id", "")
        if row.get("parent_id"):
            linked.setdefault(row["parent_id"], set()).add(entity)
        if row.get("successor"):
            linked.setdefault(entity, set()).add(row["successor"])
            linked.setdefault(row["successor"], set()).add(entity)
    found, todo = {zone}, [zone]
    while todo:
        for other in linked.get(todo.pop(), ()):
            if other not in found:
                found.add(other)
                todo.append(other)
    return found


class BuildInputs:
    """The inputs of one build, each file read once: the code's and the data's digests.

    Args:
        root: The project root; :func:`ezlib.paths.project_root` when None.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or project_root()
        self._zones: dict[str, str] = {}
        self._notebooks: dict[Path, bytes] = {}

    @cached_property
    def code(self) -> str:
        """The digest of the code (:func:`code_digest`)."""
        return code_digest()

    def notebook(self, path: Path) -> bytes:
        """A notebook's bytes, read once per build."""
        if path not in self._notebooks:
            self._notebooks[path] = read_file_bytes(path)
        return self._notebooks[path]

    @cached_property
    def _data(self) -> dict[str, bytes]:
        """Every file under ``data/`` by its path relative to it, as bytes."""
        folder = data_dir()
        if not folder.is_dir():
            return {}
        return {p.relative_to(folder).as_posix(): read_file_bytes(p) for p in files_under(folder)}

    @cached_property
    def everything(self) -> str:
        """The digest of all of ``data/``: what a run that reads every zone depends on."""
        return _digest(sorted(self._data.items()))

    @cached_property
    def _tables(self) -> tuple[list[dict[str, str]], dict[str, dict[str, str]], list[dict]]:
        """The facts' rows, the sources by id and the entities' rows (DataError if unreadable)."""
        folder = data_dir()
        tables = {}
        for name in (FACTS, SOURCES, ENTITIES):
            if name not in self._data:
                raise DataError("file not found", file=folder / name)
            tables[name] = _table(self._data[name], folder / name)
        facts, sources = tables[FACTS], tables[SOURCES]
        for rows, columns, name in (
            (facts, ("entity_id", "source_id"), FACTS),
            (sources, ("source_id", "kind", "file"), SOURCES),
            (tables[ENTITIES], ("entity_id", "parent_id"), ENTITIES),
        ):
            if rows and not set(columns) <= set(rows[0]):
                raise DataError(f"has no column {', '.join(columns)}", file=folder / name)
        return facts, {row["source_id"]: row for row in sources}, tables[ENTITIES]

    @cached_property
    def _articles(self) -> set[str]:
        """The registered article files, as paths relative to ``data/``."""
        _, sources, _ = self._tables
        return {
            str(PurePosixPath("raw") / row["file"])
            for row in sources.values()
            if row["kind"] == "article" and row["file"]
        }

    @cached_property
    def _common(self) -> str:
        """The digest of every file under ``data/`` that no zone owns a part of."""
        owned = {FACTS, SOURCES, *self._articles}
        return _digest(sorted((k, v) for k, v in self._data.items() if k not in owned))

    @cached_property
    def _data_date(self) -> str:
        """The date of the data: the latest publication date of the sources the facts cite.

        Every zone's report reads it (``ezlib.progress.zone.data_date``: a plan whose period
        ended by then has its final status), so a newer source anywhere reruns them all.
        """
        facts, sources, _ = self._tables
        cited = {row["source_id"] for row in facts}
        return max(
            (sources[s].get("published_date", "") for s in cited if s in sources), default=""
        )

    @cached_property
    def _facts_by_entity(self) -> dict[str, list[tuple[int, dict[str, str]]]]:
        facts, _, _ = self._tables
        grouped: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for number, row in enumerate(facts, start=1):
            grouped.setdefault(row["entity_id"], []).append((number, row))
        return grouped

    def _resolve(self, zone: str) -> str:
        _, _, entities = self._tables
        if any(row["entity_id"] == zone for row in entities):
            return zone
        return resolve_entity(zone)  # a name or alias (the configuration checked it)

    def zone_digest(self, zone: str) -> str:
        """The digest of what a run about one zone reads (see the module's docstring).

        Args:
            zone: The zone's id, name or alias.

        Raises:
            DataError: If ``data/`` cannot be read as tables, or the zone is unknown.
        """
        _, sources, entities = self._tables
        zone_id = self._resolve(zone)
        if zone_id in self._zones:
            return self._zones[zone_id]
        members = zone_entity_ids(zone_id, entities)
        rows = sorted(
            (number, row)
            for entity in members
            for number, row in self._facts_by_entity.get(entity, ())
        )
        cited = sorted({row["source_id"] for _, row in rows})
        digest = hashlib.sha256(b"zone\0")
        digest.update(self._common.encode())
        digest.update(self._data_date.encode())
        header = next(iter(self._tables[0]), {})
        digest.update(json.dumps(list(header)).encode())
        for _, row in rows:  # in file order: pairing keeps it
            digest.update(json.dumps(list(row.values()), ensure_ascii=False).encode())
        for source_id in cited:
            source = sources.get(source_id)
            digest.update(json.dumps([source_id, source], ensure_ascii=False).encode())
            if source and source.get("kind") == "article" and source.get("file"):
                name = str(PurePosixPath("raw") / source["file"])
                raw = self._data.get(name)
                digest.update(name.encode())
                digest.update(hashlib.sha256(raw).digest() if raw is not None else b"missing")
        self._zones[zone_id] = digest.hexdigest()
        return self._zones[zone_id]

    def data_digest(self, zone: str | None) -> str:
        """The digest of the data a run reads: one zone's, or all of ``data/`` (zone None).

        When the tables cannot be read row by row, every run reads all of ``data/``.
        """
        if zone is None:
            return self.everything
        try:
            return self.zone_digest(zone)
        except DataError:
            return self.everything
