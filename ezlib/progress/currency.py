"""Put VND and USD figures on one scale with the annual VND-per-USD rates of the reference table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.data.reference import load_rates, years_needed
from ezlib.vocabulary import USD_UNITS

_ALREADY_USD = tuple(USD_UNITS.values())


def to_usd(facts: pd.DataFrame, rates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add USD columns to money facts: ``value_usd``, ``value_high_usd``, ``usd_unit``, rates.

    Where the facts carry ``written_scale`` (the loader adds it), ``written_scale_usd`` is the
    scale word's factor in USD, so a converted figure keeps the rounding its source wrote.

    A VND flow is converted at the mean of the annual rates over the years of its period (a
    2021-2025 plan at the 2021-2025 mean), a VND level at the rate of its as-of year. USD
    figures are copied. Other units get NaN. ``usd_rate_provisional`` is True where a year's
    rate is not a full-year published average (see ``data/reference/vnd_per_usd.csv``), and
    ``usd_rate_missing`` where a year has no rate at all.

    Args:
        facts: Facts with ``value``, ``value_high``, ``unit`` and period or as-of dates.
        rates: The rate table; ``load_rates()`` when None.

    Returns:
        A copy of ``facts`` with the new columns.

    Example:
        30.615 tỷ đồng in 2021 is 30615e9 / 23159.78, about 1.32 bn USD.
    """
    rates = load_rates() if rates is None else rates
    of_year = dict(zip(rates["year"], rates["vnd_per_usd"], strict=True))
    partial = set(rates.loc[rates["full_year"] != "yes", "year"])
    out = facts.copy()
    unit = out["unit"].astype(str).to_numpy()
    rate = np.full(len(out), np.nan)
    provisional = np.zeros(len(out), dtype=bool)
    missing = np.zeros(len(out), dtype=bool)
    for i, years in enumerate(years_needed(out)):
        if not years:
            continue
        if not all(y in of_year for y in years):
            missing[i] = True
            continue
        rate[i] = np.mean(np.array([of_year[y] for y in years], dtype=float))
        provisional[i] = any(y in partial for y in years)
    is_usd = np.isin(unit, _ALREADY_USD)
    divisor = np.where(is_usd, 1.0, rate)
    out["value_usd"] = out["value"].to_numpy(dtype=float) / divisor
    out["value_high_usd"] = out["value_high"].to_numpy(dtype=float) / divisor
    if "written_scale" in out:
        # The rounding of a converted figure is converted with it: "30.615 tỷ đồng" is written
        # to the tỷ, so its half-unit is 0.5 tỷ VND, about 21,600 USD (docs/methods.md section 12).
        out["written_scale_usd"] = out["written_scale"].to_numpy(dtype=float) / divisor
    out["usd_unit"] = [
        USD_UNITS.get(u, u) if (u in USD_UNITS or u in _ALREADY_USD) else "" for u in unit
    ]
    out["usd_rate"] = rate
    out["usd_rate_provisional"] = provisional
    out["usd_rate_missing"] = missing
    return out
