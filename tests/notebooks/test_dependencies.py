"""Reports depend on what they read: one zone's edit rebuilds that zone and the all-zone pages.

Builds a generated project of three zones (benchmarks/national_data.py) with the real
notebooks, edits one figure of one zone as a curator would (the article, its sha256, the fact's
quote and value), and rebuilds; then builds the zone-scoped notebooks again on the data of
their zone alone and compares their outputs: a notebook listed in
``ezlib.report.config.ZONE_PARAMETERS`` must read nothing of another zone.
"""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ezlib.data.reference import clear_cache
from ezlib.report import inputs
from ezlib.report.build import build_report
from ezlib.report.inputs import zone_entity_ids
from tests.generated import national_data

pytestmark = pytest.mark.notebook

RUNS = """
[[run]]
notebook = "01_zone_report.ipynb"
parameters = { zone = "s01-zones", lang = "en" }

[[run]]
notebook = "01_zone_report.ipynb"
parameters = { zone = "s02-zones", lang = "vi" }

[[run]]
notebook = "02_plan_check.ipynb"
parameters = { zone = "s01-zones", indicator = "fdi_capital", lang = "vi" }

[[run]]
notebook = "03_zone_comparison.ipynb"
parameters = { lang = "en" }

[[run]]
notebook = "04_data_audit.ipynb"
parameters = { lang = "en" }
"""
ZONE_ONE_RUNS = "\n\n".join(RUNS.strip().split("\n\n")[0:3:2])
ZONE_ONE = ("01_zone_report__s01-zones_en", "02_plan_check__s01-zones_fdi-capital_vi")
EDITED = "01_zone_report__s02-zones_vi"
ALL_ZONES = ("03_zone_comparison__en", "04_data_audit__en")


def outputs(notebook: Path) -> list:
    """What a notebook shows: each code cell's outputs, without counters or timings."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [
        [
            {k: v for k, v in out.items() if k not in ("execution_count", "metadata")}
            for out in cell.get("outputs", [])
        ]
        for cell in cells
        if cell["cell_type"] == "code"
    ]


def pages(build: Path) -> dict[str, tuple[int, bytes]]:
    """The report pages (the index, facts and methods pages are made from all the data)."""
    return {
        page.stem: (page.stat().st_mtime_ns, page.read_bytes())
        for page in (build / "site").glob("0*.html")
    }


def only_zone(root: Path, zone: str) -> None:
    """Keep in facts.csv the rows of one zone's entities alone."""
    with (root / "data" / "reference" / "entities.csv").open(encoding="utf-8") as handle:
        members = zone_entity_ids(zone, list(csv.DictReader(handle)))
    path = root / "data" / "facts.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(r for r in rows if r["entity_id"] in members)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Build, edit one zone's fact, rebuild, warm no-op; then zone one on its data alone."""
    tmp = tmp_path_factory.mktemp("dependencies")
    root, build = tmp / "project", tmp / "build"
    national_data.make_project(root, 3)
    config = root / "notebooks" / "reports.toml"
    config.write_text(RUNS, encoding="utf-8")
    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EZLIB_ROOT", str(root))
        patch.setenv("EZLIB_BUILD_DIR", str(build))
        # The code is held as it is now: an edit of ezlib/ while these builds run (a shared
        # working tree) would rightly rerun everything, which is not what is tested here.
        code = inputs.code_digest()
        patch.setattr(inputs, "code_digest", lambda: code)
        clear_cache()
        try:
            found["cold"] = build_report(config)
            found["cold_pages"] = pages(build)
            found["cold_outputs"] = {
                slug: outputs(build / "notebooks" / f"{slug}.ipynb") for slug in ZONE_ONE
            }
            found["edited"] = national_data.edit_one_fact(root, "s02-zones")
            with (root / "data" / "facts.csv").open(encoding="utf-8") as handle:
                (row,) = [r for r in csv.DictReader(handle) if r["fact_id"] == found["edited"]]
            found["quote"] = row["quote"]
            found["edit"] = build_report(config)
            found["edit_pages"] = pages(build)
            warm = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys\nfrom ezlib.report import inputs\n"
                    f"inputs.code_digest = lambda: {code!r}\n"
                    "from ezlib.report.build import build_report\n"
                    "code = build_report()\nprint('pandas' in sys.modules, code)",
                ],
                env={**os.environ},
                capture_output=True,
                text=True,
                check=True,
            )
            found["warm"] = warm.stdout
            alone = tmp / "alone"
            shutil.copytree(root, alone)
            only_zone(alone, "s01-zones")
            patch.setenv("EZLIB_ROOT", str(alone))
            patch.setenv("EZLIB_BUILD_DIR", str(tmp / "alone-build"))
            clear_cache()
            config = alone / "notebooks" / "reports.toml"
            config.write_text(ZONE_ONE_RUNS, encoding="utf-8")
            found["alone"] = build_report(config)
            found["alone_outputs"] = {
                slug: outputs(tmp / "alone-build" / "notebooks" / f"{slug}.ipynb")
                for slug in ZONE_ONE
            }
        finally:
            clear_cache()
    return found


def test_the_generated_project_passes_the_data_check(tmp_path):
    root = tmp_path / "project"
    national_data.make_project(root, 2)
    env = {**os.environ, "EZLIB_ROOT": str(root), "EZLIB_BUILD_DIR": str(tmp_path / "build")}
    done = subprocess.run(
        [sys.executable, "-m", "ezlib", "data", "check"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "every quote found at its source and read as its value" in done.stdout


def test_every_report_builds(builds):
    assert builds["cold"] == 0
    assert set(builds["cold_pages"]) == {*ZONE_ONE, EDITED, *ALL_ZONES}


def test_one_zones_edit_rebuilds_that_zone_and_the_all_zone_pages_only(builds):
    assert builds["edit"] == 0
    before, after = builds["cold_pages"], builds["edit_pages"]
    rebuilt = {slug for slug in after if after[slug][0] != before[slug][0]}
    assert rebuilt == {EDITED, *ALL_ZONES}
    assert builds["quote"] in after[EDITED][1].decode()  # the corrected figure is shown
    assert builds["quote"] not in before[EDITED][1].decode()
    for slug in ZONE_ONE:  # another zone's pages are left as they were, byte for byte
        assert after[slug] == before[slug]


def test_a_warm_no_op_rebuilds_nothing_and_never_imports_pandas(builds):
    summary, imported = builds["warm"].strip().splitlines()
    assert "5 reports: 0 run, 5 unchanged, 0 failed" in summary
    assert imported == "False 0"


def test_a_zone_scoped_notebook_reads_nothing_of_another_zone(builds):
    # Run on the facts of zone one alone, zone one's report and plan check show exactly what
    # they showed beside every other zone's facts: their keys may leave other zones out.
    assert builds["alone"] == 0
    for slug in ZONE_ONE:
        assert builds["alone_outputs"][slug] == builds["cold_outputs"][slug], slug


def test_the_comparison_shows_every_zone(builds):
    page = builds["cold_pages"]["03_zone_comparison__en"][1].decode()
    for _vi, en in national_data.PROVINCES[:3]:
        assert f"{en} economic zones and industrial parks" in page


def test_the_comparison_lists_each_target_of_the_real_data_once():
    from ezlib.data.load import load_facts
    from ezlib.progress.compare import compare_zones

    clear_cache()
    table = compare_zones(load_facts())
    assert table["target_fact_id"].is_unique
    assert {"hp-zones", "th-zones", "tb-zones"} <= set(table["entity_id"])
