"""Consistency checks of reported figures: each returns ok, warn or fail, the gap and the tolerance.

The checks follow docs/methods.md section 9 and the "sanity checks with named expectations"
of Our World in Data's etl: a check never raises on odd data, it says what it found. Tolerances
come from the figures themselves (half a unit of the last written digit, the qualifier's band:
:mod:`ezlib.methods.bands`), so "10,51 + 7,58 = 18,09" passes exactly when rounding allows it.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ezlib.methods.bands import REL_TOL, Estimate, as_estimate, divide, figure_estimate, half_unit
from ezlib.methods.indicators import implied_target

STATUSES = ("ok", "warn", "fail")

VND_PER_USD = 25_000.0
"""Order of magnitude of the exchange rate (State Bank of Vietnam central rate, about 24,000 to
25,500 VND per USD in 2023-2025), used only to say what a misread currency would amount to."""

PLAUSIBLE_RANGES: Mapping[str, tuple[float, float]] = {
    # Upper bounds: Vietnam's GDP in 2023 was about 10.2 million bn VND, about 430 bn USD (GSO,
    # press release on 2023 socio-economic situation); no zone figure can exceed the economy.
    "USD": (1e3, 5e11),
    "VND": (1e6, 1.2e16),
    # Income per head: GSO Living Standards Survey 2022 puts the average at about 4.7 million VND
    # a month; zone plans quote 100-200 million VND a year.
    "VND_per_person_per_year": (1e6, 2e9),
    # Vietnam's land area is about 33.1 million ha; the largest economic zones are ~0.1-0.2 Mha.
    "ha": (0.01, 1e6),
    "count": (0, 1e5),
    # Industrial parks employ about 4 million people in all (MPI, 2023).
    "persons": (0, 1e7),
    "percent": (-100, 1000),
    "times": (0, 100),
}
"""Plausible magnitudes of one zone- or province-level figure, by unit (base units)."""

_INTEGER_UNITS = ("count", "persons")


@dataclass(frozen=True)
class CheckResult:
    """The outcome of a consistency check.

    Attributes:
        status: "ok", "warn" or "fail".
        discrepancy: The size of the inconsistency found, in the unit the message names (0 when
            there is none; NaN when it cannot be measured, e.g. a base that was not reported).
        tolerance: The slack the check allowed before warning.
        message: One line a researcher can act on.
        details: Further numbers (e.g. the base each reading of a multiple implies).
    """

    status: str
    discrepancy: float
    tolerance: float
    message: str
    details: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the status is "ok"."""
        return self.status == "ok"


def _g(x: float) -> str:
    return f"{x:.6g}"


def _overlap(a: Estimate, b: Estimate) -> bool:
    return bool(a.low <= b.high and b.low <= a.high)


def check_parts_sum(
    parts: Sequence[float],
    whole: float,
    *,
    decimals: int | Sequence[int | None] | None = None,
    whole_decimals: int | None = None,
    scale: float = 1.0,
    warn_rel: float = 0.01,
) -> CheckResult:
    """Check that parts add up to the whole, allowing for the rounding of every figure.

    Method: rounding-aware tolerance ``|sum(p) - W| <= sum(u_i) + u_W`` (docs/methods.md
    section 9), with ``u`` half a unit of each figure's last written digit. Beyond the tolerance
    the result is "warn" while the gap stays within ``max(2 * tolerance, warn_rel * |W|)``
    (a different rounding convention, or a truncated figure) and "fail" otherwise.

    Args:
        parts: The parts in base units (e.g. FDI and domestic capital).
        whole: The reported total.
        decimals: Decimals written in the parts (one for all, or one per part); None to infer.
        whole_decimals: Decimals written in the whole; defaults to ``decimals`` when that is a
            single number, else inferred.
        scale: The written scale shared by the figures (1e9 for "tỷ").
        warn_rel: The relative gap up to which a miss is only a warning.

    Returns:
        The :class:`CheckResult`; ``discrepancy`` is ``sum(parts) - whole``.

    Example:
        "… 18,09 tỷ USD, trong đó vốn FDI đạt 10,51 tỷ USD … trong nước đạt 7,58 tỷ USD":

        >>> check_parts_sum([10.51e9, 7.58e9], 18.09e9, decimals=2, scale=1e9).status
        'ok'
    """
    values = np.asarray(parts, dtype=float)
    if decimals is None or np.ndim(decimals) == 0:
        part_decimals = [decimals] * len(values)
        if whole_decimals is None:
            whole_decimals = decimals
    else:
        part_decimals = list(decimals)
    units = [half_unit(v, d, scale) for v, d in zip(values, part_decimals, strict=True)]
    tolerance = float(np.sum(units) + half_unit(whole, whole_decimals, scale))
    gap = float(values.sum() - whole)
    slack = 1e-9 * max(abs(whole), 1.0)
    details = {"sum_of_parts": float(values.sum()), "whole": float(whole)}
    if not np.isfinite(gap):
        return CheckResult("fail", gap, tolerance, "a part or the whole is missing", details)
    if abs(gap) <= tolerance + slack:
        status, verdict = "ok", "within rounding"
    elif abs(gap) <= max(2 * tolerance, warn_rel * abs(whole)):
        status, verdict = "warn", "a little beyond rounding"
    else:
        status, verdict = "fail", "beyond rounding"
    message = (
        f"parts sum to {_g(values.sum())} against a whole of {_g(whole)}: gap {_g(gap)}, "
        f"{verdict} (tolerance {_g(tolerance)})"
    )
    return CheckResult(status, gap, tolerance, message, details)


