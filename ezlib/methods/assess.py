"""Assess a table of (target, actual) pairs in one vectorised call: indicators, categories, flags.

:func:`assess` is the entry point for notebooks and the data loader: one row per pair of a target
and the latest actual figure for it, as the extractor reports them (value, qualifier, decimals),
and one row out with every indicator as ``*_low`` / ``*_point`` / ``*_high``, the three official
categories with their borderline marks, and the flags that explain every NaN. The maths lives in
:mod:`ezlib.methods.indicators` and :mod:`ezlib.methods.categories`; this module only routes
columns through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ezlib.errors import DataError
from ezlib.methods.bands import (
    PERCENT_TOL_PP,
    REL_TOL,
    Estimate,
    figure_estimate,
    qualifier_codes,
    vocabulary_codes,
)
from ezlib.methods.categories import (
    ESCAP_CUTS,
    ESCAP_LABELS,
    EUROSTAT_CUTS,
    EUROSTAT_LABELS,
    NOT_ASSESSED,
    UNSD_CUTS,
    UNSD_LABELS,
    categorize,
    category_categorical,
    escap_current_status,
    eurostat_ratio,
    unsd_expected_progress,
)
from ezlib.methods.indicators import (
    MET_STATUSES,
    achieved_run_rate,
    attainment_share,
    elapsed_share,
    gap_closed,
    implied_target,
    met_status_codes,
    pace_index,
    plan_years,
    project_cagr,
    project_linear,
    required_run_rate,
    target_met,
    to_complete_ratio,
)
from ezlib.vocabulary import QUALIFIERS, TARGET_KINDS

REQUIRED_COLUMNS = (
    "target_value",
    "actual_value",
    "target_kind",
    "period_start_year",
    "period_end_year",
    "as_of_year",
)
"""Columns :func:`assess` needs (``target_value`` may be NaN where ``reported_pct`` is given)."""

OPTIONAL_COLUMNS: Mapping[str, Any] = {
    "target_value_high": np.nan,
    "target_qualifier": "exact",
    "target_decimals": np.nan,
    "target_scale": 1.0,
    "actual_value_high": np.nan,
    "actual_qualifier": "exact",
    "actual_decimals": np.nan,
    "actual_scale": 1.0,
    "baseline_value": np.nan,
    "baseline_qualifier": "exact",
    "baseline_decimals": np.nan,
    "baseline_scale": 1.0,
    "base_year": np.nan,
    "reported_pct": np.nan,
    "reported_pct_qualifier": "exact",
    "reported_pct_decimals": np.nan,
    "achieved_value": np.nan,
    "achieved_qualifier": "exact",
    "achieved_decimals": np.nan,
    "achieved_scale": 1.0,
    "unit": "",
    "as_of_month": 12.0,
    "direction": np.nan,
}
"""Optional columns of :func:`assess` and the value a missing column (or a NaN) stands for."""

ESTIMATE_OUTPUTS = (
    "target",
    "actual",
    "attainment",
    "gap_closed",
    "pace_index",
    "achieved_run_rate",
    "required_run_rate",
    "to_complete",
    "projection",
    "projection_linear",
    "eurostat",
    "unsd",
    "escap",
)
"""Results given as ``<name>_low``, ``<name>_point``, ``<name>_high``."""

_BANDS = tuple(f"{name}_{part}" for name in ESTIMATE_OUTPUTS for part in ("low", "point", "high"))
FLOAT_COLUMNS = ("years_elapsed", "years_left", "years_total", "elapsed_share", *_BANDS)
"""The float columns of :func:`assess`'s output, in order (then the categories and flags)."""

CHUNK_ROWS = 32_768
"""Rows computed at a time: small temporaries stay in cache and are reused, not re-allocated."""

_TEXT_COLUMNS = ("target_qualifier", "actual_qualifier", "baseline_qualifier")
_TEXT_COLUMNS += ("achieved_qualifier", "reported_pct_qualifier", "unit", "target_kind")
_AT_MOST = QUALIFIERS.index("at_most")
_RANGE = QUALIFIERS.index("range")
_METHODS = {
    "eurostat": (EUROSTAT_CUTS, EUROSTAT_LABELS),
    "unsd": (UNSD_CUTS, UNSD_LABELS),
    "escap": (ESCAP_CUTS, ESCAP_LABELS),
}


