"""Each notebook runs through papermill with its defaults alone, as a researcher's Run All does."""

import json
import shutil

import pytest

from ezlib.report.build import build_report
from ezlib.report.config import notebook_defaults, notebooks_dir

pytestmark = pytest.mark.notebook
NOTEBOOKS = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))


def test_there_are_the_four_reports():
    assert [n[:2] for n in NOTEBOOKS] == ["01", "02", "03", "04"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_parameter_has_a_default_and_lang_is_one(name):
    defaults = notebook_defaults(notebooks_dir() / name)
    assert defaults["lang"] in ("vi", "en")
    assert all(value is not None for value in defaults.values())


def test_every_notebook_runs_with_its_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / "build"))
    for name in NOTEBOOKS:
        shutil.copy(notebooks_dir() / name, tmp_path / name)
    config = tmp_path / "reports.toml"
    config.write_text(
        "".join(f'[[run]]\nnotebook = "{n}"\n\n' for n in NOTEBOOKS), encoding="utf-8"
    )
    assert build_report(config) == 0
    for name in NOTEBOOKS:
        executed = json.loads((tmp_path / "build" / "notebooks" / name).read_text(encoding="utf-8"))
        errors = [
            o
            for c in executed["cells"]
            for o in c.get("outputs", [])
            if o["output_type"] == "error"
        ]
        assert errors == [], name
        assert (tmp_path / "build" / "site" / name.replace(".ipynb", ".html")).is_file()
