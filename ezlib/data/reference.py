"""Reference tables beside the facts: entities and aliases, indicator definitions, VND/USD rates."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ezlib.data.csvio import read_rows
from ezlib.errors import DataError, valid_values
from ezlib.paths import data_dir
from ezlib.vocabulary import UNIT_FAMILIES, USD_UNITS

if TYPE_CHECKING:  # pandas is imported where a frame is built: the runner starts without it
    import pandas as pd

ENTITY_COLUMNS = (
    "entity_id",
    "parent_id",
    "level",
    "province",
    "name_vi",
    "name_en",
    "aliases",
    "notes",
    "valid_from",
    "valid_to",
    "successor",
)
"""The columns of ``entities.csv``. ``valid_from`` and ``valid_to`` (ISO dates, empty = open)
bound the time an entity exists with its scope; ``successor`` is the entity that takes it
over when it ends (the 2025 provincial mergers: ``hp-city`` until 2025-06-30, then
``hp-city-2025``), empty if none."""
ENTITY_LEVELS = (
    "zone_group",
    "economic_zone",
    "park_group",
    "industrial_park",
    "cluster_group",
    "province",
)
INDICATOR_COLUMNS = (
    "indicator_id",
    "unit_family",
    "flow_or_level",
    "direction",
    "label_vi",
    "label_en",
    "what_counts",
)
RATE_COLUMNS = ("year", "vnd_per_usd", "series", "publisher", "url", "full_year", "note")
_YEAR = re.compile(r"[0-9]{4}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def reference_dir() -> Path:
    """Return ``data/reference/``."""
    return data_dir() / "reference"


def _require(path: Path, row: int, column: str, ok: bool, message: str) -> None:
    if not ok:
        raise DataError(message, file=path, row=row, column=column)


def _entity_date(path: Path, row: int, column: str, text: str) -> date | None:
    """Parse an entity's validity date: empty (open) or an ISO date YYYY-MM-DD."""
    if not text:
        return None
    parsed = None
    if _ISO_DATE.fullmatch(text):
        try:
            parsed = date.fromisoformat(text)
        except ValueError:
            parsed = None
    _require(path, row, column, parsed is not None, f"{text!r} is not an ISO date YYYY-MM-DD")
    return parsed


def _check_validity(path: Path, rows: list[dict[str, str]]) -> None:
    """Check the validity columns: dates parse, from <= to, a successor exists and follows."""
    ids = {row["entity_id"] for row in rows}
    spans: dict[str, tuple[date | None, date | None]] = {}
    for number, row in enumerate(rows, start=1):
        start = _entity_date(path, number, "valid_from", row["valid_from"])
        end = _entity_date(path, number, "valid_to", row["valid_to"])
        _require(
            path,
            number,
            "valid_to",
            start is None or end is None or start <= end,
            f"valid_to {row['valid_to']} is before valid_from {row['valid_from']}",
        )
        spans[row["entity_id"]] = (start, end)
    for number, row in enumerate(rows, start=1):
        successor = row["successor"]
        if not successor:
            continue
        _require(path, number, "successor", successor in ids, f"unknown {successor!r}")
        _require(path, number, "successor", successor != row["entity_id"], "is the entity itself")
        end = spans[row["entity_id"]][1]
        _require(
            path, number, "valid_to", end is not None, "an entity with a successor needs valid_to"
        )
        takeover = spans[successor][0]
        _require(
            path,
            number,
            "valid_to",
            takeover is None or end < takeover,
            f"valid_to {row['valid_to']} is not before its successor {successor!r} starts"
            f" ({takeover})",
        )


def _check_unique(path: Path, rows: list[dict[str, str]], column: str) -> None:
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        key = row[column]
        _require(path, number, column, bool(key.strip()), "is empty")
        first = seen.setdefault(key, number)
        _require(path, number, column, first == number, f"duplicate {key!r} (first on row {first})")


def _check_nfc(path: Path, rows: list[dict[str, str]]) -> None:
    for number, row in enumerate(rows, start=1):
        for column, value in row.items():
            _require(
                path,
                number,
                column,
                unicodedata.is_normalized("NFC", value),
                "text is not Unicode NFC (normalise it, e.g. with unicodedata.normalize('NFC', …))",
            )