def _numeric(values: Any, name: str) -> np.ndarray:
    try:
        numbers = pd.to_numeric(values if isinstance(values, pd.Series) else pd.Series(values))
        if numbers.dtype == np.float64:
            return numbers.to_numpy()
        return numbers.to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError) as exc:
        raise DataError(f"is not numeric ({exc})", column=name) from exc


def _columns(table: Any, size: int) -> dict[str, np.ndarray]:
    """Return every input column as a 1-d array, defaults filled in, from a frame or dict.

    Text columns become int codes: qualifiers into QUALIFIERS (missing: exact), the kind into
    TARGET_KINDS (-1: unknown), the unit into ("percent",) (0: a percentage).
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in table]
    if missing:
        raise DataError(f"assess needs the column(s) {missing}", column=missing[0])
    cols: dict[str, np.ndarray] = {}
    for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS):
        default = OPTIONAL_COLUMNS.get(name)
        if name in _TEXT_COLUMNS:
            if name not in table:
                code = -1 if name == "unit" else QUALIFIERS.index(default)
                cols[name] = np.full(size, code, dtype=np.int64)
                continue
            values = table[name]
            if name == "target_kind":
                cols[name] = vocabulary_codes(values, TARGET_KINDS)
            elif name == "unit":
                cols[name] = vocabulary_codes(values, ("percent",))
            else:
                cols[name] = qualifier_codes(pd.Series(values) if np.ndim(values) == 0 else values)
        elif name not in table:
            cols[name] = np.full(size, default, dtype=float)
        else:
            values = _numeric(table[name], name)
            if default is not None and not np.isnan(default) and np.isnan(values).any():
                values = np.where(np.isnan(values), default, values)
            cols[name] = values
    return cols


def _spread(part: Estimate, rows: np.ndarray, size: int) -> Estimate:
    """Return ``part`` (computed on ``rows``) as a full-size estimate, NaN elsewhere."""
    fields = []
    for x in part:
        full = np.full(size, np.nan)
        full[rows] = x
        fields.append(full)
    flags = {}
    for name, mask in part.flags.items():
        full_mask = np.zeros(size, dtype=bool)
        full_mask[rows] = mask
        flags[name] = full_mask
    return Estimate(*fields, flags)


def _pick(mask: np.ndarray, a: Estimate, b: Estimate) -> Estimate:
    """Return ``a`` where ``mask`` holds and ``b`` elsewhere, flags included."""
    fields = (np.where(mask, x, y) for x, y in zip(a, b, strict=True))
    flags = {name: mask & m for name, m in a.flags.items()}
    for name, m in b.flags.items():
        flags[name] = flags.get(name, False) | (~mask & m)
    return Estimate(*fields, flags)


def _take(e: Estimate, rows: np.ndarray) -> Estimate:
    return Estimate(
        *(np.asarray(x)[rows] for x in e),
        {name: np.broadcast_to(m, np.shape(e.point))[rows] for name, m in e.flags.items()},
    )


def _rename_missing(e: Estimate, new_name: str, keep: Any = True) -> Estimate:
    flags = dict(e.flags)
    missing = flags.pop("missing_value", False)
    flags[new_name] = np.asarray(missing) & keep
    return Estimate(*e, flags)


def _flag_bits(flags: Mapping[str, Any], size: int, registry: dict[str, int]) -> np.ndarray:
    """Pack the flags into an int64 per row; ``registry`` numbers flag names as it meets them."""
    bits = np.zeros(size, dtype=np.int64)
    for name, mask in flags.items():
        if not np.any(mask):
            continue
        bit = registry.setdefault(name, len(registry))
        bits |= np.broadcast_to(mask, (size,)).astype(np.int64) << bit
    return bits


def _flag_names(bits: int, registry: Mapping[str, int]) -> str:
    return ";".join(sorted(name for name, bit in registry.items() if bits >> bit & 1))


def _flag_categorical(bits: np.ndarray, registry: Mapping[str, int]) -> pd.Categorical:
    index, uniques = pd.factorize(bits)
    text = [_flag_names(code, registry) for code in uniques]
    return pd.Categorical.from_codes(index, categories=text)


def _figures(cols: Mapping[str, Any], level: np.ndarray, rel_tol: float, pct_tol_pp: float):
    """Return the actual, target and baseline bands of every row."""
    size = len(level)
    abs_tol = np.where(cols["unit"] == 0, pct_tol_pp, np.nan)

    def figure(role: str, **kw: Any) -> Estimate:
        return figure_estimate(
            cols[f"{role}_value"],
            cols[f"{role}_qualifier"],
            cols.get(f"{role}_value_high"),
            decimals=cols[f"{role}_decimals"],
            scale=cols[f"{role}_scale"],
            rel_tol=rel_tol,
            abs_tol=abs_tol,
            **kw,
        )

    actual = _rename_missing(figure("actual"), "missing_actual")
    target = figure("target", target=True)
    implied = np.isnan(cols["target_value"]) & ~np.isnan(cols["reported_pct"])
    # The amount the share was stated for: the actual itself unless a later actual is given.
    own = np.isnan(cols["achieved_value"])
    achieved = _pick(own, actual, figure("achieved"))
    stated = implied & (own | (cols["achieved_value"] == cols["actual_value"]))
    if implied.any():
        rows = np.flatnonzero(implied)
        from_pct = implied_target(
            _take(achieved, rows),
            cols["reported_pct"][rows],
            pct_qualifier=cols["reported_pct_qualifier"][rows],
            pct_decimals=cols["reported_pct_decimals"][rows],
            pct_tol_pp=pct_tol_pp,
        )
        from_pct = Estimate(*from_pct, {**from_pct.flags, "implied_target": True})
        target = _pick(implied, _spread(from_pct, rows, size), target)
    target = _rename_missing(target, "missing_target")
    baseline = _rename_missing(figure("baseline"), "no_baseline", level)
    baseline = _pick(~level, Estimate(0.0, 0.0, 0.0), baseline)
    share = figure_estimate(
        cols["reported_pct"],
        cols["reported_pct_qualifier"],
        decimals=cols["reported_pct_decimals"],
        abs_tol=pct_tol_pp,
    )
    share = Estimate(*(np.asarray(x) / 100 for x in share), {"stated_attainment": stated})
    return actual, target, baseline, share, stated


def _level_results(level, actual, target, baseline, k, r, n, direction) -> dict[str, Estimate]:
    """Return the compound-growth results of the level rows (NaN on the other rows)."""
    rows = np.flatnonzero(level)
    a, t, b = _take(actual, rows), _take(target, rows), _take(baseline, rows)
    kl, rl, nl, dl = k[rows], r[rows], n[rows], direction[rows]
    expected = project_cagr(a, b, kl, rl)
    parts = {
        "projection": expected,
        "eurostat": eurostat_ratio(a, t, kl, nl, baseline=b, direction=dl),
        "unsd": unsd_expected_progress(a, t, kl, nl, baseline=b, direction=dl, expected=expected),
    }
    return {name: _spread(part, rows, len(level)) for name, part in parts.items()}


def _clamp_shares(projection: Estimate, rows: np.ndarray) -> Estimate:
    """Clamp projected percentages to [0, 100] (docs/methods.md section 10.8)."""
    low, point, high = (np.where(rows, np.clip(x, 0, 100), x) for x in projection)
    clamped = rows & ((low != projection.low) | (point != projection.point))
    clamped |= rows & (high != projection.high)
    return Estimate(low, point, high, {**projection.flags, "projection_clamped": clamped})


def _assess_columns(
    cols: Mapping[str, Any], rel_tol: float, pct_tol_pp: float, registry: dict[str, int]
) -> dict:
    size = len(cols["target_value"])
    kind = cols["target_kind"]
    known, level = kind >= 0, kind == TARGET_KINDS.index("level")
    tq = qualifier_codes(cols["target_qualifier"])
    is_range = tq == _RANGE
    direction = np.where(tq == _AT_MOST, -1.0, 1.0)
    direction = np.where(np.isnan(cols["direction"]), direction, cols["direction"])
    actual, target, baseline, share, stated = _figures(cols, level, rel_tol, pct_tol_pp)
    # Progress is measured to the floor of a range: reaching it meets the target, so the same
    # attainment means the same category whether the target is a point or a range.
    shown_target = target
    target = _pick(is_range, Estimate(target.low, target.low, target.high, target.flags), target)

    base_year = cols["base_year"]
    base_year = np.where(np.isnan(base_year), cols["period_start_year"] - 1, base_year)
    start = np.where(level, base_year + 1, cols["period_start_year"])
    end, as_of = cols["period_end_year"], (cols["as_of_year"], cols["as_of_month"])
    k, r, n = plan_years(start, end, *as_of)
    elapsed = elapsed_share(start, end, *as_of)
    closed = gap_closed(actual, target, baseline)
    # An attainment the source states ("bằng 109% kế hoạch") is used as stated, with its own
    # hedge: deriving it from a plan implied by the same figure would only widen it in a circle.
    closed = _pick(stated, share, closed)
    pace = pace_index(closed, elapsed)
    linear = project_linear(actual, k, r, baseline=baseline)
    results = {
        "target": shown_target,
        "actual": actual,
        "attainment": _pick(stated, share, attainment_share(actual, target)),
        "gap_closed": closed,
        "pace_index": pace,
        "achieved_run_rate": achieved_run_rate(actual, k, baseline=baseline),
        "required_run_rate": required_run_rate(target, actual, r, direction=direction),
        "to_complete": to_complete_ratio(
            target, actual, k, r, baseline=baseline, direction=direction
        ),
        "projection": linear,
        "projection_linear": linear,
        # For a cumulative flow, Eurostat's ratio and UNSD's score reduce to the pace index.
        "eurostat": pace,
        "unsd": pace,
        "escap": escap_current_status(
            actual, target, baseline=baseline, direction=direction, gap=closed
        ),
    }
    if level.any():
        for name, part in _level_results(
            level, actual, target, baseline, k, r, n, direction
        ).items():
            results[name] = _pick(level, part, results[name])
    clamp = level & (cols["unit"] == 0)
    if clamp.any():
        results["projection"] = _clamp_shares(results["projection"], clamp)
    if not known.all():
        nan = Estimate(np.nan, np.nan, np.nan)
        results = {name: _pick(known, e, nan) for name, e in results.items()}

    met = target_met(actual, target, direction=direction, is_range=is_range) & known
    status = met_status_codes(actual, target, direction=direction, is_range=is_range)
    # A stated attainment says itself whether the plan was met: "bằng 109%" (108,5-109,5%)
    # is met for sure, whatever the band of a plan implied from the same figure.
    stated_status = np.select(
        [share.low >= 1, share.high >= 1],
        [MET_STATUSES.index("met"), MET_STATUSES.index("borderline")],
        MET_STATUSES.index("not_met"),
    )
    status = np.where(stated, stated_status, status)
    met = np.where(stated, share.low >= 1, met) & known
    status = np.where(known & (status >= 0), status, len(MET_STATUSES))
    flags: dict[str, Any] = {"target_met": met, "invalid_direction": ~np.isin(direction, (1, -1))}
    for e in (elapsed, *results.values()):
        for name, mask in e.flags.items():
            flags[name] = flags.get(name, False) | (mask & known)
    flags["unknown_kind"] = ~known

    out: dict[str, Any] = {"years_elapsed": k, "years_left": r, "years_total": n}
    out["elapsed_share"] = np.where(known, elapsed.point, np.nan)
    for name, e in results.items():
        for part, x in zip(("low", "point", "high"), e, strict=True):
            out[f"{name}_{part}"] = x
    uncertain = status == MET_STATUSES.index("borderline")
    for method, (cuts, labels) in _METHODS.items():
        cat = categorize(results[method], cuts, labels, met=met, met_uncertain=uncertain)
        out[f"{method}_category"] = cat.code
        out[f"{method}_borderline"] = cat.borderline
    out["met_status"] = status

    unexplained = np.zeros(size, dtype=bool)
    for name in ESTIMATE_OUTPUTS:
        unexplained |= np.isnan(out[f"{name}_point"])
    for mask in flags.values():
        unexplained &= ~np.asarray(mask, dtype=bool)
    flags["undefined"] = unexplained
    out["flags"] = _flag_bits(flags, size, registry)
    return out


_CODE_COLUMNS = {f"{method}_category": labels for method, (_, labels) in _METHODS.items()}


def _labelled(name: str, codes: np.ndarray, registry: Mapping[str, int]) -> Any:
    """Return an output column of codes as labels: a Categorical (or a label for one row)."""
    if name == "flags":
        return _flag_categorical(codes, registry)
    if name == "met_status":
        return pd.Categorical.from_codes(codes, categories=[*MET_STATUSES, NOT_ASSESSED])
    if name in _CODE_COLUMNS:
        return category_categorical(codes, _CODE_COLUMNS[name])
    return codes


def assess(
    frame: pd.DataFrame, *, rel_tol: float = REL_TOL, pct_tol_pp: float = PERCENT_TOL_PP
) -> pd.DataFrame:
    """Compute every indicator, category and flag for a table of (target, actual) pairs.

    Methods: those of :mod:`ezlib.methods.indicators` and :mod:`ezlib.methods.categories` (Eurostat
    SDG monitoring report; UNSD Progress Chart Technical Note 2023; ESCAP Progress Assessment
    Methodology; NDIA earned-value TCPI; Destatis), with figures read as bands
    (:mod:`ezlib.methods.bands`, docs/methods.md section 7).

    **Input**, one row per pair (:data:`REQUIRED_COLUMNS` plus any of :data:`OPTIONAL_COLUMNS`;
    figures in base units, e.g. 10,51 tỷ USD -> 10.51e9):

    - ``target_value`` [, ``target_value_high``, ``target_qualifier``, ``target_decimals``,
      ``target_scale``]: the target as extracted; the qualifier is read as a threshold
      (``figure_estimate(..., target=True)``). ``decimals`` are those written in the written
      ``scale`` (1e9 for "tỷ"); NaN decimals are inferred.
    - ``actual_value`` [, ``actual_value_high``, ``actual_qualifier``, ``actual_decimals``,
      ``actual_scale``]: the latest actual; for a cumulative target, the total since the plan
      started.
    - A range target ("1,8-2,3 tỷ USD") is met at its floor, so progress (attainment, gap,
      pace, run-rates, categories) is measured to the floor, with the band reaching to the
      ceiling; ``target_point`` stays the midpoint. Equal attainment gives an equal category
      whatever the form of the target.
    - ``target_kind``: ``"cumulative"`` (a flow summed over the plan: "thu hút 15 tỷ USD giai
      đoạn 2021-2025") or ``"level"`` (a value to reach by the end year: "130-135 triệu/người/
      năm vào năm 2025"). Resolve ambiguous targets before assessing; anything else is flagged
      ``unknown_kind``.
    - ``period_start_year``, ``period_end_year``: the plan period, inclusive (2021, 2025).
    - ``as_of_year`` [, ``as_of_month`` (12)]: the date the actual runs to.
    - ``baseline_value`` [, ``baseline_qualifier``, ``baseline_decimals``, ``baseline_scale``,
      ``base_year`` (``period_start_year - 1``)]: the level in the base year; needed for a level
      target's gap, CAGR and categories (``no_baseline`` otherwise); ignored for a cumulative
      flow, whose base is 0.
    - ``reported_pct`` [, ``reported_pct_qualifier``, ``reported_pct_decimals``]: where
      ``target_value`` is NaN, the target is implied from the achieved amount and this reported
      share of the plan ("đạt gần 84% kế hoạch"; flag ``implied_target``). While the actual is
      that achieved amount, the attainment is the share as stated, with its own hedge (flag
      ``stated_attainment``; docs/methods.md section 8.11).
    - ``achieved_value`` [, ``achieved_qualifier``, ``achieved_decimals``,
      ``achieved_scale``]: the amount the reported share was stated for, when the actual is a
      later one (10,51 tỷ USD to 2023 for "gần 84%", while the actual runs to 2024); NaN means
      the actual itself.
    - ``unit``: "percent" makes the proximity tolerance 1 point and clamps level projections
      to [0, 100]; other units change nothing here.
    - ``direction``: +1 more is better, -1 less is better; NaN means +1, or -1 for an
      ``at_most`` target.

    **Output**, same index (join it to the input with ``frame.join(assess(frame))``):

    - ``years_elapsed``, ``years_left``, ``years_total``, ``elapsed_share``;
    - for each of :data:`ESTIMATE_OUTPUTS`, ``<name>_low``, ``<name>_point``, ``<name>_high``:
      ``target``/``actual`` (the bands read), ``attainment`` (A/T), ``gap_closed``
      ((A-B)/(T-B), equal to attainment for a cumulative flow), ``pace_index`` (gap closed /
      elapsed share), ``achieved_run_rate`` and ``required_run_rate`` (per year),
      ``to_complete`` (required / achieved run-rate), ``projection`` (end-of-period value: the
      run-rate total for a cumulative flow, the CAGR projection of UNSD 2023 for a level),
      ``projection_linear`` (Destatis mean annual change), ``eurostat`` (RR; the pace index for
      a cumulative flow), ``unsd`` (P; likewise), ``escap`` (CSI, capped at 1);
    - ``eurostat_category``, ``unsd_category``, ``escap_category`` (categoricals with
      ``target_achieved`` and ``not_assessed``) and ``*_borderline`` (bool);
    - ``met_status``: met, met_floor, borderline, not_met or not_assessed;
    - ``flags``: the pitfalls met in the row, ``;``-separated in alphabetical order (e.g.
      ``nothing_elapsed``, ``period_over``, ``target_met``, ``zero_base``, ``sign_change``,
      ``target_equals_base``); every NaN result has at least one.

    Args:
        frame: The input table.
        rel_tol: Relative proximity tolerance of approx/nearly/over figures (default 5%).
        pct_tol_pp: Proximity tolerance of percentages, in points (default 1).

    Returns:
        The results, one row per input row.

    Raises:
        DataError: If a required column is missing or a numeric column is not numeric.
    """
    size = len(frame)
    cols = _columns(frame, size)
    registry: dict[str, int] = {}
    block = np.empty((len(FLOAT_COLUMNS), size))
    codes: dict[str, np.ndarray] = {}
    # At least one chunk, so that an empty table still gets every column.
    for start in range(0, max(size, 1), CHUNK_ROWS):
        rows = slice(start, start + CHUNK_ROWS)
        out = _assess_columns({k: v[rows] for k, v in cols.items()}, rel_tol, pct_tol_pp, registry)
        for i, name in enumerate(FLOAT_COLUMNS):
            block[i, rows] = out.pop(name)
        for name, values in out.items():
            if name not in codes:
                codes[name] = np.empty(size, dtype=np.asarray(values).dtype)
            codes[name][rows] = values
    # One float block built by hand: a dict of 40-odd float columns makes pandas copy them all.
    numbers = pd.DataFrame(block.T, index=frame.index, columns=FLOAT_COLUMNS, copy=False)
    labels = {name: _labelled(name, values, registry) for name, values in codes.items()}
    return pd.concat([numbers, pd.DataFrame(labels, index=frame.index)], axis=1)


def assess_record(
    record: Mapping[str, Any], *, rel_tol: float = REL_TOL, pct_tol_pp: float = PERCENT_TOL_PP
) -> dict[str, Any]:
    """Assess one (target, actual) pair given as a mapping with :func:`assess`'s column names.

    Args:
        record: The pair's fields (missing optional fields take their defaults).
        rel_tol: Relative proximity tolerance (default 5%).
        pct_tol_pp: Proximity tolerance of percentages, in points (default 1).

    Returns:
        The output columns of :func:`assess` as plain Python values.

    Raises:
        DataError: If a required field is missing or a numeric field is not numeric.

    Example:
        >>> result = assess_record({
        ...     "target_value": float("nan"), "actual_value": 10.51e9, "actual_decimals": 2,
        ...     "actual_scale": 1e9, "reported_pct": 84, "reported_pct_qualifier": "nearly",
        ...     "reported_pct_decimals": 0, "target_kind": "cumulative",
        ...     "period_start_year": 2021, "period_end_year": 2025, "as_of_year": 2023})
        >>> round(result["pace_index_point"], 2), result["eurostat_category"]
        (1.4, 'significant_progress')
    """
    registry: dict[str, int] = {}
    out = _assess_columns(_columns(record, 1), rel_tol, pct_tol_pp, registry)
    result = {}
    for name, values in out.items():
        value = np.asarray(_labelled(name, np.asarray(values).reshape(1), registry))[0]
        result[name] = value.item() if isinstance(value, np.generic) else value
    return result
