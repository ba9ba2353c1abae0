"""The dataset export: CSV, Parquet and Stata files, and a Data Package that frictionless checks."""

import csv
import hashlib
import json
import shutil

import frictionless
import pandas as pd
import pytest

from ezlib.cli import main
from ezlib.data.dictionary import data_dictionary
from ezlib.data.export import STATA_LABEL_CHARS, export_dataset
from ezlib.data.load import load_facts
from ezlib.vocabulary import FACT_VOCABULARIES


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """A build folder of this module's own, so the export's facts cache stays out of build/."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EZLIB_BUILD_DIR", str(tmp_path_factory.mktemp("build")))
        yield


@pytest.fixture(scope="module")
def exported(build, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    written = export_dataset(out)
    return out, written


@pytest.fixture(scope="module")
def facts(build):
    return load_facts()


@pytest.fixture(scope="module")
def descriptor(exported):
    out, _ = exported
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def resource(descriptor, path):
    (found,) = [r for r in descriptor["resources"] if r["path"] == path]
    return found


def validate(folder):
    report = frictionless.validate(str(folder / "datapackage.json"))
    errors = report.flatten(["type", "fieldName", "rowNumber", "message"])
    return report, errors


def test_frictionless_validates_the_package(exported):
    out, _ = exported
    report, errors = validate(out)
    assert report.valid, "\n".join(map(str, errors))
    # It read every row of the facts against the schema, not just the descriptor.
    facts_task = next(t for t in report.tasks if t.name == "facts")
    assert facts_task.stats["rows"] == len(load_facts())


def test_every_file_is_a_resource_with_its_bytes_and_sha256(exported, descriptor):
    out, written = exported
    on_disk = sorted(p.name for p in out.iterdir())
    assert sorted(p.name for p in written) == on_disk
    assert {"facts.csv", "facts.parquet", "facts.dta", "datapackage.json"} <= set(on_disk)
    described = sorted(r["path"] for r in descriptor["resources"])
    assert described == [name for name in on_disk if name != "datapackage.json"]
    for entry in descriptor["resources"]:
        data = (out / entry["path"]).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
        assert entry["format"] == entry["path"].rsplit(".", 1)[1]
    assert resource(descriptor, "facts.parquet")["mediatype"] == "application/vnd.apache.parquet"
    assert resource(descriptor, "facts.dta")["mediatype"] == "application/x-stata-dta"


def test_the_schema_describes_every_column_as_the_dictionary_does(exported, descriptor, facts):
    out, _ = exported
    schema = resource(descriptor, "facts.csv")["schema"]
    with (out / "facts.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert [f["name"] for f in schema["fields"]] == header == list(facts.columns)
    dictionary = data_dictionary(facts)
    assert [f["description"] for f in schema["fields"]] == list(dictionary["description"])
    assert schema["primaryKey"] == ["fact_id"]
    fields = {f["name"]: f for f in schema["fields"]}
    for column, words in FACT_VOCABULARIES.items():
        assert fields[column]["constraints"]["enum"] == [w for w in words if w]
    assert {fields[c]["type"] for c in ("as_of", "period_start", "source_published_date")} == {
        "date"
    }
    assert fields["value"]["type"] == "number"
    assert fields["quote_start"]["type"] == fields["direction"]["type"] == "integer"
    assert fields["quote"]["type"] == "string"


def test_created_is_the_latest_source_date_and_every_source_is_listed(descriptor, facts):
    latest = facts["source_published_date"].max()
    assert descriptor["created"] == f"{latest:%Y-%m-%d}T00:00:00Z"
    titles = " ".join(s["title"] for s in descriptor["sources"])
    assert len(descriptor["sources"]) == facts["source_id"].nunique()
    for source_id in facts["source_id"].unique():
        assert f"(source_id {source_id})" in titles


def test_the_stata_file_reads_back_with_the_same_rows_and_vietnamese_intact(exported, facts):
    out, _ = exported
    dta = pd.read_stata(out / "facts.dta")
    assert list(dta.columns) == list(facts.columns)
    assert len(dta) == len(facts)
    assert list(dta["fact_id"]) == list(facts["fact_id"])
    assert list(dta["quote"]) == list(facts["quote"])
    assert list(dta["entity_name_vi"]) == list(facts["entity_name_vi"])
    assert dta["quote"].str.contains("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]").any()
    assert dta["value"].tolist() == pytest.approx(facts["value"].tolist(), nan_ok=True)
    for column in ("as_of", "period_start", "source_published_date"):
        assert (dta[column].isna() == facts[column].isna()).all()
        assert (dta[column].dropna().dt.date == facts[column].dropna().dt.date).all()
    assert list(dta["caveats"]) == [";".join(c) for c in facts["caveats"]]
    assert (out / "facts.dta").read_bytes().startswith(b"<stata_dta><header><release>118<")
    with pd.io.stata.StataReader(out / "facts.dta") as reader:
        labels = reader.variable_labels()
    described = dict(zip(*data_dictionary(facts)[["column", "description"]].T.values, strict=True))
    for column, label in labels.items():
        assert 0 < len(label) <= STATA_LABEL_CHARS
        assert label == described[column] or described[column].startswith(label[:-1])


def test_a_second_export_is_byte_identical(exported, tmp_path, capsys):
    out, _ = exported
    again = tmp_path / "again"
    assert main(["data", "export", "--out", str(again)]) == 0
    assert f"wrote {again / 'datapackage.json'}" in capsys.readouterr().out
    names = sorted(p.name for p in out.iterdir())
    assert sorted(p.name for p in again.iterdir()) == names
    for name in names:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def rewrite_facts(folder, change):
    """Apply ``change`` to the facts CSV's rows, rewrite it and its size and hash."""
    path = folder / "facts.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    change(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    entry = resource(package, "facts.csv")
    data = path.read_bytes()
    entry["bytes"], entry["hash"] = len(data), f"sha256:{hashlib.sha256(data).hexdigest()}"
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


