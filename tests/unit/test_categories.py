"""Official progress categories: each side of every threshold, overrides, borderline, edge flags."""

import math

import numpy as np
import pytest

from ezlib.methods.bands import Estimate, figure_estimate
from ezlib.methods.categories import (
    ESCAP_CUTS,
    ESCAP_LABELS,
    EUROSTAT_CUTS,
    EUROSTAT_LABELS,
    UNSD_CUTS,
    UNSD_LABELS,
    categorize,
    classify,
    escap_current_status,
    escap_progress,
    eurostat_progress,
    eurostat_ratio,
    unsd_expected_progress,
    unsd_progress,
)

EPS = 1e-9


@pytest.mark.parametrize(
    ("cuts", "labels"),
    [(EUROSTAT_CUTS, EUROSTAT_LABELS), (UNSD_CUTS, UNSD_LABELS), (ESCAP_CUTS, ESCAP_LABELS)],
)
def test_each_side_of_every_threshold(cuts, labels):
    for i, cut in enumerate(cuts):
        assert classify(cut - EPS, cuts, labels) == labels[i]
        assert classify(cut, cuts, labels) == labels[i + 1]  # ">= cut" is the upper category
        assert classify(cut + EPS, cuts, labels) == labels[i + 1]


def test_published_thresholds_are_the_defaults():
    assert EUROSTAT_CUTS == (0.0, 0.60, 0.95)
    assert UNSD_CUTS == (-0.1, 0.1, 0.5, 0.95)
    assert classify(
        np.array([0.96, 0.7, 0.3, -0.2, np.nan]), EUROSTAT_CUTS, EUROSTAT_LABELS
    ).tolist() == [
        "significant_progress",
        "moderate_progress",
        "insufficient_progress",
        "movement_away",
        "not_assessed",
    ]


def test_bad_cuts_are_refused():
    with pytest.raises(ValueError, match="ascend"):
        classify(0.5, (0.95, 0.6), ("a", "b", "c"))
    with pytest.raises(ValueError, match="one label more"):
        categorize(0.5, (0.6,), ("a",))


# Level target: base 100 at t0, target 120 after n = 5 years, actual A after k = 3 years.
# Hand computation: CAGR_r = 1.2 ** (1/5) - 1 = 3.714%.
@pytest.mark.parametrize(
    ("actual", "ratio", "label"),
    [
        (112.0, 1.0367, "significant_progress"),  # CAGR_a = 3.850%
        (110.0, 0.8692, "moderate_progress"),  # CAGR_a = 3.228%
        (105.0, 0.4415, "insufficient_progress"),  # CAGR_a = 1.640%
        (95.0, -0.4565, "movement_away"),  # CAGR_a = -1.695%
        (125.0, 2.0792, "target_achieved"),  # CAGR_a = 7.722%; met: the override wins
    ],
)
def test_eurostat_hand_computed_level_cases(actual, ratio, label):
    result = eurostat_progress(actual, 120.0, 3, 5, baseline=100.0)
    assert result.value.point == pytest.approx(ratio, abs=1e-4)
    assert result.label == label
    assert result.borderline is False


# Same case, UNSD 2023: v_e = A * (A / 100) ** (2/3); P = (v_e - 100) / 20.
@pytest.mark.parametrize(
    ("actual", "score", "label"),
    [
        (113.0, 1.1296, "substantial_progress"),  # v_e = 122.593, target not met yet
        (110.0, 0.8608, "fair_progress"),  # v_e = 117.216
        (103.0, 0.2525, "marginal_progress"),  # v_e = 105.050
        (100.0, 0.0, "stagnation"),
        (99.0, -0.0831, "stagnation"),  # v_e = 98.339
        (90.0, -0.8052, "regression"),  # v_e = 83.895
    ],
)
def test_unsd_hand_computed_level_cases(actual, score, label):
    result = unsd_progress(actual, 120.0, 3, 5, baseline=100.0)
    assert result.value.point == pytest.approx(score, abs=1e-4)
    assert result.label == label


def test_escap_current_status_is_capped_and_directed():
    assert escap_current_status(110.0, 120.0, baseline=100.0).point == pytest.approx(0.5)
    assert escap_current_status(130.0, 120.0, baseline=100.0).point == 1.0
    assert escap_progress(90.0, 120.0, baseline=100.0).label == "regression"
    assert escap_progress(110.0, 120.0, baseline=100.0).label == "progress_made"
    # Less is better: 10% -> 7% against a 4% target is half way.
    assert escap_current_status(7.0, 4.0, baseline=10.0, direction=-1).point == pytest.approx(0.5)


