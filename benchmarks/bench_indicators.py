"""Time ezlib.methods.assess over a synthetic table of 1,000,000 (target, actual) pairs.

Prints the vectorised time, and the time of a row-by-row Python loop (``assess_record`` on each
row, the way ``DataFrame.apply`` would use the scalar API) measured on a subsample and
extrapolated to the whole table. Target: under 1 s for the vectorised call. It measures only; it
never fails on time.

Run: ``.venv/bin/python benchmarks/bench_indicators.py [rows] [loop_rows]``.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from ezlib.methods.assess import assess, assess_record
from ezlib.vocabulary import QUALIFIERS


def synthetic_facts(rows: int, seed: int = 2024) -> pd.DataFrame:
    """Return a table shaped like the extractor's output, with every awkward case mixed in."""
    rng = np.random.default_rng(seed)
    level = rng.random(rows) < 0.5
    scale = rng.choice([1.0, 1e6, 1e9], rows)
    written = np.round(rng.uniform(1, 500, rows), 2)
    target = written * scale
    start = rng.choice([2016, 2021, 2026], rows)
    as_of = start + rng.integers(-1, 7, rows)
    actual = target * rng.uniform(-0.1, 1.3, rows)
    actual[rng.random(rows) < 0.01] = 0.0
    baseline = np.where(level, target * rng.uniform(-0.05, 1.05, rows), np.nan)
    target_q = rng.choice(["exact", "approx", "at_least", "range", "at_most"], rows)
    frame = pd.DataFrame(
        {
            "target_value": np.where(rng.random(rows) < 0.05, np.nan, target),
            "target_value_high": np.where(target_q == "range", target * 1.05, np.nan),
            "target_qualifier": target_q,
            "target_decimals": rng.integers(0, 3, rows).astype(float),
            "target_scale": scale,
            "actual_value": actual,
            "actual_qualifier": rng.choice(QUALIFIERS[:5], rows),
            "actual_decimals": rng.integers(0, 3, rows).astype(float),
            "actual_scale": scale,
            "baseline_value": baseline,
            "baseline_decimals": 1.0,
            "baseline_scale": scale,
            "reported_pct": np.round(rng.uniform(0, 120, rows)),
            "reported_pct_qualifier": rng.choice(["exact", "nearly", "over"], rows),
            "unit": rng.choice(["USD", "VND", "percent", "persons"], rows),
            "target_kind": np.where(level, "level", "cumulative"),
            "period_start_year": start,
            "period_end_year": start + 4,
            "as_of_year": as_of,
            "as_of_month": rng.choice([6.0, 12.0], rows),
            "direction": rng.choice([1.0, -1.0, np.nan], rows, p=[0.8, 0.1, 0.1]),
        }
    )
    return frame


def main(rows: int = 1_000_000, loop_rows: int = 2_000, repeats: int = 5) -> None:
    """Time the vectorised call and a row-by-row loop, and print both."""
    frame = synthetic_facts(rows)
    assess(frame.head(1_000))  # imports and first-call caches
    start = time.perf_counter()
    result = assess(frame)
    cold = time.perf_counter() - start
    walls, cpus = [], []
    for _ in range(repeats):
        del result
        start, cpu = time.perf_counter(), time.process_time()
        result = assess(frame)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    best = min(walls)

    records = frame.head(loop_rows).to_dict("records")
    start = time.perf_counter()
    for record in records:
        assess_record(record)
    per_row = (time.perf_counter() - start) / loop_rows
    looped = per_row * rows

    nan_points = result.filter(like="_point").isna().any(axis=1)
    unexplained = nan_points & result["flags"].astype(str).eq("")
    print(f"rows: {rows:,}; output columns: {result.shape[1]}")
    print(f"vectorised assess, first call: {cold:.3f} s (includes first touch of fresh memory)")
    print(
        f"vectorised assess, best of {repeats}: {best:.3f} s wall "
        f"(median {sorted(walls)[len(walls) // 2]:.3f} s), {min(cpus):.3f} s CPU; "
        f"{best / rows * 1e9:.0f} ns a row; under 1 s: {best < 1}"
    )
    print(
        f"row-by-row loop (assess_record): {per_row * 1e3:.3f} ms a row over {loop_rows:,} rows, "
        f"{looped:,.0f} s extrapolated to {rows:,}; vectorised is {looped / best:,.0f}x faster"
    )
    print(f"rows with a NaN result: {nan_points.mean():.1%}; without a flag: {unexplained.sum()}")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:4]))
