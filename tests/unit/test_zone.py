import numpy as np
import pandas as pd

from ezlib.progress.zone import plan_status


def table(**columns):
    rows = {
        "period_end_year": [2025.0],
        "met_status": ["not_met"],
        "actual_end": [pd.Timestamp("2025-12-31")],
        **columns,
    }
    return pd.DataFrame(rows)


def status(data_date="2026-06-30", **columns):
    return plan_status(table(**columns), pd.Timestamp(data_date)).iloc[0]


def test_a_plan_still_running_is_open():
    assert status(data_date="2025-06-30", met_status=["met"]) == "open"


def test_a_plan_met_on_the_latest_evidence_is_met_even_before_its_end():
    assert status(met_status=["met"], actual_end=[pd.Timestamp("2024-12-31")]) == "met"
    assert status(met_status=["met_floor"]) == "met"
    assert status(met_status=["borderline"]) == "borderline"


def test_a_shortfall_is_not_met_only_when_the_evidence_covers_the_whole_period():
    assert status() == "not_met"
    assert status(actual_end=[pd.Timestamp("2024-12-31")]) == "not_measurable"


def test_a_plan_with_no_result_is_not_measurable():
    assert status(met_status=["not_assessed"], actual_end=[pd.NaT]) == "not_measurable"


def test_the_period_ends_on_the_last_day_of_its_end_year():
    assert status(data_date="2025-12-30") == "open"
    assert status(data_date="2025-12-31") == "not_met"
    assert np.all(plan_status(table(period_end_year=[np.nan]), pd.Timestamp("2030")) == "open")
