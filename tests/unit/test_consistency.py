"""The plan check on a few facts written inline: consistency_checks and the plan narrative."""

import math

import pandas as pd
import pytest
from facts_frames import RATES, ZONE, facts_frame

import ezlib.progress.currency as currency
from ezlib.progress.consistency import (
    CHECK_COLUMNS,
    all_consistency_checks,
    consistency_checks,
)
from ezlib.progress.zone import zone_history
from ezlib.report.narrative import plan_narrative

PARTS = "FDI + DDI = total"


def checks(rows, zone=ZONE):
    return consistency_checks(facts_frame(rows), zone)


def named(table, check):
    return table[table["check"] == check]


def flow(fact_id, indicator, value, period="2021-2023", **fields):
    return {"fact_id": fact_id, "indicator": indicator, "value": value, "period": period, **fields}


def hai_phong_2021_2023(total=18.09e9, **fdi_fields):
    # "… 18,09 tỷ USD, trong đó vốn FDI đạt 10,51 tỷ USD … trong nước đạt 7,58 tỷ USD"
    return [
        {**flow("fdi", "fdi_capital", 10.51e9), **fdi_fields},
        flow("domestic", "domestic_capital", 7.58e9),
        flow("total", "total_investment", total, written_decimals=2),  # "18,10", not "18,1"
    ]


@pytest.mark.parametrize(
    ("total", "status"),
    [
        (18.09e9, "ok"),  # 10,51 + 7,58 = 18,09
        (18.10e9, "ok"),  # a gap of 0,01 tỷ, within three half-units of 0,005 tỷ
        (18.12e9, "warn"),  # 0,03 tỷ: beyond rounding, within 1% of the whole
        (19.09e9, "fail"),
    ],
)
def test_fdi_and_domestic_add_up_to_the_total_within_the_written_rounding(total, status):
    row = named(checks(hai_phong_2021_2023(total)), PARTS).iloc[0]
    assert row["fact_ids"] == ["fdi", "domestic", "total"]
    assert row["status"] == status
    assert row["tolerance"] == pytest.approx(3 * 0.5 * 1e9 * 10**-2)
    assert row["discrepancy"] == pytest.approx(10.51e9 + 7.58e9 - total)


def test_each_figure_of_the_parts_check_is_rounded_as_its_source_wrote_it():
    # FDI written "10.522 triệu USD": a half-unit of 0.5 triệu, not the 0,005 tỷ of the others.
    rows = hai_phong_2021_2023(value=10_522e6, written_decimals=0, written_scale=1e6)
    row = named(checks(rows), PARTS).iloc[0]
    assert row["tolerance"] == pytest.approx(0.5e6 + 2 * 0.5 * 1e9 * 10**-2)
    assert row["discrepancy"] == pytest.approx(10_522e6 + 7.58e9 - 18.09e9)  # 0,012 tỷ
    assert row["status"] == "warn"  # beyond 0,0105 tỷ; "ok" if FDI were read to the 0,005 tỷ


@pytest.mark.parametrize(
    "change",
    [
        {"source_id": "src-b"},  # the total from another source
        {"period": "2021-2022"},  # the total of other years
        {"unit": "VND", "value": 425_115e9},  # 18,09 tỷ USD at 23,500 VND per USD, in VND
    ],
)
def test_the_parts_check_takes_the_three_figures_of_one_source_period_and_unit(change):
    fdi, domestic, total = hai_phong_2021_2023()
    assert named(checks([fdi, domestic, {**total, **change}]), PARTS).empty


def test_two_fdi_figures_of_one_source_and_period_do_not_stop_the_checks():
    rows = [*hai_phong_2021_2023(), flow("fdi-with-shares", "fdi_capital", 10.9e9)]
    assert list(checks(rows).columns) == list(CHECK_COLUMNS)


