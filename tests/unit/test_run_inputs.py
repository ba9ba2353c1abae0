"""The runner's cache keys follow what each report reads: a zone's data, or all of data/.

On a generated project of three zones (benchmarks/national_data.py): its zone reports in two
languages, a plan check of the first zone, the comparison and the audit. No notebook runs here;
tests/notebooks/test_dependencies.py builds the reports.
"""

import csv
import io
import shutil
from pathlib import Path

import pytest

from ezlib import paths
from ezlib.data.reference import clear_cache
from ezlib.report.config import ZONE_PARAMETERS, load_runs, notebook_defaults
from ezlib.report.inputs import BuildInputs, zone_entity_ids
from ezlib.report.runner import run_key
from tests.generated import national_data

REPO = Path(__file__).resolve().parents[2]


ZONES = ("s01-zones", "s02-zones", "s03-zones")
ALL_ZONE_PAGES = {
    "03_zone_comparison__vi",
    "03_zone_comparison__en",
    "04_data_audit__vi",
    "04_data_audit__en",
}


def reports_of(zone):
    found = {f"01_zone_report__{zone}_{lang}" for lang in ("vi", "en")}
    if zone == ZONES[0]:
        found |= {f"02_plan_check__{zone}_fdi-capital_{lang}" for lang in ("vi", "en")}
    return found


@pytest.fixture(autouse=True)
def fresh_reference_tables():
    clear_cache()
    yield
    clear_cache()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("generated") / "project"
    national_data.make_project(root, len(ZONES))
    return root


@pytest.fixture
def project(generated, tmp_path, monkeypatch):
    """A fresh copy of the generated project, which ezlib reads instead of the real one."""
    root = tmp_path / "project"
    shutil.copytree(generated, root)
    monkeypatch.setenv("EZLIB_ROOT", str(root))
    monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / "build"))
    return root


def keys():
    inputs_ = BuildInputs()
    return {run.slug: run_key(run, inputs_) for run in load_runs()}


def changed(before, after):
    assert before.keys() == after.keys()
    return {slug for slug in before if before[slug] != after[slug]}


