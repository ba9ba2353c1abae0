"""Each fact is coded as its source means it: periods, dates of stocks, plans, increments, tags.

The rules come from a development economist's review of data/facts.csv; each test names the
facts that showed the rule, and checks it on every fact it applies to.
"""

import re

import pandas as pd
import pytest

from ezlib import load_facts
from ezlib.vocabulary import NOTE_TAGS, UNIT_FAMILIES

TAGS = tuple(NOTE_TAGS)
FACT_ID = re.compile(r"\b(?:hp|th|tb|ev)-[0-9]{3}\b")
DAY = pd.Timestamp


@pytest.fixture(scope="module")
def facts():
    return load_facts().set_index("fact_id", drop=False)


def _end(fact) -> pd.Timestamp:
    return fact["period_end"] if pd.notna(fact["period_end"]) else fact["as_of"]


def _tags(note: str) -> set[str]:
    """The caveat tags that open a sentence of a note ("DRAFT: ...", "... . CONFLICT: ...")."""
    return {match.group(1) for match in re.finditer(rf"(?:^|[.;]\s+)({'|'.join(TAGS)})\b", note)}


# Rule 4: increments.


@pytest.mark.parametrize("fact_id", ["hp-005", "hp-006"])
def test_more_parks_and_clusters_by_2025_are_increments_over_the_plan(facts, fact_id):
    # "thành phố có thêm 15 khu công nghiệp và 23 cụm công nghiệp đạt tiêu chuẩn hiện đại"
    fact = facts.loc[fact_id]
    assert "có thêm" in fact["quote"]
    assert fact["measure"] == "increment"
    assert (fact["period_start"], fact["period_end"]) == (DAY("2022-01-01"), DAY("2025-12-31"))
    assert pd.isna(fact["as_of"])
    assert fact["reference"] == ""


@pytest.mark.parametrize(
    ("fact_id", "start", "end"),
    [
        ("hp-007", "2026-01-01", "2030-12-31"),  # "phát triển thêm khoảng 1.433ha"
        ("hp-008", "2026-01-01", "2030-12-31"),  # "khoảng 400ha" more cluster land
        ("th-006", "2021-01-01", "2025-12-31"),  # "đầu tư hạ tầng KCN đạt 3.000ha"
    ],
)
def test_land_to_be_added_is_an_increment_not_a_flow(facts, fact_id, start, end):
    fact = facts.loc[fact_id]
    assert fact["measure"] == "increment"
    assert fact["unit"] == "ha"
    assert (fact["period_start"], fact["period_end"]) == (DAY(start), DAY(end))


def test_every_increment_is_a_gain_over_a_period_in_its_indicators_unit(facts):
    increments = facts[facts["measure"] == "increment"]
    assert len(increments) >= 5
    for fact in increments.itertuples():
        assert pd.notna(fact.period_start) and pd.notna(fact.period_end), fact.fact_id
        assert pd.isna(fact.as_of), fact.fact_id
        assert fact.reference == "", fact.fact_id
        assert fact.unit in UNIT_FAMILIES[fact.unit_family], fact.fact_id
        # A gain in a count or stock of things (parks, clusters, land), never money attracted.
        assert fact.unit_family in ("count", "area"), fact.fact_id


@pytest.mark.parametrize("fact_id", ["th-005", "hp-021", "hp-022", "ev-031", "ev-131"])
def test_new_investment_and_newly_licensed_projects_stay_flows(facts, fact_id):
    # "thu hút đầu tư mới khoảng 15 tỷ USD", "cấp mới": what was attracted, not a stock's gain.
    assert facts.loc[fact_id, "measure"] == "flow"


# Rule 1: the period of the data.


