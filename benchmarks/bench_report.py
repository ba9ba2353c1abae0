"""Benchmark `make report`: cold, warm, the machine's floor, and the naive CLI pipeline.

Prints wall times; never fails on time. Targets (issue 6): cold within 1.5x the floor, at least
4x faster than the naive pipeline, warm under 1 s. Run: .venv/bin/python benchmarks/bench_report.py
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ezlib.paths import project_root
from ezlib.runconfig import load_runs

ROOT = project_root()
BIN = Path(sys.executable).parent


def timed(cmd, env=None):
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def kernel_floor() -> float:
    """One kernel start, the notebooks' imports, shutdown (the physical floor per notebook)."""
    from jupyter_client.manager import start_new_kernel

    start = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="python3")
    kc.execute_interactive(
        "import pandas, matplotlib.pyplot, seaborn, ezlib.load, ezlib.progress, ezlib.plots"
    )
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return time.perf_counter() - start


def main() -> None:
    runs = load_runs()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EZLIB_BUILD_DIR": str(Path(tmp) / "build")}
        cold = timed([sys.executable, "-m", "ezlib", "report"], env)
        warm = min(timed([sys.executable, "-m", "ezlib", "report"], env) for _ in range(3))
    per_kernel = sorted(kernel_floor() for _ in range(3))[1]
    floor = per_kernel * len(runs) / 2
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
    print(f"runs: {len(runs)} on 2 workers")
    print(f"cold make report:  {cold:6.2f} s   ({cold / floor:.2f}x the floor; target <= 1.5x)")
    print(f"warm make report:  {warm:6.2f} s   (target < 1 s)")
    print(
        f"floor:             {floor:6.2f} s   "
        f"(kernel start + imports {per_kernel:.2f} s x {len(runs)} / 2 cores)"
    )
    print(
        f"naive pipeline:    {naive:6.2f} s   ({naive / cold:.1f}x slower than cold; target >= 4x)"
    )


if __name__ == "__main__":
    main()
