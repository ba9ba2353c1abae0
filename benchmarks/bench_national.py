"""Benchmark `make report` at national scale: sixty zones, rebuilding only what changed (issue 14).

Generates a synthetic but valid project of 60 zones in a temporary folder
(``benchmarks/national_data.py``: entities, archived Vietnamese articles with their sha256,
about forty facts per zone with every quote at its offsets; 60 zones x 2 languages of zone
reports, a plan check, the comparison and the audit), checks it with ``python -m ezlib data
check``, then times, in one run:

* a cold ``python -m ezlib report`` of that project (``EZLIB_ROOT``, ``EZLIB_BUILD_DIR``),
  with the batch's peak memory: the resident peaks (VmHWM) of every live process of the batch
  (the runner, its workers, the kernel server, the kernels), summed, sampled every 0.2 s;
  and the same sum of proportional set sizes (PSS), which counts the pages forked kernels
  share once;
* the floor measured in the same run (as ``bench_report.py``: per run, a plain kernel start
  plus its notebook's imports, over 2 cores), just before and just after cold, and cold's
  ratio to their mean; a round whose two floors differ by more than 10% is named as one whose
  machine load changed (a neighbour's build), since its ratio then says little;
* a warm no-op;
* the rebuild after correcting one figure of one zone (its article, the article's sha256 and
  the fact's quote and value, consistently), with the runs it reran and its share of cold;
* where the time goes: the seconds of each notebook's runs, the facts validation, the
  rendering of one page.

Prints figures; never fails on time. Targets: one-fact edit within 10% of cold, cold within
1.5x the floor, warm under 1 s, peak memory under 2 GiB.

Run: ``.venv/bin/python benchmarks/bench_national.py [--zones 60] [--repeat 2] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import national_data
from bench_report import import_statements, kernel_floor, site_seconds

EDITED_ZONE = 17  # a zone without a plan check: its two reports and the four all-zone pages


def snapshot_code(folder: Path) -> Path:
    """Copy the ezlib package beside the project and return the folder to put on PYTHONPATH.

    Every process of the benchmark imports this copy, so an edit of ezlib/ made meanwhile
    (the project is a shared working tree) neither mixes two versions nor reruns every
    report of a warm build: the runner keys reports by the code it imports.
    """
    shutil.copytree(
        national_data.REPO / "ezlib",
        folder / "ezlib",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    return folder


CODE: Path | None = None  # the snapshot of ezlib every process imports


def project_env(root: Path, build: Path) -> dict[str, str]:
    env = {**os.environ, "EZLIB_ROOT": str(root), "EZLIB_BUILD_DIR": str(build)}
    if CODE is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CODE), env.get("PYTHONPATH")]))
    return env


def _status(pid: int) -> dict[str, str]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        out[key] = value.strip()
    return out


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="utf-8").splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemorySampler(threading.Thread):
    """Polls /proc for the process tree under one pid; keeps the peak of its summed memory."""

    def __init__(self, root_pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.root_pid, self.interval = root_pid, interval
        self.stop = threading.Event()
        self.peak_hwm_kib = 0  # sum over live processes of their resident peak (VmHWM)
        self.peak_pss_kib = 0  # sum over live processes of their PSS
        self.largest_kib = 0  # the largest single process's resident peak
        self.most_processes = 0

    def tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text(encoding="utf-8")
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
        children: dict[int, list[int]] = defaultdict(list)
        for pid, parent in parents.items():
            children[parent].append(pid)
        found, todo = [], [self.root_pid]
        while todo:
            pid = todo.pop()
            if pid in parents:
                found.append(pid)
            todo += children.get(pid, [])
        return found

    def sample(self) -> None:
        hwm = pss = 0
        pids = self.tree()
        for pid in pids:
            try:
                peak = int(_status(pid).get("VmHWM", "0 kB").split()[0])
            except (OSError, ValueError):
                continue
            hwm += peak
            pss += _pss_kib(pid)
            self.largest_kib = max(self.largest_kib, peak)
        self.peak_hwm_kib = max(self.peak_hwm_kib, hwm)
        self.peak_pss_kib = max(self.peak_pss_kib, pss)
        self.most_processes = max(self.most_processes, len(pids))

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.interval)


def report(root: Path, build: Path, *, memory: bool = False) -> tuple[float, str, MemorySampler]:
    """Run ``python -m ezlib report`` on the project; return its wall time and summary line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "ezlib", "report"],
        cwd=root,
        env=project_env(root, build),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = MemorySampler(process.pid)
    if memory:
        sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    if memory:
        sampler.stop.set()
        sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"python -m ezlib report failed ({process.returncode}):\n{out}\n{err}")
    return seconds, out.strip().splitlines()[-1], sampler


