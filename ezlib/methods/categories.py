"""Official progress categories (Eurostat, UNSD, ESCAP), with target-achieved and borderline rules.

Each method has two steps: a progress value (an :class:`~ezlib.methods.bands.Estimate`, so it
carries the band of the figures it comes from) and its category under the published thresholds,
which are the defaults and can be overridden. Two rules apply to every method:

- "target achieved" overrides the category when the latest value meets the target (UNSD and
  EUSTAT exceptions list; Statistics Canada/open-sdg ``sdg/ProgressMeasure.py``);
- a result is ``borderline`` when its band straddles a threshold, or when the bands leave it open
  whether the target is met (docs/methods.md section 7).

Targets come in two kinds (docs/methods.md section 6): a ``level`` to reach by the target
year ("130-135 triệu/người/năm by 2025"), assessed with compound growth as the agencies do, and a
``cumulative`` flow over the plan ("15 tỷ USD in 2021-2025"), a counter that starts at 0 and grows
linearly, for which ezlib uses the linear analogues described in each function.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ezlib.methods.bands import Estimate, as_estimate, divide, finish
from ezlib.methods.indicators import (
    MET_STATUSES,
    attainment_share,
    cagr,
    gap_closed,
    met_status_codes,
    pace_index,
    project_cagr,
    target_met,
)
from ezlib.vocabulary import TARGET_KINDS

TARGET_ACHIEVED = "target_achieved"
NOT_ASSESSED = "not_assessed"

EUROSTAT_CUTS = (0.0, 0.60, 0.95)
"""Eurostat SDG monitoring report, ratio of actual to required growth: <0, 0-60%, 60-95%, >=95%."""
EUROSTAT_LABELS = (
    "movement_away",
    "insufficient_progress",
    "moderate_progress",
    "significant_progress",
)

UNSD_CUTS = (-0.1, 0.1, 0.5, 0.95)
"""UNSD SDG Progress Chart Technical Note 2023 (expected-value score P): five bands."""
UNSD_LABELS = (
    "regression",
    "stagnation",
    "marginal_progress",
    "fair_progress",
    "substantial_progress",
)

ESCAP_CUTS = (0.0, 1.0)
"""ESCAP Current Status Index, capped at 1: negative is regression, 1 is the target reached."""
ESCAP_LABELS = ("regression", "progress_made", TARGET_ACHIEVED)


def _floats(x: Any) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _names(labels: tuple[str, ...]) -> np.ndarray:
    # Code i < len(labels) is labels[i]; len(labels) is the override; -1 (the last) is NaN.
    return np.asarray((*labels, TARGET_ACHIEVED, NOT_ASSESSED), dtype=object)


def _label(names: np.ndarray, codes: np.ndarray) -> Any:
    return names[codes] if codes.ndim else names[codes.item()]


@dataclass(frozen=True, eq=False)
class Category:
    """A progress value and its category, held as integer codes into ``labels``.

    Attributes:
        value: The progress value (ratio, score or index) with its band and flags.
        labels: The method's category labels, lowest first.
        code: Category of the point value: an index into ``labels``, ``len(labels)`` for the
            ``target_achieved`` override, -1 for ``not_assessed`` (NaN value: its flags say why).
        code_low: Category of the band's low end (no override).
        code_high: Category of the band's high end (no override).
        borderline: True when the band straddles a threshold, or when whether the target is met
            depends on where in their bands the figures lie.
    """

    value: Estimate
    labels: tuple[str, ...]
    code: Any
    code_low: Any
    code_high: Any
    borderline: Any

    @property
    def label(self) -> Any:
        """The category label (a str, or an object array)."""
        return _label(_names(self.labels), np.asarray(self.code))

    @property
    def label_low(self) -> Any:
        """The category of the band's low end."""
        return _label(_names(self.labels), np.asarray(self.code_low))

    @property
    def label_high(self) -> Any:
        """The category of the band's high end."""
        return _label(_names(self.labels), np.asarray(self.code_high))

    def categorical(self) -> pd.Categorical:
        """Return the labels as a pandas Categorical (cheap for a million rows)."""
        return category_categorical(np.atleast_1d(self.code), self.labels)


