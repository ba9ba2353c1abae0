"""Indicator maths: attainment, pace, run-rates, growth rates, projections, implied targets.

Every function takes numbers, arrays or :class:`~ezlib.methods.bands.Estimate` values (plain numbers
are exact) and returns an ``Estimate`` (``low, point, high`` and ``flags``), vectorised over aligned
arrays. Nothing raises on awkward data: a result that cannot be computed is NaN and carries a flag
naming the pitfall (docs/methods.md section 10). Ratios are fractions (0.84, not 84); arguments
named ``*pct*`` are percentages (84 for 84%).

Notation as in docs/methods.md: ``A`` actual, ``T`` target, ``B`` baseline, ``k`` years
elapsed, ``r`` years left, ``n`` years in the plan, ``d`` desired direction (+1 more is better).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ezlib.methods.bands import (
    PERCENT_TOL_PP,
    REL_TOL,
    Estimate,
    as_estimate,
    corner_band,
    difference_band,
    divide,
    figure_estimate,
    finish,
    propagate,
)

MET_STATUSES = ("met", "met_floor", "borderline", "not_met")
"""Labels of :func:`met_status`, from best to worst."""


def _floats(x: Any) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _direction(direction: Any) -> tuple[np.ndarray, dict[str, Any]]:
    d = _floats(direction)
    bad = ~np.isin(d, (1.0, -1.0))
    return np.where(bad, np.nan, d), {"invalid_direction": bad}


# --- attainment -----------------------------------------------------------------------------


def attainment_share(actual: Any, target: Any) -> Estimate:
    """Return the share of the target reached, ``A / T``.

    Method: plain share of target, as in statistics-office "đạt X% kế hoạch" reporting and the ESCAP
    Current Status Index with a zero baseline (ESCAP, *Progress Assessment Methodology*). For a
    range target (:func:`~ezlib.methods.bands.figure_estimate` with ``target=True``) the band runs
    from attainment against the ceiling (low) to attainment against the floor (high); the point uses
    the midpoint. For an at-least target the threshold is the floor itself.

    Args:
        actual: The actual value A (Estimate or number).
        target: The target T.

    Returns:
        ``A / T``; NaN flagged ``zero_target`` when T is 0.

    Example:
        >>> round(attainment_share(10.51e9, 12.5e9).point, 4)
        0.8408
    """
    return divide(actual, target, zero_flag="zero_target")


def gap_closed(actual: Any, target: Any, baseline: Any) -> Estimate:
    """Return the share of the distance from baseline to target covered, ``(A - B) / (T - B)``.

    Method: ESCAP Current Status Index step 1 without the cap (ESCAP, *Progress Assessment
    Methodology*; docs/methods.md section 2). Works for "decrease" targets too, since T - B
    then carries the sign. The band is exact (corner evaluation over A, B and T).

    Args:
        actual: A.
        target: T.
        baseline: B.

    Returns:
        The share; NaN flagged ``target_equals_base`` when T = B (a "maintain" target: use
        :func:`met_status`), an unbounded band flagged ``band_unbounded`` when the bands of T and
        B overlap.

    Example:
        Hi-tech share 45.5% (2020) to 60.6% (2023) against a 70% target:

        >>> round(gap_closed(60.6, 70.0, 45.5).point, 3)
        0.616
    """
    return propagate(
        lambda a, t, b: (a - b) / (t - b),
        actual,
        target,
        baseline,
        denominator=lambda a, t, b: difference_band(t, b),
        zero_flag="target_equals_base",
    )


def target_met(actual: Any, target: Any, *, direction: Any = 1, is_range: Any = False) -> Any:
    """Return whether the target is met at face value: ``d * (A - T) >= 0``.

    Method: the "target achieved" rule of UNSD/EUSTAT and Statistics Canada/open-sdg
    (docs/methods.md sections 3-4). For a range target the near end counts (the floor when
    more is better): "met (floor)" once A reaches it, as for an at-least target.

    Args:
        actual: A (its point is used).
        target: T (its point, or for a range its near end).
        direction: +1 if more is better, -1 if less is better.
        is_range: Whether the target is a range (scalar or array).

    Returns:
        A bool or a bool array (False where anything is NaN).
    """
    a, t = as_estimate(actual), as_estimate(target)
    d, _ = _direction(direction)
    near_end = np.where(d > 0, t.low, t.high)
    threshold = np.where(np.asarray(is_range, dtype=bool), near_end, t.point)
    with np.errstate(invalid="ignore"):
        met = d * (a.point - threshold) >= 0
    return met.item() if met.ndim == 0 else met


def met_status_codes(actual: Any, target: Any, *, direction: Any = 1, is_range: Any = False) -> Any:
    """Return :func:`met_status` as positions in :data:`MET_STATUSES` (-1: not assessed).

    Args:
        actual: A.
        target: T (as a threshold band).
        direction: +1 if more is better, -1 if less is better.
        is_range: Whether the target is a range.

    Returns:
        An int array (0-d for scalars).
    """
    a, t = as_estimate(actual), as_estimate(target)
    d, _ = _direction(direction)
    a_worst, a_best = (
        np.where(d > 0, a.low, -_floats(a.high)),
        np.where(d > 0, a.high, -_floats(a.low)),
    )
    t_near, t_far = (
        np.where(d > 0, t.low, -_floats(t.high)),
        np.where(d > 0, t.high, -_floats(t.low)),
    )
    with np.errstate(invalid="ignore"):
        codes = np.select(
            [
                a_worst >= t_far,
                a_best < t_near,
                np.asarray(is_range, dtype=bool) & (a_worst >= t_near),
            ],
            [0, 3, 1],
            2,
        )
    return np.where(np.isnan(_floats(a.point) + _floats(t.point) + d), -1, codes)


def met_status(actual: Any, target: Any, *, direction: Any = 1, is_range: Any = False) -> Any:
    """Classify the target as met, met at its floor, borderline or not met, bands included.

    Method: docs/methods.md section 7 ("a category is firm only when the whole interval
    falls in one band"). With d = +1 (mirror for d = -1):
    ``met`` when the whole actual band reaches the whole target band (A.low >= T.high; for a
    range, "fully met"); ``not_met`` when the whole actual band falls short of it
    (A.high < T.low); ``met_floor`` for a range target whose floor the whole actual band reaches;
    ``borderline`` otherwise (the answer depends on where in its band a figure really lies, e.g.
    an approx target "met within tolerance").

    Args:
        actual: A.
        target: T (as a threshold band, ``figure_estimate(..., target=True)``).
        direction: +1 if more is better, -1 if less is better.
        is_range: Whether the target is a range.

    Returns:
        A label from :data:`MET_STATUSES` (or "not_assessed" where inputs are NaN), or an object
        array of them.

    Example:
        "130-135 triệu/người/năm" against an actual of about 132 million:

        >>> from ezlib.methods.bands import figure_estimate
        >>> target = figure_estimate(130e6, "range", 135e6, target=True)
        >>> met_status(132e6, target, is_range=True)
        'met_floor'
    """
    codes = met_status_codes(actual, target, direction=direction, is_range=is_range)
    names = np.asarray((*MET_STATUSES, "not_assessed"), dtype=object)
    return names[codes] if codes.ndim else names[codes.item()]


# --- time and pace --------------------------------------------------------------------------


def plan_years(start_year: Any, end_year: Any, as_of_year: Any, as_of_month: Any = 12) -> tuple:
    """Return ``(elapsed, left, total)`` years of a plan period at an as-of date.

    Method: years counted inclusively (2021-2025 is n = 5; docs/methods.md section 10.6);
    elapsed ``k = as_of_year - start_year + as_of_month / 12``, so figures for "2021-2023" (to
    December 2023) give k = 3 and June 2023 gives 2.5. Elapsed is clipped to [0, n].

    Args:
        start_year: First year of the plan (for a level target: the year after the base year).
        end_year: Last year of the plan (the target year), inclusive.
        as_of_year: Year of the latest figure.
        as_of_month: Month the figure runs to (12 for a whole year).

    Returns:
        ``(k, r, n)`` as floats or arrays.
    """
    total = _floats(end_year) - _floats(start_year) + 1
    raw = _floats(as_of_year) - _floats(start_year) + _floats(as_of_month) / 12
    elapsed = np.clip(raw, 0, np.maximum(total, 0))
    left = total - elapsed
    out = tuple(x.item() if x.ndim == 0 else x for x in (elapsed, left, total))
    return out


def elapsed_share(
    start_year: Any, end_year: Any, as_of_year: Any, as_of_month: Any = 12
) -> Estimate:
    """Return the share of a plan period elapsed at an as-of date, ``k / n``.

    Method: linear time share (Eurostat/UNSD compare progress with the share of the time to the
    target year); years counted inclusively, months when known (see :func:`plan_years`).

    Args:
        start_year: First year of the plan.
        end_year: Last year of the plan, inclusive.
        as_of_year: Year of the latest figure.
        as_of_month: Month the figure runs to (12 for a whole year).

    Returns:
        The share in [0, 1] (exact: low = point = high). Flags: ``nothing_elapsed`` (as-of date
        at or before the start), ``period_over`` (no time left), ``invalid_period`` (end before
        start; NaN).

    Example:
        >>> elapsed_share(2021, 2025, 2023).point
        0.6
    """
    elapsed, left, total = (
        _floats(x) for x in plan_years(start_year, end_year, as_of_year, as_of_month)
    )
    invalid = ~(total > 0)
    share = np.where(invalid, np.nan, elapsed / np.where(invalid, 1, total))
    return finish(
        share,
        share,
        share,
        nothing_elapsed=~invalid & (elapsed <= 0),
        period_over=~invalid & (left <= 0),
        invalid_period=invalid,
    )


def pace_index(attainment: Any, elapsed: Any) -> Estimate:
    """Return the pace index, ``attainment / elapsed share``: 1 is on a linear pace, >1 ahead.

    Method: progress against a linear time path, the ratio form of Eurostat's "actual vs required"
    comparison for a cumulative flow (docs/methods.md sections 1 and 6).

    Args:
        attainment: Attainment share or gap closed (a fraction).
        elapsed: Elapsed share of the period (:func:`elapsed_share`).

    Returns:
        The pace index; NaN flagged ``nothing_elapsed`` when no time has elapsed.

    Example:
        Hải Phòng: 84% of the 2021-2025 FDI plan after 3 of 5 years.

        >>> round(pace_index(0.84, 0.6).point, 2)
        1.4
    """
    return divide(attainment, elapsed, zero_flag="nothing_elapsed")


def achieved_run_rate(achieved: Any, years_elapsed: Any, *, baseline: Any = 0.0) -> Estimate:
    """Return the average yearly gain so far, ``(A - B) / k``.

    Method: mean annual change (Destatis, German Sustainable Development Strategy indicator
    status); with B = 0 the average yearly flow of a cumulative total.

    Args:
        achieved: A (cumulative flow so far, or current level).
        years_elapsed: k.
        baseline: B (0 for a cumulative flow).

    Returns:
        The run-rate per year; NaN flagged ``nothing_elapsed`` when k <= 0.
    """
    k = _floats(years_elapsed)
    none = k <= 0
    k = np.where(none, np.nan, k)
    return propagate(lambda a, b: (a - b) / k, achieved, baseline, flags={"nothing_elapsed": none})


def required_run_rate(
    target: Any, achieved: Any, years_left: Any, *, direction: Any = 1
) -> Estimate:
    """Return the yearly gain needed in the time left, ``(T - A) / r``.

    Method: the to-complete logic of earned-value management (NDIA IPMD, *A Guide to Managing
    Programs Using Predictive Measures*, 2017: remaining work over remaining time).

    Args:
        target: T.
        achieved: A.
        years_left: r.
        direction: +1 if more is better, -1 if less is better.

    Returns:
        The run-rate per year; zero or negative (the surplus per year) with ``target_met`` when
        the target is already met; NaN flagged ``period_over`` when no time is left.

    Example:
        Hải Phòng: plan 12.51 bn USD, 10.51 bn reached, 2 years left.

        >>> round(required_run_rate(12.51e9, 10.51e9, 2).point / 1e9, 2)
        1.0
    """
    r = _floats(years_left)
    over = r <= 0
    r = np.where(over, np.nan, r)
    met = target_met(achieved, target, direction=direction)
    return propagate(
        lambda t, a: (t - a) / r, target, achieved, flags={"period_over": over, "target_met": met}
    )


def to_complete_ratio(
    target: Any,
    achieved: Any,
    years_elapsed: Any,
    years_left: Any,
    *,
    baseline: Any = 0.0,
    direction: Any = 1,
) -> Estimate:
    """Return the required run-rate over the achieved run-rate: <1 easier than so far, >1 harder.

    Method: analogue of the To-Complete Performance Index, TCPI = remaining work / remaining
    budget (NDIA IPMD 2017), ``((T - A) / r) / ((A - B) / k)``. The band is exact (corners over
    A, B and T, so A counts once even though it appears twice).

    Args:
        target: T.
        achieved: A.
        years_elapsed: k.
        years_left: r.
        baseline: B (0 for a cumulative flow).
        direction: +1 if more is better, -1 if less is better.

    Returns:
        The ratio. NaN with ``nothing_elapsed`` (k <= 0), ``period_over`` (r <= 0) or
        ``zero_run_rate`` (nothing gained yet, A = B); ``target_met`` when already met (ratio <= 0).

    Example:
        >>> round(to_complete_ratio(12.51e9, 10.51e9, 3, 2).point, 2)
        0.29
    """
    k, r = _floats(years_elapsed), _floats(years_left)
    none, over = k <= 0, r <= 0
    k, r = np.where(none, np.nan, k), np.where(over, np.nan, r)
    met = target_met(achieved, target, direction=direction)
    return propagate(
        lambda t, a, b: ((t - a) / r) / ((a - b) / k),
        target,
        achieved,
        baseline,
        denominator=lambda t, a, b: difference_band(a, b),
        zero_flag="zero_run_rate",
        flags={"nothing_elapsed": none, "period_over": over, "target_met": met},
    )


# --- growth rates and targets ---------------------------------------------------------------


def _cagr_domain(start: Estimate, end: Estimate, years: np.ndarray, years_flag: str) -> tuple:
    """Return (undefined mask, flags) of a CAGR from ``start`` to ``end`` over ``years``."""
    with np.errstate(invalid="ignore"):
        flags = {
            years_flag: ~(years > 0),
            "zero_base": start.point == 0,
            "negative_base": start.point < 0,
            "sign_change": start.point * end.point < 0,
            "zero_value": (end.point == 0) & (start.point != 0),
        }
    undefined = np.zeros(np.broadcast(start.point, end.point, years).shape, dtype=bool)
    for name in (years_flag, "zero_base", "sign_change", "zero_value"):
        undefined = undefined | flags[name]
    return undefined, flags


def _cagr(start: Any, end: Any, years: Any, years_flag: str) -> Estimate:
    s, e, y = as_estimate(start), as_estimate(end), _floats(years)
    undefined, flags = _cagr_domain(s, e, y, years_flag)
    exponent = 1 / np.where(y > 0, y, np.nan)
    # The rate is increasing in the ratio end/start, so its band is the rate at the ends of the
    # ratio's band; a ratio band reaching below 0 (a sign change within the bands) stops at -1.
    ratio = divide(e, s, zero_flag="zero_base")
    # A ratio beyond float range over a short period overflows to an infinite rate, as it is.
    with np.errstate(invalid="ignore", over="ignore"):
        low, point, high = (np.maximum(_floats(x), 0) ** exponent - 1 for x in ratio)
    point = np.where(undefined, np.nan, point)
    return finish(low, point, high, ratio.flags, **flags)


def cagr(start: Any, end: Any, years: Any) -> Estimate:
    """Return the compound annual growth rate, ``(end / start) ** (1 / years) - 1``.

    Method: CAGR as used by Eurostat (SDG monitoring report), UNSD Progress Chart and
    Statistics Canada (docs/methods.md section 0). Defined only for non-zero values of the
    same sign; both negative is computed on the ratio and flagged ``negative_base``.

    Args:
        start: Value at the start (B).
        end: Value at the end (A).
        years: Years between them.

    Returns:
        The rate as a fraction. NaN with ``zero_base``, ``zero_value`` (end is 0),
        ``sign_change`` or ``nothing_elapsed`` (years <= 0).

    Example:
        Hi-tech share 45.5% (2020) -> 60.6% (2023):

        >>> round(cagr(45.5, 60.6, 3).point, 3)
        0.1
    """
    return _cagr(start, end, years, "nothing_elapsed")


def project_linear(
    actual: Any, years_elapsed: Any, years_ahead: Any, *, baseline: Any = 0.0
) -> Estimate:
    """Project by the mean yearly change so far: ``A + (A - B) / k * h``.

    Method: Destatis "weather symbols" linear extrapolation of the mean annual change (German
    Sustainable Development Strategy, dns-indikatoren.de/en/status). With B = 0 this is the
    projected end-of-period total of a cumulative flow at the achieved run-rate,
    ``C * n / k``.

    Args:
        actual: A.
        years_elapsed: k.
        years_ahead: h (years to the projection date, e.g. years left).
        baseline: B (0 for a cumulative flow).

    Returns:
        The projected value; NaN flagged ``nothing_elapsed`` when k <= 0.

    Example:
        >>> round(project_linear(10.51e9, 3, 2).point / 1e9, 3)
        17.517
    """
    k, h = _floats(years_elapsed), _floats(years_ahead)
    none = k <= 0
    k = np.where(none, np.nan, k)
    return propagate(
        lambda a, b: a + (a - b) / k * h, actual, baseline, flags={"nothing_elapsed": none}
    )


def project_cagr(actual: Any, baseline: Any, years_elapsed: Any, years_ahead: Any) -> Estimate:
    """Project a level by its achieved CAGR: ``A * (1 + CAGR_a) ** h = A * (A / B) ** (h / k)``.

    Method: UNSD SDG Progress Chart Technical Note 2023, expected value
    ``v_e = A * (1 + CAGR_a) ** (2030 - t)`` (as documented by EUSTAT, `metodologia`). The band
    is exact (corners over A and B).

    Args:
        actual: A.
        baseline: B.
        years_elapsed: k (years from B to A).
        years_ahead: h (years from A to the projection date).

    Returns:
        The projected level; NaN where the CAGR is undefined (flags as :func:`cagr`).
    """
    a, b, k = as_estimate(actual), as_estimate(baseline), _floats(years_elapsed)
    undefined, flags = _cagr_domain(b, a, k, "nothing_elapsed")
    power = _floats(years_ahead) / np.where(k > 0, k, np.nan)
    low, point, high = corner_band(lambda a_, b_: a_ * (a_ / b_) ** power, a, b)
    return finish(low, np.where(undefined, np.nan, point), high, a.flags, b.flags, **flags)


# --- implied targets ------------------------------------------------------------------------


def implied_target(
    achieved: Any,
    pct: Any,
    *,
    pct_qualifier: Any = "nearly",
    pct_decimals: Any = 0,
    achieved_qualifier: Any = "exact",
    achieved_decimals: Any = None,
    scale: Any = 1.0,
    pct_tol_pp: Any = PERCENT_TOL_PP,
    rel_tol: float = REL_TOL,
) -> Estimate:
    """Return the plan total implied by an achieved amount and its reported share of the plan.

    Method: back-solving ``T = A / (p / 100)`` (docs/methods.md sections 7 and 8.9). T is
    decreasing in p and increasing in A, so the band is ``[A.low / p.high, A.high / p.low]``.
    The share's band follows its qualifier (:func:`~ezlib.methods.bands.value_band` with a
    tolerance of ``pct_tol_pp`` points: "gần 84%" is 83-84%), the amount's band its rounding.

    Args:
        achieved: A in base units, or an Estimate already banded.
        pct: The reported share of the plan, in percent.
        pct_qualifier: Qualifier of the share ("nearly" for "gần").
        pct_decimals: Decimals written in the share (0 for "84%").
        achieved_qualifier: Qualifier of the amount (ignored when ``achieved`` is an Estimate).
        achieved_decimals: Decimals written in the amount, in its written scale.
        scale: The amount's written scale (1e9 for "tỷ").
        pct_tol_pp: Proximity tolerance of the share, in percentage points.
        rel_tol: Relative proximity tolerance of the amount.

    Returns:
        The implied target; NaN flagged ``zero_pct`` when the share is 0.

    Example:
        "10,51 tỷ USD … đạt gần 84% kế hoạch giai đoạn 2021-2025":

        >>> plan = implied_target(10.51e9, 84, achieved_decimals=2, scale=1e9)
        >>> [round(x / 1e9, 2) for x in plan]
        [12.51, 12.51, 12.67]
    """
    if not isinstance(achieved, Estimate):
        achieved = figure_estimate(
            achieved, achieved_qualifier, decimals=achieved_decimals, scale=scale, rel_tol=rel_tol
        )
    share = figure_estimate(pct, pct_qualifier, decimals=pct_decimals, abs_tol=pct_tol_pp) / 100
    return divide(achieved, share, zero_flag="zero_pct")
