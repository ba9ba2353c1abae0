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
from ezlib.report.inputs import BuildInputs
from ezlib.report.runner import (
    Outcome,
    execute_run,
    html_output,
    is_fresh,
    load_state,
    run_key,
    save_state,
)
from ezlib.report.words import report_label, title, zone_name
from ezlib.vocabulary import LANGUAGES

WORKERS = 2


def report_title(run: Run) -> str:
    """Return the title of a run's report in its language, e.g. ``Progress report: …``."""
    return title(run.stem, run.effective)


def _labels(run: Run) -> dict[str, str]:
    """A run's title and zone as the index shows them, in its language."""
    params = run.effective
    return {
        "title": report_title(run),
        "label": report_label(run.stem, params),
        "zone": zone_name(params.get("zone"), params.get("lang", "en")),
    }


def _recorded_labels(run: Run) -> dict[str, str]:
    """Return the labels to record with a run's outcome, or none if they cannot be made.

    The index then makes them itself, and names the fault.
    """
    from ezlib.errors import EzlibError

    try:
        return _labels(run)
    except EzlibError:
        return {}


def _index_rows(
    runs: list[Run], state: dict[str, dict], keys: dict[str, str]
) -> list[dict[str, str]]:
    rows = []
    for run in runs:
        record = state.get(run.slug, {})
        # A title and zone name follow from the parameters, ezlib and the entity table, all
        # in the run's key: those recorded under the same key are still right.
        same = record.get("key") == keys[run.slug] and {"title", "label", "zone"} <= set(record)
        labels = {k: record[k] for k in ("title", "label", "zone")} if same else _labels(run)
        rows.append(
            {
                "href": html_output(run).name,
                "title": labels["title"],
                "label": labels["label"],
                "zone": labels["zone"],
                "scope": "zone" if run.effective.get("zone") else "all",
                "lang": run.effective.get("lang", ""),
                "built": record.get("built", ""),
                "status": record.get("status", "failed"),
                "error": record.get("error") or "",
            }
        )
    return rows


def _longest_first(todo: list[Run], state: dict[str, dict]) -> list[Run]:
    """Return the runs in the order to start them: the longest last time first.

    So two workers end together instead of one waiting for the other's long last run; a run
    never built is expected to take as long as its notebook's longest recorded run.
    """
    longest: dict[str, float] = {}
    for record in state.values():
        notebook, seconds = record.get("notebook"), record.get("seconds")
        if isinstance(notebook, str) and isinstance(seconds, int | float):
            longest[notebook] = max(longest.get(notebook, 0.0), float(seconds))

    def expected(run: Run) -> float:
        seconds = state.get(run.slug, {}).get("seconds")
        if isinstance(seconds, int | float):
            return float(seconds)
        return longest.get(run.notebook, 0.0)

    return sorted(todo, key=expected, reverse=True)


def _prepare_facts() -> None:
    """Validate the facts once so that notebooks read them from the cache.

    Runs in the parent while the kernel server imports the notebooks' modules, before any
    notebook runs; a fault is left for the notebooks to report with their own error.
    """
    from ezlib.data.load import load_facts
    from ezlib.errors import EzlibError

    with contextlib.suppress(EzlibError):
        load_facts()


def _execute(todo: list[Run], workers: int) -> list[Outcome]:
    from ezlib.report.kernels import kernel_server

    # The kernel server imports the notebooks' modules while this process validates the facts
    # (once, into the cache the notebooks read: none of them waits on it), imports papermill
    # and builds the page exporter (before forking, so the workers inherit both instead of
    # making them twice).
    with kernel_server(sorted({run.path for run in todo})):
        _prepare_facts()
        import papermill  # noqa: F401

        from ezlib.report.site import prepare_renderer

        prepare_renderer()

        return _execute_in_pool(todo, workers)


def _execute_in_pool(todo: list[Run], workers: int) -> list[Outcome]:
    from tqdm import tqdm

    context = multiprocessing.get_context("fork")
    outcomes = []
    with ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=context) as pool:
        futures = [pool.submit(execute_run, run) for run in todo]
        for future in tqdm(as_completed(futures), total=len(futures), desc="reports", unit="nb"):
            outcomes.append(future.result())
    return outcomes