def multiple(**fields):
    # "vốn đầu tư trong nước … tăng gần 1,7 lần so với giai đoạn 2015 - 2020"
    return {
        "fact_id": "multiple",
        "indicator": "domestic_capital",
        "measure": "multiple",
        "reference": "period",
        "period": "2021-2023",
        "ref": "2015-2020",
        "value": 1.7,
        "unit": "times",
        "qualifier": "nearly",
        "quote": "tăng gần 1,7 lần so với giai đoạn 2015 - 2020",
        **fields,
    }


DOMESTIC = flow("domestic", "domestic_capital", 7.58e9)


def test_a_multiple_whose_base_is_not_reported_gives_the_base_each_reading_implies():
    row = named(checks([DOMESTIC, multiple()]), "tăng gần 1,7 lần so với giai đoạn 2015 - 2020")
    row = row.iloc[0]
    assert row["status"] == "base_not_reported"
    assert row["fact_ids"] == ["domestic", "multiple"]
    assert row["unit"] == "USD"
    details = row["details"]
    assert (details["multiple"], details["ref_start_year"], details["ref_end_year"]) == (
        1.7,
        2015,
        2020,
    )
    # "gần 1,7": m is in [1,7 - 2 x 0,05, 1,7] = [1,6; 1,7]; the base is new / m or new / (1 + m).
    times, plus = details["times"], details["plus"]
    assert (times.point, times.high) == pytest.approx((7.58e9 / 1.7, 7.58e9 / 1.6))
    assert (plus.point, plus.high) == pytest.approx((7.58e9 / 2.7, 7.58e9 / 2.6))


def test_a_multiple_is_checked_against_the_new_amount_of_its_own_source():
    elsewhere = {**DOMESTIC, "source_id": "src-b"}
    assert checks([elsewhere, multiple()]).empty


@pytest.mark.parametrize(
    ("base", "status"),
    [
        (4.5e9, "ok"),  # 7,58 / 4,5 = 1,68, in [1,6; 1,7]: new = m x base
        (2.85e9, "warn"),  # 7,58 / 2,85 - 1 = 1,66: only new = (1 + m) x base fits
        (1.0e9, "fail"),  # 7,58: neither
    ],
)
def test_a_multiple_whose_base_is_reported_is_checked_under_both_readings(base, status):
    rows = [DOMESTIC, multiple(), flow("base", "domestic_capital", base, period="2015-2020")]
    row = checks(rows).set_index("check").loc["tăng gần 1,7 lần so với giai đoạn 2015 - 2020"]
    assert row["fact_ids"] == ["domestic", "base", "multiple"]
    assert row["status"] == status
    if status == "ok":
        assert row["discrepancy"] == pytest.approx(7.58e9 / base - 1.7)


def test_a_multiple_is_not_checked_against_a_base_in_another_currency():
    # 103.000 tỷ đồng is about 4.6 bn USD at the 2015-2020 rates (21,700 to 23,200 VND per USD),
    # which makes the multiple about 1.65; as it stands the ratio is 7.58e9 / 103e12.
    base = flow("base", "domestic_capital", 103_000e9, period="2015-2020", unit="VND")
    table = checks([DOMESTIC, multiple(), base])
    assert not (table["status"] == "fail").any()


def level(fact_id, as_of, value, **fields):
    return {"fact_id": fact_id, "measure": "level", "as_of": as_of, "value": value, **fields}


def test_a_cumulative_level_that_falls_fails_and_one_that_rises_passes():
    table = checks(
        [
            level("fdi-2023", "2023-12-31", 13.0e9),
            level("fdi-2021", "2021-01-01", 13.45e9, kind="baseline"),
            level("fdi-2022", "2022-06-30", 13.5e9),
            level("dom-2021", "2021-01-01", 156_489e9, indicator="domestic_capital", unit="VND"),
            level("dom-2023", "2023-12-31", 179_176e9, indicator="domestic_capital", unit="VND"),
            # land is no cumulative stock: it may shrink
            level("land-2021", "2021-12-31", 6418, indicator="kcn_land_area", unit="ha"),
            level("land-2023", "2023-12-31", 6000, indicator="kcn_land_area", unit="ha"),
        ]
    ).set_index("check")
    fdi = table.loc["fdi_capital (USD) never falls"]
    assert fdi["fact_ids"] == ["fdi-2021", "fdi-2022", "fdi-2023"]  # in time order
    assert fdi["status"] == "fail"
    assert fdi["discrepancy"] == pytest.approx(13.5e9 - 13.0e9)
    [(before, after, drop)] = fdi["details"]["falls"]
    assert (before, after, drop) == ("fdi-2022", "fdi-2023", pytest.approx(0.5e9))
    domestic = table.loc["domestic_capital (VND) never falls"]
    assert (domestic["status"], domestic["fact_ids"]) == ("ok", ["dom-2021", "dom-2023"])
    assert not table.index.str.startswith("kcn_land_area").any()


