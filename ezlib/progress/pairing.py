"""Pair each target with the actual that measures it: the evidence behind "how far along?".

A pair is one row of the table that :func:`ezlib.methods.assess.assess` reads: pairing writes
exactly its input columns (:data:`ASSESS_COLUMNS`) beside the ids and quotes of the facts that
went in (:data:`EVIDENCE_COLUMNS`), so a zone's progress is ``pairs.join(assess(pairs))``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.data.facts import FACT_COLUMNS
from ezlib.progress.currency import to_usd

EVIDENCE_COLUMNS = (
    "target_fact_id",
    "target_source",
    "entity_id",
    "indicator",
    "target_measure",
    "target_quote",
    "actual_fact_ids",
    "actual_quote",
    "actual_end",
    "actual_years",
    "pairing",
    "later_fact_ids",
    "later_value",
    "later_end",
)
"""What was paired: the target's id, source, measure (``implied`` for a plan implied by "đạt X%
kế hoạch") and quote; the actuals' ids (a list), quotes and end date; how they were paired; and
for an implied plan, what later reports add (``later_*``)."""

ASSESS_COLUMNS = (
    "target_value",
    "target_value_high",
    "target_qualifier",
    "target_decimals",
    "target_scale",
    "actual_value",
    "actual_qualifier",
    "actual_decimals",
    "actual_scale",
    "target_kind",
    "period_start_year",
    "period_end_year",
    "as_of_year",
    "as_of_month",
    "reported_pct",
    "reported_pct_qualifier",
    "reported_pct_decimals",
    "unit",
    "direction",
)
"""The input columns of :func:`ezlib.methods.assess.assess` that pairing fills. An implied plan
has no ``target_value``: assess derives it, once, from the achieved amount and
``reported_pct``."""

PAIR_COLUMNS = (*EVIDENCE_COLUMNS, *ASSESS_COLUMNS)
"""Every column of :func:`pair_targets`, in order."""


# What pairing reads (the facts' own columns but offsets and notes, and two joined ones):
# keeping only these makes every row filter below cheap.
_USED = [
    *(c for c in FACT_COLUMNS if c not in ("quote_start", "quote_end", "note")),
    "written_decimals",
    "written_scale",
    "direction",
    "source_published_date",
]


def _on_usd_scale(facts: pd.DataFrame) -> pd.DataFrame:
    """Money facts in USD (VND through the rate table), so VND and USD figures pair."""
    out = to_usd(facts)
    money = out["usd_unit"] != ""
    out["reported_value"] = out["value"]
    out["reported_unit"] = out["unit"].astype(str)
    out["unit"] = np.where(money, out["usd_unit"], out["unit"].astype(str))
    out["value"] = np.where(money, out["value_usd"], out["value"])
    out["value_high"] = np.where(money, out["value_high_usd"], out["value_high"])
    out["written_scale"] = np.where(money, out["written_scale_usd"], out["written_scale"])
    return out


def _step(pieces: list[pd.Series]) -> tuple[float, float]:
    """The written precision of a figure made of ``pieces``, as ``(decimals, scale)``.

    One piece keeps the decimals and scale word its source wrote. A sum or difference of
    several is uncertain by the sum of their half-units, so it is given as decimals 0 in a
    scale equal to the sum of the pieces' last-digit steps (``scale * 10**-decimals``).
    """
    if len(pieces) == 1:
        return float(pieces[0]["written_decimals"]), float(pieces[0]["written_scale"])
    steps = [p["written_scale"] * 10.0 ** -p["written_decimals"] for p in pieces]
    return 0.0, float(np.sum(steps))


def _year(ts: pd.Timestamp) -> float:
    return float(ts.year) if pd.notna(ts) else np.nan


def _months(start: pd.Timestamp, end: pd.Timestamp) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _flow_actual(target: pd.Series, actuals: pd.DataFrame) -> tuple[list[pd.Series], str]:
    """The actual flows that together run from the plan start as far as the data goes.

    From the plan start, take the reported flow that starts there and runs longest (e.g.
    2021-2023), then the one starting the day after it ends (2024), and so on; a flow that
    ends before a year's end (the first 11 months) ends the chain.
    """
    start, end = target["period_start"], target["period_end"]
    inside = actuals[
        (actuals["measure"] == "flow")
        & (actuals["unit"] == target["unit"])
        & (actuals["period_start"] >= start)
        & (actuals["period_end"] <= end)
    ]
    chosen: list[pd.Series] = []
    cursor = start
    while True:
        step = inside[inside["period_start"] == cursor]
        if step.empty:
            break
        piece = step.sort_values(["period_end", "fact_id"], ascending=[False, True]).iloc[0]
        chosen.append(piece)
        if not piece["period_end"].is_year_end:
            break
        cursor = piece["period_end"] + pd.Timedelta(days=1)
    if not chosen:
        return [], "none"
    return chosen, "single" if len(chosen) == 1 else "summed"


def _level_actual(target: pd.Series, actuals: pd.DataFrame) -> tuple[list[pd.Series], str]:
    candidates = actuals[
        (actuals["measure"] == "level")
        & (actuals["unit"] == target["unit"])
        & (actuals["as_of"] <= target["as_of"])
    ]
    if candidates.empty:
        return [], "none"
    return [candidates.sort_values(["as_of", "fact_id"]).iloc[-1]], "single"


def _growth_actual(target: pd.Series, actuals: pd.DataFrame) -> tuple[list[pd.Series], str]:
    same = actuals[
        (actuals["measure"] == target["measure"])
        & (actuals["reference"] == target["reference"])
        & (actuals["period_end"] == target["period_end"])
    ]
    if same.empty:
        return [], "none"
    return [same.sort_values("fact_id").iloc[-1]], "single"


COMPONENTS = {"total_investment": ("fdi_capital", "domestic_capital")}
"""Indicators whose flow can be rebuilt from the levels of their parts (FDI + domestic)."""


def _flow_from_levels(target: pd.Series, zone_facts: pd.DataFrame) -> tuple[list[pd.Series], str]:
    """A flow rebuilt as the rise of cumulative levels from the plan start, summed over parts.

    Used only when no flow is reported: e.g. Nghi Sơn reports cumulative registered FDI and
    domestic capital at the start of 2021 and at the end of 2023, and the rise of both is the
    investment attracted in 2021-2023.
    """
    start, end = target["period_start"], target["period_end"]
    chosen: list[pd.Series] = []
    for part in COMPONENTS.get(target["indicator"], ()):
        levels = zone_facts[
            (zone_facts["indicator"] == part)
            & (zone_facts["measure"] == "level")
            & zone_facts["kind"].isin(("actual", "baseline"))
            & (zone_facts["unit"] == target["unit"])
        ]
        base = levels[(levels["as_of"] - start).abs() <= pd.Timedelta(days=31)]
        later = levels[(levels["as_of"] > start + pd.Timedelta(days=31)) & (levels["as_of"] <= end)]
        if base.empty or later.empty:
            return [], "none"
        first = base.sort_values("as_of").iloc[0].copy()
        last = later.sort_values(["as_of", "fact_id"]).iloc[-1].copy()
        last["period_end"] = last["as_of"]
        first["period_end"] = last["as_of"]
        # The rise is later minus first: the first level enters the sum negated.
        first["value"] = -first["value"]
        chosen += [last, first]
    return (chosen, "from_levels") if chosen else ([], "none")


def pair_targets(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Pair every target of a zone with the actual that measures it, if the data has one.

    Money is compared in USD: VND figures are converted with the annual rates
    (:func:`ezlib.progress.currency.to_usd`), so ``target_value`` and ``actual_value`` of money
    indicators are in USD whatever the source wrote.

    Rules, per target (same entity and indicator; actuals of the zone's own entity only, so
    that a park's figure never stands in for the whole zone):

    * a flow over a plan period: the reported flows that run on from the plan start as far as
      the data goes (2021-2023 then 2024), summed when more than one (``pairing=summed``);
    * a level by a date: the latest actual level at or before that date;
    * a growth or multiple: the actual of the same kind for the same period;
    * a flow with no reported actual, whose parts have cumulative levels at the plan start
      and later (``COMPONENTS``): the rise of those levels, summed (``pairing=from_levels``;
      ``actual_fact_ids`` lists each part's later level, then its level at the start).

    Every figure keeps the precision its source wrote (``target_decimals``, ``actual_scale``
    ...; see :func:`_step` for sums), and an implied plan is left to ``assess``.

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zone: The zone's ``entity_id``.

    Returns:
        One row per target with :data:`PAIR_COLUMNS`; ``pairing`` is ``single``, ``summed``,
        ``from_levels`` or ``none`` (a target with no actual yet).
    """
    zone_facts = _on_usd_scale(facts[facts["entity_id"] == zone])[_USED]
    targets = zone_facts[zone_facts["kind"] == "target"]
    actuals = zone_facts[zone_facts["kind"] == "actual"]
    rows = []
    for _, target in targets.iterrows():
        same = actuals[actuals["indicator"] == target["indicator"]]
        if target["measure"] == "flow":
            chosen, pairing = _flow_actual(target, same)
            if pairing == "none":
                chosen, pairing = _flow_from_levels(target, zone_facts)
        elif target["measure"] == "level":
            chosen, pairing = _level_actual(target, same)
        else:
            chosen, pairing = _growth_actual(target, same)
        # A level "by 2025" runs from the year it was set (the source's date) to its date.
        start = target["period_start"]
        for fallback in ("ref_start", "source_published_date"):
            if pd.isna(start):
                start = target[fallback]
        end = target["period_end"] if pd.notna(target["period_end"]) else target["as_of"]
        actual_end = (
            max((a["period_end"] if pd.notna(a["period_end"]) else a["as_of"]) for a in chosen)
            if chosen
            else pd.NaT
        )
        years = np.nan
        if chosen and target["measure"] == "flow":
            years = _months(target["period_start"], actual_end) / 12
        # NOTE: the hedge of a rise of levels is that of its later levels; a hedged first level
        # ("gần 13,45 tỷ USD", Nghi Sơn at the start of 2021) is not carried into the rise.
        hedged = chosen[::2] if pairing == "from_levels" else chosen
        qualifiers = {str(a["qualifier"]) for a in hedged}
        actual_decimals, actual_scale = _step(chosen) if chosen else (np.nan, np.nan)
        rows.append(
            {
                "target_fact_id": target["fact_id"],
                "target_source": target["source_id"],
                "entity_id": zone,
                "indicator": target["indicator"],
                "target_measure": target["measure"],
                "target_quote": target["quote"],
                "actual_fact_ids": [a["fact_id"] for a in chosen],
                "actual_quote": " | ".join(a["quote"] for a in chosen),
                "actual_end": actual_end,
                "actual_years": years,
                "pairing": pairing,
                "later_fact_ids": [],
                "later_value": np.nan,
                "later_end": pd.NaT,
                "target_value": target["value"],
                "target_value_high": target["value_high"],
                "target_qualifier": str(target["qualifier"]),
                "target_decimals": target["written_decimals"],
                "target_scale": target["written_scale"],
                "actual_value": float(sum(a["value"] for a in chosen)) if chosen else np.nan,
                "actual_qualifier": qualifiers.pop()
                if len(qualifiers) == 1
                else ("exact" if not qualifiers else "approx"),
                "actual_decimals": actual_decimals,
                "actual_scale": actual_scale,
                "target_kind": "cumulative" if target["measure"] == "flow" else "level",
                "period_start_year": _year(start),
                "period_end_year": _year(end),
                **_as_of(actual_end),
                "reported_pct": np.nan,
                "reported_pct_qualifier": "exact",
                "reported_pct_decimals": np.nan,
                "unit": str(target["unit"]),
                "direction": float(target["direction"]),
            }
        )
    rows += _implied_rows(zone, zone_facts, targets)
    return pd.DataFrame(rows, columns=list(PAIR_COLUMNS))