@pytest.mark.parametrize(
    ("fact_id", "end"),
    [
        ("ev-044", "2022-06-30"),  # the city's first six months of 2022
        ("ev-064", "2023-09-30"),  # "9 tháng/năm 2023"
        ("ev-065", "2023-07-31"),  # the zone board's 7-month dashboard
        ("ev-066", "2023-07-31"),  # "đạt 97,5% so với kế hoạch năm" after 7 months
        ("ev-069", "2023-07-31"),
        ("ev-074", "2023-09-30"),  # 120% of the 2023 plan after 9 months
        ("ev-081", "2022-02-28"),  # January-February 2022, 12.22% of the target
        ("ev-110", "2024-06-30"),
        ("ev-111", "2024-06-30"),
        ("ev-116", "2021-11-30"),  # "11 tháng năm 2021"
        ("ev-119", "2021-11-30"),
        ("ev-120", "2021-11-30"),  # "2021" on a page of 11-month results, December 2021
        ("ev-121", "2021-11-30"),
        ("ev-122", "2022-09-30"),
        ("ev-124", "2022-09-30"),  # 74,5% of the 2022 plan after 9 months
        ("ev-125", "2022-09-30"),
        ("ev-149", "2018-09-30"),
        ("ev-150", "2018-09-30"),  # 74.7% of the 2018 plan after 9 months
    ],
)
def test_each_part_year_fact_ends_at_the_end_of_its_last_month(facts, fact_id, end):
    fact = facts.loc[fact_id]
    assert fact["period_end"] == DAY(end)
    assert fact["period_start"] == DAY(f"{DAY(end).year}-01-01")
    assert (fact["period_end"] + pd.Timedelta(days=1)).day == 1  # the last day of a month


@pytest.mark.parametrize(
    ("fact_id", "year"),
    [("ev-066", 2023), ("ev-074", 2023), ("ev-081", 2022), ("ev-124", 2022), ("ev-150", 2018)],
)
def test_a_part_year_share_of_the_annual_plan_refers_to_the_whole_year(facts, fact_id, year):
    fact = facts.loc[fact_id]
    assert (fact["measure"], fact["reference"]) == ("share", "plan")
    assert (fact["ref_start"], fact["ref_end"]) == (DAY(f"{year}-01-01"), DAY(f"{year}-12-31"))
    assert fact["period_end"] < fact["ref_end"]


def test_every_share_of_a_plan_covers_part_or_all_of_that_plan(facts):
    shares = facts[(facts["measure"] == "share") & (facts["reference"] == "plan")]
    assert len(shares) >= 10
    for fact in shares.itertuples():
        assert fact.ref_start <= fact.period_start <= fact.period_end <= fact.ref_end, fact.fact_id


def test_every_actual_ends_by_its_source_date_or_its_note_says_why(facts):
    reported = facts[facts["kind"] != "target"]
    late = [
        fact_id
        for fact_id, fact in reported.iterrows()
        if _end(fact) > fact["source_published_date"]
        and "before the period ended" not in fact["note"]
    ]
    assert late == []
    # The estimates for a whole period made before it ended are few and named.
    early = reported[reported["note"].str.contains("before the period ended", regex=False)]
    assert set(early.index) == {"ev-077", "ev-137", "ev-138", "ev-139"}
    assert (early.apply(_end, axis=1) > early["source_published_date"]).all()


def test_a_first_half_reported_before_the_half_ended_ends_at_the_page(facts):
    fact = facts.loc["ev-045"]  # "in the first half of 2022", published 29/06/2022
    assert fact["period_end"] == fact["source_published_date"] == DAY("2022-06-29")


# Rule 5: growth and multiples compare two periods.


@pytest.mark.parametrize(
    ("fact_id", "period", "base"),
    [
        ("ev-025", ("2023-01-01", "2023-12-31"), ("2022-01-01", "2022-12-31")),
        ("ev-111", ("2024-01-01", "2024-06-30"), ("2023-01-01", "2023-06-30")),
        ("ev-119", ("2021-01-01", "2021-11-30"), ("2020-01-01", "2020-12-31")),
        ("hp-014", ("2021-01-01", "2023-12-31"), ("2015-01-01", "2020-12-31")),
    ],
)
def test_a_growth_compares_its_period_with_another(facts, fact_id, period, base):
    fact = facts.loc[fact_id]
    assert (fact["period_start"], fact["period_end"]) == tuple(map(DAY, period))
    assert (fact["ref_start"], fact["ref_end"]) == tuple(map(DAY, base))