def test_a_target_level_is_not_part_of_the_cumulative_series():
    table = checks(
        [
            level("fdi-2021", "2021-01-01", 13.45e9, kind="baseline"),
            level("fdi-2023", "2023-12-31", 13.677e9),
            level("fdi-goal", "2025-12-31", 13e9, kind="target"),
        ]
    )
    assert named(table, "fdi_capital (USD) never falls")["status"].tolist() == ["ok"]


def test_an_implausible_money_magnitude_is_reported():
    table = checks(
        [
            # "30.615 tỷ đồng" stored as USD; a VND figure that lost its scale word; two fine.
            flow("as-usd", "domestic_capital_new", 30_615e9, period="2021"),
            flow("no-scale", "domestic_capital_new", 30_615, period="2021", unit="VND"),
            flow("fine-usd", "fdi_capital", 4.35e9, period="2024"),
            flow("fine-vnd", "domestic_capital_new", 30_615e9, period="2022", unit="VND"),
        ]
    )
    found = named(table, "domestic_capital_new magnitude")
    assert found["fact_ids"].tolist() == [["as-usd"], ["no-scale"]]
    assert found["status"].tolist() == ["fail", "fail"]
    # orders of magnitude outside the plausible range: above 5e11 USD, below 1e6 VND
    assert found["discrepancy"].tolist() == pytest.approx(
        [math.log10(30_615e9 / 5e11), abs(math.log10(30_615 / 1e6))]
    )


def test_the_checks_read_only_the_zones_own_facts():
    park = {"entity_id": f"{ZONE}-park"}
    rows = [
        *({**fact, **park} for fact in hai_phong_2021_2023()),
        level("park-2021", "2021-01-01", 2e9, **park),
        level("park-2023", "2023-12-31", 1e9, **park),
    ]
    assert checks(rows).empty
    assert not checks(rows, f"{ZONE}-park").empty


def test_the_checks_of_every_entity_are_each_entitys_checks_in_order_of_first_appearance():
    park = {"entity_id": f"{ZONE}-park"}
    zone_a, zone_b, total = hai_phong_2021_2023()
    rows = [
        level("park-2021", "2021-01-01", 2e9, **park),
        zone_a,
        level("park-2023", "2023-12-31", 1e9, **park),
        zone_b,
        flow("fdi-2021", "fdi_capital", 2.96e9, period="2021"),
        total,
        {**flow("vnd", "domestic_capital", 30_615, unit="VND"), **park},
    ]
    facts = facts_frame(rows)
    table = all_consistency_checks(facts)
    each = pd.concat(
        [consistency_checks(facts, e).assign(entity_id=e) for e in (f"{ZONE}-park", ZONE)],
        ignore_index=True,
    )[["entity_id", *CHECK_COLUMNS]]
    assert table["entity_id"].drop_duplicates().tolist() == [f"{ZONE}-park", ZONE]
    pd.testing.assert_frame_equal(table, each)


def test_the_checks_of_no_facts_are_an_empty_table_with_the_columns():
    empty = facts_frame([flow("fdi", "fdi_capital", 10.51e9)]).iloc[:0]
    assert list(all_consistency_checks(empty).columns) == ["entity_id", *CHECK_COLUMNS]


def test_the_checks_have_the_check_columns():
    assert list(checks(hai_phong_2021_2023()).columns) == list(CHECK_COLUMNS)
    assert list(checks(hai_phong_2021_2023(), "another-zone").columns) == list(CHECK_COLUMNS)


