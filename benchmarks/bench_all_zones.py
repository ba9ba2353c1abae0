"""Time the functions of the all-zone pages on a generated national project (issue 14).

Generates the project of ``national_data.py`` (60 zones by default) in a temporary folder,
loads its facts there (``EZLIB_ROOT``, in a child process so the reference tables are the
generated ones) and times, once each, what the comparison and the audit pages compute:
``compare_zones``, ``plan_outcomes``, ``all_consistency_checks`` and the audit's tables.
Prints seconds, wall and CPU (the machine may be busy); never fails on time. Target: each
well under 10 s at 60 zones.

Run: ``.venv/bin/python benchmarks/bench_all_zones.py [--zones 60]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import national_data

TIMED = (
    "compare_zones",
    "plan_outcomes",
    "all_consistency_checks",
    "conflicts",
    "anomalies",
    "coverage",
    "provenance_summary",
)
"""The functions timed, in the order the pages call them (the comparison, then the audit)."""

CHILD = """
import time
import ezlib.progress as progress
from ezlib.data.load import load_facts

facts = load_facts()
print(f"{{len(facts)}} facts")
for name in {names!r}:
    start, cpu = time.perf_counter(), time.process_time()
    rows = len(getattr(progress, name)(facts))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{{name:24s}} {{wall:7.2f}} s ({{cpu:6.2f}} s CPU)  {{rows}} rows", flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zones", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ezlib-all-zones-") as folder:
        root = Path(folder) / "project"
        national_data.make_project(root, args.zones)
        env = {
            **os.environ,
            "EZLIB_ROOT": str(root),
            "EZLIB_BUILD_DIR": str(Path(folder) / "build"),
            "PYTHONPATH": os.pathsep.join(
                [str(national_data.REPO), os.environ.get("PYTHONPATH", "")]
            ),
        }
        print(f"{args.zones} zones")
        subprocess.run([sys.executable, "-c", CHILD.format(names=TIMED)], env=env, check=True)


if __name__ == "__main__":
    main()