def data_check(root: Path, build: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "ezlib", "data", "check"],
        cwd=root,
        env=project_env(root, build),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"the generated data does not pass the data check:\n{done.stderr}")
    return done.stdout.strip().splitlines()


def validation_seconds(root: Path) -> float:
    """Seconds of one uncached ``load_facts`` (validation and provenance), imports excluded."""
    with tempfile.TemporaryDirectory() as build:
        code = (
            "import time\nfrom ezlib.data.load import load_facts\n"
            "t = time.perf_counter(); load_facts(); print(time.perf_counter() - t)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=project_env(root, Path(build)),
            capture_output=True,
            text=True,
            check=True,
        )
        return float(done.stdout.split()[-1])


def render_seconds(build: Path, slug: str) -> float:
    """Seconds to render one executed notebook to its page (the site's share of a run)."""
    code = (
        "import sys, time\nfrom pathlib import Path\n"
        "from ezlib.report.site import render_notebook\n"
        "nb, out = Path(sys.argv[1]), Path(sys.argv[2])\n"
        "render_notebook(nb, out)\n"
        "times = []\n"
        "for _ in range(3):\n"
        "    t = time.perf_counter()\n"
        "    render_notebook(nb, out)\n"
        "    times.append(time.perf_counter() - t)\n"
        "print(sorted(times)[1])"
    )
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                str(build / "notebooks" / f"{slug}.ipynb"),
                str(Path(tmp) / "page.html"),
            ],
            env=project_env(build.parent / "project", Path(tmp)),
            capture_output=True,
            text=True,
            check=True,
        )
        return float(done.stdout.split()[-1])


def floor_seconds(root: Path, build: Path) -> tuple[float, dict[str, float]]:
    """Per run, a plain kernel start plus its notebook's imports (median of 3); over 2 cores."""
    names = ("EZLIB_ROOT", "EZLIB_BUILD_DIR", "PYTHONPATH")
    previous = {k: os.environ.get(k) for k in names}
    env = project_env(root, build)
    os.environ.update({k: env[k] for k in names if k in env})
    try:
        from ezlib.report.config import load_runs

        runs = load_runs(root / "notebooks" / "reports.toml")
        per_notebook = {
            path.name: sorted(kernel_floor(import_statements(path)) for _ in range(3))[1]
            for path in sorted({run.path for run in runs})
        }
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return sum(per_notebook[run.path.name] for run in runs) / 2, per_notebook


def state(build: Path) -> dict[str, dict]:
    """The runner's record of each run (the record of the site's data pages left out)."""
    records = json.loads((build / "notebooks" / "state.json").read_text(encoding="utf-8"))
    return {slug: r for slug, r in records.items() if "notebook" in r}


def by_notebook(records: dict[str, dict], slugs=None) -> dict[str, list[float]]:
    out: dict[str, list[float]] = defaultdict(list)
    for slug, record in records.items():
        if slugs is None or slug in slugs:
            out[record["notebook"]].append(record["seconds"])
    return dict(sorted(out.items()))


