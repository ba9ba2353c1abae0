"""Each pairing rule of ezlib.progress.pairing.pair_targets, on a few facts written inline."""

import math

import numpy as np
import pandas as pd
import pytest
from facts_frames import RATES, ZONE, facts_frame

import ezlib.progress.currency as currency
from ezlib.methods.assess import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, assess
from ezlib.progress.pairing import (
    ASSESS_COLUMNS,
    EVIDENCE_COLUMNS,
    PAIR_COLUMNS,
    pair_targets,
)

# Money is paired in USD at the inline RATES (VND per USD): 2021 23,000; 2022 23,500;
# 2023 24,000; 2024 24,500; 2025 25,000. So 2021-2023 averages 23,500 and 2021-2025 24,000.

PLAN = {
    "fact_id": "plan",
    "kind": "target",
    "period": "2021-2025",
    "value": 15e9,
    "qualifier": "approx",
}
"""A 2021-2025 FDI plan: "thu hút khoảng 15 tỷ USD giai đoạn 2021-2025"."""


@pytest.fixture(autouse=True)
def _inline_rates(monkeypatch):
    monkeypatch.setattr(currency, "load_rates", lambda: RATES)


def paired(rows, zone=ZONE):
    return pair_targets(facts_frame(rows), zone).set_index("target_fact_id")


def flow(fact_id, period, value, **fields):
    return {"fact_id": fact_id, "value": value, **({"period": period} if period else {}), **fields}


def test_flow_target_sums_the_chain_of_flows_from_the_plan_start():
    row = paired(
        [
            PLAN,
            flow("before", "2020", 3e9),  # starts before the plan: not part of it
            flow("y2021-2023", "2021-2023", 10.51e9),
            flow("y2024", "2024", 4.35e9, source_id="src-b"),  # the day after 2023-12-31
        ]
    ).loc["plan"]
    assert row["pairing"] == "summed"
    assert row["actual_fact_ids"] == ["y2021-2023", "y2024"]
    assert row["actual_value"] == pytest.approx(10.51e9 + 4.35e9)
    assert row["actual_quote"] == "the quote of y2021-2023 | the quote of y2024"
    assert row["actual_end"] == pd.Timestamp("2024-12-31")
    assert row["actual_years"] == pytest.approx(48 / 12)  # January 2021 to December 2024
    assert (row["as_of_year"], row["as_of_month"]) == (2024, 12)
    assert (row["period_start_year"], row["period_end_year"]) == (2021, 2025)
    assert row["target_kind"] == "cumulative"
    assert row["target_value"] == 15e9


def test_the_chain_starts_with_the_longest_flow_from_the_plan_start():
    row = paired(
        [
            PLAN,
            flow("y2021-2022", "2021-2022", 7e9),
            flow("y2021-2023", "2021-2023", 10.51e9),
            flow("y2021-2026", "2021-2026", 20e9),  # runs past the plan: not inside it
            flow("y2023", "2023", 3e9),  # would follow 2021-2022 only
            flow("y2024", "2024", 4.35e9),
        ]
    ).loc["plan"]
    assert row["actual_fact_ids"] == ["y2021-2023", "y2024"]
    assert row["actual_value"] == pytest.approx(10.51e9 + 4.35e9)


def test_a_flow_ending_before_a_year_end_ends_the_chain():
    row = paired(
        [
            PLAN,
            flow("y2021-2023", "2021-2023", 10.51e9),
            flow("jan-nov-2024", None, 4e9, period_start="2024-01-01", period_end="2024-11-30"),
            flow("dec-2024", None, 0.35e9, period_start="2024-12-01", period_end="2024-12-31"),
        ]
    ).loc["plan"]
    assert row["actual_fact_ids"] == ["y2021-2023", "jan-nov-2024"]
    assert row["actual_value"] == pytest.approx(10.51e9 + 4e9)
    assert row["actual_end"] == pd.Timestamp("2024-11-30")
    assert (row["as_of_year"], row["as_of_month"]) == (2024, 11)
    assert row["actual_years"] == pytest.approx(47 / 12)


