"""The consistency checks a zone's reported figures allow: parts and wholes, multiples, stocks."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.methods.bands import figure_estimate
from ezlib.methods.checks import (
    check_cumulative_monotone,
    check_multiple,
    check_parts_sum,
    check_pct_of_plan,
    check_share_statement,
    check_units,
    implied_bases,
)

CUMULATIVE_LEVELS = (
    "fdi_capital",
    "domestic_capital",
    "fdi_projects",
    "domestic_projects",
    "projects",
)
"""Indicators whose levels are cumulative stocks: they can only rise."""

CHECK_COLUMNS = (
    "check",
    "fact_ids",
    "status",
    "discrepancy",
    "tolerance",
    "note",
    "unit",
    "details",
)
"""Columns of :func:`consistency_checks`: ``status`` is ok, warn, fail or ``base_not_reported``
(a multiple whose base is not in the data: ``details`` holds the base each reading implies)."""


def _row(check: str, ids: list[str], result, unit: str = "") -> dict[str, object]:
    return {
        "check": check,
        "fact_ids": ids,
        "status": result.status,
        "discrepancy": result.discrepancy,
        "tolerance": result.tolerance,
        "note": result.message,
        "unit": unit,
        "details": dict(result.details),
    }


def consistency_checks(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Run every consistency check the zone's reported figures allow.

    Checks (:mod:`ezlib.methods.checks`, docs/methods.md section 9): parts sum to the whole
    (FDI + domestic = total, per source and period); each "m lần" multiple under both
    readings, with the base each implies when the base is not reported; a share of the plan
    ("đạt 242% kế hoạch") against a plan stated elsewhere; a change of a percentage (45,5% in
    2020 to 60,6% in 2023) in points and relative terms; cumulative levels never falling;
    money magnitudes plausible.

    Args:
        facts: The loaded facts.
        zone: The entity id (a zone, or any entity of the data).

    Returns:
        One row per check, :data:`CHECK_COLUMNS`.
    """
    mine = facts[facts["entity_id"] == zone]
    rows = []
    flows = mine[(mine["kind"] == "actual") & (mine["measure"] == "flow")]
    for (_source, _start, _end), group in flows.groupby(
        ["source_id", "period_start", "period_end"]
    ):
        wanted = ("fdi_capital", "domestic_capital", "total_investment")
        by = group[group["indicator"].isin(wanted)].set_index("indicator")
        # Two figures of one part in one source and period (registered FDI, and FDI with share
        # purchases) leave it open which one the total sums: no check then.
        single = by.index.is_unique and len(by) == len(wanted)
        if single and by["unit"].astype(str).nunique() == 1:
            pieces = [by.loc[w] for w in wanted]
            scale = float(pieces[-1]["written_scale"])
            # Each figure's written decimals, counted in the whole's scale word.
            decimals = [
                p["written_decimals"] + np.log10(scale / p["written_scale"]) for p in pieces
            ]
            result = check_parts_sum(
                [p["value"] for p in pieces[:2]],
                pieces[-1]["value"],
                decimals=decimals[:2],
                whole_decimals=decimals[-1],
                scale=scale,
            )
            ids = [by.loc[w, "fact_id"] for w in wanted]
            rows.append(_row("FDI + DDI = total", ids, result, str(pieces[-1]["unit"])))
    for _, multiple in mine[
        (mine["measure"] == "multiple") & (mine["reference"] == "period")
    ].iterrows():
        new = flows[
            (flows["indicator"] == multiple["indicator"])
            & (flows["period_start"] == multiple["period_start"])
            & (flows["period_end"] == multiple["period_end"])
            & (flows["source_id"] == multiple["source_id"])
        ]
        base = mine[
            (mine["indicator"] == multiple["indicator"])
            & (mine["measure"] == "flow")
            & (mine["kind"] != "target")
            & (mine["period_start"] == multiple["ref_start"])
            & (mine["period_end"] == multiple["ref_end"])
        ]
        if new.empty:
            continue
        amount = new.iloc[0]
        base = base[base["unit"] == amount["unit"]]
        label = f"{multiple['quote']}"
        if base.empty:
            bases = implied_bases(
                amount["value"], multiple["value"], qualifier=str(multiple["qualifier"])
            )
            rows.append(
                {
                    "check": label,
                    "fact_ids": [amount["fact_id"], multiple["fact_id"]],
                    "status": "base_not_reported",
                    "discrepancy": float("nan"),
                    "tolerance": float("nan"),
                    "note": "",
                    "unit": str(amount["unit"]),
                    "details": {
                        **bases,
                        "multiple": float(multiple["value"]),
                        "ref_start_year": multiple["ref_start"].year,
                        "ref_end_year": multiple["ref_end"].year,
                    },
                }
            )
        else:
            result = check_multiple(
                amount["value"],
                base.iloc[0]["value"],
                multiple["value"],
                qualifier=str(multiple["qualifier"]),
            )
            ids = [amount["fact_id"], base.iloc[0]["fact_id"], multiple["fact_id"]]
            rows.append(_row(label, ids, result))
    rows += _plan_shares(mine, flows)
    rows += _share_changes(mine)
    levels = mine[
        (mine["measure"] == "level")
        & (mine["kind"] != "target")
        & mine["indicator"].isin(CUMULATIVE_LEVELS)
    ]
    for (indicator, unit), group in levels.groupby(["indicator", "unit"], observed=True):
        if len(group) < 2:
            continue
        ordered = group.sort_values(["as_of", "fact_id"])
        ids = ordered["fact_id"].tolist()
        result = check_cumulative_monotone(ordered["value"].tolist(), labels=ids)
        rows.append(_row(f"{indicator} ({unit}) never falls", ids, result, str(unit)))
    money = mine[mine["unit"].isin(["USD", "VND"]) & mine["measure"].isin(["flow", "level"])]
    for _, fact in money.iterrows():
        result = check_units(fact["value"], fact["unit"])
        if result.status != "ok":
            check = f"{fact['indicator']} magnitude"
            rows.append(_row(check, [fact["fact_id"]], result, str(fact["unit"])))
    return pd.DataFrame(rows, columns=list(CHECK_COLUMNS))


