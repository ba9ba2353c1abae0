"""Targets paired with actuals and assessed on the real data: every zone has a measured target."""

import math

import pandas as pd
import pytest

from ezlib.data.load import load_facts
from ezlib.progress.audit import conflicts, coverage
from ezlib.progress.compare import compare_zones
from ezlib.progress.consistency import consistency_checks
from ezlib.progress.currency import to_usd
from ezlib.progress.pairing import pair_targets
from ezlib.progress.zone import zone_progress
from ezlib.report.narrative import plan_narrative
from ezlib.report.tables import (
    audit_display,
    checks_display,
    comparison_display,
    format_amount,
    progress_display,
    sources_display,
)


@pytest.fixture(scope="module")
def facts():
    return load_facts()


@pytest.fixture(scope="module")
def hai_phong(facts):
    return zone_progress(facts, "hp-zones").set_index("target_fact_id")


def test_hai_phong_fdi_plan_is_implied_from_nearly_84_percent(hai_phong):
    row = hai_phong.loc["hp-012"]
    assert row["target_measure"] == "implied"
    assert row["target_point"] == pytest.approx(10.51e9 / 0.84)
    assert row["target_low"] <= row["target_point"] <= row["target_high"]
    assert row["target_high"] == pytest.approx(10.515e9 / 0.83, rel=1e-3)
    assert row["elapsed_share"] == pytest.approx(0.6)
    assert row["pace_index_point"] == pytest.approx(1.40)
    assert row["required_run_rate_point"] == pytest.approx(1.0e9, rel=0.01)
    assert row["to_complete_point"] == pytest.approx(0.29, abs=0.01)
    assert row["eurostat_category"] == "significant_progress"


def test_every_zone_has_a_measured_attainment_with_pace_and_category(facts):
    for zone in ("hp-zones", "th-zones", "tb-zones"):
        table = zone_progress(facts, zone)
        measured = table[(table["status"] == "measured") & table["pace_index_point"].notna()]
        assert not measured.empty, zone
        assert measured["eurostat_category"].astype(str).ne("not_assessed").any(), zone


def test_nghi_son_investment_is_rebuilt_from_cumulative_levels(facts):
    pairs = pair_targets(facts, "th-zones").set_index("target_fact_id")
    row = pairs.loc["th-005"]
    assert row["pairing"] == "from_levels"
    assert row["actual_fact_ids"] == ["ev-091", "ev-104", "ev-089", "ev-103"]  # later, first
    fdi = 13.677e9 - 13.45e9
    domestic_usd = 179_176e9 / 23787.32 - 156_489e9 / 23159.78
    assert row["actual_value"] == pytest.approx(fdi + domestic_usd)
    assert row["actual_years"] == pytest.approx(3.0)


def test_targets_without_actuals_are_listed_as_such(facts):
    table = zone_progress(facts, "th-zones")
    waiting = table[table["status"] == "no_actual"]
    assert set(waiting["target_fact_id"]) >= {"th-001", "th-002", "th-004"}
    assert waiting["attainment_point"].isna().all()
    assert (waiting["flags"] == "").all()


def test_an_ambiguous_share_of_plan_implies_nothing(hai_phong):
    # ev-039 "206 percent of the target" sits beside two different 2021 totals (2.96 and 5.2 bn).
    assert "ev-039" not in hai_phong.index
    assert "ev-007" in hai_phong.index  # exports: one achieved amount, so the plan is implied


def test_vnd_is_put_on_the_usd_scale_with_the_year_rate(facts):
    row = to_usd(facts[facts["fact_id"] == "hp-026"]).iloc[0]
    assert row["usd_unit"] == "USD"
    assert row["value_usd"] == pytest.approx(30_615e9 / 23159.78)
    assert not row["usd_rate_provisional"]
    plan = to_usd(facts[facts["fact_id"] == "th-001"]).iloc[0]
    assert plan["usd_rate_provisional"]  # 2021-2025 includes the provisional 2024 and 2025 rates


def test_consistency_checks_on_the_reported_figures(facts):
    table = checks_display(consistency_checks(facts, "hp-zones"), "en")
    parts = table[table["Sources"] == "hp-011 ; hp-013 ; hp-010"]
    assert parts["Status"].tolist() == ["ok"]
    multiple = table[table["Check"].str.contains("1,7 lần")].iloc[0]
    assert multiple["Status"] == "base not reported"
    assert "4.46 bn USD" in multiple["Note"] and "2.81 bn USD" in multiple["Note"]


def test_plan_check_narrative_reproduces_the_84_percent(facts, hai_phong):
    text = plan_narrative(hai_phong.reset_index().query("target_fact_id == 'hp-012'"), "vi")
    assert "84%" in text and "12,51 tỷ USD" in text
    assert "chỉ số tiến độ 1,40" in text and "0,29 lần" in text


def test_reader_tables_are_localised(facts, hai_phong):
    shown = progress_display(hai_phong.reset_index(), "vi")
    assert "Đạt (% mục tiêu)" in shown.columns
    assert "84% (83%–84%)" in shown["Đạt (% mục tiêu)"].tolist()
    sources = sources_display(facts, ["hp-011", "hp-012"], "en")
    assert sources["Quote"].tolist()[0] == "“vốn đầu tư nước ngoài đạt 10,51 tỷ USD”"


@pytest.mark.parametrize(
    ("value", "unit", "lang", "shown"),
    [
        (12.51e9, "USD", "vi", "12,51 tỷ USD"),
        (12.51e9, "USD", "en", "12.51 bn USD"),
        (1.125e15, "VND", "vi", "1.125 nghìn tỷ VND"),
        (6418, "ha", "vi", "6.418 ha"),
        (84, "percent", "en", "84%"),
        (float("nan"), "USD", "en", "–"),
    ],
)
def test_amounts_are_written_as_readers_write_them(value, unit, lang, shown):
    assert format_amount(value, unit, lang) == shown


def test_comparison_puts_money_targets_per_plan_year(facts):
    table = comparison_display(compare_zones(facts), facts, "en")
    nghi_son = table[table["Sources"] == "th-005"].iloc[0]
    assert nghi_son["Target per plan year (USD)"] == "3 bn USD"  # 15 bn over 5 years
    assert nghi_son["Measured"] == "✓"


def test_audit_coverage_counts_every_fact_and_conflicts_show_the_difference(facts):
    table = audit_display(coverage(facts), "en")
    assert int(table[["actual", "baseline", "target"]].to_numpy().sum()) == len(facts)
    found = audit_display(conflicts(facts), "en")
    assert not found.empty
    assert found["Discrepancy"].str.contains("%").all()
    assert not math.isnan(
        pd.to_numeric(found["Discrepancy"].str.extract(r"\((-?[\d.]+)%\)")[0]).iloc[0]
    )


def test_later_reports_are_added_to_an_implied_plan(hai_phong):
    row = hai_phong.loc["hp-012"]
    assert row["later_fact_ids"] == ["hp-011", "ev-001"]  # 2021-2023, then 2024
    assert row["later_value"] == pytest.approx(10.51e9 + 4.35e9)
    text = plan_narrative(hai_phong.reset_index().query("target_fact_id == 'hp-012'"), "en")
    assert "Later reports (hp-011 + ev-001) bring the total to the end of 2024" in text
    assert "to 14.86 bn USD, 117–119% of the implied plan" in text
