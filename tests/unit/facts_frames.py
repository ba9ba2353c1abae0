"""Small facts frames written inline, typed as ezlib.data.load.load_facts returns them.

``facts_frame`` takes a few dicts with only the fields a test is about and fills the rest: a row
reads like a line of data/facts.csv. Shorthands: ``period="2021-2023"`` (1 January of the first
year to 31 December of the last), ``ref="2021-2025"`` (the same for ref_start/ref_end), dates as
ISO strings. ``written_decimals`` and ``written_scale`` are derived from the value as a
Vietnamese source writes money (in tỷ, triệu or nghìn) unless given.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ezlib.data.facts import DATE_COLUMNS, FACT_COLUMNS
from ezlib.data.provenance import WRITTEN_COLUMNS
from ezlib.vocabulary import FACT_VOCABULARIES

ZONE = "zone-a"
"""The entity every row belongs to unless it says otherwise."""

PUBLISHED = "2024-05-10"
"""The default publication date of a row's source."""

JOINED_COLUMNS = ("caveats", "direction", "source_published_date")
"""The joined columns the progress functions read, besides the facts' own and written ones."""

_DEFAULTS: dict[str, object] = {
    "source_id": "src-a",
    "entity_id": ZONE,
    "indicator": "fdi_capital",
    "kind": "actual",
    "measure": "flow",
    "reference": "",
    "value_high": np.nan,
    "unit": "USD",
    "qualifier": "exact",
    "note": "",
    "direction": 1,
    "source_published_date": PUBLISHED,
}
_SCALE_WORDS = {1e9: "tỷ", 1e6: "triệu", 1e3: "nghìn"}


def written_precision(value: float, unit: str) -> tuple[float, float]:
    """Return ``(decimals, scale)`` as a source writes ``value``: 10.51e9 USD is (2, 1e9)."""
    scale = 1.0
    if unit in ("USD", "VND"):
        scale = next((s for s in _SCALE_WORDS if abs(value) >= s), 1.0)
    shown = value / scale
    decimals = next(d for d in range(10) if math.isclose(round(shown, d), shown, rel_tol=1e-12))
    return float(decimals), scale


def _years(text: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    first, _, last = text.partition("-")
    return pd.Timestamp(f"{first}-01-01"), pd.Timestamp(f"{last or first}-12-31")


def facts_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Return the facts of ``rows`` with every column the progress functions read, typed.

    Args:
        rows: One dict per fact, with at least ``fact_id`` and ``value``.

    Returns:
        The fact columns (kind, measure, reference, unit and qualifier as the loader's
        categoricals, dates as timestamps), the written columns, ``direction`` and
        ``source_published_date``, on a RangeIndex.
    """
    records = []
    for row in rows:
        record = {**_DEFAULTS, **row}
        for short, (start, end) in {
            "period": ("period_start", "period_end"),
            "ref": ("ref_start", "ref_end"),
        }.items():
            if short in record:
                record[start], record[end] = _years(str(record.pop(short)))
        record.setdefault("quote", f"the quote of {record['fact_id']}")
        record.setdefault("quote_start", pd.NA)
        record.setdefault("quote_end", pd.NA)
        decimals, scale = written_precision(float(record["value"]), str(record["unit"]))
        record.setdefault("written_decimals", decimals)
        record.setdefault("written_scale", scale)
        record.setdefault("written_qualifier", record["qualifier"])
        record.setdefault("written", "")
        record.setdefault("caveats", ())
        records.append(record)
    columns = [*FACT_COLUMNS, *WRITTEN_COLUMNS, *JOINED_COLUMNS]
    unknown = {key for record in records for key in record} - set(columns)
    assert not unknown, f"facts_frame does not know the column(s) {sorted(unknown)}"
    frame = pd.DataFrame.from_records(records, columns=columns)
    for column in (*DATE_COLUMNS, "source_published_date"):
        frame[column] = pd.to_datetime(frame[column])
    for column in ("value", "value_high", "written_decimals", "written_scale"):
        frame[column] = frame[column].astype(float)
    for column in ("quote_start", "quote_end"):
        frame[column] = frame[column].astype("Int64")
    frame["direction"] = frame["direction"].astype("int64")
    for column, categories in FACT_VOCABULARIES.items():
        frame[column] = frame[column].astype(pd.CategoricalDtype(categories))
    return frame


def rates_frame(rates: dict[int, float], provisional: tuple[int, ...] = ()) -> pd.DataFrame:
    """Return a VND-per-USD rate table like ``ezlib.data.reference.load_rates``'s.

    Args:
        rates: The rate of each year.
        provisional: The years whose rate is not a full-year average (``full_year`` "no").
    """
    return pd.DataFrame(
        {
            "year": list(rates),
            "vnd_per_usd": [float(r) for r in rates.values()],
            "full_year": ["no" if year in provisional else "yes" for year in rates],
        }
    )


RATES = rates_frame(
    {2021: 23_000, 2022: 23_500, 2023: 24_000, 2024: 24_500, 2025: 25_000},
    provisional=(2024, 2025),
)
"""Round rates for tests: 2021-2023 average 23,500 and 2021-2025 average 24,000 VND per USD."""