def category_categorical(codes: Any, labels: tuple[str, ...]) -> pd.Categorical:
    """Return category codes (as in :class:`Category`) as a pandas Categorical of labels.

    Args:
        codes: Int codes: an index into ``labels``, ``len(labels)`` for ``target_achieved``,
            -1 for ``not_assessed``.
        labels: The method's labels, lowest first.

    Returns:
        A Categorical whose categories are the labels, then ``target_achieved`` and
        ``not_assessed`` (each once).
    """
    names = list(dict.fromkeys(_names(labels)))
    remap = np.asarray([names.index(name) for name in _names(labels)])
    return pd.Categorical.from_codes(remap[np.asarray(codes)], categories=names)


def category_codes(value: Any, cuts: tuple[float, ...]) -> np.ndarray:
    """Return the category index of each value: the number of cuts at or below it.

    A value equal to a cut falls in the upper category (">= 95%" is significant progress).

    Args:
        value: Value(s); NaN gives -1.
        cuts: Thresholds in ascending order.

    Returns:
        An int array, 0 for the lowest category, -1 for NaN.
    """
    value = np.asarray(value, dtype=float)
    codes = np.zeros(value.shape, dtype=np.int64)
    for cut in cuts:
        codes += value >= cut
    return np.where(np.isnan(value), -1, codes)


def _check_cuts(cuts: tuple[float, ...], labels: tuple[str, ...]) -> None:
    if len(labels) != len(cuts) + 1 or list(cuts) != sorted(cuts):
        raise ValueError("cuts must ascend and there must be one label more than cuts")


def classify(value: Any, cuts: tuple[float, ...], labels: tuple[str, ...]) -> Any:
    """Return the category label of each value (``not_assessed`` for NaN).

    Args:
        value: Value(s).
        cuts: Thresholds in ascending order.
        labels: One label more than cuts, lowest category first.

    Returns:
        A label, or an object array of labels.

    Raises:
        ValueError: If the cuts are not ascending or do not match the labels.

    Example:
        >>> classify(0.95, EUROSTAT_CUTS, EUROSTAT_LABELS)
        'significant_progress'
        >>> classify(0.949, EUROSTAT_CUTS, EUROSTAT_LABELS)
        'moderate_progress'
    """
    _check_cuts(cuts, labels)
    return _label(_names(labels), category_codes(value, cuts))


def categorize(
    value: Any,
    cuts: tuple[float, ...],
    labels: tuple[str, ...],
    *,
    met: Any = False,
    met_uncertain: Any = False,
) -> Category:
    """Classify a progress value with the target-achieved override and the borderline rule.

    Method: thresholds as published (Eurostat, UNSD 2023, ESCAP); "target achieved overrides
    the trend category" (UNSD/EUSTAT exceptions, Statistics Canada); borderline when the band's
    ends fall in different categories (docs/methods.md section 7). A target met for sure is
    not borderline whatever the trend's band.

    Args:
        value: The progress value (Estimate or number(s)).
        cuts: Thresholds, ascending.
        labels: Category labels, lowest first.
        met: Whether the target is met at face value (:func:`~ezlib.methods.indicators.target_met`).
        met_uncertain: Whether the bands leave it open if the target is met
            (:func:`~ezlib.methods.indicators.met_status` is "borderline").

    Returns:
        The :class:`Category`.

    Raises:
        ValueError: If the cuts are not ascending or do not match the labels.
    """
    _check_cuts(cuts, labels)
    value = as_estimate(value)
    code = category_codes(value.point, cuts)
    code_low = category_codes(value.low, cuts)
    code_high = category_codes(value.high, cuts)
    met = np.asarray(met, dtype=bool)
    met_uncertain = np.asarray(met_uncertain, dtype=bool)
    straddles = (code_low != code_high) & (code >= 0)
    borderline = np.where(met & ~met_uncertain, False, straddles | met_uncertain)
    code = np.where(met, len(labels), code)
    if code.ndim == 0:
        return Category(value, labels, int(code), int(code_low), int(code_high), bool(borderline))
    return Category(value, labels, code, code_low, code_high, borderline)


def _check_kind(kind: str) -> None:
    if kind not in TARGET_KINDS:
        raise ValueError(f"kind must be one of {TARGET_KINDS}, not {kind!r}")