def _as_of(end: pd.Timestamp) -> dict[str, float]:
    """The year and month the actual runs to (NaN without one)."""
    if pd.isna(end):
        return {"as_of_year": np.nan, "as_of_month": np.nan}
    return {"as_of_year": float(end.year), "as_of_month": float(end.month)}


def _later(share: pd.Series, zone_facts: pd.DataFrame, achieved: pd.Series) -> dict:
    """What later reports add to an implied plan: the flows that run on past the achieved one."""
    plan = pd.Series(
        {
            "period_start": share["ref_start"],
            "period_end": share["ref_end"],
            "unit": achieved["unit"],
        }
    )
    same = zone_facts[
        (zone_facts["kind"] == "actual") & (zone_facts["indicator"] == share["indicator"])
    ]
    chain, _ = _flow_actual(plan, same)
    if not chain or chain[-1]["period_end"] <= achieved["period_end"]:
        return {"later_fact_ids": [], "later_value": np.nan, "later_end": pd.NaT}
    return {
        "later_fact_ids": [piece["fact_id"] for piece in chain],
        "later_value": float(sum(piece["value"] for piece in chain)),
        "later_end": chain[-1]["period_end"],
    }


def _implied_rows(zone: str, zone_facts: pd.DataFrame, targets: pd.DataFrame) -> list[dict]:
    """Targets that are not stated but implied by "đạt X% kế hoạch" next to an achieved amount.

    Only for plans with no stated target of the same indicator and period, and only when the
    source gives one achieved amount for that period. The plan is not computed here:
    ``target_value`` is NaN and ``reported_pct`` the share, from which ``assess`` derives the
    plan with its band (docs/methods.md section 8).
    """
    rows = []
    shares = zone_facts[
        (zone_facts["kind"] == "actual")
        & (zone_facts["measure"] == "share")
        & (zone_facts["reference"] == "plan")
    ]
    for _, share in shares.iterrows():
        stated = targets[
            (targets["indicator"] == share["indicator"])
            & (targets["period_start"] == share["ref_start"])
            & (targets["period_end"] == share["ref_end"])
        ]
        achieved = zone_facts[
            (zone_facts["kind"] == "actual")
            & (zone_facts["measure"] == "flow")
            & (zone_facts["indicator"] == share["indicator"])
            & (zone_facts["period_start"] == share["period_start"])
            & (zone_facts["period_end"] == share["period_end"])
            & (zone_facts["source_id"] == share["source_id"])
        ]
        # Two different achieved amounts in the same source (e.g. registered FDI and FDI with
        # share purchases) make the share ambiguous: no plan is implied from it.
        if not stated.empty or achieved["value"].nunique() != 1:
            continue
        actual = achieved.iloc[0]
        end = actual["period_end"]
        rows.append(
            {
                "target_fact_id": share["fact_id"],
                "target_source": share["source_id"],
                "entity_id": zone,
                "indicator": share["indicator"],
                "target_measure": "implied",
                "target_quote": share["quote"],
                "actual_fact_ids": [actual["fact_id"]],
                "actual_quote": actual["quote"],
                "actual_end": end,
                "actual_years": _months(share["ref_start"], end) / 12,
                "pairing": "single",
                **_later(share, zone_facts, actual),
                "target_value": np.nan,
                "target_value_high": np.nan,
                "target_qualifier": "exact",
                "target_decimals": np.nan,
                "target_scale": np.nan,
                "actual_value": actual["value"],
                "actual_qualifier": str(actual["qualifier"]),
                "actual_decimals": actual["written_decimals"],
                "actual_scale": actual["written_scale"],
                "target_kind": "cumulative",
                "period_start_year": _year(share["ref_start"]),
                "period_end_year": _year(share["ref_end"]),
                **_as_of(end),
                "reported_pct": share["value"],
                "reported_pct_qualifier": str(share["qualifier"]),
                "reported_pct_decimals": share["written_decimals"],
                "unit": actual["unit"],
                "direction": float(actual["direction"]),
            }
        )
    return rows