def test_a_single_flow_from_the_plan_start_is_paired_alone():
    row = paired([PLAN, flow("y2021-2023", "2021-2023", 10.51e9)]).loc["plan"]
    assert row["pairing"] == "single"
    assert row["actual_fact_ids"] == ["y2021-2023"]
    assert row["actual_value"] == 10.51e9
    assert row["actual_years"] == pytest.approx(3.0)


def level(fact_id, as_of, value, **fields):
    return {"fact_id": fact_id, "measure": "level", "as_of": as_of, "value": value, **fields}


def test_a_level_target_is_paired_with_the_latest_actual_level_at_or_before_its_date():
    land = {"indicator": "kcn_land_area", "unit": "ha"}
    row = paired(
        [
            level("plan", "2025-12-31", 6418, kind="target", **land),
            level("y2022", "2022-12-31", 5000, **land),
            level("y2025", "2025-12-31", 6000, **land),  # on the target's date: counts
            level("y2023", "2023-12-31", 5500, **land),
            level("y2026", "2026-06-30", 7000, **land),  # after it: does not
        ]
    ).loc["plan"]
    assert row["pairing"] == "single"
    assert row["actual_fact_ids"] == ["y2025"]
    assert row["actual_value"] == 6000
    assert row["target_kind"] == "level"
    assert math.isnan(row["actual_years"])
    assert (row["as_of_year"], row["as_of_month"]) == (2025, 12)


def test_a_level_target_runs_from_its_ref_start_else_from_the_year_its_source_was_published():
    land = {"kind": "target", "indicator": "kcn_land_area", "unit": "ha"}
    pairs = paired(
        [
            level("by-2025", "2025-12-31", 6418, source_published_date="2023-02-26", **land),
            level("from-2020", "2025-12-31", 6418, ref="2020", **land),
        ]
    )
    assert pairs.loc["by-2025", ["period_start_year", "period_end_year"]].tolist() == [2023, 2025]
    assert pairs.loc["from-2020", ["period_start_year", "period_end_year"]].tolist() == [2020, 2025]


@pytest.mark.parametrize(
    ("measure", "unit", "other_measure", "other_unit"),
    [("growth", "percent", "multiple", "times"), ("multiple", "times", "growth", "percent")],
)
def test_a_growth_or_multiple_target_is_paired_with_the_actual_of_the_same_kind_and_period_end(
    measure, unit, other_measure, other_unit
):
    same = {"indicator": "production_value", "measure": measure, "unit": unit}
    vs_2020 = {**same, "reference": "period", "ref": "2020"}
    row = paired(
        [
            {"fact_id": "plan", "kind": "target", "period": "2021", "value": 14, **vs_2020},
            {"fact_id": "match", "period": "2021", "value": 12, **vs_2020},
            {"fact_id": "other-reference", "period": "2021", "value": 9, **same,
             "reference": "province"},
            {"fact_id": "other-end", "period": "2021-2022", "value": 25, **vs_2020},
            {"fact_id": "other-measure", "period": "2021", "value": 2, **vs_2020,
             "measure": other_measure, "unit": other_unit},
        ]
    ).loc["plan"]  # fmt: skip
    assert row["pairing"] == "single"
    assert row["actual_fact_ids"] == ["match"]
    assert row["actual_value"] == 12


NGHI_SON_LEVELS = [
    # Cumulative registered capital at the plan start and at the end of 2023 (the Nghi Sơn
    # case): FDI in USD, domestic capital in VND (2021 at 23,000, 2023 at 24,000 VND per USD).
    {"fact_id": "plan", "kind": "target", "indicator": "total_investment", "period": "2021-2025",
     "value": 15e9, "qualifier": "approx"},
    level("fdi-first", "2021-01-01", 13.45e9, kind="baseline"),
    level("fdi-mid", "2022-06-30", 13.5e9),
    level("fdi-later", "2023-12-31", 13.677e9),
    level("dom-first", "2021-01-20", 156_489e9, kind="baseline", indicator="domestic_capital",
          unit="VND"),
    level("dom-later", "2023-12-31", 179_176e9, indicator="domestic_capital", unit="VND"),
]  # fmt: skip


