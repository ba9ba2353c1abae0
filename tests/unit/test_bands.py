"""Qualifiers and rounding become bands; bands propagate by interval arithmetic."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ezlib.methods.bands import (
    PERCENT_TOL_PP,
    Estimate,
    divide,
    figure_estimate,
    half_unit,
    infer_decimals,
    propagate,
    qualifier_codes,
    value_band,
)
from ezlib.vocabulary import QUALIFIERS

INF = math.inf

# (phrase, value, qualifier, value_high, keyword arguments, band as a value, band as a target)
PHRASES = [
    (
        "10,51 tỷ USD",
        10.51e9,
        "exact",
        None,
        {"decimals": 2, "scale": 1e9},
        (10.505e9, 10.515e9),
        (10.51e9, 10.51e9),
    ),
    (
        "gần 84% kế hoạch",
        84,
        "nearly",
        None,
        {"decimals": 0, "abs_tol": PERCENT_TOL_PP},
        (83, 84),
        (83, 84),
    ),
    (
        "khoảng 35.000 lao động",
        35000,
        "approx",
        None,
        {"decimals": 0},
        (33250, 36750),
        (33250, 36750),
    ),
    (
        "khoảng 15 tỷ USD",
        15e9,
        "approx",
        None,
        {"decimals": 0, "scale": 1e9},
        (14.25e9, 15.75e9),
        (14.25e9, 15.75e9),
    ),
    (
        "trên 13,7 tỷ USD",
        13.7e9,
        "over",
        None,
        {"decimals": 1, "scale": 1e9},
        (13.7e9, 13.7e9 * 1.05),
        (13.7e9, 13.7e9),
    ),
    ("tăng gần 1,7 lần", 1.7, "nearly", None, {"decimals": 1}, (1.6, 1.7), (1.6, 1.7)),
    ("5.500 lao động trở lên", 5500, "at_least", None, {}, (5500, INF), (5500, 5500)),
    ("không quá 3%", 3, "at_most", None, {}, (-INF, 3), (3, 3)),
    ("từ 130-135 triệu/người/năm", 130e6, "range", 135e6, {}, (130e6, 135e6), (130e6, 135e6)),
]


@pytest.mark.parametrize(
    ("phrase", "value", "qualifier", "high", "kwargs", "as_value", "as_target"), PHRASES
)
def test_phrases_give_published_bands(phrase, value, qualifier, high, kwargs, as_value, as_target):
    assert value_band(value, qualifier, high, **kwargs) == pytest.approx(as_value)
    assert value_band(value, qualifier, high, target=True, **kwargs) == pytest.approx(as_target)


def test_nearly_uses_twice_the_rounding_when_that_is_wider():
    # "gần 84%" written 84 with 5% of 84 = 4.2 points, unless a 1-point tolerance is given.
    assert value_band(84, "nearly", decimals=0) == pytest.approx((79.8, 84))
    assert value_band(84.5, "nearly", decimals=1, abs_tol=0.01) == pytest.approx((84.4, 84.5))


def test_half_unit_is_computed_in_the_written_scale():
    assert half_unit(10.51e9, 2, 1e9) == pytest.approx(0.005e9)
    assert half_unit(327.45e6, 2, 1e6) == pytest.approx(0.005e6)
    assert half_unit(35000, -3) == pytest.approx(500)
    assert half_unit(84, None) == 0.5
    np.testing.assert_allclose(
        half_unit(np.array([60.6, 84.0]), np.array([np.nan, 0])), [0.05, 0.5]
    )


def test_infer_decimals_finds_the_fewest_digits():
    assert infer_decimals(10.51e9, 1e9) == 2
    assert infer_decimals(84) == 0
    np.testing.assert_array_equal(infer_decimals(np.array([60.6, 2628.33, np.nan])), [1, 2, np.nan])


def test_vectorised_bands_match_the_scalar_ones():
    values = np.array([row[1] for row in PHRASES], dtype=float)
    qualifiers = np.array([row[2] for row in PHRASES], dtype=object)
    highs = np.array([row[3] if row[3] is not None else np.nan for row in PHRASES])
    low, high = value_band(values, qualifiers, highs, decimals=1)
    for i, (value, qualifier, top) in enumerate(zip(values, qualifiers, highs, strict=True)):
        expected = value_band(value, qualifier, top, decimals=1)
        assert (low[i], high[i]) == pytest.approx(expected)


def test_qualifier_codes_accept_strings_missing_values_and_codes():
    assert qualifier_codes("nearly") == QUALIFIERS.index("nearly")
    assert qualifier_codes("khoảng") == -1
    np.testing.assert_array_equal(
        qualifier_codes(np.array(["range", None, np.nan, "bogus"], dtype=object)),
        [QUALIFIERS.index("range"), 0, 0, -1],
    )
    np.testing.assert_array_equal(qualifier_codes(np.array([2, 6])), [2, 6])


def test_figure_estimate_points_and_flags():
    assert tuple(figure_estimate(130e6, "range", 135e6)) == (130e6, 132.5e6, 135e6)
    unknown = figure_estimate(5.0, "khoảng")
    assert math.isnan(unknown.point) and unknown.flags == {"unknown_qualifier": True}
    no_end = figure_estimate(10.0, "range")
    assert math.isnan(no_end.point) and no_end.flags == {"missing_range_end": True}
    assert figure_estimate(float("nan")).flags == {"missing_value": True}
    assert figure_estimate(5500, "at_least").flags == {"open_band": True}
    assert figure_estimate(5500, "at_least", target=True).flags == {}


def test_estimate_arithmetic_is_interval_arithmetic():
    a, b = Estimate(1.0, 2.0, 3.0), Estimate(4.0, 5.0, 6.0)
    assert tuple(a + b) == (5.0, 7.0, 9.0)
    assert tuple(b - a) == (1.0, 3.0, 5.0)
    assert tuple(a * -1.0) == (-3.0, -2.0, -1.0)
    assert tuple(-a) == (-3.0, -2.0, -1.0)
    assert tuple(a / b) == pytest.approx((1 / 6, 0.4, 0.75))
    assert tuple(10.0 - a) == (7.0, 8.0, 9.0)
    assert a.contains(2.5) and not a.contains(3.5)
    assert a.width == 2.0


def test_division_by_a_band_around_zero_is_unbounded_and_by_zero_is_flagged():
    straddling = Estimate(1.0, 2.0, 3.0) / Estimate(-1.0, 1.0, 2.0)
    assert (straddling.low, straddling.high) == (-INF, INF)
    assert straddling.flags == {"band_unbounded": True}
    zero = divide(1.0, 0.0, zero_flag="zero_target")
    assert math.isnan(zero.point) and zero.flags == {"zero_target": True}
    touching = Estimate(1.0, 2.0, 3.0) / Estimate(0.0, 1.0, 2.0)
    assert (touching.low, touching.high) == (0.5, INF)


def test_array_flags_are_masks_and_nan_points_always_carry_one():
    result = divide(np.array([1.0, 2.0, np.nan]), np.array([0.0, 4.0, 1.0]))
    assert result.flagged("zero_division").tolist() == [True, False, False]
    assert result.flagged("missing_value").tolist() == [False, False, True]
    assert result.flagged("nothing_here").tolist() == [False, False, False]
    silent = propagate(lambda x: x * np.nan, np.array([1.0, 2.0]))
    assert silent.flagged("undefined").tolist() == [True, True]


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@given(
    value=finite,
    width=st.floats(min_value=0, max_value=1e11),
    qualifier=st.sampled_from(QUALIFIERS),
    decimals=st.integers(min_value=-3, max_value=4),
    scale=st.sampled_from([1.0, 1e3, 1e6, 1e9]),
    target=st.booleans(),
)
def test_the_band_always_contains_the_point(value, width, qualifier, decimals, scale, target):
    e = figure_estimate(
        value, qualifier, value + width, decimals=decimals, scale=scale, target=target
    )
    assert e.low <= e.point <= e.high


@given(
    a=st.tuples(finite, st.floats(0, 1e6), st.floats(0, 1e6)),
    b=st.tuples(finite, st.floats(0, 1e6), st.floats(0, 1e6)),
    op=st.sampled_from(["add", "sub", "mul", "div"]),
)
def test_arithmetic_bands_contain_every_combination_of_inputs(a, b, op):
    x = Estimate(a[0] - a[1], a[0], a[0] + a[2])
    y = Estimate(b[0] - b[1], b[0], b[0] + b[2])
    result = {"add": x + y, "sub": x - y, "mul": x * y, "div": x / y}[op]
    if math.isnan(result.point):
        assert result.flags
        return
    for u in (x.low, x.point, x.high):
        for v in (y.low, y.point, y.high):
            with np.errstate(all="ignore"):
                exact = {"add": u + v, "sub": u - v, "mul": u * v, "div": np.divide(u, v)}[op]
            if np.isfinite(exact):
                assert result.low - 1e-6 * abs(exact) <= exact <= result.high + 1e-6 * abs(exact)
