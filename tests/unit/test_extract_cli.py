"""``python -m ezlib extract``: records per figure; bad files reported, the others still read."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from ezlib.cli import main
from ezlib.text.extract import FIELDS

ARTICLE = "Năm 2021 thu hút 29 dự án với số vốn 327,45 triệu USD, đạt gần 84% kế hoạch.\n"


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def run(capsys, *argv):
    code = main(["extract", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_has_one_record_per_figure(capsys, good):
    code, out, err = run(capsys, good)
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["surface"] for r in records] == ["29 dự án", "327,45 triệu USD", "84%"]
    assert all(list(r) == list(FIELDS) for r in records)
    money = records[1]
    assert money["doc"] == "good.txt"
    assert ARTICLE[money["start"] : money["end"]] == "327,45 triệu USD"
    assert (money["value"], money["value_high"], money["unit"]) == (327450000.0, None, "USD")
    assert (records[2]["qualifier"], records[2]["kind"]) == ("nearly", "actual")


def test_csv_has_a_header_and_the_same_records(capsys, good):
    code, out, _ = run(capsys, good, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert list(rows[0]) == list(FIELDS)
    assert [(r["surface"], r["unit"], r["value_high"]) for r in rows] == [
        ("29 dự án", "count", ""),
        ("327,45 triệu USD", "USD", ""),
        ("84%", "percent", ""),
    ]


def test_bad_files_are_reported_and_the_others_still_processed(capsys, tmp_path, good):
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02 5 ha")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Thu hút 29 dự án".encode().replace(b"\xc3\xba", b"\xfa"))
    folder = tmp_path / "folder"
    folder.mkdir()
    code, out, err = run(capsys, missing, binary, good, latin, folder)
    assert code == 1
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["good.txt"] * 3
    lines = err.splitlines()
    assert len(lines) == 4
    assert f"{missing}: no such file" in lines[0]
    assert f"{binary}: binary file" in lines[1]
    assert f"{latin}: not UTF-8" in lines[2] and "0xfa" in lines[2]
    assert f"{folder}: is a folder" in lines[3]


def test_an_unreadable_number_is_reported_and_written_with_its_problem(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Dòng một.\nChỉ số PCI đạt 70,5 và có 12 dự án", encoding="utf-8")
    code, out, err = run(capsys, path)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["surface"], r["unit"], r["problem"] is None) for r in records] == [
        ("70,5", "", False),
        ("12 dự án", "count", True),
    ]
    assert f"{path}:2:16: cannot read '70,5'" in err


def test_offsets_index_the_file_as_stored(capsys, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffDòng 1\r\nCó 12 dự án\r\n".encode())  # BOM and CRLF are kept
    _, out, _ = run(capsys, path)
    (record,) = [json.loads(line) for line in out.splitlines()]
    text = path.read_bytes().decode("utf-8")
    assert text[record["start"] : record["end"]] == "12 dự án"


def test_language_can_be_forced(capsys, tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("9,250ha", encoding="utf-8")
    _, out, _ = run(capsys, path, "--lang", "en")
    assert json.loads(out)["value"] == 9250.0
    _, out, _ = run(capsys, path)
    assert json.loads(out)["value"] == 9.25  # no words to tell: the Vietnamese convention


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["extract"])
    assert info.value.code == 2
    with pytest.raises(SystemExit):
        main(["extract", "a.txt", "--format", "xml"])
    assert "invalid choice" in capsys.readouterr().err


def test_records_are_utf8_whatever_the_locale(good):
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "ezlib", "extract", str(good)],
        capture_output=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "327,45 triệu USD" in done.stdout.decode("utf-8")


def test_module_entry_point_runs_and_report_does_not_import_the_extractor(good):
    done = subprocess.run(
        [sys.executable, "-m", "ezlib", "extract", str(good), "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == ",".join(FIELDS)
    probe = (
        "import sys; from ezlib.cli import build_parser; build_parser(); "
        "print('ezlib.text.extract' in sys.modules, 'ezlib.text.quantities' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
