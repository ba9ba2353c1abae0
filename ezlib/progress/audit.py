"""The data audit: coverage, provenance results, anomalies and conflicts between sources."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.methods.bands import figure_estimate

NOTE_MARKS = r"ANOMALY|AMBIGUOUS|conflict|differs|PROVISIONAL"
"""What in a curator's note marks a fact for the audit's list of anomalies."""


def coverage(facts: pd.DataFrame) -> pd.DataFrame:
    """Count facts by province, indicator and kind (targets, actuals, baselines)."""
    table = (
        facts.groupby(["province", "indicator", "kind"], observed=True)
        .size()
        .unstack("kind", fill_value=0)
        .reset_index()
    )
    table.columns.name = None
    return table


def provenance_summary(facts: pd.DataFrame) -> pd.DataFrame:
    """Summarise the provenance checks that ``load_facts`` passed, per kind of source.

    Loading already stops on any failure, so every row here passed: archived quotes sit at
    their offsets, cited quotes are short, and the extractor reads each quote as its value.
    ``quote_at_offsets`` is None for cited sources, which have no archived text.
    """
    by_kind = facts.groupby("source_kind").agg(
        facts=("fact_id", "size"), sources=("source_id", "nunique")
    )
    by_kind["quote_at_offsets"] = [True if kind == "article" else None for kind in by_kind.index]
    by_kind["extractor_reads_value"] = True
    return by_kind.reset_index()


def anomalies(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts whose notes flag an anomaly, an ambiguity or a conflict, with the note."""
    flagged = facts[facts["note"].str.contains(NOTE_MARKS, case=False, regex=True)]
    return flagged[["fact_id", "value", "note"]].reset_index(drop=True)


CONFLICT_KEYS = (
    "entity_id",
    "indicator",
    "kind",
    "measure",
    "unit",
    "period_start",
    "period_end",
    "as_of",
)
"""What makes two facts "the same figure": same entity, indicator, kind, measure, unit, period."""


def conflicts(facts: pd.DataFrame) -> pd.DataFrame:
    """Pairs of facts from different sources whose figures for the same thing cannot both hold.

    "The same thing": the same :data:`CONFLICT_KEYS`, so one entity's scope (a city-wide
    figure never conflicts with a zone's). Two figures conflict when their bands (rounding,
    hedge, range: :func:`ezlib.methods.bands.figure_estimate`) do not overlap: "trên 3,1" and
    3,13 agree. Both are kept in the data; this lists them with the difference, nothing is
    averaged.

    Returns:
        One row per conflict: ``indicator``, ``entity_id``, ``fact_ids`` (the figure whose band
        ends lowest and the one whose band starts highest), ``low``, ``high`` (their values),
        ``unit``.
    """
    keys = list(CONFLICT_KEYS)
    # Only figures that more than one source gives can conflict: the others are set aside at
    # once, so the loop below sees a few groups, not one per fact.
    sources = facts.groupby(keys, dropna=False, observed=True)["source_id"].transform("nunique")
    rows = []
    for _, group in facts[sources >= 2].groupby(keys, dropna=False, observed=True):
        bands = figure_estimate(
            group["value"].to_numpy(dtype=float),
            group["qualifier"].astype(str).to_numpy(),
            group["value_high"].to_numpy(dtype=float),
            decimals=group["written_decimals"].to_numpy(dtype=float),
            scale=group["written_scale"].to_numpy(dtype=float),
        )
        lowest, highest = int(np.argmin(bands.high)), int(np.argmax(bands.low))
        low, high = group.iloc[lowest], group.iloc[highest]
        if bands.high[lowest] >= bands.low[highest] or low["source_id"] == high["source_id"]:
            continue
        rows.append(
            {
                "indicator": low["indicator"],
                "entity_id": low["entity_id"],
                "fact_ids": [low["fact_id"], high["fact_id"]],
                "low": low["value"],
                "high": high["value"],
                "unit": low["unit"],
            }
        )
    return pd.DataFrame(rows, columns=["indicator", "entity_id", "fact_ids", "low", "high", "unit"])
