"""The Frictionless Data Package descriptor (``datapackage.json``) of the exported dataset.

The descriptor says what every exported file is (format, media type, size, sha256) and, for the
CSV tables, every column: its type, its description from the data dictionary and the words an
enumerated column may hold (from :mod:`ezlib.vocabulary`). Nothing in it comes from the clock:
its ``created`` date is the publication date of the latest source, so the same data gives the
same bytes.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ezlib.data.reference import ENTITY_LEVELS
from ezlib.data.sources import DATE_PRECISIONS, SOURCE_KINDS
from ezlib.paths import project_root
from ezlib.vocabulary import CAVEATS, FACT_VOCABULARIES, LANGUAGES, QUALIFIERS, UNIT_FAMILIES

PACKAGE_NAME = "ezlib-vietnam-economic-zones"
PACKAGE_TITLE = "Targets and progress of Vietnam's economic zones and industrial parks (ezlib)"
PACKAGE_DESCRIPTION = (
    "Every plan target, actual result and baseline figure that provinces and news articles give "
    "for Vietnam's economic zones (khu kinh tế, KKT) and industrial parks (khu công nghiệp, KCN), "
    "one row per figure, each traced to its exact quote in its source; validated by ezlib and "
    "joined with its source, entity and indicator. facts.csv (UTF-8 with a byte-order mark, so "
    "that spreadsheets show Vietnamese), facts.parquet and facts.dta (Stata 118) hold the same "
    "table; data_dictionary.csv and .parquet describe its columns."
)
FACTS_TABLE = "facts"
DICTIONARY_TABLE = "data_dictionary"

MEDIA_TYPES = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "dta": "application/x-stata-dta",
}
"""The media type of each exported file format."""

# Frictionless field types of the pandas dtypes the export writes.
_FIELD_TYPES = {
    "str": "string",
    "string": "string",
    "object": "string",
    "category": "string",
    "bool": "boolean",
    "boolean": "boolean",
}

_LICENSE_PATHS = {"MIT": "https://opensource.org/licenses/MIT"}

ENUMS: dict[str, tuple[Any, ...]] = {
    **{column: tuple(v for v in words if v) for column, words in FACT_VOCABULARIES.items()},
    "written_qualifier": QUALIFIERS,
    "source_kind": SOURCE_KINDS,
    "source_language": LANGUAGES,
    "source_date_precision": DATE_PRECISIONS,
    "entity_level": ENTITY_LEVELS,
    "unit_family": tuple(UNIT_FAMILIES),
    "flow_or_level": ("flow", "level"),
    "direction": (1, -1),
}
"""The values an enumerated column of the facts may hold (an empty cell is missing, not one of
them: ``reference`` is empty for a flow or level)."""

_CAVEAT_WORD = f"(?:{'|'.join(CAVEATS)})"
CAVEATS_PATTERN = f"{_CAVEAT_WORD}(?:;{_CAVEAT_WORD})*"
"""What a non-empty ``caveats`` cell of the export looks like: caveats joined by ``;``."""


def field_type(dtype: str) -> str:
    """Return the Frictionless field type of a column from its pandas dtype (as a string).

    Args:
        dtype: A dtype as the data dictionary writes it (``str``, ``float64``, ``Int64``,
            ``datetime64[us]``, ``category``, ...).

    Returns:
        ``string``, ``number``, ``integer``, ``date`` or ``boolean``.

    Raises:
        ValueError: For a dtype the export does not write.

    Example:
        >>> [field_type(t) for t in ("str", "float64", "Int64", "datetime64[us]", "category")]
        ['string', 'number', 'integer', 'date', 'string']
    """
    if dtype in _FIELD_TYPES:
        return _FIELD_TYPES[dtype]
    if dtype.startswith("datetime64"):
        return "date"
    if re.fullmatch(r"[Uu]?[Ii]nt(8|16|32|64)", dtype):
        return "integer"
    if re.fullmatch(r"[Ff]loat(32|64)", dtype):
        return "number"
    raise ValueError(f"no Frictionless type for the dtype {dtype!r}")


def facts_schema(dictionary: pd.DataFrame) -> dict[str, Any]:
    """Return the Table Schema of the exported facts table.

    Args:
        dictionary: As returned by :func:`ezlib.data.dictionary.data_dictionary`.

    Returns:
        A Table Schema: one field per dictionary row, in its order, with its name, type and
        description, and constraints where the column is enumerated; ``fact_id`` is the
        primary key.
    """
    fields = []
    for row in dictionary.itertuples(index=False):
        field: dict[str, Any] = {
            "name": row.column,
            "type": field_type(row.dtype),
            "description": row.description,
        }
        if row.column == "fact_id":
            field["constraints"] = {"required": True}
        elif row.column in ENUMS:
            field["constraints"] = {"enum": list(ENUMS[row.column])}
        elif row.column == "caveats":
            field["constraints"] = {"pattern": CAVEATS_PATTERN}
        fields.append(field)
    return {"fields": fields, "primaryKey": ["fact_id"], "missingValues": [""]}


def dictionary_schema() -> dict[str, Any]:
    """Return the Table Schema of the exported data dictionary."""
    return {
        "fields": [
            {"name": "column", "type": "string", "description": "Column of the facts table."},
            {"name": "dtype", "type": "string", "description": "Its pandas dtype in ezlib."},
            {"name": "description", "type": "string", "description": "What the column means."},
        ],
        "primaryKey": ["column"],
        "missingValues": [""],
    }


def _sources(facts: pd.DataFrame) -> list[dict[str, str]]:
    """The sources the facts come from, oldest first: title, publisher, date, id, address."""
    columns = ["source_id", "source_title", "source_publisher", "source_published_date"]
    cited = (
        facts[[*columns, "source_url"]]
        .drop_duplicates("source_id")
        .sort_values(["source_published_date", "source_id"])
    )
    sources = []
    for row in cited.itertuples(index=False):
        source = {
            "title": f"{row.source_title}. {row.source_publisher}, "
            f"{row.source_published_date:%Y-%m-%d} (source_id {row.source_id})"
        }
        if row.source_url:
            source["path"] = row.source_url
        sources.append(source)
    return sources


def _licenses() -> list[dict[str, str]]:
    """The project's license as pyproject.toml states it; none when it states none."""
    try:
        project = tomllib.loads((project_root() / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return []
    license_ = project.get("project", {}).get("license", {})
    name = license_.get("text") if isinstance(license_, dict) else license_
    if not name:
        return []
    entry = {"name": name}
    if name in _LICENSE_PATHS:
        entry["path"] = _LICENSE_PATHS[name]
    return [entry]


def data_date(facts: pd.DataFrame) -> pd.Timestamp:
    """Return the date the data is as of: the publication date of its latest source.

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.

    Example:
        >>> dates = pd.to_datetime(["2024-05-10", "2026-01-11", "2023-02-26"])
        >>> data_date(pd.DataFrame({"source_published_date": dates}))
        Timestamp('2026-01-11 00:00:00')
    """
    return pd.Timestamp(facts["source_published_date"].max()).normalize()


def file_resource(path: Path) -> dict[str, Any]:
    """Return the resource of one exported file: name, path, format, media type, size, hash.

    Args:
        path: An exported file; the descriptor sits in the same folder, so its ``path`` is the
            file's name.

    Returns:
        The resource, without a schema. Its ``name`` is the file's stem, and its format
        suffix for all but the CSV (``facts``, ``facts-parquet``, ``facts-dta``).
    """
    data = path.read_bytes()
    fmt = path.suffix.removeprefix(".")
    name = path.stem.replace("_", "-")
    return {
        "name": name if fmt == "csv" else f"{name}-{fmt}",
        "path": path.name,
        "format": fmt,
        "mediatype": MEDIA_TYPES[fmt],
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }


def data_package(
    files: Sequence[Path], dictionary: pd.DataFrame, facts: pd.DataFrame
) -> dict[str, Any]:
    """Return the Data Package descriptor of the exported files.

    Args:
        files: The exported files, all in the folder where ``datapackage.json`` goes: the
            facts table and the data dictionary as ``.csv``, and any of them as ``.parquet``
            or ``.dta``.
        dictionary: The data dictionary of the facts, as written.
        facts: The facts, as returned by :func:`ezlib.data.load.load_facts`: their sources
            and the date of the latest one go into the descriptor.

    Returns:
        A ``data-package`` descriptor: name, title, description, the project's license, the
        sources of the facts, ``created`` (the latest source's publication date) and one
        resource per file, with its format, media type, size in bytes and sha256. The CSV
        tables are ``tabular-data-resource`` entries with their Table Schema, encoding
        (``utf-8-sig``: they start with a byte-order mark) and dialect; the Parquet and Stata
        files, which hold the same tables in other formats, are ``"type": "file"`` resources
        (checked by size and hash only).

    Raises:
        ValueError: For a file of another format or of another table.
    """
    resources = []
    for path in files:
        table = path.stem
        if table not in (FACTS_TABLE, DICTIONARY_TABLE) or path.suffix[1:] not in MEDIA_TYPES:
            raise ValueError(f"{path.name}: not an exported table")
        resource = file_resource(path)
        title = "The facts" if table == FACTS_TABLE else "The data dictionary of the facts"
        resource["title"] = f"{title} ({resource['format']})"
        if resource["format"] == "csv":
            resource |= {
                "profile": "tabular-data-resource",
                "encoding": "utf-8-sig",
                "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True},
                "schema": facts_schema(dictionary) if table == FACTS_TABLE else dictionary_schema(),
            }
        else:
            # Frictionless reads these as files, checking their size and hash (it cannot read a
            # .dta table, and reads Parquet without counting its bytes).
            resource["type"] = "file"
            resource["description"] = f"The same table as {table}.csv, in another format."
        resources.append(resource)
    descriptor: dict[str, Any] = {
        # Not "tabular-data-package": that profile wants every resource to be a CSV-like table
        # with a schema, and the Parquet and Stata files are not read as tables.
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
    }
    licenses = _licenses()
    if licenses:
        descriptor["licenses"] = licenses
    descriptor |= {
        "sources": _sources(facts),
        "created": f"{data_date(facts):%Y-%m-%dT%H:%M:%SZ}",
        "resources": resources,
    }
    return descriptor