def _estimate(fact: pd.Series):
    """A fact's figure as an estimate, with the rounding and hedge its source wrote."""
    return figure_estimate(
        fact["value"],
        str(fact["qualifier"]),
        fact["value_high"],
        decimals=fact["written_decimals"],
        scale=fact["written_scale"],
    )


def _plan_shares(mine: pd.DataFrame, flows: pd.DataFrame) -> list[dict[str, object]]:
    """Check each "đạt X% kế hoạch" beside its achieved amount against a plan stated elsewhere."""
    rows = []
    shares = mine[(mine["kind"] == "actual") & (mine["measure"] == "share")]
    plans = mine[(mine["kind"] == "target") & (mine["measure"] == "flow")]
    for _, share in shares[shares["reference"] == "plan"].iterrows():
        achieved = flows[
            (flows["indicator"] == share["indicator"])
            & (flows["source_id"] == share["source_id"])
            & (flows["period_start"] == share["period_start"])
            & (flows["period_end"] == share["period_end"])
        ]
        if achieved["value"].nunique() != 1:
            continue  # none, or two different amounts: the share is ambiguous
        amount = achieved.iloc[0]
        stated = plans[
            (plans["indicator"] == share["indicator"])
            & (plans["unit"] == amount["unit"])
            & (plans["period_start"] == share["ref_start"])
            & (plans["period_end"] == share["ref_end"])
        ]
        for _, plan in stated.iterrows():
            result = check_pct_of_plan(
                _estimate(amount),
                float(share["value"]),
                _estimate(plan),
                pct_qualifier=str(share["qualifier"]),
                pct_decimals=share["written_decimals"],
            )
            ids = [amount["fact_id"], share["fact_id"], plan["fact_id"]]
            rows.append(_row(share["quote"], ids, result, str(amount["unit"])))
    return rows


def _share_changes(mine: pd.DataFrame) -> list[dict[str, object]]:
    """A percentage's change from its baseline to its latest level, in points and relative."""
    rows = []
    levels = mine[(mine["measure"] == "level") & (mine["unit"] == "percent")]
    for _, group in levels.groupby("indicator", observed=True):
        base = group[group["kind"] == "baseline"].sort_values("as_of")
        later = group[group["kind"] == "actual"].sort_values("as_of")
        if base.empty or later.empty or later.iloc[-1]["as_of"] <= base.iloc[0]["as_of"]:
            continue
        before, after = base.iloc[0], later.iloc[-1]
        result = check_share_statement(
            float(before["value"]),
            float(after["value"]),
            decimals=int(max(before["written_decimals"], after["written_decimals"])),
        )
        check = f"{before['indicator']}: {before['as_of'].year} → {after['as_of'].year}"
        rows.append(_row(check, [before["fact_id"], after["fact_id"]], result, "percent"))
    return rows


def all_consistency_checks(facts: pd.DataFrame) -> pd.DataFrame:
    """Run :func:`consistency_checks` for every entity of the data (the data audit's checks).

    Returns:
        The checks of every entity, one after another, with ``entity_id`` first.
    """
    frames = [
        consistency_checks(facts, entity).assign(entity_id=entity)
        for entity in facts["entity_id"].drop_duplicates()
    ]
    table = pd.concat([f for f in frames if not f.empty], ignore_index=True) if frames else None
    if table is None or table.empty:
        return pd.DataFrame(columns=["entity_id", *CHECK_COLUMNS])
    return table[["entity_id", *CHECK_COLUMNS]]