@pytest.fixture
def nearly_84_percent(monkeypatch):
    # "vốn đầu tư nước ngoài đạt 10,51 tỷ USD, đạt gần 84% kế hoạch" (2021-2023 of 2021-2025),
    # then 4,35 tỷ USD in 2024 from a later report. All in USD: the rates are not used.
    monkeypatch.setattr(currency, "load_rates", lambda: RATES)
    facts = facts_frame(
        [
            flow("fdi", "fdi_capital", 10.51e9),
            {
                "fact_id": "share",
                "measure": "share",
                "reference": "plan",
                "period": "2021-2023",
                "ref": "2021-2025",
                "value": 84,
                "unit": "percent",
                "qualifier": "nearly",
            },
            flow("fdi-2024", "fdi_capital", 4.35e9, period="2024", source_id="src-b"),
        ]
    )
    return zone_history(facts, ZONE)


def test_the_implied_plan_of_nearly_84_percent_is_assessed_from_the_pairs(nearly_84_percent):
    readings = nearly_84_percent.set_index("target_fact_id").loc["share"]
    row = readings[readings["reading"] == "earlier"].iloc[0]  # as reported, to 2023
    assert row["status"] == "measured"
    # "gần 84%" is 83-84%; "10,51 tỷ" is 10,505-10,515 tỷ.
    assert row["target_point"] == pytest.approx(10.51e9 / 0.84)  # about 12.51 bn USD
    assert row["target_low"] == pytest.approx(10.505e9 / 0.84)
    assert row["target_high"] == pytest.approx(10.515e9 / 0.83)
    assert row["elapsed_share"] == pytest.approx(3 / 5)
    assert row["pace_index_point"] == pytest.approx(0.84 / (3 / 5))  # 1.40
    required = (10.51e9 / 0.84 - 10.51e9) / 2  # what is left, over the 2 years left
    assert row["required_run_rate_point"] == pytest.approx(required)
    assert row["to_complete_point"] == pytest.approx(required / (10.51e9 / 3))  # 0.29
    assert row["projection_point"] == pytest.approx(10.51e9 / 3 * 5)  # 17.52 bn USD


def test_the_implied_plan_is_judged_on_the_latest_evidence(nearly_84_percent):
    readings = nearly_84_percent.set_index("target_fact_id").loc["share"]
    row = readings[readings["reading"] == "latest"].iloc[0]  # 2021-2023 and 2024
    assert row["actual_fact_ids"] == ["fdi", "fdi-2024"]
    assert row["target_point"] == pytest.approx(10.51e9 / 0.84)  # the plan stays as implied
    assert row["attainment_point"] == pytest.approx(14.86e9 / (10.51e9 / 0.84))  # 119%
    assert row["met_status"] == "met"
    assert str(row["eurostat_category"]) == "target_achieved"


def test_the_plan_narrative_reproduces_nearly_84_percent_of_the_plan(nearly_84_percent):
    vi = plan_narrative(nearly_84_percent, "vi")
    # 10,51 / 0,84 = 12,51; 10,505 / 0,84 = 12,51; 10,515 / 0,83 = 12,67 tỷ USD
    assert "đã đạt 10,51 tỷ USD, tức gần 84% của kế hoạch ≈ 12,51 tỷ USD" in vi
    assert "(khoảng 12,51 tỷ USD đến 12,67 tỷ USD)" in vi
    assert "Đã qua 60% thời gian kế hoạch: chỉ số tiến độ 1,40" in vi  # 0,84 / 0,6
    # (12,512 - 10,51) / 2 = 1,001 tỷ a year, 0,29 x the 3,503 tỷ a year achieved
    assert "cần 1 tỷ USD mỗi năm trong 2 năm còn lại, bằng 0,29 lần" in vi
    assert "cuối kỳ đạt khoảng 17,52 tỷ USD" in vi  # 10,51 / 3 x 5
    en = plan_narrative(nearly_84_percent, "en")
    assert "Plan 2021–2025: 10.51 bn USD achieved, nearly 84% of a plan of about 12.51 bn USD" in en
    assert "pace index 1.40" in en
    # 10,51 + 4,35 = 14,86 tỷ: 14,86 / 12,669 = 117% to 14,86 / 12,506 = 119% of the plan
    assert (
        "Later reports (fdi + fdi-2024) bring the total to the end of 2024 to 14.86 bn USD, "
        "117–119% of the implied plan" in en
    )


