"""The 2021-2025 outcomes and 2026 targets after the 2025 mergers, entities through time, rates."""

import pandas as pd
import pytest

from ezlib import load_facts
from ezlib.data.reference import load_entities, load_rates

DAY = pd.Timestamp
MERGER = DAY("2025-07-01")  # Hải Dương into Hải Phòng, Thái Bình into Hưng Yên


@pytest.fixture(scope="module")
def facts():
    return load_facts().set_index("fact_id", drop=False)


@pytest.fixture(scope="module")
def entities():
    frame = load_entities().set_index("entity_id", drop=False)
    for column in ("valid_from", "valid_to"):
        frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
    return frame


def _start(fact) -> pd.Timestamp:
    return fact["period_start"] if pd.notna(fact["period_start"]) else fact["as_of"]


def _end(fact) -> pd.Timestamp:
    return fact["period_end"] if pd.notna(fact["period_end"]) else fact["as_of"]


# The final 2021-2025 outcomes, coded with the period their source means.


@pytest.mark.parametrize(
    ("fact_id", "entity_id", "indicator", "measure", "start", "end", "words"),
    [
        # "nhiệm kỳ 2020-2025", reported at the HEZA Party congress of 15/6/2025
        ("ev-151", "hp-zones", "fdi_capital", "flow", "2020-01-01", "2025-06-15", "18,6 tỷ USD"),
        ("ev-152", "hp-zones", "fdi_capital", "share", "2020-01-01", "2025-06-15", "186%"),
        ("ev-153", "hp-zones", "domestic_capital", "flow", "2020-01-01", "2025-06-15", "481.915"),
        ("ev-154", "hp-zones", "kcn_count", "increment", "2020-01-01", "2025-06-15", "8 khu"),
        # the former city's 2021-2025, "trước thời điểm hợp nhất (ngày 1/7/2025)"
        ("ev-156", "hp-zones", "kcn_count", "increment", "2021-01-01", "2025-06-30", "10 khu"),
        ("ev-157", "hp-ccn", "ccn_count", "increment", "2021-01-01", "2025-06-30", "13 cụm"),
        ("ev-158", "hp-zones", "kcn_count", "level", None, "2025-06-30", "23 khu"),
        ("ev-159", "hp-ccn", "ccn_count", "level", None, "2025-06-30", "20 cụm"),
        # "12 industrial parks newly established in 2025", the merged city
        ("ev-161", "hp-zones-2025", "kcn_count", "increment", "2025-01-01", "2025-12-31", "2025"),
    ],
)
def test_each_final_outcome_has_the_period_its_source_means(
    facts, fact_id, entity_id, indicator, measure, start, end, words
):
    fact = facts.loc[fact_id]
    assert (fact["entity_id"], fact["indicator"], fact["measure"]) == (
        entity_id,
        indicator,
        measure,
    )
    assert fact["kind"] == "actual"
    assert words in fact["quote"]
    if measure == "level":
        assert fact["as_of"] == DAY(end)
        assert pd.isna(fact["period_start"])
    else:
        assert (fact["period_start"], fact["period_end"]) == (DAY(start), DAY(end))
    # A 2021-2025 outcome: it ends in 2025 and starts no earlier than the term before the plan.
    assert _end(fact).year == 2025
    assert _start(fact).year in (2020, 2021, 2025)
    assert _end(fact) <= fact["source_published_date"]


def test_the_term_outcomes_share_one_period_and_are_flagged_ambiguous(facts):
    term = facts[facts["source_id"] == "hp-2025-06-15-vietnamnet"]
    assert len(term) == 5
    assert {(f.period_start, f.period_end) for f in term.itertuples()} == {
        (DAY("2020-01-01"), DAY("2025-06-15"))
    }
    assert all("ambiguous" in caveats for caveats in term["caveats"])


def test_the_2026_targets_carry_the_year_of_their_plan(facts):
    targets = facts.loc[["ev-160", "ev-162", "ev-179", "ev-180", "ev-181"]]
    assert (targets["kind"] == "target").all()
    assert (targets["period_start"] == DAY("2026-01-01")).all()
    assert (targets["period_end"] == DAY("2026-12-31")).all()
    assert (targets["source_published_date"] >= DAY("2026-01-01")).all()
    # The two readings of Hải Phòng's 2026 FDI target are kept, each naming the other.
    assert "ev-162" in facts.loc["ev-160", "note"] and "ev-160" in facts.loc["ev-162", "note"]
    assert (facts.loc["ev-162", "value"], facts.loc["ev-162", "value_high"]) == (3.8e9, 4.3e9)


# Entities through time.


def test_every_successor_exists_and_starts_after_its_predecessor_ends(entities):
    succeeded = entities[entities["successor"] != ""]
    assert len(succeeded) >= 5
    for entity_id, row in succeeded.iterrows():
        successor = entities.loc[row["successor"]]  # KeyError if it does not exist
        assert pd.notna(row["valid_to"]), entity_id
        assert pd.isna(successor["valid_from"]) or row["valid_to"] < successor["valid_from"]
        assert pd.isna(successor["valid_to"]) or successor["valid_to"] > row["valid_to"]