def implied_bases(
    new: Any,
    multiple: float,
    *,
    qualifier: str = "exact",
    decimals: int | None = None,
    rel_tol: float = REL_TOL,
) -> dict[str, Estimate]:
    """Return the base each reading of "m times" implies, when the base was not reported.

    Method: docs/methods.md section 9 ("tăng m lần" usually means ``new = m * base``, the
    ``"times"`` reading, sometimes ``new = (1 + m) * base``, the ``"plus"`` reading); the multiple's
    qualifier gives its band (:func:`~ezlib.methods.bands.value_band`).

    Args:
        new: The new value (an Estimate to carry its rounding, or a number).
        multiple: m as written (1.7 for "1,7 lần").
        qualifier: The multiple's qualifier ("nearly" for "gần").
        decimals: Decimals written in the multiple; None to infer.
        rel_tol: Relative proximity tolerance of the qualifier.

    Returns:
        ``{"times": base, "plus": base}`` as Estimates.

    Example:
        "vốn đầu tư trong nước đạt 7,58 tỷ USD, tăng gần 1,7 lần so với giai đoạn 2015 - 2020":

        >>> bases = implied_bases(7.58e9, 1.7, qualifier="nearly")
        >>> round(bases["times"].point / 1e9, 2), round(bases["plus"].point / 1e9, 2)
        (4.46, 2.81)
    """
    m = figure_estimate(multiple, qualifier, decimals=decimals, rel_tol=rel_tol)
    return {
        "times": divide(new, m, zero_flag="zero_multiple"),
        "plus": divide(new, m + 1.0, zero_flag="zero_multiple"),
    }


def check_multiple(
    new: Any,
    base: Any,
    multiple: float,
    *,
    qualifier: str = "exact",
    decimals: int | None = None,
    rel_tol: float = REL_TOL,
) -> CheckResult:
    """Check a claim "new is m times base" under both readings of "tăng m lần".

    Method: docs/methods.md section 9: the claim holds when ``new / base`` (with the rounding
    bands of both) meets the band of m (the ``"times"`` reading), or when ``new / base - 1`` does
    (the ``"plus"`` reading). "ok" when the usual times reading fits, "warn" when only the plus
    reading fits, or when the base is unknown (``base=None``: the details then give the base each
    reading implies, see :func:`implied_bases`), "fail" when neither fits.

    Args:
        new: The new value (Estimate or number).
        base: The base value (Estimate or number), or None when the source does not give it.
        multiple: m as written.
        qualifier: The multiple's qualifier.
        decimals: Decimals written in the multiple; None to infer.
        rel_tol: Relative proximity tolerance of the qualifier.

    Returns:
        The :class:`CheckResult`; ``discrepancy`` is the observed multiple minus m under the
        reading that fits best, ``tolerance`` the band's reach on that side. ``details`` holds
        ``ratio`` and the fit of each reading, or ``implied_base_times``/``implied_base_plus``.
    """
    m = figure_estimate(multiple, qualifier, decimals=decimals, rel_tol=rel_tol)
    if base is None:
        bases = implied_bases(
            new, multiple, qualifier=qualifier, decimals=decimals, rel_tol=rel_tol
        )
        times, plus = bases["times"], bases["plus"]
        message = (
            f"base not reported: 'm times' implies a base of {_g(times.point)} "
            f"({_g(times.low)} to {_g(times.high)}); '(1 + m) times' implies {_g(plus.point)} "
            f"({_g(plus.low)} to {_g(plus.high)})"
        )
        details = {"implied_base_times": times, "implied_base_plus": plus}
        return CheckResult("warn", float("nan"), float(m.high - m.low) / 2, message, details)
    ratio = divide(new, base, zero_flag="zero_base")
    readings = {"times": ratio, "plus": ratio - 1.0}
    fits = {name: _overlap(observed, m) for name, observed in readings.items()}
    best = min(readings, key=lambda name: abs(readings[name].point - m.point))
    best = "times" if fits["times"] else ("plus" if fits["plus"] else best)
    gap = float(readings[best].point - m.point)
    tolerance = float(m.high - m.point if gap > 0 else m.point - m.low)
    details = {"ratio": ratio, "fits_times": fits["times"], "fits_plus": fits["plus"]}
    if fits["times"]:
        status, verdict = "ok", f"new/base = {_g(ratio.point)} fits m = {_g(multiple)}"
    elif fits["plus"]:
        status = "warn"
        verdict = f"new/base = {_g(ratio.point)} fits only the reading new = (1 + m) * base"
    else:
        status, verdict = "fail", f"new/base = {_g(ratio.point)} fits neither reading"
    return CheckResult(
        status, gap, tolerance, f"{verdict} (band {_g(m.low)}-{_g(m.high)})", details
    )


