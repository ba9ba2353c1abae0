"""VND and USD on one scale (ezlib.progress.currency.to_usd) on inline facts and inline rates."""

import numpy as np
import pandas as pd
import pytest
from facts_frames import RATES, facts_frame

import ezlib.progress.currency as currency
from ezlib.progress.currency import to_usd

# RATES: 2021 23,000; 2022 23,500; 2023 24,000; 2024 24,500 (provisional); 2025 25,000
# (provisional) VND per USD.


@pytest.fixture(autouse=True)
def _no_rate_file(monkeypatch):
    def refuse():
        raise AssertionError("these tests pass their rates: the rate file is not read")

    monkeypatch.setattr(currency, "load_rates", refuse)


def converted(rows):
    return to_usd(facts_frame(rows), RATES).set_index("fact_id")


def test_a_vnd_flow_is_converted_at_the_mean_of_the_rates_of_its_years():
    out = converted(
        [
            {"fact_id": "three-years", "value": 282_000e9, "unit": "VND", "period": "2021-2023"},
            {
                "fact_id": "mid-year",
                "value": 100_000e9,
                "value_high": 120_000e9,
                "qualifier": "range",
                "unit": "VND",
                "period_start": "2021-07-01",
                "period_end": "2022-06-30",
            },
        ]
    )
    three = out.loc["three-years"]
    assert three["usd_rate"] == pytest.approx((23_000 + 23_500 + 24_000) / 3)
    assert three["value_usd"] == pytest.approx(282_000e9 / 23_500)
    assert three["usd_unit"] == "USD"
    mid = out.loc["mid-year"]  # calendar years 2021 and 2022, each counted once
    assert mid["usd_rate"] == pytest.approx((23_000 + 23_500) / 2)
    assert mid["value_usd"] == pytest.approx(100_000e9 / 23_250)
    assert mid["value_high_usd"] == pytest.approx(120_000e9 / 23_250)


def test_a_vnd_level_is_converted_at_the_rate_of_its_as_of_year():
    out = converted(
        [
            {
                "fact_id": "stock",
                "measure": "level",
                "as_of": "2023-06-30",
                "value": 120_000e9,
                "unit": "VND",
            }
        ]
    )
    assert out.loc["stock", "usd_rate"] == 24_000
    assert out.loc["stock", "value_usd"] == pytest.approx(120_000e9 / 24_000)


def test_usd_figures_are_copied_and_vnd_per_person_becomes_usd_per_person():
    out = converted(
        [
            {
                "fact_id": "usd",
                "value": 10.51e9,
                "value_high": 11e9,
                "qualifier": "range",
                "period": "2021-2023",
            },
            {
                "fact_id": "income",
                "indicator": "per_capita_income",
                "measure": "level",
                "as_of": "2022-12-31",
                "value": 130e6,
                "unit": "VND_per_person_per_year",
            },
        ]
    )
    assert out.loc["usd", "value_usd"] == 10.51e9
    assert out.loc["usd", "value_high_usd"] == 11e9
    assert out.loc["usd", "usd_unit"] == "USD"
    assert out.loc["income", "usd_unit"] == "USD_per_person_per_year"
    assert out.loc["income", "value_usd"] == pytest.approx(130e6 / 23_500)


def test_units_without_a_usd_counterpart_get_no_usd_value():
    out = converted(
        [
            {
                "fact_id": "land",
                "measure": "level",
                "as_of": "2023-12-31",
                "value": 6418,
                "unit": "ha",
            },
            {
                "fact_id": "share",
                "measure": "share",
                "reference": "plan",
                "period": "2023",
                "ref": "2021-2025",
                "value": 84,
                "unit": "percent",
            },
            {
                "fact_id": "parks",
                "measure": "level",
                "as_of": "2023-12-31",
                "value": 15,
                "unit": "count",
            },
        ]
    )
    assert out["value_usd"].isna().all()
    assert out["usd_rate"].isna().all()
    assert (out["usd_unit"] == "").all()


def test_a_rate_that_is_not_a_full_year_average_makes_the_conversion_provisional():
    out = converted(
        [
            {
                "fact_id": "plan",
                "kind": "target",
                "value": 500_000e9,
                "unit": "VND",
                "period": "2021-2025",
            },
            {"fact_id": "done", "value": 282_000e9, "unit": "VND", "period": "2021-2023"},
            {
                "fact_id": "stock-2024",
                "measure": "level",
                "as_of": "2024-06-30",
                "value": 1e14,
                "unit": "VND",
            },
        ]
    )
    assert out.loc["plan", "usd_rate_provisional"]  # 2024 and 2025 are not full-year averages
    assert out.loc["plan", "value_usd"] == pytest.approx(500_000e9 / 24_000)
    assert not out.loc["done", "usd_rate_provisional"]
    assert out.loc["stock-2024", "usd_rate_provisional"]
    assert not out["usd_rate_missing"].any()


def test_a_year_without_a_rate_is_flagged_missing_and_converts_to_nothing():
    out = converted(
        [
            {"fact_id": "old", "value": 300_000e9, "unit": "VND", "period": "2020-2021"},
            {"fact_id": "known", "value": 30_615e9, "unit": "VND", "period": "2021"},
        ]
    )
    assert out.loc["old", "usd_rate_missing"]  # the rates start in 2021
    assert np.isnan(out.loc["old", "value_usd"])
    assert not out.loc["old", "usd_rate_provisional"]
    assert not out.loc["known", "usd_rate_missing"]
    assert out.loc["known", "value_usd"] == pytest.approx(30_615e9 / 23_000)


def test_the_written_scale_is_converted_with_the_value():
    rows = [
        {"fact_id": "vnd", "value": 30_615e9, "unit": "VND", "period": "2021"},
        {"fact_id": "usd", "value": 4.35e9, "period": "2024"},
    ]
    out = converted(rows)
    # "30.615 tỷ đồng" is written to the tỷ: its scale is 1e9 VND, 1e9 / 23,000 USD.
    assert out.loc["vnd", "written_scale"] == 1e9
    assert out.loc["vnd", "written_scale_usd"] == pytest.approx(1e9 / 23_000)
    assert out.loc["usd", "written_scale_usd"] == 1e9
    bare = facts_frame(rows).drop(columns=["written_scale"])
    assert "written_scale_usd" not in to_usd(bare, RATES)


def test_to_usd_returns_a_copy_and_leaves_the_facts_as_they_were():
    facts = facts_frame([{"fact_id": "vnd", "value": 30_615e9, "unit": "VND", "period": "2021"}])
    before = facts.copy()
    out = to_usd(facts, RATES)
    pd.testing.assert_frame_equal(facts, before)
    assert out["value"].tolist() == [30_615e9]
    assert list(out.columns[: len(facts.columns)]) == list(facts.columns)
