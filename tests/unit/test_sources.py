"""The source registry loader rejects bad rows with the file, row and column named."""

import pytest

from ezlib.data.sources import SOURCE_COLUMNS, load_sources
from ezlib.errors import DataError

GOOD = {
    "source_id": "x-1",
    "kind": "citation",
    "file": "",
    "title": "Tiêu đề",
    "publisher": "Báo X",
    "url": "https://example.org/a",
    "language": "vi",
    "published_date": "2024-01-31",
    "date_precision": "day",
    "date_basis": "stated in the page header",
    "sha256": "",
    "found_how": "search",
    "notes": "",
}


def write(tmp_path, rows, header=SOURCE_COLUMNS):
    import csv

    path = tmp_path / "sources.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in header])
    return path


def test_good_registry_loads(tmp_path):
    frame = load_sources(write(tmp_path, [GOOD]))
    assert frame["source_id"].tolist() == ["x-1"]
    assert str(frame["published_date"].dt.year.item()) == "2024"


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"kind": "blog"}, "kind"),
        ({"language": "fr"}, "language"),
        ({"published_date": "31/01/2024"}, "published_date"),
        ({"date_precision": "week"}, "date_precision"),
        ({"url": "example.org"}, "url"),
        ({"title": " "}, "title"),
        ({"date_basis": ""}, "date_basis"),
    ],
)
def test_bad_field_is_named(tmp_path, change, column):
    path = write(tmp_path, [GOOD, {**GOOD, "source_id": "x-2", **change}])
    with pytest.raises(DataError) as info:
        load_sources(path)
    assert (info.value.row, info.value.column) == (2, column)
    assert str(path) in str(info.value)


def test_duplicate_id_is_named(tmp_path):
    with pytest.raises(DataError, match="duplicate source_id 'x-1'") as info:
        load_sources(write(tmp_path, [GOOD, GOOD]))
    assert info.value.row == 2


def test_missing_column_is_named(tmp_path):
    header = tuple(c for c in SOURCE_COLUMNS if c != "notes")
    with pytest.raises(DataError, match=r"missing \['notes'\]"):
        load_sources(write(tmp_path, [GOOD], header=header))
