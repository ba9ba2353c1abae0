"""The consistency checks a zone's reported figures allow: parts and wholes, multiples, stocks."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pandas as pd

from ezlib.methods.bands import figure_estimate
from ezlib.methods.checks import (
    check_cumulative_monotone,
    check_multiple,
    check_parts_sum,
    check_pct_of_plan,
    check_share_statement,
    check_total,
    check_units,
    implied_bases,
)
from ezlib.methods.indicators import implied_target

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
    "explanation",
)
"""Columns of :func:`consistency_checks`: ``status`` is ok, warn, fail, ``base_not_reported``
(a multiple whose base is not in the data: ``details`` holds the base each reading implies) or
``incomplete`` (annual plans that do not cover the whole plan period: ``details`` names the
years missing); ``explanation`` quotes what the curator's notes say of the figures'
definitions, when they differ."""

DEFINITION_WORDS = re.compile(
    r"share purchase|góp vốn|mua cổ phần|capital contribution|registered|disburs|giải ngân|"
    r"thực hiện|new \+ add|scope|city-wide|city's|zones only",
    re.IGNORECASE,
)
"""What in a note says how a figure is defined (what it includes, which scope)."""

MAX_COMBINATIONS = 8
"""At most this many ways of adding up annual figures when a year has several sources."""


def _row(
    check: str, ids: list[str], result, unit: str = "", explanation: str = ""
) -> dict[str, object]:
    return {
        "check": check,
        "fact_ids": ids,
        "status": result.status,
        "discrepancy": result.discrepancy,
        "tolerance": result.tolerance,
        "note": result.message,
        "unit": unit,
        "details": dict(result.details),
        "explanation": explanation,
    }


def _explanation(facts: list[pd.Series]) -> str:
    """The notes of the figures that say how each is defined, each with its fact id."""
    return " ".join(
        f"{fact['fact_id']}: {fact['note']}"
        for fact in facts
        if isinstance(fact.get("note"), str) and DEFINITION_WORDS.search(fact["note"])
    )


def _whole_years(facts: pd.DataFrame) -> pd.DataFrame:
    start, end = facts["period_start"], facts["period_end"]
    whole = (start.dt.month == 1) & (start.dt.day == 1) & (end.dt.month == 12) & (end.dt.day == 31)
    return facts[whole]


def _annual(flows: pd.DataFrame, years: range) -> list[list[pd.Series]] | None:
    """For each year, the one-year flows reported for it; None if a year has none."""
    single = flows[flows["period_start"].dt.year == flows["period_end"].dt.year]
    per_year = []
    for year in years:
        found = single[single["period_start"].dt.year == year]
        if found.empty:
            return None
        per_year.append([row for _, row in found.sort_values("fact_id").iterrows()])
    return per_year


def _annual_against_totals(mine: pd.DataFrame) -> list[dict[str, object]]:
    """Annual results against a reported multi-year total (2021 + 2022 + 2023 = 2021-2023)."""
    rows = []
    flows = _whole_years(mine[(mine["kind"] == "actual") & (mine["measure"] == "flow")])
    for _, whole in flows.iterrows():
        years = range(whole["period_start"].year, whole["period_end"].year + 1)
        if len(years) < 2:
            continue
        same = flows[(flows["indicator"] == whole["indicator"]) & (flows["unit"] == whole["unit"])]
        per_year = _annual(same, years)
        if per_year is None:
            continue
        for parts in itertools.islice(itertools.product(*per_year), MAX_COMBINATIONS):
            result = check_total([_estimate(p) for p in parts], _estimate(whole))
            ids = [p["fact_id"] for p in parts] + [whole["fact_id"]]
            check = f"{whole['indicator']}: {years[0]} + … + {years[-1]} = {years[0]}–{years[-1]}"
            explanation = _explanation([*parts, whole])
            rows.append(_row(check, ids, result, str(whole["unit"]), explanation))
    return rows


def _plans(mine: pd.DataFrame) -> list[tuple[pd.Series, object]]:
    """Every multi-year plan of the facts: stated, or implied by a share of it; as estimates."""
    plans = []
    targets = mine[(mine["kind"] == "target") & (mine["measure"] == "flow")]
    for _, plan in targets.iterrows():
        if plan["period_end"].year > plan["period_start"].year:
            plans.append((plan, _estimate(plan, target=True)))
    shares = mine[
        (mine["kind"] == "actual") & (mine["measure"] == "share") & (mine["reference"] == "plan")
    ]
    flows = mine[(mine["kind"] == "actual") & (mine["measure"] == "flow")]
    for _, share in shares.iterrows():
        if share["ref_end"].year == share["ref_start"].year:
            continue
        achieved = flows[
            (flows["indicator"] == share["indicator"])
            & (flows["source_id"] == share["source_id"])
            & (flows["period_start"] == share["period_start"])
            & (flows["period_end"] == share["period_end"])
        ]
        if achieved["value"].nunique() != 1:
            continue
        amount = achieved.iloc[0]
        implied = implied_target(
            _estimate(amount),
            float(share["value"]),
            pct_qualifier=str(share["qualifier"]),
            pct_decimals=share["written_decimals"],
        )
        plan = share.copy()
        plan["period_start"], plan["period_end"] = share["ref_start"], share["ref_end"]
        plan["unit"] = amount["unit"]
        plans.append((plan, implied))
    return plans


def _annual_plans_against_plans(mine: pd.DataFrame) -> list[dict[str, object]]:
    """Annual plans against the multi-year plan they make up (2021 + … + 2025 = 2021-2025)."""
    rows = []
    targets = _whole_years(mine[(mine["kind"] == "target") & (mine["measure"] == "flow")])
    for plan, whole in _plans(mine):
        years = range(plan["period_start"].year, plan["period_end"].year + 1)
        annual = targets[
            (targets["indicator"] == plan["indicator"])
            & (targets["unit"] == plan["unit"])
            & (targets["period_start"].dt.year == targets["period_end"].dt.year)
            & targets["period_start"].dt.year.isin(years)
        ]
        if annual.empty:
            continue
        check = f"{plan['indicator']}: {years[0]} + … + {years[-1]} plans = {years[0]}–{years[-1]}"
        found = sorted(set(annual["period_start"].dt.year))
        missing = [y for y in years if y not in found]
        if missing:
            # One plan per year (the first by id where sources differ: the rows are each kept
            # and compared in the audit's conflicts).
            known = [row for _, row in annual.sort_values("fact_id").iterrows()]
            by_year = {row["period_start"].year: row for row in reversed(known)}
            parts = [_estimate(by_year[y], target=True) for y in found]
            total = parts[0]
            for part in parts[1:]:
                total = total + part
            ids = [by_year[y]["fact_id"] for y in found] + [plan["fact_id"]]
            rows.append(
                {
                    "check": check,
                    "fact_ids": ids,
                    "status": "incomplete",
                    "discrepancy": float("nan"),
                    "tolerance": float("nan"),
                    "note": "",
                    "unit": str(plan["unit"]),
                    "details": {
                        "years_found": found,
                        "years_missing": missing,
                        "sum": total,
                        "whole": whole,
                        "left": whole - total,
                    },
                    "explanation": _explanation([*(by_year[y] for y in found), plan]),
                }
            )
            continue
        per_year = _annual(annual, years) or []
        for parts in itertools.islice(itertools.product(*per_year), MAX_COMBINATIONS):
            result = check_total([_estimate(p, target=True) for p in parts], whole)
            ids = [p["fact_id"] for p in parts] + [plan["fact_id"]]
            explanation = _explanation([*parts, plan])
            rows.append(_row(check, ids, result, str(plan["unit"]), explanation))
    return rows


def consistency_checks(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Run every consistency check the zone's reported figures allow.

    Checks (:mod:`ezlib.methods.checks`, docs/methods.md section 9): reconciliations, each
    with the gap in the figure's unit, the tolerance the written precision and hedges allow,
    and the definitions the sources' notes state (registered or disbursed, with or without
    share purchases): annual results against a reported multi-year total, annual plans
    against a multi-year plan (stated, or implied by "đạt X% kế hoạch"); parts sum to the
    whole (FDI + domestic = total, per source and period); each "m lần" multiple under both
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
                    "explanation": "",
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
    rows += _annual_against_totals(mine)
    rows += _annual_plans_against_plans(mine)
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


def _estimate(fact: pd.Series, *, target: bool = False):
    """A fact's figure as an estimate, with the rounding and hedge its source wrote."""
    return figure_estimate(
        fact["value"],
        str(fact["qualifier"]),
        fact["value_high"],
        decimals=fact["written_decimals"],
        scale=fact["written_scale"],
        target=target,
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