def test_a_flow_with_no_reported_flow_is_rebuilt_from_the_rise_of_its_parts_levels():
    row = paired(NGHI_SON_LEVELS).loc["plan"]
    assert row["pairing"] == "from_levels"
    assert row["actual_fact_ids"] == ["fdi-later", "fdi-first", "dom-later", "dom-first"]
    fdi = 13.677e9 - 13.45e9
    # The VND rise is taken in VND, then converted at the mean rate of 2021-2023 (23,500):
    # converting each stock at its own year's rate would lose about a quarter of it here.
    domestic = (179_176e9 - 156_489e9) / 23_500
    assert row["actual_value"] == pytest.approx(fdi + domestic)
    assert domestic > 1.2 * (179_176e9 / 24_000 - 156_489e9 / 23_000)
    assert row["actual_end"] == pd.Timestamp("2023-12-31")
    assert row["actual_years"] == pytest.approx(3.0)
    # A sum of four figures: the last-digit steps of 13,677 tỷ, 13,45 tỷ and two tỷ đồng.
    assert row["actual_decimals"] == 0
    assert row["actual_scale"] == pytest.approx(1e6 + 1e7 + 1e9 / 24_000 + 1e9 / 23_000)


def test_a_reported_flow_is_preferred_to_the_rise_of_levels():
    reported = {"fact_id": "total-2021-2023", "indicator": "total_investment"}
    row = paired([*NGHI_SON_LEVELS, flow(period="2021-2023", value=2e9, **reported)]).loc["plan"]
    assert row["pairing"] == "single"
    assert row["actual_fact_ids"] == ["total-2021-2023"]


@pytest.mark.parametrize(
    ("first_fdi", "pairing"),
    [
        ("2020-12-01", "from_levels"),  # 31 days before the plan start
        ("2021-02-01", "from_levels"),  # 31 days after
        ("2020-11-30", "none"),  # 32 days before
        ("2021-02-02", "none"),  # 32 days after
    ],
)
def test_a_level_counts_as_the_start_within_31_days_of_the_plan_start(first_fdi, pairing):
    rows = [
        {**fact, "as_of": first_fdi} if fact["fact_id"] == "fdi-first" else fact
        for fact in NGHI_SON_LEVELS
        if fact["fact_id"] != "fdi-mid"
    ]
    assert paired(rows).loc["plan", "pairing"] == pairing


def test_a_rise_of_levels_needs_every_part_at_the_start_and_later():
    rows = [fact for fact in NGHI_SON_LEVELS if fact["fact_id"] != "dom-first"]
    row = paired(rows).loc["plan"]
    assert row["pairing"] == "none"
    assert row["actual_fact_ids"] == []


def test_the_hedge_of_a_rise_of_levels_is_that_of_its_later_levels():
    # "gần 13,45 tỷ USD" at the start of 2021: the first level's hedge is not the rise's.
    hedged = [
        {**fact, "qualifier": "nearly"} if fact["fact_id"] == "fdi-first" else fact
        for fact in NGHI_SON_LEVELS
    ]
    assert paired(hedged).loc["plan", "actual_qualifier"] == "exact"
    later_hedged = [
        {**fact, "qualifier": "nearly"} if fact["fact_id"].endswith("-later") else fact
        for fact in NGHI_SON_LEVELS
    ]
    assert paired(later_hedged).loc["plan", "actual_qualifier"] == "nearly"


def test_a_target_level_is_not_an_actual_level_of_a_rise_of_levels():
    goal = level("fdi-goal", "2025-12-31", 20e9, kind="target")  # "đạt 20 tỷ USD vào 2025"
    row = paired([*NGHI_SON_LEVELS, goal]).loc["plan"]
    assert row["actual_fact_ids"] == ["fdi-later", "fdi-first", "dom-later", "dom-first"]