def test_validity_periods_are_not_reversed(entities):
    both = entities.dropna(subset=["valid_from", "valid_to"])
    assert (both["valid_from"] <= both["valid_to"]).all()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("hp-city", "hp-city-2025"),
        ("hp-zones", "hp-zones-2025"),
        ("hp-ccn", "hp-ccn-2025"),
        ("hd-province", "hp-city-2025"),
        ("hd-kcn", "hp-zones-2025"),
        ("tb-province", "hy-province-2025"),
        ("tb-zones", "hy-zones-2025"),
        ("hy-province", "hy-province-2025"),
        ("hy-kcn", "hy-zones-2025"),
    ],
)
def test_the_2025_mergers_are_recorded(entities, before, after):
    assert entities.loc[before, "successor"] == after
    assert entities.loc[before, "valid_to"] == MERGER - pd.Timedelta(days=1)
    assert entities.loc[after, "valid_from"] == MERGER
    assert entities.loc[after, "level"] == entities.loc[before, "level"] or before == "hd-kcn"


def test_thanh_hoa_and_the_zones_themselves_did_not_change_scope(entities):
    unchanged = ["th-zones", "th-kkt-nghison", "th-province", "tb-kkt", "hp-kkt-dvch"]
    rows = entities.loc[unchanged]
    assert rows["valid_to"].isna().all() and (rows["successor"] == "").all()


def _valid_at(entity, day: pd.Timestamp) -> bool:
    starts = pd.isna(entity["valid_from"]) or entity["valid_from"] <= day
    ends = pd.isna(entity["valid_to"]) or day <= entity["valid_to"]
    return bool(starts and ends)


def test_post_merger_facts_sit_on_entities_valid_at_their_dates(facts, entities):
    later = facts[(facts["source_published_date"] >= MERGER)]
    after = later[later.apply(_start, axis=1) >= MERGER]
    assert len(after) >= 15
    misplaced = [
        fact_id
        for fact_id, fact in after.iterrows()
        if not (_valid_at(entities.loc[fact["entity_id"]], _start(fact)))
        or not _valid_at(entities.loc[fact["entity_id"]], _end(fact))
    ]
    assert misplaced == []
    merged = {"hp-city-2025", "hp-zones-2025", "hy-zones-2025"}
    assert set(facts.loc[["ev-079", "ev-160", "ev-162", "ev-163"], "entity_id"]) <= merged
    assert set(facts.loc[[f"ev-{n}" for n in range(176, 182)], "entity_id"]) == {"hy-zones-2025"}


def test_every_result_overlaps_the_life_of_its_entity(facts, entities):
    results = facts[facts["kind"] != "target"]
    outside = [
        fact_id
        for fact_id, fact in results.iterrows()
        if (
            pd.notna(entities.loc[fact["entity_id"], "valid_to"])
            and _start(fact) > entities.loc[fact["entity_id"], "valid_to"]
        )
        or (
            pd.notna(entities.loc[fact["entity_id"], "valid_from"])
            and _end(fact) < entities.loc[fact["entity_id"], "valid_from"]
        )
    ]
    assert outside == []


def test_only_the_former_citys_own_plans_target_dates_after_its_end(facts, entities):
    # Targets the former city set before the merger for dates after it ("by 2025", 2026-2030):
    # pairing must flag the change of scope when it measures them with merged-unit results.
    targets = facts[facts["kind"] == "target"]
    beyond = {
        fact_id
        for fact_id, fact in targets.iterrows()
        if not _valid_at(entities.loc[fact["entity_id"]], _start(fact))
    }
    by_2025 = {"hp-001", "hp-002", "hp-003", "hp-004", "ev-048"}  # levels as of 2025-12-31
    assert beyond == by_2025 | {"hp-007", "hp-008"}  # and the increments of 2026-2030
    assert (targets.loc[sorted(beyond), "source_published_date"] < MERGER).all()


# VND per USD.


def test_every_year_2015_2025_has_a_rate_and_provisional_years_are_flagged():
    rates = load_rates().set_index("year")
    assert set(range(2015, 2026)) <= set(rates.index)
    assert (rates["vnd_per_usd"] > 0).all()
    provisional = rates[rates["full_year"] == "no"]
    assert provisional["note"].str.match(r"(PROVISIONAL|PLACEHOLDER):").all()
    published = rates[rates["full_year"] == "yes"]
    assert published["series"].str.contains("period average", case=False).all()
    assert not published["note"].str.contains("PROVISIONAL|PLACEHOLDER").any()
    # A carried-forward or part-year rate is never marked full-year.
    makeshift = rates["series"].str.contains("carried forward|Jan-", case=False)
    assert (rates.loc[makeshift, "full_year"] == "no").all()


def test_the_2024_rate_is_the_published_annual_average():
    rates = load_rates().set_index("year")
    assert rates.loc[2024, "full_year"] == "yes"
    assert rates.loc[2024, "vnd_per_usd"] == pytest.approx(24164.89)
    assert "PA.NUS.FCRF" in rates.loc[2024, "series"]