def once(zones: int, keep: Path | None) -> dict[str, object]:
    """One round: generate, check, floor, cold, floor again, warm, one-fact edit."""
    global CODE
    tmp = Path(tempfile.mkdtemp(prefix="ezlib-national-"))
    root, build = tmp / "project", tmp / "build"
    try:
        CODE = snapshot_code(tmp / "code")
        generated = national_data.make_project(root, zones)
        facts = sum(len(z.facts) for z in generated)
        checked = data_check(root, build)
        floor_before, _ = floor_seconds(root, build)
        cold, cold_line, memory = report(root, build, memory=True)
        floor_after, per_notebook = floor_seconds(root, build)
        cold_state = state(build)
        cold_site = sum(site_seconds(build))
        warms = [report(root, build) for _ in range(3)]
        warm = min(seconds for seconds, _, _ in warms)
        warm_lines = sorted({line.split(";")[0] for _, line, _ in warms})
        zone = generated[min(EDITED_ZONE, zones - 1)].zone_id
        fact_id = national_data.edit_one_fact(root, zone)
        edit, edit_line, edit_memory = report(root, build, memory=True)
        edit_state = state(build)
        rerun = [s for s in edit_state if edit_state[s] != cold_state[s]]
        validate = validation_seconds(root)
        zone_slug = next(s for s in cold_state if s.startswith("01_zone_report"))
        render = render_seconds(build, zone_slug)
        if keep:
            shutil.copytree(tmp, keep, dirs_exist_ok=True)
        return {
            "zones": zones,
            "facts": facts,
            "runs": len(cold_state),
            "checked": checked,
            "cold": cold,
            "cold_line": cold_line,
            "cold_site": cold_site,
            "floor": (floor_before + floor_after) / 2,
            "floors": (floor_before, floor_after),
            "per_notebook_floor": per_notebook,
            "warm": warm,
            "warm_lines": warm_lines,
            "edit": edit,
            "edit_line": edit_line,
            "edited": f"{fact_id} of {zone}",
            "rerun": rerun,
            "memory": memory,
            "edit_memory": edit_memory,
            "cold_by_notebook": by_notebook(cold_state),
            "edit_by_notebook": by_notebook(edit_state, set(rerun)),
            "validate": validate,
            "render": render,
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    if len(values) == 1:
        return fmt.format(values[0])
    return f"{fmt.format(min(values))}-{fmt.format(max(values))}"


def gib(kib: int) -> float:
    return kib / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zones", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=1, help="rounds, for the spread")
    parser.add_argument("--keep", type=Path, help="copy the last round's project and build here")
    args = parser.parse_args()
    rounds = [once(args.zones, args.keep) for _ in range(args.repeat)]
    first = rounds[0]
    print(f"project: {first['zones']} zones, {first['facts']} facts, {first['runs']} runs")
    print("data check: " + " | ".join(re.sub(r";.*", "", line) for line in first["checked"]))
    cold = [r["cold"] for r in rounds]
    floor = [r["floor"] for r in rounds]
    ratio = [r["cold"] / r["floor"] for r in rounds]
    warm = [r["warm"] for r in rounds]
    edit = [r["edit"] for r in rounds]
    share = [r["edit"] / r["cold"] for r in rounds]
    hwm = [gib(r["memory"].peak_hwm_kib) for r in rounds]
    pss = [gib(r["memory"].peak_pss_kib) for r in rounds]
    largest = [gib(r["memory"].largest_kib) for r in rounds]
    processes = max(r["memory"].most_processes for r in rounds)
    print(f"rounds: {len(rounds)}; each figure is one round's, or the range over the rounds")
    print(f"cold make report:  {spread(cold)} s   ({first['cold_line']})")
    floors = ", ".join(f"{k} {v:.2f} s" for k, v in first["per_notebook_floor"].items())
    print(f"floor:             {spread(floor)} s   (plain kernel start + imports: {floors}; / 2)")
    print(
        f"cold / floor:      {spread(ratio)}x   (target <= 1.5x; the floor is timed just before "
        "and just after cold, and is their mean)"
    )
    for k, r in enumerate(rounds, 1):
        before, after = r["floors"]
        if abs(after - before) > 0.1 * min(before, after):
            print(
                f"  round {k}: the floor measured {before:.1f} s before cold and {after:.1f} s "
                "after it: the machine's load changed during cold, so its ratio is not reliable"
            )
    site = [r["cold_site"] for r in rounds]
    print(
        f"the site in cold:  {spread(site)} s   = "
        f"{spread([100 * r['cold_site'] / r['cold'] for r in rounds], '{:.1f}')}% of cold "
        "(pages rendered over 2 workers, dataset, facts and methods pages; target <= 10%)"
    )
    print(
        f"warm no-op:        {spread(warm, '{:.3f}')} s   (target < 1 s; "
        f"{' / '.join(first['warm_lines'])})"
    )
    print(
        f"one-fact edit:     {spread(edit)} s   = {spread([100 * s for s in share], '{:.0f}')}% "
        f"of cold (target <= 10%); edited {first['edited']}: {first['edit_line']}"
    )
    print(f"                   reran: {', '.join(first['rerun'])}")
    print(
        f"peak memory:       {spread(hwm)} GiB summed resident peaks (VmHWM) of the live "
        f"processes, {spread(pss)} GiB summed PSS; largest process {spread(largest)} GiB; "
        f"up to {processes} processes (target < 2 GiB)"
    )
    edit_hwm = [gib(r["edit_memory"].peak_hwm_kib) for r in rounds]
    print(f"peak memory, edit: {spread(edit_hwm)} GiB summed resident peaks")
    print("where the time goes (seconds of each run: execution and rendering, summed):")
    for label, key in (("cold", "cold_by_notebook"), ("edit", "edit_by_notebook")):
        for notebook, seconds in first[key].items():
            print(
                f"  {label} {notebook:26s} {len(seconds):4d} runs, {sum(seconds):7.1f} s, "
                f"median {statistics.median(seconds):5.2f} s, max {max(seconds):6.2f} s"
            )
    print(
        f"  facts validation (uncached load_facts, {first['facts']} facts): "
        f"{spread([r['validate'] for r in rounds])} s, once per build whose data changed"
    )
    print(
        f"  rendering one zone report page: {spread([r['render'] for r in rounds])} s "
        "(part of each run above)"
    )


if __name__ == "__main__":
    main()