@cache
def _entity_rows(path: Path | None = None) -> tuple[dict[str, str], ...]:
    """Read and check the entity table once per process, as rows."""
    path = path or reference_dir() / "entities.csv"
    rows = read_rows(path, ENTITY_COLUMNS)
    _check_unique(path, rows, "entity_id")
    _check_nfc(path, rows)
    ids = {row["entity_id"] for row in rows}
    for number, row in enumerate(rows, start=1):
        _require(
            path, number, "level", row["level"] in ENTITY_LEVELS, f"not one of {ENTITY_LEVELS}"
        )
        parent = row["parent_id"]
        _require(path, number, "parent_id", not parent or parent in ids, f"unknown {parent!r}")
        for column in ("province", "name_vi", "name_en"):
            _require(path, number, column, bool(row[column].strip()), "is empty")
    _check_validity(path, rows)
    return tuple(rows)


@cache
def _entities(path: Path | None = None) -> pd.DataFrame:
    """The entity table as a frame, built once per process; callers get copies."""
    import pandas as pd

    return pd.DataFrame(list(_entity_rows(path)), columns=list(ENTITY_COLUMNS))


def indicator_ids(path: Path | None = None) -> list[str]:
    """Return the ids of the indicator table (checked), without building a frame."""
    return [row["indicator_id"] for row in _indicator_rows(path)]


@cache
def _indicator_rows(path: Path | None = None) -> tuple[dict[str, str], ...]:
    """Read and check the indicator table once per process, as rows."""
    path = path or reference_dir() / "indicators.csv"
    rows = read_rows(path, INDICATOR_COLUMNS)
    _check_unique(path, rows, "indicator_id")
    _check_nfc(path, rows)
    for number, row in enumerate(rows, start=1):
        family = row["unit_family"]
        _require(
            path,
            number,
            "unit_family",
            family in UNIT_FAMILIES,
            f"not one of {tuple(UNIT_FAMILIES)}",
        )
        _require(
            path,
            number,
            "flow_or_level",
            row["flow_or_level"] in ("flow", "level"),
            "not flow or level",
        )
        _require(path, number, "direction", row["direction"] in ("1", "-1"), "must be 1 or -1")
    return tuple(rows)


@cache
def _indicators(path: Path | None = None) -> pd.DataFrame:
    """The indicator table as a frame, built once per process; callers get copies."""
    import pandas as pd

    frame = pd.DataFrame(list(_indicator_rows(path)), columns=list(INDICATOR_COLUMNS))
    frame["direction"] = frame["direction"].astype(int)
    return frame


@cache
def _rates(path: Path | None = None) -> pd.DataFrame:
    """Read and check the table once per process; callers get copies."""
    path = path or reference_dir() / "vnd_per_usd.csv"
    rows = read_rows(path, RATE_COLUMNS)
    _check_unique(path, rows, "year")
    for number, row in enumerate(rows, start=1):
        is_year = bool(_YEAR.fullmatch(row["year"]))
        _require(path, number, "year", is_year, f"{row['year']!r} is not a year")
        try:
            rate = float(row["vnd_per_usd"])
        except ValueError:
            rate = float("nan")
        _require(
            path,
            number,
            "vnd_per_usd",
            math.isfinite(rate) and rate > 0,
            f"{row['vnd_per_usd']!r} is not a positive number",
        )
        _require(
            path, number, "url", row["url"].startswith("http"), "every rate needs its source URL"
        )
        _require(path, number, "full_year", row["full_year"] in ("yes", "no"), "must be yes or no")
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(RATE_COLUMNS))
    frame["year"] = frame["year"].astype(int)
    frame["vnd_per_usd"] = frame["vnd_per_usd"].astype(float)
    return frame.sort_values("year", ignore_index=True)


def clear_cache() -> None:
    """Forget the reference tables read so far: the next call reads the files again.

    The tables are read once per process; call this after editing one in a running session
    (``ezlib.data.check.check_data`` does, so that it always checks the files as they are).
    """
    for cached in (_entity_rows, _entities, _indicator_rows, _indicators, _rates):
        cached.cache_clear()


def indicator_label(indicator_id: str, lang: str) -> str:
    """Return an indicator's Vietnamese (``vi``) or English label."""
    for row in _indicator_rows():
        if row["indicator_id"] == indicator_id:
            return row["label_vi"] if lang == "vi" else row["label_en"]
    raise DataError(f"unknown indicator {indicator_id!r}", file=reference_dir() / "indicators.csv")


def entity_name(entity_id: str, lang: str) -> str:
    """Return an entity's Vietnamese (``vi``) or English name."""
    for row in _entity_rows():
        if row["entity_id"] == entity_id:
            return row["name_vi"] if lang == "vi" else row["name_en"]
    raise DataError(f"unknown entity {entity_id!r}", file=reference_dir() / "entities.csv")