def _met_at_base(baseline: Estimate, target: Estimate, direction: Any) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.asarray(direction, dtype=float) * (baseline.point - target.point) > 0


def _needs_baseline(baseline: Any, like: Estimate) -> Estimate:
    if baseline is None:
        nan = np.full(np.shape(like.point), np.nan)
        return Estimate(nan, nan, nan, {"no_baseline": np.ones(nan.shape, dtype=bool)})
    return as_estimate(baseline)


def eurostat_ratio(
    actual: Any,
    target: Any,
    years_elapsed: Any,
    years_total: Any,
    *,
    baseline: Any = None,
    kind: str = "level",
    direction: Any = 1,
) -> Estimate:
    """Return Eurostat's ratio of actual to required growth, ``RR = CAGR_a / CAGR_r``.

    Method: Eurostat, *Sustainable development in the European Union: monitoring report*,
    "assessment of progress towards quantitative targets": ``CAGR_a = (A/B)^(1/k) - 1`` and the
    required ``CAGR_r = (T/B)^(1/n) - 1``, both anchored at the base year (docs/methods.md
    section 1). For a ``cumulative`` flow (a counter from 0, where a CAGR is undefined) ezlib uses
    the linear analogue, achieved over required average run-rate ``(A/k) / (T/n)``, which equals
    the pace index.

    Args:
        actual: A.
        target: T.
        years_elapsed: k, years from the base year (level) or plan start (cumulative) to A.
        years_total: n, years from the base year or plan start to the target year.
        baseline: B, the base-year level (required for ``kind="level"``; ignored for
            cumulative flows, whose base is 0).
        kind: ``"level"`` or ``"cumulative"``.
        direction: +1 if more is better, -1 if less is better.

    Returns:
        RR. NaN with ``target_equals_base`` (CAGR_r = 0), ``target_met_at_base`` (the required
        rate points the wrong way), ``no_baseline`` or the flags of
        :func:`~ezlib.methods.indicators.cagr`.

    Raises:
        ValueError: If ``kind`` is not one of :data:`ezlib.vocabulary.TARGET_KINDS`.

    Example:
        >>> round(eurostat_ratio(110.0, 120.0, 3, 5, baseline=100.0).point, 3)
        0.869
    """
    _check_kind(kind)
    a, t = as_estimate(actual), as_estimate(target)
    k, n = np.asarray(years_elapsed, dtype=float), np.asarray(years_total, dtype=float)
    if kind == "cumulative":
        return pace_index(attainment_share(a, t), divide(k, n, zero_flag="invalid_period"))
    b = _needs_baseline(baseline, a)
    growth = cagr(b, a, k)
    required = cagr(b, t, n)
    ratio = divide(growth, required, zero_flag="target_equals_base")
    met_at_base = _met_at_base(b, t, direction)
    return finish(
        ratio.low,
        np.where(met_at_base, np.nan, ratio.point),
        ratio.high,
        ratio.flags,
        target_met_at_base=met_at_base,
    )


def unsd_expected_progress(
    actual: Any,
    target: Any,
    years_elapsed: Any,
    years_total: Any,
    *,
    baseline: Any = None,
    kind: str = "level",
    direction: Any = 1,
    expected: Any = None,
) -> Estimate:
    """Return UNSD's expected-value progress score, ``P = (v_e - B) / (T - B)``.

    Method: UNSD *SDG Progress Chart 2023 Technical Note* (as documented by EUSTAT,
    ``metodologia``): ``v_e = A * (1 + CAGR_a)^(tT - t)``, the value expected at the target year
    at the achieved growth rate. If the target year is past, the latest value is assessed
    (UNSD's rule). For a ``cumulative`` flow ezlib projects at the achieved run-rate
    (``v_e = A * n / k``) with B = 0, so P is the projected share of the target, which for a
    linear flow equals the pace index.

    Args:
        actual: A.
        target: T.
        years_elapsed: k (from the base year, or plan start for a cumulative flow).
        years_total: n (to the target year).
        baseline: B (required for ``kind="level"``).
        kind: ``"level"`` or ``"cumulative"``.
        direction: +1 if more is better, -1 if less is better.
        expected: ``v_e`` if already projected with :func:`~ezlib.methods.indicators.project_cagr`
            (a level only); projected here when None.

    Returns:
        P. NaN with ``target_equals_base``, ``target_met_at_base``, ``no_baseline`` or the CAGR
        flags.

    Raises:
        ValueError: If ``kind`` is not one of :data:`ezlib.vocabulary.TARGET_KINDS`.

    Example:
        >>> round(unsd_expected_progress(110.0, 120.0, 3, 5, baseline=100.0).point, 3)
        0.861
    """
    _check_kind(kind)
    a, t = as_estimate(actual), as_estimate(target)
    k, n = np.asarray(years_elapsed, dtype=float), np.asarray(years_total, dtype=float)
    if kind == "cumulative":
        return eurostat_ratio(a, t, k, n, kind="cumulative")
    b = _needs_baseline(baseline, a)
    if expected is None:
        expected = project_cagr(a, b, k, np.maximum(n - k, 0))
    # P is the gap closed by the expected value: (v_e - B) / (T - B).
    score = gap_closed(expected, t, b)
    met_at_base = _met_at_base(b, t, direction)
    return finish(
        score.low,
        np.where(met_at_base, np.nan, score.point),
        score.high,
        score.flags,
        target_met_at_base=met_at_base,
    )


