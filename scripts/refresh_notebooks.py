"""Re-execute the notebooks with their defaults and store the outputs that nbval checks.

Run it (make notebooks) after changing a notebook, the data or ezlib in a way that changes a
checked output. Only cells marked `# NBVAL_CHECK_OUTPUT` keep their outputs; every other cell
is committed clean (no outputs, no execution counts, no volatile metadata).
"""

import sys
import tempfile
from pathlib import Path

import nbformat
import papermill as pm

ROOT = Path(__file__).resolve().parents[1]


def refresh(path: Path) -> None:
    """Execute one notebook with its defaults and keep only the outputs nbval checks."""
    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / path.name
        pm.execute_notebook(
            str(path),
            str(executed),
            kernel_name="python3",
            progress_bar=False,
            cwd=str(path.parent),
        )
        ran = nbformat.read(str(executed), as_version=4)
    source = nbformat.read(str(path), as_version=4)
    ran_cells = [c for c in ran.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    for cell, done in zip(source.cells, ran_cells, strict=True):
        cell.metadata = {k: v for k, v in cell.metadata.items() if k == "tags"}
        if cell.cell_type != "code":
            continue
        keep = "NBVAL_CHECK_OUTPUT" in cell.source
        # nbval skips a cell whose execution_count is None ("unrun"); 0 marks a checked cell
        # as run without storing a real, volatile count.
        cell.execution_count = 0 if keep else None
        for output in done.outputs:
            if "execution_count" in output:
                output.execution_count = 0
        cell.outputs = done.outputs if keep else []
    source.metadata = {
        k: source.metadata[k] for k in ("kernelspec", "language_info") if k in source.metadata
    }
    source.metadata["language_info"] = {"name": "python"}
    nbformat.write(source, str(path))
    print(f"refreshed {path.relative_to(ROOT)}")


if __name__ == "__main__":
    targets = [Path(p).resolve() for p in sys.argv[1:]] or sorted(
        (ROOT / "notebooks").glob("*.ipynb")
    )
    for notebook in targets:
        refresh(notebook)
