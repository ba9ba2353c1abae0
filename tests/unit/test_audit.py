import pandas as pd
from facts_frames import facts_frame

from ezlib.progress.audit import conflicts


def level(fact_id, value, source_id, **fields):
    return {
        "fact_id": fact_id,
        "measure": "level",
        "as_of": "2023-12-31",
        "value": value,
        "source_id": source_id,
        **fields,
    }


def test_figures_whose_bands_do_not_overlap_conflict_and_show_both():
    found = conflicts(facts_frame([level("a", 3.13e9, "s1"), level("b", 3.5e9, "s2")]))
    assert found["fact_ids"].tolist() == [["a", "b"]]
    assert (found["low"].iloc[0], found["high"].iloc[0]) == (3.13e9, 3.5e9)


def test_a_hedged_figure_that_allows_the_other_is_no_conflict():
    over = level("a", 3.1e9, "s1", qualifier="over")  # "trên 3,1 tỷ"
    assert conflicts(facts_frame([over, level("b", 3.13e9, "s2")])).empty


def test_ranges_are_compared_by_their_whole_band_not_their_lower_ends():
    first = level("a", 1.8e9, "s1", qualifier="range", value_high=2.3e9)
    second = level("b", 2.0e9, "s2", qualifier="range", value_high=2.5e9)
    apart = level("c", 2.4e9, "s3", qualifier="range", value_high=2.6e9)
    assert conflicts(facts_frame([first, second])).empty
    assert conflicts(facts_frame([first, apart]))["fact_ids"].tolist() == [["a", "c"]]


def test_figures_of_different_entities_are_never_compared():
    city = level("a", 3.13e9, "s1", entity_id="hp-city")
    assert conflicts(facts_frame([city, level("b", 3.5e9, "s2")])).empty


def test_one_source_does_not_conflict_with_itself():
    assert conflicts(facts_frame([level("a", 3.13e9, "s1"), level("b", 3.5e9, "s1")])).empty


def test_no_conflict_leaves_the_columns():
    assert list(conflicts(facts_frame([level("a", 1e9, "s1")])).columns) == [
        "indicator",
        "entity_id",
        "fact_ids",
        "low",
        "high",
        "unit",
    ]
    assert isinstance(conflicts(facts_frame([level("a", 1e9, "s1")])), pd.DataFrame)
