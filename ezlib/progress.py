"""How far along each target is, and whether it is on pace: the zone report's main table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.bands import PERCENT_TOL_PP, Estimate, figure_estimate
from ezlib.categories import escap_progress, eurostat_progress, unsd_progress
from ezlib.indicators import (
    attainment_share,
    elapsed_share,
    implied_target,
    pace_index,
    project_linear,
    required_run_rate,
    to_complete_ratio,
)
from ezlib.pairs import pair_targets


def written_scale(value: np.ndarray) -> np.ndarray:
    """The scale a Vietnamese report most likely wrote a figure in: tỷ, triệu, nghìn or units.

    Used to infer the last written digit (its half-unit is the rounding band) when the quote's
    own digits are not at hand: 10.51e9 -> 1e9 ("10,51 tỷ"), 327.45e6 -> 1e6.
    """
    magnitude = np.abs(np.nan_to_num(value.astype(float)))
    return np.select([magnitude >= 1e9, magnitude >= 1e6], [1e9, 1e6], 1.0)


def _estimate(
    values: pd.Series, qualifiers: pd.Series, highs: pd.Series, *, target: bool, units: pd.Series
) -> Estimate:
    v = values.to_numpy(dtype=float)
    tol = np.where(units.to_numpy() == "percent", PERCENT_TOL_PP, np.nan)
    return figure_estimate(
        v,
        qualifiers.to_numpy(dtype=object),
        highs.to_numpy(dtype=float),
        scale=written_scale(v),
        abs_tol=tol,
        target=target,
    )


def _columns(prefix: str, e: Estimate) -> dict[str, np.ndarray]:
    return {
        f"{prefix}_low": np.asarray(e.low, dtype=float),
        f"{prefix}": np.asarray(e.point, dtype=float),
        f"{prefix}_high": np.asarray(e.high, dtype=float),
    }


def _flags(*estimates: Estimate, size: int) -> list[str]:
    names: list[list[str]] = [[] for _ in range(size)]
    for estimate in estimates:
        for name, mask in estimate.flags.items():
            for i in np.flatnonzero(np.broadcast_to(np.asarray(mask, dtype=bool), (size,))):
                if name not in names[i]:
                    names[i].append(name)
    return [", ".join(n) for n in names]


def assess(pairs: pd.DataFrame) -> pd.DataFrame:
    """Assess paired targets: attainment, elapsed share, pace, run-rates, projection, categories.

    Vectorised over the rows; each value comes as ``x_low``, ``x``, ``x_high`` from the
    qualifier bands of the figures (``ezlib.bands``), so "gần 84%" or "khoảng 15 tỷ USD"
    carry their uncertainty into every result. Methods: attainment A/T; elapsed share k/n
    with years counted inclusively; pace index = attainment / elapsed; required run-rate
    (T - A)/(n - k); to-complete ratio (NDIA TCPI analogue); linear projection at the achieved
    run-rate (Destatis); Eurostat RR, UNSD 2023 P and ESCAP CSI categories with the
    target-achieved override and the borderline rule (``ezlib.categories``). Cumulative flow
    targets are judged on pace; a level target without a baseline gets attainment only.

    Args:
        pairs: As returned by :func:`ezlib.pairs.pair_targets`.

    Returns:
        ``pairs`` with the assessment columns; a target without an actual keeps NaN there and
        ``status = no_actual``; every other NaN comes with its reason in ``flags``.
    """
    out = pairs.reset_index(drop=True).copy()
    n = len(out)
    if n == 0:
        return out.assign(status=pd.Series(dtype=str))
    units = out["unit"]
    actual = _estimate(
        out["actual_value"],
        out["actual_qualifier"],
        out["actual_value"] * np.nan,
        target=False,
        units=units,
    )
    target = _estimate(
        out["target_value"], out["target_qualifier"], out["target_high"], target=True, units=units
    )
    implied = (out["target_measure"] == "implied").to_numpy()
    if implied.any():
        achieved = out["actual_value"].to_numpy(dtype=float)
        from_share = implied_target(
            achieved,
            out["share_pct"].to_numpy(dtype=float),
            pct_qualifier=out["target_qualifier"].to_numpy(dtype=object),
            pct_decimals=0,
            achieved_qualifier=out["actual_qualifier"].to_numpy(dtype=object),
            scale=written_scale(achieved),
        )
        target = Estimate(
            np.where(implied, from_share.low, target.low),
            np.where(implied, from_share.point, target.point),
            np.where(implied, from_share.high, target.high),
            {},
        )
    cumulative = out["target_measure"].isin(["flow", "implied"]).to_numpy()
    start = out["plan_start_year"].to_numpy(dtype=float)
    end = out["plan_end_year"].to_numpy(dtype=float)
    total_years = end - start + 1
    k = np.where(cumulative, out["actual_years"].to_numpy(dtype=float), np.nan)
    left = total_years - k
    direction = out["direction"].to_numpy(dtype=float)
    is_range = (out["target_qualifier"] == "range").to_numpy()

    attainment = attainment_share(actual, target)
    actual_end = pd.to_datetime(out["actual_end"])
    elapsed = elapsed_share(
        start,
        end,
        actual_end.dt.year.to_numpy(dtype=float),
        actual_end.dt.month.to_numpy(dtype=float),
    )
    pace = pace_index(attainment, elapsed)
    required = required_run_rate(target, actual, left, direction=direction)
    to_complete = to_complete_ratio(target, actual, k, left, direction=direction)
    projection = project_linear(actual, k, left)
    eurostat = eurostat_progress(
        actual, target, k, total_years, kind="cumulative", direction=direction, is_range=is_range
    )
    unsd = unsd_progress(
        actual, target, k, total_years, kind="cumulative", direction=direction, is_range=is_range
    )
    escap = escap_progress(actual, target, direction=direction, is_range=is_range)

    columns: dict[str, object] = {}
    for name, estimate in (
        ("target", target),
        ("attainment", attainment),
        ("elapsed", elapsed),
        ("pace", pace),
        ("required_run_rate", required),
        ("to_complete", to_complete),
        ("projection", projection),
    ):
        columns.update(_columns(name + ("_est" if name == "target" else ""), estimate))
    for name, category in (("eurostat", eurostat), ("unsd", unsd), ("escap", escap)):
        columns[name] = np.broadcast_to(np.asarray(category.label, dtype=object), (n,))
        columns[f"{name}_value"] = np.broadcast_to(
            np.asarray(category.value.point, dtype=float), (n,)
        )
        columns[f"{name}_borderline"] = np.broadcast_to(
            np.asarray(category.borderline, dtype=bool), (n,)
        )
    measured = out["pairing"] != "none"
    for column, values in columns.items():
        values = np.asarray(values)
        out[column] = np.where(measured, values, np.nan if values.dtype.kind == "f" else None)
    # Only cumulative flows have a meaningful elapsed share, pace and categories.
    for column in [
        c
        for c in columns
        if c.startswith(
            ("elapsed", "pace", "required", "to_complete", "projection", "eurostat", "unsd")
        )
    ]:
        if out[column].dtype.kind == "f":
            out.loc[~cumulative, column] = np.nan
        else:
            out.loc[~cumulative, column] = None
    flags = np.array(
        _flags(attainment, pace, required, eurostat.value, unsd.value, size=n), dtype=object
    )
    level_flags = np.array(_flags(attainment, size=n), dtype=object)
    out["flags"] = np.where(~measured, "", np.where(cumulative, flags, level_flags))
    out["status"] = np.where(measured, "measured", "no_actual")
    return out


def zone_progress(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Pair and assess every target of a zone (``ezlib.pairs.pair_targets``, then :func:`assess`).

    Args:
        facts: As returned by :func:`ezlib.load.load_facts`.
        zone: The zone's ``entity_id``.

    Returns:
        One row per target, measured or not.
    """
    return assess(pair_targets(facts, zone))