def check_pct_of_plan(
    achieved: Any,
    pct: float,
    plan: Any,
    *,
    pct_qualifier: str = "exact",
    pct_decimals: int | None = None,
) -> CheckResult:
    """Check "achieved is p% of the plan" against a plan total found elsewhere.

    Method: docs/methods.md section 9: the plan implied by the achieved amount and the
    reported share (:func:`~ezlib.methods.indicators.implied_target`) must meet the plan's own band.

    Args:
        achieved: The achieved amount (Estimate or number).
        pct: The reported share of the plan, in percent.
        plan: The plan total from the other source (Estimate or number).
        pct_qualifier: The share's qualifier ("nearly" for "gần").
        pct_decimals: Decimals written in the share; None to infer.

    Returns:
        The :class:`CheckResult` ("ok" or "fail"); ``discrepancy`` is the plan minus the implied
        plan when their bands do not overlap (0 when they do), ``tolerance`` the implied band's
        reach on that side.
    """
    implied = implied_target(achieved, pct, pct_qualifier=pct_qualifier, pct_decimals=pct_decimals)
    plan = as_estimate(plan)
    gap = float(plan.point - implied.point)
    tolerance = float(implied.high - implied.point if gap > 0 else implied.point - implied.low)
    status = "ok" if _overlap(plan, implied) else "fail"
    if status == "ok":
        gap = 0.0  # a plan the bands allow: nothing to report (a range's midpoint is no claim)
    message = (
        f"the share implies a plan of {_g(implied.point)} ({_g(implied.low)} to "
        f"{_g(implied.high)}); the plan given is {_g(plan.point)}"
    )
    return CheckResult(status, gap, tolerance, message, {"implied_plan": implied})


_SHARE_READINGS = ("pp", "percent", "times")