def test_the_actual_hedge_is_that_of_its_pieces_or_approx_when_they_differ():
    nearly = flow("y2024", "2024", 4.35e9, qualifier="nearly")
    mixed = paired([PLAN, flow("y2021-2023", "2021-2023", 10.51e9), nearly]).loc["plan"]
    assert mixed["actual_qualifier"] == "approx"
    same = paired([PLAN, flow("y2021-2023", "2021-2023", 10.51e9, qualifier="nearly"), nearly])
    assert same.loc["plan", "actual_qualifier"] == "nearly"


def share_of_plan(**fields):
    # "đạt gần 84% kế hoạch": the 2021-2023 FDI is nearly 84% of the 2021-2025 plan.
    return {
        "fact_id": "share",
        "measure": "share",
        "reference": "plan",
        "period": "2021-2023",
        "ref": "2021-2025",
        "value": 84,
        "unit": "percent",
        "qualifier": "nearly",
        "quote": "đạt gần 84% kế hoạch",
        **fields,
    }


ACHIEVED = flow("achieved", "2021-2023", 10.51e9, quote="vốn đầu tư nước ngoài đạt 10,51 tỷ USD")


def test_only_the_zones_own_actuals_count():
    park = {"entity_id": f"{ZONE}-park"}
    pairs = paired(
        [
            PLAN,
            flow("park-2021-2023", "2021-2023", 2e9, **park),
            {**PLAN, "fact_id": "park-plan", "value": 3e9, **park},
            share_of_plan(**park),
            flow("park-achieved", "2021-2023", 10.51e9, **park),
        ]
    )
    # Neither the park's target nor the plan its share implies is the zone's.
    assert pairs.index.tolist() == ["plan"]
    assert pairs.loc["plan", "pairing"] == "none"
    park_pairs = paired([PLAN, flow("park-2021-2023", "2021-2023", 2e9, **park)], f"{ZONE}-park")
    assert park_pairs.empty


def test_an_achieved_flow_beside_a_share_of_plan_implies_the_plan():
    row = paired(
        [
            share_of_plan(),
            ACHIEVED,
            # Another source's figure for the same years is no second amount of this source.
            flow("other-source", "2021-2023", 10.6e9, source_id="src-b"),
        ]
    ).loc["share"]
    assert row["target_measure"] == "implied"
    assert row["target_quote"] == "đạt gần 84% kế hoạch"
    assert row["target_source"] == "src-a"
    assert math.isnan(row["target_value"]) and math.isnan(row["target_value_high"])
    assert (row["reported_pct"], row["reported_pct_qualifier"]) == (84, "nearly")
    assert row["reported_pct_decimals"] == 0
    assert row["actual_fact_ids"] == ["achieved"]
    assert row["actual_quote"] == "vốn đầu tư nước ngoài đạt 10,51 tỷ USD"
    assert row["actual_value"] == 10.51e9
    assert (row["actual_decimals"], row["actual_scale"]) == (2, 1e9)
    assert (row["period_start_year"], row["period_end_year"]) == (2021, 2025)
    assert row["actual_years"] == pytest.approx(3.0)
    assert row["target_kind"] == "cumulative"
    assert row["unit"] == "USD"


@pytest.mark.parametrize(
    ("stated_period", "implied"),
    [("2021-2025", False), ("2021-2030", True), ("2022-2025", True), ("2026-2030", True)],
)
def test_no_plan_is_implied_where_the_plan_is_stated(stated_period, implied):
    stated = {**PLAN, "period": stated_period}
    pairs = paired([share_of_plan(), ACHIEVED, stated])
    assert ("share" in pairs.index) is implied
    assert "plan" in pairs.index


