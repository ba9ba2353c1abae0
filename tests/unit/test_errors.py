from ezlib.errors import DataError, EzlibError


def test_data_error_names_file_row_and_column():
    err = DataError("is empty", file="data/facts.csv", row=3, column="value")
    assert str(err) == "data/facts.csv, row 3, column 'value': is empty"
    assert isinstance(err, EzlibError)
    assert (err.file, err.row, err.column) == ("data/facts.csv", 3, "value")


def test_data_error_without_location_is_the_message():
    assert str(DataError("no facts")) == "no facts"


def test_an_error_lists_a_few_valid_values_or_the_closest_of_many():
    from ezlib.errors import VALUES_LISTED, valid_values

    assert valid_values("hp-zone", ["hp-zones", "tb-zones"]) == "hp-zones, tb-zones"
    many = [f"s{z:02d}-{part}" for z in range(1, 61) for part in ("zones", "kkt", "kcn")]
    assert len(many) > VALUES_LISTED
    assert valid_values("s17-zone", many).startswith("closest: s17-zones")
    assert valid_values("s17-zone", many).endswith("; 180 in all")
    assert valid_values("Đà Nẵng", many) == "180 in all"