def check_share_statement(
    share_before: float,
    share_after: float,
    claimed: float | None = None,
    *,
    claimed_as: str = "pp",
    decimals: int | None = None,
    claimed_decimals: int | None = None,
) -> CheckResult:
    """Check a statement about a change in a share: points versus relative change.

    Method: docs/methods.md sections 6 and 9: a change in a share is ``s1 - s0`` percentage
    points, or ``s1 / s0 - 1`` relative (or ``s1 / s0`` times); shares must lie in [0, 100].
    Without a claim the result reports the three readings. With one, "ok" when the reading it was
    stated in fits (within the rounding of all three figures), "warn" when only another reading
    fits (the classic "tăng 15,1%" for +15.1 points), "fail" when none does.

    Args:
        share_before: s0 in percent (45.5 for 45,5%).
        share_after: s1 in percent.
        claimed: The change as stated, or None.
        claimed_as: How it was stated: ``"pp"`` (points), ``"percent"`` (relative %) or
            ``"times"``.
        decimals: Decimals written in the shares; None to infer.
        claimed_decimals: Decimals written in the claim; None to infer.

    Returns:
        The :class:`CheckResult`; ``details`` holds ``pp``, ``relative_pct`` and ``ratio``.

    Raises:
        ValueError: If ``claimed_as`` is not one of "pp", "percent", "times".

    Example:
        Hi-tech share 45,5% (2020) -> 60,6% (2023):

        >>> result = check_share_statement(45.5, 60.6)
        >>> round(result.details["pp"].point, 1), round(result.details["ratio"].point, 2)
        (15.1, 1.33)
    """
    if claimed_as not in _SHARE_READINGS:
        raise ValueError(f"claimed_as must be one of {_SHARE_READINGS}, not {claimed_as!r}")
    s0 = figure_estimate(share_before, decimals=decimals)
    s1 = figure_estimate(share_after, decimals=decimals)
    readings = {
        "pp": s1 - s0,
        "percent": (divide(s1, s0, zero_flag="zero_base") - 1.0) * 100.0,
        "times": divide(s1, s0, zero_flag="zero_base"),
    }
    details = {"pp": readings["pp"], "relative_pct": readings["percent"]}
    details["ratio"] = readings["times"]
    summary = (
        f"{_g(share_before)}% -> {_g(share_after)}% is {readings['pp'].point:+.4g} points, "
        f"x{readings['times'].point:.3g} ({readings['percent'].point:+.3g}% relative)"
    )
    outside = [s for s in (share_before, share_after) if not 0 <= s <= 100]
    if outside:
        return CheckResult(
            "fail", float("nan"), 0.0, f"not a share (outside 0-100): {outside}", details
        )
    if claimed is None:
        return CheckResult("ok", 0.0, 0.0, summary, details)
    claim = figure_estimate(claimed, decimals=claimed_decimals)
    fits = [name for name in _SHARE_READINGS if _overlap(readings[name], claim)]
    stated = readings[claimed_as]
    gap = float(claim.point - stated.point)
    tolerance = float((claim.high - claim.low) / 2 + (stated.high - stated.low) / 2)
    if claimed_as in fits:
        status, verdict = "ok", f"the claim {_g(claimed)} ({claimed_as}) fits"
    elif fits:
        status = "warn"
        verdict = f"the claim {_g(claimed)} was stated as {claimed_as} but fits {fits[0]}"
    else:
        status, verdict = "fail", f"the claim {_g(claimed)} fits no reading"
    return CheckResult(status, gap, tolerance, f"{verdict}: {summary}", details)


def check_total(
    parts: Sequence[Estimate], whole: Estimate, *, warn_rel: float = 0.01
) -> CheckResult:
    """Check that figures add up to a total, each with the band its hedge and rounding allow.

    Method: docs/methods.md section 9 (reconciliation): the sum of the parts' bands (interval
    arithmetic) must overlap the whole's band. Beyond it the result is "warn" while the gap
    between the bands stays within ``warn_rel * |whole|``, and "fail" otherwise. Unlike
    :func:`check_parts_sum` it takes hedged figures ("gần 2,5 tỷ USD") and ranges of plans.

    Args:
        parts: The parts as estimates (:func:`~ezlib.methods.bands.figure_estimate`).
        whole: The total as an estimate.
        warn_rel: The relative gap between the bands up to which a miss is only a warning.

    Returns:
        The :class:`CheckResult`; ``discrepancy`` is the sum's point minus the whole's,
        ``tolerance`` the half-widths of both bands; ``details`` holds ``sum`` and ``whole``.

    Example:
        Hải Phòng's zones, FDI: 2,96 + gần 2,5 + 3,5 tỷ USD against 10,51 tỷ for 2021-2023:

        >>> parts = [figure_estimate(2.96e9, decimals=2, scale=1e9),
        ...          figure_estimate(2.5e9, "nearly", decimals=1, scale=1e9),
        ...          figure_estimate(3.5e9, decimals=1, scale=1e9)]
        >>> result = check_total(parts, figure_estimate(10.51e9, decimals=2, scale=1e9))
        >>> result.status, round(result.discrepancy / 1e9, 2)
        ('fail', -1.55)
    """
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    gap = float(total.point - whole.point)
    tolerance = float((total.high - total.low) / 2 + (whole.high - whole.low) / 2)
    apart = float(max(total.low - whole.high, whole.low - total.high, 0.0))
    details = {"sum": total, "whole": whole, "apart": apart}
    if not np.isfinite(gap):
        return CheckResult("fail", gap, tolerance, "a part or the whole is missing", details)
    if apart == 0:
        status, verdict = "ok", "the bands overlap"
    elif apart <= warn_rel * abs(float(whole.point)):
        status, verdict = "warn", "the bands miss each other narrowly"
    else:
        status, verdict = "fail", "the bands do not overlap"
    message = (
        f"the parts sum to {_g(total.point)} ({_g(total.low)} to {_g(total.high)}) against "
        f"{_g(whole.point)} ({_g(whole.low)} to {_g(whole.high)}): gap {_g(gap)}, {verdict}"
    )
    return CheckResult(status, gap, tolerance, message, details)


