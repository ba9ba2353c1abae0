"""Indicator maths on the Hải Phòng case, hand-computed cases, every edge-case flag, properties."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ezlib.methods.bands import Estimate, figure_estimate
from ezlib.methods.indicators import (
    achieved_run_rate,
    attainment_share,
    cagr,
    elapsed_share,
    gap_closed,
    implied_target,
    met_status,
    pace_index,
    plan_years,
    project_cagr,
    project_linear,
    required_run_rate,
    target_met,
    to_complete_ratio,
)

BN = 1e9


# --- Hải Phòng end to end: "10,51 tỷ USD … đạt gần 84% kế hoạch giai đoạn 2021-2025" ---------


@pytest.fixture
def hai_phong():
    achieved = figure_estimate(10.51e9, "exact", decimals=2, scale=1e9)
    plan = implied_target(achieved, 84, pct_qualifier="nearly", pct_decimals=0)
    k, r, n = plan_years(2021, 2025, 2023)
    return achieved, plan, k, r, n


def test_hai_phong_implied_plan_and_its_band(hai_phong):
    _, plan, *_ = hai_phong
    assert plan.point / BN == pytest.approx(12.512, abs=5e-4)
    # 10.505 / 0.84 to 10.515 / 0.83: rounding of the amount and "gần" = 83-84%.
    assert plan.low / BN == pytest.approx(10.505 / 0.84)
    assert plan.high / BN == pytest.approx(10.515 / 0.83)
    assert plan.flags == {}


def test_hai_phong_pace_run_rates_and_projection(hai_phong):
    achieved, plan, k, r, n = hai_phong
    assert (k, r, n) == (3, 2, 5)
    elapsed = elapsed_share(2021, 2025, 2023)
    assert elapsed.point == pytest.approx(0.6)
    pace = pace_index(attainment_share(achieved, plan), elapsed)
    assert pace.point == pytest.approx(1.40)
    assert pace.low == pytest.approx(10.505 / (10.515 / 0.83) / 0.6)
    required = required_run_rate(plan, achieved, r)
    assert required.point / BN == pytest.approx(1.0, abs=0.01)
    assert achieved_run_rate(achieved, k).point / BN == pytest.approx(3.503, abs=1e-3)
    ratio = to_complete_ratio(plan, achieved, k, r)
    assert ratio.point == pytest.approx(0.29, abs=0.005)
    assert ratio.low <= 0.2857 <= ratio.high
    assert project_linear(achieved, k, r).point / BN == pytest.approx(10.51 * 5 / 3)


def test_implied_plan_with_a_plain_rounded_share():
    # progress-methods.md section 6: "84%" read as 83.5-84.5% gives 12.44-12.59 bn.
    plan = implied_target(10.51e9, 84, pct_qualifier="exact", pct_decimals=0)
    assert (plan.low / BN, plan.high / BN) == pytest.approx((10.51 / 0.845, 10.51 / 0.835))


def test_implied_target_of_a_zero_share_is_flagged():
    plan = implied_target(10.51e9, 0, pct_qualifier="exact")
    assert math.isnan(plan.point) and "zero_pct" in plan.flags


# --- attainment -------------------------------------------------------------------------------


def test_attainment_share_and_range_targets():
    assert attainment_share(10.51e9, 12.5e9).point == pytest.approx(0.8408)
    income = attainment_share(120e6, figure_estimate(130e6, "range", 135e6, target=True))
    assert (income.low, income.point, income.high) == pytest.approx(
        (120 / 135, 120 / 132.5, 120 / 130)
    )
    zero = attainment_share(5.0, 0.0)
    assert math.isnan(zero.point) and zero.flags == {"zero_target": True}


def test_gap_closed_in_both_directions():
    assert gap_closed(60.6, 70.0, 45.5).point == pytest.approx(15.1 / 24.5)
    # A decrease target: poverty rate 10% -> 4%, now 7%: half way.
    assert gap_closed(7.0, 4.0, 10.0).point == pytest.approx(0.5)
    same = gap_closed(50.0, 100.0, 100.0)
    assert math.isnan(same.point) and same.flags == {"target_equals_base": True}
    near = gap_closed(50.0, Estimate(99.0, 100.0, 101.0), 100.0)
    assert "target_equals_base" in near.flags


@pytest.mark.parametrize(
    ("actual", "target", "direction", "is_range", "met", "status"),
    [
        (110.0, 100.0, 1, False, True, "met"),
        (90.0, 100.0, 1, False, False, "not_met"),
        (Estimate(99.5, 100.0, 100.5), 100.0, 1, False, True, "borderline"),
        (98.0, figure_estimate(100.0, "approx", target=True), 1, False, False, "borderline"),
        (5600.0, figure_estimate(5500, "at_least", target=True), 1, False, True, "met"),
        (132e6, figure_estimate(130e6, "range", 135e6, target=True), 1, True, True, "met_floor"),
        (136e6, figure_estimate(130e6, "range", 135e6, target=True), 1, True, True, "met"),
        (128e6, figure_estimate(130e6, "range", 135e6, target=True), 1, True, False, "not_met"),
        (2.5, figure_estimate(3.0, "at_most", target=True), -1, False, True, "met"),
        (3.5, 3.0, -1, False, False, "not_met"),
        (float("nan"), 3.0, 1, False, False, "not_assessed"),
    ],
)
def test_target_met_and_met_status(actual, target, direction, is_range, met, status):
    assert target_met(actual, target, direction=direction, is_range=is_range) is met
    assert met_status(actual, target, direction=direction, is_range=is_range) == status


def test_met_status_is_vectorised():
    statuses = met_status(np.array([110.0, 90.0]), np.array([100.0, 100.0]))
    assert statuses.tolist() == ["met", "not_met"]


# --- time and pace ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "month", "share", "flags"),
    [
        (2023, 12, 0.6, {}),
        (2023, 6, 0.5, {}),
        (2021, 12, 0.2, {}),
        (2020, 12, 0.0, {"nothing_elapsed": True}),
        (2025, 12, 1.0, {"period_over": True}),
        (2027, 3, 1.0, {"period_over": True}),
    ],
)
def test_elapsed_share_counts_years_inclusively(as_of, month, share, flags):
    elapsed = elapsed_share(2021, 2025, as_of, month)
    assert elapsed.point == pytest.approx(share)
    assert elapsed.flags == flags


def test_an_inverted_period_is_flagged():
    elapsed = elapsed_share(2025, 2021, 2023)
    assert math.isnan(elapsed.point) and elapsed.flags == {"invalid_period": True}


def test_pace_before_anything_elapsed_is_flagged():
    pace = pace_index(0.1, elapsed_share(2021, 2025, 2020))
    assert math.isnan(pace.point) and "nothing_elapsed" in pace.flags


def test_run_rate_edge_cases_are_flagged():
    assert "nothing_elapsed" in achieved_run_rate(5.0, 0).flags
    over = required_run_rate(100.0, 80.0, 0)
    assert math.isnan(over.point) and over.flags == {"period_over": True}
    met = required_run_rate(100.0, 120.0, 2)
    assert met.point == pytest.approx(-10.0) and met.flags == {"target_met": True}
    idle = to_complete_ratio(100.0, 0.0, 2, 3)
    assert math.isnan(idle.point) and "zero_run_rate" in idle.flags
    early = to_complete_ratio(100.0, 0.0, 0, 5)
    assert math.isnan(early.point) and "nothing_elapsed" in early.flags
    done = to_complete_ratio(100.0, 120.0, 3, 2)
    assert done.point < 0 and "target_met" in done.flags


def test_to_complete_ratio_of_a_level_uses_the_gain_since_the_base():
    # Income 90 -> 120 in 3 years (10 a year); 132.5 needs 6.25 a year in the 2 left.
    ratio = to_complete_ratio(132.5, 120.0, 3, 2, baseline=90.0)
    assert ratio.point == pytest.approx(0.625)


# --- growth rates, targets, projections -------------------------------------------------------


def test_cagr_of_the_hi_tech_share():
    assert cagr(45.5, 60.6, 3).point == pytest.approx(0.1002, abs=1e-4)
    banded = cagr(figure_estimate(45.5, decimals=1), figure_estimate(60.6, decimals=1), 3)
    assert banded.low < 0.1002 < banded.high


@pytest.mark.parametrize(
    ("start", "end", "years", "flag"),
    [
        (0.0, 5.0, 3, "zero_base"),
        (-1.0, 5.0, 3, "sign_change"),
        (5.0, 0.0, 3, "zero_value"),
        (5.0, 6.0, 0, "nothing_elapsed"),
    ],
)
def test_cagr_is_undefined_with_a_flag(start, end, years, flag):
    rate = cagr(start, end, years)
    assert math.isnan(rate.point) and flag in rate.flags


def test_cagr_of_two_negative_values_is_computed_and_flagged():
    rate = cagr(-2.0, -3.0, 1)
    assert rate.point == pytest.approx(0.5) and rate.flags == {"negative_base": True}


def test_projections_by_cagr_and_by_linear_trend():
    # 100 -> 110 in 3 years, 2 more years: 110 * 1.1 ** (2/3) and 110 + 10/3 * 2.
    assert project_cagr(110.0, 100.0, 3, 2).point == pytest.approx(117.2162, abs=1e-4)
    assert project_linear(110.0, 3, 2, baseline=100.0).point == pytest.approx(116.6667, abs=1e-4)
    assert "sign_change" in project_cagr(110.0, -100.0, 3, 2).flags
    assert "nothing_elapsed" in project_linear(110.0, 0, 2).flags


# --- properties -------------------------------------------------------------------------------

positive = st.floats(min_value=1e-3, max_value=1e12)


@given(a1=st.floats(0, 1e12), a2=st.floats(0, 1e12), target=positive, rel=st.floats(0, 0.2))
def test_attainment_is_monotone_in_the_actual(a1, a2, target, rel):
    lo, hi = sorted((a1, a2))
    t = Estimate(target * (1 - rel), target, target * (1 + rel))
    first, second = attainment_share(lo, t), attainment_share(hi, t)
    assert first.point <= second.point
    assert first.low <= second.low and first.high <= second.high


@given(
    actual=st.floats(0, 1e12),
    target=positive,
    start=st.integers(2000, 2030),
    length=st.integers(0, 10),
    offset=st.integers(0, 12),
    month=st.integers(1, 12),
)
def test_pace_is_attainment_over_elapsed(actual, target, start, length, offset, month):
    attainment = attainment_share(actual, target)
    elapsed = elapsed_share(start, start + length, start + offset, month)
    pace = pace_index(attainment, elapsed)
    if elapsed.point == 0:
        assert math.isnan(pace.point) and "nothing_elapsed" in pace.flags
    else:
        assert pace.point == pytest.approx(attainment.point / elapsed.point)


@given(
    a=st.floats(1, 1e6),
    t=st.floats(1, 1e6),
    b=st.floats(0, 1e6),
    widths=st.tuples(*(st.floats(0, 0.1) for _ in range(3))),
)
def test_bands_contain_the_point_and_every_corner(a, t, b, widths):
    est = [Estimate(x * (1 - w), x, x * (1 + w)) for x, w in zip((a, t, b), widths, strict=True)]
    for result in (gap_closed(*est), to_complete_ratio(est[1], est[0], 3, 2, baseline=est[2])):
        if math.isnan(result.point):
            assert result.flags
            continue
        assert result.low <= result.point <= result.high
