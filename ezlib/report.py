"""The report runner: executes the configured notebooks and renders the readers' HTML site."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from ezlib.paths import build_dir, project_root


def build_report() -> int:
    """Run every notebook under ``notebooks/`` and write ``build/site/index.html``.

    Until notebooks exist, the index says that no report is built yet.

    Returns:
        The exit code: 0 when every report was built.
    """
    notebooks = sorted((project_root() / "notebooks").glob("*.ipynb"))
    site = build_dir() / "site"
    site.mkdir(parents=True, exist_ok=True)
    built = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if notebooks:
        body = "<ul>" + "".join(f"<li>{html.escape(nb.stem)}</li>" for nb in notebooks) + "</ul>"
    else:
        body = "<p>No reports are built yet: <code>notebooks/</code> holds no notebook.</p>"
    (site / "index.html").write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>ezlib reports</title></head>\n<body><h1>ezlib reports</h1>\n"
        f"{body}\n<p>Built {built}.</p></body></html>\n",
        encoding="utf-8",
    )
    print(f"wrote {site / 'index.html'}")
    return 0