def reconciliations(table):
    return table[table["check"].str.contains(r"\+ …")]


def test_annual_results_are_reconciled_with_a_multi_year_total_in_every_combination():
    table = reconciliations(
        checks(
            [
                flow("total", "fdi_capital", 10.51e9),
                flow("y2021", "fdi_capital", 2.96e9, period="2021"),
                flow(
                    "y2021-shares",
                    "fdi_capital",
                    5.2e9,
                    period="2021",
                    source_id="src-b",
                    note="Includes two share purchases worth 2.2 billion USD.",
                ),
                flow("y2022", "fdi_capital", 2.5e9, period="2022", qualifier="nearly"),
                flow("y2023", "fdi_capital", 3.5e9, period="2023"),
            ]
        )
    )
    by_first = {row["fact_ids"][0]: row for _, row in table.iterrows()}
    assert set(by_first) == {"y2021", "y2021-shares"}  # one row per way of adding up
    registered = by_first["y2021"]
    assert registered["discrepancy"] == pytest.approx((2.96 + 2.5 + 3.5 - 10.51) * 1e9)
    # "gần 2,5" allows 5% below 2,5: the band of the sum reaches 0,125 tỷ lower.
    assert registered["details"]["sum"].low == pytest.approx((2.955 + 2.375 + 3.45) * 1e9)
    assert registered["status"] == "fail"
    assert "share purchases" in by_first["y2021-shares"]["explanation"]
    assert registered["explanation"] == ""


def test_annual_results_within_the_bands_reconcile():
    table = reconciliations(
        checks(
            [
                flow("total", "fdi_capital", 9.0e9),
                flow("y2021", "fdi_capital", 2.96e9, period="2021"),
                flow("y2022", "fdi_capital", 2.5e9, period="2022", qualifier="nearly"),
                flow("y2023", "fdi_capital", 3.5e9, period="2023"),
            ]
        )
    )
    assert table["status"].tolist() == ["ok"]


def test_a_year_without_a_result_leaves_the_total_unreconciled():
    rows = [flow("total", "fdi_capital", 9e9), flow("y2021", "fdi_capital", 3e9, period="2021")]
    assert reconciliations(checks(rows)).empty


def test_annual_plans_that_cover_part_of_a_plan_say_which_years_are_missing():
    table = reconciliations(
        checks(
            [
                flow("plan", "fdi_capital", 15e9, period="2021-2025", kind="target"),
                flow("p2024", "fdi_capital", 1.8e9, period="2024", kind="target",
                     qualifier="range", value_high=2.3e9),
                flow("p2025", "fdi_capital", 3e9, period="2025", kind="target"),
            ]
        )
    )  # fmt: skip
    row = table.iloc[0]
    assert row["status"] == "incomplete"
    assert row["details"]["years_missing"] == [2021, 2022, 2023]
    assert row["fact_ids"] == ["p2024", "p2025", "plan"]
    left = row["details"]["left"]  # what the three missing years' plans must add up to
    assert (left.low, left.high) == pytest.approx((15e9 - 5.3e9, 15e9 - 4.8e9))


def test_annual_plans_that_cover_the_plan_are_summed_against_it():
    plans = [
        flow(f"p{year}", "fdi_capital", 3e9, period=str(year), kind="target")
        for year in range(2021, 2026)
    ]
    table = reconciliations(
        checks([flow("plan", "fdi_capital", 16e9, period="2021-2025", kind="target"), *plans])
    )
    assert table["status"].tolist() == ["fail"]
    assert table["discrepancy"].iloc[0] == pytest.approx(-1e9)