@pytest.mark.parametrize(("second_amount", "implied"), [(11.2e9, False), (10.51e9, True)])
def test_no_plan_is_implied_when_the_source_gives_two_different_achieved_amounts(
    second_amount, implied
):
    # e.g. registered FDI and FDI with share purchases, side by side in one article
    second = flow("achieved-2", "2021-2023", second_amount)
    assert ("share" in paired([share_of_plan(), ACHIEVED, second]).index) is implied


def test_later_reports_add_the_flows_past_the_achieved_one_to_an_implied_plan():
    later = flow("y2024", "2024", 4.35e9, source_id="src-b")
    row = paired([share_of_plan(), ACHIEVED, later]).loc["share"]
    assert row["later_fact_ids"] == ["achieved", "y2024"]
    assert row["later_value"] == pytest.approx(10.51e9 + 4.35e9)
    assert row["later_end"] == pd.Timestamp("2024-12-31")
    alone = paired([share_of_plan(), ACHIEVED]).loc["share"]
    assert alone["later_fact_ids"] == []
    assert math.isnan(alone["later_value"]) and pd.isna(alone["later_end"])


def test_each_figure_keeps_the_precision_its_source_wrote():
    pairs = paired(
        [
            PLAN,  # "khoảng 15 tỷ USD": 0 decimals in tỷ
            flow("y2021-2023", "2021-2023", 10.51e9),  # "10,51 tỷ USD"
            {**PLAN, "fact_id": "plan-m", "indicator": "domestic_capital", "value": 13_677e6,
             "written_decimals": 0, "written_scale": 1e6},  # "13.677 triệu USD"
        ]
    )  # fmt: skip
    assert pairs.loc["plan", ["target_decimals", "target_scale"]].tolist() == [0, 1e9]
    assert pairs.loc["plan", ["actual_decimals", "actual_scale"]].tolist() == [2, 1e9]
    assert pairs.loc["plan-m", ["target_decimals", "target_scale"]].tolist() == [0, 1e6]


def test_a_sum_is_as_precise_as_the_sum_of_its_pieces_last_digit_steps():
    row = paired(
        [
            PLAN,
            flow("y2021-2023", "2021-2023", 10.51e9),  # "10,51 tỷ": step 0.01 tỷ = 1e7
            flow("y2024", "2024", 4_350e6, written_decimals=0, written_scale=1e6),  # "4.350 triệu"
        ]
    ).loc["plan"]
    assert row["actual_decimals"] == 0
    assert row["actual_scale"] == pytest.approx(1e9 * 10**-2 + 1e6 * 10**0)


def test_vnd_money_is_paired_with_usd_money_on_the_usd_scale():
    row = paired(
        [
            {**PLAN, "value": 500_000e9, "unit": "VND", "qualifier": "exact"},  # 500.000 tỷ đồng
            flow("vnd-2021-2023", "2021-2023", 282_000e9, unit="VND"),  # 282.000 tỷ đồng
            flow("usd-2024", "2024", 4e9),  # 4 tỷ USD
        ]
    ).loc["plan"]
    assert row["unit"] == "USD"
    assert row["target_value"] == pytest.approx(500_000e9 / 24_000)  # the 2021-2025 mean
    assert row["target_scale"] == pytest.approx(1e9 / 24_000)
    assert row["actual_fact_ids"] == ["vnd-2021-2023", "usd-2024"]
    assert row["actual_value"] == pytest.approx(282_000e9 / 23_500 + 4e9)  # 12 + 4 bn USD
    assert row["actual_scale"] == pytest.approx(1e9 / 23_500 + 1e9)


def test_a_target_with_no_actual_is_listed_with_pairing_none():
    other = flow("exports", "2021-2023", 5e9, indicator="export_value")
    row = paired([PLAN, other]).loc["plan"]
    assert row["pairing"] == "none"
    assert row["actual_fact_ids"] == [] and row["actual_quote"] == ""
    assert pd.isna(row["actual_end"])
    values = ["actual_value", "actual_years", "actual_decimals", "as_of_year", "as_of_month"]
    assert row[values].isna().all()
    assert row["target_value"] == 15e9


