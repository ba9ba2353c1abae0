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
from ezlib.progress.records import Fact, by_entity, distinct_values, records, share_amounts

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

READ_COLUMNS = (
    "fact_id",
    "source_id",
    "entity_id",
    "indicator",
    "kind",
    "measure",
    "reference",
    "period_start",
    "period_end",
    "as_of",
    "ref_start",
    "ref_end",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "quote",
    "note",
    "written_decimals",
    "written_scale",
)
"""The columns of the facts that the checks read."""


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


def _explanation(facts: list[Fact]) -> str:
    """The notes of the figures that say how each is defined, each with its fact id."""
    return " ".join(
        f"{fact['fact_id']}: {fact['note']}"
        for fact in facts
        if isinstance(fact.get("note"), str) and DEFINITION_WORDS.search(fact["note"])
    )


def _of(facts: list[Fact], kind: str, measure: str) -> list[Fact]:
    """The facts of one kind (target, actual, baseline) and measure (flow, level ...)."""
    return [f for f in facts if f["kind"] == kind and f["measure"] == measure]


def _by_fact_id(facts: list[Fact]) -> list[Fact]:
    return sorted(facts, key=lambda f: f["fact_id"])


def _one_year(fact: Fact) -> bool:
    return fact["period_start"].year == fact["period_end"].year


def _whole_years(facts: list[Fact]) -> list[Fact]:
    """The facts whose period runs from a 1 January to a 31 December."""
    return [
        f
        for f in facts
        if (f["period_start"].month, f["period_start"].day) == (1, 1)
        and (f["period_end"].month, f["period_end"].day) == (12, 31)
    ]


def _annual(flows: list[Fact], years: range) -> list[list[Fact]] | None:
    """For each year, the one-year flows reported for it; None if a year has none."""
    single = [f for f in flows if _one_year(f)]
    per_year = []
    for year in years:
        found = [f for f in single if f["period_start"].year == year]
        if not found:
            return None
        per_year.append(_by_fact_id(found))
    return per_year


def _annual_against_totals(mine: list[Fact]) -> list[dict[str, object]]:
    """Annual results against a reported multi-year total (2021 + 2022 + 2023 = 2021-2023)."""
    rows = []
    flows = _whole_years(_of(mine, "actual", "flow"))
    for whole in flows:
        years = range(whole["period_start"].year, whole["period_end"].year + 1)
        if len(years) < 2:
            continue
        same = [
            f for f in flows if f["indicator"] == whole["indicator"] and f["unit"] == whole["unit"]
        ]
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


def _plan_shares_of(mine: list[Fact]) -> list[Fact]:
    """The shares of a plan ("đạt X% kế hoạch") among the actuals."""
    return [f for f in _of(mine, "actual", "share") if f["reference"] == "plan"]


def _plans(mine: list[Fact]) -> list[tuple[Fact, object]]:
    """Every multi-year plan of the facts: stated, or implied by a share of it; as estimates."""
    plans = []
    for plan in _of(mine, "target", "flow"):
        if plan["period_end"].year > plan["period_start"].year:
            plans.append((plan, _estimate(plan, target=True)))
    flows = _of(mine, "actual", "flow")
    for share in _plan_shares_of(mine):
        if share["ref_end"].year == share["ref_start"].year:
            continue
        achieved = share_amounts(flows, share)
        if distinct_values(achieved) != 1:
            continue
        amount = achieved[0]
        implied = implied_target(
            _estimate(amount),
            float(share["value"]),
            pct_qualifier=str(share["qualifier"]),
            pct_decimals=share["written_decimals"],
        )
        plan = dict(share)
        plan["period_start"], plan["period_end"] = share["ref_start"], share["ref_end"]
        plan["unit"] = amount["unit"]
        plans.append((plan, implied))
    return plans


