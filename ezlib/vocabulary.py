"""The words ezlib's tables and figures are written in: one home for every enumerated vocabulary.

Every layer imports these; none defines its own. Each tuple is ordered: the position of a word
is its integer code where code runs vectorised (:func:`ezlib.methods.bands.qualifier_codes`).
"""

from __future__ import annotations

LANGUAGES = ("vi", "en")
"""Languages of sources and reports, and the two number conventions of the text: ``vi`` writes
6.418,5 (``.`` groups thousands, ``,`` is the decimal mark), ``en`` writes 6,418.5."""

QUALIFIERS = ("exact", "approx", "nearly", "over", "at_least", "at_most", "range")
"""The hedge on a figure: khoảng = approx, gần = nearly, hơn/trên = over, trở lên/ít nhất =
at_least, không quá/tối đa = at_most, 130-135 = range (value and value_high)."""

FACT_KINDS = ("target", "actual", "baseline")
"""What a curated fact states: a plan's target, an actual result, or the baseline of a change."""

FIGURE_KINDS = (*FACT_KINDS, "other")
"""What the extractor guesses a figure in a text reports: a fact kind, or ``other``."""

TARGET_KINDS = ("level", "cumulative")
"""How a target is assessed: a value to reach by the end year ("130-135 triệu/người/năm vào
năm 2025") or a flow summed over the plan ("thu hút 15 tỷ USD giai đoạn 2021-2025")."""

MEASURES = ("flow", "level", "increment", "growth", "multiple", "share")
"""How a fact's figure relates to time and to other figures: flow = sum over period_start..
period_end; level = stock or rate at as_of; increment = what a level gains over
period_start..period_end ("có thêm 15 khu công nghiệp", "thành lập mới 3 KCN"); growth = % change
on a reference; multiple = times a reference; share = % of a reference (e.g. of the plan)."""

REFERENCES = ("plan", "period", "province")
"""What a growth, multiple or share is relative to."""

MONEY_UNITS = ("USD", "VND", "EUR", "JPY", "CNY", "KRW")
"""Currencies the extractor reads."""

_BASE_UNITS = (
    *MONEY_UNITS,
    "percent",
    "percentage_points",
    "points",
    "ha",
    "m2",
    "km2",
    "times",
    "count",
    "persons",
    "years",
    "months",
    "days",
    "km",
    "m",
    "m3",
    "tonnes",
    "TEU",
    "MW",
    "kW",
    "GW",
    "kWh",
    "MWh",
)
# Rates: money per person per year (income), per m2 per month (rent), per ha, per project ...
_MONEY_RATES = (
    "person",
    "person_per_year",
    "person_per_month",
    "year",
    "month",
    "day",
    "m2",
    "m2_per_month",
    "m2_per_year",
    "m2_per_lease",
    "ha",
    "project",
    "tonne",
)
UNITS = (
    *_BASE_UNITS,
    *(f"{money}_per_{rate}" for money in MONEY_UNITS for rate in _MONEY_RATES),
    "persons_per_ha",
    "persons_per_project",
    "tonnes_per_year",
    "TEU_per_year",
)
"""Every unit a figure in a text can have: base units, and rates such as
``VND_per_person_per_year``."""

UNIT_FAMILIES: dict[str, tuple[str, ...]] = {
    "money": ("USD", "VND"),
    "count": ("count",),
    "area": ("ha", "m2"),
    "persons": ("persons",),
    "percent": ("percent",),
    "income": ("VND_per_person_per_year", "USD_per_person_per_year"),
}
"""Which units a curated fact of each indicator's unit family may carry (a subset of UNITS)."""

FACT_UNITS = tuple(sorted({u for units in UNIT_FAMILIES.values() for u in units} | {"times"}))
"""Every unit a curated fact may carry: those of the unit families, and ``times`` for a
multiple."""

USD_UNITS = {"VND": "USD", "VND_per_person_per_year": "USD_per_person_per_year"}
"""The USD unit that each VND fact unit is converted to."""

FACT_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "kind": FACT_KINDS,
    "measure": MEASURES,
    "reference": ("", *REFERENCES),
    "unit": FACT_UNITS,
    "qualifier": QUALIFIERS,
}
"""The allowed values of each enumerated column of the facts table (``reference`` may be
empty)."""

CAVEATS = (
    "doubtful",
    "ambiguous",
    "conflict",
    "draft",
    "anomaly",
    "provisional_rate",
    "part_year",
    "scope",
)
"""What a reader must know before citing a figure: its scope is doubtful, its reading
ambiguous, sources disagree, the target is a draft, the value is implausible, its USD value
uses a provisional exchange rate, it covers part of a year, or it is compared across a change
of scope (another entity, a merged province)."""

NOTE_TAGS = {
    "DOUBTFUL": "doubtful",
    "AMBIGUOUS": "ambiguous",
    "CONFLICT": "conflict",
    "DRAFT": "draft",
    "ANOMALY": "anomaly",
}
"""The curator's tags in a fact's note (upper case, e.g. "CONFLICT: VNS gives 2-2.5 bn") and
the caveat each one raises."""

PLAN_STATUSES = ("open", "met", "borderline", "not_met", "not_measurable")
"""Where a target's plan stands once its period is over (``open`` while it runs): met, met
only within the bands (``borderline``), not met on evidence that covers the whole period, or
not measurable (no result, or results that stop before the period's end short of the target)."""

TARGET_STATUSES = ("met", "borderline", "on_pace", "behind", "not_met", "not_measurable")
"""How a target stands, as the zone page's headline and cards count it: a closed plan's final
status (:data:`PLAN_STATUSES`); for a plan still running, ``met`` once reached early,
``on_pace`` or ``behind`` a linear pace (pace index at least 1, or below), and
``not_measurable`` without a result or a pace."""