def test_pairs_have_the_evidence_columns_then_the_assess_columns():
    assert (*EVIDENCE_COLUMNS, *ASSESS_COLUMNS) == PAIR_COLUMNS
    facts = facts_frame([PLAN, flow("y2021-2023", "2021-2023", 10.51e9)])
    assert list(pair_targets(facts, ZONE).columns) == list(PAIR_COLUMNS)
    assert list(pair_targets(facts, "another-zone").columns) == list(PAIR_COLUMNS)


def test_the_assess_columns_are_the_inputs_of_assess():
    inputs = {*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS}
    assert set(ASSESS_COLUMNS) <= inputs
    assert set(REQUIRED_COLUMNS) <= set(ASSESS_COLUMNS)


def test_assess_runs_on_the_pairs_without_renaming():
    pairs = pair_targets(
        facts_frame(
            [
                {**PLAN, "qualifier": "exact"},
                flow("y2021-2023", "2021-2023", 10.51e9),
                flow("y2024", "2024", 4.35e9),
                share_of_plan(indicator="export_value"),
                flow("exports", "2021-2023", 10.51e9, indicator="export_value"),
                {**PLAN, "fact_id": "waiting", "indicator": "total_investment"},
            ]
        ),
        ZONE,
    )
    table = pairs.join(assess(pairs)).set_index("target_fact_id")
    assert table.loc["plan", "attainment_point"] == pytest.approx((10.51e9 + 4.35e9) / 15e9)
    assert table.loc["plan", "elapsed_share"] == pytest.approx(4 / 5)
    assert table.loc["share", "target_point"] == pytest.approx(10.51e9 / 0.84)
    assert np.isnan(table.loc["waiting", "attainment_point"])


LAND = {"indicator": "kcn_land_area", "unit": "ha"}


def test_a_level_target_is_measured_from_the_level_at_the_plan_start():
    row = paired(
        [
            level("plan", "2025-12-31", 6418, kind="target", ref="2021-2025", **LAND),
            level("start", "2020-12-31", 6000, kind="baseline", **LAND),
            level("mid", "2022-06-29", 6074, **LAND),
            level("latest", "2024-06-30", 6080, **LAND),
        ]
    ).loc["plan"]
    assert row["baseline_fact_id"] == "start"  # the latest at or before 2021-01-01
    assert row["baseline_value"] == 6000
    assert row["base_year"] == 2020
    assert [reading["fact_ids"] for reading in row["history"]] == [["mid"]]  # earlier actuals


def test_with_no_level_before_the_plan_the_first_in_its_first_year_is_the_baseline():
    rows = [
        level("plan", "2025-12-31", 6418, kind="target", ref="2022-2025", **LAND),
        level("mid", "2022-06-29", 6074, **LAND),
        level("latest", "2024-06-30", 6080, **LAND),
    ]
    row = paired(rows).loc["plan"]
    assert row["baseline_fact_id"] == "mid"
    assert row["base_year"] == 2021  # mid-2022 stands for the start of 2022
    assert row["history"] == []  # the baseline is where the target starts, not a reading
    late = [rows[0], level("late", "2023-06-30", 6074, **LAND), rows[2]]
    assert paired(late).loc["plan", "baseline_fact_id"] == ""  # 18 months in: too late


def test_an_increment_is_scored_against_the_level_at_the_start_of_the_plan():
    parks = {"indicator": "kcn_count", "unit": "count"}
    row = paired(
        [
            {"fact_id": "plan", "kind": "target", "measure": "increment", "period": "2021-2025",
             "value": 15, **parks},
            level("start", "2021-01-01", 14, **parks),
            level("latest", "2024-12-31", 20, **parks),
        ]
    ).loc["plan"]  # fmt: skip
    assert row["pairing"] == "from_levels"
    assert row["actual_fact_ids"] == ["latest", "start"]
    assert row["actual_value"] == 20 - 14  # 6 more of the 15 more planned, not 20 of 15
    assert row["target_kind"] == "cumulative"