def _annual_plans_against_plans(mine: list[Fact]) -> list[dict[str, object]]:
    """Annual plans against the multi-year plan they make up (2021 + … + 2025 = 2021-2025)."""
    rows = []
    targets = _whole_years(_of(mine, "target", "flow"))
    for plan, whole in _plans(mine):
        years = range(plan["period_start"].year, plan["period_end"].year + 1)
        annual = [
            t
            for t in targets
            if t["indicator"] == plan["indicator"]
            and t["unit"] == plan["unit"]
            and _one_year(t)
            and t["period_start"].year in years
        ]
        if not annual:
            continue
        check = f"{plan['indicator']}: {years[0]} + … + {years[-1]} plans = {years[0]}–{years[-1]}"
        found = sorted({t["period_start"].year for t in annual})
        missing = [y for y in years if y not in found]
        if missing:
            # One plan per year (the first by id where sources differ: the rows are each kept
            # and compared in the audit's conflicts).
            known = _by_fact_id(annual)
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
    return _checks(records(facts[facts["entity_id"] == zone], READ_COLUMNS))


def _parts_sums(flows: list[Fact]) -> list[dict[str, object]]:
    """FDI + domestic = total, per source and period, when each figure is reported once."""
    rows = []
    groups: dict[tuple, list[Fact]] = {}
    for flow in flows:
        key = (flow["source_id"], flow["period_start"], flow["period_end"])
        if not any(pd.isna(k) for k in key):
            groups.setdefault(key, []).append(flow)
    wanted = ("fdi_capital", "domestic_capital", "total_investment")
    for key in sorted(groups):
        found = [f for f in groups[key] if f["indicator"] in wanted]
        by = {f["indicator"]: f for f in found}
        # Two figures of one part in one source and period (registered FDI, and FDI with share
        # purchases) leave it open which one the total sums: no check then.
        single = len(by) == len(found) == len(wanted)
        if single and len({str(f["unit"]) for f in found}) == 1:
            pieces = [by[w] for w in wanted]
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
            ids = [p["fact_id"] for p in pieces]
            rows.append(_row("FDI + DDI = total", ids, result, str(pieces[-1]["unit"])))
    return rows


def _multiples(mine: list[Fact], flows: list[Fact]) -> list[dict[str, object]]:
    """Each "m lần" multiple of a period, against its base when reported, else the bases."""
    rows = []
    for multiple in mine:
        if multiple["measure"] != "multiple" or multiple["reference"] != "period":
            continue
        new = [
            f
            for f in flows
            if f["indicator"] == multiple["indicator"]
            and f["period_start"] == multiple["period_start"]
            and f["period_end"] == multiple["period_end"]
            and f["source_id"] == multiple["source_id"]
        ]
        if not new:
            continue
        amount = new[0]
        base = [
            f
            for f in mine
            if f["indicator"] == multiple["indicator"]
            and f["measure"] == "flow"
            and f["kind"] != "target"
            and f["period_start"] == multiple["ref_start"]
            and f["period_end"] == multiple["ref_end"]
            and f["unit"] == amount["unit"]
        ]
        label = f"{multiple['quote']}"
        if not base:
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
                base[0]["value"],
                multiple["value"],
                qualifier=str(multiple["qualifier"]),
            )
            ids = [amount["fact_id"], base[0]["fact_id"], multiple["fact_id"]]
            rows.append(_row(label, ids, result))
    return rows


def _cumulative_levels(mine: list[Fact]) -> list[dict[str, object]]:
    """Each cumulative stock (:data:`CUMULATIVE_LEVELS`) never falls, per indicator and unit."""
    rows = []
    groups: dict[tuple[str, str], list[Fact]] = {}
    for fact in mine:
        if (
            fact["measure"] == "level"
            and fact["kind"] != "target"
            and fact["indicator"] in CUMULATIVE_LEVELS
        ):
            groups.setdefault((fact["indicator"], fact["unit"]), []).append(fact)
    for (indicator, unit), group in sorted(groups.items()):
        if len(group) < 2:
            continue
        ordered = sorted(group, key=lambda f: (f["as_of"], f["fact_id"]))
        ids = [f["fact_id"] for f in ordered]
        result = check_cumulative_monotone([f["value"] for f in ordered], labels=ids)
        rows.append(_row(f"{indicator} ({unit}) never falls", ids, result, str(unit)))
    return rows