def test_cumulative_flows_use_the_pace_index():
    # Hải Phòng: 10.51 of 12.51 bn after 3 of 5 years.
    for method in (eurostat_ratio, unsd_expected_progress):
        value = method(10.51e9, 12.51e9, 3, 5, kind="cumulative")
        assert value.point == pytest.approx(10.51 / 12.51 / 0.6)
    assert (
        eurostat_progress(10.51e9, 12.51e9, 3, 5, kind="cumulative").label == "significant_progress"
    )
    assert unsd_progress(1e9, 12.51e9, 3, 5, kind="cumulative").label == "marginal_progress"
    assert escap_progress(10.51e9, 12.51e9).value.point == pytest.approx(10.51 / 12.51)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        eurostat_ratio(1.0, 2.0, 1, 2, kind="stock")


def test_borderline_when_the_band_straddles_a_threshold():
    # RR band 0.55-0.65 straddles 60%.
    result = categorize(Estimate(0.55, 0.62, 0.65), EUROSTAT_CUTS, EUROSTAT_LABELS)
    assert (result.label, result.label_low, result.label_high) == (
        "moderate_progress",
        "insufficient_progress",
        "moderate_progress",
    )
    assert result.borderline is True
    firm = categorize(Estimate(0.61, 0.62, 0.65), EUROSTAT_CUTS, EUROSTAT_LABELS)
    assert firm.borderline is False


def test_target_achieved_overrides_and_is_firm_unless_the_bands_leave_it_open():
    sure = categorize(Estimate(0.1, 0.5, 0.9), EUROSTAT_CUTS, EUROSTAT_LABELS, met=True)
    assert sure.label == "target_achieved" and sure.borderline is False
    open_ = categorize(0.5, EUROSTAT_CUTS, EUROSTAT_LABELS, met=True, met_uncertain=True)
    assert open_.label == "target_achieved" and open_.borderline is True
    # "vốn FDI đạt gần 2,5 tỷ USD" against a 2.5-3 bn plan: floor met at face value, not surely.
    plan = figure_estimate(2.5e9, "range", 3e9, target=True)
    actual = figure_estimate(2.5e9, "nearly", decimals=1, scale=1e9)
    result = eurostat_progress(actual, plan, 1, 1, kind="cumulative", is_range=True)
    assert result.label == "target_achieved" and result.borderline is True


def test_edge_cases_are_not_assessed_with_their_flag():
    cases = {
        "target_equals_base": eurostat_progress(110.0, 100.0, 3, 5, baseline=100.0),
        "zero_base": eurostat_progress(50.0, 100.0, 3, 5, baseline=0.0),
        "sign_change": unsd_progress(50.0, 100.0, 3, 5, baseline=-10.0),
        "no_baseline": eurostat_progress(50.0, 100.0, 3, 5),
        "target_met_at_base": unsd_progress(90.0, 100.0, 3, 5, baseline=110.0),
        "nothing_elapsed": eurostat_progress(0.0, 100.0, 0, 5, kind="cumulative"),
    }
    for flag, result in cases.items():
        assert math.isnan(result.value.point), flag
        assert flag in result.value.flags, flag
    assert cases["target_equals_base"].label == "target_achieved"  # 110 >= 100: met anyway
    assert cases["zero_base"].label == "not_assessed"
    assert escap_current_status(90.0, 100.0, baseline=110.0).flags == {"target_met_at_base": True}
    assert "invalid_direction" in escap_current_status(90.0, 100.0, direction=0).flags


def test_categories_are_vectorised_and_convert_to_categoricals():
    result = eurostat_progress(np.array([112.0, 110.0, 95.0, np.nan]), 120.0, 3, 5, baseline=100.0)
    assert result.label.tolist() == [
        "significant_progress",
        "moderate_progress",
        "movement_away",
        "not_assessed",
    ]
    categorical = result.categorical()
    assert list(categorical.astype(str)) == result.label.tolist()
    assert "target_achieved" in categorical.categories
    escap = escap_progress(np.array([130.0, 110.0]), 120.0, baseline=100.0).categorical()
    assert list(escap.categories).count("target_achieved") == 1
