"""All zones' targets on one scale: USD per plan year, and whether each can be measured yet."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.progress.zone import progress_by_zone, zone_groups

COMPARISON_COLUMNS = (
    "zone",
    "entity_id",
    "indicator",
    "period_start_year",
    "period_end_year",
    "target_per_year_usd",
    "measured",
    "reached_point",
    "baseline_fact_id",
    "baseline_value",
    "unit",
    "target_fact_id",
    "restated_fact_ids",
)
"""Columns of :func:`compare_zones`."""


def compare_zones(
    facts: pd.DataFrame,
    zones: tuple[str, ...] | None = None,
    *,
    progress: list[pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Put every money target of the zones on one scale: USD per plan year.

    VND targets are converted with the annual rates (:mod:`ezlib.progress.currency`), then
    divided by the number of plan years, so a five-year plan and a one-year plan compare. A
    measured target uses its assessed target (an implied plan included); one with no actual
    yet uses its stated value (an implied plan has none).

    Args:
        facts: The loaded facts.
        zones: The zones' entity ids; every zone of the data when None (:func:`zone_groups`).
        progress: ``progress_by_zone(facts, zones)``, when the caller has it (a page that
            shows it too assesses every zone once).

    Returns:
        One row per target (once, also when a zone's successor is listed too),
        :data:`COMPARISON_COLUMNS`: the zone it is listed under and its own zone or park, the
        target per plan year in USD (NaN for other units),
        whether it is measured, and the share of it reached if so
        (:func:`ezlib.progress.zone.reached_share`: for a level target, of the way from its
        baseline, which it gives with its unit).
    """
    zones = zone_groups(facts) if zones is None else zones
    tables, listed = [], set()
    for zone, table in zip(
        zones, progress_by_zone(facts, zones) if progress is None else progress, strict=True
    ):
        # A zone's progress includes its successor's targets (tb-zones, then hy-zones-2025
        # after the 2025 merger); each target is listed once, by the first zone that has it.
        table = table[~table["target_fact_id"].isin(listed)]
        listed.update(table["target_fact_id"])
        if not table.empty:  # a zone with no target adds no row (nor an empty frame's dtypes)
            tables.append(table.assign(zone=zone))
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame()
    if table.empty:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    years = table["period_end_year"] - table["period_start_year"] + 1
    measured = table["status"] == "measured"
    target = table["target_point"].where(measured, table["target_value"])
    per_year = np.where(table["unit"] == "USD", target / years, np.nan)
    return pd.DataFrame(
        {
            "zone": table["zone"],
            "entity_id": table["entity_id"],
            "indicator": table["indicator"],
            "period_start_year": table["period_start_year"],
            "period_end_year": table["period_end_year"],
            "target_per_year_usd": per_year,
            "measured": measured,
            "reached_point": table["reached_point"].where(measured),
            "baseline_fact_id": table["baseline_fact_id"],
            "baseline_value": table["baseline_value"],
            "unit": table["unit"],
            "target_fact_id": table["target_fact_id"],
            "restated_fact_ids": table["restated_fact_ids"],
        },
        columns=list(COMPARISON_COLUMNS),
    )
