"""How far along each target of a zone is, and whether it is on pace: the zone report's table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.methods.assess import assess
from ezlib.progress.pairing import pair_targets


def zone_progress(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Pair and assess every target of a zone.

    Pairing follows :func:`ezlib.progress.pairing.pair_targets`, whose columns are the input of
    :func:`ezlib.methods.assess.assess` (Eurostat, UNSD 2023 and ESCAP categories, pace,
    run-rates, projections, all with bands: docs/methods.md sections 1-3 and 7-8).

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zone: The zone's ``entity_id``.

    Returns:
        One row per target: the pair's columns, ``assess``'s columns, and ``status``:
        ``measured`` or ``no_actual`` (then the results are NaN and ``flags`` is empty).
    """
    pairs = pair_targets(facts, zone).reset_index(drop=True)
    table = pairs.join(assess(pairs))
    measured = pairs["pairing"] != "none"
    table["status"] = np.where(measured, "measured", "no_actual")
    table["flags"] = table["flags"].astype(str).where(measured, "")
    return table
