"""The DataFrame entry point: Hải Phòng end to end, every edge-case flag, the column contract."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ezlib.methods.assess as assess_module
from ezlib.errors import DataError
from ezlib.methods.assess import (
    ESTIMATE_OUTPUTS,
    FLOAT_COLUMNS,
    REQUIRED_COLUMNS,
    assess,
    assess_record,
)
from ezlib.vocabulary import QUALIFIERS

NAN = float("nan")
PLAN = {"period_start_year": 2021, "period_end_year": 2025, "as_of_year": 2023}

HAI_PHONG = {
    "target_value": NAN,
    "actual_value": 10.51e9,
    "actual_decimals": 2,
    "actual_scale": 1e9,
    "reported_pct": 84,
    "reported_pct_qualifier": "nearly",
    "reported_pct_decimals": 0,
    "unit": "USD",
    "target_kind": "cumulative",
    **PLAN,
}


def row(**fields):
    return {"target_kind": "level", **PLAN, **fields}


# Each row meets one pitfall; the flag it must carry.
EDGE_CASES = {
    "zero_base": row(target_value=100, actual_value=50, baseline_value=0),
    "negative_base": row(target_value=100, actual_value=-50, baseline_value=-10),
    "sign_change": row(target_value=100, actual_value=50, baseline_value=-10),
    "target_equals_base": row(target_value=100, actual_value=50, baseline_value=100),
    "target_met": row(target_kind="cumulative", target_value=100, actual_value=120),
    "target_met_at_base": row(target_value=100, actual_value=90, baseline_value=110),
    "nothing_elapsed": row(
        target_kind="cumulative", target_value=100, actual_value=0, as_of_year=2020
    ),
    "period_over": row(
        target_kind="cumulative", target_value=100, actual_value=80, as_of_year=2026
    ),
    "zero_run_rate": row(target_kind="cumulative", target_value=100, actual_value=0),
    "no_baseline": row(target_value=100, actual_value=50),
    "unknown_kind": row(target_kind="stock", target_value=100, actual_value=50),
    "missing_actual": row(target_kind="cumulative", target_value=100, actual_value=NAN),
    "missing_target": row(target_kind="cumulative", target_value=NAN, actual_value=50),
    "unknown_qualifier": row(
        target_kind="cumulative", target_value=100, target_qualifier="khoảng", actual_value=50
    ),
    "invalid_period": row(
        target_kind="cumulative", target_value=100, actual_value=50, period_end_year=2019
    ),
    "projection_clamped": row(target_value=95, actual_value=90, baseline_value=45, unit="percent"),
    "zero_target": row(target_kind="cumulative", target_value=0, actual_value=5),
    "invalid_direction": row(
        target_kind="cumulative", target_value=100, actual_value=50, direction=2
    ),
    "open_band": row(
        target_kind="cumulative", target_value=100, actual_value=50, actual_qualifier="at_least"
    ),
}


def test_hai_phong_end_to_end():
    out = assess(pd.DataFrame([HAI_PHONG]))
    result = out.iloc[0]
    assert result["target_point"] / 1e9 == pytest.approx(12.512, abs=5e-4)
    assert (result["target_low"] / 1e9, result["target_high"] / 1e9) == pytest.approx(
        (10.505 / 0.84, 10.515 / 0.83)
    )
    assert result["elapsed_share"] == pytest.approx(0.6)
    assert (result["years_elapsed"], result["years_left"]) == (3, 2)
    assert result["pace_index_point"] == pytest.approx(1.40)
    assert result["required_run_rate_point"] / 1e9 == pytest.approx(1.0, abs=0.01)
    assert result["to_complete_point"] == pytest.approx(0.29, abs=0.005)
    assert result["projection_point"] / 1e9 == pytest.approx(17.52, abs=0.01)
    assert result["eurostat_category"] == "significant_progress"
    assert result["unsd_category"] == "substantial_progress"
    assert result["escap_category"] == "progress_made"
    assert not result["eurostat_borderline"]
    assert result["met_status"] == "not_met"
    assert result["flags"] == "implied_target;stated_attainment"
    # The attainment is the source's "gần 84%" (83-84%), not a band derived in a circle.
    assert (result["attainment_low"], result["attainment_high"]) == pytest.approx((0.83, 0.84))


def test_a_stated_attainment_is_used_as_stated_with_its_own_hedge():
    stated = row(
        target_kind="cumulative",
        target_value=float("nan"),
        actual_value=2.18e9,
        actual_decimals=2,
        actual_scale=1e9,
        reported_pct=109,
        reported_pct_decimals=0,
        period_start_year=2022,
        period_end_year=2022,
        as_of_year=2022,
    )
    result = assess(pd.DataFrame([stated])).iloc[0]
    assert (result["attainment_low"], result["attainment_high"]) == pytest.approx((1.085, 1.095))
    assert result["attainment_point"] == pytest.approx(1.09)
    assert not result["eurostat_borderline"]
    assert result["met_status"] == "met"  # 108,5% at the least: met for sure


def test_a_later_actual_is_measured_against_the_plan_implied_by_an_earlier_share():
    later = row(
        target_kind="cumulative",
        target_value=float("nan"),
        actual_value=14.86e9,
        actual_decimals=0,
        actual_scale=1e7,
        achieved_value=10.51e9,
        achieved_decimals=2,
        achieved_scale=1e9,
        reported_pct=84,
        reported_pct_qualifier="nearly",
        reported_pct_decimals=0,
        as_of_year=2024,
    )
    result = assess(pd.DataFrame([later])).iloc[0]
    assert result["target_point"] == pytest.approx(10.51e9 / 0.84)  # implied by 2021-2023
    assert result["attainment_point"] == pytest.approx(14.86e9 / (10.51e9 / 0.84))
    assert "stated_attainment" not in result["flags"]
    assert result["met_status"] == "met"


def test_equal_attainment_gets_the_same_category_for_a_point_and_a_range_target():
    point = row(target_kind="cumulative", target_value=2.0e9, actual_value=1.82e9)
    ranged = row(
        target_kind="cumulative",
        target_value=2.0e9,
        target_value_high=2.5e9,
        target_qualifier="range",
        actual_value=1.82e9,
    )
    out = assess(pd.DataFrame([point, ranged]))
    assert out["attainment_point"].tolist() == pytest.approx([0.91, 0.91])
    assert out["eurostat_category"].astype(str).nunique() == 1
    assert out["met_status"].astype(str).tolist() == ["not_met", "not_met"]


def test_a_level_target_is_assessed_with_compound_growth():
    out = assess(pd.DataFrame([row(target_value=120, actual_value=110, baseline_value=100)]))
    result = out.iloc[0]
    assert result["gap_closed_point"] == pytest.approx(0.5, abs=0.03)
    assert result["eurostat_point"] == pytest.approx(0.8692, abs=0.01)
    assert result["unsd_point"] == pytest.approx(0.8608, abs=0.01)
    assert result["projection_point"] == pytest.approx(117.216, abs=0.01)
    assert result["projection_linear_point"] == pytest.approx(116.667, abs=0.01)
    assert result["eurostat_category"] == "moderate_progress"


def test_a_range_target_met_at_its_floor():
    income = row(
        target_value=130e6,
        target_value_high=135e6,
        target_qualifier="range",
        actual_value=132e6,
        baseline_value=90e6,
        as_of_year=2025,
    )
    result = assess(pd.DataFrame([income])).iloc[0]
    assert result["met_status"] == "met_floor"
    assert result["eurostat_category"] == "target_achieved"
    assert result["attainment_low"] == pytest.approx(132 / 135, abs=1e-6)
    assert result["attainment_high"] == pytest.approx(132 / 130, abs=1e-6)


def test_an_at_most_target_defaults_to_less_is_better():
    frame = pd.DataFrame(
        [row(target_kind="cumulative", target_value=3, target_qualifier="at_most", actual_value=2)]
    )
    assert assess(frame).iloc[0]["met_status"] == "met"


@pytest.mark.parametrize("flag", list(EDGE_CASES))
def test_each_edge_case_is_flagged_without_a_crash(flag):
    out = assess(pd.DataFrame([EDGE_CASES[flag]]))
    assert flag in out.iloc[0]["flags"].split(";")


def test_every_nan_result_carries_a_flag():
    out = assess(pd.DataFrame(list(EDGE_CASES.values())))
    points = out[[f"{name}_point" for name in ESTIMATE_OUTPUTS]]
    unexplained = points.isna().any(axis=1) & out["flags"].astype(str).eq("")
    assert not unexplained.any()
    assert "undefined" not in ";".join(out["flags"].astype(str))


def test_output_contract():
    frame = pd.DataFrame([HAI_PHONG, EDGE_CASES["zero_base"]], index=["hp", "z"])
    out = assess(frame)
    assert list(out.index) == ["hp", "z"]
    categories = [
        f"{m}_{c}" for m in ("eurostat", "unsd", "escap") for c in ("category", "borderline")
    ]
    assert list(out.columns) == [*FLOAT_COLUMNS, *categories, "met_status", "flags"]
    assert all(out[c].dtype == float for c in FLOAT_COLUMNS)
    assert out["eurostat_borderline"].dtype == bool
    assert isinstance(out["eurostat_category"].dtype, pd.CategoricalDtype)
    assert out.loc["z", "flags"] == "zero_base"


def test_an_empty_table_keeps_every_column():
    empty = pd.DataFrame({column: [] for column in REQUIRED_COLUMNS})
    out = assess(empty)
    assert out.empty and list(out.columns) == list(assess(pd.DataFrame([HAI_PHONG])).columns)


def test_assess_record_matches_assess():
    single = assess_record(HAI_PHONG)
    table = assess(pd.DataFrame([HAI_PHONG])).iloc[0]
    for name, value in single.items():
        if isinstance(value, float) and math.isnan(value):
            assert math.isnan(table[name])
        else:
            assert (
                value == pytest.approx(table[name])
                if isinstance(value, float)
                else value == table[name]
            )


def test_chunks_give_the_same_result(monkeypatch):
    frame = pd.DataFrame(list(EDGE_CASES.values()) + [HAI_PHONG] * 3)
    whole = assess(frame)
    monkeypatch.setattr(assess_module, "CHUNK_ROWS", 4)
    pd.testing.assert_frame_equal(assess(frame), whole, check_categorical=False)


def test_bad_input_raises_a_located_error():
    with pytest.raises(DataError, match="as_of_year"):
        assess(pd.DataFrame([{"target_value": 1, "actual_value": 1, "target_kind": "level"}]))
    bad = dict(HAI_PHONG, actual_decimals="two")
    with pytest.raises(DataError, match="actual_decimals"):
        assess(pd.DataFrame([bad]))


figures = st.one_of(st.just(NAN), st.floats(-1e3, 1e6, allow_nan=False))


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                "target_value": figures,
                "target_value_high": figures,
                "target_qualifier": st.sampled_from([*QUALIFIERS, None]),
                "actual_value": figures,
                "actual_qualifier": st.sampled_from(QUALIFIERS),
                "baseline_value": figures,
                "target_kind": st.sampled_from(["level", "cumulative"]),
                "period_start_year": st.integers(2015, 2026),
                "period_end_year": st.integers(2015, 2030),
                "as_of_year": st.integers(2014, 2032),
                "as_of_month": st.integers(1, 12),
                "direction": st.sampled_from([1, -1, NAN]),
                "unit": st.sampled_from(["USD", "percent"]),
            }
        ),
        min_size=1,
        max_size=8,
    )
)
def test_random_tables_never_crash_and_keep_the_contract(rows):
    out = assess(pd.DataFrame(rows))
    flags = out["flags"].astype(str)
    for name in ESTIMATE_OUTPUTS:
        low, point, high = (out[f"{name}_{p}"] for p in ("low", "point", "high"))
        assert not (point.isna() & flags.eq("")).any(), name
        known = point.notna()
        slack = 1e-9 * point[known].abs().where(np.isfinite(point[known]), 0)
        assert ((low[known] <= point[known] + slack) | (low[known] == point[known])).all(), name
        assert ((point[known] <= high[known] + slack) | (high[known] == point[known])).all(), name
    assert "undefined" not in ";".join(flags)