def read_table(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_table(path, rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def edit_fact(root, fact_id, **values):
    path = root / "data" / "facts.csv"
    rows = read_table(path)
    (row,) = [r for r in rows if r["fact_id"] == fact_id]
    row.update(values)
    write_table(path, rows)
    return row


def first_fact(root, entity):
    return next(r for r in read_table(root / "data" / "facts.csv") if r["entity_id"] == entity)


def test_the_keys_are_stable_and_every_run_has_its_own(project):
    first = keys()
    assert keys() == first
    assert len(set(first.values())) == len(first) == 2 * len(ZONES) + 2 + 4


def test_editing_one_zones_fact_reruns_that_zone_and_the_all_zone_pages(project):
    before = keys()
    fact = first_fact(project, "s02-zones")
    edit_fact(project, fact["fact_id"], note="Checked against the board's annual report.")
    assert changed(before, keys()) == reports_of("s02-zones") | ALL_ZONE_PAGES


def test_a_fact_of_a_park_belongs_to_its_zone(project):
    # s01-kcn-2 is a park under the park group s01-kcn, under the zone s01-zones.
    before = keys()
    fact = first_fact(project, "s01-kcn-2")
    edit_fact(project, fact["fact_id"], note="ANOMALY: occupancy of the built area only.")
    assert changed(before, keys()) == reports_of("s01-zones") | ALL_ZONE_PAGES


def test_editing_a_value_and_its_quote_with_the_article_reruns_that_zone(project):
    before = keys()
    national_data.edit_one_fact(project, "s03-zones")
    assert changed(before, keys()) == reports_of("s03-zones") | ALL_ZONE_PAGES


def test_a_fact_moved_from_one_zone_to_another_reruns_both(project):
    before = keys()
    fact = first_fact(project, "s03-zones")
    edit_fact(project, fact["fact_id"], entity_id="s02-zones")
    assert changed(before, keys()) == (
        reports_of("s02-zones") | reports_of("s03-zones") | ALL_ZONE_PAGES
    )


def test_reordering_other_zones_rows_changes_no_zone_key(project):
    # A zone's reports read its own rows in file order; where other zones' rows sit does not
    # matter to them (the all-zone pages read the whole file, and rerun).
    before = keys()
    path = project / "data" / "facts.csv"
    rows = read_table(path)
    first = [r for r in rows if r["entity_id"].startswith("s01-")]
    write_table(path, [r for r in rows if r not in first] + first)
    assert changed(before, keys()) == ALL_ZONE_PAGES


def test_a_province_wide_fact_outside_every_zone_reruns_only_the_all_zone_pages(project):
    before = keys()
    fact = first_fact(project, "s02-province")
    edit_fact(project, fact["fact_id"], note="Province-wide; from the statistics office.")
    assert changed(before, keys()) == ALL_ZONE_PAGES


def test_the_sources_a_zone_cites_are_its_data(project):
    before = keys()
    path = project / "data" / "raw" / "sources.csv"
    rows = read_table(path)
    cited = first_fact(project, "s02-zones")["source_id"]
    (row,) = [r for r in rows if r["source_id"] == cited]
    row["title"] += " (bản cập nhật)"
    write_table(path, rows)
    assert changed(before, keys()) == reports_of("s02-zones") | ALL_ZONE_PAGES


def test_an_edited_article_reruns_the_zone_that_cites_it(project):
    # Even with its registered sha256 left stale: the reports then show the fault.
    before = keys()
    cited = first_fact(project, "s01-zones")["source_id"]
    sources = read_table(project / "data" / "raw" / "sources.csv")
    (row,) = [r for r in sources if r["source_id"] == cited]
    article = project / "data" / "raw" / row["file"]
    article.write_bytes(article.read_bytes() + "\nCập nhật.".encode())
    assert changed(before, keys()) == reports_of("s01-zones") | ALL_ZONE_PAGES


@pytest.mark.parametrize("table", ["entities.csv", "indicators.csv", "vnd_per_usd.csv"])
def test_an_edit_of_a_shared_reference_table_reruns_every_report(project, table):
    before = keys()
    path = project / "data" / "reference" / table
    rows = read_table(path)
    column = list(rows[-1])[-1]
    rows[-1][column] += " (revised)"
    write_table(path, rows)
    assert changed(before, keys()) == set(before)


def test_any_other_file_under_data_is_read_by_every_report(project):
    # An article saved before its registry row: every report depends on it until a row
    # makes it one zone's source.
    before = keys()
    (project / "data" / "raw" / "articles" / "999_new.txt").write_text("Bài mới.\n")
    assert changed(before, keys()) == set(before)


def test_editing_ezlib_reruns_every_report(project, tmp_path, monkeypatch):
    copy = tmp_path / "ezlib"
    shutil.copytree(paths.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = keys()
    monkeypatch.setattr(paths, "PACKAGE", copy)
    assert keys() == before  # the same code, wherever it is
    module = copy / "progress" / "pairing.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert changed(before, keys()) == set(before)


@pytest.mark.parametrize("name", ["templates/offline/index.html.j2", "requirements.lock"])
def test_editing_a_template_or_the_lock_reruns_every_report(project, name):
    before = keys()
    path = project / name
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert changed(before, keys()) == set(before)


def test_editing_a_notebook_reruns_its_runs_only(project):
    before = keys()
    path = project / "notebooks" / "02_plan_check.ipynb"
    path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n ", 1), encoding="utf-8")
    plan_checks = {slug for slug in before if slug.startswith("02_plan_check")}
    assert plan_checks and changed(before, keys()) == plan_checks


def test_a_facts_table_that_cannot_be_read_reruns_every_report(project):
    # The reports then show the fault themselves.
    before = keys()
    path = project / "data" / "facts.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("entity_id", "entity", 1))
    assert changed(before, keys()) == set(before)
    digests = BuildInputs()
    assert digests.data_digest("s01-zones") == digests.data_digest(None)


def test_a_zone_named_by_its_alias_reads_the_same_data(project):
    digests = BuildInputs()
    assert digests.data_digest("KKT, KCN Hà Giang") == digests.data_digest("s01-zones")
    assert digests.data_digest("s01-zones") != digests.data_digest("s02-zones")


def test_a_zone_is_its_tree_and_the_entities_it_succeeds_or_is_succeeded_by():
    rows = [
        {"entity_id": "a-zones", "parent_id": "", "successor": "ab-zones"},
        {"entity_id": "a-kcn", "parent_id": "a-zones", "successor": ""},
        {"entity_id": "a-kcn-1", "parent_id": "a-kcn", "successor": ""},
        {"entity_id": "b-zones", "parent_id": "", "successor": "ab-zones"},
        {"entity_id": "b-kcn", "parent_id": "b-zones", "successor": ""},
        {"entity_id": "ab-zones", "parent_id": "", "successor": ""},
        {"entity_id": "c-zones", "parent_id": "", "successor": ""},
        {"entity_id": "c-kcn", "parent_id": "c-zones", "successor": ""},
        {"entity_id": "a-city", "parent_id": "", "successor": ""},
    ]
    merged = {"a-zones", "a-kcn", "a-kcn-1", "b-zones", "b-kcn", "ab-zones"}
    assert zone_entity_ids("a-kcn", rows) == {"a-kcn", "a-kcn-1"}
    assert zone_entity_ids("a-zones", rows) == merged
    assert zone_entity_ids("ab-zones", rows) == merged
    assert zone_entity_ids("c-zones", rows) == {"c-zones", "c-kcn"}
    # Without the successor column (the older contract): the tree alone.
    plain = [{k: v for k, v in row.items() if k != "successor"} for row in rows]
    assert zone_entity_ids("a-zones", plain) == {"a-zones", "a-kcn", "a-kcn-1"}


def test_the_zone_parameters_name_real_notebooks_and_parameters():
    for notebook, parameter in ZONE_PARAMETERS.items():
        assert parameter in notebook_defaults(REPO / "notebooks" / notebook), notebook
    # The pages that show every zone read all of data/.
    assert "03_zone_comparison.ipynb" not in ZONE_PARAMETERS
    assert "04_data_audit.ipynb" not in ZONE_PARAMETERS


def test_a_run_reads_the_zone_of_its_parameters_or_of_the_notebooks_default(project):
    runs = {run.slug: run for run in load_runs()}
    assert runs["01_zone_report__s02-zones_en"].zone == "s02-zones"
    assert runs["02_plan_check__s01-zones_fdi-capital_vi"].zone == "s01-zones"
    assert runs["04_data_audit__en"].zone is None
    default = runs["01_zone_report__s02-zones_en"]
    no_zone = type(default)(default.notebook, {"lang": "en"}, default.defaults, default.folder)
    assert no_zone.zone == default.defaults["zone"]


def test_a_zones_key_covers_every_entity_its_progress_reads():
    # What pairing reads for a zone (its tree, and its successors' since the 2025 mergers) is
    # within the entities its reports are keyed by, for every entity of the real table.
    from ezlib.data.reference import load_entities
    from ezlib.progress import pairing

    entities = load_entities(REPO / "data" / "reference" / "entities.csv")
    rows = entities.to_dict("records")
    scope = getattr(pairing, "zone_scope", pairing.zone_entities)
    for entity in entities["entity_id"]:
        assert set(scope(entity, entities)) <= zone_entity_ids(entity, rows), entity
