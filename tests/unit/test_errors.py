from ezlib.errors import DataError, EzlibError


def test_data_error_names_file_row_and_column():
    err = DataError("is empty", file="data/facts.csv", row=3, column="value")
    assert str(err) == "data/facts.csv, row 3, column 'value': is empty"
    assert isinstance(err, EzlibError)
    assert (err.file, err.row, err.column) == ("data/facts.csv", 3, "value")


def test_data_error_without_location_is_the_message():
    assert str(DataError("no facts")) == "no facts"
