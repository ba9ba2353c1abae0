"""`python -m ezlib data check`: passes on the data, and names the file and row of every fault."""

import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ezlib.cli import main
from ezlib.data.check import check_data
from ezlib.data.csvio import read_rows
from ezlib.data.reference import clear_cache
from ezlib.data.sources import read_article, verify_raw_articles
from ezlib.errors import DataError

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "articles/000_1cecd36ff5e041d7.txt"
RATES = ROOT / "data" / "reference" / "vnd_per_usd.csv"


@pytest.fixture(autouse=True)
def fresh_reference_tables():
    # Reference tables are cached per process (functools.cache): a copy must not see the real
    # tables, and the tests after these must not see a broken copy.
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the project's data, which ezlib reads instead of the real one."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")
    monkeypatch.setenv("EZLIB_ROOT", str(root))
    monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / "build"))
    return root


def read_table(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_table(path, table):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    path.write_text(out.getvalue(), encoding="utf-8")


def set_cell(path, row, column, value):
    """Set a cell of a CSV (row 1 = first data row) and return the old value."""
    table = read_table(path)
    index = table[0].index(column)
    old, table[row][index] = table[row][index], value
    write_table(path, table)
    return old


def registry_row(root, file):
    rows = read_table(root / "data" / "raw" / "sources.csv")
    return next(n for n, row in enumerate(rows) if row[rows[0].index("file")] == file)


def register_new_bytes(root, file):
    """Give an article's registry row the sha256 of the file as it now is."""
    path = root / "data" / "raw" / file
    set_cell(
        root / "data" / "raw" / "sources.csv",
        registry_row(root, file),
        "sha256",
        hashlib.sha256(path.read_bytes()).hexdigest(),
    )


def fault(root):
    with pytest.raises(DataError) as info:
        check_data()
    error = info.value
    assert error.file is not None and error.file.startswith(str(root)), str(error)
    assert error.file in str(error)
    return error


def test_the_data_passes_every_check():
    lines = check_data()
    assert len(lines) == 7
    text = "\n".join(lines)
    assert "raw articles match their sha256 in data/raw/sources.csv" in text
    assert "every registered file exists and none is unregistered" in text
    assert "non-empty UTF-8 text in Unicode NFC" in text
    assert "no control characters" in text
    assert "every quote found at its source and read as its value" in text
    assert "every year a VND figure needs has a rate" in text
    # Which years are provisional is the rate table's "full_year" column, said in the line.
    rows = csv.DictReader(io.StringIO(RATES.read_text(encoding="utf-8")))
    provisional = [r["year"] for r in rows if r["full_year"] != "yes"]
    assert f"{', '.join(provisional)} provisional" in text


def test_the_command_prints_the_lines_and_exits_0(capsys):
    assert main(["data", "check"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert len(out.splitlines()) == 7
    registered = len(read_table(ROOT / "data" / "raw" / "sources.csv")) - 1
    assert out.splitlines()[0].startswith(f"{registered} sources registered")


def test_a_changed_raw_article_is_a_hash_mismatch(project):
    path = project / "data" / "raw" / ARTICLE
    path.write_bytes(path.read_bytes() + b"\n")
    error = fault(project)
    assert error.file == str(project / "data" / "raw" / "sources.csv")
    assert (error.row, error.column) == (registry_row(project, ARTICLE), "sha256")
    assert f"sha256 of {path} is" in str(error)
    assert "a raw file is never edited" in str(error)
    assert len(verify_raw_articles()) == 1


def test_a_missing_registered_article_is_named_with_its_registry_row(project):
    path = project / "data" / "raw" / ARTICLE
    path.unlink()
    error = fault(project)
    assert error.file == str(project / "data" / "raw" / "sources.csv")
    assert (error.row, error.column) == (registry_row(project, ARTICLE), "file")
    assert f"registered article file {path} does not exist" in str(error)


def test_an_unregistered_article_file_is_an_orphan(project):
    orphan = project / "data" / "raw" / "articles" / "999_orphan.txt"
    orphan.write_text("Khu kinh tế\n", encoding="utf-8")
    error = fault(project)
    assert error.file == str(orphan)
    assert "raw article file has no row in" in str(error)
    assert str(project / "data" / "raw" / "sources.csv") in str(error)


def test_an_article_registered_twice_is_named(project):
    sources = project / "data" / "raw" / "sources.csv"
    other = "articles/001_b3ff27ba43a2e28e.txt"
    row = registry_row(project, other)
    set_cell(sources, row, "file", ARTICLE)
    error = fault(project)
    assert (error.file, error.row, error.column) == (str(sources), row, "file")
    assert f"is already registered on row {registry_row(project, ARTICLE)}" in str(error)


def test_a_vnd_fact_whose_year_has_no_rate_is_named(project):
    rates = project / "data" / "reference" / "vnd_per_usd.csv"
    table = read_table(rates)
    write_table(rates, [row for row in table if row[0] != "2023"])
    error = fault(project)
    facts = read_table(project / "data" / "facts.csv")
    fact = dict(zip(facts[0], facts[error.row], strict=True))
    assert error.file == str(project / "data" / "facts.csv")
    assert error.column in ("period_start", "as_of")
    assert f"fact {fact['fact_id']}: a {fact['unit']} {fact['measure']}" in str(error)
    assert "needs the VND-per-USD rate of 2023" in str(error)
    assert "data/reference/vnd_per_usd.csv lacks" in str(error)
    assert fact["unit"] == "VND"


def test_a_control_character_in_a_csv_names_its_row_and_column(project):
    facts = project / "data" / "facts.csv"
    set_cell(facts, 3, "note", "a bell\x07 in the note")
    error = fault(project)
    assert (error.file, error.row, error.column) == (str(facts), 3, "note")
    assert "control character '\\x07' (U+0007) at line 4" in str(error)


def test_a_control_character_in_the_registry_is_found_too(project):
    sources = project / "data" / "raw" / "sources.csv"
    set_cell(sources, 2, "notes", "null\x00byte")
    error = fault(project)
    assert (error.file, error.row, error.column) == (str(sources), 2, "notes")
    assert "U+0000" in str(error)


def test_a_control_character_in_an_article_names_its_line(project):
    path = project / "data" / "raw" / ARTICLE
    text = path.read_bytes().decode("utf-8")
    path.write_bytes((text + "\ntail \x1b[0m\n").encode("utf-8"))
    register_new_bytes(project, ARTICLE)
    error = fault(project)
    line = text.count("\n") + 2
    assert (error.file, error.row) == (str(path), line)
    assert f"control character '\\x1b' (U+001B) at line {line}, character 6" in str(error)


def test_an_article_not_in_nfc_names_its_line(project):
    path = project / "data" / "raw" / ARTICLE
    lines = path.read_bytes().decode("utf-8").split("\n")
    first = next(n for n, line in enumerate(lines) if unicodedata.normalize("NFD", line) != line)
    lines[first] = unicodedata.normalize("NFD", lines[first])
    path.write_bytes("\n".join(lines).encode("utf-8"))
    register_new_bytes(project, ARTICLE)
    error = fault(project)
    assert (error.file, error.row) == (str(path), first + 1)
    assert "is not Unicode NFC" in str(error)


def test_an_article_that_is_not_utf8_names_its_line(project):
    path = project / "data" / "raw" / ARTICLE
    raw = path.read_bytes()
    cut = raw.index(b"\n", 100) + 1
    path.write_bytes(raw[:cut] + b"caf\xe9\n" + raw[cut:])
    register_new_bytes(project, ARTICLE)
    error = fault(project)
    line = raw[:cut].count(b"\n") + 1
    assert (error.file, error.row) == (str(path), line)
    assert f"not valid UTF-8 at byte {cut + 3} (line {line} of the file)" in str(error)


def test_an_inferred_date_must_say_how(project):
    sources = project / "data" / "raw" / "sources.csv"
    set_cell(sources, 4, "date_basis", "inferred")
    error = fault(project)
    assert (error.file, error.row, error.column) == (str(sources), 4, "date_basis")
    assert "say in a few words how the date was inferred" in str(error)


@pytest.mark.parametrize(
    "name",
    [
        "facts.csv",
        "raw/sources.csv",
        "reference/entities.csv",
        "reference/indicators.csv",
        "reference/vnd_per_usd.csv",
    ],
)
def test_a_missing_table_is_named(project, name):
    path = project / "data" / name
    path.unlink()
    error = fault(project)
    assert error.file == str(path)
    assert "file not found" in str(error)


def test_a_facts_table_that_is_not_utf8_names_its_row(project):
    facts = project / "data" / "facts.csv"
    raw = facts.read_bytes()
    lines = raw.split(b"\n")
    lines[5] = lines[5].replace(b"khu", b"kh\xfb", 1)
    assert lines[5] != raw.split(b"\n")[5]
    facts.write_bytes(b"\n".join(lines))
    error = fault(project)
    assert (error.file, error.row) == (str(facts), 5)
    assert "not valid UTF-8" in str(error) and "line 6 of the file" in str(error)


def test_a_directory_where_a_file_should_be_is_named(project):
    facts = project / "data" / "facts.csv"
    facts.unlink()
    facts.mkdir()
    error = fault(project)
    assert error.file == str(facts)
    assert "is a directory, where a file should be" in str(error)


def test_a_registered_article_that_is_a_directory_is_named(project):
    path = project / "data" / "raw" / ARTICLE
    path.unlink()
    path.mkdir()
    error = fault(project)
    assert error.file == str(path)
    assert "is a directory, where a file should be" in str(error)


@pytest.mark.parametrize("name", ["facts.csv", f"raw/{ARTICLE}", "reference/entities.csv"])
def test_a_file_that_cannot_be_read_is_named(project, monkeypatch, name):
    locked = project / "data" / name
    read_bytes = Path.read_bytes

    def refuse(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    error = fault(project)
    assert error.file == str(locked)
    assert "cannot read the file: permission denied" in str(error)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission_is_named(project):
    facts = project / "data" / "facts.csv"
    facts.chmod(0)
    try:
        error = fault(project)
    finally:
        facts.chmod(0o644)
    assert error.file == str(facts)
    assert "permission denied" in str(error)


def test_read_article_names_an_undecodable_file(project):
    path = project / "data" / "raw" / ARTICLE
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(DataError, match="not valid UTF-8 at byte 0") as info:
        read_article("hp-2023-02-26-nq06")
    assert info.value.file == str(path)


def test_read_rows_names_a_directory(tmp_path):
    with pytest.raises(DataError, match="is a directory") as info:
        read_rows(tmp_path, ("a",))
    assert info.value.file == str(tmp_path)


def test_the_command_on_broken_data_exits_1_naming_the_file_without_a_traceback(project, tmp_path):
    path = project / "data" / "raw" / ARTICLE
    path.write_bytes(path.read_bytes().replace("Hải Phòng".encode(), b"Hai Phong", 1))
    env = {**os.environ, "EZLIB_ROOT": str(project), "EZLIB_BUILD_DIR": str(tmp_path / "build")}
    done = subprocess.run(
        [sys.executable, "-m", "ezlib", "data", "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr.startswith(f"error: {project / 'data' / 'raw' / 'sources.csv'}, row ")
    assert f"sha256 of {path} is" in done.stderr
