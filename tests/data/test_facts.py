"""The curated facts meet their contract, hold every relevant seed figure, and load with quotes."""

import csv
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from ezlib.data.facts import facts_path
from ezlib.data.load import load_facts
from ezlib.data.sources import load_sources, read_article
from ezlib.errors import DataError

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "facts"
GOLD = HERE / "gold" / "seeds-gold.jsonl"


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def test_no_fact_is_dropped(facts):
    with facts_path().open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert facts["fact_id"].tolist() == [row["fact_id"] for row in rows]


def test_hai_phong_fdi_2021_2023_loads_with_its_quotes(facts):
    fdi = facts[(facts["entity_id"] == "hp-zones") & (facts["indicator"] == "fdi_capital")]
    flow = fdi[
        (fdi["measure"] == "flow")
        & (fdi["period_start"] == pd.Timestamp("2021-01-01"))
        & (fdi["period_end"] == pd.Timestamp("2023-12-31"))
    ]
    assert flow["value"].tolist() == [10.51e9]
    assert "10,51 tỷ USD" in flow["quote"].item()
    share = fdi[fdi["measure"] == "share"].iloc[0]
    assert (share["value"], share["unit"], share["qualifier"]) == (84.0, "percent", "nearly")
    assert "gần 84% kế hoạch" in share["quote"]
    assert (share["ref_start"].year, share["ref_end"].year) == (2021, 2025)
    assert share["source_publisher"].startswith("Cổng thông tin điện tử")


def test_article_quotes_sit_at_their_offsets(facts):
    sources = load_sources()
    for fact in facts[facts["source_kind"] == "article"].itertuples():
        text = read_article(fact.source_id, sources)
        assert text[fact.quote_start : fact.quote_end] == fact.quote, fact.fact_id


def test_types_are_typed(facts):
    assert facts["value"].dtype == "float64"
    assert str(facts["quote_start"].dtype) == "Int64"
    assert facts["period_start"].dtype.kind == "M"
    assert isinstance(facts["kind"].dtype, pd.CategoricalDtype)
    assert set(facts["kind"].cat.categories) == {"target", "actual", "baseline"}


def test_every_relevant_seed_figure_is_a_fact(facts):
    """Every gold figure that is a target, actual or baseline is covered by a fact."""
    sources = load_sources().set_index("file")
    missing = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["kind"] == "other":
            continue
        source_id = sources.loc[f"articles/{gold['doc']}", "source_id"]
        candidates = facts[
            (facts["source_id"] == source_id)
            & (facts["quote_start"] <= gold["start"])
            & (facts["quote_end"] >= gold["end"])
            & (facts["unit"] == gold["unit"])
            & ((facts["value"] - gold["value"]).abs() <= 1e-9 * abs(gold["value"]))
        ]
        if candidates.empty:
            missing.append((gold["doc"], gold["surface"]))
    assert missing == []


def test_the_good_fixture_loads():
    good = load_facts(FIXTURES / "good" / "facts.csv")
    assert len(good) == 4


def expected_problems():
    with (FIXTURES / "with-problems-expected.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_there_are_at_least_twenty_distinct_faults():
    problems = expected_problems()
    assert len(problems) >= 20
    on_disk = {p.name for p in (FIXTURES / "with-problems").glob("*.csv")}
    assert on_disk == {p["file"] for p in problems}


@pytest.mark.parametrize("problem", expected_problems(), ids=lambda p: p["file"])
def test_each_fault_raises_one_clear_error(problem):
    path = FIXTURES / "with-problems" / problem["file"]
    with pytest.raises(DataError) as info:
        load_facts(path)
    error = info.value
    assert error.file == str(path)
    assert error.row == int(problem["row"])
    assert (error.column or "") == problem["column"]
    assert problem["message"] in str(error)
    assert str(path) in str(error)


def test_validated_facts_are_cached_by_their_inputs(tmp_path, monkeypatch):
    monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / "build"))
    source = FIXTURES / "good" / "facts.csv"
    copy = tmp_path / "facts.csv"
    copy.write_bytes(source.read_bytes())
    first = load_facts(copy)
    cached = list((tmp_path / "build" / "cache").glob("facts-*.pkl"))
    assert len(cached) == 1
    pd.testing.assert_frame_equal(load_facts(copy), first)
    copy.write_text(copy.read_text(encoding="utf-8").replace("10510000000", "10500000000"), "utf-8")
    with pytest.raises(DataError, match="the extractor reads the quote as"):
        load_facts(copy)  # a changed file is validated again, never served from the cache


def test_the_cache_keeps_only_the_newest_validated_tables(tmp_path, monkeypatch):
    from ezlib.data.load import CACHE_KEPT

    monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / "build"))
    folder = tmp_path / "build" / "cache"
    folder.mkdir(parents=True)
    old = [folder / f"facts-{k:032x}.pkl" for k in range(CACHE_KEPT + 3)]
    for age, path in enumerate(old):
        path.write_bytes(b"")
        os.utime(path, ns=(age * 10**9, age * 10**9))  # the first is the oldest
    copy = tmp_path / "facts.csv"
    copy.write_bytes((FIXTURES / "good" / "facts.csv").read_bytes())
    load_facts(copy)
    kept = sorted(folder.glob("facts-*.pkl"))
    assert len(kept) == CACHE_KEPT
    assert set(old[-(CACHE_KEPT - 1) :]) < set(kept)  # the newest old ones, and the new one


def test_the_facts_cache_follows_the_running_code_wherever_the_project_is(tmp_path, monkeypatch):
    from ezlib import paths
    from ezlib.data import load

    monkeypatch.setenv("EZLIB_ROOT", str(tmp_path))  # a project with no ezlib/ of its own
    monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / "build"))
    facts = tmp_path / "facts.csv"
    facts.write_text("fact_id\n", encoding="utf-8")
    key = load._cache_path(facts)
    assert load._cache_path(facts) == key
    files = paths.package_files()
    assert any(f.name == "load.py" for f in files)  # the package that runs, not root/ezlib
    monkeypatch.setattr(paths, "package_files", lambda: files[:-1])  # the code changed
    assert load._cache_path(facts) != key