def check_cumulative_monotone(
    values: Sequence[float],
    *,
    decimals: int | None = None,
    scale: float = 1.0,
    labels: Sequence[Any] | None = None,
) -> CheckResult:
    """Check that a cumulative series ("lũy kế") never falls, beyond rounding.

    Method: docs/methods.md section 9: a cumulative total can only grow unless it was
    revised; a fall within the rounding of the two figures is "ok", a larger one "fail" (check
    whether the source revised or redefined the series, e.g. registered versus disbursed
    capital). Missing values are skipped.

    Args:
        values: The series in time order, in base units.
        decimals: Decimals written; None to infer.
        scale: The written scale (1e9 for "tỷ").
        labels: Names of the points (years) for the message; positions when None.

    Returns:
        The :class:`CheckResult`; ``discrepancy`` is the largest fall (0 when none),
        ``tolerance`` the rounding allowed at that step, ``details["falls"]`` every fall beyond
        rounding as ``(from label, to label, size)``.
    """
    series = np.asarray(values, dtype=float)
    names = list(labels) if labels is not None else list(range(len(series)))
    kept = [i for i in range(len(series)) if np.isfinite(series[i])]
    falls, worst, worst_tol = [], 0.0, 0.0
    for i, j in itertools.pairwise(kept):
        drop = float(series[i] - series[j])
        tol = float(half_unit(series[i], decimals, scale) + half_unit(series[j], decimals, scale))
        if drop > worst:
            worst, worst_tol = drop, tol
        if drop > tol * (1 + 1e-9):
            falls.append((names[i], names[j], drop))
    if falls:
        where = ", ".join(f"{a} -> {b} by {_g(d)}" for a, b, d in falls)
        return CheckResult(
            "fail", worst, worst_tol, f"cumulative series falls: {where}", {"falls": falls}
        )
    message = "never falls" if worst == 0 else "falls only within rounding"
    return CheckResult("ok", worst, worst_tol, f"cumulative series {message}", {"falls": falls})


def check_units(
    value: float,
    unit: str,
    *,
    vnd_per_usd: float = VND_PER_USD,
    ranges: Mapping[str, tuple[float, float]] = PLAUSIBLE_RANGES,
) -> CheckResult:
    """Check that a figure's magnitude is plausible for its unit (VND versus USD, scale words).

    Method: named-expectation sanity checks in the manner of Our World in Data's etl, with the
    ranges of :data:`PLAUSIBLE_RANGES` (each bound cited there). A USD amount above Vietnam's
    GDP probably is VND; a VND amount below a million probably lost its scale word or is USD.
    Counts and persons must be whole numbers.

    Args:
        value: The figure in base units.
        unit: Its unit (USD, VND, ha, percent, times, count, persons, VND_per_person_per_year).
        vnd_per_usd: Exchange rate for the hint of what a misread currency would amount to.
        ranges: Plausible ``(low, high)`` by unit.

    Returns:
        The :class:`CheckResult`; ``discrepancy`` is how many orders of magnitude the value lies
        outside the plausible range (0 inside), ``tolerance`` 0; "warn" for a unit without a
        range or a fractional count.

    Example:
        "30.615 tỷ đồng" mislabelled as USD:

        >>> check_units(30615e9, "USD").message.split(";")[0]
        'USD 3.0615e+13 is above the plausible 5e+11'
    """
    if unit not in ranges:
        return CheckResult("warn", 0.0, 0.0, f"no plausible range known for unit {unit!r}")
    low, high = ranges[unit]
    details = {"low": low, "high": high}
    if not np.isfinite(value):
        return CheckResult("fail", float("nan"), 0.0, f"{unit} value is missing", details)
    if low <= value <= high:
        if unit in _INTEGER_UNITS and value != round(value):
            return CheckResult("warn", 0.0, 0.0, f"{unit} {_g(value)} is not whole", details)
        return CheckResult("ok", 0.0, 0.0, f"{unit} {_g(value)} is plausible", details)
    above = value > high
    bound = high if above else low
    orders = float(np.log10(abs(value) / bound)) if value > 0 and bound > 0 else float("inf")
    message = f"{unit} {_g(value)} is {'above' if above else 'below'} the plausible {_g(bound)}"
    if unit == "USD" and above and ranges["USD"][0] <= value / vnd_per_usd <= high:
        message += f"; is it VND? That would be {_g(value / vnd_per_usd)} USD"
    elif unit == "VND" and not above and value > 0:
        message += "; a scale word (triệu, tỷ) missed, or a USD figure?"
    return CheckResult("fail", abs(orders), 0.0, message, details)
