"""How far along each target of a zone is, and whether it is on pace: the zone report's table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.assess import assess
from ezlib.pairs import pair_targets


def written_scale(value: np.ndarray) -> np.ndarray:
    """The scale a Vietnamese report most likely wrote a figure in: tỷ, triệu or units.

    Used to infer the last written digit (its half-unit is the rounding band) when the quote's
    own digits are not at hand: 10.51e9 -> 1e9 ("10,51 tỷ"), 327.45e6 -> 1e6.
    """
    magnitude = np.abs(np.nan_to_num(np.asarray(value, dtype=float)))
    return np.select([magnitude >= 1e9, magnitude >= 1e6], [1e9, 1e6], 1.0)


def assessment_input(pairs: pd.DataFrame) -> pd.DataFrame:
    """Map paired targets (``ezlib.pairs``) to the input columns of :func:`ezlib.assess.assess`.

    Flows over a plan and implied plans are cumulative targets; levels, growths and multiples
    are level targets. An implied plan has no ``target_value``: ``assess`` derives it from the
    achieved amount and the reported share ("đạt gần 84% kế hoạch").
    """
    implied = pairs["target_measure"] == "implied"
    actual_end = pd.to_datetime(pairs["actual_end"])
    return pd.DataFrame(
        {
            "target_value": pairs["target_value"].where(~implied),
            "target_value_high": pairs["target_value_high"],
            "target_qualifier": pairs["target_qualifier"].where(~implied, "exact"),
            "target_scale": written_scale(pairs["target_value"]),
            "actual_value": pairs["actual_value"],
            "actual_qualifier": pairs["actual_qualifier"],
            "actual_scale": written_scale(pairs["actual_value"]),
            "target_kind": np.where(
                pairs["target_measure"].isin(["flow", "implied"]), "cumulative", "level"
            ),
            "period_start_year": pairs["plan_start_year"],
            "period_end_year": pairs["plan_end_year"],
            "as_of_year": actual_end.dt.year.astype(float),
            "as_of_month": actual_end.dt.month.astype(float),
            "reported_pct": pairs["share_pct"],
            "reported_pct_qualifier": pairs["target_qualifier"].where(implied, "exact"),
            "reported_pct_decimals": np.where(implied, 0.0, np.nan),
            "unit": pairs["unit"],
            "direction": pairs["direction"].astype(float),
        },
        index=pairs.index,
    )


def zone_progress(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Pair and assess every target of a zone.

    Pairing follows :func:`ezlib.pairs.pair_targets`; the maths is :func:`ezlib.assess.assess`
    (Eurostat, UNSD 2023 and ESCAP categories, pace, run-rates, projections, all with bands).

    Args:
        facts: As returned by :func:`ezlib.load.load_facts`.
        zone: The zone's ``entity_id``.

    Returns:
        One row per target: the pair's columns, ``assess``'s columns, and ``status``:
        ``measured`` or ``no_actual`` (then the results are NaN and ``flags`` is empty).
    """
    pairs = pair_targets(facts, zone).reset_index(drop=True)
    table = pairs.join(assess(assessment_input(pairs)))
    measured = pairs["pairing"] != "none"
    table["status"] = np.where(measured, "measured", "no_actual")
    table["flags"] = table["flags"].astype(str).where(measured, "")
    return table