def test_no_growth_or_multiple_overlaps_its_base_period(facts):
    relative = facts[
        facts["measure"].isin(["growth", "multiple"]) & (facts["reference"] == "period")
    ]
    assert len(relative) >= 7
    for fact in relative.itertuples():
        assert fact.period_end < fact.ref_start or fact.ref_end < fact.period_start, fact.fact_id


# Rule 2: a stock is dated at the date of its data.


@pytest.mark.parametrize(
    ("fact_id", "as_of"),
    [
        ("hp-015", "2023-12-31"),  # 10 May 2024 article with the full-year 2023 results
        ("hp-016", "2023-12-31"),
        ("hp-017", "2023-12-31"),
        ("hp-018", "2023-12-31"),
        ("ev-004", "2024-12-31"),  # 2024 results, "nâng tổng vốn FDI luỹ kế đến nay"
        ("ev-005", "2024-12-31"),
        ("ev-072", "2024-02-20"),  # "Tính đến ngày 20/02/2024", page of 9 March 2024
        ("ev-073", "2024-02-20"),
    ],
)
def test_cumulative_stocks_are_dated_at_their_data_not_at_the_article(facts, fact_id, as_of):
    fact = facts.loc[fact_id]
    assert fact["measure"] == "level"
    assert fact["as_of"] == DAY(as_of)
    assert fact["as_of"] < fact["source_published_date"]
    assert "as_of" in fact["note"]


def test_the_2023_stocks_sit_between_the_september_and_february_stocks(facts):
    for stock, before, after in [("hp-015", "ev-060", "ev-072"), ("hp-016", "ev-061", "ev-073")]:
        assert facts.loc[before, "as_of"] < facts.loc[stock, "as_of"] < facts.loc[after, "as_of"]
        assert facts.loc[before, "value"] <= facts.loc[stock, "value"] <= facts.loc[after, "value"]


def test_a_stock_dated_at_its_source_date_says_why(facts):
    levels = facts[(facts["measure"] == "level") & (facts["kind"] != "target")]
    at_source = levels[levels["as_of"] == levels["source_published_date"]]
    assert len(at_source) >= 20
    silent = [fact_id for fact_id, note in at_source["note"].items() if "as_of" not in note]
    assert silent == []


# Rule 3: a target carries the period of its plan.


def _plan_window(fact) -> tuple[pd.Timestamp, pd.Timestamp]:
    if fact["measure"] == "level":
        return fact["ref_start"], fact["ref_end"]
    return fact["period_start"], fact["period_end"]


def test_all_targets_of_resolution_06_share_its_plan_stages(facts):
    resolution = facts[(facts["source_id"] == "hp-2023-02-26-nq06") & (facts["kind"] == "target")]
    restated = facts.loc[["ev-048"]]  # the HEZA head restates the 6.418 ha target in 2022
    stages = {
        fact_id: _plan_window(fact)
        for fact_id, fact in pd.concat([resolution, restated]).iterrows()
    }
    to_2025 = (DAY("2022-01-01"), DAY("2025-12-31"))  # the resolution is of 7 April 2022
    to_2030 = (DAY("2026-01-01"), DAY("2030-12-31"))
    assert {fact_id for fact_id, window in stages.items() if window == to_2025} == {
        "hp-001", "hp-002", "hp-003", "hp-004", "hp-005", "hp-006", "ev-048",
    }  # fmt: skip
    assert {fact_id for fact_id, window in stages.items() if window == to_2030} == {
        "hp-007", "hp-008",
    }  # fmt: skip
    assert to_2030[0] == to_2025[1] + pd.Timedelta(days=1)


def test_every_level_target_carries_the_plan_it_belongs_to(facts):
    levels = facts[(facts["kind"] == "target") & (facts["measure"] == "level")]
    assert {"hp-001", "hp-002", "hp-003", "hp-004", "ev-048", "tb-007", "ev-143"} <= set(
        levels.index
    )
    for fact_id, fact in levels.iterrows():
        assert pd.notna(fact["ref_start"]) and pd.notna(fact["ref_end"]), fact_id
        assert fact["ref_end"] == fact["as_of"], fact_id  # "by 2025": the plan ends with it
        assert fact["ref_start"].year <= fact["source_published_date"].year, fact_id
        assert fact["reference"] == "", fact_id


