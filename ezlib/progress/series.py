"""A zone's figures over time: the data of the zone page's time-series charts.

Its annual results against its annual plans, and its multi-year plans' readings against their
on-pace paths.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.methods.bands import value_band
from ezlib.progress.currency import to_usd
from ezlib.progress.pairing import zone_entities

SERIES_COLUMNS = (
    "entity_id",
    "indicator",
    "kind",
    "year",
    "unit",
    "low",
    "point",
    "high",
    "qualifier",
    "written_value",
    "written_value_high",
    "written_unit",
    "fact_id",
    "published",
    "caveats",
)
"""The columns of :func:`annual_series`: ``low``, ``point`` and ``high`` on one scale (USD for
money), ``written_*`` the figure in its source's own unit (VND as written)."""

PATH_COLUMNS = (
    "target_fact_id",
    "indicator",
    "period_start_year",
    "period_end_year",
    "unit",
    "point_kind",
    "date",
    "low",
    "point",
    "high",
    "fact_ids",
)
"""The columns of :func:`plan_paths`: ``point_kind`` is ``start``, ``reading`` or ``target``."""


def calendar_years(facts: pd.DataFrame) -> pd.DataFrame:
    """Return the facts whose period is one whole calendar year (1 January to 31 December).

    A part-year result ("7 tháng đầu năm") is not a year's result, so it is left out.
    """
    start, end = facts["period_start"], facts["period_end"]
    whole = (
        (start.dt.month == 1)
        & (start.dt.day == 1)
        & (end.dt.month == 12)
        & (end.dt.day == 31)
        & (start.dt.year == end.dt.year)
    )
    return facts[whole.fillna(False).astype(bool)]


def annual_series(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Return every one-year result and one-year plan of a zone's flows, with its band.

    Money is in USD (VND at the year's rate, :func:`ezlib.progress.currency.to_usd`), so the
    years of one indicator share an axis; the band is the one the source's wording allows
    (docs/methods.md section 7). A year reported by several sources has a row per source.

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zone: The zone's ``entity_id``: its own facts, its parts' and its successors'.

    Returns:
        :data:`SERIES_COLUMNS`, one row per fact, sorted by indicator, year and kind.
    """
    mine = facts[
        facts["entity_id"].isin(zone_entities(zone))
        & (facts["measure"] == "flow")
        & facts["kind"].isin(["actual", "target"])
    ]
    years = calendar_years(mine)
    if years.empty:
        return pd.DataFrame(columns=list(SERIES_COLUMNS))
    usd = to_usd(years)
    money = usd["usd_unit"] != ""
    value = np.where(money, usd["value_usd"], usd["value"])
    value_high = np.where(money, usd["value_high_usd"], usd["value_high"])
    scale = np.where(money, usd["written_scale_usd"], usd["written_scale"])
    qualifier = usd["qualifier"].astype(str).to_numpy()
    decimals = usd["written_decimals"].to_numpy(dtype=float)
    # A result's band is what its wording allows; a plan's is the decision itself (its
    # range, or its floor), as the assessment reads it.
    low, high = np.full(len(usd), np.nan), np.full(len(usd), np.nan)
    for is_target in (False, True):
        rows = (usd["kind"] == "target").to_numpy() == is_target
        if rows.any():
            low[rows], high[rows] = value_band(
                value[rows],
                qualifier[rows],
                value_high[rows],
                decimals=decimals[rows],
                scale=scale[rows].astype(float),
                target=is_target,
            )
    out = pd.DataFrame(
        {
            "entity_id": usd["entity_id"].astype(str).to_numpy(),
            "indicator": usd["indicator"].astype(str).to_numpy(),
            "kind": usd["kind"].astype(str).to_numpy(),
            "year": usd["period_start"].dt.year.to_numpy(dtype=int),
            "unit": np.where(money, usd["usd_unit"], usd["unit"].astype(str)),
            "low": low,
            "point": value.astype(float),
            "high": high,
            "qualifier": qualifier,
            "written_value": usd["value"].to_numpy(dtype=float),
            "written_value_high": usd["value_high"].to_numpy(dtype=float),
            "written_unit": usd["unit"].astype(str).to_numpy(),
            "fact_id": usd["fact_id"].astype(str).to_numpy(),
            "published": usd["source_published_date"].to_numpy(),
            "caveats": usd["caveats"].to_numpy(),
        }
    )
    # A range's point is its midpoint (docs/methods.md section 7).
    ranged = out["qualifier"] == "range"
    out.loc[ranged, "point"] = (out.loc[ranged, "low"] + out.loc[ranged, "high"]) / 2
    return out.sort_values(["indicator", "year", "kind", "fact_id"], ignore_index=True)


def plan_paths(history: pd.DataFrame) -> pd.DataFrame:
    """Return each measured multi-year plan's readings with the path that would meet it on time.

    The path runs in a straight line from the start of the plan period (0 for a total over the
    period, the baseline for a level target with one) to the target at the period's end: the
    linear pace of docs/methods.md section 8.2. A level target without a baseline has no start.

    Args:
        history: Every reading of a zone's targets (:func:`ezlib.progress.zone.zone_history`).

    Returns:
        :data:`PATH_COLUMNS`: per plan, its ``start`` (if any), its readings in date order,
        and its ``target``; amounts in the assessment's unit (USD for money).
    """
    rows: list[dict[str, object]] = []
    measured = history[(history["status"] == "measured") & (history["years_total"] > 1)]
    for target_id, readings in measured.groupby("target_fact_id", sort=False):
        readings = readings.sort_values("actual_end")
        latest = readings.iloc[-1]
        start_year, end_year = int(latest["period_start_year"]), int(latest["period_end_year"])
        common = {
            "target_fact_id": target_id,
            "indicator": latest["indicator"],
            "period_start_year": start_year,
            "period_end_year": end_year,
            "unit": latest["unit"],
        }
        start = _path_start(latest)
        if start is not None:
            rows.append(
                {
                    **common,
                    "point_kind": "start",
                    "date": pd.Timestamp(start_year, 1, 1),
                    "low": start,
                    "point": start,
                    "high": start,
                    "fact_ids": [latest["baseline_fact_id"]]
                    if isinstance(latest["baseline_fact_id"], str)
                    else [],
                }
            )
        for _, reading in readings.iterrows():
            rows.append(
                {
                    **common,
                    "point_kind": "reading",
                    "date": pd.Timestamp(reading["actual_end"]),
                    "low": reading["actual_low"],
                    "point": reading["actual_point"],
                    "high": reading["actual_high"],
                    "fact_ids": list(reading["actual_fact_ids"]),
                }
            )
        rows.append(
            {
                **common,
                "point_kind": "target",
                "date": pd.Timestamp(end_year, 12, 31),
                "low": latest["target_low"],
                "point": latest["target_point"],
                "high": latest["target_high"],
                "fact_ids": [target_id],
            }
        )
    return pd.DataFrame(rows, columns=list(PATH_COLUMNS))


def _path_start(target: pd.Series) -> float | None:
    """Where a plan's on-pace path starts: 0 for a total, the baseline of a level target."""
    if target["target_kind"] == "level":
        baseline = target["baseline_value"]
        return float(baseline) if pd.notna(baseline) else None
    return 0.0
