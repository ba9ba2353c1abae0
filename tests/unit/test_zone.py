import numpy as np
import pandas as pd
from facts_frames import RATES, ZONE, facts_frame

import ezlib.progress.currency as currency
from ezlib.progress.pairing import pair_targets, pairs_by_zone
from ezlib.progress.zone import plan_status, progress_by_zone, zone_progress


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


def several_zones():
    plan = {"kind": "target", "period": "2021-2025", "value": 15e9, "qualifier": "approx"}
    share = {"measure": "level", "unit": "percent", "indicator": "kcn_occupancy_rate"}
    return facts_frame(
        [
            {"fact_id": "a-plan", **plan},
            {"fact_id": "a-2021-2023", "period": "2021-2023", "value": 10.51e9},
            {"fact_id": "c-actual", "entity_id": "zone-c", "period": "2021", "value": 1e9},
            {"fact_id": "b-plan", "entity_id": "zone-b", **plan, "value": 2e9},
            {"fact_id": "a-2024", "period": "2024", "value": 4.35e9},
            {"fact_id": "b-2021", "entity_id": "zone-b", "period": "2021-2022", "value": 1e9},
            {
                "fact_id": "b-target",
                "entity_id": "zone-b",
                "kind": "target",
                "as_of": "2025-12-31",
                "value": 80,
                **share,
            },
            {
                "fact_id": "b-base",
                "entity_id": "zone-b",
                "kind": "baseline",
                "as_of": "2020-12-31",
                "value": 50,
                **share,
            },
            {
                "fact_id": "b-now",
                "entity_id": "zone-b",
                "as_of": "2024-06-30",
                "value": 65,
                **share,
            },
        ]
    )


def test_the_progress_of_several_zones_is_each_zones_progress(monkeypatch):
    monkeypatch.setattr(currency, "load_rates", lambda: RATES)
    facts = several_zones()
    zones = ("zone-b", "zone-c", ZONE)
    each = progress_by_zone(facts, zones)
    assert [len(t) for t in each] == [2, 0, 1]
    assert each[2]["actual_fact_ids"].tolist() == [["a-2021-2023", "a-2024"]]
    for zone, table, pairs in zip(zones, each, pairs_by_zone(facts, zones), strict=True):
        pd.testing.assert_frame_equal(table, zone_progress(facts, zone))
        pd.testing.assert_frame_equal(pairs, pair_targets(facts, zone))