def set_cell(column, value, row=0):
    def change(rows):
        rows[row][column] = value

    return change


def duplicate_first_id(rows):
    rows[1]["fact_id"] = rows[0]["fact_id"]


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        (set_cell("value", "mười lăm"), "type-error", "value"),
        (set_cell("as_of", "31/12/2025"), "type-error", "as_of"),
        (set_cell("quote_start", "1.5"), "type-error", "quote_start"),
        (set_cell("kind", "plan"), "constraint-error", "kind"),
        (set_cell("caveats", "ambiguous;unsure"), "constraint-error", "caveats"),
        (duplicate_first_id, "primary-key", None),
    ],
    ids=["number", "date", "integer", "enum", "caveats", "primary-key"],
)
def test_frictionless_rejects_a_broken_facts_csv(exported, tmp_path, change, error, field):
    out, _ = exported
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    rewrite_facts(broken, change)
    report, errors = validate(broken)
    assert not report.valid
    assert [(e[0], e[1]) for e in errors] == [(error, field)], errors


def test_an_unchanged_rewrite_stays_valid(exported, tmp_path):
    # The control of the test above: rewriting the CSV without a change breaks nothing.
    out, _ = exported
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    rewrite_facts(copy, lambda rows: None)
    report, errors = validate(copy)
    assert report.valid, errors


@pytest.mark.parametrize("name", ["facts.csv", "facts.parquet", "facts.dta"])
def test_frictionless_notices_a_changed_file(exported, tmp_path, name):
    out, _ = exported
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    data = bytearray((copy / name).read_bytes())
    data[-2] ^= 1  # same size, other bytes
    (copy / name).write_bytes(bytes(data))
    report, errors = validate(copy)
    assert not report.valid
    assert "hash-count" in {e[0] for e in errors}, errors