def test_the_nghi_son_programme_targets_share_one_plan(facts):
    programme = facts[facts["source_id"] == "th-2021-02-19-nghison"]
    assert len(programme) == 6
    windows = {(fact.period_start, fact.period_end) for fact in programme.itertuples()}
    assert windows == {(DAY("2021-01-01"), DAY("2025-12-31"))}


# Rule 6: caveats are tags.


@pytest.mark.parametrize("fact_id", [f"th-00{n}" for n in range(1, 7)])
def test_the_nghi_son_targets_are_a_draft(facts, fact_id):
    note = facts.loc[fact_id, "note"]
    assert note.startswith("DRAFT:")
    assert "DRAFT" in _tags(note)


def test_no_conflict_note_fails_to_name_another_fact_that_exists(facts):
    conflicted = facts[facts["note"].map(lambda note: "CONFLICT" in _tags(note))]
    assert {"ev-003", "ev-023", "ev-026", "ev-028", "ev-040", "ev-043"} <= set(conflicted.index)
    for fact_id, note in conflicted["note"].items():
        sentence = note[note.index("CONFLICT") :]
        named = set(FACT_ID.findall(sentence)) - {fact_id}
        assert named, fact_id
        assert named <= set(facts.index), fact_id
        # The other side of a conflict names this fact back.
        assert any(fact_id in facts.loc[other, "note"] for other in named), fact_id


def test_caveat_tags_are_upper_case_at_the_start_of_a_sentence(facts):
    for fact_id, note in facts["note"].items():
        for tag in TAGS:
            for match in re.finditer(rf"\b{tag}\b", note):
                before = note[: match.start()].rstrip()
                assert before == "" or before[-1] in ".;", (fact_id, tag)
            lower = re.search(rf"(?:^|[.;]\s+){tag.capitalize()}\b", note)
            assert lower is None, (fact_id, tag)


@pytest.mark.parametrize(
    ("fact_id", "tag"),
    [
        ("hp-028", "ANOMALY"),
        ("tb-002", "AMBIGUOUS"),
        ("ev-120", "AMBIGUOUS"),
        ("ev-120", "DOUBTFUL"),
        ("ev-040", "DOUBTFUL"),
        ("ev-112", "DOUBTFUL"),
        ("ev-144", "DOUBTFUL"),
        ("hp-007", "AMBIGUOUS"),
    ],
)
def test_known_caveats_carry_their_tag(facts, fact_id, tag):
    assert tag in _tags(facts.loc[fact_id, "note"])


# Rule 7: entity scope.


@pytest.mark.parametrize(
    ("fact_id", "entity_id"),
    [
        ("ev-040", "hp-city"),  # "This year, Hai Phong strives to lure 2.5-3 billion USD"
        ("ev-043", "hp-city"),  # "the city looks to surpass this year's ... target"
        ("ev-050", "hp-city"),
        ("ev-081", "hp-city"),
        ("ev-045", "hp-zones"),  # "to local industrial parks (IPs) and economic zones (EZs)"
        ("ev-030", "hp-zones"),
        ("hp-005", "hp-zones"),
        ("hp-006", "hp-ccn"),
        ("ev-076", "hp-kkt-dvch"),
    ],
)
def test_a_figure_sits_on_the_entity_its_source_names(facts, fact_id, entity_id):
    assert facts.loc[fact_id, "entity_id"] == entity_id


def test_city_and_province_wide_figures_are_on_the_province(facts):
    wide = facts[facts["note"].str.contains(r"\b(?:city|province)-wide\b", case=False)]
    assert len(wide) >= 15
    misplaced = wide.index[wide["entity_level"] != "province"].tolist()
    assert misplaced == []


def test_zone_only_figures_are_not_on_the_province(facts):
    zone_only = facts[facts["note"].str.contains(r"\b(?:zones|KKT|KCN|KCNs) only\b")]
    assert len(zone_only) >= 8
    assert zone_only.index[zone_only["entity_level"] == "province"].tolist() == []