def _magnitudes(mine: list[Fact]) -> list[dict[str, object]]:
    """Money figures whose magnitude is implausible for their unit."""
    rows = []
    for fact in mine:
        if fact["unit"] not in ("USD", "VND") or fact["measure"] not in ("flow", "level"):
            continue
        result = check_units(fact["value"], fact["unit"])
        if result.status != "ok":
            check = f"{fact['indicator']} magnitude"
            rows.append(_row(check, [fact["fact_id"]], result, str(fact["unit"])))
    return rows


def _checks(mine: list[Fact]) -> pd.DataFrame:
    """Every check of one entity's facts (:func:`consistency_checks`)."""
    flows = _of(mine, "actual", "flow")
    rows = [
        *_parts_sums(flows),
        *_multiples(mine, flows),
        *_plan_shares(mine, flows),
        *_share_changes(mine),
        *_annual_against_totals(mine),
        *_annual_plans_against_plans(mine),
        *_cumulative_levels(mine),
        *_magnitudes(mine),
    ]
    return pd.DataFrame(rows, columns=list(CHECK_COLUMNS))


def _estimate(fact: Fact, *, target: bool = False):
    """A fact's figure as an estimate, with the rounding and hedge its source wrote."""
    return figure_estimate(
        fact["value"],
        str(fact["qualifier"]),
        fact["value_high"],
        decimals=fact["written_decimals"],
        scale=fact["written_scale"],
        target=target,
    )


def _plan_shares(mine: list[Fact], flows: list[Fact]) -> list[dict[str, object]]:
    """Check each "đạt X% kế hoạch" beside its achieved amount against a plan stated elsewhere."""
    rows = []
    plans = _of(mine, "target", "flow")
    for share in _plan_shares_of(mine):
        achieved = share_amounts(flows, share)
        if distinct_values(achieved) != 1:
            continue  # none, or two different amounts: the share is ambiguous
        amount = achieved[0]
        stated = [
            p
            for p in plans
            if p["indicator"] == share["indicator"]
            and p["unit"] == amount["unit"]
            and p["period_start"] == share["ref_start"]
            and p["period_end"] == share["ref_end"]
        ]
        for plan in stated:
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


def _share_changes(mine: list[Fact]) -> list[dict[str, object]]:
    """A percentage's change from its baseline to its latest level, in points and relative."""
    rows = []
    groups: dict[str, list[Fact]] = {}
    for fact in mine:
        if fact["measure"] == "level" and fact["unit"] == "percent":
            groups.setdefault(fact["indicator"], []).append(fact)
    for indicator in sorted(groups):
        group = groups[indicator]
        base = sorted((f for f in group if f["kind"] == "baseline"), key=lambda f: f["as_of"])
        later = sorted((f for f in group if f["kind"] == "actual"), key=lambda f: f["as_of"])
        if not base or not later or later[-1]["as_of"] <= base[0]["as_of"]:
            continue
        before, after = base[0], later[-1]
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

    The facts are split by entity once, so the checks scale with the number of facts.

    Returns:
        The checks of every entity, one after another (in the order the entities first
        appear in the facts), with ``entity_id`` first.
    """
    split = by_entity(records(facts, READ_COLUMNS))
    frames = [_checks(mine).assign(entity_id=entity) for entity, mine in split.items()]
    table = pd.concat([f for f in frames if not f.empty], ignore_index=True) if frames else None
    if table is None or table.empty:
        return pd.DataFrame(columns=["entity_id", *CHECK_COLUMNS])
    return table[["entity_id", *CHECK_COLUMNS]]
