"""The report runner: parameters are checked, failures are kept and named, unchanged runs skip."""

import json
import re
import shutil
from pathlib import Path

import pytest

from ezlib.errors import DataError
from ezlib.report.build import build_report
from ezlib.report.config import load_runs

FIXTURES = Path(__file__).resolve().parent / "fixtures"

pytestmark = pytest.mark.notebook


@pytest.fixture
def build(tmp_path, monkeypatch):
    monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / "build"))
    return tmp_path / "build"


def config(tmp_path, text):
    shutil.copy(FIXTURES / "smoke.ipynb", tmp_path / "smoke.ipynb")
    path = tmp_path / "reports.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_runs_are_read_with_the_notebook_defaults():
    runs = load_runs(FIXTURES / "reports.toml")
    assert [r.slug for r in runs] == ["smoke__hp-zones_vi", "smoke__tb-zones_True"]
    assert runs[1].effective == {"zone": "tb-zones", "lang": "en", "fail": True}


def test_an_unknown_parameter_is_an_error_listing_the_valid_ones(tmp_path):
    path = config(
        tmp_path, '[[run]]\nnotebook = "smoke.ipynb"\nparameters = { zonee = "hp-zones" }\n'
    )
    with pytest.raises(DataError, match=r"no parameter 'zonee'; valid: zone, lang, fail") as info:
        load_runs(path)
    assert (info.value.row, info.value.column) == (1, "zonee")


def test_an_unknown_zone_is_an_error_listing_the_valid_ones(tmp_path):
    path = config(
        tmp_path, '[[run]]\nnotebook = "smoke.ipynb"\nparameters = { zone = "Đà Nẵng" }\n'
    )
    with pytest.raises(
        DataError, match=r"unknown entity 'Đà Nẵng'; valid ids: hp-zones, .*tb-zones"
    ):
        load_runs(path)


def test_an_unknown_language_is_an_error(tmp_path):
    path = config(tmp_path, '[[run]]\nnotebook = "smoke.ipynb"\nparameters = { lang = "fr" }\n')
    with pytest.raises(DataError, match=r"lang 'fr' is not one of \('vi', 'en'\)"):
        load_runs(path)


def test_a_failing_notebook_is_kept_rendered_listed_and_named(build, capsys):
    code = build_report(FIXTURES / "reports.toml")
    assert code == 1
    err = capsys.readouterr().err
    assert "failed: smoke__tb-zones_True: ValueError: asked to fail" in err
    failed = json.loads((build / "notebooks" / "smoke__tb-zones_True.ipynb").read_text())
    assert failed["metadata"]["papermill"]["exception"] is True
    page = (build / "site" / "smoke__tb-zones_True.html").read_text(encoding="utf-8")
    assert "asked to fail" in page
    index = (build / "site" / "index.html").read_text(encoding="utf-8")
    assert "Smoke: Thai Binh Economic Zone and industrial parks" in index
    assert 'class="failed">failed' in index
    # A Vietnamese report is listed on the Vietnamese index, in Vietnamese.
    index_vi = (build / "site" / "index__vi.html").read_text(encoding="utf-8")
    assert "Thử: Các KKT, KCN Hải Phòng" in index_vi and 'class="failed"' not in index_vi
    assert "Thử: Các KKT" not in index


def test_unchanged_runs_are_skipped_and_changed_inputs_rerun(build, tmp_path, capsys):
    path = config(tmp_path, '[[run]]\nnotebook = "smoke.ipynb"\nparameters = { lang = "vi" }\n')
    assert build_report(path) == 0
    state = json.loads((build / "notebooks" / "state.json").read_text())
    assert build_report(path) == 0
    assert "0 run, 1 unchanged" in capsys.readouterr().out
    assert json.loads((build / "notebooks" / "state.json").read_text()) == state
    notebook = tmp_path / "smoke.ipynb"
    notebook.write_text(notebook.read_text().replace("Smoke", "Smoke test"), encoding="utf-8")
    assert build_report(path) == 0
    assert "1 run, 0 unchanged" in capsys.readouterr().out


def test_pages_have_no_code_and_no_request_to_another_host(build):
    build_report(FIXTURES / "reports.toml")
    page = (build / "site" / "smoke__hp-zones_vi.html").read_text(encoding="utf-8")
    assert "resolve_entity" not in page  # the code is hidden from readers
    assert "hp-zones vi" in page  # its output is shown
    assert "data:image/png;base64," in page  # figures inline
    assert re.findall(r'(?:src|href)="(?:https?:)?//', page) == []
    assert "<script src=" not in page


def test_the_longest_runs_start_first():
    from ezlib.report.build import _longest_first

    runs = load_runs(FIXTURES / "reports.toml")
    first, second = runs
    state = {first.slug: {"seconds": 1.0, "notebook": first.notebook}}
    assert _longest_first([first, second], state) == [first, second]
    state[second.slug] = {"seconds": 3.0, "notebook": second.notebook}
    assert _longest_first([first, second], state) == [second, first]
    # A run never built is expected to take as long as its notebook's longest run.
    assert _longest_first([first, second], {first.slug: state[second.slug]}) == [first, second]


def test_the_index_reuses_the_titles_recorded_under_the_same_key():
    from ezlib.report.build import _index_rows

    (run, _) = load_runs(FIXTURES / "reports.toml")
    labels = {"title": "Recorded", "label": "Rec.", "zone": "Z"}
    state = {run.slug: {"key": "k1", **labels, "status": "ok"}}
    reused = _index_rows([run], state, {run.slug: "k1"})[0]
    assert {k: reused[k] for k in labels} == labels
    fresh = _index_rows([run], state, {run.slug: "k2"})[0]
    assert (fresh["title"], fresh["label"], fresh["zone"]) == (
        "Thử: Các KKT, KCN Hải Phòng",
        "Thử: Các KKT, KCN Hải Phòng",  # a notebook with no short label is named by its title
        "Các KKT, KCN Hải Phòng",
    )


def test_a_run_whose_kernel_dies_gets_a_page_that_says_so(tmp_path, build):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            'zone = "hp-zones"\nlang = "vi"', metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell("import os\nos._exit(1)"),
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, tmp_path / "smoke.ipynb")  # a report kind the index can name
    path = tmp_path / "reports.toml"
    path.write_text(
        '[[run]]\nnotebook = "smoke.ipynb"\nparameters = { zone = "hp-zones", lang = "vi" }\n',
        encoding="utf-8",
    )
    stale = build / "site" / "smoke__hp-zones_vi.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("a page of the last build", encoding="utf-8")
    assert build_report(path) == 1
    page = stale.read_text(encoding="utf-8")
    assert "Lần chạy này dừng trước khi notebook được lưu" in page
    assert "a page of the last build" not in page
