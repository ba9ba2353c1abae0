"""The nbval run in `make test` checks real outputs: marked cells store them, and a change fails."""

import json
import shutil
import subprocess
import sys

import pytest

from ezlib.paths import project_root
from ezlib.report.config import notebooks_dir

pytestmark = pytest.mark.notebook
SANITIZE = project_root() / "tests" / "notebooks" / "nbval_sanitize.cfg"


@pytest.mark.parametrize("path", sorted(notebooks_dir().glob("*.ipynb")), ids=lambda p: p.name)
def test_key_outputs_are_stored_and_nothing_else(path):
    cells = [
        c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"
    ]
    checked = [c for c in cells if "NBVAL_CHECK_OUTPUT" in "".join(c["source"])]
    assert checked, "mark the key tables and figures with # NBVAL_CHECK_OUTPUT"
    assert all(c["outputs"] for c in checked), "run `make notebooks` to store their outputs"
    assert all(not c["outputs"] for c in cells if c not in checked)
    assert all(not c.get("execution_count") for c in cells)


def nbval(path):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval-lax",
            "--nbval-current-env",
            "--color=no",
            f"--nbval-sanitize-with={SANITIZE}",
            str(path),
        ],
        cwd=path.parent,
        capture_output=True,
        text=True,
    )


def test_a_changed_figure_in_a_checked_table_fails(tmp_path):
    source = notebooks_dir() / "04_data_audit.ipynb"
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    assert nbval(copy).returncode == 0
    notebook = json.loads(copy.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if html and "citation" in "".join(html):
                output["data"]["text/html"] = [line.replace("citation", "citatio") for line in html]
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    result = nbval(copy)
    assert result.returncode == 1
    assert "citatio" in result.stdout
