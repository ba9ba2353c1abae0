"""Consistency checks on the real Hải Phòng figures and on figures with problems."""

import math

import pytest

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

BN = 1e9


@pytest.mark.parametrize(
    ("whole", "status"),
    [
        (18.09e9, "ok"),  # 10,51 + 7,58 = 18,09 tỷ USD
        (18.10e9, "ok"),  # within 3 half-units of 0,005 tỷ
        (18.12e9, "warn"),  # beyond rounding, within 1%
        (19.00e9, "fail"),
    ],
)
def test_parts_sum_with_rounding_tolerance(whole, status):
    result = check_parts_sum([10.51e9, 7.58e9], whole, decimals=2, scale=1e9)
    assert result.status == status
    assert result.tolerance == pytest.approx(0.015e9)
    assert result.discrepancy == pytest.approx(18.09e9 - whole)


def test_parts_sum_with_a_missing_part_fails():
    assert check_parts_sum([10.51e9, float("nan")], 18.09e9, decimals=2, scale=1e9).status == "fail"


def test_multiple_without_base_gives_the_base_of_each_reading():
    # "vốn đầu tư trong nước đạt 7,58 tỷ USD, tăng gần 1,7 lần so với giai đoạn 2015 - 2020"
    new = figure_estimate(7.58e9, decimals=2, scale=1e9)
    bases = implied_bases(new, 1.7, qualifier="nearly")
    assert bases["times"].point / BN == pytest.approx(7.58 / 1.7)  # about 4.46
    assert bases["plus"].point / BN == pytest.approx(7.58 / 2.7)  # about 2.81
    # "gần 1,7" is 1.6-1.7, so "1.7 times" allows bases up to 7.585 / 1.6.
    assert bases["times"].high / BN == pytest.approx(7.585 / 1.6)
    result = check_multiple(new, None, 1.7, qualifier="nearly")
    assert result.status == "warn" and math.isnan(result.discrepancy)
    assert "4.4" in result.message and "2.8" in result.message


@pytest.mark.parametrize(
    ("base", "status", "fits"),
    [
        (4.5e9, "ok", (True, False)),  # 7.58 / 4.5 = 1.684: "1.7 times"
        (2.85e9, "warn", (False, True)),  # 7.58 / 2.85 = 2.66: only "(1 + 1.7) times"
        (1.0e9, "fail", (False, False)),
    ],
)
def test_multiple_with_a_base_tests_both_readings(base, status, fits):
    result = check_multiple(7.58e9, base, 1.7, qualifier="nearly")
    assert result.status == status
    assert (result.details["fits_times"], result.details["fits_plus"]) == fits


def test_pct_of_plan_against_a_plan_from_elsewhere():
    plan = figure_estimate(12.5e9, decimals=1, scale=1e9)
    assert check_pct_of_plan(10.51e9, 84, plan, pct_qualifier="nearly", pct_decimals=0).ok
    result = check_pct_of_plan(10.51e9, 84, 15e9, pct_qualifier="nearly", pct_decimals=0)
    assert result.status == "fail" and result.discrepancy / BN == pytest.approx(15 - 10.51 / 0.84)


def test_share_statement_reports_points_and_relative_change():
    # Hi-tech share 45,5% (2020) -> 60,6% (2023): +15.1 points, x1.33.
    result = check_share_statement(45.5, 60.6)
    assert result.status == "ok"
    assert result.details["pp"].point == pytest.approx(15.1)
    assert result.details["ratio"].point == pytest.approx(1.3319, abs=1e-4)
    assert result.details["relative_pct"].point == pytest.approx(33.19, abs=0.01)


@pytest.mark.parametrize(
    ("claimed", "claimed_as", "status"),
    [
        (15.1, "pp", "ok"),
        (15.1, "percent", "warn"),  # "tăng 15,1%" written for +15.1 points
        (33.2, "percent", "ok"),
        (1.33, "times", "ok"),
        (40.0, "percent", "fail"),
    ],
)
def test_share_statement_decides_between_points_and_percent(claimed, claimed_as, status):
    assert check_share_statement(45.5, 60.6, claimed, claimed_as=claimed_as).status == status


def test_share_statement_refuses_non_shares_and_bad_readings():
    assert check_share_statement(45.5, 160.6).status == "fail"
    with pytest.raises(ValueError, match="claimed_as"):
        check_share_statement(45.5, 60.6, 15.1, claimed_as="điểm")


def test_cumulative_series_never_falls_beyond_rounding():
    ok = check_cumulative_monotone([24.0e9, 26.21e9, 26.2e9], decimals=2, scale=1e9)
    assert ok.status == "ok" and ok.discrepancy == pytest.approx(0.01e9)
    fall = check_cumulative_monotone(
        [24.0e9, float("nan"), 26.21e9, 25.0e9],
        decimals=2,
        scale=1e9,
        labels=[2021, 2022, 2023, 2024],
    )
    assert fall.status == "fail"
    assert fall.details["falls"] == [(2023, 2024, pytest.approx(1.21e9))]
    assert "2023 -> 2024" in fall.message


@pytest.mark.parametrize(
    ("value", "unit", "status", "hint"),
    [
        (10.51e9, "USD", "ok", "plausible"),
        (30615e9, "USD", "fail", "is it VND"),  # "30.615 tỷ đồng" labelled USD
        (30615e9, "VND", "ok", "plausible"),
        (500.0, "VND", "fail", "scale word"),
        (130e6, "VND_per_person_per_year", "ok", "plausible"),
        (3.5, "count", "warn", "not whole"),
        (-4.0, "persons", "fail", "below"),
        (6418.0, "ha", "ok", "plausible"),
        (5.0, "furlongs", "warn", "no plausible range"),
        (float("nan"), "USD", "fail", "missing"),
    ],
)
def test_unit_sanity(value, unit, status, hint):
    result = check_units(value, unit)
    assert result.status == status
    assert hint in result.message


def test_a_plan_the_share_allows_shows_no_discrepancy():
    # 4,35 tỷ USD "bằng 242% kế hoạch năm" against the plan "1,8-2,3 tỷ USD": the floor fits.
    plan = figure_estimate(1.8e9, "range", 2.3e9, target=True)
    result = check_pct_of_plan(4.35e9, 242, plan, pct_qualifier="exact", pct_decimals=0)
    assert (result.status, result.discrepancy) == ("ok", 0.0)
