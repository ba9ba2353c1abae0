"""``make report``: run every configured notebook (two at a time) and build the readers' site."""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import UTC, datetime
from pathlib import Path

from ezlib.paths import build_dir
from ezlib.report.config import Run, load_runs
from ezlib.report.runner import (
    Outcome,
    execute_run,
    html_output,
    is_fresh,
    load_state,
    run_key,
    save_state,
    shared_inputs_digest,
)
from ezlib.report.words import title, zone_name

WORKERS = 2


def report_title(run: Run) -> str:
    """Return the title of a run's report in its language, e.g. ``Progress report: …``."""
    return title(run.stem, run.effective)


def _index_rows(runs: list[Run], state: dict[str, dict]) -> list[dict[str, str]]:
    rows = []
    for run in runs:
        record = state.get(run.slug, {})
        params = run.effective
        rows.append(
            {
                "href": html_output(run).name,
                "title": report_title(run),
                "zone": zone_name(params.get("zone"), params.get("lang", "en")),
                "lang": params.get("lang", ""),
                "built": record.get("built", ""),
                "status": record.get("status", "failed"),
                "error": record.get("error") or "",
            }
        )
    return rows


def _prepare_facts() -> None:
    """Validate the facts once so that notebooks read them from the cache.

    Runs in the parent while the first kernels start; a fault is left for the notebooks to
    report with their own error.
    """
    from ezlib.data.load import load_facts
    from ezlib.errors import EzlibError

    with contextlib.suppress(EzlibError):
        load_facts()


def _execute(todo: list[Run], workers: int) -> list[Outcome]:
    from ezlib.report.kernels import kernel_server

    # The kernel server imports the notebooks' modules while this process imports papermill
    # (before forking, so the workers inherit it instead of importing it twice).
    with kernel_server(sorted({run.path for run in todo})):
        import papermill  # noqa: F401

        return _execute_in_pool(todo, workers)


def _execute_in_pool(todo: list[Run], workers: int) -> list[Outcome]:
    from tqdm import tqdm

    context = multiprocessing.get_context("fork")
    outcomes = []
    with ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=context) as pool:
        futures = [pool.submit(execute_run, run) for run in todo]
        # While the first kernels start, validate the facts once (cache in build/cache).
        _prepare_facts()
        for future in tqdm(as_completed(futures), total=len(futures), desc="reports", unit="nb"):
            outcomes.append(future.result())
    return outcomes


def build_report(config: Path | None = None, *, workers: int = WORKERS) -> int:
    """Run every notebook and parameter set of the configuration and write the site.

    Runs whose inputs (notebook, parameters, data files, ezlib source, templates, lock) have
    not changed since their last good run are skipped. A failing notebook stops nothing else:
    it is kept with its error, rendered, listed as failed on the index, and named on stderr.

    Args:
        config: The run configuration; ``notebooks/reports.toml`` when None.
        workers: How many notebooks run at once.

    Returns:
        0 when every report is built, 1 when any failed.

    Raises:
        DataError: If the configuration names an unknown notebook, parameter or value.
    """
    runs = load_runs(config)
    shared = shared_inputs_digest()
    state = load_state()
    keys = {run.slug: run_key(run, shared) for run in runs}
    todo = [run for run in runs if not is_fresh(run, keys[run.slug], state)]
    if todo:
        by_slug = {run.slug: run for run in todo}
        for outcome in _execute(todo, workers):
            state[outcome.slug] = {
                "key": keys[outcome.slug],
                "status": outcome.status,
                "error": outcome.error,
                "built": outcome.built,
                "seconds": round(outcome.seconds, 2),
                "notebook": by_slug[outcome.slug].notebook,
            }
        save_state(state)
    from ezlib.report.site import write_index

    index = write_index(
        build_dir() / "site" / "index.html",
        _index_rows(runs, state),
        built=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
    failed = [run.slug for run in runs if state.get(run.slug, {}).get("status") != "ok"]
    print(
        f"{len(runs)} reports: {len(todo)} run, {len(runs) - len(todo)} unchanged, "
        f"{len(failed)} failed; site: {index}"
    )
    if failed:
        for slug in failed:
            print(f"failed: {slug}: {state[slug].get('error')}", file=sys.stderr)
        return 1
    return 0