def escap_current_status(
    actual: Any, target: Any, *, baseline: Any = 0.0, direction: Any = 1, gap: Any = None
) -> Estimate:
    """Return ESCAP's Current Status Index, ``d * (A - B) / |T - B|`` capped at 1.

    Method: ESCAP, *Progress Assessment Methodology* (data.unescap.org), CSI step 1: progress
    made relative to the progress needed since the base year; capped at 1 when the target is met,
    negative for regression. The cap applies to the index only;
    :func:`~ezlib.methods.indicators.gap_closed` keeps the uncapped value.

    Args:
        actual: A.
        target: T.
        baseline: B (0 for a cumulative flow; None flags ``no_baseline``).
        direction: +1 if more is better, -1 if less is better.
        gap: :func:`~ezlib.methods.indicators.gap_closed` of the same figures, if already computed.

    Returns:
        The index. NaN with ``target_equals_base`` or ``target_met_at_base``.

    Example:
        >>> escap_current_status(10.51e9, 12.5e9).point < 1
        True
    """
    a, t = as_estimate(actual), as_estimate(target)
    b = _needs_baseline(baseline, a)
    if gap is None:
        gap = gap_closed(a, t, b)
    # d * (A - B) / |T - B| = s * gap closed, with s = d * sign(T - B) fixed over the bands
    # (where T - B could change sign the gap's band is already unbounded).
    d = np.asarray(direction, dtype=float)
    s = np.where(np.isin(d, (1, -1)), d, np.nan) * np.sign(_floats(t.point) - _floats(b.point))
    low = np.where(s < 0, -_floats(gap.high), gap.low)
    high = np.where(s < 0, -_floats(gap.low), gap.high)
    met_at_base = _met_at_base(b, t, direction)
    return finish(
        np.minimum(low, 1),
        np.where(met_at_base, np.nan, np.minimum(s * _floats(gap.point), 1)),
        np.minimum(high, 1),
        gap.flags,
        target_met_at_base=met_at_base,
        invalid_direction=~np.isin(d, (1, -1)),
    )


def met_rule(actual: Any, target: Any, *, direction: Any = 1, is_range: Any = False) -> tuple:
    """Return the two inputs of the target-achieved rule: met at face value, and uncertain.

    Method: :func:`~ezlib.methods.indicators.target_met` (UNSD/EUSTAT/StatCan "target achieved") and
    :func:`~ezlib.methods.indicators.met_status` being "borderline" (docs/methods.md section 7).

    Args:
        actual: A.
        target: T (a threshold band).
        direction: +1 if more is better, -1 if less is better.
        is_range: Whether the target is a range (met at its floor).

    Returns:
        ``(met, met_uncertain)``, bools or bool arrays, for :func:`categorize`.
    """
    met = target_met(actual, target, direction=direction, is_range=is_range)
    codes = met_status_codes(actual, target, direction=direction, is_range=is_range)
    return met, codes == MET_STATUSES.index("borderline")


