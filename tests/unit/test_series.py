"""The zone page's time series: annual results and plans, and multi-year plans' paths."""

import numpy as np
import pandas as pd
import pytest

from ezlib.data.load import load_facts
from ezlib.progress.series import SERIES_COLUMNS, annual_series, calendar_years, plan_paths
from ezlib.progress.zone import target_status, zone_history
from tests.unit.facts_frames import facts_frame


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def test_only_whole_calendar_years_are_annual():
    frame = facts_frame(
        [
            {"fact_id": "a", "value": 1e9, "period": "2023"},
            {"fact_id": "b", "value": 1e9, "period": "2021-2023"},
            {
                "fact_id": "c",
                "value": 1e9,
                "period_start": pd.Timestamp("2023-01-01"),
                "period_end": pd.Timestamp("2023-07-31"),
            },
        ]
    )
    assert list(calendar_years(frame)["fact_id"]) == ["a"]


def test_annual_series_keeps_every_source_of_a_year_with_its_hedge(facts):
    series = annual_series(facts, "hp-zones")
    assert list(series.columns) == list(SERIES_COLUMNS)
    fdi = series[(series["indicator"] == "fdi_capital") & (series["kind"] == "actual")]
    # 2021 has two sources (2,96 and 5,2 tỷ USD): both are drawn, neither is dropped.
    assert sorted(fdi.loc[fdi["year"] == 2021, "point"]) == [2.96e9, 5.2e9]
    nearly = fdi[fdi["year"] == 2022].iloc[0]  # "gần 2,5 tỷ USD"
    assert nearly["qualifier"] == "nearly"
    assert nearly["low"] < nearly["point"] == nearly["high"]
    # A part-year result (7 months of 2023, ev-066's actual) is no year's result.
    assert not set(series["fact_id"]) & set(
        facts.loc[
            (facts["entity_id"] == "hp-zones")
            & (facts["period_end"].dt.month < 12)
            & (facts["kind"] == "actual"),
            "fact_id",
        ]
    )


def test_a_plan_range_is_drawn_at_its_midpoint_with_its_ends(facts):
    plans = annual_series(facts, "hp-zones").query("kind == 'target' and year == 2025")
    row = plans.iloc[0]  # "3-3,5 tỷ USD"
    assert (row["low"], row["point"], row["high"]) == (3e9, 3.25e9, 3.5e9)


def test_vnd_results_are_drawn_in_usd(facts):
    series = annual_series(facts, "hp-zones")
    budget = series[(series["indicator"] == "budget_revenue") & (series["year"] == 2022)]
    fact = facts.set_index("fact_id").loc[budget["fact_id"].iloc[0]]
    assert fact["unit"] == "VND"
    assert budget["unit"].iloc[0] == "USD"
    assert budget["point"].iloc[0] == pytest.approx(fact["value"] / 23271.21, rel=0.01)


def test_a_total_plan_path_runs_from_zero_and_a_level_from_its_baseline(facts):
    paths = plan_paths(zone_history(facts, "hp-zones"))
    total = paths[paths["target_fact_id"] == "hp-012"]
    assert list(total["point_kind"]) == ["start", "reading", "reading", "target"]
    assert total["point"].iloc[0] == 0
    assert total["date"].iloc[0] == pd.Timestamp("2021-01-01")
    assert total["date"].iloc[-1] == pd.Timestamp("2025-12-31")
    assert list(total["date"]) == sorted(total["date"])
    level = paths[paths["target_fact_id"] == "hp-002"]
    assert level["point"].iloc[0] == 6074  # the baseline the area grew from
    # One-year plans have no path.
    assert "ev-007" not in set(paths["target_fact_id"])


def _statuses(**columns):
    frame = pd.DataFrame(columns)
    return list(target_status(frame))


def test_a_closed_plan_keeps_its_final_status_and_a_running_one_is_judged_on_pace():
    assert _statuses(
        plan_status=["met", "not_met", "open", "open", "open", "open", "open"],
        status=[
            "measured",
            "measured",
            "measured",
            "measured",
            "measured",
            "no_actual",
            "measured",
        ],
        met_status=["met", "not_met", "met_floor", "not_met", "not_met", "not_assessed", "not_met"],
        pace_index_point=[2.0, 0.5, 1.2, 1.1, 0.7, np.nan, np.nan],
    ) == ["met", "not_met", "met", "on_pace", "behind", "not_measurable", "not_measurable"]