DATA_PAGES = "site:data-pages"
"""The runner state's record of the pages made from the data (:func:`_data_pages`)."""


def _data_pages(
    site: Path, rows: list[dict[str, str]], inputs: BuildInputs, state: dict
) -> tuple[str, bool]:
    """Write the dataset, facts and methods pages unless their inputs are unchanged.

    They read all of ``data/``, the code, the methods docs and the built reports (the facts
    browser links each fact to the pages that cite it): their key is those digests. A fault
    (facts that do not validate) is reported, not raised: the reports show it too.

    Returns:
        What happened, for the build's summary line (``unchanged``, ``written in N s`` or
        the fault), and whether the pages are there.
    """
    import hashlib
    import time

    from ezlib.errors import EzlibError
    from ezlib.paths import project_root
    from ezlib.report.methods_page import METHODS_SOURCES

    ok = [row for row in rows if row["status"] == "ok"]
    digest = hashlib.sha256()
    for part in (inputs.code, inputs.everything, repr([(r["href"], r["built"]) for r in ok])):
        digest.update(part.encode())
    for doc in METHODS_SOURCES.values():
        path = project_root() / doc
        digest.update(path.read_bytes() if path.is_file() else b"")
    key = digest.hexdigest()
    record = state.get(DATA_PAGES, {})
    if record.get("key") == key and all((site / f).is_file() for f in record.get("files", [])):
        return "unchanged", True
    from ezlib.report.site import write_data_pages

    started = time.perf_counter()
    try:
        written = write_data_pages(site, [(site / r["href"], r["title"]) for r in ok])
    except EzlibError as exc:
        print(f"failed: data pages: {exc}", file=sys.stderr)
        state.pop(DATA_PAGES, None)
        save_state(state)
        return f"failed ({exc})", False
    seconds = time.perf_counter() - started
    state[DATA_PAGES] = {
        "key": key,
        "files": [p.relative_to(site).as_posix() for p in written],
        "seconds": round(seconds, 2),
    }
    save_state(state)
    return f"written in {seconds:.1f} s", True


def build_report(config: Path | None = None, *, workers: int = WORKERS) -> int:
    """Run every notebook and parameter set of the configuration and write the site.

    Runs whose inputs have not changed since their last good run are skipped: the notebook,
    its parameters, ezlib, the templates, the lock, and the data the run reads (one zone's
    for a zone's report, all of ``data/`` for the pages that show every zone: see
    :func:`ezlib.report.runner.run_key`). A failing notebook stops nothing else:
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
    inputs = BuildInputs()
    state = load_state()
    keys = {run.slug: run_key(run, inputs) for run in runs}
    todo = [run for run in runs if not is_fresh(run, keys[run.slug], state)]
    if todo:
        by_slug = {run.slug: run for run in todo}
        for outcome in _execute(_longest_first(todo, state), workers):
            run = by_slug[outcome.slug]
            state[outcome.slug] = {
                "key": keys[outcome.slug],
                "status": outcome.status,
                "error": outcome.error,
                "built": outcome.built,
                "seconds": round(outcome.seconds, 2),
                "render_seconds": round(outcome.render_seconds, 2),
                "notebook": run.notebook,
                **_recorded_labels(run),
            }
        save_state(state)
    from ezlib.report.site import index_name, write_index

    site = build_dir() / "site"
    rows = _index_rows(runs, state, keys)
    pages, pages_ok = _data_pages(site, rows, inputs, state)
    built = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    for lang in LANGUAGES:
        index = write_index(site / index_name(lang), rows, built=built, lang=lang)
    index = site / index_name("en")
    failed = [run.slug for run in runs if state.get(run.slug, {}).get("status") != "ok"]
    print(
        f"{len(runs)} reports: {len(todo)} run, {len(runs) - len(todo)} unchanged, "
        f"{len(failed)} failed; data pages: {pages}; site: {index}"
    )
    if failed:
        for slug in failed:
            print(f"failed: {slug}: {state[slug].get('error')}", file=sys.stderr)
    return 1 if failed or not pages_ok else 0