def _with_met_rule(value, cuts, labels, actual, target, direction, is_range) -> Category:
    met, uncertain = met_rule(actual, target, direction=direction, is_range=is_range)
    return categorize(value, cuts, labels, met=met, met_uncertain=uncertain)


def eurostat_progress(
    actual: Any,
    target: Any,
    years_elapsed: Any,
    years_total: Any,
    *,
    baseline: Any = None,
    kind: str = "level",
    direction: Any = 1,
    is_range: Any = False,
    cuts: tuple[float, ...] = EUROSTAT_CUTS,
) -> Category:
    """Assess progress the Eurostat way: RR and its category (>= 95%, 60-95%, 0-60%, < 0).

    Method: Eurostat SDG monitoring report, quantitative targets (see :func:`eurostat_ratio`),
    with the target-achieved override and the borderline rule (:func:`categorize`).

    Args:
        actual: A.
        target: T (a threshold band: ``figure_estimate(..., target=True)``).
        years_elapsed: k.
        years_total: n.
        baseline: B (required for a level).
        kind: ``"level"`` or ``"cumulative"``.
        direction: +1 if more is better, -1 if less is better.
        is_range: Whether the target is a range (met at its floor).
        cuts: Thresholds, ascending (default :data:`EUROSTAT_CUTS`).

    Returns:
        The :class:`Category` with labels from :data:`EUROSTAT_LABELS`.

    Example:
        >>> eurostat_progress(10.51e9, 12.51e9, 3, 5, kind="cumulative").label
        'significant_progress'
    """
    ratio = eurostat_ratio(
        actual,
        target,
        years_elapsed,
        years_total,
        baseline=baseline,
        kind=kind,
        direction=direction,
    )
    return _with_met_rule(ratio, cuts, EUROSTAT_LABELS, actual, target, direction, is_range)


def unsd_progress(
    actual: Any,
    target: Any,
    years_elapsed: Any,
    years_total: Any,
    *,
    baseline: Any = None,
    kind: str = "level",
    direction: Any = 1,
    is_range: Any = False,
    cuts: tuple[float, ...] = UNSD_CUTS,
) -> Category:
    """Assess progress the UNSD 2023+ way: P and its category (0.95 / 0.5 / 0.1 / -0.1).

    Method: UNSD SDG Progress Chart Technical Note 2023 (see :func:`unsd_expected_progress`),
    with the target-achieved override and the borderline rule (:func:`categorize`).

    Args:
        actual: A.
        target: T (a threshold band).
        years_elapsed: k.
        years_total: n.
        baseline: B (required for a level).
        kind: ``"level"`` or ``"cumulative"``.
        direction: +1 if more is better, -1 if less is better.
        is_range: Whether the target is a range (met at its floor).
        cuts: Thresholds, ascending (default :data:`UNSD_CUTS`).

    Returns:
        The :class:`Category` with labels from :data:`UNSD_LABELS`.
    """
    score = unsd_expected_progress(
        actual,
        target,
        years_elapsed,
        years_total,
        baseline=baseline,
        kind=kind,
        direction=direction,
    )
    return _with_met_rule(score, cuts, UNSD_LABELS, actual, target, direction, is_range)


def escap_progress(
    actual: Any,
    target: Any,
    *,
    baseline: Any = 0.0,
    direction: Any = 1,
    is_range: Any = False,
    cuts: tuple[float, ...] = ESCAP_CUTS,
) -> Category:
    """Assess the current status the ESCAP way: the CSI and its reading.

    Method: ESCAP Current Status Index (see :func:`escap_current_status`). ESCAP publishes the
    index, not categories; ezlib reads it as ``regression`` (< 0), ``progress_made`` (0 to 1) and
    ``target_achieved`` (capped at 1), with the borderline rule.

    Args:
        actual: A.
        target: T (a threshold band).
        baseline: B (0 for a cumulative flow).
        direction: +1 if more is better, -1 if less is better.
        is_range: Whether the target is a range (met at its floor).
        cuts: Thresholds, ascending (default :data:`ESCAP_CUTS`).

    Returns:
        The :class:`Category` with labels from :data:`ESCAP_LABELS`.
    """
    index = escap_current_status(actual, target, baseline=baseline, direction=direction)
    return _with_met_rule(index, cuts, ESCAP_LABELS, actual, target, direction, is_range)
