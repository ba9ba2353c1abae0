"""The papermill batch runner: runs two at a time, skipping runs whose inputs are unchanged."""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ezlib.paths import build_dir
from ezlib.report.config import Run
from ezlib.report.inputs import BuildInputs

KERNEL_START_TIMEOUT = 30
KERNEL_START_TRIES = 3


@dataclass(frozen=True)
class Outcome:
    """What became of one run.

    Attributes:
        slug: The run's id.
        status: ``ok``, ``failed`` or ``skipped`` (unchanged since its last good run).
        seconds: Wall time of the execution and rendering.
        error: The error's name and message when it failed.
        built: When the notebook was last executed successfully or not (ISO, UTC).
        render_seconds: Of ``seconds``, the rendering of its page and its data files.
    """

    slug: str
    status: str
    seconds: float
    error: str | None
    built: str
    render_seconds: float = 0.0


def notebook_output(run: Run) -> Path:
    """Return where the executed notebook of a run is kept."""
    return build_dir() / "notebooks" / f"{run.slug}.ipynb"


def html_output(run: Run) -> Path:
    """Return where the rendered page of a run goes."""
    return build_dir() / "site" / f"{run.slug}.html"


def state_path() -> Path:
    """Return the runner's record of the last outcome of every run."""
    return build_dir() / "notebooks" / "state.json"


def run_key(run: Run, inputs: BuildInputs) -> str:
    """Return the cache key of a run: what decides its output, and nothing else.

    Its notebook (the file's bytes), its parameters, the code (ezlib, ``templates/``, the
    lock) and the data it reads: one zone's facts, the sources they cite and the reference
    tables for a run about one zone (``ezlib.report.config.ZONE_PARAMETERS``), all of
    ``data/`` for any other (``ezlib.report.inputs``). Papermill issue #511 aside, these are
    all that decide a notebook's output.

    Args:
        run: The run.
        inputs: The build's inputs, each file read once for every run.
    """
    digest = hashlib.sha256()
    digest.update(run.key_material().encode())
    digest.update(inputs.notebook(run.path))
    digest.update(inputs.code.encode())
    digest.update(inputs.data_digest(run.zone).encode())
    return digest.hexdigest()


def load_state() -> dict[str, dict]:
    """Return the recorded outcome of every run (empty when nothing was built yet)."""
    path = state_path()
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}


def save_state(state: dict[str, dict]) -> None:
    """Write the runner's state atomically."""
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def is_fresh(run: Run, key: str, state: dict[str, dict]) -> bool:
    """Tell whether a run's last good output was built from exactly these inputs."""
    record = state.get(run.slug, {})
    return (
        record.get("key") == key
        and record.get("status") == "ok"
        and notebook_output(run).is_file()
        and html_output(run).is_file()
    )


def _kernel_config():
    """Use IPC sockets in a private folder: no TCP port race between parallel kernels."""
    from traitlets.config import Config

    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(Path(tempfile.mkdtemp(prefix="ezlib-kernel-")) / "ipc")
    return config


def _write_stopped(run: Run, output: Path, error: str) -> None:
    """Write, for a run that left no notebook, one that says why, so that its page does too."""
    import nbformat

    from ezlib.report.words import text

    node = nbformat.read(str(run.path), as_version=4)
    lang = run.effective.get("lang", "en")
    node.cells = [nbformat.v4.new_markdown_cell(text("run.no_notebook", lang, error=error))]
    node.metadata["papermill"] = {"parameters": run.effective, "exception": True}
    nbformat.write(node, str(output))


def execute_run(run: Run) -> Outcome:
    """Execute one run with papermill and render its page; never raises.

    The executed notebook is kept even when a cell fails (papermill marks the failing cell),
    and is rendered all the same, so readers see the error; a run whose kernel dies or never
    starts gets a notebook, and a page, that give the error instead.

    Args:
        run: The run.

    Returns:
        Its outcome: ``ok`` or ``failed`` with the error.
    """
    import papermill as pm

    from ezlib.report.kernels import kernel_manager_class
    from ezlib.report.site import render_notebook

    started = time.perf_counter()
    output = notebook_output(run)
    output.parent.mkdir(parents=True, exist_ok=True)
    # Papermill writes the notebook when it ends or a cell fails; a kernel that dies or never
    # starts leaves none, and the last build's must not be shown as this run's.
    output.unlink(missing_ok=True)
    error = None
    for attempt in range(1, KERNEL_START_TRIES + 1):
        try:
            pm.execute_notebook(
                str(run.path),
                str(output),
                parameters=run.parameters,
                kernel_name="python3",
                kernel_manager_class=kernel_manager_class(),
                progress_bar=False,
                log_output=False,
                cwd=str(run.folder),
                start_timeout=KERNEL_START_TIMEOUT,
                config=_kernel_config(),
                shutdown_kernel="immediate",
                # Written once, when it ends (or fails), not at every cell's start and end.
                request_save_on_cell_execute=False,
            )
            error = None
            break
        except pm.PapermillExecutionError as exc:
            error = f"{exc.ename}: {exc.evalue}"
            break
        except RuntimeError as exc:  # kernel did not start (papermill #511); try again
            error = f"{type(exc).__name__}: {exc}"
            if attempt == KERNEL_START_TRIES:
                break
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            break
    rendering = time.perf_counter()
    try:
        if not output.is_file():
            _write_stopped(run, output, error or "no notebook was written")
        render_notebook(output, html_output(run))
    except Exception as exc:
        error = error or f"rendering failed: {type(exc).__name__}: {exc}"
    ended = time.perf_counter()
    return Outcome(
        slug=run.slug,
        status="failed" if error else "ok",
        seconds=ended - started,
        error=error,
        built=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        render_seconds=ended - rendering,
    )
