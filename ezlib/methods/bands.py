"""Reported figures as value bands: qualifiers and rounding become intervals that propagate.

A figure in a zone report is rarely exact: "gần 84%", "khoảng 35.000 lao động", "130-135 triệu",
and even "10,51 tỷ USD" only fixes the value to half a unit of its last written digit. This module
turns each figure into an interval and carries intervals through arithmetic, so that every result
is a ``(low, point, high)`` :class:`Estimate`.

Method (docs/methods.md, section 7): the qualifier semantics follow Wierzbicka (1986),
"Precision in vagueness", J. Pragmatics 10(5) (approximatives such as "nearly" imply x < n and x
close to n; "about" is symmetric) and linglib's ``NumeralModifiers`` (tolerance, interval, bound
and exact modifiers). Bands propagate by interval arithmetic: a function monotone in each of its
arguments takes its extremes at the corners of the box of input intervals (Moore, *Interval
Analysis*, 1966).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ezlib.vocabulary import QUALIFIERS

REL_TOL = 0.05
"""Default proximity tolerance δ of approx, nearly and over, as a share of the value (5%)."""

PERCENT_TOL_PP = 1.0
"""Default proximity tolerance for percentages, in percentage points: "gần 84%" is 83-84%."""

MAX_INFERRED_DECIMALS = 6
"""The most decimals :func:`infer_decimals` will look for."""

_CODE = {name: code for code, name in enumerate(QUALIFIERS)}
_UNKNOWN = -1


def _floats(x: Any) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _scalar_or_array(x: np.ndarray) -> Any:
    return x.item() if x.ndim == 0 else x


def merge_flags(*sources: Mapping[str, Any], **new: Any) -> dict[str, Any]:
    """Combine flag mappings (name -> bool or bool array) by element-wise OR.

    A flag is kept only if it is set somewhere, so ``"zero_base" in flags`` asks whether any
    element has it.

    Args:
        *sources: Flag mappings, such as the ``flags`` of input estimates.
        **new: Further flags, each a bool or a bool array.

    Returns:
        A new dict of the flags that are set for at least one element.
    """
    out: dict[str, Any] = {}
    for source in (*sources, new):
        for name, mask in source.items():
            mask = np.asarray(mask, dtype=bool)
            if not mask.any():
                continue
            out[name] = (out[name] | mask) if name in out else mask
    return out


@dataclass(frozen=True, eq=False)
class Estimate:
    """A value with its band: ``low <= point <= high``, for scalars or aligned arrays.

    ``low`` and ``high`` may be ``-inf``/``inf`` for an open bound ("trở lên", "không quá").
    ``flags`` maps a pitfall's name ("zero_base", "target_met", ...) to a bool, or to a bool array
    when the fields are arrays; only flags that are set somewhere are present. A NaN ``point``
    always carries at least one flag.

    Arithmetic (``+ - * /``, unary ``-``) is interval arithmetic on the band and ordinary
    arithmetic on the point; plain numbers mix in as exact values.

    Example:
        >>> low, point, high = Estimate(10.505, 10.51, 10.515) / Estimate(0.83, 0.84, 0.84)
        >>> round(point, 3), round(high, 3)
        (12.512, 12.669)
    """

    low: Any
    point: Any
    high: Any
    flags: Mapping[str, Any] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.low, self.point, self.high))

    @property
    def width(self) -> Any:
        """The width of the band, ``high - low`` (``inf`` for an open band)."""
        return self.high - self.low

    def contains(self, value: Any) -> Any:
        """Return whether ``value`` lies inside the closed band, element by element."""
        value = _floats(value)
        return _scalar_or_array((_floats(self.low) <= value) & (value <= _floats(self.high)))

    def flagged(self, name: str) -> Any:
        """Return the mask of flag ``name``: a bool, or a bool array shaped like the point."""
        mask = self.flags.get(name, False)
        return _scalar_or_array(np.broadcast_to(mask, np.shape(self.point)).copy())

    def __add__(self, other: Any) -> Estimate:
        return propagate(np.add, self, other)

    def __radd__(self, other: Any) -> Estimate:
        return propagate(np.add, other, self)

    def __sub__(self, other: Any) -> Estimate:
        return propagate(np.subtract, self, other)

    def __rsub__(self, other: Any) -> Estimate:
        return propagate(np.subtract, other, self)

    def __mul__(self, other: Any) -> Estimate:
        return propagate(np.multiply, self, other)

    def __rmul__(self, other: Any) -> Estimate:
        return propagate(np.multiply, other, self)

    def __truediv__(self, other: Any) -> Estimate:
        return divide(self, other)

    def __rtruediv__(self, other: Any) -> Estimate:
        return divide(other, self)

    def __neg__(self) -> Estimate:
        return Estimate(-_floats(self.high), -_floats(self.point), -_floats(self.low), self.flags)


def as_estimate(x: Any) -> Estimate:
    """Return ``x`` as an :class:`Estimate`; a plain number or array becomes an exact value.

    A NaN plain value is flagged ``missing_value``.

    Args:
        x: An Estimate, a number or an array of numbers.

    Returns:
        The estimate (``x`` itself if it is one already).
    """
    if isinstance(x, Estimate):
        return x
    value = _floats(x)
    return finish(value, value, value, missing_value=np.isnan(value))


def finish(low: Any, point: Any, high: Any, *sources: Mapping[str, Any], **new: Any) -> Estimate:
    """Build the result :class:`Estimate` of a computation and enforce its contract.

    Merges the flags, sets a NaN point's band to NaN, flags ``undefined`` any NaN point that no
    other flag explains, and turns 0-d arrays into Python floats and bools.

    Args:
        low: Lower ends.
        point: Point values.
        high: Upper ends.
        *sources: Flag mappings to carry over (usually the inputs' flags).
        **new: New flags (bool or bool arrays).

    Returns:
        The estimate.
    """
    point = _floats(point)
    missing = np.isnan(point)
    flags = merge_flags(*sources, **new)
    low, high = _floats(low), _floats(high)
    if missing.any():
        low = np.where(missing, np.nan, low)
        high = np.where(missing, np.nan, high)
        explained = np.zeros(point.shape, dtype=bool)
        for mask in flags.values():
            explained = explained | mask
        flags = merge_flags(flags, undefined=missing & ~explained)
    if point.ndim == 0:
        flags = {name: bool(mask) for name, mask in flags.items()}
        return Estimate(float(low), float(point), float(high), flags)
    shape = point.shape
    flags = {name: _shaped(mask, shape) for name, mask in flags.items()}
    return Estimate(_shaped(low, shape), point, _shaped(high, shape), flags)


def _shaped(x: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    return x if x.shape == shape else np.broadcast_to(x, shape)


def _has_width(e: Estimate) -> bool:
    return bool(np.any(e.low != e.high))


def corner_band(func: Callable[..., Any], *args: Estimate) -> tuple[Any, Any, Any]:
    """Evaluate ``func`` at the points and at every corner of the box of the input bands.

    Valid for a function that is monotone in each argument while the others are held fixed
    (interval arithmetic by corners; Moore 1966). Arguments without width are held at their
    point, so exact inputs cost nothing. NaN corners (e.g. 0/0 at an open end) are skipped.

    Args:
        func: A vectorised function of as many arrays as there are ``args``.
        *args: The input estimates (already coerced with :func:`as_estimate`).

    Returns:
        ``(low, point, high)`` arrays; the band always contains the point.
    """
    # Arrays even for scalars, so that x / 0 is inf or NaN (numpy), not a ZeroDivisionError.
    points = [_floats(a.point) for a in args]
    varying = [i for i, a in enumerate(args) if _has_width(a)]
    with np.errstate(all="ignore"):
        point = _floats(func(*points))
        low = high = point
        for sides in itertools.product((0, 1), repeat=len(varying)):
            values = list(points)
            for i, side in zip(varying, sides, strict=True):
                values[i] = _floats(args[i].high if side else args[i].low)
            corner = func(*values)
            low, high = np.fmin(low, corner), np.fmax(high, corner)
    return low, point, high


def propagate(
    func: Callable[..., Any],
    *args: Any,
    denominator: Callable[..., Any] | None = None,
    zero_flag: str = "zero_division",
    flags: Mapping[str, Any] | None = None,
) -> Estimate:
    """Apply ``func`` to estimates by interval arithmetic and return an :class:`Estimate`.

    Method: corner evaluation (see :func:`corner_band`), valid for functions monotone in each
    argument, such as sums, products, ratios with a denominator of fixed sign, A/T, (A-B)/(T-B).
    When the function is a quotient, pass its ``denominator``, a function of the input estimates
    returning the denominator's ``(low, point, high)`` (e.g. :func:`difference_band`): where the
    denominator's point is 0 the point is NaN and flagged ``zero_flag``; where its band straddles
    0 the result's band is ``(-inf, inf)`` and flagged ``band_unbounded``.

    Args:
        func: A vectorised function of as many arrays as ``args``.
        *args: Estimates, numbers or arrays (plain numbers are exact).
        denominator: Optional function of the input estimates giving the denominator's band.
        zero_flag: The flag name for a zero denominator.
        flags: Further flags (name -> mask) that explain NaNs ``func`` produces on purpose.

    Returns:
        The propagated estimate, with the inputs' flags carried over.

    Example:
        >>> gap = propagate(lambda a, b: a - b, Estimate(9.5, 10.0, 10.5), 4.0)
        >>> tuple(gap)
        (5.5, 6.0, 6.5)
    """
    ests = [as_estimate(a) for a in args]
    low, point, high = corner_band(func, *ests)
    flags = dict(flags or {})
    if denominator is not None:
        d_low, d_point, d_high = (_floats(x) for x in denominator(*ests))
        zero = d_point == 0
        straddles = (d_low < 0) & (d_high > 0)
        point = np.where(zero, np.nan, point)
        low = np.where(straddles, -np.inf, low)
        high = np.where(straddles, np.inf, high)
        flags = merge_flags(flags, **{zero_flag: zero, "band_unbounded": straddles & ~zero})
    return finish(low, point, high, *(e.flags for e in ests), **flags)


def divide(numerator: Any, denominator: Any, *, zero_flag: str = "zero_division") -> Estimate:
    """Divide two estimates by interval arithmetic (see :func:`propagate`).

    Args:
        numerator: An Estimate or number(s).
        denominator: An Estimate or number(s).
        zero_flag: The flag name for a zero denominator point.

    Returns:
        The quotient; NaN and flagged where the denominator is 0, an unbounded band where the
        denominator's band straddles 0.
    """
    return propagate(np.divide, numerator, denominator, denominator=_second, zero_flag=zero_flag)


def _second(_: Estimate, b: Estimate) -> Estimate:
    return b


def difference_band(x: Estimate, y: Estimate) -> tuple[Any, Any, Any]:
    """Return the band of ``x - y`` by interval subtraction: ``[x.low - y.high, x.high - y.low]``.

    Args:
        x: An estimate.
        y: An estimate.

    Returns:
        ``(low, point, high)`` of the difference.
    """
    return x.low - y.high, x.point - y.point, x.high - y.low


def vocabulary_codes(values: Any, vocabulary: tuple[str, ...], *, missing: int = -1) -> np.ndarray:
    """Return the position of each string in ``vocabulary`` (-1 if absent, ``missing`` if NA).

    Factorises first, so a million strings cost one hash pass (fast on pandas' Arrow strings).

    Args:
        values: A 1-d array-like or Series of strings (None/NaN for missing).
        vocabulary: The known strings.
        missing: The code for a missing value.

    Returns:
        An int64 array shaped like ``values``.
    """
    if not isinstance(values, pd.Series):
        values = np.asarray(values, dtype=object).ravel()
    codes, uniques = pd.factorize(values)
    position = {name: i for i, name in enumerate(vocabulary)}
    lookup = np.asarray([position.get(u, -1) for u in uniques] + [missing], dtype=np.int64)
    return lookup[codes]


def qualifier_codes(qualifier: Any) -> np.ndarray:
    """Return the position of each qualifier in :data:`QUALIFIERS`, -1 where it is unknown.

    Args:
        qualifier: A qualifier string, an array-like or Series of them (None or NaN count as
            "exact", the extractor's default for a bare figure), or an int array of codes
            already (returned as it is).

    Returns:
        An int array (0-d for a single string).
    """
    if isinstance(qualifier, str):
        return np.asarray(_CODE.get(qualifier, _UNKNOWN))
    if qualifier is None:
        return np.asarray(_CODE["exact"])
    if isinstance(qualifier, np.ndarray) and qualifier.dtype.kind in "iu":
        return qualifier.astype(np.int64, copy=False)
    codes = vocabulary_codes(qualifier, QUALIFIERS, missing=_CODE["exact"])
    return codes.reshape(np.shape(qualifier))


def infer_decimals(value: Any, scale: Any = 1.0) -> Any:
    """Return the fewest decimals that write ``value / scale`` exactly.

    Use it when the extractor did not record how many decimals were written: 10.51e9 in scale 1e9
    gives 2, 84 gives 0. A trailing zero that was written ("10,50") cannot be recovered, so the
    band may come out narrower than the text allows; pass ``decimals`` when known.

    Args:
        value: Value(s) in base units.
        scale: The written scale (1e9 for "tỷ", 1e6 for "triệu", 1 for a bare number).

    Returns:
        An int (or float array) between 0 and :data:`MAX_INFERRED_DECIMALS`; NaN for NaN.
    """
    written = np.abs(_floats(value) / _floats(scale))
    found = np.full(written.shape, np.nan)
    for d in range(MAX_INFERRED_DECIMALS + 1):
        fits = np.isnan(found) & (
            np.abs(np.round(written, d) - written) <= 1e-9 * np.maximum(written, 1.0)
        )
        found = np.where(fits, d, found)
    found = np.where(np.isnan(found) & np.isfinite(written), MAX_INFERRED_DECIMALS, found)
    return int(found) if found.ndim == 0 and not np.isnan(found) else _scalar_or_array(found)


def half_unit(value: Any, decimals: Any = None, scale: Any = 1.0) -> Any:
    """Return the rounding half-unit of a written figure, in base units.

    ``u = 0.5 * scale * 10**-decimals``: "10,51 tỷ USD" is value 10.51e9, decimals 2, scale 1e9,
    so u = 0.005e9. Decimals may be negative for a figure rounded to tens or thousands. Where
    ``decimals`` is None or NaN it is inferred with :func:`infer_decimals`.

    Args:
        value: Value(s) in base units.
        decimals: Decimal places written (in the written scale), or None/NaN to infer.
        scale: The written scale: 1e9 (tỷ), 1e6 (triệu), 1e3 (nghìn), 1e12 (nghìn tỷ), 1.

    Returns:
        The half-unit(s), a float or an array.
    """
    value, scale = _floats(value), _floats(scale)
    if decimals is None:
        dec = _floats(infer_decimals(value, scale))
    else:
        dec = _floats(decimals)
        if np.isnan(dec).any():
            dec = np.where(np.isnan(dec), infer_decimals(value, scale), dec)
    return _scalar_or_array(0.5 * scale * 10.0**-dec)


def value_band(
    value: Any,
    qualifier: Any = "exact",
    value_high: Any = None,
    *,
    decimals: Any = None,
    scale: Any = 1.0,
    rel_tol: float = REL_TOL,
    abs_tol: Any = None,
    target: bool = False,
) -> tuple[Any, Any]:
    """Return the interval ``(low, high)`` that a reported figure allows.

    Method: docs/methods.md section 7 (after Wierzbicka 1986 and linglib NumeralModifiers).
    With ``u`` the half-unit of the last written digit (:func:`half_unit`) and ``δ`` the
    proximity tolerance (``abs_tol`` where given, else ``rel_tol * |X|``):

    ===========  ==========================  =============================================
    qualifier    reported value (default)    target threshold (``target=True``)
    ===========  ==========================  =============================================
    exact        [X - u, X + u]              [X, X]: a plan figure is a decision, not a
                                             measurement
    approx       [X - max(u, δ), X + max(u, δ)]  same: "met within tolerance"
    nearly       [X - max(2u, δ), X]         same
    over         [X, X + max(2u, δ)]         [X, X]: exceed X
    at_least     [X, inf)                    [X, X]: the floor
    at_most      (-inf, X]                   [X, X]: the ceiling
    range        [X, value_high]             [X, value_high]: floor and ceiling
    ===========  ==========================  =============================================

    For percentages pass ``abs_tol=PERCENT_TOL_PP`` (1 point): "gần 84%" gives [83, 84].
    An unknown qualifier, or a range without its upper end, gives NaN.

    Args:
        value: The figure(s) in base units (18,09 tỷ USD -> 18.09e9).
        qualifier: One of :data:`QUALIFIERS`, or an array of them.
        value_high: The upper end of a range (ignored for other qualifiers).
        decimals: Decimals written in the written scale; None/NaN to infer.
        scale: The written scale (1e9 for "tỷ"); scalar or array.
        rel_tol: Relative proximity tolerance δ (default 5%).
        abs_tol: Absolute proximity tolerance (scalar or array; NaN entries fall back to
            ``rel_tol``), e.g. 1.0 for a percentage.
        target: Read the figure as a target threshold rather than as a reported value.

    Returns:
        ``(low, high)``: floats, or arrays when any input is an array.

    Example:
        >>> value_band(84, "nearly", decimals=0, abs_tol=PERCENT_TOL_PP)
        (83.0, 84.0)
        >>> value_band(10.51e9, "exact", decimals=2, scale=1e9)
        (10505000000.0, 10515000000.0)
    """
    x = _floats(value)
    code = qualifier_codes(qualifier)
    u = _floats(half_unit(x, decimals, scale))
    prox = rel_tol * np.abs(x)
    if abs_tol is not None:
        tol = _floats(abs_tol)
        prox = np.where(np.isnan(tol), prox, tol)
    near = np.maximum(2 * u, prox)
    about = np.maximum(u, prox)
    # One choice per qualifier code (the last: unknown), what to take off (low) and add (high).
    row = np.where(code < 0, len(QUALIFIERS), code)
    if target:
        below = (0.0, about, near, 0.0, 0.0, 0.0, 0.0, np.nan)
        above = (0.0, about, 0.0, 0.0, 0.0, 0.0, 0.0, np.nan)
    else:
        below = (u, about, near, 0.0, 0.0, np.inf, 0.0, np.nan)
        above = (u, about, 0.0, near, np.inf, 0.0, 0.0, np.nan)
    low = x - _per_row(row, below)
    high = x + _per_row(row, above)
    is_range = code == _CODE["range"]
    if np.any(is_range):
        # A range is its two ends; a missing upper end gives NaN (np.minimum propagates it).
        top = np.nan if value_high is None else _floats(value_high)
        low = np.where(is_range, np.minimum(x, top), low)
        high = np.where(is_range, np.maximum(x, top), high)
    return _scalar_or_array(low), _scalar_or_array(high)


def _per_row(row: np.ndarray, choices: tuple[Any, ...]) -> np.ndarray:
    """Return ``choices[row[i]][i]`` for every i (a flat take: faster than np.choose/select)."""
    shape = np.broadcast_shapes(row.shape, *(np.shape(c) for c in choices))
    size = int(np.prod(shape))
    stacked = np.empty((len(choices), *shape))
    for i, choice in enumerate(choices):
        stacked[i] = choice
    index = np.broadcast_to(row, shape).reshape(size) * size + np.arange(size)
    return stacked.reshape(-1).take(index).reshape(shape)


def figure_estimate(
    value: Any,
    qualifier: Any = "exact",
    value_high: Any = None,
    *,
    decimals: Any = None,
    scale: Any = 1.0,
    rel_tol: float = REL_TOL,
    abs_tol: Any = None,
    target: bool = False,
) -> Estimate:
    """Return a reported figure as an :class:`Estimate` (band from :func:`value_band`).

    The point is the figure at face value, or the midpoint of a range (for single-number charts
    only: docs/methods.md section 7). Flags: ``unknown_qualifier``, ``missing_range_end``,
    ``missing_value``, ``open_band`` (an ``at_least``/``at_most`` value with an infinite end).

    Args:
        value: The figure(s) in base units.
        qualifier: One of :data:`QUALIFIERS`, or an array of them.
        value_high: The upper end of a range.
        decimals: Decimals written in the written scale; None/NaN to infer.
        scale: The written scale (1e9 for "tỷ").
        rel_tol: Relative proximity tolerance (default 5%).
        abs_tol: Absolute proximity tolerance, e.g. :data:`PERCENT_TOL_PP` for percentages.
        target: Read the figure as a target threshold (see :func:`value_band`).

    Returns:
        The estimate.

    Example:
        "130-135 triệu/người/năm" as a target:

        >>> tuple(figure_estimate(130e6, "range", 135e6, target=True))
        (130000000.0, 132500000.0, 135000000.0)
    """
    low, high = value_band(
        value,
        qualifier,
        value_high,
        decimals=decimals,
        scale=scale,
        rel_tol=rel_tol,
        abs_tol=abs_tol,
        target=target,
    )
    low, high = _floats(low), _floats(high)
    x = _floats(value)
    code = qualifier_codes(qualifier)
    is_range = code == _CODE["range"]
    point = np.where(is_range, (low + high) / 2, x)
    unknown = code == _UNKNOWN
    no_end = is_range & np.isnan(high) & ~np.isnan(x)
    return finish(
        low,
        np.where(unknown | no_end, np.nan, point),
        high,
        missing_value=np.isnan(x),
        unknown_qualifier=unknown,
        missing_range_end=no_end,
        open_band=np.isinf(low) | np.isinf(high),
    )
