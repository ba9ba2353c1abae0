"""Benchmark `make report`: cold, warm, the machine's floor, and the naive CLI pipeline.

Prints wall times, and the share of cold the site takes (its pages rendered, its dataset, facts
and methods pages); never fails on time. Targets (issue 6): cold within 1.5x the floor, at least
4x faster than the naive pipeline, warm under 1 s; the site at most 10% of cold (issue 15).
Run: .venv/bin/python benchmarks/bench_report.py
"""

import ast
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ezlib.paths import project_root
from ezlib.report.build import DATA_PAGES
from ezlib.report.config import load_runs

ROOT = project_root()
BIN = Path(sys.executable).parent
BUILD = "EZLIB_BUILD_DIR"


def timed(cmd, env=None):
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def import_statements(notebook: Path) -> list[str]:
    """The notebook's import statements as written (``from ezlib import load_facts`` loads the
    module behind each name, so the floor must import names, not only modules)."""
    statements = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        lines = "".join(cell["source"]).splitlines()
        code = "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import | ast.ImportFrom):
                statements.append(ast.unparse(node))
    return statements


def kernel_floor(statements: list[str]) -> float:
    """One plain kernel start, a notebook's imports, shutdown: the floor per notebook."""
    from jupyter_client.manager import start_new_kernel

    start = time.perf_counter()
    # Its stderr (ipykernel's warning about TCP without encryption) is not the benchmark's.
    km, kc = start_new_kernel(kernel_name="python3", stderr=subprocess.DEVNULL)
    kc.execute_interactive("%matplotlib inline\n" + "\n".join(statements))
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return time.perf_counter() - start


def floor_seconds(runs) -> tuple[float, dict[str, float]]:
    """The floor of a build: per run, kernel start + its notebook's imports; over two cores."""
    per_notebook = {
        path.name: sorted(kernel_floor(import_statements(path)) for _ in range(3))[1]
        for path in sorted({run.path for run in runs})
    }
    return sum(per_notebook[run.path.name] for run in runs) / 2, per_notebook


def make_report(build: Path, **env: str) -> float:
    """Wall time of `make report` into ``build`` (the venv is present and up to date)."""
    return timed(
        ["make", "--no-print-directory", "report"], {**os.environ, **env, BUILD: str(build)}
    )


def site_seconds(build: Path) -> tuple[float, float]:
    """What the site cost in a build, from the runner's state: pages rendered, data pages.

    Rendering runs in the two workers beside the notebooks, so its wall time is half its sum.
    """
    state = json.loads((build / "notebooks" / "state.json").read_text(encoding="utf-8"))
    rendered = sum(r.get("render_seconds", 0.0) for r in state.values()) / 2
    return rendered, state.get(DATA_PAGES, {}).get("seconds", 0.0)


def main() -> None:
    runs = load_runs()
    with tempfile.TemporaryDirectory() as tmp:
        cold = make_report(Path(tmp) / "build")
        rendered, data_pages = site_seconds(Path(tmp) / "build")
        warm = min(make_report(Path(tmp) / "build") for _ in range(3))
    with tempfile.TemporaryDirectory() as tmp:
        plain = make_report(Path(tmp) / "build", EZLIB_KERNELS="plain")
    floor, per_notebook = floor_seconds(runs)
    naive = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for run in runs:
            out = Path(tmp) / f"{run.slug}.ipynb"
            params = [a for k, v in run.parameters.items() for a in ("-p", k, str(v))]
            naive += timed(
                [
                    str(BIN / "papermill"),
                    str(run.path),
                    str(out),
                    "-k",
                    "python3",
                    "--cwd",
                    str(run.folder),
                    *params,
                ]
            )
            naive += timed(
                [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(out)]
            )
    floors = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in per_notebook.items())
    print(f"runs: {len(runs)} on 2 workers")
    print(f"cold make report:  {cold:6.2f} s   ({cold / floor:.2f}x the floor; target <= 1.5x)")
    print(f"warm make report:  {warm:6.2f} s   (target < 1 s)")
    site = rendered + data_pages
    print(
        f"the site in cold:  {site:6.2f} s   ({site / cold:.1%} of cold; target <= 10%: pages "
        f"rendered {rendered:.2f} s over 2 workers, dataset, facts and methods pages "
        f"{data_pages:.2f} s)"
    )
    print(
        f"floor:             {floor:6.2f} s   (plain kernel start + imports: {floors}; / 2 cores)"
    )
    print(
        f"naive pipeline:    {naive:6.2f} s   ({naive / cold:.1f}x slower than cold; target >= 4x)"
    )
    print(
        f"cold, plain kernels (EZLIB_KERNELS=plain): {plain:6.2f} s   "
        f"({plain / floor:.2f}x the floor, naive {naive / plain:.1f}x slower)"
    )


if __name__ == "__main__":
    main()