def test_reported_increments_are_chained_like_flows():
    parks = {"indicator": "kcn_count", "unit": "count", "measure": "increment"}
    row = paired(
        [
            {"fact_id": "plan", "kind": "target", "period": "2021-2025", "value": 15, **parks},
            {"fact_id": "new-2021", "period": "2021", "value": 2, **parks},
            {"fact_id": "new-2022", "period": "2022", "value": 3, **parks},
        ]
    ).loc["plan"]
    assert (row["pairing"], row["actual_value"]) == ("summed", 5)


def test_a_pair_carries_the_caveats_of_its_facts_and_of_a_provisional_rate():
    row = paired(
        [
            {**PLAN, "caveats": ("draft",)},
            flow("y2021-2023", "2021-2023", 10.51e9, caveats=("conflict",)),
            flow("y2024", "2024", 4e12, unit="VND"),  # 2024's rate is provisional
        ]
    ).loc["plan"]
    assert row["caveats"] == ("conflict", "draft", "provisional_rate")


def test_a_zone_lists_the_targets_of_its_parks_each_with_its_own_evidence(monkeypatch):
    entities = pd.DataFrame({"entity_id": [ZONE, "park", "other"], "parent_id": ["", ZONE, ""]})
    monkeypatch.setattr("ezlib.progress.pairing.load_entities", lambda: entities)
    park = {"entity_id": "park"}
    pairs = paired(
        [
            PLAN,
            {**PLAN, "fact_id": "park-plan", "value": 3e9, **park},
            flow("park-2021-2023", "2021-2023", 2e9, **park),
            {**PLAN, "fact_id": "other-plan", "entity_id": "other"},
        ]
    )
    assert pairs.index.tolist() == ["plan", "park-plan"]  # the zone first, then its parts
    assert pairs.loc["park-plan", "entity_id"] == "park"
    assert pairs.loc["park-plan", "actual_fact_ids"] == ["park-2021-2023"]
    assert pairs.loc["plan", "pairing"] == "none"  # the park's flow is not the zone's


def test_a_target_keeps_its_figure_in_the_currency_its_source_wrote():
    row = paired([{**PLAN, "value": 360e12, "unit": "VND"}]).loc["plan"]
    assert (row["target_reported_value"], row["target_reported_unit"]) == (360e12, "VND")
    assert row["target_value"] == pytest.approx(360e12 / 24_000)  # the 2021-2025 mean rate
    assert row["unit"] == "USD"


def test_a_figure_of_the_merged_unit_measures_a_pre_merger_target_only_with_a_flag(monkeypatch):
    entities = pd.DataFrame(
        {
            "entity_id": [ZONE, "merged"],
            "parent_id": ["", ""],
            "valid_from": ["", "2025-07-01"],
            "valid_to": ["2025-06-30", ""],
            "successor": ["merged", ""],
        }
    )
    monkeypatch.setattr("ezlib.progress.pairing.load_entities", lambda: entities)
    parks = {"indicator": "kcn_count", "unit": "count"}
    rows = [
        level("plan", "2025-12-31", 15, kind="target", ref="2021-2025", **parks),
        level("before", "2025-06-30", 14, **parks),
        level("after", "2025-12-31", 30, entity_id="merged", **parks),  # with the new parks
        level("merged-too-early", "2025-03-31", 40, entity_id="merged", **parks),
    ]
    row = paired(rows).loc["plan"]
    assert row["actual_fact_ids"] == ["after"]  # the latest, but of another scope
    assert "scope" in row["caveats"]
    assert row["scope_change"] == f"{ZONE} → merged from 2025-07-01"
    alone = paired(rows[:2]).loc["plan"]
    assert (alone["actual_fact_ids"], alone["scope_change"]) == (["before"], "")
    assert "scope" not in alone["caveats"]