def _fold(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def resolve_entity(name: str, entities: pd.DataFrame | None = None) -> str:
    """Return the entity id for an id, a Vietnamese or English name, or a listed alias.

    Harmonisation is data, not code: names live in ``entities.csv``; an unknown name is an
    error, never a guess.

    Args:
        name: E.g. ``"hp-zones"``, ``"Khu kinh tế Nghi Sơn"``, ``"KKTNS"`` or ``"Nghi Son EZ"``.
        entities: The entity table; loaded when None.

    Returns:
        The ``entity_id``.

    Raises:
        DataError: If the name matches no entity, listing the valid ids.

    Example:
        >>> resolve_entity("KKTNS")
        'th-kkt-nghison'
    """
    rows = _entity_rows() if entities is None else entities.to_dict("records")
    wanted = _fold(name)
    for row in rows:
        names = [row["entity_id"], row["name_vi"], row["name_en"], *row["aliases"].split("|")]
        if any(_fold(candidate) == wanted for candidate in names if candidate):
            return row["entity_id"]
    valid = valid_values(name, [row["entity_id"] for row in rows])
    raise DataError(
        f"unknown entity {name!r}; valid ids: {valid}", file=reference_dir() / "entities.csv"
    )


def load_entities(path: Path | None = None) -> pd.DataFrame:
    """Load the zones, parks and provinces that facts refer to.

    Args:
        path: The CSV; ``data/reference/entities.csv`` when None.

    Returns:
        One row per entity with ``ENTITY_COLUMNS``; ``aliases`` is a ``|``-separated string;
        ``valid_from``, ``valid_to`` (ISO dates) and ``successor`` are strings, empty when open
        or none.

    Raises:
        DataError: On a duplicate id, an unknown parent or level, text that is not NFC, a
            validity date that is not an ISO date, ``valid_to`` before ``valid_from``, or a
            successor that is unknown, is the entity itself, or starts before the entity ends.
    """
    return _entities(path).copy()


def load_indicators(path: Path | None = None) -> pd.DataFrame:
    """Load the indicator definitions (unit family, desirable direction, labels, what counts).

    Args:
        path: The CSV; ``data/reference/indicators.csv`` when None.

    Returns:
        One row per indicator; ``direction`` is an int, +1 when higher is better.

    Raises:
        DataError: On a duplicate id, an unknown unit family, or a direction other than 1 or -1.
    """
    return _indicators(path).copy()


def load_rates(path: Path | None = None) -> pd.DataFrame:
    """Load the annual VND-per-USD rates used to put VND and USD on one scale.

    Args:
        path: The CSV; ``data/reference/vnd_per_usd.csv`` when None.

    Returns:
        One row per year, ``year`` int and ``vnd_per_usd`` float, with each rate's source.

    Raises:
        DataError: On a duplicate or non-integer year, a rate that is not a positive number,
            or a missing source URL.
    """
    return _rates(path).copy()


def years_needed(facts: pd.DataFrame) -> pd.Series:
    """Return the years whose VND-per-USD rate each fact needs to be put on the USD scale.

    The rule of the USD conversion: a VND flow is converted at the mean of the annual rates
    over every calendar year of its period (a 2021-2025 plan needs 2021, ..., 2025), a VND
    level at the rate of its ``as_of`` year. Facts in a unit with no USD counterpart (see
    ``ezlib.vocabulary.USD_UNITS``), or without a period or as-of date, need no rate.

    Args:
        facts: Facts with ``unit`` and the timestamps ``period_start``, ``period_end`` and
            ``as_of`` (as :func:`ezlib.data.load.load_facts` returns them).

    Returns:
        On the facts' index, a tuple of years per fact, ascending; empty when none is needed.

    Example:
        A VND flow over 2021-01-01..2023-12-31 needs ``(2021, 2022, 2023)``; a VND level as of
        2024-06-30 needs ``(2024,)``; a USD or percent fact needs ``()``.
    """
    import pandas as pd

    as_of = facts["as_of"].dt.year
    first = facts["period_start"].dt.year.fillna(as_of)
    last = facts["period_end"].dt.year.fillna(as_of)
    years = [
        tuple(range(int(start), int(end) + 1))
        if unit in USD_UNITS and pd.notna(start) and pd.notna(end)
        else ()
        for start, end, unit in zip(first, last, facts["unit"].astype(str), strict=True)
    ]
    return pd.Series(years, index=facts.index, name="years_needed", dtype=object)
